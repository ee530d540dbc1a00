"""an index on coach_links.coach_id

Revision ID: 0012
Revises: 0011

A coach's pages look their links up by coach_id (the caseload, each person on it, the navigation's "does
anyone share with me"); without an index each of those read the whole table. This is the one secondary index
that does not lead with owner_id: the look-up is across the people a coach sees, by design (docs/multi-user.md).
"""

from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_coach_links_coach", "coach_links", ["coach_id"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_coach_links_coach", table_name="coach_links")
