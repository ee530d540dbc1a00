"""The Settings page's mailbox section: connect the mailbox the Inbox reads, test it, disconnect it."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from nextround.errors import UserError, errors_by_field
from nextround.services.mailbox_setup import (
    NAMES,
    SECURITY_CHOICES,
    check_mailbox,
    forget_mailbox_setup,
    load_mailbox_setup,
    mailbox_settings,
    mailbox_status,
    save_mailbox_setup,
)
from nextround.services.workspace import Workspace
from nextround.web.deps import FormDep, WorkspaceDep
from nextround.web.forms import form_text, sentence
from nextround.web.responses import failure_reason, redirect_with_failure

router = APIRouter(include_in_schema=False)

# The form's names carry a prefix: the outgoing-mail form on the same page has its own host, port and user.
PREFIX = "imap_"
NOTICES = {
    "saved": "Mailbox connected. The Inbox page can now check it for job mail.",
    "forgotten": "Mailbox disconnected: its settings and its saved password are removed. What was read stays.",
}
TEST_FAILED_COOKIE = "nextround_mailbox_test"


def test_outcome(request: Request, ws: Workspace) -> dict[str, Any]:
    """What the page says after the test's redirect (the counts are ours; a failure's reason waits in a cookie)."""
    shown = request.query_params.get("mailbox", "")
    if shown == "test-ok":
        status = mailbox_status(ws)
        count = request.query_params.get("messages", "")
        found = f"{count} message{'' if count == '1' else 's'} in it" if count.isdigit() else "it opened"
        return {
            "result": f"Connected to {status.account}: the folder {status.folder} is there, {found}. "
            "Nothing was read, marked or moved."
        }
    reason = failure_reason(request, TEST_FAILED_COOKIE) if shown == "test-failed" else None
    return {"errors": {"_test": reason}} if reason else {}


def mailbox_context(
    ws: Workspace,
    *,
    values: dict[str, str] | None = None,
    errors: dict[str, str] | None = None,
    result: str | None = None,
    notice: str | None = None,
) -> dict[str, Any]:
    """What `_settings_mailbox.html` shows: the mailbox in force (never the password), the form, any outcome."""
    setup = load_mailbox_setup(ws)
    if values is None:
        values = {PREFIX + name: getattr(setup, name) for name in NAMES}
    return {
        "mailbox": {
            "status": mailbox_status(ws),
            "setup": setup,
            "fields": values,
            "errors": errors or {},
            "result": result,
            "notice": notice,
            "security_choices": SECURITY_CHOICES,
        }
    }


def _settings_page(request: Request, ws: Workspace, status: int, **mailbox: Any) -> HTMLResponse:
    from nextround.web.routes.preferences import settings_page_response

    return settings_page_response(request, ws, status=status, sections=mailbox_context(ws, **mailbox))


@router.post("/settings/mailbox", response_class=HTMLResponse)
def save_mailbox(request: Request, ws: WorkspaceDep, form: FormDep) -> Response:
    values = {PREFIX + name: form_text(form, PREFIX + name).strip() for name in NAMES}
    try:
        save_mailbox_setup(
            ws,
            password=form_text(form, PREFIX + "password"),
            **{name: values[PREFIX + name] for name in NAMES},
        )
    except UserError as exc:
        errors = {(PREFIX + k if k in (*NAMES, "password") else k): v for k, v in errors_by_field(exc).items()}
        return _settings_page(request, ws, 422, values=values, errors=errors)
    return RedirectResponse("/settings?mailbox=saved#mailbox-title", status_code=303)


@router.post("/settings/mailbox/forget", response_class=HTMLResponse)
def forget_mailbox(ws: WorkspaceDep) -> Response:
    forget_mailbox_setup(ws)
    return RedirectResponse("/settings?mailbox=forgotten#mailbox-title", status_code=303)


@router.post("/settings/mailbox-test", response_class=HTMLResponse)
def mailbox_test(ws: WorkspaceDep) -> Response:
    """Sign in and open the folder, read-only; the only way this section reaches the network."""
    try:
        found = check_mailbox(mailbox_settings(ws))
    except UserError as exc:
        return redirect_with_failure(
            "/settings?mailbox=test-failed#mailbox-title", TEST_FAILED_COOKIE, sentence(str(exc))
        )
    return RedirectResponse(f"/settings?mailbox=test-ok&messages={found.messages}#mailbox-title", status_code=303)
