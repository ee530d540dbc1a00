"""Engines, sessions and migrations.

SQLite gets WAL, foreign keys, a busy timeout, and `BEGIN IMMEDIATE` for write transactions, so two
processes writing at once wait for each other instead of failing half-way. PostgreSQL is used through
psycopg 3 when the database URL says so.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, select, text
from sqlalchemy.exc import IntegrityError, OperationalError, ProgrammingError
from sqlalchemy.orm import Session, sessionmaker

from nextround.errors import UserError
from nextround.storage.schema import HEAD_REVISION, LOCAL_USERNAME
from nextround.storage.tables import User

__all__ = ["HEAD_REVISION", "LOCAL_USERNAME", "Database", "StorageError", "make_engine"]


class StorageError(UserError, RuntimeError):
    """The database cannot be opened or used (bad URL, server down, newer schema)."""


def make_engine(url: str, *, echo: bool = False) -> Engine:
    if url.startswith("sqlite"):
        database = url.split("///", 1)[1] if "///" in url else ""
        if database and database != ":memory:":
            Path(database).expanduser().parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, echo=echo, connect_args={"timeout": 30})
        _configure_sqlite(engine)
        return engine
    try:
        return create_engine(url, echo=echo, pool_pre_ping=True)
    except Exception as exc:  # bad URLs and missing drivers surface here
        raise StorageError(f"cannot use database URL: {exc}") from exc


def _configure_sqlite(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Let SQLAlchemy's "begin" event issue BEGIN itself, instead of pysqlite's implicit handling.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA busy_timeout=30000")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        immediate = connection.get_execution_options().get("nextround_write", False)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


class Database:
    """An engine plus the two kinds of unit of work the services use."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._write = sessionmaker(bind=engine.execution_options(nextround_write=True), expire_on_commit=False)
        self._read = sessionmaker(bind=engine, expire_on_commit=False)

    @classmethod
    def open(cls, url: str, *, migrate: bool = True) -> Database:
        db = cls(make_engine(url))
        if migrate:
            db.migrate()
        return db

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    @contextmanager
    def write(self) -> Iterator[Session]:
        """One transaction: everything inside lands together or not at all."""
        with self._write() as session, session.begin():
            yield session

    @contextmanager
    def read(self) -> Iterator[Session]:
        with self._read() as session, session.begin():
            yield session

    def current_revision(self) -> str | None:
        try:
            with self.engine.connect() as conn:
                return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
        except (OperationalError, ProgrammingError):
            return None

    def migrate(self) -> None:
        """Bring the schema to the newest migration; cheap when it already is."""
        try:
            revision = self.current_revision()
        except OperationalError as exc:
            raise StorageError(f"cannot open the database: {exc.orig}") from exc
        if revision == HEAD_REVISION:
            return
        from nextround.storage.migrate import upgrade_to_head

        upgrade_to_head(self.engine)

    def local_user_id(self) -> int:
        """The single owner in local mode, created on first use."""
        with self.read() as session:
            found = session.scalar(select(User.id).where(User.username == LOCAL_USERNAME))
        if found is not None:
            return found
        try:
            with self.write() as session:
                found = session.scalar(select(User.id).where(User.username == LOCAL_USERNAME))
                if found is not None:
                    return found
                user = User(username=LOCAL_USERNAME, created_at=datetime.now(UTC))
                session.add(user)
                session.flush()
                return user.id
        except IntegrityError:  # another process created it first (PostgreSQL writers do not queue like SQLite's)
            with self.read() as session:
                return session.execute(select(User.id).where(User.username == LOCAL_USERNAME)).scalar_one()

    def dispose(self) -> None:
        self.engine.dispose()
