"""Several processes using a new database for the first time at once: the schema is created exactly once."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from .conftest import ENGINES, POSTGRES_URL

PROCESSES = 4


@pytest.fixture(params=ENGINES)
def new_database(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """The URL of a database that exists but has no schema yet."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'fresh' / 'nextround.db'}"
        return
    admin_url = make_url(POSTGRES_URL)
    name = f"nextround_first_{uuid.uuid4().hex[:10]}"
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield admin_url.set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def test_parallel_first_adds_on_a_new_database_all_succeed(new_database: str, tmp_path: Path) -> None:
    env = {**os.environ, "NEXTROUND_HOME": str(tmp_path / "home"), "NEXTROUND_DATABASE_URL": new_database}
    command = [sys.executable, "-m", "nextround", "app", "add", "--role", "Nurse", "--company"]
    runs = [
        subprocess.Popen([*command, f"Ward {n}"], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for n in range(PROCESSES)
    ]
    outcomes = [(run.wait(timeout=120), run.stderr.read() if run.stderr else "") for run in runs]
    for run in runs:
        for stream in (run.stdout, run.stderr):
            if stream:
                stream.close()
    assert [code for code, _ in outcomes] == [0] * PROCESSES, [err for code, err in outcomes if code]
    list_command = [sys.executable, "-m", "nextround", "app", "list", "--json"]
    listed = subprocess.run(list_command, env=env, capture_output=True, text=True, check=True)
    assert sorted(a["company"] for a in json.loads(listed.stdout)) == [f"Ward {n}" for n in range(PROCESSES)]


def test_a_data_folder_that_cannot_be_made_is_one_line(tmp_path: Path) -> None:
    # NEXTROUND_HOME on a read-only disk or under a file ended in an OSError traceback from mkdir.
    from nextround.storage.db import Database, StorageError

    blocker = tmp_path / "blocker"
    blocker.write_text("", encoding="utf-8")
    with pytest.raises(StorageError, match=r"^cannot create the data folder .*blocker/home: Not a directory$"):
        Database.open(f"sqlite:///{blocker / 'home' / 'nextround.db'}")
    with pytest.raises(StorageError, match=r"^the data folder .*blocker is a file, not a folder$"):
        Database.open(f"sqlite:///{blocker / 'nextround.db'}")
