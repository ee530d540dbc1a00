"""Reading application histories from CSV files: LinkedIn's export and other trackers' exports.

Parsing is all-or-nothing: the first bad record stops the import with its line number, and nothing
is written. Line numbers are those of the file as a text editor shows them (a record with embedded
newlines is reported at the line where it starts).
"""

from __future__ import annotations

import csv
import io
import math
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path
from typing import Any, NoReturn

from nextround.domain.applications import ApplicationFields, FieldError, parse_channel, parse_work_model
from nextround.domain.dates import DateParseError, check_window, parse_date
from nextround.domain.stages import Outcome, Stage
from nextround.errors import UserError
from nextround.integrations.files import decode, read_limited

LINKEDIN_COLUMNS = (
    "Application Date",
    "Contact Email",
    "Contact Phone Number",
    "Company Name",
    "Job Title",
    "Job Url",
    "Resume Name",
    "Question And Answers",
)
_LINKEDIN_DATE = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{2}|\d{4}),?\s+(\d{1,2}):(\d{2})\s*([AaPp][Mm])$")


class ImportFileError(UserError, ValueError):
    """A file that cannot be imported; the message names the line."""


@dataclass(frozen=True, slots=True)
class ImportedApplication:
    """One application read from a file, before it is stored."""

    line: int
    fields: ApplicationFields
    applied_at: datetime | None
    stage: Stage = Stage.APPLIED
    outcome: Outcome | None = None
    closed_on: date | None = None
    extra_notes: tuple[str, ...] = field(default=())
    # Dated steps (day, stage or outcome, interview round) from a nextround CSV export's history column.
    history: tuple[tuple[date, str, int | None], ...] = ()


# Header aliases seen in other trackers' exports (Huntr, Teal, Simplify, spreadsheets people keep).
GENERIC_ALIASES: Mapping[str, tuple[str, ...]] = {
    "company": ("company", "company name", "employer", "organisation", "organization", "business"),
    "role": ("role", "job title", "title", "position", "job", "job position", "role title"),
    "applied_on": ("applied on", "date applied", "application date", "applied", "applied date", "date"),
    "job_url": ("job url", "url", "link", "job link", "posting url", "job posting", "listing url"),
    "stage": ("stage", "status", "state", "pipeline stage"),
    "outcome": ("outcome", "result"),
    "closed_on": ("closed on", "date closed", "rejected on", "rejection date", "closed"),
    "location": ("location", "city", "place"),
    "work_model": ("work model", "remote", "work type", "workplace type", "remote/onsite"),
    "source": ("source", "channel", "how found", "found via", "found through"),
    "source_detail": ("source detail", "board", "referrer", "referred by"),
    "seniority": ("seniority", "level", "job level"),
    "salary_min": ("salary min", "min salary", "salary from", "salary low"),
    "salary_max": ("salary max", "max salary", "salary to", "salary high"),
    "currency": ("currency", "salary currency"),
    "jd_text": ("job description", "description", "jd"),
    "cv_version": ("cv", "cv version", "resume", "resume name", "resume version"),
    "tags": ("tags", "labels"),
    "excitement": ("excitement", "interest", "rating", "priority"),
    "notes": ("notes", "note", "comments", "comment"),
    "contact_email": ("contact email", "recruiter email", "email"),
    "contact_phone": ("contact phone", "contact phone number", "phone"),
    "history": ("history",),
}
# One step of the history column nextround's CSV export writes: `2024-10-03 interview (round 2)`.
_HISTORY_STEP = re.compile(r"^(\d{4}-\d{2}-\d{2}) ([a-z_]+)(?: \(round (\d{1,3})\))?$")
_STATES = frozenset({s.value for s in Stage} | {o.value for o in Outcome})


def read_history(text: str) -> tuple[tuple[date, str, int | None], ...]:
    """The dated steps of a nextround CSV export's history column; () for anything else (another tracker's
    column of that name), so the row falls back to its stage and dates as before."""
    steps = []
    for part in text.split(";"):
        found = _HISTORY_STEP.match(part.strip())
        if found is None or found[2] not in _STATES:
            return ()
        try:
            day = check_window(date.fromisoformat(found[1]))
        except (ValueError, DateParseError):
            return ()
        steps.append((day, found[2], int(found[3]) if found[3] else None))
    return tuple(steps)


