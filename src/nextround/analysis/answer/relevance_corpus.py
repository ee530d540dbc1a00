"""What the seen writers' own answers to a question say, as evidence that an answer is about it.

An answer that barely matches its own question (a short reply, a story told in other words, without the question's
cues) loses to rival questions in the learned ranking. Every bank question has been answered in the seen corpus by
6-9 writers in their own words and settings; the centroid of the strong and average ones
(``answer_corpus_centroids.npz``, built by ``scripts/build_answer_centroids.py``; centred on the mean of all
centroids, so what every answer shares does not count) reads the question's topic more widely than its wording, its
note or its three written exemplars. How far the asked question's centroid stands out, among those of the bank
questions the answer is ranked against (a z-score), moves the odds of the relevance score (session 24,
docs/answers.md).
"""

from __future__ import annotations

import math
import operator
from collections.abc import Sequence
from functools import lru_cache
from importlib.resources import files
from typing import Final

from nextround.analysis.answer.relevance_score import moved_odds
from nextround.analysis.vectors import Matrix, dot_rows, read_npz, unit

CORPUS_FILE: Final = "answer_corpus_centroids.npz"
# The odds of relevance are multiplied by exp(CORPUS_WEIGHT * (z - CORPUS_CENTRE)), z the asked bank question's standing
# among the ranked bank questions by its seen answers' centroid. Chosen on the seen splits, each scored with centroids
# built without it, and wide18's even half (docs/answers.md, session 24): 0.7 ranked a little better (own question above
# another 0.9458 against 0.9448) but moved strong answers above average ones down (0.9934 -> 0.9932); 0.5 keeps it.
CORPUS_WEIGHT: Final = 0.5
CORPUS_CENTRE: Final = 1.0


class CorpusCentroids:
    """The bank questions' seen-answer centroids, by bank index (``None`` where a question has none)."""

    def __init__(self, ids: Sequence[str], centred: Matrix, questions: Sequence[str], mean: list[float]) -> None:
        position = {ident: row for row, ident in enumerate(questions)}
        self.rows: list[int | None] = [position.get(ident) for ident in ids]
        self.centred = centred
        self.mean = mean

    def similarities(self, whole: Sequence[float]) -> list[float]:
        """The answer's (centred) similarity to each bank question's centroid; the mean of the others where none."""
        found = dot_rows(self.centred, unit(list(map(operator.sub, whole, self.mean))))
        values = [found[row] if row is not None else math.nan for row in self.rows]
        known = [v for v in values if not math.isnan(v)]
        level = sum(known) / len(known) if known else 0.0
        return [level if math.isnan(v) else v for v in values]


@lru_cache(maxsize=1)
def corpus_centroids(ids: tuple[str, ...]) -> CorpusCentroids | None:
    """The shipped centroids for the bank ``ids``, or ``None`` when the file is missing."""
    resource = files("nextround.data").joinpath(CORPUS_FILE)
    if not resource.is_file():
        return None
    arrays = read_npz(resource.read_bytes())
    return CorpusCentroids(ids, arrays["centred"].matrix(), arrays["questions"].strings or [], arrays["mean"].floats())


def corpus_standout(similarities: Sequence[float], question: int, others: Sequence[int]) -> float:
    """How far bank question ``question``'s centroid similarity stands above those of the bank questions it is ranked
    against (``others``), in their spread."""
    rivals = [similarities[i] for i in others]
    if len(rivals) < 2:
        return 0.0
    mean = sum(rivals) / len(rivals)
    spread = math.sqrt(sum((r - mean) ** 2 for r in rivals) / len(rivals))
    return (similarities[question] - mean) / spread if spread > 0 else 0.0


def with_corpus_standout(score: float, standout: float) -> float:
    """``score`` with its odds moved by the question's standing by its seen answers (``standout``, a z-score): up
    above CORPUS_CENTRE, down below. Full marks stay full when they would rise and are read as 0.995 when they fall."""
    return moved_odds(score, math.exp(CORPUS_WEIGHT * max(-10.0, min(10.0, standout - CORPUS_CENTRE))))
