"""Session 20 (engineer skillsD20): a region an ask names is shown by a place inside it; leading people is shown
when the people come later in the clause, in a range, or in a crew's size. Our own sentences, none from a pair
file."""

from __future__ import annotations

import pytest

from nextround.analysis.skillgaps.exact import NamedIndex
from nextround.analysis.skillgaps.frames import leading_shown
from nextround.analysis.skillgaps.places import region_members


def test_a_region_is_shown_by_a_place_inside_it() -> None:
    cv = NamedIndex.of("Site Engineer, Al Futtaim Engineering, Abu Dhabi (2019 - 2024)")
    assert cv.names_any(region_members("GCC", "3 years of facade work in the GCC"))
    assert cv.names_any(region_members("Middle East", "Middle East project experience"))
    assert not cv.names_any(region_members("Caribbean", "work in the Caribbean"))


def test_a_region_of_several_words_needs_all_its_words() -> None:
    assert region_members("Gulf", "offshore experience in the Gulf of Mexico") == ()
    assert "muscat" in region_members("Gulf", "two years in the Arabian Gulf")
    assert region_members("Python", "Python scripting") == ()


@pytest.mark.parametrize(
    "line",
    [
        "- Oversaw maize harvesting squads of 40 casual labourers",
        "- In charge of a bay of 8-10 packers on the late shift",
        "- Supervised three excavators and a 9-man drainage crew",
        "- Floor lead for 4-6 pickers during the Christmas peak",
        "Skills: stock control, team supervision, forklift",
        "2019 - 2023: Crew leader, Hillside Orchards",
    ],
)
def test_leading_people_shown_later_in_the_clause(line: str) -> None:
    assert leading_shown([line]) == line.strip()


@pytest.mark.parametrize(
    "line",
    [
        "- Managed a portfolio of 300 rental units",
        "- Ran the till and served customers",
        "- Supervised the installation of 12 boilers",
    ],
)
def test_things_led_are_not_people(line: str) -> None:
    assert leading_shown([line]) is None


def test_a_region_inside_a_longer_name_is_no_region() -> None:
    assert region_members("East Africa", "the East Africa Tea Trade Association auction rules") == ()
    assert region_members("GCC", "GCC Standardization Organization marks") == ()
    assert "nairobi" in region_members("East Africa", "field sales in East Africa")
