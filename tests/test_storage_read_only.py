"""A database on a read-only disk or folder (an SQLite file; the server's PostgreSQL has no such case).

In WAL mode SQLite wants a `-shm` file beside the database even to read, so a read-only folder once broke every
command. Now reads work and a change is refused in one line that says why and what to do. The folder is made
read-only for real: without write permission (as a user other than root), or, as root (whom permissions do
not stop), by a read-only bind mount in a mount namespace of the command's own.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

NEXTROUND = [sys.executable, "-m", "nextround"]
READ_ONLY_MOUNT = 'mount --bind "$0" "$0" && mount -o remount,bind,ro "$0" && exec "$@"'


def _can_mount() -> bool:
    if shutil.which("unshare") is None:
        return False
    probe = subprocess.run(["unshare", "-m", "true"], capture_output=True, timeout=30)
    return probe.returncode == 0


@pytest.fixture
def home(tmp_path: Path) -> Iterator[Path]:
    if os.geteuid() == 0 and not _can_mount():
        message = "running as root without a mount namespace: no way to make a folder read-only here"
        # CI names the databases it must test; there a storage test fails rather than skips.
        if os.environ.get("NEXTROUND_TEST_DATABASES"):
            pytest.fail(message + " (NEXTROUND_TEST_DATABASES is set, so storage tests must run)", pytrace=False)
        pytest.skip(message)
    folder = tmp_path / "home"
    folder.mkdir()
    yield folder
    folder.chmod(0o755)
    for file in folder.iterdir():
        file.chmod(0o644)


def _env(home: Path) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if key != "NEXTROUND_DATABASE_URL"}
    return {**env, "NEXTROUND_HOME": str(home), "COLUMNS": "120"}


def run(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*NEXTROUND, *args], capture_output=True, text=True, env=_env(home), timeout=120)


def run_read_only(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """`nextround ARGS` with `home` and its files read-only for that process."""
    if os.geteuid() != 0:
        for file in home.iterdir():
            file.chmod(0o444)
        home.chmod(0o555)
        try:
            return run(home, *args)
        finally:
            home.chmod(0o755)
            for file in home.iterdir():
                file.chmod(0o644)
    line = ["unshare", "-m", "sh", "-c", READ_ONLY_MOUNT, str(home), *NEXTROUND, *args]
    return subprocess.run(line, capture_output=True, text=True, env=_env(home), timeout=120)


def _digest(file: Path) -> str:
    return hashlib.sha256(file.read_bytes()).hexdigest()


def test_reads_work_and_a_change_is_refused_in_one_line(home: Path) -> None:
    assert run(home, "app", "add", "--company", "Readable Ltd", "--role", "Baker").returncode == 0
    database = home / "nextround.db"
    probe = sqlite3.connect(database)
    assert probe.execute("PRAGMA journal_mode").fetchone() == ("wal",)
    probe.close()
    assert not (home / "nextround.db-shm").exists()  # closed cleanly: nothing beside the file
    before = _digest(database)
    for args in (["app", "list"], ["app", "show", "1"], ["stats"], [], ["journal", "list"]):
        done = run_read_only(home, *args)
        assert done.returncode == 0, (args, done.stderr)
        assert done.stderr == "", args
    assert "Readable Ltd" in run_read_only(home, "app", "list").stdout
    refused = run_read_only(home, "app", "add", "--company", "Another", "--role", "Cook")
    assert refused.returncode == 1
    assert refused.stdout == ""
    lines = refused.stderr.splitlines()
    assert len(lines) == 1 and "read-only" in lines[0] and "NEXTROUND_HOME" in lines[0], refused.stderr
    assert _digest(database) == before
    assert not (home / "nextround.db-shm").exists()


def test_changes_waiting_in_the_wal_are_read_or_named(home: Path) -> None:
    assert run(home, "app", "add", "--company", "Old Name", "--role", "Baker").returncode == 0
    database = home / "nextround.db"
    # A writer that stopped before SQLite merged its changes into the file: they are in nextround.db-wal.
    writer = "import os, sqlite3, sys; c = sqlite3.connect(sys.argv[1], isolation_level=None); "
    writer += "c.execute('PRAGMA wal_autocheckpoint=0'); c.execute(\"UPDATE applications SET company='New Name'\"); "
    writer += "os._exit(0)"
    subprocess.run([sys.executable, "-c", writer, str(database)], check=True, timeout=60)
    assert (home / "nextround.db-wal").stat().st_size > 0
    assert "New Name" in run_read_only(home, "app", "list").stdout  # its -shm is there: read with the WAL
    (home / "nextround.db-shm").unlink()
    done = run_read_only(home, "app", "list")
    assert done.returncode == 1
    lines = done.stderr.splitlines()
    assert len(lines) == 1 and "nextround.db-wal" in lines[0] and "writable" in lines[0], done.stderr
