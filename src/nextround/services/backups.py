"""Backup and restore: on SQLite a consistent copy of the database file, on PostgreSQL a JSON export
(services.exports). A backup is checked whole, writing nothing, before anyone is asked to replace their data
with it, and on SQLite the live file is copied aside first, so every restore can be undone."""

from __future__ import annotations

import sqlite3
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from nextround.integrations.files import check_size
from nextround.services.exports import TransferError, export_json, import_data, read_export
from nextround.services.workspace import Workspace
from nextround.storage.db import Database

SQLITE_MAGIC = b"SQLite format 3\x00"


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
