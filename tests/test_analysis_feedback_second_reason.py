"""Session 23 (feedbackS23, `SECOND_REASON_RULE`): a reason clause's halves read again as texts of their own; a theme a
half gives surely and the text lacked stands beside what was kept."""

from __future__ import annotations

import pytest

import nextround.analysis.feedback.second_reason as second_reason
from nextround.analysis.feedback.types import ClauseReading, FeedbackAnalysis, ThemeFinding

CLAUSE = (
    "You have about 1,100 hours in command, below our minimum of 1,500, and you did not brief the first officer on "
    "your plan"
)
FIRST = "You have about 1,100 hours in command, below our minimum of 1,500"
SECOND = "you did not brief the first officer on your plan"


def _analysis(*themes: tuple[str, float]) -> FeedbackAnalysis:
    return FeedbackAnalysis(
        themes=tuple(ThemeFinding(theme, confidence, ("q",)) for theme, confidence in themes),
        strengths=(),
        actionable=True,
        outside_your_control=(),
        actions=(),
        summary="",
    )


def _reader(by_half: dict[str, FeedbackAnalysis]) -> object:
    return lambda half: by_half.get(half, _analysis())


def test_halves_cut_at_and_you_which_you_and_an_uncommaed_and_you_dont() -> None:
    assert second_reason.halves(CLAUSE) == [FIRST, SECOND]
    assert second_reason.halves("the site crew works in Cantonese, which you told us you only speak a little") == [
        "the site crew works in Cantonese",
        "which you told us you only speak a little",
    ]
    assert second_reason.halves("you left the hose running and you didn't tell anyone about it") == [
        "you left the hose running",
        "you didn't tell anyone about it",
    ]


def test_halves_keep_short_sides_and_lists_whole() -> None:
    assert second_reason.halves("Tired, and you were late") == []  # "you were late" alone is too short to read
    assert second_reason.halves("good knife skills and speed and a clean station") == []


def test_sure_second_reason_added_after_the_floor() -> None:
    kept = [ThemeFinding("experience", 0.7, (CLAUSE,))]
    read = [ClauseReading(CLAUSE, "reason", ("experience",), 0.7)]
    halves = {FIRST: _analysis(("experience", 0.95)), SECOND: _analysis(("communication", 0.93))}
    findings, clauses = second_reason.second_reasons(kept, read, [CLAUSE], _reader(halves))  # type: ignore[arg-type]
    assert [(f.theme, f.confidence) for f in findings] == [("experience", 0.7), ("communication", 0.93)]
    assert clauses[0].themes == ("experience", "communication")


def test_faint_or_generic_half_adds_nothing_and_a_sure_one_replaces_generic(monkeypatch: pytest.MonkeyPatch) -> None:
    read = [ClauseReading(CLAUSE, "reason", ("generic",), 0.5)]
    generic = [ThemeFinding("generic", 0.9, (CLAUSE,))]
    faint = {SECOND: _analysis(("communication", 0.6), ("generic", 0.95))}
    assert second_reason.second_reasons(generic, read, [CLAUSE], _reader(faint))[0] == generic  # type: ignore[arg-type]
    sure = {SECOND: _analysis(("communication", 0.92))}
    findings, _ = second_reason.second_reasons(generic, read, [CLAUSE], _reader(sure))  # type: ignore[arg-type]
    assert [f.theme for f in findings] == ["communication"]
    monkeypatch.setattr(second_reason, "SECOND_REASON_RULE", False)
    assert second_reason.second_reasons(generic, read, [CLAUSE], _reader(sure))[0] == generic  # type: ignore[arg-type]


def test_praise_clause_halves_are_not_read() -> None:
    read = [ClauseReading(CLAUSE, "praise", ("experience",), 0.9)]
    sure = {SECOND: _analysis(("communication", 0.99))}
    findings, _ = second_reason.second_reasons([], read, [CLAUSE], _reader(sure))  # type: ignore[arg-type]
    assert findings == []
