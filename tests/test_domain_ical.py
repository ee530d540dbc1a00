"""iCalendar output checked by a small RFC 5545 reader written here (unfold, split, check)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from nextround.domain.ical import DayItem, TimedEvent, build_calendar, escape_text, fold, uid, utc_stamp

STAMP = datetime(2024, 11, 6, 9, 30, tzinfo=UTC)


def unfold(text: str) -> list[str]:
    assert text.endswith("\r\n")
    physical = text[:-2].split("\r\n")
    assert all("\n" not in line and "\r" not in line for line in physical), "bare LF or CR in the output"
    assert all(len(line.encode("utf-8")) <= 75 for line in physical), "a line over 75 octets"
    logical: list[str] = []
    for line in physical:
        if line.startswith(" "):
            logical[-1] += line[1:]
        else:
            logical.append(line)
    return logical


def unescape(value: str) -> str:
    out, chars = [], iter(value)
    for ch in chars:
        if ch == "\\":
            nxt = next(chars)
            out.append("\n" if nxt in "nN" else nxt)
        else:
            out.append(ch)
    return "".join(out)


def components(text: str) -> list[dict[str, str]]:
    """Each VEVENT as {NAME(;PARAMS): raw value}, plus the calendar's own properties as the first dict."""
    found: list[dict[str, str]] = [{}]
    stack: list[str] = []
    for line in unfold(text):
        name, _, value = line.partition(":")
        if name == "BEGIN":
            stack.append(value)
            if value == "VEVENT":
                found.append({})
            continue
        if name == "END":
            assert stack.pop() == value
            continue
        found[-1 if stack[-1] == "VEVENT" else 0][name] = value
    assert stack == []
    return found


def test_fold_splits_at_75_octets_without_breaking_characters() -> None:
    line = "DESCRIPTION:" + "é" * 100
    folded = fold(line)
    pieces = folded.split("\r\n ")
    assert len(pieces) > 2
    assert all(len(p.encode("utf-8")) <= (75 if i == 0 else 74) for i, p in enumerate(pieces))
    assert "".join(pieces) == line
    assert fold("SHORT:x") == "SHORT:x"


def test_escape_text() -> None:
    assert escape_text("a,b;c\\d\ne\r\nf") == "a\\,b\\;c\\\\d\\ne\\nf"
    assert unescape(escape_text("a,b;c\\d\ne")) == "a,b;c\\d\ne"


def test_utc_stamp_and_uid() -> None:
    zone = timezone(timedelta(hours=2))
    assert utc_stamp(datetime(2024, 11, 6, 12, 0, tzinfo=zone)) == "20241106T100000Z"
    with pytest.raises(ValueError, match="aware"):
        utc_stamp(datetime(2024, 11, 6, 12, 0))
    assert uid("nudge", "keep_in_touch-3-5") == "nudge-keep_in_touch-3-5@nextround.local"
    assert uid("nudge", "a b/c") == "nudge-a-b-c@nextround.local"


def test_calendar_has_the_required_properties_and_values() -> None:
    interview = TimedEvent(
        uid=uid("interview", "4"),
        summary="Interview: Baker at Crumb, Co; Ltd",
        start=datetime(2024, 11, 8, 15, 0, tzinfo=timezone(timedelta(hours=1))),
        duration_minutes=90,
        location="Room 4, 2nd floor",
        description="Interviewers: Ada King, Bo Li\nBring the portfolio. " + "Long text " * 20,
    )
    follow_up = DayItem(uid=uid("nudge", "thank_you-4"), summary="Thank-you note", day=date(2024, 11, 9))
    text = build_calendar([follow_up, interview], STAMP)
    calendar, *events = components(text)
    assert calendar["VERSION"] == "2.0"
    assert calendar["PRODID"]
    assert len(events) == 2
    for event in events:
        assert {"UID", "DTSTAMP"} <= event.keys()
        assert event["DTSTAMP"] == "20241106T093000Z"
    timed = next(e for e in events if e["UID"] == "interview-4@nextround.local")
    assert timed["DTSTART"] == "20241108T140000Z"
    assert timed["DURATION"] == "PT1H30M"
    assert unescape(timed["SUMMARY"]) == interview.summary
    assert unescape(timed["LOCATION"]) == "Room 4, 2nd floor"
    assert unescape(timed["DESCRIPTION"]) == interview.description
    day = next(e for e in events if e["UID"] == "nudge-thank_you-4@nextround.local")
    assert day["DTSTART;VALUE=DATE"] == "20241109"
    assert day["DTEND;VALUE=DATE"] == "20241110"


def test_output_is_stable_whatever_the_input_order() -> None:
    a = DayItem(uid=uid("nudge", "a"), summary="A", day=date(2024, 11, 9))
    b = DayItem(uid=uid("nudge", "b"), summary="B", day=date(2024, 11, 10))
    assert build_calendar([a, b], STAMP) == build_calendar([b, a], STAMP)
