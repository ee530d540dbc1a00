"""Guided reflection after a rejection: the questions, the rules an answer follows, and what it says.

The questions follow the article's second step (were you prepared, were there gaps, were your answers
clear, what went well, what one thing can you change), worded for the stage the application reached:
someone turned down from the CV alone was never asked an interview question, so they are asked about
targeting and their CV instead. Each answer is a 1-5 self-rating and some free text. Low ratings become
themes, so a reflection counts in `insights` next to the employer's feedback.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from nextround.errors import UserError

MIN_RATING = 1
MAX_RATING = 5
# A rating at or below this marks a weak spot worth a theme.
LOW_RATING = 2
MAX_ANSWER_CHARS = 2_000
MAX_ANSWERS_FILE_CHARS = 100_000
FORMAT_VERSION = 1

# The stage contexts a reflection can be asked in (the rejection buckets of the stage machine).
CONTEXTS: tuple[str, ...] = ("application", "screening", "assessment", "interview")


class ReflectionError(UserError, ValueError):
    """A reflection answer or answers file that does not follow the rules."""


@dataclass(frozen=True, slots=True)
class Question:
    key: str
    prompt: str
    rating_label: str  # what 1 and 5 mean
    theme: str | None  # the theme a low rating points at (None: no theme)


@dataclass(frozen=True, slots=True)
class Answer:
    rating: int
    text: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {"rating": self.rating, "text": self.text}


_WENT_WELL = Question(
    "went_well",
    "What went well, and is worth keeping for the next application?",
    "1 = hard to name anything, 5 = plenty went well",
    None,
)
_CHANGE = Question(
    "change",
    "What is one thing within your control that you will do differently next time?",
    "1 = not sure yet, 5 = clear and ready to act on",
    None,
)

_QUESTIONS: dict[str, tuple[Question, ...]] = {
    "application": (
        Question(
            "targeting",
            "Did this role fit what you can show today (level, skills, sector), or was it a stretch?",
            "1 = far from my profile, 5 = a close fit",
            "targeting",
        ),
        Question(
            "gaps",
            "Did the job description ask for skills or experience your CV does not show?",
            "1 = many gaps, 5 = none that I can see",
            "technical_skills",
        ),
        Question(
            "cv",
            "Did your CV and cover note make the match obvious in the first few lines, clearly and concisely?",
            "1 = not at all, 5 = very clearly",
            "cv",
        ),
        _WENT_WELL,
        _CHANGE,
    ),
    "screening": (
        Question(
            "prepared",
            "Were you ready for the screening call: the role, the company, salary and notice questions?",
            "1 = caught off guard, 5 = fully prepared",
            "preparation",
        ),
        Question(
            "gaps",
            "Did the call bring up skills or experience you could not show?",
            "1 = several gaps, 5 = none",
            "technical_skills",
        ),
        Question(
            "clear",
            "Did you explain your background and motivation clearly and briefly?",
            "1 = rambling or vague, 5 = clear and concise",
            "communication",
        ),
        _WENT_WELL,
        _CHANGE,
    ),
    "assessment": (
        Question(
            "prepared",
            "Were you prepared for the test or task: its format, time limit and topics?",
            "1 = not at all, 5 = fully prepared",
            "preparation",
        ),
        Question(
            "gaps",
            "Did the assessment expose skills or knowledge you are missing?",
            "1 = large gaps, 5 = none",
            "technical_skills",
        ),
        Question(
            "clear",
            "Was your work clearly presented and explained, with your reasoning visible?",
            "1 = hard to follow, 5 = clear and concise",
            "communication",
        ),
        _WENT_WELL,
        _CHANGE,
    ),
    "interview": (
        Question(
            "prepared",
            "Were you prepared for the questions you were actually asked?",
            "1 = surprised by most, 5 = ready for all of them",
            "preparation",
        ),
        Question(
            "gaps",
            "Were there gaps in your skills or experience that came up?",
            "1 = several clear gaps, 5 = none",
            "technical_skills",
        ),
        Question(
            "clear",
            "Were your answers clear and concise, with a concrete result in each?",
            "1 = long or vague, 5 = clear, concise, with results",
            "communication",
        ),
        _WENT_WELL,
        _CHANGE,
    ),
}

_EXPERIENCE_WORDS = re.compile(
    r"\b(experience[ds]?|years?|senior(ity)?|junior|level|track record|industry|sector|domain|led|leadership|"
    r"managed|management)\b",
    re.IGNORECASE,
)
_SKILL_WORDS = re.compile(
    r"\b(skills?|tool|tools|technical|technology|tech|language|framework|certificat\w*|coding|code|sql|excel|"
    r"software|knowledge|qualification\w*)\b",
    re.IGNORECASE,
)


def context_for(stage_reached: str) -> str:
    """The question set for the stage an application reached (a Stage value or a rejection bucket)."""
    value = stage_reached.strip().lower()
    if value in ("saved", "applied", "application"):
        return "application"
    if value in ("screening", "assessment"):
        return value
    return "interview"  # interview, final, offer, accepted: someone sat in an interview


def questions_for(stage_reached: str) -> tuple[Question, ...]:
    return _QUESTIONS[context_for(stage_reached)]


def _rating(value: Any, key: str) -> int:
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        raise ReflectionError(f"{key}: the rating must be a whole number from {MIN_RATING} to {MAX_RATING}")
    try:
        number = float(value)
    except ValueError:
        raise ReflectionError(f"{key}: the rating must be a whole number from {MIN_RATING} to {MAX_RATING}") from None
    if not number.is_integer() or not MIN_RATING <= number <= MAX_RATING:
        raise ReflectionError(f"{key}: the rating must be a whole number from {MIN_RATING} to {MAX_RATING}")
    return int(number)


def validate_answer(key: str, rating: Any, text: Any = "") -> Answer:
    if text is None:
        text = ""
    if not isinstance(text, str):
        raise ReflectionError(f"{key}: the text must be a string")
    text = text.strip()
    if len(text) > MAX_ANSWER_CHARS:
        raise ReflectionError(f"{key}: the text is {len(text)} characters; keep it under {MAX_ANSWER_CHARS}")
    return Answer(_rating(rating, key), text)


def validate_answers(raw: Mapping[str, Any], stage_reached: str) -> dict[str, Answer]:
    """Check answers given as {key: {"rating": n, "text": "..."}} (or {key: n}) against the stage's questions."""
    known = {question.key for question in questions_for(stage_reached)}
    answers: dict[str, Answer] = {}
    for key, value in raw.items():
        if key not in known:
            names = ", ".join(q.key for q in questions_for(stage_reached))
            raise ReflectionError(
                f"unknown question {key!r} for a reflection at the {context_for(stage_reached)} stage; "
                f"expected: {names}"
            )
        if isinstance(value, Mapping):
            extra = set(value) - {"rating", "text"}
            if extra:
                raise ReflectionError(f"{key}: unexpected field(s) {', '.join(sorted(map(str, extra)))}")
            if "rating" not in value:
                raise ReflectionError(f"{key}: a rating from {MIN_RATING} to {MAX_RATING} is required")
            answers[key] = validate_answer(key, value["rating"], value.get("text", ""))
        else:
            answers[key] = validate_answer(key, value)
    if not answers:
        raise ReflectionError("a reflection needs at least one answer")
    return answers


