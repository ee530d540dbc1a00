"""bench/stage_match.py --seen: every seen pair file is decided by a model that never saw it; this session's frozen
and unseen files are never opened."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType


def _stage_match() -> ModuleType:
    script = Path(__file__).resolve().parents[1] / "bench" / "stage_match.py"
    spec = importlib.util.spec_from_file_location("stage_match", script)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_seen_files_hold_out_all_but_the_training_files_and_never_the_unseen_ones() -> None:
    stage = _stage_match()
    names = stage.seen_files()
    assert names, "no seen pair file found"
    assert not set(names) & set(stage.train.FILES)
    assert not [name for name in names if "rjdb" in name or name.startswith(("test23/", "dev30"))]
    assert "test22/test.jsonl" in names and "dev29.jsonl" in names
    assert "test22/test.jsonl" not in stage.seen_files(("test22",))


def test_the_spread_of_files_reads_each_files_f1() -> None:
    stage = _stage_match()
    item = stage.Item("forklift licence", "", "required", "", False, True, False, "none", False, [1.0])
    right = stage.Decided(stage.Row("a", "1", ["forklift licence"], [], []), [item], {})
    wrong = stage.Decided(stage.Row("b", "2", ["welding"], [], []), [item], {})
    assert stage.spread([right, wrong]).startswith("2 files' F1: min 0.00, median 1.00, max 1.00, sd 0.500")
