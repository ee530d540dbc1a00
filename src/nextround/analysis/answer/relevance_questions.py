"""How relevance reads a question against the bank: its content words and their rarity, its competencies (the
bank's own for a bank question, else those its nearest bank questions and the closest description and anchor vote
for), the bank questions it is ranked against and those whose note and exemplars speak for it. A part of the bank
background of :mod:`.relevance`, split from it by concern (session 14); the numbers are those of before."""

from __future__ import annotations

import heapq
import math
import re
from collections import Counter
from collections.abc import Sequence
from typing import Final

from nextround.analysis.answer.lexicon import Competency, lexicon
from nextround.analysis.answer.question_topic import own_topic
from nextround.analysis.answer.questions import classify_question
from nextround.analysis.answer.relevance_parts import _Query
from nextround.analysis.embedding import EmbeddingModel
from nextround.analysis.text import stem
from nextround.analysis.vectors import Matrix, argmax, dot_rows

_CONTENT_RE: Final = re.compile(r"[a-z][a-z'-]+")
# Bank questions nearest the asked one whose competencies describe it, and how many competencies to keep.
_NEIGHBOURS: Final = 3
_COMPETENCIES_KEPT: Final = 2
# A question outside the bank keeps a second competency only when its vote is this share of the first's.
_SECOND_VOTE: Final = 0.6
# The bank questions nearest the asked one in meaning, left out of its ranking (itself and near-duplicates).
_LEFT_OUT: Final = 12
# A question outside the bank borrows the exemplar similarities of this many bank questions nearest it.
_BORROWED: Final = 3
# A question outside the bank whose nearest bank question by content words is this similar or more keeps the
# borrowed concept in its advice; a farther one is named in its own words. Read on the seen splits' own questions:
# from 0.75 up (0.75-0.92, e.g. "learn a new system quickly", "disagreed with a colleague") the borrowed concept
# fits; at 0.72 and below it misleads about as often as it fits ("review someone else's code" -> serving a customer).
_NEAR_BANK: Final = 0.75


def content_words(text: str) -> list[str]:
    stop = lexicon().stopwords
    return [word for word in _CONTENT_RE.findall(text.lower()) if word not in stop]


