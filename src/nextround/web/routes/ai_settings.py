"""The Settings page's AI coach section: the endpoint and model, the key (to the OS keyring), agreeing to what
is sent where, turning it off, and a test request."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from nextround.errors import UserError, errors_by_field
from nextround.services.ai_config import (
    ai_key,
    ai_status,
    check_ai,
    disable_ai,
    enable_ai,
    remove_ai_key,
    save_ai_key,
    save_ai_settings,
)
from nextround.services.workspace import Workspace
from nextround.web.deps import FormDep, WorkspaceDep
from nextround.web.forms import form_text
from nextround.web.mail_sections import broken_setup, server_fixer
from nextround.web.responses import failure_reason, redirect_with_failure

router = APIRouter(include_in_schema=False)

NOTICES = {
    "saved": "AI coach settings saved.",
    "on": "The AI coach is on.",
    "off": "The AI coach is off: nothing will be sent.",
    "key-saved": "The key is saved in your keyring.",
    "key-removed": "The key is removed from your keyring.",
}


def ai_context(
    request: Request,
    ws: Workspace,
    *,
    values: dict[str, str] | None = None,
    errors: dict[str, str] | None = None,
    result: str | None = None,
    notice: str | None = None,
) -> dict[str, Any]:
    """What `_settings_ai.html` shows: the set-up, the form, the consent text, any outcome (never the key)."""
    try:
        status, key = ai_status(ws), ai_key(ws)
    except UserError as exc:  # a base URL in the environment that cannot be used
        # every name the section reads, or the whole Settings page fails to render
        broken = {"broken": broken_ai(request, ws, str(exc)), "fields": {}, "errors": errors or {}, "key": None}
        return {"ai": {**broken, "result": result, "notice": notice}}
    return {
        "ai": {
            "status": status,
            "fields": values if values is not None else {"base_url": status.base_url, "model": status.model},
            "errors": errors or {},
            "result": result,
            "notice": notice,
            "key": key,
            "broken": None,
        }
    }


def broken_ai(request: Request, ws: Workspace, detail: str) -> str:
    """The AI coach's address nextround was started with is not one, in the mail sections' words: the service's
    names the variable, which only whoever started nextround can change; on a shared server, its administrators
    (an administrator reading the page is told what to correct, and where)."""
    if ws.settings.shared_server:
        fixer = server_fixer(request)
        return broken_setup("AI coach set-up", "base_url", detail, started_by="this server", fixer=fixer)
    return broken_setup("AI coach set-up", "base_url", detail)


def _page(request: Request, ws: Workspace, status: int, **ai: Any) -> HTMLResponse:
    from nextround.web.routes.preferences import settings_page_response

    return settings_page_response(request, ws, status=status, sections=ai_context(request, ws, **ai))


def _then_show(
    request: Request, ws: Workspace, change: Callable[[], object], notice: str, values: dict[str, str] | None = None
) -> Response:
    """Make the change and show the section with its notice; or the page again with what went wrong."""
    try:
        change()
    except UserError as exc:
        return _page(request, ws, 422, values=values, errors=errors_by_field(exc))
    return RedirectResponse(f"/settings?ai={notice}#ai-title", status_code=303)


@router.post("/settings/ai", response_class=HTMLResponse)
def save_ai(request: Request, ws: WorkspaceDep, form: FormDep) -> Response:
    values = {name: form_text(form, name).strip() for name in ("base_url", "model")}
    return _then_show(request, ws, lambda: save_ai_settings(ws, **values), "saved", values)


@router.post("/settings/ai/key", response_class=HTMLResponse)
def save_key(request: Request, ws: WorkspaceDep, form: FormDep) -> Response:
    """The key goes to the OS keyring; the page never shows it again, only that one is saved."""
    key = form_text(form, "api_key")
    return _then_show(request, ws, lambda: save_ai_key(ws, key), "key-saved")


@router.post("/settings/ai/key/remove", response_class=HTMLResponse)
def remove_key(request: Request, ws: WorkspaceDep) -> Response:
    return _then_show(request, ws, lambda: remove_ai_key(ws), "key-removed")


@router.post("/settings/ai/enable", response_class=HTMLResponse)
def enable(request: Request, ws: WorkspaceDep) -> Response:
    return _then_show(request, ws, lambda: enable_ai(ws), "on")


@router.post("/settings/ai/disable", response_class=HTMLResponse)
def disable(request: Request, ws: WorkspaceDep) -> Response:
    return _then_show(request, ws, lambda: disable_ai(ws), "off")


# The test request's outcome crosses its redirect (post/redirect/get: a reload must not ask the model again):
# an answer is `?ai=tested&seconds=…`, a failure's reason waits in this short-lived cookie, read once.
TEST_FAILED_COOKIE = "nextround_ai_test"


def test_outcome(request: Request, ws: Workspace) -> dict[str, Any]:
    """What the AI section says after the test request's redirect: how fast the model answered, or why not."""
    shown = request.query_params.get("ai", "")
    if shown == "tested":
        try:
            seconds = float(request.query_params.get("seconds", ""))
        except ValueError:
            return {}
        if not 0 <= seconds < 10_000:
            return {}
        return {"result": f"The model {ai_status(ws).model} answered in {seconds:g} s."}
    reason = failure_reason(request, TEST_FAILED_COOKIE) if shown == "test-failed" else None
    return {"errors": {"_test": reason}} if reason else {}


@router.post("/settings/ai/test", response_class=HTMLResponse)
def check_endpoint(ws: WorkspaceDep) -> Response:
    """One short request to the endpoint: the only way this section reaches the network."""
    try:
        check = check_ai(ws)
    except UserError as exc:
        return redirect_with_failure("/settings?ai=test-failed#ai-title", TEST_FAILED_COOKIE, str(exc))
    return RedirectResponse(f"/settings?ai=tested&seconds={check.seconds:g}#ai-title", status_code=303)
