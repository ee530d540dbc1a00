"""Contacts & companies, and today's agenda: pages and the JSON API of the network pillar.

Pages: `/contacts` (list, filter, add), `/contacts/{id}` (details, interactions, log, edit), `/companies` (the
watch list, re-apply dates, new openings, "Check now"), `/today` (the agenda of `nextround today`, with drafts).
API under `/api/v1`: contacts, interactions, the agenda and the nudges. Everything goes through the services.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import fields as dataclass_fields
from datetime import date
from typing import Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from pydantic import BaseModel, ConfigDict, Field

from nextround.domain.agenda import HORIZON_DAYS, AgendaEntry
from nextround.domain.contacts import (
    MAX_CADENCE_DAYS,
    ContactError,
    ContactFields,
    ContactKind,
    InteractionChannel,
    parse_channel,
    parse_kind,
)
from nextround.domain.dates import parse_date, parse_datetime
from nextround.errors import UserError, about_field, errors_by_field
from nextround.serialize import json_object
from nextround.services import browse
from nextround.services import watch as watch_service
from nextround.services.agenda import agenda
from nextround.services.network import NetworkService
from nextround.services.workspace import Workspace
from nextround.web.deps import FormDep, WorkspaceDep, in_place, is_htmx
from nextround.web.errors import ERROR_RESPONSES
from nextround.web.forms import form_text, sentence
from nextround.web.rendering import done_in_place, render
from nextround.web.responses import json_response

router = APIRouter()
pages = APIRouter(include_in_schema=False)
api = APIRouter(prefix="/api/v1", responses=ERROR_RESPONSES, tags=["network"])

KINDS = [k.value for k in ContactKind]
CHANNELS = [c.value for c in InteractionChannel]
CONTACT_TEXT = ("name", "email", "phone", "company", "title", "linkedin_url", "notes")
BUCKETS = (("overdue", "Overdue"), ("today", "Today"), ("soon", "This week"), ("later", "Later"))
NOTICES = {
    "added": "Contact added.",
    "saved": "Changes saved.",
    "logged": "Interaction logged; the next reminder to get in touch counts from it.",
    "watch": "Company added to the watch list.",
    "reapply": "Re-apply date saved; the agenda will remind you.",
    "dismissed": "Dismissed: it has left the agenda.",
    "reapply_cleared": "Re-apply date cleared.",
}


# -- reading forms --------------------------------------------------------------------------------


def _optional_int(raw: str, text: str, field: str) -> int | None:
    raw = raw.strip()
    if not raw:
        return None
    try:
        return int(raw)
    except ValueError:
        raise ContactError(f"{text} must be a whole number, not {raw[:20]!r}", field=field) from None


def _contact_fields(form: Any, ws: Workspace) -> ContactFields:
    values = {name: form_text(form, name) for name in CONTACT_TEXT}
    cadence = _optional_int(form_text(form, "cadence_days"), "keep in touch every … days", "cadence_days")
    connected = form_text(form, "connected_on").strip()
    with about_field("connected_on"):
        connected_on = parse_date(connected, ws.now().date()) if connected else None
    return ContactFields(
        **values, kind=parse_kind(form_text(form, "kind") or "other"), cadence_days=cadence, connected_on=connected_on
    )


def _notice(request: Request) -> str | None:
    return NOTICES.get(request.query_params.get("notice", ""))


def _today(ws: Workspace) -> str:
    return ws.now().date().isoformat()


def _mark_overdue(contacts: list[dict[str, Any]], today: str) -> list[dict[str, Any]]:
    for contact in contacts:
        contact["touch_overdue"] = bool(contact["next_touch"] and contact["next_touch"] < today)
    return contacts


# -- contacts -------------------------------------------------------------------------------------


def _contacts_page(
    request: Request, ws: WorkspaceDep, *, values: dict[str, str], errors: dict[str, str], status: int = 200
) -> HTMLResponse:
    params = request.query_params
    kind_text = params.get("kind", "")
    search = params.get("q", "").strip()
    problem = None
    try:
        kind = parse_kind(kind_text) if kind_text else None
    except ContactError as exc:
        kind, problem, status = None, str(exc), 422
    found = NetworkService(ws).contacts(kind=kind, search=search or None)
    context = {
        "contacts": _mark_overdue([json_object(listing) for listing in found], _today(ws)),
        "kind": kind.value if kind else "",
        "q": search,
        "kinds": KINDS,
        "values": values,
        "errors": errors,
        "problem": problem,
        "notice": _notice(request),
        "max_cadence": MAX_CADENCE_DAYS,
        "application_choices": _application_choices(ws, values.get("application_id", "")),
    }
    return render(request, "contacts.html", context, status=status)


# The add form offers the most recently active applications by name (nobody knows an application's number).
APPLICATION_CHOICES = 200


def _application_choices(ws: Workspace, chosen: str) -> list[tuple[str, str]]:
    rows = browse.page(ws, sort="last_activity_at", descending=True, limit=APPLICATION_CHOICES).rows
    choices = [(str(row.id), f"{row.company} — {row.role}") for row in rows]
    if chosen and chosen not in {value for value, _ in choices}:
        choices.append((chosen, f"Application {chosen}"))  # an older one, or one asked for by address
    return choices


@pages.get("/contacts", response_class=HTMLResponse)
def contacts(request: Request, ws: WorkspaceDep) -> HTMLResponse:
    return _contacts_page(request, ws, values={"kind": "other"}, errors={})


@pages.post("/contacts", response_class=HTMLResponse)
def add_contact(request: Request, ws: WorkspaceDep, form: FormDep) -> Response:
    values = {key: form_text(form, key) for key in form if key != "csrf_token"}
    try:
        application_id = _optional_int(form_text(form, "application_id"), "the application id", "application_id")
        contact = NetworkService(ws).add_contact(_contact_fields(form, ws), application_id=application_id)
    except UserError as exc:
        errors = {name: sentence(message) for name, message in errors_by_field(exc).items()}
        return _contacts_page(request, ws, values=values, errors=errors, status=422)
    return RedirectResponse(f"/contacts/{contact.id}?notice=added", status_code=303)


def _contact_page(
    request: Request,
    ws: Workspace,
    contact_id: int,
    *,
    edit_values: dict[str, str] | None = None,
    edit_errors: dict[str, str] | None = None,
    log_values: dict[str, str] | None = None,
    log_errors: dict[str, str] | None = None,
    status: int = 200,
) -> HTMLResponse:
    # The page reads the contact as its JSON form shows it (the same names as the API).
    found = NetworkService(ws).contact_details(contact_id)
    details = json_object(found)
    today = _today(ws)
    details["touch_overdue"] = bool(found.next_touch and found.next_touch < ws.now().date())
    stored = {
        name: "" if details.get(name) is None else str(details[name])
        for name in (*CONTACT_TEXT, "kind", "cadence_days", "connected_on")
    }
    context = {
        "contact": details,
        "interactions": list(reversed(found.interactions)),
        "kinds": KINDS,
        "channels": CHANNELS,
        "edit_values": edit_values or stored,
        "edit_errors": edit_errors or {},
        "log_values": log_values or {"channel": "email"},
        "log_errors": log_errors or {},
        "notice": _notice(request),
        "today": today,
        "max_cadence": MAX_CADENCE_DAYS,
    }
    return render(request, "contact.html", context, status=status)


@pages.get("/contacts/{contact_id}", response_class=HTMLResponse)
def contact_page(request: Request, contact_id: int, ws: WorkspaceDep) -> HTMLResponse:
    return _contact_page(request, ws, contact_id)


@pages.post("/contacts/{contact_id}/edit", response_class=HTMLResponse)
def edit_contact(request: Request, contact_id: int, ws: WorkspaceDep, form: FormDep) -> Response:
    values = {key: form_text(form, key) for key in form if key != "csrf_token"}
    service = NetworkService(ws)
    service.get_contact(contact_id)  # 404 before validation messages
    try:
        fields = _contact_fields(form, ws)
        changes = {f.name: getattr(fields, f.name) for f in dataclass_fields(ContactFields)}
        service.edit_contact(contact_id, changes)
    except UserError as exc:
        errors = {name: sentence(message) for name, message in errors_by_field(exc).items()}
        return _contact_page(request, ws, contact_id, edit_values=values, edit_errors=errors, status=422)
    return RedirectResponse(f"/contacts/{contact_id}?notice=saved", status_code=303)


@pages.post("/contacts/{contact_id}/interactions", response_class=HTMLResponse)
def log_interaction(request: Request, contact_id: int, ws: WorkspaceDep, form: FormDep) -> Response:
    values = {key: form_text(form, key) for key in form if key != "csrf_token"}
    service = NetworkService(ws)
    service.get_contact(contact_id)
    try:
        channel = parse_channel(form_text(form, "channel") or "other")
        raw = form_text(form, "on").strip()
        with about_field("at"):
            when = parse_datetime(raw, ws.now()) if raw else None
        service.log(contact_id, channel, form_text(form, "note"), at=when)
    except UserError as exc:
        errors = {"on" if field == "at" else field: message for field, message in errors_by_field(exc).items()}
        return _contact_page(request, ws, contact_id, log_values=values, log_errors=errors, status=422)
    if in_place(request):
        name = service.get_contact(contact_id).fields.name
        return done_in_place(request, f"Logged with {name}; the next reminder to get in touch counts from today.")
    return RedirectResponse(f"/contacts/{contact_id}?notice=logged#interactions", status_code=303)


# -- companies ------------------------------------------------------------------------------------


def _companies_page(
    request: Request,
    ws: Workspace,
    *,
    watch_values: dict[str, str] | None = None,
    watch_errors: dict[str, str] | None = None,
    reapply_values: dict[str, str] | None = None,
    reapply_errors: dict[str, str] | None = None,
    report: watch_service.CheckReport | None = None,
    status: int = 200,
) -> HTMLResponse:
    watches = watch_service.list_watches(ws)
    context = {
        "watches": watches,
        "openings": watch_service.new_openings(ws, days=14),
        "report": report,
        "watch_values": watch_values or {},
        "watch_errors": watch_errors or {},
        "reapply_values": reapply_values or {},
        "reapply_errors": reapply_errors or {},
        "notice": _notice(request),
        "today": ws.now().date(),
        "boards_to_check": sum(1 for w in watches if w.board),
    }
    return render(request, "companies.html", context, status=status)


@pages.get("/companies", response_class=HTMLResponse)
def companies(request: Request, ws: WorkspaceDep) -> HTMLResponse:
    return _companies_page(request, ws)


@pages.post("/companies/watch", response_class=HTMLResponse)
def add_watch(request: Request, ws: WorkspaceDep, form: FormDep) -> Response:
    values = {key: form_text(form, key) for key in form if key != "csrf_token"}
    board = form_text(form, "board").strip()
    try:
        watch_service.add_watch(ws, form_text(form, "company"), board or None, form_text(form, "keywords"))
    except UserError as exc:
        message = str(exc)
        name = "company" if message.startswith("company") or "already watched" in message else "board"
        if "keyword" in message:
            name = "keywords"
        return _companies_page(request, ws, watch_values=values, watch_errors={name: message}, status=422)
    return RedirectResponse("/companies?notice=watch", status_code=303)


@pages.post("/companies/check", response_class=HTMLResponse)
def check_now(request: Request, ws: WorkspaceDep) -> HTMLResponse:
    # The only place this page goes online: the user pressed "Check now".
    report = watch_service.check_watches(ws)
    return _companies_page(request, ws, report=report)


@pages.post("/companies/reapply", response_class=HTMLResponse)
def reapply_after(request: Request, ws: WorkspaceDep, form: FormDep) -> Response:
    values = {key: form_text(form, key) for key in form if key != "csrf_token"}
    try:
        raw = form_text(form, "reapply_on").strip()
        day: date | None = None
        if raw.lower() not in ("", "none", "clear"):
            with about_field("reapply_on"):
                day = parse_date(raw, ws.now().date())
        elif not raw:
            raise ContactError("give the first day you may apply again (or 'none' to clear it)", field="reapply_on")
        saved = NetworkService(ws).set_reapply_after(form_text(form, "company"), day)
    except UserError as exc:
        errors = errors_by_field(exc)
        return _companies_page(request, ws, reapply_values=values, reapply_errors=errors, status=422)
    if in_place(request):
        return done_in_place(request, f"Noted: the re-apply date for {saved.company} is cleared.")
    return RedirectResponse(f"/companies?notice={'reapply' if day else 'reapply_cleared'}", status_code=303)


# -- today ----------------------------------------------------------------------------------------


def agenda_groups(items: Sequence[AgendaEntry]) -> list[tuple[str, str, list[AgendaEntry]]]:
    """Agenda items grouped by bucket (overdue, today, this week, later), in that order; empty groups left out."""
    groups = []
    for key, title in BUCKETS:
        chosen = [item for item in items if item.when == key]
        if chosen:
            groups.append((key, title, chosen))
    return groups


@pages.get("/today", response_class=HTMLResponse)
def today(request: Request, ws: WorkspaceDep) -> HTMLResponse:
    items = agenda(ws)
    ref = request.query_params.get("draft", "").strip()
    draft = None
    if ref:
        nudge, message = NetworkService(ws).draft(ref)  # an unknown or finished nudge is a 404 page
        draft = {"ref": nudge.ref, "title": nudge.title, **message.to_dict(), "done_action": nudge.done_action}
    context = {
        "agenda_groups": agenda_groups(items),
        "total": len(items),
        "draft": draft,
        "notice": _notice(request),
        "next_steps": _undated_next_steps(request, ws) if not items else [],
    }
    return render(request, "today.html", context)


def _undated_next_steps(request: Request, ws: Workspace) -> list[Any]:
    """The dashboard's next steps (reflect on a rejection, ask for feedback…), for a day with nothing dated: "nothing
    due" read as "nothing to do" on the day a rejection came in. From the dashboard's cache, so no extra reads."""
    from nextround.services.applications import ApplicationService
    from nextround.services.overview import overview

    cache = request.app.state.web.cache
    stats = cache.get("stats", ws, ApplicationService(ws).stats)
    summary = cache.get("overview", ws, lambda: overview(ws, with_agenda=False, stats=stats))
    return list(summary.next_steps)


