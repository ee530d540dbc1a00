from datetime import datetime, time, timedelta

import pytest
from sqlalchemy import select

from nextround.domain.applications import Application, Channel, FieldError
from nextround.domain.stages import EventSource, Outcome, Stage, StageError
from nextround.domain.stats import FunnelRecord, funnel_stats
from nextround.services.applications import ApplicationService
from nextround.services.overview import overview
from nextround.services.preferences import PreferenceError, load_preferences, set_preference
from nextround.services.workspace import Workspace
from nextround.storage.reads import NotFoundError
from nextround.storage.tables import StageEventRow, User

from .conftest import FakeClock
from .factories import make_application, make_fields


def test_add_records_the_application_and_its_opening_history(workspace: Workspace, clock: FakeClock) -> None:
    applied_at = clock() - timedelta(days=3)
    app = make_application(workspace, applied_at=applied_at, source=Channel.REFERRAL, tags=("Dream", "dream", "remote"))
    assert app.id > 0
    assert app.state.stage is Stage.APPLIED
    assert app.applied_on == applied_at.date()
    assert app.fields.tags == ("dream", "remote")
    assert [(e.from_state, e.to_state) for e in app.events] == [("saved", "applied")]
    assert app.events[0].occurred_at == applied_at
    assert app.to_dict()["id"] == app.id


def test_add_validates_fields(workspace: Workspace) -> None:
    service = ApplicationService(workspace)
    with pytest.raises(FieldError, match="company is required"):
        service.add(make_fields(company="  "))
    with pytest.raises(FieldError, match="excitement"):
        service.add(make_fields(excitement=9))
    with pytest.raises(FieldError, match="salary_min is greater"):
        service.add(make_fields(salary_min=50_000, salary_max=40_000))
    with pytest.raises(FieldError, match="currency"):
        service.add(make_fields(currency="euros"))
    assert service.find() == []


def test_the_stage_a_rejection_happened_at_is_never_lost(workspace: Workspace, clock: FakeClock) -> None:
    service = ApplicationService(workspace)
    app = make_application(workspace, applied_at=clock() - timedelta(days=20))
    service.move(app.id, Stage.SCREENING, at=clock() - timedelta(days=15))
    service.move(app.id, Stage.INTERVIEW, at=clock() - timedelta(days=10))
    service.move(app.id, Stage.INTERVIEW, at=clock() - timedelta(days=5))
    rejected = service.close(app.id, Outcome.REJECTED, note="chose someone with more sourdough experience")
    assert rejected.state.outcome is Outcome.REJECTED
    assert rejected.state.rejection_bucket == "interview"
    assert rejected.state.interview_round == 2
    assert rejected.to_dict()["rejected_at_stage"] == "interview"
    # Edits to the facts never touch the history.
    edited = service.edit(app.id, {"notes": "Lovely team."})
    assert edited.state.rejection_bucket == "interview"
    assert [e.to_state for e in edited.events] == ["applied", "screening", "interview", "interview", "rejected"]
    assert service.stats().rejections_by_stage["interview"] == 1


def test_backdated_moves_are_checked_against_their_own_past(workspace: Workspace, clock: FakeClock) -> None:
    service = ApplicationService(workspace)
    app = make_application(workspace, applied_at=clock() - timedelta(days=10))
    service.move(app.id, Stage.INTERVIEW, at=clock() - timedelta(days=2))
    # The screening call the user forgot to log, a week ago.
    moved = service.move(app.id, Stage.SCREENING, at=clock() - timedelta(days=7))
    assert moved.state.stage is Stage.INTERVIEW
    assert [(e.from_state, e.to_state) for e in moved.events][1] == ("applied", "screening")
    assert moved.state.first_response_at == clock() - timedelta(days=7)


