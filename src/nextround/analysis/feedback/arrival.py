"""Preparation as arriving late or without the kit asked for (session 23, `feedbackK23`).

The corpus README's preparation includes "arriving equipped and on time"; the reason head reads these lines as
culture_fit ("yow come half hour late and never brought your apron and mops like I said"), communication or
technical_skills ("you showed up 40 min late ... without gloves or goggles so we couldn't run you through the
practice"), motivation, or logistics beside a shift ("you rocked up 25 mins late on the 3am start"). Read by
``decide()`` on a reason clause's themes, after the README's other lines (``lines.redraw_lines``), with its own switch.
No feature changes: the patterns are in `[structure]` of the cue table (`arrived_late`, `arrived_without`,
`late_again`).

* Where the arrival opens the clause, it is the clause's reason: preparation, in place of what the reason head read
  there (culture_fit, communication, technical_skills, motivation; logistics too, unless the clause gives a travel
  cause: "late because the bus ..." is the commute).
* Where the clause says something else first ("the skim was wavy, and you were an hour late Monday") or runs on into
  another sentence, the rest keeps its themes and preparation is added beside them.
* Lateness again and again over a trial's days ("late three days oot the five") is how the candidate keeps time at
  work, labelled culture_fit or motivation by the seen writers as often as preparation: preparation is added, nothing
  dropped, and only kept if it clears the confidence floor.
"""

from __future__ import annotations

import re
from typing import Final

from nextround.analysis.feedback.lexicon import ARRIVED_LATE, ARRIVED_WITHOUT, LATE_AGAIN
from nextround.analysis.feedback.rereading import said_themes

__all__ = ["ARRIVAL_RULE", "arrival_said", "redraw_arrival"]

ARRIVAL_RULE = True
# What the reason head reads in place of an arrival late or unequipped.
_NOT_ARRIVAL: Final = frozenset({"culture_fit", "communication", "technical_skills", "motivation", "logistics"})
# What lateness alone is read as where the writer means conduct at work or wanting the job (kept as read).
_CONDUCT: Final = frozenset({"culture_fit", "motivation"})
# A travel cause keeps the logistics ("late because the bus from Meaux ..."): the commute, not the readiness.
_TRAVEL_CAUSE: Final = re.compile(
    r"\b(?:bus|buses|train|trains|traffic|commute|transport|lift|car|miles|km|far|distance|live|lives|living)\b",
    re.IGNORECASE,
)
# Words before the arrival that still let it open the clause ("but", "honestly", "and then").
_OPENERS: Final = frozenset({"and", "but", "so", "then", "also", "honestly", "however", "though", "plus", "sadly"})
# Who reports the arrival is no reason of its own ("the boss says you came late", "di boss seh yuh reach late").
_REPORTING: Final = frozenset(
    {"say", "says", "said", "seh", "sey", "told", "tells", "noted", "notes", "mentioned", "reported", "felt", "that"}
)
_WORD: Final = re.compile(r"[\w']+")
# A clause that runs on into another sentence ("... in december. also you want only 3 days"): what follows is its own.
_SENTENCE_AFTER: Final = re.compile(r"[.!?]\s+\w")


def arrival_said(text: str) -> re.Match[str] | None:
    """Where the clause says the candidate arrived late or without what was asked for (None: it does not)."""
    late = ARRIVED_LATE.search(text)
    without = ARRIVED_WITHOUT.search(text)
    found = [match for match in (late, without) if match is not None]
    return min(found, key=lambda match: match.start()) if found else None


def _opens_clause(text: str, start: int) -> bool:
    """Only connectives (or up to two other words) before the arrival, after whoever reports it ("di boss seh", "the
    manager noted that"): it is what the clause is about."""
    before = [word.lower() for word in _WORD.findall(text[:start])]
    reported = [index for index, word in enumerate(before) if word in _REPORTING]
    if reported:
        before = before[reported[-1] + 1 :]
    return len([word for word in before if word not in _OPENERS]) <= 2


def redraw_arrival(
    text: str, themes: list[str], probabilities: dict[str, float], advantages: set[str] | None = None
) -> list[str]:
    """A reason clause's themes with an arrival late or unequipped read as preparation (`probabilities` gains what a
    replaced theme had; `advantages` gains preparation where it is said once and plainly)."""
    if not ARRIVAL_RULE or "generic" in themes:
        return themes
    arrival = arrival_said(text)
    if arrival is None:
        return themes
    unequipped = ARRIVED_WITHOUT.search(text) is not None
    if not unequipped and _CONDUCT & set(themes):
        # "you were on your phone ... and you rocked up late twice", "you come late 40 minutes and never inform
        # anyone": read as how they keep time at work or what they want, the lateness is that (the seen writers label
        # 7 of 9 such clauses culture_fit or motivation).
        return themes
    again = not unequipped and LATE_AGAIN.search(text, arrival.start()) is not None
    said = set(said_themes(text))
    dropped: set[str] = set()
    if _opens_clause(text, arrival.start()) and _SENTENCE_AFTER.search(text, arrival.end()) is None:
        dropped = {theme for theme in themes if theme in _NOT_ARRIVAL and theme not in said}
        if "logistics" in dropped and _TRAVEL_CAUSE.search(text):
            dropped.discard("logistics")
    surest = max([probabilities[theme] for theme in themes] or [probabilities["preparation"]])
    kept = [theme for theme in themes if theme not in dropped and theme != "preparation"] + ["preparation"]
    probabilities["preparation"] = max(probabilities["preparation"], surest)
    if advantages is not None and not again:
        advantages.add("preparation")
    return kept
