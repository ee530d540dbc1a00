"""One serialiser for `--json` and the JSON API: typed results become the JSON they always were."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from enum import StrEnum
from pathlib import Path
from typing import ClassVar

import pytest

from nextround.config import SmtpConfig
from nextround.serialize import FLATTEN, OMIT_NONE, JsonProperties, dumps, json_object, to_json
from nextround.services.mail_check import smtp_status


class Colour(StrEnum):
    RED = "red"


@dataclass(frozen=True, slots=True)
class Inner:
    day: date
    colour: Colour


@dataclass(frozen=True, slots=True)
class Outer:
    json_properties: ClassVar[JsonProperties] = ("size", ("first_day", "first"))

    name: str
    at: datetime
    where: Path
    inner: tuple[Inner, ...]
    by_colour: dict[Colour, int]
    secret: str = field(default="", metadata={"json": False})
    from_addr: str = field(default="", metadata={"json_name": "from"})

    @property
    def size(self) -> int:
        return len(self.inner)

    @property
    def first_day(self) -> date:
        return self.inner[0].day


def test_dataclasses_enums_dates_paths_and_nesting() -> None:
    value = Outer(
        name="Ana",
        at=datetime(2024, 11, 6, 10, 0, tzinfo=UTC),
        where=Path("/tmp/x.eml"),
        inner=(Inner(date(2024, 11, 1), Colour.RED),),
        by_colour={Colour.RED: 2},
        secret="s3cret",
        from_addr="ana@example.org",
    )
    assert to_json(value) == {
        "name": "Ana",
        "at": "2024-11-06T10:00:00+00:00",
        "where": "/tmp/x.eml",
        "inner": [{"day": "2024-11-01", "colour": "red"}],
        "by_colour": {"red": 2},
        "from": "ana@example.org",
        "size": 1,
        "first": "2024-11-01",
    }
    assert "s3cret" not in dumps(value)
    assert json_object(value)["name"] == "Ana"
    with pytest.raises(TypeError):
        to_json(object())
    with pytest.raises(TypeError):
        json_object([1])


def test_smtp_status_keeps_its_json_keys() -> None:
    status = smtp_status(SmtpConfig(host="smtp.example.org", from_addr="me@example.org", starttls="off"))
    data = json_object(status)
    assert (data["from"], data["security"], data["password"], data["configured"]) == (
        "me@example.org", "none", "not set", True,
    )  # fmt: skip
    assert "from_addr" not in data and data["variables"][0] == "NEXTROUND_SMTP_HOST"


@dataclass(frozen=True, slots=True)
class Named:
    first: str
    last: str

    def to_dict(self) -> dict[str, str]:
        return {"name": f"{self.first} {self.last}"}


@dataclass(frozen=True, slots=True)
class Listed:
    who: Named = field(metadata=FLATTEN)
    rank: int


def test_a_dataclass_with_its_own_to_dict_and_a_flattened_field() -> None:
    assert to_json(Named("Ada", "Lovelace")) == {"name": "Ada Lovelace"}
    assert to_json(Listed(Named("Ada", "Lovelace"), 1)) == {"name": "Ada Lovelace", "rank": 1}


@dataclass(frozen=True)
class _Export:
    tables: dict[str, int]
    extra: dict[str, int] | None = field(default=None, metadata=OMIT_NONE)


def test_a_field_marked_omit_none_is_left_out_only_while_none() -> None:
    assert to_json(_Export({"a": 1})) == {"tables": {"a": 1}}
    assert to_json(_Export({"a": 1}, {"b": 2})) == {"tables": {"a": 1}, "extra": {"b": 2}}
