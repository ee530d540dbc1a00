"""Messy rows already in a database never break an everyday page or command.

Rows written by older bugs, older versions or a hand edit (tests/messy_rows.py: dates in other forms or
outside the years, names of stages and channels this version does not know, JSON of the wrong shape, huge
texts) degrade to a fallback where they are read, in storage and the domain, never to a traceback or a 500.
The history is the 0002 one of tests/data/old_versions, upgraded: every pillar has rows.
"""

from __future__ import annotations

import sqlite3
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest

from nextround.config import Settings
from nextround.services.applications import ApplicationService
from nextround.services.transfer import export_data
from nextround.services.workspace import Workspace
from nextround.storage.db import Database

from .conftest import FakeClock
from .everyday import cli_failures, page_failures
from .messy_rows import MESSY
from .web_support import web_with

OLD = Path(__file__).parent / "data" / "old_versions" / "0002_d9af516.sql"


def _messy_database(tmp_path: Path, cases: list[tuple[str, str, dict[str, Any]]]) -> str:
    path = tmp_path / "messy.db"
    with sqlite3.connect(path) as conn:
        conn.executescript(OLD.read_text("utf-8"))
    conn.close()
    url = f"sqlite:///{path}"
    Database.open(url).dispose()  # today's schema first: the mess is what is left in it afterwards
    with sqlite3.connect(path) as conn:
        for _name, sql, params in cases:
            conn.execute(sql, params)
    conn.close()
    return url


def _workspace(url: str, tmp_path: Path) -> Workspace:
    db = Database.open(url)
    return Workspace(db=db, owner_id=db.local_user_id(), settings=Settings(home=tmp_path, database_url=url),
                     clock=FakeClock())  # fmt: skip


def test_dates_in_other_forms_are_read_and_unreadable_ones_are_unknown(tmp_path: Path) -> None:
    """On SQLite a date column holds whatever text was put there; both read paths (SQLAlchemy's and the
    plain-SQL one of the everyday commands) read the forms they can and take the rest as unknown."""
    url = _messy_database(tmp_path, [
        ("", "UPDATE applications SET applied_on='03.10.2024', created_at='2024-10-03T10:00:00Z' WHERE id=1", {}),
        ("", "UPDATE applications SET applied_on='soon', last_activity_at='yesterday' WHERE id=2", {}),
        ("", "UPDATE stage_events SET occurred_at='1727949600' WHERE id=1", {}),
    ])  # fmt: skip
    ws = _workspace(url, tmp_path)
    try:
        service = ApplicationService(ws)
        first, second = service.get(1), service.get(2)
        assert first.applied_on == date(2024, 10, 3)
        assert first.created_at == datetime(2024, 10, 3, 10, 0, tzinfo=UTC)
        assert first.events[0].occurred_at == datetime(2024, 10, 3, 10, 0, tzinfo=UTC)
        assert (second.applied_on, second.state.last_activity_at) == (None, None)
        listed = {a.id: a for a in service.find()}
        assert (listed[1].applied_on, listed[2].applied_on) == (date(2024, 10, 3), None)
        tables = export_data(ws).tables  # the export that could rescue the rest is never blocked by one value
        assert len(tables["applications"]) == 9
    finally:
        ws.db.dispose()


@pytest.mark.parametrize("cases", [MESSY], ids=["all"])
def test_every_everyday_read_answers_over_messy_rows(
    cases: list[tuple[str, str, dict[str, Any]]], tmp_path: Path
) -> None:
    url = _messy_database(tmp_path, cases)
    db = Database.open(url)
    try:
        owner = db.local_user_id()
        env = {"NEXTROUND_HOME": str(tmp_path / "home"), "NEXTROUND_DATABASE_URL": url}
        assert cli_failures(db, owner, env, every_id=False) == []
        with web_with(Settings(home=tmp_path / "home", database_url=url), FakeClock()) as web:
            assert page_failures(web, db, owner, every_id=False) == []
    finally:
        db.dispose()


def test_an_application_with_names_this_version_does_not_know_still_moves_on(tmp_path: Path) -> None:
    """Writes replay the history: an event named for a stage this version does not know is kept, not
    replayed; an application whose stored stage, outcome or channel is unknown reads as the plain fallback."""
    from typer.testing import CliRunner

    from nextround.cli.main import app

    url = _messy_database(tmp_path, MESSY)
    env = {"NEXTROUND_HOME": str(tmp_path / "home"), "NEXTROUND_DATABASE_URL": url}
    runner = CliRunner()
    for args in (
        ["app", "move", "2", "interview"],
        ["app", "move", "1", "screening"],
        ["app", "edit", "7", "--notes", "x"],
    ):
        result = runner.invoke(app, args, env=env)
        assert result.exit_code == 0, (args, result.exception, result.output)
    ws = _workspace(url, tmp_path)
    try:
        service = ApplicationService(ws)
        second = service.get(2)
        assert second.state.stage.value == "interview"
        assert "phone_screen" in [event.to_state for event in second.events]  # kept as it was stored
        assert service.get(7).fields.source is not None
    finally:
        ws.db.dispose()


def test_a_json_string_where_a_list_is_usual_reads_on_both_engines(workspace: Workspace, cli: Any) -> None:
    """psycopg hands a JSON column's string back as a str, which the everyday reads decoded again: on
    PostgreSQL every listing, `today`, `stats`, `config list` and every page failed (JSONDecodeError)."""
    from sqlalchemy import text

    from nextround.services.applications import ApplicationFields
    from tests.conftest import ok

    added = ApplicationService(workspace).add(ApplicationFields(company="Acme", role="Baker"))
    with workspace.db.engine.begin() as conn:
        conn.execute(text("""UPDATE applications SET tags = '"python"'"""))
        conn.execute(
            text("""INSERT INTO user_settings (owner_id, key, value) VALUES (:owner, 'auto_close_ghosted', '"on"')"""),
            {"owner": workspace.owner_id},
        )
    for args in (["app", "list"], ["app", "show", str(added.id)], ["today"], ["stats"], ["config", "list"]):
        ok(cli(*args))
    with workspace.db.reader(workspace.owner_id) as reader:
        assert reader.application(added.id).fields.tags == ("python",)
