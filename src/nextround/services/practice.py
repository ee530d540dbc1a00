"""Use cases of the interview practice coach: plan a session, record and compare answers, the user's own
questions. Progress over time is services.practice_progress (`progress` is here too, for this module's callers).

Planning reads the other pillars' data: the target job (skills and role), the themes in the user's
feedback, questions logged from real interviews, and earlier answers due for another try.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from nextround.domain.practice_plan import (
    THEME_REASON_PREFIX,
    PlannedQuestion,
    due_reviews,
    plan_session,
    review_items,
)
from nextround.domain.progress import recent_measures
from nextround.domain.questions import (
    ASSIGNED_SOURCE_PREFIX,
    CATEGORIES,
    COACH_KEY_PREFIX,
    COMPETENCIES,
    ROLES,
    THEMES,
    Question,
    filter_questions,
    guess_role,
    interview_source,
    load_bank,
)
from nextround.errors import UserError
from nextround.serialize import FLATTEN
from nextround.services.answer_results import AttemptComparison, attempt_comparison
from nextround.services.goals import record_measure
from nextround.services.practice_progress import answer_records
from nextround.services.practice_progress import progress as progress
from nextround.services.workspace import Workspace
from nextround.storage.practice import (
    CUSTOM_KEY_PREFIX,
    CustomQuestionRepository,
    PracticeAnswerRepository,
    PracticeContextRepository,
    PracticeSessionRepository,
    SpokenMeasures,
    StoredAnswer,
    StoredCustomQuestion,
)
from nextround.storage.reads import NotFoundError

if TYPE_CHECKING:
    from nextround.analysis.answer.model import AnswerAnalysis

MAX_COUNT = 30
MAX_QUESTION_CHARS = 1_000
MAX_ANSWER_CHARS = 20_000
# Feedback themes that steer a session, besides --focus: the most frequent ones.
FEEDBACK_THEMES_USED = 2
RECENT_SESSIONS = 2
# Skills from a job description beyond this many add little to a short session.
MAX_JOB_SKILLS = 10
# The role and the skills to practise come from the first 20,000 characters of the job description (a long ad
# is ~10,000): a 150,000-character paste took two seconds a page to read whole, for nothing more to plan on.
JOB_TEXT_READ = 20_000
CUSTOM_SOURCE = "custom"


class PracticeError(UserError, ValueError):
    """A practice request that cannot be done as asked (unknown theme, empty answer, bad category)."""


# -- questions ------------------------------------------------------------------------------------


def _as_question(stored: StoredCustomQuestion) -> Question:
    linked = stored.application_id is not None or stored.interview_id is not None
    return Question(
        id=stored.key,
        text=stored.text,
        category=stored.category,
        competencies=stored.competencies,
        source=interview_source(stored.company) if linked else CUSTOM_SOURCE,
    )


def _check_choice(kind: str, value: str | None, known: Sequence[str]) -> None:
    if value is not None and value not in known:
        raise PracticeError(f"unknown {kind} {value!r}; expected one of: {', '.join(known)}")


def add_custom_question(
    ws: Workspace,
    text: str,
    category: str,
    app_id: int | None = None,
    interview_id: int | None = None,
    competencies: Sequence[str] = (),
) -> Question:
    """Add the user's own question; one logged from an interview is linked to that interview's application."""
    text = " ".join(text.split())
    if not text:
        raise PracticeError("the question text is empty")
    if len(text) > MAX_QUESTION_CHARS:
        raise PracticeError(f"the question is longer than {MAX_QUESTION_CHARS} characters")
    _check_choice("category", category, CATEGORIES)
    for competency in competencies:
        _check_choice("competency", competency, COMPETENCIES)
    with ws.db.write() as session:
        context = PracticeContextRepository(session, ws.owner_id)
        if interview_id is not None:
            interview_app = context.interview_application(interview_id)
            if app_id is not None and app_id != interview_app:
                raise PracticeError(f"interview {interview_id} belongs to application {interview_app}, not {app_id}")
            app_id = interview_app
        if app_id is not None:
            context.application(app_id)
        repo = CustomQuestionRepository(session, ws.owner_id)
        new_id = repo.add(
            text=text,
            category=category,
            competencies=list(dict.fromkeys(competencies)),
            application_id=app_id,
            interview_id=interview_id,
            created_at=ws.now(),
        )
        return _as_question(repo.get(new_id))


def list_questions(
    ws: Workspace, category: str | None = None, role: str | None = None, competency: str | None = None
) -> list[Question]:
    """The bundled bank and the user's own questions, filtered; the user's come last."""
    _check_choice("category", category, CATEGORIES)
    _check_choice("role", role, ROLES)
    _check_choice("competency", competency, COMPETENCIES)
    bank = filter_questions(load_bank(), category=category, role=role, competency=competency)
    with ws.db.read() as session:
        custom = CustomQuestionRepository(session, ws.owner_id).find(category=category)
    own = [_as_question(stored) for stored in custom]
    return [*bank, *(q for q in own if competency is None or competency in q.competencies)]


def get_question(ws: Workspace, key: str) -> Question:
    """A bank question by id, one of the user's by `custom:<id>`, or one a coach assigned by `coach:<id>`."""
    if key.startswith(COACH_KEY_PREFIX):
        from nextround.services.coach_notes import assigned_question

        note = assigned_question(ws.db, ws.owner_id, key)
        return Question(
            id=key, text=note.text, category="behavioural", source=ASSIGNED_SOURCE_PREFIX + note.coach_email
        )
    if key.startswith(CUSTOM_KEY_PREFIX):
        number = key.removeprefix(CUSTOM_KEY_PREFIX)
        if not number.isdigit():
            raise NotFoundError(f"no question with id {key}")
        with ws.db.read() as session:
            return _as_question(CustomQuestionRepository(session, ws.owner_id).get(int(number)))
    for question in load_bank():
        if question.id == key:
            return question
    raise NotFoundError(f"no question with id {key}")


