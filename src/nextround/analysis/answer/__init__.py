"""Instant, explainable analysis of one spoken or written interview answer.

Every point of the score comes from a named measure with a one-line reason, and every STAR part is tied
to the sentences that carry it. The package is split by concern (text basics come from
:mod:`nextround.analysis.text`): :mod:`.model` (result types), :mod:`.questions` (question type), :mod:`.star`
and :mod:`.star_model` (STAR parts per sentence), :mod:`.lexicon` (word lists and cue tables), :mod:`.fillers`
(delivery), :mod:`.relevance` and :mod:`.relevance_model` (relevance by meaning), :mod:`.job_terms`,
:mod:`.scoring` (the score: :mod:`.score_plans` per question type, :mod:`.measures` by name, over
:mod:`.evidence`), :mod:`.advice` (suggestions, follow-up) and :mod:`.compare` (two attempts).

Public API: :func:`classify_question`, :func:`analyze_answer`, :func:`analyze_answers_batch`,
:func:`compare_attempts`, :func:`split_sentences`, :func:`extract_job_terms`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence

from nextround.analysis.answer.advice import follow_up, suggest
from nextround.analysis.answer.asked_questions import ASKING_TYPE, asked_of
from nextround.analysis.answer.compare import compare_attempts
from nextround.analysis.answer.fillers import find_fillers, find_hedges, ownership
from nextround.analysis.answer.job_terms import extract_job_terms, term_used
from nextround.analysis.answer.lexicon import lexicon
from nextround.analysis.answer.model import (
    MAX_ANSWER_CHARS,
    QUESTION_TYPES,
    STAR_PARTS,
    WORDS_PER_MINUTE,
    AnswerAnalysis,
    FillerReport,
    JobTermUse,
    LengthCheck,
    ScoreItem,
    StarSentences,
)
from nextround.analysis.answer.questions import classify_question
from nextround.analysis.answer.relevance import measure_relevance
from nextround.analysis.answer.scoring import Evidence, score
from nextround.analysis.answer.star import analyse_sentences, star_from
from nextround.analysis.answer.star_model import predict_star
from nextround.analysis.embedding import EmbeddingUnavailable, load_model
from nextround.analysis.text import normalise, split_sentences, stem, words
from nextround.analysis.vectors import Matrix

__all__ = [
    "QUESTION_TYPES",
    "STAR_PARTS",
    "AnswerAnalysis",
    "FillerReport",
    "JobTermUse",
    "LengthCheck",
    "ScoreItem",
    "StarSentences",
    "analyze_answer",
    "analyze_answers_batch",
    "classify_question",
    "compare_attempts",
    "extract_job_terms",
    "split_sentences",
    "stem",
]


def _sentence_vectors(sentences: Sequence[str]) -> Matrix | None:
    """The sentences' embeddings (shared by the STAR model and relevance), or ``None`` without the model."""
    if not sentences:
        return None
    try:
        return load_model().embed(list(sentences))
    except EmbeddingUnavailable:
        return None


def analyze_answer(
    question: str,
    answer: str,
    jd: str | None = None,
    job_terms: Sequence[str] | None = None,
) -> AnswerAnalysis:
    """Analyse one answer to one interview question.

    ``job_terms`` are the job's skills when the caller has them; with only ``jd`` the key terms are
    extracted from it. Without either, ``job_terms`` in the result is ``None``.
    """
    answer = normalise(answer or "")[:MAX_ANSWER_CHARS]
    question = question or ""
    question_type = classify_question(question)
    sentences = tuple(split_sentences(answer))
    lower_text = answer.lower()
    answer_words = words(lower_text)
    word_count = len(answer_words)
    analysed = tuple(analyse_sentences(sentences, question_type, question))
    vectors = _sentence_vectors(sentences)
    star = (predict_star(analysed, question_type, vectors, question) if vectors is not None else None) or star_from(
        analysed
    )
    quantified_sentence = next((i for i in star.result if analysed[i].has_quantity), None)
    # An answer that asks the interviewer its questions is judged on them, as the prompt's own kind (STAR stays shown).
    asked = asked_of(question, analysed)
    scored_as = ASKING_TYPE if asked is not None else question_type

    target_min, target_max = lexicon().length_targets[scored_as]
    verdict = "short" if word_count < target_min else "long" if word_count > target_max else "ok"
    filler_counts = Counter(find_fillers(lower_text))
    fillers = FillerReport(
        per_100_words=round(100 * filler_counts.total() / word_count, 1) if word_count else 0.0,
        found=tuple(filler_counts.items()),
    )
    relevance = measure_relevance(question, sentences, vectors) if word_count and vectors is not None else None

    terms: Sequence[str] | None = job_terms
    if terms is None and jd:
        terms = extract_job_terms(jd)
    job_term_use: JobTermUse | None = None
    if terms is not None:
        sentence_words = [words(sentence.lower) for sentence in analysed]
        sentence_stems = [frozenset(stem(word) for word in sentence) for sentence in sentence_words]
        unique_terms = list(dict.fromkeys(term for term in terms if term.strip()))
        used = tuple(term for term in unique_terms if term_used(term, lower_text, sentence_stems))
        job_term_use = JobTermUse(used, tuple(term for term in unique_terms if term not in used))

    evidence = Evidence(
        question_type=scored_as,
        question=question,
        sentences=sentences,
        analysed=analysed,
        star=star,
        quantified_result=quantified_sentence is not None,
        quantified_sentence=quantified_sentence,
        word_count=word_count,
        length=LengthCheck(target_min, target_max, verdict),
        fillers=fillers,
        hedges=tuple(find_hedges(lower_text)),
        ownership=ownership(answer_words),
        relevance=0.0 if relevance is None else relevance.score,
        topic_concept="" if relevance is None else relevance.concept,
        job_terms=job_term_use,
        lower_text=lower_text,
        own_topic="" if relevance is None else relevance.own_topic,
        asked=asked,
    )
    breakdown = score(evidence)
    return AnswerAnalysis(
        score=sum(item.points for item in breakdown),
        question_type=scored_as,
        sentences=sentences,
        star_sentences=star,
        quantified_result=evidence.quantified_result,
        word_count=word_count,
        speaking_seconds=round(word_count / WORDS_PER_MINUTE * 60),
        length=evidence.length,
        fillers=fillers,
        hedges=evidence.hedges,
        ownership=evidence.ownership,
        relevance=evidence.relevance,
        job_terms=job_term_use,
        score_breakdown=breakdown,
        suggestions=suggest(evidence, breakdown),
        follow_up=follow_up(scored_as, star, word_count),
    )


def analyze_answers_batch(items: Iterable[Mapping[str, str | None]]) -> list[AnswerAnalysis]:
    """Analyse many answers; each item has ``question``, ``answer`` and optionally ``jd``.

    Job terms extracted from a job description are reused across items that share it.
    """
    terms_by_jd: dict[str, list[str]] = {}
    results: list[AnswerAnalysis] = []
    for item in items:
        jd = item.get("jd") or None
        terms: list[str] | None = None
        if jd:
            if jd not in terms_by_jd:
                terms_by_jd[jd] = extract_job_terms(jd)
            terms = terms_by_jd[jd]
        results.append(analyze_answer(item.get("question") or "", item.get("answer") or "", job_terms=terms))
    return results
