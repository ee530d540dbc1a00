"""Relevance by meaning: does the answer speak to what the question asks?

The question is read together with a short description of its competency (``answer_competencies.toml``;
the competency is taken from the question bank's nearest questions). Four similarities, all from the
packaged embedding model, are added up:

- each content word of the question, matched to the closest word of the answer (weighted by how rare the
  word is among bank questions, so "time" or "describe" count little and "deadline" a lot);
- the same for the words of the competency description;
- the two answer sentences closest to the question, and the two closest to the description.

Word-level matching is what lets "the boiler failed" answer "something went wrong". The sum is then put
on a 0-1 scale by comparing it with the same sum against every question of the bank: an answer that fits
its own question better than almost any other question scores near 1, one that fits other questions
better scores near 0. So the score means the same thing whatever the question.
"""

from __future__ import annotations

import math
import re
import tomllib
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files
from typing import TYPE_CHECKING, Final

from nextround.analysis.answer.lexicon import competencies, lexicon
from nextround.analysis.embedding import EmbeddingModel, EmbeddingUnavailable, load_model

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

    Vectors = npt.NDArray[np.float32]

# Weights of the four similarities: question words, description words, question sentences, description.
_WEIGHTS: Final = (1.0, 0.5, 1.0, 0.5)
_CONTENT_RE: Final = re.compile(r"[a-z][a-z'-]+")
# Bank questions nearest the asked one whose competencies describe it, and how many competencies to keep.
_NEIGHBOURS: Final = 3
_COMPETENCIES_KEPT: Final = 2
# Share of bank questions an answer must fit worse than its own for relevance to start above 0, and
# the share at which it reaches 1.
_FLOOR: Final = 0.5
_CEILING: Final = 0.95
_LEFT_OUT: Final = 12
# The summed similarity below which an answer says nothing on topic, and from which it says enough.
_RAW_NONE: Final = 0.3
_RAW_FULL: Final = 0.6
_WORD_CACHE: Final = 50_000


@dataclass(frozen=True)
class Relevance:
    score: float  # 0-1
    competency: str
    concept: str
    closest_sentence: int | None  # index of the sentence most on topic
    share_beaten: float  # share of bank questions the answer fits worse than this one
    raw: float  # the summed similarities before scaling


def content_words(text: str) -> list[str]:
    stop = lexicon().stopwords
    return [word for word in _CONTENT_RE.findall(text.lower()) if word not in stop]


@dataclass(frozen=True)
class _Query:
    words: tuple[str, ...]
    weights: Vectors
    description_words: tuple[str, ...]
    description_weights: Vectors
    vector: Vectors
    description_vector: Vectors
    competency: str


