"""The comparison of two attempts at a practice answer, typed: analysis.answer.compare_attempts words it as a
mapping, and the service reads it into these frozen dataclasses (fields in the mapping's order, so its JSON is
what it was; tests/test_answer_results.py fails when the analyser's keys and these fields part).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any


@dataclass(frozen=True, slots=True)
class WholeChange:
    previous: int
    current: int
    delta: int


@dataclass(frozen=True, slots=True)
class PointsChange:
    """A score measure's points in each attempt (None where the measure did not apply)."""

    previous: int | None
    current: int | None
    delta: int


@dataclass(frozen=True, slots=True)
class RateChange:
    previous: float
    current: float
    delta: float


@dataclass(frozen=True, slots=True)
class StarChange:
    added: tuple[str, ...]  # STAR parts the new attempt has and the earlier one lacked
    dropped: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ResultChange:
    previous: bool  # whether the attempt ended on a measurable result
    current: bool


@dataclass(frozen=True, slots=True)
class AttemptComparison:
    """Per-measure changes between the previous attempt at a question and this one, and a one-line verdict."""

    score: WholeChange
    measures: Mapping[str, PointsChange]  # by score measure, in the breakdown's order
    star: StarChange
    word_count: WholeChange
    fillers_per_100_words: RateChange
    relevance: RateChange
    quantified_result: ResultChange
    verdict: str
    previous_answered_at: datetime


def attempt_comparison(found: Mapping[str, Any], previous_answered_at: datetime) -> AttemptComparison:
    """`compare_attempts`'s mapping as a typed result."""
    star = found["star"]
    return AttemptComparison(
        score=WholeChange(**found["score"]),
        measures={name: PointsChange(**change) for name, change in found["measures"].items()},
        star=StarChange(tuple(star["added"]), tuple(star["dropped"])),
        word_count=WholeChange(**found["word_count"]),
        fillers_per_100_words=RateChange(**found["fillers_per_100_words"]),
        relevance=RateChange(**found["relevance"]),
        quantified_result=ResultChange(**found["quantified_result"]),
        verdict=found["verdict"],
        previous_answered_at=previous_answered_at,
    )
