"""Property tests: every parser and importer either answers or refuses with one UserError line, never a traceback.

Each property has a fixed, small example budget and a derandomised search (the same examples every run), so
the suite stays fast and a failure reproduces. Hypothesis shrinks a failing input to a small one to read.
"""

from __future__ import annotations

import contextlib
import copy
import json
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from nextround.domain.dates import DateParseError, in_window, parse_date, parse_datetime
from nextround.domain.ical import DayItem, TimedEvent, build_calendar
from nextround.errors import UserError
from nextround.integrations.contacts_files import parse_linkedin_connections, parse_vcards
from nextround.integrations.files import decode, safe_upload_name
from nextround.integrations.tabular import read_generic_csv, read_linkedin
from nextround.services.transfer import export_data, import_data
from nextround.services.workspace import Workspace
from nextround.storage.snapshot import owned_tables

from .conftest import ZONE
from .factories import make_application

# Budgets: enough to find the classic crashes (overflow, bad encodings, wrong types) in a second or two each.
FAST = settings(max_examples=60, deadline=None, derandomize=True, database=None)
SLOW = settings(max_examples=12, deadline=None, derandomize=True, database=None)
WITH_DB = settings(
    max_examples=15,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
TODAY = date(2024, 11, 6)

date_words = st.sampled_from(
    ["today", "yesterday", "tomorrow", "last friday", "next monday", "this sunday", "a week ago", "in 3 months"]
)
date_like = st.one_of(
    date_words,
    st.from_regex(r"\A\d{1,12} (day|week|month|year)s? ago\Z"),
    st.from_regex(r"\Ain \d{1,12} (day|week|month|year)s?\Z"),
    st.from_regex(r"\A\d{1,5}-\d{1,2}-\d{1,2}([T ]\d{1,2}:\d{2})?\Z"),
    st.from_regex(r"\A\d{1,2}[./]\d{1,2}[./]\d{1,5}\Z"),
    st.text(max_size=40),
)


@FAST
@given(date_like)
@example("999999999 days ago")
@example("9999-12-31T23:59")
def test_parse_date_answers_a_date_in_the_window_or_refuses(text: str) -> None:
    try:
        day = parse_date(text, TODAY)
    except DateParseError:
        return
    assert in_window(day)


@FAST
@given(date_like)
def test_parse_datetime_answers_an_aware_moment_in_the_window_or_refuses(text: str) -> None:
    now = datetime(2024, 11, 6, 10, 0, tzinfo=ZONE)
    try:
        moment = parse_datetime(text, now)
    except DateParseError:
        return
    assert moment.tzinfo is not None and in_window(moment.date())
    assert moment + timedelta(days=366) > moment  # the agenda's arithmetic cannot overflow


cell = st.one_of(
    st.text(max_size=20),
    st.sampled_from(["inf", "nan", "-1", "1e400", str(2**64), "50k", "$1,000", "★★★", "10/3/24, 2:15 PM"]),
    st.sampled_from(["2024-02-31", "9999-12-31", "31/12/1899"]),
)
rows = st.lists(st.lists(cell, min_size=0, max_size=8), max_size=6)


def _csv_text(header: list[str], body: list[list[str]]) -> str:
    import csv
    import io

    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(header)
    writer.writerows(body)
    return out.getvalue()


@FAST
@given(rows, st.sampled_from(["Company,Role,Date applied,Status,Salary max,Excitement,Job URL", "Employer,Title"]))
def test_generic_csv_reads_or_refuses_one_line(tmp_path_factory: Any, body: list[list[str]], header: str) -> None:
    path = Path(tmp_path_factory.mktemp("csv")) / "tracker.csv"
    path.write_text(_csv_text(header.split(","), body), encoding="utf-8")
    try:
        found = read_generic_csv(path, max_bytes=10**6, tz=ZONE, today=TODAY)
    except UserError as exc:
        assert "\n" not in str(exc)
        return
    for item in found:
        assert item.fields.company and item.fields.role
        assert item.applied_at is None or in_window(item.applied_at.date())


@FAST
@given(st.binary(max_size=300))
def test_any_bytes_as_a_linkedin_export_read_or_refuse(tmp_path_factory: Any, data: bytes) -> None:
    path = Path(tmp_path_factory.mktemp("li")) / "Job Applications.csv"
    path.write_bytes(b"Application Date,Company Name,Job Title\n" + data)
    try:
        read_linkedin(path, max_bytes=10**6, tz=ZONE)
    except UserError as exc:
        assert "\n" not in str(exc)


@FAST
@given(st.binary(max_size=200))
def test_decode_reads_text_or_refuses(data: bytes) -> None:
    with contextlib.suppress(UserError):
        assert isinstance(decode(data, "file.txt"), str)


vcard_line = st.one_of(
    st.sampled_from(["BEGIN:VCARD", "END:VCARD", "VERSION:3.0", "FN:Ada Lovelace", "EMAIL:ada@example.test",
                     "URL:https://www.linkedin.com/in/ada", "ORG:Analytical;Engines", " folded", "N:;;;;"]),
    st.text(max_size=30).map(lambda t: "NOTE:" + t),
    st.text(max_size=30),
)  # fmt: skip


@FAST
@given(st.lists(vcard_line, max_size=12))
def test_vcards_parse_or_refuse(lines: list[str]) -> None:
    try:
        parse_vcards("\r\n".join(lines))
    except UserError as exc:
        assert "\n" not in str(exc)


@FAST
@given(rows)
def test_linkedin_connections_parse_or_refuse(body: list[list[str]]) -> None:
    header = ["First Name", "Last Name", "URL", "Email Address", "Company", "Position", "Connected On"]
    try:
        parse_linkedin_connections(_csv_text(header, body))
    except UserError as exc:
        assert "\n" not in str(exc)


@FAST
@given(st.text(max_size=300))
@example("..")
@example("a" * 400 + ".pdf")
def test_upload_names_are_always_one_plain_file_name(name: str) -> None:
    safe = safe_upload_name(name)
    assert safe and "/" not in safe and "\\" not in safe and not safe.startswith(".")
    assert len(safe.encode()) <= 255 * 4 and len(safe) <= 120
    assert all(ch.isprintable() for ch in safe)


def _unfold(calendar: str) -> list[str]:
    lines: list[str] = []
    for raw in calendar.split("\r\n"):
        assert len(raw.encode("utf-8")) <= 75, raw
        if raw.startswith(" "):
            lines[-1] += raw[1:]
        elif raw:
            lines.append(raw)
    return lines


def _unescape(value: str) -> str:
    out, i = [], 0
    while i < len(value):
        if value[i] == "\\" and i + 1 < len(value):
            out.append("\n" if value[i + 1] in "nN" else value[i + 1])
            i += 2
        else:
            out.append(value[i])
            i += 1
    return "".join(out)


@FAST
@given(
    st.text(max_size=120).filter(lambda t: "\r" not in t),
    st.datetimes(min_value=datetime(1970, 1, 2), max_value=datetime(2100, 12, 30), timezones=st.just(UTC)),
    st.integers(min_value=1, max_value=600),
)
def test_ics_export_round_trips_the_summary_and_folds_every_line(summary: str, start: datetime, minutes: int) -> None:
    calendar = build_calendar(
        [TimedEvent("i-1@x", summary, start, minutes), DayItem("d-1@x", summary, start.date())],
        stamp=datetime(2024, 11, 6, tzinfo=UTC),
    )
    summaries = [_unescape(line.split(":", 1)[1]) for line in _unfold(calendar) if line.startswith("SUMMARY:")]
    assert summaries == [summary, summary]


prose = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=400)


