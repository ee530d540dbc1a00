"""Delivery points on the plans scored by specificity count in proportion to how concrete the answer is (session 18)."""

from __future__ import annotations

from nextround.analysis.answer import analyze_answer
from nextround.analysis.answer.score_plans import DELIVERY_FLOOR, DELIVERY_MEASURES, PARTS_DELIVERY_FLOOR

ASK_Q = "Do you have any questions for us?"
VAGUE_ASK = "Yes, I just want to know what success looks like in this job, really."
SPECIFIC_ASK = (
    "What would a good first ninety days look like for the new coordinator? And does the Leeds depot still run the "
    "night shift, or has that moved to Wakefield? Would I report to Priya, the shift manager, or to head office?"
)
DESIGN_Q = "How would you design a system to handle a sudden spike in traffic?"
VAGUE_DESIGN = "I would use microservices and containers, so it scales well, basically, and it would be fine."
SPECIFIC_DESIGN = (
    "I'd put the web tier behind a load balancer with autoscaling from two to twenty instances. I'd cache the product "
    "pages in Redis for sixty seconds. Then I'd load test it at five times our Black Friday peak before launch."
)
STORY_Q = "Tell me about a time you handled a difficult customer."
TOLD_STORY = (
    "Last spring at the garden centre a customer shouted at me because her order of fence panels came two weeks late. "
    "I rang the depot, found the panels on the next lorry and booked a delivery for the Saturday morning. She got them "
    "that Saturday and ordered her decking from us too."
)
CAREER_Q = "What kind of role are you looking for next?"
VAGUE_CAREER = "Something where I can grow and use my skills, in a good team, with a good manager, honestly."


def _delivery(question: str, answer: str) -> dict[str, tuple[int, int, str]]:
    result = analyze_answer(question, answer)
    return {i.measure: (i.points, i.max, i.why) for i in result.score_breakdown if i.measure in DELIVERY_MEASURES}


def test_a_vague_reply_keeps_only_the_floor_of_its_delivery_points() -> None:
    delivery = _delivery(CAREER_Q, VAGUE_CAREER)
    assert set(delivery) == DELIVERY_MEASURES
    for points, maximum, why in delivery.values():
        assert points <= round(maximum * DELIVERY_FLOOR)
        assert "little that is concrete" in why


def test_a_concrete_reply_keeps_all_its_delivery_points() -> None:
    for _, _, why in _delivery(DESIGN_Q, SPECIFIC_DESIGN).values():
        assert "little that is concrete" not in why


def test_a_vague_plan_scores_well_below_a_specific_one() -> None:
    # the questions for the interviewer are scored on what they ask since session 21 (asked_measures), still so
    for question, vague, specific in ((ASK_Q, VAGUE_ASK, SPECIFIC_ASK), (DESIGN_Q, VAGUE_DESIGN, SPECIFIC_DESIGN)):
        assert analyze_answer(question, specific).score - analyze_answer(question, vague).score >= 15


def test_a_story_that_tells_its_steps_keeps_its_delivery_points() -> None:
    # the behavioural plan scales its delivery too since session 23, but a story with two concrete lines keeps it all
    delivery = _delivery(STORY_Q, TOLD_STORY)
    for _, _, why in delivery.values():
        assert "little that is concrete" not in why


def test_a_story_that_tells_nothing_concrete_keeps_the_gentler_floor_of_its_delivery() -> None:
    delivery = _delivery(STORY_Q, "A customer shouted at me about her order, and it was quite a long shout, really.")
    for points, maximum, why in delivery.values():
        assert "counted at 70%, as the answer says little that is concrete" in why
        assert points <= round(maximum * PARTS_DELIVERY_FLOOR)


def _relevance_item(question: str, answer: str) -> tuple[int, int, str]:
    result = analyze_answer(question, answer)
    return next((i.points, i.max, i.why) for i in result.score_breakdown if i.measure == "relevance")


def test_a_vague_reply_keeps_part_of_its_relevance_points_too() -> None:
    # session 19: on topic is not an answer when nothing concrete is said
    for question, answer in ((DESIGN_Q, VAGUE_DESIGN), (CAREER_Q, VAGUE_CAREER)):
        points, maximum, why = _relevance_item(question, answer)
        assert points <= round(maximum * DELIVERY_FLOOR)
        assert "little that is concrete" in why
    assert "little that is concrete" not in _relevance_item(DESIGN_Q, SPECIFIC_DESIGN)[2]
