"""Carrying out a proposal: each in one transaction, its Message-ID recorded so it is applied at most once."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import Any

from nextround.analysis.mail import MailKind
from nextround.domain.applications import ApplicationFields, dedupe_key
from nextround.domain.feedback_requests import FeedbackSource, RequestStatus, same_feedback
from nextround.domain.stages import EventSource, Outcome, Stage, StageEvent, derive_state, opening_events
from nextround.errors import UserError
from nextround.services.mail_inbox.proposals import (
    Action,
    Applied,
    MailApplyError,
    MailProposal,
    MailRun,
    ProposedChange,
    as_record,
    with_changes,
)
from nextround.services.workspace import Workspace
from nextround.storage.feedback import FeedbackRepository, FeedbackRequestRepository, InterviewRepository
from nextround.storage.mail import MailRepository
from nextround.storage.repositories import ApplicationRepository

# A stage change dated after now is refused by the tracker; mail dated slightly ahead (clock skew) is clamped.
_SKEW = timedelta(hours=1)


def _actionable(analysis: dict[str, Any]) -> bool:
    """Whether a rejection says why in words a person can act on (the feedback analyser decides)."""
    from nextround.analysis.feedback import ACTIONABLE_THEMES

    return any(theme.get("theme") in ACTIONABLE_THEMES for theme in analysis.get("themes", ()))


def apply_proposal(ws: Workspace, proposal: MailProposal, *, origin: str = "import") -> int | None:
    """Carry out one proposal in one transaction; returns the application it touched (or created)."""
    return apply_and_record(ws, proposal, origin).application_id


def apply_and_record(ws: Workspace, proposal: MailProposal, origin: str) -> Applied:
    now = ws.now()
    with ws.db.write() as session:
        mails = MailRepository(session, ws.owner_id)
        existing = mails.by_message_id(proposal.message_id)
        if existing is not None and existing.status in ("applied", "dismissed"):
            raise MailApplyError(f"message {proposal.message_id} was already {existing.status}")
        applied = _carry_out(session, ws.owner_id, proposal, now)
        record = as_record(proposal, "applied", now, origin) | {"application_id": applied.application_id}
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
            fields = ApplicationFields(
                company=change.company,
                role=change.role or "(role not named)",
                contact_email=reply_address(proposal.sender),
            ).validated()
            key = dedupe_key(fields, when.date())
            same = MailRepository(session, owner_id).application_with_key(key)
            if same is not None:
                app_id = same  # the same acknowledgement read twice (a copy, a forward): one application
                continue
            # The stage the person says they had reached (asked on the Inbox page); the message's day is the only
            # one known, so an interview before a rejection is dated that day too.
            reached = Stage(change.stage or Stage.APPLIED.value)
            round_value = 1 if reached is Stage.INTERVIEW else None
            events = opening_events(reached, when, when, round_value, EventSource.MAIL)
            # A rejection or an invitation says an application was sent, not when: the applied date is unknown
            # (an acknowledgement comes within a day of it). Stats and the weekly review do not count that day.
            day_known = not any(c.action in (Action.CLOSE_REJECTED, Action.MOVE_STAGE) for c in proposal.changes)
            app_id = apps.add(
                fields,
                created_at=now,
                applied_on=when.date() if day_known else None,
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


# Addresses a reply to goes nowhere: the feedback request would be drafted to a robot.
_NO_REPLY = re.compile(r"^(?:no[-_.]?reply|do[-_.]?not[-_.]?reply|notifications?|mailer-daemon|careers-noreply)\b")


def reply_address(sender: str) -> str:
    """The sender's address, kept as a new application's contact email so a feedback request can go back to the
    person who wrote; empty for a no-reply address or an applicant-tracking system's."""
    from email.utils import parseaddr

    from nextround.analysis.mail.base import is_ats_domain

    address = parseaddr(sender)[1].strip().lower()
    local, _, domain = address.partition("@")
    if not local or "." not in domain or len(address) > 254 or _NO_REPLY.match(local) or is_ats_domain(domain):
        return ""
    return address


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
        run.proposals[index] = with_changes(proposal, status="applied", application_id=app_id)
    return run
