"""Start-up, listing, stats and import speed with 10,000 applications on SQLite.

Run: .venv/bin/python bench/bench_foundation.py [--runs 7] [--apps 10000]
Prints a markdown table of medians. Whole-command timings (a fresh process each run) are what a user
feels; ratios to a bare `python -c pass` make the numbers comparable across noisy shared machines.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

BIN = Path(sys.executable).parent
NEXTROUND = [str(BIN / "nextround")] if (BIN / "nextround").exists() else [sys.executable, "-m", "nextround"]
STAGES = ["applied", "screening", "assessment", "interview", "final", "offer"]
COMPANIES = ["Acme", "Globex", "Initech", "Umbrella", "Hooli", "Vandelay", "Stark", "Wayne", "Tyrell", "Soylent"]
ROLES = ["Baker", "Staff Nurse", "HGV Driver", "Data Analyst", "Support Engineer", "Teacher", "Accountant"]


def timed(command: list[str], env: dict[str, str], runs: int) -> float:
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def linkedin_file(path: Path, rows: int, seed: int = 7) -> None:
    rng = random.Random(seed)
    start = datetime(2023, 1, 1, 9, 0)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(
            ["Application Date", "Contact Email", "Contact Phone Number", "Company Name", "Job Title", "Job Url",
             "Resume Name", "Question And Answers"]
        )  # fmt: skip
        for n in range(rows):
            when = start + timedelta(minutes=97 * n)
            stamp = f"{when.month}/{when.day}/{when.year % 100}, {(when.hour % 12) or 12}:{when.minute:02d} " + (
                "PM" if when.hour >= 12 else "AM"
            )
            writer.writerow(
                [stamp, f"talent{n}@example.test", "", f"{rng.choice(COMPANIES)} {n % 500}", rng.choice(ROLES),
                 f"https://www.linkedin.com/jobs/view/{4000000000 + n}/", "cv-2024.pdf",
                 'Years of experience?: 3\nWilling to "relocate"?: No']
            )  # fmt: skip


def history_export(path: Path, apps: int, seed: int = 11, until: datetime | None = None) -> None:
    """A JSON export with varied, realistic histories: most stop early, some reach offers.

    One application every 5 hours from 2024-01-01, or, with `until`, up to that moment (a long history
    that reaches the present, as the agenda sees one)."""
    rng = random.Random(seed)
    base = datetime(2024, 1, 1, 12, tzinfo=UTC) if until is None else until - timedelta(hours=5 * apps)
    apps_rows, event_rows = [], []
    for n in range(apps):
        applied = base + timedelta(hours=5 * n)
        depth = min(int(rng.expovariate(0.9)), len(STAGES) - 1)
        moments = [("saved", "applied", applied)]
        when = applied
        for i in range(1, depth + 1):
            when += timedelta(days=rng.randint(2, 10))
            moments.append((STAGES[i - 1], STAGES[i], when))
        ending = rng.random()
        if ending < 0.55:
            when += timedelta(days=rng.randint(1, 20))
            moments.append((STAGES[depth], "rejected" if ending < 0.4 else "ghosted", when))
        apps_rows.append(
            {"id": n + 1, "company": f"{rng.choice(COMPANIES)} {n}", "role": rng.choice(ROLES),
             "source": rng.choice(["board", "referral", "agency", "company_site"]),
             "created_at": applied.isoformat(), "applied_on": applied.date().isoformat()}
        )  # fmt: skip
        event_rows.extend(
            {"application_id": n + 1, "from_state": a, "to_state": b, "occurred_at": t.isoformat(), "source": "user"}
            for a, b, t in moments
        )
    tables = {"applications": apps_rows, "stage_events": event_rows}
    path.write_text(json.dumps({"format": "nextround-export", "version": 1, "tables": tables}))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--apps", type=int, default=10_000)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        env = {**os.environ, "NEXTROUND_HOME": str(root / "home")}
        env.pop("NEXTROUND_DATABASE_URL", None)
        export = root / "history.json"
        history_export(export, args.apps)
        subprocess.run([*NEXTROUND, "import", "json", str(export)], env=env, check=True, stdout=subprocess.DEVNULL)
        events = len(json.loads(export.read_text())["tables"]["stage_events"])

        bare = timed([sys.executable, "-c", "pass"], env, args.runs)
        help_time = timed([*NEXTROUND, "--help"], env, args.runs)
        list_time = timed([*NEXTROUND, "app", "list", "--json"], env, args.runs)
        stats_time = timed([*NEXTROUND, "stats"], env, args.runs)
        stats_json_time = timed([*NEXTROUND, "stats", "--json"], env, args.runs)

        linkedin = root / "Job Applications.csv"
        linkedin_file(linkedin, args.apps)
        import_samples = []
        for run in range(max(3, args.runs // 2)):
            fresh = {**env, "NEXTROUND_HOME": str(root / f"import-{run}")}
            subprocess.run([*NEXTROUND, "app", "list"], env=fresh, check=True, stdout=subprocess.DEVNULL)  # migrate
            start = time.perf_counter()
            subprocess.run([*NEXTROUND, "import", "linkedin", str(linkedin)], env=fresh, check=True,
                           stdout=subprocess.DEVNULL)  # fmt: skip
            import_samples.append(time.perf_counter() - start)
        import_time = statistics.median(import_samples)

    print(f"{args.apps:,} applications with {events:,} stage events on SQLite; median of {args.runs} runs\n")
    print("| measure | median | ratio to `python -c pass` | goal | met |")
    print("| --- | ---: | ---: | --- | --- |")
    rows = [
        ("`python -c pass`", bare, None, "baseline", None),
        ("`nextround --help`", help_time, help_time / bare, "≤ 8× baseline", help_time / bare <= 8),
        ("`nextround app list --json`", list_time, list_time / bare, "≤ 20× baseline", list_time / bare <= 20),
        ("`nextround stats`", stats_time, stats_time / bare, "< 1 s", stats_time < 1),
        ("`nextround stats --json`", stats_json_time, stats_json_time / bare, "< 1 s", stats_json_time < 1),
        (f"`import linkedin` ({args.apps:,} rows)", import_time, import_time / bare, "< 4 s", import_time < 4),
    ]
    for name, seconds, ratio, goal, met in rows:
        ratio_text = "—" if ratio is None else f"{ratio:.1f}×"
        met_text = "" if met is None else ("yes" if met else "**no**")
        print(f"| {name} | {seconds * 1000:.0f} ms | {ratio_text} | {goal} | {met_text} |")


if __name__ == "__main__":
    main()
