"""What a message means for the tracker: the proposal types, and how a proposal is kept in the inbox table and
read back from it."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any

from nextround.analysis.mail import MailKind
from nextround.errors import UserError
from nextround.storage.mail import StoredMail


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


def with_changes(proposal: MailProposal, **changes: Any) -> MailProposal:
    from dataclasses import replace

    return replace(proposal, **changes)


def as_record(proposal: MailProposal, status: str, now: datetime, origin: str) -> dict[str, Any]:
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
    """How a proposed change is kept in the inbox table (read back by `from_stored`)."""
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


def from_stored(stored: StoredMail) -> MailProposal:
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
