"""Feedback on one application: requests (draft, copy, send, mark, chase once), feedback received, reflection.

The section is an HTMX fragment loaded into the application page, and a page of its own without JavaScript
(`/applications/{id}/feedback`). Forms post normally and redirect (303); with HTMX they get the fragment back.
The JSON endpoints under `/api/v1` take and return the same data as `nextround feedback ... --json`.
"""

from __future__ import annotations

import tempfile
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from markupsafe import Markup, escape
from pydantic import BaseModel, ConfigDict, Field

from nextround.domain.dates import DateParseError, parse_datetime, parse_when
from nextround.domain.feedback_requests import (
    MAX_FEEDBACK_CHARS,
    TRANSITIONS,
    FeedbackRequestError,
    FeedbackSource,
    RequestStatus,
    Tone,
    stage_reached,
)
from nextround.domain.reflection import MAX_ANSWER_CHARS
from nextround.domain.stages import Stage
from nextround.domain.themes import theme_label
from nextround.errors import FormErrors, UserError, about_field, errors_by_field
from nextround.integrations import mail
from nextround.serialize import json_object
from nextround.services import drafting, feedback_records, insight
from nextround.services import feedback as feedback_service
from nextround.services.applications import ApplicationService
from nextround.services.drafting import signature_name
from nextround.services.mail_setup import smtp_config
from nextround.services.network import NetworkService
from nextround.services.workspace import Workspace
from nextround.web.deps import FormDep, WorkspaceDep, in_place, is_htmx
from nextround.web.errors import ERROR_RESPONSES
from nextround.web.forms import form_text, too_long
from nextround.web.rendering import done_in_place, render

# Page routes stay out of the OpenAPI schema; the /api/v1 routes below are in it.
router = APIRouter()

NOTICES = {
    "drafted": "Request drafted. Copy it, download it or open it in your mail app, then mark it sent.",
    "sent": "Request sent.",
    "marked": "Request updated.",
    "recorded": "Feedback recorded; its themes are highlighted in it, above.",
    "recorded_rejection": "Feedback recorded; its themes are highlighted in it, above.",
    "already": "That feedback is recorded already, above; nothing was added twice.",
    "reflected": "Reflection saved.",
    "edited": "Your wording is saved: copying, downloading and sending use it.",
}
# Where a notice stands: beside the form that was sent. At the top of the section, "Reflection saved." was a
# screen or more above the button pressed, and on a phone nothing seemed to happen.
NOTICE_PLACES = {
    "reflected": "reflection", "recorded": "received", "recorded_rejection": "received", "already": "received",
}  # fmt: skip
# The notice after feedback that reads as a rejection of an application still open: it offers the close.
CLOSES_IT = "recorded_rejection"
STATUS_BUTTONS: dict[RequestStatus, str] = {
    RequestStatus.SENT: "Mark sent",
    RequestStatus.REPLIED: "Mark replied",
    RequestStatus.DECLINED: "Mark declined",
    RequestStatus.NO_REPLY: "Mark no reply",
}
# How far an application got, as the hint under the draft form names it: the request kind alone read
# "(Interview)" for a rejection after a screening call or an assessment.
REACHED_WORDS: dict[Stage, str] = {
    Stage.SAVED: "your application",
    Stage.APPLIED: "your application",
    Stage.SCREENING: "the screening call",
    Stage.ASSESSMENT: "the assessment",
    Stage.INTERVIEW: "the interview",
    Stage.FINAL: "the final round",
    Stage.OFFER: "the offer",
    Stage.ACCEPTED: "the offer",
}
SMTP_HINT = (
    "To send it: press Copy, paste it into a new email to them in your own email, send it, then press "
    '"Mark sent" here so nextround can remind you if no answer comes. (To send from here instead, set up '
    "your email on the Settings page.)"
)


# -- presenting ----------------------------------------------------------------------------------------


def highlight(text: str, marks: list[tuple[str, str, str]]) -> Markup:
    """`text` with each evidence phrase wrapped in <mark>; every piece is escaped.

    `marks` holds (phrase, theme, kind) with kind "issue" or "strength". The first match of each phrase is
    marked (case-insensitive when the exact phrase is not found); overlapping phrases keep the earlier one.
    """
    spans: list[tuple[int, int, str, str]] = []
    folded = text.casefold()
    for phrase, theme, kind in marks:
        phrase = phrase.strip()
        if not phrase:
            continue
        start = text.find(phrase)
        if start < 0 and len(folded) == len(text):
            start = folded.find(phrase.casefold())
        if start >= 0:
            spans.append((start, start + len(phrase), theme, kind))
    spans.sort(key=lambda span: span[:2])  # stable: a phrase with several themes is marked with the first given
    out: list[Markup] = []
    position = 0
    for start, end, theme, kind in spans:
        if start < position:
            continue
        out.append(escape(text[position:start]))
        label = theme_label(theme)
        prefix = "strength: " if kind == "strength" else ""
        out.append(
            Markup('<mark class="fb-{kind} fb-theme-{theme}" title="{title}">{body}</mark>').format(
                kind=kind, theme=theme, title=prefix + label, body=text[start:end]
            )
        )
        position = end
    out.append(escape(text[position:]))
    return Markup("").join(out)


