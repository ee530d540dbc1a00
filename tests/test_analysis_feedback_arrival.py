"""Preparation as arriving late or without the kit, and the credential / driving / sponsor line (session 23,
`feedbackK23`; `arrival.py`, cues `arrived_late`, `arrived_without`, `late_again`; `licence_line.py`, cues
`licence_not_held`, `logistics_own`, `driving_test`, `driving_class`, `sponsor_word`, `sponsor_visa`,
`sponsor_licence`).

Every sentence here was written for this file; none is from the corpus.
"""

from __future__ import annotations

import pytest

import nextround.analysis.feedback.arrival as arrival
import nextround.analysis.feedback.licence_line as licence_line
from nextround.analysis.feedback import THEMES, analyze_feedback
from nextround.analysis.feedback.arrival import redraw_arrival
from nextround.analysis.feedback.licence_line import redraw_licence, sponsor_not_visa


def _arrival(text: str, themes: list[str]) -> tuple[list[str], set[str]]:
    probabilities = dict.fromkeys(THEMES, 0.2)
    kept: set[str] = set()
    return sorted(redraw_arrival(text, themes, probabilities, kept)), kept


def _licence(clause: str, themes: list[str], text: str = "") -> tuple[list[str], set[str]]:
    probabilities = dict.fromkeys(THEMES, 0.2)
    kept: set[str] = set()
    return sorted(redraw_licence(clause, text or clause, themes, probabilities, kept)), kept


@pytest.mark.parametrize(
    ("sentence", "read", "redrawn"),
    [
        # Late, in other Englishes: preparation in place of what the reason head read.
        ("you turned up fifty minutes late for the fitting trial", ["communication"], ["preparation"]),
        ("yuh reach late fi di interview an di manager had to leave", ["technical_skills"], ["preparation"]),
        ("the supervisor says ye came in late on the first morning", ["logistics"], ["preparation"]),
        ("Candidate was also 35 minutes late for the final round", ["communication"], ["preparation"]),
        # Without the kit asked for: preparation, in place of culture_fit too.
        ("you arrived with no scissors and no apron for the salon trial", ["culture_fit"], ["preparation"]),
        ("you came at eight but never brought the brushes I told you to", ["culture_fit"], ["preparation"]),
        ("he showed up to the site without his harness", ["technical_skills"], ["preparation"]),
        ("you got no gloves and no goggles for the grinding trial", ["technical_skills"], ["preparation"]),
        # Something else said first keeps its reading; preparation is added beside it.
        (
            "the grouting on the splashback was patchy, and you came an hour late on the Tuesday",
            ["technical_skills"],
            ["preparation", "technical_skills"],
        ),
        # Late because of the bus: the commute keeps its logistics.
        (
            "you arrived late because the bus from the village only runs hourly",
            ["logistics"],
            ["logistics", "preparation"],
        ),
    ],
)
def test_an_arrival_late_or_unequipped_is_preparation(sentence: str, read: list[str], redrawn: list[str]) -> None:
    assert _arrival(sentence, read)[0] == redrawn


@pytest.mark.parametrize(
    ("sentence", "read"),
    [
        # Lateness read as conduct or wanting the job stays so (most seen writers mean that).
        ("you were on your phone all shift and came in late on the Friday", ["motivation"]),
        ("you were late twice and never let anyone know", ["culture_fit"]),
        # Nobody's arrival: work that was late, or the candidate's hours.
        ("the desserts came out forty minutes late for table six", ["technical_skills"]),
        ("you said you would be happy to work late on Fridays but not Sundays", ["logistics"]),
        ("you'd be coming in late from college on Mondays", ["logistics"]),
        ("sorry I was late getting back to you, the panel felt your answers ran long", ["communication"]),  # the writer
        # Clothes of the setting, a call not made, children not brought back: no kit.
        ("you arrived without a tie for the client lunch", ["culture_fit"]),
        ("you did not bring them back to the task when they drifted off", ["communication"]),
        ("he did not carry out the pre-use checks on the cherry picker", ["technical_skills"]),
        ("you have no tools yet for handling an angry caller", ["communication"]),  # no kit
        ("you were on time and had your own tools", ["generic"]),  # a form letter stays one
    ],
)
def test_other_lines_stay(sentence: str, read: list[str]) -> None:
    assert _arrival(sentence, read)[0] == sorted(read)


