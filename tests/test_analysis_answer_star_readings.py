"""The STAR readings of session 22 (star_readings.decide_more): a role told with the charge it brought is the scene and
the task; someone named by their role saying or asking something is the scene, unless it closes the answer. And of
session 23: an event told mid-story by someone or something else, between the scene and the outcome, is the scene."""

from __future__ import annotations

import pytest

from nextround.analysis.answer.lexicon import framing_cues
from nextround.analysis.answer.star import analyse_sentences
from nextround.analysis.answer.star_readings import decide_more

NOTHING = [False, False, False, False]


@pytest.mark.parametrize(
    "sentence",
    [
        "i was the account coordinator, so it was my job to get them to the hospitals by friday.",
        "i was night chief sub, so i had to keep the pages going out on deadline.",
        "i'm the finance officer at a small charity in swansea, so it's my job to check every renewal.",
        "i was running the pass, so keeping the food going out was on me.",
        "as her key worker it was on me to pull that into one care plan.",
    ],
)
def test_role_then_charge_reads_a_role_told_with_its_charge(sentence: str) -> None:
    assert framing_cues()["role_then_charge"].search(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "i was put in charge of the rota, so it was on me.",
        "we were short of drivers, so i had to cover the late run.",
        "i was the transport planner for that corridor.",
    ],
)
def test_role_then_charge_leaves_other_lines(sentence: str) -> None:
    assert not framing_cues()["role_then_charge"].search(sentence)


def test_a_role_told_with_its_charge_is_scene_and_task_only() -> None:
    analysed = analyse_sentences(["I was the shift lead, so it fell to me to find the cause."], "behavioural")
    chosen = [[False, True, True, False]]
    decide_more(chosen, analysed)
    assert chosen == [[True, True, False, False]]


def test_what_a_manager_asked_is_the_scene_unless_it_closes_the_answer() -> None:
    sentences = ["My manager asked me to go through the cards.", "I sorted them by fault.", "My manager said thanks."]
    analysed = analyse_sentences(sentences, "behavioural")
    chosen = [list(NOTHING), [False, False, True, False], list(NOTHING)]
    decide_more(chosen, analysed)
    assert chosen[0] == [True, False, False, False]
    assert chosen[2] == NOTHING


SCENE, STEP, OUTCOME = [True, False, False, False], [False, False, True, False], [False, False, False, True]


def _mid_story(middle: str, before: list[bool], after: list[bool]) -> list[bool]:
    """What the reading makes of ``middle``, told after a line read as ``before`` and before a step and a line read as
    ``after``; the model read nothing in it."""
    sentences = ["Last spring I ran the stock room at a garden shop.", middle, "I found a new supplier.", "It worked."]
    chosen = [list(before), list(NOTHING), list(STEP), list(after)]
    decide_more(chosen, analyse_sentences(sentences, "behavioural"))
    return chosen[1]


def test_an_event_told_mid_story_by_someone_else_is_the_scene() -> None:
    assert _mid_story("Then the supplier doubled its prices overnight.", SCENE, OUTCOME) == SCENE


@pytest.mark.parametrize(
    "middle",
    [
        "Then I doubled the order overnight.",  # the speaker's own: a step or nothing, not an event of the scene
        "It turned out the supplier had doubled its prices.",  # a finding: the outcome or a step for these writers
        "The manager agreed to a trial.",  # take-up by others
        "The goal was to keep the shelves full.",  # a goal told: the task
    ],
)
def test_other_mid_story_lines_are_left_to_the_model(middle: str) -> None:
    assert _mid_story(middle, SCENE, OUTCOME) == NOTHING


def test_an_event_needs_a_scene_before_it_and_an_outcome_after_it() -> None:
    event = "Then the supplier doubled its prices overnight."
    assert _mid_story(event, NOTHING, OUTCOME) == NOTHING
    assert _mid_story(event, SCENE, NOTHING) == NOTHING


TASK, SCENE_AND_TASK, STEP_AND_TASK = (
    [False, True, False, False],
    [True, True, False, False],
    [False, True, True, False],
)


def _read_one(sentence: str, read: list[bool]) -> list[bool]:
    """What the readings make of ``sentence``, the first of a two-line answer, when the model and ``decide`` read
    ``read`` in it."""
    chosen = [list(read), list(STEP)]
    decide_more(chosen, analyse_sentences([sentence, "I sorted them by fault."], "behavioural"))
    return chosen[0]


def test_a_charge_told_as_a_habits_condition_is_not_the_task() -> None:
    line = "When I have to turn someone down, I try not to make it sound cold."
    assert _read_one(line, STEP_AND_TASK) == STEP
    assert _read_one(line, TASK) == NOTHING


def test_a_request_made_of_the_speaker_is_the_scene_not_the_task() -> None:
    assert _read_one('At the mine my manager said I must "improve staff morale", that\'s all.', SCENE_AND_TASK) == SCENE
    assert _read_one("My supervisor told me I had to redo the cards.", TASK) == SCENE
    assert _read_one("When the store manager asked why, I checked the records.", STEP_AND_TASK) == STEP


@pytest.mark.parametrize(
    "sentence",
    [
        "My chef told me to get him running the station alone by Friday, so that was on me.",  # taken up as own
        "I had to turn the heifers out early.",  # the speaker's own charge
        "If I had to present to the board tomorrow, I'd aim to be clear.",  # not a habit's condition
        "Once I had to tell a family that visiting was cancelled.",  # "once": one time, a story's charge
    ],
)
def test_the_speakers_own_charge_keeps_the_task(sentence: str) -> None:
    assert _read_one(sentence, SCENE_AND_TASK) == SCENE_AND_TASK
