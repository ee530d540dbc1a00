"""Result types of the interview-answer analysis and the constants its callers use."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Final

QUESTION_TYPES: Final = (
    "behavioural",
    "situational",
    "tell_me_about_yourself",
    "motivation",
    "strengths_weaknesses",
    "career_story",
    "questions_for_interviewer",
    "technical",
    "general",
)
STAR_PARTS: Final = ("situation", "task", "action", "result")
WORDS_PER_MINUTE: Final = 140
# Longer input is cut before analysis; untrusted text is size-limited (CONVENTIONS: errors and input).
MAX_ANSWER_CHARS: Final = 100_000
STAR_THRESHOLD: Final = 2.0


@dataclass(frozen=True)
class ScoreItem:
    """One line of the score: the points a named measure earned, out of its maximum, and why."""

    measure: str
    points: int
    max: int
    why: str

    def to_dict(self) -> dict[str, Any]:
        return {"measure": self.measure, "points": self.points, "max": self.max, "why": self.why}


@dataclass(frozen=True)
class LengthCheck:
    target_min: int
    target_max: int
    verdict: str  # "short" | "ok" | "long"

    def to_dict(self) -> dict[str, Any]:
        return {"target_min": self.target_min, "target_max": self.target_max, "verdict": self.verdict}


@dataclass(frozen=True)
class FillerReport:
    per_100_words: float
    found: tuple[tuple[str, int], ...]  # (filler, count), in order of first use

    @property
    def total(self) -> int:
        return sum(count for _, count in self.found)

    def to_dict(self) -> dict[str, Any]:
        return {"per_100_words": self.per_100_words, "found": dict(self.found)}


@dataclass(frozen=True)
class JobTermUse:
    used: tuple[str, ...]
    missed: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        return {"used": list(self.used), "missed": list(self.missed)}


@dataclass(frozen=True)
class StarSentences:
    """Indices (into ``AnswerAnalysis.sentences``) of the sentences that carry each STAR part."""

    situation: tuple[int, ...]
    task: tuple[int, ...]
    action: tuple[int, ...]
    result: tuple[int, ...]

    def of(self, part: str) -> tuple[int, ...]:
        indices: tuple[int, ...] = getattr(self, part)
        return indices

    def present(self) -> dict[str, bool]:
        return {part: bool(self.of(part)) for part in STAR_PARTS}

    def to_dict(self) -> dict[str, list[int]]:
        return {part: list(self.of(part)) for part in STAR_PARTS}


@dataclass(frozen=True)
class AnswerAnalysis:
    score: int
    question_type: str
    sentences: tuple[str, ...]
    star_sentences: StarSentences
    quantified_result: bool
    word_count: int
    speaking_seconds: int
    length: LengthCheck
    fillers: FillerReport
    hedges: tuple[str, ...]
    ownership: float | None
    relevance: float
    job_terms: JobTermUse | None
    score_breakdown: tuple[ScoreItem, ...]
    suggestions: tuple[str, ...]
    follow_up: str | None

    @property
    def star(self) -> dict[str, bool]:
        return self.star_sentences.present()

    def points_for(self, measure: str) -> int | None:
        for item in self.score_breakdown:
            if item.measure == measure:
                return item.points
        return None

    def to_dict(self) -> dict[str, Any]:
        return {
            "score": self.score,
            "question_type": self.question_type,
            "star": self.star,
            "star_sentences": self.star_sentences.to_dict(),
            "sentences": list(self.sentences),
            "quantified_result": self.quantified_result,
            "word_count": self.word_count,
            "speaking_seconds": self.speaking_seconds,
            "length": self.length.to_dict(),
            "fillers": self.fillers.to_dict(),
            "hedges": list(self.hedges),
            "ownership": self.ownership,
            "relevance": self.relevance,
            "job_terms": None if self.job_terms is None else self.job_terms.to_dict(),
            "score_breakdown": [item.to_dict() for item in self.score_breakdown],
            "suggestions": list(self.suggestions),
            "follow_up": self.follow_up,
        }
