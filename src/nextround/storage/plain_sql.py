"""A reader's plumbing: plain SQL with `:name` parameters over a DB-API connection (`sqlite3` or psycopg), for
one owner, and the decoding of stored moments, days and JSON as the mapped columns give them, whichever engine
stored them. storage.reads and storage.drafts build their queries on it."""

from __future__ import annotations

import json
import re
from datetime import UTC, date, datetime
from typing import Any

from nextround.domain.dates import read_stored_moment

_NAMED = re.compile(r"(?<![:\w]):(\w+)")
# A moment as SQLite keeps it (`2024-10-03 14:15:00.000000`); anything else is read the slow, careful way.
_STORED_MOMENT = re.compile(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(\.\d+)?$")


class PlainSql:
    """Plain SQL for one owner over a DB-API connection (`sqlite3` or psycopg)."""

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
