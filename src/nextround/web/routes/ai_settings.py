"""The Settings page's AI coach section: the endpoint and model, the key (to the OS keyring), agreeing to what
is sent where, turning it off, and a test request."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from nextround.errors import UserError, errors_by_field
from nextround.integrations.mail import keyring_available
from nextround.services.ai_config import ai_status, check_ai, disable_ai, enable_ai, save_ai_settings
from nextround.services.workspace import Workspace
from nextround.web.deps import FormDep, WorkspaceDep
from nextround.web.forms import form_text

router = APIRouter(include_in_schema=False)

NOTICES = {
    "saved": "AI coach settings saved.",
    "on": "The AI coach is on.",
    "off": "The AI coach is off: nothing will be sent.",
}


def ai_context(
    ws: Workspace,
    *,
    values: dict[str, str] | None = None,
    errors: dict[str, str] | None = None,
    result: str | None = None,
    notice: str | None = None,
) -> dict[str, Any]:
    """What `_settings_ai.html` shows: the set-up, the form, the consent text, any outcome (never the key)."""
    try:
        status = ai_status(ws)
    except UserError as exc:  # a base URL in the environment that cannot be used
        return {"ai": {"broken": str(exc), "fields": {}, "errors": {}, "keyring": False}}
    return {
        "ai": {
            "status": status,
            "fields": values if values is not None else {"base_url": status.base_url, "model": status.model},
            "errors": errors or {},
            "result": result,
            "notice": notice,
            "keyring": keyring_available(),
            "broken": None,
        }
    }


def _page(request: Request, ws: Workspace, status: int, **ai: Any) -> HTMLResponse:
    from nextround.web.routes.preferences import settings_page_response

    return settings_page_response(request, ws, status=status, sections=ai_context(ws, **ai))


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
    key = form_text(form, "api_key").strip() or None
    return _then_show(request, ws, lambda: save_ai_settings(ws, **values, api_key=key), "saved", values)


@router.post("/settings/ai/enable", response_class=HTMLResponse)
def enable(request: Request, ws: WorkspaceDep) -> Response:
    return _then_show(request, ws, lambda: enable_ai(ws), "on")


@router.post("/settings/ai/disable", response_class=HTMLResponse)
def disable(request: Request, ws: WorkspaceDep) -> Response:
    return _then_show(request, ws, lambda: disable_ai(ws), "off")


@router.post("/settings/ai/test", response_class=HTMLResponse)
def check_endpoint(request: Request, ws: WorkspaceDep) -> HTMLResponse:
    """One short request to the endpoint: the only way this section reaches the network."""
    try:
        check = check_ai(ws)
    except UserError as exc:
        return _page(request, ws, 422, errors={"_test": str(exc)})
    return _page(request, ws, 200, result=f"The model {check.model} answered in {check.seconds:g} s.")
