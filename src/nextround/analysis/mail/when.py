"""When an invitation is for: the first date (and time) a message names on or after its own date."""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta

# -- when an invitation is for ------------------------------------------------------------------------

_MONTHS = {
    name: index
    for index, names in enumerate(
        (
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
            ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"),
            ("october", "oct"), ("november", "nov"), ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}  # fmt: skip
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?:,?\s+(?P<year>20\d\d))?"
_WEEKDAY = r"(?:(?P<weekday>" + "|".join(_WEEKDAYS) + r"),?\s+)?"
_DATE_PATTERNS = (
    re.compile(rf"\b{_WEEKDAY}(?:the\s+)?{_DAY}(?:\s+of)?\s+{_MONTH}{_YEAR}\b", re.IGNORECASE),
    re.compile(rf"\b{_WEEKDAY}{_MONTH}\s+{_DAY}{_YEAR}\b", re.IGNORECASE),
    re.compile(r"\b(?P<iso_y>20\d\d)-(?P<iso_m>\d\d)-(?P<iso_d>\d\d)\b"),
    re.compile(r"\b(?P<n_d>[0-3]?\d)[/.](?P<n_m>[01]?\d)[/.](?P<n_y>20\d\d)\b"),
    re.compile(r"\b(?P<rel>next|this|on|coming)\s+(?P<rel_weekday>" + "|".join(_WEEKDAYS) + r")\b", re.IGNORECASE),
    re.compile(
        r"\b(?P<bare_weekday>" + "|".join(_WEEKDAYS) + r")\s+(?:the\s+)?(?P<bare_day>[0-3]?\d)(?:st|nd|rd|th)\b",
        re.IGNORECASE,
    ),
)
_TIME = re.compile(
    r"(?<![\d:/.])(?P<h>[01]?\d|2[0-3])(?:[:.](?P<m>[0-5]\d))?\s*(?P<ampm>a\.?m\.?|p\.?m\.?)?(?![\d/])",
    re.IGNORECASE,
)


def _year_for(month: int, day: int, reference: date) -> date | None:
    for year in (reference.year, reference.year + 1):
        try:
            candidate = date(year, month, day)
        except ValueError:
            return None
        if candidate >= reference - timedelta(days=7):
            return candidate
    return None


def _match_date(found: re.Match[str], reference: date) -> date | None:
    groups = found.groupdict()
    try:
        if groups.get("month"):
            month = _MONTHS[groups["month"].lower().rstrip(".")]
            day = int(groups["day"])
            if groups.get("year"):
                return date(int(groups["year"]), month, day)
            return _year_for(month, day, reference)
        if groups.get("iso_y"):
            return date(int(groups["iso_y"]), int(groups["iso_m"]), int(groups["iso_d"]))
        if groups.get("n_y"):
            return date(int(groups["n_y"]), int(groups["n_m"]), int(groups["n_d"]))
    except ValueError:
        return None
    if groups.get("rel_weekday"):
        target = _WEEKDAYS.index(groups["rel_weekday"].lower())
        ahead = (target - reference.weekday()) % 7 or 7
        return reference + timedelta(days=ahead)
    if groups.get("bare_day"):
        day = int(groups["bare_day"])
        for months_ahead in (0, 1):
            month_index = reference.month - 1 + months_ahead
            year, month = reference.year + month_index // 12, month_index % 12 + 1
            try:
                candidate = date(year, month, day)
            except ValueError:
                continue
            if candidate >= reference:
                return candidate
    return None


def _time_near(text: str, start: int, end: int) -> time | None:
    """The clock time closest after (or just before) a date mention, within the same few lines."""
    window_after = text[end : end + 120]
    window_before = text[max(0, start - 60) : start]
    for window, offset_first in ((window_after, True), (window_before, False)):
        best = None
        for found in _TIME.finditer(window):
            value = _as_time(found)
            if value is None:
                continue
            best = value
            if offset_first:
                break
        if best is not None:
            return best
    return None


def _as_time(found: re.Match[str]) -> time | None:
    hour = int(found.group("h"))
    minute = int(found.group("m") or 0)
    ampm = (found.group("ampm") or "").replace(".", "").lower()
    if not ampm and found.group("m") is None:
        return None  # a bare number is a day or a count, not a time
    if ampm:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if ampm == "pm" else 0)
    elif found.group(0).count(".") and hour > 23:
        return None
    return time(hour, minute)


def find_when(text: str, sent_at: datetime | None) -> datetime | None:
    """The first date (with its time, if given) on or after the message date that the text names."""
    reference = (sent_at.date() if sent_at else None) or date.today()
    mentions: list[tuple[int, int, date]] = []
    for pattern in _DATE_PATTERNS:
        for found in pattern.finditer(text):
            # A weekday alone ("on Friday") only counts where no full date was written around it.
            relative = bool(found.groupdict().get("rel_weekday") or found.groupdict().get("bare_day"))
            if relative and any(s - 25 <= found.start() <= e + 5 for s, e, _ in mentions):
                continue
            value = _match_date(found, reference)
            if value is not None and value >= reference - timedelta(days=1):
                mentions.append((found.start(), found.end(), value))
    if not mentions:
        return None
    mentions.sort()
    start, end, day = mentions[0]
    moment = _time_near(text, start, end) or time(0, 0)
    return datetime.combine(day, moment)
