"""Step 1 of the loop: ask for feedback, send it, chase once. What was said and the interviews behind it are
services.feedback_records; the few of its names that callers still take from this module are re-exported here.

Each use case is one transaction. Sending over SMTP happens between two of them, never inside one, so a
slow mail server does not hold the database, and a failed send leaves the request as it was: drafted.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from nextround.domain.actions import Action, ActionKind
from nextround.domain.feedback_requests import (
    RESOLVED,
    FeedbackRequest,
    FeedbackRequestError,
    RequestStatus,
    Tone,
    addressee_name,
    chase_days_from_setting,
    check_chase,
    check_chase_days,
    check_transition,
    human_date,
    parse_status,
)
from nextround.domain.wording import short_day
from nextround.errors import FormErrors, UserError
from nextround.integrations import mail
from nextround.integrations.templates import RenderedMessage, render_message
from nextround.serialize import NOT_JSON, JsonProperties
from nextround.services.drafting import MAX_SHORT
from nextround.services.drafting import draft_cautions as draft_cautions
from nextround.services.drafting import draft_request as draft_request
from nextround.services.drafting import signature_name as signature_name
from nextround.services.feedback_records import add_interview as add_interview
from nextround.services.feedback_records import application_feedback as application_feedback
from nextround.services.feedback_records import list_feedback as list_feedback
from nextround.services.feedback_records import list_interviews as list_interviews
from nextround.services.feedback_records import record_feedback as record_feedback
from nextround.services.workspace import Workspace
from nextround.storage.feedback import ContactReader, FeedbackRequestRepository
from nextround.storage.repositories import ApplicationRepository, SettingsRepository

CHASE_DAYS_SETTING = "feedback.chase_after_days"

if TYPE_CHECKING:
    from sqlalchemy.orm import Session


# -- drafting (services.drafting) --------------------------------------------------------------------


MAX_DRAFT_BODY = 20_000


def edit_draft(ws: Workspace, request_id: int, subject: str, body: str, to: str | None = None) -> FeedbackRequest:
    """Save the user's own wording of a drafted request (before it is copied, downloaded or sent), and the
    address when one is given: adding it by drafting again would throw the edited wording away."""
    subject = " ".join(subject.split())
    body = body.replace("\r\n", "\n").strip()
    problems = []
    address = (to or "").strip().removeprefix("mailto:")
    if address:
        try:
            mail.check_address(address)
        except UserError as exc:
            problems.append(FeedbackRequestError(str(exc), field="to"))
        if len(address) > MAX_SHORT:
            problems.append(FeedbackRequestError(f"the address is longer than {MAX_SHORT} characters", field="to"))
    if not subject:
        problems.append(FeedbackRequestError("give the message a subject", field="subject"))
    elif len(subject) > MAX_SHORT:
        problems.append(FeedbackRequestError(f"the subject is longer than {MAX_SHORT} characters", field="subject"))
    if not body:
        problems.append(FeedbackRequestError("the message is empty: write what you want to ask", field="body"))
    elif len(body) > MAX_DRAFT_BODY:
        problems.append(FeedbackRequestError(f"the message is longer than {MAX_DRAFT_BODY} characters", field="body"))
    if problems:
        raise FormErrors(problems)
    with ws.db.write() as session:
        repo = FeedbackRequestRepository(session, ws.owner_id)
        if repo.get(request_id).status is not RequestStatus.DRAFTED:
            raise FeedbackRequestError("only a draft can be edited: this request has been sent already", field="body")
        changes = {"subject": subject, "body": body} | ({"to_email": address} if address else {})
        return repo.update(request_id, **changes)


def _ready_request(
    ws: Workspace,
    request_or_app: FeedbackRequest | int,
    *,
    tone: str | Tone | None,
    contact_id: int | None,
    to: str | None,
    sender_name: str,
) -> FeedbackRequest:
    """The drafted request to deliver: the one given, the application's draft, or a fresh draft."""
    if isinstance(request_or_app, FeedbackRequest):
        request = get_request(ws, request_or_app.id)
        check_transition(request.status, RequestStatus.SENT)
        return request
    app_id = request_or_app
    with ws.db.read() as session:
        ApplicationRepository(session, ws.owner_id).exists(app_id)
        latest = FeedbackRequestRepository(session, ws.owner_id).latest(app_id)
    if latest is not None and latest.status is not RequestStatus.DRAFTED and tone is None and contact_id is None:
        when = latest.sent_at.date().isoformat() if latest.sent_at else "earlier"
        raise FeedbackRequestError(
            f"the feedback request (#{latest.id}) was already sent ({when}); send its one reminder instead"
        )
    if latest is not None and latest.status is RequestStatus.DRAFTED and tone is None and contact_id is None:
        return latest
    request, _ = draft_request(ws, app_id, contact_id, tone or Tone.WARM, to=to, sender_name=sender_name)
    return request


