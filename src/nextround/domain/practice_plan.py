"""Plan a practice session from the question bank, and schedule spaced-repetition reviews.

Pure and deterministic: the same inputs and seed always give the same plan.

Priorities, in order:
1. answers that are due for review (at most half the session, but at least one);
2. an opening "tell me about yourself" question, when the session has four or more questions and
   nothing was due;
3. questions the user logged from real interviews;
4. questions that train the themes their feedback mentions;
5. questions matching the job's skills, then questions written for the role;
6. a balanced mix across categories.
Recently practised questions are used only when nothing fresher is left.
"""

from __future__ import annotations

import random
import re
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo
from typing import Any

from nextround.domain.questions import INTERVIEW_SOURCE_PREFIX, ROLES, THEMES, Question

MIN_SCORE = 0
MAX_SCORE = 100

# Lower scores come back sooner. (score below, days until the next review, grows with attempts)
_REVIEW_INTERVALS: tuple[tuple[int, int, bool], ...] = (
    (50, 1, False),  # shaky: try again tomorrow
    (70, 3, False),  # getting there: again this week
    (85, 7, True),  # good: a week, then longer as it keeps holding
    (MAX_SCORE + 1, 21, True),  # strong: three weeks and more
)
# Growing intervals double with each attempt, up to this factor (7 → 14 → 28 days).
_MAX_GROWTH = 4

# Opening questions are career-story questions whose ids start with this prefix.
OPENING_ID_PREFIX = "story-intro-"
_MIN_QUESTIONS_FOR_OPENING = 4

# Job skills shorter than this ("Go", "R") are too ambiguous to look for in question text.
_MIN_SKILL_LENGTH_FOR_TEXT_MATCH = 3

_MIX_CATEGORY_ORDER = (
    "behavioural",
    "situational",
    "role",
    "motivation",
    "strengths_weaknesses",
    "career_story",
    "questions_for_interviewer",
)
# The start of a reason given for a feedback theme (the service words a theme the user chose differently).
THEME_REASON_PREFIX = "Your feedback mentions "
_MIX_LABELS = {
    "behavioural": "a behavioural question",
    "situational": "a situational question",
    "role": "a question specific to the role",
    "motivation": "a motivation and fit question",
    "strengths_weaknesses": "a strengths and weaknesses question",
    "career_story": "a career story question",
    "questions_for_interviewer": "a question for you to ask the interviewer",
}

# Skill wording (lower case, hyphens as spaces) -> competencies that practise it.
_SKILL_COMPETENCIES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("stakeholder", ("influence", "communication")),
    ("communicat", ("communication",)),
    ("presentation", ("communication",)),
    ("writing", ("communication",)),
    ("negotiat", ("influence", "conflict")),
    ("persua", ("influence",)),
    ("influenc", ("influence",)),
    ("leadership", ("leadership",)),
    ("people management", ("leadership",)),
    ("team management", ("leadership",)),
    ("mentor", ("leadership",)),
    ("coaching", ("leadership",)),
    ("project management", ("prioritisation", "time_management")),
    ("time management", ("time_management",)),
    ("deadline", ("time_management",)),
    ("organis", ("time_management", "prioritisation")),
    ("organiz", ("time_management", "prioritisation")),
    ("priorit", ("prioritisation",)),
    ("teamwork", ("teamwork",)),
    ("team player", ("teamwork",)),
    ("collaborat", ("teamwork",)),
    ("cross functional", ("teamwork", "influence")),
    ("customer", ("customer_focus",)),
    ("client", ("customer_focus",)),
    ("patient care", ("customer_focus",)),
    ("guest", ("customer_focus",)),
    ("user research", ("customer_focus",)),
    ("problem solving", ("problem_solving",)),
    ("analytical", ("problem_solving",)),
    ("troubleshoot", ("problem_solving",)),
    ("critical thinking", ("problem_solving",)),
    ("ownership", ("ownership",)),
    ("accountab", ("ownership",)),
    ("initiative", ("ownership",)),
    ("self starter", ("ownership",)),
    ("ambigu", ("ambiguity",)),
    ("fast paced", ("ambiguity", "adaptability")),
    ("startup", ("ambiguity",)),
    ("learn", ("learning",)),
    ("curious", ("learning",)),
    ("curiosity", ("learning",)),
    ("conflict", ("conflict",)),
    ("difficult conversation", ("conflict",)),
    ("adaptab", ("adaptability",)),
    ("flexib", ("adaptability",)),
    ("change management", ("adaptability", "influence")),
    ("ethic", ("ethics",)),
    ("integrity", ("ethics",)),
    ("complian", ("ethics",)),
    ("safeguarding", ("ethics",)),
    ("confidential", ("ethics",)),
    ("resilien", ("resilience",)),
    ("under pressure", ("resilience",)),
)


