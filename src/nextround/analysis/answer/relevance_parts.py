"""The records relevance works with: the score it returns, a question as read against the bank, and an answer's
profile against every bank question (computed once per answer). Split from :mod:`.relevance` (session 10)."""

from __future__ import annotations

from dataclasses import dataclass

from nextround.analysis.vectors import Matrix


@dataclass(frozen=True)
class Relevance:
    score: float  # 0-1
    competency: str
    concept: str
    closest_sentence: int | None  # index of the sentence most on topic
    share_beaten: float  # share of bank questions the answer fits worse than this one
    raw: float  # the summed similarities before scaling
    # What a user's question far from every bank question asks, in its own words ("" otherwise): advice names
    # this rather than ``concept``, which it borrowed from bank questions about something else.
    own_topic: str = ""


@dataclass(frozen=True)
class _Query:
    words: tuple[str, ...]
    weights: tuple[float, ...]
    vector: list[float]
    mix: tuple[tuple[int, float], ...]  # the competency descriptions it weighs, and how much (sums to 1)
    competency: str
    guide: int  # the bank question whose good-answer note is read with this one
    offset: float  # the learned ranking's offset for a question that fits every answer a little
    primary: int  # the index of its first competency
    kind: str  # its question type
    others: tuple[int, ...]  # the bank questions about something else, that the answer is ranked against
    bank: int | None  # its index in the bank, if it is a bank question
    sources: tuple[int, ...]  # the bank questions whose exemplars speak for it (itself, for a bank question)
    own_topic: str = ""  # see Relevance.own_topic


@dataclass(frozen=True)
class _Profile:
    """What one answer looks like to the whole bank, computed once per answer."""

    sentence_vectors: Matrix
    words: Matrix  # the answer's content words, one row each
    best: list[float]  # for each vocabulary word, its closest similarity to any answer word
    bank_raw: list[float]  # the summed similarity to each bank question
    bank_ranked: list[float]  # the learned ranking score of each bank question (the sum without a model)
    similarities: tuple[list[float], ...]  # per SIMILARITIES, its value for each bank question
    whole: list[float]  # the whole answer's unit vector
    plan: float  # the share of its sentences that plan something
    per_competency: list[float]  # description-word match per competency
    description_sentences: list[float]  # top-two sentence similarity per competency description
    guides: list[float]  # note-word match plus top-two note-sentence similarity, per bank question
    anchors: list[float]  # top-two sentence similarity to each competency's anchors
    exemplars: tuple[list[float], ...]  # per EXEMPLAR_SIMILARITIES, its value for each bank question
    bank_exemplar_ranked: list[float] | None  # the ranking with exemplars, when the model has it
    exemplar_words: list[float]  # the match of each bank question's exemplar words to the answer's words
    bank_word_ranked: list[float] | None  # the ranking with exemplars and their words, when the model has it
    # The answer's similarity to each bank question's seen-answer centroid (relevance_corpus), when shipped.
    corpus: list[float] | None = None