def _message_for(ws: Workspace, request: FeedbackRequest, to: str, from_addr: str, in_reply_to: str = "") -> Any:
    return mail.build_message(
        to=to, subject=request.subject, body=request.body, from_addr=from_addr, date=ws.now(), in_reply_to=in_reply_to
    )


def send_request(
    ws: Workspace,
    request_or_app: FeedbackRequest | int,
    to: str | None,
    smtp_settings: mail.SmtpSettings,
    *,
    tone: str | Tone | None = None,
    contact_id: int | None = None,
) -> FeedbackRequest:
    """Send over SMTP (drafting first if needed); only a delivered request becomes `sent`."""
    if not smtp_settings.configured:
        raise mail.MailError(
            "SMTP is not set up: set NEXTROUND_SMTP_HOST and NEXTROUND_SMTP_FROM, "
            "or write the request to a message file or a mailto link instead"
        )
    request = _ready_request(
        ws, request_or_app, tone=tone, contact_id=contact_id, to=to, sender_name=smtp_settings.sender_name
    )
    recipient = to or request.to_email
    if not recipient:
        raise mail.MailError("no recipient known for this request: give the address to send it to", field="to")
    if mail.same_address(recipient, smtp_settings.from_addr):
        # Older LinkedIn imports stored the applicant's own address as the application's contact.
        raise mail.MailError(f"{recipient} is your own address: give the employer's address", field="to")
    message = _message_for(ws, request, recipient, smtp_settings.from_addr)
    mail.send(smtp_settings, message)
    now = ws.now()
    with ws.db.write() as session:
        repo = FeedbackRequestRepository(session, ws.owner_id)
        check_transition(repo.get(request.id).status, RequestStatus.SENT)
        return repo.update(
            request.id,
            status=RequestStatus.SENT,
            sent_at=now,
            channel="smtp",
            to_email=mail.check_address(recipient)[:MAX_SHORT],
            message_id=str(message["Message-ID"])[:MAX_SHORT],
        )


def export_eml(
    ws: Workspace,
    request_or_app: FeedbackRequest | int,
    path: Path,
    *,
    to: str | None = None,
    from_addr: str = "",
    tone: str | Tone | None = None,
    contact_id: int | None = None,
    sender_name: str = "",
) -> tuple[FeedbackRequest, Path]:
    """Write the request as an .eml draft; it stays `drafted` until the user says it went out."""
    request = _ready_request(ws, request_or_app, tone=tone, contact_id=contact_id, to=to, sender_name=sender_name)
    recipient = to or request.to_email
    if not recipient:
        raise mail.MailError("no recipient known for this request: give the address to send it to", field="to")
    message = _message_for(ws, request, recipient, from_addr)
    written = mail.write_eml(message, path)
    with ws.db.write() as session:
        updated = FeedbackRequestRepository(session, ws.owner_id).update(
            request.id,
            channel="eml",
            to_email=recipient[:MAX_SHORT],
            message_id=str(message["Message-ID"])[:MAX_SHORT],
        )
    return updated, written


