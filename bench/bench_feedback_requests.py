"""Feedback requests: drafting (template rendering + one write), due chases and stats over many requests, SQLite.

Run: .venv/bin/python bench/bench_feedback_requests.py [--runs 7] [--apps 1000]
Prints a markdown table of medians (milliseconds). In-process timings of the service functions, on a
fresh SQLite database in a temporary folder; a clock we move by hand makes every chase due.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import datetime, timedelta, timezone
from pathlib import Path

from nextround.config import Settings
from nextround.domain.applications import ApplicationFields
from nextround.domain.feedback_requests import feedback_response_rate
from nextround.domain.stages import Outcome, Stage
from nextround.services import feedback
from nextround.services.applications import ApplicationService
from nextround.services.workspace import Workspace
from nextround.storage.db import Database


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2024, 11, 6, 10, 0, tzinfo=timezone(timedelta(hours=1)))

    def __call__(self) -> datetime:
        return self.now


def median_ms(action: Callable[[], object], runs: int) -> float:
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--apps", type=int, default=1000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        home = Path(folder)
        settings = Settings(home=home, database_url=f"sqlite:///{home / 'bench.db'}")
        db = Database.open(settings.database_url)
        clock = Clock()
        ws = Workspace(db=db, owner_id=db.local_user_id(), settings=settings, clock=clock)
        service = ApplicationService(ws)
        ids = []
        for n in range(args.apps):
            app = service.add(
                ApplicationFields(company=f"Company {n}", role="Data Analyst"),
                stage=Stage.INTERVIEW,
                applied_at=clock.now - timedelta(days=30),
            )
            feedback.add_interview(
                ws, app.id, clock.now - timedelta(days=2), kind="technical", interviewers="Priya, Tom"
            )
            service.close(app.id, Outcome.REJECTED)
            ids.append(app.id)
        rows: list[tuple[str, float]] = []
        rows.append(
            ("draft one request (render + write)", median_ms(lambda: feedback.draft_request(ws, ids[0]), args.runs))
        )
        for app_id in ids:
            request, _ = feedback.draft_request(ws, app_id)
            feedback.mark(ws, request.id, "sent")
        clock.now += timedelta(days=8)
        rows.append(
            (f"due_chases over {args.apps} sent requests", median_ms(lambda: feedback.due_chases(ws), args.runs))
        )
        rows.append(
            (f"feedback_stats over {args.apps} requests", median_ms(lambda: feedback.feedback_stats(ws), args.runs))
        )
        statuses = ["sent", "replied", "declined", "no_reply", "drafted"] * 20_000
        rows.append(
            (
                "feedback_response_rate, 100k statuses (pure)",
                median_ms(lambda: feedback_response_rate(statuses), args.runs),
            )
        )
        db.dispose()
    print(f"| operation ({args.runs} runs, SQLite) | median ms |")
    print("| --- | ---: |")
    for name, value in rows:
        print(f"| {name} | {value:.1f} |")


if __name__ == "__main__":
    main()
