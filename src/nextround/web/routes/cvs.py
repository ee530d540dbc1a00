"""The JSON API for CVs: list, read, add (as text), rename or make primary, and match a job against any of them.

Deleting a CV (with an undo token) is `DELETE /api/v1/cvs/{id}` in web/routes/deletion.py; the pages for CVs
are on the Insights page (web/routes/insights.py).
"""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field

from nextround.services import insight
from nextround.web.deps import WorkspaceDep
from nextround.web.errors import ERROR_RESPONSES
from nextround.web.responses import json_response

router = APIRouter(prefix="/api/v1", responses=ERROR_RESPONSES, tags=["cvs"])


class NewCv(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: str = Field(description="What to call it, e.g. Bakery CV", max_length=insight.MAX_NAME)
    text: str = Field(description="The CV's text", max_length=insight.MAX_CV_CHARS)
    primary: bool = Field(False, description="Make it the CV jobs are matched against by default")


class CvChange(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: str | None = Field(None, description="A new name", max_length=insight.MAX_NAME)
    primary: bool | None = Field(None, description="true makes it the main CV (the others stop being)")


@router.get("/cvs", summary="Your CVs (without their text), the primary one marked")
def list_cvs(ws: WorkspaceDep) -> JSONResponse:
    return json_response({"cvs": insight.list_cvs(ws)})


@router.post("/cvs", status_code=201, summary="Add a CV from its text; the first one becomes the primary CV")
def add_cv(body: NewCv, ws: WorkspaceDep) -> JSONResponse:
    added = insight.add_cv_text(ws, body.text, name=body.name, primary=body.primary)
    return json_response(added, status_code=201)


@router.get("/cvs/{cv_id}", summary="One CV with its text and the skills recognised in it")
def get_cv(cv_id: int, ws: WorkspaceDep) -> JSONResponse:
    return json_response(insight.get_cv(ws, cv_id))


@router.patch("/cvs/{cv_id}", summary="Rename a CV or make it the primary one")
def change_cv(cv_id: int, body: CvChange, ws: WorkspaceDep) -> JSONResponse:
    changed = insight.change_cv(ws, cv_id, name=body.name, primary=body.primary)
    return json_response(changed)


@router.get("/applications/{application_id}/match", summary="An application's job against a CV (default: primary)")
def match_application(application_id: int, ws: WorkspaceDep, cv_id: int | None = None) -> JSONResponse:
    return json_response(insight.match_application(ws, application_id, cv_id))
