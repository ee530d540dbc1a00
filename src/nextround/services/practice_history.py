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
from nextround.storage.practice import AnswerFacts, AnswerText, PracticeAnswerRepository

if TYPE_CHECKING:
    from nextround.services.practice_progress import PracticeProgress

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
    # 1 for the first session with an answer, and so on: ids also count sessions left before any answer
    # (a follow-up not saved), so "session 10" of someone's fifth session reads as a mistake.
    number: int = 0


def _answer(a: AnswerFacts, text: AnswerText) -> PastAnswer:
    return PastAnswer(
        id=a.id,
        question_id=a.question_key,
        question=text.question_text,
        category=a.category,
        score=a.score,
        answer=text.answer,
        duration_seconds=text.duration_seconds,
        answered_at=a.answered_at,
        follow_up_answer=text.follow_up_answer,
        words_per_minute=a.spoken.words_per_minute if a.spoken else None,
    )


def _all_facts(ws: Workspace) -> list[AnswerFacts]:
    with ws.db.read() as session:
        return PracticeAnswerRepository(session, ws.owner_id).facts()


def past_sessions(ws: Workspace, limit: int = MAX_SESSIONS) -> list[PastSession]:
    """Sessions with answers, newest first: id, started (first answer), answers, average score."""
    with ws.db.read() as session:
        repo = PracticeAnswerRepository(session, ws.owner_id)
        return _sessions(repo, repo.facts(), limit)


def _sessions(repo: PracticeAnswerRepository, answers: Iterable[AnswerFacts], limit: int) -> list[PastSession]:
    """The latest `limit` sessions, chosen from every answer's facts; only their answers' texts are read."""
    grouped: dict[int | None, list[AnswerFacts]] = {}
    for answer in answers:
        grouped.setdefault(answer.session_id, []).append(answer)
    for items in grouped.values():
        items.sort(key=lambda a: (a.answered_at, a.id))
    oldest_first = sorted((pair for pair in grouped.items() if pair[0] is not None), key=lambda p: p[1][0].answered_at)
    numbers = {session_id: n for n, (session_id, _) in enumerate(oldest_first, start=1)}
    latest = sorted(grouped.items(), key=lambda pair: pair[1][0].answered_at, reverse=True)[: max(0, limit)]
    texts = repo.texts([session_id for session_id, _ in latest])
    return [
        PastSession(
            session_id=session_id,
            first_answer_at=items[0].answered_at,
            answers=tuple(_answer(a, texts[a.id]) for a in items if a.id in texts),  # in: deleted meanwhile
            average_score=round(sum(a.score for a in items) / len(items), 1),
            number=numbers.get(session_id, 0),
        )
        for session_id, items in latest
    ]


def score_series(ws: Workspace) -> list[tuple[str, int]]:
    """Every answer's (day, score), oldest first: the line of the score chart."""
    return _series(_all_facts(ws), ws.now().tzinfo)


def _series(answers: Iterable[AnswerFacts], zone: tzinfo | None) -> list[tuple[str, int]]:
    ordered = sorted(answers, key=lambda a: (a.answered_at, a.id))
    return [(a.answered_at.astimezone(zone).date().isoformat(), a.score) for a in ordered]


@dataclass(frozen=True, slots=True)
class PracticeHistory:
    """Everything the practice history page shows. With a long history, decoding every stored analysis
    was most of the page's time: the answers' facts (a few analysis fields, read in SQL) are read once for
    the progress figures, the session list and the charts, and the texts only for the sessions listed."""

    progress: PracticeProgress
    sessions: list[PastSession]
    series: list[tuple[str, int]]


def practice_history(ws: Workspace, limit: int = MAX_SESSIONS) -> PracticeHistory:
    from nextround.services.practice_progress import progress  # practice_progress imports this module

    with ws.db.read() as session:
        repo = PracticeAnswerRepository(session, ws.owner_id)
        answers = repo.facts()
        sessions = _sessions(repo, answers, limit)
    return PracticeHistory(
        progress=progress(ws, answers),
        sessions=sessions,
        series=_series(answers, ws.now().tzinfo),
    )


@dataclass(frozen=True, slots=True)
class SpokenPoint:
    """One spoken answer's delivery, for the pace and filler charts."""

    day: str
    words_per_minute: float | None
    fillers_per_100: float
    long_pauses: int


def spoken_points(answers: Iterable[AnswerFacts], zone: tzinfo | None) -> list[SpokenPoint]:
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
    return spoken_points(_all_facts(ws), ws.now().tzinfo)
