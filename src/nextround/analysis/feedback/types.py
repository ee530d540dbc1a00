"""Themes, codes and the result types of feedback analysis."""

from __future__ import annotations

from dataclasses import dataclass

THEMES: tuple[str, ...] = (
    "technical_skills",
    "experience",
    "communication",
    "preparation",
    "culture_fit",
    "motivation",
    "competition",
    "logistics",
    "process",
    "generic",
)

OUTSIDE_CONTROL_CODES: tuple[str, ...] = (
    "role_frozen",
    "role_cancelled",
    "filled_internally",
    "budget",
    "restructuring",
    "location_or_visa",
    "timing",
)

# Themes a person can work on; competition, logistics, process and generic are about the employer.
ACTIONABLE_THEMES = frozenset(
    {"technical_skills", "experience", "communication", "preparation", "culture_fit", "motivation"}
)

# Untrusted text is size-limited; beyond this the tail is ignored (evidence still quotes the input).
MAX_ANALYSED_CHARS = 20_000
MAX_EVIDENCE_CHARS = 220
MAX_EVIDENCE_PER_THEME = 3


# ---------------------------------------------------------------------------------------------
# Result types
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ThemeFinding:
    theme: str
    confidence: float
    evidence: tuple[str, ...]

    def to_dict(self) -> dict[str, object]:
        return {"theme": self.theme, "confidence": self.confidence, "evidence": list(self.evidence)}


@dataclass(frozen=True)
class Strength:
    theme: str
    evidence: tuple[str, ...]

    def to_dict(self) -> dict[str, object]:
        return {"theme": self.theme, "evidence": list(self.evidence)}


@dataclass(frozen=True)
class ClauseReading:
    """How one clause of the input was read: the evidence behind each theme and strength."""

    text: str
    polarity: str  # "reason", "praise" or "neutral"
    themes: tuple[str, ...]
    confidence: float

    def to_dict(self) -> dict[str, object]:
        return {
            "text": self.text,
            "polarity": self.polarity,
            "themes": list(self.themes),
            "confidence": self.confidence,
        }


@dataclass(frozen=True)
class FeedbackAnalysis:
    themes: tuple[ThemeFinding, ...]
    strengths: tuple[Strength, ...]
    actionable: bool
    outside_your_control: tuple[str, ...]
    actions: tuple[str, ...]
    summary: str
    clauses: tuple[ClauseReading, ...] = ()

    @property
    def theme_names(self) -> tuple[str, ...]:
        return tuple(finding.theme for finding in self.themes)

    def to_dict(self) -> dict[str, object]:
        return {
            "themes": [finding.to_dict() for finding in self.themes],
            "strengths": [strength.to_dict() for strength in self.strengths],
            "actionable": self.actionable,
            "outside_your_control": list(self.outside_your_control),
            "actions": list(self.actions),
            "summary": self.summary,
            "clauses": [clause.to_dict() for clause in self.clauses],
        }
