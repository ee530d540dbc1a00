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


@pytest.mark.parametrize(
    "sentence",
    [
        "that summer i became the bakery's allergen lead, so the labels and the checks were mine.",
        "the depot made me the keyholder for the weekend, so it was my job to open up by six.",
        "the council took me on as a parks warden, so the east meadow was down to me.",
        "my part was the loading bay, so it was on me to keep the vans moving.",
        "i ran the night desk on my own, so getting the last edition out was my call.",
        "i was the duty officer, so sorting the heating fell to me.",  # "be" with a charge that fell to the speaker
        "i'd never run a till before, but as the cashier on duty it was on me to balance it.",  # "as" after a clause
        "being the only driver left, getting the parcels out was down to me.",
    ],
)
def test_a_role_told_by_any_verb_with_its_charge_is_scene_and_task(sentence: str) -> None:
    assert _read_one(sentence, TASK) == SCENE_AND_TASK


@pytest.mark.parametrize(
    "sentence",
    [
        "i was put in charge of the rota, so it was on me.",  # a charge handed over, not a role: left to the model
        "it was my sale, so telling her was on me.",  # ownership of a thing, not a role
        "i ran the figures again and it was on me to explain them.",  # a step, then a charge with "and"
        "as a result, it was on me to explain the gap.",  # "as a result" is no role
    ],
)
def test_other_charges_are_not_read_as_a_role_given(sentence: str) -> None:
    assert not framing_cues()["role_given_then_charge"].search(sentence)
    assert not framing_cues()["as_role_then_charge"].search(sentence)


def _after_a_plan(line: str, read: list[bool], first: list[bool] = STEP) -> list[bool]:
    """What the readings make of ``line``, told after a planned step read as ``first``, when ``read`` is read in it."""
    sentences = ["I'd ring the supplier first and ask for a new date.", line]
    chosen = [list(first), list(read)]
    decide_more(chosen, analyse_sentences(sentences, "plan"))
    return chosen[1]


@pytest.mark.parametrize(
    "line",
    [
        "What I'd want at the end is that no customer waits more than a day.",
        "The outcome I'd aim for is a rota that nobody has to patch by hand.",
        "So here I'd be aiming for a handful of regulars who tell their friends.",
        "Then hopefully we can get the orders out on time again.",
        "So the customers will have a real date to plan around.",
        "That way the drivers can take their breaks without the phones ringing.",
        "With time, the regulars will know the new menu.",
    ],
)
def test_the_outcome_a_plan_aims_for_is_the_outcome(line: str) -> None:
    assert _after_a_plan(line, STEP) == OUTCOME
    assert _after_a_plan(line, NOTHING) == OUTCOME


def test_a_time_ahead_is_the_aim_only_when_no_step_is_read_in_it() -> None:
    line = "By the end of the month I'd have every shelf labelled."
    assert _after_a_plan(line, NOTHING) == OUTCOME
    assert _after_a_plan(line, [False, False, True, True]) == OUTCOME
    assert _after_a_plan(line, STEP) == STEP


@pytest.mark.parametrize(
    "line",
    [
        "Then we'd send the customer a corrected invoice.",  # a planned step with "we"
        "Then I'd call the customer to explain.",  # the speaker's own step
    ],
)
def test_planned_steps_after_a_plan_are_steps_not_its_aim(line: str) -> None:
    assert _after_a_plan(line, STEP) == STEP
    assert _after_a_plan(line, NOTHING) == STEP  # star_forms' planned step carried on, never the aimed outcome


@pytest.mark.parametrize("line", ["Hopefully the client wouldn't notice.", "Hopefully not."])
def test_hopes_that_nothing_changes_are_left_alone(line: str) -> None:
    assert _after_a_plan(line, STEP) == STEP
    assert _after_a_plan(line, NOTHING) == NOTHING


def test_the_aim_needs_a_step_read_before_it() -> None:
    assert _after_a_plan("Then hopefully we can get the orders out on time again.", NOTHING, first=NOTHING) == NOTHING
