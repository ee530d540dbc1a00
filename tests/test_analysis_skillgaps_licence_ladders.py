"""Session 24: a higher class on one country's ladder meets a lower ask; Australia's "C class (manual)" is a
driving licence line."""

from __future__ import annotations

import pytest

from nextround.analysis.skillgaps.licence_stages import driving_licences_held, other_class_short


@pytest.mark.parametrize(
    ("ask", "cv"),
    [
        ("Class 5 driver's licence", "Manitoba Class 1 licence, clean abstract"),  # Canada: 1 covers 5
        ("Class 5 licence", "Alberta Class 3 licence (tandem trucks)"),  # any of 2 to 4 covers 5
        ("Class HR driver's licence", "Driver licence: Class HC"),  # Australia: HC covers HR
    ],
)
def test_a_higher_class_on_the_ladder_meets_the_ask(ask: str, cv: str) -> None:
    assert other_class_short(ask, cv) is None


@pytest.mark.parametrize(
    ("ask", "cv"),
    [
        ("Class 5 driver licence", "NZ Class 2 driver licence"),  # New Zealand numbers the other way
        ("Class 1 licence", "Ontario Class 3 licence"),  # a lower Canadian class
        ("Class HC driver's licence", "Driver licence: Class MR"),  # a lower Australian class
    ],
)
def test_a_lower_or_unladdered_class_stays_short(ask: str, cv: str) -> None:
    assert other_class_short(ask, cv) is not None


def test_a_class_letter_before_its_word_is_a_licence_line() -> None:
    held = driving_licences_held("LICENCES\nC class (manual) - open\nFirst aid")
    assert [licence.stage for licence in held] == ["full"]
    assert driving_licences_held("Drove a Mercedes C class for the firm") == []
