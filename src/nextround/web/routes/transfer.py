"""Import and export: LinkedIn's applications file and nextround JSON in, a JSON export out."""

from __future__ import annotations

import tempfile
from pathlib import Path

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response
from starlette.datastructures import UploadFile

from nextround.errors import UserError
from nextround.integrations.files import safe_upload_name
from nextround.integrations.tabular import read_linkedin
from nextround.serialize import dumps
from nextround.services.applications import ApplicationService
from nextround.services.transfer import export_data, import_applications, import_data, read_export
from nextround.services.workspace import Workspace
from nextround.web.deps import FormDep, WorkspaceDep
from nextround.web.forms import upload_message
from nextround.web.rendering import render

router = APIRouter(include_in_schema=False)


class UploadError(UserError, ValueError):
    """A form sent without the file it needs."""


def _saved(upload: object, folder: Path, ws: Workspace) -> Path:
    """The uploaded file written to `folder` (the body size was already limited by the guard)."""
    if not isinstance(upload, UploadFile) or not upload.filename:
        raise UploadError("choose a file to import first")
    data = upload.file.read(ws.settings.max_import_bytes + 1)  # already spooled by the form parser
    if len(data) > ws.settings.max_import_bytes:
        raise UploadError(f"the file is larger than {ws.settings.max_import_bytes // (1024 * 1024)} MB")
    path = folder / safe_upload_name(upload.filename)
    path.write_bytes(data)
    return path


@router.get("/transfer", response_class=HTMLResponse)
def transfer(request: Request) -> HTMLResponse:
    return render(request, "transfer.html", {"report": None, "error": None})


@router.post("/transfer/{kind}", response_class=HTMLResponse)
def import_file(request: Request, kind: str, ws: WorkspaceDep, form: FormDep) -> HTMLResponse:
    with tempfile.TemporaryDirectory(prefix="nextround-upload-") as folder:
        try:
            path = _saved(form.get("file"), Path(folder), ws)
            if kind == "linkedin":
                items = read_linkedin(path, max_bytes=ws.settings.max_import_bytes, tz=ws.now().tzinfo)
                report = import_applications(ws, items)
            elif kind == "json":
                report = import_data(ws, read_export(path, ws.settings.max_import_bytes))
            else:
                raise UploadError(f"unknown import kind {kind!r}; use linkedin or json")
        except UserError as exc:
            message = upload_message(str(exc), folder)
            return render(request, "transfer.html", {"report": None, "error": message}, status=422)
    # Years of history come in open and long silent: each would be a "follow up" on Today. Say so, once.
    service = ApplicationService(ws)
    silent = 0 if service.preferences().auto_close_ghosted else len(service.likely_ghosted())
    return render(request, "transfer.html", {"report": report, "error": None, "kind": kind, "silent": silent})


@router.get("/export.json")
def export_json(ws: WorkspaceDep) -> Response:
    data = export_data(ws)
    day = ws.now().date().isoformat()
    return Response(
        dumps(data, indent=1),
        media_type="application/json",
        # Everything the person owns: no browser or proxy cache may keep a copy.
        headers={
            "content-disposition": f'attachment; filename="nextround-export-{day}.json"',
            "cache-control": "no-store",
        },
    )