@dataclass(frozen=True, slots=True)
class ReviewItem:
    """The last practice result for one question, as spaced repetition needs it."""

    question_id: str
    last_score: int
    attempts: int
    last_practised: date

    def __post_init__(self) -> None:
        _check_score_and_attempts(self.last_score, self.attempts)

    @property
    def next_review(self) -> date:
        return next_review_date(self.last_score, self.attempts, self.last_practised)


@dataclass(frozen=True, slots=True)
class PlannedQuestion:
    """A question chosen for a session, with a short sentence saying why."""

    question: Question
    reason: str

    def to_dict(self) -> dict[str, Any]:
        return {"question": self.question.to_dict(), "reason": self.reason}


def next_review_date(last_score: int, attempts: int, last_practised: date) -> date:
    """When an answer scored `last_score` (0-100) after `attempts` tries should be practised again."""
    _check_score_and_attempts(last_score, attempts)
    for score_below, days, grows in _REVIEW_INTERVALS:
        if last_score < score_below:
            growth = min(2 ** (attempts - 1), _MAX_GROWTH) if grows else 1
            return last_practised + timedelta(days=days * growth)
    raise AssertionError("the interval table covers every valid score")  # pragma: no cover


def review_items(history: Iterable[tuple[str, int, datetime]], zone: tzinfo | None) -> list[ReviewItem]:
    """One review item per question from (question key, score, answered at), oldest first: the last one wins."""
    latest: dict[str, tuple[int, datetime]] = {}
    attempts: Counter[str] = Counter()
    for key, score, answered_at in history:
        latest[key] = (score, answered_at)
        attempts[key] += 1
    return [
        ReviewItem(
            question_id=key,
            last_score=max(0, min(100, score)),
            attempts=attempts[key],
            last_practised=answered_at.astimezone(zone).date(),
        )
        for key, (score, answered_at) in latest.items()
    ]


def due_reviews(items: Iterable[ReviewItem], today: date) -> list[ReviewItem]:
    """Items due on or before `today`: most overdue first, then lowest score, then id."""
    due = [item for item in items if item.next_review <= today]
    return sorted(
        due,
        key=lambda item: (-(today - item.next_review).days, item.last_score, item.question_id),
    )


def plan_session(
    bank: Sequence[Question],
    *,
    count: int = 5,
    role: str | None = None,
    job_skills: Sequence[str] = (),
    focus_themes: Sequence[str] = (),
    real_interview_questions: Sequence[Question] = (),
    due_reviews: Sequence[ReviewItem] = (),
    recent_question_ids: Collection[str] = (),
    seed: int = 0,
) -> list[PlannedQuestion]:
    """Choose up to `count` distinct questions for one practice session (see the module docstring).

    `due_reviews` are taken in the order given (`due_reviews()` already sorts them); their ids are
    looked up in `bank` and `real_interview_questions`, and unknown ids are skipped. Returns fewer
    than `count` questions only when fewer distinct questions exist.
    """
    if count < 0:
        raise ValueError(f"count must not be negative, got {count}")
    if role is not None and role not in ROLES:
        raise ValueError(f"unknown role {role!r}; expected one of: {', '.join(ROLES)}")
    for theme in focus_themes:
        if theme not in THEMES:
            raise ValueError(f"unknown feedback theme {theme!r}; expected one of: {', '.join(THEMES)}")

    rng = random.Random(seed)
    # One shuffle up front; every later choice keeps this order, so the seed decides ties.
    shuffled_bank = list(bank)
    rng.shuffle(shuffled_bank)
    suitable = [question for question in shuffled_bank if question.suits_role(role)]
    session = _Session(count, frozenset(recent_question_ids))

    _add_due_reviews(session, due_reviews, [*bank, *real_interview_questions])
    if count >= _MIN_QUESTIONS_FOR_OPENING and session.is_empty:
        _add_opening(session, suitable)

    for allow_recent in (False, True):
        session.allow_recent = allow_recent
        session.take(real_interview_questions, _real_interview_reason)
        _add_focus_themes(session, suitable, focus_themes, role)
        _add_job_matches(session, shuffled_bank, suitable, job_skills, role)
        _add_balanced_mix(session, suitable)
        if session.is_full:
            break
    return session.planned


