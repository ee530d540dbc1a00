"""Relevance: the held-out relevance split, the learned ranking's weights, and what the ranking hears."""

from __future__ import annotations

import hashlib
import importlib.util
import json
import tomllib
from importlib.resources import files
from pathlib import Path
from types import ModuleType

from nextround.analysis.answer import relevance, split_sentences
from nextround.analysis.answer.relevance import _background, combine, measure_relevance
from nextround.analysis.answer.relevance_model import (
    EXEMPLAR_FEATURES,
    EXEMPLAR_FILE,
    FEATURES,
    MODEL_FILE,
    WORD_FEATURES,
    cue_features,
    plan_share,
    relevance_model,
)
from tests.answer_corpus import QUALITIES, load_corpus

ROOT = Path(__file__).resolve().parents[1]
SCRIPTS = ROOT / "scripts"
PACKAGE_DATA = ROOT / "src" / "nextround" / "data"


def test_relevance_holdout_split_is_wide() -> None:
    answers = load_corpus("relhold")  # raises on a malformed header, label or unknown bank id
    assert len(answers) >= 45 and len({answer.id for answer in answers}) == len(answers)
    assert {answer.quality for answer in answers} == set(QUALITIES)
    assert len({answer.question for answer in answers}) >= 15
    assert sum(answer.question_id is None for answer in answers) >= 10  # questions outside the bank
    assert sum(not answer.on_topic for answer in answers) >= 5
    assert sum("paraphrase" in answer.flags for answer in answers) >= 5


def test_the_shipped_weights_fit_the_features() -> None:
    data = json.loads(files("nextround.data").joinpath(MODEL_FILE).read_text(encoding="utf-8"))
    assert tuple(data["features"]) == FEATURES and len(data["weights"]) == len(FEATURES)
    assert "holdout" not in data["trained_on"] and "relhold" not in data["trained_on"]


def test_a_plan_is_weighed_for_what_would_you_do_questions_only() -> None:
    assert plan_share(["I would ring the depot first.", "The van was late."]) == 0.5
    assert plan_share(["I rang the depot."]) == 0.0
    assert cue_features(0.5, "situational") == [0.5]
    assert cue_features(0.5, "behavioural") == [0.0]


def test_answers_fit_their_own_question_better_than_the_others_of_their_split() -> None:
    # The seen split test.txt (trained on): 0.898 with the hand weights of session 4, 0.908 learned.
    answers = load_corpus("test")
    questions = sorted({answer.question for answer in answers})
    wins = total = 0.0
    for answer in answers:
        if not answer.on_topic:
            continue
        sentences = split_sentences(answer.answer)
        scores = {q: measure_relevance(q, sentences) for q in questions}
        own = scores[answer.question]
        assert own is not None
        for question, found in scores.items():
            if question != answer.question:
                assert found is not None
                wins += 1.0 if own.score > found.score else 0.5 if own.score == found.score else 0.0
                total += 1
    assert wins / total >= 0.90


