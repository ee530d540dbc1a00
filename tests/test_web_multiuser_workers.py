"""Two server processes on one PostgreSQL: whatever one worker knows, the other honours.

A browser signs in through one, and the other accepts its session and its CSRF token; a change made through one
shows through the other at once (cached views too); a delete made through one is undone through the other;
signing out through one ends the session on both.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from nextround.services import accounts
from nextround.storage.db import Database

from .multiuser_support import PASSWORD, form_token


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def _wait_until_up(process: subprocess.Popen[bytes], port: int) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"the server stopped: {process.stderr.read().decode() if process.stderr else ''}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return
        except OSError:
            time.sleep(0.1)
    raise AssertionError("the server did not start within 60 s")


@pytest.fixture
def two_workers(postgres_url: str, tmp_path: Path) -> Iterator[tuple[str, str]]:
    ports = [_free_port(), _free_port()]
    env = {**os.environ, "NEXTROUND_HOME": str(tmp_path / "home"), "NEXTROUND_DATABASE_URL": postgres_url}
    command = [sys.executable, "-m", "nextround", "serve", "--multi-user", "--port"]
    processes = [
        subprocess.Popen([*command, str(port)], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        for port in ports
    ]
    try:
        for process, port in zip(processes, ports, strict=True):
            _wait_until_up(process, port)
        yield f"http://127.0.0.1:{ports[0]}", f"http://127.0.0.1:{ports[1]}"
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
            if process.stderr:
                process.stderr.close()


def test_a_session_a_token_and_a_change_made_through_one_worker_hold_on_the_other(
    two_workers: tuple[str, str], postgres_url: str
) -> None:
    one, two = two_workers
    db = Database.open(postgres_url)
    try:
        accounts.create_user(db, "ada@example.org", PASSWORD)
    finally:
        db.dispose()
    # cookies are per host, not per port: one browser, two workers behind it
    with httpx.Client(follow_redirects=False, timeout=30) as browser:
        form = browser.get(f"{one}/sign-in")
        signed = browser.post(
            f"{two}/sign-in",
            data={"csrf_token": form_token(form.text), "email": "ada@example.org", "password": PASSWORD},
        )
        assert signed.status_code == 303, signed.text
        assert browser.get(f"{one}/applications").status_code == 200  # the session made by two, on one
        token = browser.get(f"{one}/api/v1/session").json()["csrf_token"]
        headers = {"X-CSRF-Token": token}
        assert browser.get(f"{one}/api/v1/stats").json()["sample_size"] == 0  # now cached on one
        added = browser.post(f"{two}/api/v1/applications", json={"company": "Crumb", "role": "Baker"}, headers=headers)
        assert added.status_code == 201  # one's CSRF token, on two
        assert browser.get(f"{one}/api/v1/stats").json()["sample_size"] == 1  # two's change, seen by one at once
        app_id = added.json()["id"]
        gone = browser.delete(f"{one}/api/v1/applications/{app_id}", headers=headers)
        assert gone.status_code == 200
        undone = browser.post(f"{two}/api/v1/undo/{gone.json()['undo_token']}", headers=headers)
        assert undone.status_code == 200, undone.text
        assert browser.get(f"{one}/api/v1/applications/{app_id}").json()["company"] == "Crumb"
        cookie = browser.cookies["nextround_session"]
        assert browser.post(f"{two}/sign-out", data={"csrf_token": token}).status_code == 303
        browser.cookies.set("nextround_session", cookie)  # a copy of the cookie kept from before
        assert browser.get(f"{one}/applications").status_code == 303


def test_a_worker_warms_up_before_it_accepts_anyone(postgres_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """The worker's app factory leaves every template compiled and the database pool's connections open, so the
    first people to arrive do not pay for them (bench/bench_multiuser.py measures the difference)."""
    from nextround.cli.web import multi_user_app
    from nextround.web.rendering import environment

    monkeypatch.setenv("NEXTROUND_DATABASE_URL", postgres_url)
    environment.cache_clear()
    app = multi_user_app()
    try:
        templates = environment()
        assert templates.cache is not None
        assert len(templates.cache) == len(templates.list_templates(extensions=["html"])) > 40
        pool = app.state.web.database().engine.pool
        assert pool.checkedin() == pool.size() == 5
    finally:
        app.state.web.close()
