"""coach comments: on an application, replies, read marks

Revision ID: 0010
Revises: 0009
"""

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # A batch rebuild on SQLite (foreign keys are added with the columns); a plain ALTER on PostgreSQL.
    with op.batch_alter_table("coach_notes", schema=None) as batch_op:
        batch_op.add_column(sa.Column("application_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("reply_to_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("by_seeker", sa.Boolean(), server_default=sa.false(), nullable=False))
        batch_op.add_column(sa.Column("read_at", sa.DateTime(timezone=True), nullable=True))
        batch_op.create_foreign_key(
            "fk_coach_notes_application", "applications", ["application_id"], ["id"], ondelete="SET NULL"
        )
        batch_op.create_foreign_key(
            "fk_coach_notes_reply_to", "coach_notes", ["reply_to_id"], ["id"], ondelete="CASCADE"
        )


def downgrade() -> None:
    with op.batch_alter_table("coach_notes", schema=None) as batch_op:
        batch_op.drop_constraint("fk_coach_notes_reply_to", type_="foreignkey")
        batch_op.drop_constraint("fk_coach_notes_application", type_="foreignkey")
        batch_op.drop_column("read_at")
        batch_op.drop_column("by_seeker")
        batch_op.drop_column("reply_to_id")
        batch_op.drop_column("application_id")
