"""Use cases of the network pillar: contacts, interactions, nudges with drafts, the calendar.

Today's agenda, which gathers every pillar's follow-ups, is its own service: `services.agenda`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from nextround.domain.agenda import HORIZON_DAYS
from nextround.domain.contacts import (
    Contact,
    ContactError,
    ContactFields,
    ContactKind,
    InteractionChannel,
    dedupe_key,
    next_touch,
)
from nextround.domain.ical import DayItem, TimedEvent, build_calendar, uid
from nextround.domain.nudges import (
    DEFAULT_INTERVIEW_MINUTES,
    Interview,
    NetworkState,
    Nudge,
    compute_nudges,
)
from nextround.errors import about_field
from nextround.integrations.contacts_files import ImportedContact, write_vcards
from nextround.integrations.files import write_text_atomically
from nextround.integrations.templates import RenderedMessage, render_message
from nextround.serialize import FLATTEN
from nextround.services.agenda import DISMISSED_KEY, MONTHS_KEY, dismissed_keys, network_state
from nextround.services.drafting import signature_name
from nextround.services.workspace import Workspace
from nextround.storage.network import (
    ContactRepository,
    Interaction,
    InteractionRepository,
    LinkRepository,
    WatchReapplyRepository,
)
from nextround.storage.reads import NotFoundError
from nextround.storage.repositories import ApplicationRepository, SettingsRepository, reader_of

__all__ = ["DISMISSED_KEY", "MONTHS_KEY", "NetworkService"]
MAX_NOTE = 20_000


@dataclass(frozen=True, slots=True)
class ContactImportReport:
    added: int
    duplicates: int


@dataclass(frozen=True, slots=True)
class ReapplyDate:
    """The first day a company that turned you down will consider you again (None: cleared)."""

    company: str
    reapply_after: date | None


@dataclass(frozen=True, slots=True)
class ContactListing:
    """A contact with when you last spoke and when to get in touch next (None: touches are off).

    In JSON the contact's own fields come first, then these.
    """

    contact: Contact = field(metadata=FLATTEN)
    last_interaction_at: datetime | None
    next_touch: date | None


@dataclass(frozen=True, slots=True)
class LinkedApplication:
    """An application a contact is linked to, and their part in it (`as`: recruiter, referrer, ...)."""

    id: int
    company: str
    role: str
    part: str = field(metadata={"json_name": "as"})


@dataclass(frozen=True, slots=True)
class ContactDetails(ContactListing):
    """A contact's page: the listing line plus the applications it is linked to and every interaction."""

    applications: tuple[LinkedApplication, ...]
    interactions: tuple[Interaction, ...]