def _build_exemplars_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("build_exemplars", SCRIPTS / "build_exemplars.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_shipped_exemplar_vectors_are_a_rebuild_of_the_exemplars() -> None:
    script = _build_exemplars_script()
    shipped = (PACKAGE_DATA / EXEMPLAR_FILE).read_bytes()
    recorded = (PACKAGE_DATA / EXEMPLAR_FILE).with_suffix(".sha256").read_text(encoding="utf-8").split()[0]
    assert hashlib.sha256(shipped).hexdigest() == recorded
    assert len(shipped) < 1_000_000
    # Edited exemplars need scripts/build_exemplars.py run again (and train_relevance.py).
    assert script.build() == shipped


def test_every_bank_question_has_exemplars_and_the_ranking_weighs_them() -> None:
    background = _background()
    assert all(background.has_exemplars)
    assert all(len(rows) >= 2 for rows in background.exemplar_rows)
    model = relevance_model()
    assert model is not None and len(model.exemplar_weights) == len(EXEMPLAR_FEATURES)
    assert model.exemplar_offsets is not None and set(model.exemplar_offsets) == set(background.ids)
    assert background.exemplar_ranking


def test_an_exemplar_fits_its_own_question_better_than_its_neighbours() -> None:
    # The exemplars are in their own question's centroid, so this checks the wiring, not generalisation:
    # each full exemplar of the first 40 bank questions against the three bank questions whose exemplars are
    # most like its own (the questions static word vectors could not tell apart): 0.80 without the exemplar
    # ranking, 0.89 with it.
    background = _background()
    exemplars: dict[str, str] = {}
    for path in sorted((PACKAGE_DATA / "exemplars").glob("*.toml")):
        for entry in tomllib.loads(path.read_text(encoding="utf-8"))["exemplar"]:
            if entry["kind"] == "full":
                exemplars.setdefault(entry["question"], entry["text"])
    wins = total = 0
    for index in range(40):
        sentences = split_sentences(exemplars[background.ids[index]])
        own = measure_relevance(background.texts[index], sentences)
        assert own is not None
        for other in background.exemplar_neighbours[index][:3]:
            found = measure_relevance(background.texts[other], sentences)
            assert found is not None
            wins += own.score > found.score
            total += 1
    assert wins / total >= 0.85


def test_a_question_outside_the_bank_borrows_its_nearest_bank_questions_exemplars() -> None:
    sentences = split_sentences(
        "Our walk-in freezer failed on the Friday before a wedding of two hundred. I moved the stock into the "
        "bar fridges and a hired van, rang the engineer, and rewrote the menu around what had to be used first. "
        "Every course went out on time and we lost nothing but a tray of ice cream."
    )
    outside = "Tell me about a time equipment broke down at the worst possible moment."
    unrelated = "Why do you want to leave your current job?"
    own, other = measure_relevance(outside, sentences), measure_relevance(unrelated, sentences)
    assert own is not None and other is not None
    assert own.score > other.score + 0.3


def test_two_questions_that_both_rank_top_are_told_apart_by_the_learned_margin() -> None:
    """With the ranking part full for both (each beats every unrelated bank question) and the same offset,
    the question whose learned score stands further above the unrelated ones scores higher."""
    others = [0.0, 1.0, 2.0, 1.0, 0.5, 1.5]
    far, near = combine(1.0, 9.0, others, -3.0), combine(1.0, 4.0, others, -3.0)
    assert far > near
    assert far >= 0.99  # an answer that fits its question far better than any other keeps full marks
    # Ranking below most unrelated questions, with little on topic, stays low.
    assert combine(0.3, 0.2, others, -3.0) < 0.1


def test_a_question_that_fits_every_answer_is_not_less_on_topic_for_it() -> None:
    """How much of the answer is on topic is read without the question's offset (its hub level): the same
    learned fit less a larger offset gives the same substance, so the same score."""
    others = [0.0, 1.0, 2.0, 1.0, 0.5, 1.5]
    assert combine(1.0, 5.0, others, -3.0) < combine(1.0, 5.0, others, -4.0)
    assert combine(1.0, 5.0 - 1.0, [v - 1.0 for v in others], -4.0) == combine(1.0, 5.0, others, -3.0)


def test_exemplar_words_are_the_words_a_questions_exemplars_share() -> None:
    background = _background()
    delegation = background.ids.index("beh-leadership-05")
    words, weights = background.keywords[delegation]
    assert words and len(words) == len(weights) and all(w > 0 for w in weights)
    # The point of the question, which most of its exemplars tell, and not a word every answer uses.
    assert {"hand", "handed", "delegate", "delegated", "check"} & set(words)
    assert not {"time", "work", "team"} & set(words)
    model = relevance_model()
    assert model is not None and len(model.word_weights) == len(WORD_FEATURES)
    assert model.word_offsets is not None and set(model.word_offsets) == set(background.ids)
    assert background.word_ranking


def test_the_exemplar_words_change_bank_questions_only(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """A question outside the bank is scored exactly as by the ranking without the exemplar words; a bank
    question by the ranking with them."""
    sentences = split_sentences(
        "Our walk-in freezer failed on the Friday before a wedding of two hundred. I moved the stock into the "
        "bar fridges and a hired van, rang the engineer, and rewrote the menu around what had to be used first. "
        "Every course went out on time and we lost nothing but a tray of ice cream."
    )
    background = _background()
    outside = "Tell me about a time equipment broke down at the worst possible moment."
    bank = background.texts[background.ids.index("beh-leadership-05")]
    assert background.bank_index.get(outside.lower()) is None
    with_words = [measure_relevance(q, sentences) for q in (outside, bank)]
    monkeypatch.setattr(background, "word_ranking", False)
    relevance._cached_profile.cache_clear()
    try:
        without = [measure_relevance(q, sentences) for q in (outside, bank)]
    finally:
        relevance._cached_profile.cache_clear()
    assert with_words[0] == without[0]
    assert with_words[1] is not None and without[1] is not None
    assert with_words[1].score != without[1].score
