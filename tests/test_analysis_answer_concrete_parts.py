"""Session 23 (scoreA23): on the plans that judge an answer's parts, relevance and delivery count by how concrete the
answer is, and a bare step or ending earns less than one told in full."""

from __future__ import annotations

import pytest

from nextround.analysis.answer import analyze_answer, measures, score_plans
from nextround.analysis.answer.measures import BARE_MENTION

STORY_Q = "Tell me about a time you handled a difficult customer."
PLAN_Q = "What would you do if a delivery you promised a customer was going to be late?"
BARE_STORY = "At the shop a customer was angry about a broken kettle. I told her. It was fine."
TOLD_STORY = (
    "Last spring at the garden centre a customer shouted at me because her order of fence panels came two weeks late. "
    "I rang the depot, found the panels on the next lorry out of Leeds and booked a delivery for the Saturday morning "
    "before we opened. She got them "
    "that Saturday and ordered her decking from us too."
)


def _items(question: str, answer: str) -> dict[str, tuple[int, int, str]]:
    return {i.measure: (i.points, i.max, i.why) for i in analyze_answer(question, answer).score_breakdown}


def test_a_one_line_plan_on_topic_keeps_only_part_of_its_relevance() -> None:
    points, maximum, why = _items(PLAN_Q, "I'd ring the customer.")["relevance"]
    assert "little that is concrete" in why
    assert points <= round(maximum * score_plans.PARTS_DELIVERY_FLOOR)


def test_the_switch_restores_full_relevance_to_a_reply_with_nothing_concrete(monkeypatch: pytest.MonkeyPatch) -> None:
    answer = "A customer shouted at me about her order, and it was quite a long shout, really."
    scaled = _items(STORY_Q, answer)["relevance"]
    monkeypatch.setattr(score_plans, "CONCRETE_SCALES_PARTS_PLANS", False)
    kept = _items(STORY_Q, answer)["relevance"]
    assert "little that is concrete" not in kept[2]
    assert kept[0] > scaled[0]


def test_a_story_with_its_steps_and_outcome_told_keeps_its_relevance() -> None:
    points, maximum, why = _items(STORY_Q, TOLD_STORY)["relevance"]
    assert "little that is concrete" not in why
    assert points == maximum


@pytest.mark.parametrize("part", ["action", "result"])
def test_a_bare_step_or_ending_earns_little_of_its_part(part: str) -> None:
    points, maximum, why = _items(STORY_Q, BARE_STORY)[part]
    assert "3 words of detail" in why
    # at 40% for a bare mention (before session 23) each earned about half its points
    assert 0 < points <= maximum // 3
    assert BARE_MENTION[part] < 0.4
    assert points < _items(STORY_Q, TOLD_STORY)[part][0]


def test_a_bare_story_scores_well_below_one_told_in_full() -> None:
    assert analyze_answer(STORY_Q, TOLD_STORY).score - analyze_answer(STORY_Q, BARE_STORY).score >= 20


def test_saying_i_earns_the_ownership_points_by_the_steps_told(monkeypatch: pytest.MonkeyPatch) -> None:
    bare_points, maximum, why = _items(STORY_Q, BARE_STORY)["ownership"]
    assert "the steps told run to 3 words" in why
    assert bare_points <= round(maximum * 0.4)
    assert "steps told" not in _items(STORY_Q, TOLD_STORY)["ownership"][2]
    monkeypatch.setattr(measures, "OWNERSHIP_BY_STEPS", False)
    assert _items(STORY_Q, BARE_STORY)["ownership"][0] == maximum


MONTH_END_Q = "Describe how you manage month-end close under time pressure."
HABIT_STEPS = (
    "Month-end close is mostly about being organised, for me. I do the bank recs and supplier statements first, then "
    "the journals. If something is not going to make the deadline I flag it to the finance manager early."
)


def test_habit_steps_the_star_reading_finds_are_specific(monkeypatch: pytest.MonkeyPatch) -> None:
    result = analyze_answer(MONTH_END_Q, HABIT_STEPS)
    steps = set(result.star_sentences.action)
    specificity = next(i for i in result.score_breakdown if i.measure == "specificity")
    assert steps and specificity.points > 0
    monkeypatch.setattr(measures, "STEPS_ARE_SPECIFIC", False)
    without = next(i for i in analyze_answer(MONTH_END_Q, HABIT_STEPS).score_breakdown if i.measure == "specificity")
    assert without.points < specificity.points


def test_a_short_complete_how_do_you_answer_is_short_of_the_length_target() -> None:
    told = " On the last day I check the bank balance against the ledger twice before I sign it off."
    result = analyze_answer(MONTH_END_Q, HABIT_STEPS + told + " That way the accounts go out on the fifth working day.")
    assert 60 <= result.word_count < 90
    assert result.length.verdict == "short"
    assert result.length.target_min == 90
