"""What was said after an application, and the interviews behind it: record feedback verbatim with its analysis
(an answer to a sent request marks it replied), read it back per application with its requests, the next steps
after a rejection, and interviews. Asking for feedback, sending and chasing are services.feedback.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from nextround.domain.actions import Action
from nextround.domain.feedback_requests import (
    ANSWERED,
    REPLY_SOURCES,
    FeedbackEntry,
    FeedbackRequest,
    FeedbackRequestError,
    FeedbackSource,
    Interview,
    RequestKind,
    RequestStatus,
    beyond_the_notice,
    check_feedback_text,
    parse_names,
    parse_source,
    rejection_steps,
    request_kind,
)
from nextround.domain.stages import MAX_ROUND
from nextround.services.drafting import MAX_SHORT
from nextround.services.workspace import Workspace
from nextround.storage.drafts import DraftStore
from nextround.storage.feedback import FeedbackRepository, FeedbackRequestRepository, InterviewRepository
from nextround.storage.repositories import ApplicationRepository


def record_feedback(
    ws: Workspace,
    app_id: int,
    text: str,
    source: str | FeedbackSource = "employer",
    request_id: int | None = None,
    *,
    received_at: datetime | None = None,
) -> FeedbackEntry:
    """Store what was said, verbatim, with its analysis; an answer to a sent request marks it replied."""
    check_feedback_text(text)
    source_value = source if isinstance(source, FeedbackSource) else parse_source(source)
    now = ws.now()
    # Imported here: the analyzer's lexicons take a moment to load, and `stats` only needs the counts.
    from nextround.analysis.feedback import analyze_feedback

    analysis = analyze_feedback(text).to_dict()
    with ws.db.write() as session:
        ApplicationRepository(session, ws.owner_id).exists(app_id)
        requests = FeedbackRequestRepository(session, ws.owner_id)
        answered: FeedbackRequest | None = None
        if request_id is not None:
            answered = requests.get(request_id)
            if answered.application_id != app_id:
                raise FeedbackRequestError(f"feedback request {request_id} belongs to another application")
            if answered.status is RequestStatus.DRAFTED:
                raise FeedbackRequestError(f"feedback request {request_id} was never marked sent: mark it sent first")
        elif source_value in REPLY_SOURCES:
            answered = requests.latest(app_id, (RequestStatus.SENT, RequestStatus.NO_REPLY))
        if answered is not None and answered.status in (RequestStatus.SENT, RequestStatus.NO_REPLY):
            requests.update(answered.id, status=RequestStatus.REPLIED, resolved_at=now)
        return FeedbackRepository(session, ws.owner_id).add(
            application_id=app_id,
            request_id=answered.id if answered else None,
            source=source_value,
            text=text,
            analysis=analysis,
            received_at=received_at or now,
            created_at=now,
        )


def reads_as_open_rejection(ws: Workspace, app_id: int, text: str, source: str | FeedbackSource) -> bool:
    """Whether feedback just pasted from the employer or a recruiter reads as a rejection while its
    application is still open: the message closed it, and until that is recorded the application stays
    'applied', Today asks to follow it up and the numbers do not count the rejection."""
    source_value = source if isinstance(source, FeedbackSource) else parse_source(source)
    if source_value not in REPLY_SOURCES:
        return False
    with ws.db.read() as session:
        app = ApplicationRepository(session, ws.owner_id).get(app_id, with_events=False)
    if not app.state.is_open:
        return False
    from nextround.analysis.embedding import load_model
    from nextround.analysis.mail.base import MAX_BODY_CHARS, MailKind, MailText
    from nextround.analysis.mail.reading import load_classifier, read_mails

    mail = MailText(message_id="", sender_name="", sender_address="", subject="", body=text[:MAX_BODY_CHARS])
    # Read as the inbox reads a message (its likeliest kind): the page only offers, the person decides.
    return read_mails([mail], load_model(), load_classifier())[0].kind is MailKind.REJECTION


def list_feedback(ws: Workspace, app_id: int | None = None) -> list[FeedbackEntry]:
    with ws.db.read() as session:
        if app_id is not None:
            ApplicationRepository(session, ws.owner_id).exists(app_id)
        return FeedbackRepository(session, ws.owner_id).find(application_id=app_id)


@dataclass(frozen=True, slots=True)
class ApplicationFeedback:
    """One application's feedback requests, the feedback recorded and its interviews, and the kind of
    request that fits where it ended."""

    application_id: int
    company: str
    role: str
    request_kind: RequestKind
    requests: tuple[FeedbackRequest, ...]
    feedback: tuple[FeedbackEntry, ...]
    interviews: tuple[Interview, ...]


def application_feedback(ws: Workspace, app_id: int) -> ApplicationFeedback:
    """One application's requests, recorded feedback and interviews."""
    with ws.db.read() as session:
        app = ApplicationRepository(session, ws.owner_id).get(app_id, with_events=False)
        requests = FeedbackRequestRepository(session, ws.owner_id).find(application_id=app_id)
        entries = FeedbackRepository(session, ws.owner_id).find(application_id=app_id)
        interviews = InterviewRepository(session, ws.owner_id).find(application_id=app_id)
    return ApplicationFeedback(
        application_id=app.id,
        company=app.fields.company,
        role=app.fields.role,
        request_kind=request_kind(app.state),
        requests=tuple(requests),
        feedback=tuple(entries),
        interviews=tuple(interviews),
    )


