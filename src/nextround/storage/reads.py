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
from collections.abc import Collection, Mapping, Sequence
from dataclasses import replace
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Any

from nextround.domain.applications import (
    FIELD_NAMES,
    SUMMARY_COLUMNS,
    Application,
    ApplicationFields,
    ApplicationSummary,
    Channel,
    WorkModel,
    summary_values,
)
from nextround.domain.dates import read_stored_moment
from nextround.domain.stages import ApplicationState, EventSource, Outcome, Stage, StageEvent
from nextround.errors import UserError

if TYPE_CHECKING:
    from nextround.domain.contacts import Contact
    from nextround.domain.nudges import Interview, Link
    from nextround.domain.stats import FunnelGroup


class NotFoundError(UserError, LookupError):
    """An id that does not exist for this owner (whether or not another owner has it)."""


# What `application_from_values` unpacks, in this order: listing thousands of applications is several
# times faster from plain tuples and dict lookups than from attribute access and Enum calls per value.
APPLICATION_COLUMNS: tuple[str, ...] = (
    "id", "created_at", "applied_on", *FIELD_NAMES, "stage", "outcome", "interview_round", "closed_at",
    "closed_at_stage", "furthest_stage", "first_response_at", "last_activity_at",
)  # fmt: skip


class _OrElse(dict[Any, Any]):
    """A lookup of stored names that answers `fallback` for a name this version does not know: a row an
    older version, another tool or a hand edit wrote ('onsite', 'hired', 'linkedin') reads as the nearest
    plain meaning instead of failing every page and command that lists it. The row itself is not changed."""

    def __init__(self, known: dict[Any, Any], fallback: Any) -> None:
        super().__init__(known)
        self.fallback = fallback

    def __missing__(self, key: Any) -> Any:
        return self.fallback


# An unknown stage reads as applied (open, no response yet), an unknown outcome as none (open), an unknown
# channel as other, an unknown work model as none, an unknown source of an event as an import.
_STAGES: dict[str, Stage] = _OrElse({s.value: s for s in Stage}, Stage.APPLIED)
_OUTCOMES: dict[str | None, Outcome | None] = _OrElse({None: None, "": None, **{o.value: o for o in Outcome}}, None)
_CHANNELS: dict[str | None, Channel | None] = _OrElse(
    {None: None, "": None, **{c.value: c for c in Channel}}, Channel.OTHER
)
_WORK_MODELS: dict[str | None, WorkModel | None] = _OrElse(
    {None: None, "": None, **{w.value: w for w in WorkModel}}, None
)
_SOURCES: dict[str, EventSource] = _OrElse({s.value: s for s in EventSource}, EventSource.IMPORT)


def stage_of(value: str) -> Stage:
    return _STAGES[value]


def outcome_of(value: str | None) -> Outcome | None:
    return _OUTCOMES[value]


def known_moments(events: list[StageEvent]) -> list[StageEvent]:
    """A history in which every event has a moment: one whose stored moment cannot be read (a hand edit, an
    older tool) takes the moment of the event before it, or after it, so the order and the replay hold."""
    moments: list[datetime | None] = [event.occurred_at for event in events]  # None where unreadable
    if None not in moments:
        return events
    known = [moment for moment in moments if moment is not None]
    last = known[0] if known else datetime(1970, 1, 1, tzinfo=UTC)
    filled = []
    for event, moment in zip(events, moments, strict=True):
        last = moment or last
        filled.append(event if moment is not None else replace(event, occurred_at=last))
    return filled


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


CONTACT_COLUMNS = (
    "name", "email", "phone", "company", "title", "linkedin_url", "cadence_days", "notes", "connected_on",
)  # fmt: skip


def contact_from_values(contact_id: int, kind: str, values: Sequence[Any], created_at: datetime) -> Contact:
    """A contact from its decoded values: the CONTACT_COLUMNS in order; an unknown kind reads as a peer."""
    # The other pillars' domain modules are imported where they are read: `app show` needs none of them.
    from nextround.domain.contacts import Contact, ContactFields, ContactKind

    known = kind in ContactKind._value2member_map_
    fields = ContactFields(
        kind=ContactKind(kind) if known else ContactKind.PEER, **dict(zip(CONTACT_COLUMNS, values, strict=True))
    )
    return Contact(id=contact_id, fields=fields, created_at=created_at)


