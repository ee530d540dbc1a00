"""`nextround --help` prints from a checked listing; what it prints must be what the full app prints."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from typing import Any

import typer
from typer.main import get_command

from nextround.cli import main
from nextround.cli.listing import COMMAND_LISTING


def _full_listing() -> list[tuple[str, bool, str]]:
    root = get_command(main.app)
    ctx = typer.Context(root)
    rows = []
    for name in root.list_commands(ctx):
        command: Any = root.get_command(ctx, name)
        rows.append((name, hasattr(command, "commands"), (command.help or "").split("\n\n")[0]))
    return rows


def test_the_help_listing_matches_the_full_app() -> None:
    # When this fails, regenerate src/nextround/cli/listing.py from the full app (see its docstring).
    assert _full_listing() == COMMAND_LISTING


def test_root_help_is_the_same_through_the_entry_point(cli_env: dict[str, str]) -> None:
    env = {**os.environ, **cli_env}
    fast = subprocess.run(
        [sys.executable, "-m", "nextround", "--help"], capture_output=True, text=True, env=env, timeout=60
    )
    # The full app, run the same way (same process kind, same terminal width).
    code = "import sys; from nextround.cli.main import app; app(args=sys.argv[1:], prog_name='nextround')"
    full = subprocess.run([sys.executable, "-c", code, "--help"], capture_output=True, text=True, env=env, timeout=60)
    assert fast.returncode == full.returncode == 0
    assert fast.stdout == full.stdout
    unknown = subprocess.run(
        [sys.executable, "-m", "nextround", "aplication"], capture_output=True, text=True, env=env, timeout=60
    )
    assert unknown.returncode == 2
    assert "No such command" in unknown.stderr


def _callbacks(app: typer.Typer) -> list[Any]:
    found = [info.callback for info in app.registered_commands]
    if app.registered_callback is not None:
        found.append(app.registered_callback.callback)
    for group in app.registered_groups:
        assert group.typer_instance is not None
        found.extend(_callbacks(group.typer_instance))
    return found


def test_command_annotations_are_objects_not_strings() -> None:
    # Typer reads the annotations of every command it builds, at every start. Strings (as
    # `from __future__ import annotations` makes them) are compiled and evaluated each time: for the
    # whole command line that tripled the cost of building it (bench/README.md).
    callbacks = _callbacks(main.app)
    assert len(callbacks) > 50
    quoted = [
        f"{callback.__module__}.{callback.__name__}"
        for callback in callbacks
        if any(isinstance(annotation, str) for annotation in callback.__annotations__.values())
    ]
    assert quoted == []


def test_json_before_the_command_reaches_the_command(cli: Any, tmp_path: Any) -> None:
    # `nextround --json app list` reads as `nextround app list --json`; it printed the text table.
    assert cli("app", "add", "--company", "Acme", "--role", "Baker").exit_code == 0
    before = cli("--json", "app", "list")
    after = cli("app", "list", "--json")
    assert before.exit_code == after.exit_code == 0
    assert json.loads(before.stdout) == json.loads(after.stdout)
    assert json.loads(cli("--json", "stats").stdout)["applications"] == 1
    # A command without JSON output says so in one line instead of printing text to a parser.
    backup = cli("--json", "backup", str(tmp_path / "copy.db"))
    assert backup.exit_code == 2
    assert backup.stderr.strip() == "error: `backup` prints no JSON: run it without --json"
    assert not (tmp_path / "copy.db").exists()


def test_every_analyze_command_takes_json(cli: Any) -> None:
    answer = cli("analyze", "answer", "--json", "--question", "Why us?", input="I like bread.\n")
    assert answer.exit_code == 0, answer.stderr
    assert json.loads(answer.stdout)["sentences"] == ["I like bread."]
    feedback = cli("--json", "analyze", "feedback", input="We wanted more SQL experience.\n")
    assert feedback.exit_code == 0, feedback.stderr
    assert "themes" in json.loads(feedback.stdout)