class _Background:
    """The bank's questions and the competency descriptions, embedded once per process."""

    def __init__(self, model: EmbeddingModel) -> None:
        import numpy as np

        self.model = model
        with files("nextround.data").joinpath("questions.toml").open("rb") as handle:
            bank = tomllib.load(handle)["question"]
        self.texts: list[str] = [str(entry["text"]) for entry in bank]
        self.bank_competencies: list[list[str]] = [list(entry.get("competencies", [])) for entry in bank]
        documents = [set(content_words(text)) for text in self.texts]
        frequency = Counter(word for document in documents for word in document)
        self._idf_total = len(documents)
        self._frequency = frequency
        self.vectors = model.encode(self.texts)
        self.bank_index = {text.strip().lower(): i for i, text in enumerate(self.texts)}
        self.competencies = {c.name: c for c in competencies()}
        names = list(self.competencies)
        self.competency_index = {name: i for i, name in enumerate(names)}
        self.description_vectors = model.encode([self.competencies[n].description for n in names])
        self._word_vectors: dict[str, Vectors] = {}
        self.queries = [self.query(text, self.vectors[i]) for i, text in enumerate(self.texts)]
        # Every bank query's words stacked, so one product scores an answer against the whole bank.
        self.bank_words = self.word_matrix([w for q in self.queries for w in q.words])
        self.bank_word_weights = np.concatenate([q.weights for q in self.queries])
        self.bank_offsets = np.cumsum([0] + [len(q.words) for q in self.queries[:-1]])
        description_words = [content_words(self.competencies[n].description) for n in names]
        self.description_words = self.word_matrix([w for words in description_words for w in words])
        self.description_word_weights = np.array(
            [self.idf(w) for words in description_words for w in words], dtype=np.float32
        )
        self.description_offsets = np.cumsum([0] + [len(words) for words in description_words[:-1]])
        self.bank_mix = np.array([self.mix(q.competency) for q in self.queries], dtype=np.float32)

    def idf(self, word: str) -> float:
        return math.log((self._idf_total + 1) / (self._frequency.get(word, 0) + 1))

    def word_matrix(self, words: Sequence[str]) -> Vectors:
        import numpy as np

        if not words:
            return np.zeros((0, self.vectors.shape[1]), dtype=np.float32)
        known = self._word_vectors
        missing = [word for word in dict.fromkeys(words) if word not in known]
        fresh = dict(zip(missing, self.model.encode(missing), strict=True)) if missing else {}
        if len(known) + len(fresh) <= _WORD_CACHE:  # bounded: answers bring new words forever
            known.update(fresh)
        return np.array([known[w] if w in known else fresh[w] for w in words], dtype=np.float32)

    def mix(self, competency: str) -> Vectors:
        import numpy as np

        weights = np.zeros(len(self.competency_index), dtype=np.float32)
        for name in competency.split("+"):
            if name in self.competency_index:
                weights[self.competency_index[name]] = 1.0
        total = float(weights.sum())
        return weights / total if total else weights

    def competency_of(self, vector: Vectors, question: str = "") -> str:
        """The question's competencies, "+"-joined, strongest first: the bank's own for a bank question,
        else those of the bank questions nearest it in meaning."""
        import numpy as np

        exact = self.bank_index.get(question.strip().lower())
        if exact is not None:
            named = [name for name in self.bank_competencies[exact] if name in self.competency_index]
            if named:
                return "+".join(named[:_COMPETENCIES_KEPT])

        similarity = self.vectors @ vector
        votes: dict[str, float] = {}
        for index in np.argsort(-similarity)[:_NEIGHBOURS]:
            for name in self.bank_competencies[int(index)]:
                if name in self.competency_index:
                    votes[name] = votes.get(name, 0.0) + float(similarity[index])
        kept = sorted(votes, key=lambda name: -votes[name])[:_COMPETENCIES_KEPT]
        return "+".join(kept) or "communication"

    def query(self, question: str, vector: Vectors | None = None) -> _Query:
        import numpy as np

        if vector is None:
            vector = self.model.encode([question])[0]
        competency = self.competency_of(vector, question)
        words = tuple(dict.fromkeys(content_words(question)))
        names = competency.split("+")
        description_words = tuple(
            dict.fromkeys(w for name in names for w in content_words(self.competencies[name].description))
        )
        description = sum(self.description_vectors[self.competency_index[n]] for n in names)
        norm = float(np.linalg.norm(description)) or 1.0
        return _Query(
            words=words,
            weights=np.array([self.idf(w) for w in words], dtype=np.float32),
            description_words=description_words,
            description_weights=np.array([self.idf(w) for w in description_words], dtype=np.float32),
            vector=vector,
            description_vector=description / norm,
            competency=competency,
        )


@lru_cache(maxsize=1)
def _background() -> _Background:
    return _Background(load_model())


def _top_two(similarities: Vectors) -> Vectors:
    """Mean of the two highest values in each column (or the only one)."""
    import numpy as np

    if similarities.shape[0] == 1:
        return np.asarray(similarities[0], dtype=np.float32)
    ordered = np.sort(similarities, axis=0)
    return np.asarray(ordered[-2:].mean(axis=0), dtype=np.float32)


def _word_match(best: Vectors, weights: Vectors) -> float:
    total = float(weights.sum())
    return float((best * weights).sum() / total) if total > 0 else 0.0


