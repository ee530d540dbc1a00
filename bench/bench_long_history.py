"""Today and Insights with a long history: server-side render time at each size of history, before → after.

Run: .venv/bin/python bench/bench_long_history.py [--sizes 1000 10000 40000] [--renders 9] [--rounds 3]
     [--home DIR] [--baseline SRC]
The data is bench_web's (bench_foundation's varied histories ending two weeks before today, 200 contacts, a CV,
a goal, 2,000 practice answers), built once per size as DIR/home-N with --home DIR (kept and reused), else in a
temporary folder. Each side renders each page in a fresh process, in-process through the ASGI app as bench_web
does, --renders times after a warm-up render; the processes alternate between the sides --rounds times, so both
sides see the same load. The dashboard is rendered right after a change (its view cache emptied first), as it is
after any edit. Prints a markdown table of processor-time medians over every render of a side, and whether the
two sides served the same HTML (the CSRF token aside).
--baseline SRC: the code before, as a `src` directory (`git archive <commit> src | tar -x -C DIR`).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
PAGES = ("/today", "/insights", "/")
GOAL_MS = 80
_TOKEN = re.compile(r'(csrf_token" value="|X-CSRF-Token": ")[\w-]+')


def child(home: Path, renders: int) -> None:
    """Runs in the side's own process: renders each page, prints its samples and its HTML's digest."""
    from fastapi.testclient import TestClient

    from nextround.config import Settings
    from nextround.web.app import create_app

    env = {key: value for key, value in os.environ.items() if key != "NEXTROUND_DATABASE_URL"}
    env["NEXTROUND_HOME"] = str(home)
    app = create_app(Settings.from_env(env))
    found: dict[str, Any] = {}
    with TestClient(app, base_url="http://127.0.0.1:8765") as client:
        for path in PAGES:
            html = client.get(path).text  # warm up: templates compiled, connection open
            samples = []
            for _ in range(renders):
                if path == "/":
                    app.state.web.cache.changed()  # as right after an edit
                start, cpu = time.perf_counter(), time.process_time()
                response = client.get(path)
                samples.append(((time.perf_counter() - start) * 1000, (time.process_time() - cpu) * 1000))
                assert response.status_code == 200, (path, response.status_code)
            digest = hashlib.sha256(_TOKEN.sub(r"\1-", html).encode()).hexdigest()
            found[path] = {"samples": samples, "html": digest}
    print(json.dumps(found))


def run_side(src: Path, home: Path, renders: int) -> dict[str, Any]:
    env = {**os.environ, "PYTHONPATH": str(src)}
    env.pop("NEXTROUND_DATABASE_URL", None)
    command = [sys.executable, str(Path(__file__).resolve()), "--child", str(home), "--renders", str(renders)]
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    if done.returncode:
        raise SystemExit(f"{src} on {home} failed:\n{done.stderr[-3000:]}")
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def build_home(root: Path, size: int) -> Path:
    """bench_web's home with `size` applications, built once under `root`."""
    home = root / f"home-{size}"
    if not (home / "home" / "nextround.db").exists():
        sys.path.insert(0, str(HERE))
        from bench_web import build

        home.mkdir(parents=True, exist_ok=True)
        build(home, size, 200, 2_000)
    return home / "home"


def side_copy(home: Path, side: str) -> Path:
    """A fresh copy of the built home for one side (the database and its files)."""
    copy = home.parent.parent / f"{home.parent.name}-{side}"
    if copy.exists():
        shutil.rmtree(copy)
    shutil.copytree(home, copy)
    return copy


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000, 10_000, 40_000])
    parser.add_argument("--renders", type=int, default=9, help="timed renders per process")
    parser.add_argument("--rounds", type=int, default=3, help="processes per side and size, interleaved")
    parser.add_argument("--home", type=Path, help="keep the data sets here (DIR/home-N) and reuse them")
    parser.add_argument("--baseline", type=Path, help="the before code's src directory")
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child, args.renders)
        return

    sides = [("after", HERE.parent / "src")]
    if args.baseline:
        sides.insert(0, ("before", args.baseline.resolve()))
    with tempfile.TemporaryDirectory() as tmp:
        root = (args.home or Path(tmp)).resolve()
        cpu: dict[tuple[str, int, str], list[float]] = {}
        wall: dict[tuple[str, int, str], list[float]] = {}
        html: dict[tuple[str, int, str], set[str]] = {}
        loads = []
        for size in args.sizes:
            home = build_home(root, size)
            # Each side on its own copy: the after side may migrate the schema past what the before side knows.
            homes = {side: side_copy(home, side) for side, _ in sides}
            for _ in range(args.rounds):
                for side, src in sides:
                    loads.append(os.getloadavg()[0])
                    for path, found in run_side(src, homes[side], args.renders).items():
                        key = (path, size, side)
                        cpu.setdefault(key, []).extend(c for _, c in found["samples"])
                        wall.setdefault(key, []).extend(w for w, _ in found["samples"])
                        html.setdefault(key, set()).add(found["html"])

    names = [side for side, _ in sides]
    print(
        f"\nProcessor time per render, median of {args.rounds} × {args.renders} renders per cell (wall clock in "
        f"brackets), SQLite, load average {min(loads):.1f}-{max(loads):.1f} on {os.cpu_count()} cores\n"
    )
    header = " | ".join(f"{size:,} applications" for size in args.sizes)
    print(f"| page | {header} |" + (" same HTML |" if len(sides) > 1 else ""))
    print("| --- |" + " ---: |" * len(args.sizes) + (" --- |" if len(sides) > 1 else ""))
    for path in PAGES:
        label = "`/` right after a change" if path == "/" else f"`{path}`"
        cells = []
        same = []
        for size in args.sizes:
            cells.append(
                " → ".join(
                    f"{statistics.median(cpu[(path, size, side)]):.0f} ms "
                    f"({statistics.median(wall[(path, size, side)]):.0f})"
                    for side in names
                )
            )
            digests = set().union(*(html[(path, size, side)] for side in names))
            same.append(len(digests) == 1)
        row = f"| {label} | {' | '.join(cells)} |"
        if len(sides) > 1:
            row += f" {'yes' if all(same) else '**no**'} |"
        print(row)
    print(f"\nGoal: Today and Insights under {GOAL_MS} ms of processor time (median) at 40,000 applications.")


if __name__ == "__main__":
    main()
