"""How much an answer says and whether it tells an episode move the odds of its relevance (session 23,
``relevance_score.with_answer_shape``), the same for every question it meets."""

from __future__ import annotations

from nextround.analysis.answer import relevance_score, split_sentences
from nextround.analysis.answer.advice import OFF_TOPIC_BELOW
from nextround.analysis.answer.relevance import measure_relevance
from nextround.analysis.answer.relevance_score import shape_factor, with_answer_shape


def test_a_full_story_rises_and_a_short_claim_falls() -> None:
    story = with_answer_shape(0.6, relevance_score.SHAPE_MOST_WORDS, episode=True)
    claim = with_answer_shape(0.6, 15, episode=False)
    assert claim < 0.6 < story


def test_a_short_claim_falls_more_than_a_short_story() -> None:
    claim, story = with_answer_shape(0.9, 20, episode=False), with_answer_shape(0.9, 20, episode=True)
    assert claim < story < 0.9


def test_words_past_the_most_count_no_more() -> None:
    most = relevance_score.SHAPE_MOST_WORDS
    assert shape_factor(most, episode=True) == shape_factor(3 * most, episode=True)


def test_the_order_of_two_questions_for_one_answer_does_not_move() -> None:
    # The factor depends on the answer only: the question it fits better stays the one it fits better.
    scores = [0.2, 0.45, 0.7, 0.93, 0.994, 0.996, 1.0]
    for words, episode in ((25, False), (100, True)):
        shaped = [with_answer_shape(score, words, episode) for score in scores]
        assert shaped == sorted(shaped)


def test_full_marks_can_still_fall_but_are_not_rounded_down_by_a_rise() -> None:
    # A score of 1 is read as 0.995 when it falls, so a short claim at full marks ends below a long story at full marks.
    assert with_answer_shape(1.0, 20, episode=False) < 0.995
    assert with_answer_shape(1.0, 100, episode=True) == 1.0


def test_a_pitch_for_a_gap_question_falls_below_a_short_story_about_the_gap() -> None:
    question = "I see a gap in your CV. Can you tell me about that time?"
    pitch = "I'm a fast learner and very hardworking. I have always been passionate about customer service."
    story = (
        "I took eight months out when my mum got ill and I cared for her at home. "
        "I did a bookkeeping course online in the evenings, and when she was better I went back to work part time."
    )
    off = measure_relevance(question, split_sentences(pitch))
    on = measure_relevance(question, split_sentences(story))
    assert off is not None and on is not None
    # Before, the pitch scored 0.37: above the bar under which the coach says an answer is off topic.
    assert off.score < OFF_TOPIC_BELOW < 0.8 < on.score
