"""Practice progress over time: sessions, scores and measures by week and category, the weakest competencies,
the streak, reviews due and spoken answers (the keys are documented in docs/practice.md). Planning sessions and
recording answers are services.practice.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

from nextround.domain.practice_plan import due_reviews, review_items
from nextround.domain.progress import AnswerRecord, compute_progress
from nextround.serialize import FLATTEN
from nextround.services.practice_history import SpokenPoint, spoken_points
from nextround.services.workspace import Workspace
from nextround.storage.practice import AnswerFacts, PracticeAnswerRepository


def answer_records(ws: Workspace, answers: Sequence[AnswerFacts]) -> list[AnswerRecord]:
    """The stored answers' facts as the progress measures read them, in the workspace's time zone."""
    zone = ws.now().tzinfo
    return [
        AnswerRecord(
            session_id=a.session_id,
            question_key=a.question_key,
            category=a.category,
            competencies=a.competencies,
            score=a.score,
            answered_at=a.answered_at.astimezone(zone),
            question_type=a.question_type,
            star=a.star,
            quantified_result=a.quantified_result,
            fillers_per_100=a.fillers_per_100,
            relevance=a.relevance,
            ownership=a.ownership,
        )
        for a in answers
    ]


# A measure's value by its name (average_score, star_complete, result_rate, fillers_per_100, ...; see
# domain.progress.MEASURES); None where there is nothing to measure yet.
Measures = Mapping[str, float | None]


@dataclass(frozen=True, slots=True)
class WeekProgress:
    """One ISO week of practice: its answers and sessions, and its measures (in JSON, beside these)."""

    week: str
    starts_on: date
    answers: int
    sessions: int
    measures: Measures = field(metadata=FLATTEN)


@dataclass(frozen=True, slots=True)
class CategoryScore:
    category: str
    answers: int
    average_score: float | None


@dataclass(frozen=True, slots=True)
class CompetencyScore:
    competency: str
    answers: int
    average_score: float | None


@dataclass(frozen=True, slots=True)
class MeasureChange:
    """A measure in the first week and the latest, and whether it moved the right way (None: not known)."""

    first_week: float | None
    latest_week: float | None
    change: float | None
    improved: bool | None


@dataclass(frozen=True, slots=True)
class PracticeStreak:
    days: int
    longest: int
    last_practised: date | None
    rule: str


@dataclass(frozen=True, slots=True)
class PracticeProgress:
    """Sessions, scores and measures over time, per category, weakest competencies, streak, due reviews
    (the keys are documented in docs/practice.md)."""

    sessions: int
    answers: int
    average_score: float | None
    measures: Measures
    recent: Measures
    by_week: tuple[WeekProgress, ...]
    by_category: tuple[CategoryScore, ...]
    weakest_competencies: tuple[CompetencyScore, ...]
    improvement: Mapping[str, MeasureChange]
    streak: PracticeStreak
    due_reviews: int
    spoken: tuple[SpokenPoint, ...]


_WEEK_KEYS = ("week", "starts_on", "answers", "sessions")


def progress(ws: Workspace, answers: Sequence[AnswerFacts] | None = None) -> PracticeProgress:
    """Sessions, scores and measures over time, per category, weakest competencies, streak, due reviews.
    `answers`: every stored answer's facts, when the caller has read them already."""
    if answers is None:
        with ws.db.read() as session:
            answers = PracticeAnswerRepository(session, ws.owner_id).facts()
    records = answer_records(ws, answers)
    today = ws.now().date()
    report = compute_progress(records, today)
    history = [(a.question_key, a.score, a.answered_at) for a in answers]
    streak = report["streak"]
    return PracticeProgress(
        sessions=report["sessions"],
        answers=report["answers"],
        average_score=report["average_score"],
        measures=report["measures"],
        recent=report["recent"],
        by_week=tuple(
            WeekProgress(
                week["week"],
                date.fromisoformat(week["starts_on"]),
                week["answers"],
                week["sessions"],
                {name: value for name, value in week.items() if name not in _WEEK_KEYS},
            )
            for week in report["by_week"]
        ),
        by_category=tuple(CategoryScore(**item) for item in report["by_category"]),
        weakest_competencies=tuple(CompetencyScore(**item) for item in report["weakest_competencies"]),
        improvement={name: MeasureChange(**change) for name, change in report["improvement"].items()},
        streak=PracticeStreak(
            days=streak["days"],
            longest=streak["longest"],
            last_practised=date.fromisoformat(streak["last_practised"]) if streak["last_practised"] else None,
            rule=streak["rule"],
        ),
        due_reviews=len(due_reviews(review_items(history, ws.now().tzinfo), today)),
        spoken=tuple(spoken_points(answers, ws.now().tzinfo)),
    )
