"""Effort counts, the forgiving streak, score progress and the suggested plan, without a database."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from nextround.domain.actions import ActionKind
from nextround.domain.effort import (
    COUNT_KEYS,
    Activity,
    EffortError,
    Kind,
    PlanContext,
    daily_activity,
    effort_counts,
    effort_summary,
    period_for,
    score_progress,
    streak,
    suggest_plan,
)
from nextround.serialize import json_object

TODAY = date(2024, 11, 6)


def day(n: int) -> date:
    """n days before TODAY."""
    return TODAY - timedelta(days=n)


def test_periods_are_rolling_and_end_today() -> None:
    week = period_for("week", TODAY)
    assert (week.start, week.end, week.days) == (date(2024, 10, 31), TODAY, 7)
    assert TODAY in week and day(6) in week and day(7) not in week
    previous = week.previous()
    assert (previous.start, previous.end) == (date(2024, 10, 24), date(2024, 10, 30))
    assert period_for("month", TODAY).days == 30
    with pytest.raises(EffortError, match="week or month"):
        period_for("year", TODAY)


def test_counts_cover_every_kind_and_only_the_period() -> None:
    activities = [
        Activity(Kind.APPLICATION, day(0)),
        Activity(Kind.APPLICATION, day(6)),
        Activity(Kind.APPLICATION, day(7)),  # last week
        Activity(Kind.FEEDBACK_REQUEST, day(1)),
        Activity(Kind.FEEDBACK_CHASE, day(1)),
        Activity(Kind.FEEDBACK_RECEIVED, day(2)),
        Activity(Kind.REFLECTION, day(2)),
        Activity(Kind.PRACTICE_SESSION, day(3)),
        Activity(Kind.PRACTICE_ANSWER, day(3), value=60),
        Activity(Kind.CONTACT, day(1), "7"),
        Activity(Kind.CONTACT, day(2), "7"),
        Activity(Kind.CONTACT, day(2), "8"),
        Activity(Kind.GOAL_MET, day(4)),
        Activity(Kind.JOURNAL, day(0)),
        Activity(Kind.WIN, day(0)),
        Activity(Kind.REFRAME, day(5)),
        Activity(Kind.REJECTION, day(5), "screening"),
    ]
    counts = effort_counts(activities, period_for("week", TODAY))
    assert tuple(counts) == COUNT_KEYS
    assert counts == {
        "applications_sent": 2,
        "feedback_requests_sent": 1,
        "feedback_chases_sent": 1,
        "feedback_received": 1,
        "reflections": 1,
        "practice_sessions": 1,
        "practice_answers": 1,
        "contacts_touched": 2,  # people, not interactions
        "goals_met": 1,
        "journal_entries": 3,  # journal + win + reframe
        "wins": 1,
        "reframes": 1,
        "rejections": 1,
    }


def test_streak_forgives_one_missed_day_but_not_two() -> None:
    # active: today, 2 days ago (yesterday missed, forgiven), 3, 4; then 7 (5 and 6 missed: broken)
    days = [day(0), day(2), day(3), day(4), day(7), day(8)]
    result = streak(days, TODAY)
    assert result.current == 4
    assert result.forgiven_days == 1
    assert result.best == 4
    assert result.last_active == TODAY


def test_streak_stays_alive_while_today_is_not_over() -> None:
    assert streak([day(1), day(2)], TODAY).current == 2  # today not active yet: not a miss
    assert streak([day(2), day(3)], TODAY).current == 2  # only yesterday missed: forgiven
    gone = streak([day(3), day(4)], TODAY)  # yesterday and the day before missed
    assert gone.current == 0
    assert gone.best == 2
    assert gone.forgiven_days == 0


def test_streak_edge_cases() -> None:
    assert streak([], TODAY).to_dict() == {"current": 0, "best": 0, "forgiven_days": 0, "last_active": None}
    assert streak([TODAY + timedelta(days=1)], TODAY).current == 0  # the future does not count
    alternating = [day(n) for n in range(0, 20, 2)]
    result = streak(alternating, TODAY)
    assert result.current == 10
    assert result.forgiven_days == 9


def test_rejections_do_not_make_a_day_active() -> None:
    activities = [Activity(Kind.REJECTION, TODAY, "application"), Activity(Kind.JOURNAL, day(1))]
    summary = json_object(effort_summary(activities, period_for("week", TODAY), TODAY, PlanContext({})))
    assert summary["active_days"] == 1
    assert summary["streak"]["last_active"] == day(1).isoformat()
    daily = dict(daily_activity(activities, period_for("week", TODAY)))
    assert daily[TODAY] == 0
    assert daily[day(1)] == 1
    assert len(daily) == 7


def test_score_progress_compares_with_all_earlier_answers() -> None:
    activities = [
        Activity(Kind.PRACTICE_ANSWER, day(20), value=40),
        Activity(Kind.PRACTICE_ANSWER, day(10), value=50),
        Activity(Kind.PRACTICE_ANSWER, day(2), value=60),
        Activity(Kind.PRACTICE_ANSWER, day(2), value=70),
        Activity(Kind.PRACTICE_ANSWER, day(0), value=80),
    ]
    progress = score_progress(activities, period_for("week", TODAY))
    assert progress.answers == 3
    assert progress.average == 70.0
    assert progress.average_before == 45.0
    assert progress.gain == 25.0
    assert progress.by_day == ((day(2), 65.0), (TODAY, 80.0))
    empty = score_progress(activities[:2], period_for("week", TODAY))
    assert (empty.answers, empty.average, empty.gain) == (0, None, None)


def _texts(steps: list) -> list[str]:  # type: ignore[type-arg]
    return [s.text for s in steps]


def test_plan_asks_for_applications_practice_and_contacts_when_low() -> None:
    week = period_for("week", TODAY)
    counts = effort_counts([Activity(Kind.APPLICATION, TODAY), Activity(Kind.WIN, TODAY)], week)
    steps = suggest_plan(counts, week, PlanContext({}))
    texts = _texts(steps)
    assert "Send 3 targeted applications." in texts
    assert "Do two 15-minute practice sessions." in texts
    assert any("one person from your network" in t for t in texts)
    send = next(s for s in steps if s.text.startswith("Send 3"))
    assert send.reason == "1 application sent in the last 7 days."
    assert send.action.kind is ActionKind.ADD_APPLICATION


def test_plan_spots_early_rejections_and_open_chases_first() -> None:
    week = period_for("week", TODAY)
    context = PlanContext({"application": 3, "screening": 1, "interview": 1}, open_chases=2)
    steps = suggest_plan(effort_counts([], week), week, context)
    assert steps[0].text == "Send your one polite chase for the feedback you asked for."
    assert "2 feedback requests sent" in steps[0].reason
    assert steps[1].text == "Rework your CV against one target job: match it to the job description."
    assert steps[1].action.kind is ActionKind.MATCH_CV
    assert steps[1].reason == "4 of 5 rejections came before any interview."
    assert len(steps) <= 5


def test_plan_does_not_blame_the_cv_for_late_rejections_or_tiny_samples() -> None:
    week = period_for("week", TODAY)
    late = suggest_plan(effort_counts([], week), week, PlanContext({"interview": 3, "final": 1}))
    tiny = suggest_plan(effort_counts([], week), week, PlanContext({"application": 2}))
    for steps in (late, tiny):
        assert not any("Rework your CV" in t for t in _texts(steps))


def test_plan_when_everything_is_on_track() -> None:
    week = period_for("week", TODAY)
    activities = [Activity(Kind.APPLICATION, TODAY)] * 3 + [Activity(Kind.PRACTICE_SESSION, TODAY)] * 2
    activities += [Activity(Kind.CONTACT, TODAY, "1"), Activity(Kind.WIN, TODAY)]
    steps = suggest_plan(effort_counts(activities, week), week, PlanContext({"interview": 1}))
    assert _texts(steps) == ["Keep the same rhythm next week: it is working."]


def test_monthly_plan_scales_the_marks() -> None:
    month = period_for("month", TODAY)
    activities = [Activity(Kind.APPLICATION, day(n)) for n in range(5)]
    steps = suggest_plan(effort_counts(activities, month), month, PlanContext({}))
    assert "Send 3 targeted applications." in _texts(steps)  # 5 in a month is under 3 a week


def test_plan_mentions_reflections_goals_and_openings_when_relevant() -> None:
    week = period_for("week", TODAY)
    context = PlanContext({}, rejections_without_reflection=2, open_goals=1, new_openings=3)
    activities = [Activity(Kind.APPLICATION, TODAY)] * 3 + [Activity(Kind.PRACTICE_SESSION, TODAY)] * 2
    activities += [Activity(Kind.CONTACT, TODAY, "1"), Activity(Kind.WIN, TODAY)]
    steps = suggest_plan(effort_counts(activities, week), week, context)
    kinds = [s.action.kind for s in steps]
    assert kinds == [ActionKind.REFRAME, ActionKind.LIST_GOALS, ActionKind.CHECK_OPENINGS]


def test_plan_is_deterministic_and_has_no_feelings_guesswork() -> None:
    week = period_for("week", TODAY)
    first = suggest_plan(effort_counts([], week), week, PlanContext({"application": 5}, open_chases=1))
    second = suggest_plan(effort_counts([], week), week, PlanContext({"application": 5}, open_chases=1))
    assert first == second
    words = " ".join(s.text + " " + s.reason for s in first).lower()
    for guess in ("you feel", "you must be", "frustrat", "sad", "disappoint"):
        assert guess not in words


def test_effort_summary_keys() -> None:
    summary = json_object(effort_summary([], period_for("week", TODAY), TODAY, PlanContext({})))
    assert set(summary) == {"period", "counts", "previous_counts", "active_days", "streak", "scores", "daily", "plan"}
    assert summary["period"] == {"kind": "week", "start": "2024-10-31", "end": "2024-11-06", "days": 7}
