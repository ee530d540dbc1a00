"""The nextround JSON export: every table the person owns, written whole and read back whole. A file is read
with a byte limit, its envelope checked, then every row checked as the forms would (an export of the first
nextround is read too); an import is one transaction, merging or replacing: it lands whole or not at all."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from nextround import __version__
from nextround.domain.applications import FIELD_NAMES, ApplicationFields, dedupe_key, parse_channel, parse_work_model
from nextround.domain.stages import EventSource, Outcome, Stage, StageEvent, derive_state
from nextround.errors import UserError
from nextround.integrations.files import decode, read_limited, write_text_atomically
from nextround.integrations.tabular import ImportFileError
from nextround.serialize import OMIT_NONE, dumps
from nextround.services.row_rules import check_rows
from nextround.services.workspace import Workspace
from nextround.storage.db import HEAD_REVISION
from nextround.storage.repositories import fields_to_columns, state_to_columns
from nextround.storage.snapshot import SnapshotError, check_snapshot, delete_owner, dump_owner, load_owner

EXPORT_FORMAT = "nextround-export"
EXPORT_VERSION = 1
SQLITE_MAGIC = b"SQLite format 3\x00"
# About 120,000 applications with their history, or 15,000 with as many practice answers (an answer stores
# its analysis: about 5 kB); parsing one this size needs about 1 GB of memory.
EXPORT_MAX_BYTES = 128 * 1024 * 1024


class TransferError(UserError, ValueError):
    """An export or backup that cannot be written or read back."""


@dataclass(frozen=True, slots=True)
class ImportReport:
    """Applications added and skipped, and (from a nextround export) the rows added to every other table by
    name: a file whose applications are all here may still bring contacts, feedback or journal entries."""

    added: int
    duplicates: int
    total: int
    others_added: dict[str, int] | None = field(default=None, metadata=OMIT_NONE)  # None: not an export
    # Coach comments and audit-log entries of the file not imported (storage.coaching_snapshot says why).
    coaching_left_out: int | None = field(default=None, metadata=OMIT_NONE)


# -- JSON: lossless, every table the person owns ------------------------------------------------


@dataclass(frozen=True, slots=True)
class ExportDocument:
    """A nextround JSON export: what wrote it and when, and each table's rows as JSON values.

    The rows stay plain JSON data: they are a file's contents, checked row by row when imported.
    """

    format: str
    version: int
    schema: str
    app_version: str
    exported_at: str
    tables: dict[str, Any]
    # Shared server only (storage.coaching_snapshot): coaches, comments and questions, the audit log. An older
    # nextround reads the file and leaves it out; a local export has no such key.
    coaching: dict[str, Any] | None = field(default=None, metadata=OMIT_NONE)


def export_data(ws: Workspace) -> ExportDocument:
    coaching = None
    with ws.db.read() as session:
        tables = dump_owner(session, ws.owner_id)
        if ws.settings.shared_server:
            from nextround.storage.coaching_snapshot import dump_coaching

            coaching = dump_coaching(session, ws.owner_id)
    return ExportDocument(
        format=EXPORT_FORMAT,
        version=EXPORT_VERSION,
        schema=HEAD_REVISION,
        app_version=__version__,
        exported_at=ws.now().isoformat(),
        tables=tables,
        coaching=coaching,
    )


def export_json_text(ws: Workspace) -> tuple[str, int]:
    """The JSON export as text, and how many applications it holds."""
    data = export_data(ws)
    return dumps(data, indent=1), len(data.tables["applications"])


def export_json(ws: Workspace, path: Path) -> int:
    text, count = export_json_text(ws)
    write_text_atomically(path, text)
    return count


def read_export(path: Path, max_bytes: int) -> ExportDocument:
    """A nextround JSON export. `max_bytes` is the import limit for other files; our own export is allowed
    at least EXPORT_MAX_BYTES, so whatever `export` wrote (50,000 applications are about 54 MB) comes back in."""
    text = decode(read_limited(path, max(max_bytes, EXPORT_MAX_BYTES)), str(path))
    if not text.strip():
        raise ImportFileError(f"{path} is empty")
    return _parse_export(text, str(path))


def _parse_export(text: str, name: str) -> ExportDocument:
    """The export in `text`, its envelope checked; the rows are checked when imported."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ImportFileError(_unreadable(name, text, exc)) from None
    except RecursionError:
        raise ImportFileError(f"{name} is nested too deeply to be a nextround export") from None
    except ValueError as exc:  # e.g. an integer of thousands of digits
        raise ImportFileError(f"{name} is not valid JSON ({str(exc)[:80]})") from None
    if not isinstance(data, dict) or data.get("format") != EXPORT_FORMAT:
        raise ImportFileError(f"{name} is not a nextround JSON export")
    version = data.get("version")
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise ImportFileError(f"{name}: version must be a whole number like {EXPORT_VERSION}, not {version!r:.40}")
    if version > EXPORT_VERSION:
        raise ImportFileError(f"{name} comes from a newer nextround; upgrade to import it")
    if "tables" not in data and isinstance(data.get("applications"), list):
        data = {**data, "tables": _tables_of_first_export(data, name)}
    if not isinstance(data.get("tables"), dict):
        raise ImportFileError(f"{name} has no tables")
    if data.get("coaching") is not None and not isinstance(data["coaching"], dict):
        raise ImportFileError(f"{name}: coaching must be an object")
    return ExportDocument(
        format=EXPORT_FORMAT,
        version=version,
        schema=str(data.get("schema") or ""),
        app_version=str(data.get("app_version") or ""),
        exported_at=str(data.get("exported_at") or ""),
        tables=data["tables"],
        coaching=data.get("coaching"),
    )


