"""The CLI through Typer's runner, and through a real subprocess for the installed command."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from nextround import __version__

Cli = Callable[..., Any]


def add(cli: Cli, *args: str) -> dict[str, Any]:
    result = cli("app", "add", *args, "--json")
    assert result.exit_code == 0, result.output
    data: dict[str, Any] = json.loads(result.stdout)
    return data


def test_version(cli: Cli) -> None:
    result = cli("--version")
    assert result.exit_code == 0
    assert result.stdout.strip() == f"nextround {__version__}"


def test_add_move_reject_show(cli: Cli, tmp_path: Path) -> None:
    jd = tmp_path / "jd.txt"
    jd.write_text("We need a baker who can laminate dough.\n", encoding="utf-8")
    created = add(
        cli, "--company", "Crumb & Co", "--role", "Baker", "--applied-on", "3 days ago", "--source", "referral",
        "--jd-file", str(jd), "--excitement", "4", "--tags", "bread,early shifts", "--salary-min", "28000",
        "--salary-max", "32000", "--currency", "gbp", "--work-model", "on-site",
    )  # fmt: skip
    app_id = str(created["id"])
    assert created["stage"] == "applied"
    assert created["jd_text"].startswith("We need a baker")
    assert created["currency"] == "GBP"
    assert created["work_model"] == "onsite"
    assert created["tags"] == ["bread", "early shifts"]

    assert cli("app", "move", app_id, "screening", "--on", "yesterday").exit_code == 0
    assert cli("app", "move", app_id, "interview", "--round", "2").exit_code == 0
    rejected = cli("app", "reject", app_id, "--reason", "another candidate")
    assert rejected.exit_code == 0

    shown = json.loads(cli("app", "show", app_id, "--json").stdout)
    assert shown["outcome"] == "rejected"
    assert shown["stage"] == "interview"
    assert shown["interview_round"] == 2
    assert shown["rejected_at_stage"] == "interview"
    assert [h["to"] for h in shown["history"]] == ["applied", "screening", "interview", "rejected"]
    assert shown["history"][-1]["note"] == "another candidate"

    listed = json.loads(cli("app", "list", "--json").stdout)
    assert [(a["id"], a["company"], a["role"], a["stage"], a["outcome"]) for a in listed] == [
        (created["id"], "Crumb & Co", "Baker", "interview", "rejected")
    ]
    assert json.loads(cli("app", "list", "--stage", "applied", "--json").stdout) == []

    stats = json.loads(cli("stats", "--json").stdout)
    assert stats["rejections_by_stage"]["interview"] == 1
    assert stats["by_source"]["referral"]["applied"] == 1


def test_human_output_escapes_and_shows_the_timeline(cli: Cli) -> None:
    created = add(cli, "--company", "[bold]Evil[/bold] Corp", "--role", "Nurse")
    shown = cli("app", "show", str(created["id"]))
    assert shown.exit_code == 0
    assert "[bold]Evil[/bold] Corp" in shown.stdout
    assert "saved → applied" in shown.stdout
    listing = cli("app", "list")
    assert "Nurse" in listing.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("app", "show", "999"), "no application with id 999"),
        (("app", "move", "999", "interview"), "no application with id 999"),
        (("app", "add", "--company", "A", "--role", "B", "--applied-on", "someday"), "cannot read the date"),
        (("app", "add", "--company", "A", "--role", "B", "--excitement", "7"), "excitement must be between 1 and 5"),
        (("app", "add", "--company", "A", "--role", "B", "--stage", "phone"), "unknown stage 'phone'"),
        (("app", "add", "--company", "A", "--role", "B", "--source", "pigeon"), "unknown source 'pigeon'"),
        (("app", "add", "--company", "A", "--role", "B", "--jd-file", "/nonexistent/jd.txt"), "no such file"),
        (("app", "list", "--stage", "nope"), "unknown stage 'nope'"),
        (("config", "set", "ghost_days.applied", "soon"), "must be a number of days"),
        (("app", "add", "--company", "A", "--role", "B", "--applied-on", "999999999 days ago"), "1970-2100"),
        (("app", "add", "--company", "A", "--role", "B", "--applied-on", "9999-12-31"), "1970-2100"),
        (("app", "add", "--company", "A", "--role", "B", "--jd-file", "/dev/zero"), "over the"),
        (("app", "add", "--company", "A", "--role", "B", "--salary-max", str(2**64)), "salary_max"),
        (("app", "show", str(2**64)), "out of range"),
        # A round past 2**31 was a "database error"; past any hiring process, a typo.
        (("app", "add", "--company", "A", "--role", "B", "--stage", "interview", "--round", str(2**40)), "1 to 20"),
        (("app", "add", "--company", "A", "--role", "B", "--stage", "interview", "--round", "0"), "1 to 20"),
        (("config", "set", "ghost_days.applied", "99999999999999999"), "between 1 and 365 days"),
        (("goal", "add", "--title", "Send more", "--target", "0"), "must be more than 0"),
    ],
)
def test_user_errors_are_one_line_with_a_nonzero_exit(cli: Cli, args: tuple[str, ...], message: str) -> None:
    result = cli(*args)
    assert result.exit_code == 1
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("error: ")
    assert message in lines[0]
    assert "Traceback" not in result.output


def test_bad_stage_move_is_refused(cli: Cli) -> None:
    created = add(cli, "--company", "A", "--role", "B")
    result = cli("app", "move", str(created["id"]), "applied")
    assert result.exit_code == 1
    assert "already at stage 'applied'" in result.stderr


def test_silent_and_ghosted(cli: Cli) -> None:
    old = add(cli, "--company", "Silent Inc", "--role", "Driver", "--applied-on", "30 days ago")
    add(cli, "--company", "Fresh Inc", "--role", "Driver")
    silent = json.loads(cli("app", "silent", "--json").stdout)
    assert [a["company"] for a in silent["likely_ghosted"]] == ["Silent Inc"]
    assert silent["likely_ghosted"][0]["silent_days"] >= 29
    assert cli("app", "ghosted", str(old["id"])).exit_code == 0
    shown = json.loads(cli("app", "show", str(old["id"]), "--json").stdout)
    assert shown["outcome"] == "ghosted"
    assert shown["rejected_at_stage"] == "application"
    assert json.loads(cli("app", "silent", "--json").stdout)["likely_ghosted"] == []


def test_config_round_trip(cli: Cli) -> None:
    assert cli("config", "set", "ghost_days.interview", "14").exit_code == 0
    values = json.loads(cli("config", "list", "--json").stdout)
    assert values["ghost_days.interview"] == 14
    assert cli("config", "reset", "ghost_days.interview").exit_code == 0
    assert json.loads(cli("config", "list", "--json").stdout)["ghost_days.interview"] == 10


def test_overview_guides_a_new_user_then_lists_next_steps(cli: Cli) -> None:
    first = cli()
    assert first.exit_code == 0
    assert "No applications yet" in first.stdout
    assert "Or do all of it in your browser:  nextround serve" in first.stdout  # the web is where most start
    created = add(cli, "--company", "A", "--role", "B", "--applied-on", "40 days ago")
    data = json.loads(cli("--json").stdout)
    assert data["applications"] == 1
    assert data["likely_ghosted"] == 1
    assert any(step["command"] == f"nextround app ghosted {created['id']}" for step in data["next_steps"])


def test_delete_asks_first(cli: Cli) -> None:
    created = add(cli, "--company", "A", "--role", "B")
    refused = cli("app", "delete", str(created["id"]), input="n\n")
    assert refused.exit_code == 1
    assert json.loads(cli("app", "list", "--json").stdout) != []
    assert cli("app", "delete", str(created["id"]), "--yes").exit_code == 0
    assert json.loads(cli("app", "list", "--json").stdout) == []


def installed_command() -> list[str]:
    script = Path(sys.executable).parent / "nextround"
    return [str(script)] if script.exists() else [sys.executable, "-m", "nextround"]


def test_installed_command_in_a_real_process(cli_env: dict[str, str]) -> None:
    env = {**os.environ, **cli_env}

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([*installed_command(), *args], capture_output=True, text=True, env=env, timeout=60)

    version = run("--version")
    assert version.returncode == 0
    assert version.stdout.strip() == f"nextround {__version__}"
    created = run("app", "add", "--company", "Real Process Ltd", "--role", "Teacher", "--json")
    assert created.returncode == 0, created.stderr
    app_id = json.loads(created.stdout)["id"]
    missing = run("app", "show", "4242")
    assert missing.returncode == 1
    assert missing.stderr.strip() == "error: no application with id 4242"
    listed = json.loads(run("app", "list", "--json").stdout)
    assert [a["id"] for a in listed] == [app_id]
    module = subprocess.run(
        [sys.executable, "-m", "nextround", "--version"], capture_output=True, text=True, env=env, timeout=60
    )
    assert module.stdout.strip() == f"nextround {__version__}"


def test_hide_rejected_keeps_everyday_lists_calm_but_stats_honest(cli: Cli) -> None:
    kept = add(cli, "--company", "Still Open", "--role", "Baker")
    gone = add(cli, "--company", "Said No", "--role", "Baker")
    assert cli("app", "reject", str(gone["id"])).exit_code == 0
    assert cli("view", "hide-rejected", "on").exit_code == 0
    listed = json.loads(cli("app", "list", "--json").stdout)
    assert [a["id"] for a in listed] == [kept["id"]]
    assert len(json.loads(cli("app", "list", "--all", "--json").stdout)) == 2
    assert [a["id"] for a in json.loads(cli("app", "list", "--outcome", "rejected", "--json").stdout)] == [gone["id"]]
    assert json.loads(cli("stats", "--json").stdout)["outcomes"]["rejected"] == 1


def test_errors_name_the_flag_for_the_field(cli: Cli) -> None:
    future = cli("app", "add", "--company", "A", "--role", "R", "--applied-on", "in 3 days")
    assert future.exit_code == 1
    assert future.stderr == "error: the application date is in the future (--applied-on)\n"
    app_id = str(add(cli, "--company", "A", "--role", "R")["id"])
    round_on_screening = cli("app", "move", app_id, "screening", "--round", "2")
    assert round_on_screening.stderr == "error: a round only applies to the interview stage (--round)\n"
    late = cli("app", "move", app_id, "screening", "--on", "in 2 days")
    assert late.stderr.endswith("when it has happened (--on)\n")  # field `at`, the option `--on`
    unknown_stage = cli("app", "move", app_id, "heaven")
    assert unknown_stage.stderr.startswith("error: unknown stage 'heaven'")
    assert unknown_stage.stderr.endswith("(STAGE)\n")  # an argument: its metavar
    bad_url = cli("app", "edit", app_id, "--url", "ftp://x")
    assert bad_url.stderr == "error: job URL must start with http:// or https://, not 'ftp://x' (--url)\n"


def test_several_errors_print_one_line_each_with_their_flags() -> None:
    import typer.main

    from nextround.cli.errors import error_lines
    from nextround.cli.main import build_app
    from nextround.errors import FormErrors, UserError

    root = typer.main.get_command(build_app())
    args = ["goal", "add", "--title", " "]
    ctx = root.make_context("nextround", list(args), resilient_parsing=True)
    problems = FormErrors([UserError("a goal needs a title", field="title"), UserError("later", field="due")])
    assert error_lines(problems, root, ctx, args) == ["a goal needs a title (--title)", "later (--due)"]
    assert error_lines(UserError("no goal with id 3"), root, ctx, args) == ["no goal with id 3"]


def test_an_application_added_at_a_later_stage_takes_the_day_it_got_there(cli: Cli) -> None:
    created = add(cli, "--company", "A", "--role", "R", "--applied-on", "3 weeks ago", "--stage", "final",
                  "--stage-on", "5 days ago")  # fmt: skip
    rejected = cli("app", "reject", str(created["id"]), "--on", "2 days ago")
    assert rejected.exit_code == 0, rejected.output
    shown = json.loads(cli("app", "show", str(created["id"]), "--json").stdout)
    assert [h["to"] for h in shown["history"]] == ["applied", "final", "rejected"]
    assert shown["rejected_at_stage"] == "final"
    refused = cli("app", "add", "--company", "B", "--role", "R", "--stage-on", "yesterday")
    assert refused.stderr == "error: the day it reached its stage is only for a stage after applied (--stage-on)\n"


def test_rounds_past_any_hiring_process_are_refused_on_every_path(cli: Cli) -> None:
    assert cli("app", "add", "--company", "A", "--role", "B").exit_code == 0
    for args in (
        ("app", "move", "1", "interview", "--round", "21"),
        ("interview", "add", "1", "--on", "today", "--round", "21"),
    ):
        result = cli(*args)
        assert result.exit_code == 1
        assert result.stderr == "error: interview round must be from 1 to 20 (--round)\n"


def test_import_json_names_what_it_added_beside_the_applications(cli: Cli, tmp_path: Path) -> None:
    # A later export of the same search read "Imported 0 applications ...; 1 duplicate already there,
    # skipped." while it added the journal entries in it (the import page said so; the command line did not).
    assert cli("app", "add", "--company", "Solo", "--role", "Baker").exit_code == 0
    assert cli("journal", "add", "--text", "Sent it").exit_code == 0
    export = tmp_path / "search.json"
    assert cli("export", "--format", "json", str(export)).exit_code == 0
    data = json.loads(export.read_text(encoding="utf-8"))
    data["tables"]["journal_entries"][0]["text"] = "Sent it, and wrote it down elsewhere"
    export.write_text(json.dumps(data), encoding="utf-8")
    first = cli("import", "json", str(export))
    assert first.exit_code == 0
    assert first.stdout.splitlines() == [
        "Imported 0 applications from search.json; 1 duplicate already there, skipped.",
        "Also added: 1 journal entry.",
    ]
    assert cli("import", "json", str(export)).stdout.splitlines()[1:] == []  # nothing new the second time


def test_export_to_dash_writes_standard_output(cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # `nextround export - | jq` wrote a file named '-' in the current folder and printed nothing.
    here = tmp_path / "here"
    here.mkdir()
    monkeypatch.chdir(here)
    assert cli("app", "add", "--company", "Acme", "--role", "Baker").exit_code == 0
    exported = cli("export", "-")
    assert exported.exit_code == 0
    assert [a["company"] for a in json.loads(exported.stdout)["tables"]["applications"]] == ["Acme"]
    assert exported.stderr == "Exported 1 application to standard output.\n"
    csv_text = cli("export", "--format", "csv", "-").stdout
    assert csv_text.splitlines()[1].startswith("1,Acme,Baker,")
    assert list(here.iterdir()) == []


def test_app_list_shows_the_newest_screenful_and_says_how_many_more(cli: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    import nextround.cli.apps as apps_cli

    monkeypatch.setattr(apps_cli, "DEFAULT_LIST_LIMIT", 3)  # a screenful of 3, so five applications overflow it
    ids = [add(cli, "--company", f"Firm {n}", "--role", "Very long role name " * (8 if n == 4 else 1))["id"]
           for n in range(5)]  # fmt: skip
    listing = cli("app", "list")
    assert listing.exit_code == 0
    lines = listing.stdout.splitlines()
    shown = [int(line.split("│")[0]) for line in lines[2:] if line.split("│")[0].strip()]
    assert shown == ids[-3:]  # the newest three, oldest first
    assert "Showing the newest 3 of 5 applications" in listing.stderr
    assert "--limit 0" in listing.stderr
    # The long role is folded onto more lines within 120 columns (piped), not cut.
    assert max(len(line) for line in lines) <= 120
    assert (
        "".join(line.split("│")[2] for line in lines[2:]).split()
        == " ".join(["Very long role name", "Very long role name", ("Very long role name " * 8).strip()]).split()
    )
    everything = cli("app", "list", "--limit", "0")
    assert [int(line.split("│")[0]) for line in everything.stdout.splitlines()[2:] if line.split("│")[0].strip()] == ids
    assert "Showing" not in everything.stderr
    assert len(json.loads(cli("app", "list", "--json").stdout)) == 5  # JSON is for tools: every row unless asked
    assert [a["id"] for a in json.loads(cli("app", "list", "--json", "--limit", "2").stdout)] == ids[-2:]
    refused = cli("app", "list", "--limit", "-1")
    assert refused.exit_code == 1 and "0 or more" in refused.stderr
