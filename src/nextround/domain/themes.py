"""The feedback theme vocabulary: each theme's name and the words a person reads for it.

Theme names are a stable interface (the JSON of `analyze feedback`, goals `--from-theme`, the question bank,
practice `--focus`); `analysis.feedback` finds them in employer feedback and `domain.reflection` in low-rated
reflection answers. Every page, command and report shows a theme through `theme_label`, never its name.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

# Themes a person can train with interview practice (the question bank tags questions with them).
PRACTISABLE_THEMES: tuple[str, ...] = (
    "technical_skills",
    "experience",
    "communication",
    "preparation",
    "culture_fit",
    "motivation",
)

# Themes a person can act on: the practisable ones, and what a reflection can point at (targeting, the CV).
# The others (competition, logistics, process, generic) describe the employer's side.
ACTIONABLE_THEMES = frozenset({*PRACTISABLE_THEMES, "targeting", "cv"})

THEME_LABELS: Mapping[str, str] = MappingProxyType(
    {
        "technical_skills": "technical skills",
        "experience": "experience",
        "communication": "communication",
        "preparation": "preparation",
        "culture_fit": "culture fit",
        "motivation": "motivation",
        "competition": "stronger competition",
        "logistics": "logistics (location, salary, start date)",
        "process": "the hiring process",
        "generic": "generic wording",
        "targeting": "targeting (roles that were a stretch)",
        "cv": "the CV and cover note",
    }
)


def theme_label(name: str) -> str:
    """The words for a theme; an unknown name (from an older export) reads as words, not snake_case."""
    return THEME_LABELS.get(name, name.replace("_", " "))
