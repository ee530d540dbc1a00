"""Mail that arrived, turned into proposed changes to the tracker, applied only after review.

Reading never changes anything: `propose` classifies messages, links each to an application and plans
the changes it implies. `apply_proposal` carries one proposal out in one transaction and records its
Message-ID, so a message is applied at most once and re-importing the same export changes nothing.
`queue` keeps proposals for the Inbox page to accept or dismiss one by one.

Only what is needed is stored: sender, date, subject and the job-related text of job mail. Messages that
are not about a job are never stored.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from nextround.analysis.mail import Candidate, MailKind, MailReading, MailText, is_bulk, link, read_mails
from nextround.domain.applications import Application, ApplicationFields, dedupe_key
from nextround.domain.feedback_requests import FeedbackSource, RequestStatus, same_feedback
from nextround.domain.stages import (
    STAGE_ORDER,
    EventSource,
    Outcome,
    Stage,
    StageEvent,
    derive_state,
    opening_events,
)
from nextround.errors import UserError
from nextround.services.workspace import Workspace
from nextround.storage.feedback import FeedbackRepository, FeedbackRequestRepository, InterviewRepository
from nextround.storage.mail import MailRepository, MailSyncRepository, StoredMail
from nextround.storage.repositories import ApplicationRepository, SettingsRepository

if TYPE_CHECKING:
    from nextround.integrations.imap import ImapSettings

MAIL_READING = "mail.reading"
BATCH = 256
MAX_TEXT = 5_000
# A stage change dated after now is refused by the tracker; mail dated slightly ahead (clock skew) is clamped.
_SKEW = timedelta(hours=1)


class MailDisabled(UserError, RuntimeError):
    """Mail reading is turned off in the settings."""


class MailApplyError(UserError, ValueError):
    """A proposal that can no longer be applied as it stands."""


class Action(StrEnum):
    CREATE_APPLICATION = "create_application"
    MOVE_STAGE = "move_stage"
    ADD_INTERVIEW = "add_interview"
    CLOSE_REJECTED = "close_rejected"
    RECORD_FEEDBACK = "record_feedback"


@dataclass(frozen=True, slots=True)
class ProposedChange:
    action: Action
    stage: str | None = None
    at: datetime | None = None
    company: str = ""
    role: str = ""
    request_id: int | None = None


@dataclass(frozen=True, slots=True)
class MailProposal:
    """What one message means for the tracker. `changes` is empty when nothing would change."""

    message_id: str
    kind: MailKind
    company: str
    role: str
    application_id: int | None
    stage_hint: str | None
    changes: tuple[ProposedChange, ...]
    sender: str
    subject: str
    sent_at: datetime | None
    text: str = field(metadata={"json": False})  # stored for review, never printed in bulk
    confidence: float = 1.0
    interview_at: datetime | None = None
    link_reason: str = "none"
    thread_ids: tuple[str, ...] = field(default=(), metadata={"json": False})
    status: str = "new"  # new, pending (queued for review), applied, dismissed
    inbox_id: int | None = None


@dataclass(frozen=True, slots=True)
class Applied:
    """What carrying out a proposal did: the application it touched, and whether its feedback was skipped
    because that application already holds the same text (pasted by hand before the message was read)."""

    application_id: int | None
    feedback_already_recorded: bool = False


@dataclass(slots=True)
class MailRun:
    """The outcome of reading a source: proposals, and what was counted but not proposed."""

    proposals: list[MailProposal] = field(default_factory=list)
    read: int = 0
    unreadable: int = 0
    not_job: int = 0
    already_seen: int = 0
    applied: int = 0
    queued: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)


# -- settings -------------------------------------------------------------------------------------------


def mail_reading_enabled(ws: Workspace) -> bool:
    with ws.db.read() as session:
        value = SettingsRepository(session, ws.owner_id).all().get(MAIL_READING, True)
    return bool(value)


def ensure_enabled(ws: Workspace) -> None:
    if not mail_reading_enabled(ws):
        raise MailDisabled(f"mail reading is turned off (setting {MAIL_READING}); turn it on to read mail")


# -- proposing ------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Context:
    applications: dict[int, Application]
    candidates: list[Candidate]
    request_by_message_id: dict[str, tuple[int, int, str]]  # Message-ID → (request id, application id, status)


def _context(ws: Workspace) -> _Context:
    with ws.db.read() as session:
        apps = ApplicationRepository(session, ws.owner_id).find()
        requests = MailRepository(session, ws.owner_id).sent_requests()
    by_app: dict[int, list[str]] = {}
    for request in requests:
        by_app.setdefault(request.application_id, []).append(request.message_id)
    candidates = [
        Candidate(app.id, app.fields.company, app.fields.role, app.fields.contact_email, tuple(by_app.get(app.id, ())))
        for app in apps
    ]
    return _Context(
        applications={app.id: app for app in apps},
        candidates=candidates,
        request_by_message_id={r.message_id: (r.id, r.application_id, r.status) for r in requests},
    )


def propose(ws: Workspace, mails: Sequence[MailText], run: MailRun | None = None) -> MailRun:
    """Classify, link and plan every message not applied or dismissed before. Changes nothing."""
    from nextround.analysis.embedding import load_model
    from nextround.analysis.mail import load_classifier

    run = run or MailRun()
    run.read += len(mails)
    unique: dict[str, MailText] = {}
    for mail in mails:
        unique.setdefault(mail.message_id, mail)
    with ws.db.read() as session:
        mails_repo = MailRepository(session, ws.owner_id)
        known = mails_repo.statuses(unique)
        decided = [mid for mid in unique if known.get(mid) in ("applied", "dismissed")]
        for stored in mails_repo.by_message_ids(decided):
            # Already applied or dismissed: reported as it was decided, never planned again.
            run.proposals.append(_with(_from_stored(stored), changes=(), status=f"already_{stored.status}"))
    fresh = [m for mid, m in unique.items() if known.get(mid) not in ("applied", "dismissed")]
    run.already_seen += len(mails) - len(fresh)
    if not fresh:
        return run
    context = _context(ws)
    model, classifier = load_model(), load_classifier()
    request_ids = frozenset(context.request_by_message_id)
    for start in range(0, len(fresh), BATCH):
        batch = fresh[start : start + BATCH]
        for mail, reading in zip(batch, read_mails(batch, model, classifier, request_ids), strict=True):
            if not reading.about_a_job:
                run.not_job += 1
                run.proposals.append(_not_job(mail, reading))
                continue
            proposal = _proposal(mail, reading, context)
            if known.get(mail.message_id) == "pending":
                proposal = _with(proposal, status="pending")
            run.proposals.append(proposal)
    return run


def _not_job(mail: MailText, reading: MailReading) -> MailProposal:
    """Reported (for --json) but never stored: not even its text is kept."""
    return MailProposal(
        message_id=mail.message_id,
        kind=MailKind.NOT_JOB,
        company="",
        role="",
        application_id=None,
        stage_hint=None,
        changes=(),
        sender=mail.sender_address,
        subject=mail.subject,
        sent_at=mail.sent_at,
        text="",
        confidence=reading.confidence,
    )


def _with(proposal: MailProposal, **changes: Any) -> MailProposal:
    from dataclasses import replace

    return replace(proposal, **changes)


def _proposal(mail: MailText, reading: MailReading, context: _Context) -> MailProposal:
    linked = link(mail, reading, context.candidates)
    app = context.applications.get(linked.application_id) if linked.application_id is not None else None
    request = _answered_request(mail, context)
    if reading.kind is MailKind.FEEDBACK_REPLY and request is not None and app is None:
        app = context.applications.get(request[1])
    company = app.fields.company if app else reading.company
    role = app.fields.role if app else reading.role
    changes = plan(reading, mail, app, request[0] if request else None)
    sender = f"{mail.sender_name} <{mail.sender_address}>" if mail.sender_name else mail.sender_address
    stage_hint = reading.stage_hint
    if reading.kind is MailKind.REJECTION:
        stage_hint = _stage_reached(app).value if app else "applied"
    return MailProposal(
        message_id=mail.message_id,
        kind=reading.kind,
        company=company[:300],
        role=role[:300],
        application_id=app.id if app else None,
        stage_hint=stage_hint,
        changes=changes,
        sender=sender[:300],
        subject=mail.subject[:300],
        sent_at=mail.sent_at,
        text=mail.body[:MAX_TEXT],
        confidence=reading.confidence,
        interview_at=reading.interview_at,
        link_reason=linked.reason if app else "none",
        thread_ids=mail.thread_ids,
    )


def _answered_request(mail: MailText, context: _Context) -> tuple[int, int, str] | None:
    for thread_id in mail.thread_ids:
        found = context.request_by_message_id.get(thread_id)
        if found is not None:
            return found
    return None


def _stage_reached(app: Application) -> Stage:
    state = app.state
    if state.outcome is not None and state.closed_at_stage is not None:
        return state.closed_at_stage
    return state.stage


def _actionable(analysis: dict[str, Any]) -> bool:
    """Whether a rejection says why in words a person can act on (the feedback analyser decides)."""
    from nextround.analysis.feedback import ACTIONABLE_THEMES

    return any(theme.get("theme") in ACTIONABLE_THEMES for theme in analysis.get("themes", ()))


_CREATES_WHEN_UNTRACKED = (MailKind.ACKNOWLEDGEMENT, MailKind.REJECTION, MailKind.INVITATION)


def plan(
    reading: MailReading, mail: MailText, app: Application | None, request_id: int | None = None
) -> tuple[ProposedChange, ...]:
    """The changes a message implies for its application (or for a new one)."""
    at = mail.sent_at
    changes: list[ProposedChange] = []
    kind = reading.kind
    can_create = bool(reading.company) and not is_bulk(mail)
    if app is None:
        if kind in _CREATES_WHEN_UNTRACKED and can_create:
            # A rejection or an invitation from a company the tracker has never heard of is still news of an
            # application the person made: add it (as applied, on the message's day: the real day is unknown),
            # then carry the message out on it, so nothing the mail says is dropped.
            changes.append(
                ProposedChange(
                    Action.CREATE_APPLICATION, stage="applied", at=at, company=reading.company, role=reading.role
                )
            )
            if kind is MailKind.REJECTION:
                changes.append(ProposedChange(Action.CLOSE_REJECTED, stage=Stage.APPLIED.value, at=at))
                if mail.body.strip():
                    changes.append(ProposedChange(Action.RECORD_FEEDBACK, at=at))
            elif kind is MailKind.INVITATION:
                target = Stage(reading.stage_hint or "interview")
                if target is not Stage.APPLIED:
                    changes.append(ProposedChange(Action.MOVE_STAGE, stage=target.value, at=at))
                if reading.interview_at is not None:
                    changes.append(
                        ProposedChange(Action.ADD_INTERVIEW, stage=target.value, at=_aware(reading.interview_at, at))
                    )
        return tuple(changes)
    state = app.state
    if kind is MailKind.REJECTION:
        if state.outcome is None or state.outcome is Outcome.GHOSTED:
            changes.append(ProposedChange(Action.CLOSE_REJECTED, stage=_stage_reached(app).value, at=at))
            if mail.body.strip():
                # Kept as feedback only if it gives reasons: the analyser decides when it is applied (analysing
                # every rejection while reading a 10,000-message export would cost more than the reading).
                changes.append(ProposedChange(Action.RECORD_FEEDBACK, at=at))
    elif kind is MailKind.FEEDBACK_REPLY:
        if mail.body.strip():
            changes.append(ProposedChange(Action.RECORD_FEEDBACK, at=at, request_id=request_id))
    elif kind is MailKind.INVITATION:
        target = Stage(reading.stage_hint or "interview")
        ahead = STAGE_ORDER.index(target) > STAGE_ORDER.index(state.stage)
        another_round = target is Stage.INTERVIEW and state.stage is Stage.INTERVIEW
        if state.outcome is None and (ahead or another_round):
            changes.append(ProposedChange(Action.MOVE_STAGE, stage=target.value, at=at))
        if reading.interview_at is not None:
            changes.append(
                ProposedChange(Action.ADD_INTERVIEW, stage=target.value, at=_aware(reading.interview_at, at))
            )
    elif (
        kind is MailKind.OFFER
        and state.outcome is None
        and STAGE_ORDER.index(state.stage) < STAGE_ORDER.index(Stage.OFFER)
    ):
        changes.append(ProposedChange(Action.MOVE_STAGE, stage=Stage.OFFER.value, at=at))
    return tuple(changes)


def _aware(wall: datetime, sent_at: datetime | None) -> datetime:
    """An invitation's wall time, in the zone the message was written in (or this machine's)."""
    if sent_at is not None and sent_at.tzinfo is not None:
        return wall.replace(tzinfo=sent_at.tzinfo)
    return wall.astimezone()


# -- applying -------------------------------------------------------------------------------------------


def _record(proposal: MailProposal, status: str, now: datetime, origin: str) -> dict[str, Any]:
    return {
        "message_id": proposal.message_id,
        "sender": proposal.sender,
        "subject": proposal.subject,
        "sent_at": proposal.sent_at,
        "text": proposal.text,
        "kind": proposal.kind.value,
        "company": proposal.company,
        "role": proposal.role,
        "application_id": proposal.application_id,
        "stage_hint": proposal.stage_hint,
        "interview_at": proposal.interview_at.replace(tzinfo=proposal.sent_at.tzinfo)
        if proposal.interview_at and proposal.sent_at and proposal.interview_at.tzinfo is None
        else proposal.interview_at,
        "thread_ids": list(proposal.thread_ids),
        "changes": [_change_record(c) for c in proposal.changes],
        "status": status,
        "origin": origin,
        "created_at": now,
        "decided_at": now if status != "pending" else None,
    }


def _change_record(change: ProposedChange) -> dict[str, object]:
    """How a proposed change is kept in the inbox table (read back by `_from_stored`)."""
    record: dict[str, object] = {"action": change.action.value}
    if change.stage is not None:
        record["stage"] = change.stage
    if change.at is not None:
        record["at"] = change.at.isoformat()
    if change.company:
        record["company"] = change.company
    if change.role:
        record["role"] = change.role
    if change.request_id is not None:
        record["request_id"] = change.request_id
    return record


def apply_proposal(ws: Workspace, proposal: MailProposal, *, origin: str = "import") -> int | None:
    """Carry out one proposal in one transaction; returns the application it touched (or created)."""
    return _apply(ws, proposal, origin).application_id


def _apply(ws: Workspace, proposal: MailProposal, origin: str) -> Applied:
    now = ws.now()
    with ws.db.write() as session:
        mails = MailRepository(session, ws.owner_id)
        existing = mails.by_message_id(proposal.message_id)
        if existing is not None and existing.status in ("applied", "dismissed"):
            raise MailApplyError(f"message {proposal.message_id} was already {existing.status}")
        applied = _carry_out(session, ws.owner_id, proposal, now)
        record = _record(proposal, "applied", now, origin) | {"application_id": applied.application_id}
        if existing is None:
            mails.add(**record)
        else:
            mails.update(existing.id, **{k: v for k, v in record.items() if k not in ("created_at", "origin")})
        return applied


def _when(at: datetime | None, now: datetime) -> datetime:
    if at is None:
        return now
    return min(at, now) if at > now + _SKEW else at


def _carry_out(session: Any, owner_id: int, proposal: MailProposal, now: datetime) -> Applied:
    apps = ApplicationRepository(session, owner_id)
    app_id = proposal.application_id
    feedback_known = False
    for change in proposal.changes:
        when = _when(change.at, now)
        if change.action is Action.CREATE_APPLICATION:
            fields = ApplicationFields(company=change.company, role=change.role or "(role not named)").validated()
            key = dedupe_key(fields, when.date())
            same = MailRepository(session, owner_id).application_with_key(key)
            if same is not None:
                app_id = same  # the same acknowledgement read twice (a copy, a forward): one application
                continue
            events = opening_events(Stage.APPLIED, when, max(now, when), None, EventSource.MAIL)
            app_id = apps.add(
                fields,
                created_at=now,
                applied_on=when.date(),
                dedupe_key=key,
                state=derive_state(events),
            )
            apps.add_events(((app_id, e) for e in events), now=now)
            continue
        if app_id is None:
            raise MailApplyError(f"message {proposal.message_id} is not linked to an application")
        app = apps.get(app_id)
        events = list(app.events)
        state = derive_state(events)
        if change.action is Action.CLOSE_REJECTED:
            if state.outcome is not None and state.outcome is not Outcome.GHOSTED:
                continue  # already closed: the history keeps the first close
            origin_state = state.outcome.value if state.outcome else state.stage.value
            event = StageEvent(origin_state, Outcome.REJECTED.value, _after_history(when, events), EventSource.MAIL)
            _append(apps, app_id, events, event, now)
        elif change.action is Action.MOVE_STAGE:
            target = Stage(change.stage or "interview")
            if state.outcome is not None and target is not Stage.OFFER:
                continue
            round_value = None
            if target is Stage.INTERVIEW:
                round_value = (state.interview_round or 0) + 1 if state.stage is Stage.INTERVIEW else 1
            origin_state = state.outcome.value if state.outcome else state.stage.value
            event = StageEvent(
                origin_state, target.value, _after_history(when, events), EventSource.MAIL, round=round_value
            )
            _append(apps, app_id, events, event, now)
        elif change.action is Action.ADD_INTERVIEW:
            assert change.at is not None
            InterviewRepository(session, owner_id).add(
                application_id=app_id,
                scheduled_at=change.at,
                round_=None,
                kind=(change.stage or "interview")[:30],
                interviewers=(),
                location="",
                notes=f"From the message “{proposal.subject}”"[:300],
                duration_minutes=None,
                created_at=now,
            )
        elif change.action is Action.RECORD_FEEDBACK:
            feedback_known = not _record_feedback(session, owner_id, app_id, proposal, change, when, now)
    return Applied(app_id, feedback_known)


def _after_history(when: datetime, events: Sequence[StageEvent]) -> datetime:
    """A mail-dated event never lands before the history it follows (that would reorder the funnel)."""
    return max([when, *(e.occurred_at for e in events)])


def _append(
    apps: ApplicationRepository, app_id: int, events: list[StageEvent], event: StageEvent, now: datetime
) -> None:
    apps.add_events([(app_id, event)], now=now)
    apps.set_state(app_id, derive_state([*events, event]))


def _record_feedback(
    session: Any,
    owner_id: int,
    app_id: int,
    proposal: MailProposal,
    change: ProposedChange,
    when: datetime,
    now: datetime,
) -> bool:
    """Record the message as feedback; False only when the application already holds the same text."""
    from nextround.analysis.feedback import analyze_feedback

    text = proposal.text.strip()
    if not text:
        return True
    feedback = FeedbackRepository(session, owner_id)
    if any(same_feedback(text, entry.text) for entry in feedback.find(application_id=app_id)):
        return False  # pasted by hand before the message arrived: one entry, not two
    requests = FeedbackRequestRepository(session, owner_id)
    request_id = change.request_id
    if request_id is None and proposal.kind is MailKind.FEEDBACK_REPLY:
        latest = requests.latest(app_id, (RequestStatus.SENT, RequestStatus.NO_REPLY))
        request_id = latest.id if latest else None
    analysis = analyze_feedback(text).to_dict()
    if proposal.kind is MailKind.REJECTION and not _actionable(analysis):
        return True  # a rejection without reasons is a stage event only
    if request_id is not None:
        request = requests.get(request_id)
        if request.status in (RequestStatus.SENT, RequestStatus.NO_REPLY):
            requests.update(request_id, status=RequestStatus.REPLIED, resolved_at=now)
    feedback.add(
        application_id=app_id,
        request_id=request_id,
        source=FeedbackSource.EMPLOYER,
        text=text,
        analysis=analysis,
        received_at=when,
        created_at=now,
    )
    return True


def apply_all(ws: Workspace, run: MailRun, *, origin: str = "import") -> MailRun:
    """Apply every proposal with changes, each in its own transaction; a failure is reported, never fatal."""
    for index, proposal in enumerate(run.proposals):
        if not proposal.changes or proposal.status not in ("new", "pending"):
            continue
        try:
            app_id = apply_proposal(ws, proposal, origin=origin)
        except UserError as exc:
            run.failed.append((proposal.message_id, str(exc)))
            continue
        run.applied += 1
        run.proposals[index] = _with(proposal, status="applied", application_id=app_id)
    return run


# -- the review queue (the Inbox page) ------------------------------------------------------------------


def queue(ws: Workspace, run: MailRun, *, origin: str = "upload") -> MailRun:
    """Keep new proposals for review; messages already queued, applied or dismissed are left as they are."""
    now = ws.now()
    with ws.db.write() as session:
        mails = MailRepository(session, ws.owner_id)
        known = mails.statuses(p.message_id for p in run.proposals)
        for index, proposal in enumerate(run.proposals):
            if proposal.message_id in known or proposal.kind is MailKind.NOT_JOB or proposal.status != "new":
                continue
            stored = mails.add(**_record(proposal, "pending", now, origin))
            known[proposal.message_id] = "pending"
            run.proposals[index] = _with(proposal, status="pending", inbox_id=stored.id)
            run.queued += 1
    return run


def _from_stored(stored: StoredMail) -> MailProposal:
    changes = tuple(
        ProposedChange(
            Action(c["action"]),
            stage=c.get("stage"),
            at=datetime.fromisoformat(c["at"]) if c.get("at") else None,
            company=c.get("company", ""),
            role=c.get("role", ""),
            request_id=c.get("request_id"),
        )
        for c in stored.changes
    )
    return MailProposal(
        message_id=stored.message_id,
        kind=MailKind(stored.kind),
        company=stored.company,
        role=stored.role,
        application_id=stored.application_id,
        stage_hint=stored.stage_hint,
        changes=changes,
        sender=stored.sender,
        subject=stored.subject,
        sent_at=stored.sent_at,
        text=stored.text,
        confidence=1.0,
        interview_at=stored.interview_at,
        thread_ids=stored.thread_ids,
        status=stored.status,
        inbox_id=stored.id,
    )


def inbox(ws: Workspace, *, status: str | None = "pending", limit: int = 500) -> list[MailProposal]:
    """Stored proposals, newest first; pending ones as Accept would carry them out now (`_replanned`)."""
    with ws.db.read() as session:
        stored = MailRepository(session, ws.owner_id).find(status=status, limit=limit)
    if status != "pending" or not stored:
        return [_from_stored(s) for s in stored]
    context = _context(ws)
    return [_replanned(ws, s, context) for s in stored]


def _replanned(ws: Workspace, stored: StoredMail, context: _Context | None = None) -> MailProposal:
    """A queued proposal, planned again against the applications as they are now: its own may have moved on,
    or been added since (a rejection read before its application was tracked is linked to it then)."""
    from email.utils import parseaddr

    proposal = _from_stored(stored)
    name, address = parseaddr(stored.sender)
    mail = MailText(
        message_id=stored.message_id,
        sender_name=name,
        sender_address=address or stored.sender,
        subject=stored.subject,
        body=stored.text,
        sent_at=stored.sent_at,
        thread_ids=stored.thread_ids,
    )
    interview_at = stored.interview_at.replace(tzinfo=None) if stored.interview_at else None
    reading = MailReading(proposal.kind, 1.0, proposal.company, proposal.role, _invitation_hint(stored), interview_at)
    context = context or _context(ws)
    app = context.applications.get(proposal.application_id) if proposal.application_id is not None else None
    if app is None:
        linked = link(mail, reading, context.candidates)
        app = context.applications.get(linked.application_id) if linked.application_id is not None else None
    if app is None:  # about no application (or one deleted since): nothing to change in the tracker
        return proposal if proposal.application_id is None else _with(proposal, application_id=None, changes=())
    request_id = next((c.request_id for c in proposal.changes if c.request_id is not None), None)
    changes = plan(reading, mail, app, request_id)
    if interview_at and stored.interview_at is not None:
        changes = tuple(_with_at(c, stored.interview_at) if c.action is Action.ADD_INTERVIEW else c for c in changes)
    stage_hint = _stage_reached(app).value if proposal.kind is MailKind.REJECTION else proposal.stage_hint
    return _with(
        proposal,
        application_id=app.id,
        company=app.fields.company,
        role=app.fields.role,
        stage_hint=stage_hint,
        changes=changes,
    )


def _with_at(change: ProposedChange, at: datetime) -> ProposedChange:
    from dataclasses import replace

    return replace(change, at=at)


def _invitation_hint(stored: StoredMail) -> str | None:
    if stored.kind == MailKind.REJECTION.value:
        return None
    return stored.stage_hint


def accept(ws: Workspace, inbox_id: int) -> int | None:
    """Carry out a queued proposal; returns the application it touched."""
    return accept_message(ws, inbox_id).application_id


def accept_message(ws: Workspace, inbox_id: int) -> Applied:
    """Carry out a queued proposal, saying also whether its feedback was already on the application."""
    with ws.db.read() as session:
        stored = MailRepository(session, ws.owner_id).get(inbox_id)
    if stored.status != "pending":
        raise MailApplyError(f"message {inbox_id} was already {stored.status}")
    return _apply(ws, _replanned(ws, stored), stored.origin)


def dismiss(ws: Workspace, inbox_id: int) -> None:
    now = ws.now()
    with ws.db.write() as session:
        mails = MailRepository(session, ws.owner_id)
        stored = mails.get(inbox_id)
        if stored.status != "pending":
            raise MailApplyError(f"message {inbox_id} was already {stored.status}")
        mails.update(inbox_id, status="dismissed", decided_at=now)


def read_and_propose(ws: Workspace, mails: Iterable[MailText], unreadable: int = 0) -> MailRun:
    ensure_enabled(ws)
    run = MailRun(unreadable=unreadable)
    return propose(ws, list(mails), run)


# -- IMAP ----------------------------------------------------------------------------------------------


class SyncMode(StrEnum):
    DRY_RUN = "dry_run"  # show proposals; nothing stored, the sync position stays where it was
    APPLY = "apply"  # apply each message's changes, then move the sync position past it
    QUEUE = "queue"  # keep proposals for review on the Inbox page, then move the sync position


@dataclass(slots=True)
class SyncRun(MailRun):
    account: str = ""
    folder: str = ""
    uidvalidity: int = 0
    last_uid: int = 0
    new_messages: int = 0


def mailbox_settings(ws: Workspace) -> ImapSettings:
    """The mailbox "Check mail now" reads: NEXTROUND_IMAP_* of whoever started nextround. On a shared server
    that is the server's own mailbox, so no one signed in to it gets one (they upload an export instead)."""
    from nextround.integrations.imap import ImapSettings

    if ws.settings.shared_server:
        return ImapSettings()
    return ImapSettings.from_env(ws.settings.imap_env)


