"""Dates as people type them: ISO forms and a few natural ones ("yesterday", "3 days ago", "last friday").

Kept small and exact on purpose: a date parser that guesses would put a rejection on the wrong day.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from nextround.errors import UserError

_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_UNITS = {"day": 1, "week": 7}
_NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}  # fmt: skip
_AGO = re.compile(r"^(\d+|[a-z]+)\s+(day|week|month|year)s?\s+ago$")
_IN = re.compile(r"^in\s+(\d+|[a-z]+)\s+(day|week|month|year)s?$")
_LAST_WEEKDAY = re.compile(r"^(last|next|this)?\s*(" + "|".join(_WEEKDAYS) + r")$")
_DMY = re.compile(r"^(\d{1,2})[./](\d{1,2})[./](\d{4})$")
# Day first, as in 03/10/2024; without a year it is the nearest such day, as "3rd Oct" is.
_DM = re.compile(r"^(?P<day>\d{1,2})[./](?P<month>\d{1,2})$")
# A day as a letter or an email writes it: "3 December 2026", "3rd Dec", "December 3, 2026", "Tue 3 Dec".
_MONTH_NAMES = (
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
    "december",
)  # fmt: skip
_MONTHS = tuple(name[:3] for name in _MONTH_NAMES)
# The whole name or its usual short forms ("Sept" too); a misspelt one is refused, never guessed.
_MONTH = r"(?P<month>" + "|".join(sorted({*_MONTH_NAMES, *_MONTHS, "sept"}, key=len, reverse=True)) + r")\.?"
_DAY_NUMBER = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_OPTIONAL_WEEKDAY = r"(?:(?:" + "|".join(w[:3] + "[a-z]*" for w in _WEEKDAYS) + r")\.?,?\s+)?"
_YEAR = r"(?:,?\s+(?P<year>\d{4}))?"
_DAY_MONTH = re.compile(rf"^{_OPTIONAL_WEEKDAY}{_DAY_NUMBER}(?:\s+of)?\s+{_MONTH}{_YEAR}$")
_MONTH_DAY = re.compile(rf"^{_OPTIONAL_WEEKDAY}{_MONTH}\s+{_DAY_NUMBER}{_YEAR}$")
_ISO_WITH_TIME = re.compile(r"^\d{4}-\d{2}-\d{2}[Tt ]")


# Dates a job search can have. Outside this window a date is a typo (or an attack on the agenda's arithmetic:
# 9999-12-31 plus a reminder overflows), so it is refused where it comes in.
EARLIEST_YEAR = 1970
LATEST_YEAR = 2100
_MAX_COUNT_DIGITS = 6  # "999999 days ago" is already before 1970


class DateOutOfRange(UserError, ValueError):
    """A moment outside the years a job search can have, which date arithmetic elsewhere would overflow on."""


def stored_moment(value: datetime) -> datetime:
    """An aware moment in UTC as storage keeps it; refused when naive or outside the years (the last check)."""
    if value.tzinfo is None:
        raise ValueError("naive datetime given to storage; pass an aware datetime")
    if not EARLIEST_YEAR <= value.year <= LATEST_YEAR:  # the last line of defence; inputs refuse it first
        raise DateOutOfRange(f"{value.date().isoformat()} is outside the years {EARLIEST_YEAR}-{LATEST_YEAR}")
    return value.astimezone(UTC)


# Text a hand edit or an older tool may have left in an date column, read rather than refused: the
# ISO forms Python reads (with a T, a Z or an offset), a few written ones, and seconds since 1970.
_DATE_FORMATS = ("%Y/%m/%d", "%Y/%m/%d %H:%M:%S", "%d.%m.%Y", "%d.%m.%Y %H:%M", "%d/%m/%Y", "%Y%m%d")


def read_stored_moment(value: Any) -> datetime | None:
    """A naive UTC datetime from whatever an date column holds, or None when it says nothing readable."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        try:
            return datetime.fromtimestamp(value, UTC).replace(tzinfo=None)
        except (OverflowError, OSError, ValueError):
            return None
    if not isinstance(value, str):
        return None
    text = value.strip()
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        for form in _DATE_FORMATS:
            try:
                moment = datetime.strptime(text, form)
                break
            except ValueError:
                continue
        else:
            return None
    return moment.astimezone(UTC).replace(tzinfo=None) if moment.tzinfo else moment


