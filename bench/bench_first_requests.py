"""What a multi-user worker's first requests cost, with and without the warm-up it now does before accepting anyone.

Run: .venv/bin/python bench/bench_first_requests.py [--runs 5]

For each run a fresh Python process builds the app as a `serve --multi-user` worker does (on a database of its
own on the test PostgreSQL, NEXTROUND_BENCH_POSTGRES_URL), warms it up or not, and then one signed-in person asks
for the dashboard, the applications API, the stats API, adds an application and edits one, twice over. Prints
the median processor time (all threads of the process: less at the mercy of a busy machine than wall time) of
each first and second request, and what the warm-up itself took.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from bench_multiuser import scratch_database, seed

KINDS = ("dashboard page", "list API", "stats API", "add application", "edit application")

WORKER = """
import json, os, sys, time
os.environ["NEXTROUND_DATABASE_URL"] = sys.argv[1]
cookie, csrf, app_id, warm = sys.argv[2], sys.argv[3], int(sys.argv[4]), sys.argv[5] == "1"
from starlette.testclient import TestClient
from nextround.cli.web import multi_user_settings
from nextround.web.app import create_app, warm_up
from nextround.web.auth import MultiUser
app = create_app(multi_user_settings(None), multi_user=MultiUser())
started = time.process_time()  # since the process began: Python, the imports and the app
if warm:
    warm_up(app)
times = {"start": started, "warm-up": time.process_time() - started}
client = TestClient(app, base_url="http://127.0.0.1:8765", cookies={"nextround_session": cookie})
headers = {"X-CSRF-Token": csrf}
calls = {
    "dashboard page": lambda: client.get("/"),
    "list API": lambda: client.get("/api/v1/applications"),
    "stats API": lambda: client.get("/api/v1/stats"),
    "add application": lambda: client.post("/api/v1/applications", json={"company": "C", "role": "R"}, headers=headers),
    "edit application": lambda: client.patch(f"/api/v1/applications/{app_id}", json={"notes": "n"}, headers=headers),
}
with client:
    for round_ in ("first", "second"):
        for kind, call in calls.items():
            before = time.process_time()
            status = call().status_code
            assert status in (200, 201, 409), (kind, status)
            times[f"{kind} {round_}"] = time.process_time() - before
print(json.dumps(times))
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    results: dict[bool, list[dict[str, float]]] = {False: [], True: []}
    with scratch_database() as url:
        [(cookie, csrf, ids)] = seed(url, 1, 10)
        for _ in range(args.runs):
            for warm in (False, True):
                command = [sys.executable, "-c", WORKER, url, cookie, csrf, str(ids[0]), "1" if warm else "0"]
                output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
                results[warm].append(json.loads(output.strip().splitlines()[-1]))

    def ms(warm: bool, key: str) -> str:
        return f"{statistics.median(r[key] for r in results[warm]) * 1000:.0f}"

    print(f"processor ms, median of {args.runs} fresh worker processes\n")
    print("| request | first, no warm-up | first, warmed up | second (either) |")
    print("| --- | ---: | ---: | ---: |")
    for kind in KINDS:
        print(f"| {kind} | {ms(False, kind + ' first')} | {ms(True, kind + ' first')} | {ms(True, kind + ' second')} |")
    print(f"| *starting the worker: Python, imports, the app* | {ms(False, 'start')} | {ms(True, 'start')} | |")
    print(f"| *the warm-up itself, before accepting anyone* | | {ms(True, 'warm-up')} | |")


if __name__ == "__main__":
    main()