_NAMED = re.compile(r"(?<![:\w]):(\w+)")
# A moment as SQLite keeps it (`2024-10-03 14:15:00.000000`); anything else is read the slow, careful way.
_STORED_MOMENT = re.compile(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(\.\d+)?$")

# Where each application column is in APPLICATION_COLUMNS, for decoding the moments, dates and JSON.
_AT = {name: n for n, name in enumerate(APPLICATION_COLUMNS)}
# Free texts that can run to pages; the agenda's rules never read them.
LONG_TEXTS = frozenset({"jd_text", "notes", "screening_answers"})
_APPLIED_ON_AT, _TAGS_AT = _AT["applied_on"], _AT["tags"]
_MOMENT_AT = tuple(_AT[c] for c in ("created_at", "closed_at", "first_response_at", "last_activity_at"))
# The same for the listing's SUMMARY_COLUMNS.
_SUMMARY_MOMENT_AT = tuple(SUMMARY_COLUMNS.index(c) for c in ("created_at", "closed_at", "last_activity_at"))
_SUMMARY_APPLIED_ON_AT, _SUMMARY_TAGS_AT = SUMMARY_COLUMNS.index("applied_on"), SUMMARY_COLUMNS.index("tags")


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
            if cursor.description is None:  # a write without RETURNING
                return []
            return [tuple(row) for row in cursor.fetchall()]
        finally:
            cursor.close()

    def moment(self, value: Any) -> datetime | None:
        """A stored moment as an aware UTC datetime: SQLite keeps UTC text, PostgreSQL a timestamptz."""
        if value is None:
            return None
        if isinstance(value, str):
            try:
                return datetime.fromisoformat(value + "+00:00")
            except ValueError:  # another form, left by a hand edit or an older tool (storage/tables.py)
                found = read_stored_moment(value)
                return None if found is None else found.replace(tzinfo=UTC)
        if not isinstance(value, datetime):  # a number, where SQLite's column affinity turned text into one
            found = read_stored_moment(value)
            return None if found is None else found.replace(tzinfo=UTC)
        moment: datetime = value
        return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)

    def bind_moment(self, moment: datetime) -> Any:
        """An aware moment as a parameter compared with stored moments (SQLite compares UTC text)."""
        utc = moment.astimezone(UTC)
        return utc.strftime("%Y-%m-%d %H:%M:%S.%f") if self._sqlite else utc

    def bind_day(self, day: date) -> Any:
        return day.isoformat() if self._sqlite else day

    @staticmethod
    def day(value: Any) -> date | None:
        if value is None or isinstance(value, date):
            return value
        try:
            return date.fromisoformat(value)
        except (TypeError, ValueError):  # another form, left by a hand edit or an older tool
            found = read_stored_moment(value)
            return None if found is None else found.date()

    def json(self, value: Any) -> Any:
        """A JSON column: text on SQLite, already decoded by psycopg (where a JSON string comes as a str: not
        to be decoded again). Text that is not JSON, as a hand edit may leave on SQLite, reads as None."""
        if not (self._sqlite and isinstance(value, str)):
            return value
        try:
            return json.loads(value)
        except ValueError:
            return None

    def tags(self, value: Any) -> tuple[str, ...]:
        """The tags column: a list of words; one word stored alone counts as one tag, anything else as none."""
        if value is None or value == "[]":
            return ()
        found = self.json(value)
        if isinstance(found, str):
            return (found,)
        return tuple(str(tag) for tag in found) if isinstance(found, list) else ()

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
        # The agenda decodes thousands of these: locals and no call for the common empty values.
        values = list(row)
        moment = self.moment
        for at in _MOMENT_AT:
            if values[at] is not None:
                values[at] = moment(values[at])
        applied_on = values[_APPLIED_ON_AT]
        if isinstance(applied_on, str):
            values[_APPLIED_ON_AT] = self.day(applied_on)
        tags = values[_TAGS_AT]
        values[_TAGS_AT] = self.tags(tags)
        return values

    def events(self, application_id: int) -> list[StageEvent]:
        rows = self.rows(
            "SELECT from_state, to_state, occurred_at, source, round, note FROM stage_events"
            " WHERE application_id = :id AND owner_id = :owner ORDER BY occurred_at, id",
            id=application_id,
        )
        return known_moments([
            StageEvent(from_state, to_state, self.moment(at), _SOURCES[source], round=round_, note=note)  # type: ignore[arg-type]
            for from_state, to_state, at, source, round_, note in rows
        ])  # fmt: skip

    def applications(
        self,
        *,
        open_or_closed_since: datetime | None = None,
        long_texts: bool = True,
        ids: Sequence[int] | None = None,
    ) -> list[Application]:
        """Applications without their history, by id: all, those open or closed since a moment, or these ids.

        Without `long_texts` the job description, notes and screening answers read as empty: pasted job
        descriptions would otherwise be most of what the agenda reads for thousands of applications.
        """
        where = "owner_id = :owner"
        params: dict[str, Any] = {}
        if open_or_closed_since is not None:
            where += " AND (outcome IS NULL OR closed_at >= :since)"
            params["since"] = self.bind_moment(open_or_closed_since)
        if ids is not None:
            if not ids:
                return []
            where += f" AND id IN ({', '.join(f':id{n}' for n in range(len(ids)))})"
            params.update({f"id{n}": app_id for n, app_id in enumerate(ids)})
        return self._applications(where, long_texts, **params)

    def followed_up_applications(
        self, since: datetime, *, rejections_reaching: Collection[Stage], excitement: int
    ) -> list[Application]:
        """What the nudge rules can follow up, among those open or closed since `since` (without long texts, by
        id): each application with an interview, and each rejection that reached one of `rejections_reaching`,
        was rated `excitement` or more, or has a contact linked. Most of a long history is none of these."""
        stages = [stage.value for stage in sorted(rejections_reaching)]
        # Found from the few that qualify (interviews by their application, rejections closed since `since` by
        # ix_applications_owner_closed), then read by id: an OR over the whole table would scan it.
        where = (
            "owner_id = :owner AND (outcome IS NULL OR closed_at >= :since) AND id IN ("
            " SELECT application_id FROM interviews WHERE owner_id = :owner"
            " UNION SELECT id FROM applications WHERE owner_id = :owner AND outcome = :rejected"
            " AND closed_at >= :since AND ("
            f"furthest_stage IN ({', '.join(f':stage{n}' for n in range(len(stages)))}) OR excitement >= :excitement"
            " OR id IN (SELECT application_id FROM application_contacts WHERE owner_id = :owner)))"
        )
        return self._applications(
            where,
            False,
            since=self.bind_moment(since),
            rejected=Outcome.REJECTED.value,
            excitement=excitement,
            **{f"stage{n}": stage for n, stage in enumerate(stages)},
        )

    def _applications(self, where: str, long_texts: bool, **params: Any) -> list[Application]:
        columns = (
            APPLICATION_COLUMNS if long_texts else [f"'' AS {c}" if c in LONG_TEXTS else c for c in APPLICATION_COLUMNS]
        )
        rows = self.rows(f"SELECT {', '.join(columns)} FROM applications WHERE {where} ORDER BY id", **params)
        return [application_from_values(self._decode_application(row)) for row in rows]

    def newest_created_by_company(
        self, open_or_closed_since: datetime, *, companies: Collection[str], created_after: datetime
    ) -> dict[str, datetime]:
        """Lower-cased company -> when its newest application was added, among those open or closed since
        `open_or_closed_since`: for these lower-cased `companies`, when added after `created_after`."""
        if not companies:
            return {}
        rows = self.rows(
            "SELECT company, created_at FROM applications"
            " WHERE owner_id = :owner AND (outcome IS NULL OR closed_at >= :since) AND created_at > :after"
            # Always true: it names the condition of the partial ix_applications_owner_created, which SQLite
            # then reads for the few added after `created_after` instead of the whole table.
            " AND created_at IS NOT NULL",
            since=self.bind_moment(open_or_closed_since),
            after=self.bind_moment(created_after),
        )
        # Compared as stored (one engine writes them one way), decoded once per company.
        newest: dict[str, Any] = {}
        for company, created_at in rows:
            key = company.strip().lower()
            if key in companies and (key not in newest or newest[key] < created_at):
                newest[key] = created_at
        moment = self.moment
        return {key: moment(value) for key, value in newest.items()}  # type: ignore[misc]

    def open_activity(
        self, *, quiet_since: Mapping[Stage, datetime] | None = None
    ) -> list[tuple[int, Stage, datetime | None]]:
        """Each open application's id, stage and last activity (accepted ones aside), by id: the overview's
        counts without reading listing rows. With `quiet_since`, only those at these stages whose last
        activity is no later than their stage's moment."""
        where = "owner_id = :owner AND outcome IS NULL AND stage != :accepted"
        params: dict[str, Any] = {"accepted": Stage.ACCEPTED.value}
        if quiet_since is not None:
            if not quiet_since:
                return []
            each = (f"(stage = :stage{n} AND last_activity_at <= :quiet{n})" for n in range(len(quiet_since)))
            where += f" AND ({' OR '.join(each)})"
            for n, (stage, since) in enumerate(quiet_since.items()):
                params[f"stage{n}"] = stage.value
                params[f"quiet{n}"] = self.bind_moment(since)
        rows = self.rows(f"SELECT id, stage, last_activity_at FROM applications WHERE {where} ORDER BY id", **params)
        moment = self.moment
        return [(app_id, _STAGES[stage], moment(last)) for app_id, stage, last in rows]

    def open_stage_counts(self) -> dict[Stage, int]:
        """How many open applications (accepted ones aside) are at each stage, stages in order of their
        first application's id."""
        rows = self.rows(
            "SELECT stage, count(*), min(id) AS first FROM applications"
            " WHERE owner_id = :owner AND outcome IS NULL AND stage != :accepted GROUP BY stage ORDER BY first",
            accepted=Stage.ACCEPTED.value,
        )
        return {_STAGES[stage]: count for stage, count, _first in rows}

    def names(self, *, ids: Collection[int] | None = None, newest: int | None = None) -> list[tuple[int, str, str]]:
        """Applications' id, company and role, by id: what a picker shows. Only those in `ids`, or with `newest`
        only the newest few, newest first (a picker of 40,000 options helps nobody)."""
        sql = "SELECT id, company, role FROM applications WHERE owner_id = :owner"
        params: dict[str, Any] = {}
        if ids is not None:
            wanted = sorted(set(ids))
            if not wanted:
                return []
            params = {f"id{n}": value for n, value in enumerate(wanted)}
            sql += f" AND id IN ({', '.join(':' + name for name in params)})"
        if newest is not None:
            return self.rows(f"{sql} ORDER BY id DESC LIMIT :newest", newest=max(newest, 0), **params)
        return self.rows(f"{sql} ORDER BY id", **params)

    def latest_closed(self, outcome: Outcome, limit: int) -> list[ApplicationSummary]:
        """The most recently closed applications with this outcome, as listing rows."""
        rows = self.rows(
            f"SELECT {', '.join(SUMMARY_COLUMNS)} FROM applications WHERE owner_id = :owner AND outcome = :outcome"
            " ORDER BY closed_at DESC, id DESC LIMIT :limit",
            outcome=outcome.value,
            limit=limit,
        )
        return [ApplicationSummary(*self._summary_values(row)) for row in rows]

    def funnel_groups(self) -> list[FunnelGroup]:
        """What stats need, counted per kind of application: a few dozen rows for years of history."""
        from nextround.domain.stats import FunnelGroup

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
        rows = self.summary_rows(
            stage=stage,
            outcome=outcome,
            open_only=open_only,
            closed_only=closed_only,
            company=company,
            hide_rejected=hide_rejected,
        )
        return [ApplicationSummary(*values) for values in rows]

    def summary_rows(
        self,
        *,
        stage: str | None = None,
        outcome: str | None = None,
        open_only: bool = False,
        closed_only: bool = False,
        company: str | None = None,
        hide_rejected: bool = False,
        newest: int | None = None,
    ) -> list[tuple[Any, ...]]:
        """The listing rows' values in SUMMARY_FIELDS order, each what `ApplicationSummary(*values)` takes.

        Oldest first; with `newest`, only the last `newest` of them (by id), still oldest first: a screen of
        50 out of 40,000 reads 50 rows."""
        where, params = self._summary_where(stage, outcome, open_only, closed_only, company, hide_rejected)
        sql = f"SELECT {', '.join(SUMMARY_COLUMNS)} FROM applications WHERE {where}"
        if newest is None:
            rows = self.rows(f"{sql} ORDER BY id", **params)
        else:
            rows = self.rows(f"{sql} ORDER BY id DESC LIMIT :newest", newest=max(newest, 0), **params)
            rows.reverse()
        return [self._summary_values(row) for row in rows]

    def summary_count(
        self,
        *,
        stage: str | None = None,
        outcome: str | None = None,
        open_only: bool = False,
        closed_only: bool = False,
        company: str | None = None,
        hide_rejected: bool = False,
    ) -> int:
        """How many listing rows summary_rows would give without `newest`."""
        where, params = self._summary_where(stage, outcome, open_only, closed_only, company, hide_rejected)
        ((count,),) = self.rows(f"SELECT count(*) FROM applications WHERE {where}", **params)
        return int(count)

    def _summary_where(
        self,
        stage: str | None,
        outcome: str | None,
        open_only: bool,
        closed_only: bool,
        company: str | None,
        hide_rejected: bool,
    ) -> tuple[str, dict[str, Any]]:
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
        return " AND ".join(where), {"stage": stage, "outcome": outcome, "company": (company or "").lower()}

    def _summary_values(self, row: tuple[Any, ...]) -> tuple[Any, ...]:
        values = list(row)
        moment_text = self.moment_text
        for at in _SUMMARY_MOMENT_AT:
            if values[at] is not None:  # open applications have no closing moment
                values[at] = moment_text(values[at])
        applied_on = values[_SUMMARY_APPLIED_ON_AT]
        if applied_on is not None and not isinstance(applied_on, str):
            values[_SUMMARY_APPLIED_ON_AT] = applied_on.isoformat()
        tags = values[_SUMMARY_TAGS_AT]
        values[_SUMMARY_TAGS_AT] = self.tags(tags)
        return summary_values(values)

    def moment_text(self, value: Any) -> str | None:
        """A stored moment as `isoformat()` writes it in UTC (`2024-10-03T14:15:00+00:00`).

        From SQLite's text (`2024-10-03 14:15:00.000000`) without building a datetime: listing thousands of
        rows spends its time here otherwise."""
        if not isinstance(value, str) or not _STORED_MOMENT.match(value):
            moment = self.moment(value)
            return None if moment is None else moment.isoformat()
        base, dot, micro = value.partition(".")
        if dot and micro.strip("0"):
            base = f"{base}.{micro.ljust(6, '0')[:6]}"
        return base.replace(" ", "T", 1) + "+00:00"

    # -- other pillars -------------------------------------------------------------------------------

    def feedback_request_statuses(self) -> list[str]:
        return [status for (status,) in self.rows("SELECT status FROM feedback_requests WHERE owner_id = :owner")]

    def chases(self) -> list[dict[str, Any]]:
        """Sent feedback requests with no reply and no chase yet, with their application."""
        rows = self.rows(
            "SELECT r.id, r.sent_at, a.company, a.role FROM feedback_requests r"
            " JOIN applications a ON a.id = r.application_id"
            " WHERE r.owner_id = :owner AND a.owner_id = :owner AND r.status = 'sent'"
            " AND r.sent_at IS NOT NULL AND r.chased_at IS NULL ORDER BY r.sent_at, r.id"
        )
        return [{"id": i, "sent_at": self.moment(s), "company": c, "role": r} for i, s, c, r in rows]

    def interviews(self) -> list[Interview]:
        from nextround.domain.nudges import Interview

        rows = self.rows(
            "SELECT id, application_id, scheduled_at, duration_minutes, kind, round, location, interviewers, notes"
            " FROM interviews WHERE owner_id = :owner ORDER BY scheduled_at, id"
        )
        return [
            Interview(
                id=i,
                application_id=app_id,
                scheduled_at=self.moment(at),  # type: ignore[arg-type]
                duration_minutes=minutes,
                kind=kind,
                round=round_,
                location=location,
                interviewers=tuple(str(p) for p in (self.json(people) or ())),
                notes=notes,
            )
            for i, app_id, at, minutes, kind, round_, location, people, notes in rows
        ]

    def latest_interview_times(self) -> dict[int, datetime]:
        """The latest interview (past or planned) of each application that has one."""
        rows = self.rows(
            "SELECT application_id, max(scheduled_at) FROM interviews WHERE owner_id = :owner GROUP BY application_id"
        )
        return {int(app_id): self.moment(when) for app_id, when in rows}  # type: ignore[misc]

    def open_goals_due_by(self, last_day: date) -> list[dict[str, Any]]:
        rows = self.rows(
            "SELECT id, title, due_on FROM goals WHERE owner_id = :owner AND status = 'open'"
            " AND due_on IS NOT NULL AND due_on <= :last ORDER BY due_on, id",
            last=self.bind_day(last_day),
        )
        return [{"id": i, "title": t, "due_on": self.day(d)} for i, t, d in rows]

    def practice_scores(self) -> list[tuple[str, int, datetime]]:
        """(question key, score, answered at) for every answer, oldest first: what spaced repetition needs."""
        rows = self.rows(
            "SELECT question_key, score, answered_at FROM practice_answers WHERE owner_id = :owner"
            " ORDER BY answered_at, id"
        )
        return [(key, score, self.moment(at)) for key, score, at in rows]  # type: ignore[misc]

    def new_postings(self, since: datetime) -> list[dict[str, Any]]:
        rows = self.rows(
            "SELECT p.id, p.title, p.url, p.first_seen_at, w.company FROM seen_postings p"
            " JOIN watches w ON w.id = p.watch_id"
            " WHERE p.owner_id = :owner AND w.owner_id = :owner AND p.dismissed = :no"
            " AND p.matches_keywords = :yes AND p.first_seen_at >= :since"
            # An opening already turned into an application (its "Apply" keeps the address) is done.
            " AND p.url NOT IN (SELECT job_url FROM applications WHERE owner_id = :owner AND job_url != '')"
            " ORDER BY p.first_seen_at, p.id",
            no=False,
            yes=True,
            since=self.bind_moment(since),
        )
        return [
            {"id": i, "title": t, "url": u, "first_seen_at": self.moment(f), "company": c} for i, t, u, f, c in rows
        ]

    def reapply_dates(self) -> dict[str, tuple[str, date]]:
        """lower-cased company -> (company as written, the latest re-apply date set for it)."""
        rows = self.rows(
            "SELECT company, reapply_after FROM watches WHERE owner_id = :owner AND reapply_after IS NOT NULL"
        )
        found: dict[str, tuple[str, date]] = {}
        for company, stored in rows:
            day = self.day(stored)
            if day is None:
                continue
            key = company.strip().lower()
            if key not in found or found[key][1] < day:
                found[key] = (company, day)
        return found

    def looked_back_application_ids(self) -> set[int]:
        """Applications the user has already reflected on or written a reframe for."""
        rows = self.rows(
            "SELECT application_id FROM reflections WHERE owner_id = :owner UNION"
            " SELECT application_id FROM journal_entries WHERE owner_id = :owner AND kind = 'reframe'"
            " AND application_id IS NOT NULL"
        )
        return {app_id for (app_id,) in rows}

    # -- the network ---------------------------------------------------------------------------------

    def contacts(self) -> list[Contact]:
        """Every contact, by id."""
        rows = self.rows(
            f"SELECT id, kind, {', '.join(CONTACT_COLUMNS)}, created_at FROM contacts"
            " WHERE owner_id = :owner ORDER BY id"
        )
        connected = CONTACT_COLUMNS.index("connected_on")
        found = []
        for contact_id, kind, *values, created_at in rows:
            values[connected] = self.day(values[connected])
            found.append(contact_from_values(contact_id, kind, values, self.moment(created_at)))  # type: ignore[arg-type]
        return found

    def links(self) -> list[Link]:
        from nextround.domain.nudges import Link

        rows = self.rows(
            "SELECT application_id, contact_id, role FROM application_contacts WHERE owner_id = :owner ORDER BY id"
        )
        return [Link(application_id=a, contact_id=c, role=r) for a, c, r in rows]

    def interaction_moments(self) -> dict[int, list[datetime]]:
        """contact id -> when each interaction with them happened."""
        grouped: dict[int, list[datetime]] = {}
        for contact_id, occurred_at in self.rows(
            "SELECT contact_id, occurred_at FROM interactions WHERE owner_id = :owner"
        ):
            grouped.setdefault(contact_id, []).append(self.moment(occurred_at))  # type: ignore[arg-type]
        return grouped

    # -- settings ------------------------------------------------------------------------------------

    def settings(self) -> dict[str, Any]:
        """The owner's settings by key; a value not stored as {"v": ...} reads as unset."""
        out: dict[str, Any] = {}
        for key, value in self.rows("SELECT key, value FROM user_settings WHERE owner_id = :owner"):
            decoded = self.json(value)
            out[key] = decoded.get("v") if isinstance(decoded, dict) else None
        return out
