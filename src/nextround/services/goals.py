"""Goals: set one from a theme or a skill gap (or by hand), move it with readings, see what is due.

`record_measure` is the contract the practice pillar calls after each session or analysed answer.
"""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy.orm import Session

from nextround.domain.goals import (
    MEASURES,
    STATUSES,
    Goal,
    GoalError,
    GoalState,
    Measure,
    apply_reading,
    check_status,
    check_title,
    goal_view,
    normalise_value,
    parse_measure,
    reached,
    suggest_for_skill,
    suggest_for_theme,
)
from nextround.services.workspace import Workspace
from nextround.storage.insight import GoalRepository, RejectedJobs
from nextround.storage.tables import GoalRow


def _state(row: GoalRow) -> GoalState:
    """A goal as stored, read so that every view can show it: a row an older version or a hand edit left with
    a measure or status this version does not know, or no target, reads as a goal counted by hand (to 1,
    as a new one without a target is) and open."""
    measure = row.measure if row.measure in MEASURES else "manual"
    target = row.target
    if target is None:
        measure, target = "manual", 1.0
    status = row.status if row.status in STATUSES else "open"
    return GoalState(measure, target, row.current, row.baseline, status)


def _to_goal(row: GoalRow, today: date) -> Goal:
    return goal_view(
        goal_id=row.id,
        title=row.title,
        origin=row.origin,
        origin_value=row.origin_value,
        state=_state(row),
        due_on=row.due_on,
        created_at=row.created_at,
        completed_at=row.completed_at,
        today=today,
    )


def _finish_if_reached(row: GoalRow, ws: Workspace) -> None:
    if row.status == "open" and reached(_state(row)):
        row.status = "done"
        row.completed_at = ws.now()


def add_goal(
    ws: Workspace,
    title: str | None = None,
    from_theme: str | None = None,
    from_skill: str | None = None,
    measure: str | None = None,
    target: float | None = None,
    due: date | None = None,
) -> Goal:
    """Add a goal. From a theme or skill the title, measure, target and due date are suggested;
    anything given explicitly wins over the suggestion."""
    if from_theme is not None and from_skill is not None:
        raise GoalError("start from a theme or from a skill, not both", field="from_skill")
    today = ws.now().date()
    origin, origin_value = "manual", ""
    suggested_title: str | None = None
    suggested_measure = "manual"
    suggested_target: float | None = None
    suggested_due: date | None = None
    if from_theme is not None or from_skill is not None:
        if from_theme is not None:
            suggestion = suggest_for_theme(from_theme)
            origin, origin_value = "theme", from_theme.strip().lower().replace(" ", "_").replace("-", "_")
        else:
            assert from_skill is not None
            suggestion = suggest_for_skill(from_skill)
            origin, origin_value = "skill", " ".join(from_skill.split())
        suggested_title = suggestion.title
        suggested_measure = suggestion.measure
        suggested_target = suggestion.target
        suggested_due = suggestion.due_on(today)
    final_title = title if title is not None else suggested_title
    if final_title is None:
        raise GoalError("give the goal a title, or start from a theme or a skill", field="title")
    final_title = check_title(final_title)
    spec: Measure = parse_measure(measure if measure is not None else suggested_measure)
    if measure is not None and spec.name != suggested_measure and target is None:
        suggested_target = None  # a suggested target belongs to the suggested measure
    final_target = target if target is not None else suggested_target
    if final_target is None:
        if spec.name != "manual":
            raise GoalError(f"give a target for {spec.name} ({spec.label})", field="target")
        final_target = 1.0
    final_target = normalise_value(spec, float(final_target), "target", "target")
    final_due = due if due is not None else suggested_due
    if final_due is not None and final_due < today:
        raise GoalError("the due date is in the past", field="due")
    baseline: float | None = 0.0 if spec.update == "add" or spec.name == "manual" else None
    current: float | None = 0.0 if baseline is not None else None
    with ws.db.write() as session:
        repo = GoalRepository(session, ws.owner_id)
        # Setting the same goal twice (a double click, a repeated command) keeps the one already open.
        for existing in repo.find(statuses=["open"]):
            if existing.title.casefold() == final_title.casefold() and existing.measure == spec.name:
                return _to_goal(existing, today)
        row = repo.add(
            title=final_title,
            origin=origin,
            origin_value=origin_value[:300],
            measure=spec.name,
            baseline=baseline,
            target=final_target,
            current=current,
            due_on=final_due,
            status="open",
            created_at=ws.now(),
            completed_at=None,
        )
        return _to_goal(row, today)


