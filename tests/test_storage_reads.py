"""storage.reads, the read path of the everyday commands, answers exactly as the ORM path does.

On SQLite `Database.reader()` reads through `sqlite3` of its own; each check also runs the same reads
over the SQLAlchemy session's connection (what PostgreSQL always uses) and against the ORM repositories.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import Any

from sqlalchemy import select

from nextround.domain.stages import Outcome, Stage
from nextround.services.applications import ApplicationService
from nextround.services.feedback import draft_request
from nextround.services.keepgoing import set_hide_rejected
from nextround.services.preferences import set_preference
from nextround.services.workspace import Workspace
from nextround.storage.reads import NotFoundError, Reader
from nextround.storage.repositories import ApplicationRepository, reader_of
from nextround.storage.tables import FeedbackRequestRow, UserSetting

from .conftest import FakeClock
from .factories import make_application


def _fill(ws: Workspace, clock: FakeClock) -> list[int]:
    service = ApplicationService(ws)
    a = make_application(ws, company="Acme", tags=("dream", "remote"), applied_at=clock() - timedelta(days=30))
    service.move(a.id, Stage.INTERVIEW, round_=2, at=clock() - timedelta(days=10), note="went well")
    service.close(a.id, Outcome.REJECTED)
    b = make_application(ws, company="100% Bakes", stage=Stage.SCREENING)
    service.close(b.id, Outcome.GHOSTED)
    c = make_application(ws, company="Open Ltd", excitement=4, salary_min=1, salary_max=2, currency="EUR")
    # Moments with microseconds are written differently by each engine: both must read back alike.
    d = make_application(ws, company="Precise Co", applied_at=clock() - timedelta(days=3, microseconds=120_000))
    service.close(d.id, Outcome.WITHDRAWN, at=clock() - timedelta(days=1, microseconds=4_321))
    e = make_application(ws, company="Saved Co", stage=Stage.SAVED)
    set_hide_rejected(ws, True)
    set_preference(ws, "ghost_days.applied", "12")
    draft_request(ws, a.id, None, "warm")
    return [a.id, b.id, c.id, d.id, e.id]


def _both(ws: Workspace, read: Callable[[Reader], Any]) -> Any:
    """What `read` gives through Database.reader(), after checking that the session's connection agrees."""
    with ws.db.reader(ws.owner_id) as reader:
        found = read(reader)
    with ws.db.read() as session:
        assert read(reader_of(session, ws.owner_id)) == found
    return found


def test_applications_read_as_the_orm_reads_them(workspace: Workspace, clock: FakeClock) -> None:
    ids = _fill(workspace, clock)
    for app_id in ids:
        app = _both(workspace, lambda reader, app_id=app_id: reader.application(app_id))
        with workspace.db.read() as session:
            assert app == ApplicationRepository(session, workspace.owner_id).get(app_id)
        assert app.to_dict() == ApplicationService(workspace).get(app_id).to_dict()
    assert _both(workspace, lambda reader: reader.application(ids[0]).events[-1].note) == ""
    assert _both(workspace, lambda reader: [e.note for e in reader.events(ids[0])]) == ["", "went well", ""]


def test_an_unknown_or_foreign_id_is_not_found(workspace: Workspace, clock: FakeClock) -> None:
    ids = _fill(workspace, clock)
    with workspace.db.reader(workspace.owner_id + 1) as stranger:
        try:
            stranger.application(ids[0])
        except NotFoundError as exc:
            assert str(exc) == f"no application with id {ids[0]}"
        else:
            raise AssertionError("another owner's application was read")


def test_settings_and_feedback_statuses(workspace: Workspace, clock: FakeClock) -> None:
    _fill(workspace, clock)
    settings = _both(workspace, lambda reader: reader.settings())
    statuses = _both(workspace, lambda reader: sorted(reader.feedback_request_statuses()))
    with workspace.db.read() as session:
        rows = session.scalars(select(UserSetting).where(UserSetting.owner_id == workspace.owner_id))
        assert settings == {row.key: row.value["v"] for row in rows}
        assert statuses == sorted(session.scalars(select(FeedbackRequestRow.status)))
    assert settings["hide_rejected"] is True
    assert statuses == ["drafted"]
