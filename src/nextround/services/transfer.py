"""Imports, exports, backups. Each import is one transaction: it lands whole or not at all."""

from __future__ import annotations

import csv
import json
import sqlite3
import tempfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time
from pathlib import Path
from typing import Any

from nextround import __version__
from nextround.domain.applications import (
    FIELD_NAMES,
    Application,
    ApplicationFields,
    dedupe_key,
    parse_channel,
    parse_work_model,
)
from nextround.domain.stages import (
    EventSource,
    Outcome,
    Stage,
    StageEvent,
    derive_state,
    opening_events,
)
from nextround.errors import UserError
from nextround.integrations.files import check_size, decode, read_limited, write_text_atomically
from nextround.integrations.tabular import ImportedApplication, ImportFileError, spreadsheet_cell
from nextround.serialize import OMIT_NONE, dumps
from nextround.services.row_rules import check_rows
from nextround.services.workspace import Workspace
from nextround.storage.db import HEAD_REVISION, Database
from nextround.storage.repositories import (
    ApplicationRepository,
    fields_to_columns,
    state_to_columns,
)
from nextround.storage.snapshot import SnapshotError, check_snapshot, delete_owner, dump_owner, load_owner

EXPORT_FORMAT = "nextround-export"
EXPORT_VERSION = 1
SQLITE_MAGIC = b"SQLite format 3\x00"
# About 120,000 applications with their history, or 15,000 with as many practice answers (an answer stores
# its analysis: about 5 kB); parsing one this size needs about 1 GB of memory.
EXPORT_MAX_BYTES = 128 * 1024 * 1024
# The largest nextround export a page imports (the command line takes up to EXPORT_MAX_BYTES), unless the
# import limit setting is higher. bench/bench_transfer.py, applications with job descriptions and histories,
# 250-word practice answers: 10,000 + 10,000 export to 81.3 MB and import in 10 s at a peak of 375 MiB;
# 12,000 + 12,000 to 97.5 MB, 8 s, 437 MiB; 20,000 + 20,000 to 163 MB, 32 s, 685 MiB (times are noisy on a
# shared machine). About 4 bytes of memory per byte of file: 100 MB keeps one import under about 450 MiB and
# holds more than twice a heavy 5,000 + 5,000 workspace (40.6 MB).
EXPORT_UPLOAD_MAX_BYTES = 100 * 1024 * 1024
EXPORT_LIMIT_HOLDS = "12,000 applications with as many practice answers"


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


def _history(item: ImportedApplication, now: datetime) -> list[StageEvent]:
    """The row's dated steps when it has them (a nextround CSV export), else a plausible history for a row
    that only says where it ended: all steps on the day applied."""
    if item.history:
        zone = (item.applied_at or now).tzinfo
        events, state = [], Stage.SAVED.value
        for day, to_state, round_ in item.history:
            moment = datetime.combine(day, time(12, 0), tzinfo=zone)
            events.append(StageEvent(state, to_state, moment, EventSource.IMPORT, round_))
            state = to_state
        return events
    applied_at = item.applied_at or now
    events = opening_events(item.stage, applied_at, applied_at, None, EventSource.IMPORT)
    if item.outcome is not None:
        closed_at = applied_at
        if item.closed_on is not None:
            closed_at = max(applied_at, datetime.combine(item.closed_on, time(12, 0), tzinfo=applied_at.tzinfo))
        origin = events[-1].to_state if events else Stage.SAVED.value
        events.append(StageEvent(origin, item.outcome.value, closed_at, EventSource.IMPORT))
    return events


def import_applications(ws: Workspace, items: Sequence[ImportedApplication]) -> ImportReport:
    """Store parsed rows, skipping ones already present (by job URL, else company + role + date)."""
    now = ws.now()
    with ws.db.write() as session:
        repo = ApplicationRepository(session, ws.owner_id)
        seen = repo.dedupe_keys()
        rows: list[dict[str, Any]] = []
        histories: list[list[StageEvent]] = []
        for item in items:
            applied_on = item.applied_at.date() if item.applied_at and item.stage is not Stage.SAVED else None
            key = dedupe_key(item.fields, applied_on)
            if key in seen:
                continue
            seen.add(key)
            history = _history(item, now)
            rows.append(
                {
                    **fields_to_columns(item.fields),
                    **state_to_columns(derive_state(history)),
                    "created_at": now,
                    "applied_on": applied_on,
                    "dedupe_key": key,
                }
            )
            histories.append(history)
        ids = repo.add_many(rows)
        repo.add_events(((app_id, e) for app_id, events in zip(ids, histories, strict=True) for e in events), now=now)
    return ImportReport(added=len(rows), duplicates=len(items) - len(rows), total=len(items))


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


def export_upload_limit(max_import_bytes: int) -> int:
    """The largest nextround export a page imports, given the import limit for other files."""
    return max(max_import_bytes, EXPORT_UPLOAD_MAX_BYTES)


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


# -- CSV: one row per application, its history readable by a person ------------------------------

