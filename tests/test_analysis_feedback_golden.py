"""Golden tests: the whole JSON of `analyze feedback` for a fixed set of inputs.

Any change in output shows up in review as a change to tests/data/golden/feedback/*.json. After a deliberate
change (a retrained model, a new cue), regenerate them on purpose and read the diff:

    NEXTROUND_UPDATE_GOLDEN=1 .venv/bin/pytest -q tests/test_analysis_feedback_golden.py
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from nextround.analysis.feedback import analyze_feedback

GOLDEN = Path(__file__).parent / "data" / "golden" / "feedback"
INPUTS = sorted(GOLDEN.glob("*.txt"))
UPDATE = os.environ.get("NEXTROUND_UPDATE_GOLDEN") == "1"
# Goldens kept as the right reading while the model reads them wrongly (strict: each fails until it is re-read):
# session 6's model reads the header "Coding" of "Coding: strong." as a reason (docs/analysis-model.md, session 6).
# 18_long_email (communication from "you struggled to explain your choices") was a known miss from session 9 to 10, read
# right by the session-11 cues alone and missed again once dev16 and dev17 joined training (session 11).
KNOWN_MISSES = {"09_panel_summary", "18_long_email"}


def test_there_are_golden_inputs() -> None:
    assert len(INPUTS) >= 20


@pytest.mark.parametrize(
    "source",
    [
        pytest.param(path, marks=pytest.mark.xfail(strict=True, reason="known miss, see KNOWN_MISSES"))
        if path.stem in KNOWN_MISSES and not UPDATE
        else path
        for path in INPUTS
    ],
    ids=[path.stem for path in INPUTS],
)
def test_feedback_output_matches_golden(source: Path) -> None:
    result = analyze_feedback(source.read_text(encoding="utf-8")).to_dict()
    rendered = json.dumps(result, indent=2, ensure_ascii=False, sort_keys=False) + "\n"
    expected = source.with_suffix(".json")
    if UPDATE:
        expected.write_text(rendered, encoding="utf-8")
    assert expected.is_file(), f"no golden file for {source.name}: run with NEXTROUND_UPDATE_GOLDEN=1"
    assert rendered == expected.read_text(encoding="utf-8")
