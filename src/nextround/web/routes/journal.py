"""Journal and review: entries with mood and wins, reframing after a rejection, the weekly or monthly review.

Pages: `/journal`, `/review` (in the app layout) and `/review.html` (the self-contained printable document).
JSON: `/api/v1/journal`, `/api/v1/review`.
"""

from __future__ import annotations

import re
from typing import Any, Literal

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse
from pydantic import BaseModel, Field

from nextround.domain.applications import ApplicationSummary
from nextround.domain.stages import Outcome
from nextround.domain.wording import COUNT_LABELS
from nextround.services import keepgoing
from nextround.services.workspace import Workspace
from nextround.web.deps import FormDep, WorkspaceDep
from nextround.web.errors import ERROR_RESPONSES
from nextround.web.forms import form_text, too_long
from nextround.web.rendering import render
from nextround.web.responses import json_response
from nextround.web.security import policy_with_inline_styles

router = APIRouter()  # the module's router: the pages (left out of the schema) and the JSON API
pages = APIRouter(include_in_schema=False)
api = APIRouter(prefix="/api/v1", responses=ERROR_RESPONSES, tags=["journal"])

RECENT_REJECTIONS = 5
MOODS = (1, 2, 3, 4, 5)
MOOD_WORDS = {1: "very low", 2: "low", 3: "okay", 4: "good", 5: "very good"}


# A mood at or below this (1 very low, 2 low) is answered with a few kind words after saving.
LOW_MOOD = 2


def _mood(raw: str) -> int | None:
    text = raw.strip()
    if not text:
        return None
    if not text.lstrip("-").isdigit():
        raise keepgoing.JournalError("mood must be between 1 and 5")
    return int(text)


def _rejections(ws: Workspace) -> list[ApplicationSummary]:
    """The most recent rejections, newest first (the ones reframing prompts are for)."""
    from nextround.services.applications import ApplicationService

    return ApplicationService(ws).latest_closed(Outcome.REJECTED, RECENT_REJECTIONS)


def journal_data(ws: Workspace, reframe_app: int | None) -> dict[str, Any]:
    rejections = _rejections(ws)
    if reframe_app is None:
        # Offer the latest rejection not yet looked back on; one just reframed is not asked again.
        done = keepgoing.looked_back_on(ws)
        reframe_app = next((r.id for r in rejections if r.id not in done), None)
    chosen = reframe_app
    reframe = None
    if chosen is not None:
        app, prompts = keepgoing.reframe_application(ws, chosen)
        reframe = {"app_id": app.id, "company": app.fields.company, "role": app.fields.role, "prompts": prompts}
    return {
        "entries": keepgoing.list_journal(ws),
        "rejections": rejections,
        "reframe": reframe,
        "moods": MOODS,
        "mood_words": MOOD_WORDS,
        "values": {},
        "error": None,
        "notice": None,
    }


@pages.get("/journal", response_class=HTMLResponse)
def journal(request: Request, ws: WorkspaceDep, reframe: int | None = None) -> HTMLResponse:
    context = journal_data(ws, reframe)
    context["notice"] = request.query_params.get("notice") or None
    return render(request, "journal.html", context)


@pages.post("/journal", response_class=HTMLResponse, response_model=None)
def add_entry(request: Request, ws: WorkspaceDep, form: FormDep) -> HTMLResponse | RedirectResponse:
    text = form_text(form, "text")
    win = form_text(form, "win") == "on"

    low = False

    def work() -> str | None:
        nonlocal low
        if len(text.strip()) > keepgoing.MAX_JOURNAL_TEXT:
            advice = "Save the part that matters most today; the rest can be another day's entry."
            return too_long(keepgoing.MAX_JOURNAL_TEXT, len(text.strip()), advice)
        try:
            mood = _mood(form_text(form, "mood"))
            keepgoing.add_journal(ws, text, mood=mood, kind="win" if win else "journal")
        except keepgoing.JournalError as exc:
            return str(exc)
        low = mood is not None and mood <= LOW_MOOD
        return None

    error = work()
    if error is None:
        # A low day written down gets a word back, not only "Entry saved."
        return RedirectResponse(f"/journal?notice={'added-low' if low else 'added'}", status_code=303)
    context = journal_data(ws, None)
    context.update(error=error, values={"text": text, "mood": form_text(form, "mood"), "win": win})
    return render(request, "journal.html", context, status=422)


