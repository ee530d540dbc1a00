"""Engines, sessions and migrations.

SQLite gets WAL, foreign keys, a busy timeout, and `BEGIN IMMEDIATE` for write transactions, so two
processes writing at once wait for each other instead of failing half-way. PostgreSQL is used through
psycopg 3 when the database URL says so.

On an SQLite file whose schema is current, nothing here imports SQLAlchemy until a use case asks for a
session: opening the database, finding the local user and `reader()` (storage.reads) use `sqlite3`, so a
command that only reads starts without the 0.3 s that SQLAlchemy and the mapped tables cost.
"""

from __future__ import annotations

import os
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from nextround.errors import UserError
from nextround.storage.reads import Reader
from nextround.storage.schema import HEAD_REVISION, LOCAL_USERNAME

if TYPE_CHECKING:
    from sqlalchemy import Engine
    from sqlalchemy.orm import Session, sessionmaker

__all__ = ["HEAD_REVISION", "LOCAL_USERNAME", "Database", "StorageError", "make_engine"]

R = TypeVar("R", bound=Reader)
W = TypeVar("W", bound=Reader)


class StorageError(UserError, RuntimeError):
    """The database cannot be opened or used (bad URL, server down, newer schema)."""


def make_engine(url: str, *, echo: bool = False) -> Engine:
    from sqlalchemy import create_engine

    if url.startswith("sqlite"):
        database = url.split("///", 1)[1] if "///" in url else ""
        if database and database != ":memory:":
            folder = Path(database).expanduser().parent
            try:
                folder.mkdir(parents=True, exist_ok=True)
            except FileExistsError:
                raise StorageError(f"the data folder {folder} is a file, not a folder") from None
            except OSError as exc:  # a read-only disk, a file in the way: NEXTROUND_HOME says where
                raise StorageError(f"cannot create the data folder {folder}: {exc.strerror or exc}") from None
        file = sqlite_file(url)
        reason = None if file is None else read_only_reason(file)
        if file is not None and reason is not None:
            # Every connection read-only, as reader()'s: sessions then read, and Database.write() refuses.
            engine = create_engine(url, echo=echo, creator=lambda: connect_read_only(file, reason, threads=True))
        else:
            engine = create_engine(url, echo=echo, connect_args={"timeout": 30})
        _configure_sqlite(engine)
        return engine
    try:
        return create_engine(url, echo=echo, pool_pre_ping=True)
    except Exception as exc:  # bad URLs and missing drivers surface here
        raise StorageError(f"cannot use database URL: {exc}") from exc


def _configure_sqlite(engine: Engine) -> None:
    from sqlalchemy import event

    from nextround.storage.tables import LENIENT_SQLITE_TYPES

    # Dates and moments as this engine reads them: a value a hand edit or an older tool left in another
    # form is read where it can be, else None, instead of failing the query (storage/tables.py).
    engine.dialect.colspecs = {**engine.dialect.colspecs, **LENIENT_SQLITE_TYPES}

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


def sqlite_file(url: str) -> Path | None:
    """The file of an SQLite URL (None for PostgreSQL and in-memory databases)."""
    if not url.startswith("sqlite") or "///" not in url:
        return None
    database = url.split("///", 1)[1]
    return None if database in ("", ":memory:") else Path(database).expanduser()


def read_only_reason(file: Path) -> str | None:
    """Why an SQLite database file that exists cannot be written here (its folder or itself read-only: a
    read-only disk, a backup mounted read-only, a folder without write permission), or None when it can."""
    if not file.is_file():
        return None
    if not os.access(file.parent, os.W_OK):
        return f"the folder {file.parent} is read-only"
    if not os.access(file, os.W_OK):
        return f"the database file {file} is read-only"
    return None


