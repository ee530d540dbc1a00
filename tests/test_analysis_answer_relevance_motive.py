"""A short reply that gives the reasons a question about motives asks for is on its topic (session 20,
``relevance_model.with_motive``)."""

from __future__ import annotations

import pytest

from nextround.analysis.answer import split_sentences
from nextround.analysis.answer.relevance import measure_relevance
from nextround.analysis.answer.relevance_model import MOTIVE_FLOOR, gives_motive, with_motive

LEAVING = "Why are you leaving your current job?"
OFFER = "What would make you turn down an offer from us?"


@pytest.mark.parametrize(
    ("question", "answer", "gives"),
    [
        (LEAVING, "The wages are poor and I never get weekends off.", True),
        (LEAVING, "My supervisor is awful to work for, to be fair.", True),
        ("What are you looking for in your next role?", "Better hours, mainly.", True),
        (OFFER, "Nothing, really, I want the job.", True),
        (OFFER, "If it was all nights, that's the one thing.", True),
        # "Nothing" answers a "what" question only; a condition named with no judgement of it is no reason.
        (LEAVING, "Nothing, I like it there.", False),
        (LEAVING, "I'd ask my manager what he thinks.", False),
        # Not a question about motives; and a long answer is read by the ranking.
        ("How do you handle a rude customer?", "The pay is low, so I don't bother.", False),
        (LEAVING, " ".join(["The pay is low and there is no progression at all for anyone in the store."] * 2), False),
    ],
)
def test_a_reason_is_read_only_under_a_question_about_motives(question: str, answer: str, gives: bool) -> None:
    assert gives_motive(question, split_sentences(answer)) is gives


def test_the_floor_keeps_the_order_of_two_such_questions() -> None:
    reply = ["Better money."]
    assert with_motive(0.1, LEAVING, reply) == pytest.approx(MOTIVE_FLOOR + (1 - MOTIVE_FLOOR) * 0.1, abs=1e-3)
    assert with_motive(0.1, LEAVING, reply) < with_motive(0.2, OFFER, reply)
    assert with_motive(0.1, "Tell me about a time you led a team.", reply) == 0.1


def test_a_short_reason_fits_its_own_question_better_than_a_story_question() -> None:
    reply = split_sentences("The salary is too low and there's no promotion in sight.")
    own = measure_relevance(LEAVING, reply)
    other = measure_relevance("Tell me about a time you solved a problem for a customer.", reply)
    assert own is not None and other is not None
    assert own.score >= MOTIVE_FLOOR > other.score
