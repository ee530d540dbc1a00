"""Shared fixtures: a fresh, migrated database per test on SQLite and on PostgreSQL, a clock we control.

PostgreSQL is required: storage and service tests run on both engines, and a missing server fails
the run instead of quietly testing less. Set NEXTROUND_TEST_DATABASES=sqlite to run SQLite only on
a machine without PostgreSQL (CI never does).
"""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from hypothesis import settings as hypothesis_settings
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from nextround.config import Settings
from nextround.services.workspace import Workspace
from nextround.storage.db import Database
from nextround.storage.tables import Base, User

# A run passes or fails on the code, never on the draw: by default every property test replays the same
# examples (derandomize). HYPOTHESIS_PROFILE=explore draws afresh, for hunting new cases by hand.
hypothesis_settings.register_profile("repeatable", derandomize=True, database=None)
hypothesis_settings.register_profile("explore", derandomize=False)
hypothesis_settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "repeatable"))

POSTGRES_URL = os.environ.get("NEXTROUND_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test")
ENGINES = [e.strip() for e in os.environ.get("NEXTROUND_TEST_DATABASES", "sqlite,postgres").split(",") if e.strip()]
ZONE = timezone(timedelta(hours=1))


@dataclass
class FakeClock:
    """A clock the test moves by hand; starts on a fixed Wednesday in a non-UTC zone."""

    current: datetime = datetime(2024, 11, 6, 10, 0, tzinfo=ZONE)

    def __call__(self) -> datetime:
        return self.current

    def advance(self, **delta: float) -> datetime:
        self.current += timedelta(**delta)
        return self.current


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One migrated SQLite file, copied for each test (much faster than migrating each time)."""
    path = tmp_path_factory.mktemp("template") / "template.db"
    db = Database.open(f"sqlite:///{path}")
    db.dispose()
    return path


@pytest.fixture(scope="session")
def postgres_database() -> Iterator[str]:
    """A database of our own on the PostgreSQL server, migrated once for the session."""
    admin_url = make_url(POSTGRES_URL)
    name = f"nextround_test_{uuid.uuid4().hex[:10]}"
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
    except Exception as exc:  # a missing server must fail the run, loudly
        pytest.fail(
            f"PostgreSQL is required for the storage and service tests but is not reachable at "
            f"{admin_url.render_as_string(hide_password=True)}: {exc}. "
            "Start it, set NEXTROUND_TEST_POSTGRES_URL, or run SQLite only with NEXTROUND_TEST_DATABASES=sqlite.",
            pytrace=False,
        )
    url = admin_url.set(database=name).render_as_string(hide_password=False)
    db = Database.open(url)
    db.dispose()
    try:
        yield url
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def truncate_postgres(url: str) -> None:
    """Empty every table of the test PostgreSQL database (it stays migrated) and restart its ids at 1.

    DELETE, children first, rather than TRUNCATE: TRUNCATE makes new files for every table and index, about
    1.5 s a test on a busy CI machine; deleting the few rows a test wrote takes a tenth of that."""
    engine = create_engine(url)
    with engine.begin() as conn:
        for table in reversed(Base.metadata.sorted_tables):
            conn.execute(text(f'DELETE FROM "{table.name}"'))
        conn.execute(text("SELECT setval(seqrelid, seqstart, false) FROM pg_sequence"))
    engine.dispose()


@pytest.fixture(params=ENGINES)
def database_url(request: pytest.FixtureRequest, tmp_path: Path, sqlite_template: Path) -> str:
    """A fresh, empty, migrated database for this test."""
    if request.param == "sqlite":
        path = tmp_path / "nextround.db"
        shutil.copyfile(sqlite_template, path)
        return f"sqlite:///{path}"
    if request.param == "postgres":
        url: str = request.getfixturevalue("postgres_database")
        truncate_postgres(url)
        return url
    raise ValueError(f"unknown engine in NEXTROUND_TEST_DATABASES: {request.param}")


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def settings(tmp_path: Path, database_url: str) -> Settings:
    return Settings(home=tmp_path / "home", database_url=database_url)


@pytest.fixture
def workspace(settings: Settings, clock: FakeClock) -> Iterator[Workspace]:
    db = Database.open(settings.database_url)
    yield Workspace(db=db, owner_id=db.local_user_id(), settings=settings, clock=clock)
    db.dispose()


@pytest.fixture
def cli_env(monkeypatch: pytest.MonkeyPatch, settings: Settings) -> dict[str, str]:
    env = {"NEXTROUND_HOME": str(settings.home), "NEXTROUND_DATABASE_URL": settings.database_url}
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    return env


@pytest.fixture
def cli(cli_env: dict[str, str]) -> Callable[..., Any]:
    """Run `nextround ARGS...` in-process with Typer's runner; returns the result."""
    from typer.testing import CliRunner

    from nextround.cli.main import app

    runner = CliRunner()

    def run(*args: str, input: str | None = None) -> Any:
        return runner.invoke(app, list(args), input=input, catch_exceptions=False)

    return run


