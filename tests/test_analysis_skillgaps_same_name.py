"""Same name, another value (skillgaps/same_name.py): the CV names the asked credential with another value in its
slot, or as not held yet."""

from __future__ import annotations

import pytest

from nextround.analysis.skillgaps import match
from nextround.analysis.skillgaps.same_name import one_way, value_short, values


def _gaps(jd: str, cv: str) -> dict[str, str]:
    return {str(gap["text"]): str(gap["reason"]) for gap in match(jd, cv, reference_year=2026).to_dict()["missing"]}


def test_values_read_each_slot_its_list_and_its_scheme() -> None:
    assert [(v.word, v.value) for v in values("Crane Operator, Category 2 or 3")] == [
        ("category", "2"),
        ("category", "3"),
    ]
    assert [(v.word, v.value, v.owner) for v in values("QCF Level 4 award")] == [("level", "4", "QCF")]
    assert [(v.word, v.value) for v in values("NQF level 5 certificate")] == [("nqf", "5")]
    assert [(v.word, v.value) for v in values("Welding skill test 3級")] == [("grade", "3")]
    assert [(v.word, v.value) for v in values("built to ISO 27001 controls")] == [("iso", "27001")]
    assert [(v.word, v.value) for v in values("Paediatric First Aid +W")] == [("+", "W")]


@pytest.mark.parametrize(
    ("asked", "held", "shown"),
    [
        # a class of a licence that is not for driving: classes are not ordered, another is another
        ("Class A Embalmer licence", "Embalmer licence, Class B (Provincial board), 2020", "Class B"),
        # an NQF level runs up: a lower one falls short
        ("Diploma in Food Technology at NQF level 6", "Certificate in Food Technology (NQF 4), 2019", "NQF 4"),
        # a number after the class is another class when a letter follows it
        ("Class 4 driving licence", "Class 4B driving licence (vans only)", "CLASS 4B"),
        # a numeric grade: which way it runs is unknown, so another grade is another
        ("Kimono Dressing Skill Test Grade 1", "Kimono Dressing Skill Test, Grade 3 (着付け技能士 3級)", "Grade 3"),
        # another standard of the same body
        ("Audits against ISO 22000", "Ran internal audits to ISO 14001 on the packing line", "ISO 14001"),
    ],
)
def test_the_same_name_with_another_value_is_a_gap(asked: str, held: str, shown: str) -> None:
    found = value_short(asked, f"Work\nProduction lead, 2018 - present\nTickets\n{held}")
    assert found is not None and shown.lower() in found[0].lower() and held in found[1]


@pytest.mark.parametrize(
    ("asked", "held"),
    [
        ("Class A Embalmer licence", "Embalmer licence (Class A), renewed 2025"),
        ("Diploma in Food Technology at NQF level 6", "Degree in Food Technology (NQF 7), 2019"),  # higher meets lower
        ("Grade C or D electrician", "Electrician, Grade D (2021)"),  # one of the asked values
        ("Grade B electrician", "Electrician, Grade A (2021)"),  # letter grades count down from A
        ("Audits against ISO 22000 or a comparable food safety standard", "Audits to BRC food safety standard"),
        ("Mixed Category Diver, Level 3", "Commercial pilot, Level 2 simulator"),  # never names the head
        ("Class 1 licence", "Class 2 driver's licence (clean)"),  # driving scales are left to the class checks
    ],
)
def test_the_value_asked_a_higher_one_or_another_head_is_not_a_gap(asked: str, held: str) -> None:
    assert value_short(asked, f"Work\nProduction lead, 2018 - present\nTickets\n{held}") is None


def test_a_comparable_standard_of_another_field_is_still_another_standard() -> None:
    ask = "Firmware developed under ISO 26262 or a comparable automotive safety standard"
    assert value_short(ask, "Experience\n- Wrote pump controller code to IEC 62443 for water plants") is None
    assert value_short(ask, "Experience\n- Wrote pump controller code to ISO 13849 for water plants") is not None
    assert value_short(ask, "Experience\n- ISO 25119 automotive and tractor controllers") is None  # same field


def test_an_add_on_the_line_lacks_is_a_gap() -> None:
    found = value_short("Paediatric First Aid +W (Wilderness)", "Tickets\n- Paediatric First Aid (2 days), 2024")
    assert found is not None and "+W" in found[0]
    assert value_short("Paediatric First Aid +W", "Tickets\n- Paediatric First Aid +W, 2024") is None


@pytest.mark.parametrize(
    "line",
    [
        "State harbour pilot licence: written part passed 2025; practical examination scheduled for May",
        "Harbour pilot licence (state) - application lodged, awaiting decision",
        "In-house harbour pilot familiarisation (2 weeks) - no external certificate",
    ],
)
def test_the_credential_named_as_not_held_yet_or_denied_is_a_gap(line: str) -> None:
    cv = f"Summary\nDeck officer on coastal tankers.\nCertificates\n- {line}\n- STCW Basic Safety, 2019"
    assert value_short("State harbour pilot licence", cv) is not None
    held = cv + "\n- State harbour pilot licence, 2024"
    assert value_short("State harbour pilot licence", held) is None
    assert value_short("State harbour pilot licence or enrolment in the pilot cadetship", cv) is None


def test_a_licence_stage_under_a_licence_heading_is_read() -> None:
    cv = "Work\nFarm hand, 2020 - present\n\nLicence\n- Class 2 learner (test booked for June)\n"
    assert value_short("Full Class 2 licence", cv) is not None
    assert value_short("Full Class 2 licence", cv.replace("learner (test booked for June)", "full, 2021")) is None


def test_match_reports_the_class_of_another_licence() -> None:
    jd = "Embalmer\nRequirements:\n- Class A Embalmer licence with the provincial board\n- Two years in a funeral home"
    cv = (
        "Embalmer, Riverside Funeral Home, 2019 - present\n- Embalming and restoration\n"
        "Licensing\nEmbalmer licence, Class B - provincial board (2019)"
    )
    gaps = _gaps(jd, cv)
    assert any("Class A Embalmer" in text for text in gaps)
    held = cv.replace("Class B", "Class A")
    assert not any("Class A Embalmer" in text for text in _gaps(jd, held))


def test_the_whole_ask_decides_when_a_part_of_it_is_named() -> None:
    # a form that is only the board's name would meet it; the class on the board's line decides the whole ask
    jd = "Embalmer\nRequirements:\n- Class A Embalmer licence with the Harbour Province Funeral Board\n"
    cv = "Embalmer, 2019 - present\nLicensing\nEmbalmer licence, Class B - Harbour Province Funeral Board (2019)"
    assert any("Class A Embalmer" in text for text in _gaps(jd, cv))


def test_a_comparable_standard_as_the_other_way_is_read_by_its_field() -> None:
    jd = "Engineer\nMust have:\n- Code written under ISO 26262 or a comparable automotive safety standard\n"
    cv = "Firmware engineer, 2018 - present\n- Pump controller code written to ISO 13849 for water plants"
    assert any("ISO 26262" in text for text in _gaps(jd, cv))
    assert one_way(("Code written under ISO 26262", "a comparable automotive safety standard"))
    assert not one_way(("ISO 26262", "ASPICE Level 2"))


def test_a_step_under_way_the_ask_accepts_in_brackets_is_not_a_gap() -> None:
    cv = "Summary\nCertificates\n- Harbour pilot licence - application lodged, awaiting decision"
    assert value_short("Harbour pilot licence", cv, "Harbour pilot licence (or eligible to apply)") is None
    assert value_short("Harbour pilot licence", cv) is not None
