"""Import and export: LinkedIn's applications file and nextround JSON in, a JSON export out."""

from __future__ import annotations

import tempfile
from pathlib import Path

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response
from starlette.datastructures import UploadFile

from nextround.domain.wording import coaching_left_out, imported_beside
from nextround.errors import UserError
from nextround.integrations.files import safe_upload_name
from nextround.integrations.tabular import read_linkedin
from nextround.serialize import dumps
from nextround.services.applications import ApplicationService
from nextround.services.transfer import (
    EXPORT_LIMIT_HOLDS,
    ImportReport,
    export_data,
    export_upload_limit,
    import_applications,
    import_data,
    read_export,
)
from nextround.services.workspace import Workspace
from nextround.web.deps import FormDep, WorkspaceDep
from nextround.web.forms import upload_message
from nextround.web.rendering import render
from nextround.web.security import BodyLimit

router = APIRouter(include_in_schema=False)


# Room in a request body for an import form's other parts (the token, the part headers) around the file.
FORM_ROOM = 64 * 1024
KINDS = ("linkedin", "json")


class UploadError(UserError, ValueError):
    """A form sent without the file it needs."""


class UploadTooLarge(UploadError):
    """A file over the import limit."""


def import_limit(kind: str, ws_max_import_bytes: int) -> int:
    """The largest file a page imports: a nextround export may be larger than other files (services.transfer)."""
    return export_upload_limit(ws_max_import_bytes) if kind == "json" else ws_max_import_bytes


def too_large(kind: str, max_bytes: int) -> str:
    """What a person hears when a file is over the limit: the limit, and what to do about it."""
    limit = f"{max_bytes // (1024 * 1024)} MB"
    if kind == "json":
        return (
            f"This file is larger than {limit}, the most a nextround export can be to import here. "
            f"A nextround export stays under {limit} up to about {EXPORT_LIMIT_HOLDS}, so check that you chose "
            "a nextround export (its name starts with nextround-export). If it is one, whoever runs this "
            "nextround can raise the limit with the NEXTROUND_MAX_IMPORT_MB setting."
        )
    return (
        f"This file is larger than {limit}, the most a file can be to import here. LinkedIn's applications file "
        "is far smaller: check that you chose Job Applications.csv from the archive, not the whole archive."
    )


def transfer_limits(max_import_bytes: int) -> dict[str, BodyLimit]:
    """The request body limits of the import forms (web.security's guard): each file's limit, plus the form."""
    limits = {kind: import_limit(kind, max_import_bytes) for kind in KINDS}
    return {
        f"/transfer/{kind}": BodyLimit(limit + FORM_ROOM, too_large(kind, limit), back="/transfer")
        for kind, limit in limits.items()
    }


def _saved(upload: object, folder: Path, kind: str, max_bytes: int) -> Path:
    """The uploaded file copied to `folder` a piece at a time (the body size was already limited by the guard)."""
    if not isinstance(upload, UploadFile) or not upload.filename:
        raise UploadError("choose a file to import first")
    path = folder / safe_upload_name(upload.filename)
    copied = 0
    with path.open("wb") as out:
        while chunk := upload.file.read(1024 * 1024):  # already spooled to disk by the form parser
            copied += len(chunk)
            if copied > max_bytes:
                raise UploadTooLarge(too_large(kind, max_bytes))
            out.write(chunk)
    return path


def also_imported(report: ImportReport) -> str:
    """'2 contacts, 1 piece of feedback and 4 journal entries': what came in beside the applications."""
    return imported_beside(report.others_added or {})


def _page(request: Request, ws: Workspace, context: dict[str, object], status: int = 200) -> HTMLResponse:
    """The import and export page, saying each import's size limit beside its form."""
    limits = {f"{kind}_limit_mb": import_limit(kind, ws.settings.max_import_bytes) // (1024 * 1024) for kind in KINDS}
    return render(request, "transfer.html", {**context, **limits}, status=status)


@router.get("/transfer", response_class=HTMLResponse)
def transfer(request: Request, ws: WorkspaceDep) -> HTMLResponse:
    return _page(request, ws, {"report": None, "error": None})


@router.post("/transfer/{kind}", response_class=HTMLResponse)
def import_file(request: Request, kind: str, ws: WorkspaceDep, form: FormDep) -> HTMLResponse:
    with tempfile.TemporaryDirectory(prefix="nextround-upload-") as folder:
        try:
            if kind not in KINDS:
                raise UploadError(f"unknown import kind {kind!r}; use linkedin or json")
            max_bytes = import_limit(kind, ws.settings.max_import_bytes)
            path = _saved(form.get("file"), Path(folder), kind, max_bytes)
            if kind == "linkedin":
                items = read_linkedin(path, max_bytes=max_bytes, tz=ws.now().tzinfo)
                report = import_applications(ws, items)
            else:
                report = import_data(ws, read_export(path, max_bytes))
        except UserError as exc:
            message = upload_message(str(exc), folder)
            status = 413 if isinstance(exc, UploadTooLarge) else 422
            return _page(request, ws, {"report": None, "error": message}, status=status)
    # Years of history come in open and long silent: each would be a "follow up" on Today. Say so, once.
    service = ApplicationService(ws)
    silent = 0 if service.preferences().auto_close_ghosted else len(service.likely_ghosted())
    context = {"report": report, "also": also_imported(report), "error": None, "kind": kind, "silent": silent}
    if report.coaching_left_out:
        context["left_out"] = coaching_left_out(report.coaching_left_out)
    return _page(request, ws, context)


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
