"""A short answer that tells no episode is ranked by its topic words too (session 17, ``with_topic_words``)."""

from __future__ import annotations

import pytest

from nextround.analysis.answer import relevance_score, split_sentences
from nextround.analysis.answer.relevance import measure_relevance
from nextround.analysis.answer.relevance_model import tells_episode

BANK_FOCUS = [0.30, 0.35, 0.40, 0.45, 0.50]


@pytest.mark.parametrize(
    ("answer", "episode"),
    [
        ("I led the night shift when our oven failed, and we still delivered every order by six.", True),
        ("We then rang the depot and they sent a second van.", True),
        ("I'd just explain why it's better and they'd go along with it.", False),
        ("I was just taking a break.", False),
        ("Nothing, I think she was happy with me.", False),
    ],
)
def test_an_episode_is_a_step_of_the_speakers_told_in_the_past(answer: str, episode: bool) -> None:
    assert tells_episode(split_sentences(answer)) is episode


def test_a_short_answer_takes_in_how_far_its_topic_words_stand_out() -> None:
    above = relevance_score.with_topic_words(0.5, 6, 0.8, BANK_FOCUS)
    level = relevance_score.with_topic_words(0.5, 6, 0.4, BANK_FOCUS)
    assert above > 0.5 > level
    # The weight falls with length and is gone at _TOPIC_WORDS words.
    assert relevance_score.with_topic_words(0.5, 20, 0.8, BANK_FOCUS) < above
    assert relevance_score.with_topic_words(0.5, relevance_score._TOPIC_WORDS, 0.8, BANK_FOCUS) == 0.5


QUESTION = "Where do you see yourself in five years?"
EVASIVE = "Honestly, I don't really plan that far ahead."
STORY = "I led the night shift when our oven failed, um, and we still delivered every order by six."


def _score(question: str, answer: str, monkeypatch: pytest.MonkeyPatch, weight: float) -> float:
    monkeypatch.setattr(relevance_score, "_TOPIC_WEIGHT", weight)
    found = measure_relevance(question, split_sentences(answer))
    assert found is not None
    return found.score


def test_an_evasive_short_answer_is_scored_by_its_topic_words_and_a_short_story_is_not(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    weight = relevance_score._TOPIC_WEIGHT
    # "plan that far ahead" meets "see yourself in five years" more than most bank questions' focus words.
    assert _score(QUESTION, EVASIVE, monkeypatch, weight) > _score(QUESTION, EVASIVE, monkeypatch, 0.0) + 0.03
    pressure = "Tell me about a time you worked under pressure."
    assert _score(pressure, STORY, monkeypatch, weight) == _score(pressure, STORY, monkeypatch, 0.0)
