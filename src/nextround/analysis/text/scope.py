"""Negation and contrast scope.

A negator ("not", "never", "no", "wasn't", "without") reaches to the end of its clause or the next comma,
so "your answers were not clear" negates "clear" but "not bad, and the pastry was lovely" leaves "lovely"
alone. Some negated criticism is praise or a dismissed worry, never a weakness: "your technical skills
were never in doubt", "we had no concerns about your experience", "the commute wasn't an issue".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

from nextround.analysis.text.sentences import _STARTS_WITH_CONTRAST
from nextround.analysis.text.tokens import normalise

__all__ = ["Scope", "dismissed_concerns", "has_negation", "is_negated", "negation_scopes", "starts_with_contrast"]

_NEGATOR: Final = re.compile(
    r"\b(?:not|no|never|nor|without|hardly|cannot|none|neither|nothing|nobody|rarely|seldom|barely|scarcely"
    r"|lack(?:ed|ing|s)?|\w+n't|n't)\b",
    re.IGNORECASE,
)
# Negators that do not negate: "not only", "no later than", "no doubt you'll", "not least".
_NOT_NEGATION: Final = re.compile(
    r"\b(?:not only|not just|not least|no later than|no sooner|no doubt|nothing but|never been better)\b",
    re.IGNORECASE,
)
_SCOPE_END: Final = re.compile(r"[,;:.!?()]|\s[-–—]\s|\b(?:but|however|although|though|whereas|yet|and you|and your)\b")

# Criticism words under a negator that leave nothing to fix: a worry dismissed, or praise by litotes.
_DISMISSED: Final = re.compile(
    r"\b(?:never|not|no|nothing|none|wasn't|weren't|isn't|aren't|hasn't|didn't|was not|were not|is not"
    r"|did not|had no|have no|there were no|there was no|without)\b(?:\s+\w+){0,4}?\s+(?:in\s+)?"
    r"(?:(?:any\s+|real\s+|a\s+|an\s+|single\s+|the\s+slightest\s+)?(?:doubt|doubts|question|questions|concern|concerns"
    r"|worry|worries|issue|issues|problem|problems|reservations?|complaints?|red flags?|weakness(?:es)?"
    r"|gaps?|fault|criticism|wrong|lacking|short of|in question|a factor|a concern|an issue|a problem"
    r"|the issue|the problem|the reason|what held you back|why you weren't|why you were not))\b",
    re.IGNORECASE,
)
# "Nobody doubted your coding", "no one questioned your commitment".
_NOBODY_DOUBTED: Final = re.compile(
    r"\b(?:nobody|no one|none of us|never)\s+(?:\w+\s+)?(?:doubted|questioned|worried about|had (?:any )?doubts)\b",
    re.IGNORECASE,
)
# "could not fault", "couldn't have asked for more", "can't praise enough": praise through a negator.
_LITOTES: Final = re.compile(
    r"\b(?:could(?:n't| not)|can(?:'t|not)|would(?:n't| not))\s+(?:\w+\s+){0,2}?(?:fault|have asked for more"
    r"|praise\s+\w+\s+enough|speak highly enough|recommend\s+\w+\s+enough|ask for (?:a )?better)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Scope:
    """``start``/``end`` are offsets into the text that was examined."""

    start: int
    end: int
    cue: str


def negation_scopes(text: str) -> list[Scope]:
    """Where each negator's scope runs: from the negator to the end of its clause or the next comma."""
    plain = normalise(text)
    ignored = [match.span() for match in _NOT_NEGATION.finditer(plain)]
    scopes: list[Scope] = []
    for match in _NEGATOR.finditer(plain):
        if any(start <= match.start() < end for start, end in ignored):
            continue
        stop = _SCOPE_END.search(plain, match.end())
        scopes.append(Scope(match.start(), stop.start() if stop else len(plain), match.group()))
    return scopes


def has_negation(text: str) -> bool:
    return bool(negation_scopes(text))


def is_negated(text: str, position: int) -> bool:
    """Whether the word at ``position`` falls inside a negator's scope."""
    return any(scope.start <= position < scope.end for scope in negation_scopes(text))


def dismissed_concerns(text: str) -> list[Scope]:
    """Negated criticism that is not a weakness: "never in doubt", "no concerns about", "wasn't an issue"."""
    plain = normalise(text)
    found = [Scope(m.start(), m.end(), m.group()) for m in _DISMISSED.finditer(plain)]
    found += [Scope(m.start(), m.end(), m.group()) for m in _LITOTES.finditer(plain)]
    found += [Scope(m.start(), m.end(), m.group()) for m in _NOBODY_DOUBTED.finditer(plain)]
    return sorted(found, key=lambda scope: scope.start)


def starts_with_contrast(text: str) -> bool:
    """Whether the text opens with a contrast word ("But", "However,", "Although", "Yet")."""
    return bool(_STARTS_WITH_CONTRAST.match(normalise(text)))
