"""The JSON API, `/api/v1/...`: applications with their stage history, stats, and the text analyses.

The analysis endpoints take the texts as JSON and answer with the analysis as JSON; each one's description says
what the answer holds.
Errors are `{"error": message}`: 404 for an unknown id, 422 for invalid input, 403 without the CSRF token,
409 for a second application to the same company and role unless `allow_duplicate` says to add it anyway.
"""

from __future__ import annotations

from typing import Any, Literal

from fastapi import APIRouter, Query, Request
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, ConfigDict, Field

from nextround.domain.applications import ApplicationFields, parse_channel, parse_tags, parse_work_model
from nextround.domain.dates import parse_datetime
from nextround.domain.stages import parse_outcome, parse_stage
from nextround.services import browse
from nextround.services.applications import ApplicationService, DuplicateApplicationError
from nextround.services.workspace import Workspace
from nextround.web.deps import WorkspaceDep
from nextround.web.errors import ERROR_RESPONSES
from nextround.web.responses import json_response
from nextround.web.security import expected_csrf_token

router = APIRouter(prefix="/api/v1", responses=ERROR_RESPONSES)

MAX_TEXT = 200_000


class ApplicationChanges(BaseModel):
    """Application fields; on PATCH only the ones given change."""

    model_config = ConfigDict(extra="forbid")

    company: str | None = None
    role: str | None = None
    seniority: str | None = None
    job_url: str | None = None
    source: str | None = Field(None, description="board, referral, agency, company_site, recruiter, network, other")
    source_detail: str | None = None
    location: str | None = None
    work_model: str | None = Field(None, description="onsite, hybrid or remote")
    salary_min: int | None = None
    salary_max: int | None = None
    currency: str | None = None
    jd_text: str | None = Field(None, description="The job description")
    cv_version: str | None = None
    tags: list[str] | None = None
    excitement: int | None = Field(None, description="1 to 5")
    notes: str | None = None
    contact_email: str | None = None
    contact_phone: str | None = None
    screening_answers: str | None = None


class NewApplication(ApplicationChanges):
    company: str
    role: str
    stage: str = Field("applied", description="The stage it is at now (saved, applied, screening, ...)")
    applied_on: str | None = Field(None, description="When it was sent: 2024-10-03, yesterday, '3 days ago'")
    stage_on: str | None = Field(None, description="When it reached `stage`, for a stage after applied (default: now)")
    note: str = ""
    allow_duplicate: bool = Field(
        False, description="Add it even when an application for the same company and role exists (else 409)"
    )


class Move(BaseModel):
    model_config = ConfigDict(extra="forbid")
    stage: str
    round: int | None = Field(None, description="Interview round (interview stage only)")
    at: str | None = Field(None, description="When it happened (default: now)")
    note: str = ""


class Close(BaseModel):
    model_config = ConfigDict(extra="forbid")
    outcome: Literal["rejected", "withdrawn", "ghosted"]
    at: str | None = Field(None, description="When it happened (default: now)")
    note: str = ""


class AnswerText(BaseModel):
    question: str = Field(max_length=MAX_TEXT)
    answer: str = Field(max_length=MAX_TEXT)
    jd: str | None = Field(None, max_length=MAX_TEXT)


class FeedbackText(BaseModel):
    text: str = Field(max_length=MAX_TEXT)


class MatchTexts(BaseModel):
    jd: str = Field(max_length=MAX_TEXT)
    cv: str = Field(max_length=MAX_TEXT)


class Session(BaseModel):
    csrf_token: str


def _typed(changes: dict[str, Any]) -> dict[str, Any]:
    if changes.get("source") is not None:
        changes["source"] = parse_channel(changes["source"])
    if changes.get("work_model") is not None:
        changes["work_model"] = parse_work_model(changes["work_model"])
    if "tags" in changes:
        changes["tags"] = parse_tags(changes["tags"])
    for name in ("seniority", "job_url", "source_detail", "location", "currency", "jd_text", "cv_version", "notes",
                 "contact_email", "contact_phone", "screening_answers"):  # fmt: skip
        if name in changes and changes[name] is None:
            changes[name] = ""
    return changes


def _moment(text: str | None, ws: Workspace) -> Any:
    return parse_datetime(text, ws.now()) if text else None


@router.get("/session", summary="The CSRF token to send as X-CSRF-Token on state-changing requests")
def session(request: Request, response: Response) -> Session:
    # Other sites cannot read this answer (same-origin policy, no CORS headers), so it cannot be used to forge;
    # no cache may keep the token either.
    response.headers["cache-control"] = "no-store"
    return Session(csrf_token=expected_csrf_token(request) or "")


