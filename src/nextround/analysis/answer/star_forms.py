"""Readings of a line's form that :func:`.star_readings.decide_more` applies after the model, with no retrain (session
24, engineer starS24): the time or place of an episode told at the answer's opening, a planned step carried on after a
step, how the speaker felt, a charge after any clause and a plan's first step.

Each form was counted first in the seen writers' out-of-fold readings (docs/answers.md, "Session 24: the episode's
opening, a plan carried on, the speaker's feelings"); each has a switch so a bench can measure it off.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

from nextround.analysis.answer.lexicon import framing_cues
from nextround.analysis.answer.model import STAR_PARTS
from nextround.analysis.answer.star import SentenceFeatures, _action_score

# An answer that opens on an episode's time or place, in the past ("Last term I planned a practical lesson on circuits
# …", "I had a tense time with a coworker once", "At the council I got a list of repair requests from another team"),
# opens on its scene when the model reads nothing there (seen writers: the time, 23 of 30 such openings `S`, 20
# writers, 4 `-`, 3 `A`; the place, 9 of 11, 7 writers).
EPISODE_OPENING_SCENE = True

# A line that tells only how the speaker felt or what they are like ("I was a bit nervous", "I'm very good at
# explaining things", "I'm easy to work with") carries no part (seen writers: 112 of 114 such lines `-`, 39 writers;
# the two others tell a step as well, "I was nervous but I practised it with my colleague", which this leaves alone).
FEELING_NO_PART = True

# A planned step carried on right after a line read as a step, with "maybe" ("I'd apologise and take it back to the
# kitchen." then "Maybe I'd offer store credit instead of money back.", "Then maybe text the manager?") or with "I'd /
# we'd" and a step's verb ("Then we'd probably send the client a corrected version"), is a step too, whatever its length
# (``list_continuation`` takes only short lines). Seen writers, such lines read as nothing: "maybe" 17 of 19 `A` (15
# writers; the two others from one writer), "I'd" 6 of 6 (and 453 of 461 of all such lines after a step are `A`).
CARRIED_PLAN_STEP = True

# A charge told with "so" after any clause ("…, so it fell to me", "…, so telling them was down to me") is the scene and
# the task at once, as ``role_then_charge`` (session 24, starC24: 30 of 33 seen lines `S,T`; ``clause_then_charge``).
CLAUSE_THEN_CHARGE = True

# "First I'd + a step's verb" read as nothing is a step (session 24, starC24: 64 of 66 seen lines `A`).
FIRST_PLANNED_STEP = True

_SITUATION: Final = STAR_PARTS.index("situation")
_ACTION: Final = STAR_PARTS.index("action")
_SCENE_AND_TASK: Final = [part in ("situation", "task") for part in STAR_PARTS]


def read_forms(chosen: list[list[bool]], analysed: Sequence[SentenceFeatures]) -> None:
    """Mark in ``chosen`` (one row of parts per sentence of ``analysed``) what this module's readings find."""
    cues = framing_cues()
    for row, (marks, sentence) in enumerate(zip(chosen, analysed, strict=True)):
        lower = sentence.lower
        closes = row + 1 == len(analysed) or analysed[row + 1].index == 0
        if (
            EPISODE_OPENING_SCENE
            and sentence.index == 0
            and not closes
            and not any(marks)
            and (cues["dated_time"].search(lower) or cues["placed_opening"].search(lower))
            and cues["past_event"].search(lower)
            and not cues["conditional"].search(lower)
        ):
            marks[_SITUATION] = True
        if (
            CARRIED_PLAN_STEP
            and sentence.index > 0
            and not any(marks)
            and chosen[row - 1][_ACTION]
            and (cues["maybe_step"].search(lower) or cues["planned_step"].search(lower))
        ):
            marks[_ACTION] = True
        if (
            CLAUSE_THEN_CHARGE
            and cues["clause_then_charge"].search(lower)
            and not cues["charge_owned_opening"].search(lower)
        ):
            marks[:] = _SCENE_AND_TASK
        if FIRST_PLANNED_STEP and not any(marks) and cues["first_planned_step"].search(lower):
            marks[_ACTION] = True
        if FEELING_NO_PART and any(marks) and _only_feeling(lower):
            marks[:] = [False] * len(marks)


def _only_feeling(lower: str) -> bool:
    """The line's main clause is the speaker's feeling or trait and no other step of theirs follows in it."""
    match = framing_cues()["feeling_or_trait"].search(lower)
    if match is None:
        return False
    _, singular, plural, _ = _action_score(lower[match.end() :])
    return not (singular or plural)
