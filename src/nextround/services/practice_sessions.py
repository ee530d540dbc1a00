"""A practice session's plan as it was started: its questions in their order, why each was chosen and which
are answered, so the practice page can lead from one planned question to the next.

The plan is stored with the session (question keys only). Showing a fresh plan instead would move the list
under the user's feet: every answer changes what is due, recent and unpractised.
"""

from __future__ import annotations

from dataclasses import dataclass

from nextround.domain.questions import Question
from nextround.services import practice
from nextround.services.workspace import Workspace
from nextround.storage.practice import PracticeAnswerRepository, PracticeSessionRepository
from nextround.storage.reads import NotFoundError

# Said of a planned question whose reason cannot be recovered (the plan no longer picks it).
PLANNED_REASON = "Planned when you started this session"


@dataclass(frozen=True, slots=True)
class PlanStep:
    question: Question
    reason: str
    answered: bool


@dataclass(frozen=True, slots=True)
class SessionPlan:
    session_id: int
    application_id: int | None
    focus: str
    steps: tuple[PlanStep, ...]

    def next_after(self, key: str) -> Question | None:
        """The first planned question not yet answered after `key` (then from the start), never `key` itself."""
        keys = [step.question.id for step in self.steps]
        start = keys.index(key) + 1 if key in keys else 0
        ordered = [*self.steps[start:], *self.steps[:start]]
        return next((s.question for s in ordered if not s.answered and s.question.id != key), None)


def session_plan(ws: Workspace, session_id: int) -> SessionPlan:
    """The session's stored plan with each question's reason and whether it has an answer in this session."""
    with ws.db.read() as session:
        stored = PracticeSessionRepository(session, ws.owner_id).get(session_id)
        answered = {a.question_key for a in PracticeAnswerRepository(session, ws.owner_id).for_session(session_id)}
    questions: list[Question] = []
    for key in stored.plan:
        try:
            questions.append(practice.get_question(ws, key))
        except NotFoundError:
            continue  # one of the user's own questions, deleted since
    reasons: dict[str, str] = {}
    if questions:
        # The reasons are not stored; planning again as at the start names them for the questions it still picks.
        focus = stored.focus or None
        count = min(max(len(stored.plan), 1), practice.MAX_COUNT)
        again = practice.plan(ws, stored.application_id, focus, count, seed=int(stored.started_at.timestamp()))
        reasons = {item.question.id: item.reason for item in again}
    steps = tuple(PlanStep(q, reasons.get(q.id, PLANNED_REASON), q.id in answered) for q in questions)
    return SessionPlan(stored.id, stored.application_id, stored.focus, steps)


@dataclass(frozen=True, slots=True)
class DueQuestion:
    question: Question
    last_score: int


@dataclass(frozen=True, slots=True)
class PracticeNext:
    """What to practise next: answers due for another try, and the themes of the feedback you recorded."""

    due: tuple[DueQuestion, ...]
    feedback_themes: tuple[str, ...]


MAX_DUE_SHOWN = 5


def practice_next(ws: Workspace) -> PracticeNext:
    """The questions due for another try today (most overdue first) and the feedback themes plans aim at."""
    from nextround.domain.practice_plan import due_reviews, review_items
    from nextround.storage.practice import PracticeContextRepository

    with ws.db.read() as session:
        history = PracticeAnswerRepository(session, ws.owner_id).score_history()
        analyses = PracticeContextRepository(session, ws.owner_id).feedback_analyses()
    due: list[DueQuestion] = []
    for item in due_reviews(review_items(history, ws.now().tzinfo), ws.now().date()):
        try:
            due.append(DueQuestion(practice.get_question(ws, item.question_id), item.last_score))
        except NotFoundError:
            continue
        if len(due) == MAX_DUE_SHOWN:
            break
    return PracticeNext(tuple(due), tuple(practice.feedback_themes(analyses)))


def recorded_feedback_themes(ws: Workspace) -> tuple[str, ...]:
    """The feedback themes a planned session aims at when no focus is chosen (most frequent first)."""
    from nextround.storage.practice import PracticeContextRepository

    with ws.db.read() as session:
        analyses = PracticeContextRepository(session, ws.owner_id).feedback_analyses()
    return tuple(practice.feedback_themes(analyses))
