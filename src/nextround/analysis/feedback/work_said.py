"""The work itself said plainly (session 24, `feedbackE24`), read by ``decide()``.

Three readings, each with an on/off switch below; the patterns are in `[structure]` of the cue table and no feature
changes, so the weights are unchanged.

* *Experience said as a setting, a sector or a quantity* (`experience_said`: "zero underground time, all his work's been
  on surface plant", "no hospital, hospice or prison placements", "having spent your career in FMCG", "520 hrs total"):
  experience, the README's "how much or what kind of time in the work: years, settings, levels, sectors", kept however
  faintly the clause reads as a reason (the reason head read such clauses as the skill, a wish or a place, and the floor
  dropped the faint experience it gave beside them). The setting named is no place to live or travel to: logistics read
  there goes unless the clause says a logistics matter of its own (`logistics_own`), and culture_fit or motivation read
  there is the time in the work, as `lines.py` already reads work not done (`not_done`).
* *A skill fault told as what happened to the work* (`work_failed`, and the session-17 `fault` words): a test of the
  work failed ("root pass failed the x-ray"), the buyer or inspector who would reject it, the work torn or clouded. In a
  reason clause that is technical_skills, kept; and a clause that says it is no praise, whatever the polarity head read
  (it read "Your root pass failed the x-ray on the 6G, porosity all through it." as praise beside "Cap looked real nice
  though"), unless the fault is denied ("no cracking", "no leaking") or the clause has praise words of its own.
* *What the candidate could not do is no dismissed concern* (`could_not_do`): the toolkit reads "not ... questions",
  "not ... the fault" as a concern dismissed ("no questions about your commitment"), so "could not answer questions on
  IFRS 9 impairment" and "Couldn't trace the fault on the board" were turned into praise. Not the praise idioms
  ("couldn't fault your lesson", "couldn't find any weakness").
"""

from __future__ import annotations

import re
from typing import Final

from nextround.analysis.feedback.lexicon import (
    COULD_NOT_DO,
    EXPERIENCE_SAID,
    FAULT,
    LOGISTICS_OWN,
    NOT_FAULT,
    WORK_FAILED,
)
from nextround.analysis.text import dismissed_concerns, normalise

__all__ = [
    "EXPERIENCE_SAID_RULE",
    "FAULT_NOT_PRAISE_RULE",
    "INABILITY_RULE",
    "WORK_FAILED_RULE",
    "could_not_do",
    "fault_as_praise",
    "fault_told",
    "redraw_work",
    "setting_said",
]

EXPERIENCE_SAID_RULE = True
WORK_FAILED_RULE = True
FAULT_NOT_PRAISE_RULE = True
INABILITY_RULE = True

# What a setting, sector or quantity of time in the work stands in for: how the candidate would fit, what they want, a
# place read as where they live.
_NOT_SETTING = frozenset({"culture_fit", "motivation", "generic"})
# A fault denied ("no cracking", "without a leak") or "cracking" as praise ("a cracking set of characters").
_DENIED_BEFORE: Final = re.compile(r"\b(?:no|not|never|without|nothing|n't|zero)\b[^.;,]{0,25}$", re.IGNORECASE)
_PRAISE_SENSE: Final = frozenset({"cracking"})
# How far before a dismissed scope its negated action may start ("were not able to" before "answer questions").
_BEFORE_SCOPE = 16
# A praise reading this close to a reason is a near tie: the fault said decides it.
_NEAR_REASON = 0.4


def setting_said(text: str) -> bool:
    """Experience said as a setting, sector or quantity ("zero underground time", "520 hrs total")."""
    return EXPERIENCE_SAID_RULE and EXPERIENCE_SAID.search(text) is not None


def could_not_do(text: str) -> bool:
    """Every concern the toolkit reads as dismissed in the clause is the object of something the candidate did not or
    could not do ("could not answer questions on IFRS 9", "did not engage with the question")."""
    if not INABILITY_RULE:
        return False
    scopes = dismissed_concerns(text)
    plain = normalise(text)
    return bool(scopes) and all(_undone(plain, scope.start, scope.end) for scope in scopes)


def _undone(plain: str, start: int, end: int) -> bool:
    """The negated action in `plain` reaches into the dismissed scope at `start`..`end` ("could [not answer ...]")."""
    window = max(0, start - _BEFORE_SCOPE)
    return any(start < match.end() and match.start() < end for match in COULD_NOT_DO.finditer(plain, window))


def fault_told(text: str) -> bool:
    """A fault in the work said in the clause and not denied ("the pool was cloudy the next day")."""
    for pattern in (FAULT, WORK_FAILED):
        for match in pattern.finditer(text):
            if match.group().lower() in _PRAISE_SENSE or _DENIED_BEFORE.search(text, 0, match.start()):
                continue
            return True
    return False


def fault_as_praise(text: str, praise_words: bool, reason: float) -> bool:
    """A clause read as praise that tells a fault in the work: with no praise words of its own (`praise_words`), or read
    nearly as surely as a reason (`reason`, the polarity head's reason probability; "fine script" is no praise of the
    "blowouts on the fine script")."""
    return FAULT_NOT_PRAISE_RULE and (not praise_words or reason >= _NEAR_REASON) and fault_told(text)


def _add(themes: list[str], theme: str, probabilities: dict[str, float], advantages: set[str]) -> list[str]:
    """`theme` beside the others, as surely as the clause's clearest reading, and kept however faintly."""
    probabilities[theme] = max(probabilities[theme], max(probabilities.values(), default=0.0))
    advantages.add(theme)
    return themes if theme in themes else [*themes, theme]


def redraw_work(text: str, themes: list[str], probabilities: dict[str, float], advantages: set[str]) -> list[str]:
    """A reason clause's themes with experience said as a setting, sector or quantity and a fault told as what happened
    to the work (`probabilities` and `advantages` gain what is added)."""
    if setting_said(text):
        dropped = _NOT_SETTING if LOGISTICS_OWN.search(text) else _NOT_SETTING | {"logistics"}
        themes = _add([theme for theme in themes if theme not in dropped], "experience", probabilities, advantages)
    if WORK_FAILED_RULE and "generic" not in themes and WORK_FAILED.search(text) and not NOT_FAULT.search(text):
        themes = _add(themes, "technical_skills", probabilities, advantages)
    return themes
