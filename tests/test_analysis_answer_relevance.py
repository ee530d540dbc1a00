"""Relevance: the held-out relevance split loads and is shaped as described in the corpus README."""

from __future__ import annotations

from tests.answer_corpus import QUALITIES, load_corpus


def test_relevance_holdout_split_is_wide() -> None:
    answers = load_corpus("relhold")  # raises on a malformed header, label or unknown bank id
    assert len(answers) >= 45 and len({answer.id for answer in answers}) == len(answers)
    assert {answer.quality for answer in answers} == set(QUALITIES)
    assert len({answer.question for answer in answers}) >= 15
    assert sum(answer.question_id is None for answer in answers) >= 10  # questions outside the bank
    assert sum(not answer.on_topic for answer in answers) >= 5
    assert sum("paraphrase" in answer.flags for answer in answers) >= 5