def _evidence(analysis: dict[str, Any], key: str) -> list[tuple[str, list[str]]]:
    found = []
    items = analysis.get(key)
    for item in items if isinstance(items, list) else []:
        if isinstance(item, dict) and isinstance(item.get("theme"), str):
            quotes = [q for q in item.get("evidence", []) if isinstance(q, str)]
            found.append((item["theme"], quotes))
    return found


def present_feedback(entry: dict[str, Any]) -> dict[str, Any]:
    analysis = entry.get("analysis") or {}
    themes = _evidence(analysis, "themes")
    strengths = _evidence(analysis, "strengths")
    marks = [(q, theme, "issue") for theme, quotes in themes for q in quotes]
    marks += [(q, theme, "strength") for theme, quotes in strengths for q in quotes]
    return {
        **entry,
        # every clause behind each theme, so the reason is shown in the employer's own words: the first alone
        # can be a clause that carries two themes while the one that says it plainly comes second
        "themes": [{"theme": t, "label": theme_label(t), "evidence": list(quotes)} for t, quotes in themes],
        # a quality that is also a reason was good in part: said so, not "Strength" beside the same theme
        "strengths": [
            {"theme": t, "label": theme_label(t), "partly": t in {theme for theme, _ in themes}} for t, _ in strengths
        ],
        "marked": highlight(entry["text"], marks),
        "summary": analysis.get("summary", ""),
        "actions": [a for a in analysis.get("actions", []) if isinstance(a, str)],
    }


def _request_view(request: dict[str, Any], chase_days: int, ws: Workspace) -> dict[str, Any]:
    status = RequestStatus(request["status"])
    view = {
        **request,
        "next_statuses": [(s.value, STATUS_BUTTONS[s]) for s in STATUS_BUTTONS if s in TRANSITIONS[status]],
    }
    view["mailto"] = ""
    if request["to"] and status is RequestStatus.DRAFTED:
        try:
            view["mailto"] = mail.mailto_link(request["to"], request["subject"], request["body"])
        except UserError:
            view["mailto"] = ""
    due = None
    if status is RequestStatus.SENT and request["sent_at"] and not request["chased_at"]:
        due = datetime.fromisoformat(request["sent_at"]) + timedelta(days=chase_days)
    view["chase_due_on"] = due.date().isoformat() if due else None
    view["chase_due"] = bool(due and ws.now() >= due)
    return view


def section_context(ws: Workspace, application_id: int, **extra: Any) -> dict[str, Any]:
    from nextround.web.routes.ai_practice import ai_on_context

    app = ApplicationService(ws).get(application_id)
    data = feedback_records.application_feedback(ws, application_id)
    chase_days = feedback_service.chase_delay(ws)
    # The section shows each request and entry as its JSON form reads (the same names as the API).
    requests = [_request_view(json_object(r), chase_days, ws) for r in data.requests]
    draft = next((r for r in reversed(requests) if r["status"] == RequestStatus.DRAFTED.value), None)
    try:
        smtp_configured = mail.SmtpSettings.from_config(smtp_config(ws), password_lookup=lambda _u: None).configured
    except UserError:
        smtp_configured = False
    return {
        "app": app,
        "reached_words": REACHED_WORDS[stage_reached(app.state)],
        "cautions": drafting.draft_cautions(ws, application_id),
        "requests": requests,
        "draft": draft,
        "feedback": [present_feedback(json_object(e)) for e in data.feedback],
        "reflection": insight.get_reflection(ws, application_id),
        "contacts": [listing.contact for listing in NetworkService(ws).contacts()],
        "tones": [t.value for t in Tone],
        "sources": [s.value for s in FeedbackSource],
        "smtp_configured": smtp_configured,
        "smtp_hint": SMTP_HINT,
        # Without a name on the Settings page a draft ends "Best wishes," and nothing: say so beside it.
        "unsigned": draft is not None and not signature_name(ws),
        "chase_days": chase_days,
        "notice": None,
        "notice_in": "top",
        "chase": None,
        **ai_on_context(ws),
        **extra,
    }


