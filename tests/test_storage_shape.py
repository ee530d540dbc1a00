"""The schema keeps the shape a database sharded by owner needs (docs/multi-user.md, "Scaling out").

Checked on the migrated database itself, on both engines: every table but the few account-wide ones carries a
non-null owner_id that points at users, and every secondary index and unique constraint starts with owner_id.
On PostgreSQL (the multi-user engine) so do the primary keys, (owner_id, id), and every foreign key between
owned tables, (owner_id, x) -> (owner_id, id). SQLite keeps `id` alone (migration 0011 says why).
And the migrations build exactly what storage/tables.py declares, plus, on PostgreSQL, those owner-led keys.
"""

from __future__ import annotations

from typing import Any

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import (
    Column,
    Engine,
    Float,
    ForeignKey,
    ForeignKeyConstraint,
    Index,
    Integer,
    MetaData,
    PrimaryKeyConstraint,
    Table,
    create_engine,
    inspect,
    select,
)

from nextround.services.workspace import Workspace
from nextround.storage.tables import Base

# Tables about the server rather than one person: the accounts themselves (the distribution key is their id),
# sign-in failures (keyed by address or account name), invitations (no account yet) and the administrators' log.
# Small; on Citus they are reference tables, copied to every node.
ACCOUNT_WIDE = {"users", "sign_in_failures", "invitations", "admin_events", "server_settings"}
# Secondary indexes that look across owners on purpose: a coach's links, by coach (migration 0012). On Citus
# each shard indexes its own rows; the look-up goes to every shard, as docs/multi-user.md says it does.
ACROSS_OWNERS = {("coach_links", "ix_coach_links_coach")}


def test_the_migrations_build_what_the_tables_declare(workspace: Workspace) -> None:
    engine = workspace.db.engine
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        differences = compare_metadata(context, Base.metadata)
    # Float in a migration and Mapped[float] (Double) are the same floating column on both engines
    differences = [d for d in differences if not _float_either_way(d)]
    declared = {_signature(fk) for kind, fk in differences if kind == "add_fk"}
    built = {_signature(fk) for kind, fk in differences if kind == "remove_fk"}
    if engine.dialect.name == "postgresql":
        # every key declared between owned tables is built led by the owner, and that is the only difference
        assert declared and built == {_owner_led(key) for key in declared}
        differences = [d for d in differences if d[0] not in ("add_fk", "remove_fk")]
    assert differences == []


def _signature(fk: Any) -> tuple[str, tuple[str, ...], str, tuple[str, ...], str | None]:
    assert isinstance(fk, ForeignKeyConstraint)
    referred = tuple(element.column.name for element in fk.elements)
    return (fk.table.name, tuple(fk.column_keys), fk.referred_table.name, referred, fk.ondelete)


def _owner_led(key: tuple[str, tuple[str, ...], str, tuple[str, ...], str | None]) -> tuple[Any, ...]:
    table, [column], referred_table, [referred], ondelete = key
    assert referred == "id"
    # SET NULL must not clear the owner too: PostgreSQL 15 names the one column it clears
    ondelete = f"SET NULL ({column})" if ondelete == "SET NULL" else ondelete
    return (table, ("owner_id", column), referred_table, ("owner_id", "id"), ondelete)


def _float_either_way(difference: object) -> bool:
    if not (isinstance(difference, list) and difference and difference[0][0] == "modify_type"):
        return False
    return all(isinstance(kind, Float) for kind in difference[0][-2:])


def shape_problems(engine: Engine, tables: set[str], *, keys: bool) -> list[str]:
    """What in these tables does not lead with the owner; with `keys`, their primary and foreign keys too."""
    inspector = inspect(engine)
    problems = []
    for table in sorted(tables):
        columns = {c["name"]: c for c in inspector.get_columns(table)}
        if "owner_id" not in columns or columns["owner_id"]["nullable"]:
            problems.append(f"{table}: no non-null owner_id")
            continue
        owners = [fk for fk in inspector.get_foreign_keys(table) if fk["constrained_columns"] == ["owner_id"]]
        if [fk["referred_table"] for fk in owners] != ["users"]:
            problems.append(f"{table}: owner_id does not point at users")
        keyed = [(i["name"], i["column_names"]) for i in inspector.get_indexes(table)]
        keyed += [(u["name"], u["column_names"]) for u in inspector.get_unique_constraints(table)]
        problems += [
            f"{table}: {name} {cols} does not lead with owner_id"
            for name, cols in keyed
            if cols[0] != "owner_id" and (table, name) not in ACROSS_OWNERS
        ]
        if keys:
            problems += _key_problems(inspector, table, tables)
    return problems


