"""Feedback & insights: recurring themes, where rejections happen, skill gaps (with a CV upload), goals.

The JSON endpoints `/api/v1/insights` and `/api/v1/goals` answer like `nextround insights --json` and
`nextround goal list --json`.
"""

from __future__ import annotations

import re
import tempfile
from pathlib import Path
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from pydantic import BaseModel, ConfigDict, Field
from starlette.datastructures import UploadFile

from nextround.domain.dates import parse_date
from nextround.domain.goals import GoalError
from nextround.errors import UserError, about_field, errors_by_field
from nextround.integrations.files import safe_upload_name
from nextround.services import goals as goal_service
from nextround.services import insight
from nextround.services.applications import ApplicationService
from nextround.services.workspace import Workspace
from nextround.web.deps import FormDep, WorkspaceDep, in_place
from nextround.web.errors import ERROR_RESPONSES
from nextround.web.forms import form_text, sentence, upload_message
from nextround.web.rendering import done_in_place, render
from nextround.web.responses import json_response

router = APIRouter()

NOTICES = {
    "cv": "CV saved. The skill gaps below compare it with the jobs that turned you down.",
    "cv_renamed": "CV renamed.",
    "cv_primary": "That CV is now the main one: job matches use it unless you choose another.",
    "goal": "Goal added.",
    "updated": "Goal updated.",
}
CV_SUFFIXES = (".txt", ".md", ".pdf", ".docx")


def _number(raw: str, what: str, field: str) -> float | None:
    raw = raw.strip().replace(",", ".")
    if not raw:
        return None
    try:
        return float(raw)
    except ValueError:
        raise GoalError(f"the {what} must be a number, not {raw[:20]!r}", field=field) from None


def _page_context(
    ws: Workspace, goal_values: dict[str, str] | None = None, goal_errors: dict[str, str] | None = None
) -> dict[str, Any]:
    data = insight.insights(ws)
    goals = goal_service.list_goals(ws, "all")
    return {
        "data": data,
        "themes": data.themes,
        "evidence_companies": _evidence_companies(ws, data.themes),
        "stage": data.stage,
        "gaps": data.top_gaps,
        "gaps_note": sentence(data.gaps_note) if data.gaps_note else None,
        "cvs": insight.list_cvs(ws),
        "open_goals": [g for g in goals if g.status == "open"],
        "closed_goals": [g for g in goals if g.status != "open"],
        "goal_values": goal_values or {},
        "goal_errors": goal_errors or {},
    }


def _evidence_companies(ws: Workspace, themes: tuple[insight.ThemeSummary, ...]) -> dict[int, str]:
    """The company of each application a theme's latest evidence links to: the link says where it leads (a
    row of links all reading "application" tells a screen reader's list of links nothing)."""
    wanted = {t.latest_evidence.application_id for t in themes if t.latest_evidence.application_id is not None}
    if not wanted:
        return {}
    return {app_id: company for app_id, company, _role in ApplicationService(ws).names(ids=wanted)}


@router.get("/insights", response_class=HTMLResponse, include_in_schema=False)
def insights_page(request: Request, ws: WorkspaceDep) -> HTMLResponse:
    context = _page_context(ws)
    context["notice"] = NOTICES.get(request.query_params.get("notice", ""))
    return render(request, "insights.html", context)


@router.get("/applications/{application_id}/match", response_class=HTMLResponse, include_in_schema=False)
def application_match(request: Request, application_id: int, ws: WorkspaceDep) -> HTMLResponse:
    """The application page's panel: a CV (the primary one, or `?cv=ID`) against this job, gaps with evidence."""
    from nextround.web.routes.ai_practice import ai_on_context

    raw = request.query_params.get("cv", "").strip()
    cv_id = int(raw) if raw.isdigit() else None
    found = insight.match_application(ws, application_id, cv_id)
    context = {
        "app_id": application_id,
        "match": found.result,
        "note": found.note,
        "cv_name": found.cv_name,
        "cv_id": found.cv_id,
        "cvs": insight.list_cvs(ws),
        **ai_on_context(ws),
    }
    return render(request, "_app_match.html", context)


# The name a pasted CV gets when none is typed (an uploaded one takes its file's name).
PASTED_CV_NAME = "Pasted CV"


@router.post("/insights/cv", include_in_schema=False)
def upload_cv(request: Request, ws: WorkspaceDep, form: FormDep) -> Response:
    try:
        _add_cv(ws, form)
    except UserError as exc:
        # The page again with the message beside the CV form (its box open) and the name typed kept.
        context = _page_context(ws)
        context.update(
            notice=None, cv_error=sentence(str(exc)), cv_name=form_text(form, "name"), cv_text=form_text(form, "text")
        )
        return render(request, "insights.html", context, status=422)
    return RedirectResponse("/insights?notice=cv#gaps", status_code=303)


