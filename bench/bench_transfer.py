"""JSON export size, export time, and an import's time and peak memory, by workspace size.

Run: .venv/bin/python bench/bench_transfer.py [--sizes 2000,5000,10000]
For each size N: a workspace with N applications (the demo's, with their job descriptions, notes and
histories, repeated under new companies) and N practice answers (the demo's real answers with their stored
analysis, repeated) is written as a JSON export; the export is then imported into an empty SQLite workspace
in a fresh process, which reports its peak resident memory (`resource.getrusage`) before and after.
This is what the web import's size limit for nextround exports is set from (services.transfer).
"""

from __future__ import annotations

import argparse
import copy
import json
import resource
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

from nextround.config import Settings
from nextround.serialize import dumps
from nextround.services import demo, practice
from nextround.services.transfer import export_data, export_json
from nextround.services.workspace import Workspace

DEV_ANSWERS = Path(__file__).resolve().parent.parent / "tests" / "data" / "answers_dev.jsonl"
ANSWERS = 30


def seed_tables(root: Path) -> dict[str, list[dict[str, object]]]:
    """The demo workspace's tables, as an export holds them."""
    ws = Workspace.open_local(Settings(home=root, database_url=f"sqlite:///{root / 'seed.db'}"))
    demo.fill_demo(ws)  # with the practice, feedback and network demos
    # Practice answers as long as real ones (about 250 words), each with the analysis stored beside it.
    rows = [json.loads(line) for line in DEV_ANSWERS.read_text().splitlines() if line.strip()][:ANSWERS]
    questions = practice.list_questions(ws)
    session_id = practice.start_session(ws, [])
    for n, row in enumerate(rows):
        words = str(row["answer"]).split()
        while len(words) < 250:
            words += words
        practice.record_answer(ws, session_id, questions[n % len(questions)], " ".join(words[:250]), 120)
    practice.finish_session(ws, session_id)
    tables = json.loads(dumps(export_data(ws)))["tables"]
    ws.db.dispose()
    return tables


def scaled(tables: dict[str, list[dict[str, object]]], n: int) -> dict[str, list[dict[str, object]]]:
    """`n` applications with their events and `n` practice answers, copied from the seed's."""
    out = copy.deepcopy(tables)
    apps, events, answers = tables["applications"], tables["stage_events"], tables["practice_answers"]
    by_app: dict[object, list[dict[str, object]]] = {}
    for event in events:
        by_app.setdefault(event["application_id"], []).append(event)
    out_apps, out_events = list(out["applications"]), list(out["stage_events"])
    next_app = max(int(str(a["id"])) for a in apps) + 1
    next_event = max(int(str(e["id"])) for e in events) + 1
    while len(out_apps) < n:
        source = apps[len(out_apps) % len(apps)]
        row = {**source, "id": next_app, "company": f"{source['company']} {next_app}"}
        if row.get("job_url"):
            row["job_url"] = f"{row['job_url']}?copy={next_app}"
        out_apps.append(row)
        for event in by_app.get(source["id"], []):
            out_events.append({**event, "id": next_event, "application_id": next_app})
            next_event += 1
        next_app += 1
    out_answers = list(out["practice_answers"])
    next_answer = max(int(str(a["id"])) for a in answers) + 1
    while len(out_answers) < n:
        source = answers[len(out_answers) % len(answers)]
        # A distinct moment, or the import takes it for the same answer (question and moment are its key).
        moment = datetime.fromisoformat(str(source["answered_at"])) - timedelta(minutes=next_answer)
        out_answers.append({**source, "id": next_answer, "answered_at": moment.isoformat()})
        next_answer += 1
    out["applications"], out["stage_events"], out["practice_answers"] = out_apps, out_events, out_answers
    return out


def peak_kb() -> int:
    """This process's peak resident memory in KiB. `resource.getrusage`'s ru_maxrss would do, but on Linux it
    keeps the parent's peak across fork and exec, so the kernel's per-process high-water mark is read instead."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def child(path: Path, home: Path) -> None:
    """In a fresh process: import `path` into an empty workspace; print times and peak memory as JSON."""
    from nextround.services.transfer import import_data, read_export

    ws = Workspace.open_local(Settings(home=home, database_url=f"sqlite:///{home / 'target.db'}"))
    before = peak_kb()
    started = time.perf_counter()
    report = import_data(ws, read_export(path, 1 << 40))
    seconds = time.perf_counter() - started
    peak = peak_kb()
    print(json.dumps({"seconds": seconds, "before_kb": before, "peak_kb": peak, "added": report.added}))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="2000,5000,10000")
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(Path(args.child[0]), Path(args.child[1]))
        return
    sizes = [int(s) for s in args.sizes.split(",")]
    rows = []
    with tempfile.TemporaryDirectory(prefix="bench-transfer-") as folder:
        root = Path(folder)
        seed = seed_tables(root)
        for n in sizes:
            tables = scaled(seed, n)
            home = root / f"n{n}"
            home.mkdir()
            source = Workspace.open_local(Settings(home=home, database_url=f"sqlite:///{home / 'source.db'}"))
            staged = home / "staged.json"
            staged.write_text(json.dumps({"format": "nextround-export", "version": 1, "tables": tables}))
            from nextround.services.transfer import import_data, read_export

            import_data(source, read_export(staged, 1 << 40), replace_all=True)
            export = home / "export.json"
            started = time.perf_counter()
            export_json(source, export)
            export_seconds = time.perf_counter() - started
            source.db.dispose()
            result = subprocess.run(
                [sys.executable, __file__, "--child", str(export), str(home)],
                check=True,
                capture_output=True,
                text=True,
            )
            measured = json.loads(result.stdout)
            assert measured["added"] == n, measured
            assert len(json.loads(export.read_text())["tables"]["practice_answers"]) == n
            rows.append((n, export.stat().st_size, export_seconds, measured))
    print("| applications + practice answers | export size | export time | import time | peak memory (before import) |")
    print("| ---: | ---: | ---: | ---: | ---: |")
    for n, size, export_seconds, m in rows:
        print(
            f"| {n:,} + {n:,} | {size / 1e6:.1f} MB | {export_seconds:.1f} s | {m['seconds']:.1f} s "
            f"| {m['peak_kb'] / 1024:.0f} MiB ({m['before_kb'] / 1024:.0f} MiB) |"
        )


if __name__ == "__main__":
    main()
