"""Queries of the analyse-and-reflect pillar: CVs, reflections, goals, and feedback analyses (read only).

Every query is scoped to one owner; an id that belongs to someone else is simply not found.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from nextround.domain.stages import Stage
from nextround.storage.reads import NotFoundError
from nextround.storage.tables import ApplicationRow, CvRow, FeedbackRow, GoalRow, ReflectionRow


@dataclass(frozen=True, slots=True)
class StoredCv:
    id: int
    name: str
    filename: str
    text: str
    is_primary: bool
    created_at: datetime


@dataclass(frozen=True, slots=True)
class StoredReflection:
    application_id: int
    answers: dict[str, Any]
    created_at: datetime
    updated_at: datetime


@dataclass(frozen=True, slots=True)
class StoredFeedback:
    id: int
    application_id: int | None
    analysis: dict[str, Any]
    received_at: datetime


@dataclass(frozen=True, slots=True)
class RejectedJob:
    application_id: int
    company: str
    role: str
    jd_text: str
    furthest_stage: str


class _Scoped:
    def __init__(self, session: Session, owner_id: int) -> None:
        self.session = session
        self.owner_id = owner_id


def _utc(moment: datetime) -> datetime:
    """Times read back are UTC; a row just written still holds the caller's zone until then."""
    return moment.astimezone(UTC)


def _cv(row: CvRow) -> StoredCv:
    return StoredCv(row.id, row.name, row.filename, row.text, row.is_primary, _utc(row.created_at))


def _reflection(row: ReflectionRow) -> StoredReflection:
    answers = dict(row.answers) if isinstance(row.answers, dict) else {}  # a hand edit may leave a list
    return StoredReflection(row.application_id, answers, _utc(row.created_at), _utc(row.updated_at))


class CvRepository(_Scoped):
    def _row(self, cv_id: int) -> CvRow:
        row = self.session.scalar(select(CvRow).where(CvRow.id == cv_id, CvRow.owner_id == self.owner_id))
        if row is None:
            raise NotFoundError(f"no CV with id {cv_id}")
        return row

    def add(self, *, name: str, filename: str, text: str, is_primary: bool, created_at: datetime) -> StoredCv:
        row = CvRow(
            owner_id=self.owner_id,
            name=name,
            filename=filename,
            text=text,
            is_primary=is_primary,
            created_at=created_at,
        )
        self.session.add(row)
        self.session.flush()
        return _cv(row)

    def get(self, cv_id: int) -> StoredCv:
        return _cv(self._row(cv_id))

    def rename(self, cv_id: int, name: str) -> StoredCv:
        row = self._row(cv_id)
        row.name = name
        self.session.flush()
        return _cv(row)

    def all(self) -> list[StoredCv]:
        rows = self.session.scalars(select(CvRow).where(CvRow.owner_id == self.owner_id).order_by(CvRow.id))
        return [_cv(row) for row in rows]

    def count(self) -> int:
        return self.session.scalar(select(func.count()).select_from(CvRow).where(CvRow.owner_id == self.owner_id)) or 0

    def remove(self, cv_id: int) -> StoredCv:
        row = self._row(cv_id)
        found = _cv(row)
        self.session.delete(row)
        self.session.flush()
        return found

    def set_primary(self, cv_id: int) -> StoredCv:
        row = self._row(cv_id)
        self.session.execute(
            update(CvRow).where(CvRow.owner_id == self.owner_id, CvRow.id != cv_id).values(is_primary=False)
        )
        row.is_primary = True
        self.session.flush()
        return _cv(row)

    def primary(self) -> StoredCv | None:
        row = self.session.scalar(
            select(CvRow)
            .where(CvRow.owner_id == self.owner_id)
            .order_by(CvRow.is_primary.desc(), CvRow.id.desc())
            .limit(1)
        )
        return _cv(row) if row is not None else None


class ReflectionRepository(_Scoped):
    def get(self, application_id: int) -> StoredReflection | None:
        row = self.session.scalar(
            select(ReflectionRow).where(
                ReflectionRow.owner_id == self.owner_id, ReflectionRow.application_id == application_id
            )
        )
        return None if row is None else _reflection(row)

    def save(self, application_id: int, answers: dict[str, Any], now: datetime) -> StoredReflection:
        row = self.session.scalar(
            select(ReflectionRow).where(
                ReflectionRow.owner_id == self.owner_id, ReflectionRow.application_id == application_id
            )
        )
        if row is None:
            row = ReflectionRow(
                owner_id=self.owner_id, application_id=application_id, answers=answers, created_at=now, updated_at=now
            )
            self.session.add(row)
        else:
            row.answers = answers
            row.updated_at = now
        self.session.flush()
        return _reflection(row)

    def all(self) -> list[StoredReflection]:
        rows = self.session.scalars(
            select(ReflectionRow).where(ReflectionRow.owner_id == self.owner_id).order_by(ReflectionRow.id)
        )
        return [_reflection(row) for row in rows]


