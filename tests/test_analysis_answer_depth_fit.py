"""Depth counts in the specificity plans, and fit only where the question asks for it (session 22, scoreD22)."""

from __future__ import annotations

from nextround.analysis.answer.measures import CONCRETE_FOR_DEPTH, CONCRETE_FOR_FULL, specificity_fraction
from nextround.analysis.answer.score_plans import asks_fit, plan_for


def test_specificity_rises_gently_past_the_old_bar() -> None:
    at_bar = specificity_fraction(CONCRETE_FOR_FULL)
    one_more = specificity_fraction(CONCRETE_FOR_FULL + 1)
    assert 0.6 <= at_bar < one_more < specificity_fraction(CONCRETE_FOR_DEPTH) == 1.0
    assert specificity_fraction(CONCRETE_FOR_DEPTH + 3) == 1.0
    assert specificity_fraction(0) == 0.0


def test_fit_is_asked_only_by_why_us_questions() -> None:
    assert asks_fit("Why do you want to work here?")
    assert asks_fit("What attracts you to this role?")
    assert asks_fit("Why should we hire you?")
    assert not asks_fit("What kind of work gives you energy?")
    assert not asks_fit("What would make you turn down an offer?")


def test_motivation_plan_drops_fit_when_not_asked() -> None:
    energy = dict(plan_for("motivation", True, "What kind of work gives you energy?"))
    why_us = dict(plan_for("motivation", True, "Why do you want this job?"))
    assert "fit" not in energy and sum(energy.values()) == 100
    assert why_us["fit"] == 15 and sum(why_us.values()) == 100