class _Session:
    """The session being built: enforces the size, no repeats and the recent-question rule."""

    def __init__(self, count: int, recent_ids: frozenset[str]) -> None:
        self.count = count
        self.recent_ids = recent_ids
        self.allow_recent = False
        self.planned: list[PlannedQuestion] = []
        self._ids: set[str] = set()
        self._texts: set[str] = set()

    @property
    def is_full(self) -> bool:
        return len(self.planned) >= self.count

    @property
    def is_empty(self) -> bool:
        return not self.planned

    def can_add(self, question: Question, *, ignore_recent: bool = False) -> bool:
        if self.is_full or question.id in self._ids or _text_key(question.text) in self._texts:
            return False
        return ignore_recent or self.allow_recent or question.id not in self.recent_ids

    def add(self, question: Question, reason: str, *, ignore_recent: bool = False) -> bool:
        if not self.can_add(question, ignore_recent=ignore_recent):
            return False
        self.planned.append(PlannedQuestion(question, reason))
        self._ids.add(question.id)
        self._texts.add(_text_key(question.text))
        return True

    def take(
        self,
        candidates: Iterable[Question],
        reason: str | Callable[[Question], str],
        limit: int | None = None,
    ) -> int:
        """Add candidates in order until `limit` were added or the session is full."""
        added = 0
        for question in candidates:
            if self.is_full or (limit is not None and added >= limit):
                break
            text = reason(question) if callable(reason) else reason
            if self.add(question, text):
                added += 1
        return added

    def count_category(self, category: str) -> int:
        return sum(1 for planned in self.planned if planned.question.category == category)


