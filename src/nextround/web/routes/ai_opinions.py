"""The AI coach's second opinions in the browser: on a piece of feedback and on an application's skill gaps."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from nextround.services.ai_coach import AiNote, AiSecondOpinion, application_gaps_opinion, feedback_entry_opinion
from nextround.web.deps import FormDep, WorkspaceDep, is_htmx
from nextround.web.forms import form_text
from nextround.web.rendering import render

router = APIRouter(include_in_schema=False)


def _show(request: Request, result: AiSecondOpinion | AiNote, back: str) -> HTMLResponse:
    template = "_ai_opinion.html" if is_htmx(request) else "ai_opinion.html"
    return render(request, template, {"opinion": result, "back": back})


@router.post("/applications/{application_id}/feedback/{feedback_id}/ai-opinion", response_class=HTMLResponse)
def feedback_opinion(request: Request, application_id: int, feedback_id: int, ws: WorkspaceDep) -> HTMLResponse:
    result = feedback_entry_opinion(ws, application_id, feedback_id)
    return _show(request, result, f"/applications/{application_id}/feedback")


@router.post("/applications/{application_id}/ai-gaps", response_class=HTMLResponse)
def gaps_opinion(request: Request, application_id: int, ws: WorkspaceDep, form: FormDep) -> HTMLResponse:
    raw = form_text(form, "cv").strip()
    result = application_gaps_opinion(ws, application_id, int(raw) if raw.isdigit() else None)
    return _show(request, result, f"/applications/{application_id}")
