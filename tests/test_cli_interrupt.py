"""Ctrl-C (SIGINT) during a command: one line on stderr, exit 130, and nothing half-written.

Each interrupt is sent at a known point, not after a guessed delay: at a question the command is waiting on,
and in the middle of an import's write transaction, held there by a lock the test takes on PostgreSQL.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from sqlalchemy import create_engine, text

from nextround.cli.main import INTERRUPTED
from nextround.config import Settings

NEXTROUND = [sys.executable, "-m", "nextround"]


def _sigint_as_at_a_terminal() -> None:
    """In the child before exec: Ctrl-C's default action. A runner started in the background by a shell without job
    control ignores SIGINT, its children inherit that, and Python then installs no KeyboardInterrupt handler: the
    interrupt these tests send would be ignored (seen in a backgrounded clean-clone CI run)."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def _env(home: Path, url: str) -> dict[str, str]:
    return {**os.environ, "NEXTROUND_HOME": str(home), "NEXTROUND_DATABASE_URL": url}


def test_ctrl_c_at_a_question_says_so_in_one_line(settings: Settings) -> None:
    env = _env(settings.home, settings.database_url)
    added = subprocess.run([*NEXTROUND, "app", "add", "--company", "Kept Ltd", "--role", "Baker", "--json"],
                           capture_output=True, text=True, env=env, timeout=120, check=True)  # fmt: skip
    app_id = str(json.loads(added.stdout)["id"])
    asking = subprocess.Popen([*NEXTROUND, "app", "delete", app_id], env=env, stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              preexec_fn=_sigint_as_at_a_terminal)  # fmt: skip
    assert asking.stdout is not None
    shown = b""
    while b"[y/N]" not in shown:  # the question is on the screen: the command waits for an answer
        chunk = os.read(asking.stdout.fileno(), 200)
        assert chunk, (shown, asking.wait(timeout=60), asking.stderr.read() if asking.stderr else b"")
        shown += chunk
    asking.send_signal(signal.SIGINT)
    _, err = asking.communicate(timeout=60)
    assert asking.returncode == 130
    assert err.decode().splitlines() == [INTERRUPTED]  # not "Aborted!", not a traceback
    listed = subprocess.run([*NEXTROUND, "app", "list", "--json"], capture_output=True, text=True, env=env,
                            timeout=120, check=True)  # fmt: skip
    assert [a["id"] for a in json.loads(listed.stdout)] == [int(app_id)]


def test_ctrl_c_in_the_middle_of_an_import_writes_nothing(tmp_path: Path, postgres_url: str) -> None:
    applications = [{"id": n, "company": f"Half {n}", "role": "Welder"} for n in range(1, 41)]
    events = [{"application_id": n, "to_state": "applied", "occurred_at": "2024-10-01T12:00:00+00:00"}
              for n in range(1, 41)]  # fmt: skip
    export = tmp_path / "export.json"
    tables = {"applications": applications, "stage_events": events}
    export.write_text(json.dumps({"format": "nextround-export", "version": 1, "tables": tables}))
    engine = create_engine(postgres_url)
    try:
        watching = engine.execution_options(isolation_level="AUTOCOMMIT")  # pg_stat_activity afresh each time
        with engine.connect() as holder, watching.connect() as watcher:
            holder.execute(text("LOCK TABLE stage_events IN EXCLUSIVE MODE"))  # reads pass, writes wait
            importing = subprocess.Popen([*NEXTROUND, "import", "json", str(export)], env=_env(tmp_path, postgres_url),
                                         stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                         preexec_fn=_sigint_as_at_a_terminal)  # fmt: skip
            waiting = "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE 'INSERT%'"
            deadline = time.monotonic() + 120  # only a bound on a hang; the signal goes when the wait is seen
            while not watcher.execute(text(waiting)).scalar_one():
                assert importing.poll() is None, importing.communicate()
                assert time.monotonic() < deadline, "the import never reached its write of stage_events"
                time.sleep(0.05)
            # Its applications are inserted (in its transaction), its events wait on the lock: interrupt now.
            importing.send_signal(signal.SIGINT)
            _, err = importing.communicate(timeout=60)
            holder.rollback()
        assert importing.returncode == 130, err.decode()
        assert err.decode().splitlines() == [INTERRUPTED]
        with engine.connect() as reader:
            assert reader.execute(text("SELECT count(*) FROM applications")).scalar_one() == 0
            assert reader.execute(text("SELECT count(*) FROM stage_events")).scalar_one() == 0
    finally:
        engine.dispose()