def _bank_raw(background: _Background, answer_matrix: Vectors, sentence_vectors: Vectors) -> Vectors:
    """The summed similarity of one answer to every bank question (before the baseline is taken off)."""
    import numpy as np

    w1, w2, w3, w4 = _WEIGHTS
    best_bank = (background.bank_words @ answer_matrix.T).max(axis=1)
    word_sums = np.add.reduceat(best_bank * background.bank_word_weights, background.bank_offsets)
    weight_sums = np.add.reduceat(background.bank_word_weights, background.bank_offsets)
    bank_words = np.divide(word_sums, weight_sums, out=np.zeros_like(word_sums), where=weight_sums > 0)
    best_description = (background.description_words @ answer_matrix.T).max(axis=1)
    description_sums = np.add.reduceat(
        best_description * background.description_word_weights, background.description_offsets
    )
    description_totals = np.add.reduceat(background.description_word_weights, background.description_offsets)
    per_competency = description_sums / np.maximum(description_totals, 1e-9)
    bank_description = background.bank_mix @ per_competency
    bank_sentences = _top_two(sentence_vectors @ background.vectors.T)
    description_sentences = _top_two(sentence_vectors @ background.description_vectors.T)
    bank_description_sentences = background.bank_mix @ description_sentences
    raw = w1 * bank_words + w2 * bank_description + w3 * bank_sentences + w4 * bank_description_sentences
    return np.asarray(raw, dtype=np.float32)


def _query_raw(background: _Background, query: _Query, answer_matrix: Vectors, sentence_vectors: Vectors) -> float:
    import numpy as np

    w1, w2, w3, w4 = _WEIGHTS
    words = _word_match(
        (background.word_matrix(query.words) @ answer_matrix.T).max(axis=1)
        if query.words
        else np.zeros(0, dtype=np.float32),
        query.weights,
    )
    description = _word_match(
        (background.word_matrix(query.description_words) @ answer_matrix.T).max(axis=1),
        query.description_weights,
    )
    sentences = float(_top_two((sentence_vectors @ query.vector)[:, None])[0])
    description_sentences = float(_top_two((sentence_vectors @ query.description_vector)[:, None])[0])
    return w1 * words + w2 * description + w3 * sentences + w4 * description_sentences


@lru_cache(maxsize=512)
def _query(question: str) -> _Query:
    return _background().query(question)


@lru_cache(maxsize=8)
def _answer_profile(sentences: tuple[str, ...]) -> tuple[Vectors, Vectors, Vectors]:
    """An answer's word vectors, sentence vectors and summed similarity to every bank question.

    Cached for a few answers: practice compares one answer with several questions in a row.
    """
    background = _background()
    answer_words = list(dict.fromkeys(w for s in sentences for w in content_words(s))) or ["nothing"]
    vectors = background.model.encode(list(sentences))
    matrix = background.word_matrix(answer_words)
    return matrix, vectors, _bank_raw(background, matrix, vectors)


def measure_relevance(question: str, sentences: Sequence[str]) -> Relevance | None:
    """How well the answer's sentences speak to the question; ``None`` without the embedding model."""
    import numpy as np

    if not sentences:
        return None
    try:
        background = _background()
    except EmbeddingUnavailable:
        return None
    query = _query(question.strip())
    answer_matrix, vectors, bank = _answer_profile(tuple(sentences))
    own = _query_raw(background, query, answer_matrix, vectors)
    # Compared with the bank questions about something else: the nearest ones (the asked question
    # itself, and near-duplicates such as another "improved a process" question) are left out.
    nearest = set(np.argsort(-(background.vectors @ query.vector))[:_LEFT_OUT].tolist())
    others = bank[[i for i in range(len(bank)) if i not in nearest]]
    share = float((others < own).mean()) if len(others) else 1.0
    fits = min(1.0, max(0.0, (share - _FLOOR) / (_CEILING - _FLOOR)))
    # How much of the answer is on the topic at all, so a short reply that ranks well by luck stays low.
    substance = min(1.0, max(0.0, (own - _RAW_NONE) / (_RAW_FULL - _RAW_NONE)))
    name = query.competency.split("+")[0]
    return Relevance(
        score=round(0.5 * fits + 0.5 * substance, 3),
        competency=query.competency,
        concept=background.competencies[name].concept,
        closest_sentence=int(np.argmax(vectors @ query.vector)),
        share_beaten=round(share, 3),
        raw=round(float(own), 4),
    )
