"""The shipped clause classifier: its weights are the training script's output, and training is deterministic."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import numpy as np
import pytest

from nextround.analysis.feedback import analyze_feedback
from nextround.analysis.feedback.model import POLARITIES, load_clause_model

SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "train_feedback.py"
RECORDED = SCRIPT.parent.parent / "src" / "nextround" / "data" / "feedback_model.sha256"


@pytest.fixture(scope="module")
def trainer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("train_feedback", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["train_feedback"] = module
    spec.loader.exec_module(module)
    return module


def test_shipped_weights_are_the_ones_the_script_recorded(trainer: ModuleType) -> None:
    with np.load(trainer.WEIGHTS) as shipped:
        arrays = {name: shipped[name] for name in shipped.files}
    assert trainer.checksum(arrays) == RECORDED.read_text(encoding="utf-8").split()[0]


def test_training_is_deterministic(trainer: ModuleType) -> None:
    rows = trainer.load_dev()[:40]
    readings = [trainer.read_text(str(row["text"])) for row in rows]
    labels = [trainer.clause_labels(row, reading) for row, reading in zip(rows, readings, strict=True)]
    first = trainer.as_stored(trainer.train(readings, labels))
    second = trainer.as_stored(trainer.train(readings, labels))
    assert trainer.checksum(first) == trainer.checksum(second)


def test_every_clause_file_is_left_out_of_its_own_writers_fold(trainer: ModuleType) -> None:
    # Leaving a writer out (--by-file, --with FILE) removes from training only the files of that writer's fold, so a
    # clause-labelled file must be in exactly one fold, or a model trained on it would score its own texts.
    folds = [name for files in trainer.WRITERS.values() for name in files]
    clause_files = sorted(path.name for path in trainer.CORPUS.glob("*_clauses.jsonl") if "test20" not in path.name)
    assert clause_files
    assert all(folds.count(name) == 1 for name in clause_files)
    assert all((trainer.CORPUS / name).is_file() for name in folds)


def test_every_dev_clause_gets_a_label_from_the_clause_it_overlaps(trainer: ModuleType) -> None:
    row = next(row for row in trainer.load_dev() if len(row["clauses"]) >= 3)
    labels = trainer.clause_labels(row, trainer.read_text(str(row["text"])))
    assert {polarity for polarity, _ in labels} <= set(POLARITIES)
    assert any(themes for _, themes in labels)


def test_model_heads_match_the_labels() -> None:
    model = load_clause_model()
    assert model.polarity_coef.rows == len(POLARITIES)
    assert model.polarity_coef.dims == model.theme_coef.dims == len(model.mean)


def test_negated_criticism_is_a_strength_not_a_weakness() -> None:
    result = analyze_feedback("Your technical skills were never in doubt, but you came across as nervous and hesitant.")
    assert "technical_skills" not in result.theme_names
    assert "communication" in result.theme_names
    assert [strength.theme for strength in result.strengths] == ["technical_skills"]
    assert result.strengths[0].evidence == ("Your technical skills were never in doubt",)


def test_theme_head_reads_word_stems_as_the_training_design_does() -> None:
    from nextround.analysis.feedback import THEMES, read_text

    model = load_clause_model()
    assert len(model.word_coef) == len(model.vocabulary) > 500
    assert len(model.theme_thresholds) == len(THEMES)
    reading = read_text("Your instructions to the class were unclear, and you kept interrupting the pupils.")
    assert "unclear" in reading.stems[0]
    _, themes = model.predict(reading.features, reading.stems)
    # The same logits in numpy: standardised features and the clause's 0/1 stem columns, one wide design.
    features = np.asarray(reading.features.tolist())
    standard = (features - np.asarray(model.mean)) / np.asarray(model.scale)
    index = {word: at for at, word in enumerate(model.vocabulary)}
    bag = np.zeros((len(reading.stems), len(model.vocabulary)))
    for row, stems in enumerate(reading.stems):
        for word in stems:
            if word in index:
                bag[row, index[word]] = 1.0
    assert bag.sum() > 0
    logits = standard @ np.asarray(model.theme_coef.tolist()).T + bag @ np.asarray(model.word_coef)
    expected = 1.0 / (1.0 + np.exp(-(logits + np.asarray(model.theme_bias))))
    assert np.allclose(np.asarray(themes), expected, atol=1e-9)
    # Without its words the clause reads differently: the stems carry weight.
    _, without = model.predict(reading.features)
    assert not np.allclose(np.asarray(without), expected, atol=1e-3)


def test_reason_head_reads_the_same_design_as_the_theme_head() -> None:
    from nextround.analysis.feedback import read_text

    model = load_clause_model()
    assert model.reason_theme_coef is not None
    assert len(model.reason_word_coef) == len(model.vocabulary)
    assert model.reason_theme_coef.dims == len(model.mean)
    reading = read_text("Your handover notes were hard to follow, and the times were missing.")
    reasons = model.predict_reasons(reading.features, reading.stems)
    features = np.asarray(reading.features.tolist())
    standard = (features - np.asarray(model.mean)) / np.asarray(model.scale)
    index = {word: at for at, word in enumerate(model.vocabulary)}
    bag = np.zeros((len(reading.stems), len(model.vocabulary)))
    for row, stems in enumerate(reading.stems):
        for word in stems:
            if word in index:
                bag[row, index[word]] = 1.0
    logits = standard @ np.asarray(model.reason_theme_coef.tolist()).T + bag @ np.asarray(model.reason_word_coef)
    expected = 1.0 / (1.0 + np.exp(-(logits + np.asarray(model.reason_theme_bias))))
    assert np.allclose(np.asarray(reasons), expected, atol=1e-9)
    # A head of its own: not the theme head's numbers.
    _, themes = model.predict(reading.features, reading.stems)
    assert not np.allclose(np.asarray(reasons), np.asarray(themes), atol=1e-3)


def test_a_reason_takes_its_themes_from_the_reason_head_and_praise_from_the_theme_head() -> None:
    from dataclasses import replace

    from nextround.analysis.feedback import THEMES, decide, read_text

    model = load_clause_model()
    reading = read_text("Your knife work was lovely. Sadly the counter needs someone who can do Saturdays.")
    before = decide(reading, model)
    assert "logistics" in before.theme_names
    assert [strength.theme for strength in before.strengths] == ["technical_skills"]
    # The reason head made sure of motivation and nothing else: the reason follows it, the praise does not.
    silenced = replace(model, reason_theme_bias=[40.0 if theme == "motivation" else -40.0 for theme in THEMES])
    after = decide(reading, silenced)
    assert after.theme_names == ("motivation",)
    assert [strength.theme for strength in after.strengths] == ["technical_skills"]