# Status words in other trackers, read as (stage reached, outcome).
_STATUS_WORDS: Mapping[str, tuple[Stage, Outcome | None]] = {
    "wishlist": (Stage.SAVED, None),
    "saved": (Stage.SAVED, None),
    "bookmarked": (Stage.SAVED, None),
    "interested": (Stage.SAVED, None),
    "applied": (Stage.APPLIED, None),
    "submitted": (Stage.APPLIED, None),
    "screen": (Stage.SCREENING, None),
    "screening": (Stage.SCREENING, None),
    "phone screen": (Stage.SCREENING, None),
    "recruiter call": (Stage.SCREENING, None),
    "assessment": (Stage.ASSESSMENT, None),
    "take home": (Stage.ASSESSMENT, None),
    "test": (Stage.ASSESSMENT, None),
    "interview": (Stage.INTERVIEW, None),
    "interviewing": (Stage.INTERVIEW, None),
    "onsite": (Stage.FINAL, None),
    "final": (Stage.FINAL, None),
    "final round": (Stage.FINAL, None),
    "offer": (Stage.OFFER, None),
    "accepted": (Stage.ACCEPTED, None),
    "hired": (Stage.ACCEPTED, None),
    "rejected": (Stage.APPLIED, Outcome.REJECTED),
    "declined": (Stage.APPLIED, Outcome.REJECTED),
    "not selected": (Stage.APPLIED, Outcome.REJECTED),
    "withdrawn": (Stage.APPLIED, Outcome.WITHDRAWN),
    "withdrew": (Stage.APPLIED, Outcome.WITHDRAWN),
    "ghosted": (Stage.APPLIED, Outcome.GHOSTED),
    "no response": (Stage.APPLIED, Outcome.GHOSTED),
}


def _normalise_header(name: str) -> str:
    return " ".join(name.replace("_", " ").replace("-", " ").strip().lower().split())


def _records(text: str, *, skip_lines: int = 0) -> Iterator[tuple[int, list[str]]]:
    """CSV records with the line each starts on; a malformed record raises with its line."""
    lines = io.StringIO(text)
    for _ in range(skip_lines):
        lines.readline()
    reader = csv.reader(lines, strict=True)
    start = skip_lines + 1
    while True:
        try:
            record = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            reason = "a quoted field is never closed" if "end of data" in str(exc).lower() else str(exc)
            raise ImportFileError(f"line {start}: malformed CSV: {reason}") from None
        yield start, record
        start = skip_lines + reader.line_num + 1


def _load_text(path: Path, max_bytes: int) -> str:
    text = decode(read_limited(path, max_bytes), str(path))
    if not text.strip():
        raise ImportFileError(f"{path} is empty")
    return text


def parse_linkedin_date(value: str, today: date | None = None) -> datetime:
    """`10/3/24, 2:15 PM` (month/day/year, as LinkedIn writes it) as a naive datetime."""
    match = _LINKEDIN_DATE.match(value.strip())
    if not match:
        # Some exports carry a bare date; read it with the ordinary parser rather than fail.
        return datetime.combine(parse_date(value, today or date.today()), time(12, 0))
    month, day, year, hour, minute, half = match.groups()
    full_year = int(year) + (2000 if len(year) == 2 else 0)
    hour_24 = int(hour) % 12 + (12 if half.lower() == "pm" else 0)
    try:
        moment = datetime(full_year, int(month), int(day), hour_24, int(minute))
    except ValueError as exc:
        raise DateParseError(f"not a valid date: {value!r} ({exc})") from None
    check_window(moment.date(), value)
    return moment


def _with_header(path: Path, max_bytes: int) -> tuple[Iterator[tuple[int, list[str]]], int, list[str]]:
    """The file's records after its header row, the header's line number, and its cleaned column names."""
    records = _records(_load_text(path, max_bytes))
    first = next(records, None)
    if first is None:
        raise ImportFileError(f"{path} is empty")
    header_line, header = first
    return records, header_line, [h.strip().lstrip("\ufeff") for h in header]


