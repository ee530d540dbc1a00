"""The schema keeps the shape a database sharded by owner needs (docs/multi-user.md, "Scaling out").

Checked on the migrated database itself, on both engines: every table but the few account-wide ones carries a
non-null owner_id that points at users, and every secondary index and unique constraint starts with owner_id.
And the migrations build exactly what storage/tables.py declares.
"""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import Column, Engine, Float, ForeignKey, Index, Integer, MetaData, Table, create_engine, inspect

from nextround.services.workspace import Workspace
from nextround.storage.tables import Base

# Tables about the server rather than one person: the accounts themselves (the distribution key is their id),
# sign-in failures (keyed by address or account name) and invitations (no account yet). Small; on Citus they
# are reference tables, copied to every node.
ACCOUNT_WIDE = {"users", "sign_in_failures", "invitations"}


def test_the_migrations_build_what_the_tables_declare(workspace: Workspace) -> None:
    with workspace.db.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        differences = compare_metadata(context, Base.metadata)
    # Float in a migration and Mapped[float] (Double) are the same floating column on both engines
    assert [d for d in differences if not _float_either_way(d)] == []


def _float_either_way(difference: object) -> bool:
    if not (isinstance(difference, list) and difference and difference[0][0] == "modify_type"):
        return False
    return all(isinstance(kind, Float) for kind in difference[0][-2:])


def shape_problems(engine: Engine, tables: set[str]) -> list[str]:
    """What in these tables does not lead with the owner."""
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
            f"{table}: {name} {cols} does not lead with owner_id" for name, cols in keyed if cols[0] != "owner_id"
        ]
    return problems


def test_every_table_leads_with_its_owner(workspace: Workspace) -> None:
    tables = set(inspect(workspace.db.engine).get_table_names()) - {"alembic_version"}
    assert tables == set(Base.metadata.tables)
    assert shape_problems(workspace.db.engine, tables - ACCOUNT_WIDE) == []


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
    metadata.create_all(engine)
    assert shape_problems(engine, {"notes", "loose"}) == [
        "loose: no non-null owner_id",
        "notes: ix_notes_topic ['topic'] does not lead with owner_id",
    ]
