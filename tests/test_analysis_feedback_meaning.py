"""Reasons read by what they mean to the people who write feedback (session 11).

Five misreadings found in session 10's error reading of unseen writers, each fixed by a cue table entry or a
boilerplate pattern (src/nextround/data/feedback_cues.toml), then by the model retrained on the new features:

* a driving licence, its class or category, points on it or not driving at all is logistics (the job's reach and
  its insurer), not a technical skill;
* the candidate's own plan to leave soon or to stay only a while is motivation, not logistics;
* the post given to the decider's family is competition, though no word of merit is said;
* the money behind the post gone or short (a sponsor, donor or award) is process with the budget code;
* "the skills, experience and behaviours that most closely matched" is a form letter's rival: generic.

Every sentence here was written for this file; none is from the corpus.
"""

from __future__ import annotations

import pytest

from nextround.analysis.feedback import analyze_feedback, read_text


def _cue_themes(text: str) -> set[str]:
    """Themes the rule reading scores as reasons anywhere in the text (the classifier's cue features)."""
    return {theme for rules in read_text(text).rules for theme in rules.reasons}


LICENCES = [
    "The delivery round needs a category C1 entitlement for the box van, and you only hold B.",
    "We need someone with a Class A CDL for the grain hauls, and you've only got a car license.",
    "Sorry, the insurer won't take drivers with more than six points, and you've got eight.",
    "The bakery runs need a full manual licence and yours is for automatics only.",
    "Your driving record came back with a ban from last year, so the fleet insurer said no.",
]


@pytest.mark.parametrize("text", LICENCES)
def test_a_driving_licence_is_a_logistics_cue_and_not_a_skill(text: str) -> None:
    themes = _cue_themes(text)
    assert "logistics" in themes
    assert "technical_skills" not in themes


@pytest.mark.parametrize(
    "text",
    [
        "We need an electrician who holds a current gas safety licence, which you don't have yet.",
        "Sadly you didn't pass the reversing part of the driving assessment.",
    ],
)
def test_a_trade_licence_or_a_failed_driving_test_is_not_read_as_a_driving_licence(text: str) -> None:
    assert "logistics" not in _cue_themes(text)


@pytest.mark.parametrize("text", LICENCES)
def test_a_driving_licence_reads_as_logistics_outside_your_control(text: str) -> None:
    result = analyze_feedback(text)
    assert "logistics" in result.theme_names
    assert "technical_skills" not in result.theme_names
    assert not result.actionable


LEAVING = [
    "You told us you were only after something till your nursing course starts, and we train people for the long haul.",
    "You mentioned you're flying out to Perth in March, and the contract runs to December.",
    "It sounded like you'd just want it for a couple of months and then move on.",
]


@pytest.mark.parametrize("text", LEAVING)
def test_a_plan_to_leave_soon_is_a_motivation_cue(text: str) -> None:
    assert "motivation" in _cue_themes(text)


@pytest.mark.parametrize(
    "text",
    [
        # A known miss (strict: it fails until it is read right): the contract's own dates pull the clause to logistics.
        pytest.param(text, marks=pytest.mark.xfail(strict=True, reason="the contract's dates read as logistics"))
        if "Perth" in text
        else text
        for text in LEAVING
    ],
)
def test_a_plan_to_leave_soon_reads_as_motivation(text: str) -> None:
    result = analyze_feedback(text)
    assert "motivation" in result.theme_names
    assert "logistics" not in result.theme_names


def test_a_start_date_is_still_logistics_and_not_a_plan_to_leave() -> None:
    text = "We need someone from next week and you can only start in March."
    assert "motivation" not in _cue_themes(text)


KIN = [
    "Sorry love, Marge has given the stall to her granddaughter.",
    "We've taken on the owner's nephew for the summer instead.",
    "He's going to give the round to his brother-in-law.",
]


@pytest.mark.parametrize("text", KIN)
def test_a_post_given_to_family_is_a_competition_cue(text: str) -> None:
    assert "competition" in _cue_themes(text)


@pytest.mark.parametrize("text", KIN)
def test_a_post_given_to_family_reads_as_competition(text: str) -> None:
    assert "competition" in analyze_feedback(text).theme_names


def test_family_mentioned_without_a_choice_is_not_a_rival() -> None:
    assert "competition" not in _cue_themes("You said Thursdays you collect your son from school.")


FUNDING = [
    "The charity's main donor withdrew its support in October, so we can't fill the outreach post.",
    "Our arts award came back well short of what we bid for, and the assistant post has gone.",
    "The festival lost its biggest sponsor this year, so there's no paid stage manager.",
]


@pytest.mark.parametrize("text", FUNDING)
def test_money_behind_the_post_gone_is_process_with_the_budget_code(text: str) -> None:
    result = analyze_feedback(text)
    assert "process" in result.theme_names
    assert "budget" in result.outside_your_control
    assert "logistics" not in result.theme_names


FORM_RIVALS = [
    "Thank you for attending. The panel appointed the applicant whose knowledge, experience and overall "
    "performance most closely met the criteria for the post.",
    "We have offered the position to the candidate who demonstrated the competencies and qualities that best "
    "matched the role profile.",
]


@pytest.mark.parametrize("text", FORM_RIVALS)
def test_a_form_letters_closest_match_names_no_rival(text: str) -> None:
    reading = read_text(text)
    assert not any(rules.rival for rules in reading.rules)
    assert not _cue_themes(text) & {"competition", "technical_skills", "experience"}


@pytest.mark.parametrize("text", FORM_RIVALS)
def test_a_form_letters_closest_match_reads_as_generic(text: str) -> None:
    assert analyze_feedback(text).theme_names == ("generic",)


def test_a_rival_with_a_named_advantage_is_still_competition() -> None:
    text = "We offered the post to a candidate who has run a hospital pharmacy dispensary for six years."
    assert "competition" in analyze_feedback(text).theme_names
