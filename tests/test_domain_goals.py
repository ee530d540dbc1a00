"""Goal measures, progress in each direction, readings, and suggested goals."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from nextround.domain.goals import (
    MEASURES,
    GoalError,
    GoalState,
    apply_reading,
    check_status,
    check_title,
    goal_view,
    normalise_value,
    parse_measure,
    progress,
    reached,
    suggest_for_skill,
    suggest_for_theme,
)


def test_the_measures() -> None:
    assert set(MEASURES) == {
        "answer.score", "answer.star_result", "answer.fillers_per_100", "answer.quantified_result",
        "practice.sessions", "applications.sent", "manual",
    }  # fmt: skip
    assert MEASURES["answer.fillers_per_100"].direction == "lower"
    assert parse_measure(" Answer.Score ").name == "answer.score"
    with pytest.raises(GoalError, match=r"unknown measure 'speed'; expected one of: answer\.score"):
        parse_measure("speed")


def test_values_are_checked_and_percentages_read_as_shares() -> None:
    star = MEASURES["answer.star_result"]
    assert normalise_value(star, 0.8) == 0.8
    assert normalise_value(star, 80) == 0.8
    with pytest.raises(GoalError, match="from 0 to 1"):
        normalise_value(star, 120)
    with pytest.raises(GoalError, match="from 0 to 100"):
        normalise_value(MEASURES["answer.score"], 101)
    with pytest.raises(GoalError, match="from 0"):
        normalise_value(MEASURES["practice.sessions"], -1)
    with pytest.raises(GoalError, match="must be a number"):
        normalise_value(MEASURES["manual"], float("nan"))
    # `goal add --target 0` read "manual 0 of 0 (100%)" and stayed open; `--target 1e20` never moved off 0%.
    with pytest.raises(GoalError, match="the target for manual must be more than 0"):
        normalise_value(MEASURES["manual"], 0, "target")
    with pytest.raises(GoalError, match="from 0 to 100000"):
        normalise_value(MEASURES["applications.sent"], 1e20, "target")
    with pytest.raises(GoalError, match="from 0 to 100000"):
        normalise_value(MEASURES["manual"], 1e20, "current value")
    assert normalise_value(MEASURES["answer.fillers_per_100"], 0, "target") == 0  # fewer is better: 0 is a goal
    assert normalise_value(MEASURES["manual"], 0, "current value") == 0


def test_progress_higher_is_better() -> None:
    goal = GoalState("answer.star_result", target=0.8, current=None, baseline=None)
    assert progress(goal) == 0.0
    goal = apply_reading(goal, MEASURES["answer.star_result"], 0.4)
    assert (goal.baseline, goal.current) == (0.4, 0.4)
    assert progress(goal) == 0.0
    goal = apply_reading(goal, MEASURES["answer.star_result"], 0.6)
    assert goal.baseline == 0.4
    assert progress(goal) == 0.5
    assert not reached(goal)
    goal = apply_reading(goal, MEASURES["answer.star_result"], 0.85)
    assert reached(goal)
    assert progress(goal) == 1.0


def test_progress_lower_is_better_for_fillers() -> None:
    fillers = MEASURES["answer.fillers_per_100"]
    goal = apply_reading(GoalState("answer.fillers_per_100", 2.0, None, None), fillers, 8.0)
    assert progress(goal) == 0.0
    goal = apply_reading(goal, fillers, 5.0)
    assert progress(goal) == 0.5
    assert not reached(goal)
    goal = apply_reading(goal, fillers, 9.0)  # worse than the start: no negative progress
    assert progress(goal) == 0.0
    goal = apply_reading(goal, fillers, 1.5)
    assert reached(goal)
    assert progress(goal) == 1.0


def test_counts_add_up() -> None:
    sessions = MEASURES["practice.sessions"]
    goal = GoalState("practice.sessions", 4, 0.0, 0.0)
    goal = apply_reading(apply_reading(goal, sessions, 1), sessions, 2)
    assert goal.current == 3
    assert progress(goal) == 0.75
    assert progress(GoalState("manual", 1, 0, 0, status="done")) == 1.0


def test_suggestions() -> None:
    comm = suggest_for_theme("communication")
    assert (comm.title, comm.measure, comm.target, comm.due_in_days) == (
        "End 80% of your practice answers with a clear result", "answer.star_result", 0.8, 21,
    )  # fmt: skip
    assert comm.due_on(date(2024, 11, 6)) == date(2024, 11, 27)
    assert suggest_for_theme("Technical Skills").measure == "manual"
    # 'Not enough experience' is answered with the nearest experience, not with numbers in every answer.
    experience = suggest_for_theme("experience")
    assert experience.measure == "manual" and "experience" in experience.title
    assert "`" not in suggest_for_theme("cv").title  # a goal is read in the browser: no command in it
    k8s = suggest_for_skill("  Kubernetes ")
    assert (k8s.title, k8s.measure, k8s.target, k8s.due_in_days) == (
        "Work on Kubernetes, then show it on your CV", "manual", 1, 28,
    )  # fmt: skip
    with pytest.raises(GoalError, match="employer's side"):
        suggest_for_theme("competition")
    with pytest.raises(GoalError, match="no suggested goal for theme 'luck'"):
        suggest_for_theme("luck")
    with pytest.raises(GoalError, match="name the skill"):
        suggest_for_skill("  ")


def test_titles_statuses_and_dict() -> None:
    assert check_title("  Ship   it ") == "Ship it"
    with pytest.raises(GoalError, match="needs a title"):
        check_title(" ")
    assert check_status("Done") == "done"
    with pytest.raises(GoalError, match="unknown status"):
        check_status("paused")
    goal = goal_view(
        goal_id=3,
        title="t",
        origin="theme",
        origin_value="communication",
        state=GoalState("answer.star_result", 0.8, 0.6, 0.4),
        due_on=date(2024, 11, 1),
        created_at=datetime(2024, 10, 1, tzinfo=UTC),
        completed_at=None,
        today=date(2024, 11, 6),
    )
    assert goal.progress == 0.5
    assert goal.days_left == -5
    assert goal.overdue is True
    assert goal.direction == "higher"


def test_a_goal_from_a_skill_gap_reads_sensibly_for_any_kind_of_gap() -> None:
    """Gaps are in the job's own words (a licence, a way of working), not only tools to build a project with."""
    for gap in ("full UK driving licence", "written communication and a calm manner under pressure", "Excel"):
        suggestion = suggest_for_skill(gap)
        assert "project using" not in suggestion.title
        assert suggestion.title == f"Work on {gap}, then show it on your CV"
