"""Applications: the board by stage, the filterable table, add and edit forms, one application's page."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from urllib.parse import urlencode

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from nextround.domain.applications import Application, ApplicationFields, Channel, WorkModel
from nextround.domain.dates import parse_datetime, parse_when
from nextround.domain.stages import STAGE_ORDER, Outcome, Stage, parse_outcome, parse_stage
from nextround.errors import FormErrors, UserError, about_field, errors_by_field
from nextround.services import browse
from nextround.services.applications import ApplicationService, DuplicateApplicationError
from nextround.services.workspace import Workspace
from nextround.web.deps import FormDep, WorkspaceDep, in_place, is_htmx
from nextround.web.forms import application_problems, form_text, in_form_words, in_page_order, sentence
from nextround.web.rendering import done_in_place, render

router = APIRouter(include_in_schema=False)

PAGE_SIZE = 100
BOARD_LIMIT = 20
BOARD_STAGES: tuple[Stage, ...] = STAGE_ORDER[: STAGE_ORDER.index(Stage.OFFER) + 1]
NOTICES = {
    "added": "Application added.",
    "saved": "Changes saved.",
    "moved": "Stage updated.",
    "unchanged": "It is already at that stage, so nothing changed.",
    "closed": "Application closed. Where it ended is kept in its history.",
    "interview": "Interview scheduled; the agenda lists it and silence no longer counts.",
    "reopened": "Application reopened.",
    "already-closed": "It was already closed that way, so nothing changed.",
    "undone": "Undone: the history is as it was before that change.",
}
# Notices after a change that its Undo button can take back, while it is fresh.
UNDOABLE_NOTICES = ("moved", "closed")
FORM_CHOICES = {
    "stages": [s.value for s in Stage],
    "channels": [c.value for c in Channel],
    "work_models": [w.value for w in WorkModel],
}


# Fields the add form takes from its address (`/applications/new?company=...&role=...&job_url=...`).
NEW_FROM_QUERY = ("company", "role", "job_url")


def _next_stage(stage: Stage) -> Stage | None:
    index = STAGE_ORDER.index(stage)
    return STAGE_ORDER[index + 1] if index + 1 < len(STAGE_ORDER) else None


def _board(ws: Workspace) -> dict[str, Any]:
    columns = browse.board(ws, BOARD_STAGES, BOARD_LIMIT)
    return {
        "columns": [
            {
                "stage": column.stage.value,
                "count": column.count,
                "cards": column.cards,
                "next": (_next_stage(column.stage) or Stage.ACCEPTED).value,
            }
            for column in columns
        ],
        "limit": BOARD_LIMIT,
    }


def _table(ws: Workspace, params: dict[str, str]) -> dict[str, Any]:
    status = params.get("status", "all")
    stage = parse_stage(params["stage"]) if params.get("stage") else None
    outcome = parse_outcome(params["outcome"]) if params.get("outcome") else None
    sort = params["sort"] if params.get("sort") in browse.SORTABLE else "id"
    descending = params.get("dir", "desc" if sort in ("id", "applied_on", "last_activity_at") else "asc") == "desc"
    try:
        wanted = max(int(params.get("page", "1")), 1)
    except ValueError:
        wanted = 1
    filters = {k: v for k, v in params.items() if k in ("q", "stage", "outcome", "status") and v}

    def fetch(number: int) -> browse.Page:
        return browse.page(
            ws,
            sort=sort,
            descending=descending,
            limit=PAGE_SIZE,
            offset=(number - 1) * PAGE_SIZE,
            stage=stage,
            outcome=outcome,
            open_only=status == "open",
            closed_only=status == "closed",
            company=params.get("q") or None,
        )

    found = fetch(wanted)
    pages = max((found.total + PAGE_SIZE - 1) // PAGE_SIZE, 1)
    page = min(wanted, pages)
    if page != wanted:
        found = fetch(page)

    def link(**changes: Any) -> str:
        query = {**filters, "sort": sort, "dir": "desc" if descending else "asc", **changes}
        return "/applications?" + urlencode({k: v for k, v in query.items() if v not in (None, "")}) + "#table"

    return {
        "rows": found.rows,
        "total": found.total,
        "page": page,
        "pages": pages,
        "sort": sort,
        "descending": descending,
        "filters": filters,
        "status": status,
        "sort_links": {
            column: link(sort=column, dir="asc" if sort == column and descending else "desc", page=None)
            for column in browse.SORTABLE
        },
        "previous_link": link(page=page - 1) if page > 1 else None,
        "next_link": link(page=page + 1) if page < pages else None,
    }


@router.get("/applications", response_class=HTMLResponse)
def applications(request: Request, ws: WorkspaceDep) -> HTMLResponse:
    params = dict(request.query_params)
    try:
        table = _table(ws, params)
        problem = None
    except UserError as exc:
        table, problem = _table(ws, {}), str(exc)
    context = {"board": _board(ws), "table": table, "problem": problem, **FORM_CHOICES}
    return render(request, "applications.html", context, status=422 if problem else 200)


def _form_page(
    request: Request,
    *,
    application: Application | None,
    values: dict[str, Any],
    error: UserError | None,
    status: int = 200,
) -> HTMLResponse:
    duplicates = error.existing if isinstance(error, DuplicateApplicationError) else ()
    # Each problem as a sentence, beside its field and in the summary ("the application date is in the future").
    errors = {k: sentence(v) for k, v in errors_by_field(error).items()} if error and not duplicates else {}
    context = {
        "application": application,
        "values": values,
        "errors": errors,
        "duplicates": duplicates,
        **FORM_CHOICES,
    }
    return render(request, "application_form.html", context, status=status)


@router.get("/applications/new", response_class=HTMLResponse)
def new_application(request: Request) -> HTMLResponse:
    # A new opening's "Apply" button fills in what the posting says (the user still checks and saves).
    given = {key: request.query_params[key][:500] for key in NEW_FROM_QUERY if request.query_params.get(key)}
    return _form_page(request, application=None, values={"stage": "applied", **given}, error=None)


@router.post("/applications/new", response_class=HTMLResponse)
def create_application(request: Request, ws: WorkspaceDep, form: FormDep) -> Response:
    values = {key: form_text(form, key) for key in form}
    try:
        changes, problems = application_problems(form)
        stage = parse_stage(values.get("stage") or "applied")
        moments: dict[str, datetime | None] = {}
        for name in ("applied_on", "stage_on"):
            when = values.get(name, "").strip()
            try:
                with about_field(name):
                    moments[name] = parse_datetime(when, ws.now()) if when else None
            except UserError as exc:
                problems.append(in_form_words(exc))
        if problems:
            raise FormErrors(in_page_order(problems, form))
        fields = ApplicationFields(**{"company": "", "role": "", **changes})
        app = ApplicationService(ws).add(
            fields,
            stage=stage,
            applied_at=moments["applied_on"],
            stage_at=moments["stage_on"],
            note=values.get("note", ""),
            allow_duplicate=values.get("add_anyway") == "yes",
        )
    except DuplicateApplicationError as exc:
        return _form_page(request, application=None, values=values, error=exc, status=409)
    except UserError as exc:
        return _form_page(request, application=None, values=values, error=exc, status=422)
    return RedirectResponse(f"/applications/{app.id}?notice=added", status_code=303)


def _application_page(
    request: Request,
    ws: Workspace,
    application_id: int,
    *,
    interview_values: dict[str, str] | None = None,
    interview_errors: dict[str, str] | None = None,
    move_values: dict[str, str] | None = None,
    move_errors: dict[str, str] | None = None,
    close_values: dict[str, str] | None = None,
    close_errors: dict[str, str] | None = None,
    status: int = 200,
) -> HTMLResponse:
    from nextround.services.feedback_records import list_interviews, next_steps_after_rejection

    service = ApplicationService(ws)
    app = service.get(application_id)
    verdict = service.silence_of(app)
    zone = ws.now().tzinfo
    context = {
        "interviews": [(i, i.scheduled_at.astimezone(zone)) for i in list_interviews(ws, application_id)],
        "interview_values": interview_values or {},
        "interview_errors": interview_errors or {},
        "move_values": move_values or {},
        "move_errors": move_errors or {},
        "close_values": close_values or {},
        "close_errors": close_errors or {},
        "app": app,
        "data": app.to_dict(),
        "silence": verdict,
        "notice": _notice(request.query_params.get("notice", ""), app),
        "undo_change": service.undoable_change(application_id)
        if request.query_params.get("notice") in UNDOABLE_NOTICES
        else None,
        "next_stage": _next_stage(app.state.stage),
        "rejection_steps": next_steps_after_rejection(ws, app.id) if app.state.outcome is Outcome.REJECTED else (),
        "stages": [s.value for s in STAGE_ORDER if s is not Stage.SAVED],
        "outcomes": [o.value for o in Outcome],
        "coach_notes": _coach_notes(ws, application_id),
    }
    return render(request, "application.html", context, status=status)


# Said right after a rejection is recorded: the moment the person reads it is the hard one.
REJECTED_NOTICE = (
    "Sorry it was a no this time. How far you got is kept, and it counts. "
    "The steps below help most while it is fresh; take them at your own pace."
)


def _notice(key: str, app: Application) -> str | None:
    if key == "closed" and app.state.outcome is Outcome.REJECTED:
        return REJECTED_NOTICE
    return NOTICES.get(key)


def _coach_notes(ws: Workspace, application_id: int) -> list[Any]:
    """On a shared server: the comments the person's coaches left on this application (with their replies)."""
    if not ws.settings.shared_server:
        return []
    from nextround.services.coach_notes import notes_for

    return list(notes_for(ws.db, ws.owner_id, application_id))


