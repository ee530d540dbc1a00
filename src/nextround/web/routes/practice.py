"""Practice: planned or chosen questions, answers stored with their analysis and the comparison with the
previous attempt, the follow-up when a STAR part is missing, your own questions, and progress over time.

Pages: `/practice` (with `?app=ID` it plans for that job), `/practice/history`. JSON: `/api/v1/practice/...`.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from markupsafe import Markup
from pydantic import BaseModel, Field
from starlette.datastructures import FormData

from nextround.analysis.answer.advice import clearly_off_topic
from nextround.domain.questions import CATEGORIES, COMPETENCIES, ROLES, THEMES, Question
from nextround.errors import UserError
from nextround.serialize import json_object, to_json
from nextround.services import practice as service
from nextround.services.practice_progress import PracticeProgress, WeekProgress, progress
from nextround.services.workspace import Workspace
from nextround.web.deps import FormDep, WorkspaceDep, is_htmx
from nextround.web.errors import ERROR_RESPONSES
from nextround.web.forms import form_text, too_long
from nextround.web.presenters import marked_answer
from nextround.web.rendering import label, render
from nextround.web.responses import json_response

router = APIRouter()  # the module's router: the pages (left out of the schema) and the JSON API
pages = APIRouter(include_in_schema=False)
api = APIRouter(prefix="/api/v1/practice", responses=ERROR_RESPONSES, tags=["practice"])

MAX_ANSWER_CHARS = service.MAX_ANSWER_CHARS
PLAN_COUNT = 5


class PracticeError(UserError, ValueError):
    """An answer or a choice on the practice page that cannot be used as given."""


# -- reading the request --------------------------------------------------------------------------


def _int(value: str | None, name: str) -> int | None:
    text = (value or "").strip()
    if not text:
        return None
    if not text.isdigit():
        raise PracticeError(f"{name} must be a whole number, not {text[:20]!r}")
    return int(text)


def _choice(value: str | None, known: tuple[str, ...]) -> str | None:
    return value if value in known else None


def _seed(ws: Workspace, session_id: int | None) -> int:
    """A plan that stays the same while the page is reloaded: per session, else per day."""
    return session_id if session_id is not None else ws.now().date().toordinal()


# -- the practice page ----------------------------------------------------------------------------


def _assigned(ws: Workspace) -> list[Any]:
    """On a shared server: the questions the person's coaches assigned and they have not practised yet."""
    if not ws.settings.shared_server:
        return []
    from nextround.services.coach_notes import assigned_questions

    return list(assigned_questions(ws.db, ws.owner_id))


def _page(
    ws: Workspace,
    *,
    question_id: str | None,
    category: str | None,
    role: str | None,
    app_id: int | None,
    focus: str | None,
    session_id: int | None,
    competency: str | None = None,
) -> dict[str, Any]:
    """Everything the practice page shows before an answer: the question, the plan, the bank's choices."""
    from nextround.services.practice_sessions import recorded_feedback_themes, session_plan

    planned: Sequence[Any] = []
    if session_id is not None:
        # A started session shows the plan it was started with (with or without a job), answered ones marked.
        started = session_plan(ws, session_id)
        planned = started.steps
        if app_id is None:
            app_id = started.application_id
        focus = focus or _choice(started.focus, THEMES)
    if not planned and app_id:
        planned = service.plan(ws, app_id, focus, PLAN_COUNT, seed=_seed(ws, session_id))
    questions = service.list_questions(ws, category=category, role=role, competency=competency)
    question: Question | None = None
    if question_id:
        question = service.get_question(ws, question_id)
    elif planned:
        question = planned[0].question
    elif questions:
        question = questions[0]
    pool = [q.id for q in questions]
    following = None
    if question is not None and pool:
        index = pool.index(question.id) if question.id in pool else -1
        following = questions[(index + 1) % len(questions)]
    company = ""
    if app_id is not None:
        from nextround.services.applications import ApplicationService

        company = ApplicationService(ws).get(app_id).fields.company
    from nextround.web.routes.ai_practice import ai_on_context
    from nextround.web.routes.voice import voice_context

    return {
        **voice_context(ws),
        **ai_on_context(ws),
        "question": question,
        "assigned": _assigned(ws),
        "next_question": following,
        "questions": questions,
        "planned": planned,
        "category": category,
        "role": role,
        "categories": CATEGORIES,
        "roles": ROLES,
        "competency": competency,
        "competencies": COMPETENCIES,
        "themes": THEMES,
        "feedback_themes": recorded_feedback_themes(ws),
        "app_id": app_id,
        "company": company,
        "focus": focus,
        "session_id": session_id,
        "answer": "",
        "analysis": None,
        "marked": [],
        "comparison": None,
        "pending_follow_up": None,
        "stored": False,
        "error": None,
        "notice": None,
        "next_planned": None,
        "plan_done": False,
    }