def sync(
    ws: Workspace,
    settings: ImapSettings,
    *,
    mode: SyncMode = SyncMode.DRY_RUN,
    since: date | None = None,
    before: date | None = None,
    from_start: bool = False,
) -> SyncRun:
    """Read the folder's new mail (by UID since the last sync) and propose, apply or queue it.

    Each batch is applied (or queued) before the sync position moves past it, so a dropped connection loses
    nothing: the next sync starts after the last message handled, and Message-IDs stop any double apply.
    """
    from nextround.integrations.imap import ImapError, ImapReader
    from nextround.integrations.mail_read import parse_bytes

    ensure_enabled(ws)
    run = SyncRun(account=settings.account, folder=settings.folder)
    with ws.db.read() as session:
        position = MailSyncRepository(session, ws.owner_id).position(settings.account, settings.folder)
    try:
        with ImapReader(settings) as reader:
            run.uidvalidity = reader.uidvalidity
            start = 0
            if position is not None and position.uidvalidity == reader.uidvalidity and not from_start:
                start = position.last_uid
            run.last_uid = start
            uids = reader.new_uids(start, since=since, before=before)
            run.new_messages = len(uids)
            for batch in reader.fetch(uids):
                mails: list[MailText] = []
                for _, raw in batch:
                    try:
                        mails.append(parse_bytes(raw))
                    except Exception:  # one broken message never stops a sync
                        run.unreadable += 1
                part = propose(ws, mails)
                if mode is SyncMode.APPLY:
                    apply_all(ws, part, origin="imap")
                elif mode is SyncMode.QUEUE:
                    queue(ws, part, origin="imap")
                _merge(run, part)
                if mode is SyncMode.DRY_RUN:
                    continue
                if batch:
                    run.last_uid = max(run.last_uid, batch[-1][0])
                    _save_position(ws, settings, run)
            if mode is not SyncMode.DRY_RUN and not uids:
                _save_position(ws, settings, run)
    except ImapError as exc:
        if run.applied or run.queued:
            kept = f"{run.applied} applied, {run.queued} queued" if mode is not SyncMode.DRY_RUN else ""
            raise ImapError(f"{exc} (after {kept}; that is kept, and the next sync continues from there)") from None
        raise
    return run


def _save_position(ws: Workspace, settings: ImapSettings, run: SyncRun) -> None:
    with ws.db.write() as session:
        MailSyncRepository(session, ws.owner_id).save(
            settings.account, settings.folder, uidvalidity=run.uidvalidity, last_uid=run.last_uid, now=ws.now()
        )


def _merge(run: MailRun, part: MailRun) -> None:
    run.proposals.extend(part.proposals)
    run.read += part.read
    run.unreadable += part.unreadable
    run.not_job += part.not_job
    run.already_seen += part.already_seen
    run.applied += part.applied
    run.queued += part.queued
    run.failed.extend(part.failed)
