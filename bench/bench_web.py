"""Web app speed with 10,000 applications: server-side render times, and JSON API throughput.

Run: .venv/bin/python bench/bench_web.py [--apps 10000] [--renders 20] [--requests 3000] [--seconds 15]
Renders are timed in-process through the ASGI app (TestClient), so they measure our server-side work; the
API load comes from a second process (this one) over loopback against a real uvicorn server, bounded both in
request count and in time. Prints a markdown table of medians against the goals.
"""

from __future__ import annotations

import argparse
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_foundation import history_export
from nextround.config import Settings
from nextround.services.transfer import import_data, read_export
from nextround.services.workspace import Workspace

RENDER_GOAL_MS = 100
API_GOAL_RPS = 500


def render_times(settings: Settings, path: str, runs: int, *, cold: bool = False) -> list[float]:
    """Render `path` `runs` times; `cold` empties the view cache first each time (as after a change)."""
    from fastapi.testclient import TestClient

    from nextround.web.app import create_app

    app = create_app(settings)
    samples = []
    with TestClient(app, base_url="http://127.0.0.1:8765") as client:
        assert client.get(path).status_code == 200  # warm up: database opened, templates compiled
        for _ in range(runs):
            if cold:
                app.state.web.cache.changed()
            start = time.perf_counter()
            response = client.get(path)
            samples.append((time.perf_counter() - start) * 1000)
            assert response.status_code == 200
    return samples


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def api_load(home: Path, path: str, requests: int, seconds: float, threads: int) -> tuple[float, int]:
    """Requests per second from this process against `nextround serve` in another, over loopback."""
    port = free_port()
    env = {key: value for key, value in os.environ.items() if key != "NEXTROUND_DATABASE_URL"}
    env["NEXTROUND_HOME"] = str(home)
    server = subprocess.Popen(
        [sys.executable, "-m", "nextround", "serve", "--port", str(port), "--no-open"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                if httpx.get(base + path, timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline or server.poll() is not None:
                raise SystemExit("the server did not start")
            time.sleep(0.1)
        done = 0
        lock = threading.Lock()
        stop_at = time.monotonic() + seconds

        def worker() -> None:
            nonlocal done
            with httpx.Client(base_url=base, timeout=10) as client:
                while time.monotonic() < stop_at:
                    with lock:
                        if done >= requests:
                            return
                        done += 1
                    response = client.get(path)
                    if response.status_code != 200:
                        raise SystemExit(f"{path}: {response.status_code}")

        start = time.perf_counter()
        pool = [threading.Thread(target=worker) for _ in range(threads)]
        for thread in pool:
            thread.start()
        for thread in pool:
            thread.join()
        elapsed = time.perf_counter() - start
        return done / elapsed, done
    finally:
        server.terminate()
        server.wait(timeout=10)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--apps", type=int, default=10_000)
    parser.add_argument("--renders", type=int, default=20)
    parser.add_argument("--requests", type=int, default=3_000)
    parser.add_argument("--seconds", type=float, default=15.0)
    parser.add_argument("--threads", type=int, default=4)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        home = root / "home"
        env = {key: value for key, value in os.environ.items() if key != "NEXTROUND_DATABASE_URL"}
        env["NEXTROUND_HOME"] = str(home)
        settings = Settings.from_env(env)
        export = root / "history.json"
        history_export(export, args.apps)
        ws = Workspace.open_local(settings)
        import_data(ws, read_export(export, 200 * 1024 * 1024))
        ws.db.dispose()

        rows = []
        for label, path, cold in [
            ("dashboard `/`", "/", False),
            ("dashboard `/`, cold (view cache emptied, as right after a change)", "/", True),
            ("applications `/applications` (page 1 of 100)", "/applications", False),
            ("applications, filtered and sorted", "/applications?status=closed&sort=company&dir=asc&page=3", False),
            ("one application `/applications/5000`", "/applications/5000", False),
        ]:
            samples = render_times(settings, path, args.renders, cold=cold)
            median = statistics.median(samples)
            verdict = "ok" if median < RENDER_GOAL_MS else "over"
            rows.append(f"| render {label} | {median:.1f} ms | < {RENDER_GOAL_MS} ms | {verdict} |")
        for label, path in [
            ("API `GET /api/v1/applications/{id}`", "/api/v1/applications/4321"),
            ("API `GET /api/v1/applications?limit=20`", "/api/v1/applications?limit=20"),
            ("API `GET /api/v1/stats`", "/api/v1/stats"),
        ]:
            rps, count = api_load(home, path, args.requests, args.seconds, args.threads)
            verdict = "ok" if rps >= API_GOAL_RPS else "under"
            rows.append(f"| {label}, {count} requests, {args.threads} threads | {rps:.0f} req/s | "
                        f"≥ {API_GOAL_RPS} req/s | {verdict} |")  # fmt: skip

    print(f"\nWeb app with {args.apps:,} applications (SQLite), medians of {args.renders} renders\n")
    print("| measure | result | goal | |")
    print("| --- | --- | --- | --- |")
    for row in rows:
        print(row)


if __name__ == "__main__":
    main()
