"""salaries as BIGINT

A yearly salary in dong, rupiah or won passes 2^31 - 1: SQLite stored it, PostgreSQL's INTEGER refused it.
Both engines now take the same range, so an export always moves between them.

Revision ID: 0003
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("applications") as batch:
        for column in ("salary_min", "salary_max"):
            batch.alter_column(column, existing_type=sa.Integer(), type_=sa.BigInteger(), existing_nullable=True)


def downgrade() -> None:
    with op.batch_alter_table("applications") as batch:
        for column in ("salary_min", "salary_max"):
            batch.alter_column(column, existing_type=sa.BigInteger(), type_=sa.Integer(), existing_nullable=True)
