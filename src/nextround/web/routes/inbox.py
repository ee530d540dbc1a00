"""The Inbox: upload a mail export or check the mail, then accept or dismiss each proposed change."""

from __future__ import annotations

import tempfile
from pathlib import Path
from urllib.parse import urlencode

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.datastructures import UploadFile

from nextround.errors import UserError
from nextround.integrations.files import safe_upload_name
from nextround.services.workspace import Workspace
from nextround.web.deps import FormDep, WorkspaceDep
from nextround.web.forms import form_text, sentence, upload_message
from nextround.web.rendering import render

router = APIRouter(include_in_schema=False)


class InboxUploadError(UserError, ValueError):
    """An upload form sent without a mail file."""


NOTICES = {
    "accepted": "Done: what the message said is recorded.",
    "accepted-feedback-known": (
        "Done: the rest of the message is recorded. Its feedback was already on the application, so it was not "
        "added again."
    ),
    "dismissed": "Dismissed: nothing was changed.",
}


def _page(
    request: Request,
    ws: Workspace,
    *,
    notice: str | None = None,
    error: str | None = None,
    status: int = 200,
    pasted: str = "",
    paste_error: str = "",
) -> HTMLResponse:
    from nextround.integrations.imap import ImapError
    from nextround.services.mail_inbox import inbox, mail_reading_enabled, mailbox_settings

    try:
        mailbox = mailbox_settings(ws)
    except ImapError:
        mailbox = None
    imap_ready = mailbox is not None and mailbox.configured
    context = {
        "accepted_app": _accepted_application(request, ws),
        "reached_choices": REACHED_CHOICES,
        "enabled": mail_reading_enabled(ws),
        "pending": inbox(ws, status="pending"),
        "decided": [p for p in inbox(ws, status=None, limit=60) if p.status != "pending"][:20],
        "imap_ready": imap_ready,
        "imap_account": f"{mailbox.user} on {mailbox.host}" if mailbox is not None and imap_ready else "",
        # Only our own words: a link's ?notice= text is never shown as if the app had said it, and the counts
        # after a read are numbers put into our own sentence.
        "notice": notice or NOTICES.get(request.query_params.get("notice", "")) or _found_in(request),
        "error": error,
        "pasted": pasted,  # what was pasted stays in the box when it could not be read
        "paste_error": paste_error,
    }
    return render(request, "inbox.html", context, status=status)


def _accepted_application(request: Request, ws: Workspace) -> tuple[int, str, str] | None:
    """The application an accepted message touched, named for a link in the notice (where to go on from a
    rejection: ask for feedback there). Only one of this person's; anything else in the address is ignored."""
    from nextround.services.applications import ApplicationService

    given = request.query_params.get("application", "")
    if not request.query_params.get("notice", "").startswith("accepted") or not given.isdigit():
        return None
    found = ApplicationService(ws).names(ids=[int(given)])
    return found[0] if found else None


@router.get("/inbox", response_class=HTMLResponse)
def inbox_page(request: Request, ws: WorkspaceDep) -> HTMLResponse:
    return _page(request, ws)


# What a read found, carried to the Inbox page in its address (POST, then redirect: a reload or a second click
# never reads or uploads again).
COUNTS = ("read", "queued", "already_seen", "not_job", "unreadable")


def _after_reading(run: object) -> RedirectResponse:
    query = urlencode({name: getattr(run, name) for name in COUNTS})
    return RedirectResponse(f"/inbox?{query}#inbox-notice", status_code=303)


def _found_in(request: Request) -> str | None:
    from nextround.services.mail_inbox import MailRun

    given = request.query_params
    if "read" not in given:
        return None
    run = MailRun()
    for name in COUNTS:
        setattr(run, name, int(given[name]) if given.get(name, "").isdigit() else 0)
    return _found(run)


def _found(run: object) -> str:
    from nextround.services.mail_inbox import MailRun

    assert isinstance(run, MailRun)
    if run.read == 0:
        return "No new messages."
    parts = [f"Read {run.read} message{'' if run.read == 1 else 's'}: {run.queued} to review"]
    if run.already_seen:
        parts.append(f"{run.already_seen} seen before")
    if run.not_job:
        parts.append(f"{run.not_job} not about a job")
    if run.unreadable:
        parts.append(f"{run.unreadable} unreadable")
    found = ", ".join(parts) + "."
    if run.not_job and not run.queued:  # a pasted rejection read as something else must not be a dead end
        found += " If it is about one of your applications, open it and record what happened there."
    return found