@SLOW
@given(prose, prose)
def test_answer_analysis_never_raises_and_is_json(question: str, answer: str) -> None:
    from nextround.analysis.answer import analyze_answer

    json.dumps(analyze_answer(question, answer, None).to_dict())


@SLOW
@given(prose)
def test_feedback_analysis_never_raises_and_is_json(text: str) -> None:
    from nextround.analysis.feedback import analyze_feedback

    json.dumps(analyze_feedback(text).to_dict())


@SLOW
@given(prose, prose)
def test_skill_match_never_raises_and_is_json(jd: str, cv: str) -> None:
    from nextround.analysis.skillgaps import match

    json.dumps(match(jd, cv).to_dict())


# -- JSON import: all-or-nothing whatever the file holds --------------------------------------------------

json_scalar = st.one_of(
    st.none(), st.booleans(), st.integers(min_value=-(2**70), max_value=2**70), st.text(max_size=12),
    st.floats(allow_nan=False), st.sampled_from(["2024-02-31", "9999-12-31", "2024-10-03T10:00:00", "1e400"]),
)  # fmt: skip
json_value = st.recursive(
    json_scalar, lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3),
    max_leaves=8,
)  # fmt: skip


def _counts(ws: Workspace) -> dict[str, int]:
    with ws.db.read() as session:
        return {t.name: session.scalar(select(func.count()).select_from(t)) or 0 for t in owned_tables()}


@WITH_DB
@given(st.data())
def test_a_mutated_export_imports_whole_or_not_at_all(workspace: Workspace, data: st.DataObject) -> None:
    if not _counts(workspace)["applications"]:
        make_application(workspace, company="Seed", notes="first")
    export = export_data(workspace)
    mutated = copy.deepcopy(export)
    mutated.tables["applications"][0]["id"] = 99
    table = data.draw(st.sampled_from([t.name for t in owned_tables()]), label="table")
    row = data.draw(st.dictionaries(st.sampled_from([c.name for c in _table(table).columns]), json_value), label="row")
    mutated.tables.setdefault(table, []).append(row)
    before = _counts(workspace)
    try:
        import_data(workspace, mutated)
    except UserError as exc:
        assert "\n" not in str(exc)
        assert _counts(workspace) == before  # refused whole
        return
    after = _counts(workspace)
    assert sum(after.values()) - sum(before.values()) <= 2  # at most the new row (and the renumbered app)


def _table(name: str) -> Any:
    return next(t for t in owned_tables() if t.name == name)
