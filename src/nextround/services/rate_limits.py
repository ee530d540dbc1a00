"""Rate limits kept in the database, so every server process counts the same events.

One table of timestamped events (`scope`, `subject`): failed sign-ins per account and per address, coach
invitations per inviting account and per account and address. A limit is "at most `most` events of a scope
for a subject within `window`"; past it the action is refused and the message says when to try again.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from nextround.errors import UserError
from nextround.storage.tables import SignInFailureRow as EventRow

KEEP = timedelta(days=1)  # events older than this are pruned: no window may be longer


class TooManyAttempts(UserError):
    """Too many of something lately (failed sign-ins, invitations): `retry_after` seconds until one more is allowed."""

    def __init__(self, message: str, retry_after: int, *, field: str | None = None) -> None:
        super().__init__(message, field=field)
        self.retry_after = retry_after


@dataclass(frozen=True, slots=True)
class Limit:
    scope: str  # at most 10 characters (the column's width)
    most: int
    window: timedelta
    what: str  # "failed sign-ins": the message's words

    def __post_init__(self) -> None:
        if self.window > KEEP or len(self.scope) > 10:
            raise ValueError(f"limit {self.scope!r}: scope too long or window longer than {KEEP}")


def _wait_words(seconds: int) -> str:
    minutes = max(1, (seconds + 59) // 60)
    if minutes <= 90:
        return f"{minutes} minute{'s' if minutes != 1 else ''}"
    hours = (minutes + 59) // 60
    return f"{hours} hours"


def check(session: Session, limit: Limit, subject: str, now: datetime, *, field: str | None = None) -> None:
    """Raise TooManyAttempts when `subject` already has `limit.most` events within the window."""
    count, oldest = session.execute(
        select(func.count(), func.min(EventRow.failed_at)).where(
            EventRow.scope == limit.scope, EventRow.subject == subject[:300], EventRow.failed_at > now - limit.window
        )
    ).one()
    if int(count) >= limit.most and oldest is not None:
        wait = int((oldest + limit.window - now).total_seconds()) + 1
        raise TooManyAttempts(f"too many {limit.what}; try again in {_wait_words(wait)}", wait, field=field)


def record(session: Session, scope: str, subject: str, now: datetime) -> int:
    """Count one event (and prune the old ones); its id, to take it back with `forget` if the action failed."""
    row = EventRow(scope=scope, subject=subject[:300], failed_at=now)
    session.add(row)
    session.execute(delete(EventRow).where(EventRow.failed_at < now - KEEP))
    session.flush()
    return row.id


def forget(session: Session, event_ids: list[int]) -> None:
    session.execute(delete(EventRow).where(EventRow.id.in_(event_ids)))
