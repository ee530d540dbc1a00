"""coach_links.decline_seen_at: when the job seeker saw that the coach declined

Revision ID: 0018
Revises: 0017

A decline counts in the navigation's "Sharing (n new)" like an unread coach comment, until the job seeker opens
the Sharing page, which says who declined. Only adds; declines made before this migration count as seen.
"""

import sqlalchemy as sa
from alembic import op

revision = "0018"
down_revision = "0017"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("coach_links") as batch:
        batch.add_column(sa.Column("decline_seen_at", sa.DateTime(timezone=True), nullable=True))
    # Old declines were shown on the Sharing page already: they are not news now.
    op.execute("UPDATE coach_links SET decline_seen_at = declined_at WHERE declined_at IS NOT NULL")


def downgrade() -> None:
    with op.batch_alter_table("coach_links") as batch:
        batch.drop_column("decline_seen_at")
