"""The comparison of two attempts as a typed result: the analyser's JSON, and a field for every key."""

from __future__ import annotations

from dataclasses import fields
from datetime import UTC, datetime

from nextround.analysis.answer import analyze_answer, compare_attempts
from nextround.serialize import to_json
from nextround.services.answer_results import (
    AttemptComparison,
    PointsChange,
    RateChange,
    ResultChange,
    StarChange,
    WholeChange,
    attempt_comparison,
)

QUESTION = "Tell me about a time you handled a difficult customer."
FIRST = "I think I was, um, quite patient with a customer once and it went fine I guess."
SECOND = (
    "At the garden centre a customer was angry that his order of fence panels had gone missing. "
    "I was the supervisor on shift, so it was my job to put it right. I listened, checked the delivery system, "
    "found the panels at our other branch and drove them over myself that afternoon. "
    "He left a five-star review and has ordered from us three times since."
)
WHEN = datetime(2024, 10, 1, 9, 30, tzinfo=UTC)


def _names(cls: type) -> list[str]:
    return [f.name for f in fields(cls)]


def test_every_key_of_the_comparison_has_a_field_in_the_same_order() -> None:
    found = compare_attempts(analyze_answer(QUESTION, FIRST), analyze_answer(QUESTION, SECOND))
    assert [*found, "previous_answered_at"] == _names(AttemptComparison)
    for key, cls in (
        ("score", WholeChange),
        ("word_count", WholeChange),
        ("fillers_per_100_words", RateChange),
        ("relevance", RateChange),
        ("quantified_result", ResultChange),
        ("star", StarChange),
    ):
        assert list(found[key]) == _names(cls), key
    assert found["measures"] and all(list(m) == _names(PointsChange) for m in found["measures"].values())


def test_the_typed_comparison_writes_the_analysers_json() -> None:
    found = compare_attempts(analyze_answer(QUESTION, FIRST), analyze_answer(QUESTION, SECOND))
    typed = attempt_comparison(found, WHEN)
    assert to_json(typed) == to_json({**found, "previous_answered_at": WHEN.isoformat()})
    assert typed.score.delta == typed.score.current - typed.score.previous > 0
    assert typed.verdict.startswith("Better")