CSV_COLUMNS = (
    "id", "company", "role", "applied_on", "stage", "outcome", "rejected_at_stage", "closed_on",
    "history", "source", "source_detail", "job_url", "location", "work_model", "seniority",
    "salary_min", "salary_max", "currency", "cv_version", "tags", "excitement", "contact_email", "notes",
)  # fmt: skip


def history_text(app: Application) -> str:
    """`2024-10-03 applied; 2024-10-10 screening; 2024-10-20 rejected` — proof of activity with dates."""
    parts = []
    for event in app.events:
        label = event.to_state + (f" (round {event.round})" if event.round else "")
        parts.append(f"{event.occurred_at.astimezone().date().isoformat()} {label}")
    return "; ".join(parts)


def export_csv(ws: Workspace, path: Path) -> int:
    text, count = export_csv_text(ws)
    write_text_atomically(path, text)
    return count


def export_csv_text(ws: Workspace) -> tuple[str, int]:
    """One CSV row per application as text, and how many rows."""
    with ws.db.read() as session:
        repo = ApplicationRepository(session, ws.owner_id)
        events = repo.events_by_application()
        apps = [
            Application(a.id, a.fields, a.created_at, a.applied_on, a.state, tuple(events.get(a.id, ())))
            for a in repo.find()
        ]
    buffer = _CsvBuffer()
    writer = csv.DictWriter(buffer, fieldnames=CSV_COLUMNS, extrasaction="ignore")
    writer.writeheader()
    for app in apps:
        row = app.to_dict(with_history=False)
        row["history"] = history_text(app)
        row["tags"] = ", ".join(app.fields.tags)
        writer.writerow({k: _cell(row.get(k)) for k in CSV_COLUMNS})
    return buffer.text(), len(apps)


def _cell(value: Any) -> Any:
    if value is None:
        return ""
    return spreadsheet_cell(value) if isinstance(value, str) else value


class _CsvBuffer:
    def __init__(self) -> None:
        self.parts: list[str] = []

    def write(self, text: str) -> int:
        self.parts.append(text)
        return len(text)

    def text(self) -> str:
        return "".join(self.parts)


# -- Backup and restore ---------------------------------------------------------------------------


def _sqlite_path(db: Database) -> Path:
    database = db.engine.url.database
    if not database or database == ":memory:":
        raise TransferError("this database lives in memory; there is nothing on disk to back up")
    return Path(database)


def backup(ws: Workspace, path: Path) -> str:
    """SQLite: a consistent online copy of the database file. PostgreSQL: a JSON export."""
    path = path.expanduser()
    if ws.db.dialect != "sqlite":
        export_json(ws, path)
        return "json"
    if path.is_dir():
        raise TransferError(f"{path} is a folder; give a file name")
    if not path.parent.is_dir():  # else the error names the temporary file beside it, not the folder
        raise TransferError(f"no such folder: {path.parent}")
    try:
        with tempfile.NamedTemporaryFile(dir=path.parent, delete=False, suffix=".tmp") as handle:
            temporary = Path(handle.name)
        try:
            _copy_sqlite(_sqlite_path(ws.db), temporary)
            temporary.replace(path)
        finally:
            temporary.unlink(missing_ok=True)
    except (OSError, sqlite3.Error) as exc:  # a full or read-only disk
        raise TransferError(f"cannot write {path}: {getattr(exc, 'strerror', None) or exc}") from None
    return "sqlite"


def check_backup(ws: Workspace, path: Path) -> str:
    """The kind of backup `path` is ("sqlite" or "json"), read and checked as `restore` would, writing nothing:
    so a damaged or wrong file is said before anyone is asked to replace their data with it."""
    return describe_backup(ws, path).kind


@dataclass(frozen=True, slots=True)
class BackupSummary:
    """What a checked backup holds, for the question before a restore: its kind, when it was made (the
    export's moment; for an SQLite file, its newest stage change, as the file keeps no date of its own),
    and rows per table."""

    kind: str
    made_at: datetime | None
    counts: dict[str, int]


def describe_backup(ws: Workspace, path: Path) -> BackupSummary:
    """`path` checked as `restore` would check it, writing nothing, and what it holds."""
    path = path.expanduser()
    if _backup_kind(ws, path) == "sqlite":
        _check_sqlite_backup(path)
        return _sqlite_summary(path)
    data = read_export(path, ws.settings.max_import_bytes)
    counts = {name: len(rows) for name, rows in data.tables.items() if isinstance(rows, list)}
    return BackupSummary("json", _moment(data.exported_at), counts)


def owned_counts(ws: Workspace) -> Mapping[str, int]:
    """Rows per table of this owner's data: what a restore would replace."""
    from sqlalchemy import func, select

    from nextround.storage.snapshot import owned_tables

    with ws.db.read() as session:
        return {
            table.name: int(
                session.scalar(select(func.count()).select_from(table).where(table.c.owner_id == ws.owner_id)) or 0
            )
            for table in owned_tables()
        }