class FeedbackReader(_Scoped):
    """The feedback pillar writes these rows; this pillar only reads their stored analyses."""

    def analyses(self) -> list[StoredFeedback]:
        rows = self.session.execute(
            select(FeedbackRow.id, FeedbackRow.application_id, FeedbackRow.analysis, FeedbackRow.received_at)
            .where(FeedbackRow.owner_id == self.owner_id)
            .order_by(FeedbackRow.received_at, FeedbackRow.id)
        )
        return [
            StoredFeedback(fid, app_id, analysis if isinstance(analysis, dict) else {}, received_at)
            for fid, app_id, analysis, received_at in rows
        ]


class RejectedJobs(_Scoped):
    """Applications that ended in a rejection or silence, with the job description they were for."""

    def with_job_description(self) -> list[RejectedJob]:
        rows = self.session.execute(
            select(
                ApplicationRow.id,
                ApplicationRow.company,
                ApplicationRow.role,
                ApplicationRow.jd_text,
                ApplicationRow.furthest_stage,
            )
            .where(
                ApplicationRow.owner_id == self.owner_id,
                ApplicationRow.outcome.in_(("rejected", "ghosted")),
                ApplicationRow.jd_text != "",
            )
            .order_by(ApplicationRow.id)
        )
        return [RejectedJob(*row) for row in rows]

    def closed_without_job_description(self) -> int:
        return (
            self.session.scalar(
                select(func.count())
                .select_from(ApplicationRow)
                .where(
                    ApplicationRow.owner_id == self.owner_id,
                    ApplicationRow.outcome.in_(("rejected", "ghosted")),
                    ApplicationRow.jd_text == "",
                )
            )
            or 0
        )

    def closed_at_stages(self) -> dict[Stage, int]:
        """How many ended in a rejection or silence at each stage: Insights' stage pattern, counted in SQL
        rather than through the whole funnel's statistics."""
        rows = self.session.execute(
            select(ApplicationRow.closed_at_stage, func.count())
            .where(
                ApplicationRow.owner_id == self.owner_id,
                ApplicationRow.outcome.in_(("rejected", "ghosted")),
                ApplicationRow.closed_at_stage.is_not(None),
            )
            .group_by(ApplicationRow.closed_at_stage)
        )
        return {Stage(stage): int(count) for stage, count in rows if stage is not None}

    def applied_since(self, moment: datetime) -> int:
        """Applications recorded after `moment` and sent on or after its day (old imports do not count)."""
        return (
            self.session.scalar(
                select(func.count())
                .select_from(ApplicationRow)
                .where(
                    ApplicationRow.owner_id == self.owner_id,
                    ApplicationRow.created_at >= moment,
                    ApplicationRow.applied_on >= moment.date(),
                )
            )
            or 0
        )


class GoalRepository(_Scoped):
    def _row(self, goal_id: int) -> GoalRow:
        row = self.session.scalar(select(GoalRow).where(GoalRow.id == goal_id, GoalRow.owner_id == self.owner_id))
        if row is None:
            raise NotFoundError(f"no goal with id {goal_id}")
        return row

    def add(self, **values: Any) -> GoalRow:
        row = GoalRow(owner_id=self.owner_id, **values)
        self.session.add(row)
        self.session.flush()
        return row

    def get(self, goal_id: int) -> GoalRow:
        return self._row(goal_id)

    def find(self, *, statuses: Sequence[str] | None = None, measure: str | None = None) -> list[GoalRow]:
        query = select(GoalRow).where(GoalRow.owner_id == self.owner_id)
        if statuses:
            query = query.where(GoalRow.status.in_(tuple(statuses)))
        if measure is not None:
            query = query.where(GoalRow.measure == measure)
        return list(self.session.scalars(query.order_by(GoalRow.due_on.is_(None), GoalRow.due_on, GoalRow.id)))

    def due_by(self, day: date) -> list[GoalRow]:
        query = (
            select(GoalRow)
            .where(
                GoalRow.owner_id == self.owner_id,
                GoalRow.status == "open",
                GoalRow.due_on.is_not(None),
                GoalRow.due_on <= day,
            )
            .order_by(GoalRow.due_on, GoalRow.id)
        )
        return list(self.session.scalars(query))
