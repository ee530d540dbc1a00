"""Insights counts rejections by stage in SQL (`RejectedJobs.closed_at_stages`) instead of through the whole
funnel's statistics: the same numbers, and so the same Insights, on a varied history on both engines."""

from __future__ import annotations

from datetime import timedelta

import pytest

from nextround.domain.stats import rejections_by_stage
from nextround.services import insight
from nextround.services.applications import ApplicationService
from nextround.services.workspace import Workspace
from nextround.storage.insight import RejectedJobs
from nextround.storage.tables import ApplicationRow

from .conftest import FakeClock
from .test_agenda_reads import _history


def _odd_closes(ws: Workspace, now_days_ago: int, clock: FakeClock) -> None:
    """Closes the funnel counts apart: no stage recorded, rejected after an offer was accepted, withdrawn."""
    when = clock() - timedelta(days=now_days_ago)
    owner = {"owner_id": ws.owner_id, "role": "Role", "created_at": when, "last_activity_at": when}
    with ws.db.write() as session:
        session.add_all(
            [
                ApplicationRow(
                    **owner, company="No stage", stage="applied", furthest_stage="applied", outcome="rejected",
                    closed_at=when,
                ),
                ApplicationRow(
                    **owner, company="Taken", stage="accepted", furthest_stage="accepted", outcome="rejected",
                    closed_at=when, closed_at_stage="accepted",
                ),
                ApplicationRow(
                    **owner, company="Withdrew", stage="final", furthest_stage="final", outcome="withdrawn",
                    closed_at=when, closed_at_stage="final",
                ),
            ]
        )  # fmt: skip


@pytest.mark.parametrize("seed", [4, 5])
def test_rejections_by_stage_are_those_of_the_funnel_statistics(
    workspace: Workspace, clock: FakeClock, seed: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    _history(workspace, clock, seed)
    _odd_closes(workspace, 3, clock)
    with workspace.db.read() as session:
        counted = rejections_by_stage(RejectedJobs(session, workspace.owner_id).closed_at_stages())
    from_stats = ApplicationService(workspace).stats().rejections_by_stage
    assert counted == from_stats
    assert sum(1 for count in counted.values() if count) >= 5  # rejections at most buckets, offer among them

    fast = insight.insights(workspace)
    assert fast.stage.rejections_by_stage == from_stats
    # Insights as it was computed before, from the funnel statistics: the same in every part.
    monkeypatch.setattr(insight, "rejections_by_stage", lambda _rejected_at: from_stats)
    assert insight.insights(workspace) == fast
