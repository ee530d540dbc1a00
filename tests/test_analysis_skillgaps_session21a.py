"""Session 21 (engineer skillsA21): reading the ad. French headings, "Essential functions" as duties, contact lines
that ask nothing, and an ampersand that joins one name. Our own sentences, none from a pair file."""

from __future__ import annotations

import pytest

from nextround.analysis.skillgaps.phrases import split_items
from nextround.analysis.skillgaps.requirements import requirements
from nextround.analysis.skillgaps.wishes import section_of_heading


@pytest.mark.parametrize(
    ("heading", "kind"),
    [
        ("Vos missions", "duties"),
        ("Votre profil", "required"),
        ("Profil recherché – compétences clés", "required"),
        ("Atouts", "nice"),
        ("Un plus :", "nice"),
        ("Nous offrons", "context"),
        ("Essential Functions:", "duties"),
        ("Essential duties and responsibilities", "duties"),
        ("Essential", "required"),
        ("Essential criteria", "required"),
        ("Enquiries:", "context"),
    ],
)
def test_headings_by_what_they_say(heading: str, kind: str) -> None:
    assert section_of_heading(heading) == kind


def _asked(ad: str) -> list[str]:
    return [item.text for item in requirements(ad)]


def test_essential_functions_are_duties_not_asks() -> None:
    ad = (
        "Paralegal\n\nEssential functions\n- Files motions, briefs and court records\n\n"
        "Minimum qualifications\n- Two years of paralegal experience\n"
    )
    sections = {item.text: item.section for item in requirements(ad)}
    assert sections["briefs"] == "duties"
    assert sections["paralegal"] == "required"


def test_a_contact_line_asks_nothing() -> None:
    ad = (
        "Stores Clerk\n\nREQUIREMENTS:\nA valid forklift licence. Two years' warehouse experience.\n\n"
        "ENQUIRIES: Mr T. Dlamini, Tel: 012 345 6789\n"
    )
    asked = " | ".join(_asked(ad))
    assert "forklift" in asked.lower()
    assert "Dlamini" not in asked and "345" not in asked


def test_a_french_wish_is_not_a_must() -> None:
    ad = "Cariste (H/F)\n\nVotre profil\n- Permis B\n- 2 ans d'expérience en logistique\n\nAtouts\n- CACES 3\n"
    sections = {item.text: item.section for item in requirements(ad)}
    assert any("CACES" in text and section == "nice" for text, section in sections.items())
    assert any("Permis" in text and section == "required" for text, section in sections.items())


def test_an_ampersand_between_capitals_joins_one_name() -> None:
    assert split_items("City & Guilds Level 3 and an HGV licence")[0] == "City & Guilds Level 3"
    assert split_items("Xero & QuickBooks") == ["Xero", "QuickBooks"]
