"""iCalendar text (RFC 5545), built by hand: it is a small, exact format.

- Lines end in CRLF and are folded at 75 octets (UTF-8 bytes, never inside a character) with CRLF + space.
- TEXT values escape backslash, semicolon, comma and newlines.
- Times are UTC (`YYYYMMDDTHHMMSSZ`); every component has a UID and a DTSTAMP.
- UIDs are stable (`interview-<id>@nextround.local`, `nudge-<kind>-<ref>@nextround.local`), so importing a
  newer export into the same calendar updates the items instead of adding copies.

Interviews are VEVENTs with a DURATION. Follow-ups are all-day VEVENTs (DTSTART;VALUE=DATE), not VTODOs:
Google Calendar ignores VTODO on import and Outlook turns it into nothing visible, while an all-day
event shows up in every calendar on the day it is due, which is what a reminder needs.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

PRODID = "-//nextround//nextround calendar export//EN"
UID_DOMAIN = "nextround.local"
MAX_OCTETS = 75


def escape_text(value: str) -> str:
    """Escape a TEXT value (RFC 5545 3.3.11)."""
    value = value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return value.replace("\r\n", "\\n").replace("\r", "\\n").replace("\n", "\\n")


def fold(line: str) -> str:
    """Fold one content line so no physical line exceeds 75 octets (continuations start with a space)."""
    pieces: list[str] = []
    current = ""
    size = 0
    limit = MAX_OCTETS
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > limit:
            pieces.append(current)
            current, size = "", 0
            limit = MAX_OCTETS - 1  # the leading space of a continuation line counts
        current += char
        size += width
    pieces.append(current)
    return "\r\n ".join(pieces)


def utc_stamp(moment: datetime) -> str:
    if moment.tzinfo is None:
        raise ValueError("iCalendar times need an aware datetime")
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def date_value(day: date) -> str:
    return day.strftime("%Y%m%d")


def uid(kind: str, ref: str) -> str:
    safe = "".join(ch if ch.isalnum() or ch in "-_." else "-" for ch in ref)
    return f"{kind}-{safe}@{UID_DOMAIN}"


@dataclass(frozen=True, slots=True)
class TimedEvent:
    """An interview: a start time and a duration."""

    uid: str
    summary: str
    start: datetime
    duration_minutes: int
    location: str = ""
    description: str = ""


@dataclass(frozen=True, slots=True)
class DayItem:
    """A follow-up due on a day (an all-day event)."""

    uid: str
    summary: str
    day: date
    description: str = ""


def _duration(minutes: int) -> str:
    hours, mins = divmod(max(minutes, 1), 60)
    return "PT" + (f"{hours}H" if hours else "") + (f"{mins}M" if mins else "")


def _event_lines(item: TimedEvent | DayItem, stamp: str) -> list[str]:
    lines = ["BEGIN:VEVENT", f"UID:{item.uid}", f"DTSTAMP:{stamp}"]
    if isinstance(item, TimedEvent):
        lines += [f"DTSTART:{utc_stamp(item.start)}", f"DURATION:{_duration(item.duration_minutes)}"]
        if item.location:
            lines.append(f"LOCATION:{escape_text(item.location)}")
    else:
        lines += [
            f"DTSTART;VALUE=DATE:{date_value(item.day)}",
            f"DTEND;VALUE=DATE:{date_value(item.day + timedelta(days=1))}",
            "TRANSP:TRANSPARENT",
        ]
    lines.append(f"SUMMARY:{escape_text(item.summary)}")
    if item.description:
        lines.append(f"DESCRIPTION:{escape_text(item.description)}")
    lines.append("END:VEVENT")
    return lines


def build_calendar(items: Iterable[TimedEvent | DayItem], stamp: datetime, name: str = "nextround") -> str:
    """A whole VCALENDAR as text with CRLF line endings, items in a stable order (by UID)."""
    stamp_text = utc_stamp(stamp)
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{escape_text(name)}",
    ]
    for item in sorted(items, key=lambda i: i.uid):
        lines += _event_lines(item, stamp_text)
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines)
