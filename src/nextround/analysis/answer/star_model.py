"""The trained STAR sentence model: which sentences carry the situation, task, action and result.

Four logistic regressions (one per part) over the same features of a sentence: the rule cue scores of
:mod:`.star` for it and for the sentence before, where it sits in the answer, the question type, and
the sentence's embedding from the packaged model (meaning: "complaints fell" reads as an outcome,
"I suggested a meeting" as a step). A second round reads the same features plus what the first round
found in the sentences before and after ("My part was to …" after the scene-setting is the task; the
sentence after the last step is likely the outcome): 5-fold CV macro-F1 0.863 -> 0.875. Trained by
``scripts/train_answers.py`` on the seen splits of the project's corpus; the weights ship as
``answer_star_model.json`` and :mod:`nextround.analysis.vectors` runs them. Without the embedding model or the
weights, the rules decide alone (:func:`.star.star_from`).
"""

from __future__ import annotations

import json
from array import array
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files
from typing import Final

from nextround.analysis.answer.model import STAR_PARTS, StarSentences
from nextround.analysis.answer.star import SentenceFeatures
from nextround.analysis.vectors import Matrix, linear, sigmoid

MODEL_FILE: Final = "answer_star_model.json"
STORY_TYPES: Final = ("behavioural", "situational")
# Rule scores are clipped to this range before they become features, so one sentence with many cues
# cannot dominate the linear model.
_CLIP: Final = 6.0
# The embedding's share of the features: below 1 it is regularised harder than the rule scores.
EMBEDDING_SCALE: Final = 0.5
# A sentence whose grammar shows a step needs only this share of the action threshold.
STEP_SHARE: Final = 0.4
# The result probability a sentence whose grammar shows a step of one's own needs to count as a result.
STEP_RESULT: Final = 0.6
# The probability both parts need for one sentence to be both the situation and the result.
BOTH_ENDS: Final = 0.6


def _rule_features(sentence: SentenceFeatures | None) -> list[float]:
    if sentence is None:
        return [0.0] * 4
    return [max(-_CLIP, min(_CLIP, sentence.scores[part])) / _CLIP for part in STAR_PARTS]


def sentence_features(analysed: Sequence[SentenceFeatures], question_type: str, embeddings: Matrix) -> Matrix:
    """One float32 row per sentence: rule scores (own, previous, next), flags, position, question type,
    embedding."""
    rows: list[list[float]] = []
    last = len(analysed) - 1
    for sentence in analysed:
        index = sentence.index
        previous = analysed[index - 1] if index > 0 else None
        following = analysed[index + 1] if index < last else None
        rows.append(
            [
                *_rule_features(sentence),
                *_rule_features(previous),
                *_rule_features(following),
                float(sentence.has_quantity),
                float(sentence.first_person_action),
                float(sentence.plural_action),
                float(sentence.hypothetical_only),
                float(sentence.hedged),
                float(index == 0),
                float(index == last),
                index / last if last else 0.0,
                min(sentence.word_count, 40) / 40,
                float(question_type in STORY_TYPES),
                float(question_type == "situational"),
            ]
        )
    vectors = embeddings.tolist()
    return Matrix.from_rows(
        (row + [EMBEDDING_SCALE * value for value in vector] for row, vector in zip(rows, vectors, strict=True)),
        len(rows[0]) + embeddings.dims if rows else embeddings.dims,
    )


def with_neighbours(features: Matrix, first: Sequence[Sequence[float]]) -> Matrix:
    """``features`` with the first round's part probabilities of the sentence before and after appended."""
    none = [0.0] * len(STAR_PARTS)
    last = len(first) - 1
    rows = features.tolist()
    return Matrix.from_rows(
        (
            row + list(first[index - 1] if index > 0 else none) + list(first[index + 1] if index < last else none)
            for index, row in enumerate(rows)
        ),
        features.dims + 2 * len(STAR_PARTS),
    )