def _add_due_reviews(session: _Session, reviews: Sequence[ReviewItem], known: Sequence[Question]) -> None:
    by_id: dict[str, Question] = {}
    for question in known:
        by_id.setdefault(question.id, question)
    # At most half the session, so a backlog of reviews never crowds out new practice.
    limit = max(1, session.count // 2)
    added = 0
    for item in reviews:
        if added >= limit:
            break
        reviewed = by_id.get(item.question_id)
        if reviewed is None:
            continue
        reason = f"You scored {item.last_score} on this last time; due for another try"
        # A due review was practised recently by definition, so the recent rule does not apply.
        if session.add(reviewed, reason, ignore_recent=True):
            added += 1


def _add_opening(session: _Session, suitable: Sequence[Question]) -> None:
    openings = [question for question in suitable if question.id.startswith(OPENING_ID_PREFIX)]
    reason = "Opening question: practise your story"
    fresh = [question for question in openings if question.id not in session.recent_ids]
    # Every real interview opens this way, so repeat an opening rather than skip it.
    for question in fresh or openings:
        if session.add(question, reason, ignore_recent=True):
            return


def _real_interview_reason(question: Question) -> str:
    if question.source.startswith(INTERVIEW_SOURCE_PREFIX):
        company = question.source.removeprefix(INTERVIEW_SOURCE_PREFIX).strip()
        if company:
            return f"Asked in your real interview at {company}"
    return "Asked in one of your real interviews"


# Behavioural competencies whose questions do not show the depth of a person's experience.
_NOT_EXPERIENCE = frozenset({"failure", "prioritisation", "ethics", "conflict", "self_awareness", "customer_focus"})


def _theme_matcher(theme: str, role: str | None) -> Callable[[Question], bool]:
    """Which questions train a feedback theme (the mapping the product promises)."""

    def communication(question: Question) -> bool:
        return question.category == "behavioural"  # STAR-shaped answers

    def preparation(question: Question) -> bool:
        return question.category == "motivation" or "company_research" in question.competencies

    def technical_skills(question: Question) -> bool:
        if role is not None:
            return question.category == "role" and role in question.roles
        return bool({"technical_depth", "problem_solving"} & set(question.competencies))

    def experience(question: Question) -> bool:
        # Showing the depth of what you have done: your story, work you carried yourself, getting up to speed,
        # the job's hardest parts for you. Not every ownership question: a mistake, a trade-off of priorities
        # or an ethical choice trains something else.
        competencies = set(question.competencies)
        if question.category == "career_story":
            return not competencies <= {"motivation", "self_awareness"}  # "why are you leaving" is motivation
        if question.category == "strengths_weaknesses":
            return "company_research" in competencies  # the parts of this job you know least
        if question.category != "behavioural" or competencies & _NOT_EXPERIENCE:
            return False
        return bool({"ownership", "learning"} & competencies)

    def culture_fit(question: Question) -> bool:
        return bool({"teamwork", "ethics"} & set(question.competencies))

    def motivation(question: Question) -> bool:
        return question.category in {"motivation", "career_story"} or "motivation" in question.competencies

    matchers: dict[str, Callable[[Question], bool]] = {
        "communication": communication,
        "preparation": preparation,
        "technical_skills": technical_skills,
        "experience": experience,
        "culture_fit": culture_fit,
        "motivation": motivation,
    }
    return matchers[theme]


# The competencies through which a question practises each feedback theme. A question is planned for a theme
# only through one of these, and its reason names it: "communication" is never the reason for a question about
# a failure.
THEME_COMPETENCIES: dict[str, tuple[str, ...]] = {
    "communication": ("communication", "influence", "conflict"),
    "preparation": ("company_research", "motivation"),
    "technical_skills": ("technical_depth", "problem_solving"),
    "experience": ("ownership", "learning", "leadership", "technical_depth"),
    "culture_fit": ("teamwork", "ethics"),
    "motivation": ("motivation",),
}
_COMPETENCY_WORDS = {
    "company_research": "knowing the company",
    "conflict": "handling conflict",
    "customer_focus": "customer focus",
    "influence": "persuading people",
    "motivation": "your motivation",
    "ownership": "owning your work",
    "problem_solving": "problem solving",
    "self_awareness": "self-awareness",
    "technical_depth": "technical depth",
    "time_management": "time management",
}


def competency_words(competency: str) -> str:
    """A competency as a reason says it ("company_research" is "knowing the company")."""
    return _COMPETENCY_WORDS.get(competency, competency.replace("_", " "))


def theme_competency(theme: str, question: Question, role: str | None = None) -> str | None:
    """The competency of `question` through which it practises `theme`, or None when it does not.

    A role's own question practises the technical skills of that role whatever its competency."""
    related = THEME_COMPETENCIES[theme]
    found = next((c for c in question.competencies if c in related), None)
    if found is None and theme == "technical_skills" and role is not None and question.competencies:
        return question.competencies[0] if question.category == "role" and role in question.roles else None
    return found


def _add_focus_themes(
    session: _Session, suitable: Sequence[Question], focus_themes: Sequence[str], role: str | None
) -> None:
    per_theme = max(1, session.count // 4)
    for theme in dict.fromkeys(focus_themes):  # ignore repeated themes, keep their order
        matches = _theme_matcher(theme, role)
        candidates = [q for q in suitable if matches(q) and theme_competency(theme, q, role) is not None]
        # Questions whose own competency is the theme's first, then those written to train it; the shuffle
        # order breaks ties.
        candidates.sort(
            key=lambda q: (
                next((c for c in q.competencies if c in THEME_COMPETENCIES[theme]), None) is None,
                theme not in q.themes,
            )
        )
        label = theme.replace("_", " ")

        def reason(question: Question, theme: str = theme, label: str = label) -> str:
            competency = theme_competency(theme, question, role)
            assert competency is not None  # only such questions are candidates
            which = (
                "question" if competency in THEME_COMPETENCIES[theme] else f"{(role or '').replace('_', ' ')} question"
            )
            return f"{THEME_REASON_PREFIX}{label}: this {which} practises {competency_words(competency)}"

        session.take(candidates, reason, limit=per_theme)


def _add_job_matches(
    session: _Session,
    bank: Sequence[Question],
    suitable: Sequence[Question],
    job_skills: Sequence[str],
    role: str | None,
) -> None:
    share = max(1, session.count // 3)
    skills = [skill.strip() for skill in dict.fromkeys(job_skills) if skill.strip()]
    candidates_by_skill = {skill: _questions_for_skill(skill, bank, suitable, role) for skill in skills}
    # One question per skill in turn, so the first skill does not take the whole share.
    added = 0
    while added < share and not session.is_full:
        added_this_round = 0
        for skill in skills:
            if added >= share:
                break
            taken = session.take(candidates_by_skill[skill], f"The job asks for {skill}", limit=1)
            added += taken
            added_this_round += taken
        if added_this_round == 0:
            break

    if role is not None:
        role_questions = [question for question in suitable if question.category == "role"]
        label = role.replace("_", " ")
        session.take(role_questions, f"A common question for {label} roles", limit=share)


def _questions_for_skill(
    skill: str, bank: Sequence[Question], suitable: Sequence[Question], role: str | None = None
) -> list[Question]:
    """Questions that mention the skill by name, then questions whose competencies practise it (those written
    for the job's role first: a nurse's "patient care" is practised on patients, not on customers)."""
    normalised = _text_key(skill)
    by_text: list[Question] = []
    if len(normalised) >= _MIN_SKILL_LENGTH_FOR_TEXT_MATCH:
        pattern = re.compile(rf"(?<![a-z0-9]){re.escape(normalised)}(?![a-z0-9])")
        # A skill named in the question is strong evidence, even in another role's question.
        by_text = [question for question in bank if pattern.search(_text_key(question.text))]
    competencies = {competency for stem, mapped in _SKILL_COMPETENCIES if stem in normalised for competency in mapped}
    named_ids = {question.id for question in by_text}
    by_competency = [
        question for question in suitable if competencies & set(question.competencies) and question.id not in named_ids
    ]
    # Best fit first: the role's own questions, more of the skill's competencies, the skill as the main one.
    by_competency.sort(
        key=lambda question: (
            role is not None and role not in question.roles,
            -len(competencies & set(question.competencies)),
            question.competencies[0] not in competencies,
        )
    )
    return by_text + by_competency


def _add_balanced_mix(session: _Session, suitable: Sequence[Question]) -> None:
    by_category = {
        category: [question for question in suitable if question.category == category]
        for category in _MIX_CATEGORY_ORDER
    }
    while not session.is_full:
        # The category least represented so far goes next; the fixed order breaks ties.
        open_categories = [
            category
            for category in _MIX_CATEGORY_ORDER
            if any(session.can_add(question) for question in by_category[category])
        ]
        if not open_categories:
            return
        category = min(open_categories, key=session.count_category)
        session.take(by_category[category], f"Balanced mix: {_MIX_LABELS[category]}", limit=1)


def _check_score_and_attempts(score: int, attempts: int) -> None:
    if not MIN_SCORE <= score <= MAX_SCORE:
        raise ValueError(f"score must be between {MIN_SCORE} and {MAX_SCORE}, got {score}")
    if attempts < 1:
        raise ValueError(f"attempts must be at least 1, got {attempts}")


def _text_key(text: str) -> str:
    return " ".join(re.findall(r"[a-z0-9+#&]+", text.lower()))
