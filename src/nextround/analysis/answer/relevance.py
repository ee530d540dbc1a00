"""Relevance by meaning: does the answer speak to what the question asks?

The question is read together with a short description of its competency (``answer_competencies.toml``;
the competency is taken from the question bank's nearest questions) and with the bank's note on what a good
answer to it covers (its ``good_answer``; a question not in the bank borrows the note of the bank question
nearest in meaning). Six similarities, all from the packaged embedding model, are added up:

- each content word of the question, matched to the closest word of the answer (weighted by how rare the
  word is among bank questions, so "time" or "describe" count little and "deadline" a lot);
- the same for the words of the competency description, and for the words of the good-answer note;
- the two answer sentences closest to the question, to the description and to the note;
- the two answer sentences closest to the anchors of the question's first competency: answer-like sentences
  of what a story about it tells ("everything went wrong at once on the busiest day and we still delivered
  on time"), so a short answer in its own words is heard ("I led the night shift when our oven failed and
  we still delivered every order by six" is about pressure although it shares no word with the question).

Word-level matching is what lets "the boiler failed" answer "something went wrong". The sum is then put
on a 0-1 scale by comparing it with the same sum against every question of the bank: an answer that fits
its own question better than almost any other question scores near 1, one that fits other questions
better scores near 0. So the score means the same thing whatever the question. Some questions fit every
answer a little ("a project you saw through from start to finish"): half of how well they fit unrelated
answers on average (their hub level, ``answer_relevance_hubs.json``, rebuilt by
``scripts/build_relevance_hubs.py``) is taken off before answers are ranked, so they stop winning by default.
"""

from __future__ import annotations

import json
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
from nextround.analysis.text import stem

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

    Vectors = npt.NDArray[np.float32]
    Indices = npt.NDArray[np.int64]

# Weights of the six similarities: question words, description words, question sentences, description
# sentences, good-answer note words, note sentences (on the dev split the note lifts "own question above
# another" from 0.894 to 0.906).
_WEIGHTS: Final = (1.0, 0.5, 1.0, 0.5, 0.5, 0.5)
# Weight of the competency anchors (for the question's first competency: with both, a friendly reply about
# colleagues fitted "resilience+communication"), and the share of a question's hub level taken off before
# ranking. On the seen splits, own question above another: dev 0.895 -> 0.909, test2 0.874 -> 0.882.
_ANCHOR_WEIGHT: Final = 1.0
_HUB_SHARE: Final = 0.5
HUBS_FILE: Final = "answer_relevance_hubs.json"
_CONTENT_RE: Final = re.compile(r"[a-z][a-z'-]+")
# Bank questions nearest the asked one whose competencies describe it, and how many competencies to keep.
_NEIGHBOURS: Final = 3
_COMPETENCIES_KEPT: Final = 2
# A question outside the bank keeps a second competency only when its vote is this share of the first's.
_SECOND_VOTE: Final = 0.6
# Share of bank questions an answer must fit worse than its own for relevance to start above 0, and
# the share at which it reaches 1.
_FLOOR: Final = 0.5
_CEILING: Final = 0.95
_LEFT_OUT: Final = 12
# The summed similarity below which an answer says nothing on topic, and from which it says enough
# (set for the four similarities of the first version, scaled to the weights' sum).
_RAW_NONE: Final = 0.3 / 3.0 * sum(_WEIGHTS) + 0.1 * _ANCHOR_WEIGHT
_RAW_FULL: Final = 0.6 / 3.0 * sum(_WEIGHTS) + 0.3 * _ANCHOR_WEIGHT
# The share of bank questions beaten also enters the score directly with this weight: it never saturates,
# so two questions that both reach full marks on the clipped parts are still told apart.
_SHARE_WEIGHT: Final = 0.1


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
    vector: Vectors
    mix: Vectors  # weight of each competency description (sums to 1)
    competency: str
    guide: int  # the bank question whose good-answer note is read with this one
    hub: float  # how well this question fits unrelated answers on average
    primary: int  # the index of its first competency
    others: Indices  # the bank questions about something else, that the answer is ranked against


@dataclass(frozen=True)
class _Profile:
    """What one answer looks like to the whole bank, computed once per answer."""

    sentence_vectors: Vectors
    words: Vectors  # the answer's content words, one row each
    best: Vectors  # for each vocabulary word, its closest similarity to any answer word
    bank_raw: Vectors  # the summed similarity to each bank question
    per_competency: Vectors  # description-word match per competency
    description_sentences: Vectors  # top-two sentence similarity per competency description
    guides: Vectors  # note-word match plus top-two note-sentence similarity, per bank question
    anchors: Vectors  # top-two sentence similarity to each competency's anchors


