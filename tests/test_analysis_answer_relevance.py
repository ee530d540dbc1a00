"""Relevance: the held-out relevance split, the learned ranking's weights, and what the ranking hears."""

from __future__ import annotations

import dataclasses
import hashlib
import importlib.util
import json
import tomllib
from importlib.resources import files
from pathlib import Path
from types import ModuleType

from nextround.analysis.answer import relevance, relevance_questions, split_sentences
from nextround.analysis.answer.relevance import _background, combine, measure_relevance
from nextround.analysis.answer.relevance_model import (
    EXEMPLAR_FEATURES,
    EXEMPLAR_FILE,
    FEATURES,
    MODEL_FILE,
    OUTSIDE_FEATURES,
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
    far, near = combine(1.0, 13.0, others, -3.0), combine(1.0, 4.0, others, -3.0)
    assert far > near
    # An answer that fits its question far better than any other, and says enough on it (16 on the learned scale,
    # _TOP_FULL since session 22), keeps full marks.
    assert far >= 0.99
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


def test_a_bank_question_read_as_unseen_borrows_from_the_other_bank_questions_only() -> None:
    """Training reads each bank question as if it were the user's own: nothing of its own bank entry is used."""
    background = _background()
    index = background.ids.index("beh-leadership-05")
    query = background.query(background.texts[index], unseen=index)
    assert query.bank is None and index not in query.sources and query.guide != index
    assert len(query.sources) == len(set(query.sources)) == relevance_questions._BORROWED
    assert query.offset == background.mean_offset
    # Read as the bank question it is, it speaks for itself.
    assert background.query(background.texts[index]).sources == (index,)


def test_a_question_outside_the_bank_is_ranked_by_its_own_weights(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """A question outside the bank is weighed by the ranking learned for such questions (and its constant); a bank
    question is not touched by it."""
    model = relevance_model()
    assert model is not None and len(model.outside_weights) == len(OUTSIDE_FEATURES)
    background = _background()
    sentences = split_sentences(
        "Our walk-in freezer failed on the Friday before a wedding of two hundred. I moved the stock into the "
        "bar fridges and a hired van, rang the engineer, and rewrote the menu around what had to be used first. "
        "Every course went out on time and we lost nothing but a tray of ice cream."
    )
    outside = "Tell me about a time equipment broke down at the worst possible moment."
    bank = background.texts[background.ids.index("beh-leadership-05")]
    with_own = [measure_relevance(q, sentences) for q in (outside, bank)]
    monkeypatch.setattr(background, "ranking", dataclasses.replace(model, outside_weights=()))
    without = [measure_relevance(q, sentences) for q in (outside, bank)]
    assert with_own[0] != without[0] and with_own[1] == without[1]


# Answers to questions outside the bank (the user's own), each in its own words.
OWN_QUESTIONS = (
    (
        "Tell me about a time you helped a visitor who had lost their way.",
        "A woman walked into our depot office at dusk, upset because her satnav had sent her down a farm track and "
        "her phone had died. I sat her down with a cup of tea, rang her daughter from the office landline and drew "
        "the way back to the motorway on the back of a delivery note. She rang the next morning to say she had got "
        "home safely.",
    ),
    (
        "How do you keep your paperwork right on a busy shift?",
        "I fill in the temperature log and the delivery sheet the moment each job is done, never at the end of the "
        "shift. If the kitchen is slammed I jot the times on my order pad and copy them over within ten minutes. The "
        "inspector found no gaps in our records last spring.",
    ),
    (
        "Why would you rather work outside than in an office?",
        "I grew up helping on my uncle's sheep farm and I feel best when I'm moving and the weather is on my face. "
        "After two years at a call centre desk I was stiff and tired all the time. Fencing and hedge-laying last "
        "winter, I was happier than I'd been in years.",
    ),
    (
        "How do you show a new apprentice the ropes?",
        "I let them watch me do the first job, then they do the next one while I talk them through it. I give them "
        "one thing to get right each day rather than ten. By the end of the month my last apprentice was wiring "
        "sockets on his own.",
    ),
    (
        "Tell me about a time you spotted a danger nobody else had seen.",
        "On a roofing job I noticed the scaffold tie by the chimney had worked loose after the storm. Everyone had "
        "walked past it all morning. I stopped the lads going up, got the scaffolder back out and he found two more "
        "loose ties on that side.",
    ),
)


def test_an_answer_to_the_users_own_question_fits_it_better_than_other_questions() -> None:
    """Each answer against its own question (outside the bank) and against every ninth bank question and the other
    own questions: 0.81 with the bank's ranking and mean offset for the user's questions, 0.89 with their own
    ranking; the visitor story scored 0.36 for its own question (below ten of the others), now 0.70."""
    background = _background()
    bank = [background.texts[i] for i in range(0, len(background.texts), 9)]
    wins = total = 0.0
    for question, answer in OWN_QUESTIONS:
        assert background.bank_index.get(question.lower()) is None
        sentences = split_sentences(answer)
        own = measure_relevance(question, sentences)
        assert own is not None
        for other in bank + [q for q, _ in OWN_QUESTIONS if q != question]:
            found = measure_relevance(other, sentences)
            assert found is not None
            wins += 1.0 if own.score > found.score else 0.5 if own.score == found.score else 0.0
            total += 1
        if question.startswith("Tell me about a time you helped a visitor"):
            assert own.score > 0.5
    assert wins / total >= 0.85
