"""Progress counted in effort and learning, not in offers.

Everything here works on plain `Activity` records (a kind, a day, an optional key and value), so the
same numbers come out of the CLI, the web app and the tests, without a database.

Periods are rolling and end today: a week is the last 7 days, a month the last 30 days, each compared
with the period of the same length just before it.

Streak rule: a day is *active* when it holds at least one effort activity (rejections received do not
count; they are not something you did). A streak is a run of active days in which no two days in a
row were missed: one missed day between active days is forgiven, two end the streak. Today is never
counted as missed while it is still going, so a streak is alive when the last active day was today,
yesterday, or the day before yesterday. The streak's length is the number of active days in the run.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from itertools import pairwise
from typing import Any

from nextround.domain.actions import Action, ActionKind
from nextround.domain.wording import plural
from nextround.errors import UserError


class EffortError(UserError, ValueError):
    """A period or an activity the effort counter does not know."""


class Kind(StrEnum):
    APPLICATION = "application"  # an application sent (reached the applied stage)
    FEEDBACK_REQUEST = "feedback_request"  # a feedback request sent
    FEEDBACK_CHASE = "feedback_chase"  # the one polite chase sent
    FEEDBACK_RECEIVED = "feedback_received"
    REFLECTION = "reflection"
    PRACTICE_SESSION = "practice_session"
    PRACTICE_ANSWER = "practice_answer"  # value: the answer's score (0-100)
    CONTACT = "contact"  # an interaction; key: the contact's id
    GOAL_MET = "goal_met"
    JOURNAL = "journal"
    WIN = "win"
    REFRAME = "reframe"
    REJECTION = "rejection"  # key: the funnel bucket; not effort, kept for the plan


# Rejections happen to you; they are counted for the plan but never make a day "active".
NOT_EFFORT = frozenset({Kind.REJECTION})
EARLY_BUCKETS = frozenset({"application", "screening"})

PERIOD_DAYS: dict[str, int] = {"week": 7, "month": 30}

COUNT_KEYS: tuple[str, ...] = (
    "applications_sent",
    "feedback_requests_sent",
    "feedback_chases_sent",
    "feedback_received",
    "reflections",
    "practice_sessions",
    "practice_answers",
    "contacts_touched",
    "goals_met",
    "journal_entries",
    "wins",
    "reframes",
    "rejections",
)


@dataclass(frozen=True, slots=True)
class Activity:
    kind: Kind
    day: date
    key: str = ""
    value: float | None = None


@dataclass(frozen=True, slots=True)
class Period:
    """The days `start` .. `end`, both included."""

    kind: str
    start: date
    end: date

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def __contains__(self, day: object) -> bool:
        return isinstance(day, date) and self.start <= day <= self.end

    def previous(self) -> Period:
        end = self.start - timedelta(days=1)
        return Period(self.kind, end - timedelta(days=self.days - 1), end)

    def each_day(self) -> list[date]:
        return [self.start + timedelta(days=i) for i in range(self.days)]

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "start": self.start.isoformat(), "end": self.end.isoformat(), "days": self.days}


def period_for(kind: str, today: date) -> Period:
    try:
        length = PERIOD_DAYS[kind]
    except KeyError:
        raise EffortError(f"unknown period {kind!r}; expected week or month") from None
    return Period(kind, today - timedelta(days=length - 1), today)


@dataclass(frozen=True, slots=True)
class Streak:
    current: int
    best: int
    forgiven_days: int
    last_active: date | None

    def to_dict(self) -> dict[str, Any]:
        return {
            "current": self.current,
            "best": self.best,
            "forgiven_days": self.forgiven_days,
            "last_active": self.last_active.isoformat() if self.last_active else None,
        }


def active_days(activities: Iterable[Activity]) -> set[date]:
    return {a.day for a in activities if a.kind not in NOT_EFFORT}


def streak(days: Iterable[date], today: date) -> Streak:
    """Streaks of active days that forgive one missed day at a time (see the module docstring)."""
    ordered = sorted(d for d in set(days) if d <= today)
    if not ordered:
        return Streak(0, 0, 0, None)
    runs: list[list[date]] = [[ordered[0]]]
    for day in ordered[1:]:
        if (day - runs[-1][-1]).days <= 2:
            runs[-1].append(day)
        else:
            runs.append([day])
    best = max(len(run) for run in runs)
    last = runs[-1]
    alive = (today - last[-1]).days <= 2
    current = len(last) if alive else 0
    forgiven = sum(1 for a, b in pairwise(last) if (b - a).days == 2) if alive else 0
    return Streak(current=current, best=best, forgiven_days=forgiven, last_active=ordered[-1])


def _mean(values: Sequence[float]) -> float | None:
    return round(sum(values) / len(values), 1) if values else None


def effort_counts(activities: Iterable[Activity], period: Period) -> dict[str, int]:
    """How much was done in the period, one number per effort kind (contacts counted once each)."""
    inside = [a for a in activities if a.day in period]

    def count(kind: Kind) -> int:
        return sum(1 for a in inside if a.kind is kind)

    return {
        "applications_sent": count(Kind.APPLICATION),
        "feedback_requests_sent": count(Kind.FEEDBACK_REQUEST),
        "feedback_chases_sent": count(Kind.FEEDBACK_CHASE),
        "feedback_received": count(Kind.FEEDBACK_RECEIVED),
        "reflections": count(Kind.REFLECTION),
        "practice_sessions": count(Kind.PRACTICE_SESSION),
        "practice_answers": count(Kind.PRACTICE_ANSWER),
        "contacts_touched": len({a.key for a in inside if a.kind is Kind.CONTACT}),
        "goals_met": count(Kind.GOAL_MET),
        "journal_entries": count(Kind.JOURNAL) + count(Kind.WIN) + count(Kind.REFRAME),
        "wins": count(Kind.WIN),
        "reframes": count(Kind.REFRAME),
        "rejections": count(Kind.REJECTION),
    }


@dataclass(frozen=True, slots=True)
class ScoreProgress:
    """Practice scores: the period's average against every earlier answer's average.

    `gain` is average-in-period minus average-before, in score points; None when either side is empty.
    """

    answers: int
    average: float | None
    average_before: float | None
    gain: float | None
    by_day: tuple[tuple[date, float], ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "answers": self.answers,
            "average": self.average,
            "average_before": self.average_before,
            "gain": self.gain,
            "by_day": [[d.isoformat(), v] for d, v in self.by_day],
        }


def score_progress(activities: Iterable[Activity], period: Period) -> ScoreProgress:
    scored = [a for a in activities if a.kind is Kind.PRACTICE_ANSWER and a.value is not None]
    inside = [a for a in scored if a.day in period]
    before = [a for a in scored if a.day < period.start]
    average = _mean([float(a.value) for a in inside if a.value is not None])
    average_before = _mean([float(a.value) for a in before if a.value is not None])
    gain = round(average - average_before, 1) if average is not None and average_before is not None else None
    per_day: dict[date, list[float]] = {}
    for a in inside:
        if a.value is not None:
            per_day.setdefault(a.day, []).append(float(a.value))
    by_day = tuple((d, round(sum(v) / len(v), 1)) for d, v in sorted(per_day.items()))
    return ScoreProgress(len(inside), average, average_before, gain, by_day)


def daily_activity(activities: Iterable[Activity], period: Period) -> list[tuple[date, int]]:
    """Effort activities per day of the period (for a sparkline), zero days included."""
    per_day: dict[date, int] = dict.fromkeys(period.each_day(), 0)
    for a in activities:
        if a.day in period and a.kind not in NOT_EFFORT:
            per_day[a.day] += 1
    return sorted(per_day.items())


@dataclass(frozen=True, slots=True)
class PlanContext:
    """What the plan needs beyond this period's counts; all of it plain numbers."""

    rejections_by_stage: Mapping[str, int]
    open_chases: int = 0
    rejections_without_reflection: int = 0
    open_goals: int = 0
    new_openings: int = 0