class DateParseError(UserError, ValueError):
    """Text that is not a date we can read without guessing."""


def in_window(day: date) -> bool:
    return EARLIEST_YEAR <= day.year <= LATEST_YEAR


def _shown(text: str, limit: int = 40) -> str:
    """What the user typed, quoted for a message and cut to `limit` characters: a paste that landed in a date
    box would otherwise come back whole in the message."""
    value = " ".join(text.split())
    return repr(value if len(value) <= limit else value[: limit - 1] + "…")


def _invalid_day(day_: int, month_: int, year_: int) -> str:
    if not 1 <= month_ <= 12:
        return f"there is no month {month_}"
    return "there is no year 0" if year_ < 1 else f"that month has no day {day_}"


def check_window(day: date, shown: str | None = None) -> date:
    """`day` itself, or a DateParseError when it lies outside 1970-2100."""
    if not in_window(day):
        what = shown if shown is not None else day.isoformat()
        raise DateParseError(f"{_shown(what)} is outside the years {EARLIEST_YEAR}-{LATEST_YEAR}; check the year")
    return day


def _count(token: str) -> int:
    if token.isdigit():
        if len(token) > _MAX_COUNT_DIGITS:
            raise DateParseError(f"{token} is too far back or ahead; the years {EARLIEST_YEAR}-{LATEST_YEAR} only")
        return int(token)
    if token in _NUMBER_WORDS:
        return _NUMBER_WORDS[token]
    raise DateParseError(f"cannot read the number {_shown(token)}")


def _shift_months(day: date, months: int) -> date:
    month_index = day.year * 12 + day.month - 1 + months
    year, month = divmod(month_index, 12)
    month += 1
    for candidate_day in (day.day, 30, 29, 28):
        try:
            return date(year, month, candidate_day)
        except ValueError:
            continue
    raise DateParseError("date out of range")  # pragma: no cover - 28 always exists


def _offset(today: date, amount: int, unit: str) -> date:
    try:
        if unit in _UNITS:
            return today + timedelta(days=amount * _UNITS[unit])
        return _shift_months(today, amount * (12 if unit == "year" else 1))
    except (OverflowError, ValueError):
        raise DateParseError(f"that is too far back or ahead; the years {EARLIEST_YEAR}-{LATEST_YEAR} only") from None


def parse_date(text: str, today: date) -> date:
    """Read a calendar date in 1970-2100. Raises DateParseError with a message fit to show the user."""
    return check_window(_parse_date(text, today), text.strip())


def _parse_date(text: str, today: date) -> date:
    value = " ".join(text.strip().lower().split())
    if not value:
        raise DateParseError("empty date")
    if value == "today":
        return today
    if value == "yesterday":
        return today - timedelta(days=1)
    if value == "tomorrow":
        return today + timedelta(days=1)
    if match := _AGO.match(value):
        return _offset(today, -_count(match.group(1)), match.group(2))
    if match := _IN.match(value):
        return _offset(today, _count(match.group(1)), match.group(2))
    if match := _LAST_WEEKDAY.match(value):
        which, name = match.group(1) or "last", match.group(2)
        delta = (today.weekday() - _WEEKDAYS.index(name)) % 7
        if which == "next":
            return today + timedelta(days=(7 - delta) % 7 or 7)
        if which == "this":
            return today - timedelta(days=delta)
        return today - timedelta(days=delta or 7)
    if match := _DMY.match(value):
        day_, month_, year_ = (int(g) for g in match.groups())
        try:
            return date(year_, month_, day_)
        except ValueError:
            raise DateParseError(f"not a valid date: {_shown(text)} ({_invalid_day(day_, month_, year_)})") from None
    if match := _DAY_MONTH.match(value) or _MONTH_DAY.match(value):
        return _named_month_day(match, today, text)
    if match := _DM.match(value):
        day_, month_ = int(match["day"]), int(match["month"])
        if not 1 <= month_ <= 12:
            raise DateParseError(f"not a valid date: {_shown(text)} (there is no month {month_}; the day comes first)")
        return _nearest_day(day_, month_, None, today, text)
    try:
        return date.fromisoformat(value[:10]) if len(value) > 10 and value[10] in "t " else date.fromisoformat(value)
    except ValueError:
        pass
    raise DateParseError(
        # Format codes (YYYY-MM-DD) are for programmers; examples read the same on a page and in a terminal.
        f"cannot read the date {_shown(text)}; write it like 3 March 2025, 03/03/2025, yesterday, 3 days ago "
        "or last friday"
    )