@pages.post("/nudges/{ref}/dismiss", response_class=HTMLResponse)
def dismiss_nudge(request: Request, ref: str, ws: WorkspaceDep) -> Response:
    nudge = NetworkService(ws).dismiss(ref)  # an unknown or finished nudge is a 404 page
    if in_place(request):
        return done_in_place(request, f"Dismissed: {nudge.title}.")
    return RedirectResponse("/today?notice=dismissed#agenda", status_code=303)


@pages.post("/openings/{opening_id}/dismiss", response_class=HTMLResponse)
def dismiss_opening(request: Request, opening_id: int, ws: WorkspaceDep) -> Response:
    opening = watch_service.dismiss_opening(ws, opening_id)
    if in_place(request):
        return done_in_place(request, f"Dismissed: {opening.title} at {opening.company}.")
    return RedirectResponse("/today?notice=dismissed#agenda", status_code=303)


# -- JSON API ---------------------------------------------------------------------------------------


class ContactChanges(BaseModel):
    """Contact fields; on PATCH only the ones given change."""

    model_config = ConfigDict(extra="forbid")

    name: str | None = None
    email: str | None = None
    phone: str | None = None
    company: str | None = None
    title: str | None = None
    linkedin_url: str | None = None
    kind: str | None = Field(None, description=", ".join(KINDS))
    cadence_days: int | None = Field(None, description=f"Days between touches, 0 (off) to {MAX_CADENCE_DAYS}")
    notes: str | None = None
    connected_on: str | None = Field(None, description="When you connected: 2024-10-03, yesterday")