@router.get("/applications", summary="List applications (newest first), with filters and paging")
def list_applications(
    ws: WorkspaceDep,
    stage: str | None = Query(None, description="Current stage"),
    outcome: str | None = Query(None, description="rejected, withdrawn or ghosted"),
    status: Literal["all", "open", "closed"] = "all",
    company: str | None = Query(None, description="Part of the company name"),
    limit: int = Query(100, ge=1, le=1000),
    offset: int = Query(0, ge=0),
) -> JSONResponse:
    wanted_stage = parse_stage(stage) if stage else None
    wanted_outcome = parse_outcome(outcome) if outcome else None
    found = browse.page(
        ws,
        limit=limit,
        offset=offset,
        stage=wanted_stage,
        outcome=wanted_outcome,
        open_only=status == "open",
        closed_only=status == "closed",
        company=company,
    )
    return json_response({"total": found.total, "limit": limit, "offset": offset, "applications": found.rows})


class DuplicateOut(BaseModel):
    error: str
    field: str
    existing: list[dict[str, Any]] = Field(description="The applications for that company and role (listing rows)")


@router.post(
    "/applications",
    status_code=201,
    summary="Add an application",
    responses={409: {"model": DuplicateOut, "description": "The same company and role exists; see allow_duplicate"}},
)
def create_application(body: NewApplication, ws: WorkspaceDep) -> Any:
    exclude = {"stage", "applied_on", "stage_on", "note", "allow_duplicate"}
    values = _typed(body.model_dump(exclude_unset=True, exclude=exclude))
    try:
        app = ApplicationService(ws).add(
            ApplicationFields(**values),
            stage=parse_stage(body.stage),
            applied_at=_moment(body.applied_on, ws),
            stage_at=_moment(body.stage_on, ws),
            note=body.note,
            allow_duplicate=body.allow_duplicate,
        )
    except DuplicateApplicationError as exc:
        return json_response({"error": str(exc), "field": exc.field, "existing": exc.existing}, status_code=409)
    return app.to_dict()


@router.get("/applications/{application_id}", summary="One application with its stage events")
def get_application(application_id: int, ws: WorkspaceDep) -> JSONResponse:
    return JSONResponse(ApplicationService(ws).get(application_id).to_dict())


@router.patch("/applications/{application_id}", summary="Change some fields of an application")
def patch_application(application_id: int, body: ApplicationChanges, ws: WorkspaceDep) -> dict[str, Any]:
    changes = _typed(body.model_dump(exclude_unset=True))
    service = ApplicationService(ws)
    if not changes:
        return service.get(application_id).to_dict()
    return service.edit(application_id, changes).to_dict()


@router.post("/applications/{application_id}/move", summary="Move an application to a stage")
def move_application(application_id: int, body: Move, ws: WorkspaceDep) -> dict[str, Any]:
    app = ApplicationService(ws).move(
        application_id, parse_stage(body.stage), round_=body.round, at=_moment(body.at, ws), note=body.note
    )
    return app.to_dict()


@router.post("/applications/{application_id}/close", summary="Close an application: rejected, withdrawn, ghosted")
def close_application(application_id: int, body: Close, ws: WorkspaceDep) -> dict[str, Any]:
    app = ApplicationService(ws).close(
        application_id, parse_outcome(body.outcome), at=_moment(body.at, ws), note=body.note
    )
    return app.to_dict()


@router.get("/stats", summary="The funnel, where rejections happen, response and ghosting rates, by source")
def stats(request: Request, ws: WorkspaceDep) -> JSONResponse:
    cache = request.app.state.web.cache
    return json_response(cache.get("stats", ws, ApplicationService(ws).stats))


@router.post(
    "/analyze/answer",
    summary="Analyse an interview answer",
    description="The score and its breakdown, the STAR part each sentence carries, fillers and hedges, relevance to "
    "the question, the job description's terms used and missed (when `jd` is given) and suggestions.",
)
def analyse_answer(body: AnswerText) -> dict[str, Any]:
    from nextround.analysis.answer import analyze_answer  # analysis modules load on first use: a quick start

    return analyze_answer(body.question, body.answer, body.jd).to_dict()


@router.post(
    "/analyze/feedback",
    summary="Themes in feedback text",
    description="The themes found and the clauses they were read in, whether it is actionable and the actions it "
    "suggests, strengths, what was outside your control, and a summary.",
)
def analyse_feedback(body: FeedbackText) -> dict[str, Any]:
    from nextround.analysis.feedback import analyze_feedback

    return analyze_feedback(body.text).to_dict()


@router.post(
    "/analyze/match",
    summary="Skills asked vs shown",
    description="A score; the job's required and nice-to-have skills; those the CV shows (`matched`), does not show "
    "(`missing`) or leaves unclear; the years and conditions asked for; and an explanation.",
)
def analyse_match(body: MatchTexts) -> dict[str, Any]:
    from nextround.analysis.skillgaps import match

    return match(body.jd, body.cv).to_dict()
