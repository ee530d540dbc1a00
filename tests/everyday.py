"""Every everyday read, CLI and web, run over whatever a database holds: what failed, and how.

`cli_failures(db)` runs each list/show command (text and --json) and each `show` for every id it has;
`page_failures(web, db, owner_id)` asks for every GET page and API read, with each id of the table a path
parameter names. A failure is a traceback, an exit code other than 0 and 1, or a 5xx. Used by the tests of
old databases and of messy rows (tests/test_old_versions.py, tests/test_messy_rows.py), and by hand:

    python -m tests.everyday DATABASE_URL    # prints what fails on an existing database
"""

from __future__ import annotations

import re
import sys
from typing import Any

from sqlalchemy import select

from nextround.storage.db import Database
from nextround.storage.snapshot import dump_owner

LIST_COMMANDS: list[list[str]] = [
    ["app", "list"],
    ["app", "list", "--all"],
    ["app", "silent"],
    ["stats"],
    ["today"],
    ["feedback", "list"],
    ["feedback", "chase"],
    ["feedback", "stats"],
    ["contact", "list"],
    ["journal", "list"],
    ["goal", "list"],
    ["goal", "due"],
    ["questions", "list"],
    ["cv", "list"],
    ["watch", "list"],
    ["interview", "list"],
    ["nudge", "list"],
    ["config", "list"],
    ["effort"],
    ["review"],
    ["progress"],
    ["insights"],
    ["gaps"],
]
# show commands, by the table whose ids they take
SHOW_COMMANDS: dict[str, list[list[str]]] = {
    "applications": [["app", "show"], ["feedback", "show"], ["reflect", "--show"], ["journal", "prompts"]],
    "contacts": [["contact", "show"]],
    "cvs": [["cv", "show"]],
}
# path parameters of GET routes, by the table whose ids they take
IDS_OF = {
    "application_id": "applications",
    "app_id": "applications",
    "request_id": "feedback_requests",
    "cv_id": "cvs",
    "goal_id": "goals",
    "contact_id": "contacts",
    "feedback_id": "feedback",
    "opening_id": "seen_postings",
    "inbox_id": "mail_messages",
}
# Commands also run with --json (its rendering reads other fields); the others' JSON shares their reads.
JSON_TOO = frozenset({"app", "stats", "today", "review", "insights", "feedback"})
# With every_id=False, these still take every id (an application's own page and API read, `app show`); the
# other per-id routes take the first id of their table.
EVERY_ID_PAGE = re.compile(r"^(/api/v1)?/applications/\{\w+\}$")
EVERY_ID_COMMAND = ["app", "show"]
SKIP_PAGES = ("/export", "/backup", "/logout", "/invite/", "/caseload", "/coaching", "/delete/", "/admin")


def owned_ids(db: Database, owner_id: int) -> dict[str, list[Any]]:
    with db.read() as session:
        rows = dump_owner(session, owner_id)
    return {name: [row["id"] for row in found if "id" in row] for name, found in rows.items()}


def cli_failures(db: Database, owner_id: int, env: dict[str, str], *, every_id: bool = True) -> list[str]:
    """Run every everyday read in-process; the ones that crashed, as 'command: what happened'."""
    from typer.testing import CliRunner

    from nextround.cli.main import app

    runner = CliRunner()
    ids = owned_ids(db, owner_id)
    commands = [list(c) for c in LIST_COMMANDS]
    out = env["NEXTROUND_HOME"]  # the writes a person makes to keep their data: they must work on any rows
    commands += [["export", f"{out}/all.json"], ["export", f"{out}/all.csv", "--format", "csv"]]
    commands += [["calendar", "export", f"{out}/all.ics"]]
    for table, shows in SHOW_COMMANDS.items():
        for show in shows:
            chosen = ids.get(table, []) if every_id or show == EVERY_ID_COMMAND else ids.get(table, [])[:1]
            commands += [[*show, str(i)] for i in chosen]
    failures: list[str] = []
    for command in commands:
        for args in (command, ["--json", *command]) if command[0] in JSON_TOO else (command,):
            result = runner.invoke(app, args, env=env, catch_exceptions=True)
            crashed = result.exception is not None and not isinstance(result.exception, SystemExit)
            if crashed or result.exit_code not in (0, 1) or "Traceback" in result.output:
                what = repr(result.exception) if crashed else f"exit {result.exit_code}: {result.output[-200:]}"
                failures.append(f"{' '.join(args)}: {what}")
    return failures


def get_paths(web: Any, db: Database, owner_id: int, *, every_id: bool = True) -> list[str]:
    from fastapi.routing import APIRoute, iter_route_contexts

    ids = owned_ids(db, owner_id)
    paths: list[str] = []
    for context in iter_route_contexts(web.app.routes):
        route = context.route
        path = getattr(context, "path", None) or getattr(route, "path", "")
        if not isinstance(route, APIRoute) or "GET" not in route.methods or path.startswith(SKIP_PAGES):
            continue
        names = re.findall(r"{(\w+)}", path)
        if any(name not in IDS_OF for name in names):
            continue
        if not names:
            paths.append(path)
            continue
        if len(names) > 1:
            continue
        chosen = ids.get(IDS_OF[names[0]], [])
        for value in chosen if every_id or EVERY_ID_PAGE.match(path) else chosen[:1]:
            paths.append(path.replace(f"{{{names[0]}}}", str(value)))
    return paths


def page_failures(web: Any, db: Database, owner_id: int, *, every_id: bool = True) -> list[str]:
    """Every GET page and API read; the ones that answered 5xx (or raised), as 'path: status'."""
    failures: list[str] = []
    for path in get_paths(web, db, owner_id, every_id=every_id):
        try:
            status = web.client.get(path).status_code
        except Exception as exc:  # the test client re-raises what the app did not handle
            failures.append(f"{path}: {exc!r}")
            continue
        if status >= 500:
            failures.append(f"{path}: {status}")
    return failures


def main() -> None:
    import tempfile
    from pathlib import Path

    from nextround.config import Settings
    from tests.web_support import web_with

    url = sys.argv[1]
    db = Database.open(url)
    owner = db.local_user_id()
    with db.read() as session:
        from nextround.storage.tables import ApplicationRow

        sys.stdout.write(f"applications: {len(session.execute(select(ApplicationRow.id)).all())}\n")
    home = Path(tempfile.mkdtemp())
    env = {"NEXTROUND_HOME": str(home), "NEXTROUND_DATABASE_URL": url}
    for line in cli_failures(db, owner, env):
        sys.stdout.write(f"CLI {line}\n")
    with web_with(Settings(home=home, database_url=url), None) as web:
        for line in page_failures(web, db, owner):
            sys.stdout.write(f"WEB {line}\n")
    db.dispose()


if __name__ == "__main__":
    main()