def mailto(
    ws: Workspace,
    request_or_app: FeedbackRequest | int,
    to: str | None = None,
    *,
    tone: str | Tone | None = None,
    contact_id: int | None = None,
    sender_name: str = "",
) -> tuple[FeedbackRequest, str]:
    """A mailto: link for the request; it stays `drafted` until the user says it went out."""
    request = _ready_request(ws, request_or_app, tone=tone, contact_id=contact_id, to=to, sender_name=sender_name)
    recipient = to or request.to_email
    link = mail.mailto_link(recipient, request.subject, request.body)
    with ws.db.write() as session:
        updated = FeedbackRequestRepository(session, ws.owner_id).update(
            request.id, channel="mailto", to_email=recipient[:MAX_SHORT]
        )
    return updated, link


# -- status, chases ------------------------------------------------------------------------------------


def mark(ws: Workspace, request_id: int, status: str | RequestStatus) -> FeedbackRequest:
    """Move a request along: sent (you sent it yourself), replied, declined, no_reply."""
    target = status if isinstance(status, RequestStatus) else parse_status(status)
    now = ws.now()
    with ws.db.write() as session:
        repo = FeedbackRequestRepository(session, ws.owner_id)
        current = repo.get(request_id)
        check_transition(current.status, target)
        values: dict[str, Any] = {"status": target}
        if target is RequestStatus.SENT:
            values["sent_at"] = now
        if target in RESOLVED:
            values["resolved_at"] = now
        return repo.update(request_id, **values)


def chase_delay(ws: Workspace) -> int:
    """The owner's chase delay (setting `feedback.chase_after_days`), 7 days unless changed."""
    with ws.db.read() as session:
        return _chase_delay(session, ws.owner_id)


def _chase_delay(session: Session, owner_id: int) -> int:
    return chase_days_from_setting(SettingsRepository(session, owner_id).all().get(CHASE_DAYS_SETTING))


def set_chase_delay(ws: Workspace, days: int) -> int:
    check_chase_days(days)
    with ws.db.write() as session:
        SettingsRepository(session, ws.owner_id).set(CHASE_DAYS_SETTING, days)
    return days


@dataclass(frozen=True, slots=True)
class ChaseDue:
    """A sent request whose one reminder is due; its JSON names the request's id, address and subject."""

    json_properties: ClassVar[JsonProperties] = ("request_id", "application_id", "to", "subject", "sent_at", "action")

    request: FeedbackRequest = field(metadata=NOT_JSON)
    company: str
    role: str
    due_at: datetime
    waited_days: int

    @property
    def request_id(self) -> int:
        return self.request.id

    @property
    def application_id(self) -> int:
        return self.request.application_id

    @property
    def to(self) -> str:
        return self.request.to_email

    @property
    def subject(self) -> str:
        return self.request.subject

    @property
    def sent_at(self) -> datetime | None:
        return self.request.sent_at

    @property
    def action(self) -> Action:
        return Action(ActionKind.CHASE, {"request_id": self.request.id})


def due_chases(ws: Workspace, *, chase_after_days: int | None = None) -> list[ChaseDue]:
    """Sent requests with no answer whose one chase is due now, longest waiting first."""
    now = ws.now()
    found: list[ChaseDue] = []
    with ws.db.read() as session:
        days = (
            check_chase_days(chase_after_days) if chase_after_days is not None else _chase_delay(session, ws.owner_id)
        )
        waiting = FeedbackRequestRepository(session, ws.owner_id).awaiting_chase()
    for request, company, role in waiting:
        due_at = request.chase_due_at(days)
        if due_at is None or now < due_at or request.sent_at is None:
            continue
        found.append(ChaseDue(request, company, role, due_at, (now - request.sent_at).days))
    return sorted(found, key=lambda c: c.due_at)