@dataclass(frozen=True, slots=True)
class Attempt:
    """One stored answer to a question: when, in which session, and its score."""

    id: int
    session_id: int | None
    answered_at: datetime
    score: int


@dataclass(frozen=True, slots=True)
class QuestionDetails:
    """A question with its coaching notes (in JSON, the question's own keys) and the user's attempts at it."""

    question: Question = field(metadata=FLATTEN)
    attempts: tuple[Attempt, ...]


def question_details(ws: Workspace, key: str) -> QuestionDetails:
    """A question with its coaching notes and the user's attempts at it."""
    question = get_question(ws, key)
    with ws.db.read() as session:
        attempts = PracticeAnswerRepository(session, ws.owner_id).for_question(question.id)
    return QuestionDetails(question, tuple(Attempt(a.id, a.session_id, a.answered_at, a.score) for a in attempts))


# -- planning -------------------------------------------------------------------------------------


@lru_cache(maxsize=32)
def _job_skills(jd: str) -> tuple[str, ...]:
    if not jd.strip():
        return ()
    from nextround.analysis.skills import extract_skills

    return tuple(dict.fromkeys(mention.skill for mention in extract_skills(jd[:JOB_TEXT_READ])))


def feedback_themes(analyses: Sequence[dict[str, Any]]) -> list[str]:
    """The most frequent actionable themes across feedback rows (each row counts a theme once)."""
    counts: Counter[str] = Counter()
    for analysis in analyses:
        found = {
            str(item.get("theme"))
            for item in analysis.get("themes") or ()
            if isinstance(item, dict) and item.get("theme") in THEMES
        }
        counts.update(found)
    ranked = sorted(counts.items(), key=lambda pair: (-pair[1], THEMES.index(pair[0])))
    return [theme for theme, _ in ranked[:FEEDBACK_THEMES_USED]]


@dataclass(frozen=True, slots=True)
class JobContext:
    """What an interview for one application is about: the job, its skills and the user's feedback themes."""

    application_id: int
    company: str
    role: str
    jd: str
    skills: tuple[str, ...]
    feedback_themes: tuple[str, ...]


def job_context(ws: Workspace, app_id: int) -> JobContext:
    with ws.db.read() as session:
        context = PracticeContextRepository(session, ws.owner_id)
        company, role, jd = context.application(app_id)
        themes = feedback_themes(context.feedback_analyses())
    return JobContext(app_id, company, role, jd, _job_skills(jd)[:MAX_JOB_SKILLS], tuple(themes))