def test_bad_moves_are_refused_and_write_nothing(workspace: Workspace, clock: FakeClock) -> None:
    service = ApplicationService(workspace)
    app = make_application(workspace)
    with pytest.raises(StageError, match="already at stage"):
        service.move(app.id, Stage.APPLIED)
    with pytest.raises(StageError, match="future"):
        service.move(app.id, Stage.SCREENING, at=clock() + timedelta(days=2))
    with pytest.raises(NotFoundError):
        service.move(app.id + 100, Stage.SCREENING)
    service.close(app.id, Outcome.WITHDRAWN)
    with pytest.raises(StageError, match="already closed"):
        service.close(app.id, Outcome.REJECTED)
    assert len(service.get(app.id).events) == 2


def test_a_late_reply_turns_ghosted_into_rejected(workspace: Workspace, clock: FakeClock) -> None:
    service = ApplicationService(workspace)
    app = make_application(workspace, applied_at=clock() - timedelta(days=40))
    service.close(app.id, Outcome.GHOSTED, at=clock() - timedelta(days=5))
    rejected = service.close(app.id, Outcome.REJECTED)
    assert rejected.state.outcome is Outcome.REJECTED
    assert rejected.state.rejection_bucket == "application"


def test_silent_applications_are_suggested_not_closed(workspace: Workspace, clock: FakeClock) -> None:
    service = ApplicationService(workspace)
    quiet = make_application(workspace, company="Quiet Ltd", applied_at=clock() - timedelta(days=22))
    make_application(workspace, company="Recent Ltd", applied_at=clock() - timedelta(days=5))
    interviewed = make_application(workspace, company="Talky plc", applied_at=clock() - timedelta(days=30))
    service.move(interviewed.id, Stage.INTERVIEW, at=clock() - timedelta(days=11))

    silent = service.silent()
    assert [s.application.fields.company for s in silent] == ["Quiet Ltd", "Talky plc"]
    assert silent[0].verdict.limit_days == 21
    assert silent[1].verdict.limit_days == 10
    assert service.auto_close_silent() == []  # off by default: nothing closes without the user
    assert service.get(quiet.id).state.is_open

    confirmed = service.confirm_ghosted(quiet.id)
    assert confirmed.state.outcome is Outcome.GHOSTED
    assert "22 days" in confirmed.events[-1].note


def test_silence_counts_calendar_days_as_the_dates_show(workspace: Workspace, clock: FakeClock) -> None:
    # "3 weeks ago" is stored at noon that day; at 10:00 today it is 20 days and 22 hours back, but the
    # page shows the date three weeks ago: silence is 21 days, as the date says, not 20.
    service = ApplicationService(workspace)
    assert clock().hour < 12
    app = make_application(
        workspace,
        company="Three Weeks",
        applied_at=datetime.combine(clock().date() - timedelta(days=21), time(12), tzinfo=clock().tzinfo),
    )
    verdict = service.silence_of(app)
    assert verdict is not None and verdict.silent_days == 21
    assert not verdict.likely_ghosted  # 21 is the limit, not past it
    clock.advance(days=1)
    assert [(s.application.id, s.verdict.silent_days) for s in service.silent()] == [(app.id, 22)]


def test_overview_counts_agree_with_silent_at_the_limit(workspace: Workspace, clock: FakeClock) -> None:
    # The overview counts from three columns what `silent` decides from whole applications: both must agree.
    service = ApplicationService(workspace)
    # Silence counts calendar days in the user's zone: more than 21 means applied on the 22nd day back or
    # earlier, at whatever hour (the clock reads 10:00; the day 22 back ends after that hour).
    day_starts = datetime.combine(clock().date() - timedelta(days=21), time(0), tzinfo=clock().tzinfo)
    just_over = make_application(workspace, company="Just Over", applied_at=day_starts - timedelta(microseconds=1))
    make_application(workspace, company="Just Under", applied_at=day_starts)
    screening = make_application(workspace, company="Screened", applied_at=clock() - timedelta(days=40))
    service.move(screening.id, Stage.SCREENING, at=clock() - timedelta(days=15, seconds=1))
    accepted = make_application(workspace, company="Yes", applied_at=clock() - timedelta(days=60))
    for stage in (Stage.OFFER, Stage.ACCEPTED):
        service.move(accepted.id, stage, at=clock() - timedelta(days=50))
    closed = make_application(workspace, company="Closed", applied_at=clock() - timedelta(days=60))
    service.close(closed.id, Outcome.REJECTED)

    summary = overview(workspace, with_agenda=False)
    assert summary.open_by_stage == {"applied": 2, "screening": 1}
    assert list(summary.open_by_stage) == ["applied", "screening"]  # in the order each stage first appears
    assert summary.open == 3
    assert summary.likely_ghosted == len(service.silent()) == 2
    assert {s.application.id for s in service.silent()} == {just_over.id, screening.id}
    set_preference(workspace, "ghost_days.screening", "15")
    assert overview(workspace, with_agenda=False).likely_ghosted == len(service.silent()) == 1


