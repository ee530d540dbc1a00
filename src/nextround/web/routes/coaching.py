"""Multi-user mode only: coaches with consent.

The job seeker's side is /sharing (invite a coach, choose what to share, withdraw, the audit log of the
coach's reads, comments and assigned questions). The coach's side is /coaching/accept/{token} (accept, or
decline at /coaching/decline/{token}) and /caseload
(everyone who shares with them) with /caseload/{link_id} (one job seeker, read-only, with a comment box and a
question box). Consent is looked up on every request: a withdrawn link answers 404 at once.
"""

from __future__ import annotations

from datetime import tzinfo
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from nextround.errors import UserError, errors_by_field
from nextround.services import accounts, coach_notes, coaching, invitation_mail
from nextround.services.accounts import Caller
from nextround.services.coaching import SHAREABLE
from nextround.services.workspace import Workspace
from nextround.web.deps import FormDep
from nextround.web.forms import form_text
from nextround.web.rendering import render
from nextround.web.routes.feedback import present_feedback

router = APIRouter(include_in_schema=False)


def _me(request: Request) -> Caller:
    caller = getattr(request.state, "caller", None)
    assert isinstance(caller, Caller)  # web.auth let no one without a session past this point
    return caller


def _zone(request: Request) -> tzinfo | None:
    """The signed-in person's own time zone (their days)."""
    ws: Workspace = request.app.state.web.workspace_of(_me(request))
    return ws.now().tzinfo


def _base(request: Request) -> str:
    return str(request.base_url).rstrip("/")


def _sharing_page(
    request: Request,
    *,
    invited: invitation_mail.SentInvitation | None = None,
    errors: dict[str, str] | None = None,
    link_errors: dict[int, str] | None = None,
    note_errors: dict[int, str] | None = None,
    ask_errors: dict[int, str] | None = None,
    ask_text: str = "",
    typed: dict[str, str] | None = None,
) -> HTMLResponse:
    """The page; an error shows where it was made: the invitation form, one coach's row or one thread."""
    db = request.app.state.web.database()
    owner = _me(request).owner_id
    context = {
        "links": coaching.coach_links(db, owner),
        "reads": coaching.grouped_reads(coaching.reads_log(db, owner), _zone(request)),
        "notes": coach_notes.notes_for(db, owner),
        "invited": invited,
        "shareable": SHAREABLE,
        "defaults": coaching.DEFAULT_SHARES,
        "errors": errors or {},
        "link_errors": link_errors or {},
        "note_errors": note_errors or {},
        "ask_errors": ask_errors or {},
        "ask_text": ask_text,
        "typed": typed or {},
        "asked": request.query_params.get("notice") == "asked",
    }
    failed = errors or link_errors or note_errors or ask_errors
    return render(request, "sharing.html", context, status=422 if failed else 200)


@router.get("/sharing", response_class=HTMLResponse)
def sharing(request: Request) -> HTMLResponse:
    page = _sharing_page(request)  # drawn first: a decline reads "new" on the page that tells it
    coaching.mark_declines_seen(request.app.state.web.database(), _me(request).owner_id)
    return page


@router.post("/sharing/coaches", response_class=HTMLResponse)
def invite(request: Request, form: FormDep) -> HTMLResponse:
    shares = [value for value in form.getlist("shares") if isinstance(value, str)]
    web = request.app.state.web
    try:
        made = invitation_mail.invite_coach(
            web.database(), web.settings, _me(request).owner_id, form_text(form, "email"), shares, _base(request)
        )
    except UserError as exc:
        return _sharing_page(request, errors=errors_by_field(exc), typed={"email": form_text(form, "email")})
    return _sharing_page(request, invited=made)


@router.get("/sharing/coaches/{link_id}/withdraw", response_class=HTMLResponse)
def confirm_withdraw(request: Request, link_id: int) -> Response:
    """Ask first: stopping takes effect at once, and the coach cannot undo it."""
    link = coaching.coach_link(request.app.state.web.database(), _me(request).owner_id, link_id)
    if link.withdrawn:
        return RedirectResponse("/sharing#coaches-title", 303)
    return render(request, "sharing_withdraw.html", {"link": link})


@router.post("/sharing/coaches/{link_id}/withdraw")
def withdraw(request: Request, link_id: int) -> Response:
    coaching.withdraw(request.app.state.web.database(), _me(request).owner_id, link_id)
    return RedirectResponse("/sharing", 303)


@router.post("/sharing/coaches/{link_id}/shares", response_class=HTMLResponse)
def change_shares(request: Request, link_id: int, form: FormDep) -> Response:
    shares = [value for value in form.getlist("shares") if isinstance(value, str)]
    try:
        coaching.change_shares(request.app.state.web.database(), _me(request).owner_id, link_id, shares)
    except coaching.CoachingError as exc:
        return _sharing_page(request, link_errors={link_id: str(exc)})
    return RedirectResponse("/sharing#coaches-title", 303)


def _back_to(note: coach_notes.CoachNote) -> str:
    """Where the note is shown: its application's page, or the Sharing page."""
    if note.application_id is not None:
        return f"/applications/{note.application_id}#coach-comments"
    return "/sharing#from-coaches"


@router.post("/sharing/coaches/{link_id}/ask", response_class=HTMLResponse)
def ask_coach(request: Request, link_id: int, form: FormDep) -> Response:
    try:
        coach_notes.ask(request.app.state.web.database(), _me(request).owner_id, link_id, form_text(form, "text"))
    except coaching.CoachingError as exc:
        return _sharing_page(request, ask_errors={link_id: str(exc)}, ask_text=form_text(form, "text"))
    return RedirectResponse("/sharing?notice=asked#from-coaches", 303)


