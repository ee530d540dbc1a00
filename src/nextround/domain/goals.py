"""Goals that close a gap: what they measure, how far along they are, and good first goals to suggest.

A goal has a measure (where its number comes from), a target and a due date. Practice sessions and
the user move the current value; `progress` says how far from the starting point to the target it is,
in the measure's own direction (fewer fillers is better).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Literal

from nextround.errors import UserError

Direction = Literal["higher", "lower"]
Kind = Literal["share", "score", "rate", "count", "manual"]

STATUSES: tuple[str, ...] = ("open", "done", "dropped")
MAX_TITLE = 300


class GoalError(UserError, ValueError):
    """A goal that cannot be set or changed as asked."""


@dataclass(frozen=True, slots=True)
class Measure:
    name: str
    label: str
    kind: Kind
    direction: Direction
    # How `record_measure` applies a value: "set" stores the latest reading, "add" counts events.
    update: Literal["set", "add"]
    minimum: float
    maximum: float | None


# The most a count or a hand-kept number may be: a target of 1e20 applications is a typo, and its
# progress read 0% for ever.
MAX_COUNT = 100_000

MEASURES: dict[str, Measure] = {
    m.name: m
    for m in (
        Measure("answer.score", "average practice answer score (0-100)", "score", "higher", "set", 0, 100),
        Measure("answer.star_result", "share of answers with a clear result", "share", "higher", "set", 0, 1),
        Measure("answer.fillers_per_100", "filler words per 100 words in practice", "rate", "lower", "set", 0, None),
        Measure("answer.quantified_result", "share of answers quantifying the result", "share", "higher", "set", 0, 1),
        Measure("practice.sessions", "practice sessions completed", "count", "higher", "add", 0, None),
        Measure("applications.sent", "applications sent", "count", "higher", "add", 0, None),
        Measure("manual", "your own count, updated by you", "manual", "higher", "set", 0, None),
    )
}


def parse_measure(name: str) -> Measure:
    key = name.strip().lower()
    if key not in MEASURES:
        raise GoalError(f"unknown measure {name!r}; expected one of: {', '.join(MEASURES)}", field="measure")
    return MEASURES[key]


def normalise_value(measure: Measure, value: float, what: str = "value", field: str | None = None) -> float:
    """Check a target or reading; a share may also be given as a percentage (80 means 0.8).

    `field` names the input the value came from, for the error (see nextround.errors)."""
    if value != value or value in (float("inf"), float("-inf")):
        raise GoalError(f"the {what} must be a number", field=field)
    if measure.kind == "share" and 1 < value <= 100:
        value = value / 100
    maximum = MAX_COUNT if measure.maximum is None else measure.maximum
    if value < measure.minimum or value > maximum:
        hint = " (a share: 0.8 means 80%)" if measure.kind == "share" else ""
        raise GoalError(
            f"the {what} for {measure.name} must be from {measure.minimum:g} to {maximum:g}{hint}", field=field
        )
    if what == "target" and measure.direction == "higher" and value <= measure.minimum:
        # Reached before anything is done: "manual 0 of 0 (100%)", shown open.
        raise GoalError(f"the {what} for {measure.name} must be more than {measure.minimum:g}", field=field)
    return value


@dataclass(frozen=True, slots=True)
class GoalState:
    """The numbers of a goal that progress depends on."""

    measure: str
    target: float | None
    current: float | None
    baseline: float | None
    status: str = "open"


def reached(goal: GoalState) -> bool:
    if goal.target is None or goal.current is None:
        return False
    if MEASURES[goal.measure].direction == "lower":
        return goal.current <= goal.target
    return goal.current >= goal.target


def progress(goal: GoalState) -> float:
    """0 at the starting point, 1 at the target (or when done), in the measure's direction."""
    if goal.status == "done":
        return 1.0
    if goal.target is None or goal.current is None:
        return 0.0
    if reached(goal):
        return 1.0
    measure = MEASURES[goal.measure]
    if measure.direction == "lower":
        start = goal.baseline
        if start is None or start <= goal.target:
            return 0.0
        share = (start - goal.current) / (start - goal.target)
    else:
        start = goal.baseline if goal.baseline is not None else 0.0
        if goal.target <= start:
            return 0.0
        share = (goal.current - start) / (goal.target - start)
    return round(min(1.0, max(0.0, share)), 3)


def apply_reading(goal: GoalState, measure: Measure, value: float) -> GoalState:
    """The goal after a new reading (set) or new events (add); the first reading becomes the baseline."""
    if measure.update == "add":
        current = (goal.current or 0.0) + value
        baseline = goal.baseline if goal.baseline is not None else 0.0
    else:
        current = value
        baseline = goal.baseline if goal.baseline is not None else value
    return GoalState(goal.measure, goal.target, current, baseline, goal.status)


@dataclass(frozen=True, slots=True)
class Suggestion:
    title: str
    measure: str
    target: float
    due_in_days: int
    why: str

    def due_on(self, today: date) -> date:
        return today + timedelta(days=self.due_in_days)


