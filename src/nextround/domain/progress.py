"""Practice progress from stored answers: sessions, scores and measures over time, weak spots, streak.

Pure: the caller passes the answer records (with times already in the user's time zone) and today.

Measures, each per ISO week and overall:

- ``average_score``: mean score (0-100).
- ``star_complete``: share of STAR-shaped answers (behavioural and situational questions) that carry all
  four parts: situation, task, action and result.
- ``result_rate``: share of STAR-shaped answers that say what came of it (a result part).
- ``quantified_rate``: share of STAR-shaped answers whose result has a number.
- ``fillers_per_100``: mean fillers per 100 words (lower is better).
- ``relevance``: mean relevance to the question (0-1).
- ``ownership``: mean share of "I" among I/we words (answers that use neither are left out).

Streak rule: a streak is a run of practice days where consecutive practice days are at most two
calendar days apart, so one missed day between two practice days is forgiven, two in a row are not.
The streak counts the days practised in the run, and it is still alive while the last practice day is
no more than two days before today (practising today keeps it going). Otherwise it is 0.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from itertools import pairwise
from statistics import fmean
from typing import Any

STAR_TYPES = frozenset({"behavioural", "situational"})
STAR_PARTS = ("situation", "task", "action", "result")
# Measures where a lower value is the better one.
LOWER_IS_BETTER = frozenset({"fillers_per_100"})
MEASURES = (
    "average_score",
    "star_complete",
    "result_rate",
    "quantified_rate",
    "fillers_per_100",
    "relevance",
    "ownership",
)
# The largest gap, in days, between two practice days that keeps a streak going (one missed day).
STREAK_MAX_GAP_DAYS = 2
WEAKEST_MIN_ANSWERS = 2
WEAKEST_LIMIT = 3
RECENT_WINDOW = 10


@dataclass(frozen=True, slots=True)
class AnswerRecord:
    """One stored practice answer, reduced to what progress needs."""

    session_id: int | None
    question_key: str
    category: str
    competencies: tuple[str, ...]
    score: int
    answered_at: datetime
    question_type: str = ""
    star: tuple[str, ...] = ()  # the STAR parts present
    quantified_result: bool = False
    fillers_per_100: float = 0.0
    relevance: float = 0.0
    ownership: float | None = None

    @property
    def star_shaped(self) -> bool:
        return self.question_type in STAR_TYPES

    @property
    def day(self) -> date:
        return self.answered_at.date()

    @classmethod
    def from_analysis(
        cls,
        *,
        session_id: int | None,
        question_key: str,
        category: str,
        competencies: Iterable[str],
        score: int,
        answered_at: datetime,
        analysis: dict[str, Any],
    ) -> AnswerRecord:
        """Build a record from a stored analysis dict (the analyzer's `to_dict`); missing keys are tolerated."""
        star = analysis.get("star") or {}
        fillers = analysis.get("fillers") or {}
        ownership = analysis.get("ownership")
        return cls(
            session_id=session_id,
            question_key=question_key,
            category=category,
            competencies=tuple(competencies),
            score=score,
            answered_at=answered_at,
            question_type=str(analysis.get("question_type") or ""),
            star=tuple(part for part in STAR_PARTS if star.get(part)),
            quantified_result=bool(analysis.get("quantified_result")),
            fillers_per_100=float(fillers.get("per_100_words") or 0.0),
            relevance=float(analysis.get("relevance") or 0.0),
            ownership=None if ownership is None else float(ownership),
        )


def _mean(values: Iterable[float]) -> float | None:
    items = list(values)
    return round(fmean(items), 2) if items else None


def _share(records: Sequence[AnswerRecord], keep: Any) -> float | None:
    shaped = [r for r in records if r.star_shaped]
    if not shaped:
        return None
    return round(sum(1 for r in shaped if keep(r)) / len(shaped), 2)


def measures_of(records: Sequence[AnswerRecord]) -> dict[str, float | None]:
    """Every measure (see the module docstring) over a group of answers; None where nothing counts."""
    return {
        "average_score": _mean(r.score for r in records),
        "star_complete": _share(records, lambda r: len(r.star) == len(STAR_PARTS)),
        "result_rate": _share(records, lambda r: "result" in r.star),
        "quantified_rate": _share(records, lambda r: r.quantified_result),
        "fillers_per_100": _mean(r.fillers_per_100 for r in records),
        "relevance": _mean(r.relevance for r in records),
        "ownership": _mean(r.ownership for r in records if r.ownership is not None),
    }


def iso_week(day: date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def streak(days: Iterable[date], today: date) -> int:
    """Practice days in the current streak (the rule is in the module docstring)."""
    ordered = sorted(set(days), reverse=True)
    if not ordered or (today - ordered[0]).days > STREAK_MAX_GAP_DAYS:
        return 0
    count = 1
    for later, earlier in pairwise(ordered):
        if (later - earlier).days > STREAK_MAX_GAP_DAYS:
            break
        count += 1
    return count


def longest_streak(days: Iterable[date]) -> int:
    ordered = sorted(set(days))
    best = run = 0
    previous: date | None = None
    for day in ordered:
        run = run + 1 if previous is not None and (day - previous).days <= STREAK_MAX_GAP_DAYS else 1
        best = max(best, run)
        previous = day
    return best


def _change(measure: str, first: float | None, latest: float | None) -> dict[str, Any]:
    if first is None or latest is None:
        return {"first_week": first, "latest_week": latest, "change": None, "improved": None}
    change = round(latest - first, 2)
    improved = change < 0 if measure in LOWER_IS_BETTER else change > 0
    return {"first_week": first, "latest_week": latest, "change": change, "improved": improved}


def recent_measures(records: Sequence[AnswerRecord], window: int = RECENT_WINDOW) -> dict[str, float | None]:
    """Measures over the last `window` answers (STAR shares over the last `window` STAR-shaped answers)."""
    ordered = sorted(records, key=lambda r: r.answered_at)
    last = ordered[-window:]
    last_star = [r for r in ordered if r.star_shaped][-window:]
    values = measures_of(last)
    star_values = measures_of(last_star)
    for name in ("star_complete", "result_rate", "quantified_rate"):
        values[name] = star_values[name]
    return values


def compute_progress(records: Sequence[AnswerRecord], today: date) -> dict[str, Any]:
    """The progress report as a JSON-ready dict (keys documented in docs/practice.md)."""
    ordered = sorted(records, key=lambda r: r.answered_at)
    sessions = {r.session_id for r in ordered if r.session_id is not None}
    days = [r.day for r in ordered]

    by_week: dict[str, list[AnswerRecord]] = defaultdict(list)
    for record in ordered:
        by_week[iso_week(record.day)].append(record)
    weeks = []
    for week, group in by_week.items():  # insertion order is chronological
        start = group[0].day - timedelta(days=group[0].day.isoweekday() - 1)
        weeks.append(
            {
                "week": week,
                "starts_on": start.isoformat(),
                "answers": len(group),
                "sessions": len({r.session_id for r in group if r.session_id is not None}),
                **measures_of(group),
            }
        )

    by_category: dict[str, list[int]] = defaultdict(list)
    by_competency: dict[str, list[int]] = defaultdict(list)
    for record in ordered:
        by_category[record.category or "other"].append(record.score)
        for competency in record.competencies:
            by_competency[competency].append(record.score)
    categories = [
        {"category": name, "answers": len(scores), "average_score": _mean(scores)}
        for name, scores in sorted(by_category.items())
    ]
    weak = [
        {"competency": name, "answers": len(scores), "average_score": _mean(scores)}
        for name, scores in by_competency.items()
        if len(scores) >= WEAKEST_MIN_ANSWERS
    ]
    weak.sort(key=lambda item: (item["average_score"], item["competency"]))

    overall = measures_of(ordered)
    groups = list(by_week.values())
    first = measures_of(groups[0]) if groups else dict.fromkeys(MEASURES)
    latest = measures_of(groups[-1]) if groups else dict.fromkeys(MEASURES)
    return {
        "sessions": len(sessions),
        "answers": len(ordered),
        "average_score": overall["average_score"],
        "measures": overall,
        "recent": recent_measures(ordered),
        "by_week": weeks,
        "by_category": categories,
        "weakest_competencies": weak[:WEAKEST_LIMIT],
        "improvement": {name: _change(name, first[name], latest[name]) for name in MEASURES},
        "streak": {
            "days": streak(days, today),
            "longest": longest_streak(days),
            "last_practised": days[-1].isoformat() if days else None,
            "rule": "one missed day between practice days is forgiven; two in a row end the streak",
        },
    }