@router.post("/sharing/questions/{question_id}/done")
def question_done(request: Request, question_id: int) -> Response:
    coach_notes.question_done(request.app.state.web.database(), _me(request).owner_id, question_id)
    return RedirectResponse("/sharing#from-coaches", 303)


@router.post("/sharing/comments/{note_id}/read")
def comment_read(request: Request, note_id: int) -> Response:
    note = coach_notes.mark_read(request.app.state.web.database(), _me(request).owner_id, note_id)
    return RedirectResponse(_back_to(note), 303)


@router.post("/sharing/comments/{note_id}/reply", response_class=HTMLResponse)
def comment_reply(request: Request, note_id: int, form: FormDep) -> Response:
    db = request.app.state.web.database()
    try:
        note = coach_notes.reply(db, _me(request).owner_id, note_id, form_text(form, "text"))
    except coaching.CoachingError as exc:
        return _sharing_page(request, note_errors={note_id: str(exc)})
    return RedirectResponse(_back_to(note), 303)


@router.get("/coaching/accept/{token}", response_class=HTMLResponse)
def accept_page(request: Request, token: str) -> HTMLResponse:
    try:
        link = coaching.invitation_for(request.app.state.web.database(), _me(request).owner_id, token)
    except coaching.InvitationForAnother:
        return render(request, "coach_accept_other.html", {"next": f"/coaching/accept/{token}"}, status=404)
    return render(request, "coach_accept.html", {"token": token, "link": link})


@router.post("/coaching/accept/{token}")
def accept(request: Request, token: str) -> Response:
    link = coaching.accept(request.app.state.web.database(), _me(request).owner_id, token)
    return RedirectResponse(f"/caseload/{link.id}", 303)


@router.post("/coaching/decline/{token}")
def decline(request: Request, token: str) -> Response:
    coaching.decline(request.app.state.web.database(), _me(request).owner_id, token)
    return RedirectResponse("/coaching/declined", 303)


@router.get("/coaching/declined", response_class=HTMLResponse)
def declined(request: Request) -> HTMLResponse:
    return render(request, "coach_declined.html", {})


@router.get("/caseload", response_class=HTMLResponse)
def caseload(request: Request) -> HTMLResponse:
    db = request.app.state.web.database()
    entries = coaching.caseload(db, _me(request).owner_id)
    email = accounts.get_account(db, _me(request).owner_id).email
    return render(request, "caseload.html", {"entries": entries, "caller_email": email})


def _seeker_workspace(request: Request, link_id: int) -> Workspace:
    """The job seeker's workspace, read-only by use, in the coach's own time zone (their days on the pages)."""
    web = request.app.state.web
    db = web.database()
    me = _me(request)
    seeker = coaching.seeker_of(db, me.owner_id, link_id)
    return Workspace(db=db, owner_id=seeker, settings=web.settings, clock=web.workspace_of(me).clock)


def _coachee_page(request: Request, link_id: int, errors: dict[str, str] | None = None) -> HTMLResponse:
    ws = _seeker_workspace(request, link_id)
    view = coaching.shared_view(ws.db, _me(request).owner_id, link_id, ws)
    context = {
        "view": view,
        "errors": errors or {},
        "feedback": [present_feedback(f.to_dict()) for f in view.feedback or ()],
    }
    return render(request, "coachee.html", context, status=422 if errors else 200)


@router.get("/caseload/{link_id}", response_class=HTMLResponse)
def coachee(request: Request, link_id: int) -> HTMLResponse:
    return _coachee_page(request, link_id)


@router.get("/caseload/{link_id}/applications/{application_id}", response_class=HTMLResponse)
def coachee_application(request: Request, link_id: int, application_id: int) -> HTMLResponse:
    ws = _seeker_workspace(request, link_id)
    view = coaching.shared_application(ws.db, _me(request).owner_id, link_id, application_id, ws)
    context = {
        "view": view,
        "app": view.application,
        "data": view.application.to_dict(),
        "feedback": [present_feedback(f.to_dict()) for f in view.feedback or ()],
        "errors": {},
    }
    return render(request, "coachee_application.html", context)


def _optional_id(form: Any, name: str) -> int | None:
    raw = form_text(form, name).strip()
    if not raw:
        return None
    if not raw.isdigit():
        raise coaching.CoachingError(f"{name} must be a number", field=name)
    return int(raw)


def _note(request: Request, link_id: int, form: Any, *, question: bool) -> Response:
    try:
        application_id = _optional_id(form, "application_id")
        reply_to = _optional_id(form, "reply_to")
        coach_notes.add_note(
            request.app.state.web.database(),
            _me(request).owner_id,
            link_id,
            form_text(form, "text"),
            question=question,
            application_id=application_id,
            reply_to=reply_to,
        )
    except coaching.CoachingError as exc:
        return _coachee_page(request, link_id, errors_by_field(exc))
    if application_id is not None:
        return RedirectResponse(f"/caseload/{link_id}/applications/{application_id}#notes", 303)
    return RedirectResponse(f"/caseload/{link_id}#notes", 303)


@router.post("/caseload/{link_id}/comments")
def comment(request: Request, link_id: int, form: FormDep) -> Response:
    return _note(request, link_id, form, question=False)


@router.post("/caseload/{link_id}/questions")
def assign_question(request: Request, link_id: int, form: FormDep) -> Response:
    return _note(request, link_id, form, question=True)
