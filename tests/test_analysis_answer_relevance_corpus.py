"""What the seen writers' answers to a question say moves the odds of relevance (session 24, ``relevance_corpus``):
a question whose answers the answer is near stands out, one whose answers it is far from falls."""

from __future__ import annotations

import hashlib
import importlib.util
import tomllib
from collections.abc import Iterator
from importlib.resources import files
from pathlib import Path

import pytest

from nextround.analysis.answer import relevance, split_sentences
from nextround.analysis.answer.relevance_corpus import (
    CORPUS_CENTRE,
    CORPUS_FILE,
    CorpusCentroids,
    corpus_standout,
    with_corpus_standout,
)
from nextround.analysis.vectors import Matrix


def test_a_question_that_stands_out_by_its_answers_rises_and_one_that_does_not_falls() -> None:
    assert with_corpus_standout(0.6, CORPUS_CENTRE + 2.0) > 0.6 > with_corpus_standout(0.6, CORPUS_CENTRE - 2.0)
    assert with_corpus_standout(0.6, CORPUS_CENTRE) == 0.6


def test_full_marks_stay_when_they_would_rise_and_can_fall() -> None:
    assert with_corpus_standout(1.0, CORPUS_CENTRE + 3.0) == 1.0
    assert with_corpus_standout(1.0, CORPUS_CENTRE - 3.0) < 0.99


def test_the_standout_is_a_z_score_among_the_ranked_questions() -> None:
    similarities = [0.9, 0.1, 0.2, 0.3, 0.5]
    # Question 0 against 1-3 (mean 0.2, spread 0.0816...): far above them; question 1 below them.
    assert corpus_standout(similarities, 0, (1, 2, 3)) == pytest.approx(0.7 / 0.0816497, rel=1e-4)
    assert corpus_standout(similarities, 1, (1, 2, 3)) == pytest.approx(-0.1 / 0.0816497, rel=1e-4)


def test_a_bank_question_nobody_answered_takes_the_level_of_the_others() -> None:
    centred = Matrix.from_rows([[1.0, 0.0], [0.0, 1.0]], 2, "d")
    centroids = CorpusCentroids(("a", "b", "c"), centred, ("a", "c"), [0.0, 0.0])
    assert centroids.similarities([1.0, 0.0]) == pytest.approx([1.0, 0.5, 0.0])


@pytest.fixture
def without_corpus() -> Iterator[None]:
    background = relevance._background()
    kept = background.corpus
    background.corpus = None
    relevance._cached_profile.cache_clear()
    yield
    background.corpus = kept
    relevance._cached_profile.cache_clear()


def _share_beaten(question_id: str, text: str) -> float:
    """The share of the other bank questions the answer's own question scores above."""
    with files("nextround.data").joinpath("questions.toml").open("rb") as handle:
        bank = {str(q["id"]): str(q["text"]) for q in tomllib.load(handle)["question"]}
    sentences = split_sentences(text)
    scores = {ident: relevance.measure_relevance(question, sentences) for ident, question in bank.items()}
    own = scores.pop(question_id)
    assert own is not None
    return sum(own.score > (other.score if other else 0.0) for other in scores.values()) / len(scores)


# Stepping in for a struggling colleague, told without the question's words ("noticed", "struggling", "step in").
_HELPED = (
    "The new girl on the tills looked lost on her second Saturday, queue out the door. "
    "I opened the next till beside her and talked her through refunds while we served. "
    "By the end of the month she was training the next starter."
)


def test_a_story_in_other_words_beats_more_rivals_with_its_questions_answers(without_corpus: None) -> None:
    before = _share_beaten("beh-teamwork-03", _HELPED)
    background = relevance._background()
    background.corpus = relevance.corpus_centroids(tuple(background.ids))
    relevance._cached_profile.cache_clear()
    after = _share_beaten("beh-teamwork-03", _HELPED)
    assert background.corpus is not None
    assert before < 0.97 < 0.99 < after


def test_a_question_outside_the_bank_is_not_moved(without_corpus: None) -> None:
    # It has no seen answers of its own: those of its bank neighbours ("month-end close under time pressure", "set the
    # direction") would speak for "worked under pressure".
    question, story = "Tell me about a time you worked under pressure.", split_sentences(_HELPED)
    before = relevance.measure_relevance(question, story)
    background = relevance._background()
    background.corpus = relevance.corpus_centroids(tuple(background.ids))
    relevance._cached_profile.cache_clear()
    assert before == relevance.measure_relevance(question, story)


def test_the_shipped_centroids_are_a_rebuild_of_the_seen_answers() -> None:
    script = Path(__file__).resolve().parents[1] / "scripts" / "build_answer_centroids.py"
    spec = importlib.util.spec_from_file_location("build_answer_centroids", script)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    shipped = files("nextround.data").joinpath(CORPUS_FILE).read_bytes()
    recorded = files("nextround.data").joinpath(CORPUS_FILE.replace(".npz", ".sha256")).read_text(encoding="utf-8")
    assert hashlib.sha256(shipped).hexdigest() == recorded.split()[0]
    # No unseen or frozen split in the build: they are scored, never read.
    assert not {"wide18", "test23"} & set(module.SPLITS)
    assert module.build() == shipped
