"""storage.drafts, the plain-SQL path of `feedback draft`, reads and writes what the ORM repositories do.

Each read runs through `Database.plain_read()` (sqlite3 on an SQLite file) and over a SQLAlchemy session's
connection (what PostgreSQL always uses), against storage.feedback's answers; each write is compared column
by column with the row the ORM repository writes from the same values.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import select

from nextround.domain.dates import DateOutOfRange
from nextround.domain.feedback_requests import RequestStatus, Tone
from nextround.domain.stages import Outcome, Stage
from nextround.services.applications import ApplicationService
from nextround.services.drafting import draft_cautions, draft_request
from nextround.services.workspace import Workspace
from nextround.storage.drafts import REQUEST_COLUMNS, DraftStore
from nextround.storage.feedback import ContactReader, FeedbackRepository, FeedbackRequestRepository, InterviewRepository
from nextround.storage.reads import NotFoundError
from nextround.storage.tables import (
    ApplicationContactRow,
    ContactRow,
    FeedbackRequestRow,
    FeedbackRow,
    InterviewRow,
)

from .conftest import FakeClock
from .factories import make_application


def _both(ws: Workspace, read: Callable[[DraftStore], Any]) -> Any:
    """What `read` gives through plain_read(), after checking that a session's connection agrees."""
    with ws.db.plain_read(ws.owner_id, DraftStore) as store:
        found = read(store)
    with ws.db.read() as session:
        session_store = DraftStore(session.connection().connection.driver_connection, ws.db.dialect, ws.owner_id)
        assert read(session_store) == found
    return found


def _history(ws: Workspace, clock: FakeClock) -> tuple[int, int, list[int]]:
    """Two rejected applications, people linked to the first, its interviews, feedback and requests."""
    service = ApplicationService(ws)
    first = make_application(ws, company="Crumb & Co", role="Baker", applied_at=clock() - timedelta(days=20))
    service.move(first.id, Stage.INTERVIEW, at=clock() - timedelta(days=9))
    service.close(first.id, Outcome.REJECTED)
    second = make_application(ws, company="Loaf Ltd", stage=Stage.SCREENING)
    service.close(second.id, Outcome.REJECTED)
    now = clock()
    owner = {"owner_id": ws.owner_id}
    with ws.db.write() as session:
        people = [
            ContactRow(**owner, name="Ola Nordmann", kind="peer", email="ola@crumb.example", created_at=now),
            ContactRow(**owner, name="Priya Shah", kind="recruiter", title="Talent", company="Crumb & Co",
                       email="priya@crumb.example", created_at=now),
        ]  # fmt: skip
        session.add_all(people)
        session.flush()
        session.add_all([
            ApplicationContactRow(**owner, application_id=first.id, contact_id=people[0].id, role="referrer"),
            ApplicationContactRow(**owner, application_id=first.id, contact_id=people[1].id, role="recruiter"),
            InterviewRow(**owner, application_id=first.id, scheduled_at=now - timedelta(days=9, microseconds=7),
                         kind="panel", interviewers=["Ada", "Bo"], notes="went well", duration_minutes=45,
                         created_at=now),
            InterviewRow(**owner, application_id=first.id, scheduled_at=now + timedelta(days=2), created_at=now),
            FeedbackRow(**owner, application_id=first.id, source="employer", text="Keen, but less experience.",
                        analysis={"themes": ["experience"]}, received_at=now, created_at=now),
            FeedbackRequestRow(**owner, application_id=first.id, subject="s", body="b", status="sent",
                               drafted_at=now - timedelta(days=3), sent_at=now - timedelta(days=2, microseconds=9)),
        ])  # fmt: skip
    return first.id, second.id, [p.id for p in people]


