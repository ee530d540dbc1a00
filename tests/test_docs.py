"""Docs cannot drift: every command has help, and the README's examples run as written."""

from __future__ import annotations

import re
import shlex
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import typer
from typer.main import get_command

from nextround.cli.main import app

README = Path(__file__).resolve().parent.parent / "README.md"


def _walk(command: Any, path: tuple[str, ...] = ()) -> list[tuple[tuple[str, ...], Any]]:
    found = [(path, command)]
    for name, sub in getattr(command, "commands", {}).items():
        found.extend(_walk(sub, (*path, name)))
    return found


def test_every_command_has_help() -> None:
    missing = [" ".join(path) for path, command in _walk(get_command(app)) if not (command.help or "").strip()]
    assert missing == []


def test_every_option_has_help() -> None:
    missing = []
    for path, command in _walk(get_command(app)):
        for param in command.params:
            if param.name in ("help",) or not hasattr(param, "help"):
                continue
            if not (getattr(param, "help", None) or "").strip():
                missing.append(f"{' '.join(path)} {param.name}")
    assert missing == []


def readme_commands() -> list[str]:
    text = README.read_text(encoding="utf-8")
    blocks = re.findall(r"```console\n(.*?)```", text, flags=re.S)
    return [line[2:] for block in blocks for line in block.splitlines() if line.startswith("$ nextround ")]


def test_readme_has_the_two_commands_near_the_top() -> None:
    head = README.read_text(encoding="utf-8")[:1500]
    assert ".venv/bin/nextround" in head
    assert "./scripts/test" in head


def test_readme_examples_run(cli: Callable[..., Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "Job Applications.csv").write_text(
        "Application Date,Contact Email,Contact Phone Number,Company Name,Job Title,Job Url,Resume Name,"
        'Question And Answers\n"10/3/24, 2:15 PM",,,Acme,Support Engineer,,cv.pdf,"Notice period?: 1 month"\n',
        encoding="utf-8",
    )
    (tmp_path / "tracker.csv").write_text("Employer,Job Title,Status,My notes\nGlobex,Analyst,Applied,hi\n")
    (tmp_path / "feedback.txt").write_text(
        "Thank you for your time. The panel liked your energy, but felt your answers about planning "
        "production for a busy weekend lacked concrete examples, and another candidate had more "
        "experience with laminated doughs.\n"
    )
    (tmp_path / "my-cv.txt").write_text(
        "Pastry cook with four years in hotel kitchens. Food hygiene level 2. Bread and viennoiserie, "
        "stock rotation, early shifts, training new starters.\n"
    )
    (tmp_path / "job.txt").write_text(
        "Pastry Chef. You will need 3+ years of experience with laminated doughs, HACCP, cost control "
        "and leading a small team. Nice to have: chocolate work.\n"
    )
    (tmp_path / "reflection.json").write_text(
        '{"prepared": {"rating": 2, "text": "I had no numbers ready for the weekend planning question"}, '
        '"clear": {"rating": 2, "text": "I rambled"}}'
    )
    _write_mail_export(tmp_path / "Takeout.mbox")
    commands = readme_commands()
    assert len(commands) >= 10
    for line in commands:
        result = cli(*shlex.split(line)[1:])
        assert result.exit_code == 0, f"README example failed: {line}\n{result.output}"
    assert isinstance(app, typer.Typer)


def _write_mail_export(path: Path) -> None:
    import mailbox
    from email.message import EmailMessage

    message = EmailMessage()
    message["From"] = "Crumb & Co <jobs@crumbandco.example>"
    message["Subject"] = "Thanks for applying to Crumb & Co"
    message["Date"] = "Tue, 05 Nov 2024 10:00:00 +0000"
    message["Message-ID"] = "<readme-1@crumbandco.example>"
    message.set_content("Thanks for your application for the Pastry Chef role at Crumb & Co. We have received it.")
    box = mailbox.mbox(str(path))
    box.add(message)
    box.close()