def test_stats_from_grouped_counts_match_one_record_per_application(workspace: Workspace, clock: FakeClock) -> None:
    # Storage counts alike applications with one GROUP BY (days to a response worked out in SQL); the
    # numbers must be those of one record per application.
    service = ApplicationService(workspace)
    day = timedelta(days=1)

    def moved(app: Application, *steps: tuple[Stage | Outcome, timedelta]) -> None:
        for target, ago in steps:
            if isinstance(target, Outcome):
                service.close(app.id, target, at=clock() - ago)
            else:
                service.move(app.id, target, at=clock() - ago)

    a = make_application(workspace, source=Channel.REFERRAL, applied_at=clock() - 30 * day)
    moved(a, (Stage.SCREENING, 25 * day), (Outcome.REJECTED, 20 * day))
    # Applied late in the evening (local time is UTC+1): the response's UTC date is what counts.
    b = make_application(
        workspace, source=Channel.BOARD, applied_at=clock() - 20 * day + timedelta(hours=13, minutes=30)
    )
    moved(b, (Stage.INTERVIEW, 19 * day - timedelta(hours=14, minutes=25)), (Outcome.REJECTED, 5 * day))
    c = make_application(workspace, source=Channel.BOARD, applied_at=clock() - 40 * day)
    moved(c, (Outcome.GHOSTED, 2 * day))
    make_application(workspace, stage=Stage.SAVED)
    e = make_application(workspace, source=Channel.AGENCY, applied_at=clock() - 60 * day)
    moved(e, (Stage.SCREENING, 50 * day), (Stage.FINAL, 30 * day), (Stage.OFFER, 20 * day), (Stage.ACCEPTED, 10 * day))
    f = make_application(workspace, source=Channel.BOARD, applied_at=clock() - 15 * day)
    moved(f, (Stage.SCREENING, 12 * day), (Outcome.WITHDRAWN, 3 * day))
    g = make_application(workspace, applied_at=clock() - 9 * day)
    moved(g, (Stage.ASSESSMENT, 6 * day))
    for _ in range(2):  # alike applications: one group counted twice
        twin = make_application(workspace, source=Channel.BOARD, applied_at=clock() - 8 * day)
        moved(twin, (Stage.SCREENING, 4 * day))

    records = [
        FunnelRecord(
            source=app.fields.source.value if app.fields.source else None,
            applied_on=app.applied_on,
            furthest_stage=app.state.furthest_stage,
            outcome=app.state.outcome,
            closed_at_stage=app.state.closed_at_stage,
            first_response_at=app.state.first_response_at,
        )
        for app in service.find()
    ]
    stats = service.stats()
    assert stats == funnel_stats(records)
    assert stats.applications == 9
    assert stats.median_days_to_first_response == 4
    assert stats.by_source["board"].applications == 5


def test_limits_are_configurable_and_auto_close_is_opt_in(workspace: Workspace, clock: FakeClock) -> None:
    service = ApplicationService(workspace)
    app = make_application(workspace, applied_at=clock() - timedelta(days=22))
    set_preference(workspace, "ghost_days.applied", "30")
    assert service.silent() == []
    set_preference(workspace, "ghost_days.applied", "14")
    set_preference(workspace, "auto_close_ghosted", "on")
    closed = service.auto_close_silent()
    assert [a.id for a in closed] == [app.id]
    assert closed[0].events[-1].source is EventSource.AUTO
    assert load_preferences(workspace).ghost_days[Stage.APPLIED] == 14
    with pytest.raises(PreferenceError):
        set_preference(workspace, "ghost_days.saved", "3")
    with pytest.raises(PreferenceError):
        set_preference(workspace, "ghost_days.applied", "0")
    with pytest.raises(PreferenceError):
        set_preference(workspace, "colour", "blue")


