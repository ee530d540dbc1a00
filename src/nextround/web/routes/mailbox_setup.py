"""The Settings page's mailbox section: connect the mailbox the Inbox reads, test it, disconnect it."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from nextround.errors import UserError, errors_by_field
from nextround.services.mailbox_setup import (
    NAMES,
    SECURITY_CHOICES,
    MailboxSetup,
    MailboxStatus,
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
from nextround.web.mail_sections import MailSection, SectionState, broken_setup

router = APIRouter(include_in_schema=False)

# The form's names carry a prefix: the outgoing-mail form on the same page has its own host, port and user.
PREFIX = "imap_"


def _state(ws: Workspace) -> SectionState[MailboxStatus, MailboxSetup]:
    """The mailbox in force, and the one saved on this page in the form."""
    setup = load_mailbox_setup(ws)
    fields = {PREFIX + name: getattr(setup, name) for name in NAMES}
    status = mailbox_status(ws)
    return SectionState(status=status, setup=setup, fields=fields, broken=_broken(status))


def _broken(status: MailboxStatus) -> str:
    return broken_setup("mailbox set-up", status.problem, status.error)


def broken_mailbox(ws: Workspace) -> str:
    """Why the mailbox nextround was started with cannot be used, in words for a page ("" when it can)."""
    return _broken(mailbox_status(ws))


def _test_result(request: Request, ws: Workspace) -> str | None:
    """What the test found (the counts are ours, carried in the address)."""
    if request.query_params.get(SECTION.key) != "test-ok":
        return None
    status = mailbox_status(ws)
    count = request.query_params.get("messages", "")
    found = f"{count} message{'' if count == '1' else 's'} in it" if count.isdigit() else "it opened"
    return (
        f"Connected to {status.account}: the folder {status.folder} is there, {found}. "
        "Nothing was read, marked or moved."
    )


SECTION = MailSection(
    key="mailbox",
    notices={
        "saved": "Mailbox connected. The Inbox page can now check it for job mail.",
        "forgotten": "Mailbox disconnected: its settings and its saved password are removed. What was read stays.",
    },
    test_failed_cookie="nextround_mailbox_test",
    security_choices=SECURITY_CHOICES,
    state=_state,
    test_result=_test_result,
)


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
        return SECTION.refused(request, ws, values, errors)
    return SECTION.redirect("saved")


@router.post("/settings/mailbox/forget", response_class=HTMLResponse)
def forget_mailbox(ws: WorkspaceDep) -> Response:
    forget_mailbox_setup(ws)
    return SECTION.redirect("forgotten")


@router.post("/settings/mailbox-test", response_class=HTMLResponse)
def mailbox_test(ws: WorkspaceDep) -> Response:
    """Sign in and open the folder, read-only; the only way this section reaches the network."""
    broken = broken_mailbox(ws)  # the service's words name the variables nextround was started with
    if broken:
        return SECTION.redirect_failed_test(broken)
    try:
        found = check_mailbox(mailbox_settings(ws))
    except UserError as exc:
        return SECTION.redirect_failed_test(sentence(str(exc)))
    return SECTION.redirect("test-ok", f"&messages={found.messages}")