class NewContact(ContactChanges):
    name: str
    application_id: int | None = Field(None, description="Link the contact to this application")


class NewInteraction(BaseModel):
    model_config = ConfigDict(extra="forbid")
    channel: str = Field("email", description=", ".join(CHANNELS))
    note: str = ""
    at: str | None = Field(None, description="When it happened (default: now): 2024-10-03, yesterday")


def _contact_changes(body: ContactChanges, ws: Workspace) -> dict[str, Any]:
    changes = body.model_dump(exclude_unset=True, exclude={"application_id"})
    if "kind" in changes:
        changes["kind"] = parse_kind(changes["kind"] or "other")
    if "connected_on" in changes:
        raw = changes["connected_on"]
        changes["connected_on"] = parse_date(raw, ws.now().date()) if raw else None
    for name in CONTACT_TEXT:
        if name in changes and changes[name] is None:
            changes[name] = ""
    return changes


@api.get("/contacts", summary="List contacts with their last interaction and next touch")
def api_contacts(
    ws: WorkspaceDep,
    kind: str | None = Query(None, description=", ".join(KINDS)),
    q: str | None = Query(None, description="Part of the name, company or email"),
) -> JSONResponse:
    wanted = parse_kind(kind) if kind else None
    found = NetworkService(ws).contacts(kind=wanted, search=q or None)
    return json_response({"total": len(found), "contacts": found})