def _named_month_day(match: re.Match[str], today: date, text: str) -> date:
    """A day with its month in words. Without a year it is the one nearest today: "3 Dec" in January is last
    December's, "28 Feb" in December next February's; a job search's days are never half a year off."""
    day_, month_ = int(match["day"]), _MONTHS.index(match["month"][:3]) + 1
    return _nearest_day(day_, month_, int(match["year"]) if match["year"] else None, today, text)


def _nearest_day(day_: int, month_: int, year: int | None, today: date, text: str) -> date:
    years = [year] if year is not None else [today.year - 1, today.year, today.year + 1]
    found = []
    for year_ in years:
        try:
            found.append(date(year_, month_, day_))
        except ValueError:
            continue
    if not found:
        reason = _invalid_day(day_, month_, years[len(years) // 2])
        raise DateParseError(f"not a valid date: {_shown(text)} ({reason})")
    return min(found, key=lambda day: abs((day - today).days))


def parse_datetime(text: str, now: datetime) -> datetime:
    """Like parse_date, but keeps a time when one is given (see day_to_moment for bare dates)."""
    value = text.strip()
    if _ISO_WITH_TIME.match(value):  # not any text with a space at [10]: "3 December 2026" is a day in words
        try:
            parsed = datetime.fromisoformat(value)
        except ValueError:
            raise DateParseError(f"cannot read the date and time {_shown(text)}") from None
        check_window(parsed.date(), value)
        return parsed if parsed.tzinfo else parsed.replace(tzinfo=now.tzinfo)
    return day_to_moment(parse_date(value, now.date()), now)


def day_to_moment(day: date, now: datetime) -> datetime:
    """A calendar day as a moment: now if it is today, else noon that day in `now`'s zone.

    "Today" is now, so an event recorded today sorts after those recorded earlier; noon keeps another
    day on the same calendar day in every time zone a user is likely to be in.
    """
    if day == now.date():
        return now
    return datetime.combine(day, time(12, 0), tzinfo=now.tzinfo)


# A day in words with a time of day, either way round: "next tuesday 14:00", "tomorrow at 2pm", "10:30 friday".
# A bare number needs am/pm ("friday 3" is not read), so a count or a year is never taken for an hour.
_TIME = r"(?:at\s+)?(?P<hour>\d{1,2})(?::(?P<minute>\d{2}))?\s*(?P<half>am|pm)?"
_DAY_THEN_TIME = re.compile(rf"^(?P<day>.+?)\s+{_TIME}$", re.IGNORECASE)
_TIME_THEN_DAY = re.compile(rf"^{_TIME}\s+(?P<day>.+)$", re.IGNORECASE)


def parse_when(text: str, now: datetime) -> datetime:
    """A moment as parse_datetime reads it, or a day in words with a time (what people write for an interview).

    parse_datetime reads times only after an ISO date; the form's hint and `interview add`'s example invite
    "next tuesday", and the next thing people type is the hour. (Moved here from the web's forms so the
    command line reads the same words.)"""
    try:
        return parse_datetime(text, now)
    except DateParseError:
        value = " ".join(text.split())
        found = _DAY_THEN_TIME.match(value) or _TIME_THEN_DAY.match(value)
        if found is None or (found["minute"] is None and found["half"] is None):
            raise
        hour, minute = int(found["hour"]), int(found["minute"] or 0)
        if found["half"]:
            if not 1 <= hour <= 12:
                raise
            hour = hour % 12 + (12 if found["half"].lower() == "pm" else 0)
        if hour > 23 or minute > 59:
            raise
        day = parse_date(found["day"], now.date())
        return datetime.combine(day, time(hour, minute), tzinfo=now.tzinfo)