class _Background:
    """The bank's questions and the competency descriptions, embedded once per process.

    Their words form one vocabulary, so a single matrix product scores an answer's words against every
    bank question and every description.
    """

    def __init__(self, model: EmbeddingModel) -> None:
        import numpy as np

        self.model = model
        with files("nextround.data").joinpath("questions.toml").open("rb") as handle:
            bank = tomllib.load(handle)["question"]
        self.texts: list[str] = [str(entry["text"]) for entry in bank]
        self.ids: list[str] = [str(entry["id"]) for entry in bank]
        self.bank_competencies: list[list[str]] = [list(entry.get("competencies", [])) for entry in bank]
        guide_texts = [str(entry.get("good_answer") or entry["text"]) for entry in bank]
        documents = [set(content_words(text)) for text in self.texts]
        # Counted by stem, so "worked" is as common as "work" and "time": rare forms of common words
        # weighed as much as "deadline" and let "in my free time" answer a question about working under pressure.
        self._frequency = Counter(root for document in documents for root in {stem(word) for word in document})
        self._idf_total = len(documents)
        self.vectors = model.encode(self.texts)
        self.bank_index = {text.strip().lower(): i for i, text in enumerate(self.texts)}
        self.competencies = {c.name: c for c in competencies()}
        names = list(self.competencies)
        self.competency_index = {name: i for i, name in enumerate(names)}
        self.description_vectors = model.encode([self.competencies[n].description for n in names])
        anchors = [(row, text) for row, n in enumerate(names) for text in self.competencies[n].anchors]
        self.anchor_vectors = model.encode([text for _, text in anchors])
        self.content_anchor_vectors = model.encode([" ".join(content_words(text)) for _, text in anchors])
        self.content_vectors = model.encode([" ".join(content_words(text)) or text for text in self.texts])
        # One column per competency, marking its anchors: a max over its rows picks the closest anchor.
        self.anchor_owner = np.zeros((len(anchors), len(names)), dtype=np.float32)
        for column, (row, _) in enumerate(anchors):
            self.anchor_owner[column, row] = 1.0
        self.hubs = _read_hubs(self.ids)
        self.queries = [self.query(text, self.vectors[i]) for i, text in enumerate(self.texts)]
        description_words = [list(dict.fromkeys(content_words(self.competencies[n].description))) for n in names]
        guide_words = [list(dict.fromkeys(content_words(text))) or ["nothing"] for text in guide_texts]
        self.guide_vectors = model.encode(guide_texts)
        vocabulary = list(
            dict.fromkeys(
                [w for q in self.queries for w in q.words]
                + [w for ws in description_words for w in ws]
                + [w for ws in guide_words for w in ws]
            )
        )
        self.vocabulary = {word: i for i, word in enumerate(vocabulary)}
        self.vocabulary_vectors = model.encode(vocabulary)
        self.bank_word_index = np.array([self.vocabulary[w] for q in self.queries for w in q.words], dtype=np.int64)
        self.bank_word_weights = np.concatenate([q.weights for q in self.queries]).astype(np.float32)
        self.bank_offsets = np.cumsum([0] + [len(q.words) for q in self.queries[:-1]])
        self.description_word_index = np.array(
            [self.vocabulary[w] for ws in description_words for w in ws], dtype=np.int64
        )
        self.description_word_weights = np.array([self.idf(w) for ws in description_words for w in ws], np.float32)
        self.description_offsets = np.cumsum([0] + [len(ws) for ws in description_words[:-1]])
        self.guide_word_index = np.array([self.vocabulary[w] for ws in guide_words for w in ws], dtype=np.int64)
        self.guide_word_weights = np.array([self.idf(w) for ws in guide_words for w in ws], np.float32)
        self.guide_offsets = np.cumsum([0] + [len(ws) for ws in guide_words[:-1]])
        self.bank_mix = np.array([q.mix for q in self.queries], dtype=np.float32)
        # The anchors count for the question's best-fitting competency: a story about pressure answers
        # "resilience+communication" although it explains nothing.
        self.bank_primary = np.array([q.primary for q in self.queries], dtype=np.int64)

    def idf(self, word: str) -> float:
        return math.log((self._idf_total + 1) / (self._frequency.get(stem(word), 0) + 1))

    def competency_of(self, vector: Vectors, question: str = "") -> str:
        """The question's competencies, "+"-joined, strongest first: the bank's own for a bank question,
        else those of the bank questions nearest it in meaning."""
        import numpy as np

        exact = self.bank_index.get(question.strip().lower())
        if exact is not None:
            named = [name for name in self.bank_competencies[exact] if name in self.competency_index]
            if named:
                return "+".join(named[:_COMPETENCIES_KEPT])
        # The description closest in meaning votes too, so a question unlike any in the bank still
        # finds its topic ("a very tight deadline" is about managing time).
        direct = self.description_vectors @ vector
        names = list(self.competency_index)
        votes: dict[str, float] = {names[int(np.argmax(direct))]: 2.0 * float(direct.max())}
        # So does the anchor closest to the question's content words: "how do you handle pressure at
        # work?" is about coping with pressure, whatever its bank neighbours are about.
        content = self.model.encode([" ".join(content_words(question)) or question])[0]
        anchored = (self.anchor_owner * (self.content_anchor_vectors @ content)[:, None]).max(axis=0)
        best = int(np.argmax(anchored))
        votes[names[best]] = votes.get(names[best], 0.0) + 2.0 * float(anchored[best])
        # Bank neighbours by content words: whole questions are alike in form ("Tell me about a time you ...
        # at work"), which made "how do you handle pressure?" a neighbour of questions about stakeholders.
        similarity = self.content_vectors @ content
        for index in np.argsort(-similarity)[:_NEIGHBOURS]:
            named = [name for name in self.bank_competencies[int(index)] if name in self.competency_index]
            for name in named:
                votes[name] = votes.get(name, 0.0) + float(similarity[index]) / len(named)
        ranked = sorted(votes, key=lambda name: -votes[name])
        kept = [name for name in ranked[:_COMPETENCIES_KEPT] if votes[name] >= _SECOND_VOTE * votes[ranked[0]]]
        return "+".join(kept) or "communication"

    def query(self, question: str, vector: Vectors | None = None) -> _Query:
        import numpy as np

        if vector is None:
            vector = self.model.encode([question])[0]
        competency = self.competency_of(vector, question)
        words = tuple(dict.fromkeys(content_words(question)))
        mix = np.zeros(len(self.competency_index), dtype=np.float32)
        for name in competency.split("+"):
            mix[self.competency_index[name]] = 1.0
        exact = self.bank_index.get(question.strip().lower())
        # The nearest bank questions (the asked one itself, and near-duplicates such as another "improved a
        # process" question) are left out of the ranking.
        similarity = self.vectors @ vector
        nearest = np.argsort(-similarity)[:_LEFT_OUT]
        if exact is not None:
            hub = float(self.hubs[exact])
        else:
            # A question outside the bank takes the hub level of the bank questions nearest it in meaning.
            close = nearest[:_NEIGHBOURS]
            weights = np.clip(similarity[close], 0.0, None)
            hub = float(weights @ self.hubs[close] / weights.sum()) if weights.sum() > 0 else 0.0
        return _Query(
            words=words,
            weights=np.array([self.idf(w) for w in words], dtype=np.float32),
            vector=vector,
            mix=mix / max(float(mix.sum()), 1.0),
            competency=competency,
            guide=exact if exact is not None else int(nearest[0]),
            hub=hub,
            primary=self.competency_index[competency.split("+")[0]],
            others=np.setdiff1d(np.arange(len(self.vectors)), nearest),
        )

    def profile(self, sentences: Sequence[str], sentence_vectors: Vectors) -> _Profile:
        import numpy as np

        answer_words = list(dict.fromkeys(w for s in sentences for w in content_words(s))) or ["nothing"]
        words = self.model.encode(answer_words)
        best = (self.vocabulary_vectors @ words.T).max(axis=1)
        w1, w2, w3, w4, w5, w6 = _WEIGHTS
        bank_words = _segment_means(best[self.bank_word_index], self.bank_word_weights, self.bank_offsets)
        per_competency = _segment_means(
            best[self.description_word_index], self.description_word_weights, self.description_offsets
        )
        bank_sentences = _top_two(sentence_vectors @ self.vectors.T)
        description_sentences = _top_two(sentence_vectors @ self.description_vectors.T)
        anchors = self.anchor_fit(sentence_vectors)
        guides = w5 * _segment_means(
            best[self.guide_word_index], self.guide_word_weights, self.guide_offsets
        ) + w6 * _top_two(sentence_vectors @ self.guide_vectors.T)
        bank_raw = (
            w1 * bank_words
            + w2 * (self.bank_mix @ per_competency)
            + w3 * bank_sentences
            + w4 * (self.bank_mix @ description_sentences)
            + guides
            + _ANCHOR_WEIGHT * anchors[self.bank_primary]
        )
        return _Profile(
            sentence_vectors=sentence_vectors,
            words=words,
            best=best,
            bank_raw=np.asarray(bank_raw, dtype=np.float32),
            per_competency=per_competency,
            description_sentences=description_sentences,
            guides=np.asarray(guides, dtype=np.float32),
            anchors=anchors,
        )

    def anchor_fit(self, sentence_vectors: Vectors) -> Vectors:
        """Per competency, the mean of the two answer sentences' best similarity to any of its anchors."""
        import numpy as np

        similarity = sentence_vectors @ self.anchor_vectors.T  # sentences x anchors
        # Anchors that are not the competency's are pushed below any cosine before the max.
        masked = similarity[:, :, None] * self.anchor_owner[None, :, :] - 2.0 * (1.0 - self.anchor_owner[None, :, :])
        return _top_two(np.asarray(masked.max(axis=1), dtype=np.float32))

    def raw(self, query: _Query, profile: _Profile) -> float:
        """The summed similarity of one answer to one question, on the same terms as the bank's."""
        import numpy as np

        w1, w2, w3, w4, _, _ = _WEIGHTS
        known = [self.vocabulary.get(word) for word in query.words]
        best = np.array([profile.best[i] if i is not None else 0.0 for i in known], dtype=np.float32)
        unknown = [row for row, i in enumerate(known) if i is None]
        if unknown:
            vectors = self.model.encode([query.words[row] for row in unknown])
            best[unknown] = (vectors @ profile.words.T).max(axis=1)
        total = float(query.weights.sum())
        words = float((best * query.weights).sum() / total) if total > 0 else 0.0
        sentences = float(_top_two((profile.sentence_vectors @ query.vector)[:, None])[0])
        return (
            w1 * words
            + w2 * float(query.mix @ profile.per_competency)
            + w3 * sentences
            + w4 * float(query.mix @ profile.description_sentences)
            + float(profile.guides[query.guide])
            + _ANCHOR_WEIGHT * float(profile.anchors[query.primary])
        )