class NetworkService:
    def __init__(self, workspace: Workspace) -> None:
        self.ws = workspace

    # -- contacts ---------------------------------------------------------------------------------

    def add_contact(self, fields: ContactFields, *, application_id: int | None = None) -> Contact:
        fields = fields.validated()
        with self.ws.db.write() as session:
            if application_id is not None:
                with about_field("application_id"):
                    app = ApplicationRepository(session, self.ws.owner_id).get(application_id, with_events=False)
                if not fields.company:
                    fields = replace(fields, company=app.fields.company)
            contact = ContactRepository(session, self.ws.owner_id).add(fields, created_at=self.ws.now())
            if application_id is not None:
                LinkRepository(session, self.ws.owner_id).link(application_id, contact.id, fields.kind.value)
            return contact

    def edit_contact(self, contact_id: int, changes: dict[str, Any]) -> Contact:
        with self.ws.db.write() as session:
            repo = ContactRepository(session, self.ws.owner_id)
            current = repo.get(contact_id)
            return repo.update(contact_id, replace(current.fields, **changes).validated())

    def get_contact(self, contact_id: int) -> Contact:
        with self.ws.db.read() as session:
            return ContactRepository(session, self.ws.owner_id).get(contact_id)

    def contacts(self, *, kind: ContactKind | None = None, search: str | None = None) -> list[ContactListing]:
        """Contacts, each with its last interaction and next touch."""
        with self.ws.db.read() as session:
            found = ContactRepository(session, self.ws.owner_id).find(kind=kind, search=search)
            moments = reader_of(session, self.ws.owner_id).interaction_moments()
        out = []
        for contact in found:
            last = max(moments[contact.id]) if moments.get(contact.id) else None
            out.append(ContactListing(contact, last, next_touch(contact, last, self.ws.now().tzinfo)))
        return out

    def contact_details(self, contact_id: int) -> ContactDetails:
        with self.ws.db.read() as session:
            contact = ContactRepository(session, self.ws.owner_id).get(contact_id)
            interactions = InteractionRepository(session, self.ws.owner_id).for_contact(contact_id)
            apps = LinkRepository(session, self.ws.owner_id).applications_of(contact_id)
        last = interactions[-1].occurred_at if interactions else None
        return ContactDetails(
            contact,
            last,
            next_touch(contact, last, self.ws.now().tzinfo),
            applications=tuple(LinkedApplication(*app) for app in apps),
            interactions=tuple(interactions),
        )

    def link(self, contact_id: int, application_id: int, role: str | None = None) -> bool:
        with self.ws.db.write() as session:
            ApplicationRepository(session, self.ws.owner_id).exists(application_id)
            contact = ContactRepository(session, self.ws.owner_id).get(contact_id)
            return LinkRepository(session, self.ws.owner_id).link(
                application_id, contact_id, (role or contact.kind.value)[:30]
            )

    def log(
        self, contact_id: int, channel: InteractionChannel, note: str, *, at: datetime | None = None
    ) -> Interaction:
        now = self.ws.now()
        when = at or now
        if when > now + timedelta(hours=1):
            raise ContactError("that date is in the future; log an interaction once it has happened", field="at")
        if len(note) > MAX_NOTE:
            raise ContactError(f"the note is longer than {MAX_NOTE} characters", field="note")
        with self.ws.db.write() as session:
            ContactRepository(session, self.ws.owner_id).get(contact_id)
            return InteractionRepository(session, self.ws.owner_id).add(
                contact_id, channel, note.strip(), occurred_at=when, now=now
            )

    # -- files ------------------------------------------------------------------------------------

    def import_contacts(self, items: Sequence[ImportedContact]) -> ContactImportReport:
        """One transaction; a contact whose dedupe key is already known (or repeats in the file) is skipped."""
        with self.ws.db.write() as session:
            repo = ContactRepository(session, self.ws.owner_id)
            known = repo.dedupe_keys()
            fresh: list[ContactFields] = []
            for item in items:
                key = dedupe_key(item.fields)
                if key in known:
                    continue
                known.add(key)
                fresh.append(item.fields)
            added = repo.add_many(fresh, created_at=self.ws.now())
        return ContactImportReport(added=added, duplicates=len(items) - added)

    def export_vcard(self, path: Path) -> int:
        with self.ws.db.read() as session:
            contacts = ContactRepository(session, self.ws.owner_id).find()
        text = write_vcards(contacts)
        write_text_atomically(path, text)
        return len(contacts)

    # -- re-apply dates and preferences -------------------------------------------------------------

    def set_reapply_after(self, company: str, day: date | None) -> ReapplyDate:
        name = " ".join(company.split())
        if not name:
            raise ContactError("give the company's name", field="company")
        with self.ws.db.write() as session:
            WatchReapplyRepository(session, self.ws.owner_id).set(name, day, now=self.ws.now())
        return ReapplyDate(company=name, reapply_after=day)

    def set_continued_interest_months(self, months: int) -> int:
        if not 1 <= months <= 24:
            raise ContactError("the continued-interest delay must be between 1 and 24 months", field="months")
        with self.ws.db.write() as session:
            SettingsRepository(session, self.ws.owner_id).set(MONTHS_KEY, months)
        return months

    # -- nudges -------------------------------------------------------------------------------------

    def network_state(self) -> NetworkState:
        return network_state(self.ws)

    def nudges(self, *, horizon_days: int | None = HORIZON_DAYS) -> list[Nudge]:
        """Open nudges due within `horizon_days` (None: all of them), soonest first."""
        found = compute_nudges(self.network_state())
        if horizon_days is None:
            return found
        last = self.ws.now().date() + timedelta(days=horizon_days)
        return [n for n in found if n.due <= last]

    def nudge(self, ref: str) -> Nudge:
        for item in compute_nudges(self.network_state()):
            if item.ref == ref.strip():
                return item
        raise NotFoundError(f"no open nudge {ref!r}")

    def draft(self, ref: str) -> tuple[Nudge, RenderedMessage]:
        item = self.nudge(ref)
        # Signed as feedback requests are (the Settings page promises it for reminders too).
        context = {**item.context, "sender_name": signature_name(self.ws)}
        message = render_message(item.template, context, self.ws.settings.home)
        return item, message

    def dismiss(self, ref: str) -> Nudge:
        item = self.nudge(ref)
        with self.ws.db.write() as session:
            repo = SettingsRepository(session, self.ws.owner_id)
            current = dismissed_keys(repo.all().get(DISMISSED_KEY))
            if item.dismiss_key not in current:
                current.append(item.dismiss_key)
            repo.set(DISMISSED_KEY, current)
        return item

    # -- calendar ----------------------------------------------------------------------------------

    def calendar_ics(self) -> str:
        """Interviews as timed events, follow-ups as all-day events, with stable UIDs (see domain.ical)."""
        state = self.network_state()
        apps = {a.id: a for a in state.applications}
        events: list[TimedEvent | DayItem] = [_interview_event(i, apps.get(i.application_id)) for i in state.interviews]
        from nextround.services.agenda import follow_ups

        for item in follow_ups(self.ws, state, compute_nudges(state), goal_days=3650):
            events.append(
                DayItem(
                    uid=uid("nudge", item.ref),
                    summary=item.title,
                    day=item.due,
                    description=f"{item.advice}.",
                )
            )
        # DTSTAMP must be a UTC moment; midnight of today keeps a same-day re-export byte-identical.
        stamp = datetime.combine(state.now.astimezone(UTC).date(), time(0, 0), tzinfo=UTC)
        return build_calendar(events, stamp)

    def export_calendar(self, path: Path) -> int:
        text = self.calendar_ics()
        write_text_atomically(path, text)
        return text.count("BEGIN:VEVENT")


def _interview_event(interview: Interview, app: Any) -> TimedEvent:
    company, role = (app.fields.company, app.fields.role) if app is not None else ("", "")
    round_ = f" (round {interview.round})" if interview.round else ""
    kind = f" {interview.kind}" if interview.kind else ""
    lines = []
    if interview.interviewers:
        lines.append("Interviewers: " + ", ".join(interview.interviewers))
    if interview.notes:
        lines.append(interview.notes)
    return TimedEvent(
        uid=uid("interview", str(interview.id)),
        summary=f"Interview{kind}{round_}: {role} at {company}".replace(": at ", ": "),
        start=interview.scheduled_at,
        duration_minutes=interview.duration_minutes or DEFAULT_INTERVIEW_MINUTES,
        location=interview.location,
        description="\n".join(lines),
    )