def _unreadable(name: str, text: str, exc: json.JSONDecodeError) -> str:
    """Why a file that is not JSON cannot be imported, in the words of what happened to it: another kind of
    file, one cut short (a download or copy that did not finish), or one damaged on the way. A decoder's own
    words ("Unterminated string starting at") mean nothing to the person holding the file."""
    again = "Nothing was imported; export again from nextround, or import an earlier copy."
    if not text.lstrip().startswith("{"):
        return (
            f"{name} is not a nextround export: those are the .json files nextround saves "
            "(named like nextround-export-2024-10-03.json). Nothing was imported."
        )
    # The decoder only calls a string unterminated when it runs into the end of the text.
    if exc.msg.startswith("Unterminated string") or exc.pos >= len(text.rstrip()):
        return f"{name} is cut short: it stops in the middle, at line {exc.lineno}. {again}"
    return f"{name} is damaged at line {exc.lineno} (character {exc.colno}), so it cannot be read. {again}"


def _tables_of_first_export(data: dict[str, Any], name: str) -> dict[str, Any]:
    """The tables of an export written by the first nextround (schema 0001, also version 1): applications
    with their fields and events nested, and settings as one object. Its rows are then checked like any."""
    settings = data.get("settings") or {}
    if not isinstance(settings, dict):
        raise ImportFileError(f"{name}: settings must be an object")
    applications: list[Any] = []
    events: list[Any] = []
    for n, raw in enumerate(data["applications"], start=1):
        fields = raw.get("fields") if isinstance(raw, dict) else None
        if not isinstance(fields, dict) or not isinstance(raw.get("events") or [], list):
            raise ImportFileError(f"{name}: applications row {n}: not an application of a nextround export")
        app_id = raw.get("id", n)
        row = {**fields, "id": app_id, "applied_on": raw.get("applied_on")}
        if raw.get("created_at"):
            row["created_at"] = raw["created_at"]
        applications.append(row)
        for event in raw.get("events") or []:
            if not isinstance(event, dict):
                raise ImportFileError(f"{name}: applications row {n}: an event is not an object")
            moved = {"from_state": event.get("from"), "to_state": event.get("to")}
            rest = {k: v for k, v in event.items() if k not in ("from", "to")}
            events.append({"id": len(events) + 1, "application_id": app_id, **moved, **rest})
    return {
        "applications": applications,
        "stage_events": events,
        "user_settings": [{"id": n, "key": str(key), "value": {"v": value}} for n, (key, value) in
                          enumerate(settings.items(), start=1)],
    }  # fmt: skip