def read_linkedin(path: Path, *, max_bytes: int, tz: Any) -> list[ImportedApplication]:
    """LinkedIn's "Job Applications" export (one or more `Job Applications*.csv` files)."""
    records, header_line, header = _with_header(path, max_bytes)
    missing = [c for c in ("Application Date", "Company Name", "Job Title") if c not in header]
    if missing:
        raise ImportFileError(
            f"line {header_line}: not a LinkedIn Job Applications export; missing column(s): " + ", ".join(missing)
        )
    index = {name: header.index(name) for name in LINKEDIN_COLUMNS if name in header}
    found: list[ImportedApplication] = []
    for line, record in records:
        if not any(cell.strip() for cell in record):
            continue
        if len(record) != len(header):
            raise ImportFileError(f"line {line}: expected {len(header)} fields, found {len(record)}")

        def cell(name: str, record: list[str] = record) -> str:
            return record[index[name]].strip() if name in index else ""

        try:
            applied = parse_linkedin_date(cell("Application Date")).replace(tzinfo=tz)
        except DateParseError:
            raise ImportFileError(
                f"line {line}: cannot read the application date {cell('Application Date')!r}"
            ) from None
        try:
            fields = ApplicationFields(
                company=cell("Company Name"),
                role=cell("Job Title"),
                job_url=cell("Job Url"),
                cv_version=cell("Resume Name"),
                # LinkedIn's "Contact Email" and "Contact Phone Number" are the applicant's own details,
                # given to the employer: never the employer's contact, so a feedback request never goes to them.
                screening_answers=record[index["Question And Answers"]] if "Question And Answers" in index else "",
                source=parse_channel("board"),
                source_detail="LinkedIn",
            ).validated()
        except FieldError as exc:
            raise ImportFileError(f"line {line}: {exc}") from None
        found.append(ImportedApplication(line=line, fields=fields, applied_at=applied))
    return found


def _map_columns(header: Sequence[str], overrides: Mapping[str, str]) -> dict[str, int]:
    normalised = [_normalise_header(h) for h in header]
    mapping: dict[str, int] = {}
    for target, column in overrides.items():
        if target not in GENERIC_ALIASES:
            raise ImportFileError(f"unknown field {target!r} to map; known: {', '.join(GENERIC_ALIASES)}", field="map")
        wanted = _normalise_header(column)
        if wanted not in normalised:
            raise ImportFileError(f"{target}={column}: the file has no column {column!r}", field="map")
        mapping[target] = normalised.index(wanted)
    for target, aliases in GENERIC_ALIASES.items():
        if target in mapping:
            continue
        for alias in aliases:
            if alias in normalised and normalised.index(alias) not in mapping.values():
                mapping[target] = normalised.index(alias)
                break
    return mapping


def _status(value: str, line: int) -> tuple[Stage, Outcome | None]:
    key = _normalise_header(value)
    if not key:
        return Stage.APPLIED, None
    if key in _STATUS_WORDS:
        return _STATUS_WORDS[key]
    for word, meaning in _STATUS_WORDS.items():
        if word in key:
            return meaning
    raise ImportFileError(f"line {line}: unknown status {value!r}")


def _int_or_none(value: str, name: str, line: int) -> int | None:
    cleaned = value.replace(",", "").replace(" ", "").strip()
    for symbol in "$€£¥":
        cleaned = cleaned.replace(symbol, "")
    if cleaned.lower().endswith("k") and cleaned[:-1].replace(".", "", 1).isdigit():
        return int(float(cleaned[:-1]) * 1000)
    if not cleaned:
        return None
    if cleaned.isdigit():  # exact, however long; the field rules say how large is too large
        return int(cleaned) if len(cleaned) <= 30 else _too_big(name, line)
    try:
        number = float(cleaned)
    except ValueError:
        raise ImportFileError(f"line {line}: {name} is not a number: {value[:40]!r}") from None
    if not math.isfinite(number):  # "inf", "nan", "1e400"
        raise ImportFileError(f"line {line}: {name} is not a number: {value[:40]!r}")
    if abs(number) >= 2**63:
        return _too_big(name, line)
    return int(number)