_THEME_SUGGESTIONS: dict[str, Suggestion] = {
    "communication": Suggestion(
        "End 80% of your practice answers with a clear result",
        "answer.star_result",
        0.8,
        21,
        "Answers that end with a clear result come across as clear and concise.",
    ),
    "preparation": Suggestion(
        "Complete 4 practice sessions built from real job descriptions",
        "practice.sessions",
        4,
        14,
        "Rehearsing the likely questions is the most direct cure for being caught off guard.",
    ),
    "experience": Suggestion(
        "Write 3 stories that show the experience they asked for (from work, volunteering or study)",
        "manual",
        3,
        14,
        "When a rejection says 'more experience', the nearest thing you have done, told as a story, answers it.",
    ),
    "technical_skills": Suggestion(
        "Close one technical gap from your rejections with a small, finished project",
        "manual",
        1,
        28,
        "A small project you can talk about turns a gap into a story.",
    ),
    "culture_fit": Suggestion(
        "Research the values of your next 3 target companies and prepare one example for each",
        "manual",
        3,
        14,
        "Showing how you already work the way they do answers the fit question.",
    ),
    "motivation": Suggestion(
        "Write a specific 'why this role, why you' paragraph for each of your next 3 applications",
        "manual",
        3,
        14,
        "A specific reason to want the job is what interviewers listen for.",
    ),
    "targeting": Suggestion(
        "Send 5 applications to roles that match your CV closely",
        "applications.sent",
        5,
        21,
        "Closer targeting turns more applications into conversations.",
    ),
    "cv": Suggestion(
        "Rewrite the top third of your CV for your target role and compare it with one of its adverts",
        "manual",
        1,
        7,
        "Screeners decide in seconds; the first lines must make the match obvious.",
    ),
}

NOT_ACTIONABLE = frozenset({"competition", "logistics", "process", "generic"})


def suggest_for_theme(theme: str) -> Suggestion:
    key = theme.strip().lower().replace(" ", "_").replace("-", "_")
    if key in NOT_ACTIONABLE:
        raise GoalError(
            f"{theme!r} is about the employer's side, not something a goal can change; "
            f"pick one of: {', '.join(_THEME_SUGGESTIONS)}",
            field="from_theme",
        )
    if key not in _THEME_SUGGESTIONS:
        raise GoalError(
            f"no suggested goal for theme {theme!r}; pick one of: {', '.join(_THEME_SUGGESTIONS)}", field="from_theme"
        )
    return _THEME_SUGGESTIONS[key]


def suggest_for_skill(skill: str) -> Suggestion:
    name = " ".join(skill.split())
    if not name:
        raise GoalError("name the skill to build a goal around", field="from_skill")
    if len(name) > 100:
        raise GoalError("the skill name is too long (100 characters at most)", field="from_skill")
    return Suggestion(
        # A gap may be a tool, a licence, a qualification or a way of working: "build a project using a full UK
        # driving licence" read as nonsense, so the goal names the gap and what closing it is for.
        f"Work on {name}, then show it on your CV",
        "manual",
        1,
        28,
        f"Jobs that turned you down asked for {name}. A short course, a small project or a task at work that "
        "shows it gives your CV an honest line about it.",
    )


def check_title(title: str) -> str:
    cleaned = " ".join(title.split())
    if not cleaned:
        raise GoalError("a goal needs a title", field="title")
    if len(cleaned) > MAX_TITLE:
        raise GoalError(f"the title is {len(cleaned)} characters; keep it under {MAX_TITLE}", field="title")
    return cleaned


def check_status(status: str) -> str:
    value = status.strip().lower()
    if value not in STATUSES:
        raise GoalError(f"unknown status {status!r}; expected one of: {', '.join(STATUSES)}", field="status")
    return value


@dataclass(frozen=True, slots=True)
class Goal:
    """A goal as the user sees it: where it stands against its target and its due date."""

    id: int
    title: str
    origin: str
    origin_value: str
    measure: str
    measure_label: str
    direction: str
    baseline: float | None
    target: float | None
    current: float | None
    progress: float
    status: str
    due_on: date | None
    days_left: int | None
    overdue: bool
    created_at: datetime  # in UTC
    completed_at: datetime | None  # in UTC


def goal_view(
    *,
    goal_id: int,
    title: str,
    origin: str,
    origin_value: str,
    state: GoalState,
    due_on: date | None,
    created_at: datetime,
    completed_at: datetime | None,
    today: date,
) -> Goal:
    measure = MEASURES.get(state.measure, MEASURES["manual"])
    days_left = (due_on - today).days if due_on else None
    return Goal(
        id=goal_id,
        title=title,
        origin=origin,
        origin_value=origin_value,
        measure=state.measure,
        measure_label=measure.label,
        direction=measure.direction,
        baseline=state.baseline,
        target=state.target,
        current=state.current,
        progress=progress(state),
        status=state.status,
        due_on=due_on,
        days_left=days_left,
        overdue=bool(state.status == "open" and days_left is not None and days_left < 0),
        created_at=created_at.astimezone(UTC),
        completed_at=completed_at.astimezone(UTC) if completed_at else None,
    )
