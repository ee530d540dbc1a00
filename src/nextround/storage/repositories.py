"""Queries, always scoped to one owner. No query in nextround reads another person's rows.

Repositories turn rows into domain objects and back; the services decide what to do with them.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, datetime
from typing import Any

from sqlalchemy import delete, func, insert, literal, or_, select
from sqlalchemy.orm import Session

from nextround.domain.applications import (
    SUMMARY_COLUMNS,
    Application,
    ApplicationFields,
    ApplicationSummary,
    summary_from_row,
)
from nextround.domain.stages import ApplicationState, Outcome, Stage, StageEvent
from nextround.storage.reads import (
    NotFoundError as NotFoundError,  # re-exported: every pillar's repositories raise it
)
from nextround.storage.reads import Reader
from nextround.storage.stored_values import _SOURCES, APPLICATION_COLUMNS, application_from_values, known_moments
from nextround.storage.tables import ApplicationRow, StageEventRow, UserSetting, strip_controls


def _event_from_row(row: StageEventRow) -> StageEvent:
    return StageEvent(
        from_state=row.from_state,
        to_state=row.to_state,
        occurred_at=row.occurred_at,
        source=_SOURCES[row.source],
        round=row.round,
        note=row.note,
    )


def fields_to_columns(fields: ApplicationFields) -> dict[str, Any]:
    values = fields.to_dict()
    values["source"] = fields.source.value if fields.source else None
    values["work_model"] = fields.work_model.value if fields.work_model else None
    return values


def state_to_columns(state: ApplicationState) -> dict[str, Any]:
    return {
        "stage": state.stage.value,
        "outcome": state.outcome.value if state.outcome else None,
        "interview_round": state.interview_round,
        "furthest_stage": state.furthest_stage.value,
        "closed_at": state.closed_at,
        "closed_at_stage": state.closed_at_stage.value if state.closed_at_stage else None,
        "first_response_at": state.first_response_at,
        "last_activity_at": state.last_activity_at,
    }


def _table_columns(names: Iterable[str]) -> list[Any]:
    table = ApplicationRow.__table__
    return [table.c[name] for name in names]


def reader_of(session: Session, owner_id: int) -> Reader:
    """storage.reads over this session's connection, in its transaction (pending changes flushed first)."""
    session.flush()
    dbapi = session.connection().connection.driver_connection
    return Reader(dbapi, session.get_bind().dialect.name, owner_id)