def _too_big(name: str, line: int) -> NoReturn:
    raise ImportFileError(f"line {line}: {name} is larger than any salary")


# A spreadsheet reads a cell that starts with one of these as a formula (CSV injection): a company name
# taken from an email could make a link or run a command when the CSV is opened in Excel. Such text is
# written behind an apostrophe, which spreadsheets show as text and do not display, and read back without it.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_cell(value: str) -> str:
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def plain_cell(value: str) -> str:
    return value[1:] if value.startswith("'") and value[1:].startswith(FORMULA_STARTS) else value


def read_generic_csv(
    path: Path, *, max_bytes: int, tz: Any, today: date, overrides: Mapping[str, str] | None = None
) -> list[ImportedApplication]:
    """Any tracker's CSV: columns found by common header names, or mapped with `--map field=Header`."""
    records, header_line, header = _with_header(path, max_bytes)
    mapping = _map_columns(header, overrides or {})
    missing = [name for name in ("company", "role") if name not in mapping]
    if missing:
        raise ImportFileError(
            f"line {header_line}: cannot find a column for {' and '.join(missing)}; "
            "map one to it, e.g. company=Employer",
            field="map",
        )
    found: list[ImportedApplication] = []
    for line, record in records:
        if not any(cell.strip() for cell in record):
            continue
        if len(record) > len(header):
            raise ImportFileError(f"line {line}: expected {len(header)} fields, found {len(record)}")
        padded = record + [""] * (len(header) - len(record))
        values = {name: plain_cell(padded[i].strip()) for name, i in mapping.items()}
        found.append(_generic_record(values, line, tz, today))
    return found


def _generic_record(values: dict[str, str], line: int, tz: Any, today: date) -> ImportedApplication:
    def read_day(name: str) -> date | None:
        raw = values.get(name, "")
        if not raw:
            return None
        try:
            if _LINKEDIN_DATE.match(raw):
                return parse_linkedin_date(raw, today).date()
            return parse_date(raw, today)
        except DateParseError:
            raise ImportFileError(f"line {line}: cannot read the date {raw!r} in column {name}") from None

    stage, outcome = _status(values.get("stage", ""), line)
    if values.get("outcome"):
        reached, outcome = _status(values["outcome"], line)
        if outcome is None:
            stage = reached
    applied_on = read_day("applied_on")
    try:
        fields = ApplicationFields(
            company=values.get("company", ""),
            role=values.get("role", ""),
            seniority=values.get("seniority", ""),
            job_url=values.get("job_url", ""),
            source=parse_channel(values["source"]) if values.get("source") else None,
            source_detail=values.get("source_detail", ""),
            location=values.get("location", ""),
            work_model=parse_work_model(values["work_model"]) if values.get("work_model") else None,
            salary_min=_int_or_none(values.get("salary_min", ""), "salary_min", line),
            salary_max=_int_or_none(values.get("salary_max", ""), "salary_max", line),
            currency=values.get("currency", ""),
            jd_text=values.get("jd_text", ""),
            cv_version=values.get("cv_version", ""),
            tags=tuple(t for t in values.get("tags", "").replace(";", ",").split(",") if t.strip()),
            excitement=_excitement(values.get("excitement", ""), line),
            notes=values.get("notes", ""),
            contact_email=values.get("contact_email", ""),
            contact_phone=values.get("contact_phone", ""),
        ).validated()
    except FieldError as exc:
        raise ImportFileError(f"line {line}: {exc}") from None
    applied_at = datetime.combine(applied_on, time(12, 0), tzinfo=tz) if applied_on else None
    return ImportedApplication(
        line=line,
        fields=fields,
        applied_at=applied_at,
        stage=stage,
        outcome=outcome,
        closed_on=read_day("closed_on"),
        history=read_history(values.get("history", "")),
    )


def _excitement(value: str, line: int) -> int | None:
    if not value:
        return None
    stars = value.count("★") or value.count("*")
    if stars:
        return min(stars, 5)
    number = _int_or_none(value, "excitement", line)
    if number is None:
        return None
    if not 1 <= number <= 5:
        raise ImportFileError(f"line {line}: excitement must be between 1 and 5, not {value!r}")
    return number