@router.post("/inbox/upload", response_class=HTMLResponse)
def upload(request: Request, ws: WorkspaceDep, form: FormDep) -> Response:
    from nextround.integrations.mail_read import read_path
    from nextround.services.mail_inbox import queue, read_and_propose

    file = form.get("file")
    try:
        if not isinstance(file, UploadFile) or not file.filename:
            raise InboxUploadError("choose a mail export (.mbox) or a message (.eml) first")
        data = file.file.read(ws.settings.max_import_bytes + 1)  # already spooled by the form parser
        if len(data) > ws.settings.max_import_bytes:
            raise InboxUploadError(f"the file is larger than {ws.settings.max_import_bytes // (1024 * 1024)} MB")
        with tempfile.TemporaryDirectory(prefix="nextround-mail-") as folder:
            path = Path(folder) / safe_upload_name(file.filename)
            path.write_bytes(data)
            try:
                report = read_path(path)
            except UserError as exc:
                raise InboxUploadError(upload_message(str(exc), folder)) from None
        run = queue(ws, read_and_propose(ws, report.messages, report.unreadable), origin="upload")
    except UserError as exc:
        return _page(request, ws, error=str(exc), status=422)
    return _after_reading(run)


@router.post("/inbox/paste", response_class=HTMLResponse)
def paste(request: Request, ws: WorkspaceDep, form: FormDep) -> Response:
    """One message copied from a mail program: read like an uploaded one, so it waits for review the same way."""
    from nextround.integrations.mail_read import pasted_message
    from nextround.services.mail_inbox import queue, read_and_propose

    text = form_text(form, "text")
    try:
        if not text.strip():
            raise InboxUploadError("paste the email first: copy all of it from your mail, then paste it in the box")
        run = queue(ws, read_and_propose(ws, [pasted_message(text, ws.now())]), origin="paste")
    except UserError as exc:
        return _page(request, ws, paste_error=sentence(str(exc)), pasted=text, status=422)
    if not run.queued and (run.not_job or run.unreadable):
        # Nothing to review: the words stay in the box (to copy into the application's page), not thrown away.
        return _page(request, ws, notice=_found(run), pasted=text)
    return _after_reading(run)


@router.post("/inbox/sync", response_class=HTMLResponse)
def check_mail(request: Request, ws: WorkspaceDep) -> Response:
    from nextround.services.mail_inbox import SyncMode, mailbox_settings, sync
    from nextround.services.mailbox_setup import require_usable
    from nextround.web.routes.mailbox_setup import broken_mailbox

    broken = broken_mailbox(ws)  # the service's words name the variables nextround was started with
    if broken:
        return _page(request, ws, error=broken, status=422)
    try:
        run = sync(ws, require_usable(mailbox_settings(ws)), mode=SyncMode.QUEUE)
    except UserError as exc:
        return _page(request, ws, error=str(exc), status=422)
    return _after_reading(run)


# How far the person got, in their words, for a rejection of a job they never tracked (the Accept form asks).
REACHED_CHOICES = (
    ("applied", "I applied; we never spoke"),
    ("screening", "A screening call"),
    ("assessment", "A test or an assessment"),
    ("interview", "An interview"),
    ("final", "The final round"),
)


@router.post("/inbox/{inbox_id}/accept", response_class=HTMLResponse)
def accept_one(request: Request, inbox_id: int, ws: WorkspaceDep, form: FormDep) -> Response:
    from nextround.domain.stages import Stage
    from nextround.services.mail_inbox import accept_message

    reached_text = form_text(form, "reached")
    try:
        if reached_text and reached_text not in dict(REACHED_CHOICES):
            raise InboxUploadError(f"choose how far you got from the list, not {reached_text[:40]!r}")
        reached = Stage(reached_text) if reached_text else None
        # Sent only by the form of a message that adds its application; absent, the reader's names stand.
        company = form_text(form, "company") if "company" in form else None
        role = form_text(form, "role") if "role" in form else None
        applied = accept_message(ws, inbox_id, reached=reached, company=company, role=role)
    except UserError as exc:
        return _page(request, ws, error=str(exc), status=422)
    notice = "accepted-feedback-known" if applied.feedback_already_recorded else "accepted"
    query = urlencode({"notice": notice, **({"application": applied.application_id} if applied.application_id else {})})
    return RedirectResponse(f"/inbox?{query}#inbox-notice", status_code=303)


@router.post("/inbox/{inbox_id}/dismiss", response_class=HTMLResponse)
def dismiss_one(request: Request, inbox_id: int, ws: WorkspaceDep) -> Response:
    from nextround.services.mail_inbox import dismiss

    try:
        dismiss(ws, inbox_id)
    except UserError as exc:
        return _page(request, ws, error=str(exc), status=422)
    return RedirectResponse("/inbox?notice=dismissed", status_code=303)
