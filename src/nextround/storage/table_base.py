"""The declarative base every table maps onto, and the column types at the storage boundary: aware UTC moments,
lenient SQLite readers, single-line text without control characters, integers both engines hold.

Tables are declared in storage.tables (and the modules it gathers); import them from there.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Date,
    DateTime,
    Integer,
    String,
    Text,
)
from sqlalchemy.dialects import sqlite
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, declared_attr
from sqlalchemy.types import TypeDecorator

from nextround.domain.dates import read_stored_moment, stored_moment
from nextround.errors import UserError


def _lenient(strict: Any, kind: type) -> Any:
    """SQLite's own reader of a date column, falling back to read_stored_moment where it refuses a value."""

    def read(value: Any) -> Any:
        if value is None:
            return None
        try:
            return strict(value) if strict else value
        except (ValueError, TypeError):
            moment = read_stored_moment(value)
            return moment if moment is None or kind is datetime else moment.date()

    return read


class _SQLiteDateTime(sqlite.DATETIME):
    def result_processor(self, dialect: Dialect, coltype: object) -> Any:
        return _lenient(super().result_processor(dialect, coltype), datetime)


class _SQLiteDate(sqlite.DATE):
    def result_processor(self, dialect: Dialect, coltype: object) -> Any:
        return _lenient(super().result_processor(dialect, coltype), date)


class _SQLiteJSON(sqlite.JSON):
    def result_processor(self, dialect: Dialect, coltype: object) -> Any:
        strict = super().result_processor(dialect, coltype)

        def read(value: Any) -> Any:
            try:
                return strict(value) if strict else value
            except ValueError:  # text that is not JSON: a hand edit, another tool
                return None

        return read


# What an SQLite engine reads date and JSON columns with (storage.db sets them as the dialect's own):
# SQLAlchemy's readers, but a value they refuse (unreadable JSON reads as None) no longer fails the whole
# query, and with it every page that lists the row and the export that could rescue it.
LENIENT_SQLITE_TYPES: dict[type, type] = {Date: _SQLiteDate, DateTime: _SQLiteDateTime, JSON: _SQLiteJSON}


class UTCDateTime(TypeDecorator[datetime]):
    """Aware datetimes in, aware UTC datetimes out, on SQLite (no zones) and PostgreSQL alike. On SQLite, a
    moment written in another form (`2024-10-03T10:00:00Z`, `03.10.2024`) is read; unreadable text is None."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        value = stored_moment(value)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


# C0 and C1 control characters but tab and newline: an escape sequence in a company name retitles or
# clears the terminal that prints it; NUL is refused by PostgreSQL and kept by SQLite.
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def strip_controls(value: str) -> str:
    return _CONTROLS.sub("", value)


class SingleLine(TypeDecorator[str]):
    """A short text column (names, titles, keys): control characters are dropped on the way in."""

    impl = String
    cache_ok = True

    def process_bind_param(self, value: str | None, dialect: Dialect) -> str | None:
        return strip_controls(value) if isinstance(value, str) else value


class Prose(TypeDecorator[str]):
    """Free text (notes, job descriptions): stored as given, but for NUL, which only one engine accepts."""

    impl = Text
    cache_ok = True

    def process_bind_param(self, value: str | None, dialect: Dialect) -> str | None:
        return value.replace("\x00", "") if isinstance(value, str) else value


INTEGER_LIMIT = 2**31 - 1  # PostgreSQL's INTEGER; SQLite would take more, and then the two would disagree


class NumberOutOfRange(UserError, ValueError):
    """A whole number too large for its column on one of the engines."""


class PortableInteger(TypeDecorator[int]):
    """An INTEGER that refuses, on SQLite too, what PostgreSQL's INTEGER cannot hold."""

    impl = Integer
    cache_ok = True

    def process_bind_param(self, value: int | None, dialect: Dialect) -> int | None:
        if isinstance(value, int) and not -INTEGER_LIMIT - 1 <= value <= INTEGER_LIMIT:
            raise NumberOutOfRange(f"{value} is out of range (at most {INTEGER_LIMIT})")
        return value


class Base(DeclarativeBase):
    type_annotation_map = {datetime: UTCDateTime(), dict[str, Any]: JSON(), list[str]: JSON()}  # noqa: RUF012

    @declared_attr.directive
    def __mapper_args__(cls) -> dict[str, Any]:
        """The ORM knows an owned row by (owner_id, id), so every UPDATE and DELETE it writes names the owner.

        On PostgreSQL that is the primary key (migration 0011) and, on Citus, the shard; the tables here keep
        `id` alone as their key, as SQLite has it, and `id` stays the number each engine hands out.
        """
        table = cls.__table__
        return {"primary_key": [table.c.owner_id, table.c.id]} if "owner_id" in table.c else {}