def _moment(text: object) -> datetime | None:
    try:
        moment = datetime.fromisoformat(str(text))
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _sqlite_summary(path: Path) -> BackupSummary:
    """Rows per table of a checked SQLite backup, read only; a local database holds one person's data."""
    from nextround.storage.snapshot import owned_tables

    check = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        present = {row[0] for row in check.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        counts = {
            table.name: int(check.execute(f'SELECT count(*) FROM "{table.name}"').fetchone()[0])
            for table in owned_tables()
            if table.name in present
        }
        newest = (
            check.execute("SELECT max(occurred_at) FROM stage_events").fetchone() if "stage_events" in present else None
        )
    finally:
        check.close()
    return BackupSummary("sqlite", _moment(newest[0]) if newest and newest[0] else None, counts)


def _backup_kind(ws: Workspace, path: Path) -> str:
    """ "sqlite" for an SQLite file (which only an SQLite workspace can take), otherwise "json"."""
    check_size(path, max(ws.settings.max_import_bytes, 2 * 1024 * 1024 * 1024))
    with path.open("rb") as handle:
        magic = handle.read(len(SQLITE_MAGIC))
    if magic != SQLITE_MAGIC:
        return "json"
    if ws.db.dialect != "sqlite":
        raise TransferError("an SQLite backup cannot be restored into PostgreSQL; use a JSON export")
    return "sqlite"


def restore(ws: Workspace, path: Path) -> str:
    """Replace this workspace's data with a backup (SQLite file or JSON export); its kind."""
    return restore_backup(ws, path).kind


@dataclass(frozen=True, slots=True)
class RestoreReport:
    """The kind of backup restored, and where the data it replaced was kept (SQLite; None on PostgreSQL)."""

    kind: str
    kept: Path | None


def restore_backup(ws: Workspace, path: Path) -> RestoreReport:
    """Replace this workspace's data with a backup (SQLite file or JSON export).

    The backup is checked whole before the live data is touched, and on SQLite the live file is first
    copied aside under a timestamped name: every restore can be undone, however many there were.
    """
    path = path.expanduser()
    if _backup_kind(ws, path) == "sqlite":
        return RestoreReport("sqlite", _restore_sqlite(ws, path))
    data = read_export(path, ws.settings.max_import_bytes)
    kept = _keep_before_restore(ws) if ws.db.dialect == "sqlite" else None
    try:
        import_data(ws, data, replace_all=True)
    except BaseException:  # a refused row, Ctrl-C: nothing was replaced, so a copy would only say it was
        if kept is not None:
            kept.unlink(missing_ok=True)
        raise
    return RestoreReport("json", kept)


def _keep_before_restore(ws: Workspace) -> Path:
    """A copy of the live database beside it, named by the moment, never overwriting an earlier one."""
    live = _sqlite_path(ws.db)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    kept = live.with_name(f"{live.stem}.before-restore-{stamp}.db")
    _copy_sqlite(live, kept)
    return kept


def _check_sqlite_backup(path: Path) -> None:
    """A readable, intact nextround database at a schema revision this version knows, its rows owned."""
    try:
        check = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        raise TransferError(f"{path} cannot be opened ({exc})") from None
    try:
        verdict = check.execute("PRAGMA integrity_check").fetchone()
        if verdict is None or verdict[0] != "ok":
            raise TransferError(f"{path} is damaged (SQLite integrity check: {verdict[0] if verdict else '?'})")
        tables = {row[0] for row in check.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if not {"applications", "users", "alembic_version"} <= tables:
            raise TransferError(f"{path} is an SQLite file but not a nextround backup")
        row = check.execute("SELECT version_num FROM alembic_version").fetchone()
        revision = str(row[0]) if row else None
        from nextround.storage.migrate import known_revisions  # Alembic loads only when a restore needs it

        if revision not in known_revisions():
            raise TransferError(
                f"{path} was made by a newer nextround (schema {revision}); upgrade nextround, then restore it"
            )
        if check.execute("PRAGMA foreign_key_check").fetchone() is not None:
            raise TransferError(f"{path} has rows that belong to no one (foreign key check failed)")
        if check.execute("SELECT count(*) FROM users").fetchone()[0] < 1:
            raise TransferError(f"{path} has no owner for its data")
    except sqlite3.DatabaseError as exc:
        raise TransferError(f"{path} is not a readable SQLite database ({exc})") from None
    finally:
        check.close()


def _restore_sqlite(ws: Workspace, path: Path) -> Path:
    _check_sqlite_backup(path)
    target_path = _sqlite_path(ws.db)
    # Bring a copy of the backup to this version's schema first: if that fails, nothing live was touched.
    with tempfile.TemporaryDirectory(dir=target_path.parent, prefix=".restore-") as folder:
        staged = Path(folder) / "staged.db"
        _copy_sqlite(path, staged)
        staged_db = Database.open(f"sqlite:///{staged}")
        staged_db.dispose()
        ws.db.dispose()
        kept = _keep_before_restore(ws)
        _copy_sqlite(staged, target_path)
    ws.db.migrate()
    return kept


def _copy_sqlite(source_path: Path, target_path: Path) -> None:
    """SQLite's online backup: a consistent copy even while another process has the file open."""
    source = sqlite3.connect(source_path)
    target = sqlite3.connect(target_path)
    try:
        with target:
            source.backup(target)
    finally:
        source.close()
        target.close()
