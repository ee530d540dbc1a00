"""The agenda's order and window."""

from __future__ import annotations

from datetime import date, timedelta

from nextround.domain.actions import Action, ActionKind
from nextround.domain.agenda import AgendaItem, build_agenda

TODAY = date(2024, 11, 6)


def item(kind: str, days: int, ref: str) -> AgendaItem:
    actions = (Action(ActionKind.OPEN_APPLICATION, {"application_id": len(ref)}),)
    return AgendaItem(kind, f"title {ref}", TODAY + timedelta(days=days), "do it", actions, ref)


def test_overdue_then_today_then_soon_and_nothing_later() -> None:
    items = [
        item("touch", 3, "soon"),
        item("touch", 30, "later"),
        item("touch", 0, "today-touch"),
        item("interview", 0, "today-interview"),
        item("feedback_chase", -2, "old"),
        item("thank_you", -1, "newer"),
    ]
    agenda = build_agenda(items, TODAY)
    assert [a.ref for a in agenda] == ["old", "newer", "today-interview", "today-touch", "soon"]
    assert [a.when for a in agenda] == ["overdue", "overdue", "today", "today", "soon"]
    assert [a.overdue for a in agenda] == [True, True, False, False, False]
    assert agenda[0].to_dict() == {
        "kind": "feedback_chase",
        "title": "title old",
        "due": "2024-11-04",
        "overdue": True,
        "when": "overdue",
        "days": -2,
        "action": "do it",
        "ref": "old",
        "actions": [{"kind": "open_application", "ids": {"application_id": 3}, "label": "Open the application"}],
    }


def test_reapply_dates_show_even_when_far_off() -> None:
    agenda = build_agenda([item("reapply", 90, "reapply-acme"), item("goal", 8, "goal-1")], TODAY)
    assert [(a.ref, a.when) for a in agenda] == [("reapply-acme", "later")]


def test_a_feedback_chase_waits_for_its_day() -> None:
    """A chase due later this week is not listed yet: the day the request goes out, there is nothing to do."""
    items = [item("feedback_chase", 7, "chase-new"), item("feedback_chase", 0, "chase-due"), item("touch", 7, "touch")]
    agenda = build_agenda(items, TODAY)
    assert [(a.ref, a.when) for a in agenda] == [("chase-due", "today"), ("touch", "soon")]