def next_in_plan(ws: Workspace, context: dict[str, Any]) -> dict[str, Any]:
    """After a saved answer: the session's next planned question (or that the plan is done), so the page
    leads on instead of leaving the user to find question two."""
    session_id, question = context.get("session_id"), context.get("question")
    if not context.get("stored") or session_id is None or question is None:
        return {}
    from nextround.services.practice_sessions import session_plan

    started = session_plan(ws, session_id)
    if not started.steps:
        return {}
    following = started.next_after(question.id)
    return {"next_planned": following, "plan_done": following is None}


def _query_context(ws: Workspace, request: Request) -> dict[str, Any]:
    params = request.query_params
    return _page(
        ws,
        question_id=params.get("question") or None,
        category=_choice(params.get("category"), CATEGORIES),
        role=_choice(params.get("role"), ROLES),
        app_id=_int(params.get("app"), "app"),
        focus=_choice(params.get("focus"), THEMES),
        session_id=_int(params.get("session"), "session"),
        competency=_choice(params.get("competency"), COMPETENCIES),
    )


def form_context(ws: Workspace, form: FormData) -> dict[str, Any]:
    """The practice page's context for the question an answer form (typed or recorded) was sent from."""
    return _page(
        ws,
        question_id=form_text(form, "question_id") or None,
        category=_choice(form_text(form, "category"), CATEGORIES),
        role=_choice(form_text(form, "role"), ROLES),
        app_id=_int(form_text(form, "app"), "app"),
        focus=_choice(form_text(form, "focus"), THEMES),
        session_id=_int(form_text(form, "session_id"), "session"),
        competency=_choice(form_text(form, "competency"), COMPETENCIES),
    )


@pages.get("/practice", response_class=HTMLResponse)
def practice(request: Request, ws: WorkspaceDep) -> HTMLResponse:
    context = _query_context(ws, request)
    context["notice"] = request.query_params.get("notice") or None
    chosen = {"question", "session", "app", "category", "role", "competency"} & set(request.query_params)
    if not chosen:
        # Arriving with nothing chosen: what is due and what the feedback points to come first, not a
        # question picked by bank order.
        from nextround.services.practice_sessions import practice_next

        context["next"] = practice_next(ws)
    return render(request, "practice.html", context)


def answer_question(
    ws: Workspace,
    *,
    question: Question,
    answer: str,
    session_id: int | None,
    app_id: int | None,
    duration: int | None,
    follow_up: str | None,
    decided: bool,
) -> dict[str, Any]:
    """Store an answer (starting a session on the first one) or, when a STAR part is missing and the user has
    not yet decided about the follow-up, return the analysis with the follow-up question and store nothing."""
    if not answer.strip():
        raise PracticeError("Write an answer first; the analysis needs something to read.")
    if len(answer) > MAX_ANSWER_CHARS:
        raise PracticeError(
            too_long(
                MAX_ANSWER_CHARS,
                len(answer),
                "An answer that long would take far more than the two minutes most answers need.",
            )
        )
    if session_id is None:
        session_id = service.start_session(ws, [], app_id=app_id)
    if not decided:
        preview = service.preview_answer(ws, session_id, question, answer)
        missing = [part for part, present in preview.star.items() if not present]
        # An answer to another question gets no follow-up on its story: the question again is the next step.
        if preview.follow_up and missing and not clearly_off_topic(preview.relevance):
            return {"session_id": session_id, "analysis": json_object(preview), "comparison": None,
                    "pending_follow_up": preview.follow_up, "stored": False}  # fmt: skip
    analysis, comparison = service.record_answer(ws, session_id, question, answer, duration, follow_up_text=follow_up)
    return {"session_id": session_id, "analysis": json_object(analysis), "comparison": comparison,
            "pending_follow_up": None, "stored": True}  # fmt: skip


