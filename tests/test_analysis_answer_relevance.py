"""Relevance: the held-out relevance split, the learned ranking's weights, and what the ranking hears."""

from __future__ import annotations

import json
from importlib.resources import files

from nextround.analysis.answer.relevance_model import FEATURES, MODEL_FILE, answer_cues, cue_features
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


def test_the_answer_cues_read_a_story_and_a_plan() -> None:
    assert answer_cues(["I rang the depot and we rerouted the van."]) == (1.0, 0.0)
    assert answer_cues(["I would ring the depot first."]) == (0.0, 1.0)
    assert answer_cues(["I always stay calm.", "I rang the depot."]) == (0.5, 0.0)
    # A story question weighs an answer that tells nothing past; "what would you do" weighs a plan.
    assert cue_features((0.25, 0.5), "behavioural") == [0.75, 0.0]
    assert cue_features((0.25, 0.5), "situational") == [0.0, 0.5]
    assert cue_features((0.25, 0.5), "motivation") == [0.0, 0.0]
