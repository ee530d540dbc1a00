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
# the task at once (``role_then_charge`` of ``answer_cues.toml``: 66 of the seen corpus's 69 such lines, 25 writers).
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

_SITUATION: Final = STAR_PARTS.index("situation")
_TASK: Final = STAR_PARTS.index("task")
_RESULT: Final = STAR_PARTS.index("result")
_SCENE_AND_TASK: Final = [part in ("situation", "task") for part in STAR_PARTS]


def decide_more(chosen: list[list[bool]], analysed: Sequence[SentenceFeatures]) -> None:
    """Mark in ``chosen`` (one row of parts per sentence of ``analysed``) what the readings of this module find."""
    if MID_STORY_EVENT_SCENE:
        _mid_story_events(chosen, analysed)
    for row, (marks, sentence) in enumerate(zip(chosen, analysed, strict=True)):
        closes = row + 1 == len(analysed) or analysed[row + 1].index == 0
        if ROLE_THEN_CHARGE and framing_cues()["role_then_charge"].search(sentence.lower):
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
