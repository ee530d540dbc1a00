"""Typed skill matches and skill gaps: the analysers' items (plain mappings, analysis/skillgaps) read into frozen
dataclasses at the service boundary, so the CLI, the pages and the JSON read named fields.

Each class's fields are the analyser's keys in the analyser's order, so the JSON is what it was. A key the
analyser adds is not carried until a field names it: tests/test_skill_results.py fails when the two part.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from nextround.analysis.skillgaps import MatchResult


@dataclass(frozen=True, slots=True)
class RequiredSkill:
    skill: str
    text: str  # the requirement as the job description words it


@dataclass(frozen=True, slots=True)
class MatchedSkill:
    skill: str
    jd_text: str
    cv_text: str  # the CV's words that show it ("" when none are quoted)
    how: str  # how it was found (exact, synonym, meaning, ...)
    confidence: float


@dataclass(frozen=True, slots=True)
class MissingSkill:
    skill: str
    text: str
    sentence: str  # the job description's sentence it came from
    closest_cv_text: str | None
    confidence: float  # how sure it is a gap
    reason: str


@dataclass(frozen=True, slots=True)
class OptionalSkill:
    """A nice-to-have requirement and whether the CV shows it."""

    skill: str
    text: str
    matched: bool


@dataclass(frozen=True, slots=True)
class YearsAsked:
    skill: str
    asked: float | None  # a whole number stays an int, as the JSON has always written it
    shown: float | None


@dataclass(frozen=True, slots=True)
class UnclearItem:
    """Job wording that is listed but never scored or a gap: a piece that names no skill ("Prepare", "30%)"),
    `why` "fragment"; or a duty of the role the CV does not show and the ad does not ask of the candidate,
    `why` "not asked"; or a weaker gap past the pair's first ones, neither reported nor claimed shown (scored as
    likely shown as the learned head finds it), `why` "uncertain"."""

    text: str
    sentence: str
    matched: bool
    why: str = "fragment"


@dataclass(frozen=True, slots=True)
class ConditionAsked:
    """A condition of eligibility the job sets ("Singapore citizens or PRs", "willing to travel"): for the
    candidate to confirm, not a skill a CV line shows; never scored or ranked as a gap."""

    text: str
    sentence: str


@dataclass(frozen=True, slots=True)
class SkillMatch:
    """How well a CV covers a job description, and why (analysis.skillgaps.match, typed)."""

    score: int
    required: tuple[RequiredSkill, ...]
    matched: tuple[MatchedSkill, ...]
    missing: tuple[MissingSkill, ...]  # surest gaps first
    nice_to_have: tuple[OptionalSkill, ...]
    years: tuple[YearsAsked, ...]
    qualities: tuple[str, ...]
    explanation: tuple[str, ...]
    unclear: tuple[UnclearItem, ...] = ()
    conditions: tuple[ConditionAsked, ...] = ()


@dataclass(frozen=True, slots=True)
class SkillGap:
    """A requirement that rejecting jobs made and no CV shows (analysis.skillgaps.rank_gaps, typed)."""

    skill: str
    jobs: int
    weight: float  # summed stage weights of the jobs that asked
    confidence: float
    score: float  # weight x confidence: the rank
    example: str
    text: str
    closest_cv_text: str | None
    reason: str


@dataclass(frozen=True, slots=True)
class TopGap(SkillGap):
    """A gap on the insights page: `recurring` when enough jobs asked for it to call it a pattern."""

    recurring: bool


_Item = TypeVar("_Item")


def _read(cls: type[_Item], item: Mapping[str, object]) -> _Item:
    """`cls` from the analyser's mapping, by its field names (extra keys are the test's business)."""
    values: dict[str, Any] = {f.name: item[f.name] for f in fields(cls) if f.name in item}  # type: ignore[arg-type]
    return cls(**values)


def skill_match(result: MatchResult) -> SkillMatch:
    return SkillMatch(
        score=result.score,
        required=tuple(_read(RequiredSkill, item) for item in result.required),
        matched=tuple(_read(MatchedSkill, item) for item in result.matched),
        missing=tuple(_read(MissingSkill, item) for item in result.missing),
        nice_to_have=tuple(_read(OptionalSkill, item) for item in result.nice_to_have),
        years=tuple(_read(YearsAsked, item) for item in result.years),
        qualities=result.qualities,
        explanation=result.explanation,
        unclear=tuple(_read(UnclearItem, item) for item in result.unclear),
        conditions=tuple(_read(ConditionAsked, item) for item in result.conditions),
    )


def skill_gap(item: Mapping[str, object]) -> SkillGap:
    return _read(SkillGap, item)


def top_gap(item: Mapping[str, object]) -> TopGap:
    return _read(TopGap, item)
