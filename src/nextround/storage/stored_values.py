"""How the read path's stored values become domain values: an application or a contact from its row's values,
stored names this version does not know read as the nearest plain meaning, histories with unreadable moments
filled in. Shared by storage.reads (plain SQL) and the repositories (the ORM), so both read alike."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from nextround.domain.applications import FIELD_NAMES, Application, ApplicationFields, Channel, WorkModel
from nextround.domain.stages import ApplicationState, EventSource, Outcome, Stage, StageEvent

if TYPE_CHECKING:
    from nextround.domain.contacts import Contact

# What `application_from_values` unpacks, in this order: listing thousands of applications is several
# times faster from plain tuples and dict lookups than from attribute access and Enum calls per value.
APPLICATION_COLUMNS: tuple[str, ...] = (
    "id", "created_at", "applied_on", *FIELD_NAMES, "stage", "outcome", "interview_round", "closed_at",
    "closed_at_stage", "furthest_stage", "first_response_at", "last_activity_at",
)  # fmt: skip


class _OrElse(dict[Any, Any]):
    """A lookup of stored names that answers `fallback` for a name this version does not know: a row an
    older version, another tool or a hand edit wrote ('onsite', 'hired', 'linkedin') reads as the nearest
    plain meaning instead of failing every page and command that lists it. The row itself is not changed."""

    def __init__(self, known: dict[Any, Any], fallback: Any) -> None:
        super().__init__(known)
        self.fallback = fallback

    def __missing__(self, key: Any) -> Any:
        return self.fallback


# An unknown stage reads as applied (open, no response yet), an unknown outcome as none (open), an unknown
# channel as other, an unknown work model as none, an unknown source of an event as an import.
_STAGES: dict[str, Stage] = _OrElse({s.value: s for s in Stage}, Stage.APPLIED)
_OUTCOMES: dict[str | None, Outcome | None] = _OrElse({None: None, "": None, **{o.value: o for o in Outcome}}, None)
_CHANNELS: dict[str | None, Channel | None] = _OrElse(
    {None: None, "": None, **{c.value: c for c in Channel}}, Channel.OTHER
)
_WORK_MODELS: dict[str | None, WorkModel | None] = _OrElse(
    {None: None, "": None, **{w.value: w for w in WorkModel}}, None
)
_SOURCES: dict[str, EventSource] = _OrElse({s.value: s for s in EventSource}, EventSource.IMPORT)


def stage_of(value: str) -> Stage:
    return _STAGES[value]


def outcome_of(value: str | None) -> Outcome | None:
    return _OUTCOMES[value]


def known_moments(events: list[StageEvent]) -> list[StageEvent]:
    """A history in which every event has a moment: one whose stored moment cannot be read (a hand edit, an
    older tool) takes the moment of the event before it, or after it, so the order and the replay hold."""
    moments: list[datetime | None] = [event.occurred_at for event in events]  # None where unreadable
    if None not in moments:
        return events
    known = [moment for moment in moments if moment is not None]
    last = known[0] if known else datetime(1970, 1, 1, tzinfo=UTC)
    filled = []
    for event, moment in zip(events, moments, strict=True):
        last = moment or last
        filled.append(event if moment is not None else replace(event, occurred_at=last))
    return filled


def application_from_values(values: Sequence[Any], events: tuple[StageEvent, ...] = ()) -> Application:
    """An application from its decoded values in APPLICATION_COLUMNS order."""
    (
        app_id, created_at, applied_on, company, role, seniority, job_url, source, source_detail, location,
        work_model, salary_min, salary_max, currency, jd_text, cv_version, tags, excitement, notes, contact_email,
        contact_phone, screening_answers, stage, outcome, interview_round, closed_at, closed_at_stage,
        furthest_stage, first_response_at, last_activity_at,
    ) = values  # fmt: skip
    fields = ApplicationFields(
        company=company,
        role=role,
        seniority=seniority,
        job_url=job_url,
        source=_CHANNELS[source],
        source_detail=source_detail,
        location=location,
        work_model=_WORK_MODELS[work_model],
        salary_min=salary_min,
        salary_max=salary_max,
        currency=currency,
        jd_text=jd_text,
        cv_version=cv_version,
        tags=tuple(tags or ()),
        excitement=excitement,
        notes=notes,
        contact_email=contact_email,
        contact_phone=contact_phone,
        screening_answers=screening_answers,
    )
    state = ApplicationState(
        stage=_STAGES[stage],
        outcome=_OUTCOMES[outcome],
        interview_round=interview_round,
        closed_at=closed_at,
        closed_at_stage=_STAGES[closed_at_stage] if closed_at_stage else None,
        furthest_stage=_STAGES[furthest_stage],
        first_response_at=first_response_at,
        last_activity_at=last_activity_at,
    )
    return Application(
        id=app_id, fields=fields, created_at=created_at, applied_on=applied_on, state=state, events=events
    )


CONTACT_COLUMNS = (
    "name", "email", "phone", "company", "title", "linkedin_url", "cadence_days", "notes", "connected_on",
)  # fmt: skip


def contact_from_values(contact_id: int, kind: str, values: Sequence[Any], created_at: datetime) -> Contact:
    """A contact from its decoded values: the CONTACT_COLUMNS in order; an unknown kind reads as a peer."""
    # The other pillars' domain modules are imported where they are read: `app show` needs none of them.
    from nextround.domain.contacts import Contact, ContactFields, ContactKind

    known = kind in ContactKind._value2member_map_
    fields = ContactFields(
        kind=ContactKind(kind) if known else ContactKind.PEER, **dict(zip(CONTACT_COLUMNS, values, strict=True))
    )
    return Contact(id=contact_id, fields=fields, created_at=created_at)
