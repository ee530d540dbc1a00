"""Open applications quiet past their stage's limit, counted and ordered in SQL (storage.reads' path).

After a big import thousands of open applications can be quiet, and Today shows only how many there are and the
longest-silent few: these queries count them and read only those few, so the page does not read and judge every
one of them. `domain.ghosting.silent_ones` is the rule they follow: an interview still to come means the
application is not silent, and a past one later than its last activity restarts the count from its date. The
caller turns each rule's day into the moment it starts (`quiet_before`), so the comparisons are on moments.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from nextround.domain.stages import Stage
from nextround.storage.reads import Reader

# Last contact: the last activity, or a later interview. One still to come makes it later than now, so never
# before a rule's moment (a day or more ago): such an application is not silent, as `silence_at` says.
_CONTACT = "CASE WHEN i.latest > a.last_activity_at THEN i.latest ELSE a.last_activity_at END"
_JOINED = (
    "applications a LEFT JOIN (SELECT application_id, max(scheduled_at) AS latest FROM interviews"
    " WHERE owner_id = :owner GROUP BY application_id) i ON i.application_id = a.id"
)


class SilenceReader(Reader):
    """The silent open applications of one owner."""

    def _per_stage(self, name: str, moments: Mapping[Stage, datetime], compare: str, params: dict[str, Any]) -> str:
        """`(stage = s AND contact <compare> moment of s) OR …`, its parameters added to `params`."""
        each = []
        for n, (stage, moment) in enumerate(moments.items()):
            params[f"{name}_stage{n}"] = stage.value
            params[f"{name}_at{n}"] = self.bind_moment(moment)
            each.append(f"(a.stage = :{name}_stage{n} AND {_CONTACT} {compare} :{name}_at{n})")
        return f"({' OR '.join(each)})"

    def _quiet(self, now: datetime, quiet_before: Mapping[Stage, datetime], params: dict[str, Any]) -> str:
        """The WHERE of open applications whose last contact is before their stage's moment."""
        assert all(moment < now for moment in quiet_before.values())  # what makes an interview to come count
        params["accepted"] = Stage.ACCEPTED.value
        return (
            "a.owner_id = :owner AND a.outcome IS NULL AND a.stage != :accepted"
            f" AND {self._per_stage('quiet', quiet_before, '<', params)}"
        )

    def quiet_counts(
        self,
        now: datetime,
        quiet_before: Mapping[Stage, datetime],
        follow_up_from: Mapping[Stage, datetime],
        before: datetime | None = None,
    ) -> tuple[int, int, int]:
        """How many are quiet; how many of those were last in contact at or after their stage's
        `follow_up_from` (still worth a follow-up); and how many were last in contact before `before`."""
        if not quiet_before:
            return 0, 0, 0
        params: dict[str, Any] = {}
        where = self._quiet(now, quiet_before, params)
        # The stage's moment picked by one CASE: cheaper per row than an OR over the stages.
        moments = []
        for n, (stage, moment) in enumerate(follow_up_from.items()):
            params[f"follow_stage{n}"], params[f"follow_at{n}"] = stage.value, self.bind_moment(moment)
            moments.append(f"WHEN :follow_stage{n} THEN :follow_at{n}")
        recent = f"{_CONTACT} >= CASE a.stage {' '.join(moments)} END"
        earlier = "0"
        if before is not None:
            earlier = f"CASE WHEN {_CONTACT} < :before THEN 1 ELSE 0 END"
            params["before"] = self.bind_moment(before)
        sql = f"SELECT count(*), sum(CASE WHEN {recent} THEN 1 ELSE 0 END), sum({earlier}) FROM {_JOINED} WHERE {where}"
        count, still_followable, earlier_ones = self.rows(sql, **params)[0]
        return int(count), int(still_followable or 0), int(earlier_ones or 0)

    def quietest(
        self, now: datetime, quiet_before: Mapping[Stage, datetime], limit: int
    ) -> list[tuple[int, Stage, datetime]]:
        """The `limit` quiet ones with the earliest last contact (then by id)."""
        if not quiet_before or limit < 1:
            return []
        params: dict[str, Any] = {"limit": limit}
        where = self._quiet(now, quiet_before, params)
        sql = (
            f"SELECT a.id, a.stage, {_CONTACT} AS contact FROM {_JOINED} WHERE {where}"
            " ORDER BY contact, a.id LIMIT :limit"
        )
        return self._decoded(self.rows(sql, **params))

    def longest_quiet(
        self, now: datetime, quiet_before: Mapping[Stage, datetime], day: tuple[datetime, datetime], limit: int
    ) -> list[tuple[int, Stage, datetime]]:
        """The quiet ones last in contact before `day` began, then those last in contact during it by id; at
        most `limit` in all."""
        params: dict[str, Any] = {"start": self.bind_moment(day[0]), "end": self.bind_moment(day[1]), "limit": limit}
        where = self._quiet(now, quiet_before, params)
        # Ordered by an expression, not by id alone: SQLite would otherwise read the table in id order
        # instead of the small index of open applications.
        sql = (
            f"SELECT a.id, a.stage, {_CONTACT} FROM {_JOINED} WHERE {where} AND {_CONTACT} < :end"
            f" ORDER BY CASE WHEN {_CONTACT} < :start THEN 0 ELSE 1 END, a.id LIMIT :limit"
        )
        return self._decoded(self.rows(sql, **params))

    def _decoded(self, rows: list[tuple[Any, ...]]) -> list[tuple[int, Stage, datetime]]:
        found = []
        for app_id, stage, contact in rows:
            moment = self.moment(contact)
            assert moment is not None  # a NULL last activity is never before a moment
            found.append((int(app_id), Stage(stage), moment))
        return found