def next_steps_after_rejection(ws: Workspace, app_id: int) -> tuple[Action, ...]:
    """What to do next about a rejected application, given what is already asked and heard."""
    found = application_feedback(ws, app_id)
    answered = any(r.status in ANSWERED for r in found.requests)
    with ws.db.plain_read(ws.owner_id, DraftStore) as store:
        notices = store.rejection_notices(app_id)
    heard = beyond_the_notice((entry.text for entry in found.feedback), notices) > 0
    return rejection_steps(
        app_id, feedback_recorded=bool(found.feedback), request_answered=answered, heard_beyond_notice=heard
    )


# -- interviews ----------------------------------------------------------------------------------------


def add_interview(
    ws: Workspace,
    app_id: int,
    scheduled_at: datetime,
    round: int | None = None,
    kind: str = "",
    interviewers: list[str] | tuple[str, ...] | str = (),
    location: str = "",
    notes: str = "",
    *,
    duration_minutes: int | None = None,
) -> Interview:
    """Record an interview (past or planned) with the people in the room."""
    if scheduled_at.tzinfo is None:
        raise FeedbackRequestError("the interview time needs a time zone")
    if round is not None and not 1 <= round <= MAX_ROUND:
        raise FeedbackRequestError(f"interview round must be from 1 to {MAX_ROUND}", field="round")
    if duration_minutes is not None and not 1 <= duration_minutes <= 24 * 60:
        raise FeedbackRequestError("duration must be between 1 and 1440 minutes")
    kind = " ".join(kind.split())
    if len(kind) > 30:
        raise FeedbackRequestError("the interview kind is longer than 30 characters (e.g. technical, panel)")
    if len(location) > MAX_SHORT:
        raise FeedbackRequestError(f"the location is longer than {MAX_SHORT} characters")
    if len(notes) > 200_000:
        raise FeedbackRequestError("the notes are longer than 200000 characters")
    names = parse_names(interviewers) if isinstance(interviewers, str) else parse_names(",".join(interviewers))
    now = ws.now()
    with ws.db.write() as session:
        ApplicationRepository(session, ws.owner_id).exists(app_id)
        return InterviewRepository(session, ws.owner_id).add(
            application_id=app_id,
            scheduled_at=scheduled_at,
            round_=round,
            kind=kind,
            interviewers=names,
            location=location.strip(),
            notes=notes,
            duration_minutes=duration_minutes,
            created_at=now,
        )


def list_interviews(ws: Workspace, app_id: int | None = None) -> list[Interview]:
    """Interviews in time order, for one application or all of them."""
    with ws.db.read() as session:
        if app_id is not None:
            ApplicationRepository(session, ws.owner_id).exists(app_id)
        return InterviewRepository(session, ws.owner_id).find(application_id=app_id)
