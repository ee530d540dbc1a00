"""Practice sessions, answers and the user's own questions; every query is scoped to one owner."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from nextround.storage.reads import NotFoundError
from nextround.storage.repositories import reader_of
from nextround.storage.tables import (
    ApplicationRow,
    CustomQuestionRow,
    FeedbackRow,
    InterviewRow,
    PracticeAnswerRow,
    PracticeSessionRow,
)

CUSTOM_KEY_PREFIX = "custom:"


def custom_key(question_id: int) -> str:
    return f"{CUSTOM_KEY_PREFIX}{question_id}"


@dataclass(frozen=True, slots=True)
class StoredSession:
    id: int
    application_id: int | None
    focus: str
    plan: tuple[str, ...]
    started_at: datetime
    finished_at: datetime | None


@dataclass(frozen=True, slots=True)
class SpokenMeasures:
    """The delivery measures stored with a spoken answer, and its recording's file when the user keeps it."""

    spoken_seconds: float
    words_per_minute: float | None
    long_pauses: int
    longest_pause_seconds: float
    fillers_per_100: float
    audio_file: str | None = None


@dataclass(frozen=True, slots=True)
class StoredAnswer:
    id: int
    session_id: int | None
    question_key: str
    question_text: str
    category: str
    competencies: tuple[str, ...]
    answer: str
    score: int
    analysis: dict[str, Any]
    duration_seconds: int | None
    answered_at: datetime
    spoken: SpokenMeasures | None = None


@dataclass(frozen=True, slots=True)
class StoredCustomQuestion:
    id: int
    text: str
    category: str
    competencies: tuple[str, ...]
    application_id: int | None
    interview_id: int | None
    created_at: datetime
    company: str = ""

    @property
    def key(self) -> str:
        return custom_key(self.id)


def _spoken(row: PracticeAnswerRow) -> SpokenMeasures | None:
    if row.spoken_seconds is None:
        return None
    return SpokenMeasures(
        spoken_seconds=row.spoken_seconds,
        words_per_minute=row.words_per_minute,
        long_pauses=row.long_pauses or 0,
        longest_pause_seconds=row.longest_pause_seconds or 0.0,
        fillers_per_100=row.spoken_fillers_per_100 or 0.0,
        audio_file=row.audio_file,
    )


def _answer(row: PracticeAnswerRow) -> StoredAnswer:
    return StoredAnswer(
        id=row.id,
        session_id=row.session_id,
        question_key=row.question_key,
        question_text=row.question_text,
        category=row.category,
        competencies=tuple(row.competencies or ()),
        answer=row.answer,
        score=row.score,
        analysis=dict(row.analysis or {}),
        duration_seconds=row.duration_seconds,
        answered_at=row.answered_at,
        spoken=_spoken(row),
    )


class PracticeSessionRepository:
    def __init__(self, session: Session, owner_id: int) -> None:
        self.session = session
        self.owner_id = owner_id

    def _row(self, session_id: int) -> PracticeSessionRow:
        row = self.session.scalar(
            select(PracticeSessionRow).where(
                PracticeSessionRow.id == session_id, PracticeSessionRow.owner_id == self.owner_id
            )
        )
        if row is None:
            raise NotFoundError(f"no practice session with id {session_id}")
        return row

    def add(self, *, application_id: int | None, focus: str, plan: Sequence[str], started_at: datetime) -> int:
        row = PracticeSessionRow(
            owner_id=self.owner_id, application_id=application_id, focus=focus, plan=list(plan), started_at=started_at
        )
        self.session.add(row)
        self.session.flush()
        return row.id

    def get(self, session_id: int) -> StoredSession:
        row = self._row(session_id)
        return StoredSession(
            id=row.id,
            application_id=row.application_id,
            focus=row.focus,
            plan=tuple(row.plan or ()),
            started_at=row.started_at,
            finished_at=row.finished_at,
        )

    def finish(self, session_id: int, at: datetime) -> None:
        row = self._row(session_id)
        if row.finished_at is None:
            row.finished_at = at

    def count(self) -> int:
        query = select(func.count()).select_from(PracticeSessionRow).where(PracticeSessionRow.owner_id == self.owner_id)
        return self.session.scalar(query) or 0


