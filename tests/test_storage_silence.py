"""The silent applications counted in SQL (`ApplicationService.silent_summary`, storage.silence) are exactly what
the slow path finds, judging every open application in Python (`likely_ghosted`): on a varied history with
applications on each rule's boundary, ties on the same day, interviews before and after now, at several moments
and limits, on both engines. Today's agenda and the overview's count are the same either way."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from nextround.domain.ghosting import SilentSummary, follow_up_days, quiet_before
from nextround.domain.stages import Stage
from nextround.services.agenda import SILENT_SHOWN, agenda
from nextround.services.applications import ApplicationService
from nextround.services.overview import overview
from nextround.services.preferences import set_preference
from nextround.services.workspace import Workspace
from nextround.storage.tables import ApplicationRow, InterviewRow

from .conftest import FakeClock
from .test_agenda_reads import _history

MICROSECOND = timedelta(microseconds=1)


def _edges(ws: Workspace, now: datetime) -> None:
    """Open applications on the boundaries of silence and of a follow-up, some tied on one day, and interviews
    that hide or restart a silence."""
    limits = ApplicationService(ws).preferences().ghost_days
    owner = {"owner_id": ws.owner_id}
    with ws.db.write() as session:
        rows = []

        def add(stage: Stage, activity: datetime | None, outcome: str | None = None) -> ApplicationRow:
            row = ApplicationRow(
                **owner, company=f"Edge {len(rows)}", role="Role", created_at=now - timedelta(days=400),
                stage=stage.value, furthest_stage=stage.value, outcome=outcome,
                closed_at_stage=stage.value if outcome else None, closed_at=now if outcome else None,
                last_activity_at=activity,
            )  # fmt: skip
            rows.append(row)
            return row

        for stage, days in limits.items():
            quiet, follow = quiet_before(now, days), quiet_before(now, follow_up_days(days))
            for moment in (quiet, quiet - MICROSECOND, follow, follow - MICROSECOND):
                add(stage, moment)
            add(stage, None)
            add(stage, quiet - timedelta(days=3), outcome="rejected")
        add(Stage.ACCEPTED, now - timedelta(days=500))
        # Twelve quiet on one day, later ids earlier in the day: the longest few are ordered by id among them.
        day = quiet_before(now, 400)
        tied = [add(Stage.APPLIED, day + timedelta(hours=23 - n)) for n in range(12)]
        # The longest-silent ones, all but one hidden by an interview to come or brought forward by a past one.
        ahead = add(Stage.SCREENING, now - timedelta(days=900))
        restarted = add(Stage.INTERVIEW, now - timedelta(days=901))
        at_now = add(Stage.FINAL, now - timedelta(days=902))
        add(Stage.OFFER, now - timedelta(days=903))
        session.add_all(rows)
        session.flush()
        interviews = [
            (ahead, now + timedelta(days=2)),
            (restarted, now - timedelta(days=11)),
            (at_now, now),
            (tied[3], day + timedelta(days=1)),  # a day later than its ties
        ]
        for app, when in interviews:
            session.add(InterviewRow(**owner, application_id=app.id, scheduled_at=when, created_at=now))


def _same_as_slow_path(ws: Workspace) -> SilentSummary:
    """Checks each number of shown ones (with all shown, those still worth a follow-up are among them, which
    the SQL counts apart) and returns the summary with every one shown."""
    service = ApplicationService(ws)
    every = service.likely_ghosted()
    for shown in (0, 1, 4, SILENT_SHOWN, 13, 40, len(every), len(every) + 1):
        assert service.silent_summary(shown) == SilentSummary.of(every, shown), shown
    return SilentSummary.of(every, len(every))


@pytest.mark.parametrize("seed", [1, 2])
def test_the_summary_counted_in_sql_is_that_of_every_silent_application(
    workspace: Workspace, clock: FakeClock, seed: int
) -> None:
    _history(workspace, clock, seed)
    _edges(workspace, clock())
    seen = []
    for step, hours in enumerate((0, 7, 24 * 20 + 13, 24 * 75)):
        clock.current += timedelta(hours=hours)
        if step == 2:
            set_preference(workspace, "ghost_days.applied", "3")
            set_preference(workspace, "ghost_days.interview", "40")
        seen.append(_same_as_slow_path(workspace))
    # Moments in a zone with summer time, on both sides of its change (the day boundaries move by an hour).
    for moment in (datetime(2024, 10, 27, 0, 30), datetime(2024, 10, 27, 23, 59), datetime(2025, 3, 30, 9)):
        clock.current = moment.replace(tzinfo=ZoneInfo("Europe/Berlin"))
        seen.append(_same_as_slow_path(workspace))
    # The history reaches every case the agenda words differently.
    assert all(summary.count > SILENT_SHOWN for summary in seen)
    assert {SilentSummary.of(s.longest, SILENT_SHOWN).rest_past_follow_up for s in seen} == {True, False}
    assert any(not verdict.past_follow_up for summary in seen for _, verdict in summary.longest)


def test_ties_on_one_day_are_ordered_by_id_and_interviews_count(workspace: Workspace, clock: FakeClock) -> None:
    _edges(workspace, clock())
    summary = ApplicationService(workspace).silent_summary(SILENT_SHOWN)
    with workspace.db.reader(workspace.owner_id) as reader:
        company = {a.id: a.fields.company for a in reader.applications(ids=[i for i, _ in summary.longest])}
    # The offer quiet 903 days leads; the screening (900) is hidden by an interview to come, the final (902) by
    # one at this very moment, and the interview (901) restarted by one 11 days ago.
    shown = [(company[app_id], verdict.silent_days) for app_id, verdict in summary.longest]
    assert shown[0] == ("Edge 52", 903)
    assert [days for _, days in shown[1:]] == [400] * 4
    assert [name for name, _ in shown[1:]] == ["Edge 37", "Edge 38", "Edge 39", "Edge 41"]  # Edge 40 met later
    every = dict(ApplicationService(workspace).likely_ghosted())
    restarted = next(
        app_id for app_id, verdict in every.items() if verdict.limit_days == 10 and verdict.silent_days == 11
    )
    assert restarted not in dict(summary.longest) and summary.count == len(every)


def test_today_and_the_overview_are_the_same_as_from_every_silent_application(
    workspace: Workspace, clock: FakeClock
) -> None:
    _history(workspace, clock, 3)
    _edges(workspace, clock())
    service = ApplicationService(workspace)
    every = service.likely_ghosted()
    slow = SilentSummary.of(every, SILENT_SHOWN)
    fast = agenda(workspace)
    assert fast == agenda(workspace, silent=slow)
    titles = [entry.title for entry in fast]
    assert sum(title.startswith("Quiet for ") for title in titles) == SILENT_SHOWN
    assert f"{len(every) - SILENT_SHOWN} more applications quiet past their limit" in titles
    assert overview(workspace, with_agenda=False).likely_ghosted == len(every)
