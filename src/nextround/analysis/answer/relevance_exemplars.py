"""The bank's exemplar answers for relevance: loaded from ``answer_exemplars.npz`` (built by
``scripts/build_exemplars.py``) and how near an answer is to each bank question's exemplars. A part of the bank
background of :mod:`.relevance`, split from it by concern (session 10); the numbers are those of before."""

from __future__ import annotations

import heapq
import operator
from collections.abc import Callable, Sequence
from importlib.resources import files
from typing import Final

from nextround.analysis.answer.relevance_model import EXEMPLAR_FILE, EXEMPLAR_SIMILARITIES, HUB_SHARE, RelevanceModel
from nextround.analysis.vectors import Matrix, dot, dot_rows, read_npz, top_two_match, unit

# The bank questions whose exemplars an answer must be nearer for the relative exemplar features: those
# with the closest exemplar centroids.
_EXEMPLAR_NEIGHBOURS: Final = 10


class ExemplarBank:
    """The exemplar half of the bank background; the class using it sets ``ids``, ``vectors`` and ``ranking``
    before it calls :meth:`_load_exemplars`."""

    ids: list[str]
    vectors: Matrix
    ranking: RelevanceModel | None
    # Per bank question, its exemplar words and their weights (scripts/build_exemplars.py), in the
    # vocabulary's form.
    keywords: list[tuple[list[str], list[float]]]

    def _load_exemplars(self) -> None:
        """The bank's exemplar answers, embedded at build time (nothing is embedded here)."""
        dims = self.vectors.dims
        rows: list[list[int]] = [[] for _ in self.ids]
        vectors = Matrix.zeros(0, dims)
        centred = [[0.0] * dims for _ in self.ids]
        self.exemplar_mean = [0.0] * dims
        # Per bank question, the words its exemplars share and their weights (scripts/build_exemplars.py).
        keyword_rows: list[tuple[list[str], list[float]]] = [([], []) for _ in self.ids]
        self.keywords = keyword_rows
        resource = files("nextround.data").joinpath(EXEMPLAR_FILE)
        if resource.is_file():
            arrays = read_npz(resource.read_bytes())
            position = {ident: i for i, ident in enumerate(self.ids)}
            found, numbers = arrays["questions"].strings or [], arrays["vectors"].numbers
            if numbers is not None:
                vectors = Matrix(numbers, len(found), dims)
                for row, ident in enumerate(found):
                    if ident in position:
                        rows[position[ident]].append(row)
            # Every answer shares a direction (first person, work, time): each question's exemplar centroid
            # less the mean of them all, at unit length, tells questions apart by what is particular to it
            # (question-grouped CV 0.924 with the plain centroids, 0.926 centred).
            table = arrays["centred"].matrix().tolist()
            for row, ident in enumerate(arrays["centred_questions"].strings or []):
                if ident in position:
                    centred[position[ident]] = table[row]
            self.exemplar_mean = arrays["mean"].floats()
            if "keywords" in arrays:
                weights = arrays["keyword_weights"].floats()
                words = arrays["keywords"].strings or []
                for ident, word, weight in zip(arrays["keyword_questions"].strings or [], words, weights, strict=True):
                    if ident in position:
                        keyword_rows[position[ident]][0].append(word)
                        keyword_rows[position[ident]][1].append(weight)
        self.exemplar_vectors = vectors
        self.exemplar_rows = [tuple(r) for r in rows]
        self.has_exemplars = [bool(r) for r in rows]
        self.exemplar_centred = Matrix.from_rows(centred, dims)
        with_exemplars = [i for i, has in enumerate(self.has_exemplars) if has]
        similar = dot(self.exemplar_centred, self.exemplar_centred)
        self.exemplar_neighbours = [
            tuple(heapq.nlargest(_EXEMPLAR_NEIGHBOURS, (j for j in with_exemplars if j != i), key=row.__getitem__))
            for i, row in enumerate(similar)
        ]
        self._exemplar_gathers = [_gather(rows) for rows in self.exemplar_rows]
        self._neighbour_gathers = [_gather(near) for near in self.exemplar_neighbours]
        ranking = self.ranking
        self.exemplar_ranking = ranking is not None and bool(ranking.exemplar_weights) and bool(with_exemplars)
        self.exemplar_offsets = [
            ranking.exemplar_offsets.get(ident, 0.0) if ranking and ranking.exemplar_offsets else 0.0
            for ident in self.ids
        ]
        self.exemplar_mean_offset = sum(self.exemplar_offsets) / len(self.exemplar_offsets)
        # The ranking with the exemplar words too, for bank questions only (a question outside the bank has no
        # exemplars of its own; every way of borrowing its neighbours' words lifted friendly off-topic replies).
        self.word_ranking = self.exemplar_ranking and ranking is not None and bool(ranking.word_weights)
        self.word_offsets = [
            ranking.word_offsets.get(ident, 0.0) if ranking and ranking.word_offsets else 0.0 for ident in self.ids
        ]
        self.word_mean_offset = sum(self.word_offsets) / len(self.word_offsets)
        # The new feature adds its weight times its level to every learned score, and the offsets take HUB_SHARE
        # of it off: the substance cut-offs of combine() move by as much, from the ranking without the words'.
        self.word_shift = (self.exemplar_mean_offset - self.word_mean_offset) / HUB_SHARE

    def exemplar_words(self, keywords: Sequence[float]) -> list[float]:
        """The exemplar-word match per bank question; a question without exemplars takes the mean of those
        with them."""
        has = self.has_exemplars
        known = [v for v, h in zip(keywords, has, strict=True) if h]
        mean = sum(known) / len(known) if known else 0.0
        return [v if h else mean for v, h in zip(keywords, has, strict=True)]

    def exemplar_fit(self, sentence_vectors: Matrix, whole: list[float]) -> tuple[list[float], ...]:
        """The exemplar similarities (EXEMPLAR_SIMILARITIES) of one answer to every bank question; a question
        without exemplars takes the mean of those with them."""
        has = self.has_exemplars
        if not any(has):
            return tuple([0.0] * len(has) for _ in EXEMPLAR_SIMILARITIES)
        each = dot_rows(self.exemplar_vectors, whole)
        best = [max(gather(each)) if gather else 0.0 for gather in self._exemplar_gathers]
        centred = dot_rows(self.exemplar_centred, self._centre(whole))
        centred_sentences = top_two_match(
            self.exemplar_centred,
            Matrix.from_rows([self._centre(row) for row in sentence_vectors.tolist()], sentence_vectors.dims),
        )
        if not all(has):
            for values in (best, centred, centred_sentences):
                known = [v for v, h in zip(values, has, strict=True) if h]
                mean = sum(known) / len(known)
                values[:] = [v if h else mean for v, h in zip(values, has, strict=True)]
        # How much nearer this question's exemplars are than those of the bank questions most like it.
        relative = [
            value - max(gather(centred)) if gather else value - value
            for value, gather in zip(centred, self._neighbour_gathers, strict=True)
        ]
        return best, centred, centred_sentences, relative

    def _centre(self, vector: Sequence[float]) -> list[float]:
        if len(vector) != len(self.exemplar_mean):
            raise ValueError(f"a vector of {len(vector)} numbers, a mean of {len(self.exemplar_mean)}")
        return unit(list(map(operator.sub, vector, self.exemplar_mean)))


def _gather(indices: Sequence[int]) -> Callable[[Sequence[float]], Sequence[float]] | None:
    """A function that picks the values at ``indices``, in that order, as one tuple (``None`` for no indices)."""
    if not indices:
        return None
    if len(indices) == 1:
        index = indices[0]
        return lambda values: (values[index],)
    return operator.itemgetter(*indices)