def _section(request: Request, ws: Workspace, application_id: int, *, status: int = 200, **extra: Any) -> HTMLResponse:
    context = section_context(ws, application_id, **extra)
    template = "_app_feedback.html" if is_htmx(request) else "app_feedback.html"
    return render(request, template, context, status=status)


def _done(request: Request, ws: Workspace, application_id: int, notice: str, on: str = "") -> Response:
    """The section after a change, with its notice; `on` is the day feedback came, which the offer to record
    a rejection starts from."""
    place = NOTICE_PLACES.get(notice, "top")
    if is_htmx(request):
        offer = notice == CLOSES_IT
        return _section(
            request, ws, application_id, notice=NOTICES[notice], notice_in=place, offer_close=offer, offer_close_on=on
        )
    query = urlencode({"notice": notice, **({"on": on} if on else {})})
    anchor = {"reflection": "reflection", "received": "feedback-received"}.get(place, "feedback-section")
    return RedirectResponse(f"/applications/{application_id}/feedback?{query}#{anchor}", 303)


# -- pages ---------------------------------------------------------------------------------------------


@router.get("/applications/{application_id}/feedback", response_class=HTMLResponse, include_in_schema=False)
def feedback_section(request: Request, application_id: int, ws: WorkspaceDep) -> HTMLResponse:
    key, on = request.query_params.get("notice", ""), request.query_params.get("on", "")
    offer, place = key == CLOSES_IT, NOTICE_PLACES.get(key, "top")
    return _section(
        request, ws, application_id, notice=NOTICES.get(key), notice_in=place, offer_close=offer, offer_close_on=on
    )


@router.post("/applications/{application_id}/feedback/draft", include_in_schema=False)
def draft(request: Request, application_id: int, ws: WorkspaceDep, form: FormDep) -> Response:
    contact = form_text(form, "contact_id").strip()
    values = {"tone": form_text(form, "tone"), "contact_id": contact, "to": form_text(form, "to")}
    try:
        if contact and not contact.isdigit():
            raise FeedbackRequestError("choose a contact from the list", field="contact_id")
        drafting.draft_request(
            ws,
            application_id,
            int(contact) if contact else None,
            values["tone"] or "warm",
            to=values["to"].strip() or None,
        )
    except UserError as exc:
        if exc.field not in ("to", "contact_id"):
            raise
        # A mistyped address (the browser lets "priya@crumb" through): the form again, open, what was typed kept.
        return _section(
            request, ws, application_id, status=422, draft_values=values, draft_form_errors=errors_by_field(exc)
        )
    return _done(request, ws, application_id, "drafted")


@router.post("/feedback-requests/{request_id}/status", include_in_schema=False)
def mark_request(request: Request, request_id: int, ws: WorkspaceDep, form: FormDep) -> Response:
    updated = feedback_service.mark(ws, request_id, form_text(form, "status"))
    return _done(request, ws, updated.application_id, "marked")


@router.post("/feedback-requests/{request_id}/send", include_in_schema=False)
def send(request: Request, request_id: int, ws: WorkspaceDep) -> Response:
    from nextround.web.routes.mail_setup import broken_email

    found = feedback_service.get_request(ws, request_id)
    broken = broken_email(ws)  # from a page loaded before a restart: SmtpSettings' words name the variables
    if broken:
        raise mail.MailError(f"{broken} {SMTP_HINT}")
    settings = mail.SmtpSettings.from_config(smtp_config(ws))
    if not settings.configured:
        raise mail.MailError("Sending from here is not set up. " + SMTP_HINT)
    feedback_service.send_request(ws, found, None, settings)
    return _done(request, ws, found.application_id, "sent")


@router.post("/feedback-requests/{request_id}/edit", include_in_schema=False)
def edit_draft(request: Request, request_id: int, ws: WorkspaceDep, form: FormDep) -> Response:
    found = feedback_service.get_request(ws, request_id)
    subject, body, to = form_text(form, "subject"), form_text(form, "body"), form_text(form, "to")
    try:
        feedback_service.edit_draft(ws, request_id, subject, body, to=to if "to" in form else None)
    except UserError as exc:
        context = section_context(ws, found.application_id, draft_errors=errors_by_field(exc))
        if context["draft"] is not None and context["draft"]["id"] == request_id:
            typed = {"subject": subject, "body": body} | ({"to": to} if "to" in form else {})
            context["draft"] = {**context["draft"], **typed}  # what was typed stays
        else:
            context["notice"] = str(exc)
        template = "_app_feedback.html" if is_htmx(request) else "app_feedback.html"
        return render(request, template, context, status=422)
    return _done(request, ws, found.application_id, "edited")