class QuestionReader:
    """The question half of the bank background; the class using it sets the attributes below (the bank's questions,
    their competencies and embeddings, the competency descriptions and anchors, the ranking's offsets)."""

    model: EmbeddingModel
    vectors: Matrix
    content_vectors: Matrix
    description_vectors: Matrix
    content_anchor_vectors: Matrix
    anchor_rows: list[tuple[int, ...]]
    bank_index: dict[str, int]
    bank_competencies: list[list[str]]
    competencies: dict[str, Competency]
    competency_index: dict[str, int]
    kinds: list[str]
    offsets: list[float]
    mean_offset: float
    _frequency: Counter[str]
    _idf_total: int

    def idf(self, word: str) -> float:
        return math.log((self._idf_total + 1) / (self._frequency.get(stem(word), 0) + 1))

    def competency_of(self, vector: list[float], question: str = "", unseen: int | None = None) -> str:
        """The question's competencies, "+"-joined, strongest first: the bank's own for a bank question,
        else those of the bank questions nearest it in meaning (never bank question ``unseen``)."""
        exact = None if unseen is not None else self.bank_index.get(question.strip().lower())
        if exact is not None:
            named = [name for name in self.bank_competencies[exact] if name in self.competency_index]
            if named:
                return "+".join(named[:_COMPETENCIES_KEPT])
        # The description closest in meaning votes too, so a question unlike any in the bank still
        # finds its topic ("a very tight deadline" is about managing time).
        direct = dot_rows(self.description_vectors, vector)
        names = list(self.competency_index)
        votes: dict[str, float] = {names[argmax(direct)]: 2.0 * max(direct)}
        # So does the anchor closest to the question's content words: "how do you handle pressure at
        # work?" is about coping with pressure, whatever its bank neighbours are about.
        content = self.model.embed([" ".join(content_words(question)) or question]).row(0)
        to_anchors = dot_rows(self.content_anchor_vectors, content)
        anchored = [max([0.0, *(to_anchors[i] for i in rows)]) for rows in self.anchor_rows]
        best = argmax(anchored)
        votes[names[best]] = votes.get(names[best], 0.0) + 2.0 * anchored[best]
        # Bank neighbours by content words: whole questions are alike in form ("Tell me about a time you ...
        # at work"), which made "how do you handle pressure?" a neighbour of questions about stakeholders.
        similarity = _without(dot_rows(self.content_vectors, content), unseen)
        for index in _largest(similarity, _NEIGHBOURS):
            named = [name for name in self.bank_competencies[index] if name in self.competency_index]
            for name in named:
                votes[name] = votes.get(name, 0.0) + similarity[index] / len(named)
        ranked = sorted(votes, key=lambda name: -votes[name])
        kept = [name for name in ranked[:_COMPETENCIES_KEPT] if votes[name] >= _SECOND_VOTE * votes[ranked[0]]]
        return "+".join(kept) or "communication"

    def query(self, question: str, vector: list[float] | None = None, unseen: int | None = None) -> _Query:
        """The question as read against the bank. ``unseen``, a bank index, reads that bank question as if it
        were outside the bank (its own competencies, note and exemplars unknown): training learns how to rank
        the user's own questions from it (scripts/train_relevance.py)."""
        if vector is None:
            vector = self.model.embed([question]).row(0)
        competency = self.competency_of(vector, question, unseen)
        words = tuple(dict.fromkeys(content_words(question)))
        named = list(dict.fromkeys(self.competency_index[name] for name in competency.split("+")))
        exact = None if unseen is not None else self.bank_index.get(question.strip().lower())
        # The nearest bank questions (the asked one itself, and near-duplicates such as another "improved a
        # process" question) are left out of the ranking.
        similarity = dot_rows(self.vectors, vector)
        nearest = _largest(similarity, _LEFT_OUT)
        guide = _largest(_without(similarity, unseen), 1)[0]
        # A question outside the bank takes the bank's mean offset: the offsets of the bank questions nearest
        # it in wording say little about how well it fits unrelated answers (answers to such questions in the
        # seen splits ranked their own question above another 0.839 with them, 0.876 with the mean).
        offset = self.offsets[exact] if exact is not None else self.mean_offset
        left_out = set(nearest)
        topic = ""
        if exact is not None:
            sources: tuple[int, ...] = (exact,)
        else:
            # Nearest by content words, as for its competency: whole questions are alike in form, so "equipment
            # broke down at the worst moment" was nearest "a time you paid down technical debt". (Question-grouped
            # CV, answers to questions outside the bank: 0.847 without exemplars, 0.840 ranked without them
            # against a bank ranked with them, 0.854 borrowing the nearest whole question's, 0.850 these three's,
            # 0.825 those of every bank question of its competency; all answers 0.9270, 0.9273, 0.9256.)
            content = self.model.embed([" ".join(content_words(question)) or question]).row(0)
            to_bank = _without(dot_rows(self.content_vectors, content), unseen)
            sources = tuple(_largest(to_bank, _BORROWED))
            if to_bank[sources[0]] < _NEAR_BANK:
                topic = own_topic(question)
        return _Query(
            words=words,
            weights=tuple(self.idf(w) for w in words),
            vector=vector,
            mix=tuple((index, 1.0 / max(len(named), 1)) for index in named),
            competency=competency,
            guide=exact if exact is not None else guide,
            offset=offset,
            primary=named[0],
            kind=self.kinds[exact] if exact is not None else classify_question(question),
            others=tuple(i for i in range(self.vectors.rows) if i not in left_out),
            bank=exact,
            sources=sources,
            own_topic=topic,
        )


def _without(values: list[float], index: int | None) -> list[float]:
    """``values`` with the one at ``index`` (if any) put below every other."""
    if index is not None:
        values[index] = -math.inf
    return values


def _largest(values: Sequence[float], count: int) -> list[int]:
    """The indices of the ``count`` largest values, largest first."""
    return heapq.nlargest(count, range(len(values)), key=values.__getitem__)
