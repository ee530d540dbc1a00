"""Session 22 (skillsH22): the award not held in more words and languages, and the length a CV states for a role."""

from __future__ import annotations

import pytest

from nextround.analysis.skillgaps.held import not_held
from nextround.analysis.skillgaps.roleyears import span_months
from nextround.analysis.skillgaps.stated_length import stated_months


@pytest.mark.parametrize(
    ("line", "ask"),
    [
        ("Blasting Certificate Part B sat in May 2026, results outstanding", "Blasting Certificate"),
        ("Probationer member, Institute of Valuers - final examination in 2027", "Full membership of the IoV"),
        ("Graduate engineer, sitting the final professional interview in 2027", "Chartered engineer status"),
        ("Italian: A2; currently attending a B1 course at the Istituto", "Italian at B1 level"),
        ("Carteira de operador de empilhadeira: renovação em curso", "Carteira de operador de empilhadeira"),
        ("Licencia de conducir clase B, vencida en 2025", "Licencia de conducir clase B"),
        ("Certificado NR-10 - aguardando emissão", "Certificado NR-10"),
    ],
)
def test_not_held_in_more_words(line: str, ask: str) -> None:
    assert not_held(line, 2026, ask)


@pytest.mark.parametrize(
    ("line", "ask"),
    [
        ("Blasting Certificate Part B, passed 2024", "Blasting Certificate"),
        ("Full member, Institute of Valuers (2019)", "Full membership of the IoV"),
        ("Italian: B2 (certificate 2023)", "Italian at B1 level"),
    ],
)
def test_held_lines_stay_held(line: str, ask: str) -> None:
    assert not not_held(line, 2026, ask)


@pytest.mark.parametrize(
    ("head", "months"),
    [
        ("Scrub Nurse, City Hospital | Mar 2024 – present (1 year 10 months)", 22),
        ("DECKHAND - 2022 to 2023 (7 months)", 7),
        ("Analyst, Mar 2021 - Jun 2022 · 1 yr 3 mos", 15),
        ("Welder (supervised, 2 years)", 24),
        ("Conservator (fixed term 18 months)", None),
        ("Nurse 2020 - present (3 years post-registration)", None),
        ("Driver, 2019 - 2024", None),
    ],
)
def test_stated_months(head: str, months: int | None) -> None:
    assert stated_months(head) == months


def test_stated_length_caps_the_dates() -> None:
    # "present" read as the reference year gives 24 months from March 2024; the CV says 22
    assert span_months(["Scrub Nurse, City Hospital | Mar 2024 – present (1 year 10 months)"], 2026) == 22
    # a stated length longer than the dates does not stretch them
    assert span_months(["Farrier, 2020 - 2021 (supervised, 30 months)"], 2026) == 12