def plan(
    ws: Workspace,
    app_id: int | None = None,
    focus: str | None = None,
    count: int = 5,
    seed: int | None = None,
) -> list[PlannedQuestion]:
    """Choose the questions for a session (priorities in `nextround.domain.practice_plan`)."""
    if not 1 <= count <= MAX_COUNT:
        raise PracticeError(f"a session has between 1 and {MAX_COUNT} questions", field="count")
    _check_choice("focus theme", focus, THEMES)
    with ws.db.read() as session:
        context = PracticeContextRepository(session, ws.owner_id)
        role: str | None = None
        jd = ""
        if app_id is not None:
            _company, title, jd = context.application(app_id)
            role = guess_role(title, jd[:JOB_TEXT_READ])
        themes = feedback_themes(context.feedback_analyses())
        custom = CustomQuestionRepository(session, ws.owner_id).find()
        answers = PracticeAnswerRepository(session, ws.owner_id)
        history = answers.score_history()
        recent = answers.keys_from_recent_sessions(RECENT_SESSIONS)
    answered = {key for key, _score, _at in history}
    if app_id is not None:
        real = [_as_question(c) for c in custom if c.application_id == app_id]
    else:
        # Without a target job, the surprises from any real interview not yet practised.
        real = [_as_question(c) for c in custom if c.application_id is not None and c.key not in answered]
    focus_themes = list(dict.fromkeys([*([focus] if focus else []), *themes]))
    bank = [*load_bank(), *(_as_question(c) for c in custom)]
    planned = plan_session(
        bank,
        count=count,
        role=role,
        job_skills=_job_skills(jd)[:MAX_JOB_SKILLS],
        focus_themes=focus_themes,
        real_interview_questions=real,
        due_reviews=due_reviews(review_items(history, ws.now().tzinfo), ws.now().date()),
        recent_question_ids=recent,
        seed=int(ws.now().timestamp()) if seed is None else seed,
    )
    if focus and focus not in themes:
        # The planner words every theme as feedback; a theme the user chose is said as such.
        said = f"{THEME_REASON_PREFIX}{focus.replace('_', ' ')}:"
        chosen = f"You chose to focus on {focus.replace('_', ' ')}:"
        planned = [
            replace(item, reason=chosen + item.reason.removeprefix(said)) if item.reason.startswith(said) else item
            for item in planned
        ]
    return planned


# -- sessions and answers -------------------------------------------------------------------------


def start_session(
    ws: Workspace, planned: Sequence[PlannedQuestion], app_id: int | None = None, focus: str | None = None
) -> int:
    with ws.db.write() as session:
        if app_id is not None:
            PracticeContextRepository(session, ws.owner_id).application(app_id)
        return PracticeSessionRepository(session, ws.owner_id).add(
            application_id=app_id,
            focus=focus or "",
            plan=[item.question.id for item in planned],
            started_at=ws.now(),
        )


def session_job_terms(ws: Workspace, session_id: int) -> list[str] | None:
    """The skills of the session's target job, or None when it has no job description."""
    with ws.db.read() as session:
        stored = PracticeSessionRepository(session, ws.owner_id).get(session_id)
        if stored.application_id is None:
            return None
        _company, _role, jd = PracticeContextRepository(session, ws.owner_id).application(stored.application_id)
    skills = _job_skills(jd)
    return list(skills) if skills else None


def _clean_answer(text: str) -> str:
    text = text.strip()
    if not text:
        raise PracticeError("the answer is empty")
    return text[:MAX_ANSWER_CHARS]


def preview_answer(ws: Workspace, session_id: int, question: Question, answer_text: str) -> AnswerAnalysis:
    """The analysis of an answer without storing it (to decide on a follow-up question)."""
    from nextround.analysis.answer import analyze_answer

    terms = session_job_terms(ws, session_id)
    return analyze_answer(question.text, _clean_answer(answer_text), job_terms=terms)


