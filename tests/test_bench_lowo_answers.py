"""bench/lowo_answers.py with every chosen split also unseen (``--only X --unseen X``): the split is read by the recipe
trained on the training writers and printed as unseen, with no mean over folds (an empty mean crashed it)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType, SimpleNamespace
from typing import Any

import numpy as np
import pytest

from tests.answer_corpus import CorpusAnswer


def _lowo() -> ModuleType:
    script = Path(__file__).resolve().parents[1] / "bench" / "lowo_answers.py"
    spec = importlib.util.spec_from_file_location("lowo_answers", script)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def _one_answer(split: str) -> list[CorpusAnswer]:
    return [CorpusAnswer(split, "strong", "q", None, frozenset(), ("I fixed it.",), (frozenset({"action"}),))]


def _build(items: list[CorpusAnswer], embed: Any) -> tuple[Any, ...]:
    """One sentence per answer, no features: the test is about which writers train and which are read."""
    count = len(items)
    analysed = [SimpleNamespace(text=item.sentences[0]) for item in items]
    return np.zeros((count, 1)), np.zeros((count, 4), bool), np.arange(count), np.zeros((count, 4), bool), analysed


def test_only_unseen_splits_are_read_by_the_recipe_trained_on_the_training_writers(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lowo = _lowo()
    trained_on: list[list[str]] = []

    def learn(x: Any, y: Any, groups: Any, rules: Any, analysed: Any, own: Any, c: float, *rest: Any) -> Any:
        trained_on.append(sorted(rest[1].tolist()))
        return SimpleNamespace(cv=None, thresholds=[0.5] * 4)

    def apply(recipe: Any, x: Any, groups: Any, analysed: Any) -> np.ndarray:
        return np.array([[False, False, True, False]] * len(groups))  # every sentence an action

    monkeypatch.setattr(lowo.train_answers, "TRAINING_SPLITS", ("dev", "wide"))
    monkeypatch.setattr(lowo.train_answers, "legacy_items", list)
    monkeypatch.setattr(lowo.train_answers, "build", _build)
    monkeypatch.setattr(lowo.train_answers, "learn", learn)
    monkeypatch.setattr(lowo.train_answers, "apply", apply)
    monkeypatch.setattr(lowo, "load_corpus", _one_answer)
    monkeypatch.setattr(
        sys, "argv", ["lowo_answers.py", "--only", "wide12", "--unseen", "wide12", "--cache", str(tmp_path / "e.npz")]
    )

    lowo.main()

    assert trained_on == [["dev", "wide"]]
    printed = capsys.readouterr().out
    assert "unseen wide12 (trained on every training split): macro-F1 0.250 (0.000 / 0.000 / 1.000 / 0.000)" in printed
    assert "mean of folds" not in printed