def list_goals(ws: Workspace, status: str | None = "open") -> list[Goal]:
    """Goals by due date; status open (default), done, dropped, or None/"all" for every goal."""
    statuses = None if status in (None, "all") else [check_status(status)]
    today = ws.now().date()
    with ws.db.write() as session:
        repo = GoalRepository(session, ws.owner_id)
        rows = repo.find(statuses=statuses)
        _refresh_sent(ws, session, rows)
        return [_to_goal(row, today) for row in rows]


def _refresh_sent(ws: Workspace, session: Session, rows: list[GoalRow]) -> None:
    """`applications.sent` counts itself: applications sent since the goal was set."""
    counter = RejectedJobs(session, ws.owner_id)
    for row in rows:
        if row.measure != "applications.sent" or row.status != "open":
            continue
        sent = float(counter.applied_since(row.created_at.astimezone(ws.now().tzinfo)))
        if sent != row.current:
            row.current = sent
            _finish_if_reached(row, ws)


def get_goal(ws: Workspace, goal_id: int) -> Goal:
    with ws.db.read() as session:
        return _to_goal(GoalRepository(session, ws.owner_id).get(goal_id), ws.now().date())


def update_goal(
    ws: Workspace,
    goal_id: int,
    current: float | None = None,
    status: str | None = None,
    *,
    target: float | None = None,
    due: date | None = None,
    title: str | None = None,
) -> Goal:
    """Change a goal by hand: its current value, status (open/done/dropped), target, due date or title.

    Setting `current` at or past the target marks an open goal done.
    """
    if all(value is None for value in (current, status, target, due, title)):
        raise GoalError("nothing to change: give a current value, status, target, due date or title")
    today = ws.now().date()
    with ws.db.write() as session:
        row = GoalRepository(session, ws.owner_id).get(goal_id)
        spec = parse_measure(row.measure)
        if title is not None:
            row.title = check_title(title)
        if target is not None:
            row.target = normalise_value(spec, float(target), "target", "target")
        if due is not None:
            row.due_on = due
        if current is not None:
            value = normalise_value(spec, float(current), "current value", "current")
            if row.baseline is None:
                row.baseline = value
            row.current = value
        if status is not None:
            new_status = check_status(status)
            row.status = new_status
            row.completed_at = ws.now() if new_status == "done" else None
        elif current is not None or target is not None:
            _finish_if_reached(row, ws)
        session.flush()
        return _to_goal(row, today)


def record_measure(ws: Workspace, measure: str, value: float) -> list[int]:
    """Feed a reading into every open goal with this measure; returns the ids of the goals that changed.

    For readings (`answer.score`, `answer.star_result`, `answer.fillers_per_100`, `answer.quantified_result`)
    `value` is the latest value and replaces the current one; the first reading becomes the goal's baseline.
    For counts (`practice.sessions`, `applications.sent`) `value` is how many new ones to add (usually 1).
    A goal that reaches its target (lower is better for fillers) is marked done.
    """
    spec = parse_measure(measure)
    value = normalise_value(spec, float(value))
    changed: list[int] = []
    with ws.db.write() as session:
        for row in GoalRepository(session, ws.owner_id).find(statuses=["open"], measure=spec.name):
            before = (row.current, row.baseline, row.status)
            after = apply_reading(_state(row), spec, value)
            row.current, row.baseline = after.current, after.baseline
            _finish_if_reached(row, ws)
            if (row.current, row.baseline, row.status) != before:
                changed.append(row.id)
    return changed


def goals_due(ws: Workspace, within_days: int = 7) -> list[Goal]:
    """Open goals due within `within_days` days from today, overdue ones included; soonest first."""
    if within_days < 0:
        raise GoalError("look 0 or more days ahead", field="within_days")
    today = ws.now().date()
    with ws.db.write() as session:
        rows = GoalRepository(session, ws.owner_id).due_by(today + timedelta(days=within_days))
        _refresh_sent(ws, session, rows)
        return [_to_goal(row, today) for row in rows if row.status == "open"]