# Columns an import computes when a file leaves them out: the cached state comes from the history.
FILLED_IN: dict[str, frozenset[str]] = {
    "applications": frozenset({"stage", "furthest_stage", "dedupe_key", "created_at"}),
    "stage_events": frozenset({"created_at", "source"}),
}
_VALID_STATES = frozenset({s.value for s in Stage} | {o.value for o in Outcome})


def _checked_applications(tables: dict[str, Any]) -> None:
    """Validate applications and their events, and recompute each one's cached state from its history.

    The cache in a file is never trusted: the events are the truth.
    """
    apps = tables.get("applications") or []
    events = tables.get("stage_events") or []
    if not isinstance(apps, list) or not isinstance(events, list):
        raise ImportFileError("applications and stage_events must be lists")
    history: dict[Any, list[StageEvent]] = {}
    for n, raw in enumerate(events, start=1):
        where = f"stage_events row {n}"
        if not isinstance(raw, dict) or raw.get("to_state") not in _VALID_STATES:
            raise ImportFileError(f"{where}: not a stage event")
        try:
            moment = datetime.fromisoformat(str(raw.get("occurred_at")))
            source = EventSource(raw.get("source", "import"))
        except ValueError as exc:
            raise ImportFileError(f"{where}: {exc}") from None
        raw.setdefault("created_at", raw["occurred_at"])
        raw.setdefault("source", source.value)
        history.setdefault(raw.get("application_id"), []).append(
            StageEvent(raw.get("from_state"), raw["to_state"], moment if moment.tzinfo else moment.replace(tzinfo=UTC),
                       source, raw.get("round"), str(raw.get("note") or ""))
        )  # fmt: skip
    for n, raw in enumerate(apps, start=1):
        where = f"applications row {n}"
        if not isinstance(raw, dict):
            raise ImportFileError(f"{where}: not an object")
        values = {name: raw[name] for name in FIELD_NAMES if name in raw}
        try:
            if values.get("source"):
                values["source"] = parse_channel(values["source"])
            if values.get("work_model"):
                values["work_model"] = parse_work_model(values["work_model"])
            values["tags"] = tuple(values.get("tags") or ())
            fields = ApplicationFields(**{"company": "", "role": "", **values}).validated()
        except (TypeError, UserError) as exc:
            raise ImportFileError(f"{where}: {exc}") from None
        applied_on = raw.get("applied_on")
        raw.update(fields_to_columns(fields))
        raw.update(state_to_columns(derive_state(history.get(raw.get("id"), []))))
        for column in ("closed_at", "first_response_at", "last_activity_at"):
            if isinstance(raw[column], datetime):
                raw[column] = raw[column].isoformat()
        raw["dedupe_key"] = dedupe_key(fields, date.fromisoformat(applied_on) if applied_on else None)
        raw.setdefault("created_at", datetime.now(UTC).isoformat())


def import_data(ws: Workspace, data: ExportDocument, *, replace_all: bool = False) -> ImportReport:
    """Load an export in one transaction, merging with what is here unless `replace_all`."""
    tables = data.tables
    try:
        check_snapshot(tables, FILLED_IN)
        check_rows(tables)  # before the applications are read: tags given as text would become letters
        _checked_applications(tables)
    except SnapshotError as exc:
        raise ImportFileError(str(exc), field=exc.field) from None
    total = len(tables.get("applications") or [])
    with ws.db.write() as session:
        if replace_all:
            delete_owner(session, ws.owner_id)
        try:
            loaded = load_owner(session, ws.owner_id, tables)
        except SnapshotError as exc:
            raise ImportFileError(str(exc)) from None
        left_out = None
        if data.coaching:
            from nextround.storage.coaching_snapshot import CoachingSnapshotError, load_coaching

            try:
                left_out = load_coaching(session, ws.owner_id, data.coaching, loaded.id_maps.get("applications", {}))
            except CoachingSnapshotError as exc:
                raise ImportFileError(str(exc)) from None
    added = loaded.added.get("applications", 0)
    others = {table: count for table, count in sorted(loaded.added.items()) if table != "applications" and count}
    return ImportReport(
        added=added, duplicates=total - added, total=total, others_added=others, coaching_left_out=left_out or None
    )
