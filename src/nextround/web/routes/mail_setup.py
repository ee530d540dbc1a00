"""The Settings page's email section: set up the mail server, forget it, send a test message."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from nextround.errors import UserError, errors_by_field
from nextround.services.mail_check import send_test_message, smtp_status
from nextround.services.mail_setup import (
    SECURITY_CHOICES,
    forget_mail_setup,
    load_mail_setup,
    save_mail_setup,
    smtp_config,
)
from nextround.services.workspace import Workspace
from nextround.web.deps import FormDep, WorkspaceDep
from nextround.web.forms import form_text
from nextround.web.responses import failure_reason, redirect_with_failure

router = APIRouter(include_in_schema=False)

FIELDS = ("host", "port", "user", "from_addr", "security")
NOTICES = {"saved": "Email settings saved.", "forgotten": "The email settings on this page were removed."}
# The test message's outcome crosses its redirect (post/redirect/get: a reload must not send it again): a
# success is `?mail=test-sent`, a failure's reason waits in this short-lived cookie, read once.
TEST_FAILED_COOKIE = "nextround_mail_test"


def test_outcome(request: Request, ws: Workspace) -> dict[str, Any]:
    """What the Settings page says after the test message's redirect: where it went, or why it did not."""
    shown = request.query_params.get("mail", "")
    if shown == "test-sent":
        return {"result": f"Test message sent to {smtp_config(ws).from_addr}."}
    reason = failure_reason(request, TEST_FAILED_COOKIE) if shown == "test-failed" else None
    return {"errors": {"_test": reason}} if reason else {}


def mail_context(
    ws: Workspace,
    *,
    values: dict[str, str] | None = None,
    errors: dict[str, str] | None = None,
    result: str | None = None,
    notice: str | None = None,
) -> dict[str, Any]:
    """What `_settings_mail.html` shows: the set-up in force (never the password), the form, any outcome."""
    setup = load_mail_setup(ws)
    config = smtp_config(ws)
    if values is None:
        security = "ssl" if config.ssl == "on" else ("none" if config.starttls == "off" else "starttls")
        values = {
            "host": config.host,
            "port": config.port,
            "user": config.user,
            "from_addr": config.from_addr,
            "security": security,
        }
    return {
        "mail": {
            "status": smtp_status(config),
            "setup": setup,
            "fields": values,
            "errors": errors or {},
            "result": result,
            "notice": notice,
            "security_choices": SECURITY_CHOICES,
        }
    }


def _settings_page(request: Request, ws: Workspace, status: int, **mail: Any) -> HTMLResponse:
    from nextround.web.routes.preferences import settings_page_response

    return settings_page_response(request, ws, status=status, sections=mail_context(ws, **mail))


@router.post("/settings/mail", response_class=HTMLResponse)
def save_mail(request: Request, ws: WorkspaceDep, form: FormDep) -> Response:
    values = {name: form_text(form, name).strip() for name in FIELDS}
    try:
        save_mail_setup(ws, **values, password=form_text(form, "password"))
    except UserError as exc:
        return _settings_page(request, ws, 422, values=values, errors=errors_by_field(exc))
    return RedirectResponse("/settings?mail=saved#mail-title", status_code=303)


@router.post("/settings/mail/forget", response_class=HTMLResponse)
def forget_mail(ws: WorkspaceDep) -> Response:
    forget_mail_setup(ws)
    return RedirectResponse("/settings?mail=forgotten#mail-title", status_code=303)


@router.post("/settings/smtp-test", response_class=HTMLResponse)
def smtp_test(ws: WorkspaceDep) -> Response:
    """Send one test message to the sender's own address; the only way this page reaches the network."""
    try:
        if not smtp_config(ws).from_addr:  # the service's words name the command line's settings
            raise UserError("email is not set up yet: fill in your mail server below first")
        send_test_message(smtp_config(ws))
    except UserError as exc:
        return redirect_with_failure("/settings?mail=test-failed#mail-title", TEST_FAILED_COOKIE, str(exc))
    return RedirectResponse("/settings?mail=test-sent#mail-title", status_code=303)
