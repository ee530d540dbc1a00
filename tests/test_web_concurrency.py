"""The web does not block: while one request waits for the database, the server answers others.

Handlers that call the (synchronous) services are plain functions that FastAPI runs in its thread pool. An
`async def` handler that touched the database would stop the whole event loop while SQLite waits for a lock
(up to the 30 s busy timeout): this test would then see the second page time out.
"""

from __future__ import annotations

import re
import sqlite3
import threading
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import httpx
import pytest
import uvicorn

from nextround.config import Settings
from nextround.services.workspace import local_now
from nextround.web.app import create_app
from tests.feedback_helpers import free_port

CLIENT_TIMEOUT = 10.0  # well under the 30 s SQLite busy timeout a blocked event loop would wait


class SignallingClock:
    """The real clock, which also says when a handler first asks for the time after `arm()`."""

    def __init__(self) -> None:
        self.asked = threading.Event()
        self._armed = False

    def arm(self) -> None:
        self._armed = True

    def __call__(self) -> datetime:
        if self._armed:
            self.asked.set()
        return local_now()


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[str, Path, SignallingClock]]:
    """A real uvicorn server on a SQLite file, in a thread: (base URL, database file, clock)."""
    database = tmp_path / "nextround.db"
    port = free_port()
    clock = SignallingClock()
    app = create_app(Settings(home=tmp_path, database_url=f"sqlite:///{database}"), port=port, clock=clock)
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="on"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    try:
        for _ in range(500):
            if server.started or not thread.is_alive():
                break
            thread.join(0.02)
        assert server.started, "the server did not start"
        yield f"http://127.0.0.1:{port}", database, clock
    finally:
        server.should_exit = True
        thread.join(30)


def test_a_page_answers_while_a_write_waits_for_the_database_lock(
    served: tuple[str, Path, SignallingClock],
) -> None:
    base, database, clock = served
    with httpx.Client(base_url=base, timeout=CLIENT_TIMEOUT, follow_redirects=False) as client:
        assert client.get("/api/v1/applications").status_code == 200  # opens (and migrates) the database
        form = client.get("/applications/new")
        token = re.search(r'name="csrf_token" value="([^"]+)"', form.text)
        assert token
        holder = sqlite3.connect(database, isolation_level=None)
        holder.execute("BEGIN IMMEDIATE")  # the write lock, as a long import or another process holds it
        try:
            clock.arm()
            posted: list[int] = []

            def add_application() -> None:
                with httpx.Client(base_url=base, timeout=60.0, follow_redirects=False) as writer:
                    data = {"csrf_token": token.group(1), "company": "Acme", "role": "Baker"}
                    posted.append(writer.post("/applications/new", data=data).status_code)

            writer = threading.Thread(target=add_application)
            writer.start()
            # The write's handler has started (it asked the time) and is now waiting for the lock.
            assert clock.asked.wait(CLIENT_TIMEOUT), "the write never reached its handler"
            listing = client.get("/api/v1/applications")
            assert listing.status_code == 200 and listing.json()["total"] == 0
            assert client.get("/settings").status_code == 200
            assert writer.is_alive() and posted == []  # the write is still waiting: the lock is held
        finally:
            holder.execute("ROLLBACK")
            holder.close()
        writer.join(60)
        assert posted == [303]  # once the lock is gone the waiting write goes through
        assert client.get("/api/v1/applications").json()["total"] == 1
