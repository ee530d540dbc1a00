"""The network commands through Typer's runner, against a real database (SQLite and PostgreSQL)."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from nextround.config import Settings
from nextround.services.workspace import Workspace, local_now
from nextround.storage.db import Database
from tests.network_helpers import add_interview

Cli = Callable[..., Any]


@pytest.fixture
def real_ws(settings: Settings, cli_env: dict[str, str]) -> Iterator[Workspace]:
    """The workspace the CLI sees (real clock), for inserting rows another pillar's commands would write."""
    db = Database.open(settings.database_url)
    yield Workspace(db=db, owner_id=db.local_user_id(), settings=settings, clock=local_now)
    db.dispose()


def run_json(cli: Cli, *args: str) -> Any:
    result = cli(*args, "--json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_rejection_brings_a_keep_in_touch_nudge_into_today(cli: Cli) -> None:
    app = run_json(cli, "app", "add", "--company", "Crumb & Co", "--role", "Baker", "--applied-on", "10 days ago")
    assert cli("app", "move", str(app["id"]), "screening", "--on", "3 days ago").exit_code == 0
    contact = run_json(
        cli, "contact", "add", "--name", "Rae Smith", "--email", "rae@crumb.test", "--kind", "recruiter",
        "--app", str(app["id"]),
    )  # fmt: skip
    assert contact["company"] == "Crumb & Co"
    assert cli("app", "reject", str(app["id"])).exit_code == 0

    today = run_json(cli, "today")
    ref = f"keep_in_touch-{app['id']}-{contact['id']}"
    (item,) = [i for i in today if i["kind"] == "keep_in_touch"]
    assert item["ref"] == ref
    assert item["command"] == f"nextround nudge draft {ref}"
    assert item["when"] == "soon" and item["overdue"] is False
    keys = {"kind", "title", "due", "overdue", "when", "days", "action", "command", "ref", "actions"}
    assert set(item) == keys
    assert [a["command"] for a in item["actions"]] == [
        f"nextround nudge draft {ref}",
        f"nextround contact log {contact['id']} --channel email --note 'kept in touch after the decision'",
        f"nextround nudge dismiss {ref}",
    ]

    draft = cli("nudge", "draft", ref)
    assert draft.exit_code == 0
    assert draft.stdout.startswith("Subject: ")
    assert "Hello Rae," in draft.stdout and "Crumb & Co" in draft.stdout
    assert run_json(cli, "nudge", "draft", ref)["to"] == "rae@crumb.test"
    everything = run_json(cli, "nudge", "list", "--all")
    assert {n["kind"] for n in everything} == {"keep_in_touch", "continued_interest"}

    human = cli("today")
    assert human.exit_code == 0 and "Keep in touch with Rae Smith" in human.stdout

    logged = cli("contact", "log", str(contact["id"]), "--channel", "email", "--note", "said thanks")
    assert logged.exit_code == 0
    assert [i for i in run_json(cli, "today") if i["kind"] == "keep_in_touch"] == []


def test_an_interview_yesterday_brings_a_thank_you(cli: Cli, real_ws: Workspace) -> None:
    app = run_json(cli, "app", "add", "--company", "Crumb", "--role", "Baker", "--stage", "interview")
    # midday yesterday: the note is due a day after the interview ends, so "now minus a day" is due
    # tomorrow when the test runs in the day's last hour
    noon_yesterday = (local_now() - timedelta(days=1)).replace(hour=12, minute=0, second=0, microsecond=0)
    interview_id = add_interview(real_ws, app["id"], noon_yesterday, interviewers=["Ida Ng"])
    ref = f"thank_you-{interview_id}"
    (item,) = [i for i in run_json(cli, "today") if i["kind"] == "thank_you"]
    assert item["ref"] == ref
    assert item["due"] == local_now().date().isoformat()
    nudges = run_json(cli, "nudge", "list")
    assert [n["ref"] for n in nudges] == [ref]
    assert nudges[0]["template"] == "thank_you"
    drafted = run_json(cli, "nudge", "draft", ref)
    assert "Hello Ida," in drafted["body"] and drafted["subject"]

    assert cli("nudge", "dismiss", ref).exit_code == 0
    assert run_json(cli, "nudge", "list") == []
    missing = cli("nudge", "draft", ref)
    assert missing.exit_code == 1
    assert missing.stderr.startswith("error: no open nudge")


def uids(text: str) -> list[str]:
    return re.findall(r"^UID:(.*)\r$", text.replace("\r\n ", ""), flags=re.M)


def test_calendar_export_twice_gives_the_same_uids(cli: Cli, real_ws: Workspace, tmp_path: Path) -> None:
    app = run_json(cli, "app", "add", "--company", "Crumb", "--role", "Baker", "--stage", "interview")
    upcoming = add_interview(real_ws, app["id"], local_now() + timedelta(days=2), location="Room 4, floor 2")
    past = add_interview(real_ws, app["id"], local_now() - timedelta(hours=4))
    first, second = tmp_path / "a.ics", tmp_path / "b.ics"
    assert cli("calendar", "export", str(first)).exit_code == 0
    assert cli("calendar", "export", str(second)).exit_code == 0
    one, two = first.read_bytes().decode(), second.read_bytes().decode()
    assert one.startswith("BEGIN:VCALENDAR\r\n") and one.endswith("END:VCALENDAR\r\n")
    assert uids(one) == uids(two)
    assert f"interview-{upcoming}@nextround.local" in uids(one)
    assert f"nudge-thank_you-{past}@nextround.local" in uids(one)
    assert "LOCATION:Room 4\\, floor 2" in one


def connections(tmp_path: Path, extra: str = "") -> Path:
    path = tmp_path / "Connections.csv"
    path.write_text(
        'Notes:\n"Some email addresses may be missing."\n\n'
        "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
        "Ada,Lovelace,https://www.linkedin.com/in/ada,ada@example.org,Engines,Engineer,03 Oct 2024\n"
        "Bo,Li,https://www.linkedin.com/in/boli,,Crumb,Recruiter,01 Feb 2023\n" + extra,
        encoding="utf-8",
    )
    return path


def test_import_linkedin_twice_then_export_and_reimport_vcard(cli: Cli, tmp_path: Path) -> None:
    path = connections(tmp_path)
    assert run_json(cli, "contact", "import", "linkedin", str(path)) == {"added": 2, "duplicates": 0}
    assert run_json(cli, "contact", "import", "linkedin", str(path)) == {"added": 0, "duplicates": 2}
    vcf = tmp_path / "contacts.vcf"
    exported = cli("contact", "export", "--format", "vcard", str(vcf))
    assert exported.exit_code == 0 and "2 contacts" in exported.stdout
    assert vcf.read_bytes().count(b"BEGIN:VCARD\r\n") == 2
    assert run_json(cli, "contact", "import", "vcard", str(vcf)) == {"added": 0, "duplicates": 2}
    listed = run_json(cli, "contact", "list")
    assert [c["name"] for c in listed] == ["Ada Lovelace", "Bo Li"]
    assert listed[0]["connected_on"] == "2024-10-03"


def test_a_bad_line_is_one_error_line_and_nothing_is_imported(cli: Cli, tmp_path: Path) -> None:
    path = connections(tmp_path, "Cy,Do,https://www.linkedin.com/in/cy,,,,someday\n")
    result = cli("contact", "import", "linkedin", str(path))
    assert result.exit_code == 1
    assert result.stderr.startswith("error: Connections.csv line 7:")
    assert "Traceback" not in result.output
    assert run_json(cli, "contact", "list") == []


def test_contact_edit_log_show_and_errors(cli: Cli) -> None:
    contact = run_json(cli, "contact", "add", "--name", "Bo [bold]Li[/bold]", "--kind", "peer")
    cid = str(contact["id"])
    edited = run_json(cli, "contact", "edit", cid, "--every", "14", "--title", "Chef")
    assert edited["cadence_days"] == 14 and edited["title"] == "Chef"
    assert cli("contact", "log", cid, "--channel", "call", "--note", "coffee", "--on", "yesterday").exit_code == 0
    shown = run_json(cli, "contact", "show", cid)
    assert [i["channel"] for i in shown["interactions"]] == ["call"]
    assert shown["next_touch"] == (datetime.now().astimezone().date() + timedelta(days=13)).isoformat()
    human = cli("contact", "show", cid)
    assert "Bo [bold]Li[/bold]" in human.stdout  # untrusted text is escaped, not rendered
    reset = run_json(cli, "contact", "edit", cid, "--default-cadence")
    assert reset["cadence_days"] is None and reset["effective_cadence_days"] == 60

    for args, message in (
        (("contact", "show", "999"), "error: no contact with id 999"),
        (("contact", "add", "--name", "X", "--email", "nope"), "error: 'nope' does not look like an email"),
        (("contact", "add", "--name", "X", "--kind", "boss"), "error: unknown contact kind"),
        (("contact", "log", cid, "--channel", "pigeon"), "error: unknown channel"),
        (("contact", "link", cid, "999"), "error: no application with id 999"),
        (("contact", "export", "--format", "csv", "x.csv"), "error: unknown export format"),
    ):
        result = cli(*args)
        assert result.exit_code == 1, args
        assert result.stderr.startswith(message), result.stderr


def test_company_reapply_after_shows_in_today(cli: Cli) -> None:
    result = run_json(cli, "company", "reapply-after", "Crumb", "in 3 months")
    assert result["company"] == "Crumb"
    (item,) = run_json(cli, "today")
    assert item["kind"] == "reapply" and item["due"] == result["reapply_after"]
    assert cli("company", "reapply-after", "Crumb", "none").exit_code == 0
    assert run_json(cli, "today") == []
    bad = cli("company", "reapply-after", "Crumb", "whenever")
    assert bad.exit_code == 1 and bad.stderr.startswith("error: cannot read the date")
