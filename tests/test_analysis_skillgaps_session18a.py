"""Session 18 (engineer skillsA18): reading the ad and the scope of exact checks. Our own sentences, none from a
pair file."""

from __future__ import annotations

import pytest

from nextround.analysis.skillgaps.held import not_held
from tests.skillgap_helpers import verdict_on


@pytest.mark.parametrize(
    ("line", "ask"),
    [
        # the cue is in a clause of its own that speaks of something else
        (
            "Ward clerk and a volunteer in training at the hospice. Patient, tactful with visitors.",
            "tact with visitors",
        ),
        ("Forklift licence (counterbalance), 2022; RTITB reach truck course booked for 2027", "forklift licence"),
        ("Bookkeeper for six years. Preparing for the AAT Level 4 exam.", "bookkeeping"),
        # the ask takes a step under way as enough
        ("NMC: application submitted, awaiting my PIN", "NMC registration (or eligible for registration)"),
        ("CIMA: all papers but the case study passed; case study booked", "CIMA qualified, or a finalist"),
    ],
)
def test_a_cue_about_another_clause_or_a_step_the_ask_allows_is_held(line: str, ask: str) -> None:
    assert not not_held(line, 2026, ask)


@pytest.mark.parametrize(
    ("line", "ask"),
    [
        # a clause that names nothing of its own goes on about the one before it
        ("Gas Safe registration held 2018 - 2024; lapsed May 2025", "Gas Safe registration"),
        ("Worked through the PRINCE2 Foundation manual; exam booked for April 2027", "PRINCE2 Foundation"),
        # a "Name:" heading governs its whole line
        ("Actuarial Society: first exam passed; second sitting booked for May 2027", "Actuarial Society exams"),
        # no clause names the ask: the line was taken as its evidence in other words
        ("Heartsaver CPR - expired 03/2026; renewal class booked", "cardiopulmonary resuscitation certificate"),
        ("Applying for the Builders Board licence (registration started November 2026)", "Builders Board licence"),
    ],
)
def test_a_cue_in_the_asks_own_clause_still_says_not_held(line: str, ask: str) -> None:
    assert not_held(line, 2026, ask)


def test_the_held_check_is_for_credentials_not_skills() -> None:
    jd = "Site Assistant\nRequirements:\n- Experience writing site reports\n- Valid CSCS card"
    cv = (
        "Site assistant, Hill Construction, 2019 - 2025\n"
        "- Writing site reports every week; studying for the site management diploma\n"
        "- CSCS card: touch-screen test booked for February 2027"
    )
    assert verdict_on(jd, cv, "site reports")[1] != "held"
    assert verdict_on(jd, cv, "CSCS")[:2] == (False, "held")


def test_a_credential_the_cv_writes_whole_is_checked_without_a_credential_word_in_the_ask() -> None:
    jd = "Ski Medic\nRequirements:\n- Mountain First Aid Level 2\n- 3 full seasons teaching skiing"
    cv = (
        "Ski instructor, 2019 - 2025 (six full seasons teaching skiing)\n"
        "- Mountain First Aid Level 2 - certificate expired March 2026, recert course booked\n"
        "- Instructor Level 3: teaching module booked for March 2027"
    )
    assert verdict_on(jd, cv, "First Aid")[:2] == (False, "held")
    assert verdict_on(jd, cv, "skiing")[1] != "held"
