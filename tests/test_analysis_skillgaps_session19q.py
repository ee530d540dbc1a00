"""Session 19 (engineer skillsQ19): what the ad asks, alternatives and scope. Our own sentences, none from a pair
file."""

from __future__ import annotations

import pytest

from nextround.analysis.skillgaps.alternatives import alternatives_of
from nextround.analysis.skillgaps.assessment import _degree_one_way
from nextround.analysis.skillgaps.conditions import is_eligibility, is_quality
from nextround.analysis.skillgaps.denied import denied_line
from nextround.analysis.skillgaps.requirements import requirements


def test_long_ways_joined_by_comma_or_are_alternatives() -> None:
    ways = alternatives_of(
        "Diploma in Forestry or Arboriculture, or a Level 4 certificate in Tree Surgery (with climbing units)"
    )
    assert "a Level 4 certificate in Tree Surgery (with climbing units)" in ways
    assert len(ways) >= 2


def test_an_alternative_to_obtain_loses_its_lead_in() -> None:
    assert alternatives_of("Harbour security card or you can get a port ID (within a month)") == (
        "Harbour security card",
        "a port ID (within a month)",
    )


def test_a_long_item_without_comma_or_stays_whole() -> None:
    item = "Experience of planning weekly rotas for a team of twelve or more cleaners on site"
    assert alternatives_of(item) == (item,)


@pytest.mark.parametrize(
    ("alternatives", "one_way"),
    [
        (("Chartered Engineer (CEng)", "Incorporated Engineer,", "a degree in Structural Engineering"), True),
        (("a degree in Chemistry", "Biochemistry"), False),
        (("Bachelor's degree in Accounting", "Finance"), False),
        (("HND", "a degree in Civil Engineering"), False),  # a lower degree, which the degree check reads
    ],
)
def test_a_degree_after_other_ways_is_one_way(alternatives: tuple[str, ...], one_way: bool) -> None:
    assert _degree_one_way(alternatives) is one_way


@pytest.mark.parametrize("phrase", ["Pleasing personality", "a pleasant personality", "Courteous and well presented"])
def test_manner_is_a_quality(phrase: str) -> None:
    assert is_quality(phrase)


@pytest.mark.parametrize("phrase", ["Age 21 - 40 years", "Aged between 25 and 45", "Between 22 and 35 years of age"])
def test_an_age_limit_is_a_condition(phrase: str) -> None:
    assert is_eligibility(phrase)


@pytest.mark.parametrize("phrase", ["teaching pupils aged 11-16", "caring for residents aged 65 and over"])
def test_the_age_of_the_people_served_is_an_ask(phrase: str) -> None:
    assert not is_eligibility(phrase)


def test_an_employer_seeking_staff_after_an_apposition_asks_nothing() -> None:
    jd = (
        "Roofers wanted\n\nHarbourline Roofing, a family firm with forty years on the coast, is seeking roofers for "
        "Dunedin and Mosgiel. We fit long-run iron.\n\nRequirements:\n- Working at heights certificate\n"
    )
    asked = [item.text for item in requirements(jd)]
    assert not any("seeking" in text or "Harbourline" in text for text in asked)
    assert any("heights" in text for text in asked)


def test_help_to_a_senior_is_the_work_of_an_assistant_post() -> None:
    cv = "Assistant chef, The Quay Hotel\n- Helped the head chef with the lunch service for 80 covers"
    ask = "lunch service for large numbers"
    assert denied_line(ask, cv) is not None  # a chef's post: second hand
    assert denied_line(ask, cv, jd="Kitchen Assistant - The Harbour Hotel\n\nWe need help.") is None
