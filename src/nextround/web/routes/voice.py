"""Answering by voice in the browser: the practice page's recording is uploaded here, transcribed on this
computer, analysed and stored; the Settings page's voice section (keep recordings or not).

Pages: `POST /practice/voice` (answers the analysis fragment with the delivery timeline), `POST /settings/voice`.
JSON: `POST /api/v1/practice/spoken-answers` (multipart: `audio`, `question_id`, optional `session_id`).
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.datastructures import FormData, UploadFile

from nextround.analysis.delivery import Delivery, timeline
from nextround.errors import UserError
from nextround.integrations.speech import MAX_AUDIO_BYTES, AudioError
from nextround.serialize import json_object, to_json
from nextround.services import practice as practice_service
from nextround.services.preferences import KEEP_AUDIO, load_preferences, set_preference
from nextround.services.voice import StoredSpokenAnswer, record_spoken_answer, status
from nextround.services.workspace import Workspace
from nextround.web.deps import FormDep, WorkspaceDep
from nextround.web.errors import ERROR_RESPONSES
from nextround.web.forms import form_text
from nextround.web.presenters import marked_answer
from nextround.web.rendering import render
from nextround.web.routes.practice import form_context, next_in_plan

router = APIRouter()
pages = APIRouter(include_in_schema=False)
api = APIRouter(prefix="/api/v1/practice", responses=ERROR_RESPONSES, tags=["practice"])

# What the page says when the voice extra is missing: how to add it, in words (pages show no command lines).
MISSING_EXTRA = (
    "Answering out loud needs nextround's voice extra, which is not installed on this computer; "
    "whoever installed nextround can add it. Until then, type your answer."
)


def voice_context(ws: Workspace) -> dict[str, Any]:
    """What the practice page and the Settings page show about answering by voice."""
    found = status()
    return {
        "voice": {
            "available": found.available,
            "missing": "" if found.available else MISSING_EXTRA,
            "keep_audio": load_preferences(ws).keep_audio,
        }
    }


def _audio(form: FormData) -> tuple[bytes, str]:
    upload = form.get("audio")
    if not isinstance(upload, UploadFile):
        raise AudioError("record an answer first", field="audio")
    data = upload.file.read(MAX_AUDIO_BYTES + 1)  # already spooled by the form parser
    if len(data) > MAX_AUDIO_BYTES:
        raise AudioError(f"the recording is larger than {MAX_AUDIO_BYTES // (1024 * 1024)} MB", field="audio")
    return data, upload.filename or "answer.webm"


def delivery_view(delivery: Delivery) -> dict[str, Any]:
    """The delivery measures and the timeline, as the analysis fragment shows them."""
    return {"measures": delivery, "timeline": timeline(delivery)}


def _answer(ws: Workspace, form: FormData) -> tuple[dict[str, Any], StoredSpokenAnswer]:
    context = form_context(ws, form)
    question = context["question"]
    if question is None:
        raise AudioError("no question to answer", field="question_id")
    if not status().available:
        raise AudioError(MISSING_EXTRA, field="audio")
    audio, filename = _audio(form)
    stored = record_spoken_answer(ws, context["session_id"], question, audio, filename, app_id=context["app_id"])
    return context, stored


@pages.post("/practice/voice", response_class=HTMLResponse)
def post_spoken_answer(request: Request, ws: WorkspaceDep, form: FormDep) -> HTMLResponse:
    """A recorded answer: transcribed here, analysed and saved; answers the analysis with its timeline."""
    try:
        context, stored = _answer(ws, form)
    except UserError as exc:
        return render(request, "_analysis.html", {"error": str(exc), "oob": False}, status=422)
    spoken = stored.spoken
    written = json_object(spoken.analysis)  # as the page shows a typed answer's
    context.update(
        answer=spoken.transcript,
        analysis=written,
        marked=marked_answer(written),
        comparison=stored.comparison,
        session_id=stored.session_id,
        stored=True,
        delivery=delivery_view(spoken.delivery),
        audio_kept=stored.audio_kept,
        oob=True,
    )
    context.update(next_in_plan(ws, context))
    return render(request, "_analysis.html", context)


@api.post(
    "/spoken-answers",
    summary="Store a spoken answer (multipart: audio, question_id, session_id): transcript, delivery and analysis",
)
def api_spoken_answer(ws: WorkspaceDep, form: FormDep) -> dict[str, Any]:
    question = practice_service.get_question(ws, form_text(form, "question_id"))
    audio, filename = _audio(form)
    session = form_text(form, "session_id").strip()
    if session and not session.isdigit():
        raise AudioError("session_id must be a whole number", field="session_id")
    stored = record_spoken_answer(ws, int(session) if session else None, question, audio, filename)
    return {
        "session_id": stored.session_id,
        "question": question.to_dict(),
        "transcript": stored.spoken.transcript,
        "delivery": to_json(stored.spoken.delivery),
        "analysis": json_object(stored.spoken.analysis),
        "comparison": to_json(stored.comparison),
        "audio_kept": stored.audio_kept,
    }


@pages.post("/settings/voice")
def save_voice_settings(ws: WorkspaceDep, form: FormDep) -> Response:
    set_preference(ws, KEEP_AUDIO, "on" if form_text(form, KEEP_AUDIO) == "on" else "off")
    return RedirectResponse("/settings?voice=saved#voice-title", status_code=303)


router.include_router(pages)
router.include_router(api)
