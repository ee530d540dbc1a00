"""owner-leading indexes and unique constraints (the shape a database sharded by owner needs)

Revision ID: 0008
Revises: 0007

Every secondary index and unique constraint now starts with owner_id, so each can live on the shard that holds
its owner (docs/multi-user.md). Only indexes change, and two link tables are rebuilt on SQLite to change their
unique constraint: they are children of other tables and parents of none, so the rebuild deletes nothing else.
"""

from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

# (table, old index, new index, columns after owner_id)
INDEXES = (
    ("stage_events", "ix_stage_events_app_time", "ix_stage_events_owner_app_time", ["application_id", "occurred_at"]),
    (
        "interactions",
        "ix_interactions_contact_time",
        "ix_interactions_owner_contact_time",
        ["contact_id", "occurred_at"],
    ),
    ("feedback_requests", "ix_feedback_requests_application_id", "ix_feedback_requests_owner_app", ["application_id"]),
    ("interviews", "ix_interviews_application_id", "ix_interviews_owner_app", ["application_id"]),
    ("feedback", "ix_feedback_application_id", "ix_feedback_owner_app", ["application_id"]),
)
# (table, columns of the unnamed unique constraint of 0002, its new name)
UNIQUES = (
    ("application_contacts", ["application_id", "contact_id"], "uq_application_contacts_owner_link"),
    ("seen_postings", ["watch_id", "posting_id"], "uq_seen_postings_owner_posting"),
)
# Names the unnamed constraints get while a batch reflects them (SQLite) and as PostgreSQL named them.
OLD_NAMES = {"uq": "uq_%(table_name)s_%(column_0_name)s"}


def _old_unique_name(table: str, columns: list[str]) -> str:
    if op.get_bind().dialect.name == "postgresql":
        return f"{table}_{'_'.join(columns)}_key"
    return f"uq_{table}_{columns[0]}"


def upgrade() -> None:
    for table, old, new, columns in INDEXES:
        op.drop_index(old, table_name=table)
        op.create_index(new, table, ["owner_id", *columns], unique=False)
    for table, columns, name in UNIQUES:
        with op.batch_alter_table(table, naming_convention=OLD_NAMES) as batch_op:
            batch_op.drop_constraint(_old_unique_name(table, columns), type_="unique")
            batch_op.create_unique_constraint(name, ["owner_id", *columns])


def downgrade() -> None:
    for table, columns, name in UNIQUES:
        with op.batch_alter_table(table, naming_convention=OLD_NAMES) as batch_op:
            batch_op.drop_constraint(name, type_="unique")
            batch_op.create_unique_constraint(_old_unique_name(table, columns), columns)
    for table, old, new, columns in INDEXES:
        op.drop_index(new, table_name=table)
        op.create_index(old, table, columns, unique=False)
