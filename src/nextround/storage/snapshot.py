"""Every row a person owns, out as plain JSON values and back in, with ids remapped.

Generic over the schema: a table takes part when it has an `owner_id` column, so a new table is
exported, imported and restored without touching this module. Foreign keys between owned tables are
remapped to the new ids; a row whose parent was skipped as a duplicate is skipped with it.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Column,
    Date,
    DateTime,
    Float,
    Integer,
    String,
    Table,
    Text,
    delete,
    insert,
    select,
)
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from nextround.domain.dates import EARLIEST_YEAR, LATEST_YEAR, in_window
from nextround.errors import UserError
from nextround.storage.tables import ACCOUNT_TABLES, Base, Prose, SingleLine, strip_controls

# What makes two rows the same thing, so that importing a file twice adds nothing the second time.
# Foreign keys in a natural key compare after remapping to this database's ids. A table not listed
# (a new one) is keyed by all of its content, which is never wrong, only stricter.
NATURAL_KEYS: Mapping[str, tuple[str, ...]] = {
    "applications": ("dedupe_key",),
    "stage_events": ("application_id", "to_state", "occurred_at"),
    "user_settings": ("key",),
    "contacts": ("dedupe_key",),
    "application_contacts": ("application_id", "contact_id"),
    "interactions": ("contact_id", "channel", "occurred_at"),
    "interviews": ("application_id", "scheduled_at"),
    "feedback_requests": ("application_id", "drafted_at"),
    "feedback": ("application_id", "received_at", "text"),
    "cvs": ("name", "created_at"),
    "reflections": ("application_id",),
    "goals": ("title", "created_at"),
    "custom_questions": ("text", "created_at"),
    "practice_sessions": ("started_at", "focus"),
    "practice_answers": ("question_key", "answered_at"),
    "watches": ("company", "board", "board_token"),
    "seen_postings": ("watch_id", "posting_id"),
    "journal_entries": ("kind", "created_at", "text"),
}
# A setting in the file replaces the one stored under the same key.
UPSERT_TABLES = frozenset({"user_settings"})
# Rows that are part of their parent: when the parent is already here, so are they.
OWNED_BY_PARENT = frozenset({"stage_events"})


class SnapshotError(UserError, ValueError):
    """An export whose rows do not fit the schema; the message names the table and row."""


class RowError(SnapshotError):
    """One value in one row that breaks a rule: `contacts row 3, linkedin_url: not a web address`."""

    def __init__(self, table: str, row: int, field: str | None, message: str) -> None:
        where = f"{table} row {row}" + (f", {field}" if field else "")
        super().__init__(f"{where}: {message}", field=field)
        self.table = table
        self.row = row


# Portable ranges: what both SQLite and PostgreSQL store in these column types.
INTEGER_MAX = 2**31 - 1
BIGINT_MAX = 2**63 - 1
MAX_TEXT_CHARS = 2_000_000  # bigger than any text the forms accept; the table rules are stricter
MAX_JSON_DEPTH = 12
INVALID_CHARACTER = "holds a character that is not valid Unicode (a lone surrogate such as \\ud800)"


# A lone surrogate: JSON may spell one (`"\\ud800"`), but no database stores it and UTF-8 cannot encode it.
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def _has_lone_surrogate(value: Any) -> bool:
    if isinstance(value, str):
        return _LONE_SURROGATE.search(value) is not None
    if isinstance(value, dict):
        return any(_has_lone_surrogate(k) or _has_lone_surrogate(v) for k, v in value.items())
    if isinstance(value, list):
        return any(_has_lone_surrogate(v) for v in value)
    return False


def _json_depth(value: Any, depth: int = 0) -> int:
    if depth > MAX_JSON_DEPTH:
        return depth
    if isinstance(value, dict):
        return max((_json_depth(v, depth + 1) for v in value.values()), default=depth + 1)
    if isinstance(value, list):
        return max((_json_depth(v, depth + 1) for v in value), default=depth + 1)
    return depth


def _column_problem(column: Column[Any], value: Any) -> str | None:
    """Why `value` cannot go into `column`, judged by its type alone; None when it can."""
    if value is None:
        return None if column.nullable or column.primary_key else "is required"
    kind = getattr(column.type, "impl", column.type)  # the storage decorators wrap String, Text, DateTime
    if isinstance(kind, Boolean):
        return None if isinstance(value, bool) else "must be true or false"
    if isinstance(kind, Integer):  # BigInteger is an Integer
        limit = BIGINT_MAX if isinstance(kind, BigInteger) else INTEGER_MAX
        if isinstance(value, bool) or not isinstance(value, int):
            return "must be a whole number"
        return None if -limit - 1 <= value <= limit else f"is out of range (at most {limit})"
    if isinstance(kind, Float):
        if isinstance(value, bool) or not isinstance(value, int | float):
            return "must be a number"
        return None if math.isfinite(value) and abs(value) < 1e15 else "must be a finite number"
    if isinstance(kind, Date):
        if not isinstance(value, str):
            return "must be a date (YYYY-MM-DD)"
        try:
            day = date.fromisoformat(value)
        except ValueError:
            return f"is not a date: {value[:40]!r}"
        return None if in_window(day) else f"is outside the years {EARLIEST_YEAR}-{LATEST_YEAR}"
    if isinstance(kind, DateTime):
        if not isinstance(value, str):
            return "must be a date and time (ISO 8601)"
        try:
            moment = datetime.fromisoformat(value)
        except ValueError:
            return f"is not a date and time: {value[:40]!r}"
        return None if in_window(moment.date()) else f"is outside the years {EARLIEST_YEAR}-{LATEST_YEAR}"
    if isinstance(kind, JSON):
        if _json_depth(value) > MAX_JSON_DEPTH:
            return "is nested too deeply"
        return INVALID_CHARACTER if _has_lone_surrogate(value) else None
    if isinstance(kind, String):  # Text is a String too
        if not isinstance(value, str):
            return "must be text"
        if _has_lone_surrogate(value):
            return INVALID_CHARACTER
        limit = kind.length if kind.length and not isinstance(kind, Text) else MAX_TEXT_CHARS
        return None if len(value) <= limit else f"is longer than {limit} characters"
    return None


def check_snapshot(tables: Mapping[str, Any], filled_in: Mapping[str, frozenset[str]] | None = None) -> None:
    """Every table is known, every row an object whose values fit their columns; else a RowError.

    `filled_in` names columns the caller computes when absent (an application's cached state).
    """
    known = {t.name: t for t in owned_tables()}
    unknown = set(tables) - set(known)
    if unknown:
        raise SnapshotError(f"unknown table(s) in export: {', '.join(sorted(str(u)[:40] for u in unknown))}")
    for name, rows in tables.items():
        if not isinstance(rows, list):
            raise SnapshotError(f"{name} must be a list of rows")
        table = known[name]
        columns = {c.name for c in table.columns if c.name != "owner_id"}
        first_with: dict[Any, int] = {}  # id -> the first row with it
        for n, raw in enumerate(rows, start=1):
            if not isinstance(raw, dict):
                raise RowError(name, n, None, "not an object")
            extra = set(raw) - columns
            if extra:
                raise RowError(name, n, None, f"unknown column(s): {', '.join(sorted(str(e)[:40] for e in extra))}")
            check_row_types(table, n, raw, (filled_in or {}).get(name, frozenset()))
            # Two different rows under one id: the rows that point at it could belong to either, so one would
            # be merged into the other, or dropped, without a word. The same row twice loses nothing.
            first = n if raw.get("id") is None else first_with.setdefault(raw["id"], n)
            if first != n and rows[first - 1] != raw:
                raise RowError(name, n, "id", f"{raw['id']} is also the id of row {first}, a different row")


def check_row_types(table: Table, row: int, raw: Mapping[str, Any], optional: frozenset[str] = frozenset()) -> None:
    """Every value fits its column's type, size and date window, and no required column is missing.

    The same on both engines: SQLite would store a string in an INTEGER column, PostgreSQL would not.
    """
    for column in table.columns:
        if column.name == "owner_id":
            continue
        if column.name not in raw:
            if (
                column.name not in optional
                and not column.nullable
                and column.default is None
                and not column.primary_key
            ):
                raise RowError(table.name, row, column.name, "is missing")
            continue
        problem = _column_problem(column, raw[column.name])
        if problem is not None:
            raise RowError(table.name, row, column.name, problem)


def owned_tables() -> list[Table]:
    """Owned tables, parents before children."""
    return [
        t
        for t in Base.metadata.sorted_tables
        if "owner_id" in t.c and t.name != "users" and t.name not in ACCOUNT_TABLES
    ]


def to_json_value(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return value


def dump_owner(session: Session, owner_id: int) -> dict[str, list[dict[str, Any]]]:
    tables: dict[str, list[dict[str, Any]]] = {}
    for table in owned_tables():
        rows = session.execute(select(table).where(table.c.owner_id == owner_id).order_by(table.c.id))
        tables[table.name] = [
            {key: to_json_value(value) for key, value in row._mapping.items() if key != "owner_id"} for row in rows
        ]
    return tables


def column_converter(column: Any) -> Callable[[Any], Any] | None:
    if isinstance(column.type, Date):
        return lambda v: date.fromisoformat(v) if isinstance(v, str) else v
    if isinstance(getattr(column.type, "impl", column.type), DateTime):

        def to_moment(v: Any) -> Any:
            if not isinstance(v, str):
                return v
            moment = datetime.fromisoformat(v)
            return moment if moment.tzinfo else moment.replace(tzinfo=UTC)

        return to_moment
    return None


@dataclass
class LoadReport:
    added: dict[str, int] = field(default_factory=dict)
    skipped: dict[str, int] = field(default_factory=dict)
    # old id in the file -> id stored, per table (rows attached to them elsewhere follow them)
    id_maps: dict[str, dict[Any, int]] = field(default_factory=dict)


def delete_owner(session: Session, owner_id: int) -> None:
    for table in reversed(owned_tables()):
        session.execute(delete(table).where(table.c.owner_id == owner_id))


def load_owner(session: Session, owner_id: int, tables: Mapping[str, list[dict[str, Any]]]) -> LoadReport:
    """Insert rows for `owner_id` (checked first with `check_snapshot`), merging with what is there.

    A row whose natural key is already stored is not inserted again; its id maps to the stored row, so
    its children attach there and are themselves deduplicated (importing the same file twice adds
    nothing). A stage history belongs wholly to its application: it is skipped with a duplicate one.
    """
    known = {t.name: t for t in owned_tables()}
    unknown = set(tables) - set(known)
    if unknown:
        raise SnapshotError(f"unknown table(s) in export: {', '.join(sorted(unknown))}")
    id_maps: dict[str, dict[Any, int]] = {}
    duplicate_ids: dict[str, set[Any]] = {}
    report = LoadReport(id_maps=id_maps)
    for table in owned_tables():
        rows = tables.get(table.name, [])
        id_map: dict[Any, int] = {}
        duplicates: set[Any] = set()
        id_maps[table.name] = id_map
        duplicate_ids[table.name] = duplicates
        if not rows:
            continue
        columns = {c.name: c for c in table.c if c.name != "owner_id"}
        converters = {name: conv for name, c in columns.items() if (conv := column_converter(c)) is not None}
        foreign = {fk.parent.name: fk.column.table.name for fk in table.foreign_keys if fk.column.table.name in known}
        key_columns = natural_key_columns(table)
        existing = _existing_keys(session, table, owner_id, key_columns)
        pending: dict[tuple[Any, ...], Any] = {}  # natural key -> old id of its first row in this file
        aliases: dict[Any, Any] = {}  # old id of a repeat in this file -> old id of its first row
        fresh: list[dict[str, Any]] = []
        old_ids: list[Any] = []
        for n, raw in enumerate(rows, start=1):
            where = f"{table.name} row {n}"
            values = dict(raw)
            old_id = values.pop("id", None)
            belongs_to_duplicate = False
            for column_name, parent in foreign.items():
                old_parent = values.get(column_name)
                if old_parent is None:
                    continue
                if old_parent not in id_maps[parent]:
                    raise RowError(table.name, n, column_name, f"refers to {parent} id {old_parent}, not in the file")
                belongs_to_duplicate |= old_parent in duplicate_ids[parent] and table.name in OWNED_BY_PARENT
                values[column_name] = id_maps[parent][old_parent]
            try:
                converted = _convert(values, converters)
            except (TypeError, ValueError) as exc:
                raise SnapshotError(f"{where}: {exc}") from None
            natural = _key_of(table, key_columns, converted)
            if belongs_to_duplicate:
                duplicates.add(old_id)
                report.skipped[table.name] = report.skipped.get(table.name, 0) + 1
                continue
            if natural in existing:
                stored_id = existing[natural]
                if table.name in UPSERT_TABLES:
                    mine = (table.c.owner_id == owner_id, table.c.id == stored_id)  # the key on PostgreSQL
                    session.execute(table.update().where(*mine).values(**converted))
                    report.added[table.name] = report.added.get(table.name, 0) + 1
                else:
                    report.skipped[table.name] = report.skipped.get(table.name, 0) + 1
                id_map[old_id] = stored_id
                duplicates.add(old_id)
                continue
            if natural in pending:
                aliases[old_id] = pending[natural]
                duplicates.add(old_id)
                report.skipped[table.name] = report.skipped.get(table.name, 0) + 1
                continue
            pending[natural] = old_id
            fresh.append({**converted, "owner_id": owner_id})
            old_ids.append(old_id)
        if fresh:
            statement = insert(table).returning(table.c.id, sort_by_parameter_order=True)
            try:
                new_ids = list(session.scalars(statement, fresh))
            except IntegrityError as exc:  # the whole import rolls back with it
                detail = str(exc.orig).strip().splitlines()[0]
                raise SnapshotError(f"{table.name}: a row does not fit the schema ({detail})") from None
            id_map.update(zip(old_ids, new_ids, strict=True))
            report.added[table.name] = report.added.get(table.name, 0) + len(fresh)
        for repeat, first in aliases.items():
            id_map[repeat] = id_map[first]
    return report


def _convert(values: dict[str, Any], converters: Mapping[str, Callable[[Any], Any]]) -> dict[str, Any]:
    return {k: (converters[k](v) if k in converters else v) for k, v in values.items()}


def natural_key_columns(table: Table) -> tuple[str, ...]:
    """The columns that say two rows are the same thing; for a table without its own, all of its content."""
    return NATURAL_KEYS.get(table.name) or tuple(c.name for c in table.columns if c.name not in ("id", "owner_id"))


def _key_part(column: Column[Any], value: Any) -> Any:
    """A value as the database would store and return it, so a file's row and a stored row compare equal."""
    if isinstance(value, str):
        if isinstance(column.type, SingleLine):
            return strip_controls(value)
        if isinstance(column.type, Prose):
            return value.replace("\x00", "")
        return value
    if isinstance(value, datetime):
        return value.astimezone(UTC) if value.tzinfo else value.replace(tzinfo=UTC)
    if isinstance(value, dict | list):
        return json.dumps(value, sort_keys=True, ensure_ascii=False)
    return value


def _missing(column: Column[Any]) -> Any:
    """What the database stores for a column a row leaves out."""
    default = column.default
    return default.arg if default is not None and default.is_scalar else None  # type: ignore[attr-defined]


def _key_of(table: Table, key_columns: tuple[str, ...], values: Mapping[str, Any]) -> tuple[Any, ...]:
    return tuple(
        _key_part(table.c[name], values[name] if name in values else _missing(table.c[name])) for name in key_columns
    )


def _existing_keys(session: Session, table: Table, owner_id: int, key_columns: tuple[str, ...]) -> dict[Any, int]:
    columns = [table.c[name] for name in key_columns]
    rows = session.execute(select(*columns, table.c.id).where(table.c.owner_id == owner_id))
    found: dict[Any, int] = {}
    for row in rows:
        values = dict(zip(key_columns, row[:-1], strict=True))
        found.setdefault(_key_of(table, key_columns, values), row[-1])
    return found