@router.get("/applications/{application_id}", response_class=HTMLResponse)
def application_page(request: Request, application_id: int, ws: WorkspaceDep) -> HTMLResponse:
    return _application_page(request, ws, application_id)


@router.post("/applications/{application_id}/interviews", response_class=HTMLResponse)
def schedule_interview(request: Request, application_id: int, ws: WorkspaceDep, form: FormDep) -> Response:
    from nextround.services.feedback_records import add_interview

    values = {key: form_text(form, key) for key in form if key != "csrf_token"}
    ApplicationService(ws).get(application_id)  # 404 before the form's messages
    try:
        raw = values.get("interview_on", "").strip()
        with about_field("interview_on"):
            if not raw:
                raise UserError("say when the interview is, e.g. 2025-03-04 14:00")
            when = parse_when(raw, ws.now())
        add_interview(
            ws,
            application_id,
            when,
            kind=values.get("interview_kind", ""),
            interviewers=values.get("interviewers", ""),
            location=values.get("interview_location", ""),
        )
    except UserError as exc:
        errors = errors_by_field(exc)
        return _application_page(
            request, ws, application_id, interview_values=values, interview_errors=errors, status=422
        )
    return RedirectResponse(f"/applications/{application_id}?notice=interview#interviews", status_code=303)


