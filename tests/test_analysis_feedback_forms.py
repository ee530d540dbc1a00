"""Readings of session 20 (`feedbackS20`, test19 levers 1, 2 and 5's first guard): a credential not held in more
forms, the standard not met in a named test, a rival's credential in more forms, and a person taken out of a room is
no choice. Switches: `rereading.CREDENTIAL_FORMS_RULE`, `rereading.STANDARD_RULE`, `RIVAL_FORMS_RULE` in
`nextround.analysis.feedback`; the guard is in the cue table's `chosen_other`.

Every sentence here was written for this file; none is from the corpus.
"""

from __future__ import annotations

import pytest

import nextround.analysis.feedback.rereading as rereading
from nextround.analysis.feedback.choice import stated_choice
from nextround.analysis.feedback.lexicon import DRIVING_LICENCE, RIVAL_CREDENTIAL_MORE
from nextround.analysis.feedback.rereading import credential_lacking, standard_not_met


@pytest.mark.parametrize(
    "sentence",
    [
        "Sorry, you haven't got your SMSTS and the client insists on it.",
        "The yard needs somebody with CPCS for the dumpers and you havent got it.",
        "They wanted a forklift-free site card and he hasn't got one.",
    ],
)
def test_a_credential_not_held_in_more_forms(sentence: str) -> None:
    assert credential_lacking(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "You haven't got it in you to shout at people, which we like.",
        "You haven't got your D licence and the job is on the minibus.",
        "You need a bus licence and you haven't got it.",
    ],
)
def test_not_a_credential_not_held(sentence: str) -> None:
    assert not credential_lacking(sentence)


def test_a_crane_lift_is_no_driving() -> None:
    assert DRIVING_LICENCE.search("the rigging card for the crane lift") is None
    assert DRIVING_LICENCE.search("you don't hold the licence for the minibus") is not None


@pytest.mark.parametrize(
    "sentence",
    [
        "You did not meet the required standard in the swim test.",
        "Unfortunately you have not reached the standard required in the practical welding element.",
    ],
)
def test_the_standard_not_met_in_a_test(sentence: str) -> None:
    assert standard_not_met(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "You did not meet the required standard in the role play exercise.",
        "You did not reach the standard in the interview.",
        "You did not meet the required standard overall.",
    ],
)
def test_the_standard_not_met_with_people_is_left_to_the_model(sentence: str) -> None:
    assert not standard_not_met(sentence)


def test_the_switches_turn_the_forms_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(rereading, "CREDENTIAL_FORMS_RULE", False)
    assert not credential_lacking("Sorry, you haven't got your SMSTS and the client insists on it.")
    monkeypatch.setattr(rereading, "STANDARD_RULE", False)
    assert not standard_not_met("You did not meet the required standard in the swim test.")


def test_a_rivals_credential_in_more_forms() -> None:
    assert RIVAL_CREDENTIAL_MORE.search("the other nurse, who is registered with the NMC as a midwife")
    assert RIVAL_CREDENTIAL_MORE.search("a fitter who holds his ECS and ten years on site")
    assert not RIVAL_CREDENTIAL_MORE.search("the pub is licensed until midnight")
    assert not RIVAL_CREDENTIAL_MORE.search("someone who has his own tools")


def test_a_person_taken_out_of_a_room_is_no_choice() -> None:
    assert stated_choice("and you took Maisie out of the hall without telling anyone") is None
    assert stated_choice("we have taken Mercy on for the summer") is not None