# -- golden JSON (fava's snapshot habit) ----------------------------------------------------------
GOLDEN_DIR = Path(__file__).parent / "data" / "golden"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        default=False,
        help="rewrite tests/data/golden/**.json from the current output instead of comparing",
    )


@pytest.fixture
def golden(request: pytest.FixtureRequest) -> Callable[[str, Any], None]:
    """Compare a JSON-able value with tests/data/golden/<name>.json; `--update-golden` rewrites it."""
    import json

    update = bool(request.config.getoption("--update-golden"))

    def check(name: str, value: Any) -> None:
        path = GOLDEN_DIR / f"{name}.json"
        rendered = json.dumps(value, indent=2, ensure_ascii=False, sort_keys=True) + "\n"
        if update or not path.exists():
            if not update:
                pytest.fail(f"{path} is missing: run pytest with --update-golden and review the new file")
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(rendered, encoding="utf-8")
            return
        assert json.loads(path.read_text(encoding="utf-8")) == json.loads(rendered), f"{path} changed (--update-golden)"

    return check


# -- helpers shared by many test modules ----------------------------------------------------------


def other_owner(ws: Workspace, username: str = "someone-else") -> Workspace:
    """The same database seen by a second person, for the isolation tests."""
    with ws.db.write() as session:
        user = User(username=username, created_at=ws.now())
        session.add(user)
        session.flush()
        owner_id: int = user.id
    return Workspace(db=ws.db, owner_id=owner_id, settings=ws.settings, clock=ws.clock)


def ok(result: Any) -> Any:
    """A CLI result that must have succeeded (its output is shown when it did not)."""
    assert result.exit_code == 0, result.output
    return result


@pytest.fixture(name="web")
def web_fixture(settings: Settings, clock: FakeClock) -> Iterator[Any]:
    """The app on the test database (both engines) with the fixed clock, and a client at its own address."""
    from tests.web_support import web_with

    with web_with(settings, clock) as web:
        yield web


# -- voice: spoken clips and one loaded model per test session (tests/voice_support.py) ---------------------


@pytest.fixture(scope="session")
def voice_clips(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    from tests.voice_support import make_clips, need_voice

    need_voice()
    return make_clips(tmp_path_factory.mktemp("voice"))


@pytest.fixture(scope="session")
def offline_transcriber(voice_clips: dict[str, Path]) -> Iterator[Any]:
    """The bundled model, loaded once for the session while every network connection is refused."""
    from nextround.integrations import speech
    from tests.voice_support import no_network

    speech._loaded.clear()  # load it here, under the block, even if an earlier test loaded it
    with no_network() as attempts:
        transcriber = speech.load_transcriber()
    assert attempts == [], f"loading the model tried the network: {attempts}"
    yield transcriber


# -- a local server that speaks the chat-completions protocol (the AI coach's tests) ---------------------


@pytest.fixture(scope="session")
def chat_server() -> Iterator[Any]:
    from tests.chat_server import running_chat

    with running_chat() as server:
        yield server


@pytest.fixture
def chat(chat_server: Any) -> Any:
    """The chat server with no queued replies and no requests seen; it answers "ready" unless told otherwise."""
    chat_server.reset()
    return chat_server


@pytest.fixture
def postgres_url(request: pytest.FixtureRequest) -> str:
    """The test PostgreSQL database, emptied (multi-user mode runs on PostgreSQL only)."""
    from tests.multiuser_support import needs_postgres

    needs_postgres()
    url: str = request.getfixturevalue("postgres_database")
    truncate_postgres(url)
    return url


@pytest.fixture
def server(tmp_path: Path, postgres_url: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    """The app in multi-user mode on the test PostgreSQL (sign-up off, as by default)."""
    from nextround.services import accounts
    from tests.multiuser_support import QUICK_HASH_COSTS, multi_user_server

    monkeypatch.setattr(accounts, "HASH_COSTS", QUICK_HASH_COSTS)
    with multi_user_server(Settings(home=tmp_path / "home", database_url=postgres_url)) as running:
        yield running