@dataclass(frozen=True)
class StarModel:
    weights: Matrix  # parts × features (float32): the second round, over features and neighbours
    bias: list[float]  # per part
    thresholds: list[float]  # per part: probability at which a sentence carries the part
    first_weights: Matrix  # parts × features: the first round
    first_bias: list[float]

    def probabilities(self, features: Matrix) -> list[list[float]]:
        """Per sentence, the probability of each part (both rounds)."""
        first = [[sigmoid(value) for value in row] for row in linear(features, self.first_weights, self.first_bias)]
        context = with_neighbours(features, first)
        return [[sigmoid(value) for value in row] for row in linear(context, self.weights, self.bias)]


def decide(
    probabilities: Sequence[Sequence[float]], thresholds: Sequence[float], analysed: Sequence[SentenceFeatures]
) -> list[list[bool]]:
    """Which sentences carry which part: the model's probability over the part's threshold; a sentence
    whose grammar shows a step ("I rewrote …", "we rerouted …") needs only ``STEP_SHARE`` of the action threshold;
    a sentence is both the scene and the outcome only when the model is sure of both."""
    chosen = [[p >= t for p, t in zip(row, thresholds, strict=True)] for row in probabilities]
    action = STAR_PARTS.index("action")
    situation, result = STAR_PARTS.index("situation"), STAR_PARTS.index("result")
    for row, sentence in enumerate(analysed):
        # The scene and the outcome sit at opposite ends of a story ("the lessons kept running over"
        # sets a scene, it is not what came of the work).
        p, marks = probabilities[row], chosen[row]
        if marks[situation] and marks[result] and min(p[situation], p[result]) < BOTH_ENDS:
            marks[situation if p[situation] < p[result] else result] = False
        if sentence.first_person_action or sentence.plural_action:
            marks[action] = marks[action] or p[action] >= thresholds[action] * STEP_SHARE
        if sentence.first_person_action and marks[result]:
            # A step of one's own is an outcome only when the model is sure ("I rewrote the rota, which meant
            # overtime fell by half"), not because it comes last ("I then arranged for our driver to swap
            # the tree"); when it is, it is both action and result.
            marks[result] = p[result] >= STEP_RESULT
            marks[action] = marks[action] or marks[result]
    return chosen


@lru_cache(maxsize=1)
def load_star_model() -> StarModel | None:
    resource = files("nextround.data").joinpath(MODEL_FILE)
    if not resource.is_file():
        return None
    raw = json.loads(resource.read_text(encoding="utf-8"))
    if "first" not in raw:
        return None  # weights from before the second round: retrain with scripts/train_answers.py
    weights = [raw["parts"][part]["weights"] for part in STAR_PARTS]
    first = [raw["first"][part]["weights"] for part in STAR_PARTS]
    # Read at float32, as the model was trained and first run: the thresholds sit on the same grid.
    return StarModel(
        weights=Matrix.from_rows(weights, len(weights[0])),
        bias=array("f", [raw["parts"][part]["bias"] for part in STAR_PARTS]).tolist(),
        thresholds=array("f", [raw["parts"][part]["threshold"] for part in STAR_PARTS]).tolist(),
        first_weights=Matrix.from_rows(first, len(first[0])),
        first_bias=array("f", [raw["first"][part]["bias"] for part in STAR_PARTS]).tolist(),
    )


def predict_star(analysed: Sequence[SentenceFeatures], question_type: str, embeddings: Matrix) -> StarSentences | None:
    """The STAR parts by the trained model (``embeddings``: one row per sentence), or ``None`` without
    the model's weights."""
    model = load_star_model()
    if model is None or not analysed:
        return None
    features = sentence_features(analysed, question_type, embeddings)
    if features.dims != model.first_weights.dims:
        return None  # weights from another feature layout: retrain with scripts/train_answers.py
    chosen = decide(model.probabilities(features), model.thresholds, analysed)
    found = {
        part: tuple(i for i in range(len(analysed)) if chosen[i][column]) for column, part in enumerate(STAR_PARTS)
    }
    return StarSentences(found["situation"], found["task"], found["action"], found["result"])
