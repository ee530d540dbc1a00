"""`nextround --help` prints from a checked listing; what it prints must be what the full app prints."""

from __future__ import annotations

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
