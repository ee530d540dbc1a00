"""The link a coach reaches a job seeker through (multi-user mode), as every part of coaching uses it: what can
be shared, the link as the front ends see it, the errors, the check every coach read passes (a live link of this
coach's, else "not found") and the audit entry each read writes."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import select

from nextround.errors import UserError
from nextround.storage.coaching_snapshot import account_names
from nextround.storage.db import Database
from nextround.storage.reads import NotFoundError
from nextround.storage.tables import CoachLinkRow, CoachReadRow

SHAREABLE = ("applications", "feedback", "practice", "journal")
DEFAULT_SHARES = ("applications", "feedback", "practice")  # never the journal unless chosen
MAX_NOTE = 4000


class CoachingError(UserError, ValueError):
    """Something about a coaching link that cannot be done as asked."""


class InvitationForAnother(NotFoundError):
    """A live coach invitation opened by someone signed in with another address (the link's holder may sign out
    and sign in, or make the account, with the address it was sent to)."""


@dataclass(frozen=True, slots=True)
class CoachLink:
    id: int
    seeker_email: str
    coach_email: str
    shares: tuple[str, ...]
    created_at: datetime
    accepted: bool
    withdrawn: bool  # the link is over: the job seeker stopped sharing, or the coach declined
    coach_deleted: bool = False  # the coach deleted their account (the link was withdrawn then)
    declined: bool = False  # the coach said no to the invitation (withdrawn too)
    decline_new: bool = False  # declined, and the job seeker has not opened the Sharing page since


def _now() -> datetime:
    return datetime.now(UTC)


def _emails(db: Database, ids: set[int]) -> dict[int, str]:
    with db.read() as session:
        return account_names(session, ids)


def _link(row: CoachLinkRow, emails: dict[int, str]) -> CoachLink:
    return CoachLink(
        row.id,
        emails.get(row.owner_id, ""),
        row.coach_email,
        tuple(row.shares),
        row.created_at,
        row.accepted_at is not None,
        row.withdrawn_at is not None,
        declined=row.declined_at is not None,
        decline_new=row.declined_at is not None and row.decline_seen_at is None,
    )


def _live_link(db: Database, coach_id: int, link_id: int) -> CoachLinkRow:
    """The link, only while it is this coach's, accepted and not withdrawn; otherwise "not found"."""
    with db.read() as session:
        row = session.scalar(
            select(CoachLinkRow).where(
                CoachLinkRow.id == link_id,
                CoachLinkRow.coach_id == coach_id,
                CoachLinkRow.accepted_at.is_not(None),
                CoachLinkRow.withdrawn_at.is_(None),
            )
        )
    if row is None:
        raise NotFoundError(f"no one with id {link_id} on your caseload")
    return row


def _fits(text: str, limit: int) -> str:
    """The text cut to the column's size with an ellipsis, so a long application title visibly goes on."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _audit(db: Database, owner_id: int, coach_id: int, what: str) -> None:
    with db.write() as session:
        session.add(CoachReadRow(owner_id=owner_id, coach_id=coach_id, what=_fits(what, 200), read_at=_now()))
