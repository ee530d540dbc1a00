"""The application listing read straight from an SQLite file with the standard library.

`nextround app list` is the command people and scripts run most. Loading SQLAlchemy costs more than
the whole query, so on SQLite this module answers it with `sqlite3` alone, returning exactly what
`ApplicationRepository.summaries` returns (a test compares the two on the same database). Anything
unusual — a schema that is not current, no local user yet — returns None and the caller takes the
ordinary path.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

from nextround.domain.applications import SUMMARY_COLUMNS, ApplicationSummary, summary_from_row

_DATETIME_COLUMNS = frozenset({"created_at", "closed_at", "last_activity_at"})


def _iso_utc(stored: str | None) -> str | None:
    """SQLAlchemy's SQLite text for a UTC moment (`2024-10-03 14:15:00.000000`) as `datetime.isoformat()`
    writes the same aware moment (`2024-10-03T14:15:00+00:00`), without building a datetime per value."""
    if stored is None:
        return None
    base, dot, micro = stored.partition(".")
    if dot and micro.strip("0"):
        base = f"{base}.{micro.ljust(6, '0')[:6]}"
    return base.replace(" ", "T", 1) + "+00:00"


def list_summaries(
    database: Path,
    *,
    head_revision: str,
    username: str,
    stage: str | None = None,
    outcome: str | None = None,
    open_only: bool = False,
    closed_only: bool = False,
    company: str | None = None,
    hide_rejected_key: str | None = None,
) -> list[ApplicationSummary] | None:
    """Listing rows for the local user, or None when the fast path does not apply.

    `hide_rejected_key` names the user setting that, when true, leaves rejected applications out.
    """
    if not database.is_file():
        return None
    try:
        conn = sqlite3.connect(f"file:{database}?mode=ro", uri=True, timeout=30)
    except sqlite3.Error:
        return None
    try:
        revision = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        if revision is None or revision[0] != head_revision:
            return None
        user = conn.execute("SELECT id FROM users WHERE username = ?", (username,)).fetchone()
        if user is None:
            return None
        owner_id = user[0]
        where = ["owner_id = ?"]
        params: list[Any] = [owner_id]
        if stage is not None:
            where.append("stage = ?")
            params.append(stage)
        if outcome is not None:
            where.append("outcome = ?")
            params.append(outcome)
        if open_only:
            where.append("outcome IS NULL")
        if closed_only:
            where.append("outcome IS NOT NULL")
        if company:
            where.append("instr(lower(company), ?) > 0")
            params.append(company.lower())
        if hide_rejected_key and _setting_is_true(conn, owner_id, hide_rejected_key):
            where.append("(outcome IS NULL OR outcome != 'rejected')")
        sql = f"SELECT {', '.join(SUMMARY_COLUMNS)} FROM applications WHERE {' AND '.join(where)} ORDER BY id"
        rows = conn.execute(sql, params).fetchall()
    except sqlite3.Error:
        return None
    finally:
        conn.close()
    return [summary_from_row(_decode(row)) for row in rows]


def _setting_is_true(conn: sqlite3.Connection, owner_id: int, key: str) -> bool:
    row = conn.execute("SELECT value FROM user_settings WHERE owner_id = ? AND key = ?", (owner_id, key)).fetchone()
    return bool(row and json.loads(row[0]).get("v"))


def _decode(row: tuple[Any, ...]) -> dict[str, Any]:
    values = dict(zip(SUMMARY_COLUMNS, row, strict=True))
    for name in _DATETIME_COLUMNS:
        values[name] = _iso_utc(values[name])
    tags = values["tags"]
    values["tags"] = json.loads(tags) if tags and tags != "[]" else []
    return values


def setting_is_on(database: Path, username: str, key: str) -> bool:
    """Whether a boolean user setting is on, read without SQLAlchemy; False when it cannot be read."""
    try:
        conn = sqlite3.connect(f"file:{database}?mode=ro", uri=True, timeout=30)
        try:
            user = conn.execute("SELECT id FROM users WHERE username = ?", (username,)).fetchone()
            return bool(user) and _setting_is_true(conn, user[0], key)
        finally:
            conn.close()
    except sqlite3.Error:
        return False
