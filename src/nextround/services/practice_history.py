"""Read-only views of past practice for the pages: answers grouped by session, newest first.

A thin layer over the practice storage (owner-scoped repositories); the numbers themselves (scores,
analyses) are the stored ones, unchanged.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, tzinfo
from typing import TYPE_CHECKING

from nextround.services.workspace import Workspace
from nextround.storage.practice import PracticeAnswerRepository, StoredAnswer

if TYPE_CHECKING:
    from nextround.services.practice import PracticeProgress

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


def _all_answers(ws: Workspace) -> list[StoredAnswer]:
    with ws.db.read() as session:
        return PracticeAnswerRepository(session, ws.owner_id).all()


def past_sessions(ws: Workspace, limit: int = MAX_SESSIONS) -> list[PastSession]:
    """Sessions with answers, newest first: id, started (first answer), answers, average score."""
    return _sessions(_all_answers(ws), limit)


def _sessions(answers: Iterable[StoredAnswer], limit: int) -> list[PastSession]:
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
    return _series(_all_answers(ws), ws.now().tzinfo)


def _series(answers: Iterable[StoredAnswer], zone: tzinfo | None) -> list[tuple[str, int]]:
    ordered = sorted(answers, key=lambda a: (a.answered_at, a.id))
    return [(a.answered_at.astimezone(zone).date().isoformat(), a.score) for a in ordered]


@dataclass(frozen=True, slots=True)
class PracticeHistory:
    """Everything the practice history page shows, from one read of the answers (with a long history the
    read, each stored analysis decoded, is most of the page's time)."""

    progress: PracticeProgress
    sessions: list[PastSession]
    series: list[tuple[str, int]]


def practice_history(ws: Workspace, limit: int = MAX_SESSIONS) -> PracticeHistory:
    from nextround.services.practice import progress  # practice imports this module

    answers = _all_answers(ws)
    return PracticeHistory(
        progress=progress(ws, answers),
        sessions=_sessions(answers, limit),
        series=_series(answers, ws.now().tzinfo),
    )


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
    return spoken_points(_all_answers(ws), ws.now().tzinfo)
