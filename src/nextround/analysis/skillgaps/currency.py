"""A credential the CV names that is not current, or is held at a lower stage or class than asked (session 19).

- not current: "BLS - completed June 2022, due for renewal" for "Current BLS certificate"; a card asked "current"
  or "valid" that the CV dates earlier than its usual validity (life-support cards two years);
- a lower stage: "Provisional Licence, Immigration Advisers Authority" for "Full Licence from the IAA";
- another class of driving licence named by a word: "Driver's licence: Private" for "driver's licence (General)".
The words are in ``[currency]`` of ``match_cues.toml``.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files
from typing import Final

from nextround.analysis.skill_match import content_stems
from nextround.analysis.skillgaps.cues import CUES_RESOURCE


@dataclass(frozen=True)
class CurrencyCues:
    not_current: re.Pattern[str]
    ended: re.Pattern[str]
    lower_stage: re.Pattern[str]
    classes: tuple[str, ...]
    class_word: re.Pattern[str]
    validity: tuple[tuple[re.Pattern[str], int], ...]
    ladders: frozenset[str]


def _words(phrases: list[str]) -> re.Pattern[str]:
    ordered = sorted({phrase.lower() for phrase in phrases}, key=len, reverse=True)
    return re.compile(rf"(?<![\w'-])(?:{'|'.join(re.escape(each) for each in ordered)})(?![\w'-])", re.IGNORECASE)


@lru_cache(maxsize=1)
def currency_cues() -> CurrencyCues:
    data = tomllib.loads(files("nextround.data").joinpath(CUES_RESOURCE).read_text(encoding="utf-8"))["currency"]
    validity = tuple(
        (re.compile(rf"(?<![\w-]){re.escape(name)}(?![\w-])", 0 if name.isupper() else re.IGNORECASE), int(months))
        for name, months in data["validity_months"].items()
    )
    classes = tuple(word.lower() for word in data["licence_classes"])
    return CurrencyCues(
        _words(data["not_current"]),
        _words(data["ended"]),
        _words(data["lower_stage"]),
        classes,
        _words(list(classes)),
        validity,
        frozenset(name.lower() for name in data["hour_ladders"]),
    )


# a year after the cue: the renewal is in the future, the credential is still valid ("due for renewal in 2028")
_YEAR_AFTER: Final = re.compile(r"^[^;|.]{0,25}\b(?:19|20)\d\d\b")


def not_current(part: str) -> bool:
    """The CV's clause says the credential needs renewing now ("due for renewal", "overdue")."""
    return any(not _YEAR_AFTER.match(part[cue.end() :]) for cue in currency_cues().not_current.finditer(part))


def ended(part: str) -> bool:
    """The CV's clause says the credential has already run out ("refresher ran out March 2024"): a date after the
    cue says when, not that it is still valid."""
    return currency_cues().ended.search(part) is not None


# an ask for the full stage of a credential: "Full Licence from the IAA", "full registration", "full member of"
_ASKS_FULL: Final = re.compile(
    r"\bfull(?:y)?\s+(?:\w+\s+){0,2}?(?:licen[cs]ed?|registration|registered|membership|member|accreditation|"
    r"accredited|practising certificate|certification|certified|chartered)\b",
    re.IGNORECASE,
)


# an ask that names the levels it accepts: "Master or Basic level Licensed Court Interpreter", "Advanced level"
_ASKS_LEVEL: Final = re.compile(r"\b[A-Z][a-z]+\s+(?:or\s+[A-Z][a-z]+\s+)?level\b")


def lower_stage(part: str, ask: str) -> bool:
    """A full credential, or one at named levels, is asked and the CV's clause holds it at a lower stage the ask
    does not name ("Provisional Licence"), unless the clause also says it is full."""
    if not (_ASKS_FULL.search(ask) or _ASKS_LEVEL.search(ask)) or re.search(r"\bfull(?:y)?\b", part, re.IGNORECASE):
        return False
    named = ask.lower()
    return any(
        not re.search(rf"(?<!\w){re.escape(cue.group(0).lower())}(?!\w)", named)
        for cue in currency_cues().lower_stage.finditer(part)
    )


def usual_validity(sentence: str, ask: str = "") -> int | None:
    """Months a card the ask names usually lasts when its sentence asks it "current" or "valid" ("Current BLS
    certificate" -> 24), else None."""
    if not re.search(r"\b(?:current|valid|up[- ]to[- ]date|in[- ]date)\b", sentence, re.IGNORECASE):
        return None
    months = [months for name, months in currency_cues().validity if name.search(ask or sentence)]
    return min(months) if months else None


