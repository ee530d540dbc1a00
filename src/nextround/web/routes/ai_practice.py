"""The AI coach on the practice pages: a critique of a saved answer, likely questions for a job, and the mock
interview (which the offline coach runs when the AI coach is off)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from nextround.errors import UserError
from nextround.serialize import json_object
from nextround.services import practice as service
from nextround.services.ai_coach import AiAnswerReview, critique_answer, job_questions, keep_for_answer
from nextround.services.ai_config import ai_status
from nextround.services.ai_interview import (
    MockInterview,
    answer_interview,
    answer_interview_spoken,
    continue_interview,
    get_interview,
    start_interview,
)
from nextround.services.workspace import Workspace
from nextround.web.deps import FormDep, WorkspaceDep, is_htmx
from nextround.web.forms import form_text
from nextround.web.rendering import render

router = APIRouter(include_in_schema=False)

MAX_ANSWER_CHARS = 20_000


def ai_on_context(ws: Workspace) -> dict[str, Any]:
    """What a page needs to offer the AI coach's buttons: whether it is on, and its model."""
    try:
        status = ai_status(ws)
    except UserError:
        return {"ai_on": False}
    return {"ai_on": status.enabled, "ai_model": status.model}


def _number(raw: str, name: str) -> int:
    if not raw.strip().isdigit():
        raise UserError(f"{name} must be a number", field=name)
    return int(raw)


@router.post("/practice/ai-critique", response_class=HTMLResponse)
def critique(request: Request, ws: WorkspaceDep, form: FormDep) -> HTMLResponse:
    """The AI critique of the answer just saved (kept with it), as a fragment under the analysis."""
    question = service.get_question(ws, form_text(form, "question_id"))
    answer = form_text(form, "answer")[:MAX_ANSWER_CHARS]
    session_id = _number(form_text(form, "session_id"), "session_id")
    analysis = json_object(service.preview_answer(ws, session_id, question, answer))
    result = critique_answer(ws, question.text, answer, analysis)
    if isinstance(result, AiAnswerReview):
        result = keep_for_answer(ws, result, question.id)
    return render(request, "_ai_critique.html" if is_htmx(request) else "ai_critique.html", {"review": result})


@router.post("/practice/ai-questions")
def likely_questions(ws: WorkspaceDep, form: FormDep) -> Response:
    app_id = _number(form_text(form, "app"), "app")
    try:
        added = len(job_questions(ws, app_id).added)
    except UserError as exc:
        return RedirectResponse(f"/practice?app={app_id}&ai_error={_quoted(str(exc))}#ai-practice", status_code=303)
    return RedirectResponse(f"/practice?app={app_id}&ai_added={added}#ai-practice", status_code=303)


def _quoted(text: str) -> str:
    from urllib.parse import quote

    return quote(text[:300])


# -- the mock interview ------------------------------------------------------------------------------------


# The interview's application picker: the newest ones (a page's own link names an older one), not 40,000 options.
PICKER_SIZE = 200


@router.get("/practice/interview", response_class=HTMLResponse)
def interview_start_page(request: Request, ws: WorkspaceDep) -> HTMLResponse:
    from nextround.services.applications import ApplicationService

    service = ApplicationService(ws)
    applications = service.names(newest=PICKER_SIZE)
    chosen = request.query_params.get("app", "")
    if chosen.isdigit() and len(chosen) < 12 and int(chosen) not in {app_id for app_id, _, _ in applications}:
        applications = [*service.names(ids={int(chosen)}), *applications]  # an older one, asked for by its page
    return render(
        request,
        "ai_interview.html",
        {"interview": None, "applications": applications, "chosen": chosen, **ai_on_context(ws)},
    )


@router.post("/practice/interview")
def interview_start(ws: WorkspaceDep, form: FormDep) -> Response:
    app_id = _number(form_text(form, "app"), "app")
    questions = _number(form_text(form, "questions") or "3", "questions")
    interview = start_interview(ws, app_id, questions)
    return RedirectResponse(f"/practice/interview/{interview.id}#current", status_code=303)


@router.get("/practice/interview/{interview_id}", response_class=HTMLResponse)
def interview_page(request: Request, interview_id: int, ws: WorkspaceDep) -> HTMLResponse:
    from nextround.web.routes.voice import voice_context

    interview = get_interview(ws, interview_id)
    context = {"interview": interview, **ai_on_context(ws), **voice_context(ws)}
    return render(request, "ai_interview.html", context)


def _next(ws: Workspace, interview: MockInterview) -> Response:
    if interview.awaiting_interviewer:
        continue_interview(ws, interview.id)
    return RedirectResponse(f"/practice/interview/{interview.id}#current", status_code=303)


@router.post("/practice/interview/{interview_id}/answer")
def interview_answer(interview_id: int, ws: WorkspaceDep, form: FormDep) -> Response:
    return _next(ws, answer_interview(ws, interview_id, form_text(form, "answer")))


@router.post("/practice/interview/{interview_id}/voice")
def interview_spoken_answer(interview_id: int, ws: WorkspaceDep, form: FormDep) -> Response:
    """A recorded answer, transcribed on this computer (the voice extra) and taken like a typed one."""
    import io

    from nextround.integrations.speech import AudioError
    from nextround.services.voice import status
    from nextround.web.routes.voice import MISSING_EXTRA
    from nextround.web.routes.voice import _audio as uploaded_audio  # the same size limit as the practice page

    if not status().available:
        raise AudioError(MISSING_EXTRA, field="audio")
    audio, _name = uploaded_audio(form)
    return _next(ws, answer_interview_spoken(ws, interview_id, io.BytesIO(audio)))
