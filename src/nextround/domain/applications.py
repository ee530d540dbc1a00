"""What an application is, and the rules its fields follow."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, fields, replace
from datetime import date, datetime
from enum import StrEnum
from typing import Any

from nextround.domain.stages import ApplicationState, Stage, StageEvent, rejection_bucket
from nextround.errors import UserError

MAX_SHORT_TEXT = 300
MAX_LONG_TEXT = 200_000  # a long job description is ~20 kB; this leaves room without inviting abuse
MAX_SALARY = 2**63 - 1  # a BIGINT on both engines: a yearly salary in dong or rupiah fits many times over
_TEXT_FIELDS = ("company", "role", "seniority", "job_url", "source_detail", "location", "currency", "jd_text",
                "cv_version", "notes", "contact_email", "contact_phone", "screening_answers")  # fmt: skip


class Channel(StrEnum):
    BOARD = "board"
    REFERRAL = "referral"
    AGENCY = "agency"
    COMPANY_SITE = "company_site"
    RECRUITER = "recruiter"
    NETWORK = "network"
    OTHER = "other"


class WorkModel(StrEnum):
    ONSITE = "onsite"
    HYBRID = "hybrid"
    REMOTE = "remote"


_CHANNEL_ALIASES = {
    "job board": Channel.BOARD,
    "jobboard": Channel.BOARD,
    "linkedin": Channel.BOARD,
    "indeed": Channel.BOARD,
    "careers page": Channel.COMPANY_SITE,
    "company site": Channel.COMPANY_SITE,
    "company website": Channel.COMPANY_SITE,
    "direct": Channel.COMPANY_SITE,
    "recruitment agency": Channel.AGENCY,
    "recruiter outreach": Channel.RECRUITER,
    "inbound": Channel.RECRUITER,
    "friend": Channel.REFERRAL,
    "networking": Channel.NETWORK,
}
_WORK_MODEL_ALIASES = {
    "on-site": WorkModel.ONSITE,
    "on site": WorkModel.ONSITE,
    "office": WorkModel.ONSITE,
    "in office": WorkModel.ONSITE,
    "remote-first": WorkModel.REMOTE,
    "fully remote": WorkModel.REMOTE,
    "wfh": WorkModel.REMOTE,
}
_CURRENCY = re.compile(r"^[A-Z]{3}$")


class FieldError(UserError, ValueError):
    """A field value the user gave that we cannot store as it is."""


def parse_channel(value: str) -> Channel:
    key = value.strip().lower()
    if key in _CHANNEL_ALIASES:
        return _CHANNEL_ALIASES[key]
    try:
        return Channel(key.replace(" ", "_").replace("-", "_"))
    except ValueError:
        names = ", ".join(c.value for c in Channel)
        raise FieldError(f"unknown source {value!r}; expected one of: {names}", field="source") from None


def parse_work_model(value: str) -> WorkModel:
    key = value.strip().lower()
    if key in _WORK_MODEL_ALIASES:
        return _WORK_MODEL_ALIASES[key]
    try:
        return WorkModel(key)
    except ValueError:
        names = ", ".join(w.value for w in WorkModel)
        raise FieldError(f"unknown work model {value!r}; expected one of: {names}", field="work_model") from None


def parse_tags(value: str | list[str] | tuple[str, ...] | None) -> tuple[str, ...]:
    if value is None:
        return ()
    items = value.split(",") if isinstance(value, str) else list(value)
    seen: dict[str, None] = {}
    for item in items:
        tag = " ".join(str(item).split()).lower()
        if tag:
            seen.setdefault(tag[:60], None)
    return tuple(seen)


@dataclass(frozen=True, slots=True)
class ApplicationFields:
    """The facts a user records about an application (everything but its history)."""

    company: str
    role: str
    seniority: str = ""
    job_url: str = ""
    source: Channel | None = None
    source_detail: str = ""
    location: str = ""
    work_model: WorkModel | None = None
    salary_min: int | None = None
    salary_max: int | None = None
    currency: str = ""
    jd_text: str = ""
    cv_version: str = ""
    tags: tuple[str, ...] = ()
    excitement: int | None = None
    notes: str = ""
    contact_email: str = ""
    contact_phone: str = ""
    screening_answers: str = ""

    def validated(self) -> ApplicationFields:
        """Return a cleaned copy, or raise FieldError naming the first bad field."""
        for name in _TEXT_FIELDS:
            if not isinstance(getattr(self, name), str):
                raise FieldError(f"{name} must be text", field=name)
        for name in ("salary_min", "salary_max", "excitement"):
            value = getattr(self, name)
            if value is not None and (isinstance(value, bool) or not isinstance(value, int)):
                raise FieldError(f"{name} must be a whole number", field=name)
        company = " ".join(self.company.split())
        role = " ".join(self.role.split())
        if not company:
            raise FieldError("company is required", field="company")
        if not role:
            raise FieldError("role is required", field="role")
        for name in ("company", "role", "seniority", "source_detail", "location", "cv_version", "job_url"):
            value = getattr(self, name)
            if len(value) > MAX_SHORT_TEXT:
                raise FieldError(f"{name} is longer than {MAX_SHORT_TEXT} characters", field=name)
        for name in ("jd_text", "notes", "screening_answers"):
            if len(getattr(self, name)) > MAX_LONG_TEXT:
                raise FieldError(f"{name} is longer than {MAX_LONG_TEXT} characters", field=name)
        if self.excitement is not None and not 1 <= self.excitement <= 5:
            raise FieldError("excitement must be between 1 and 5", field="excitement")
        for name in ("salary_min", "salary_max"):
            value = getattr(self, name)
            if value is not None and value < 0:
                raise FieldError(f"{name} cannot be negative", field=name)
            if value is not None and value > MAX_SALARY:
                raise FieldError(f"{name} is larger than any salary", field=name)
        if self.salary_min is not None and self.salary_max is not None and self.salary_min > self.salary_max:
            raise FieldError("salary_min is greater than salary_max", field="salary_min")
        currency = self.currency.strip().upper()
        if currency and not _CURRENCY.match(currency):
            raise FieldError(
                f"currency must be a three-letter code like EUR or USD, not {self.currency!r}", field="currency"
            )
        url = self.job_url.strip()
        if url and not url.lower().startswith(("http://", "https://")):
            raise FieldError(f"job URL must start with http:// or https://, not {url[:40]!r}", field="job_url")
        return replace(
            self,
            company=company,
            role=role,
            seniority=self.seniority.strip(),
            job_url=url,
            currency=currency,
            tags=parse_tags(self.tags),
        )

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for f in fields(self):
            value = getattr(self, f.name)
            out[f.name] = list(value) if isinstance(value, tuple) else value
        return out


FIELD_NAMES: tuple[str, ...] = tuple(f.name for f in fields(ApplicationFields))


@dataclass(frozen=True, slots=True)
class Application:
    """An application as read back from storage: its fields, its history, and what that history says."""

    id: int
    fields: ApplicationFields
    created_at: datetime
    applied_on: date | None
    state: ApplicationState
    events: tuple[StageEvent, ...] = field(default=())

    def to_dict(self, *, with_history: bool = True) -> dict[str, Any]:
        state = self.state
        out: dict[str, Any] = {"id": self.id, **self.fields.to_dict()}
        out.update(
            stage=state.stage.value,
            outcome=state.outcome.value if state.outcome else None,
            interview_round=state.interview_round,
            rejected_at_stage=state.rejection_bucket,
            closed_at_stage=state.closed_at_stage.value if state.closed_at_stage else None,
            furthest_stage=state.furthest_stage.value,
            created_at=self.created_at.isoformat(),
            applied_on=self.applied_on.isoformat() if self.applied_on else None,
            closed_on=state.closed_at.date().isoformat() if state.closed_at else None,
            last_activity_at=state.last_activity_at.isoformat() if state.last_activity_at else None,
        )
        if with_history:
            out["history"] = [
                {
                    "from": e.from_state,
                    "to": e.to_state,
                    "round": e.round,
                    "occurred_at": e.occurred_at.isoformat(),
                    "source": e.source.value,
                    "note": e.note,
                }
                for e in self.events
            ]
        return out


# What a listing shows: everything but the long texts and the history.
SUMMARY_COLUMNS: tuple[str, ...] = (
    "id", "company", "role", "seniority", "job_url", "source", "source_detail", "location", "work_model",
    "salary_min", "salary_max", "currency", "cv_version", "tags", "excitement", "created_at", "applied_on",
    "stage", "outcome", "interview_round", "furthest_stage", "closed_at", "closed_at_stage", "last_activity_at",
)  # fmt: skip


_BUCKETS: dict[str, str] = {stage.value: rejection_bucket(stage) for stage in Stage}


@dataclass(frozen=True, slots=True)
class ApplicationSummary:
    """One listing row: an application without its long texts and history, with the same names and
    meanings as Application.to_dict. Dates and moments are kept as the ISO 8601 text the JSON shows (the
    fast SQLite listing reads them as text and never builds date objects for thousands of rows)."""

    id: int
    company: str
    role: str
    seniority: str
    job_url: str
    source: str | None
    source_detail: str
    location: str
    work_model: str | None
    salary_min: int | None
    salary_max: int | None
    currency: str
    cv_version: str
    tags: tuple[str, ...]
    excitement: int | None
    created_at: str
    applied_on: str | None
    stage: str
    outcome: str | None
    interview_round: int | None
    furthest_stage: str
    last_activity_at: str | None
    rejected_at_stage: str | None
    closed_at_stage: str | None
    closed_on: str | None


def _iso(value: Any) -> str | None:
    return value if value is None or isinstance(value, str) else value.isoformat()


# The listing row's keys in order: its JSON object's keys too (ApplicationSummary has no renamed fields).
SUMMARY_FIELDS: tuple[str, ...] = tuple(f.name for f in fields(ApplicationSummary))


def summary_values(values: Sequence[Any]) -> tuple[Any, ...]:
    """A listing row's values in SUMMARY_FIELDS order, from its values in SUMMARY_COLUMNS order (dates and
    moments already ISO text, UTC moments, and tags a tuple): one unpacking, because `app list` builds
    thousands of these. `ApplicationSummary(*values)` is the row; `app list --json` writes the values as
    they are."""
    (
        app_id, company, role, seniority, job_url, source, source_detail, location, work_model, salary_min,
        salary_max, currency, cv_version, tags, excitement, created_at, applied_on, stage, outcome, interview_round,
        furthest_stage, closed_at, stage_closed, last_activity_at,
    ) = values  # fmt: skip
    rejected = stage_closed and outcome in ("rejected", "ghosted")
    return (
        app_id, company, role, seniority, job_url, source, source_detail, location, work_model, salary_min,
        salary_max, currency, cv_version, tags, excitement, created_at, applied_on, stage, outcome, interview_round,
        furthest_stage, last_activity_at, _BUCKETS.get(stage_closed) if rejected else None, stage_closed,
        None if closed_at is None else closed_at[:10],
    )  # fmt: skip


def summary_from_row(values: dict[str, Any]) -> ApplicationSummary:
    """A stored listing row (the SUMMARY_COLUMNS) as a summary.

    Dates and moments may come as date/datetime objects or already as ISO text (UTC moments).
    """
    fields = dict(values)
    closed_at = fields.pop("closed_at")
    stage_closed = fields["closed_at_stage"]
    for name in ("created_at", "applied_on", "last_activity_at"):
        fields[name] = _iso(fields[name])
    fields["tags"] = tuple(fields["tags"] or ())
    rejected = stage_closed and fields["outcome"] in ("rejected", "ghosted")
    return ApplicationSummary(
        **fields,
        rejected_at_stage=_BUCKETS.get(stage_closed) if rejected else None,
        closed_on=None if closed_at is None else (_iso(closed_at) or "")[:10],
    )


# C0 and C1 control characters but tab and newline: storage drops them from single-line text (storage.tables
# SingleLine), the dedupe key included, so the key is computed without them too.
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def dedupe_key(fields: ApplicationFields, applied_on: date | None) -> str:
    """The identity of an application across re-imports: its job URL, else company + role + date, as storage
    keeps them (without control characters: else a company named with an escape sequence, stored without
    it, would be imported again on every re-import)."""
    return _CONTROLS.sub("", _dedupe_key(fields, applied_on))


def _dedupe_key(fields: ApplicationFields, applied_on: date | None) -> str:
    url = fields.job_url.strip()
    if url:
        url = url.split("#", 1)[0].split("?", 1)[0].rstrip("/")
        _, _, rest = url.partition("://")
        host, _, path = rest.partition("/")
        return f"url:{host.lower().removeprefix('www.')}/{path}"
    company = " ".join(fields.company.lower().split())
    role = " ".join(fields.role.lower().split())
    return f"cr:{company}|{role}|{applied_on.isoformat() if applied_on else ''}"