class ApplicationRepository:
    def __init__(self, session: Session, owner_id: int) -> None:
        self.session = session
        self.owner_id = owner_id

    def _row(self, application_id: int) -> ApplicationRow:
        row = self.session.scalar(
            select(ApplicationRow).where(ApplicationRow.id == application_id, ApplicationRow.owner_id == self.owner_id)
        )
        if row is None:
            raise NotFoundError(f"no application with id {application_id}")
        return row

    def add(
        self,
        fields: ApplicationFields,
        *,
        created_at: datetime,
        applied_on: date | None,
        dedupe_key: str,
        state: ApplicationState,
    ) -> int:
        row = ApplicationRow(
            owner_id=self.owner_id,
            created_at=created_at,
            applied_on=applied_on,
            dedupe_key=dedupe_key,
            **fields_to_columns(fields),
            **state_to_columns(state),
        )
        self.session.add(row)
        self.session.flush()
        return row.id

    def add_many(self, rows: Sequence[dict[str, Any]]) -> list[int]:
        """Insert many applications in one statement (imports); each dict holds every column but id/owner."""
        if not rows:
            return []
        statement = insert(ApplicationRow).returning(ApplicationRow.id, sort_by_parameter_order=True)
        return list(self.session.scalars(statement, [{"owner_id": self.owner_id, **values} for values in rows]))

    def update_fields(self, application_id: int, fields: ApplicationFields, **extra: Any) -> None:
        row = self._row(application_id)
        for name, value in {**fields_to_columns(fields), **extra}.items():
            setattr(row, name, value)

    def set_state(self, application_id: int, state: ApplicationState) -> None:
        row = self._row(application_id)
        for name, value in state_to_columns(state).items():
            setattr(row, name, value)

    def delete(self, application_id: int) -> None:
        self._row(application_id)
        self.session.execute(
            delete(StageEventRow).where(
                StageEventRow.application_id == application_id, StageEventRow.owner_id == self.owner_id
            )
        )
        self.session.execute(
            delete(ApplicationRow).where(ApplicationRow.id == application_id, ApplicationRow.owner_id == self.owner_id)
        )

    def exists(self, application_id: int) -> bool:
        self._row(application_id)
        return True

    def get(self, application_id: int, *, with_events: bool = True) -> Application:
        row = self._row(application_id)
        events = tuple(self.events(application_id)) if with_events else ()
        return self._to_domain(row, events)

    @staticmethod
    def _to_domain(row: ApplicationRow, events: tuple[StageEvent, ...] = ()) -> Application:
        return application_from_values([getattr(row, name) for name in APPLICATION_COLUMNS], events)

    def filtered(
        self,
        query: Any,
        *,
        stage: Stage | None = None,
        outcome: Outcome | None = None,
        open_only: bool = False,
        closed_only: bool = False,
        company: str | None = None,
        hide_rejected: bool = False,
        open_or_closed_since: datetime | None = None,
    ) -> Any:
        query = query.where(ApplicationRow.owner_id == self.owner_id)
        if open_or_closed_since is not None:
            query = query.where(or_(ApplicationRow.outcome.is_(None), ApplicationRow.closed_at >= open_or_closed_since))
        if hide_rejected:
            query = query.where(or_(ApplicationRow.outcome.is_(None), ApplicationRow.outcome != "rejected"))
        if stage is not None:
            query = query.where(ApplicationRow.stage == stage.value)
        if outcome is not None:
            query = query.where(ApplicationRow.outcome == outcome.value)
        if open_only:
            query = query.where(ApplicationRow.outcome.is_(None))
        if closed_only:
            query = query.where(ApplicationRow.outcome.is_not(None))
        if company:
            query = query.where(func.lower(ApplicationRow.company).contains(company.lower(), autoescape=True))
        return query.order_by(ApplicationRow.id)

    def find(self, **filters: Any) -> list[Application]:
        """Applications without their history; filters as in `filtered`."""
        # Plain tuples, not ORM objects: listing thousands of applications is several times faster.
        query = self.filtered(select(*_table_columns(APPLICATION_COLUMNS)), **filters)
        return [application_from_values(row) for row in self.session.execute(query)]

    def same_job(self, company: str, role: str) -> list[ApplicationSummary]:
        """Applications for this company and role, whatever the letter case (lower() on both sides, so each
        engine compares the way it lowers)."""
        query = self.filtered(select(*_table_columns(SUMMARY_COLUMNS))).where(
            # Bound with the columns' own types, so the text is cleaned the way it is when stored.
            func.lower(ApplicationRow.company) == func.lower(literal(company, ApplicationRow.company.type)),
            func.lower(ApplicationRow.role) == func.lower(literal(role, ApplicationRow.role.type)),
        )
        return [summary_from_row(dict(row._mapping)) for row in self.session.execute(query)]

    def count(self) -> int:
        return (
            self.session.scalar(
                select(func.count()).select_from(ApplicationRow).where(ApplicationRow.owner_id == self.owner_id)
            )
            or 0
        )

    def events(self, application_id: int) -> list[StageEvent]:
        rows = self.session.scalars(
            select(StageEventRow)
            .where(StageEventRow.application_id == application_id, StageEventRow.owner_id == self.owner_id)
            .order_by(StageEventRow.occurred_at, StageEventRow.id)
        )
        return known_moments([_event_from_row(row) for row in rows])

    def newest_event(self, application_id: int) -> tuple[int, datetime, str] | None:
        """The stage event recorded last (not the latest in time: a back-dated one may be recorded last), as
        (id, when it was recorded, the state it went to)."""
        row = self.session.execute(
            select(StageEventRow.id, StageEventRow.created_at, StageEventRow.to_state)
            .where(StageEventRow.application_id == application_id, StageEventRow.owner_id == self.owner_id)
            .order_by(StageEventRow.created_at.desc(), StageEventRow.id.desc())
            .limit(1)
        ).first()
        return None if row is None else (row[0], row[1], row[2])

    def remove_event(self, application_id: int, event_id: int) -> None:
        self.session.execute(
            delete(StageEventRow).where(
                StageEventRow.id == event_id,
                StageEventRow.application_id == application_id,
                StageEventRow.owner_id == self.owner_id,
            )
        )

    def events_by_application(self, *, open_or_closed_since: datetime | None = None) -> dict[int, list[StageEvent]]:
        """Histories by application: all of them, or those of applications open or closed since a moment."""
        query = select(StageEventRow).where(StageEventRow.owner_id == self.owner_id)
        if open_or_closed_since is not None:
            wanted = self.filtered(select(ApplicationRow.id), open_or_closed_since=open_or_closed_since)
            query = query.where(StageEventRow.application_id.in_(wanted.order_by(None).scalar_subquery()))
        rows = self.session.scalars(
            query.order_by(StageEventRow.application_id, StageEventRow.occurred_at, StageEventRow.id)
        )
        grouped: dict[int, list[StageEvent]] = {}
        for row in rows:
            grouped.setdefault(row.application_id, []).append(_event_from_row(row))
        return {app_id: known_moments(events) for app_id, events in grouped.items()}

    def add_events(self, events: Iterable[tuple[int, StageEvent]], *, now: datetime) -> None:
        """Append events, given as (application id, event) pairs, in one statement."""
        values = [
            {
                "owner_id": self.owner_id,
                "application_id": application_id,
                "from_state": e.from_state,
                "to_state": e.to_state,
                "round": e.round,
                "occurred_at": e.occurred_at,
                "source": e.source.value,
                "note": e.note,
                "created_at": now,
            }
            for application_id, e in events
        ]
        if values:
            self.session.execute(insert(StageEventRow), values)

    def dedupe_keys(self) -> set[str]:
        """The stored keys, as dedupe_key computes them now: a key an older version stored with control
        characters in it would otherwise never match again."""
        keys = self.session.scalars(
            select(ApplicationRow.dedupe_key).where(
                ApplicationRow.owner_id == self.owner_id, ApplicationRow.dedupe_key != ""
            )
        )
        return {strip_controls(key) for key in keys}


class SettingsRepository:
    """Per-owner preferences (silence limits, auto-close), stored as small JSON values."""

    def __init__(self, session: Session, owner_id: int) -> None:
        self.session = session
        self.owner_id = owner_id

    def all(self) -> dict[str, Any]:
        return reader_of(self.session, self.owner_id).settings()

    def set(self, key: str, value: Any) -> None:
        row = self.session.scalar(
            select(UserSetting).where(UserSetting.owner_id == self.owner_id, UserSetting.key == key)
        )
        if row is None:
            self.session.add(UserSetting(owner_id=self.owner_id, key=key, value={"v": value}))
        else:
            row.value = {"v": value}

    def unset(self, key: str) -> None:
        self.session.execute(delete(UserSetting).where(UserSetting.owner_id == self.owner_id, UserSetting.key == key))
