"""Speed of mail reading: a 10,000-message mbox import, and a sync of a 10,000-message IMAP folder with nothing new.

Run: .venv/bin/python bench/bench_mail.py [--messages 10000] [--skip-apply] [--skip-imap]

Goals (issue 13): importing a 10,000-message mbox <= 30 s on 2 cores; a no-change sync of 10,000 messages <= 3 s.
The mailbox is the corpus's dev and test messages repeated with fresh Message-IDs (about a third job mail, the
rest newsletters, alerts and personal mail). The import is timed as the command runs it: read the mbox, classify
and link every message, then (second row) apply the proposals, one transaction each. The sync uses a real
Dovecot on a loopback port (tests/dovecot_server.py): a first `--apply` sync reads the folder, then the timed
sync finds nothing new.
"""

from __future__ import annotations

import argparse
import mailbox
import os
import re
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import TypeVar

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.mail_corpus import load, tracker  # noqa: E402

from nextround.config import Settings  # noqa: E402
from nextround.domain.applications import ApplicationFields  # noqa: E402
from nextround.domain.stages import Stage  # noqa: E402
from nextround.integrations.imap import ImapSettings  # noqa: E402
from nextround.integrations.mail_read import read_path  # noqa: E402
from nextround.services.applications import ApplicationService  # noqa: E402
from nextround.services.mail_inbox import SyncMode, apply_all, read_and_propose, sync  # noqa: E402
from nextround.services.workspace import Workspace  # noqa: E402
from nextround.storage.db import Database  # noqa: E402

T = TypeVar("T")
NOW = datetime(2024, 12, 31, 12, 0, tzinfo=UTC)


def messages(count: int) -> list[bytes]:
    base = [item.raw for split in ("dev", "test") for item in load(split)]
    out = []
    for index in range(count):
        raw = base[index % len(base)]
        out.append(re.sub(rb"Message-ID: <([^@>]+)@", rb"Message-ID: <\1-" + str(index).encode() + rb"@", raw, count=1))
    return out


def workspace(folder: Path) -> Workspace:
    url = f"sqlite:///{folder / 'bench.db'}"
    db = Database.open(url)
    ws = Workspace(db=db, owner_id=db.local_user_id(), settings=Settings(folder, url), clock=lambda: NOW)
    service = ApplicationService(ws)
    for row in tracker():
        fields = ApplicationFields(company=row.company, role=row.role, contact_email=row.contact_email)
        service.add(fields, stage=Stage(row.stage), applied_at=datetime(2024, 9, 1, tzinfo=UTC))
    return ws


CPU_SECONDS: list[float] = []


def timed(action: Callable[[], T]) -> tuple[float, T]:
    """Wall seconds (returned) and this process's CPU seconds (kept): the machines are shared and busy."""
    start, cpu = time.perf_counter(), time.process_time()
    result = action()
    CPU_SECONDS.append(time.process_time() - cpu)
    return time.perf_counter() - start, result


def bench_import(raws: list[bytes], folder: Path, *, apply: bool = True) -> list[tuple[str, str, str]]:
    path = folder / "export.mbox"
    box = mailbox.mbox(str(path))
    box.lock()
    for raw in raws:
        box.add(mailbox.mboxMessage(raw))
    box.flush()
    box.unlock()
    box.close()
    ws = workspace(folder)

    def dry_run() -> int:
        report = read_path(path)
        return len(read_and_propose(ws, report.messages, report.unreadable).proposals)

    seconds, proposals = timed(dry_run)
    rows = [
        (
            f"import --dry-run, {len(raws):,} messages (read, classify, link)",
            f"{seconds:.1f} s (CPU {CPU_SECONDS[-1]:.1f} s)",
            "<= 30 s",
        )
    ]
    if not apply:
        ws.db.dispose()
        return rows
    report = read_path(path)
    run = read_and_propose(ws, report.messages, report.unreadable)
    apply_seconds, applied = timed(lambda: apply_all(ws, run).applied)
    rows.append(
        (f"then --apply: {applied:,} messages with changes, one transaction each", f"{apply_seconds:.1f} s", "")
    )
    ws.db.dispose()
    assert proposals == len(raws)
    return rows


def bench_sync(raws: list[bytes], folder: Path) -> list[tuple[str, str, str]]:
    from tests.dovecot_server import dovecot_server

    with dovecot_server(raws) as server:
        settings = ImapSettings.from_env(server.env(), password_lookup=lambda _: None)
        ws = workspace(folder)
        first_seconds, first = timed(lambda: sync(ws, settings, mode=SyncMode.APPLY))
        first_cpu = CPU_SECONDS[-1]
        seconds, again = timed(lambda: sync(ws, settings, mode=SyncMode.APPLY))
        ws.db.dispose()
    assert again.new_messages == 0
    return [
        (
            f"first sync --apply of {first.new_messages:,} messages",
            f"{first_seconds:.1f} s (CPU {first_cpu:.1f} s)",
            "",
        ),
        (
            f"sync with nothing new ({len(raws):,} messages in the folder)",
            f"{seconds:.2f} s (CPU {CPU_SECONDS[-1]:.2f} s)",
            "<= 3 s",
        ),
    ]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--messages", type=int, default=10_000)
    parser.add_argument("--skip-imap", action="store_true")
    parser.add_argument("--skip-apply", action="store_true", help="Time only the dry-run import.")
    args = parser.parse_args()
    raws = messages(args.messages)
    print(f"load average at the start: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores\n")
    print("| measure | time | goal |\n| --- | --- | --- |", flush=True)

    def show(rows: list[tuple[str, str, str]]) -> None:
        for name, value, goal in rows:
            print(f"| {name} | {value} | {goal} |", flush=True)

    with tempfile.TemporaryDirectory() as folder:
        show(bench_import(raws, Path(folder), apply=not args.skip_apply))
    if not args.skip_imap:
        with tempfile.TemporaryDirectory() as folder:
            show(bench_sync(raws, Path(folder)))


if __name__ == "__main__":
    main()
