"""Everyday commands with a long history: 10,000 applications on SQLite, each command a fresh process.

Run: .venv/bin/python bench/bench_everyday.py [--runs 7] [--apps 10000] [--home DIR] [--only NAME ...]
The data set (bench_foundation's varied histories, as after a LinkedIn import and months of use) is built
once in a temporary NEXTROUND_HOME, or in --home DIR, which is kept and reused on the next run. Prints a
markdown table: median of N runs, the ratio to a bare `python -c pass` timed in the same run, the goal.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_foundation import NEXTROUND, history_export

COMMAND_GOAL = 20.0
HELP_GOAL = 8.0


def sample(command: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def rejected_application(export: Path) -> int:
    """An application near the middle of the history whose last event is a rejection."""
    events = json.loads(export.read_text())["tables"]["stage_events"]
    last: dict[int, str] = {}
    for event in events:
        last[event["application_id"]] = event["to_state"]
    rejected = sorted(app_id for app_id, state in last.items() if state == "rejected")
    return rejected[len(rejected) // 2]


def build_home(home: Path, apps: int) -> int:
    """Import the history into `home` (unless already there) and return a rejected application's id."""
    export = home.parent / f"{home.name}-history.json"
    if not export.exists():
        history_export(export, apps)
    env = {**os.environ, "NEXTROUND_HOME": str(home)}
    env.pop("NEXTROUND_DATABASE_URL", None)
    if not (home / "nextround.db").exists():
        subprocess.run([*NEXTROUND, "import", "json", str(export)], env=env, check=True, stdout=subprocess.DEVNULL)
    return rejected_application(export)


def commands(rejected: int) -> list[tuple[str, list[str], float]]:
    """(name, arguments after `nextround`, goal as a ratio to a bare start)."""
    return [
        ("nextround --help", ["--help"], HELP_GOAL),
        ("nextround", [], COMMAND_GOAL),
        ("nextround today", ["today"], COMMAND_GOAL),
        ("nextround stats", ["stats"], COMMAND_GOAL),
        (f"nextround app show {rejected}", ["app", "show", str(rejected)], COMMAND_GOAL),
        (f"nextround feedback draft {rejected}", ["feedback", "draft", str(rejected)], COMMAND_GOAL),
        ("nextround app list --json", ["app", "list", "--json"], COMMAND_GOAL),
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--apps", type=int, default=10_000)
    parser.add_argument("--home", type=Path, help="build the data set here once and reuse it (kept)")
    parser.add_argument("--only", nargs="*", default=None, help="only commands whose name contains one of these")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        home = args.home.resolve() if args.home else Path(tmp) / "home"
        home.parent.mkdir(parents=True, exist_ok=True)
        rejected = build_home(home, args.apps)
        env = {**os.environ, "NEXTROUND_HOME": str(home), "COLUMNS": "100"}
        env.pop("NEXTROUND_DATABASE_URL", None)
        chosen = [c for c in commands(rejected) if not args.only or any(word in c[0] for word in args.only)]
        for _, arguments, _ in chosen:  # warm the page cache and any compiled bytecode once
            sample([*NEXTROUND, *arguments], env)
        # Interleave the commands run by run, so a burst of load on the shared machine spreads over all.
        bare_samples: list[float] = []
        samples: dict[str, list[float]] = {name: [] for name, _, _ in chosen}
        for _ in range(args.runs):
            bare_samples.append(sample([sys.executable, "-c", "pass"], env))
            for name, arguments, _ in chosen:
                samples[name].append(sample([*NEXTROUND, *arguments], env))
        bare = statistics.median(bare_samples)

    print(f"{args.apps:,} applications on SQLite; median of {args.runs} runs, each a fresh process\n")
    print("| command | median | ratio to `python -c pass` | goal | met |")
    print("| --- | ---: | ---: | ---: | --- |")
    print(f"| `python -c pass` | {bare * 1000:.0f} ms | 1.0× | baseline | |")
    for name, _, goal in chosen:
        median = statistics.median(samples[name])
        ratio = median / bare
        met = "yes" if ratio <= goal else "**no**"
        print(f"| `{name}` | {median * 1000:.0f} ms | {ratio:.1f}× | ≤ {goal:.0f}× | {met} |")


if __name__ == "__main__":
    main()
