from datetime import UTC, date, datetime, time, timedelta, timezone

import pytest

from nextround.domain.dates import DateParseError, day_to_moment, parse_date, parse_datetime, parse_when

TODAY = date(2024, 11, 6)  # a Wednesday


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2024-10-03", date(2024, 10, 3)),
        ("2024-10-03T14:00:00", date(2024, 10, 3)),
        ("03/10/2024", date(2024, 10, 3)),
        ("today", TODAY),
        ("Yesterday", date(2024, 11, 5)),
        ("tomorrow", date(2024, 11, 7)),
        ("3 days ago", date(2024, 11, 3)),
        ("one week ago", date(2024, 10, 30)),
        ("2 weeks ago", date(2024, 10, 23)),
        ("a month ago", date(2024, 10, 6)),
        ("1 year ago", date(2023, 11, 6)),
        ("in 2 days", date(2024, 11, 8)),
        ("last friday", date(2024, 11, 1)),
        ("friday", date(2024, 11, 1)),
        ("last wednesday", date(2024, 10, 30)),
        ("this monday", date(2024, 11, 4)),
        ("next monday", date(2024, 11, 11)),
    ],
)
def test_parse_date(text: str, expected: date) -> None:
    assert parse_date(text, TODAY) == expected


@pytest.mark.parametrize(
    ("text", "today", "expected"),
    [
        ("01/12", date(2026, 12, 6), date(2026, 12, 1)),  # day first, as 03/10/2024 is
        ("1/12", date(2027, 1, 10), date(2026, 12, 1)),  # in January, last December's
        ("28.02", date(2026, 12, 6), date(2027, 2, 28)),  # the nearest, as "28 Feb" is
        ("29/02", date(2024, 11, 6), date(2024, 2, 29)),  # the only nearby year that has it
    ],
)
def test_day_and_month_without_a_year_is_the_nearest_such_day(text: str, today: date, expected: date) -> None:
    assert parse_date(text, today) == expected


@pytest.mark.parametrize(
    ("text", "message"), [("12/25", "there is no month 25; the day comes first"), ("31/04", "no day 31")]
)
def test_day_and_month_that_cannot_be_are_refused(text: str, message: str) -> None:
    with pytest.raises(DateParseError, match=message):
        parse_date(text, TODAY)


def test_month_arithmetic_clamps_to_the_month_end() -> None:
    assert parse_date("1 month ago", date(2024, 3, 31)) == date(2024, 2, 29)


@pytest.mark.parametrize("text", ["", "someday", "31/02/2024", "2024-13-01", "3 fortnights ago", "many days ago"])
def test_bad_dates_raise_a_readable_error(text: str) -> None:
    with pytest.raises(DateParseError):
        parse_date(text, TODAY)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("31/02/2024", "not a valid date: '31/02/2024' (that month has no day 31)"),
        ("12/13/2024", "not a valid date: '12/13/2024' (there is no month 13)"),
        ("01/01/0000", "not a valid date: '01/01/0000' (there is no year 0)"),
    ],
)
def test_an_impossible_day_is_said_in_words_not_in_pythons(text: str, message: str) -> None:
    with pytest.raises(DateParseError) as refused:
        parse_date(text, TODAY)
    assert str(refused.value) == message


def test_a_paste_in_a_date_box_is_not_repeated_whole_in_the_message() -> None:
    pasted = "We are looking for a baker who loves early mornings. " * 100
    for parse in (lambda: parse_date(pasted, TODAY), lambda: parse_datetime(pasted, datetime(2024, 10, 9, tzinfo=UTC))):
        with pytest.raises(DateParseError) as refused:
            parse()
        assert len(str(refused.value)) < 200
        assert "'We are looking for a baker who loves ea…'" in str(refused.value)


def test_parse_datetime_today_is_now_and_other_days_are_noon() -> None:
    now = datetime(2024, 11, 6, 9, 30, tzinfo=timezone(timedelta(hours=-5)))
    assert parse_datetime("today", now) == now
    assert parse_datetime("yesterday", now) == datetime(2024, 11, 5, 12, tzinfo=now.tzinfo)
    assert parse_datetime("2024-11-01T08:15", now) == datetime(2024, 11, 1, 8, 15, tzinfo=now.tzinfo)
    assert day_to_moment(date(2024, 11, 6), now) == now


@pytest.mark.parametrize(
    "text",
    ["9999-12-31", "0001-01-01", "1969-12-31", "2101-01-01", "31/12/9999", "999999999 days ago", "99999 years ago",
     "in 5000 years", "in 99999999999999999999 weeks"],
)  # fmt: skip
def test_dates_outside_1970_to_2100_are_refused_in_one_line(text: str) -> None:
    with pytest.raises(DateParseError, match=r"1970-2100"):
        parse_date(text, date(2024, 10, 9))


def test_date_times_outside_the_window_are_refused() -> None:
    now = datetime(2024, 10, 9, 12, 0, tzinfo=UTC)
    with pytest.raises(DateParseError, match=r"1970-2100"):
        parse_datetime("9999-12-31T23:59", now)
    assert parse_datetime("2100-12-31T23:59", now).year == 2100
    assert parse_date("1970-01-01", now.date()) == date(1970, 1, 1)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("3 October 2024", date(2024, 10, 3)),
        ("3rd Oct 2024", date(2024, 10, 3)),
        ("October 3, 2024", date(2024, 10, 3)),
        ("Thursday 3rd of October 2024", date(2024, 10, 3)),
        ("3 Oct.", date(2024, 10, 3)),  # no year: the nearest to today
        ("Sept 30", date(2024, 9, 30)),
        ("2 March", date(2025, 3, 2)),  # four months ahead is nearer than eight months back
        ("28 December", date(2024, 12, 28)),
    ],
)
def test_days_written_with_the_month_in_words(text: str, expected: date) -> None:
    assert parse_date(text, TODAY) == expected


@pytest.mark.parametrize("text", ["3 Octobre 2024", "31 Feb 2024", "October 2024", "3 Oct 1960"])
def test_a_month_in_words_is_never_guessed(text: str) -> None:
    with pytest.raises(DateParseError):
        parse_date(text, TODAY)


@pytest.mark.parametrize(
    ("text", "day"),
    [("3 December 2026", date(2026, 12, 3)), ("21 October 2026", date(2026, 10, 21)),
     ("Saturday 5 Dec", date(2026, 12, 5)), ("4 February 2026", date(2026, 2, 4))],
)  # fmt: skip
def test_a_day_in_words_with_a_space_eleventh_is_read_where_a_time_may_follow(text: str, day: date) -> None:
    # The feedback form's "When it came" and a stage move's "When" read with parse_datetime/parse_when; these
    # were taken for ISO date-times (a space where "2026-12-03 16:00" has one) and refused.
    now = datetime(2026, 12, 6, 15, 0, tzinfo=UTC)
    assert parse_datetime(text, now) == datetime.combine(day, time(12, 0), tzinfo=UTC)
    assert parse_when(text, now).date() == day
    assert parse_datetime("2026-12-03 16:00", now) == datetime(2026, 12, 3, 16, 0, tzinfo=UTC)
