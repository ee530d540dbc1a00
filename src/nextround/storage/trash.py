"""Delete a row with everything that belongs to it, keeping a copy that puts it all back (undo).

Which rows belong to a row is read from the schema: a foreign key with `ondelete="CASCADE"` pulls the child
rows in (an application's stage events, interviews, feedback requests, reflections), recursively; one with
`ondelete="SET NULL"` only loses its link (a journal entry about the application stays, unlinked). The copy
holds the rows as they were, ids included, so a restore puts them back exactly and links the unlinked again.
Deletes are explicit, children first, so both engines behave the same whatever their cascade settings.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Table, delete, insert, select, update
from sqlalchemy.orm import Session

from nextround.errors import UserError
from nextround.storage.reads import NotFoundError
from nextround.storage.snapshot import column_converter, owned_tables, to_json_value


@dataclass(frozen=True, slots=True)
class Unlinked:
    """A row that kept living but lost its link to a deleted row: put the link back on restore."""

    table: str
    row_id: Any
    column: str
    value: Any


@dataclass(frozen=True, slots=True)
class DeletedRows:
    """What one delete removed: rows by table (parents first) and the links it cut."""

    table: str
    row_id: int
    rows: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    unlinked: tuple[Unlinked, ...] = ()

    @property
    def top(self) -> dict[str, Any]:
        return self.rows[self.table][0]

    def count(self, table: str) -> int:
        return len(self.rows.get(table, []))


def delete_with_copy(session: Session, table: Table, row_id: int, owner_id: int) -> DeletedRows:
    """Delete the owner's row `row_id` of `table` and what belongs to it; unknown or another's id: NotFoundError."""
    tables = owned_tables()
    top = session.execute(select(table).where(table.c.id == row_id, table.c.owner_id == owner_id)).mappings().first()
    if top is None:
        raise NotFoundError(f"nothing with id {row_id} to delete")
    taken: dict[str, list[dict[str, Any]]] = {table.name: [dict(top)]}
    unlinked: list[Unlinked] = []
    # sorted_tables puts parents first, so one pass finds grandchildren after their parents
    for child in tables:
        for fk in child.foreign_keys:
            parent = fk.column.table.name
            if parent not in taken or parent == child.name:
                continue
            ids = [row[fk.column.name] for row in taken[parent]]
            matching = (
                session.execute(select(child).where(fk.parent.in_(ids), child.c.owner_id == owner_id)).mappings().all()
            )
            if not matching:
                continue
            if (fk.ondelete or "").upper() == "CASCADE":
                known = {row["id"] for row in taken.get(child.name, [])}
                taken.setdefault(child.name, []).extend(dict(r) for r in matching if r["id"] not in known)
            else:
                unlinked += [Unlinked(child.name, r["id"], fk.parent.name, r[fk.parent.name]) for r in matching]
    by_name = {t.name: t for t in tables}
    for link in unlinked:
        t = by_name[link.table]
        session.execute(update(t).where(t.c.owner_id == owner_id, t.c.id == link.row_id).values({link.column: None}))
    order = [t.name for t in tables if t.name in taken]
    for name in reversed(order):
        t = by_name[name]
        session.execute(delete(t).where(t.c.id.in_([r["id"] for r in taken[name]]), t.c.owner_id == owner_id))
    rows = {name: taken[name] for name in order}
    # a row both cascaded and unlinked (deleted anyway) needs no link back
    kept = tuple(u for u in unlinked if u.row_id not in {r["id"] for r in rows.get(u.table, [])})
    return DeletedRows(table.name, row_id, rows, kept)


class RestoreError(UserError):
    """The deleted rows cannot go back (something took their place meanwhile)."""


def restore(session: Session, deleted: DeletedRows) -> None:
    """Put the rows back as they were, ids included, and re-link what lost its link. One transaction."""
    by_name = {t.name: t for t in owned_tables()}
    for name, rows in deleted.rows.items():
        session.execute(insert(by_name[name]), rows)
    owner_id = deleted.top["owner_id"]
    for link in deleted.unlinked:
        t = by_name[link.table]
        mine = (t.c.owner_id == owner_id, t.c.id == link.row_id)  # the primary key on PostgreSQL
        session.execute(update(t).where(*mine).values({link.column: link.value}))


def encode_rows(rows: DeletedRows) -> dict[str, Any]:
    """Deleted rows as JSON (dates and moments as ISO text; the table's column types bring them back)."""
    return {
        "table": rows.table,
        "row_id": rows.row_id,
        "rows": {
            name: [{k: to_json_value(v) for k, v in row.items()} for row in items] for name, items in rows.rows.items()
        },
        "unlinked": [[u.table, u.row_id, u.column, u.value] for u in rows.unlinked],
    }


def decode_rows(data: dict[str, Any]) -> DeletedRows:
    tables = {t.name: t for t in owned_tables()}
    rows: dict[str, list[dict[str, Any]]] = {}
    for name, items in data["rows"].items():
        converters = {c.name: f for c in tables[name].columns if (f := column_converter(c)) is not None}
        rows[name] = [{k: converters[k](v) if k in converters else v for k, v in row.items()} for row in items]
    unlinked = tuple(Unlinked(*item) for item in data["unlinked"])
    return DeletedRows(data["table"], data["row_id"], rows, unlinked)
