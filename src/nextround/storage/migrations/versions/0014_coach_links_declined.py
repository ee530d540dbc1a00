"""coach_links.declined_at: when the invited coach said no

Revision ID: 0014
Revises: 0013

A coach could only accept an invitation. Declining ends the link as withdrawing does (withdrawn_at is set
too, so every check of a live link stays as it is) and records that it was the coach who said no, which the
job seeker sees on the Sharing page.
"""

import sqlalchemy as sa
from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("coach_links") as batch:
        batch.add_column(sa.Column("declined_at", sa.DateTime(timezone=True), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("coach_links") as batch:
        batch.drop_column("declined_at")