def connect_read_only(file: Path, reason: str, *, threads: bool = False) -> sqlite3.Connection:
    """A read-only `sqlite3` connection to a database on a read-only disk or folder.

    In WAL mode SQLite keeps its readers' shared memory in a `-shm` file beside the database, which it cannot
    create in a read-only folder: a plain open fails even to read ("unable to open database file"). Without
    a `-wal` file holding changes there is nothing but the file itself, so it is opened as immutable (no
    locks, no `-shm`); with one, read-only, which works where its `-shm` is there too."""
    wal = file.with_name(file.name + "-wal")
    pending = wal.is_file() and wal.stat().st_size > 0
    uri = f"{file.resolve().as_uri()}?{'mode=ro' if pending else 'immutable=1'}"
    try:
        connection = sqlite3.connect(uri, uri=True, timeout=30, isolation_level=None, check_same_thread=not threads)
        connection.execute("SELECT count(*) FROM sqlite_master").fetchone()  # opening is lazy: read once
    except sqlite3.Error as exc:
        if pending:
            raise StorageError(
                f"cannot read the database: {reason} and {wal.name} beside it holds changes not yet merged into "
                "the file; open it once where it can be written, or copy the folder somewhere writable and set "
                "NEXTROUND_HOME to the copy"
            ) from None
        raise StorageError(f"cannot open the database: {exc}") from exc
    return connection


def cannot_write(reason: str) -> StorageError:
    return StorageError(
        f"cannot change the database: {reason}. Reading works; to make changes, make it writable or copy the "
        "folder somewhere writable and set NEXTROUND_HOME to the copy"
    )


