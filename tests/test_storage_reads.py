"""storage.reads, the read path of the everyday commands, answers exactly as the ORM path does.

On SQLite `Database.reader()` reads through `sqlite3` of its own; each check also runs the same reads
over the SQLAlchemy session's connection (what PostgreSQL always uses) and against the ORM repositories.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date, timedelta
from typing import Any

from sqlalchemy import select

from nextround.domain.nudges import Link
from nextround.domain.stages import Outcome, Stage
from nextround.services.applications import ApplicationService
from nextround.services.feedback import draft_request
from nextround.services.keepgoing import set_hide_rejected
from nextround.services.preferences import set_preference
from nextround.services.workspace import Workspace
from nextround.storage.network import ContactRepository
from nextround.storage.reads import NotFoundError, Reader
from nextround.storage.repositories import ApplicationRepository, reader_of
from nextround.storage.tables import (
    ApplicationContactRow,
    ContactRow,
    FeedbackRequestRow,
    GoalRow,
    InteractionRow,
    InterviewRow,
    JournalEntryRow,
    PracticeAnswerRow,
    ReflectionRow,
    SeenPostingRow,
    UserSetting,
    WatchRow,
)

from .conftest import FakeClock
from .factories import make_application


def _fill(ws: Workspace, clock: FakeClock) -> list[int]:
    service = ApplicationService(ws)
    a = make_application(ws, company="Acme", tags=("dream", "remote"), applied_at=clock() - timedelta(days=30))
    service.move(a.id, Stage.INTERVIEW, round_=2, at=clock() - timedelta(days=10), note="went well")
    service.close(a.id, Outcome.REJECTED)
    b = make_application(ws, company="100% Bakes", stage=Stage.SCREENING)
    service.close(b.id, Outcome.GHOSTED)
    c = make_application(
        ws, company="Open Ltd", excitement=4, salary_min=1, salary_max=2, currency="EUR", notes="Met Ada",
        jd_text="We bake bread.", screening_answers="Yes",
    )  # fmt: skip
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


def _fill_other_pillars(ws: Workspace, clock: FakeClock, app_ids: list[int]) -> None:
    """A row or two in each table the agenda and the overview read, written through the ORM."""
    now = clock()
    a, b, c = app_ids[:3]
    owner = {"owner_id": ws.owner_id}
    with ws.db.write() as session:
        ada = ContactRow(
            **owner, name="Ada", kind="interviewer", email="ada@example.com", cadence_days=30,
            connected_on=date(2024, 3, 1), created_at=now - timedelta(days=40),
        )  # fmt: skip
        odd = ContactRow(**owner, name="Odd", kind="not-a-kind", created_at=now - timedelta(days=2, microseconds=7))
        session.add_all([ada, odd])
        session.flush()
        session.add_all([
            ApplicationContactRow(**owner, application_id=a, contact_id=ada.id, role="interviewer"),
            InteractionRow(**owner, contact_id=ada.id, channel="email", occurred_at=now - timedelta(days=3),
                           created_at=now),
            InteractionRow(**owner, contact_id=ada.id, channel="call", occurred_at=now - timedelta(days=1, hours=5),
                           created_at=now),
            InterviewRow(**owner, application_id=a, scheduled_at=now + timedelta(days=2, microseconds=5), kind="panel",
                         interviewers=["Ada", "Bo"], duration_minutes=45, created_at=now),
            InterviewRow(**owner, application_id=a, scheduled_at=now - timedelta(days=9), created_at=now),
            InterviewRow(**owner, application_id=c, scheduled_at=now - timedelta(days=1), created_at=now),
            FeedbackRequestRow(**owner, application_id=b, subject="s", body="b", status="sent",
                               drafted_at=now - timedelta(days=9), sent_at=now - timedelta(days=8)),
            GoalRow(**owner, title="Due soon", due_on=now.date() + timedelta(days=3), created_at=now),
            GoalRow(**owner, title="Far off", due_on=now.date() + timedelta(days=90), created_at=now),
            GoalRow(**owner, title="Done", due_on=now.date(), status="done", created_at=now),
            ReflectionRow(**owner, application_id=a, created_at=now, updated_at=now),
            JournalEntryRow(**owner, kind="reframe", application_id=b, created_at=now),
            JournalEntryRow(**owner, kind="win", application_id=c, created_at=now),
        ])  # fmt: skip
        watch = WatchRow(**owner, company="Acme", reapply_after=date(2025, 1, 6), created_at=now)
        again = WatchRow(**owner, company="ACME ", reapply_after=date(2025, 2, 1), created_at=now)
        session.add_all([watch, again, WatchRow(**owner, company="Globex", created_at=now)])
        session.flush()
        for n, (dismissed, matches, days) in enumerate([(False, True, 2), (True, True, 2), (False, False, 2),
                                                        (False, True, 30)]):  # fmt: skip
            session.add(
                SeenPostingRow(**owner, watch_id=watch.id, posting_id=str(n), title=f"Job {n}", url="",
                               matches_keywords=matches, dismissed=dismissed,
                               first_seen_at=now - timedelta(days=days))
            )  # fmt: skip
        for key, score, days in [("q1", 40, 10), ("q1", 90, 5), ("q2", 50, 4)]:
            session.add(
                PracticeAnswerRow(**owner, question_key=key, question_text="?", answer="…", score=score,
                                  answered_at=now - timedelta(days=days, microseconds=days))
            )  # fmt: skip


def test_agenda_and_overview_reads_match_the_stored_rows(workspace: Workspace, clock: FakeClock) -> None:
    """Each read of the agenda and the overview, against the same rows read through the ORM."""
    ids = _fill(workspace, clock)
    _fill_other_pillars(workspace, clock, ids)
    now = clock()
    owner = workspace.owner_id
    with workspace.db.read() as session:
        repo = ApplicationRepository(session, owner)
        applications = repo.find()
        contacts = ContactRepository(session, owner).find()
        interactions = session.scalars(select(InteractionRow).where(InteractionRow.owner_id == owner)).all()
        interviews = session.scalars(
            select(InterviewRow).where(InterviewRow.owner_id == owner).order_by(InterviewRow.scheduled_at)
        ).all()
        answers = session.scalars(
            select(PracticeAnswerRow).where(PracticeAnswerRow.owner_id == owner).order_by(PracticeAnswerRow.answered_at)
        ).all()

    assert _both(workspace, lambda reader: reader.applications()) == applications
    since = now - timedelta(hours=12)
    recent = [a for a in applications if a.state.outcome is None or a.state.closed_at >= since]  # type: ignore[operator]
    assert 0 < len(recent) < len(applications)
    assert _both(workspace, lambda reader: reader.applications(open_or_closed_since=since)) == recent
    short = _both(workspace, lambda reader: reader.applications(open_or_closed_since=since, long_texts=False))
    assert short == [replace(a, fields=replace(a.fields, jd_text="", notes="", screening_answers="")) for a in recent]
    assert any(a.fields.notes for a in recent)
    assert _both(workspace, lambda reader: reader.open_activity()) == [
        (a.id, a.state.stage, a.state.last_activity_at)
        for a in applications
        if a.state.outcome is None and a.state.stage is not Stage.ACCEPTED
    ]
    rejected = sorted(
        (a for a in applications if a.state.outcome is Outcome.REJECTED),
        key=lambda a: (a.state.closed_at, a.id),
        reverse=True,
    )
    latest = _both(workspace, lambda reader: reader.latest_closed(Outcome.REJECTED, 2))
    assert [row.id for row in latest] == [a.id for a in rejected[:2]]

    assert _both(workspace, lambda reader: reader.contacts()) == contacts
    assert [c.kind.value for c in contacts] == ["interviewer", "peer"]
    assert _both(workspace, lambda reader: reader.links()) == [Link(ids[0], contacts[0].id, "interviewer")]
    moments = _both(workspace, lambda reader: reader.interaction_moments())
    assert {k: sorted(v) for k, v in moments.items()} == {contacts[0].id: sorted(i.occurred_at for i in interactions)}

    read_interviews = _both(workspace, lambda reader: reader.interviews())
    assert [(i.id, i.scheduled_at, i.interviewers) for i in read_interviews] == [
        (row.id, row.scheduled_at, tuple(row.interviewers)) for row in interviews
    ]
    assert _both(workspace, lambda reader: reader.latest_interview_times()) == {
        ids[0]: interviews[-1].scheduled_at,
        ids[2]: interviews[1].scheduled_at,
    }
    chases = _both(workspace, lambda reader: reader.chases())
    assert [(c["company"], c["sent_at"]) for c in chases] == [("100% Bakes", now - timedelta(days=8))]
    goals = _both(workspace, lambda reader: reader.open_goals_due_by(now.date() + timedelta(days=14)))
    assert [(g["title"], g["due_on"]) for g in goals] == [("Due soon", now.date() + timedelta(days=3))]
    assert _both(workspace, lambda reader: reader.reapply_dates()) == {"acme": ("ACME ", date(2025, 2, 1))}
    postings = _both(workspace, lambda reader: reader.new_postings(now - timedelta(days=14)))
    assert [(p["title"], p["first_seen_at"]) for p in postings] == [("Job 0", now - timedelta(days=2))]
    assert _both(workspace, lambda reader: reader.practice_scores()) == [
        (row.question_key, row.score, row.answered_at) for row in answers
    ]
    assert _both(workspace, lambda reader: reader.looked_back_application_ids()) == {ids[0], ids[1]}


def test_the_narrow_reads_of_the_agenda_and_the_overview(workspace: Workspace, clock: FakeClock) -> None:
    """What the agenda and the overview read instead of every application, against the ORM's rows."""
    ids = _fill(workspace, clock)
    _fill_other_pillars(workspace, clock, ids)
    extra = make_application(workspace, company="acme ", stage=Stage.INTERVIEW)
    now = clock()
    with workspace.db.read() as session:
        applications = ApplicationRepository(session, workspace.owner_id).find()
    open_apps = [a for a in applications if a.state.outcome is None and a.state.stage is not Stage.ACCEPTED]
    first_at: dict[Stage, int] = {}
    for a in open_apps:
        first_at.setdefault(a.state.stage, a.id)
    counts = _both(workspace, lambda reader: list(reader.open_stage_counts().items()))
    assert counts == [(stage, sum(a.state.stage is stage for a in open_apps)) for stage in first_at]
    assert len(counts) > 1

    quiet_since = {Stage.APPLIED: now, Stage.INTERVIEW: now - timedelta(hours=1)}  # one at the very moment
    quiet = _both(workspace, lambda reader: reader.open_activity(quiet_since=quiet_since))
    assert quiet == [
        (a.id, a.state.stage, a.state.last_activity_at)
        for a in open_apps
        if a.state.stage in quiet_since and a.state.last_activity_at <= quiet_since[a.state.stage]  # type: ignore[operator]
    ]
    assert quiet and len(quiet) < len(open_apps)
    assert _both(workspace, lambda reader: reader.open_activity(quiet_since={})) == []

    since = now - timedelta(days=400)
    followed = _both(
        workspace,
        lambda reader: reader.followed_up_applications(since, rejections_reaching={Stage.INTERVIEW}, excitement=4),
    )
    # a: rejected after an interview (and has interviews and a contact); c: open, with an interview.
    assert [a.id for a in followed] == [ids[0], ids[2]]
    assert followed[0] == replace(
        next(a for a in applications if a.id == ids[0]),
        fields=replace(followed[0].fields, jd_text="", notes="", screening_answers=""),
    )
    newest = _both(
        workspace,
        lambda reader: reader.newest_created_by_company(
            since, companies={"acme", "open ltd"}, created_after=now - timedelta(days=1)
        ),
    )
    assert newest == {"acme": extra.created_at, "open ltd": next(a for a in applications if a.id == ids[2]).created_at}
    assert (
        _both(workspace, lambda reader: reader.newest_created_by_company(since, companies=set(), created_after=since))
        == {}
    )
