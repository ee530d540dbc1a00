"""Practice sessions, answers and the user's own questions; every query is scoped to one owner."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, case, func, or_, select
from sqlalchemy.orm import Session

from nextround.domain.progress import STAR_PARTS
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
class AnswerFacts:
    """An answer without its texts: its columns and the few fields of its stored analysis that progress
    measures (read in SQL, element by element, rather than by decoding each whole analysis)."""

    id: int
    session_id: int | None
    question_key: str
    category: str
    competencies: tuple[str, ...]
    score: int
    answered_at: datetime
    question_type: str
    star: tuple[str, ...]  # the STAR parts present, in STAR order
    quantified_result: bool
    fillers_per_100: float
    relevance: float
    ownership: float | None
    spoken: SpokenMeasures | None = None


@dataclass(frozen=True, slots=True)
class AnswerText:
    """What a list of past answers shows beside the facts: the question's and the answer's texts."""

    id: int
    question_text: str
    answer: str
    duration_seconds: int | None
    follow_up_answer: str | None


_ANALYSIS = PracticeAnswerRow.analysis
# The analysis fields progress reads (keys of analysis.answer's `to_dict`), as SQL on SQLite and PostgreSQL.
_FACT_FIELDS: tuple[ColumnElement[Any], ...] = (
    _ANALYSIS["question_type"].as_string(),
    *(_ANALYSIS[("star", part)].as_boolean() for part in STAR_PARTS),
    _ANALYSIS["quantified_result"].as_boolean(),
    _ANALYSIS[("fillers", "per_100_words")].as_float(),
    _ANALYSIS["relevance"].as_float(),
    _ANALYSIS["ownership"].as_float(),
)


def _readable(fields: Sequence[ColumnElement[Any]], dialect: str) -> tuple[ColumnElement[Any], ...]:
    """Analysis fields as SQL for this engine. SQLite keeps a JSON column as text, and one answer whose
    analysis is not valid JSON (a hand edit, an old bug) would fail the whole query with "malformed JSON";
    there its fields read as unknown. PostgreSQL only stores valid JSON."""
    if dialect != "sqlite":
        return tuple(fields)
    valid = func.json_valid(PracticeAnswerRow.analysis) == 1
    return tuple(case((valid, field), else_=None) for field in fields)


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


def _spoken_of(
    seconds: float | None,
    words_per_minute: float | None,
    long_pauses: int | None,
    longest_pause: float | None,
    fillers: float | None,
    audio_file: str | None,
) -> SpokenMeasures | None:
    if seconds is None:
        return None
    return SpokenMeasures(
        spoken_seconds=seconds,
        words_per_minute=words_per_minute,
        long_pauses=long_pauses or 0,
        longest_pause_seconds=longest_pause or 0.0,
        fillers_per_100=fillers or 0.0,
        audio_file=audio_file,
    )


def _spoken(row: PracticeAnswerRow) -> SpokenMeasures | None:
    return _spoken_of(
        row.spoken_seconds,
        row.words_per_minute,
        row.long_pauses,
        row.longest_pause_seconds,
        row.spoken_fillers_per_100,
        row.audio_file,
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

    def facts(self) -> list[AnswerFacts]:
        """Every answer's facts, oldest id first; no answer text and no whole analysis is read."""
        r = PracticeAnswerRow
        query = (
            select(
                r.id,
                r.session_id,
                r.question_key,
                r.category,
                r.competencies,
                r.score,
                r.answered_at,
                *_readable(_FACT_FIELDS, self.session.get_bind().dialect.name),
                r.spoken_seconds,
                r.words_per_minute,
                r.long_pauses,
                r.longest_pause_seconds,
                r.spoken_fillers_per_100,
                r.audio_file,
            )
            .where(r.owner_id == self.owner_id)
            .order_by(r.id)
        )
        parts = len(STAR_PARTS)
        found = []
        for row in self.session.execute(query):
            id_, session_id, key, category, competencies, score, answered_at, question_type = row[:8]
            star = row[8 : 8 + parts]
            quantified, fillers, relevance, ownership = row[8 + parts : 12 + parts]
            found.append(
                AnswerFacts(
                    id=id_,
                    session_id=session_id,
                    question_key=key,
                    category=category,
                    competencies=tuple(competencies or ()),
                    score=score,
                    answered_at=answered_at,
                    question_type=question_type or "",
                    star=tuple(part for part, present in zip(STAR_PARTS, star, strict=True) if present),
                    quantified_result=bool(quantified),
                    fillers_per_100=float(fillers or 0.0),
                    relevance=float(relevance or 0.0),
                    ownership=None if ownership is None else float(ownership),
                    spoken=_spoken_of(*row[12 + parts :]),
                )
            )
        return found

    def texts(self, session_ids: Collection[int | None]) -> dict[int, AnswerText]:
        """The texts of the answers in these sessions (None: the answers without a session), by answer id."""
        r = PracticeAnswerRow
        ids = [session_id for session_id in session_ids if session_id is not None]
        in_sessions = [r.session_id.in_(ids)] if ids else []
        without = [r.session_id.is_(None)] if None in session_ids else []
        if not in_sessions and not without:
            return {}
        (follow_up,) = _readable([_ANALYSIS["follow_up_answer"].as_string()], self.session.get_bind().dialect.name)
        query = select(r.id, r.question_text, r.answer, r.duration_seconds, follow_up).where(
            r.owner_id == self.owner_id, or_(*in_sessions, *without)
        )
        return {row[0]: AnswerText(*row) for row in self.session.execute(query)}

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
