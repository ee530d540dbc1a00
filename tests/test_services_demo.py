"""The demo history for `serve --demo`."""

from __future__ import annotations

from nextround.services.applications import ApplicationService
from nextround.services.demo import IMPORTED, STORIES, fill_demo
from nextround.services.workspace import Workspace


def test_demo_fills_every_stage_and_outcome(workspace: Workspace) -> None:
    counts = fill_demo(workspace)
    assert counts.applications == len(STORIES) + len(IMPORTED)
    service = ApplicationService(workspace)
    stats = service.stats()
    rejections = stats.rejections_by_stage
    assert rejections["application"] >= 3 and rejections["screening"] >= 1
    assert rejections["assessment"] >= 1 and rejections["interview"] >= 1 and rejections["final"] >= 1
    assert stats.outcomes["withdrawn"] == 1 and stats.outcomes["ghosted"] >= 1
    open_stages = {a.state.stage.value for a in service.find(open_only=True)}
    assert {"applied", "screening", "assessment", "interview", "final"} <= open_stages
    sources = {e.source.value for a in service.find() for e in service.get(a.id).events}
    assert sources == {"user", "import"}
    # One open application has been quiet past its limit, so the dashboard shows the follow-up suggestion.
    assert [item.application.fields.company for item in service.silent()] == ["Oakridge Retail"]
