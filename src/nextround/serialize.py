"""Typed results as JSON data: the one place the CLI's `--json` and the web's JSON API serialise them.

Services return frozen dataclasses and domain objects; this turns them into plain JSON values with one set of
rules, so a result prints the same in a terminal and over HTTP:

- an object with a `to_dict()` (domain and analysis objects that define their own JSON) uses it, a dataclass
  too;
- any other dataclass becomes an object of its fields, in order (a field with `metadata={"json": False}` is left
  out, one with `metadata={"json_name": "from"}` is written under that key), plus the properties it names
  in a `json_properties` class attribute (a name, or an (attribute, key) pair to write it under another key);
  a field with `metadata=FLATTEN` has its own object's keys written in its place (a contact's fields beside
  what a listing adds to them), one with `metadata=OMIT_NONE` is left out while it is None;
- enums give their value, dates and moments ISO 8601, paths their text, tuples and sets lists.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable, Mapping
from datetime import date, datetime, time
from enum import Enum
from functools import cache
from operator import attrgetter
from pathlib import PurePath
from typing import Any, TypeAlias

JsonValue: TypeAlias = bool | int | float | str | list["JsonValue"] | dict[str, "JsonValue"] | None

# A dataclass's `json_properties`: property names, or (property, key) pairs to write one under another key.
JsonProperties: TypeAlias = tuple[str | tuple[str, str], ...]

# Field metadata of a dataclass field left out of its JSON.
NOT_JSON: Mapping[str, object] = {"json": False}
# Field metadata of a dataclass field whose JSON object's keys are written in its place.
FLATTEN: Mapping[str, object] = {"json_flatten": True}
# Field metadata of a dataclass field left out of its JSON while it is None (a key older readers never had).
OMIT_NONE: Mapping[str, object] = {"json_omit_none": True}

_SCALARS = (str, int, float, bool, type(None))


@cache
def _plan(
    cls: type,
) -> tuple[tuple[str | None, ...], Callable[[object], tuple[object, ...]], tuple[tuple[str, str], ...], frozenset[str]]:
    """The keys of the fields that go into a dataclass's JSON (None for a flattened field), a getter of their
    values in that order, its properties as (attribute, key) pairs, and the keys left out while None (worked
    out once per class)."""
    fields = dataclasses.fields(cls)
    omit = frozenset(f.metadata.get("json_name", f.name) for f in fields if f.metadata.get("json_omit_none"))
    chosen = [
        (f.name, None if f.metadata.get("json_flatten") else f.metadata.get("json_name", f.name))
        for f in fields
        if f.metadata.get("json", True)
    ]
    names = [name for name, _ in chosen]
    # attrgetter reads all the fields in one C call: listing 10,000 rows as JSON spends its time here otherwise.
    values_of = attrgetter(*names) if len(names) > 1 else lambda obj: tuple(getattr(obj, n) for n in names)
    properties = tuple((item, item) if isinstance(item, str) else item for item in getattr(cls, "json_properties", ()))
    return tuple(key for _, key in chosen), values_of, properties, omit


@cache
def _defines_to_dict(cls: type) -> bool:
    return callable(getattr(cls, "to_dict", None))


@cache
def _is_plain_dataclass(cls: type) -> bool:
    """A dataclass written field by field (one that defines `to_dict` writes itself)."""
    return dataclasses.is_dataclass(cls) and not _defines_to_dict(cls)


def _dataclass_json(value: object) -> dict[str, JsonValue]:
    cls: Any = type(value)
    keys, values_of, properties, omit = _plan(cls)
    if not omit and None not in keys:
        # The common shape (a listing row), in one comprehension: the fastest way through 10,000 rows.
        plain = _PLAIN
        flat: dict[Any, Any] = {
            key: (item if type(item) in plain else to_json(item))
            for key, item in zip(keys, values_of(value), strict=True)
        }
        for name, written in properties:
            flat[written] = to_json(getattr(value, name))
        return flat
    out: dict[str, JsonValue] = {}
    for key, item in zip(keys, values_of(value), strict=True):
        if omit and item is None and key in omit:
            continue
        if key is None:
            out.update(json_object(item))
        else:
            out[key] = item if type(item) in _PLAIN else to_json(item)  # type: ignore[assignment]
    for name, key in properties:
        out[key] = to_json(getattr(value, name))
    return out


# Exactly these types (not subclasses such as a StrEnum) are JSON as they are: checked first, by identity,
# because `app list --json` writes 10,000 rows of them (a quarter of a million values).
_PLAIN = frozenset({str, int, float, bool, type(None)})


def to_json(value: object) -> JsonValue:
    """`value` as JSON data (dicts, lists, strings, numbers, booleans, None)."""
    kind: Any = type(value)
    if kind in _PLAIN:
        return value  # type: ignore[return-value]
    if kind is dict:
        items = value.items()  # type: ignore[attr-defined]
        return {
            (key if type(key) is str else _key(key)): (item if type(item) in _PLAIN else to_json(item))
            for key, item in items
        }
    if kind is list or kind is tuple:
        return [item if type(item) in _PLAIN else to_json(item) for item in value]  # type: ignore[attr-defined]
    if _is_plain_dataclass(kind):
        return _dataclass_json(value)
    if isinstance(value, Enum):  # before str: a StrEnum is a str too
        return to_json(value.value)
    if isinstance(value, _SCALARS):
        return value
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    if isinstance(value, PurePath):
        return str(value)
    to_dict = getattr(value, "to_dict", None)
    if callable(to_dict):
        return to_json(to_dict())
    if isinstance(value, Mapping):
        return {_key(key): to_json(item) for key, item in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [to_json(item) for item in value]
    raise TypeError(f"cannot write {type(value).__name__} as JSON")


def json_object(value: object) -> dict[str, JsonValue]:
    """`to_json` of a value that writes an object (a dataclass), to add keys to it."""
    data = to_json(value)
    if not isinstance(data, dict):
        raise TypeError(f"{type(value).__name__} is not written as a JSON object")
    return data


def dumps(value: object, *, indent: int | None = None) -> str:
    """`value` as JSON text (UTF-8 characters kept as they are)."""
    return dumps_data(to_json(value), indent=indent)


def dumps_data(data: object, *, indent: int | None = None) -> str:
    """JSON text of data that is JSON already (what `to_json` returns; tuples are written as lists)."""
    return json.dumps(data, ensure_ascii=False, indent=indent)


def _key(key: object) -> str:
    return key.value if isinstance(key, Enum) else str(key)