def test_the_reads_answer_as_the_orm_repositories(workspace: Workspace, clock: FakeClock) -> None:
    first, second, people = _history(workspace, clock)
    draft_request(workspace, second, tone="brief")
    owner = workspace.owner_id
    with workspace.db.read() as session:
        requests = FeedbackRequestRepository(session, owner)
        interviews = InterviewRepository(session, owner)
        contacts = ContactReader(session, owner)
        for app_id in (first, second, None):
            assert _both(workspace, lambda s, a=app_id: s.request_rows(a)) == requests.find(application_id=app_id)
            sent = (RequestStatus.SENT, RequestStatus.REPLIED)
            assert _both(workspace, lambda s, a=app_id, st=sent: s.request_rows(a, st)) == requests.find(
                application_id=app_id, statuses=sent
            )
            assert _both(workspace, lambda s, a=app_id: s.interviews_of(a)) == interviews.find(application_id=app_id)
        for app_id in (first, second):
            assert _both(workspace, lambda s, a=app_id: s.linked_contacts(a)) == contacts.for_application(app_id)
            assert _both(workspace, lambda s, a=app_id: s.feedback_texts(a)) == [
                entry.text for entry in FeedbackRepository(session, owner).find(application_id=app_id)
            ]
        for person in people:
            assert _both(workspace, lambda s, p=person: s.contact_ref(p)) == contacts.get(person)
        assert _both(workspace, lambda s: s.request(requests.find()[-1].id)) == requests.find()[-1]
    assert [r.status for r in _both(workspace, lambda s: s.request_rows())] == [
        RequestStatus.SENT,
        RequestStatus.DRAFTED,
    ]
    assert len(_both(workspace, lambda s: s.interviews_of(first))) == 2
    assert [role for _, role in _both(workspace, lambda s: s.linked_contacts(first))] == ["referrer", "recruiter"]
    with workspace.db.plain_read(owner + 1, DraftStore) as stranger:
        with pytest.raises(NotFoundError):
            stranger.contact_ref(people[0])
        assert stranger.request_rows() == [] and stranger.linked_contacts(first) == []


def _stored(ws: Workspace, request_id: int) -> dict[str, Any]:
    with ws.db.read() as session:
        row = session.scalar(select(FeedbackRequestRow).where(FeedbackRequestRow.id == request_id))
        assert row is not None
        return {name: getattr(row, name) for name in (*REQUEST_COLUMNS, "owner_id")}


def test_a_draft_is_stored_as_the_orm_stores_it(workspace: Workspace, clock: FakeClock) -> None:
    first, second, _people = _history(workspace, clock)
    clock.current = clock.current + timedelta(microseconds=123_456)  # moments with microseconds, not in UTC
    drafted, message = draft_request(workspace, first)
    assert drafted.contact_id is not None and drafted.to_email == "priya@crumb.example"
    with workspace.db.write() as session:
        by_orm = FeedbackRequestRepository(session, workspace.owner_id).add(
            application_id=second, contact_id=drafted.contact_id, to_email=drafted.to_email, tone=drafted.tone,
            subject=message.subject, body=message.body, drafted_at=clock(),
        )  # fmt: skip
    assert drafted.to_dict() == {**by_orm.to_dict(), "id": drafted.id, "application_id": first}
    plain_row, orm_row = _stored(workspace, drafted.id), _stored(workspace, by_orm.id)
    assert plain_row == {**orm_row, "id": drafted.id, "application_id": first}

    # Drafting again rewrites the same draft, as the ORM's update does.
    clock.current = clock.current + timedelta(hours=1)
    again, message = draft_request(workspace, first, tone="formal", to="hiring@crumb.example")
    assert again.id == drafted.id
    with workspace.db.write() as session:
        repo = FeedbackRequestRepository(session, workspace.owner_id)
        by_orm = repo.update(
            by_orm.id, contact_id=again.contact_id, to_email="hiring@crumb.example", tone=Tone.FORMAL,
            subject=message.subject, body=message.body, drafted_at=clock(), channel="",
        )  # fmt: skip
    assert again.to_dict() == {**by_orm.to_dict(), "id": drafted.id, "application_id": first}
    assert _stored(workspace, drafted.id) == {
        **_stored(workspace, by_orm.id),
        "id": drafted.id,
        "application_id": first,
    }
    # Read back in UTC: the same moments.
    assert _both(workspace, lambda s: s.request_rows(first, (RequestStatus.DRAFTED,))) == [again]

    cautions = draft_cautions(workspace, first)
    assert any("already recorded" in c for c in cautions) and any("already sent" in c for c in cautions)


def test_a_refused_draft_writes_nothing(workspace: Workspace, clock: FakeClock) -> None:
    first, _second, _people = _history(workspace, clock)
    clock.current = clock.current.replace(year=2101)  # past the years storage accepts
    with pytest.raises(DateOutOfRange):
        draft_request(workspace, first)
    with pytest.raises(NotFoundError):
        draft_request(workspace, first, contact_id=9999)
    with workspace.db.plain_read(workspace.owner_id, DraftStore) as store:
        assert [r.status for r in store.request_rows(first)] == [RequestStatus.SENT]
