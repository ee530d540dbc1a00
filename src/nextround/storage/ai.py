"""AI results with the model that gave them; every query is scoped to one owner."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from nextround.storage.reads import NotFoundError
from nextround.storage.tables import AiResultRow


@dataclass(frozen=True, slots=True)
class StoredAiResult:
    id: int
    kind: str
    model: str
    application_id: int | None
    practice_answer_id: int | None
    content: dict[str, Any]
    created_at: datetime
    updated_at: datetime


def _stored(row: AiResultRow) -> StoredAiResult:
    return StoredAiResult(
        id=row.id,
        kind=row.kind,
        model=row.model,
        application_id=row.application_id,
        practice_answer_id=row.practice_answer_id,
        content=dict(row.content or {}),
        created_at=row.created_at,
        updated_at=row.updated_at,
    )


class AiResultRepository:
    def __init__(self, session: Session, owner_id: int) -> None:
        self.session = session
        self.owner_id = owner_id

    def add(
        self,
        kind: str,
        model: str,
        content: dict[str, Any],
        at: datetime,
        application_id: int | None = None,
        practice_answer_id: int | None = None,
    ) -> int:
        row = AiResultRow(
            owner_id=self.owner_id,
            kind=kind,
            model=model[:200],
            content=content,
            application_id=application_id,
            practice_answer_id=practice_answer_id,
            created_at=at,
            updated_at=at,
        )
        self.session.add(row)
        self.session.flush()
        return row.id

    def _row(self, result_id: int, kind: str) -> AiResultRow:
        row = self.session.scalar(
            select(AiResultRow).where(
                AiResultRow.id == result_id, AiResultRow.owner_id == self.owner_id, AiResultRow.kind == kind
            )
        )
        if row is None:
            raise NotFoundError(f"no {kind.replace('_', ' ')} with id {result_id}")
        return row

    def get(self, result_id: int, kind: str) -> StoredAiResult:
        return _stored(self._row(result_id, kind))

    def update(self, result_id: int, kind: str, content: dict[str, Any], model: str, at: datetime) -> None:
        row = self._row(result_id, kind)
        row.content = content
        row.model = model[:200]
        row.updated_at = at

    def latest(
        self, kind: str, application_id: int | None = None, practice_answer_id: int | None = None
    ) -> StoredAiResult | None:
        query = select(AiResultRow).where(AiResultRow.owner_id == self.owner_id, AiResultRow.kind == kind)
        if application_id is not None:
            query = query.where(AiResultRow.application_id == application_id)
        if practice_answer_id is not None:
            query = query.where(AiResultRow.practice_answer_id == practice_answer_id)
        row = self.session.scalar(query.order_by(AiResultRow.id.desc()).limit(1))
        return None if row is None else _stored(row)
