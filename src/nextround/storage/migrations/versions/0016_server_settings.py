"""server settings: the shared server's own AI coach and outgoing mail, set up by its administrators

Revision ID: 0016
Revises: 0015

What the Server settings page saves (address and model of the AI coach; mail server, port, encryption, user and
sender). Never a password or a key: those stay in the OS keyring or the environment. The table belongs to no one,
like `admin_events` (on Citus a reference table). Only adds.
"""

import sqlalchemy as sa
from alembic import op

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "server_settings",
        sa.Column("key", sa.String(length=100), nullable=False),
        sa.Column("value", sa.JSON(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("key"),
    )


def downgrade() -> None:
    op.drop_table("server_settings")