@pages.post("/practice", response_class=HTMLResponse)
def post_answer(request: Request, ws: WorkspaceDep, form: FormDep) -> HTMLResponse:
    answer = form_text(form, "answer")
    follow_up = form_text(form, "follow_up_answer").strip() or None
    decided = form_text(form, "step") in ("follow_up", "skip_follow_up")
    if form_text(form, "step") == "skip_follow_up":
        follow_up = None

    def work() -> tuple[dict[str, Any], int]:
        context = form_context(ws, form)
        context["answer"] = answer
        question = context["question"]
        if question is None:
            raise PracticeError("no question to answer")
        try:
            result = answer_question(
                ws,
                question=question,
                answer=answer,
                session_id=context["session_id"],
                app_id=context["app_id"],
                duration=_int(form_text(form, "duration_seconds"), "duration_seconds"),
                follow_up=follow_up,
                decided=decided,
            )
        except PracticeError as exc:
            context["error"] = str(exc)
            return context, 422
        context.update(result, marked=marked_answer(result["analysis"]))
        if result["stored"] and follow_up:
            # Saved as one answer with its follow-up: the box holds both, so a retry starts from the whole.
            context.update(answer=f"{answer.rstrip()}\n\n{follow_up}", answer_grew=True)
        context.update(next_in_plan(ws, context))
        return context, 200

    context, status = work()
    if is_htmx(request):
        response = render(request, "_analysis.html", {**context, "oob": True}, status=status)
        if status == 200 and not context.get("stored"):
            response.headers["X-Nextround-Draft"] = "keep"  # a follow-up first: the answer is not saved yet
        return response
    return render(request, "practice.html", context, status=status)


@pages.post("/practice/session")
def start_session(request: Request, ws: WorkspaceDep, form: FormDep) -> RedirectResponse:
    """The "Start a session" form: plan the questions and open a session, then show the first question."""
    app_id = _int(form_text(form, "app"), "app")
    focus = _choice(form_text(form, "focus"), THEMES)
    count = _int(form_text(form, "count"), "count") or PLAN_COUNT

    def work() -> str:
        planned = service.plan(ws, app_id, focus, count)
        session_id = service.start_session(ws, planned, app_id=app_id, focus=focus)
        first = planned[0].question.id if planned else ""
        query = f"session={session_id}&question={first}"
        if app_id is not None:
            query += f"&app={app_id}"
        if focus:
            query += f"&focus={focus}"
        return f"/practice?{query}&notice=started"

    return RedirectResponse(work(), status_code=303)


@pages.post("/practice/questions", response_class=HTMLResponse)
def add_question(request: Request, ws: WorkspaceDep, form: FormDep) -> Response:
    """Add your own question (one asked in a real interview can be tied to its application)."""
    app_id = _int(form_text(form, "app"), "app")
    category = form_text(form, "category") or "behavioural"
    # The skill it shows files it with the bank's questions on that skill (filter, weakest competencies).
    competency = _choice(form_text(form, "competency"), COMPETENCIES)
    text = form_text(form, "text")
    problem = None
    if not text.strip():
        problem = "Write the question first: the box is empty."
    elif len(" ".join(text.split())) > service.MAX_QUESTION_CHARS:
        problem = f"Keep the question under {service.MAX_QUESTION_CHARS:,} characters."
    if problem:
        # What a person can get wrong here: the practice page again, the form open, the question as typed.
        context = _page(ws, question_id=None, category=None, role=None, app_id=app_id, focus=None, session_id=None)
        context["own_question"] = {"text": text, "category": category, "competency": competency, "error": problem}
        return render(request, "practice.html", context, status=422)
    question = service.add_custom_question(ws, text, category, app_id, competencies=[competency] if competency else [])
    url = f"/practice?question={question.id}&notice=question-added"
    if app_id is not None:
        url += f"&app={app_id}"
    return RedirectResponse(url, status_code=303)


# -- history --------------------------------------------------------------------------------------


def _week_label(starts_on: date, weeks: Sequence[WeekProgress]) -> str:
    """'Week of 30 Nov' (with the year once the weeks span more than one): an ISO week such as 2026-W49
    is a code to most people."""
    years = {week.starts_on.year for week in weeks}
    return f"Week of {starts_on.day} {starts_on:%b}" + (f" {starts_on.year}" if len(years) > 1 else "")


# The measures the history page follows over time, in words (docs/practice.md names them); shares read as a
# percentage, fillers as a rate. Structure comes first: it is what feedback most often asks to improve.
HISTORY_MEASURES: tuple[tuple[str, str], ...] = (
    ("star_complete", "Told as a whole story: situation, task, action and result"),
    ("result_rate", "Said what came of it (a result)"),
    ("quantified_rate", "Put a number in the result"),
    ("ownership", "Said “I” for what you did, not “we”"),
    ("relevance", "Answered the question asked"),
    ("fillers_per_100", "Fillers per 100 words (fewer is better)"),
)


