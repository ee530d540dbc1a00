"""An empty reading named where it can be (session 24, `feedbackR24`), read by ``decide()`` last.

The corpus README gives every text at least one theme: the reasons it gives, or `generic` when it gives none. A text
whose every reason clause was read too faintly to pass the floor, and where no faint reading was kept
(`rereading.faint_kept`), came out with no theme at all: 38 rows of the seen pool (27 different texts), and 3 of 130 in
test22 ("we felt you weren't quite the right fit", "the leaf kept tearing ... so it clouded", "yuh reach late both
days"). Such a text now says what its surest reason clause is about, as the theme head reads it (that head learnt
every clause's topic, praise too, and is surer on a faint reason than the reason head, whose theme was gold in 4 of 21
such texts), where that head names it at least `NAMED` (polarity certainty times topic probability): `generic` for "not
quite the right fit", "another applicant was the better fit", the theme for "the leaf kept tearing". In the seen pool
this named 9 of the 38 rows, all 9 as gold. Below `NAMED` the text still says nothing unless `UNNAMED_RULE` is on
(measured worse).
"""

from __future__ import annotations

from collections.abc import Sequence

from nextround.analysis.feedback.types import THEMES, ClauseReading, ThemeFinding

__all__ = ["EMPTY_RULE", "NAMED", "UNNAMED_RULE", "never_empty"]

EMPTY_RULE = True
# `generic` where the surest reason clause's topic is named less surely than `NAMED`: off, measured. In the seen pool
# those texts are gold `generic` in 5 of 29 rows (4 of 20 texts; the rest process, logistics, technical_skills,
# experience ...), so `generic` there was 19 label errors more than saying nothing (5 closer, 24 further); the README's
# "generic is no reason at all" is not what these texts say. Switch on where a theme set must never be empty.
UNNAMED_RULE = False
# How surely the theme head must name the surest reason clause's topic for it to be the text's theme (below it, the
# seen empties' topic was right in 2 of 20 texts, 2 more in part, and `generic` in 4).
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
        return [ThemeFinding("generic", _UNNAMED, (said,))] if UNNAMED_RULE else []
    return [ThemeFinding(theme, round(sureness, 2), (said,))]
