"""Everyday commands with a long history: 10,000 applications on SQLite, each command a fresh process.

Run: .venv/bin/python bench/bench_everyday.py [--runs 7] [--apps 10000] [--home DIR] [--only NAME ...]
     .venv/bin/python bench/bench_everyday.py --sizes 1000 10000 40000 [--home DIR] [--baseline SRC ...]
The data set (bench_foundation's varied histories, as after a LinkedIn import and months of use) is built
once in a temporary NEXTROUND_HOME, or in --home DIR, which is kept and reused on the next run. It ends two
weeks before today, so the agenda sees a history that reaches the present. Prints a markdown table: median
of N runs, the ratio to a bare `python -c pass` timed in the same run, the goal. With --sizes, one table
of wall-clock medians, a column per size of history (the data sets built as DIR/home-N).

With --baseline SRC (a checkout's `src` directory, e.g. from `git archive`) each command also runs from
that code, interleaved with this one, and the table gains a "before" column: a before/after comparison
made under the same load. When the before code's schema is older than the data set's, give it a data set
of its own with --baseline-home DIR: it is built (once) by the before code from the same generated history.

With --machinery it instead times each piece of start-up machinery against the same start without it:
the help-only stand-in app and the read path through `sqlite3` (storage.reads on an SQLite file).
Both sides start through
`python -c` and `nextround.cli.main.run()`; the side "without" switches the piece off first, so the
difference is what that piece saves.

With --cached-bytecode every timed process (the bare start too) keeps its compiled bytecode in a cache of
its own (PYTHONPYCACHEPREFIX, written by the warm-up runs), as an installed package has it. Without it the
processes run as the environment says: where PYTHONDONTWRITEBYTECODE is set and the checkout has no
`__pycache__`, every start compiles nextround's own modules again (about 60 ms of processor time).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_foundation import NEXTROUND, history_export

COMMAND_GOAL = 20.0
HELP_GOAL = 8.0


def sample(command: list[str], env: dict[str, str], cpu: list[float] | None = None) -> float:
    """Wall-clock seconds of one run; its processor seconds (user + system) are appended to `cpu`.

    On a shared machine the wall clock also counts waiting for a core; processor time does not, so
    its ratio to a bare start is the steadier of the two when other work is running."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(command, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    elapsed = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if cpu is not None:
        cpu.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return elapsed


def rejected_application(export: Path) -> int:
    """An application near the middle of the history whose last event is a rejection."""
    events = json.loads(export.read_text())["tables"]["stage_events"]
    last: dict[int, str] = {}
    for event in events:
        last[event["application_id"]] = event["to_state"]
    rejected = sorted(app_id for app_id, state in last.items() if state == "rejected")
    return rejected[len(rejected) // 2]


def history_until() -> datetime:
    """Where a generated history ends: two weeks before today (midnight UTC), so the agenda sees a history
    that reaches the present, and two data sets built on the same day are the same."""
    today = datetime.now(UTC).replace(hour=0, minute=0, second=0, microsecond=0)
    return today - timedelta(days=14)


def build_home(home: Path, apps: int, pythonpath: Path | None = None) -> int:
    """Import the history into `home` (unless already there) and return a rejected application's id."""
    export = home.parent / f"{home.name}-history.json"
    if not export.exists():
        history_export(export, apps, until=history_until())
    env = {**os.environ, "NEXTROUND_HOME": str(home)}
    env.pop("NEXTROUND_DATABASE_URL", None)
    if pythonpath is not None:
        env["PYTHONPATH"] = str(pythonpath)
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
        ("nextround app list", ["app", "list"], COMMAND_GOAL),
        ("nextround app list --json", ["app", "list", "--json"], COMMAND_GOAL),
    ]


# `python -c` programs that start the command line as the console script does, with one piece switched off.
START = "import sys; import nextround.cli.main as m; {patch}; sys.argv = ['nextround', *sys.argv[1:]]; m.run()"
WITHOUT = {
    "help-only stand-in app": "m._help_only_app = lambda listing: m.build_app()",
    # Without it every read goes through a SQLAlchemy session, as writes do.
    "sqlite3 read path": "import nextround.storage.db as d; d.sqlite_file = lambda url: None",
}
MACHINERY = [  # (piece, command line)
    ("help-only stand-in app", ["--help"]),
    ("sqlite3 read path", ["app", "list", "--json"]),
    ("sqlite3 read path", ["stats"]),
    ("sqlite3 read path", ["app", "show", "{rejected}"]),
]


