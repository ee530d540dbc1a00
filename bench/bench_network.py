"""Network pillar speed on SQLite: importing connections, re-importing, `today` and the calendar export.

Run: .venv/bin/python bench/bench_network.py [--runs 5] [--contacts 5000] [--apps 1000]
Prints a markdown table of medians (in-process service calls, a fresh database per run).
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

from nextround.config import Settings
from nextround.domain.applications import ApplicationFields
from nextround.domain.contacts import InteractionChannel
from nextround.domain.stages import Outcome, Stage
from nextround.integrations.contacts_files import parse_linkedin_connections
from nextround.services.agenda import agenda
from nextround.services.applications import ApplicationService
from nextround.services.network import NetworkService
from nextround.services.workspace import Workspace, local_now
from nextround.storage.db import Database

MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def connections(count: int, seed: int = 5) -> str:
    rng = random.Random(seed)
    lines = [
        "Notes:",
        '"Some addresses may be missing."',
        "",
        "First Name,Last Name,URL,Email Address,Company,Position,Connected On",
    ]
    for n in range(count):
        email = f"person{n}@example.test" if n % 3 == 0 else ""
        lines.append(
            f"First{n},Last{n},https://www.linkedin.com/in/person-{n},{email},Company {n % 400},"
            f"Role {rng.randint(1, 50)},{rng.randint(1, 28):02d} {rng.choice(MONTHS)} {rng.randint(2015, 2024)}"
        )
    return "\n".join(lines) + "\n"


def fresh(folder: Path, run: int) -> Workspace:
    settings = Settings(home=folder / f"home{run}", database_url=f"sqlite:///{folder / f'bench{run}.db'}")
    db = Database.open(settings.database_url)
    return Workspace(db=db, owner_id=db.local_user_id(), settings=settings, clock=local_now)


def populate(ws: Workspace, apps: int, text: str) -> None:
    service = NetworkService(ws)
    service.import_contacts(parse_linkedin_connections(text))
    tracker = ApplicationService(ws)
    now = ws.now()
    for n in range(apps):
        app = tracker.add(
            ApplicationFields(company=f"Company {n % 400}", role="Analyst"), applied_at=now - timedelta(days=60)
        )
        if n % 3 == 0:
            tracker.move(app.id, Stage.SCREENING, at=now - timedelta(days=40))
            tracker.close(app.id, Outcome.REJECTED, at=now - timedelta(days=n % 30))
    contacts = service.contacts()
    for contact in contacts[:500]:
        service.edit_contact(contact["id"], {"cadence_days": 30})
        service.log(contact["id"], InteractionChannel.EMAIL, "hello", at=now - timedelta(days=contact["id"] % 40))
    for n, contact in enumerate(contacts[500:800]):
        service.link(contact["id"], 1 + 3 * (n % (apps // 3)), "recruiter")


def median_ms(action: Callable[[], object], runs: int) -> float:
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--contacts", type=int, default=5000)
    parser.add_argument("--apps", type=int, default=1000)
    args = parser.parse_args()
    text = connections(args.contacts)
    rows: list[tuple[str, float]] = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        parse_ms = median_ms(lambda: parse_linkedin_connections(text), args.runs)
        import_samples = []
        for run in range(args.runs):
            ws = fresh(folder, run)
            start = time.perf_counter()
            NetworkService(ws).import_contacts(parse_linkedin_connections(text))
            import_samples.append((time.perf_counter() - start) * 1000)
            ws.db.dispose()
        ws = fresh(folder, 999)
        populate(ws, args.apps, text)
        service = NetworkService(ws)
        reimport_ms = median_ms(lambda: service.import_contacts(parse_linkedin_connections(text)), args.runs)
        today_ms = median_ms(service.agenda, args.runs)
        nudges_ms = median_ms(lambda: service.nudges(horizon_days=None), args.runs)
        calendar_ms = median_ms(service.calendar_ics, args.runs)
        items = len(agenda(service.ws))
        ws.db.dispose()
    rows = [
        (f"parse Connections.csv ({args.contacts} rows)", parse_ms),
        (f"import {args.contacts} connections (fresh database)", statistics.median(import_samples)),
        (f"re-import {args.contacts} connections (all duplicates)", reimport_ms),
        (f"`today` ({args.contacts} contacts, {args.apps} applications, {items} items)", today_ms),
        ("all open nudges", nudges_ms),
        ("calendar export (text)", calendar_ms),
    ]
    print(f"| operation (median of {args.runs}) | ms |")
    print("| --- | ---: |")
    for name, value in rows:
        print(f"| {name} | {value:.1f} |")


if __name__ == "__main__":
    main()
