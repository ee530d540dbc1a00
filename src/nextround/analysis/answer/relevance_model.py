"""The learned ranking of relevance: how its similarities are weighed against each other.

Relevance ranks the asked question among the bank's questions for one answer. The weights here say how
much each similarity counts in that ranking, and each bank question's offset says how much to take off
for it because it fits every answer a little (what the hub level did before, now per similarity). They are
learned from the seen splits of the answer corpus, own question against every other bank question, by
``scripts/train_relevance.py`` (``data/answer_relevance_model.json``; ``--check`` rebuilds it exactly).

Beside the similarities, two cues of the answer's form meet the question's type: an answer that tells
nothing past fits a question about a past event less, and a plan fits "what would you do" more.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files
from typing import Final

MODEL_FILE: Final = "answer_relevance_model.json"
SIMILARITIES: Final = (
    "question_words",  # each question word's closest answer word, weighted by rarity in the bank
    "description_words",  # the same for the competency description's words
    "question_sentences",  # the two answer sentences closest to the question
    "description_sentences",
    "note_words",  # the bank's note on what a good answer covers
    "note_sentences",
    "anchors",  # answer-like sentences of the question's first competency
    "question_words_close",  # question words an answer word is close to (beyond _CLOSE) only
    "question_words_focus",  # question words weighted by the square of their rarity: the focus words
    "question_sentence_best",  # the one answer sentence closest to the question
    "question_whole",  # the whole answer against the question
)
# Two cues of the answer's form meet the question's type: the share of sentences that tell nothing past,
# for a question about a past event (a story question wants an episode), and the share that plan, for a
# "what would you do" question. Neither touches a story told for a "how do you ..." question. (One weight
# per cue and type was tried: it learned that stories fit story questions, and a story told for "How do
# you handle pressure at work?" fell from 0.55 to 0.22.)
CUES: Final = ("untold_for_story_question", "plan_for_what_would_you_do")
FEATURES: Final = SIMILARITIES + CUES
# A question word counts for "question_words_close" only by how far its best match passes this cosine.
CLOSE: Final = 0.5

_PAST: Final = re.compile(
    r"\b(?:i|we|he|she|they|it)\s+(?:\w+ed|was|were|had|did|went|got|made|took|told|said|found|rang|ran|sat|"
    r"put|kept|gave|came|saw|knew|thought|felt|left|brought|bought|wrote|spent|began|led|met|paid|sent|stood|"
    r"taught|won|lost|built|caught|chose|drove|fell|held|heard|let|meant|sold|spoke|understood|woke)\b",
    re.IGNORECASE,
)
_PLAN: Final = re.compile(r"\b(?:would|i'd|will|i'll|i'm going to|first i)\b", re.IGNORECASE)


def answer_cues(sentences: Sequence[str]) -> tuple[float, float]:
    """The share of sentences that tell something past, and the share that plan something."""
    if not sentences:
        return (0.0, 0.0)
    count = len(sentences)
    return (
        sum(1 for s in sentences if _PAST.search(s)) / count,
        sum(1 for s in sentences if _PLAN.search(s)) / count,
    )


def cue_features(cues: Sequence[float], kind: str) -> list[float]:
    """The cue part of the features for a question of this type."""
    past, plan = cues
    return [1.0 - past if kind == "behavioural" else 0.0, plan if kind == "situational" else 0.0]


@dataclass(frozen=True)
class RelevanceModel:
    weights: tuple[float, ...]  # one per FEATURES
    offsets: dict[str, float]  # per bank question id: what it takes for fitting every answer a little

    def similarity_weights(self) -> tuple[float, ...]:
        return self.weights[: len(SIMILARITIES)]

    def cue_score(self, cues: Sequence[float], kind: str) -> float:
        """The cues' part of the score for a question of this type."""
        start = len(SIMILARITIES)
        return sum(w * v for w, v in zip(self.weights[start:], cue_features(cues, kind), strict=True))


@lru_cache(maxsize=1)
def relevance_model() -> RelevanceModel | None:
    """The shipped weights, or ``None`` when the file is missing or was written for other features."""
    resource = files("nextround.data").joinpath(MODEL_FILE)
    if not resource.is_file():
        return None
    data = json.loads(resource.read_text(encoding="utf-8"))
    if tuple(data.get("features", ())) != FEATURES:
        return None
    weights = tuple(float(value) for value in data["weights"])
    offsets = {str(key): float(value) for key, value in data["offsets"].items()}
    return RelevanceModel(weights=weights, offsets=offsets)
