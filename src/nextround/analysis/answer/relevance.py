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

Word-level matching is what lets "the boiler failed" answer "something went wrong". The question is
then ranked among the bank's questions for this answer: an answer that fits its own question better than
almost any other question scores near 1, one that fits other questions better scores near 0, so the score
means the same thing whatever the question. The ranking weighs the similarities above and a few more (the
question's focus words, the whole answer, whether an answer plans for a "what would you do"
question) by weights learned on the seen answer corpus, and takes off each question's offset for fitting
every answer a little (:mod:`.relevance_model`). Every bank question also has three written example answers
(``data/exemplars/``, embedded once by ``scripts/build_exemplars.py`` into ``answer_exemplars.npz``): how near
the answer is to them, and how much nearer than to the exemplars of the questions most like it, is weighed
too, so two questions of one competency are told apart; a question outside the bank borrows the exemplars
of the bank questions nearest it, and is weighed by a ranking of its own, learned on bank questions read as if
they were outside the bank (session 11). How much of the answer is on topic at all is the learned score less the
question's offset (the plain sum of the similarities when the learned weights are missing).
"""

from __future__ import annotations

import operator
import threading
import tomllib
from array import array
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache
from importlib.resources import files

from nextround.analysis.answer.asked_questions import invites_questions
from nextround.analysis.answer.lexicon import competencies
from nextround.analysis.answer.questions import classify_question
from nextround.analysis.answer.relevance_corpus import corpus_centroids, corpus_standout, with_corpus_standout
from nextround.analysis.answer.relevance_exemplars import ExemplarBank
from nextround.analysis.answer.relevance_model import (
    RelevanceModel,
    asked_factor,
    cue_features,
    plan_share,
    relevance_model,
    tells_episode,
    with_motive,
)
from nextround.analysis.answer.relevance_parts import Relevance, _Profile, _Query
from nextround.analysis.answer.relevance_questions import QuestionReader, content_words
from nextround.analysis.answer.relevance_score import (
    _ANCHOR_WEIGHT,
    _WEIGHTS,
    combine,
    topic_weight,
    with_answer_shape,
    with_topic_words,
)
from nextround.analysis.embedding import EmbeddingModel, EmbeddingUnavailable, load_model
from nextround.analysis.text import stem
from nextround.analysis.vectors import (
    Matrix,
    argmax,
    best_match,
    dot,
    dot_rows,
    packed_maxima,
    packed_row,
    product_rows,
    top_two_match,
    top_two_mean,
    unit,
)

_KEPT_WORDS = 4096  # answer words whose products with the vocabulary are kept (26 MB)


class _Background(ExemplarBank, QuestionReader):
    """The bank's questions and the competency descriptions, embedded once per process.

    Their words form one vocabulary, so a single matrix product scores an answer's words against every
    bank question and every description.
    """

    def __init__(self, model: EmbeddingModel) -> None:
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
        self.vectors = model.embed(self.texts)
        self.bank_index = {text.strip().lower(): i for i, text in enumerate(self.texts)}
        self.competencies = {c.name: c for c in competencies()}
        names = list(self.competencies)
        self.competency_index = {name: i for i, name in enumerate(names)}
        self.description_vectors = model.embed([self.competencies[n].description for n in names])
        anchors = [(row, text) for row, n in enumerate(names) for text in self.competencies[n].anchors]
        self.anchor_vectors = model.embed([text for _, text in anchors])
        self.content_anchor_vectors = model.embed([" ".join(content_words(text)) for _, text in anchors])
        self.content_vectors = model.embed([" ".join(content_words(text)) or text for text in self.texts])
        # Each competency's anchors (rows of anchor_vectors): the closest of them speaks for it.
        self.anchor_rows = [tuple(i for i, (row, _) in enumerate(anchors) if row == c) for c in range(len(names))]
        self.kinds = [classify_question(text) for text in self.texts]
        self.ranking: RelevanceModel | None = relevance_model()
        self.offsets = [self.ranking.offsets.get(ident, 0.0) if self.ranking else 0.0 for ident in self.ids]
        self.mean_offset = sum(self.offsets) / len(self.offsets) if self.offsets else 0.0
        self._load_exemplars()
        self.corpus = corpus_centroids(tuple(self.ids))
        self.queries = [self.query(text, self.vectors.row(i)) for i, text in enumerate(self.texts)]
        # Bank questions share few competency mixes: their competency terms are worked out once per mix.
        self.mixes = list(dict.fromkeys(query.mix for query in self.queries))
        self.mix_of = [self.mixes.index(query.mix) for query in self.queries]
        self.mix_parts = [(tuple(index for index, _ in mix), tuple(weight for _, weight in mix)) for mix in self.mixes]
        description_words = [list(dict.fromkeys(content_words(self.competencies[n].description))) for n in names]
        guide_words = [list(dict.fromkeys(content_words(text))) or ["nothing"] for text in guide_texts]
        self.guide_vectors = model.embed(guide_texts)
        vocabulary = list(
            dict.fromkeys(
                [w for q in self.queries for w in q.words]
                + [w for ws in description_words for w in ws]
                + [w for ws in guide_words for w in ws]
            )
        )
        # The exemplar words count in the form the vocabulary has (by stem), and only those it has: the words of
        # the bank's questions, descriptions and notes (with every exemplar word, 451 more words to match, 30%
        # more time, for the same leave-one-writer-out figure: 0.9410 against 0.9407).
        by_stem: dict[str, str] = {}
        for word in vocabulary:
            by_stem.setdefault(stem(word), word)
        keywords: list[tuple[list[str], list[float]]] = []
        for words, weights in self.keywords:
            kept = [(by_stem[stem(w)], weight) for w, weight in zip(words, weights, strict=True) if stem(w) in by_stem]
            keywords.append(([w for w, _ in kept], [weight for _, weight in kept]))
        self.keywords = keywords
        self.vocabulary = {word: i for i, word in enumerate(vocabulary)}
        self.vocabulary_vectors = model.embed(vocabulary)
        # Per answer word, its similarity to every vocabulary word: answers share most of their words, and
        # the products are the same whichever answer asks (6 KB a word).
        self._word_products: dict[str, int | array[float]] = {}
        self._keeping = threading.Lock()
        # Each bank question's words, each description's and each note's, as weights over the vocabulary:
        # one product with an answer's best match per vocabulary word gives all their weighted means.
        # Last, the bank questions' words weighted by the square of their rarity (their focus words).
        segments = [
            *((q.words, q.weights) for q in self.queries),
            *((ws, [self.idf(w) for w in ws]) for ws in description_words),
            *((ws, [self.idf(w) for w in ws]) for ws in guide_words),
            *((q.words, [w * w for w in q.weights]) for q in self.queries),
            *self.keywords,
        ]
        self.segment_weights = Matrix.from_rows((self._spread(*segment) for segment in segments), len(vocabulary))
        first, second = len(self.queries), len(self.queries) + len(description_words)
        third = second + len(guide_words)
        self.segment_ends = (first, second, third, third + len(self.queries))
        # The anchors count for the question's best-fitting competency: a story about pressure answers
        # "resilience+communication" although it explains nothing.
        self.bank_primary = [q.primary for q in self.queries]

    def _spread(self, words: Sequence[str], weights: Sequence[float]) -> list[float]:
        """Weights over the whole vocabulary that sum to 1 (all zero for words without weight)."""
        row = [0.0] * len(self.vocabulary)
        total = sum(weights)
        if total > 0:
            for word, weight in zip(words, weights, strict=True):
                row[self.vocabulary[word]] += weight / total
        return row

    def profile(self, sentences: Sequence[str], sentence_vectors: Matrix) -> _Profile:
        answer_words = list(dict.fromkeys(w for s in sentences for w in content_words(s))) or ["nothing"]
        words = self.model.embed(answer_words)
        best = self._best_match(answer_words, words)
        w1, w2, w3, w4, w5, w6 = _WEIGHTS
        means = dot_rows(self.segment_weights, best)
        first, second, third, fourth = self.segment_ends
        bank_words, per_competency = means[:first], means[first:second]
        note_words, bank_focus, bank_keywords = means[second:third], means[third:fourth], means[fourth:]
        bank_sentences = top_two_match(self.vectors, sentence_vectors)
        whole = unit([sum(column) / len(column) for column in zip(*sentence_vectors.tolist(), strict=True)])
        bank_whole = dot_rows(self.vectors, whole)
        description_sentences = top_two_match(self.description_vectors, sentence_vectors)
        anchors = self.anchor_fit(sentence_vectors)
        note_sentences = top_two_match(self.guide_vectors, sentence_vectors)
        guides = [w5 * a + w6 * b for a, b in zip(note_words, note_sentences, strict=True)]
        mix_words = [_mixed_parts(indices, weights, per_competency) for indices, weights in self.mix_parts]
        mix_sentences = [_mixed_parts(indices, weights, description_sentences) for indices, weights in self.mix_parts]
        bank_mix_words = [mix_words[m] for m in self.mix_of]
        bank_mix_sentences = [mix_sentences[m] for m in self.mix_of]
        bank_anchors = [anchors[p] for p in self.bank_primary]
        bank_raw = [
            w1 * a + w2 * b + w3 * c + w4 * d + g + _ANCHOR_WEIGHT * e
            for a, b, c, d, g, e in zip(
                bank_words, bank_mix_words, bank_sentences, bank_mix_sentences, guides, bank_anchors, strict=True
            )
        ]
        similarities = (
            bank_words,
            bank_mix_words,
            bank_sentences,
            bank_mix_sentences,
            list(note_words),
            note_sentences,
            bank_anchors,
            bank_focus,
            bank_whole,
        )
        plan = plan_share(sentences)
        exemplars = self.exemplar_fit(sentence_vectors, whole)
        exemplar_words = self.exemplar_words(bank_keywords)
        exemplar_ranked = word_ranked = None
        if self.ranking is None:
            ranked = bank_raw
        else:
            weights = self.ranking.similarity_weights()
            ranked = self._rank(weights, self.ranking.cue_score(plan, "situational"), self.offsets, similarities)
            if self.exemplar_ranking:
                # EXEMPLAR_FEATURES: the similarities, the plan cue, then the exemplar similarities.
                count, exemplar_weights = len(weights), self.ranking.exemplar_weights
                columns = (*similarities, *exemplars)
                exemplar_ranked = self._rank(
                    (*exemplar_weights[:count], *exemplar_weights[count + 1 :]),
                    exemplar_weights[count] * plan,
                    self.exemplar_offsets,
                    columns,
                )
            if self.word_ranking:
                # WORD_FEATURES: EXEMPLAR_FEATURES, then the exemplar words.
                count, word_weights = len(weights), self.ranking.word_weights
                word_ranked = self._rank(
                    (*word_weights[:count], *word_weights[count + 1 :]),
                    word_weights[count] * plan,
                    self.word_offsets,
                    (*similarities, *exemplars, exemplar_words),
                )
        return _Profile(
            sentence_vectors=sentence_vectors,
            words=words,
            best=best,
            bank_raw=bank_raw,
            bank_ranked=ranked,
            similarities=similarities,
            whole=whole,
            plan=plan,
            per_competency=per_competency,
            description_sentences=description_sentences,
            guides=guides,
            anchors=anchors,
            exemplars=exemplars,
            bank_exemplar_ranked=exemplar_ranked,
            exemplar_words=exemplar_words,
            bank_word_ranked=word_ranked,
            corpus=self.corpus.similarities(whole) if self.corpus is not None else None,
        )

    def _best_match(self, answer_words: Sequence[str], words: Matrix) -> list[float]:
        """``best_match(self.vocabulary_vectors, words)``, from each word's kept products with the vocabulary."""
        kept = self._word_products
        rows = [kept.get(word) for word in answer_words]
        todo = [index for index, row in enumerate(rows) if row is None]
        if todo:
            computed = product_rows(words.take(todo), self.vocabulary_vectors)
            with self._keeping:
                for index, row in zip(todo, computed, strict=True):
                    # Kept packed for packed_maxima; as the numbers in the rare row it cannot pack (a 0).
                    rows[index] = packed = packed_row(row)
                    if packed is None:
                        rows[index] = row
                    if len(kept) >= _KEPT_WORDS:
                        del kept[next(iter(kept))]  # the oldest
                    kept[answer_words[index]] = rows[index]  # type: ignore[assignment]
        count = len(self.vocabulary)
        packed_rows = [row for row in rows if isinstance(row, int)]
        if len(packed_rows) == len(rows):
            return packed_maxima(packed_rows, count)
        numbers = [row if not isinstance(row, int) else array("f", packed_maxima([row], count)) for row in rows]
        if len(numbers) == 1:
            return list(numbers[0])  # type: ignore[arg-type]
        return list(map(max, *numbers))  # type: ignore[arg-type]

    def _rank(
        self,
        weights: Sequence[float],
        situational: float,
        offsets: Sequence[float],
        columns: Sequence[Sequence[float]],
    ) -> list[float]:
        """Each bank question's learned score: the weighed columns, the plan cue (``situational`` for a
        "what would you do" question, nothing for others) and its offset."""
        # Column by column: a list comprehension per similarity is several times faster than a sum per row.
        ranked = [
            (situational if kind == "situational" else 0.0) + offset
            for kind, offset in zip(self.kinds, offsets, strict=True)
        ]
        if len(weights) != len(columns):
            raise ValueError(f"{len(weights)} weights for {len(columns)} columns")
        # Six columns a pass, then three: the same additions in the same order, fewer lists.
        pairs = list(zip(weights, columns, strict=True))
        six = len(pairs) - len(pairs) % 6
        for (w1, c1), (w2, c2), (w3, c3), (w4, c4), (w5, c5), (w6, c6) in zip(
            *(pairs[start:six:6] for start in range(6)), strict=True
        ):
            ranked = [
                t + w1 * a + w2 * b + w3 * c + w4 * d + w5 * e + w6 * f
                for t, a, b, c, d, e, f in zip(ranked, c1, c2, c3, c4, c5, c6, strict=True)
            ]
        pairs = pairs[six:]
        whole = len(pairs) - len(pairs) % 3
        for (w1, c1), (w2, c2), (w3, c3) in zip(pairs[0:whole:3], pairs[1:whole:3], pairs[2:whole:3], strict=True):
            ranked = [t + w1 * a + w2 * b + w3 * c for t, a, b, c in zip(ranked, c1, c2, c3, strict=True)]
        for weight, values in pairs[whole:]:
            ranked = [total + weight * value for total, value in zip(ranked, values, strict=True)]
        return ranked

    def anchor_fit(self, sentence_vectors: Matrix) -> list[float]:
        """Per competency, the mean of the two answer sentences' best similarity to any of its anchors."""
        # Anchors x sentences (the same products either way round): a competency's best anchor per sentence is the
        # column maximum of its anchors' rows, compared in the same order as a maximum over each sentence's row.
        similarity = dot(self.anchor_vectors, sentence_vectors)
        count = sentence_vectors.rows
        fits = []
        for rows in self.anchor_rows:
            if len(rows) > 1:
                best = list(map(max, *(similarity[row] for row in rows)))
            else:  # one anchor; none sits below any cosine
                best = list(similarity[rows[0]]) if rows else [-2.0] * count
            fits.append(top_two_mean(best))
        return fits

    def similarities(self, query: _Query, profile: _Profile) -> list[float]:
        """The similarities of one answer to one question (SIMILARITIES), on the same terms as the bank's."""
        known = [self.vocabulary.get(word) for word in query.words]
        best = [profile.best[i] if i is not None else 0.0 for i in known]
        unknown = [row for row, i in enumerate(known) if i is None]
        if unknown:
            found = best_match(self.model.embed([query.words[row] for row in unknown]), profile.words)
            for row, value in zip(unknown, found, strict=True):
                best[row] = value
        total = sum(query.weights)
        words = sum(b * w for b, w in zip(best, query.weights, strict=True)) / total if total > 0 else 0.0
        squares = sum(w * w for w in query.weights)
        focus = sum(b * w * w for b, w in zip(best, query.weights, strict=True)) / squares if squares > 0 else 0.0
        return [
            words,
            _mixed(query.mix, profile.per_competency),
            top_two_mean(dot_rows(profile.sentence_vectors, query.vector)),
            _mixed(query.mix, profile.description_sentences),
            profile.similarities[4][query.guide],
            profile.similarities[5][query.guide],
            profile.anchors[query.primary],
            focus,
            sum(a * b for a, b in zip(query.vector, profile.whole, strict=True)),
        ]

    def raw(self, values: Sequence[float]) -> float:
        """The plain sum of the first six similarities and the anchors: how much of the answer is on topic."""
        w1, w2, w3, w4, w5, w6 = _WEIGHTS
        words, mix_words, sentences, mix_sentences, note_words, note_sentences, anchors = values[:7]
        return (
            w1 * words
            + w2 * mix_words
            + w3 * sentences
            + w4 * mix_sentences
            + w5 * note_words
            + w6 * note_sentences
            + _ANCHOR_WEIGHT * anchors
        )

    def ranked(self, query: _Query, profile: _Profile, values: Sequence[float]) -> float:
        """The question's learned ranking score for this answer, on the same terms as the bank's."""
        if self.ranking is None:
            return self.raw(values)
        weights = self.ranking.similarity_weights()
        return (
            sum(w * v for w, v in zip(weights, values, strict=True))
            + self.ranking.cue_score(profile.plan, query.kind)
            + query.offset
        )

    def ranked_with_exemplars(self, query: _Query, profile: _Profile, values: Sequence[float]) -> float | None:
        """The question's score by the ranking with exemplars, or ``None`` without them (a model or file
        without exemplars). A question outside the bank borrows the mean exemplar similarities of the bank
        questions nearest it (``_Query.sources``) and is weighed by its own ranking (the bank's with its mean
        offset in a model without one)."""
        if profile.bank_exemplar_ranked is None or self.ranking is None:
            return None
        if not all(self.has_exemplars[i] for i in query.sources):
            return None
        offset = self.exemplar_offsets[query.bank] if query.bank is not None else self.outside_offset()
        borrowed = [sum(c[i] for i in query.sources) / len(query.sources) for c in profile.exemplars]
        features = [*values, *cue_features(profile.plan, query.kind), *borrowed]
        weights = self.ranking.exemplar_weights
        if query.bank is None and self.ranking.outside_weights:
            weights = self.ranking.outside_weights
        return sum(w * v for w, v in zip(weights, features, strict=True)) + offset

    def outside_offset(self) -> float:
        """The offset of a question outside the bank: its own ranking's constant, else the bank's mean."""
        if self.ranking is not None and self.ranking.outside_weights:
            return self.ranking.outside_constant
        return self.exemplar_mean_offset

    def features(self, query: _Query, profile: _Profile) -> list[float]:
        """Every feature of the learned ranking for one question (training reads these)."""
        return [*self.similarities(query, profile), *cue_features(profile.plan, query.kind)]

    def bank_features(self, profile: _Profile) -> list[list[float]]:
        """Every feature of the learned ranking for each bank question (training reads these)."""
        return [
            [*column, *cue_features(profile.plan, kind)]
            for column, kind in zip(zip(*profile.similarities, strict=True), self.kinds, strict=True)
        ]