def _add_cv(ws: Workspace, form: Any) -> None:
    """A CV from the uploaded file or from the text pasted in (many keep theirs in an online document)."""
    upload = form.get("cv")
    pasted = form_text(form, "text")
    name = form_text(form, "name").strip() or None
    if not isinstance(upload, UploadFile) or not upload.filename:
        if not pasted.strip():
            raise insight.InsightError("choose a CV file (.txt, .md, .pdf or .docx), or paste its text")
        insight.add_cv_text(ws, pasted, name=name or PASTED_CV_NAME)
        return
    if pasted.strip():
        raise insight.InsightError("choose a file or paste the text, not both: which one is your CV?")
    filename = safe_upload_name(upload.filename, default_stem="cv")
    if Path(filename).suffix.lower() not in CV_SUFFIXES:
        # An older Word file or a Pages/OpenOffice one is the usual case: say how to get a file that reads.
        raise insight.InsightError(
            f"The file “{filename}” cannot be read here: a CV must be a .txt, .md, .pdf or .docx file. Save it as"
            " one in the program that made it (File › Save As, or Export, then Word .docx or PDF), or paste its text"
            " below"
        )
    content = upload.file.read(ws.settings.max_import_bytes + 1)  # already spooled by the form parser
    if len(content) > ws.settings.max_import_bytes:
        raise insight.InsightError(f"{filename} is larger than {ws.settings.max_import_bytes // (1024 * 1024)} MB")
    with tempfile.TemporaryDirectory(prefix="nextround-cv-") as folder:
        path = Path(folder) / filename
        path.write_bytes(content)
        try:
            insight.add_cv(ws, path, name=name)
        except UserError as exc:
            # "(PdfStreamError)" and the like name the reader's exception: nothing a user can act on.
            message = re.sub(r"\s*\(\w+(Error|Exception)\)", "", upload_message(str(exc), folder))
            raise insight.InsightError(message) from None


@router.post("/insights/cv/{cv_id}/rename", include_in_schema=False)
def rename_cv(cv_id: int, ws: WorkspaceDep, form: FormDep) -> Response:
    insight.rename_cv(ws, cv_id, form_text(form, "name"))
    return RedirectResponse("/insights?notice=cv_renamed#cvs", status_code=303)


@router.post("/insights/cv/{cv_id}/primary", include_in_schema=False)
def make_primary_cv(cv_id: int, ws: WorkspaceDep) -> Response:
    insight.set_primary_cv(ws, cv_id)
    return RedirectResponse("/insights?notice=cv_primary#cvs", status_code=303)


GOAL_FORM_FIELDS = ("title", "target", "due")


@router.post("/insights/goals", include_in_schema=False)
def add_goal(request: Request, ws: WorkspaceDep, form: FormDep) -> Response:
    due = form_text(form, "due").strip()
    from_theme = form_text(form, "from_theme").strip() or None
    from_skill = form_text(form, "from_skill").strip() or None
    try:
        with about_field("due"):
            due_on = parse_date(due, ws.now().date()) if due else None
        goal_service.add_goal(
            ws,
            title=form_text(form, "title").strip() or None,
            from_theme=from_theme,
            from_skill=from_skill,
            target=_number(form_text(form, "target"), "target", "target"),
            due=due_on,
        )
    except UserError as exc:
        if from_theme or from_skill:
            raise  # a one-button form: the error page says what went wrong
        # The "write your own goal" form again, with each message next to its field.
        values = {name: form_text(form, name) for name in GOAL_FORM_FIELDS}
        context = _page_context(ws, values, errors_by_field(exc))
        context["notice"] = None
        return render(request, "insights.html", context, status=422)
    return RedirectResponse("/insights?notice=goal#goals", status_code=303)


@router.post("/insights/goals/{goal_id}", include_in_schema=False)
def update_goal(request: Request, goal_id: int, ws: WorkspaceDep, form: FormDep) -> Response:
    status = form_text(form, "status").strip() or None
    current = _number(form_text(form, "current"), "current value", "current")
    goal = goal_service.update_goal(ws, goal_id, current=current, status=status)
    if in_place(request):
        return done_in_place(request, f"Goal {goal.status}: {goal.title}.")
    return RedirectResponse(f"/insights?notice=updated#goal-{goal_id}", status_code=303)


# -- JSON API ------------------------------------------------------------------------------------------


class GoalIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    title: str | None = Field(None, description="The goal in your words (suggested from a theme or skill)")
    from_theme: str | None = Field(None, description="A feedback theme, e.g. communication")
    from_skill: str | None = Field(None, description="A skill gap, e.g. SQL")
    measure: str | None = Field(None, description="answer.score, practice.sessions, applications.sent, manual ...")
    target: float | None = None
    due: str | None = Field(None, description="Due date: 2025-03-01, 'in 30 days' ...")


@router.get("/api/v1/insights", responses=ERROR_RESPONSES)
def api_insights(ws: WorkspaceDep) -> JSONResponse:
    return json_response(insight.insights(ws))


@router.get("/api/v1/goals", responses=ERROR_RESPONSES)
def api_goals(ws: WorkspaceDep, status: str = "open") -> JSONResponse:
    return json_response({"goals": goal_service.list_goals(ws, status)})


@router.post("/api/v1/goals", status_code=201, responses=ERROR_RESPONSES)
def api_add_goal(body: GoalIn, ws: WorkspaceDep) -> JSONResponse:
    with about_field("due"):
        due = parse_date(body.due, ws.now().date()) if body.due else None
    goal = goal_service.add_goal(
        ws,
        title=body.title,
        from_theme=body.from_theme,
        from_skill=body.from_skill,
        measure=body.measure,
        target=body.target,
        due=due,
    )
    return json_response(goal, status_code=201)


class GoalChange(BaseModel):
    model_config = ConfigDict(extra="forbid")
    current: float | None = Field(None, description="Where you are now (reaching the target marks it done)")
    status: str | None = Field(None, description="open, done or dropped")
    target: float | None = None
    due: str | None = Field(None, description="New due date")
    title: str | None = None


@router.post("/api/v1/goals/{goal_id}", responses=ERROR_RESPONSES)
def api_update_goal(goal_id: int, body: GoalChange, ws: WorkspaceDep) -> JSONResponse:
    with about_field("due"):
        due = parse_date(body.due, ws.now().date()) if body.due else None
    goal = goal_service.update_goal(
        ws, goal_id, current=body.current, status=body.status, target=body.target, due=due, title=body.title
    )
    return json_response(goal)
