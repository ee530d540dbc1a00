"""Every row a person owns, out as plain JSON values and back in, with ids remapped.

Generic over the schema: a table takes part when it has an `owner_id` column, so a new table is
exported, imported and restored without touching this module. Foreign keys between owned tables are
remapped to the new ids; a row whose parent was skipped as a duplicate is skipped with it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import Date, DateTime, Table, delete, insert, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from nextround.errors import UserError
from nextround.storage.tables import Base

# Natural keys that make a merge-import skip rows already present.
DEDUPE_COLUMNS: Mapping[str, str] = {"applications": "dedupe_key", "contacts": "dedupe_key"}
UPSERT_KEYS: Mapping[str, str] = {"user_settings": "key"}


class SnapshotError(UserError, ValueError):
    """An export whose rows do not fit the schema; the message names the table and row."""


def owned_tables() -> list[Table]:
    """Owned tables, parents before children."""
    return [t for t in Base.metadata.sorted_tables if "owner_id" in t.c and t.name != "users"]


def _to_json(value: Any) -> Any:
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
            {key: _to_json(value) for key, value in row._mapping.items() if key != "owner_id"} for row in rows
        ]
    return tables


def _converter(column: Any) -> Callable[[Any], Any] | None:
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


def delete_owner(session: Session, owner_id: int) -> None:
    for table in reversed(owned_tables()):
        session.execute(delete(table).where(table.c.owner_id == owner_id))


def load_owner(session: Session, owner_id: int, tables: Mapping[str, list[dict[str, Any]]]) -> LoadReport:
    """Insert rows for `owner_id`, merging with what is there (duplicates by natural key are skipped)."""
    known = {t.name: t for t in owned_tables()}
    unknown = set(tables) - set(known)
    if unknown:
        raise SnapshotError(f"unknown table(s) in export: {', '.join(sorted(unknown))}")
    id_maps: dict[str, dict[Any, int]] = {}
    skipped_ids: dict[str, set[Any]] = {}
    report = LoadReport()
    for table in owned_tables():
        rows = tables.get(table.name, [])
        id_map: dict[Any, int] = {}
        skipped: set[Any] = set()
        id_maps[table.name] = id_map
        skipped_ids[table.name] = skipped
        if not rows:
            continue
        columns = {c.name: c for c in table.c}
        converters = {name: conv for name, c in columns.items() if (conv := _converter(c)) is not None}
        foreign = {fk.parent.name: fk.column.table.name for fk in table.foreign_keys if fk.column.table.name in known}
        existing = _existing_keys(session, table, owner_id)
        fresh: list[dict[str, Any]] = []
        old_ids: list[Any] = []
        for n, raw in enumerate(rows, start=1):
            where = f"{table.name} row {n}"
            if not isinstance(raw, dict):
                raise SnapshotError(f"{where}: not an object")
            extra = set(raw) - set(columns)
            if extra:
                raise SnapshotError(f"{where}: unknown column(s): {', '.join(sorted(extra))}")
            values = dict(raw)
            old_id = values.pop("id", None)
            skip = False
            for column_name, parent in foreign.items():
                old_parent = values.get(column_name)
                if old_parent is None:
                    continue
                if old_parent in skipped_ids[parent]:
                    skip = True
                    break
                if old_parent not in id_maps[parent]:
                    raise SnapshotError(f"{where}: refers to {parent} id {old_parent}, which is not in the file")
                values[column_name] = id_maps[parent][old_parent]
            natural = _natural_key(table.name, values)
            if natural is not None and natural in existing and table.name in UPSERT_KEYS:
                update = table.update().where(table.c.id == existing[natural])
                session.execute(update.values(**_convert(values, converters)))
                report.added[table.name] = report.added.get(table.name, 0) + 1
                continue
            if skip or (natural is not None and natural in existing):
                # Already here (or its parent is): skip it, and its children with it.
                skipped.add(old_id)
                report.skipped[table.name] = report.skipped.get(table.name, 0) + 1
                continue
            if natural is not None:
                existing[natural] = -1  # a duplicate later in the same file is skipped too
            try:
                fresh.append({**_convert(values, converters), "owner_id": owner_id})
            except (TypeError, ValueError) as exc:
                raise SnapshotError(f"{where}: {exc}") from None
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
    return report


def _convert(values: dict[str, Any], converters: Mapping[str, Callable[[Any], Any]]) -> dict[str, Any]:
    return {k: (converters[k](v) if k in converters else v) for k, v in values.items()}


def _natural_key(table: str, values: Mapping[str, Any]) -> Any:
    column = DEDUPE_COLUMNS.get(table) or UPSERT_KEYS.get(table)
    if column is None:
        return None
    value = values.get(column)
    return value or None


def _existing_keys(session: Session, table: Table, owner_id: int) -> dict[Any, int]:
    column = DEDUPE_COLUMNS.get(table.name) or UPSERT_KEYS.get(table.name)
    if column is None:
        return {}
    rows = session.execute(select(table.c[column], table.c.id).where(table.c.owner_id == owner_id))
    return {key: row_id for key, row_id in rows if key}
