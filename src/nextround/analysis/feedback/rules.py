"""The rule reading of each clause: tone, cue hits, rivals, codes.

These are the classifier's lexicon features, and the exact facts the output keeps from rules: the
outside-your-control codes (a "hiring freeze" is `role_frozen`) and the cue terms that name what to
practise. Themes themselves are decided by the classifier in ``model.py``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Final

from nextround.analysis.feedback.lexicon import (
    CLOSENESS,
    COMPARATIVE,
    SOFT_CUES,
    UNNAMED_WORK,
    Hit,
    Tone,
    cue_hits,
    mask,
    rival,
    rival_constraint,
    soft_theme,
    tone_of,
)
from nextround.analysis.feedback.types import ACTIONABLE_THEMES
from nextround.analysis.text import Clause, dismissed_concerns

__all__ = ["ClauseRules", "read_clauses"]

# How much a cue in a clause of this tone counts as a reason to reject.
_TONE_FACTOR: Final = {Tone.CRITICAL: 0.95, Tone.HEDGED: 0.75, Tone.NEUTRAL: 0.55, Tone.PRAISE: 0.0}
# Employer-side themes rarely come with praise words, so a neutral mention is nearly a statement of fact.
_EMPLOYER_SIDE: Final = frozenset({"logistics", "process", "competition"})
_SOFT_SCORE: Final = {Tone.CRITICAL: 0.42, Tone.HEDGED: 0.36, Tone.NEUTRAL: 0.0, Tone.PRAISE: 0.0}
# A critical clause no theme fits counts as a reason only with a few words of its own (boilerplate blanked).
_UNPLACED_MIN_WORDS: Final = 4
_WORD: Final = re.compile(r"[a-z]{2,}", re.IGNORECASE)


@dataclass
class ClauseRules:
    """What the rules saw in one clause (``text`` is the masked clause: boilerplate blanked)."""

    start: int
    end: int
    text: str
    tone: Tone
    marked: bool  # the tone came from words in the clause, not from its neighbours
    reasons: dict[str, float] = field(default_factory=dict)  # theme -> strongest cue score
    praised: list[str] = field(default_factory=list)
    codes: list[str] = field(default_factory=list)
    terms: dict[str, list[str]] = field(default_factory=dict)  # matched cue words: what to practise
    hit_themes: set[str] = field(default_factory=set)  # every theme a cue named, whatever the tone
    negative_cue: bool = False
    rival: bool = False
    # The rival's edge is the job's terms ("someone who can do Saturdays"): logistics, not competition.
    rival_constraint: bool = False
    closeness: bool = False
    soft: dict[str, int] = field(default_factory=dict)  # distinct weak hints per theme
    unplaced: bool = False  # criticises in its own words but no cue placed it
    # Criticism under negation and nothing else critical: "your skills were never in doubt" is praise.
    dismissed: bool = False
    boilerplate: float = 0.0  # share of the clause's characters that are boilerplate

    def add(self, theme: str, score: float, term: str = "") -> None:
        self.reasons[theme] = max(self.reasons.get(theme, 0.0), score)
        if term:
            self.terms.setdefault(theme, []).append(term)


def read_clauses(original: str, masked: str, clauses: Sequence[Clause], hits: Sequence[list[Hit]]) -> list[ClauseRules]:
    """Rule readings of the clauses of one sentence, in order (tone carries over between clauses)."""
    readings: list[ClauseRules] = []
    previous_tone = Tone.NEUTRAL
    previous_praised: list[str] = []
    for index, clause in enumerate(clauses):
        text = masked[clause.start : clause.end]
        marked = tone_of(text)
        self_critical = marked is Tone.CRITICAL
        rival_match = rival(original[clause.start : clause.end], text)
        if rival_match:
            marked = Tone.CRITICAL
        # "Your model worked, but ...": an unmarked clause conceded before a contrast is praise.
        conceded = False
        was_marked = marked is not None
        if marked is None:
            if clause.contrast:
                marked = Tone.CRITICAL if previous_tone is Tone.PRAISE else Tone.NEUTRAL
            elif index + 1 < len(clauses) and clauses[index + 1].contrast:
                marked, conceded = Tone.PRAISE, True
            else:
                marked = previous_tone
        reading = ClauseRules(clause.start, clause.end, text, marked, was_marked, rival=rival_match is not None)
        reading.rival_constraint = rival_match is not None and rival_constraint(
            original[clause.start : clause.end], rival_match
        )
        written = sum(1 for char in original[clause.start : clause.end] if not char.isspace())
        visible = sum(1 for char in text if not char.isspace())
        reading.boilerplate = 1.0 - visible / written if written else 0.0
        dismissed = dismissed_concerns(text)
        if dismissed:
            rest = tone_of(mask(text, ((scope.start, scope.end) for scope in dismissed)))
            reading.dismissed = rest not in (Tone.CRITICAL, Tone.HEDGED)
        _read_hits(reading, cue_hits(text, hits[index]), conceded)

        actionable_hit = any(theme in ACTIONABLE_THEMES for theme in reading.reasons)
        for theme, pattern in SOFT_CUES.items():
            count = len({match.group(0).lower() for match in pattern.finditer(text)})
            if count:
                reading.soft[theme] = count
        soft = soft_theme(text) if marked in (Tone.CRITICAL, Tone.HEDGED) and not actionable_hit else None
        # "Your X was good, but not at the level we need": the critique inherits the praised theme.
        if clause.contrast and marked is Tone.CRITICAL and not reading.hit_themes and previous_praised:
            for theme in previous_praised:
                reading.add(theme, 0.5)
        elif soft:
            reading.add(soft[0], _SOFT_SCORE[marked])
            actionable_hit = True
        elif marked is Tone.CRITICAL and not reading.hit_themes and not rival_match:
            if UNNAMED_WORK.search(text):
                reading.add("technical_skills", 0.4)
            elif self_critical and len(_WORD.findall(text)) >= _UNPLACED_MIN_WORDS:
                reading.unplaced = True

        if rival_match and not reading.rival_constraint:
            if actionable_hit:
                reading.add("competition", 0.85)
            elif COMPARATIVE.search(text, rival_match.end()):
                reading.add("competition", 0.45)
        if CLOSENESS.search(text):
            reading.closeness = True
            reading.add("competition", 0.7)
        readings.append(reading)
        previous_tone = marked
        previous_praised = reading.praised
    return readings


def _read_hits(reading: ClauseRules, hits: list[Hit], conceded: bool) -> None:
    for hit in hits:
        cue = hit.cue
        reading.hit_themes.add(cue.theme)
        reading.negative_cue = reading.negative_cue or cue.inherently_negative
        tone = reading.tone
        if conceded and cue.theme not in ACTIONABLE_THEMES:
            tone = Tone.NEUTRAL
        if tone is Tone.PRAISE and not cue.inherently_negative:
            if cue.theme in ACTIONABLE_THEMES and cue.theme not in reading.praised:
                reading.praised.append(cue.theme)
            continue
        factor = _TONE_FACTOR[tone] if not cue.inherently_negative else 0.95
        if cue.theme in _EMPLOYER_SIDE:
            factor = max(factor, 0.85)
        reading.add(cue.theme, cue.weight * factor, hit.term)
        for code in (cue.code, cue.extra_code):
            if code and code not in reading.codes:
                reading.codes.append(code)
