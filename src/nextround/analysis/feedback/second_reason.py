"""Two reasons in one clause (session 23, `feedbackS23`), read by ``decide()`` after the floor.

The clause splitter keeps ", and you ...", ", which you ..." and "... and you don't ..." inside one clause, and the
reason head gives such a clause the theme of its louder half: "You have about 1,100 hours in command, below our
minimum, and ... you did not brief the first officer on your plan" is read experience only. Cutting the clause there
for every reading was measured worse (session 22): most second halves are the same reason in other words, and a half
read alone by the reason head is usually faint or wrong. What is right is narrower: each half is read again as a text
of its own by the whole analyser (its lines and rereadings included), and a theme that half gives **surely**
(`SURE`, the half's own confidence: a sure reason and a sure theme) and the text lacks is added beside what was kept,
after the floor, so that a sure second reason cannot push the clause's first reading under it.

Seen pool (10,287 texts, every writer but the frozen and unseen files): a half's theme the text lacked was gold in
8 of 9 cases at ≥ 0.9 and in 15 of 40 at ≥ 0.7 (docs/analysis-model.md, "Session 23: two reasons in one clause").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Final

from nextround.analysis.feedback.types import ClauseReading, FeedbackAnalysis, ThemeFinding
from nextround.analysis.text import words

__all__ = ["SECOND_REASON_RULE", "SURE", "halves", "second_reasons"]

SECOND_REASON_RULE = True
# How sure a half's own reading must be for its theme to stand beside the clause's (below, a half's theme the text
# lacked was as often wrong as right).
SURE = 0.9
# Where a clause holds a second reason: ", and you / your / the ...", ", which / while you ...", "... and you
# don't / haven't ..." without a comma. The join word goes with the second half.
_JOINS: Final = (
    re.compile(
        r",\s+(?:and|plus)\s+(?:also\s+)?(?=(?:you|your|ye|yer|the|we|our|they|this|it|there)\b)", re.IGNORECASE
    ),
    re.compile(r",?\s+(?=(?:which|that|whereas|while|whilst|as)\s+(?:you|ye)\b)", re.IGNORECASE),
    re.compile(
        r"(?<!,)\s+and\s+(?=(?:you|ye)\s+(?:do|did|don't|dont|didn't|have|haven't|havent|had|hadn't|were|weren't|are"
        r"|aren't|can|cannot|can't|could|couldn't|still|also|only|never|lack|would|wouldn't)\b)",
        re.IGNORECASE,
    ),
)
# A half shorter than this says too little to be read alone ("and you were").
_FIRST_WORDS = 3
_SECOND_WORDS = 4


def halves(text: str) -> list[str]:
    """The two halves of a clause at each join in it (first half, second half), halves too short left out."""
    found: list[str] = []
    for join in _JOINS:
        for match in join.finditer(text):
            first, second = text[: match.start()].strip(), text[match.end() :].strip()
            if len(words(first)) >= _FIRST_WORDS and len(words(second)) >= _SECOND_WORDS:
                found.extend(piece for piece in (first, second) if piece not in found)
    return found


def second_reasons(
    findings: list[ThemeFinding],
    read: Sequence[ClauseReading],
    said: Sequence[str],
    read_alone: Callable[[str], FeedbackAnalysis],
) -> tuple[list[ThemeFinding], list[ClauseReading]]:
    """`findings` with the themes a half of a reason clause gives surely and the text lacked, and `read` with those
    themes on their clause (`said`: each clause's words, as `read` quotes them shortened; `read_alone` reads a half as
    a text of its own)."""
    if not SECOND_REASON_RULE:
        return findings, list(read)
    kept = {finding.theme for finding in findings}
    added: dict[str, ThemeFinding] = {}
    clauses = list(read)
    for index, (clause, words_said) in enumerate(zip(read, said, strict=True)):
        if clause.polarity != "reason":
            continue
        for half in halves(words_said):
            for finding in read_alone(half).themes:
                if finding.theme == "generic" or finding.theme in kept or finding.confidence < SURE:
                    continue
                if finding.theme not in added or added[finding.theme].confidence < finding.confidence:
                    added[finding.theme] = ThemeFinding(finding.theme, finding.confidence, (clause.text,))
                if finding.theme not in clauses[index].themes:
                    clauses[index] = ClauseReading(
                        clause.text, clause.polarity, (*clauses[index].themes, finding.theme), clause.confidence
                    )
    if not added:
        return findings, clauses
    return [finding for finding in findings if finding.theme != "generic"] + list(added.values()), clauses
