"""Skill matches and gaps as typed results: the same JSON as the analysers' mappings, and a field for every key."""

from __future__ import annotations

from dataclasses import fields

from nextround.analysis.skillgaps import match, rank_gaps
from nextround.serialize import to_json
from nextround.services import insight
from nextround.services.skill_results import (
    MatchedSkill,
    MissingSkill,
    OptionalSkill,
    RequiredSkill,
    SkillGap,
    YearsAsked,
    skill_match,
)

JOB = """Warehouse Team Leader
Requirements:
- At least 3 years of experience leading a warehouse shift
- Forklift licence (counterbalance)
- Experience with SAP for stock control
- First aid certificate
Nice to have:
- Experience with lean or 5S
- A full driving licence
"""
CV = """Shift supervisor, Northgate Distribution, 2019 - 2024
Led a night shift of 12 pickers and packers; cut mispicks by a third.
Counterbalance forklift licence, renewed 2023. Ran daily 5S checks on the dock.
"""


def _names(cls: type) -> list[str]:
    return [f.name for f in fields(cls)]


def test_every_item_key_has_a_field_in_the_same_order() -> None:
    """When an analyser adds or renames a key, this fails: add the field so the JSON keeps carrying it."""
    result = match(JOB, CV)
    assert result.required and result.matched and result.missing and result.nice_to_have and result.years
    for items, cls in (
        (result.required, RequiredSkill),
        (result.matched, MatchedSkill),
        (result.missing, MissingSkill),
        (result.nice_to_have, OptionalSkill),
        (result.years, YearsAsked),
    ):
        for item in items:
            assert list(item) == _names(cls), cls.__name__
    gaps = rank_gaps([(JOB, 3.0)], [CV])
    assert gaps and all(list(gap) == _names(SkillGap) for gap in gaps)


def test_typed_results_write_the_analysers_json() -> None:
    result = match(JOB, CV)
    assert to_json(skill_match(result)) == to_json(result.to_dict())
    assert to_json(insight.match_texts(JOB, CV)) == to_json(result.to_dict())
    typed = skill_match(result)
    assert isinstance(typed.missing[0], MissingSkill) and isinstance(typed.missing[0].confidence, float)
