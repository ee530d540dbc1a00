"""Session 21 (engineer skillsY21): years for an ask of a specific kind. Our own sentences, none from a pair file."""

from __future__ import annotations

from nextround.analysis.skillgaps.askedkind import claims_part, modifiers, other_kind, ways_of
from nextround.analysis.skillgaps.judged import Judged
from nextround.analysis.skillgaps.matcher import judge_all
from nextround.analysis.skillgaps.roleyears import claims, years_since_qualifying


def _years_ask(jd: str, cv: str) -> Judged:
    judged = [item for item in judge_all(jd, cv, 2026) if item.requirement.years]
    assert judged
    return judged[0]


_JD_PLANT = """Plant Fitter - Geelong
Requirements
- 3 years servicing rotary screw compressors
- Good written English
"""

_CV_PLANT = """Sam Ortiz
Experience
Compressor Technician - AirWorks, Geelong | Mar 2025 - present
- Service and overhaul rotary screw compressors at food plants
Compressor Technician - PumpCo, Ballarat | 2018 - Feb 2025
- Serviced reciprocating piston compressors on farms and workshops
"""


def test_a_role_writing_another_kind_of_the_thing_does_not_count() -> None:
    # the older role services compressors too, but piston ones; only the screw compressor role counts
    judged = _years_ask(_JD_PLANT, _CV_PLANT)
    assert not judged.evidence.met
    assert judged.years_shown is not None and judged.years_shown < 3


def test_a_cv_that_never_writes_the_kind_word_keeps_its_roles() -> None:
    cv = _CV_PLANT.replace("rotary screw compressors", "compressors").replace("reciprocating piston ", "")
    judged = _years_ask(_JD_PLANT, cv)
    assert judged.evidence.met


def test_modifiers_skip_the_activity_and_ranks() -> None:
    found = dict(modifiers("operating luffing tower cranes on high-rise sites"))
    assert "luf" in found and "oper" not in found
    assert "assist" not in dict(modifiers("Assistant Hotel Manager"))


def test_other_kind_needs_a_contrasting_modifier_not_a_name() -> None:
    blocks = [["Shepherd, Hill country sheep farm"], ["Shepherd - Two Thumb Range Station"]]
    assert other_kind("sheep station", blocks) == [False, False]
    blocks = [["Drove a luffer on a hotel job"], ["Ran hammerhead cranes on resi blocks"]]
    assert other_kind("operating luffing tower cranes", blocks) == [False, True]


def test_a_claim_qualified_only_for_part_of_its_years_is_not_the_kinds() -> None:
    claim = "HVAC tech with 9 years in the trade, last few in commercial"
    assert claims_part("commercial HVAC service", claim) is not None
    assert claims_part("HVAC service", claim) is None


def test_nearly_n_years_is_less_than_n() -> None:
    assert claims("Payroll officer with nearly four years in payroll.")[0][0] < 4


def test_each_alternative_adds_its_own_roles() -> None:
    jd = """Platform Engineer
Requirements
- 5+ years in SRE, DevOps or platform roles
"""
    cv = """Ana Ruiz
Experience
Platform Engineer - CloudCo | Mar 2022 - present
- Ran Kubernetes clusters
DevOps Engineer - Webshop | Jan 2019 - Feb 2022
- CI/CD pipelines and deploys
"""
    judged = _years_ask(jd, cv)
    assert judged.evidence.met
    assert judged.years_shown is not None and judged.years_shown >= 5


def test_ways_complete_a_bare_alternative_from_its_neighbours() -> None:
    assert frozenset({"fish", "process"}) in ways_of(("fish", "food processing"))
    assert any({"housekeep", "resort"} <= way for way in ways_of(("housekeeping in a five-star hotel", "resort")))
    # a loose way counts by its examples
    assert frozenset({"polic"}) in ways_of(("field enforcement", "similar front-line experience (police, bailiff)"))


def test_an_undated_qualifying_line_falls_back_to_the_degree() -> None:
    cv = """Profile
Registered Quantity Surveyor.
Education
BSc Quantity Surveying, 2014
Professional
- Registered QS, Surveyors Board
"""
    assert years_since_qualifying(cv, "At least 8 years post-qualification experience", 2026) == 12


def test_a_registration_heading_dates_it_by_the_line_under_it() -> None:
    cv = """Education
Diploma in Orthopaedic Technology, 2020
PROFESSIONAL REGISTRATION
Allied Health Council (2024)
"""
    assert years_since_qualifying(cv, "3 years post-qualification experience", 2026) == 2
