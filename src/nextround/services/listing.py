"""Listing applications — the hot read path of `nextround app list`, read through storage.reads."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, TypedDict

from nextround.domain.applications import SUMMARY_FIELDS, ApplicationSummary
from nextround.errors import UserError
from nextround.services.workspace import Workspace
from nextround.storage.schema import HIDE_REJECTED_SETTING


class ListingFilters(TypedDict):
    """What `app list` narrows the listing by: list_applications' keyword arguments."""

    stage: str | None
    outcome: str | None
    open_only: bool
    closed_only: bool
    company: str | None
    show_all: bool


@dataclass(frozen=True, slots=True)
class ApplicationListing:
    """Listing rows, oldest first; `total` is how many match (more than the rows when a limit cut them),
    `hidden_rejected` whether rejected ones were left out by the user's `hide_rejected` choice."""

    rows: tuple[ApplicationSummary, ...]
    total: int
    hidden_rejected: bool


def list_applications(
    ws: Workspace,
    *,
    stage: str | None = None,
    outcome: str | None = None,
    open_only: bool = False,
    closed_only: bool = False,
    company: str | None = None,
    show_all: bool = False,
    limit: int | None = None,
) -> ApplicationListing:
    """The listing rows: every match, or with `limit` the newest `limit` of them (by id).

    Hiding rejected ones is for everyday views only: asking for an outcome, for closed ones, or for all
    shows them. `stage` and `outcome` are checked names (domain.stages.parse_stage / parse_outcome values).
    """
    rows, hide, total = _summary_rows(ws, stage, outcome, open_only, closed_only, company, show_all, limit)
    return ApplicationListing(tuple(ApplicationSummary(*values) for values in rows), total, hide)


# One value of a listing row as `app list --json` writes it (ApplicationSummary's field types).
ListingValue = str | int | tuple[str, ...] | None


@dataclass(frozen=True, slots=True)
class ListingValues:
    """The listing rows as values in `fields` order (ApplicationSummary's fields, which are also the keys of
    their JSON objects), without an object per row: `app list --json` writes 10,000 rows, and building and
    converting the objects is half its time. A test compares its JSON with the rows' byte for byte."""

    fields: tuple[str, ...]
    rows: list[tuple[ListingValue, ...]]


def list_application_values(
    ws: Workspace,
    *,
    stage: str | None = None,
    outcome: str | None = None,
    open_only: bool = False,
    closed_only: bool = False,
    company: str | None = None,
    show_all: bool = False,
    limit: int | None = None,
) -> ListingValues:
    """list_applications' rows as values (rejected ones hidden as there), for writing them as JSON."""
    with _collector_paused():
        rows, _, _ = _summary_rows(ws, stage, outcome, open_only, closed_only, company, show_all, limit)
    return ListingValues(SUMMARY_FIELDS, rows)


@contextmanager
def _collector_paused() -> Iterator[None]:
    """No cyclic garbage collection while thousands of rows are built: they hold no cycles, and the
    collector's passes over them cost a sixth of `app list --json`."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _summary_rows(
    ws: Workspace,
    stage: str | None,
    outcome: str | None,
    open_only: bool,
    closed_only: bool,
    company: str | None,
    show_all: bool,
    limit: int | None,
) -> tuple[list[tuple[Any, ...]], bool, int]:
    if limit is not None and limit < 0:
        raise UserError("the limit must be 0 or more (0 lists every application)", field="limit")
    newest = limit or None  # 0: no limit
    with ws.db.reader(ws.owner_id) as reader:
        hide = not (show_all or outcome or closed_only) and bool(reader.settings().get(HIDE_REJECTED_SETTING))
        filters: dict[str, Any] = {
            "stage": stage,
            "outcome": outcome,
            "open_only": open_only,
            "closed_only": closed_only,
            "company": company,
            "hide_rejected": hide,
        }
        rows = reader.summary_rows(newest=newest, **filters)
        # Counted only when the limit may have cut the list.
        total = reader.summary_count(**filters) if newest is not None and len(rows) == newest else len(rows)
    return rows, hide, total
