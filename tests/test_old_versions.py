"""Data made by OLDER versions of nextround opens and imports in today's, with nothing lost.

tests/data/old_versions/ holds, per schema revision, what the last version before the next migration wrote
through its own CLI (scripts/old_versions.py names each commit and rebuilds the files): an SQL dump of its
SQLite database, its JSON export and its CSV export, and the row counts it had. Odd text throughout: emoji,
right-to-left scripts, quotes, a long note, control characters.

- The SQLite database is rebuilt from the dump and opened: the migrations bring it to today's schema.
- On PostgreSQL the same rows go into a database at that revision (migrated down to it), which then upgrades.
- Either way every row is still there, the odd text reads back as written, and a new application gets a new
  id. (The everyday reads, CLI and pages, run over the 0002 history in tests/test_messy_rows.py.)
- Each JSON export imports whole, and a second import adds nothing; each CSV export imports every application.
"""

from __future__ import annotations

import importlib.util
import json
import sqlite3
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import BigInteger, Boolean, Date, DateTime, Integer, MetaData, func, inspect, select, text
from sqlalchemy.types import JSON

from nextround.config import Settings
from nextround.services.applications import ApplicationFields, ApplicationService
from nextround.services.transfer import import_data, read_export
from nextround.services.workspace import Workspace
from nextround.storage.db import Database
from nextround.storage.migrate import migrate_to
from nextround.storage.schema import HEAD_REVISION

from .conftest import ENGINES, FakeClock

FIXTURES = Path(__file__).parent / "data" / "old_versions"
_spec = importlib.util.spec_from_file_location(
    "old_versions", Path(__file__).parent.parent / "scripts" / "old_versions.py"
)
assert _spec and _spec.loader
BUILDER = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(BUILDER)
EMOJI, FIXTURE_COMMITS, LONG_NOTE, RTL = BUILDER.EMOJI, BUILDER.FIXTURE_COMMITS, BUILDER.LONG_NOTE, BUILDER.RTL
STEMS = [
    f"{revision}_{commit}"
    for revision, commit in FIXTURE_COMMITS.items()
    if (FIXTURES / f"{revision}_{commit}.sql").exists()
]
NOT_DATA = {"alembic_version", "users"}
# PostgreSQL takes longer per database: there, the newest (through the owner-leading keys of 0011); every
# revision on SQLite. test_storage_accounts.py takes a 0002 database through 0007's rebuild on both. The pairs
# are chosen here (the engine fixture parametrized indirectly), so a run neither tests less nor skips.
STEM_ENGINES = [
    pytest.param(stem, engine, id=f"{stem}-{engine}")
    for engine in ENGINES
    for stem in (STEMS if engine == "sqlite" else STEMS[-1:])
]


def _expected(stem: str) -> dict[str, Any]:
    found: dict[str, Any] = json.loads((FIXTURES / f"{stem}.counts.json").read_text("utf-8"))
    return found


def _old_sqlite(stem: str, target: Path) -> Path:
    with sqlite3.connect(target) as conn:
        conn.executescript((FIXTURES / f"{stem}.sql").read_text("utf-8"))
    conn.close()
    return target


def _value_for(column: Any, value: Any) -> Any:
    """A value as SQLite kept it, as PostgreSQL takes it."""
    if value is None:
        return None
    if isinstance(column.type, Integer) and not isinstance(column.type, BigInteger) and abs(value) >= 2**31:
        return None  # that version's INTEGER on PostgreSQL could not hold it (BIGINT salaries came in 0003)
    if isinstance(column.type, Boolean):
        return bool(value)
    if isinstance(column.type, JSON):
        return json.loads(value) if isinstance(value, str) else value
    if isinstance(column.type, DateTime):
        return datetime.fromisoformat(value) if isinstance(value, str) else value
    if isinstance(column.type, Date):
        return date.fromisoformat(value) if isinstance(value, str) else value
    return value


def _old_postgres(stem: str, url: str, scratch: Path) -> None:
    """The old version's rows in a PostgreSQL database at its revision, as that version would have left it."""
    db = Database.open(url, migrate=False)
    revision = _expected(stem)["revision"]
    migrate_to(db.engine, "downgrade", revision)
    source = sqlite3.connect(_old_sqlite(stem, scratch / "old.db"))
    source.row_factory = sqlite3.Row
    tables = MetaData()
    tables.reflect(db.engine)
    with db.engine.begin() as conn:
        for table in tables.sorted_tables:
            if table.name == "alembic_version":
                continue
            rows = [dict(r) for r in source.execute(f'SELECT * FROM "{table.name}"')]
            if not rows:
                continue
            conn.execute(table.insert(), [{k: _value_for(table.c[k], v) for k, v in row.items()} for row in rows])
            if "id" in table.c:  # a real database's sequences kept pace with its rows
                conn.execute(
                    text(f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), max(id)) FROM {table.name}")
                )
    source.close()
    db.dispose()


def _counts(db: Database) -> dict[str, int]:
    found: dict[str, int] = {}
    with db.engine.connect() as conn:
        for name in inspect(db.engine).get_table_names():
            meta = MetaData()
            meta.reflect(conn, only=[name])
            found[name] = conn.execute(select(func.count()).select_from(meta.tables[name])).scalar_one()
    return found