class Database:
    """An engine plus the two kinds of unit of work the services use, and `reader()` for plain reads.

    The engine is made on first use (see the module's docstring).
    """

    def __init__(self, url: str, engine: Engine | None = None) -> None:
        self.url = url
        self._file = sqlite_file(url)
        self._engine = engine
        self._sessions: tuple[sessionmaker[Session], sessionmaker[Session]] | None = None
        self._local = threading.local()  # each thread's own sqlite3 connection for reader()

    @classmethod
    def open(cls, url: str, *, migrate: bool = True) -> Database:
        db = cls(url, None if sqlite_file(url) else make_engine(url))
        if migrate:
            db.migrate()
        return db

    @property
    def engine(self) -> Engine:
        if self._engine is None:
            self._engine = make_engine(self.url)
        return self._engine

    @property
    def dialect(self) -> str:
        return "sqlite" if self._file is not None else self.engine.dialect.name

    def _sessionmakers(self) -> tuple[sessionmaker[Session], sessionmaker[Session]]:
        if self._sessions is None:
            from sqlalchemy.orm import sessionmaker

            write = sessionmaker(bind=self.engine.execution_options(nextround_write=True), expire_on_commit=False)
            self._sessions = (write, sessionmaker(bind=self.engine, expire_on_commit=False))
        return self._sessions

    def _refuse_if_read_only(self) -> None:
        if self._file is not None and (reason := read_only_reason(self._file)) is not None:
            raise cannot_write(reason)

    @contextmanager
    def write(self) -> Iterator[Session]:
        """One transaction: everything inside lands together or not at all."""
        self._refuse_if_read_only()
        with self._sessionmakers()[0]() as session, session.begin():
            yield session

    @contextmanager
    def read(self) -> Iterator[Session]:
        with self._sessionmakers()[1]() as session, session.begin():
            yield session

    def reader(self, owner_id: int) -> AbstractContextManager[Reader]:
        """One read transaction through storage.reads: `sqlite3` on an SQLite file, else a session's connection."""
        return self.plain_read(owner_id, Reader)

    @contextmanager
    def plain_read(self, owner_id: int, kind: type[R]) -> Iterator[R]:
        """`reader()` with a Reader that has more queries (storage.drafts)."""
        if self._file is None:
            with self.read() as session:
                yield kind(session.connection().connection.driver_connection, self.dialect, owner_id)
            return
        connection = self._sqlite_connection()
        connection.execute("BEGIN")
        try:
            yield kind(connection, "sqlite", owner_id)
        finally:
            connection.execute("ROLLBACK")

    @contextmanager
    def plain_write(self, owner_id: int, kind: type[W]) -> Iterator[W]:
        """One write transaction in plain SQL, like `reader()`: `sqlite3` on an SQLite file (BEGIN IMMEDIATE, as
        `write()` begins), else a write session's connection. For the few everyday writes whose SQLAlchemy start
        would cost more than the command (storage.drafts)."""
        if self._file is None:
            with self.write() as session:
                yield kind(session.connection().connection.driver_connection, self.dialect, owner_id)
            return
        self._refuse_if_read_only()
        connection = self._sqlite_connection()
        connection.execute("BEGIN IMMEDIATE")
        try:
            yield kind(connection, "sqlite", owner_id)
        except BaseException:
            connection.execute("ROLLBACK")
            raise
        connection.execute("COMMIT")

    def _sqlite_connection(self) -> sqlite3.Connection:
        connection: sqlite3.Connection | None = getattr(self._local, "connection", None)
        if connection is None and self._file is not None and (reason := read_only_reason(self._file)):
            connection = connect_read_only(self._file, reason)
            self._local.connection = connection
        if connection is None:
            assert self._file is not None
            # Autocommit mode: reader() and plain_write() open and end each transaction themselves. The
            # same settings as the engine's connections (make_engine), for the writes.
            connection = sqlite3.connect(self._file, timeout=30, isolation_level=None)
            connection.execute("PRAGMA foreign_keys=ON")
            connection.execute("PRAGMA synchronous=NORMAL")
            self._local.connection = connection
        return connection

    def current_revision(self) -> str | None:
        if self._file is not None and self._engine is None:
            revision = self._sqlite_scalar("SELECT version_num FROM alembic_version")
            return None if revision is None else str(revision)
        from sqlalchemy import text
        from sqlalchemy.exc import OperationalError, ProgrammingError

        try:
            with self.engine.connect() as conn:
                return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
        except (OperationalError, ProgrammingError):
            return None

    def _sqlite_scalar(self, sql: str, *params: Any) -> Any:
        """The first value of a query on the SQLite file; None when there is no row or no such table yet."""
        assert self._file is not None
        if not self._file.is_file():
            return None
        try:
            row = self._sqlite_connection().execute(sql, params).fetchone()
        except sqlite3.OperationalError as exc:
            if "no such table" in str(exc):
                return None
            raise StorageError(f"cannot open the database: {exc}") from exc
        except sqlite3.DatabaseError as exc:
            raise StorageError(f"cannot open the database: {exc}") from exc
        return None if row is None else row[0]

    def migrate(self) -> None:
        """Bring the schema to the newest migration; cheap when it already is."""
        if self._file is not None and self._engine is None:
            revision = self.current_revision()  # through sqlite3: a current schema needs no SQLAlchemy
        else:
            from sqlalchemy.exc import OperationalError

            try:
                revision = self.current_revision()
            except OperationalError as exc:
                raise StorageError(f"cannot open the database: {exc.orig}") from exc
        if revision == HEAD_REVISION:
            return
        if self._file is not None and (reason := read_only_reason(self._file)) is not None:
            raise StorageError(
                f"this database was made by an older nextround and must be upgraded, which writes to it, but "
                f"{reason}; make it writable once, or copy the folder somewhere writable and set NEXTROUND_HOME"
            )
        from nextround.storage.migrate import upgrade_to_head

        upgrade_to_head(self.engine)

    def local_user_id(self) -> int:
        """The single owner in local mode, created on first use."""
        if self._file is not None:
            found = self._sqlite_scalar("SELECT id FROM users WHERE username = ?", LOCAL_USERNAME)
            if found is not None:
                return int(found)
        from sqlalchemy import select
        from sqlalchemy.exc import IntegrityError

        from nextround.storage.tables import User

        with self.read() as session:
            found = session.scalar(select(User.id).where(User.username == LOCAL_USERNAME))
        if found is not None:
            return int(found)
        try:
            with self.write() as session:
                found = session.scalar(select(User.id).where(User.username == LOCAL_USERNAME))
                if found is not None:
                    return int(found)
                user = User(username=LOCAL_USERNAME, created_at=datetime.now(UTC))
                session.add(user)
                session.flush()
                return user.id
        except IntegrityError:  # another process created it first (PostgreSQL writers do not queue like SQLite's)
            with self.read() as session:
                return session.execute(select(User.id).where(User.username == LOCAL_USERNAME)).scalar_one()

    def dispose(self) -> None:
        connection: sqlite3.Connection | None = getattr(self._local, "connection", None)
        if connection is not None:
            connection.close()
            self._local.connection = None
        if self._engine is not None:
            self._engine.dispose()