class PracticeAnswerRepository:
    def __init__(self, session: Session, owner_id: int) -> None:
        self.session = session
        self.owner_id = owner_id

    def add(
        self,
        *,
        session_id: int | None,
        question_key: str,
        question_text: str,
        category: str,
        competencies: Sequence[str],
        answer: str,
        score: int,
        analysis: dict[str, Any],
        duration_seconds: int | None,
        answered_at: datetime,
        spoken: SpokenMeasures | None = None,
    ) -> int:
        row = PracticeAnswerRow(
            owner_id=self.owner_id,
            session_id=session_id,
            question_key=question_key,
            question_text=question_text,
            category=category,
            competencies=list(competencies),
            answer=answer,
            score=score,
            analysis=analysis,
            duration_seconds=duration_seconds,
            answered_at=answered_at,
        )
        if spoken is not None:
            row.spoken_seconds = spoken.spoken_seconds
            row.words_per_minute = spoken.words_per_minute
            row.long_pauses = spoken.long_pauses
            row.longest_pause_seconds = spoken.longest_pause_seconds
            row.spoken_fillers_per_100 = spoken.fillers_per_100
            row.audio_file = spoken.audio_file
        self.session.add(row)
        self.session.flush()
        return row.id

    def latest_for_question(self, question_key: str, *, before_id: int | None = None) -> StoredAnswer | None:
        query = select(PracticeAnswerRow).where(
            PracticeAnswerRow.owner_id == self.owner_id, PracticeAnswerRow.question_key == question_key
        )
        if before_id is not None:
            query = query.where(PracticeAnswerRow.id < before_id)
        row = self.session.scalar(query.order_by(PracticeAnswerRow.id.desc()).limit(1))
        return None if row is None else _answer(row)

    def for_question(self, question_key: str) -> list[StoredAnswer]:
        rows = self.session.scalars(
            select(PracticeAnswerRow)
            .where(PracticeAnswerRow.owner_id == self.owner_id, PracticeAnswerRow.question_key == question_key)
            .order_by(PracticeAnswerRow.id)
        )
        return [_answer(row) for row in rows]

    def for_session(self, session_id: int) -> list[StoredAnswer]:
        rows = self.session.scalars(
            select(PracticeAnswerRow)
            .where(PracticeAnswerRow.owner_id == self.owner_id, PracticeAnswerRow.session_id == session_id)
            .order_by(PracticeAnswerRow.id)
        )
        return [_answer(row) for row in rows]

    def all(self) -> list[StoredAnswer]:
        rows = self.session.scalars(
            select(PracticeAnswerRow).where(PracticeAnswerRow.owner_id == self.owner_id).order_by(PracticeAnswerRow.id)
        )
        return [_answer(row) for row in rows]

    def score_history(self) -> list[tuple[str, int, datetime]]:
        """(question key, score, answered at) for every answer, oldest first: what spaced repetition needs."""
        return reader_of(self.session, self.owner_id).practice_scores()

    def keys_from_recent_sessions(self, sessions: int) -> set[str]:
        """Question keys answered in the owner's last `sessions` sessions that have answers."""
        recent = (
            select(PracticeAnswerRow.session_id)
            .where(PracticeAnswerRow.owner_id == self.owner_id, PracticeAnswerRow.session_id.is_not(None))
            .group_by(PracticeAnswerRow.session_id)
            .order_by(PracticeAnswerRow.session_id.desc())
            .limit(sessions)
        )
        ids = list(self.session.scalars(recent))
        if not ids:
            return set()
        keys = self.session.scalars(
            select(PracticeAnswerRow.question_key).where(
                PracticeAnswerRow.owner_id == self.owner_id, PracticeAnswerRow.session_id.in_(ids)
            )
        )
        return set(keys)

    def answered_keys(self) -> set[str]:
        keys = self.session.scalars(
            select(PracticeAnswerRow.question_key).where(PracticeAnswerRow.owner_id == self.owner_id).distinct()
        )
        return set(keys)


class CustomQuestionRepository:
    def __init__(self, session: Session, owner_id: int) -> None:
        self.session = session
        self.owner_id = owner_id

    def _select(self) -> Any:
        return (
            select(CustomQuestionRow, ApplicationRow.company)
            .outerjoin(
                ApplicationRow,
                (ApplicationRow.id == CustomQuestionRow.application_id) & (ApplicationRow.owner_id == self.owner_id),
            )
            .where(CustomQuestionRow.owner_id == self.owner_id)
            .order_by(CustomQuestionRow.id)
        )

    @staticmethod
    def _to_stored(row: CustomQuestionRow, company: str | None) -> StoredCustomQuestion:
        return StoredCustomQuestion(
            id=row.id,
            text=row.text,
            category=row.category,
            competencies=tuple(row.competencies or ()),
            application_id=row.application_id,
            interview_id=row.interview_id,
            created_at=row.created_at,
            company=company or "",
        )

    def add(
        self,
        *,
        text: str,
        category: str,
        competencies: Sequence[str],
        application_id: int | None,
        interview_id: int | None,
        created_at: datetime,
    ) -> int:
        row = CustomQuestionRow(
            owner_id=self.owner_id,
            text=text,
            category=category,
            competencies=list(competencies),
            application_id=application_id,
            interview_id=interview_id,
            created_at=created_at,
        )
        self.session.add(row)
        self.session.flush()
        return row.id

    def get(self, question_id: int) -> StoredCustomQuestion:
        found = self.session.execute(self._select().where(CustomQuestionRow.id == question_id)).first()
        if found is None:
            raise NotFoundError(f"no question with id {custom_key(question_id)}")
        return self._to_stored(found[0], found[1])

    def find(self, *, category: str | None = None, application_id: int | None = None) -> list[StoredCustomQuestion]:
        query = self._select()
        if category is not None:
            query = query.where(CustomQuestionRow.category == category)
        if application_id is not None:
            query = query.where(CustomQuestionRow.application_id == application_id)
        return [self._to_stored(row, company) for row, company in self.session.execute(query)]


class PracticeContextRepository:
    """The other pillars' rows that planning reads: the target job, interviews and feedback themes."""

    def __init__(self, session: Session, owner_id: int) -> None:
        self.session = session
        self.owner_id = owner_id

    def application(self, application_id: int) -> tuple[str, str, str]:
        """(company, role, job description) of one of the owner's applications."""
        found = self.session.execute(
            select(ApplicationRow.company, ApplicationRow.role, ApplicationRow.jd_text).where(
                ApplicationRow.id == application_id, ApplicationRow.owner_id == self.owner_id
            )
        ).first()
        if found is None:
            raise NotFoundError(f"no application with id {application_id}")
        return found[0], found[1], found[2] or ""

    def interview_application(self, interview_id: int) -> int:
        found = self.session.scalar(
            select(InterviewRow.application_id).where(
                InterviewRow.id == interview_id, InterviewRow.owner_id == self.owner_id
            )
        )
        if found is None:
            raise NotFoundError(f"no interview with id {interview_id}")
        return found

    def feedback_analyses(self) -> list[dict[str, Any]]:
        rows = self.session.scalars(select(FeedbackRow.analysis).where(FeedbackRow.owner_id == self.owner_id))
        return [dict(analysis or {}) for analysis in rows]