def _segment_means(values: Vectors, weights: Vectors, offsets: Indices) -> Vectors:
    """Weighted mean of ``values`` within each segment starting at ``offsets``."""
    import numpy as np

    sums = np.add.reduceat(values * weights, offsets)
    totals = np.add.reduceat(weights, offsets)
    return np.asarray(np.divide(sums, totals, out=np.zeros_like(sums), where=totals > 0), dtype=np.float32)


def _read_hubs(ids: Sequence[str]) -> Vectors:
    """Each bank question's hub level from the shipped file; 0 for a question it does not list."""
    import numpy as np

    resource = files("nextround.data").joinpath(HUBS_FILE)
    listed: dict[str, float] = json.loads(resource.read_text(encoding="utf-8"))["hubs"] if resource.is_file() else {}
    return np.array([float(listed.get(ident, 0.0)) for ident in ids], dtype=np.float32)


@lru_cache(maxsize=1)
def _background() -> _Background:
    return _Background(load_model())


def _top_two(similarities: Vectors) -> Vectors:
    """Mean of the two highest values in each column (or the only one)."""
    import numpy as np

    rows = similarities.shape[0]
    if rows == 1:
        return np.asarray(similarities[0], dtype=np.float32)
    top = similarities if rows == 2 else np.partition(similarities, rows - 2, axis=0)[-2:]
    return np.asarray(top.mean(axis=0), dtype=np.float32)


