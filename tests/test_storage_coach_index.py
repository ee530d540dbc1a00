"""Migration 0012: coach_links.coach_id is indexed, on a new database and on one made before it."""

from __future__ import annotations

from sqlalchemy import inspect, text

from nextround.services.workspace import Workspace
from nextround.storage.db import HEAD_REVISION
from nextround.storage.migrate import migrate_to


def _coach_indexes(workspace: Workspace) -> list[list[str | None]]:
    return [i["column_names"] for i in inspect(workspace.db.engine).get_indexes("coach_links")]


def test_an_older_database_gains_the_coach_index_on_first_use(workspace: Workspace) -> None:
    assert ["coach_id"] in _coach_indexes(workspace)
    migrate_to(workspace.db.engine, "downgrade", "0011")  # the schema as the previous version left it
    workspace.db.engine.dispose()
    assert ["coach_id"] not in _coach_indexes(workspace)
    assert workspace.db.current_revision() == "0011"
    workspace.db.migrate()
    assert workspace.db.current_revision() == HEAD_REVISION
    assert ["coach_id"] in _coach_indexes(workspace)
    if workspace.db.engine.dialect.name == "sqlite":  # PostgreSQL's planner scans a table this small anyway
        with workspace.db.engine.connect() as connection:
            plan = connection.execute(
                text("EXPLAIN QUERY PLAN SELECT id FROM coach_links WHERE coach_id = 1 AND withdrawn_at IS NULL")
            ).all()
        assert "ix_coach_links_coach" in " ".join(str(row[-1]) for row in plan)
