"""administrators: the admin role and last sign-in on users, one-time password-reset links, the admin log

Revision ID: 0015
Revises: 0014

Administration moves into the browser (the Accounts page). Only adds: no account is an administrator until
`nextround admin grant-admin` (or `create-user --admin`) makes the first one. The last sign-in of an existing
account is taken from its newest session, the best that is known.

`password_resets` is owned (by the account it resets): on PostgreSQL its key is (owner_id, id), as migration
0011 made every owned table's. `admin_events` belongs to no one, like `invitations` (on Citus a reference table).
"""

import sqlalchemy as sa
from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Plain ADD COLUMN, never a batch rebuild of `users` (migration 0007 says why).
    op.add_column("users", sa.Column("is_admin", sa.Boolean(), server_default=sa.false(), nullable=False))
    op.add_column("users", sa.Column("last_sign_in_at", sa.DateTime(timezone=True), nullable=True))
    op.execute(
        "UPDATE users SET last_sign_in_at = "
        "(SELECT max(web_sessions.created_at) FROM web_sessions WHERE web_sessions.owner_id = users.id)"
    )
    op.create_table(
        "password_resets",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("owner_id", sa.Integer(), nullable=False),
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("used_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(["owner_id"], ["users.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("owner_id", "token_hash"),
    )
    if op.get_bind().dialect.name == "postgresql":
        op.drop_constraint("password_resets_pkey", "password_resets", type_="primary")
        op.create_primary_key("password_resets_pkey", "password_resets", ["owner_id", "id"])
    op.create_table(
        "admin_events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("actor_id", sa.Integer(), nullable=True),
        sa.Column("via", sa.String(length=10), nullable=False),
        sa.Column("action", sa.String(length=30), nullable=False),
        sa.Column("target_id", sa.Integer(), nullable=True),
        sa.Column("target_email", sa.String(length=300), nullable=True),
        sa.ForeignKeyConstraint(["actor_id"], ["users.id"], ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["target_id"], ["users.id"], ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_admin_events_at", "admin_events", ["at"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_admin_events_at", table_name="admin_events")
    op.drop_table("admin_events")
    op.drop_table("password_resets")
    for column in ("last_sign_in_at", "is_admin"):
        op.drop_column("users", column)  # SQLite 3.35+ drops a column in place (no rebuild, see upgrade)
