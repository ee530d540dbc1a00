"""Alembic, driven from code: the package carries its migrations, no alembic.ini needed.

Several processes may open a new database at the same moment (a shell loop of `nextround app add`, web
workers starting together). Migrations are serialised: a lock file beside an SQLite database, an advisory
lock on PostgreSQL. Whoever waits finds the schema current and does nothing.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, text

# Any fixed number, the same in every process: "nextround" spelled in ASCII, truncated to 63 bits.
MIGRATION_LOCK_KEY = 0x6E657874726F756E

SCRIPT_LOCATION = "nextround.storage:migrations"


def alembic_config() -> Config:
    # No URL in the config: migrations run on a connection we hand over, so a database password never
    # sits in Alembic's options where it could be logged.
    config = Config()
    config.set_main_option("script_location", SCRIPT_LOCATION)
    return config


def upgrade_to_head(engine: Engine) -> None:
    migrate_to(engine, "upgrade", "head")  # reads the revision again under the lock: a no-op if another did it


def migrate_to(engine: Engine, action: str, revision: str) -> None:
    """Run Alembic's `upgrade` or `downgrade` to `revision`, in one transaction, under the lock.

    On SQLite, foreign keys are off while it runs: a batch migration rebuilds a table by dropping it, and with
    foreign keys on, dropping a parent table deletes every child row through ON DELETE CASCADE.
    """
    config = alembic_config()
    with _sqlite_file_lock(engine), engine.connect() as connection:
        _sqlite_foreign_keys(connection, on=False)
        try:
            with connection.begin():
                _postgres_lock(connection)
                config.attributes["connection"] = connection
                getattr(command, action)(config, revision)
        finally:
            _sqlite_foreign_keys(connection, on=True)


def _sqlite_foreign_keys(connection: Connection, *, on: bool) -> None:
    # Outside any transaction (SQLite ignores the pragma inside one), on the driver's own connection.
    if connection.dialect.name == "sqlite":
        connection.connection.driver_connection.execute(f"PRAGMA foreign_keys={'ON' if on else 'OFF'}")  # type: ignore[union-attr]


@contextlib.contextmanager
def _sqlite_file_lock(engine: Engine) -> Iterator[None]:
    database = engine.url.database if engine.dialect.name == "sqlite" else None
    if not database or database == ":memory:":
        yield
        return
    try:
        import fcntl
    except ImportError:  # Windows: SQLite's own locking is all there is
        yield
        return
    lock_path = Path(database).expanduser().with_name(Path(database).name + ".migrate-lock")
    with lock_path.open("a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _postgres_lock(connection: Connection) -> None:
    if connection.dialect.name == "postgresql":
        # Held until this transaction ends, so a crash mid-migration releases it too.
        connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK_KEY})


def script_head() -> str | None:
    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def known_revisions() -> frozenset[str]:
    """Every schema revision this version's migrations can start from (and so can upgrade)."""
    return frozenset(script.revision for script in ScriptDirectory.from_config(alembic_config()).walk_revisions())
