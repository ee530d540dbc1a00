"""Session 20 (engineer skillsP20): a years ask "in <place>" counts only the dated roles and claims in that place.
Our own sentences, none from a pair file."""

from __future__ import annotations

from nextround.analysis.skillgaps.matcher import judge_all
from nextround.analysis.skillgaps.places import names_place

_JD = """Senior Strata Manager - Brisbane, QLD
Requirements
- 4+ years strata management in Queensland
- Good written English
"""

_CV_ELSEWHERE = """Jordan Lee
Summary
Strata manager with nine years' experience, mostly in Melbourne.
Experience
Strata Manager - Bayside Strata, Southport QLD | Jan 2024 - present
- Manage a portfolio of 60 strata schemes, run AGMs and levy budgets
Strata Manager - Yarra Body Corporate, Melbourne VIC | 2016 - 2023
- Managed strata schemes and owners corporations
"""

_CV_THERE = _CV_ELSEWHERE.replace("Melbourne VIC | 2016 - 2023", "Brisbane | 2016 - 2023").replace(
    "mostly in Melbourne", "all in Brisbane"
)


def _years_ask(cv: str) -> object:
    judged = [item for item in judge_all(_JD, cv, 2026) if item.requirement.years]
    assert judged
    return judged[0]


def test_years_in_a_place_count_only_the_roles_there() -> None:
    judged = _years_ask(_CV_ELSEWHERE)
    assert not judged.evidence.met  # type: ignore[attr-defined]
    assert judged.years_shown < 4  # type: ignore[attr-defined]


def test_years_in_a_place_met_by_the_roles_there() -> None:
    assert _years_ask(_CV_THERE).evidence.met  # type: ignore[attr-defined]


def test_a_claim_names_its_place_for_all_its_years_only() -> None:
    place = ("gcc", "dubai", "oman")
    assert names_place(["8 years of facade work in Dubai"], place, whole=True)
    assert not names_place(["8 years of facade work, including two projects in Oman"], place, whole=True)
    assert names_place(["Site Engineer, Muscat, Oman | 2019 - 2024"], place)
