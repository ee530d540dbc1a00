"""Session 19 (engineer skillsN19): a name and its initials are one thing; a certificate named by who holds it is
not a grade of its family. Our own sentences, none from a pair file."""

from __future__ import annotations

import pytest

from nextround.analysis.skillgaps import credentials
from nextround.analysis.skillgaps.nearmiss import initials, other_variant


def test_initials_read_capitalised_words_and_skip_stop_words() -> None:
    assert initials(["Basic", "Safety", "Training"]) == "BST"
    assert initials(["Certificate", "of", "Competency"]) == "CC"
    assert initials(["advanced", "rescue"]) == ""  # not a name
    assert initials(["Rescue"]) == ""  # one word is no set of initials


@pytest.mark.parametrize(
    ("asked", "cv"),
    [
        # the CV writes the module as its initials, and holds another module of the same body too
        ("IMCA Dive Supervisor Training", "IMCA DST (2023)\nIMCA Air Diving Course (2021)"),
        # the job writes the initials, the CV spells the name out
        ("NEBOSH IGC", "NEBOSH International General Certificate, 2022\nNEBOSH Fire Certificate, 2024"),
    ],
)
def test_a_name_and_its_initials_are_one_module(asked: str, cv: str) -> None:
    assert other_variant(cv, asked) is None


def test_another_module_is_still_another_variant() -> None:
    cv = "IMCA DST (2023)\nIMCA Air Diving Course (2021)"
    assert other_variant(cv, "IMCA Closed Bell Course") is not None


def test_a_certificate_named_by_its_holder_is_not_a_grade() -> None:
    cv = "Radio: UHF Long Range Certificate (2020)"
    assert other_variant(cv, "UHF Radio Operator's licence") is None


@pytest.mark.parametrize(
    ("held", "level"),
    [
        ("ND Mechanical Engineering, Kaduna Polytechnic, 2019", 4),
        ("National Diploma in Civil Engineering (2018)", 4),
        ("Higher National Diploma, Building Technology", 5),
        ("Higher National Certificate in Electrical Engineering", 4),
    ],
)
def test_awards_written_out_or_as_initials_have_one_level(held: str, level: int) -> None:
    assert credentials.degree_level(held) == level


def test_a_lower_case_nd_is_no_award() -> None:
    assert credentials.degree_level("2nd shift lead, and more") is None


def test_a_module_the_ask_lists_is_part_of_it_not_another_variant() -> None:
    cv = "IMCA Air Diving Course (2021)"
    assert other_variant(cv, "IMCA Diver Training (Air Diving, Surface Supply)") is None
    assert other_variant(cv, "IMCA Diver Training (Surface Supply, Chamber Operation)") is not None
