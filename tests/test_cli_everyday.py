"""The everyday commands print the same through storage.reads and storage.drafts (sqlite3 on an SQLite file) as
when every read and write goes through a SQLAlchemy session, on the same data; on PostgreSQL both are the
session's connection."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

import pytest

import nextround.storage.db
from nextround.services.workspace import Workspace

from .conftest import FakeClock
from .test_storage_reads import _fill, _fill_other_pillars

Cli = Callable[..., Any]


def test_everyday_commands_print_the_same_on_either_read_path(
    cli: Cli, workspace: Workspace, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    clock.current = datetime.now().astimezone()  # the data sits around today, as the CLI's clock sees it
    ids = _fill(workspace, clock)
    _fill_other_pillars(workspace, clock, ids)
    commands = [[], ["today"], ["stats"], ["app", "list"], ["app", "show", str(ids[0])]]
    commands += [[*command, "--json"] for command in commands]
    commands.append(["feedback", "draft", str(ids[0])])  # a write: the same draft again, through either path

    def outputs() -> list[str]:
        printed = []
        for command in commands:
            result = cli(*command)
            assert result.exit_code == 0, (command, result.output)
            printed.append(result.output)
        return printed

    through_reads = outputs()
    monkeypatch.setattr(nextround.storage.db, "sqlite_file", lambda url: None)  # every read through SQLAlchemy
    assert outputs() == through_reads
    assert "Open Ltd" in through_reads[commands.index(["app", "list"])]
    assert "Interview" in through_reads[commands.index(["today"])]
    assert "Subject: Thank you for" in through_reads[-1]
