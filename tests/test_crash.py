"""Kill -9 at random moments: an import lands whole or not at all, an acknowledged web write is never lost,
and the database passes its integrity checks afterwards, on SQLite and PostgreSQL.

The moments are drawn from a seeded generator (the same every run) and the count is small, so CI stays fast;
`KILLS` is the knob for a longer soak.
"""

from __future__ import annotations

import json
import os
import random
import signal
import socket
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import httpx
from sqlalchemy import create_engine, text

from nextround.config import Settings

KILLS = 5
WEB_KILLS = 2
IMPORTED = 300


def _env(settings: Settings) -> dict[str, str]:
    return {**os.environ, "NEXTROUND_HOME": str(settings.home), "NEXTROUND_DATABASE_URL": settings.database_url}


def _export(path: Path) -> None:
    applications, events = [], []
    for n in range(1, IMPORTED + 1):
        applications.append({"id": n, "company": f"Crashco {n}", "role": "Welder", "applied_on": "2024-10-01"})
        for state, day in (("applied", "2024-10-01"), ("screening", "2024-10-08"), ("rejected", "2024-10-15")):
            events.append({"application_id": n, "to_state": state, "occurred_at": f"{day}T12:00:00+00:00"})
    tables = {"applications": applications, "stage_events": events}
    data = {"format": "nextround-export", "version": 1, "tables": tables}
    path.write_text(json.dumps(data), encoding="utf-8")


def _facts(url: str) -> tuple[int, int, list[str]]:
    """Applications, stage events, and what the integrity checks say (empty when all is well)."""
    problems: list[str] = []
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            apps = conn.execute(text("SELECT count(*) FROM applications")).scalar_one()
            events = conn.execute(text("SELECT count(*) FROM stage_events")).scalar_one()
            orphans = conn.execute(
                text("SELECT count(*) FROM stage_events e LEFT JOIN applications a ON a.id = e.application_id "
                     "WHERE a.id IS NULL")
            ).scalar_one()  # fmt: skip
            if orphans:
                problems.append(f"{orphans} orphaned stage events")
            stateless = conn.execute(
                text("SELECT count(*) FROM applications a WHERE NOT EXISTS "
                     "(SELECT 1 FROM stage_events e WHERE e.application_id = a.id)")
            ).scalar_one()  # fmt: skip
            if stateless:
                problems.append(f"{stateless} applications without history")
    finally:
        engine.dispose()
    if url.startswith("sqlite"):
        with sqlite3.connect(url.split("///", 1)[1]) as raw:
            verdict = raw.execute("PRAGMA integrity_check").fetchone()[0]
            if verdict != "ok":
                problems.append(f"integrity_check: {verdict}")
    return apps, events, problems


def test_an_import_killed_at_any_moment_lands_whole_or_not_at_all(
    settings: Settings, workspace: Any, tmp_path: Path
) -> None:
    export = tmp_path / "export.json"
    _export(export)
    draw = random.Random(20261205)
    # One import run to the end tells how long one takes here; the kills then land across its second half,
    # where the transaction is open (the first half is the interpreter starting and the file being checked).
    started = time.monotonic()
    subprocess.run([sys.executable, "-m", "nextround", "import", "json", str(export)], env=_env(settings), check=True)
    duration = time.monotonic() - started
    assert _facts(settings.database_url)[0] == IMPORTED
    _delete_all(workspace)
    outcomes = []
    for _ in range(KILLS):
        before, _events, _ = _facts(settings.database_url)
        process = subprocess.Popen(
            [sys.executable, "-m", "nextround", "import", "json", str(export)],
            env=_env(settings),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        time.sleep(draw.uniform(0.5, 1.05) * duration)
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=30)
        apps, events, problems = _facts(settings.database_url)
        assert problems == []
        assert apps in (before, IMPORTED), f"a killed import left {apps} applications (before: {before})"
        assert events == 3 * apps
        outcomes.append(apps)
        if apps == IMPORTED:  # start the next round from nothing, so each kill tests a whole import
            _delete_all(workspace)
    assert len(outcomes) == KILLS


def _delete_all(workspace: Any) -> None:
    with workspace.db.write() as session:
        session.execute(text("DELETE FROM stage_events"))
        session.execute(text("DELETE FROM applications"))


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _serve(settings: Settings, port: int) -> subprocess.Popen[bytes]:
    process = subprocess.Popen(
        [sys.executable, "-m", "nextround", "serve", "--port", str(port), "--no-open"],
        env=_env(settings),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and process.poll() is None:
        try:
            httpx.get(f"http://127.0.0.1:{port}/api/v1/session", timeout=2)
            return process
        except httpx.HTTPError:
            time.sleep(0.1)
    process.kill()
    raise AssertionError("the server did not start")


def test_a_web_server_killed_mid_write_loses_no_acknowledged_write(settings: Settings, workspace: Any) -> None:
    draw = random.Random(51220262)
    acknowledged: list[str] = []
    for run in range(WEB_KILLS):
        port = _free_port()
        server = _serve(settings, port)
        base = f"http://127.0.0.1:{port}"
        try:
            with httpx.Client(base_url=base, timeout=5) as client:
                token = client.get("/api/v1/session").json()["csrf_token"]
                stop_at = time.monotonic() + draw.uniform(0.3, 1.5)
                n = 0
                while time.monotonic() < stop_at:
                    company = f"Run {run} write {n}"
                    body = {"company": company, "role": "Driver", "notes": "x" * draw.randint(0, 5000)}
                    response = client.post("/api/v1/applications", json=body, headers={"X-CSRF-Token": token})
                    if response.status_code == 201:
                        acknowledged.append(company)
                    n += 1
                # The kill lands while a last write is in flight: sent, not yet answered.
                client.post(
                    "/api/v1/applications",
                    json={"company": f"Run {run} in flight", "role": "Driver"},
                    headers={"X-CSRF-Token": token},
                    timeout=0.001,
                )
        except httpx.TimeoutException:
            pass
        finally:
            server.send_signal(signal.SIGKILL)
            server.wait(timeout=30)
        apps, _events, problems = _facts(settings.database_url)
        assert problems == []
        with workspace.db.read() as session:
            stored = {row[0] for row in session.execute(text("SELECT company FROM applications"))}
        lost = [c for c in acknowledged if c not in stored]
        assert lost == [], f"acknowledged but lost after kill -9: {lost[:5]}"
        assert apps >= len(acknowledged)
    assert acknowledged  # the runs did write
