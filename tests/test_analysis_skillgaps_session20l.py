"""Session 20 (engineer skillsL20): the licence branch only for licences, and asks that are not asks. Our own
sentences, none from a pair file."""

from __future__ import annotations

import pytest

from nextround.analysis.skillgaps import credentials
from nextround.analysis.skillgaps.conditions import is_eligibility
from nextround.analysis.skillgaps.degrees import degree_level
from nextround.analysis.skillgaps.matcher import match


@pytest.mark.parametrize(
    ("asked", "words"),
    [
        ("Valid Class 1 medical certificate", ["medical"]),
        ("Driving Examiner (DE) registration for Category C", ["Examiner", "registration", "DE"]),
        ("Category B driving instructor", ["driving", "instructor"]),
    ],
)
def test_a_class_of_another_credential_is_not_a_licence(asked: str, words: list[str]) -> None:
    assert credentials.other_credential_words(asked) == words


@pytest.mark.parametrize(
    "asked", ["Full Category C licence", "Class 1 licence and instructor registration", "CPC card", "Category D"]
)
def test_a_licence_stays_a_licence(asked: str) -> None:
    assert credentials.other_credential_words(asked) is None


def test_the_category_is_read_on_the_lines_naming_the_credential() -> None:
    cv = "Full driving licence: Categories B, C and C+E\nDriving Examiner (DE) - Category B only"
    asked = "Driving Examiner (DE) registration for Category C"
    words = credentials.other_credential_words(asked)
    assert words is not None
    assert credentials.held_for_other(asked, words, cv) == (False, "Driving Examiner (DE) - Category B only")


def test_an_expired_medical_is_not_met_by_a_truck_licence() -> None:
    jd = "Requirements:\n- Valid Class 1 medical certificate\n- 500 hours as pilot in command"
    cv = (
        "LICENCES\nCommercial Pilot Licence (Aeroplanes)\nClass 1 medical - expired March 2025\n"
        "Full driving licence, Class 1 (HGV)\n\nEXPERIENCE\n"
        "Pilot, Sky Air, 2015 - present: 900 hours as pilot in command"
    )
    gaps = [str(item["skill"]) for item in match(jd, cv).missing]
    assert any("medical" in gap for gap in gaps)


def test_a_motorcycle_class_does_not_meet_a_car_class() -> None:
    held = credentials.numbered_licences("Driving licence: Class 2A")
    assert credentials.numbered_licence_met(("class", 3), held) is False
    assert credentials.numbered_licence_met(("class", 3), held | {("class", 3)}) is True


@pytest.mark.parametrize(
    ("phrase", "sentence"),
    [
        ("covering the Cork depot two days a week", "You must be comfortable covering the Cork depot two days a week."),
        ("travelling to client sites", "Be happy travelling to client sites across the region."),
    ],
)
def test_ease_before_a_presence_is_a_condition(phrase: str, sentence: str) -> None:
    assert is_eligibility(phrase, sentence)


def test_ease_with_a_skill_stays_an_ask() -> None:
    assert not is_eligibility("working in a small team", "Comfortable working in a small team")
    assert not is_eligibility("using SQL", "Comfortable using SQL")


def test_what_to_send_with_an_application_is_not_an_ask() -> None:
    jd = (
        "Requirements:\n- 3 years of Python\n\n"
        "Apply through our website. Include a link to your Behance profile if you have one."
    )
    cv = "Python developer, 2019 - present"
    gaps = [str(item["skill"]) for item in match(jd, cv).missing]
    assert not any("Behance" in gap for gap in gaps)


def test_a_master_of_any_capitalised_subject_is_level_seven() -> None:
    assert degree_level("Master of Museum Studies, 2021") == 7
    assert degree_level("Master of Ceremonies at weddings") is None


def test_a_letter_asked_or_above_is_not_read_as_another_value() -> None:
    from nextround.analysis.skillgaps.slots import another_value

    assert not another_value("Group B (or above) glider rating", "Group C rating, 2022")
    assert another_value("Group B glider rating", "Group C rating, 2022")
    assert another_value("Grade B or higher", "Grade D")  # grades count down from A: D is lower


def test_a_stage_the_ask_does_not_name_is_lower() -> None:
    from nextround.analysis.skillgaps.currency import lower_stage

    line = "Provisional Registered Dietitian (Ontario), 2025"
    assert lower_stage(line, "Senior or General level Registered Dietitian")
    assert not lower_stage(line, "Provisional or General level Registered Dietitian")
    assert not lower_stage(line, "Registered Dietitian")
