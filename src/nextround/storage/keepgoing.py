"""Queries for the keep-going pillar: company watches, seen postings, the journal, and read-only
range queries over the other pillars' tables for the effort counts and the weekly review.

Every query filters by `owner_id`. The review only reads the other pillars' rows; it never writes them.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, NamedTuple

from sqlalchemy import delete, func, insert, select
from sqlalchemy.orm import Session

from nextround.domain.stages import Outcome
from nextround.domain.watch import Posting
from nextround.storage.reads import NotFoundError
from nextround.storage.tables import (
    ApplicationRow,
    ContactRow,
    FeedbackRequestRow,
    FeedbackRow,
    GoalRow,
    InteractionRow,
    JournalEntryRow,
    PracticeAnswerRow,
    PracticeSessionRow,
    ReflectionRow,
    SeenPostingRow,
    StageEventRow,
    WatchRow,
)


class WatchRepository:
    def __init__(self, session: Session, owner_id: int) -> None:
        self.session = session
        self.owner_id = owner_id

    def add(self, *, company: str, board: str, board_token: str, keywords: Sequence[str], now: datetime) -> WatchRow:
        row = WatchRow(
            owner_id=self.owner_id,
            company=company,
            board=board,
            board_token=board_token,
            keywords=list(keywords),
            last_error="",
            created_at=now,
        )
        self.session.add(row)
        self.session.flush()
        return row

    def get(self, watch_id: int) -> WatchRow:
        row = self.session.scalar(select(WatchRow).where(WatchRow.id == watch_id, WatchRow.owner_id == self.owner_id))
        if row is None:
            raise NotFoundError(f"no watch with id {watch_id}")
        return row

    def all(self) -> list[WatchRow]:
        return list(
            self.session.scalars(select(WatchRow).where(WatchRow.owner_id == self.owner_id).order_by(WatchRow.id))
        )

    def find_same(self, company: str, board: str, board_token: str) -> WatchRow | None:
        return self.session.scalar(
            select(WatchRow).where(
                WatchRow.owner_id == self.owner_id,
                func.lower(WatchRow.company) == company.lower(),
                WatchRow.board == board,
                WatchRow.board_token == board_token,
            )
        )

    def delete(self, watch_id: int) -> None:
        self.get(watch_id)
        self.session.execute(
            delete(SeenPostingRow).where(SeenPostingRow.watch_id == watch_id, SeenPostingRow.owner_id == self.owner_id)
        )
        self.session.execute(delete(WatchRow).where(WatchRow.id == watch_id, WatchRow.owner_id == self.owner_id))

    def dismiss_seen(self, seen_id: int) -> SeenPostingRow:
        """Mark a seen posting as dealt with, so the agenda stops showing it."""
        row = self.session.scalar(
            select(SeenPostingRow).where(SeenPostingRow.id == seen_id, SeenPostingRow.owner_id == self.owner_id)
        )
        if row is None:
            raise NotFoundError(f"no opening with id {seen_id}")
        row.dismissed = True
        return row

    def seen_rows(self, watch_id: int, posting_ids: Iterable[str]) -> list[SeenPostingRow]:
        wanted = list(posting_ids)
        if not wanted:
            return []
        self.session.flush()
        return list(
            self.session.scalars(
                select(SeenPostingRow)
                .where(
                    SeenPostingRow.watch_id == watch_id,
                    SeenPostingRow.owner_id == self.owner_id,
                    SeenPostingRow.posting_id.in_(wanted),
                )
                .order_by(SeenPostingRow.id)
            )
        )

    def seen_ids(self, watch_id: int) -> set[str]:
        return set(
            self.session.scalars(
                select(SeenPostingRow.posting_id).where(
                    SeenPostingRow.watch_id == watch_id, SeenPostingRow.owner_id == self.owner_id
                )
            )
        )

    def seen_count(self, watch_id: int) -> int:
        return (
            self.session.scalar(
                select(func.count())
                .select_from(SeenPostingRow)
                .where(SeenPostingRow.watch_id == watch_id, SeenPostingRow.owner_id == self.owner_id)
            )
            or 0
        )

    def add_seen(self, watch_id: int, postings: Iterable[tuple[Posting, bool]], *, now: datetime) -> None:
        """Remember postings (with whether each matched the keywords) in one statement."""
        values = [
            {
                "owner_id": self.owner_id,
                "watch_id": watch_id,
                "posting_id": posting.id[:200],
                "title": posting.title[:500],
                "url": posting.url[:1000],
                "location": posting.location[:300],
                "matches_keywords": matches,
                "first_seen_at": now,
                "dismissed": False,
            }
            for posting, matches in postings
        ]
        if values:
            self.session.execute(insert(SeenPostingRow), values)

    def recent_matching(self, since: datetime) -> list[tuple[SeenPostingRow, WatchRow]]:
        rows = self.session.execute(
            select(SeenPostingRow, WatchRow)
            .join(WatchRow, WatchRow.id == SeenPostingRow.watch_id)
            .where(
                SeenPostingRow.owner_id == self.owner_id,
                WatchRow.owner_id == self.owner_id,
                SeenPostingRow.matches_keywords.is_(True),
                SeenPostingRow.dismissed.is_(False),
                SeenPostingRow.first_seen_at >= since,
            )
            .order_by(SeenPostingRow.first_seen_at.desc(), SeenPostingRow.id)
        )
        return [(seen, watch) for seen, watch in rows]


class JournalRepository:
    def __init__(self, session: Session, owner_id: int) -> None:
        self.session = session
        self.owner_id = owner_id

    def add(
        self, *, kind: str, mood: int | None, text: str, application_id: int | None, now: datetime
    ) -> JournalEntryRow:
        row = JournalEntryRow(
            owner_id=self.owner_id, kind=kind, mood=mood, text=text, application_id=application_id, created_at=now
        )
        self.session.add(row)
        self.session.flush()
        return row

    def application_titles(self, ids: set[int]) -> dict[int, str]:
        """'Role at Company' for each of these applications, so an entry names its job, not an id."""
        if not ids:
            return {}
        rows = self.session.execute(
            select(ApplicationRow.id, ApplicationRow.role, ApplicationRow.company).where(
                ApplicationRow.owner_id == self.owner_id, ApplicationRow.id.in_(ids)
            )
        )
        return {app_id: f"{role} at {company}" for app_id, role, company in rows}

    def entries(
        self, *, kind: str | None = None, since: datetime | None = None, until: datetime | None = None, limit: int = 0
    ) -> list[JournalEntryRow]:
        query = select(JournalEntryRow).where(JournalEntryRow.owner_id == self.owner_id)
        if kind is not None:
            query = query.where(JournalEntryRow.kind == kind)
        if since is not None:
            query = query.where(JournalEntryRow.created_at >= since)
        if until is not None:
            query = query.where(JournalEntryRow.created_at < until)
        query = query.order_by(JournalEntryRow.created_at.desc(), JournalEntryRow.id.desc())
        if limit:
            query = query.limit(limit)
        return list(self.session.scalars(query))


class StageMove(NamedTuple):
    """One stage event with its application's names (a tuple: the review reads every event of the history)."""

    application_id: int
    company: str
    role: str
    from_state: str | None
    to_state: str
    occurred_at: datetime
    applied_day_unknown: bool  # added from a rejection or an invitation: when it was sent is not known


