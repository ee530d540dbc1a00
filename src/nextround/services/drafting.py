"""Drafting a feedback request: the words that fit the stage reached, stored as a draft.

Apart from services.feedback (which re-exports these) so that `nextround feedback draft` reads and writes
through storage.drafts' plain SQL and never loads SQLAlchemy.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime, timedelta
from email.utils import getaddresses

from nextround.domain.applications import Application
from nextround.domain.feedback_requests import (
    ContactRef,
    FeedbackRequest,
    Interview,
    RequestKind,
    RequestStatus,
    Tone,
    addressee_name,
    bare_address,
    beyond_the_notice,
    human_date,
    join_names,
    meeting_phrase,
    parse_tone,
    request_kind,
    request_questions,
    stage_reached,
)
from nextround.errors import about_field
from nextround.integrations import mail
from nextround.integrations.templates import RenderedMessage, render_message
from nextround.services.workspace import Workspace
from nextround.storage.drafts import DraftStore

# Contacts whose role in an application makes them the natural person to ask.
_PREFERRED_ROLES = ("recruiter", "hiring_manager", "hiring manager", "interviewer")
# A scheduled interview in the future has not happened yet: it is not thanked for.
_INTERVIEW_SLACK = timedelta(hours=1)
MAX_SHORT = 300


# -- drafting ----------------------------------------------------------------------------------------


def _pick_contact(store: DraftStore, app_id: int, contact_id: int | None, to: str, known: str) -> ContactRef | None:
    """Who the request is for: the contact chosen, else the one with the address typed in `to`, else the
    people linked to the application, else the one with the application's contact address (`known`)."""
    if contact_id is not None:
        return store.contact_ref(contact_id)
    # Written to someone in the contacts: greet them by name, not "Hello,".
    typed = store.contact_with_email(bare_address(to)) if bare_address(to) else None
    if typed is not None or addressee_name(to):
        return typed  # a name typed with the address ("Dana Reyes <dana@...>") is who is written to
    linked = store.linked_contacts(app_id)
    for contact, role in linked:
        if role.strip().lower() in _PREFERRED_ROLES:
            return contact
    if linked:
        return linked[0][0]
    address = bare_address(to or known)
    return store.contact_with_email(address) if address else None


def _addresses_interviewers(greeted: str, interviewers: tuple[str, ...]) -> bool:
    """Whether the message speaks to the interviewers themselves (no one named, or one of them)."""
    if not greeted:
        return True
    name = " ".join(greeted.split()).casefold()
    first = name.split(" ")[0] if name else ""
    return any(n.casefold() == name or n.casefold().split(" ")[0] == first for n in interviewers)


def _message_context(
    app: Application,
    *,
    tone: Tone,
    contact: ContactRef | None,
    interviews: list[Interview],
    now: datetime,
    sender_name: str = "",
    recipient: str = "",
) -> Mapping[str, object]:
    """Everything a feedback template may use; every key is always present (empty when unknown).

    A mapping on purpose: it is the template's context, and templates users write name these keys."""
    kind = request_kind(app.state)
    past = [i for i in interviews if i.scheduled_at <= now + _INTERVIEW_SLACK]
    names: dict[str, str] = {}
    for interview in past:
        for name in interview.interviewers:
            names.setdefault(name.casefold(), name)
    interviewers = tuple(names.values()) if kind is not RequestKind.APPLICATION else ()
    reached = stage_reached(app.state)
    meeting = meeting_phrase(reached, [i.kind for i in past])
    question_one, question_two = request_questions(kind, meeting, app.fields.role)
    # Greeted by name whenever the name is known: the contact's, else the one given with the address.
    greeted = contact.name if contact else addressee_name(recipient)
    last = past[-1] if past else None
    return {
        "kind": kind.value,
        "tone": tone.value,
        "company": app.fields.company,
        "role": app.fields.role,
        "applied_on": human_date(app.applied_on) if app.applied_on else "",
        "outcome": app.state.outcome.value if app.state.outcome else "",
        "stage_reached": reached.value,
        "contact_name": greeted,
        "contact_title": contact.title if contact else "",
        "interviewers": list(interviewers),
        "interviewers_text": join_names(interviewers),
        "interviewers_addressed": _addresses_interviewers(greeted, interviewers),
        "interview_date": human_date(last.scheduled_at.astimezone(now.tzinfo)) if last else "",
        "interview_count": len(past),
        "interview_kind": last.kind if last else "",
        "meeting": meeting,
        "question_one": question_one,
        "question_two": question_two,
        "sender_name": sender_name,
        # Private notes are offered to templates users write themselves; the shipped ones never quote them.
        "notes": app.fields.notes,
        "interview_notes": last.notes if last else "",
    }


