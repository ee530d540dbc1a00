"""Read-only views of past practice for the pages: answers grouped by session, newest first.

A thin layer over the practice storage (owner-scoped repositories); the numbers themselves (scores,
analyses) are the stored ones, unchanged.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, tzinfo

from nextround.services.workspace import Workspace
from nextround.storage.practice import PracticeAnswerRepository, StoredAnswer

MAX_SESSIONS = 50


@dataclass(frozen=True, slots=True)
class PastAnswer:
    """One stored answer as the history page lists it (the question by its key and its text)."""

    id: int
    question_id: str
    question: str
    category: str
    score: int
    answer: str
    duration_seconds: int | None
    answered_at: datetime
    follow_up_answer: str | None
    words_per_minute: float | None


@dataclass(frozen=True, slots=True)
class PastSession:
    """A session's answers, oldest first, with when it began (its first answer) and their average score."""

    session_id: int | None
    first_answer_at: datetime
    answers: tuple[PastAnswer, ...]
    average_score: float


def _answer(a: StoredAnswer) -> PastAnswer:
    return PastAnswer(
        id=a.id,
        question_id=a.question_key,
        question=a.question_text,
        category=a.category,
        score=a.score,
        answer=a.answer,
        duration_seconds=a.duration_seconds,
        answered_at=a.answered_at,
        follow_up_answer=(a.analysis or {}).get("follow_up_answer"),
        words_per_minute=a.spoken.words_per_minute if a.spoken else None,
    )


def past_sessions(ws: Workspace, limit: int = MAX_SESSIONS) -> list[PastSession]:
    """Sessions with answers, newest first: id, started (first answer), answers, average score."""
    with ws.db.read() as session:
        answers = PracticeAnswerRepository(session, ws.owner_id).all()
    grouped: dict[int | None, list[StoredAnswer]] = {}
    for answer in answers:
        grouped.setdefault(answer.session_id, []).append(answer)
    sessions = []
    for session_id, items in grouped.items():
        items.sort(key=lambda a: (a.answered_at, a.id))
        scores = [a.score for a in items]
        sessions.append(
            PastSession(
                session_id=session_id,
                first_answer_at=items[0].answered_at,
                answers=tuple(_answer(a) for a in items),
                average_score=round(sum(scores) / len(scores), 1),
            )
        )
    sessions.sort(key=lambda s: s.first_answer_at, reverse=True)
    return sessions[: max(0, limit)]


def score_series(ws: Workspace) -> list[tuple[str, int]]:
    """Every answer's (day, score), oldest first: the line of the score chart."""
    with ws.db.read() as session:
        answers = PracticeAnswerRepository(session, ws.owner_id).all()
    zone = ws.now().tzinfo
    ordered = sorted(answers, key=lambda a: (a.answered_at, a.id))
    return [(a.answered_at.astimezone(zone).date().isoformat(), a.score) for a in ordered]


@dataclass(frozen=True, slots=True)
class SpokenPoint:
    """One spoken answer's delivery, for the pace and filler charts."""

    day: str
    words_per_minute: float | None
    fillers_per_100: float
    long_pauses: int


def spoken_points(answers: Iterable[StoredAnswer], zone: tzinfo | None) -> list[SpokenPoint]:
    """The spoken answers' pace, fillers and long pauses, oldest first (days in the user's time zone)."""
    ordered = sorted((a for a in answers if a.spoken is not None), key=lambda a: (a.answered_at, a.id))
    return [
        SpokenPoint(
            day=a.answered_at.astimezone(zone).date().isoformat(),
            words_per_minute=a.spoken.words_per_minute,
            fillers_per_100=a.spoken.fillers_per_100,
            long_pauses=a.spoken.long_pauses,
        )
        for a in ordered
        if a.spoken is not None
    ]


def spoken_series(ws: Workspace) -> list[SpokenPoint]:
    """Every spoken answer's pace, fillers and long pauses, oldest first."""
    with ws.db.read() as session:
        answers = PracticeAnswerRepository(session, ws.owner_id).all()
    return spoken_points(answers, ws.now().tzinfo)
