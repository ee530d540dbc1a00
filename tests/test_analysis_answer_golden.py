"""Golden tests for `nextround analyze answer`: fixed inputs, expected JSON beside them.

Any change in the analysis output shows up here as a diff in review. To accept a change on purpose:
    NEXTROUND_UPDATE_GOLDEN=1 .venv/bin/pytest -q tests/test_analysis_answer_golden.py
then read the diff of tests/data/answer_golden/ before committing it.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

from nextround.analysis.answer import analyze_answer

GOLDEN = Path(__file__).parent / "data" / "answer_golden"
INPUTS: list[dict[str, Any]] = json.loads((GOLDEN / "inputs.json").read_text(encoding="utf-8"))
UPDATE = os.environ.get("NEXTROUND_UPDATE_GOLDEN") == "1"


@pytest.mark.parametrize("case", INPUTS, ids=[case["id"] for case in INPUTS])
def test_answer_analysis_matches_golden(case: dict[str, Any]) -> None:
    result = analyze_answer(case["question"], case["answer"], jd=case.get("jd")).to_dict()
    expected_file = GOLDEN / f"{case['id']}.json"
    rendered = json.dumps(result, indent=1, ensure_ascii=False) + "\n"
    if UPDATE or not expected_file.exists():
        expected_file.write_text(rendered, encoding="utf-8")
        if not UPDATE:
            pytest.fail(f"{expected_file.name} was missing and has been written: check it and commit it")
    assert result == json.loads(expected_file.read_text(encoding="utf-8"))


def test_every_golden_file_has_an_input() -> None:
    ids = {case["id"] for case in INPUTS}
    assert len(ids) == len(INPUTS) >= 15
    assert {path.stem for path in GOLDEN.glob("*.json")} - {"inputs"} <= ids