def machinery(env: dict[str, str], rejected: int, runs: int) -> None:
    with_samples: dict[int, list[float]] = {n: [] for n in range(len(MACHINERY))}
    without_samples: dict[int, list[float]] = {n: [] for n in range(len(MACHINERY))}
    bare_samples = []
    for _ in range(runs):
        sample([sys.executable, "-c", "pass"], env, bare_samples)
        for n, (piece, arguments) in enumerate(MACHINERY):
            line = [a.format(rejected=rejected) for a in arguments]
            sample([sys.executable, "-c", START.format(patch="pass"), *line], env, with_samples[n])
            without = START.format(patch=WITHOUT[piece])
            sample([sys.executable, "-c", without, *line], env, without_samples[n])
    bare = statistics.median(bare_samples)
    load = os.getloadavg()[0]
    print(f"Start-up machinery: processor time, median of {runs} runs; bare start {bare * 1000:.0f} ms", end="")
    print(f"; load {load:.1f}\n")
    print("| piece | command | with it | without it | it saves |")
    print("| --- | --- | ---: | ---: | ---: |")
    for n, (piece, arguments) in enumerate(MACHINERY):
        line = " ".join(a.format(rejected=rejected) for a in arguments)
        with_it, without_it = statistics.median(with_samples[n]), statistics.median(without_samples[n])
        print(
            f"| {piece} | `nextround {line}` | {with_it * 1000:.0f} ms ({with_it / bare:.1f}×) | "
            f"{without_it * 1000:.0f} ms ({without_it / bare:.1f}×) | {(without_it - with_it) * 1000:.0f} ms |"
        )


Samples = dict[str, list[float]]


def print_comparison(
    chosen: list[tuple[str, list[str], float]],
    before: tuple[Samples, Samples],
    after: tuple[Samples, Samples],
    bare: tuple[float, float],
    args: argparse.Namespace,
) -> None:
    """Wall-clock medians and their ratios to a bare start, then the same ratios in processor time."""
    load = os.getloadavg()[0]
    print(f"{args.apps:,} applications on SQLite; median of {args.runs} interleaved runs; load {load:.1f}", end="")
    print(f"; {_bytecode(args)}\n")
    print("| command | before | after | ratio before | ratio after | processor ratio before → after | goal | met |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |")
    print(f"| `python -c pass` | | {bare[0] * 1000:.0f} ms | | 1.0× | 1.0× ({bare[1] * 1000:.0f} ms) | baseline | |")
    for name, _, goal in chosen:
        old, new = statistics.median(before[0][name]), statistics.median(after[0][name])
        old_cpu, new_cpu = statistics.median(before[1][name]), statistics.median(after[1][name])
        met = "yes" if new_cpu / bare[1] <= goal else "**no**"
        print(
            f"| `{name}` | {old * 1000:.0f} ms | {new * 1000:.0f} ms | {old / bare[0]:.1f}× | {new / bare[0]:.1f}× "
            f"| {old_cpu / bare[1]:.1f}× → {new_cpu / bare[1]:.1f}× | ≤ {goal:.0f}× | {met} |"
        )


def by_size(args: argparse.Namespace, tmp: Path) -> None:
    """Each command at each size of history (`--sizes`): wall-clock and processor-time medians; with --baseline,
    before → after.

    Every size's data set is built once under --home (or a temporary folder) as home-N, the before code's
    under --baseline-home as home-N; runs are interleaved over sizes and commands alike."""
    root = args.home.resolve() if args.home else tmp
    sides: list[tuple[str, Path, Path | None]] = [("after", root, None)]
    if args.baseline:
        before_root = (args.baseline_home or args.home or tmp).resolve()
        sides.insert(0, ("before", before_root, args.baseline.resolve()))
    envs: dict[tuple[str, int], dict[str, str]] = {}
    shown: dict[int, list[tuple[str, list[str]]]] = {}
    for size in args.sizes:
        for side, folder, pythonpath in sides:
            folder.mkdir(parents=True, exist_ok=True)
            rejected = build_home(folder / f"home-{size}", size, pythonpath)
            env = {**os.environ, "NEXTROUND_HOME": str(folder / f"home-{size}"), "COLUMNS": "100"}
            env.pop("NEXTROUND_DATABASE_URL", None)
            if pythonpath is not None:
                env["PYTHONPATH"] = str(pythonpath)
            envs[side, size] = env
        chosen = [c for c in commands(rejected) if not args.only or any(word in c[0] for word in args.only)]
        shown[size] = [(name.replace(str(rejected), "N"), arguments) for name, arguments, _ in chosen]
        for side, _, _ in sides:
            for _, arguments in shown[size]:
                sample([*NEXTROUND, *arguments], envs[side, size])  # warm the page cache and bytecode
    samples: dict[tuple[str, int, str], list[float]] = {}
    cpu: dict[tuple[str, int, str], list[float]] = {}
    for _ in range(args.runs):
        for size in args.sizes:
            for name, arguments in shown[size]:
                for side, _, _ in sides:
                    key = (side, size, name)
                    taken = sample([*NEXTROUND, *arguments], envs[side, size], cpu.setdefault(key, []))
                    samples.setdefault(key, []).append(taken)
    load = os.getloadavg()[0]
    print(f"SQLite; median of {args.runs} interleaved runs, each a fresh process, wall clock (processor time)", end="")
    print(f"; load {load:.1f}; {_bytecode(args)}\n")
    heads = [f"{size:,} applications" for size in args.sizes]
    print(f"| command | {' | '.join(heads)} |")
    print(f"| --- |{' ---: |' * len(heads)}")
    for name, _ in shown[args.sizes[0]]:
        cells = []
        for size in args.sizes:
            found = [
                f"{_seconds(statistics.median(samples[key]))} ({_seconds(statistics.median(cpu[key]))})"
                for key in ((side, size, name) for side, _, _ in sides)
            ]
            cells.append(" → ".join(found))
        print(f"| `{name}` | {' | '.join(cells)} |")


