"""The line between an occupational credential and logistics (session 23, `feedbackK23`).

The corpus README: an occupational licence, ticket, certificate or qualification the candidate does not hold is
technical_skills; a driving licence, its class or penalty points is logistics (`location_or_visa`). The reason head
reads a route or place beside a credential as logistics ("the route goes up to Basel and you do not yet have the Rhine
patent for the sections above Duisburg"), a driving test not passed as a skill ("you've not passed your driving test
yet"), and any "sponsor" as a visa ("Can't sponsor until she is", of an apprentice licence). Read by ``decide()`` on a
reason clause's themes, each reading with its own switch; the patterns are in `[structure]` of the cue table.

* a credential not held (`rereading.credential_lacking`, or `licence_not_held`: a patent, register, rating or licence
  with a long name, a registration not yet complete, only the lesser one held), no driving word: technical_skills,
  kept however faintly, and logistics dropped unless the clause gives logistics of its own (`logistics_own`: a notice
  period, shifts, travel, a start date, a visa);
* a driving test not passed (`driving_test`): logistics, technical_skills and experience dropped;
* "sponsor" in a text that names a licence, an apprenticeship or training and no visa word (`sponsor_visa`): no visa,
  so logistics read from that clause alone is dropped.
"""

from __future__ import annotations

from nextround.analysis.feedback.lexicon import (
    DRIVING_CLASS,
    DRIVING_LICENCE,
    DRIVING_TEST,
    LICENCE_NOT_HELD,
    LOGISTICS_OWN,
    SPONSOR_LICENCE,
    SPONSOR_VISA,
    SPONSOR_WORD,
)
from nextround.analysis.feedback.rereading import credential_lacking

__all__ = ["DRIVING_TEST_RULE", "LICENCE_LINE_RULE", "SPONSOR_RULE", "redraw_licence", "sponsor_not_visa"]

LICENCE_LINE_RULE = True
DRIVING_TEST_RULE = True
SPONSOR_RULE = True
# What a driving test not passed is not: the craft or the time in it.
_NOT_DRIVING = frozenset({"technical_skills", "experience"})


def sponsor_not_visa(clause: str, text: str) -> bool:
    """The clause says "sponsor" of a licence, an apprenticeship or training the text names, and the text names no
    visa: "Texas requires a provisional (apprentice) license ... Can't sponsor until she is"."""
    return (
        SPONSOR_RULE
        and SPONSOR_WORD.search(clause) is not None
        and SPONSOR_VISA.search(text) is None
        and SPONSOR_LICENCE.search(text) is not None
    )


def _held_not(clause: str) -> bool:
    """An occupational credential the candidate does not hold, said in any form the cue table knows; no driving one."""
    if DRIVING_LICENCE.search(clause) is not None or DRIVING_CLASS.search(clause) is not None:
        return False
    return credential_lacking(clause) or LICENCE_NOT_HELD.search(clause) is not None


def redraw_licence(
    clause: str, text: str, themes: list[str], probabilities: dict[str, float], advantages: set[str] | None = None
) -> list[str]:
    """A reason clause's themes (`clause`, in the whole `text`) with the credential / logistics line redrawn
    (`probabilities` gains what a replaced theme had; `advantages` gains a credential not held)."""
    if "generic" in themes:
        return themes
    kept = list(themes)
    surest = max([probabilities[theme] for theme in kept] or [0.0])
    if DRIVING_TEST_RULE and DRIVING_TEST.search(clause):
        # "you've not passed your driving test yet, and I can't be fetching you": getting there, not the craft.
        kept = [theme for theme in kept if theme not in _NOT_DRIVING and theme != "logistics"] + ["logistics"]
        probabilities["logistics"] = max(probabilities["logistics"], surest)
        if advantages is not None:
            advantages.add("logistics")
        return kept
    if LICENCE_LINE_RULE and _held_not(clause):
        # "you do not yet have the Rhine patent for the sections above Duisburg": the credential, not the route.
        if "logistics" in kept and LOGISTICS_OWN.search(clause) is None:
            kept = [theme for theme in kept if theme != "logistics"]
        if "technical_skills" not in kept:
            kept.append("technical_skills")
        probabilities["technical_skills"] = max(probabilities["technical_skills"], surest)
        if advantages is not None:
            advantages.add("technical_skills")
    if "logistics" in kept and sponsor_not_visa(clause, text) and LOGISTICS_OWN.search(clause) is None:
        # "they can't sponsor the apprenticeship registration until I pass": the training, not a visa.
        kept = [theme for theme in kept if theme != "logistics"]
    return kept
