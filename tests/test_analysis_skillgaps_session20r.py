"""Session 20 (engineer skillsR20): headings that say "a bonus" or are written in German, duties an exact check
decided, credentials the holder must redo, aims and acting cover. Our own sentences, none from a pair file."""

from __future__ import annotations

import pytest

from nextround.analysis.skillgaps.frames import covering, leading_shown
from nextround.analysis.skillgaps.held import not_held
from nextround.analysis.skillgaps.matcher import judge_all
from nextround.analysis.skillgaps.wishes import section_of_heading


@pytest.mark.parametrize(
    ("heading", "kind"),
    [
        ("Would be a bonus", "nice"),
        ("Would also be a plus:", "nice"),
        ("Will be an advantage", "nice"),
        ("Wünschenswert", "nice"),
        ("Von Vorteil", "nice"),
        ("Ihre Aufgaben", "duties"),
        ("Wir bieten", "context"),
    ],
)
def test_headings_by_what_they_say(heading: str, kind: str) -> None:
    assert section_of_heading(heading) == kind


def test_a_sentence_with_a_bonus_is_not_a_heading() -> None:
    assert section_of_heading("Forklift experience would be a bonus") != "nice"


@pytest.mark.parametrize(
    "line",
    [
        "Emergency First Aid at Work - Red Cross, May 2022 (3-year certificate, need to renew it)",
        "Manual handling certificate, 2021 - needs to be redone",
        "CIMA - passed Operational level; Management level in view",
    ],
)
def test_a_credential_to_redo_or_still_in_view_is_not_held(line: str) -> None:
    assert not_held(line, 2026, line.split(" - ")[0].split(",")[0])


def test_a_current_credential_stays_held() -> None:
    assert not not_held("Emergency First Aid at Work - Red Cross, May 2025", 2026, "Emergency First Aid at Work")


@pytest.mark.parametrize(
    "line",
    [
        "To be a Shift Supervisor where I can grow with the company.",
        "Looking to step up to team leader in a warehouse.",
        "Seeking a crew leader role on commercial sites",
    ],
)
def test_a_career_objective_never_shows_leading(line: str) -> None:
    assert leading_shown(["OBJECTIVE", line]) is None


def test_a_fact_after_an_objective_still_shows_leading() -> None:
    lines = ["Looking for my next challenge.", "Supervised a team of 6 pickers, 2021 - 2024"]
    assert leading_shown(lines) == lines[1]


def test_acting_cover_shows_leading_but_not_the_title() -> None:
    line = "Acting OIC when the team leader is on leave"
    assert covering(line)
    assert leading_shown([line]) == line
    assert leading_shown([line], cover=False) is None
    assert not covering("Acting Head of Department, 2022 - 2025")


JD = """Records Clerk - County Court

Responsibilities
- File pleadings at the Central Registry of Deeds
- Keep the case index up to date

Requirements
- 2 years of records or filing work
- Microsoft Excel
"""
CV = """Records Assistant - Ledger & Co | 2021 - present
- Lodged deeds and kept the case index for the firm
- Filed documents at the land registry
Skills: Microsoft Excel, typing
"""


def test_a_duty_an_exact_name_check_finds_missing_goes_to_the_gate() -> None:
    judged = {item.requirement.text: item for item in judge_all(JD, CV, 2026)}
    duty = next(item for text, item in judged.items() if "Central Registry" in text)
    assert duty.requirement.section == "duties"
    assert duty.learned is not None  # the learned gate and evidence head decided, not the name check alone
