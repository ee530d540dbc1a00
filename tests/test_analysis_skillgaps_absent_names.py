"""Session 22 (skillsN22): names an ask writes that the CV shows in other words, for the evidence head's
`named_absent` (see skillgaps.absent_names)."""

from __future__ import annotations

import pytest

from nextround.analysis.skillgaps.absent_names import names_that_count, shown_otherwise
from nextround.analysis.skillgaps.exact import NamedIndex, named_tokens


def _absent(ask: str, cv: str) -> list[str]:
    """The ask's names that count and that the CV neither writes nor shows otherwise."""
    index = NamedIndex.of(cv)
    return [
        spellings[0]
        for spellings in names_that_count(ask, named_tokens(ask, ask))
        if not index.names_any(spellings) and not shown_otherwise(spellings[0], ask, index)
    ]


@pytest.mark.parametrize(
    ("ask", "cv"),
    [
        ("NDPS register maintenance", "Maintaining Schedule X and narcotic drugs register, double lock cupboard"),
        ("following the T&A calendar", "Run the time and action calendar and chase every sample"),
        ("procurement in a manufacturing or FMCG company", "Buyer for five years in a fast-moving beverage company"),
        ("embedded C development on ARM Cortex-M microcontrollers", "Safety firmware for motor drives (Cortex-M7)"),
        ("maintaining Toyota Land Cruiser diesel vehicles", "Service and overhaul of Land Cruiser 70/76/78"),
        ("Full working rights in Australia", "Australian citizen, based in Perth"),
        ("Western and Asian cuisine for multinational crew", "Cooked for Greek, Filipino, Indian and Chinese crews"),
        ("tasting and valuing Ceylon tea at a broker", "Certificate in Tea Tasting, Sri Lanka Tea Board, 2018"),
        ("INSZoom or a similar case management system", "Put together H-1B filings for corporate clients"),
        ("Available to work Saturdays", "All days including weekends"),
    ],
)
def test_a_name_the_cv_shows_in_other_words_is_not_absent(ask: str, cv: str) -> None:
    assert _absent(ask, cv) == []


@pytest.mark.parametrize(
    ("ask", "cv", "absent"),
    [
        ("SAP WM", "SAP MM key user", "WM"),  # another module of one product is not it
        ("DB boards", "Drove buses daily", "DB"),  # the initials need the head noun after them
        ("NEBOSH certificate", "National certificate in safety", "NEBOSH"),  # one letter and the head: not enough
        ("Java development", "JavaScript developer for five years", "Java"),
        ("ARM Cortex-M firmware", "Firmware for PIC and AVR parts", "ARM"),
    ],
)
def test_a_name_the_cv_does_not_show_stays_absent(ask: str, cv: str, absent: str) -> None:
    assert absent in _absent(ask, cv)


def test_an_award_word_is_no_name() -> None:
    # "Diploma or Degree in Dental Hygiene" asks an award the degree checks read, not a name a CV must write
    assert named_tokens("Diploma", "Diploma or Degree in Dental Hygiene") == []