@router.post("/feedback-requests/{request_id}/chase", include_in_schema=False)
def chase(request: Request, request_id: int, ws: WorkspaceDep, form: FormDep) -> HTMLResponse:
    result = feedback_service.chase_request(ws, request_id, force=form_text(form, "anyway") == "yes")
    if in_place(request):
        page = f"/applications/{result.request.application_id}/feedback#feedback-section"
        return done_in_place(request, "Reminder written and noted.", (page, "Copy the reminder"))
    return _section(request, ws, result.request.application_id, chase=result, notice="Reminder written and noted.")


@router.get("/feedback-requests/{request_id}/eml", include_in_schema=False)
def download_eml(request_id: int, ws: WorkspaceDep) -> Response:
    with tempfile.TemporaryDirectory(prefix="nextround-eml-") as folder:
        _, written = feedback_service.export_eml(
            ws, feedback_service.get_request(ws, request_id), Path(folder) / "r.eml"
        )
        content = written.read_bytes()
    return Response(
        content,
        media_type="message/rfc822",
        headers={"content-disposition": f'attachment; filename="feedback-request-{request_id}.eml"'},
    )


def _refused(request: Request, ws: Workspace, application_id: int, **extra: Any) -> HTMLResponse:
    """The section again with what was typed and the problem beside its field: nothing typed is lost."""
    return _section(request, ws, application_id, status=422, **extra)


def _received_at(on: str, ws: Workspace) -> datetime | None:
    """The day the feedback came, when it was not today: an email pasted a week late counted in this week's
    review, and its date on the page was the day it was pasted."""
    if not on:
        return None
    try:
        received = parse_when(on, ws.now())
    except DateParseError:
        # The parser's own words ('use YYYY-MM-DD, DD/MM/YYYY') are for files and the command line.
        message = f"Cannot read “{on[:40]}” as a day: write it as yesterday, 3 days ago or 3 October."
        raise FeedbackRequestError(message, field="on") from None
    if received > ws.now():
        raise FeedbackRequestError("Give the day it came: it cannot be later than today.", field="on")
    return received


@router.post("/applications/{application_id}/feedback/record", include_in_schema=False)
def record(request: Request, application_id: int, ws: WorkspaceDep, form: FormDep) -> Response:
    text, source = form_text(form, "text"), form_text(form, "source") or "employer"
    on = form_text(form, "on").strip()
    try:
        received = _received_at(on, ws)
        if not text.strip():
            # The service's own message speaks of files and standard input, which a page has not got.
            raise FeedbackRequestError("Paste what they said first: the box is empty.", field="text")
        if len(text) > MAX_FEEDBACK_CHARS:
            advice = "Paste the message itself, without the earlier emails quoted below it."
            raise FeedbackRequestError(too_long(MAX_FEEDBACK_CHARS, len(text), advice), field="text")
        # The same words pasted again (or a double click) would count every theme in them twice.
        words = " ".join(text.split())
        if any(" ".join(entry.text.split()) == words for entry in feedback_records.list_feedback(ws, application_id)):
            return _done(request, ws, application_id, "already")
        feedback_records.record_feedback(ws, application_id, text, source, received_at=received)
    except UserError as exc:
        values = {"text": text, "source": source, "on": on}
        return _refused(request, ws, application_id, feedback_values=values, feedback_errors=errors_by_field(exc))
    # A rejection email pasted here while the application is open: offer to record the rejection too.
    closes_it = feedback_records.reads_as_open_rejection(ws, application_id, text, source)
    return _done(request, ws, application_id, CLOSES_IT if closes_it else "recorded", on)


@router.post("/applications/{application_id}/reflection", include_in_schema=False)
def reflect(request: Request, application_id: int, ws: WorkspaceDep, form: FormDep) -> Response:
    current = insight.get_reflection(ws, application_id)
    answers: dict[str, Any] = {}
    values: dict[str, str] = {}
    problems: list[UserError] = []
    for question in current.questions:
        key = question.key
        rating = form_text(form, f"rating_{key}").strip()
        text = form_text(form, f"text_{key}").strip()
        values[f"rating_{key}"], values[f"text_{key}"] = rating, text
        if len(text) > MAX_ANSWER_CHARS:
            # Worded here, beside its question: the service's message starts with the question's key, for files.
            problems.append(
                UserError(f"Keep this one under {MAX_ANSWER_CHARS:,} characters (it has {len(text):,}).", field=key)
            )
        elif rating:
            answers[key] = {"rating": rating, "text": text}
        elif text:
            problems.append(
                UserError("Choose a number from 1 to 5 for this one too, so your words are kept.", field=key)
            )
    if not answers and not problems:
        problems.append(UserError("Choose a number from 1 to 5 for at least one question, then save."))
    try:
        if problems:
            raise FormErrors(problems)
        insight.save_reflection(ws, application_id, answers)
    except UserError as exc:
        errors = errors_by_field(exc)
        return _refused(request, ws, application_id, reflection_values=values, reflection_errors=errors)
    return _done(request, ws, application_id, "reflected")


