"""Import and export: LinkedIn's applications file and nextround JSON in, a JSON export out; a backup
downloaded, and restored after a question that says what the backup holds and what it replaces."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Mapping
from pathlib import Path

from fastapi import APIRouter, Request
from fastapi.responses import FileResponse, HTMLResponse, Response
from starlette.background import BackgroundTask
from starlette.datastructures import UploadFile

from nextround.domain.feedback_requests import join_names
from nextround.domain.wording import IMPORTED_WORDS, coaching_left_out, imported_beside
from nextround.errors import UserError
from nextround.integrations.files import safe_upload_name
from nextround.integrations.tabular import read_linkedin
from nextround.serialize import dumps
from nextround.services import pending_restore
from nextround.services.applications import ApplicationService
from nextround.services.transfer import (
    EXPORT_LIMIT_HOLDS,
    ImportReport,
    backup,
    describe_backup,
    export_data,
    export_upload_limit,
    import_applications,
    import_data,
    owned_counts,
    read_export,
    restore_backup,
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
            "nextround can raise the limit when they start it."
        )
    return (
        f"This file is larger than {limit}, the most a file can be to import here. LinkedIn's applications file "
        "is far smaller: check that you chose Job Applications.csv from the archive, not the whole archive."
    )


def transfer_limits(max_import_bytes: int) -> dict[str, BodyLimit]:
    """The request body limits of the import forms (web.security's guard): each file's limit, plus the form."""
    limits = {kind: import_limit(kind, max_import_bytes) for kind in KINDS}
    backup_limit = export_upload_limit(max_import_bytes)
    return {
        **{
            f"/transfer/{kind}": BodyLimit(limit + FORM_ROOM, too_large(kind, limit), back="/transfer")
            for kind, limit in limits.items()
        },
        "/restore": BodyLimit(backup_limit + FORM_ROOM, too_large_backup(backup_limit), back="/transfer#restore"),
    }


def too_large_backup(max_bytes: int) -> str:
    return (
        f"This file is larger than {max_bytes // (1024 * 1024)} MB, the most a backup can be to restore here; "
        "check that you chose a nextround backup. Nothing was changed."
    )


def _saved(upload: object, folder: Path, kind: str, max_bytes: int) -> Path:
    """The uploaded file copied to `folder` a piece at a time (the body size was already limited by the guard)."""
    if not isinstance(upload, UploadFile) or not upload.filename:
        raise UploadError("choose a file to import first" if kind in KINDS else "choose a backup file first")
    path = folder / safe_upload_name(upload.filename)
    copied = 0
    with path.open("wb") as out:
        while chunk := upload.file.read(1024 * 1024):  # already spooled to disk by the form parser
            copied += len(chunk)
            if copied > max_bytes:
                raise UploadTooLarge(too_large(kind, max_bytes) if kind in KINDS else too_large_backup(max_bytes))
            out.write(chunk)
    return path


def also_imported(report: ImportReport) -> str:
    """'2 contacts, 1 piece of feedback and 4 journal entries': what came in beside the applications."""
    return imported_beside(report.others_added or {})


def _page(request: Request, ws: Workspace, context: dict[str, object], status: int = 200) -> HTMLResponse:
    """The import and export page, saying each import's size limit beside its form."""
    limits = {f"{kind}_limit_mb": import_limit(kind, ws.settings.max_import_bytes) // (1024 * 1024) for kind in KINDS}
    limits["backup_limit_mb"] = export_upload_limit(ws.settings.max_import_bytes) // (1024 * 1024)
    page = {"restore_error": None, "whole_file": _whole_file_backup(ws), **context, **limits}
    return render(request, "transfer.html", page, status=status)


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


# -- Backup and restore: the command line's `backup` and `restore`, with the question asked on a page --------


def _whole_file_backup(ws: Workspace) -> bool:
    """A local SQLite workspace backs up as its database file (as `nextround backup` does); anywhere else, and
    always on a shared server, the backup is the person's own JSON export, never the whole database."""
    return ws.db.dialect == "sqlite" and not ws.settings.shared_server


@router.get("/backup")
def download_backup(ws: WorkspaceDep) -> Response:
    day = ws.now().date().isoformat()
    no_store = {"cache-control": "no-store"}  # everything the person owns: no browser or proxy may keep it
    if not _whole_file_backup(ws):
        return Response(
            dumps(export_data(ws), indent=1),
            media_type="application/json",
            headers={"content-disposition": f'attachment; filename="nextround-backup-{day}.json"', **no_store},
        )
    folder = Path(tempfile.mkdtemp(prefix="nextround-backup-"))
    path = folder / "backup.sqlite"
    backup(ws, path)
    return FileResponse(
        path,
        media_type="application/vnd.sqlite3",
        filename=f"nextround-backup-{day}.sqlite",
        headers=no_store,
        background=BackgroundTask(_remove, folder),
    )


def _remove(folder: Path) -> None:
    shutil.rmtree(folder, ignore_errors=True)


def _restore_error(request: Request, ws: Workspace, message: str, status: int = 422) -> HTMLResponse:
    return _page(request, ws, {"report": None, "error": None, "restore_error": message}, status=status)


@router.post("/restore", response_class=HTMLResponse)
def restore_upload(request: Request, ws: WorkspaceDep, form: FormDep) -> HTMLResponse:
    """Check the backup as `restore` will, hold it under a one-time token, and ask before replacing anything."""
    with tempfile.TemporaryDirectory(prefix="nextround-upload-") as folder:
        try:
            path = _saved(form.get("file"), Path(folder), "backup", export_upload_limit(ws.settings.max_import_bytes))
            summary = describe_backup(ws, path)
            token = pending_restore.hold(ws, path)
        except UserError as exc:
            status = 413 if isinstance(exc, UploadTooLarge) else 422
            return _restore_error(request, ws, upload_message(str(exc), folder), status)
    context = {"summary": summary, "holds": holds(summary.counts), "token": token, "here": holds(owned_counts(ws)),
               "whole_file": _whole_file_backup(ws), "name": path.name}  # fmt: skip
    return render(request, "restore_confirm.html", context)


@router.post("/restore/confirm", response_class=HTMLResponse)
def restore_confirm(request: Request, ws: WorkspaceDep, form: FormDep) -> HTMLResponse:
    token = form.get("token")
    try:
        with pending_restore.claimed(ws, token if isinstance(token, str) else "") as path:
            report = restore_backup(ws, path)
            name = path.name
    except UserError as exc:
        return _restore_error(request, ws, f"{exc} Nothing was changed." if "Nothing" not in str(exc) else str(exc))
    context = {"report": report, "name": name, "holds": holds(owned_counts(ws))}
    return render(request, "restore_done.html", context)


def holds(counts: Mapping[str, int]) -> str:
    """'12 applications, 3 contacts and 4 journal entries': rows per table in a person's words."""
    applications = counts.get("applications", 0)
    named = [(counts[table], one, more) for table, one, more in IMPORTED_WORDS if counts.get(table)]
    parts = [f"{applications} application{'' if applications == 1 else 's'}"]
    return join_names(parts + [f"{n} {one if n == 1 else more}" for n, one, more in named])
