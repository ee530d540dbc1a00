"""Facts about the stored schema that start-up paths need without importing SQLAlchemy."""

# The newest migration. A test checks it against Alembic's head, so that the fast start-up path
# (which skips importing Alembic when the schema is current) can never go stale.
HEAD_REVISION = "0018"
# The single owner of a local (one-person) installation.
LOCAL_USERNAME = "local"
# The user setting that hides rejected applications from everyday views (services.keepgoing).
HIDE_REJECTED_SETTING = "hide_rejected"
