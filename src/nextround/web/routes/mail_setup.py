"""The Settings page's email section: set up the mail server, forget it, send a test message."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from nextround.errors import UserError, errors_by_field
from nextround.services.mail_check import SmtpStatus, send_test_message, smtp_status
from nextround.services.mail_setup import (
    SECURITY_CHOICES,
    MailSetup,
    forget_mail_setup,
    load_mail_setup,
    save_mail_setup,
    smtp_config,
)
from nextround.services.workspace import Workspace
from nextround.web.deps import FormDep, WorkspaceDep
from nextround.web.forms import form_text
from nextround.web.mail_sections import MailSection, SectionState, broken_setup

router = APIRouter(include_in_schema=False)

FIELDS = ("host", "port", "user", "from_addr", "security")


def _state(ws: Workspace) -> SectionState[SmtpStatus, MailSetup]:
    """The set-up in force (the page's, else the environment's) fills the form."""
    config = smtp_config(ws)
    security = "ssl" if config.ssl == "on" else ("none" if config.starttls == "off" else "starttls")
    fields = {"host": config.host, "port": config.port, "user": config.user, "from_addr": config.from_addr}
    status = smtp_status(config)
    return SectionState(
        status=status,
        setup=load_mail_setup(ws),
        fields={**fields, "security": security},
        broken=_broken(status),
    )


def _broken(status: SmtpStatus) -> str:
    return broken_setup("email set-up", status.problem, status.error)


def broken_email(ws: Workspace) -> str:
    """Why the email set-up nextround was started with cannot be used, in words for a page ("" when it can)."""
    return _broken(smtp_status(smtp_config(ws)))


def _test_result(request: Request, ws: Workspace) -> str | None:
    sent = request.query_params.get(SECTION.key) == "test-sent"
    return f"Test message sent to {smtp_config(ws).from_addr}." if sent else None


# The test message's outcome crosses its redirect (post/redirect/get: a reload must not send it again): a
# success is `?mail=test-sent`, a failure's reason waits in a short-lived cookie, read once.
SECTION = MailSection(
    key="mail",
    notices={"saved": "Email settings saved.", "forgotten": "The email settings on this page were removed."},
    test_failed_cookie="nextround_mail_test",
    security_choices=SECURITY_CHOICES,
    state=_state,
    test_result=_test_result,
)


@router.post("/settings/mail", response_class=HTMLResponse)
def save_mail(request: Request, ws: WorkspaceDep, form: FormDep) -> Response:
    values = {name: form_text(form, name).strip() for name in FIELDS}
    try:
        save_mail_setup(ws, **values, password=form_text(form, "password"))
    except UserError as exc:
        return SECTION.refused(request, ws, values, errors_by_field(exc))
    return SECTION.redirect("saved")


@router.post("/settings/mail/forget", response_class=HTMLResponse)
def forget_mail(ws: WorkspaceDep) -> Response:
    forget_mail_setup(ws)
    return SECTION.redirect("forgotten")


@router.post("/settings/smtp-test", response_class=HTMLResponse)
def smtp_test(ws: WorkspaceDep) -> Response:
    """Send one test message to the sender's own address; the only way this page reaches the network."""
    config = smtp_config(ws)
    broken = _broken(smtp_status(config))  # the service's words name the variables nextround was started with
    if broken:
        return SECTION.redirect_failed_test(broken)
    try:
        if not config.from_addr:  # ... and so does its "not set up"
            raise UserError("email is not set up yet: fill in your mail server below first")
        send_test_message(config)
    except UserError as exc:
        return SECTION.redirect_failed_test(str(exc))
    return SECTION.redirect("test-sent")
