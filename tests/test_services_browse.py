"""Browsing a page at a time: SQL sorting and paging, the board, the change signature, owner isolation."""

from __future__ import annotations

from nextround.domain.stages import STAGE_ORDER, Outcome, Stage
from nextround.services import browse
from nextround.services.applications import ApplicationService
from nextround.services.preferences import set_preference
from nextround.services.workspace import Workspace
from nextround.storage.db import Database
from nextround.storage.tables import User
from tests.conftest import FakeClock
from tests.factories import make_application


def test_page_sorts_filters_and_counts_in_sql(workspace: Workspace, clock: FakeClock) -> None:
    for company in ["beta", "Alpha", "gamma", "Delta"]:
        make_application(workspace, company=company)
        clock.advance(hours=1)
    make_application(workspace, company="Omega", stage=Stage.INTERVIEW)
    by_name = browse.page(workspace, sort="company", descending=False, limit=2, offset=1)
    assert by_name.total == 5
    assert [r.company for r in by_name.rows] == ["beta", "Delta"]  # case-insensitive
    newest = browse.page(workspace, limit=2)
    assert [r.company for r in newest.rows] == ["Omega", "Delta"]
    by_stage = browse.page(workspace, sort="stage", descending=True, limit=1)
    assert by_stage.rows[0].company == "Omega"
    assert browse.page(workspace, stage=Stage.INTERVIEW).total == 1
    assert browse.page(workspace, company="ALP").total == 1
    row = newest.rows[0]
    assert row == ApplicationService(workspace).summaries(company="Omega")[0]


def test_page_separates_open_and_closed(workspace: Workspace) -> None:
    kept = make_application(workspace, company="Kept")
    gone = make_application(workspace, company="Gone")
    ApplicationService(workspace).close(gone.id, Outcome.REJECTED)
    assert [r.id for r in browse.page(workspace, open_only=True).rows] == [kept.id]
    closed = browse.page(workspace, closed_only=True, outcome=Outcome.REJECTED).rows
    assert [(r.id, r.rejected_at_stage) for r in closed] == [(gone.id, "application")]


def test_board_counts_every_open_application_and_lists_the_latest(workspace: Workspace, clock: FakeClock) -> None:
    for n in range(4):
        make_application(workspace, company=f"Applied {n}")
        clock.advance(hours=1)
    make_application(workspace, company="Screened", stage=Stage.SCREENING)
    closed = make_application(workspace, company="Closed", stage=Stage.SCREENING)
    ApplicationService(workspace).close(closed.id, Outcome.WITHDRAWN)
    board = browse.board(workspace, STAGE_ORDER[:6], per_stage=2)
    assert [column.stage for column in board] == list(STAGE_ORDER[:6])
    by_stage = {column.stage: column for column in board}
    applied = by_stage[Stage.APPLIED]
    assert applied.count == 4 and [c.company for c in applied.cards] == ["Applied 3", "Applied 2"]
    screening = by_stage[Stage.SCREENING]
    assert screening.count == 1 and screening.cards[0].company == "Screened"
    assert (by_stage[Stage.FINAL].count, by_stage[Stage.FINAL].cards) == (0, ())


def test_signature_changes_when_data_is_added(workspace: Workspace) -> None:
    first = browse.data_signature(workspace)
    app = make_application(workspace)
    second = browse.data_signature(workspace)
    ApplicationService(workspace).move(app.id, Stage.SCREENING)
    third = browse.data_signature(workspace)
    set_preference(workspace, "ghost_days.applied", "30")
    fourth = browse.data_signature(workspace)
    assert len({first, second, third, fourth}) == 4
    assert browse.data_signature(workspace) == fourth


def test_another_owners_rows_are_invisible(workspace: Workspace) -> None:
    db = Database.open(workspace.settings.database_url)
    with db.write() as session:
        user = User(username="other", created_at=workspace.now())
        session.add(user)
        session.flush()
        other = Workspace(db=db, owner_id=user.id, settings=workspace.settings, clock=workspace.clock)
    make_application(other, company="Theirs")
    mine = make_application(workspace, company="Mine")
    assert [r.company for r in browse.page(workspace).rows] == ["Mine"]
    assert browse.board(workspace, (Stage.APPLIED,), 5)[0].count == 1
    assert browse.data_signature(workspace)[0] == mine.id
    assert [r.company for r in browse.page(other).rows] == ["Theirs"]
    db.dispose()
