"""Never an empty reading (session 24, `feedbackR24`), read by ``decide()`` last.

The corpus README gives every text at least one theme: the reasons it gives, or `generic` when it gives none. A text
whose every reason clause was read too faintly to pass the floor, and where no faint reading was kept
(`rereading.faint_kept`), came out with no theme at all: 38 texts of the seen pool (27 different ones), and 3 of 130 in
test22 ("we felt you weren't quite the right fit", "the leaf kept tearing ... so it clouded", "yuh reach late both
days"). Such a text now says what its surest reason clause is about, as the theme head reads it (that head learnt
every clause's topic, praise too, and is surer on a faint reason than the reason head: in the seen empties the reason
head's theme was gold in 4 of 21 texts), where that head names a theme at least `NAMED`; else no reason was read that
the analyser can name, and the text says `generic`, as one that gives none.
"""

from __future__ import annotations

from collections.abc import Sequence

from nextround.analysis.feedback.types import THEMES, ClauseReading, ThemeFinding

__all__ = ["EMPTY_RULE", "NAMED", "never_empty"]

EMPTY_RULE = True
# How surely the theme head must name the surest reason clause's topic for it to be the text's theme (below it, the
# seen empties' topic was gold in 2 of 18 texts and `generic` in 3).
NAMED = 0.2
# How sure a `generic` said for a text whose reason could not be named is (as a text with no reason clause at all).
_UNNAMED = 0.6


def never_empty(
    findings: list[ThemeFinding],
    read: Sequence[ClauseReading],
    reason_certainty: Sequence[float],
    topics: Sequence[Sequence[float]],
) -> list[ThemeFinding]:
    """`findings`, or where there are none, the surest reason clause's topic (`reason_certainty`: each clause's
    polarity-head probability of a reason; `topics`: each clause's theme-head probabilities), else `generic`."""
    if findings or not EMPTY_RULE:
        return findings
    surest: tuple[float, str, str] | None = None
    for clause, certainty, row in zip(read, reason_certainty, topics, strict=True):
        if clause.polarity != "reason":
            continue
        probability, theme = max(zip((float(p) for p in row), THEMES, strict=True))
        if surest is None or certainty * probability > surest[0]:
            surest = (certainty * probability, theme, clause.text)
    if surest is None:
        return [ThemeFinding("generic", _UNNAMED, ())]
    sureness, theme, said = surest
    if sureness < NAMED:
        return [ThemeFinding("generic", _UNNAMED, (said,))]
    return [ThemeFinding(theme, round(sureness, 2), (said,))]