@router.get("/applications/{application_id}/edit", response_class=HTMLResponse)
def edit_application(request: Request, application_id: int, ws: WorkspaceDep) -> HTMLResponse:
    app = ApplicationService(ws).get(application_id)
    values = app.fields.to_dict()
    values["tags"] = ", ".join(app.fields.tags)
    values = {k: "" if v is None else str(v) for k, v in values.items()}
    return _form_page(request, application=app, values=values, error=None)


@router.post("/applications/{application_id}/edit", response_class=HTMLResponse)
def update_application(request: Request, application_id: int, ws: WorkspaceDep, form: FormDep) -> Response:
    service = ApplicationService(ws)
    app = service.get(application_id)
    values = {key: form_text(form, key) for key in form}
    try:
        changes, problems = application_problems(form)
        if problems:
            raise FormErrors(in_page_order(problems, form))
        service.edit(application_id, changes)
    except UserError as exc:
        return _form_page(request, application=app, values=values, error=exc, status=422)
    return RedirectResponse(f"/applications/{application_id}?notice=saved", status_code=303)


def _when(form: Any, ws: Workspace) -> Any:
    raw = form_text(form, "on").strip()
    with about_field("on"):
        return parse_when(raw, ws.now()) if raw else None


@router.post("/applications/{application_id}/move", response_class=HTMLResponse)
def move_application(request: Request, application_id: int, ws: WorkspaceDep, form: FormDep) -> Response:
    stage = parse_stage(form_text(form, "stage"))
    service = ApplicationService(ws)
    current = service.get(application_id).state
    if not current.is_open:
        # Reopening a closed application is its own step, with a confirmation.
        return RedirectResponse(f"/applications/{application_id}/reopen?stage={stage.value}", status_code=303)
    if current.stage is stage and stage is not Stage.INTERVIEW:
        # Choosing the stage it is at (a double submit, a stale board) is not a mistake worth an error page.
        return RedirectResponse(f"/applications/{application_id}?notice=unchanged", status_code=303)
    try:
        service.move(application_id, stage, at=_when(form, ws), note=form_text(form, "note").strip())
    except UserError as exc:
        if exc.field not in ("on", "at") or form_text(form, "return_to") == "board":
            raise
        values = {"on": form_text(form, "on"), "note": form_text(form, "note"), "stage": stage.value}
        return _application_page(
            request, ws, application_id, move_values=values, move_errors={"on": sentence(str(exc))}, status=422
        )
    if form_text(form, "return_to") == "board":
        moved = {"id": application_id, "company": service.get(application_id).fields.company, "stage": stage.value,
                 "event_id": service.undoable_change(application_id)}  # fmt: skip
        return _back_to_board(request, ws, application_id, moved)
    return RedirectResponse(f"/applications/{application_id}?notice=moved", status_code=303)