@lru_cache(maxsize=512)
def _query(question: str) -> _Query:
    return _background().query(question)


@lru_cache(maxsize=8)
def _cached_profile(sentences: tuple[str, ...]) -> _Profile:
    """Cached for a few answers: practice and evaluation compare one answer with several questions."""
    background = _background()
    return background.profile(sentences, background.model.encode(list(sentences)))


def measure_relevance(
    question: str, sentences: Sequence[str], sentence_vectors: Vectors | None = None
) -> Relevance | None:
    """How well the answer's sentences speak to the question; ``None`` without the embedding model.

    ``sentence_vectors`` are the sentences' embeddings when the caller has them already.
    """
    import numpy as np

    if not sentences:
        return None
    try:
        background = _background()
    except EmbeddingUnavailable:
        return None
    query = _query(question.strip())
    if sentence_vectors is None:
        profile = _cached_profile(tuple(sentences))
    else:
        profile = background.profile(sentences, sentence_vectors)
    own = background.raw(query, profile)
    # Compared with the bank questions about something else, each less its hub level.
    others = profile.bank_raw[query.others] - _HUB_SHARE * background.hubs[query.others]
    share = float((others < own - _HUB_SHARE * query.hub).mean()) if len(others) else 1.0
    fits = min(1.0, max(0.0, (share - _FLOOR) / (_CEILING - _FLOOR)))
    # How much of the answer is on the topic at all, so a short reply that ranks well by luck stays low.
    substance = min(1.0, max(0.0, (own - _RAW_NONE) / (_RAW_FULL - _RAW_NONE)))
    name = query.competency.split("+")[0]
    return Relevance(
        score=round((1 - _SHARE_WEIGHT) * (0.5 * fits + 0.5 * substance) + _SHARE_WEIGHT * share, 3),
        competency=query.competency,
        concept=background.competencies[name].concept,
        closest_sentence=int(np.argmax(profile.sentence_vectors @ query.vector)),
        share_beaten=round(share, 3),
        raw=round(own, 4),
    )
