"""Readings of the STAR parts that :func:`.star_model.decide` applies after its own, with no retrain (session 22).

Each reads a form that the seen writers label the same way and the trained model misses, counted across writers first
(docs/answers.md, "Session 22: STAR parts across writers"). The model's probabilities are not changed, only which
parts a sentence carries; each reading has a switch so a bench can measure it off.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

from nextround.analysis.answer.lexicon import framing_cues
from nextround.analysis.answer.model import STAR_PARTS
from nextround.analysis.answer.star import SentenceFeatures
from nextround.analysis.answer.star_forms import read_forms

# A role told and then the charge it brought ("I was the account coordinator, so it was my job to …") is the scene and
# the task at once (``role_then_charge`` of ``answer_cues.toml``: 66 of the seen corpus's 69 such lines, 25 writers);
# since session 24 also a role told by another verb ("IT made me the super user, so it was my job to …", "My part was
# the packhouse, so it was on me …": ``role_given_then_charge``, all 12 seen lines, 8 writers) and "as" a role after
# another clause ("…, but as the trainer it was on me to …": ``as_role_then_charge``, all 20 seen lines, 14 writers).
ROLE_THEN_CHARGE = True

# Someone named by their role saying or asking something ("My manager asked me to go through the cards") is the scene
# when the model reads nothing in it and it is not the answer's last line (``others_said``: 57 of 70 lines, 31 writers).
OTHERS_SAID_SCENE = True

# An event told mid-story with someone or something else as its subject, in the past tense ("Then the cedi fell and the
# imported thread doubled in price", "Halfway through the season the exporter lost its European contract"), after a line
# read as the scene and before one read as the outcome, is the scene when nothing is read in it (session 23, the test21
# error analysis's lever 3: by writer, 19 of 39 seen writers up and 5 down, 30 lines right and 2 wrong).
MID_STORY_EVENT_SCENE = True

# The task read in a line that tells no charge of the speaker's own is taken back (session 23, engineer starT23, the
# test22 error analysis of the task): a charge told only as a habit's condition ("When I have to turn someone down, I
# try …": ``charge_as_condition``, 0 of 6 seen lines the task) and a request someone else made of the speaker ("At the
# mine my manager said I must …": ``request_of_speaker``, 0 of 88 the task alone), which is the scene when nothing else
# is read in it.
NOT_OWN_CHARGE = True

# The outcome a plan aims for, told after a line read as a step ("What I'd want at the end is that nobody is left
# guessing", "Then hopefully we can fix it", "So we will hardly run out"; ``plan_aim_told``), is the outcome and not a
# step, unless the scene or the task is read in it; what the speaker would have or be by a time ahead ("By the end I'd
# have evidence the signs work": ``plan_aim_by_then``) only when nothing or the outcome is read in it (session 24, the
# test22 error analysis's lever 2: the README's "the outcome aimed for is R"; all 64 seen lines of the two forms are
# `R`, 27 writers).
PLAN_AIM_OUTCOME = True

_SITUATION: Final = STAR_PARTS.index("situation")
_TASK: Final = STAR_PARTS.index("task")
_ACTION: Final = STAR_PARTS.index("action")
_RESULT: Final = STAR_PARTS.index("result")
_SCENE_AND_TASK: Final = [part in ("situation", "task") for part in STAR_PARTS]
_OUTCOME_ONLY: Final = [part == "result" for part in STAR_PARTS]


def decide_more(chosen: list[list[bool]], analysed: Sequence[SentenceFeatures]) -> None:
    """Mark in ``chosen`` (one row of parts per sentence of ``analysed``) what the readings of this module find."""
    if MID_STORY_EVENT_SCENE:
        _mid_story_events(chosen, analysed)
    if PLAN_AIM_OUTCOME:
        _plan_aims(chosen, analysed)
    for row, (marks, sentence) in enumerate(zip(chosen, analysed, strict=True)):
        closes = row + 1 == len(analysed) or analysed[row + 1].index == 0
        if ROLE_THEN_CHARGE and _role_then_charge(sentence.lower):
            marks[:] = _SCENE_AND_TASK  # none of the 69 is a step or the outcome as well
        elif (
            OTHERS_SAID_SCENE
            and not any(marks)
            and not closes
            and not (sentence.first_person_action or sentence.plural_action)
            and framing_cues()["others_said"].search(sentence.lower)
        ):
            marks[_SITUATION] = True
        if NOT_OWN_CHARGE and marks[_TASK]:
            _take_back_task(marks, sentence.lower)
    read_forms(chosen, analysed)  # session 24: the dated opening, the speaker's feelings (star_forms)


def _role_then_charge(lower: str) -> bool:
    """A role told, by "be" or another verb, then the charge it brought (:data:`ROLE_THEN_CHARGE`)."""
    cues = framing_cues()
    return any(
        cues[name].search(lower) for name in ("role_then_charge", "role_given_then_charge", "as_role_then_charge")
    )


def _plan_aims(chosen: list[list[bool]], analysed: Sequence[SentenceFeatures]) -> None:
    """Mark as the outcome alone each line of :data:`PLAN_AIM_OUTCOME`'s forms that follows a line read as a step in its
    answer (the step is judged on what was read before this reading)."""
    cues = framing_cues()
    step_before = False
    for marks, sentence in zip(chosen, analysed, strict=True):
        if sentence.index == 0:
            step_before = False
        elif step_before and not (marks[_SITUATION] or marks[_TASK]):
            by_then = not marks[_ACTION] or marks[_RESULT]  # read as a step alone, it is a plan's step as often
            if cues["plan_aim_told"].search(sentence.lower) or (
                by_then and cues["plan_aim_by_then"].search(sentence.lower)
            ):
                marks[:] = _OUTCOME_ONLY
                continue
        step_before = step_before or marks[_ACTION]


def _take_back_task(marks: list[bool], lower: str) -> None:
    """Unmark the task of a line whose charge is a habit's condition or another's request (:data:`NOT_OWN_CHARGE`)."""
    cues = framing_cues()
    if cues["charge_as_condition"].search(lower):
        marks[_TASK] = False
    elif cues["request_of_speaker"].search(lower) and not cues["charge_taken_up"].search(lower):
        marks[_TASK] = False
        marks[_SITUATION] = marks[_SITUATION] or not any(marks)


def _mid_story_events(chosen: list[list[bool]], analysed: Sequence[SentenceFeatures]) -> None:
    """Mark as the scene each line of :data:`MID_STORY_EVENT_SCENE`'s form, judged on what was read before this
    reading (a line it marks does not open the story for the next)."""
    cues = framing_cues()
    starts = [row for row, sentence in enumerate(analysed) if sentence.index == 0 or row == 0]
    for start, end in zip(starts, [*starts[1:], len(analysed)], strict=True):
        read = [list(chosen[row]) for row in range(start, end)]
        for offset in range(1, len(read) - 1):
            lower = analysed[start + offset].lower
            if (
                not any(read[offset])
                and any(marks[_SITUATION] for marks in read[:offset])
                and any(marks[_RESULT] for marks in read[offset + 1 :])
                and cues["past"].search(lower)
                and not cues["first_person"].search(lower)
                and not cues["mid_story_not_event"].search(lower)
            ):
                chosen[start + offset][_SITUATION] = True
