from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

from sqlalchemy import select, text

from nextround.services.workspace import Workspace
from nextround.storage.db import HEAD_REVISION, Database
from nextround.storage.migrate import script_head
from nextround.storage.tables import StageEventRow

from .factories import make_application


def test_fast_path_revision_matches_the_newest_migration() -> None:
    assert script_head() == HEAD_REVISION


def test_migrated_database_is_at_head(workspace: Workspace) -> None:
    assert workspace.db.current_revision() == HEAD_REVISION


def test_sqlite_pragmas(tmp_path: object) -> None:
    db = Database.open(f"sqlite:///{tmp_path}/p.db")
    with db.read() as session:
        assert session.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert session.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert session.execute(text("PRAGMA busy_timeout")).scalar() == 30000
    db.dispose()


def test_datetimes_come_back_aware_and_equal(workspace: Workspace) -> None:
    moment = datetime(2024, 3, 31, 1, 30, tzinfo=timezone(timedelta(hours=-7)))
    app = make_application(workspace, applied_at=moment)
    with workspace.db.read() as session:
        stored = session.scalars(select(StageEventRow.occurred_at).where(StageEventRow.application_id == app.id)).one()
    assert stored.tzinfo is not None
    assert stored == moment
    assert stored.utcoffset() == UTC.utcoffset(None)


def test_a_failed_write_leaves_nothing_behind(workspace: Workspace) -> None:
    from nextround.storage.tables import ApplicationRow

    try:
        with workspace.db.write() as session:
            make_application(workspace)  # its own committed transaction
            session.add(
                ApplicationRow(owner_id=workspace.owner_id, company="half", role="written", created_at=workspace.now(),
                               stage="applied", furthest_stage="applied", tags=[])
            )  # fmt: skip
            session.flush()
            raise RuntimeError("boom")
    except RuntimeError:
        pass
    with workspace.db.read() as session:
        companies = session.scalars(select(ApplicationRow.company)).all()
    assert companies == ["Acme Bakery"]


def test_migrations_run_from_scratch_and_again(tmp_path: object) -> None:
    url = f"sqlite:///{tmp_path}/fresh.db"
    first = Database.open(url)
    first.migrate()
    assert first.current_revision() == HEAD_REVISION
    first.dispose()
