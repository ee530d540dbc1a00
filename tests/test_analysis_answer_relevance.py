"""Relevance: the held-out relevance split, the learned ranking's weights, and what the ranking hears."""

from __future__ import annotations

import json
from importlib.resources import files

from nextround.analysis.answer import split_sentences
from nextround.analysis.answer.relevance import measure_relevance
from nextround.analysis.answer.relevance_model import FEATURES, MODEL_FILE, cue_features, plan_share
from tests.answer_corpus import QUALITIES, load_corpus


def test_relevance_holdout_split_is_wide() -> None:
    answers = load_corpus("relhold")  # raises on a malformed header, label or unknown bank id
    assert len(answers) >= 45 and len({answer.id for answer in answers}) == len(answers)
    assert {answer.quality for answer in answers} == set(QUALITIES)
    assert len({answer.question for answer in answers}) >= 15
    assert sum(answer.question_id is None for answer in answers) >= 10  # questions outside the bank
    assert sum(not answer.on_topic for answer in answers) >= 5
    assert sum("paraphrase" in answer.flags for answer in answers) >= 5


def test_the_shipped_weights_fit_the_features() -> None:
    data = json.loads(files("nextround.data").joinpath(MODEL_FILE).read_text(encoding="utf-8"))
    assert tuple(data["features"]) == FEATURES and len(data["weights"]) == len(FEATURES)
    assert "holdout" not in data["trained_on"] and "relhold" not in data["trained_on"]


def test_a_plan_is_weighed_for_what_would_you_do_questions_only() -> None:
    assert plan_share(["I would ring the depot first.", "The van was late."]) == 0.5
    assert plan_share(["I rang the depot."]) == 0.0
    assert cue_features(0.5, "situational") == [0.5]
    assert cue_features(0.5, "behavioural") == [0.0]


def test_answers_fit_their_own_question_better_than_the_others_of_their_split() -> None:
    # The seen split test.txt (trained on): 0.898 with the hand weights of session 4, 0.908 learned.
    answers = load_corpus("test")
    questions = sorted({answer.question for answer in answers})
    wins = total = 0.0
    for answer in answers:
        if not answer.on_topic:
            continue
        sentences = split_sentences(answer.answer)
        scores = {q: measure_relevance(q, sentences) for q in questions}
        own = scores[answer.question]
        assert own is not None
        for question, found in scores.items():
            if question != answer.question:
                assert found is not None
                wins += 1.0 if own.score > found.score else 0.5 if own.score == found.score else 0.0
                total += 1
    assert wins / total >= 0.90
