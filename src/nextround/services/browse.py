"""Browsing applications a page at a time (the web listing, the board, the API list)."""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from dataclasses import dataclass

from nextround.domain.applications import ApplicationSummary
from nextround.domain.stages import Outcome, Stage
from nextround.services.workspace import Workspace
from nextround.storage.browse import SORTABLE, ApplicationBrowser

__all__ = ["SORTABLE", "BoardColumn", "Page", "board", "data_signature", "page"]


@dataclass(frozen=True, slots=True)
class Page:
    rows: list[ApplicationSummary]
    total: int
    limit: int
    offset: int


def page(
    ws: Workspace,
    *,
    sort: str = "id",
    descending: bool = True,
    limit: int = 100,
    offset: int = 0,
    stage: Stage | None = None,
    outcome: Outcome | None = None,
    open_only: bool = False,
    closed_only: bool = False,
    company: str | None = None,
) -> Page:
    """One page of applications, filtered and sorted, with the total that matched."""
    with ws.db.read() as session:
        rows, total = ApplicationBrowser(session, ws.owner_id).page(
            sort=sort,
            descending=descending,
            limit=limit,
            offset=offset,
            stage=stage,
            outcome=outcome,
            open_only=open_only,
            closed_only=closed_only,
            company=company,
        )
    return Page(rows=rows, total=total, limit=limit, offset=offset)


@dataclass(frozen=True, slots=True)
class BoardColumn:
    """The open applications at one stage: how many, and the most recently active few."""

    stage: Stage
    count: int
    cards: tuple[ApplicationSummary, ...]


def board(ws: Workspace, stages: Sequence[Stage], per_stage: int) -> tuple[BoardColumn, ...]:
    """Open applications by stage, in the order of `stages`: the count at each, and the most recently active
    `per_stage` of them."""
    with ws.db.read() as session:
        columns = ApplicationBrowser(session, ws.owner_id).board(stages, per_stage)
    return tuple(BoardColumn(Stage(name), count, tuple(cards)) for name, (count, cards) in columns.items())


def data_signature(ws: Workspace) -> Hashable:
    """Changes whenever this owner's applications, histories or preferences change (for caching views)."""
    with ws.db.read() as session:
        return ApplicationBrowser(session, ws.owner_id).signature()