def _key_problems(inspector: Any, table: str, owned: set[str]) -> list[str]:
    problems = []
    primary = inspector.get_pk_constraint(table)["constrained_columns"]
    if primary != ["owner_id", "id"]:
        problems.append(f"{table}: primary key {primary} is not ['owner_id', 'id']")
    for fk in inspector.get_foreign_keys(table):
        columns, referred = fk["constrained_columns"], fk["referred_columns"]
        if fk["referred_table"] in owned and (columns[0] != "owner_id" or referred[0] != "owner_id"):
            where = f"{fk['referred_table']} {referred}"
            problems.append(f"{table}: foreign key {columns} -> {where} does not lead with owner_id")
    return problems


def test_every_table_leads_with_its_owner(workspace: Workspace) -> None:
    engine = workspace.db.engine
    tables = set(inspect(engine).get_table_names()) - {"alembic_version"}
    assert tables == set(Base.metadata.tables)
    owned = tables - ACCOUNT_WIDE
    on_postgres = engine.dialect.name == "postgresql"
    assert shape_problems(engine, owned, keys=on_postgres) == []
    if not on_postgres:  # SQLite numbers rows only on a one-column INTEGER PRIMARY KEY
        assert {inspect(engine).get_pk_constraint(t)["constrained_columns"] == ["id"] for t in owned} == {True}


def test_the_shape_check_sees_what_breaks_it() -> None:
    engine = create_engine("sqlite://")
    metadata = MetaData()
    Table("users", metadata, Column("id", Integer, primary_key=True))
    stray = Table(
        "notes",
        metadata,
        Column("id", Integer, primary_key=True),
        Column("owner_id", ForeignKey("users.id"), nullable=False),
        Column("topic", Integer),
    )
    Index("ix_notes_topic", stray.c.topic)
    Table("loose", metadata, Column("id", Integer, primary_key=True), Column("owner_id", Integer))
    Table(
        "tags",
        metadata,
        Column("id", Integer),
        Column("owner_id", ForeignKey("users.id"), nullable=False),
        Column("note_id", Integer),
        Column("loose_id", Integer),
        PrimaryKeyConstraint("owner_id", "id"),
        ForeignKeyConstraint(["note_id"], ["notes.id"]),  # a key by id alone: another shard's row
        ForeignKeyConstraint(["owner_id", "loose_id"], ["loose.owner_id", "loose.id"]),  # fine
    )
    metadata.create_all(engine)
    assert shape_problems(engine, {"notes", "loose", "tags"}, keys=False) == [
        "loose: no non-null owner_id",
        "notes: ix_notes_topic ['topic'] does not lead with owner_id",
    ]
    assert shape_problems(engine, {"notes", "tags"}, keys=True) == [
        "notes: ix_notes_topic ['topic'] does not lead with owner_id",
        "notes: primary key ['id'] is not ['owner_id', 'id']",
        "tags: foreign key ['note_id'] -> notes ['id'] does not lead with owner_id",
    ]


def test_every_change_names_the_owner(workspace: Workspace) -> None:
    """Each UPDATE and DELETE of an owned row says whose it is: one shard on Citus, and on PostgreSQL the
    (owner_id, id) primary key's index (a change by id alone could not use it)."""
    from sqlalchemy import event

    from nextround.services import deletion
    from nextround.services.applications import ApplicationService
    from nextround.services.demo import fill_demo

    fill_demo(workspace)
    written: list[str] = []

    def keep(_conn: Any, _cursor: Any, statement: str, *_: Any) -> None:
        if statement.lstrip().upper().startswith(("UPDATE", "DELETE")):
            written.append(" ".join(statement.split()))

    owned = {name for name, table in Base.metadata.tables.items() if "owner_id" in table.c}
    engine = workspace.db.engine
    event.listen(engine, "before_cursor_execute", keep)
    try:
        service = ApplicationService(workspace)
        first = service.names()[0][0]
        service.edit(first, {"notes": "called back"})
        store = deletion.UndoStore()
        for kind, table in deletion.TABLES.items():
            with workspace.db.read() as session:
                row_id = session.scalar(select(table.c.id).where(table.c.owner_id == workspace.owner_id).limit(1))
            done = deletion.delete(workspace, kind, row_id, store)
            deletion.undo(workspace, done.undo_token, store)
        service.delete(first)
    finally:
        event.remove(engine, "before_cursor_execute", keep)
    changes = [s for s in written if (s.split()[1] if s.startswith("UPDATE") else s.split()[2]) in owned]
    assert len(changes) > 10
    assert [s for s in changes if "owner_id" not in s.partition(" WHERE ")[2]] == []