@pages.post("/journal/reframe/{app_id}", response_class=HTMLResponse, response_model=None)
def save_reframe(app_id: int, request: Request, ws: WorkspaceDep, form: FormDep) -> HTMLResponse | RedirectResponse:
    answers = {key: form_text(form, key) for key in keepgoing.REFRAME_KEYS}
    try:
        keepgoing.save_reframe(ws, app_id, answers, _mood(form_text(form, "mood")))
    except keepgoing.JournalError as exc:
        # The journal again, this rejection's prompts with what was written and the problem above them.
        context = journal_data(ws, app_id)
        context.update(reframe_error=_plain(str(exc)), reframe_values=answers)
        return render(request, "journal.html", context, status=422)
    return RedirectResponse("/journal?notice=reframed", status_code=303)


def _plain(message: str) -> str:
    """A service message as a sentence on the page: capital first, full stop last."""
    message = message[:1].upper() + message[1:]
    return message if message.endswith((".", ")")) else message + "."


# -- review ---------------------------------------------------------------------------------------


def _review(request: Request, ws: Workspace, period: str) -> keepgoing.Review:
    """The review reads the whole history (streaks look back): kept in the view cache until something changes."""
    found: keepgoing.Review = request.app.state.web.cache.get(
        f"review-{period}", ws, lambda: keepgoing.review(ws, period)
    )
    return found


@pages.get("/review", response_class=HTMLResponse)
def review(request: Request, ws: WorkspaceDep, period: Literal["week", "month"] = "week") -> HTMLResponse:
    data = _review(request, ws, period)
    from nextround.web.review_document import review_charts

    context = {"data": data, "period": period, "charts": review_charts(data), "labels": COUNT_LABELS}
    return render(request, "review.html", context)


@pages.get("/review.html", response_class=HTMLResponse)
def review_document(request: Request, ws: WorkspaceDep, period: Literal["week", "month"] = "week") -> HTMLResponse:
    """The review as one self-contained HTML document (inline CSS and SVG), to print or save."""
    from nextround.web.review_document import render_review_html

    document = render_review_html(_review(request, ws, period))
    styles = re.findall(r"<style>(.*?)</style>", document, flags=re.S)
    return HTMLResponse(document, headers={"Content-Security-Policy": policy_with_inline_styles(*styles)})


# -- JSON API -------------------------------------------------------------------------------------


class JournalIn(BaseModel):
    text: str = Field("", max_length=keepgoing.MAX_JOURNAL_TEXT)
    mood: int | None = Field(None, description="1 (very low) to 5 (very good)")
    kind: Literal["journal", "win"] = "journal"
    application_id: int | None = None


@api.get("/journal", summary="Journal entries, newest first")
def api_journal(
    ws: WorkspaceDep,
    kind: Literal["journal", "win", "reframe"] | None = None,
    limit: int = Query(50, ge=1, le=1000),
) -> JSONResponse:
    entries = keepgoing.list_journal(ws, kind, limit)
    return json_response({"entries": entries})


@api.post("/journal", status_code=201, summary="Add a journal entry or a win")
def api_add_journal(body: JournalIn, ws: WorkspaceDep) -> JSONResponse:
    entry = keepgoing.add_journal(ws, body.text, mood=body.mood, kind=body.kind, app_id=body.application_id)
    return json_response(entry, status_code=201)


@api.get(
    "/review",
    summary="The weekly or monthly review",
    description="What was done in the period and how the funnel and practice scores moved since the one before; "
    "feedback themes, goals, contacts, the journal, new openings and a plan.",
)
def api_review(ws: WorkspaceDep, period: Literal["week", "month"] = "week") -> JSONResponse:
    return json_response(keepgoing.review(ws, period))


router.include_router(pages)
router.include_router(api)
