"""The read path of the everyday commands: plain SQL over a DB-API connection, no SQLAlchemy.

Loading SQLAlchemy and the mapped tables costs more than any everyday read (about 0.3 s, 25 times a bare
Python start), so the reads that `nextround`, `today`, `stats` and `app show` need are written here once,
as SQL that both engines run, and `Database.reader()` hands them the connection: on an SQLite file a
`sqlite3` connection of its own, on PostgreSQL the connection of an ordinary read session. Values come
back as the mapped columns give them (aware UTC moments, dates, JSON), whichever engine stored them.

Every query is scoped to one owner, like the repositories'. The plumbing is storage.plain_sql, the other pillars'
reads storage.pillar_reads, the decoding of rows into domain values storage.stored_values; the applications' reads
are here.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Any

from nextround.domain.applications import SUMMARY_COLUMNS, Application, ApplicationSummary, summary_values
from nextround.domain.stages import Outcome, Stage, StageEvent
from nextround.errors import UserError
from nextround.storage.pillar_reads import PillarReads
from nextround.storage.stored_values import (
    _OUTCOMES,
    _SOURCES,
    _STAGES,
    APPLICATION_COLUMNS,
    CONTACT_COLUMNS,
    application_from_values,
    contact_from_values,
    known_moments,
    outcome_of,
    stage_of,
)

if TYPE_CHECKING:
    from nextround.domain.stats import FunnelGroup

# The names other modules have long imported from here (the row decoding now lives in storage.stored_values).
__all__ = [
    "APPLICATION_COLUMNS",
    "CONTACT_COLUMNS",
    "LONG_TEXTS",
    "_SOURCES",
    "NotFoundError",
    "Reader",
    "application_from_values",
    "contact_from_values",
    "known_moments",
    "outcome_of",
    "stage_of",
]


class NotFoundError(UserError, LookupError):
    """An id that does not exist for this owner (whether or not another owner has it)."""


# Where each application column is in APPLICATION_COLUMNS, for decoding the moments, dates and JSON.
_AT = {name: n for n, name in enumerate(APPLICATION_COLUMNS)}
# Free texts that can run to pages; the agenda's rules never read them.
LONG_TEXTS = frozenset({"jd_text", "notes", "screening_answers"})
_APPLIED_ON_AT, _TAGS_AT = _AT["applied_on"], _AT["tags"]
_MOMENT_AT = tuple(_AT[c] for c in ("created_at", "closed_at", "first_response_at", "last_activity_at"))
# The same for the listing's SUMMARY_COLUMNS.
_SUMMARY_MOMENT_AT = tuple(SUMMARY_COLUMNS.index(c) for c in ("created_at", "closed_at", "last_activity_at"))
_SUMMARY_APPLIED_ON_AT, _SUMMARY_TAGS_AT = SUMMARY_COLUMNS.index("applied_on"), SUMMARY_COLUMNS.index("tags")


class Reader(PillarReads):
    """Read-only queries for one owner over a DB-API connection (`sqlite3` or psycopg)."""

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
