"""Browsing queries for the web app: one page of the listing sorted in SQL, the board, a change signature.

Like every repository, each query is scoped to one owner. These exist so a screen of 100 rows out of 10,000
reads 100 rows, not 10,000.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from nextround.domain.applications import SUMMARY_COLUMNS, ApplicationSummary, summary_from_row
from nextround.domain.stages import STAGE_ORDER, Stage
from nextround.storage.repositories import ApplicationRepository
from nextround.storage.tables import ApplicationRow, StageEventRow, UserSetting

SORTABLE: tuple[str, ...] = ("id", "company", "role", "stage", "applied_on", "last_activity_at")


class ApplicationBrowser:
    def __init__(self, session: Session, owner_id: int) -> None:
        self.session = session
        self.owner_id = owner_id

    def _where(self, query: Any, **filters: Any) -> Any:
        # The same owner scope and filters as every other listing (ApplicationRepository.filtered).
        return ApplicationRepository(self.session, self.owner_id).filtered(query, **filters).order_by(None)

    def page(
        self, *, sort: str = "id", descending: bool = True, limit: int = 100, offset: int = 0, **filters: Any
    ) -> tuple[list[ApplicationSummary], int]:
        """One page of listing rows (as `ApplicationRepository.summaries` shapes them) and the total count."""
        if sort not in SORTABLE:
            raise ValueError(f"cannot sort by {sort!r}")
        total = self.session.scalar(self._where(select(func.count()).select_from(ApplicationRow), **filters)) or 0
        columns = ApplicationRow.__table__.c
        if sort == "stage":
            rank = case({s.value: n for n, s in enumerate(STAGE_ORDER)}, value=columns.stage, else_=len(STAGE_ORDER))
            keys: Sequence[Any] = (rank, func.coalesce(columns.outcome, ""))
        elif sort in ("company", "role"):
            keys = (func.lower(columns[sort]),)
        else:
            keys = (columns[sort],)
        order = []
        for key in keys:
            order.append(key.desc().nulls_last() if descending else key.asc().nulls_last())
        order.append(columns.id.desc() if descending else columns.id.asc())
        query = (
            self._where(select(*(columns[name] for name in SUMMARY_COLUMNS)), **filters)
            .order_by(*order)
            .limit(limit)
            .offset(offset)
        )
        rows = [summary_from_row(dict(row._mapping)) for row in self.session.execute(query)]
        return rows, total

    def board(self, stages: Sequence[Stage], per_stage: int) -> dict[str, tuple[int, list[ApplicationSummary]]]:
        """For each stage: how many open applications are at it, and the most recently active few.

        Per stage, a count and a LIMIT read on the partial index of open rows (migration 0013), so the work
        is a few index reads per stage however long the history (ranking every open application took 115 ms
        at 40,000). The order is last activity newest first, never-active last, then newest id.
        """
        columns = ApplicationRow.__table__.c
        summary = [columns[name] for name in SUMMARY_COLUMNS]
        board: dict[str, tuple[int, list[ApplicationSummary]]] = {}
        for stage in stages:
            at_stage = self._where(select(func.count()).select_from(ApplicationRow), open_only=True)
            count = self.session.scalar(at_stage.where(columns.stage == stage.value)) or 0
            cards: list[ApplicationSummary] = []
            if count and per_stage > 0:
                # Two plain index orders instead of one NULLS LAST, which PostgreSQL's ascending index cannot
                # give by reading backwards.
                for active in (True, False):
                    wanted = per_stage - len(cards)
                    if wanted <= 0 or len(cards) == count:
                        break
                    query = self._where(select(*summary), open_only=True).where(columns.stage == stage.value)
                    if active:
                        query = query.where(columns.last_activity_at.is_not(None)).order_by(
                            columns.last_activity_at.desc(), columns.id.desc()
                        )
                    else:
                        query = query.where(columns.last_activity_at.is_(None)).order_by(columns.id.desc())
                    cards += [summary_from_row(dict(row._mapping)) for row in self.session.execute(query.limit(wanted))]
            board[stage.value] = (count, cards)
        return board

    def signature(self) -> tuple[Any, ...]:
        """Cheap numbers (index look-ups only) that change when applications, histories or preferences are added.

        Adding an application, a stage event or a setting changes a newest id. Edits in place and deletions do
        not: callers pair this with their own invalidation and a short time limit.
        """
        newest_app = select(func.max(ApplicationRow.id)).where(ApplicationRow.owner_id == self.owner_id)
        newest_event = select(func.max(StageEventRow.id)).where(StageEventRow.owner_id == self.owner_id)
        settings = select(func.count(), func.max(UserSetting.id)).where(UserSetting.owner_id == self.owner_id)
        return (
            self.session.scalar(newest_app),
            self.session.scalar(newest_event),
            *self.session.execute(settings).one(),
        )