@dataclass(frozen=True, slots=True)
class Touch:
    contact_id: int
    name: str
    company: str
    occurred_at: datetime


class ReviewQueries:
    """Read-only look-ups over other pillars' tables, for effort counts and the review (owner-scoped)."""

    def __init__(self, session: Session, owner_id: int) -> None:
        self.session = session
        self.owner_id = owner_id

    def stage_moves(self, until: datetime) -> list[StageMove]:
        rows = self.session.execute(
            select(
                StageEventRow.application_id,
                ApplicationRow.company,
                ApplicationRow.role,
                StageEventRow.from_state,
                StageEventRow.to_state,
                StageEventRow.occurred_at,
                ApplicationRow.applied_on.is_(None),
            )
            .join(ApplicationRow, ApplicationRow.id == StageEventRow.application_id)
            .where(
                StageEventRow.owner_id == self.owner_id,
                ApplicationRow.owner_id == self.owner_id,
                StageEventRow.occurred_at < until,
            )
            .order_by(StageEventRow.occurred_at, StageEventRow.id)
        )
        return [StageMove(*row) for row in rows]

    def rejected_since(self, since: datetime) -> list[int]:
        """Ids of the applications rejected at or after `since` (ids only: the review counts them)."""
        return list(
            self.session.scalars(
                select(ApplicationRow.id).where(
                    ApplicationRow.owner_id == self.owner_id,
                    ApplicationRow.outcome == Outcome.REJECTED.value,
                    ApplicationRow.closed_at >= since,
                )
            )
        )

    def feedback_requests(self) -> list[tuple[datetime | None, datetime | None, datetime | None, str]]:
        """(sent_at, chased_at, resolved_at, status) of every request."""
        rows = self.session.execute(
            select(
                FeedbackRequestRow.sent_at,
                FeedbackRequestRow.chased_at,
                FeedbackRequestRow.resolved_at,
                FeedbackRequestRow.status,
            ).where(FeedbackRequestRow.owner_id == self.owner_id)
        )
        return [(a, b, c, d) for a, b, c, d in rows]

    def feedback_received(self, until: datetime) -> list[tuple[datetime, dict[str, Any]]]:
        rows = self.session.execute(
            select(FeedbackRow.received_at, FeedbackRow.analysis)
            .where(FeedbackRow.owner_id == self.owner_id, FeedbackRow.received_at < until)
            # In time order: themes seen as often are listed first-seen first, the same on both engines.
            .order_by(FeedbackRow.received_at, FeedbackRow.id)
        )
        return [(received, analysis or {}) for received, analysis in rows]

    def reflections(self) -> list[tuple[int, datetime]]:
        rows = self.session.execute(
            select(ReflectionRow.application_id, ReflectionRow.created_at).where(
                ReflectionRow.owner_id == self.owner_id
            )
        )
        return [(a, b) for a, b in rows]

    def practice_sessions(self, until: datetime) -> list[datetime]:
        """When each session with a saved answer started: one left waiting on a follow-up, or planned and
        never answered, is not effort (the practice history does not count it either)."""
        answered = select(PracticeAnswerRow.id).where(
            PracticeAnswerRow.owner_id == self.owner_id, PracticeAnswerRow.session_id == PracticeSessionRow.id
        )
        return list(
            self.session.scalars(
                select(PracticeSessionRow.started_at).where(
                    PracticeSessionRow.owner_id == self.owner_id,
                    PracticeSessionRow.started_at < until,
                    answered.exists(),
                )
            )
        )

    def practice_answers(self, until: datetime) -> list[tuple[datetime, int, str]]:
        rows = self.session.execute(
            select(PracticeAnswerRow.answered_at, PracticeAnswerRow.score, PracticeAnswerRow.category).where(
                PracticeAnswerRow.owner_id == self.owner_id, PracticeAnswerRow.answered_at < until
            )
        )
        return [(a, b, c) for a, b, c in rows]

    def touches(self, until: datetime) -> list[Touch]:
        rows = self.session.execute(
            select(InteractionRow.contact_id, ContactRow.name, ContactRow.company, InteractionRow.occurred_at)
            .join(ContactRow, ContactRow.id == InteractionRow.contact_id)
            .where(
                InteractionRow.owner_id == self.owner_id,
                ContactRow.owner_id == self.owner_id,
                InteractionRow.occurred_at < until,
            )
            .order_by(InteractionRow.occurred_at)
        )
        return [Touch(*row) for row in rows]

    def goals(self) -> list[tuple[int, str, str, datetime | None]]:
        """(id, title, status, completed_at) of every goal."""
        rows = self.session.execute(
            select(GoalRow.id, GoalRow.title, GoalRow.status, GoalRow.completed_at)
            .where(GoalRow.owner_id == self.owner_id)
            .order_by(GoalRow.id)
        )
        return [(a, b, c, d) for a, b, c, d in rows]

    def journal(self, until: datetime) -> list[tuple[str, int | None, str, datetime]]:
        rows = self.session.execute(
            select(JournalEntryRow.kind, JournalEntryRow.mood, JournalEntryRow.text, JournalEntryRow.created_at)
            .where(JournalEntryRow.owner_id == self.owner_id, JournalEntryRow.created_at < until)
            .order_by(JournalEntryRow.created_at)
        )
        return [(a, b, c, d) for a, b, c, d in rows]

    def reframed_application_ids(self) -> set[int]:
        return set(
            self.session.scalars(
                select(JournalEntryRow.application_id).where(
                    JournalEntryRow.owner_id == self.owner_id,
                    JournalEntryRow.kind == "reframe",
                    JournalEntryRow.application_id.is_not(None),
                )
            )
        )