@pytest.mark.parametrize(("stem", "database_url"), STEM_ENGINES, indirect=["database_url"])
def test_an_old_database_upgrades_with_nothing_lost(stem: str, database_url: str, tmp_path: Path) -> None:
    expected = _expected(stem)
    if database_url.startswith("sqlite"):
        url = f"sqlite:///{_old_sqlite(stem, tmp_path / 'old.db')}"
    else:
        _old_postgres(stem, database_url, tmp_path)
        url = database_url
    db = Database.open(url)  # migrates
    try:
        assert db.current_revision() == HEAD_REVISION
        counts = _counts(db)
        assert {t: counts.get(t) for t in expected["rows"]} == expected["rows"]
        ws = Workspace(
            db=db, owner_id=db.local_user_id(), settings=Settings(home=tmp_path, database_url=url), clock=FakeClock()
        )
        service = ApplicationService(ws)
        first, second = service.get(1), service.get(2)
        assert (first.fields.company, first.fields.notes, second.fields.company) == (EMOJI, LONG_NOTE, RTL)
        assert [e.to_state for e in service.get(3).events][-1] == "rejected"
        assert service.add(ApplicationFields(company="New", role="After the upgrade")).id > 9
    finally:
        db.dispose()


@pytest.mark.parametrize(("stem", "database_url"), STEM_ENGINES, indirect=["database_url"])
def test_an_old_json_export_imports_whole_and_once(stem: str, workspace: Workspace) -> None:
    expected = {t: n for t, n in _expected(stem)["rows"].items() if t not in NOT_DATA}
    document = read_export(FIXTURES / f"{stem}.json", 10_000_000)
    report = import_data(workspace, document)
    assert (report.added, report.duplicates) == (9, 0)
    counts = _counts(workspace.db)
    assert {t: counts.get(t) for t in expected} == expected
    again = import_data(workspace, read_export(FIXTURES / f"{stem}.json", 10_000_000))
    assert (again.added, again.duplicates) == (0, 9)
    assert _counts(workspace.db) == counts
    first = ApplicationService(workspace).get(min(a.id for a in ApplicationService(workspace).find()))
    assert (first.fields.company, first.fields.notes) == (EMOJI, LONG_NOTE)


@pytest.mark.parametrize("stem", [STEMS[0]])
def test_an_old_csv_export_imports_every_application(stem: str, workspace: Workspace) -> None:
    from nextround.integrations.tabular import read_generic_csv
    from nextround.services.transfer import import_applications

    items = read_generic_csv(FIXTURES / f"{stem}.csv", max_bytes=10_000_000, tz=UTC, today=date(2026, 12, 6))
    assert import_applications(workspace, items).added == 9
    again = read_generic_csv(FIXTURES / f"{stem}.csv", max_bytes=10_000_000, tz=UTC, today=date(2026, 12, 6))
    assert import_applications(workspace, again).added == 0  # before: the company with an escape came in again
    # the history column's dated steps come back (before: every step on the day applied, rounds renumbered)
    assert _counts(workspace.db)["stage_events"] == _expected(stem)["rows"]["stage_events"]
    rejected = next(a for a in ApplicationService(workspace).find() if a.fields.role == "Data Analyst")
    events = ApplicationService(workspace).get(rejected.id).events
    assert [(e.occurred_at.date().isoformat(), e.to_state, e.round) for e in events][-3:] == [
        ("2026-09-12", "interview", 1), ("2026-09-19", "interview", 2), ("2026-09-25", "rejected", None)
    ]  # fmt: skip


@pytest.mark.parametrize("table", ["applications"])
def test_two_different_rows_under_one_id_are_refused_whole(table: str, workspace: Workspace, tmp_path: Path) -> None:
    """Before, the second application under id 1 was dropped with one of the events, counted as 'already
    there', and the rest landed; a contact under a taken id vanished the same way (same check, any table)."""
    from nextround.integrations.tabular import ImportFileError

    data = json.loads((FIXTURES / f"{STEMS[min(1, len(STEMS) - 1)]}.json").read_text("utf-8"))
    rows = data["tables"][table]
    rows.append({**rows[0], "notes": "another row under the same id"})
    path = tmp_path / "twice.json"
    path.write_text(json.dumps(data), "utf-8")
    before = _counts(workspace.db)
    with pytest.raises(ImportFileError, match=rf"{table} row {len(rows)}, id: 1 is also the id of row 1"):
        import_data(workspace, read_export(path, 10_000_000))
    assert _counts(workspace.db) == before
    rows.append(rows[0])  # the same row twice loses nothing: taken once
    rows.pop(-2)
    path.write_text(json.dumps(data), "utf-8")
    assert import_data(workspace, read_export(path, 10_000_000)).added == 9


def test_a_history_column_of_another_kind_is_left_alone() -> None:
    from nextround.integrations.tabular import read_history

    assert read_history("2024-10-03 applied; 2024-10-10 interview (round 2); 2024-10-20 rejected") == (
        (date(2024, 10, 3), "applied", None),
        (date(2024, 10, 10), "interview", 2),
        (date(2024, 10, 20), "rejected", None),
    )
    for other in ("Applied via site, then a call", "2024-10-03 phone_screen", "9999-01-01 applied", ""):
        assert read_history(other) == ()


def test_an_old_csv_export_adds_nothing_to_the_database_it_came_from(tmp_path: Path) -> None:
    """The keys an older version stored kept the control characters of a company's name; the key of the same
    row read again has none, so every such application came in a second time."""
    from nextround.integrations.tabular import read_generic_csv
    from nextround.services.transfer import import_applications

    stem = STEMS[min(1, len(STEMS) - 1)]
    url = f"sqlite:///{_old_sqlite(stem, tmp_path / 'old.db')}"
    db = Database.open(url)
    try:
        ws = Workspace(db=db, owner_id=db.local_user_id(), settings=Settings(home=tmp_path, database_url=url),
                       clock=FakeClock())  # fmt: skip
        items = read_generic_csv(FIXTURES / f"{stem}.csv", max_bytes=10_000_000, tz=UTC, today=date(2026, 12, 6))
        assert import_applications(ws, items).added == 0
    finally:
        db.dispose()