@api.post("/contacts", status_code=201, summary="Add a contact, optionally linked to an application")
def api_add_contact(body: NewContact, ws: WorkspaceDep) -> JSONResponse:
    service = NetworkService(ws)
    contact = service.add_contact(ContactFields(**_contact_changes(body, ws)), application_id=body.application_id)
    return json_response(service.contact_details(contact.id), status_code=201)


@api.get("/contacts/{contact_id}", summary="One contact with linked applications and interactions")
def api_contact(contact_id: int, ws: WorkspaceDep) -> JSONResponse:
    return json_response(NetworkService(ws).contact_details(contact_id))


@api.patch("/contacts/{contact_id}", summary="Change some fields of a contact")
def api_edit_contact(contact_id: int, body: ContactChanges, ws: WorkspaceDep) -> JSONResponse:
    service = NetworkService(ws)
    changes = _contact_changes(body, ws)
    if changes:
        service.edit_contact(contact_id, changes)
    return json_response(service.contact_details(contact_id))


@api.post("/contacts/{contact_id}/interactions", status_code=201, summary="Log an interaction with a contact")
def api_log(contact_id: int, body: NewInteraction, ws: WorkspaceDep) -> dict[str, Any]:
    when = parse_datetime(body.at, ws.now()) if body.at else None
    return NetworkService(ws).log(contact_id, parse_channel(body.channel), body.note, at=when).to_dict()


