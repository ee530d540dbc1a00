"""Which one, by the value in a slot: the ask and the CV line write the same word with another value beside it.

"Type 1 diabetes" against "Type 2 diabetes clinics", "18th Edition" against "17th Edition", "Unreal Engine 5"
against "Unreal Engine 4", "EPA 608 Type I" against "Type II", "class C6" against "C2", "at least 20 weddings"
against "6 weddings": the line shares the head word and most of the meaning, so the similarity signals read the ask
as shown; the value beside the shared word says it is another type, an older edition, a lower level or too few.
A *slot* is the word right before or after a value (a number, an ordinal, a roman numeral, a capital letter) or
the letters of a code ("PA" of "PA6"). The line writes another value in the ask's slot when

- the slot names a kind ("Type", "Class", "Category", "Group", "Route", "Part", "Model") or the value is a letter:
  any other value is another thing (but grades count down from A: "Grade A" held is above "Grade B"); or
- the value is a number and every value the line writes in that slot is smaller (a lower level, fewer dives).

A larger number is more of the same ("850 logged dives" for 300), so it is not another one; the top of a range and a
number after "no more than" or "under" are limits, not minimums, and are left out. CEFR levels ("B2") are the
language checks' and years are the years checks'. A feature of the learned evidence head (`evidence_model`), and
the ground of the synthetic near misses it is trained on (`scripts/train_skill_evidence.py`), not a verdict alone.
"""

from __future__ import annotations

import re
from typing import Final, NamedTuple

_TOKEN: Final = re.compile(r"\d{1,3}(?:,\d{3})+|[A-Za-z0-9]+(?:[.'’][0-9]+)*|&|\+|-")
_ROMAN: Final = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6, "VII": 7, "VIII": 8, "IX": 9, "X": 10}
_NUMBER: Final = re.compile(r"(\d+(?:\.\d+)?)(?:st|nd|rd|th)?")
_THOUSANDS: Final = re.compile(r"\d{1,3}(?:,\d{3})+")
_CODE: Final = re.compile(r"([A-Za-z]{1,4})(\d{1,3})")
_CEFR: Final = re.compile(r"[ABC][12]")
_WORD: Final = re.compile(r"[A-Za-z]{2,}")
_YEAR: Final = re.compile(r"(?:19|20)\d\d")
_KIND_SLOTS: Final = frozenset(
    ["type", "class", "category", "catégorie", "categoria", "group", "route", "part", "model", "series"]
)
# grades count down from A: "Grade A" held meets "Grade B" asked (session 5's letter grades)
_GRADE_SLOTS: Final = frozenset(["grade", "band"])
_NOT_SLOTS: Final = frozenset(["aged", "age", "ages"])
# a value asked as a floor ("Group C (or above)", "Band 5 or higher"): for a letter, which way is above is the
# credential's own (grades count down from A, balloon groups up to D), so another letter is not read as lower
_OR_ABOVE: Final = re.compile(r"\bor\s+(?:above|higher|better|greater)\b", re.IGNORECASE)
# small words are no slot: "of 3", "to 5", "at least 20" say nothing of which one
_SMALL: Final = frozenset(
    [
        *("a", "an", "the", "of", "to", "and", "or", "in", "on", "at", "for", "with", "by", "from", "per", "than"),
        *("least", "over", "under", "up", "plus", "about", "some"),
    ]
)
_UNITS: Final = re.compile(r"(?:years?|yrs?|months?|weeks?|days?|hours?|minutes?|am|pm)", re.IGNORECASE)
_AT_MOST: Final = re.compile(
    r"\b(?:(?:no|not) more than|max(?:imum)?|under|below|up to|less than|at most|fewer than|within)\b",
    re.IGNORECASE,
)
_RANGE: Final = frozenset(["-", "to"])


class Slot(NamedTuple):
    word: str  # the word beside the value, lower case ("type", "edition"), or a code's letters ("pa#")
    kind: str  # "number" or "letter"
    value: float | str
    before: bool  # the word stands before the value ("Type 1"), not after it ("18th Edition")


def _value(token: str) -> tuple[str, float | str] | None:
    if _THOUSANDS.fullmatch(token):
        return "number", float(token.replace(",", ""))
    number = _NUMBER.fullmatch(token)
    if number:
        return "number", float(number.group(1))
    if token in _ROMAN:
        return "number", float(_ROMAN[token])
    if len(token) == 1 and token.isupper():
        return "letter", token
    return None


def slots(text: str) -> list[Slot]:
    """The values of a text that say which one, each with the word beside it."""
    tokens = _TOKEN.findall(text)
    out: list[Slot] = []
    for index, token in enumerate(tokens):
        code = _CODE.fullmatch(token)
        if code and not _CEFR.fullmatch(token):
            out.append(Slot(code.group(1).lower() + "#", "number", float(code.group(2)), True))
            continue
        value = _value(token)
        if value is None:
            continue
        kind, amount = value
        previous = tokens[index - 1] if index else ""
        following = tokens[index + 1] if index + 1 < len(tokens) else ""
        if kind == "letter" and (not index or (token == "I" and following.islower())):
            continue  # an article opening a phrase, a pronoun ("I ran")
        if "&" in (previous, following) or previous.lower() in _NOT_SLOTS:
            continue  # "F&B"; an age
        if kind == "number":
            if _UNITS.fullmatch(following) or _YEAR.fullmatch(token):
                continue  # years and durations are the years checks'
            if previous in _RANGE and index > 1 and _value(tokens[index - 2]) is not None:
                continue  # the top of a range: its bottom is what is asked
            if _AT_MOST.search(" ".join(tokens[max(0, index - 3) : index])):
                continue  # a limit ("no more than 6 points"), not a minimum
        if _WORD.fullmatch(previous) and previous.lower() not in _SMALL:
            out.append(Slot(previous.lower(), kind, amount, True))
        if _WORD.fullmatch(following) and following.lower() not in _SMALL:
            out.append(Slot(following.lower().rstrip("s"), kind, amount, False))
    return out


def another_value(ask: str, line: str) -> bool:
    """The line writes one of the ask's slots with another value only: another type, class or letter, or a smaller
    number (see the module's text)."""
    if not line:
        return False
    asked = slots(ask)
    if not asked:
        return False
    shown = slots(line)
    either_way = _OR_ABOVE.search(ask) is not None
    for slot in asked:
        values = [other.value for other in shown if other[:2] == slot[:2] and other.before == slot.before]
        if not values or slot.value in values:
            continue
        if slot.kind == "letter" and either_way and slot.word not in _GRADE_SLOTS:
            continue  # "Group C (or above)": another group may be the higher one
        if slot.kind == "letter" and slot.word in _GRADE_SLOTS:
            if all(str(other) > str(slot.value) for other in values):
                return True  # only lower grades ("Grade D" for "Grade B")
            continue
        if slot.kind == "letter" or slot.word in _KIND_SLOTS:
            return True
        if all(isinstance(other, float) and isinstance(slot.value, float) and other < slot.value for other in values):
            return True
    return False


def same_value(ask: str, line: str) -> bool:
    """The line writes one of the ask's slots with the same value ("Type 2" for "Type 2"): a met item a synthetic
    near miss can be made from, by another value in that slot."""
    if not line:
        return False
    shown = set(slots(line))
    return any(slot in shown for slot in slots(ask))
