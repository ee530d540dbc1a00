"""The web board (migration 0013): per-stage counts and newest few read through an index of open rows, in the
order the window function gave, with a bounded number of queries; older databases gain the index."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import event, inspect, text, update

from nextround.domain.stages import STAGE_ORDER, Outcome
from nextround.services import browse
from nextround.services.applications import ApplicationService
from nextround.services.workspace import Workspace
from nextround.storage.db import HEAD_REVISION
from nextround.storage.migrate import migrate_to
from nextround.storage.tables import ApplicationRow
from tests.conftest import FakeClock
from tests.factories import make_application

INDEX = "ix_applications_owner_open_stage_activity"
KEY = ["owner_id", "stage", "last_activity_at", "id"]


def _application_indexes(workspace: Workspace) -> list[list[str | None]]:
    return [i["column_names"] for i in inspect(workspace.db.engine).get_indexes("applications")]


@contextmanager
def _statements(workspace: Workspace) -> Iterator[list[str]]:
    seen: list[str] = []

    def record(_conn: Any, _cursor: Any, statement: str, *_: Any) -> None:
        seen.append(statement)

    event.listen(workspace.db.engine, "before_cursor_execute", record)
    try:
        yield seen
    finally:
        event.remove(workspace.db.engine, "before_cursor_execute", record)


def test_an_older_database_gains_the_board_index_on_first_use(workspace: Workspace) -> None:
    assert KEY in _application_indexes(workspace)
    migrate_to(workspace.db.engine, "downgrade", "0012")
    workspace.db.engine.dispose()
    assert KEY not in _application_indexes(workspace)
    workspace.db.migrate()
    assert workspace.db.current_revision() == HEAD_REVISION
    assert KEY in _application_indexes(workspace)
    if workspace.db.engine.dialect.name == "sqlite":
        with workspace.db.engine.connect() as connection:
            plan = connection.execute(
                text(
                    "EXPLAIN QUERY PLAN SELECT id FROM applications WHERE owner_id = 1 AND outcome IS NULL"
                    " AND stage = 'applied' AND last_activity_at IS NOT NULL"
                    " ORDER BY last_activity_at DESC, id DESC LIMIT 3"
                )
            ).all()
        steps = " ".join(str(row[-1]) for row in plan)
        assert INDEX in steps and "TEMP B-TREE" not in steps  # read in order, not sorted


def test_board_order_counts_and_query_count(workspace: Workspace, clock: FakeClock) -> None:
    service = ApplicationService(workspace)
    made = []
    for n in range(9):
        made.append(make_application(workspace, company=f"A{n}", stage=STAGE_ORDER[n % 3]))
        if n % 4:
            clock.advance(hours=1)  # some share a moment: the newer id comes first
    service.close(made[0].id, Outcome.REJECTED)
    never_active = {made[4].id, made[7].id}
    with workspace.db.write() as session:
        session.execute(update(ApplicationRow).where(ApplicationRow.id.in_(never_active)).values(last_activity_at=None))
    with workspace.db.read() as session:
        rows = (
            session.execute(ApplicationRow.__table__.select().where(ApplicationRow.outcome.is_(None))).mappings().all()
        )
    stages = STAGE_ORDER[:4]
    with _statements(workspace) as seen:
        board = browse.board(workspace, stages, per_stage=2)
    for column in board:
        at = [r for r in rows if r["stage"] == column.stage.value]
        # newest activity first, never-active last, newest id breaking ties
        expected = sorted(
            at,
            key=lambda r: (
                r["last_activity_at"] is None,
                r["last_activity_at"] and -r["last_activity_at"].timestamp(),
                -r["id"],
            ),
        )
        assert column.count == len(at)
        assert [c.id for c in column.cards] == [r["id"] for r in expected[:2]]
    assert [c.stage for c in board] == list(stages)
    # one active card, then the newest never-active one
    assert [c.id for c in board[1].cards] == [made[1].id, made[7].id]
    board_sql = [s for s in seen if "applications" in s]
    assert len(board_sql) <= 3 * len(stages)  # a count and at most two limited reads per stage
    assert all("over" not in s.lower() and "limit" in s.lower() for s in board_sql if "count(" not in s.lower())