def _back_to_board(
    request: Request, ws: Workspace, application_id: int, moved: dict[str, Any] | None = None
) -> Response:
    """After a change made from the board: the board again in place (with what moved, for its Undo), or a reload."""
    if is_htmx(request):
        return render(request, "_board.html", {"board": _board(ws), "focus_id": application_id, "moved": moved})
    return RedirectResponse("/applications#board", status_code=303)


@router.post("/applications/{application_id}/undo-change", response_class=HTMLResponse)
def undo_change(request: Request, application_id: int, ws: WorkspaceDep, form: FormDep) -> Response:
    """Undo on the notice after a move or a close: the change just recorded is taken back."""
    raw = form_text(form, "event_id").strip()
    if not raw.isdigit():
        raise UserError("which change to undo is missing; reload the page", field="event_id")
    ApplicationService(ws).undo_change(application_id, int(raw))
    if form_text(form, "return_to") == "board":
        return _back_to_board(request, ws, application_id)
    return RedirectResponse(f"/applications/{application_id}?notice=undone", status_code=303)


@router.post("/applications/{application_id}/close", response_class=HTMLResponse)
def close_application(request: Request, application_id: int, ws: WorkspaceDep, form: FormDep) -> Response:
    outcome = parse_outcome(form_text(form, "outcome"))
    service = ApplicationService(ws)
    note = form_text(form, "note").strip()
    if not in_place(request) and service.get(application_id).state.outcome is outcome:
        # A double click on "Rejected" (or a page sent twice) is not a mistake worth an error page.
        return RedirectResponse(f"/applications/{application_id}?notice=already-closed", status_code=303)
    try:
        if outcome is Outcome.GHOSTED and not note and not form_text(form, "on").strip():
            closed = service.confirm_ghosted(application_id)
        else:
            closed = service.close(application_id, outcome, at=_when(form, ws), note=note)
    except UserError as exc:
        if exc.field not in ("on", "at") or in_place(request):
            raise
        # A day that cannot be read or does not fit the history: the page again, the day and note kept.
        values = {"on": form_text(form, "on"), "note": form_text(form, "note")}
        return _application_page(
            request, ws, application_id, close_values=values, close_errors={"on": sentence(str(exc))}, status=422
        )
    if in_place(request):
        return done_in_place(request, f"Closed as {outcome.value}: {closed.fields.role} at {closed.fields.company}.")
    where = "#next-steps" if outcome is Outcome.REJECTED else ""
    return RedirectResponse(f"/applications/{application_id}?notice=closed{where}", status_code=303)


@router.get("/applications/{application_id}/reopen", response_class=HTMLResponse)
def confirm_reopen(request: Request, application_id: int, ws: WorkspaceDep) -> Response:
    app = ApplicationService(ws).get(application_id)
    if app.state.is_open:
        return RedirectResponse(f"/applications/{application_id}", status_code=303)
    asked = request.query_params.get("stage", "")
    stages = [s.value for s in STAGE_ORDER if s is not Stage.SAVED]
    selected = asked if asked in stages else app.state.stage.value  # the stage it was closed at
    context = {"app": app, "stages": stages, "selected": selected}
    return render(request, "application_reopen.html", context)


@router.post("/applications/{application_id}/reopen", response_class=HTMLResponse)
def reopen_application(application_id: int, ws: WorkspaceDep, form: FormDep) -> Response:
    stage = parse_stage(form_text(form, "stage"))
    service = ApplicationService(ws)
    if service.get(application_id).state.is_open:  # a double submit: it is open already
        return RedirectResponse(f"/applications/{application_id}?notice=unchanged", status_code=303)
    service.move(application_id, stage, note=form_text(form, "note").strip())
    return RedirectResponse(f"/applications/{application_id}?notice=reopened", status_code=303)
