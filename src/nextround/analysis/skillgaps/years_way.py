"""An ask met by a credential or by years of the work: "Qualified glazier (NZ Certificate in Glass and Glazing Level
4) or 3+ yrs trade experience", "Certificate IV in Rail Signalling or at least 2 years' signalling maintenance
experience" (session 24). Each way is judged on its own and either meets it: the years go with the experience way
only, and the credential's award is not carried into it ("Certificate IV in signalling maintenance")."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING, Final

from nextround.analysis.skillgaps.alternatives import alternatives_of
from nextround.analysis.skillgaps.layout import mask_brackets, unmask_brackets

if TYPE_CHECKING:  # phrases reads the sentence with split_years_way
    from nextround.analysis.skillgaps.judged import Judged
    from nextround.analysis.skillgaps.phrases import Requirement

# "..., or at least 2 years' ...", "... or 3+ yrs ...": an "or" (outside brackets) that opens a way in years
_OR_YEARS: Final = re.compile(
    r",?\s+or\s+(?=(?:(?:at least|a minimum of|minimum(?: of)?|min\.?|over|more than)\s+)?"
    r"(?:\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten)\s*\+?\s*(?:full\s+)?(?:years?|yrs?|months?)\b)",
    re.IGNORECASE,
)


def split_years_way(sentence: str) -> tuple[str, str] | None:
    """(the credential way, the way in years) of a sentence "A or N years' B", where A asks no years of its own;
    else None."""
    masked, kept = mask_brackets(sentence)
    pieces = _OR_YEARS.split(masked, maxsplit=1)
    if len(pieces) != 2 or not pieces[0].strip(" -•*") or not pieces[1].strip():
        return None
    return unmask_brackets(pieces[0], kept), unmask_brackets(pieces[1], kept)


def read_years_way(
    sentence: str, clean: Callable[[str], str], years_of: Callable[[str], tuple[float | None, str]]
) -> tuple[str, float, str] | None:
    """(the credential way, the years, the years' own words) of "A or N years' B", each way cleaned of its lead-in
    and tail (`clean`, `years_of` of :mod:`phrases`), when A asks no years of its own; else None."""
    either = split_years_way(sentence)
    if either is None or years_of(either[0])[0] is not None:
        return None
    way = clean(either[0])
    years, rest = years_of(either[1])
    experience = clean(rest)
    if not (way and experience) or years is None:
        return None
    return way, years, experience


def credential_way(requirement: Requirement) -> Requirement:
    """The way without years: the ask's alternatives, judged with no years."""
    way = requirement.text.removesuffix(f" or {requirement.years_way}")
    return replace(requirement, text=way, years=None, years_way="")


def experience_way(requirement: Requirement) -> Requirement:
    """The way in years: its own words, with the years asked."""
    way = requirement.years_way
    return replace(requirement, text=way, alternatives=alternatives_of(way), years_way="")


def ways(requirement: Requirement) -> list[Requirement]:
    """The requirement's ways to judge one by one: the credential and the years, or the requirement itself."""
    if not requirement.years_way:
        return [requirement]
    return [credential_way(requirement), experience_way(requirement)]


def either_way(item: Requirement, judge: Callable[[Requirement], Judged]) -> tuple[Requirement, Judged]:
    """The requirement judged by the rules (`judge`), with the way that decided it: the first way met (a credential
    or years of the work), else the credential's gap with the years' reason too. The verdict keeps the whole ask."""
    decided: list[tuple[Requirement, Judged]] = []
    for way in ways(item):
        judged = judge(way)
        decided.append((way, replace(judged, requirement=item)))
        if judged.evidence.met:
            return decided[-1]
    way, judged = decided[0]
    if len(decided) > 1 and decided[1][1].evidence.reason not in ("", judged.evidence.reason):
        reasons = f"{judged.evidence.reason}; nor {decided[1][1].evidence.reason}".strip("; ")
        judged = replace(judged, evidence=replace(judged.evidence, reason=reasons))
    return way, judged