def test_repeated_lateness_adds_preparation_without_keeping_it_faintly() -> None:
    themes, kept = _arrival("you were late both mornings of the trial", ["communication"])
    assert themes == ["preparation"]
    assert kept == set()
    assert _arrival("you were late on the trial morning", ["communication"])[1] == {"preparation"}


@pytest.mark.parametrize(
    ("clause", "read", "redrawn"),
    [
        # A credential not held beside a route or a place: technical_skills, the place's logistics dropped.
        (
            "the boat runs to Rotterdam and you do not yet have the Danube patent for the upper reaches",
            ["logistics"],
            ["technical_skills"],
        ),
        (
            "you do not hold the State Pest Management Operator licence needed on our sites",
            ["logistics", "technical_skills"],
            ["technical_skills"],
        ),
        ("your registration with the Nursing Council is not yet complete", ["logistics"], ["technical_skills"]),
        (
            "the charter needs the commercial skipper ticket and you only have the day skipper one",
            ["logistics"],
            ["technical_skills"],
        ),
        # Logistics of its own beside the credential stays.
        (
            "you do not hold the Mine Safety ticket and you have two months notice at your current job",
            ["logistics"],
            ["logistics", "technical_skills"],
        ),
        # A driving test not passed: logistics, not the craft.
        (
            "the jobs are spread across the county and you haven't passed your driving test yet",
            ["technical_skills"],
            ["logistics"],
        ),
    ],
)
def test_the_credential_line_is_redrawn(clause: str, read: list[str], redrawn: list[str]) -> None:
    assert _licence(clause, read)[0] == redrawn


@pytest.mark.parametrize(
    ("clause", "read"),
    [
        ("you don't have a valid motorbike licence for the courier round", ["logistics"]),  # driving: logistics
        ("you only have an A2 licence and the bigger bikes need a full A", ["logistics"]),
        ("you did not pass the driving assessment for the ambulance role", ["technical_skills"]),  # the job's skill
        ("the store needs someone free on Sundays", ["logistics"]),  # no credential
    ],
)
def test_the_credential_line_stays(clause: str, read: list[str]) -> None:
    assert _licence(clause, read)[0] == sorted(read)


def test_sponsor_is_a_visa_unless_a_licence_is_sponsored() -> None:
    text = "The state needs a trainee licence before she can work cases. We can't sponsor until she has one."
    assert sponsor_not_visa("We can't sponsor until she has one.", text)
    assert _licence("We can't sponsor until she has one.", ["logistics"], text)[0] == []
    visa = "We can't sponsor a work visa for this post, and the trainee licence is also needed."
    assert not sponsor_not_visa(visa, visa)
    assert _licence(visa, ["logistics"])[0] == ["logistics"]


def test_the_switches_turn_the_readings_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(arrival, "ARRIVAL_RULE", False)
    assert _arrival("you turned up fifty minutes late for the fitting trial", ["communication"])[0] == ["communication"]
    monkeypatch.setattr(licence_line, "LICENCE_LINE_RULE", False)
    monkeypatch.setattr(licence_line, "DRIVING_TEST_RULE", False)
    assert _licence("you do not yet have the Danube patent for the upper reaches", ["logistics"])[0] == ["logistics"]
    assert _licence("you haven't passed your driving test yet", ["technical_skills"])[0] == ["technical_skills"]


def test_a_whole_text_reads_the_kit_as_preparation() -> None:
    analysis = analyze_feedback(
        "Hiya Shona, Bev at the salon. Your colour work was lovely, no question. But you turned up to the Saturday "
        "trial with no scissors and no apron after I'd told you to bring your own, so we lost the first client. "
        "Not taking it further this time, sorry pet."
    )
    assert "preparation" in analysis.theme_names
    assert not {"culture_fit", "communication"} & set(analysis.theme_names)
    assert analysis.actionable