def class_word_short(phrase: str, licence_lines: list[str]) -> tuple[str, str] | None:
    """(reason, CV line) when a driving licence of a word-named class is asked ("(General)") and every licence
    line of the CV that names a class names another one ("Private")."""
    cues = currency_cues()
    asked = {found.group(0).lower() for found in cues.class_word.finditer(phrase)}
    if len(asked) != 1:
        return None
    named = [(line, {found.group(0).lower() for found in cues.class_word.finditer(line)}) for line in licence_lines]
    named = [(line, words) for line, words in named if words]
    if not named or any(asked & words for _, words in named):
        return None
    held = sorted(named[0][1])[0]
    return f"a {next(iter(asked))} driving licence is asked; the CV's is {held}", named[0][0]


_SPELLED: Final = re.compile(r"((?:[A-Z][\w'-]*\s+(?:(?:of|for|and|the|&)\s+)?){2,6})\(([A-Z]{2,6})\)")


def spelled_out(ask: str) -> list[str]:
    """The names an ask spells out before their acronym, which a CV may write without it: "Immigration Advisers
    Authority" of "the Immigration Advisers Authority (IAA)"."""
    found: list[str] = []
    for match in _SPELLED.finditer(ask):
        words = match.group(1).split()
        capitals = [word for word in words if word[0].isupper()]
        for start in range(len(capitals)):
            if "".join(word[0] for word in capitals[start:]).upper() == match.group(2):
                first = words.index(capitals[start])
                found.append(" ".join(words[first:]))
                break
    return found


# the size a credential is limited to: "Boatmaster licence (vessels up to 24 m)", "Grade 2 (up to 15 m)",
# "Master <500 GT", "vessels under 12 metres"
_LIMIT: Final = re.compile(
    r"(?:\bup\s+to|\bunder|\bless\s+than|<)\s*(\d{1,6}(?:[.,]\d+)?)\s*"
    r"(m|metres|meters|ft|feet|gt|grt|gross tonnes|tonnes|t|kw|hp|passengers|seats)\b",
    re.IGNORECASE,
)
_UNITS: Final = {"metres": "m", "meters": "m", "feet": "ft", "grt": "gt", "gross tonnes": "gt", "tonnes": "t"}


def _limits(text: str) -> dict[str, float]:
    found: dict[str, float] = {}
    for value, unit in _LIMIT.findall(text):
        key = _UNITS.get(unit.lower(), unit.lower())
        found[key] = max(found.get(key, 0.0), float(value.replace(",", ".")))
    return found


# words of a limited credential's ask that do not say which credential it is
_NOT_NAMING: Final = frozenset(
    content_stems("licence license certificate certification ticket card endorsement vessels vessel boats grade class")
)


def limit_short(ask: str, cv: str) -> tuple[str, str] | None:
    """(reason, CV line) when the ask's credential covers sizes up to a limit and every CV line that names the
    credential (one of the ask's own words) with a limit in the same unit gives a lower one ("vessels up to 24 m"
    asked; "Boatmaster Grade 2 (vessels up to 15 m)" held)."""
    asked = _limits(ask)
    if not asked:
        return None
    own = {stem for stem in content_stems(_LIMIT.sub(" ", ask)) if not stem.isdigit()} - _NOT_NAMING
    lines = [line.strip() for line in cv.splitlines() if own & set(content_stems(line)) and _limits(line)]
    shown = [(line, _limits(line)) for line in lines]
    shown = [(line, limits) for line, limits in shown if set(limits) & set(asked)]
    if not shown:
        return None
    if any(all(limits[unit] >= asked[unit] for unit in set(limits) & set(asked)) for _, limits in shown):
        return None  # one line's limit reaches the one asked
    unit = next(iter(set(shown[0][1]) & set(asked)))
    return f"up to {asked[unit]:g} {unit} asked; the CV's is up to {shown[0][1][unit]:g} {unit}", shown[0][0]


def covers_lower(phrase: str, held: str) -> bool:
    """The CV's card is a longer course of an hour-counted ladder than the one asked ("OSHA 30" held for "OSHA 10
    card"): the other version the CV shows includes the one asked."""
    product, _, number = held.rpartition(" ")
    if product.lower() not in currency_cues().ladders or not number.isdigit():
        return False
    asked = re.findall(rf"\b{re.escape(product)}\s+(\d{{1,3}})\b", phrase, re.IGNORECASE)
    return bool(asked) and all(int(number) >= int(each) for each in asked)
