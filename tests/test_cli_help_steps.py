"""`nextround --help` walks the five steps; each main command shows an example; the shell can complete."""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
from typing import Any

import typer
from typer.main import get_command
from typer.testing import CliRunner

from nextround.cli import main
from nextround.cli.listing import COMMAND_LISTING

runner = CliRunner()


def _sections(text: str) -> dict[str, list[str]]:
    """Each heading of the help (a line like `Track applications:`) with the command names listed under it."""
    sections: dict[str, list[str]] = {}
    current: list[str] = []
    for line in text.splitlines():
        heading = re.fullmatch(r"(\S.*):", line)
        if heading:
            current = sections.setdefault(heading.group(1), [])
        elif re.match(r"  [a-z]", line):
            current.append(line.split()[0])
    return sections


def test_top_level_help_lists_the_commands_under_the_five_steps() -> None:
    result = runner.invoke(main.app, ["--help"])
    assert result.exit_code == 0
    sections = _sections(result.stdout)
    assert [name for name in sections if name not in ("Options", "Usage")] == list(main.PANELS)
    listed = {name: panel for panel in main.PANELS for name in sections[panel]}
    assert listed == {name: main.COMMAND_PANELS[name] for name, _, _ in COMMAND_LISTING}
    assert sections["1 Seek feedback"] == ["feedback"]


def test_every_top_level_command_shows_an_example_that_runs() -> None:
    for name, _, _ in COMMAND_LISTING:
        example = main.COMMAND_EXAMPLES[name]
        help_text = runner.invoke(main.app, [name, "--help"]).stdout
        assert f"Example:\n    {example}\n" in help_text, name
        # The example names a real command and real options: with --help appended it parses and stops.
        words = shlex.split(example)
        assert words[:2] == ["nextround", name]
        parsed = runner.invoke(main.app, [*words[1:], "--help"])
        assert parsed.exit_code == 0, (example, parsed.output)


def test_the_shell_can_complete_command_names(cli_env: dict[str, str]) -> None:
    assert "--install-completion" in runner.invoke(main.app, ["--help"]).stdout
    env = {**os.environ, **cli_env, "_NEXTROUND_COMPLETE": "complete_bash", "COMP_WORDS": "nextround fee"}
    env["COMP_CWORD"] = "1"
    done = subprocess.run([sys.executable, "-m", "nextround"], capture_output=True, text=True, env=env, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["feedback"]
    env["COMP_WORDS"], env["COMP_CWORD"] = "nextround app mo", "2"
    done = subprocess.run([sys.executable, "-m", "nextround"], capture_output=True, text=True, env=env, timeout=60)
    assert done.stdout.split() == ["move"]


def _leaf_commands(command: Any, path: tuple[str, ...], ctx: Any) -> list[tuple[str, Any]]:
    if not hasattr(command, "list_commands"):
        return [(" ".join(path), command)]
    found = []
    for name in command.list_commands(ctx):
        found.extend(_leaf_commands(command.get_command(ctx, name), (*path, name), ctx))
    return found


def test_every_argument_is_named_for_the_usage_line() -> None:
    # `config set [OPTIONS] {key} {value}` beside `app move {APP_ID} {stage}`: an argument without a metavar
    # shows its parameter name, lower case, unlike every other.
    root = get_command(main.app)
    unnamed = [
        f"{path} {param.name}"
        for path, command in _leaf_commands(root, (), typer.Context(root))
        for param in command.params
        if param.param_type_name == "argument" and not param.metavar
    ]
    assert unnamed == []