@dataclass(frozen=True, slots=True)
class PlanStep:
    text: str
    action: Action
    reason: str

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "action": self.action.to_dict(), "reason": self.reason}


MAX_PLAN_STEPS = 5


def suggest_plan(counts: Mapping[str, int], period: Period, context: PlanContext) -> list[PlanStep]:
    """A short, deterministic plan for the next week, each step with the numbers that led to it."""
    weeks = max(1.0, period.days / 7)
    steps: list[PlanStep] = []
    if context.open_chases:
        steps.append(
            PlanStep(
                "Send your one polite chase for the feedback you asked for.",
                Action(ActionKind.REVIEW_FEEDBACK_REQUESTS),
                f"{plural(context.open_chases, 'feedback request')} sent a week or more ago "
                f"{'has' if context.open_chases == 1 else 'have'} had no reply or chase yet.",
            )
        )
    total_rejections = sum(context.rejections_by_stage.values())
    early = sum(n for bucket, n in context.rejections_by_stage.items() if bucket in EARLY_BUCKETS)
    if total_rejections >= 3 and early / total_rejections >= 0.6:
        steps.append(
            PlanStep(
                "Rework your CV against one target job: match it to the job description.",
                Action(ActionKind.MATCH_CV),
                f"{early} of {total_rejections} rejections came before any interview.",
            )
        )
    sent = counts.get("applications_sent", 0)
    if sent < 3 * weeks:
        steps.append(
            PlanStep(
                "Send 3 targeted applications.",
                Action(ActionKind.ADD_APPLICATION),
                f"{plural(sent, 'application')} sent in the last {period.days} days.",
            )
        )
    if context.rejections_without_reflection:
        steps.append(
            PlanStep(
                "Take ten minutes to reflect on a recent rejection: what you learned, what is in your control.",
                Action(ActionKind.REFRAME),
                f"{plural(context.rejections_without_reflection, 'rejection')} "
                f"{'has' if context.rejections_without_reflection == 1 else 'have'} no reflection yet.",
            )
        )
    sessions = counts.get("practice_sessions", 0)
    if sessions < 2 * weeks:
        steps.append(
            PlanStep(
                "Do two 15-minute practice sessions.",
                Action(ActionKind.PRACTISE, {"count": 3}),
                f"{plural(sessions, 'practice session')} in the last {period.days} days.",
            )
        )
    if counts.get("contacts_touched", 0) == 0:
        steps.append(
            PlanStep(
                "Get back in touch with one person from your network.",
                Action(ActionKind.LIST_NUDGES),
                f"No contact was touched in the last {period.days} days.",
            )
        )
    if context.open_goals and counts.get("goals_met", 0) == 0:
        steps.append(
            PlanStep(
                "Pick one open goal and take one concrete step on it.",
                Action(ActionKind.LIST_GOALS),
                f"{plural(context.open_goals, 'goal')} open, none met in the last {period.days} days.",
            )
        )
    if context.new_openings:
        steps.append(
            PlanStep(
                "Look at the new openings at the companies you watch.",
                Action(ActionKind.CHECK_OPENINGS),
                f"{plural(context.new_openings, 'new matching opening')} spotted recently.",
            )
        )
    if counts.get("wins", 0) == 0:
        steps.append(
            PlanStep(
                "Write down one win, however small.",
                Action(ActionKind.ADD_WIN),
                f"No win logged in the last {period.days} days.",
            )
        )
    if not steps:
        steps.append(
            PlanStep(
                "Keep the same rhythm next week: it is working.",
                Action(ActionKind.REVIEW_WEEK),
                "Every effort count met its weekly mark.",
            )
        )
    return steps[:MAX_PLAN_STEPS]


@dataclass(frozen=True, slots=True)
class EffortSummary:
    """Everything `nextround effort` shows: the period's counts against the previous period's, the days
    with something done, the streak, practice scores, activity per day and a plan for next week."""

    period: Period
    counts: Mapping[str, int]
    previous_counts: Mapping[str, int]
    active_days: int
    streak: Streak
    scores: ScoreProgress
    daily: tuple[tuple[date, int], ...]
    plan: tuple[PlanStep, ...]


def effort_summary(activities: Sequence[Activity], period: Period, today: date, context: PlanContext) -> EffortSummary:
    """Everything `nextround effort` shows."""
    counts = effort_counts(activities, period)
    return EffortSummary(
        period=period,
        counts=counts,
        previous_counts=effort_counts(activities, period.previous()),
        active_days=len({d for d in active_days(activities) if d in period}),
        streak=streak(active_days(activities), today),
        scores=score_progress(activities, period),
        daily=tuple(daily_activity(activities, period)),
        plan=tuple(suggest_plan(counts, period, context)),
    )