def draft_request(
    ws: Workspace,
    app_id: int,
    contact_id: int | None = None,
    tone: str | Tone = "warm",
    *,
    to: str | None = None,
    sender_name: str = "",
) -> tuple[FeedbackRequest, RenderedMessage]:
    """Write the request that fits the stage reached and store it as drafted (replacing an unsent draft)."""
    tone_value = tone if isinstance(tone, Tone) else parse_tone(tone)
    if to:
        with about_field("to"):
            mail.check_address(to)
    sender_name = signature_name(ws, sender_name)
    now = ws.now()
    with ws.db.plain_write(ws.owner_id, DraftStore) as store:
        app = store.application(app_id, with_events=False)
        contact = _pick_contact(store, app_id, contact_id, to or "", app.fields.contact_email)
        interviews = store.interviews_of(app_id)
        recipient = to or (contact.email if contact and contact.email else "") or app.fields.contact_email
        context = _message_context(
            app,
            tone=tone_value,
            contact=contact,
            interviews=interviews,
            now=now,
            sender_name=sender_name,
            recipient=recipient,
        )
        message = render_message(f"feedback_request_{context['kind']}", context, ws.settings.home)
        request = store.save_draft(
            app_id,
            contact_id=contact.id if contact else None,
            to_email=recipient[:MAX_SHORT],
            tone=tone_value,
            subject=message.subject[:MAX_SHORT],
            body=message.body,
            drafted_at=now,
        )
        return request, message


def signature_name(ws: Workspace, from_mail_settings: str = "") -> str:
    """The name drafts are signed with: the Settings page's name (`profile.name`), else the display name
    in NEXTROUND_SMTP_FROM the caller read (the CLI) or the one in the app's settings (the web)."""
    from nextround.services.mail_setup import smtp_config
    from nextround.services.preferences import load_preferences

    chosen = load_preferences(ws).profile_name or from_mail_settings
    sender = smtp_config(ws).from_addr if not chosen else ""
    if sender:
        chosen = getaddresses([sender])[0][0].strip()
    return chosen


def draft_cautions(ws: Workspace, app_id: int) -> tuple[str, ...]:
    """What to know before asking this application for feedback: it may still be open, or the answer may be in."""
    cautions: list[str] = []
    with ws.db.plain_read(ws.owner_id, DraftStore) as store:
        app = store.application(app_id, with_events=False)
        # The rejection email's own reason (kept as feedback by the Inbox) is not an answer to a request.
        received = beyond_the_notice(store.feedback_texts(app_id), store.rejection_notices(app_id))
        answered = store.request_rows(
            app_id, (RequestStatus.SENT, RequestStatus.REPLIED, RequestStatus.DECLINED, RequestStatus.NO_REPLY)
        )
    if app.state.is_open:
        cautions.append(
            "This application is still open: a request for feedback usually follows a decision. "
            "Send it now only if you mean to."
        )
    if received:
        cautions.append("Feedback for this application is already recorded: another request may not be needed.")
    if answered and answered[-1].sent_at is not None:
        cautions.append(f"A request was already sent on {answered[-1].sent_at:%d %b %Y}.")
    return tuple(cautions)
