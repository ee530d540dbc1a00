"""The keep-going commands through Typer's runner, with job boards served by a real local server."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import ok

from .job_board_server import FakeBoards, greenhouse_job, lever_posting, running_boards

Cli = Callable[..., Any]


@pytest.fixture(scope="module", autouse=True)
def keepgoing_registered() -> None:
    """The lead registers the pillar in cli/main.py; register it here only if that has not happened yet."""
    from nextround.cli import keepgoing
    from nextround.cli.main import app

    if "watch" not in {group.name for group in app.registered_groups}:
        keepgoing.register(app)


@pytest.fixture(scope="module")
def server() -> Iterator[FakeBoards]:
    with running_boards() as boards:
        yield boards


@pytest.fixture
def boards(server: FakeBoards, monkeypatch: pytest.MonkeyPatch) -> FakeBoards:
    server.reset()
    for key, value in server.env().items():
        monkeypatch.setenv(key, value)
    return server


def as_json(result: Any) -> Any:
    return json.loads(ok(result).stdout)


def test_watch_add_list_check_remove(cli: Cli, boards: FakeBoards) -> None:
    boards.greenhouse["acme"] = [greenhouse_job(1, "Support Engineer"), greenhouse_job(2, "Chef")]
    boards.lever["beta"] = [lever_posting("b1", "Senior Support Lead", "Leeds")]
    added = as_json(cli("watch", "add", "Acme", "--board", "greenhouse:acme", "--keywords", "support", "--json"))
    assert added["board"] == "greenhouse:acme"
    assert added["keywords"] == ["support"]
    ok(cli("watch", "add", "Beta", "--board", "lever:beta"))
    ok(cli("watch", "add", "Gone", "--board", "ashby:gone"))

    result = ok(cli("watch", "check", "--json"))
    report = json.loads(result.stdout)
    assert [(o["company"], o["title"]) for o in report["openings"]] == [
        ("Acme", "Support Engineer"),
        ("Beta", "Senior Support Lead"),
    ]
    assert report["failed"] == 1
    warnings = result.stderr.strip().splitlines()
    assert warnings == ["warning: Gone: ashby board 'gone' not found (HTTP 404): check the board name"]

    again = ok(cli("watch", "check"))
    assert "Checked 3 boards: 0 new openings." in again.stdout
    boards.greenhouse["acme"].append(greenhouse_job(3, "Support Analyst [remote]"))
    third = ok(cli("watch", "check"))
    assert "1 new opening" in third.stdout
    assert "Support Analyst [remote]" in third.stdout  # escaped for Rich, shown as written

    listed = as_json(cli("watch", "list", "--json"))
    assert [(w["company"], w["seen_postings"]) for w in listed] == [("Acme", 3), ("Beta", 1), ("Gone", 0)]
    assert listed[2]["last_error"].startswith("Gone: ashby board")
    text = ok(cli("watch", "list")).stdout
    assert "last error" in text

    ok(cli("watch", "remove", str(listed[2]["id"])))
    assert len(as_json(cli("watch", "list", "--json"))) == 2


def test_watch_errors_are_one_line(cli: Cli, boards: FakeBoards) -> None:
    for args, message in [
        (("watch", "add", "Acme", "--board", "workday:acme"), "error: unknown job board 'workday'"),
        (("watch", "add", "Acme", "--board", "acme"), "error: 'acme' is not a job board"),
        (("watch", "remove", "42"), "error: no watch with id 42"),
    ]:
        result = cli(*args)
        assert result.exit_code == 1
        assert result.stderr.startswith(message)
        assert len(result.stderr.strip().splitlines()) == 1
        assert "Traceback" not in result.output


def test_journal_add_list_and_stdin(cli: Cli) -> None:
    app = json.loads(ok(cli("app", "add", "--company", "Acme", "--role", "Baker", "--json")).stdout)
    entry = as_json(cli("journal", "add", "--mood", "4", "--text", "Good focus today", "--json"))
    assert (entry["kind"], entry["mood"], entry["text"]) == ("journal", 4, "Good focus today")
    win = as_json(cli("journal", "add", "--win", "--app", str(app["id"]), "--json", input="Got a call back\n"))
    assert (win["kind"], win["text"], win["application_id"]) == ("win", "Got a call back", app["id"])
    listed = as_json(cli("journal", "list", "--json"))
    assert [e["id"] for e in listed] == [win["id"], entry["id"]]
    assert [e["kind"] for e in as_json(cli("journal", "list", "--kind", "win", "--json"))] == ["win"]
    shown = ok(cli("journal", "list")).stdout
    assert "Good focus today" in shown

    bad = cli("journal", "add", "--mood", "9", "--text", "x")
    assert bad.exit_code != 0
    empty = cli("journal", "add", input="")
    assert empty.exit_code == 1
    assert empty.stderr.startswith("error: write something")


def test_journal_reframe_interactive_and_from_a_file(cli: Cli, tmp_path: Path) -> None:
    app = json.loads(ok(cli("app", "add", "--company", "Crumb & Co", "--role", "Baker", "--json")).stdout)
    app_id = str(app["id"])
    not_yet = cli("journal", "reframe", app_id)
    assert not_yet.exit_code == 1
    assert "not closed as rejected" in not_yet.stderr
    ok(cli("app", "reject", app_id))

    prompts = as_json(cli("journal", "prompts", app_id, "--json"))
    assert [p["key"] for p in prompts] == ["learned", "in_control", "next"]

    saved = ok(cli("journal", "reframe", app_id, "--json", input="My examples were vague\n\nPrepare two stories\n"))
    entry = json.loads(saved.stdout.strip().splitlines()[-1])
    assert entry["kind"] == "reframe"
    assert "My examples were vague" in entry["text"]
    assert "Prepare two stories" in entry["text"]

    answers = tmp_path / "answers.json"
    answers.write_text(json.dumps({"in_control": "Ask better questions"}), encoding="utf-8")
    from_file = as_json(cli("journal", "reframe", app_id, "--answers-file", str(answers), "--json"))
    assert "Ask better questions" in from_file["text"]

    answers.write_text("not json", encoding="utf-8")
    broken = cli("journal", "reframe", app_id, "--answers-file", str(answers))
    assert broken.exit_code == 1
    assert broken.stderr.startswith("error: ")
    assert "not JSON" in broken.stderr


def test_effort_and_review(cli: Cli, tmp_path: Path) -> None:
    ok(cli("app", "add", "--company", "Acme <b>", "--role", "Support", "--applied-on", "2 days ago"))
    ok(cli("journal", "add", "--win", "--text", "Finished a mock interview"))
    data = as_json(cli("effort", "--json"))
    assert data["counts"]["applications_sent"] == 1
    assert data["counts"]["wins"] == 1
    assert data["period"]["days"] == 7
    assert as_json(cli("effort", "--month", "--json"))["period"]["days"] == 30
    text = ok(cli("effort")).stdout
    assert "Applications sent" in text
    assert "Next week" in text
    both = cli("effort", "--week", "--month")
    assert both.exit_code != 0

    markdown = ok(cli("review")).stdout
    assert markdown.startswith("# Weekly review, ")
    assert "## Suggested plan for next week" in markdown
    assert as_json(cli("review", "--month", "--json"))["period"]["kind"] == "month"

    out = tmp_path / "reports" / "review.html"
    ok(cli("review", "--format", "html", "--output", str(out)))
    html = out.read_text(encoding="utf-8")
    assert html.startswith("<!doctype html>")
    assert "<svg" in html
    assert "<style>" in html
    assert "http://" not in html
    assert "https://" not in html
    assert not re.search(r"<(script|link|img|iframe)\b", html)
    assert "Acme &lt;b&gt;" in html
    assert "Finished a mock interview" in html

    md_file = tmp_path / "review.md"
    ok(cli("review", "--output", str(md_file)))
    assert md_file.read_text(encoding="utf-8").startswith("# Weekly review")
    wrong = cli("review", "--format", "pdf")
    assert wrong.exit_code != 0


def test_view_hide_rejected(cli: Cli) -> None:
    assert as_json(cli("view", "hide-rejected", "--json")) == {"hide_rejected": False}
    assert as_json(cli("view", "hide-rejected", "on", "--json")) == {"hide_rejected": True}
    assert "hidden from everyday views" in ok(cli("view", "hide-rejected")).stdout
    assert as_json(cli("view", "hide-rejected", "off", "--json")) == {"hide_rejected": False}
    assert cli("view", "hide-rejected", "maybe").exit_code != 0