def test_every_query_is_scoped_to_its_owner(workspace: Workspace) -> None:
    mine = make_application(workspace, company="Mine")
    with workspace.db.write() as session:
        other_user = User(username="someone-else", created_at=workspace.now())
        session.add(other_user)
        session.flush()
        other_id = other_user.id
    other = Workspace(db=workspace.db, owner_id=other_id, settings=workspace.settings, clock=workspace.clock)
    theirs = make_application(other, company="Theirs")
    assert [a.fields.company for a in ApplicationService(workspace).find()] == ["Mine"]
    assert [a.fields.company for a in ApplicationService(other).find()] == ["Theirs"]
    with pytest.raises(NotFoundError):
        ApplicationService(workspace).get(theirs.id)
    with pytest.raises(NotFoundError):
        ApplicationService(other).move(mine.id, Stage.SCREENING)
    assert ApplicationService(other).stats().applications == 1


def test_delete_removes_history_too(workspace: Workspace) -> None:
    service = ApplicationService(workspace)
    app = make_application(workspace)
    service.move(app.id, Stage.SCREENING)
    service.delete(app.id)
    with workspace.db.read() as session:
        assert session.scalars(select(StageEventRow)).all() == []
    with pytest.raises(NotFoundError):
        service.get(app.id)


def test_filters(workspace: Workspace) -> None:
    service = ApplicationService(workspace)
    a = make_application(workspace, company="Acme")
    make_application(workspace, company="Globex", stage=Stage.INTERVIEW)
    service.close(a.id, Outcome.REJECTED)
    assert [x.fields.company for x in service.find(stage=Stage.INTERVIEW)] == ["Globex"]
    assert [x.fields.company for x in service.find(outcome=Outcome.REJECTED)] == ["Acme"]
    assert [x.fields.company for x in service.find(open_only=True)] == ["Globex"]
    assert [x.fields.company for x in service.find(company="glob")] == ["Globex"]


def test_latest_closed_is_newest_first_and_limited(workspace: Workspace, clock: FakeClock) -> None:
    service = ApplicationService(workspace)
    ids = []
    for days_ago in (9, 2, 5):
        app = make_application(workspace, company=f"Co {days_ago}", applied_at=clock() - timedelta(days=20))
        service.close(app.id, Outcome.REJECTED, at=clock() - timedelta(days=days_ago))
        ids.append(app.id)
    withdrawn = make_application(workspace, company="Left", applied_at=clock() - timedelta(days=20))
    service.close(withdrawn.id, Outcome.WITHDRAWN)
    latest = service.latest_closed(Outcome.REJECTED, limit=2)
    assert [row.company for row in latest] == ["Co 2", "Co 5"]
    assert all(row.rejected_at_stage == "application" for row in latest)


def test_an_interview_counts_as_contact_when_judging_silence(workspace: Workspace, clock: FakeClock) -> None:
    from nextround.services.feedback import add_interview
    from nextround.services.overview import overview

    service = ApplicationService(workspace)
    planned = make_application(workspace, company="Planned Ltd", applied_at=clock() - timedelta(days=30))
    add_interview(workspace, planned.id, clock() + timedelta(days=3))
    recent = make_application(workspace, company="Recent Ltd", applied_at=clock() - timedelta(days=30))
    add_interview(workspace, recent.id, clock() - timedelta(days=4))
    old = make_application(workspace, company="Old Ltd", applied_at=clock() - timedelta(days=60))
    add_interview(workspace, old.id, clock() - timedelta(days=40))

    assert [s.application.fields.company for s in service.silent()] == ["Old Ltd"]
    assert service.silence_of(service.get(planned.id)) is None
    verdict = service.silence_of(service.get(recent.id))
    assert verdict is not None
    assert verdict.silent_days == 4
    assert overview(workspace, with_agenda=False).likely_ghosted == 1


