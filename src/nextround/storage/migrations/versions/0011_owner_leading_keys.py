"""owner-leading primary and foreign keys on PostgreSQL (the shape Citus needs to distribute by owner)

Revision ID: 0011
Revises: 0010

On PostgreSQL every table with an owner gets the primary key (owner_id, id), and every foreign key from such a
table to another one (owner_id, x) -> (owner_id, id), so each row and everything it points at live on the shard
of their owner (docs/multi-user.md). Ids keep their sequences and no row changes. ON DELETE stays as it was:
CASCADE stays CASCADE, and SET NULL names its column (PostgreSQL 15), since owner_id itself must stay.

SQLite keeps `id` alone: a one-person database is never distributed, SQLite numbers rows only on a one-column
INTEGER PRIMARY KEY, and its ON DELETE SET NULL would null owner_id as well. Keys to `users` (owner_id,
coach_id) stay as they are: on Citus `users` is a reference table.

The tables are found by looking, not listed: whatever has an owner_id at this revision.
"""

from alembic import op
from sqlalchemy import inspect
from sqlalchemy.engine.interfaces import ReflectedForeignKeyConstraint

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None

OWNER = "owner_id"


def upgrade() -> None:
    _rekey(owner_led=True)


def downgrade() -> None:
    _rekey(owner_led=False)


def _rekey(*, owner_led: bool) -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    inspector = inspect(op.get_bind())
    owned = sorted(t for t in inspector.get_table_names() if OWNER in {c["name"] for c in inspector.get_columns(t)})
    # every foreign key from one owned table to another (not those to users); they hang on the primary keys
    keys = [(t, fk) for t in owned for fk in inspector.get_foreign_keys(t) if fk["referred_table"] in owned]
    primary = {t: str(inspector.get_pk_constraint(t)["name"]) for t in owned}
    for table, fk in keys:
        op.drop_constraint(_name(fk), table, type_="foreignkey")
    lead = [OWNER] if owner_led else []
    for table in owned:
        op.drop_constraint(primary[table], table, type_="primary")
        op.create_primary_key(primary[table], table, [*lead, "id"])
    for table, fk in keys:
        column = fk["constrained_columns"][-1]
        ondelete = fk["options"].get("ondelete")
        if (ondelete or "").upper().startswith("SET NULL"):  # PostgreSQL 15: clear that column, not the owner
            ondelete = f"SET NULL ({column})" if owner_led else "SET NULL"
        op.create_foreign_key(_name(fk), table, fk["referred_table"], [*lead, column], [*lead, "id"], ondelete=ondelete)


def _name(fk: ReflectedForeignKeyConstraint) -> str:
    assert fk["name"], "PostgreSQL names every constraint"
    return fk["name"]
