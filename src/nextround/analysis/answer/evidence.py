"""What a measure or a suggestion may look at: the :class:`Evidence` gathered from an answer, and how both
quote it (a sentence cut to a few words, sentence numbers in words)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from nextround.analysis.answer.asked_questions import AskedQuestions
from nextround.analysis.answer.model import FillerReport, JobTermUse, LengthCheck, StarSentences
from nextround.analysis.answer.star import SentenceFeatures


@dataclass(frozen=True)
class Evidence:
    """Everything a measure or a suggestion may look at."""

    question_type: str
    question: str
    sentences: tuple[str, ...]
    analysed: tuple[SentenceFeatures, ...]
    star: StarSentences
    quantified_result: bool
    quantified_sentence: int | None
    word_count: int
    length: LengthCheck
    fillers: FillerReport
    hedges: tuple[str, ...]
    ownership: float | None
    relevance: float
    topic_concept: str  # what the question is about, in words ("handling a disagreement")
    job_terms: JobTermUse | None
    lower_text: str
    own_topic: str = ""  # what a user's question far from the bank asks, in its words (Relevance.own_topic)
    # what the answer asks the interviewer, when it is scored on its questions (:mod:`.asked_questions`), else None
    asked: AskedQuestions | None = None


def quote(text: str, max_words: int = 12, from_end: bool = False) -> str:
    words = text.strip().rstrip(".!?;:,").split()
    if len(words) <= max_words:
        return f'"{" ".join(words)}"'
    if from_end:
        return f'"…{" ".join(words[-max_words:])}"'
    return f'"{" ".join(words[:max_words])}…"'


def indices_text(indices: Sequence[int]) -> str:
    numbers = [str(i + 1) for i in indices]
    if len(numbers) == 1:
        return f"sentence {numbers[0]}"
    return "sentences " + ", ".join(numbers[:-1]) + " and " + numbers[-1]