def _mixed(mix: Sequence[tuple[int, float]], values: Sequence[float]) -> float:
    return sum(weight * values[index] for index, weight in mix)


def _mixed_parts(indices: Sequence[int], weights: Sequence[float], values: Sequence[float]) -> float:
    """:func:`_mixed` of a mix split into its indices and weights (the same products, summed in the same order)."""
    total: float = sum(map(operator.mul, weights, map(values.__getitem__, indices)))
    return total


@lru_cache(maxsize=1)
def _background() -> _Background:
    return _Background(load_model())


@lru_cache(maxsize=512)
def _query(question: str) -> _Query:
    return _background().query(question)


@lru_cache(maxsize=8)
def _cached_profile(sentences: tuple[str, ...]) -> _Profile:
    """Cached for a few answers: practice and evaluation compare one answer with several questions."""
    background = _background()
    return background.profile(sentences, background.model.embed(list(sentences)))


def measure_relevance(
    question: str, sentences: Sequence[str], sentence_vectors: Matrix | None = None
) -> Relevance | None:
    """How well the answer's sentences speak to the question; ``None`` without the embedding model.

    ``sentence_vectors`` are the sentences' embeddings when the caller has them already.
    """
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
    values = background.similarities(query, profile)
    own = background.raw(values)
    # Ranked among the bank questions about something else: by the ranking with exemplars when there are
    # any, else by the one without, against the bank on the same terms.
    bar = background.ranked_with_exemplars(query, profile, values)
    shift, gated = 0.0, False
    if query.bank is not None and profile.bank_word_ranked is not None and background.has_exemplars[query.bank]:
        # A bank question with exemplars: by the ranking with their words too.
        bank_ranked = profile.bank_word_ranked
        bar, offset, shift = bank_ranked[query.bank], background.word_offsets[query.bank], background.word_shift
    elif bar is not None and profile.bank_exemplar_ranked is not None:
        bank_ranked = profile.bank_exemplar_ranked
        offset = background.exemplar_offsets[query.bank] if query.bank is not None else background.outside_offset()
        gated = query.bank is None and background.ranking is not None and bool(background.ranking.outside_weights)
    else:
        bar, bank_ranked = background.ranked(query, profile, values), profile.bank_ranked
        offset = query.offset if background.ranking is not None else 0.0
    others = [bank_ranked[i] for i in query.others]
    share = sum(value < bar for value in others) / len(others) if others else 1.0
    name = query.competency.split("+")[0]
    score = combine(share, bar, others, offset, learned=background.ranking is not None, shift=shift, gated=gated)
    # A short answer that tells no episode is ranked by its topic words too (values[7]: the question's focus words;
    # similarities[7]: the bank questions'); a short story in its own words keeps its score.
    words = sum(len(sentence.split()) for sentence in sentences)
    episode = tells_episode(sentences)
    if topic_weight(words) > 0.0 and not episode:
        score = with_topic_words(score, words, values[7], profile.similarities[7])
    # An answer that does not do what the question asks (no episode for a story question, nothing of the employer for
    # a question about it) is on its topic only.
    score = round(score * asked_factor(question, query.kind, sentences), 3)
    # How far a bank question stands out by what its seen answers say (relevance_corpus): an answer on its topic in
    # other words is heard, and one nearer another question's answers falls. A question outside the bank has no answers
    # of its own (its bank neighbours' lowered the seen splits' figures). Not under an invitation to ask (as below).
    if profile.corpus is not None and query.bank is not None and not invites_questions(question):
        score = with_corpus_standout(score, corpus_standout(profile.corpus, query.bank, query.others))
    # How much the answer says and whether it tells an episode: a short claim is less surely on topic and a full story
    # more, whichever question it meets (so the question it fits best does not move). Not under an invitation to ask:
    # "No, I think you covered everything" answers it, and the advice it needs is to ask, not to keep to the question.
    if not invites_questions(question):
        score = with_answer_shape(score, words, episode)
    # A short reply that gives the reasons a question about motives asks for is on its topic (MOTIVE_FLOOR).
    score = with_motive(score, question, sentences)
    return Relevance(
        score=score,
        competency=query.competency,
        concept=background.competencies[name].concept,
        closest_sentence=argmax(dot_rows(profile.sentence_vectors, query.vector)),
        share_beaten=round(share, 3),
        raw=round(own, 4),
        own_topic=query.own_topic,
    )
