"""The network nudges' two narrow reads (`followed_up_applications`, `newest_created_by_company`), which find
their rows through indexes, give exactly what the slow path finds by judging every application in Python: on a
seeded history with rows on each boundary of the window, at several windows, on both engines."""

from __future__ import annotations

import random
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import inspect

from nextround.domain.applications import Application
from nextround.domain.stages import Outcome, Stage
from nextround.services.workspace import Workspace
from nextround.storage.reads import Reader
from nextround.storage.tables import (
    ApplicationContactRow,
    ApplicationRow,
    ContactRow,
    InterviewRow,
    User,
)

from .conftest import FakeClock
from .test_storage_reads import _both

MICROSECOND = timedelta(microseconds=1)
STAGES = (Stage.APPLIED, Stage.SCREENING, Stage.INTERVIEW, Stage.FINAL, Stage.OFFER)
OUTCOMES = (None, Outcome.REJECTED, Outcome.GHOSTED, Outcome.WITHDRAWN)
COMPANIES = ("Acme", " acme ", "ACME", "Bakes Ltd", "Çelik", "çelik", "Other")


def _seed(ws: Workspace, now: datetime, edges: list[datetime]) -> None:
    """Applications of every outcome and furthest stage, closed and added on either side of each edge, some with
    interviews or linked contacts, and another owner's rows that must never be read."""
    with ws.db.write() as session:
        other = User(username="someone-else", created_at=now)
        session.add(other)
        session.flush()
        moments = [moment for edge in edges for moment in (edge - MICROSECOND, edge, edge + MICROSECOND)]
        moments += [now - timedelta(days=n * 37) for n in range(30)]
        pick = random.Random(11)
        rows = []
        for n in range(400):
            outcome = pick.choice(OUTCOMES)
            stage = pick.choice(STAGES)
            moment = pick.choice(moments)
            rows.append(
                ApplicationRow(
                    owner_id=other.id if n % 23 == 0 else ws.owner_id,
                    company=pick.choice(COMPANIES),
                    role=f"Role {n}",
                    created_at=pick.choice(moments),
                    stage=stage.value,
                    furthest_stage=stage.value,
                    outcome=None if outcome is None else outcome.value,
                    closed_at_stage=None if outcome is None else stage.value,
                    closed_at=None if outcome is None else moment,
                    last_activity_at=moment,
                    excitement=pick.choice((None, 2, 3, 4, 5)),
                    jd_text="A long job description.",
                    notes="notes",
                )
            )
        session.add_all(rows)
        session.flush()
        contact = ContactRow(owner_id=ws.owner_id, name="Ada", created_at=now)
        session.add(contact)
        session.flush()
        for row in rows:
            if row.owner_id != ws.owner_id:
                continue
            if pick.random() < 0.15:
                session.add(InterviewRow(owner_id=ws.owner_id, application_id=row.id, scheduled_at=now, created_at=now))
            if pick.random() < 0.2:
                session.add(ApplicationContactRow(owner_id=ws.owner_id, application_id=row.id, contact_id=contact.id))


def _slow_followed_up(ws: Workspace, since: datetime, reaching: frozenset[Stage], excitement: int) -> list[Application]:
    with ws.db.reader(ws.owner_id) as reader:
        candidates = reader.applications(open_or_closed_since=since, long_texts=False)
        interviewed = {interview.application_id for interview in reader.interviews()}
        linked = {link.application_id for link in reader.links()}
    return [
        a
        for a in candidates
        if a.id in interviewed
        or (
            a.state.outcome is Outcome.REJECTED
            and (a.state.furthest_stage in reaching or (a.fields.excitement or 0) >= excitement or a.id in linked)
        )
    ]


def _slow_newest(ws: Workspace, since: datetime, companies: set[str], after: datetime) -> dict[str, datetime]:
    with ws.db.reader(ws.owner_id) as reader:
        every = reader.applications()
    newest: dict[str, datetime] = {}
    for a in every:
        key = a.fields.company.strip().lower()
        if a.state.outcome is not None and a.state.closed_at < since:  # type: ignore[operator]
            continue
        if key in companies and a.created_at > after and (key not in newest or newest[key] < a.created_at):
            newest[key] = a.created_at
    return newest


def test_the_network_reads_find_what_the_slow_path_finds(workspace: Workspace, clock: FakeClock) -> None:
    now = clock()
    windows = [now - timedelta(days=days) for days in (0, 30, 300, 3000)]
    _seed(workspace, now, windows)
    reaching = frozenset({Stage.INTERVIEW, Stage.FINAL})
    for since in windows:
        for excitement in (4, 99):
            found = _both(
                workspace,
                lambda reader, s=since, e=excitement: reader.followed_up_applications(
                    s, rejections_reaching=reaching, excitement=e
                ),
            )
            assert found == _slow_followed_up(workspace, since, reaching, excitement)
        # Each window finds some, and never all, of this owner's applications.
        assert found
        assert all(a.fields.jd_text == "" for a in found)
        with workspace.db.reader(workspace.owner_id) as reader:
            assert len(found) < len(reader.applications())
        for after in [moment for window in windows for moment in (window, window + MICROSECOND)]:
            companies = {"acme", "çelik", "nobody"}
            newest = _both(
                workspace,
                lambda reader, s=since, a=after, c=companies: reader.newest_created_by_company(
                    s, companies=c, created_after=a
                ),
            )
            assert newest == _slow_newest(workspace, since, companies, after)
    # The widest window and earliest creation find both companies; a creation moment in the future, none.
    assert set(_slow_newest(workspace, windows[-1], {"acme", "çelik"}, windows[-1])) == {"acme", "çelik"}
    assert _both(
        workspace,
        lambda reader: reader.newest_created_by_company(windows[-1], companies={"acme"}, created_after=now),
    ) == _slow_newest(workspace, windows[-1], {"acme"}, now)


class _Planned(Reader):
    """A reader that notes SQLite's plan of each query it runs."""

    plans: list[str]

    def rows(self, sql: str, **params: Any) -> list[tuple[Any, ...]]:
        if not sql.startswith("EXPLAIN"):
            plan = super().rows(f"EXPLAIN QUERY PLAN {sql}", **params)
            self.plans.append(" | ".join(str(step[-1]) for step in plan))
        return super().rows(sql, **params)


def test_the_network_reads_use_the_partial_indexes_and_other_reads_do_not(
    workspace: Workspace, clock: FakeClock
) -> None:
    now = clock()
    _seed(workspace, now, [now])
    with workspace.db.read() as session:
        indexes = {index["name"] for index in inspect(session.connection()).get_indexes("applications")}
    assert {"ix_applications_owner_closed", "ix_applications_owner_created"} <= indexes
    if workspace.db.dialect != "sqlite":
        return  # PostgreSQL plans by its statistics; the indexes exist there, checked above
    with workspace.db.plain_read(workspace.owner_id, _Planned) as reader:
        reader.plans = []
        reader.followed_up_applications(now, rejections_reaching={Stage.INTERVIEW}, excitement=4)
        reader.newest_created_by_company(now, companies={"acme"}, created_after=now)
        reader.applications()  # every row: the owner index, in table order
        followed, newest, every = reader.plans
    assert "USING INDEX ix_applications_owner_closed (owner_id=? AND closed_at>?)" in followed
    assert "USING INDEX ix_applications_owner_created (owner_id=? AND created_at>?)" in newest
    assert "ix_applications_owner_closed" not in every
    assert "ix_applications_owner_created" not in every