def measure_rows(report: PracticeProgress) -> list[dict[str, Any]]:
    """Each followed measure over all answers, the last 10, and from the first week to the latest."""
    rows = []
    for key, words in HISTORY_MEASURES:
        change = report.improvement.get(key)
        moved = None
        if change is not None and len(report.by_week) > 1 and change.improved is not None and change.change:
            moved = "better" if change.improved else "worse"
        rows.append(
            {
                "key": key,
                "words": words,
                "rate": key == "fillers_per_100",
                "all": report.measures.get(key),
                "recent": report.recent.get(key),
                "first_week": change.first_week if change else None,
                "latest_week": change.latest_week if change else None,
                "moved": moved,
            }
        )
    return [row for row in rows if row["all"] is not None]


def history_data(ws: Workspace) -> dict[str, Any]:
    from nextround.domain.report_charts import bar_chart, sparkline
    from nextround.services.practice_history import practice_history

    history = practice_history(ws)
    report, series, spoken = history.progress, history.series, history.progress.spoken
    # Whole points, as every other score on the page: "79.67" out of 100 reads as false precision.
    categories = [(label(row.category), float(round(row.average_score or 0))) for row in report.by_category]
    weeks = [
        (_week_label(row.starts_on, report.by_week), float(round(row.measures["average_score"] or 0)))
        for row in report.by_week
    ]
    charts = {
        "scores": Markup(
            sparkline([float(s) for _, s in series], title="Score of each answer, oldest first", width=520, height=140)
        ),
        "weeks": Markup(bar_chart(weeks, title="Average score per week")),
        "categories": Markup(bar_chart(categories, title="Average score per kind of question")),
        "pace": Markup(
            sparkline(
                [p.words_per_minute for p in spoken if p.words_per_minute is not None],
                title="Words a minute of each spoken answer, oldest first",
                width=520,
                height=120,
            )
        ),
        "fillers": Markup(
            sparkline(
                [p.fillers_per_100 for p in spoken],
                title="Fillers per 100 words of each spoken answer, oldest first",
                width=520,
                height=120,
            )
        ),
    }
    from nextround.services.practice_sessions import practice_next

    return {
        "progress": report,
        "sessions": history.sessions,
        "series": series,
        "spoken": spoken,
        "charts": charts,
        "next": practice_next(ws),
        "measure_rows": measure_rows(report),
        "weeks_practised": len(report.by_week),
    }


@pages.get("/practice/history", response_class=HTMLResponse)
def history(request: Request, ws: WorkspaceDep) -> HTMLResponse:
    return render(request, "practice_history.html", history_data(ws))


# -- JSON API -------------------------------------------------------------------------------------


class AnswerIn(BaseModel):
    question_id: str | None = Field(None, description="A bank question's id, or custom:<id> for one of yours")
    question: str | None = Field(None, max_length=service.MAX_QUESTION_CHARS, description="Or the question's text")
    answer: str = Field(max_length=MAX_ANSWER_CHARS)
    session_id: int | None = Field(None, description="Add to this session (default: a new session)")
    follow_up_answer: str | None = Field(None, max_length=MAX_ANSWER_CHARS)
    duration_seconds: int | None = Field(None, ge=0)


@api.get("/progress", summary="Practice progress: sessions, scores per week and category, weak spots, streak")
def api_progress(ws: WorkspaceDep) -> JSONResponse:
    return json_response(progress(ws))


@api.post("/answers", summary="Store an answer: its analysis and the comparison with the previous attempt")
def api_answer(body: AnswerIn, ws: WorkspaceDep) -> dict[str, Any]:
    if body.question_id:
        question = service.get_question(ws, body.question_id)
    elif body.question and body.question.strip():
        question = service.add_custom_question(ws, body.question, "behavioural")
    else:
        raise PracticeError("give question_id or question")
    result = answer_question(
        ws,
        question=question,
        answer=body.answer,
        session_id=body.session_id,
        app_id=None,
        duration=body.duration_seconds,
        follow_up=body.follow_up_answer,
        decided=True,
    )
    return {
        "session_id": result["session_id"],
        "question": question.to_dict(),
        "analysis": result["analysis"],
        "comparison": to_json(result["comparison"]),
    }


router.include_router(pages)
router.include_router(api)
