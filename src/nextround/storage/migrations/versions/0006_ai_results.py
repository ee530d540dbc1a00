"""ai results

Revision ID: 0006
Revises: 0005
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "ai_results",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("owner_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=30), nullable=False),
        sa.Column("model", sa.String(length=200), nullable=False),
        sa.Column("application_id", sa.Integer(), nullable=True),
        sa.Column("practice_answer_id", sa.Integer(), nullable=True),
        sa.Column("content", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["application_id"], ["applications.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["owner_id"], ["users.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["practice_answer_id"], ["practice_answers.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("ai_results", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_ai_results_owner_id"), ["owner_id"], unique=False)
        batch_op.create_index("ix_ai_results_owner_kind", ["owner_id", "kind"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("ai_results", schema=None) as batch_op:
        batch_op.drop_index("ix_ai_results_owner_kind")
        batch_op.drop_index(batch_op.f("ix_ai_results_owner_id"))

    op.drop_table("ai_results")
