"""spoken answer measures

Revision ID: 0005
Revises: 0004
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("practice_answers", schema=None) as batch_op:
        batch_op.add_column(sa.Column("spoken_seconds", sa.Float(), nullable=True))
        batch_op.add_column(sa.Column("words_per_minute", sa.Float(), nullable=True))
        batch_op.add_column(sa.Column("long_pauses", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("longest_pause_seconds", sa.Float(), nullable=True))
        batch_op.add_column(sa.Column("spoken_fillers_per_100", sa.Float(), nullable=True))
        batch_op.add_column(sa.Column("audio_file", sa.String(length=200), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("practice_answers", schema=None) as batch_op:
        batch_op.drop_column("audio_file")
        batch_op.drop_column("spoken_fillers_per_100")
        batch_op.drop_column("longest_pause_seconds")
        batch_op.drop_column("long_pauses")
        batch_op.drop_column("words_per_minute")
        batch_op.drop_column("spoken_seconds")
