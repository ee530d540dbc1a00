"""The shared server under load: simulated people signed in to `nextround serve --multi-user --workers 2`.

Run: .venv/bin/python bench/bench_multiuser.py [--users 200] [--seconds 60] [--think 3.0] [--apps 10] [--warmup 10]

It makes a database of its own on the PostgreSQL server (NEXTROUND_BENCH_POSTGRES_URL, default the test
server), gives each simulated person an account, a session and `--apps` applications, starts the server with two
worker processes on loopback, and lets every person use it at once from this process (httpx, asyncio): each one
waits a random think time (uniform, 0.5 to 1.5 times `--think` seconds) between requests, as people do, and
picks the dashboard page, the applications API, the stats API, adding an application or editing one. The first
`--warmup` seconds are not timed (errors count from the start). Bounded in time; the database is dropped at the
end. Also prints the server's processor time per request. Prints a markdown table of latencies against the goals (reads
p95 <= 150 ms, writes p95 <= 250 ms, no errors).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import socket
import statistics
import subprocess
import sys
import time
import uuid
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

import httpx
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from nextround.config import Settings
from nextround.services import accounts
from nextround.services.applications import ApplicationFields, ApplicationService
from nextround.services.workspace import Workspace
from nextround.storage.db import Database

READ_GOAL_MS = 150
WRITE_GOAL_MS = 250
ADMIN_URL = os.environ.get(
    "NEXTROUND_BENCH_POSTGRES_URL",
    os.environ.get("NEXTROUND_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test"),
)
# (kind, share of requests, is a write)
MIX = (("dashboard page", 0.35, False), ("list API", 0.3, False), ("stats API", 0.15, False))
WRITES = (("add application", 0.1), ("edit application", 0.1))


@contextmanager
def scratch_database() -> Iterator[str]:
    admin_url = make_url(ADMIN_URL)
    name = f"nextround_bench_{uuid.uuid4().hex[:8]}"
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield admin_url.set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def seed(url: str, users: int, apps: int) -> list[tuple[str, str, list[int]]]:
    """Accounts with a session each (made directly: the bench measures use, not argon2) and some applications."""
    accounts.HASH_COSTS = {"time_cost": 1, "memory_cost": 1024, "parallelism": 1}
    db = Database.open(url)
    people = []
    settings = Settings(home=Path("/nonexistent"), database_url=url)
    try:
        for n in range(users):
            account = accounts.create_user(db, f"person{n}@bench.example", "bench password 123")
            signed = accounts._new_session(db, account.id, datetime.now(UTC))
            service = ApplicationService(Workspace(db=db, owner_id=account.id, settings=settings))
            ids = [service.add(ApplicationFields(company=f"Company {k}", role="Analyst")).id for k in range(apps)]
            people.append((signed.cookie, signed.csrf_token, ids))
    finally:
        db.dispose()
    return people


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def processor_seconds(parent: int) -> float:
    """User and system time of the server: the parent and its worker processes (Linux /proc)."""
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0.0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        pid, ppid = int(stat.parent.name), int(fields[1])
        if pid == parent or ppid == parent:
            total += (int(fields[11]) + int(fields[12])) / ticks
    return total


@contextmanager
def server(url: str, workers: int) -> Iterator[tuple[str, int]]:
    port = free_port()
    env = {**os.environ, "NEXTROUND_DATABASE_URL": url}
    command = [sys.executable, "-m", "nextround", "serve", "--multi-user", "--workers", str(workers)]
    process = subprocess.Popen([*command, "--port", str(port)], env=env, stdout=subprocess.DEVNULL)
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:  # the port opens at once; a worker answers once it has started
            try:
                if httpx.get(f"{base}/sign-in", timeout=5).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            time.sleep(0.2)
        time.sleep(2)  # let every worker finish starting
        yield base, process.pid
    finally:
        process.terminate()
        process.wait(timeout=30)


async def person(
    base: str,
    cookie: str,
    csrf: str,
    app_ids: list[int],
    window: tuple[float, float],
    think: float,
    samples: dict[str, list[float]],
) -> None:
    counted_from, until = window
    kinds = [k for k, _, _ in MIX] + [k for k, _ in WRITES]
    weights = [w for _, w, _ in MIX] + [w for _, w in WRITES]
    headers = {"X-CSRF-Token": csrf}
    async with httpx.AsyncClient(base_url=base, cookies={"nextround_session": cookie}, timeout=30) as client:
        await asyncio.sleep(random.uniform(0, think))  # people do not all arrive in the same second
        while time.monotonic() < until:
            kind = random.choices(kinds, weights)[0]
            start = time.perf_counter()
            try:
                if kind == "dashboard page":
                    response = await client.get("/")
                elif kind == "list API":
                    response = await client.get("/api/v1/applications")
                elif kind == "stats API":
                    response = await client.get("/api/v1/stats")
                elif kind == "add application":
                    body = {"company": f"New {random.randrange(10**6)}", "role": "Analyst"}
                    response = await client.post("/api/v1/applications", json=body, headers=headers)
                else:
                    body = {"notes": f"called back {random.randrange(10**6)}"}
                    path = f"/api/v1/applications/{random.choice(app_ids)}"
                    response = await client.patch(path, json=body, headers=headers)
                status = str(response.status_code)
            except httpx.HTTPError as exc:
                status = type(exc).__name__
            elapsed = (time.perf_counter() - start) * 1000
            samples["(all, warm-up included)"].append(elapsed)  # for the processor time per request
            if time.monotonic() >= counted_from or status not in ("200", "201"):  # errors count from the start
                samples[kind if status in ("200", "201") else f"{kind} ERROR {status}"].append(elapsed)
            await asyncio.sleep(random.uniform(0.5 * think, 1.5 * think))


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def report(samples: dict[str, list[float]], seconds: float) -> bool:
    writes = {k for k, _ in WRITES}
    rows = [
        "| requests | count | median ms | p95 ms | p99 ms | max ms | goal p95 |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    met = True
    groups: dict[str, list[float]] = defaultdict(list)
    errors = sum(len(v) for k, v in samples.items() if " ERROR " in k)
    error_kinds = sorted(f"{k}: {len(v)}" for k, v in samples.items() if " ERROR " in k)
    for kind, values in sorted(samples.items()):
        if " ERROR " in kind or not values:
            continue
        goal = WRITE_GOAL_MS if kind in writes else READ_GOAL_MS
        groups["all writes" if kind in writes else "all reads"].extend(values)
        rows.append(_row(kind, values, goal))
    for name, values in groups.items():
        goal = WRITE_GOAL_MS if name == "all writes" else READ_GOAL_MS
        rows.append(_row(f"**{name}**", values, goal))
        met = met and percentile(values, 0.95) <= goal
    total = sum(len(v) for v in samples.values())
    print("\n".join(rows))
    print(f"\n{total} requests in {seconds:.0f} s ({total / seconds:.0f}/s), errors: {errors}")
    if error_kinds:
        print("errors: " + "; ".join(error_kinds))
    return met and errors == 0


def _row(kind: str, values: list[float], goal: int) -> str:
    return (
        f"| {kind} | {len(values)} | {statistics.median(values):.0f} | {percentile(values, 0.95):.0f} "
        f"| {percentile(values, 0.99):.0f} | {max(values):.0f} | {goal} |"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--users", type=int, default=200)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--think", type=float, default=3.0, help="mean seconds a person waits between requests")
    parser.add_argument("--apps", type=int, default=10, help="applications each person starts with")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--warmup", type=float, default=10, help="first seconds not timed (workers warming up)")
    args = parser.parse_args()
    with scratch_database() as url:
        started = time.perf_counter()
        people = seed(url, args.users, args.apps)
        print(f"seeded {args.users} people x {args.apps} applications in {time.perf_counter() - started:.0f} s")
        with server(url, args.workers) as (base, pid):
            samples: dict[str, list[float]] = defaultdict(list)
            cpu_before = processor_seconds(pid)
            began = time.monotonic()
            window = (began + args.warmup, began + args.warmup + args.seconds)

            async def everyone() -> None:
                await asyncio.gather(*(person(base, c, t, ids, window, args.think, samples) for c, t, ids in people))

            asyncio.run(everyone())
            elapsed = time.monotonic() - window[0]
            server_cpu = processor_seconds(pid) - cpu_before
    load = os.getloadavg()
    print(f"\n{args.users} people, {args.workers} workers, think time ~{args.think:g} s, load {load[0]:.1f}\n")
    answered_all = len(samples.pop("(all, warm-up included)", []))
    met = report(samples, elapsed)
    per_request = server_cpu * 1000 / max(1, answered_all)
    print(
        f"server processor time: {per_request:.1f} ms per request "
        f"({server_cpu:.0f} s in all; two free cores would answer about {2000 / per_request:.0f} requests/s)"
    )
    print("goals met" if met else "goals NOT met")


if __name__ == "__main__":
    main()