def parse_answers_file(text: str) -> dict[str, Any]:
    """The raw answers of an answers file: one JSON object, {"prepared": {"rating": 3, "text": "..."}, ...}."""
    if len(text) > MAX_ANSWERS_FILE_CHARS:
        raise ReflectionError(f"the answers file is over {MAX_ANSWERS_FILE_CHARS} characters")
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ReflectionError(f"the answers file is not valid JSON (line {exc.lineno}: {exc.msg})") from None
    if not isinstance(data, dict):
        raise ReflectionError('the answers file must hold one JSON object: {"prepared": {"rating": 3, "text": ""}}')
    # A file saved from `reflect --json` has the answers one level down; accept it as it is.
    if isinstance(data.get("answers"), dict) and "version" in data:
        data = data["answers"]
    return dict(data)


def merge(existing: Mapping[str, Answer], changes: Mapping[str, Answer]) -> dict[str, Answer]:
    """Editing a reflection keeps the answers that were not given again."""
    return {**existing, **changes}


def to_stored(context: str, answers: Mapping[str, Answer]) -> dict[str, Any]:
    return {
        "version": FORMAT_VERSION,
        "context": context,
        "answers": {key: answer.to_dict() for key, answer in answers.items()},
    }


def from_stored(stored: Mapping[str, Any]) -> tuple[str, dict[str, Answer]]:
    """Read back what `to_stored` wrote; tolerant of hand-edited rows (bad entries are dropped)."""
    context = str(stored.get("context") or "interview")
    if context not in CONTEXTS:
        context = "interview"
    answers: dict[str, Answer] = {}
    raw = stored.get("answers")
    if isinstance(raw, Mapping):
        for key, value in raw.items():
            if not isinstance(value, Mapping):
                continue
            try:
                answers[str(key)] = validate_answer(str(key), value.get("rating"), value.get("text", ""))
            except ReflectionError:
                continue
    return context, answers


def _gap_themes(text: str) -> list[str]:
    experience = bool(_EXPERIENCE_WORDS.search(text))
    skills = bool(_SKILL_WORDS.search(text))
    if experience and skills:
        return ["technical_skills", "experience"]
    if experience:
        return ["experience"]
    return ["technical_skills"]


@dataclass(frozen=True, slots=True)
class ReflectionTheme:
    theme: str
    question: str
    rating: int
    evidence: str


def themes_from_answers(context: str, answers: Mapping[str, Answer]) -> list[ReflectionTheme]:
    """Low-rated answers as themes.

    prepared → preparation, gaps → technical_skills and/or experience (from the wording), clear → communication,
    and at the application stage targeting → targeting, cv → cv.
    """
    found: list[ReflectionTheme] = []
    for question in _QUESTIONS.get(context, _QUESTIONS["interview"]):
        answer = answers.get(question.key)
        if answer is None or question.theme is None or answer.rating > LOW_RATING:
            continue
        evidence = answer.text or f"rated {answer.rating}/5: {question.prompt}"
        names = _gap_themes(answer.text) if question.key == "gaps" else [question.theme]
        found.extend(ReflectionTheme(name, question.key, answer.rating, evidence) for name in names)
    return found


def reflection_to_dict(context: str, answers: Mapping[str, Answer]) -> dict[str, Any]:
    """The reflection with its questions, answers, unanswered keys and the themes it feeds."""
    items = []
    for question in _QUESTIONS[context]:
        answer = answers.get(question.key)
        items.append(
            {
                "key": question.key,
                "question": question.prompt,
                "scale": question.rating_label,
                "rating": answer.rating if answer else None,
                "text": answer.text if answer else None,
            }
        )
    ratings = [answer.rating for answer in answers.values()]
    return {
        "context": context,
        "questions": items,
        "answers": {key: answer.to_dict() for key, answer in answers.items()},
        "unanswered": [q.key for q in _QUESTIONS[context] if q.key not in answers],
        "average_rating": round(sum(ratings) / len(ratings), 2) if ratings else None,
        "themes": sorted({t.theme for t in themes_from_answers(context, answers)}),
    }