@api.get(
    "/agenda",
    summary="What to do now and soon",
    description="A list of items, each with its kind, title, due date, whether it is overdue, what to do "
    "(`action`) and its next steps as actions.",
)
def api_agenda(ws: WorkspaceDep) -> list[dict[str, Any]]:
    return [entry.to_dict() for entry in agenda(ws)]


@api.get("/nudges", summary="Open nudges: thank-you notes, keeping in touch, continued interest, touches")
def api_nudges(
    ws: WorkspaceDep,
    everything: bool = Query(False, alias="all", description="Also the nudges due later than this week"),
) -> list[dict[str, Any]]:
    found = NetworkService(ws).nudges(horizon_days=None if everything else HORIZON_DAYS)
    return [n.to_dict() for n in found]


@api.post("/nudges/{ref}/dismiss", summary="Dismiss a nudge: it leaves the agenda for good")
def api_dismiss_nudge(ref: str, ws: WorkspaceDep) -> dict[str, Any]:
    return NetworkService(ws).dismiss(ref).to_dict()


@api.post("/openings/{opening_id}/dismiss", summary="Dismiss a new opening at a watched company")
def api_dismiss_opening(opening_id: int, ws: WorkspaceDep) -> JSONResponse:
    return json_response(watch_service.dismiss_opening(ws, opening_id))


class ReapplyIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    company: str
    reapply_on: str | None = Field(None, description="The first day you may apply again; null clears it")


@api.put("/reapply", summary="Set or clear the day a company will consider you again")
def api_reapply(body: ReapplyIn, ws: WorkspaceDep) -> JSONResponse:
    with about_field("reapply_on"):
        day = parse_date(body.reapply_on, ws.now().date()) if body.reapply_on else None
    return json_response(NetworkService(ws).set_reapply_after(body.company, day))


router.include_router(pages)
router.include_router(api)


# -- the dashboard's panels -------------------------------------------------------------------------

DASHBOARD_AGENDA = 8
# Each count with its words for one and for more ("1 applications sent" read as a slip).
EFFORT_SHOWN = (
    ("applications_sent", "application sent", "applications sent"),
    ("feedback_requests_sent", "feedback request", "feedback requests"),
    ("reflections", "reflection", "reflections"),
    ("practice_answers", "practice answer", "practice answers"),
    ("contacts_touched", "contact touched", "contacts touched"),
    ("journal_entries", "journal entry", "journal entries"),
)


def dashboard_panels(ws: Workspace) -> dict[str, Any]:
    """The agenda's first items and this week's effort, for the dashboard (which caches the result)."""
    from nextround.services.keepgoing import effort

    items = agenda(ws)
    week = effort(ws, "week")
    return {
        "agenda_groups": agenda_groups(items[:DASHBOARD_AGENDA]),
        "agenda_total": len(items),
        "agenda_shown": min(len(items), DASHBOARD_AGENDA),
        "effort": {
            "counts": [
                (value, one if value == 1 else more)
                for key, one, more in EFFORT_SHOWN
                for value in [week.counts.get(key, 0)]
            ],
            "active_days": week.active_days,
            "streak": week.streak.to_dict(),
            "scores": week.scores.to_dict(),
        },
        "network_ready": True,
    }


class _NotCached(Exception):
    """Raised instead of computing, to ask the view cache whether it already holds the panels."""


def _not_cached() -> dict[str, Any]:
    raise _NotCached


def cached_panels(request: Request, ws: Workspace) -> dict[str, Any]:
    """The dashboard's agenda and effort when the view cache holds them, else a placeholder (HTMX loads them).

    Computing them reads every application twice (about 0.2 s for 300 applications), so a cold dashboard does
    not wait for them: it shows at once and asks /dashboard/panels, which computes and caches them.
    """
    try:
        panels: dict[str, Any] = request.app.state.web.cache.get("network", ws, _not_cached)
    except _NotCached:
        return {"network_ready": False}
    return panels


@pages.get("/dashboard/panels", response_class=HTMLResponse)
def dashboard_network(request: Request, ws: WorkspaceDep) -> Response:
    panels = request.app.state.web.cache.get("network", ws, lambda: dashboard_panels(ws))
    if not is_htmx(request):  # without JavaScript: now cached, the dashboard shows them
        return RedirectResponse("/#dashboard-agenda", status_code=303)
    return render(request, "_agenda_dashboard.html", panels)