def _seconds(value: float) -> str:
    return f"{value * 1000:.0f} ms" if value < 10 else f"{value:.1f} s"


def _bytecode(args: argparse.Namespace) -> str:
    if args.cached_bytecode:
        return "bytecode cached"
    if os.environ.get("PYTHONDONTWRITEBYTECODE"):
        return "PYTHONDONTWRITEBYTECODE set: nextround compiled at every start unless its __pycache__ exists"
    return "bytecode as the environment writes it"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--apps", type=int, default=10_000)
    parser.add_argument("--home", type=Path, help="build the data set here once and reuse it (kept)")
    parser.add_argument("--only", nargs="*", default=None, help="only commands whose name contains one of these")
    parser.add_argument("--machinery", action="store_true", help="time each start-up shortcut against none")
    parser.add_argument("--baseline", type=Path, help="also run each command from this src directory (before)")
    parser.add_argument("--baseline-home", type=Path, help="the before code's own data set (built here, kept)")
    parser.add_argument("--cached-bytecode", action="store_true", help="time with compiled bytecode kept, as installed")
    parser.add_argument("--sizes", type=int, nargs="+", help="a table of medians by size, e.g. 1000 10000 40000")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        if args.sizes:
            by_size(args, Path(tmp))
            return
        home = args.home.resolve() if args.home else Path(tmp) / "home"
        home.parent.mkdir(parents=True, exist_ok=True)
        rejected = build_home(home, args.apps)
        env = {**os.environ, "NEXTROUND_HOME": str(home), "COLUMNS": "100"}
        env.pop("NEXTROUND_DATABASE_URL", None)
        if args.cached_bytecode:
            env.pop("PYTHONDONTWRITEBYTECODE", None)
            env["PYTHONPYCACHEPREFIX"] = str(Path(tmp) / "pycache")
            sample([sys.executable, "-c", "pass"], env)
        if args.machinery:
            machinery(env, rejected, args.runs)
            return
        chosen = [c for c in commands(rejected) if not args.only or any(word in c[0] for word in args.only)]
        for _, arguments, _ in chosen:  # warm the page cache and any compiled bytecode once
            sample([*NEXTROUND, *arguments], env)
        # Interleave the commands run by run, so a burst of load on the shared machine spreads over all.
        before_env = None
        if args.baseline:
            before_env = {**env, "PYTHONPATH": str(args.baseline.resolve())}
            if args.baseline_home:
                before_home = args.baseline_home.resolve()
                before_home.parent.mkdir(parents=True, exist_ok=True)
                if build_home(before_home, args.apps, args.baseline.resolve()) != rejected:
                    raise SystemExit("the two data sets differ: build both from the same --apps")
                before_env["NEXTROUND_HOME"] = str(before_home)
            for _, arguments, _ in chosen:
                sample([*NEXTROUND, *arguments], before_env)
        bare_samples: list[float] = []
        bare_cpu: list[float] = []
        samples: dict[str, list[float]] = {name: [] for name, _, _ in chosen}
        cpu: dict[str, list[float]] = {name: [] for name, _, _ in chosen}
        before: dict[str, list[float]] = {name: [] for name, _, _ in chosen}
        before_cpu: dict[str, list[float]] = {name: [] for name, _, _ in chosen}
        for _ in range(args.runs):
            bare_samples.append(sample([sys.executable, "-c", "pass"], env, bare_cpu))
            for name, arguments, _ in chosen:
                samples[name].append(sample([*NEXTROUND, *arguments], env, cpu[name]))
                if before_env is not None:
                    before[name].append(sample([*NEXTROUND, *arguments], before_env, before_cpu[name]))
        bare = statistics.median(bare_samples)
        bare_processor = statistics.median(bare_cpu)
    if args.baseline:
        print_comparison(chosen, (before, before_cpu), (samples, cpu), (bare, bare_processor), args)
        return

    load = os.getloadavg()[0]
    print(f"{args.apps:,} applications on SQLite; median of {args.runs} runs, each a fresh process", end="")
    print(f"; load {load:.1f}", end="")
    print(f"; {_bytecode(args)}; met: processor time ratio\n")
    print("| command | median | ratio to `python -c pass` | processor time ratio | goal | met |")
    print("| --- | ---: | ---: | ---: | ---: | --- |")
    print(f"| `python -c pass` | {bare * 1000:.0f} ms | 1.0× | 1.0× ({bare_processor * 1000:.0f} ms) | baseline | |")
    for name, _, goal in chosen:
        median = statistics.median(samples[name])
        ratio = median / bare
        processor_ratio = statistics.median(cpu[name]) / bare_processor
        met = "yes" if processor_ratio <= goal else "**no**"
        print(f"| `{name}` | {median * 1000:.0f} ms | {ratio:.1f}× | {processor_ratio:.1f}× | ≤ {goal:.0f}× | {met} |")


if __name__ == "__main__":
    main()