def record_answer(
    ws: Workspace,
    session_id: int,
    question: Question,
    answer_text: str,
    duration_seconds: int | None,
    follow_up_text: str | None = None,
    spoken: SpokenMeasures | None = None,
    delivery: Mapping[str, Any] | None = None,
) -> tuple[AnswerAnalysis, AttemptComparison | None]:
    """Analyse and store an answer; compare it with the previous attempt at the same question.

    With a follow-up answer, the answer and the follow-up are analysed together, as one answer. A spoken
    answer (services.voice) brings its delivery measures (`spoken`, stored as columns) and its timeline
    (`delivery`, stored with the analysis). Returns the analysis and the comparison (as
    analysis.answer.compare_attempts words it), or None for a first attempt.
    """
    # Imported here, not at the top: a session shows its first question before any answer needs it.
    from nextround.analysis.answer import analyze_answer

    terms = session_job_terms(ws, session_id)
    text = _clean_answer(answer_text)
    first = analyze_answer(question.text, text, job_terms=terms)
    follow_up = (follow_up_text or "").strip()
    combined = f"{text}\n\n{follow_up}"[:MAX_ANSWER_CHARS] if follow_up else text
    analysis = analyze_answer(question.text, combined, job_terms=terms) if follow_up else first
    result = analysis.to_dict()
    stored = {
        **result,
        "asked_follow_up": first.follow_up if follow_up else None,
        "follow_up_answer": follow_up or None,
        "score_before_follow_up": first.score,
        **({"delivery": dict(delivery)} if delivery is not None else {}),
    }
    with ws.db.write() as session:
        PracticeSessionRepository(session, ws.owner_id).get(session_id)
        answers = PracticeAnswerRepository(session, ws.owner_id)
        previous = answers.latest_for_question(question.id)
        answers.add(
            session_id=session_id,
            question_key=question.id,
            question_text=question.text,
            category=question.category,
            competencies=question.competencies,
            answer=combined,
            score=analysis.score,
            analysis=stored,
            duration_seconds=duration_seconds,
            answered_at=ws.now(),
            spoken=spoken,
        )
    if question.id.startswith(COACH_KEY_PREFIX):  # the coach sees it practised; it leaves the picker's list
        from nextround.services.coach_notes import question_done

        question_done(ws.db, ws.owner_id, int(question.id.removeprefix(COACH_KEY_PREFIX)))
    comparison = _compare(previous, question, analysis, terms)
    _advance_goals(ws, session_id)
    return analysis, comparison


def _compare(
    previous: StoredAnswer | None, question: Question, current: Any, terms: list[str] | None
) -> AttemptComparison | None:
    if previous is None:
        return None
    from nextround.analysis.answer import analyze_answer, compare_attempts

    # The earlier answer is analysed again with today's rules and job terms, so the two are comparable.
    before = analyze_answer(question.text, previous.answer, job_terms=terms)
    return attempt_comparison(compare_attempts(before, current), previous.answered_at)


def goal_measures(ws: Workspace, session_id: int) -> Mapping[str, float]:
    """The readings practice feeds to goals after an answer in `session_id` (None values are left out).

    `answer.score` is the session's average so far; `answer.star_result`, `answer.quantified_result` and
    `answer.fillers_per_100` are over the last 10 answers (the shares over the last 10 answers to
    behavioural and situational questions, the ones a result belongs to). `practice.sessions` is an
    increment: 1 on a session's first answer, so a session counts once, even if it is never finished.
    """
    with ws.db.read() as session:
        answers = PracticeAnswerRepository(session, ws.owner_id).facts()
    records = answer_records(ws, answers)
    in_session = [r.score for r in records if r.session_id == session_id]
    recent = recent_measures(records)
    values: dict[str, float | None] = {
        "answer.score": round(sum(in_session) / len(in_session), 1) if in_session else None,
        "answer.star_result": recent["result_rate"],
        "answer.fillers_per_100": recent["fillers_per_100"],
        "answer.quantified_result": recent["quantified_rate"],
        "practice.sessions": 1.0 if len(in_session) == 1 else None,
    }
    return {name: value for name, value in values.items() if value is not None}


def _advance_goals(ws: Workspace, session_id: int) -> list[int]:
    advanced: list[int] = []
    for measure, value in goal_measures(ws, session_id).items():
        advanced.extend(record_measure(ws, measure, value))
    return advanced


@dataclass(frozen=True, slots=True)
class SessionSummary:
    """A practice session as it ended: how many answers, their average score, when it began and ended."""

    session_id: int
    answers: int
    average_score: float | None
    started_at: datetime
    finished_at: datetime | None


def finish_session(ws: Workspace, session_id: int) -> SessionSummary:
    """Close the session; returns its summary."""
    with ws.db.write() as session:
        sessions = PracticeSessionRepository(session, ws.owner_id)
        sessions.finish(session_id, ws.now())
        stored = sessions.get(session_id)
        answers = PracticeAnswerRepository(session, ws.owner_id).for_session(session_id)
    scores = [a.score for a in answers]
    return SessionSummary(
        session_id=session_id,
        answers=len(answers),
        average_score=round(sum(scores) / len(scores), 1) if scores else None,
        started_at=stored.started_at,
        finished_at=stored.finished_at,
    )
