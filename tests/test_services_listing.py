"""`app list` reads its rows through storage.reads: the same as the applications the ORM reads."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest

from nextround.cli.output import json_text
from nextround.domain.stages import Outcome, Stage
from nextround.errors import UserError
from nextround.serialize import to_json
from nextround.services.applications import ApplicationService
from nextround.services.keepgoing import set_hide_rejected
from nextround.services.listing import ListingFilters, ListingValues, list_application_values, list_applications
from nextround.services.workspace import Workspace
from nextround.storage.repositories import ApplicationRepository

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


def test_listing_rows_say_what_the_whole_applications_say(workspace: Workspace, clock: FakeClock) -> None:
    """Each listing row (storage.reads, straight SQL) equals the same keys of the application read by the ORM."""
    _fill(workspace, clock)
    for filters in FILTERS:
        rows = ApplicationService(workspace).summaries(**_typed(filters))
        with workspace.db.read() as session:
            expected = ApplicationRepository(session, workspace.owner_id).find(**_typed(filters))
        assert [row.id for row in rows] == [app.id for app in expected], filters
        for row, app in zip(rows, expected, strict=True):
            whole = app.to_dict(with_history=False)
            assert to_json(row) == {key: whole[key] for key in to_json(row)}, filters  # type: ignore[union-attr]


def test_hide_rejected_on_both_paths(workspace: Workspace, clock: FakeClock) -> None:
    _fill(workspace, clock)
    set_hide_rejected(workspace, True)
    listing = list_applications(workspace)
    assert listing.hidden_rejected is True
    assert "Acme" not in [r.company for r in listing.rows]
    everything = list_applications(workspace, show_all=True)
    assert everything.hidden_rejected is False
    assert "Acme" in [r.company for r in everything.rows]


def _typed(filters: dict[str, Any]) -> dict[str, Any]:
    out = dict(filters)
    if "stage" in out:
        out["stage"] = Stage(out["stage"])
    if "outcome" in out:
        out["outcome"] = Outcome(out["outcome"])
    return out


def test_listing_json_is_byte_for_byte_the_rows_serialised(workspace: Workspace, clock: FakeClock) -> None:
    """`app list --json` writes the rows' values without building ApplicationSummary objects: the text must
    be exactly what serialising the typed rows gives, compact and indented, for awkward values too."""
    _fill(workspace, clock)
    service = ApplicationService(workspace)
    make_application(
        workspace, company="Café Zürich — 北京 ✓ 😀", role="R\u00e9le \"quoted\" \\ back\\slash", location="Tab\there",
        source_detail="x" * 300, notes="long " * 2_000, tags=("ünï", "a/b", ""), excitement=None,
        salary_min=None, salary_max=90_000, job_url="https://example.com/job?id=1&x=<y>",
    )  # fmt: skip
    controls = make_application(
        workspace, company="Bell\x07 Del\x7f Next\x85 Nul\x00 Co", role="Line\u2028Sep",
        applied_at=clock() - timedelta(days=5),  # a close comes after what is recorded
    )  # fmt: skip
    service.close(controls.id, Outcome.REJECTED, at=clock() - timedelta(days=2, microseconds=7))
    set_hide_rejected(workspace, True)
    for filters in [*FILTERS, {"show_all": True}, {"company": "café"}]:
        chosen: ListingFilters = {
            "stage": None, "outcome": None, "open_only": False, "closed_only": False, "company": None,
            "show_all": False, **filters,  # type: ignore[typeddict-item]
        }  # fmt: skip
        rows = list_applications(workspace, **chosen).rows
        data = _objects(list_application_values(workspace, **chosen))
        assert len(data) == len(rows), filters
        for indent in (None, 2):
            assert json_text(data, indent, ready=True) == json_text(rows, indent), (filters, indent)
    everything = json_text(
        _objects(list_application_values(workspace, **{**chosen, "company": None, "show_all": True})), ready=True
    )
    assert "Café Zürich — 北京" in everything and "Bell" in everything  # both rows there, unicode written as text


def _objects(found: ListingValues) -> list[dict[str, object]]:
    """The JSON objects `app list --json` writes from the values."""
    return [dict(zip(found.fields, values, strict=True)) for values in found.rows]


def test_a_limit_gives_the_newest_rows_oldest_first_and_counts_them_all(workspace: Workspace, clock: FakeClock) -> None:
    """`app list` shows a screenful: the newest rows by id, read with LIMIT, and how many match in all."""
    _fill(workspace, clock)
    everything = list_applications(workspace, show_all=True)
    ids = [row.id for row in everything.rows]
    assert everything.total == len(ids) == 5
    newest = list_applications(workspace, show_all=True, limit=2)
    assert [row.id for row in newest.rows] == ids[-2:]
    assert newest.total == 5
    assert list_applications(workspace, show_all=True, limit=0).rows == everything.rows  # 0: no limit
    assert list_applications(workspace, show_all=True, limit=50).total == 5
    # The total follows the filters, the hidden rejections too.
    set_hide_rejected(workspace, True)
    closed = list_applications(workspace, closed_only=True, limit=1)
    assert len(closed.rows) == 1 and closed.total == 3
    assert list_applications(workspace, limit=1).total == 4  # Acme, rejected, hidden
    values = list_application_values(workspace, show_all=True, limit=2)
    assert [row[values.fields.index("id")] for row in values.rows] == ids[-2:]
    with pytest.raises(UserError) as refused:
        list_applications(workspace, limit=-1)
    assert refused.value.field == "limit"
