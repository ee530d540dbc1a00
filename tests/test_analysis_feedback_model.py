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