def test_a_backdated_move_cannot_put_a_later_stage_before_one_recorded_after_it(
    workspace: Workspace, clock: FakeClock
) -> None:
    service = ApplicationService(workspace)
    app = make_application(workspace, applied_at=clock() - timedelta(days=10))
    service.move(app.id, Stage.SCREENING)
    with pytest.raises(StageError, match=r"the interview on .* before the screening, recorded") as refused:
        service.move(app.id, Stage.INTERVIEW, at=clock() - timedelta(days=1))
    assert refused.value.field == "at"  # the date is what to change: forms show it beside the date
    assert [e.to_state for e in service.get(app.id).events] == ["applied", "screening"]
    # Recorded in order, the rejection happens where the history says it did, everywhere.
    service.move(app.id, Stage.INTERVIEW)
    rejected = service.close(app.id, Outcome.REJECTED)
    assert rejected.state.closed_at_stage is Stage.INTERVIEW
    assert rejected.state.furthest_stage is Stage.INTERVIEW


def test_a_backdated_close_cannot_come_before_what_is_already_recorded(workspace: Workspace, clock: FakeClock) -> None:
    service = ApplicationService(workspace)
    app = make_application(workspace, applied_at=clock() - timedelta(days=10))
    service.move(app.id, Stage.SCREENING, at=clock() - timedelta(days=4))
    # Dated before the screening, the rejection would be replayed first and the screening would reopen it.
    with pytest.raises(StageError, match=r"the rejection on .* before the application, recorded") as refused:
        service.close(app.id, Outcome.REJECTED, at=clock() - timedelta(days=20))
    with pytest.raises(StageError, match=r"the rejection on .* before the screening, recorded"):
        service.close(app.id, Outcome.REJECTED, at=clock() - timedelta(days=6))
    assert refused.value.field == "at"
    assert service.get(app.id).state.is_open
    rejected = service.close(app.id, Outcome.REJECTED, at=clock() - timedelta(days=2))
    assert (rejected.state.outcome, rejected.state.closed_at_stage) == (Outcome.REJECTED, Stage.SCREENING)


def test_a_rejection_already_looked_back_on_leaves_the_next_steps(workspace: Workspace, clock: FakeClock) -> None:
    from nextround.services.insight import save_reflection
    from nextround.services.keepgoing import save_reframe

    service = ApplicationService(workspace)
    reflected = make_application(workspace, company="Reflected Ltd")
    reframed = make_application(workspace, company="Reframed Ltd")
    waiting = make_application(workspace, company="Waiting Ltd")
    for app in (reflected, reframed, waiting):
        service.close(app.id, Outcome.REJECTED)

    def asked() -> set[int]:
        steps = overview(workspace, with_agenda=False).next_steps
        return {s.action.ids["application_id"] for s in steps if s.action.kind.value == "reflect"}

    assert asked() == {reframed.id, waiting.id}  # the two latest
    save_reflection(workspace, reframed.id, {"targeting": {"rating": 3, "text": "ok"}})
    assert asked() == {waiting.id}
    save_reframe(workspace, waiting.id, {"learned": "ask earlier", "in_control": "prep", "next": "apply Monday"})
    assert asked() == set()


def test_an_application_added_at_a_later_stage_keeps_the_day_it_got_there(
    workspace: Workspace, clock: FakeClock
) -> None:
    """Added after the fact at the final round, it can be rejected on the day the news came (two days ago)."""
    service = ApplicationService(workspace)
    final_day = clock() - timedelta(days=5)
    app = service.add(make_fields(), stage=Stage.FINAL, applied_at=clock() - timedelta(days=21), stage_at=final_day)
    assert [(e.to_state, e.occurred_at) for e in app.events][1] == ("final", final_day)
    rejected = service.close(app.id, Outcome.REJECTED, at=clock() - timedelta(days=2))
    assert rejected.state.closed_at_stage is Stage.FINAL
    assert rejected.state.closed_at == clock() - timedelta(days=2)
    # Without an application date, it was sent by the day it reached the stage, not today.
    alone = service.add(make_fields(company="Other"), stage=Stage.INTERVIEW, stage_at=final_day)
    assert alone.applied_on == final_day.date()
    assert [e.occurred_at for e in alone.events] == [final_day, final_day]


