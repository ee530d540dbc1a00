"""A chosen rival's edge named by its content words (session 21, `feedbackR21`), read by ``decide()``.

Where someone else was chosen on merit ("we've offered the position to a candidate who is much stronger in R and
statistical modelling", "another candidate whose background in international recruitment ... was a closer match"),
the corpus README reads competition and "a rival's named advantage also takes its own theme". The model often reads
that theme in the clause and the confidence floor then drops it beside a surer competition. The words that name the
edge say which theme it is: a skill or tool (`rival_edge_skill`) is technical_skills, time in the work
(`rival_edge_time`) is experience. Read on the masked clause, so the no-reason template "whose experience more closely
matches our needs" (blanked as boilerplate) names nothing; kept however faintly, also where a personal theme is
already there (the older advantage reading in ``decide()`` only looks where none is). Patterns in `[structure]` of the
cue table.
"""

from __future__ import annotations

from nextround.analysis.feedback.lexicon import RIVAL_EDGE_SKILL, RIVAL_EDGE_TIME

__all__ = ["RIVAL_EDGE_RULE", "keep_rival_edge"]

RIVAL_EDGE_RULE = True
# How sure an edge named only by its words is: as surely as a rival's named credential (`_ADVANTAGE_FLOOR`).
_EDGE_FLOOR = 0.2
_EDGES = ((RIVAL_EDGE_SKILL, "technical_skills"), (RIVAL_EDGE_TIME, "experience"))


def rival_edge(masked: str) -> list[str]:
    """The themes a chosen rival's edge is named by in a masked clause (boilerplate blanked)."""
    if not RIVAL_EDGE_RULE:
        return []
    return [theme for pattern, theme in _EDGES if pattern.search(masked)]


def keep_rival_edge(masked: str, themes: list[str], probabilities: dict[str, float], advantages: set[str]) -> list[str]:
    """A rival's clause's themes with the edge its words name added and kept however faintly (`advantages`)."""
    edges = rival_edge(masked)
    kept = [theme for theme in themes if theme != "generic"] if edges else list(themes)
    for theme in edges:
        if theme not in kept:
            kept.append(theme)
        probabilities[theme] = max(probabilities[theme], _EDGE_FLOOR)
        advantages.add(theme)
    return kept