# -- JSON API ------------------------------------------------------------------------------------------


class DraftIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    tone: str = Field("warm", description="warm, brief or formal")
    contact_id: int | None = Field(None, description="The contact to address (default: the application's recruiter)")
    to: str | None = Field(None, description="Recipient email address (default: the contact's)")


class DraftEdit(BaseModel):
    model_config = ConfigDict(extra="forbid")
    subject: str
    body: str


class StatusIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    status: str = Field(description="sent, replied, declined or no_reply")


class FeedbackIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    text: str = Field(max_length=MAX_FEEDBACK_CHARS, description="What was said, verbatim")
    source: str = Field("employer", description="employer, recruiter, self or mock")
    request_id: int | None = Field(None, description="The request this answers (default: the latest sent one)")


@router.get("/api/v1/applications/{application_id}/feedback-requests", responses=ERROR_RESPONSES)
def api_requests(application_id: int, ws: WorkspaceDep) -> dict[str, Any]:
    found = feedback_service.list_requests(ws, application_id)
    return {"application_id": application_id, "requests": [r.to_dict() for r in found]}


@router.post("/api/v1/applications/{application_id}/feedback-requests", status_code=201, responses=ERROR_RESPONSES)
def api_draft(application_id: int, body: DraftIn, ws: WorkspaceDep) -> JSONResponse:
    drafted, _ = drafting.draft_request(ws, application_id, body.contact_id, body.tone, to=body.to)
    return JSONResponse({"request_id": drafted.id, **drafted.to_dict()}, status_code=201)


@router.patch("/api/v1/feedback-requests/{request_id}", responses=ERROR_RESPONSES)
def api_edit_draft(request_id: int, body: DraftEdit, ws: WorkspaceDep) -> dict[str, Any]:
    """Your own wording of a drafted request (only while it is a draft)."""
    return feedback_service.edit_draft(ws, request_id, body.subject, body.body).to_dict()


@router.post("/api/v1/feedback-requests/{request_id}/status", responses=ERROR_RESPONSES)
def api_status(request_id: int, body: StatusIn, ws: WorkspaceDep) -> dict[str, Any]:
    return feedback_service.mark(ws, request_id, body.status).to_dict()


@router.get("/api/v1/applications/{application_id}/feedback", responses=ERROR_RESPONSES)
def api_feedback(application_id: int, ws: WorkspaceDep) -> dict[str, Any]:
    found = feedback_records.list_feedback(ws, application_id)
    return {"application_id": application_id, "feedback": [e.to_dict() for e in found]}


@router.post("/api/v1/applications/{application_id}/feedback", status_code=201, responses=ERROR_RESPONSES)
def api_record(application_id: int, body: FeedbackIn, ws: WorkspaceDep) -> JSONResponse:
    entry = feedback_records.record_feedback(ws, application_id, body.text, body.source, body.request_id)
    return JSONResponse(entry.to_dict(), status_code=201)


class InterviewIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    at: str = Field(description="When, in local time unless an offset is given: 2025-03-04 14:00")
    round: int | None = Field(None, description="Which interview round")
    kind: str = Field("", description="phone, technical, behavioural, panel, case ...")
    interviewers: list[str] = Field(default_factory=list, description="Who will be in the room")
    location: str = ""
    notes: str = ""


@router.get("/api/v1/applications/{application_id}/interviews", responses=ERROR_RESPONSES)
def api_interviews(application_id: int, ws: WorkspaceDep) -> dict[str, Any]:
    found = feedback_records.list_interviews(ws, application_id)
    return {"application_id": application_id, "interviews": [i.to_dict() for i in found]}


@router.post("/api/v1/applications/{application_id}/interviews", status_code=201, responses=ERROR_RESPONSES)
def api_schedule_interview(application_id: int, body: InterviewIn, ws: WorkspaceDep) -> JSONResponse:
    with about_field("at"):
        when = parse_datetime(body.at, ws.now())
    interview = feedback_records.add_interview(
        ws, application_id, when, body.round, body.kind, body.interviewers, body.location, body.notes
    )
    return JSONResponse(interview.to_dict(), status_code=201)
