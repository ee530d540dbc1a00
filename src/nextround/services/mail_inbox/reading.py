"""Reading messages into proposals: the on/off setting, then classifying, linking and planning. Reading never
changes anything."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

from nextround.analysis.mail import Candidate, MailKind, MailReading, MailText, is_bulk, link, read_mails
from nextround.domain.applications import Application
from nextround.domain.stages import STAGE_ORDER, Outcome, Stage
from nextround.services.mail_inbox.proposals import (
    Action,
    MailDisabled,
    MailProposal,
    MailRun,
    ProposedChange,
    from_stored,
    with_changes,
)
from nextround.services.workspace import Workspace
from nextround.storage.mail import MailRepository
from nextround.storage.repositories import ApplicationRepository, SettingsRepository

MAIL_READING = "mail.reading"
BATCH = 256
MAX_TEXT = 5_000


# -- settings -------------------------------------------------------------------------------------------


def mail_reading_enabled(ws: Workspace) -> bool:
    with ws.db.read() as session:
        value = SettingsRepository(session, ws.owner_id).all().get(MAIL_READING, True)
    return bool(value)


def ensure_enabled(ws: Workspace) -> None:
    if not mail_reading_enabled(ws):
        raise MailDisabled(f"mail reading is turned off (setting {MAIL_READING}); turn it on to read mail")


@dataclass(frozen=True, slots=True)
class Context:
    applications: dict[int, Application]
    candidates: list[Candidate]
    request_by_message_id: dict[str, tuple[int, int, str]]  # Message-ID → (request id, application id, status)


def load_context(ws: Workspace) -> Context:
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
    return Context(
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
            run.proposals.append(with_changes(from_stored(stored), changes=(), status=f"already_{stored.status}"))
    fresh = [m for mid, m in unique.items() if known.get(mid) not in ("applied", "dismissed")]
    run.already_seen += len(mails) - len(fresh)
    if not fresh:
        return run
    context = load_context(ws)
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
                proposal = with_changes(proposal, status="pending")
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


def _proposal(mail: MailText, reading: MailReading, context: Context) -> MailProposal:
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
        stage_hint = stage_reached(app).value if app else "applied"
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


def _answered_request(mail: MailText, context: Context) -> tuple[int, int, str] | None:
    for thread_id in mail.thread_ids:
        found = context.request_by_message_id.get(thread_id)
        if found is not None:
            return found
    return None


def stage_reached(app: Application) -> Stage:
    state = app.state
    if state.outcome is not None and state.closed_at_stage is not None:
        return state.closed_at_stage
    return state.stage


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
            changes.append(ProposedChange(Action.CLOSE_REJECTED, stage=stage_reached(app).value, at=at))
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


def read_and_propose(ws: Workspace, mails: Iterable[MailText], unreadable: int = 0) -> MailRun:
    ensure_enabled(ws)
    run = MailRun(unreadable=unreadable)
    return propose(ws, list(mails), run)
