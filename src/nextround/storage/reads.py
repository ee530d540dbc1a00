"""The read path of the everyday commands: plain SQL over a DB-API connection, no SQLAlchemy.

Loading SQLAlchemy and the mapped tables costs more than any everyday read (about 0.3 s, 25 times a bare
Python start), so the reads that `nextround`, `today`, `stats` and `app show` need are written here once,
as SQL that both engines run, and `Database.reader()` hands them the connection: on an SQLite file a
`sqlite3` connection of its own, on PostgreSQL the connection of an ordinary read session. Values come
back as the mapped columns give them (aware UTC moments, dates, JSON), whichever engine stored them.

Every query is scoped to one owner, like the repositories'.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from datetime import UTC, date, datetime
from typing import Any

from nextround.domain.applications import (
    FIELD_NAMES,
    SUMMARY_COLUMNS,
    Application,
    ApplicationFields,
    ApplicationSummary,
    Channel,
    WorkModel,
    summary_from_row,
)
from nextround.domain.stages import ApplicationState, EventSource, Outcome, Stage, StageEvent
from nextround.domain.stats import FunnelGroup
from nextround.errors import UserError


class NotFoundError(UserError, LookupError):
    """An id that does not exist for this owner (whether or not another owner has it)."""


# What `application_from_values` unpacks, in this order: listing thousands of applications is several
# times faster from plain tuples and dict lookups than from attribute access and Enum calls per value.
APPLICATION_COLUMNS: tuple[str, ...] = (
    "id", "created_at", "applied_on", *FIELD_NAMES, "stage", "outcome", "interview_round", "closed_at",
    "closed_at_stage", "furthest_stage", "first_response_at", "last_activity_at",
)  # fmt: skip
_STAGES: dict[str, Stage] = {s.value: s for s in Stage}
_OUTCOMES: dict[str | None, Outcome | None] = {None: None, "": None, **{o.value: o for o in Outcome}}
_CHANNELS: dict[str | None, Channel | None] = {None: None, "": None, **{c.value: c for c in Channel}}
_WORK_MODELS: dict[str | None, WorkModel | None] = {None: None, "": None, **{w.value: w for w in WorkModel}}
_SOURCES: dict[str, EventSource] = {s.value: s for s in EventSource}


def stage_of(value: str) -> Stage:
    return _STAGES[value]


def outcome_of(value: str | None) -> Outcome | None:
    return _OUTCOMES[value]


def application_from_values(values: Sequence[Any], events: tuple[StageEvent, ...] = ()) -> Application:
    """An application from its decoded values in APPLICATION_COLUMNS order."""
    (
        app_id, created_at, applied_on, company, role, seniority, job_url, source, source_detail, location,
        work_model, salary_min, salary_max, currency, jd_text, cv_version, tags, excitement, notes, contact_email,
        contact_phone, screening_answers, stage, outcome, interview_round, closed_at, closed_at_stage,
        furthest_stage, first_response_at, last_activity_at,
    ) = values  # fmt: skip
    fields = ApplicationFields(
        company=company,
        role=role,
        seniority=seniority,
        job_url=job_url,
        source=_CHANNELS[source],
        source_detail=source_detail,
        location=location,
        work_model=_WORK_MODELS[work_model],
        salary_min=salary_min,
        salary_max=salary_max,
        currency=currency,
        jd_text=jd_text,
        cv_version=cv_version,
        tags=tuple(tags or ()),
        excitement=excitement,
        notes=notes,
        contact_email=contact_email,
        contact_phone=contact_phone,
        screening_answers=screening_answers,
    )
    state = ApplicationState(
        stage=_STAGES[stage],
        outcome=_OUTCOMES[outcome],
        interview_round=interview_round,
        closed_at=closed_at,
        closed_at_stage=_STAGES[closed_at_stage] if closed_at_stage else None,
        furthest_stage=_STAGES[furthest_stage],
        first_response_at=first_response_at,
        last_activity_at=last_activity_at,
    )
    return Application(
        id=app_id, fields=fields, created_at=created_at, applied_on=applied_on, state=state, events=events
    )


_NAMED = re.compile(r"(?<![:\w]):(\w+)")

# Where each application column is in APPLICATION_COLUMNS, for decoding the moments, dates and JSON.
_AT = {name: n for n, name in enumerate(APPLICATION_COLUMNS)}
_MOMENT_AT = tuple(_AT[c] for c in ("created_at", "closed_at", "first_response_at", "last_activity_at"))


class Reader:
    """Read-only queries for one owner over a DB-API connection (`sqlite3` or psycopg)."""

    def __init__(self, connection: Any, dialect: str, owner_id: int) -> None:
        self.connection = connection
        self.dialect = dialect
        self.owner_id = owner_id
        self._sqlite = dialect == "sqlite"

    # -- plumbing ------------------------------------------------------------------------------------

    def rows(self, sql: str, **params: Any) -> list[tuple[Any, ...]]:
        """Rows of `sql`, written with `:name` parameters; `:owner` is always this reader's owner."""
        params["owner"] = self.owner_id
        for value in params.values():
            # SQLite refuses these itself; psycopg would send them as numeric and simply find nothing.
            if isinstance(value, int) and not -(2**63) <= value < 2**63:
                raise OverflowError("a number given is out of range")
        if not self._sqlite:
            sql = _NAMED.sub(r"%(\1)s", sql)
        cursor = self.connection.cursor()
        try:
            cursor.execute(sql, params)
            return [tuple(row) for row in cursor.fetchall()]
        finally:
            cursor.close()

    def moment(self, value: Any) -> datetime | None:
        """A stored moment as an aware UTC datetime: SQLite keeps UTC text, PostgreSQL a timestamptz."""
        if value is None:
            return None
        if isinstance(value, str):
            return datetime.fromisoformat(value).replace(tzinfo=UTC)
        moment: datetime = value
        return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)

    @staticmethod
    def day(value: Any) -> date | None:
        if value is None or isinstance(value, date):
            return value
        return date.fromisoformat(value)

    @staticmethod
    def json(value: Any) -> Any:
        """A JSON column: text on SQLite, already decoded by psycopg."""
        return json.loads(value) if isinstance(value, str) else value

    # -- applications --------------------------------------------------------------------------------

    def application(self, application_id: int, *, with_events: bool = True) -> Application:
        found = self.rows(
            f"SELECT {', '.join(APPLICATION_COLUMNS)} FROM applications WHERE id = :id AND owner_id = :owner",
            id=application_id,
        )
        if not found:
            raise NotFoundError(f"no application with id {application_id}")
        events = tuple(self.events(application_id)) if with_events else ()
        return application_from_values(self._decode_application(found[0]), events)

    def _decode_application(self, row: tuple[Any, ...]) -> list[Any]:
        values = list(row)
        for at in _MOMENT_AT:
            values[at] = self.moment(values[at])
        values[_AT["applied_on"]] = self.day(values[_AT["applied_on"]])
        values[_AT["tags"]] = self.json(values[_AT["tags"]])
        return values

    def events(self, application_id: int) -> list[StageEvent]:
        rows = self.rows(
            "SELECT from_state, to_state, occurred_at, source, round, note FROM stage_events"
            " WHERE application_id = :id AND owner_id = :owner ORDER BY occurred_at, id",
            id=application_id,
        )
        return [
            StageEvent(from_state, to_state, self.moment(at), _SOURCES[source], round=round_, note=note)  # type: ignore[arg-type]
            for from_state, to_state, at, source, round_, note in rows
        ]

    def funnel_groups(self) -> list[FunnelGroup]:
        """What stats need, counted per kind of application: a few dozen rows for years of history."""
        if self._sqlite:
            # Moments are stored as UTC text ('2024-10-03 14:15:00.000000'), dates as '2024-10-03'.
            days = "CAST(julianday(date(first_response_at)) - julianday(applied_on) AS INTEGER)"
        else:
            days = "CAST(timezone('UTC', first_response_at) AS DATE) - applied_on"
        rows = self.rows(
            "SELECT source, furthest_stage, outcome, closed_at_stage, responded, days, count(*) FROM ("
            " SELECT source, furthest_stage, outcome, closed_at_stage,"
            " CASE WHEN first_response_at IS NULL THEN 0 ELSE 1 END AS responded,"
            f" {days} AS days FROM applications WHERE owner_id = :owner"
            ") AS per_row GROUP BY source, furthest_stage, outcome, closed_at_stage, responded, days"
        )
        return [
            FunnelGroup(
                source=source,
                furthest_stage=_STAGES[furthest],
                outcome=_OUTCOMES[outcome],
                closed_at_stage=_STAGES[closed_at_stage] if closed_at_stage else None,
                responded=bool(answered),
                response_days=None if days_to_response is None else int(days_to_response),
                count=count,
            )
            for source, furthest, outcome, closed_at_stage, answered, days_to_response, count in rows
        ]

    def summaries(
        self,
        *,
        stage: str | None = None,
        outcome: str | None = None,
        open_only: bool = False,
        closed_only: bool = False,
        company: str | None = None,
        hide_rejected: bool = False,
    ) -> list[ApplicationSummary]:
        """The listing columns only: what `app list` shows, without long texts."""
        where = ["owner_id = :owner"]
        if hide_rejected:
            where.append("(outcome IS NULL OR outcome != 'rejected')")
        if stage is not None:
            where.append("stage = :stage")
        if outcome is not None:
            where.append("outcome = :outcome")
        if open_only:
            where.append("outcome IS NULL")
        if closed_only:
            where.append("outcome IS NOT NULL")
        if company:
            where.append(f"{'instr' if self._sqlite else 'strpos'}(lower(company), :company) > 0")
        rows = self.rows(
            f"SELECT {', '.join(SUMMARY_COLUMNS)} FROM applications WHERE {' AND '.join(where)} ORDER BY id",
            stage=stage,
            outcome=outcome,
            company=(company or "").lower(),
        )
        return [self._summary(row) for row in rows]

    def _summary(self, row: tuple[Any, ...]) -> ApplicationSummary:
        values = dict(zip(SUMMARY_COLUMNS, row, strict=True))
        for name in ("created_at", "closed_at", "last_activity_at"):
            values[name] = self.moment_text(values[name])
        applied_on = values["applied_on"]
        values["applied_on"] = (
            applied_on if applied_on is None or isinstance(applied_on, str) else applied_on.isoformat()
        )
        tags = values["tags"]
        values["tags"] = () if tags is None or tags == "[]" else self.json(tags)
        return summary_from_row(values)

    def moment_text(self, value: Any) -> str | None:
        """A stored moment as `isoformat()` writes it in UTC (`2024-10-03T14:15:00+00:00`).

        From SQLite's text (`2024-10-03 14:15:00.000000`) without building a datetime: listing thousands of
        rows spends its time here otherwise."""
        if not isinstance(value, str):
            moment = self.moment(value)
            return None if moment is None else moment.isoformat()
        base, dot, micro = value.partition(".")
        if dot and micro.strip("0"):
            base = f"{base}.{micro.ljust(6, '0')[:6]}"
        return base.replace(" ", "T", 1) + "+00:00"

    # -- other pillars -------------------------------------------------------------------------------

    def feedback_request_statuses(self) -> list[str]:
        return [status for (status,) in self.rows("SELECT status FROM feedback_requests WHERE owner_id = :owner")]

    # -- settings ------------------------------------------------------------------------------------

    def settings(self) -> dict[str, Any]:
        """The owner's settings by key; a value not stored as {"v": ...} reads as unset."""
        out: dict[str, Any] = {}
        for key, value in self.rows("SELECT key, value FROM user_settings WHERE owner_id = :owner"):
            decoded = self.json(value)
            out[key] = decoded.get("v") if isinstance(decoded, dict) else None
        return out