@pytest.mark.parametrize(
    ("stage", "applied_days_ago", "stage_days_ago", "message"),
    [
        (Stage.APPLIED, None, 3, "only for a stage after applied"),
        (Stage.FINAL, None, -3, "is in the future"),
        (Stage.FINAL, 3, 9, "cannot reach final"),
    ],
)
def test_the_day_a_new_application_reached_its_stage_is_checked(
    workspace: Workspace,
    clock: FakeClock,
    stage: Stage,
    applied_days_ago: int | None,
    stage_days_ago: int,
    message: str,
) -> None:
    service = ApplicationService(workspace)
    applied_at = None if applied_days_ago is None else clock() - timedelta(days=applied_days_ago)
    stage_at = clock() - timedelta(days=stage_days_ago)
    with pytest.raises(StageError, match=message) as refused:
        service.add(make_fields(), stage=stage, applied_at=applied_at, stage_at=stage_at)
    assert refused.value.field == "stage_on"
    assert service.find() == []


def test_a_stage_change_just_recorded_can_be_undone_and_nothing_of_it_stays(
    workspace: Workspace, clock: FakeClock
) -> None:
    """A misclick on a board button would otherwise stay in the history and count as the company's reply."""
    service = ApplicationService(workspace)
    app = make_application(workspace, applied_at=clock() - timedelta(days=10))
    before = service.get(app.id)
    service.move(app.id, Stage.SCREENING)
    event_id = service.undoable_change(app.id)
    assert event_id is not None
    undone = service.undo_change(app.id, event_id)
    assert undone.events == before.events and undone.state == before.state
    assert undone.state.first_response_at is None  # not counted as a response
    assert service.undoable_change(app.id) is None or service.undoable_change(app.id) != event_id
    # A close can be taken back the same way; a stale id or an old change cannot.
    service.move(app.id, Stage.INTERVIEW)
    moved = service.undoable_change(app.id)
    service.close(app.id, Outcome.REJECTED)
    with pytest.raises(StageError, match="can no longer be undone"):
        service.undo_change(app.id, moved)  # type: ignore[arg-type]
    closed = service.undoable_change(app.id)
    clock.advance(seconds=31)
    assert service.undoable_change(app.id) is None
    with pytest.raises(StageError, match="can no longer be undone"):
        service.undo_change(app.id, closed)  # type: ignore[arg-type]
    assert service.get(app.id).state.outcome is Outcome.REJECTED


def test_undoing_the_move_out_of_saved_clears_the_application_date(workspace: Workspace, clock: FakeClock) -> None:
    service = ApplicationService(workspace)
    app = make_application(workspace, stage=Stage.SAVED)
    service.move(app.id, Stage.APPLIED)
    assert service.get(app.id).applied_on == clock().date()
    undone = service.undo_change(app.id, service.undoable_change(app.id))  # type: ignore[arg-type]
    assert (undone.state.stage, undone.applied_on, undone.events) == (Stage.SAVED, None, ())


def test_the_rejection_chart_is_a_next_step_only_once_there_is_a_rejection(workspace: Workspace) -> None:
    def kinds() -> list[str]:
        return [s.action.kind.value for s in overview(workspace, with_agenda=False).next_steps]

    assert "view_stats" not in kinds()  # nothing to see yet: the charts are all zeros
    app = make_application(workspace, company="Harbourline Freight")
    assert "view_stats" not in kinds()
    ApplicationService(workspace).close(app.id, Outcome.REJECTED)
    assert "view_stats" in kinds()
