"""Session 22 (feedbackC22, `EMPLOYER_ALONE_RULE`): a text whose every theme fell under the floor keeps a faint process
reading, the employer's own decision, even where no cue named it; any other faint theme still needs a cue."""

from __future__ import annotations

import pytest

import nextround.analysis.feedback.rereading as rereading
from nextround.analysis.feedback.types import ThemeFinding


def test_faint_employer_decision_kept_when_nothing_else_was(monkeypatch: pytest.MonkeyPatch) -> None:
    weak = [ThemeFinding("process", 0.11, ("the season got called off",)), ThemeFinding("logistics", 0.04, ("q",))]
    assert [f.theme for f in rereading.faint_kept(weak, set())] == ["process"]
    monkeypatch.setattr(rereading, "EMPLOYER_ALONE_RULE", False)
    assert rereading.faint_kept(weak, set()) == []


def test_other_faint_theme_still_needs_a_cue() -> None:
    weak = [ThemeFinding("technical_skills", 0.1, ("q",)), ThemeFinding("process", 0.05, ("p",))]
    assert rereading.faint_kept(weak, set()) == []
    assert [f.theme for f in rereading.faint_kept(weak, {"technical_skills"})] == ["technical_skills"]
