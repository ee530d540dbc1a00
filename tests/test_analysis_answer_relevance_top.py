"""Substance climbs on a slower slope near the top (session 22, ``_TOP_FROM`` / ``_TOP_FULL``): an off-topic reply on
the question's topic no longer ties at 1.00 with the stories that answer it."""

from __future__ import annotations

from nextround.analysis.answer import relevance_score, split_sentences
from nextround.analysis.answer.relevance import measure_relevance
from nextround.analysis.answer.relevance_score import combine

OTHERS = [-2.0, -1.0, 0.0, 1.0, 2.0]


def test_a_fuller_answer_scores_above_one_that_only_touches_the_topic() -> None:
    # Both rank their question first among the bank; the first says less on topic (12 against 16 on the learned scale).
    touches, answers = combine(1.0, 12.0, OTHERS, 0.0), combine(1.0, 16.0, OTHERS, 0.0)
    assert touches < answers == 1.0
    assert touches < 0.95


def test_below_the_knee_nothing_moves() -> None:
    for substance in (5.0, 6.5, 7.5, 8.5, relevance_score._TOP_FROM):
        straight = (substance - relevance_score._LEARNED_NONE) / (
            relevance_score._LEARNED_FULL - relevance_score._LEARNED_NONE
        )
        expected = round(0.8 * (0.5 * 1.0 + 0.5 * max(0.0, straight)) + 0.2 * 1.0, 3)
        assert combine(1.0, substance, [-50.0, -49.0, -48.0], 0.0) == expected


def test_the_hand_weighted_sum_keeps_its_straight_slope() -> None:
    # Without the learned weights the sum reaches full substance at _RAW_FULL, as before.
    assert combine(1.0, relevance_score._RAW_FULL, [-50.0, -49.0, -48.0], 0.0, learned=False) == 1.0


def test_a_complaint_about_the_queue_falls_below_a_story_that_balances_it() -> None:
    question = "How do you balance speed of response with quality when the queue is long?"
    complaint = (
        "The queue is always long here because we are short of staff. Management never listen, "
        "and the phone system is ancient."
    )
    story = (
        "On the help desk last winter our queue hit ninety tickets by ten most mornings. "
        "I sorted them by what blocked people from working and answered those first, with a full fix, "
        "and sent a short holding reply to the rest so nobody waited in silence. "
        "I kept a checklist for the common fixes so speed did not cost quality. "
        "By February the queue was under thirty by ten and our reopen rate fell from twelve to five percent."
    )
    off = measure_relevance(question, split_sentences(complaint))
    on = measure_relevance(question, split_sentences(story))
    assert off is not None and on is not None
    assert off.score < on.score
