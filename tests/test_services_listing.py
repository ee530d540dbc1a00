"""The SQLite fast path of `app list` gives exactly what the ordinary path gives."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from nextround.domain.stages import Outcome, Stage
from nextround.services.applications import ApplicationService
from nextround.services.keepgoing import set_hide_rejected
from nextround.services.listing import list_applications
from nextround.services.workspace import Workspace
from nextround.storage.schema import HEAD_REVISION, LOCAL_USERNAME
from nextround.storage.sqlite_listing import list_summaries

from .conftest import FakeClock
from .factories import make_application

FILTERS: list[dict[str, Any]] = [
    {},
    {"stage": "interview"},
    {"outcome": "rejected"},
    {"open_only": True},
    {"closed_only": True},
    {"company": "acm"},
    {"company": "100%"},
]


def _fill(ws: Workspace, clock: FakeClock) -> None:
    service = ApplicationService(ws)
    a = make_application(ws, company="Acme", tags=("dream", "remote"), applied_at=clock() - timedelta(days=30))
    service.move(a.id, Stage.INTERVIEW, round_=2, at=clock() - timedelta(days=10))
    service.close(a.id, Outcome.REJECTED)
    b = make_application(ws, company="100% Bakes", stage=Stage.SCREENING)
    service.close(b.id, Outcome.GHOSTED)
    make_application(ws, company="Saved Co", stage=Stage.SAVED)
    make_application(ws, company="Open Ltd", excitement=4, salary_min=1, salary_max=2, currency="EUR")
    # Moments with microseconds are written differently by SQLite and by isoformat(): both must agree.
    c = make_application(ws, company="Precise Co", applied_at=clock() - timedelta(days=3, microseconds=120_000))
    service.close(c.id, Outcome.WITHDRAWN, at=clock() - timedelta(days=1, microseconds=4_321))


def test_fast_path_matches_the_ordinary_path(workspace: Workspace, clock: FakeClock) -> None:
    if workspace.db.dialect != "sqlite":
        # PostgreSQL always takes the ordinary path; check that it is the one used.
        _fill(workspace, clock)
        rows, hidden = list_applications(workspace.settings, lambda: workspace)
        assert [r.company for r in rows] == ["Acme", "100% Bakes", "Saved Co", "Open Ltd", "Precise Co"]
        assert hidden is False
        return
    _fill(workspace, clock)
    database = Path(workspace.settings.database_url.removeprefix("sqlite:///"))
    service = ApplicationService(workspace)
    for filters in FILTERS:
        fast = list_summaries(database, head_revision=HEAD_REVISION, username=LOCAL_USERNAME, **filters)
        assert fast is not None
        assert fast == service.summaries(**_typed(filters)), filters


def test_hide_rejected_on_both_paths(workspace: Workspace, clock: FakeClock) -> None:
    _fill(workspace, clock)
    set_hide_rejected(workspace, True)
    rows, hidden = list_applications(workspace.settings, lambda: workspace)
    assert hidden is True
    assert "Acme" not in [r.company for r in rows]
    everything, hidden = list_applications(workspace.settings, lambda: workspace, show_all=True)
    assert hidden is False
    assert "Acme" in [r.company for r in everything]


def test_fast_path_declines_what_it_cannot_answer(tmp_path: Path) -> None:
    assert list_summaries(tmp_path / "missing.db", head_revision=HEAD_REVISION, username="local") is None
    with pytest.raises(AssertionError):
        assert list_summaries(tmp_path / "missing.db", head_revision=HEAD_REVISION, username="local")


def _typed(filters: dict[str, Any]) -> dict[str, Any]:
    out = dict(filters)
    if "stage" in out:
        out["stage"] = Stage(out["stage"])
    if "outcome" in out:
        out["outcome"] = Outcome(out["outcome"])
    return out