@dataclass(frozen=True, slots=True)
class ChaseResult:
    """The one reminder, as written (and sent or saved); its JSON flattens the request and the message."""

    json_properties: ClassVar[JsonProperties] = ("request_id", "chased_at", "to", "subject", "body")

    request: FeedbackRequest = field(metadata=NOT_JSON)
    message: RenderedMessage = field(metadata=NOT_JSON)
    mailto: str
    eml_path: Path | None = field(metadata={"json_name": "eml"})
    sent: bool

    @property
    def request_id(self) -> int:
        return self.request.id

    @property
    def chased_at(self) -> datetime | None:
        return self.request.chased_at

    @property
    def to(self) -> str:
        return self.request.to_email

    @property
    def subject(self) -> str:
        return self.message.subject

    @property
    def body(self) -> str:
        return self.message.body


def chase_request(
    ws: Workspace,
    request_id: int,
    *,
    force: bool = False,
    smtp_settings: mail.SmtpSettings | None = None,
    eml_path: Path | None = None,
    sender_name: str = "",
) -> ChaseResult:
    """The one polite reminder: written, optionally sent or saved as .eml, and recorded so it never repeats."""
    now = ws.now()
    with ws.db.read() as session:
        days = _chase_delay(session, ws.owner_id)
        request = FeedbackRequestRepository(session, ws.owner_id).get(request_id)
        check_chase(request.status, request.chased_at)
        due_at = request.chase_due_at(days)
        if not force and due_at is not None and now < due_at:
            raise FeedbackRequestError(
                f"give them time: the reminder is due on {short_day(due_at.date())} "
                f"({days} days after sending); you can still send it now if you choose",
                field="anyway",
            )
        app = ApplicationRepository(session, ws.owner_id).get(request.application_id, with_events=False)
        contacts = ContactReader(session, ws.owner_id)  # a request to an address greets whoever has it now
        contact = contacts.get(request.contact_id) if request.contact_id else contacts.with_email(request.to_email)
    if smtp_settings is not None:
        sender_name = sender_name or smtp_settings.sender_name
    sender_name = signature_name(ws, sender_name)
    context = {
        "tone": request.tone.value,
        "company": app.fields.company,
        "role": app.fields.role,
        "contact_name": contact.name if contact else addressee_name(request.to_email),
        "original_subject": request.subject,
        "sent_on": human_date(request.sent_at.astimezone(now.tzinfo)) if request.sent_at else "",
        "sender_name": sender_name,
    }
    message = render_message("feedback_chase", context, ws.settings.home)
    link = mail.mailto_link(request.to_email, message.subject, message.body) if request.to_email else ""
    sent = False
    written: Path | None = None
    if smtp_settings is not None or eml_path is not None:
        if not request.to_email:
            raise mail.MailError("this request has no recipient on record; make a mailto link and pick one yourself")
        from_addr = smtp_settings.from_addr if smtp_settings is not None else ""
        built = mail.build_message(
            to=request.to_email,
            subject=message.subject,
            body=message.body,
            from_addr=from_addr,
            date=now,
            in_reply_to=request.message_id,
        )
        if smtp_settings is not None:
            mail.send(smtp_settings, built)
            sent = True
        else:
            assert eml_path is not None
            written = mail.write_eml(built, eml_path)
    with ws.db.write() as session:
        repo = FeedbackRequestRepository(session, ws.owner_id)
        current = repo.get(request_id)
        check_chase(current.status, current.chased_at)
        updated = repo.update(request_id, chased_at=now)
    return ChaseResult(updated, message, link, written, sent)


# -- reading requests ----------------------------------------------------------------------------------


def get_request(ws: Workspace, request_id: int) -> FeedbackRequest:
    with ws.db.read() as session:
        return FeedbackRequestRepository(session, ws.owner_id).get(request_id)


def list_requests(
    ws: Workspace, app_id: int | None = None, status: str | RequestStatus | None = None
) -> list[FeedbackRequest]:
    statuses = None
    if status is not None:
        statuses = (status if isinstance(status, RequestStatus) else parse_status(status),)
    with ws.db.read() as session:
        if app_id is not None:
            ApplicationRepository(session, ws.owner_id).exists(app_id)
        return FeedbackRequestRepository(session, ws.owner_id).find(application_id=app_id, statuses=statuses)
