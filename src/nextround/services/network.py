"""Use cases of the network pillar: contacts, interactions, nudges with drafts, the agenda, the calendar."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from nextround.domain.agenda import HORIZON_DAYS, AgendaItem, build_agenda
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
    CONTINUED_INTEREST_MONTHS,
    CONTINUED_INTEREST_STALE_DAYS,
    DEFAULT_INTERVIEW_MINUTES,
    KEEP_IN_TOUCH_AFTER_DAYS,
    Interview,
    NetworkState,
    Nudge,
    compute_nudges,
)
from nextround.integrations.contacts_files import ImportedContact, write_vcards
from nextround.integrations.files import write_text_atomically
from nextround.integrations.templates import RenderedMessage, render_message
from nextround.services.applications import ApplicationService
from nextround.services.workspace import Workspace
from nextround.storage.network import (
    AgendaReads,
    ContactRepository,
    Interaction,
    InteractionRepository,
    LinkRepository,
    WatchReapplyRepository,
)
from nextround.storage.repositories import ApplicationRepository, NotFoundError, SettingsRepository

DISMISSED_KEY = "network.dismissed_nudges"
MONTHS_KEY = "network.continued_interest_months"
MAX_NOTE = 20_000
# Feedback requests get one chase this many days after sending, unless the feedback pillar says otherwise.
CHASE_AFTER_DAYS = 7
NEW_POSTING_DAYS = 14
# Interviews further ahead than this stay out of the agenda (they are in the calendar export).
INTERVIEW_HORIZON_DAYS = HORIZON_DAYS


@dataclass(frozen=True, slots=True)
class ContactImportReport:
    added: int
    duplicates: int

    def to_dict(self) -> dict[str, int]:
        return {"added": self.added, "duplicates": self.duplicates}


class NetworkService:
    def __init__(self, workspace: Workspace) -> None:
        self.ws = workspace

    # -- contacts ---------------------------------------------------------------------------------

    def add_contact(self, fields: ContactFields, *, application_id: int | None = None) -> Contact:
        fields = fields.validated()
        with self.ws.db.write() as session:
            if application_id is not None:
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

    def contacts(self, *, kind: ContactKind | None = None, search: str | None = None) -> list[dict[str, Any]]:
        """Contacts as JSON-ready dicts, each with its last interaction and next touch."""
        with self.ws.db.read() as session:
            found = ContactRepository(session, self.ws.owner_id).find(kind=kind, search=search)
            moments = InteractionRepository(session, self.ws.owner_id).moments_by_contact()
        out = []
        for contact in found:
            last = max(moments[contact.id]) if moments.get(contact.id) else None
            touch = next_touch(contact, last, self.ws.now().tzinfo)
            out.append(
                {
                    **contact.to_dict(),
                    "last_interaction_at": last.isoformat() if last else None,
                    "next_touch": touch.isoformat() if touch else None,
                }
            )
        return out

    def contact_details(self, contact_id: int) -> dict[str, Any]:
        with self.ws.db.read() as session:
            contact = ContactRepository(session, self.ws.owner_id).get(contact_id)
            interactions = InteractionRepository(session, self.ws.owner_id).for_contact(contact_id)
            apps = LinkRepository(session, self.ws.owner_id).applications_of(contact_id)
        last = interactions[-1].occurred_at if interactions else None
        touch = next_touch(contact, last, self.ws.now().tzinfo)
        return {
            **contact.to_dict(),
            "last_interaction_at": last.isoformat() if last else None,
            "next_touch": touch.isoformat() if touch else None,
            "applications": apps,
            "interactions": [i.to_dict() for i in interactions],
        }

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
            raise ContactError("that date is in the future; log an interaction once it has happened")
        if len(note) > MAX_NOTE:
            raise ContactError(f"the note is longer than {MAX_NOTE} characters")
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

    def set_reapply_after(self, company: str, day: date | None) -> dict[str, Any]:
        name = " ".join(company.split())
        if not name:
            raise ContactError("give the company's name")
        with self.ws.db.write() as session:
            WatchReapplyRepository(session, self.ws.owner_id).set(name, day, now=self.ws.now())
        return {"company": name, "reapply_after": day.isoformat() if day else None}

    def set_continued_interest_months(self, months: int) -> int:
        if not 1 <= months <= 24:
            raise ContactError("the continued-interest delay must be between 1 and 24 months")
        with self.ws.db.write() as session:
            SettingsRepository(session, self.ws.owner_id).set(MONTHS_KEY, months)
        return months

    # -- nudges -------------------------------------------------------------------------------------

    def _state(self) -> NetworkState:
        with self.ws.db.read() as session:
            owner = self.ws.owner_id
            apps_repo = ApplicationRepository(session, owner)
            settings = SettingsRepository(session, owner).all()
            months = int(settings.get(MONTHS_KEY) or CONTINUED_INTEREST_MONTHS)
            # Nudges only ever concern open applications and recent closes: anything closed before the
            # longest nudge window (continued interest, then its staleness) is left unread, so the agenda
            # stays quick with years of history.
            window = timedelta(days=31 * months + CONTINUED_INTEREST_STALE_DAYS + KEEP_IN_TOUCH_AFTER_DAYS + 7)
            since = self.ws.now() - window
            found = apps_repo.find(open_or_closed_since=since)
            events = apps_repo.events_by_application(open_or_closed_since=since)
            apps = [replace(a, events=tuple(events.get(a.id, ()))) for a in found]
            reapply = WatchReapplyRepository(session, owner).all()
            return NetworkState(
                now=self.ws.now(),
                applications=apps,
                interviews=AgendaReads(session, owner).interviews(),
                contacts=ContactRepository(session, owner).find(),
                links=LinkRepository(session, owner).all(),
                interactions=InteractionRepository(session, owner).moments_by_contact(),
                dismissed=frozenset(str(k) for k in settings.get(DISMISSED_KEY) or ()),
                reapply_after={key: day for key, (_name, day) in reapply.items()},
                continued_interest_months=months,
            )

    def nudges(self, *, horizon_days: int | None = HORIZON_DAYS) -> list[Nudge]:
        """Open nudges due within `horizon_days` (None: all of them), soonest first."""
        found = compute_nudges(self._state())
        if horizon_days is None:
            return found
        last = self.ws.now().date() + timedelta(days=horizon_days)
        return [n for n in found if n.due <= last]

    def nudge(self, ref: str) -> Nudge:
        for item in compute_nudges(self._state()):
            if item.ref == ref.strip():
                return item
        raise NotFoundError(f"no open nudge {ref!r}; see `nextround nudge list --all`")

    def draft(self, ref: str) -> tuple[Nudge, RenderedMessage]:
        item = self.nudge(ref)
        message = render_message(item.template, dict(item.context), self.ws.settings.home)
        return item, message

    def dismiss(self, ref: str) -> Nudge:
        item = self.nudge(ref)
        with self.ws.db.write() as session:
            repo = SettingsRepository(session, self.ws.owner_id)
            current = [str(k) for k in repo.all().get(DISMISSED_KEY) or ()]
            if item.dismiss_key not in current:
                current.append(item.dismiss_key)
            repo.set(DISMISSED_KEY, current)
        return item

    # -- agenda and calendar ------------------------------------------------------------------------

    def _follow_ups(
        self, state: NetworkState, nudges: Sequence[Nudge], goal_days: int = HORIZON_DAYS
    ) -> list[AgendaItem]:
        """Dated follow-ups shared by the agenda and the calendar: nudges, chases, re-apply dates, goals."""
        items = [AgendaItem(n.kind.value, n.title, n.due, n.action, n.command, n.ref) for n in nudges]
        zone = state.now.tzinfo
        with self.ws.db.read() as session:
            reads = AgendaReads(session, self.ws.owner_id)
            chases = reads.chases()
            goals = reads.open_goals_due_by(state.now.date() + timedelta(days=goal_days))
            reapply = WatchReapplyRepository(session, self.ws.owner_id).all()
        chase_days = self._chase_days() if chases else CHASE_AFTER_DAYS
        for chase in chases:
            due = (chase["sent_at"] + timedelta(days=chase_days)).astimezone(zone).date()
            items.append(
                AgendaItem(
                    "feedback_chase",
                    f"Feedback chase: {chase['role']} at {chase['company']}",
                    due,
                    "No reply to your feedback request yet: send one short, friendly chase",
                    f"nextround feedback chase {chase['id']}",
                    f"feedback_chase-{chase['id']}",
                )
            )
        for goal in goals:
            items.append(
                AgendaItem(
                    "goal",
                    f"Goal due: {goal['title']}",
                    goal["due_on"],
                    f"Check in on this goal: mark it done, or record progress (nextround goal update {goal['id']})",
                    f"nextround goal done {goal['id']}",
                    f"goal-{goal['id']}",
                )
            )
        for key, (company, day) in reapply.items():
            if (state.now.date() - day).days > 30:
                continue
            opened = day <= state.now.date()
            items.append(
                AgendaItem(
                    "reapply",
                    f"{'You can' if opened else 'From ' + day.isoformat() + ' you can'} apply to {company} again",
                    day,
                    "Look at their openings and apply again with what you have learnt since"
                    if opened
                    else f"Re-apply to {company} after {day.isoformat()}; until then, build the case",
                    f'nextround app list --company "{company}"',
                    f"reapply-{_slug(key)}",
                )
            )
        return items

    def agenda(self) -> list[dict[str, Any]]:
        """What to do now and soon, most urgent first (see domain.agenda)."""
        state = self._state()
        now = state.now
        today = now.date()
        items = self._follow_ups(state, compute_nudges(state))
        apps = {a.id: a for a in state.applications}
        for interview in state.interviews:
            if not now <= interview.ends_at <= now + timedelta(days=INTERVIEW_HORIZON_DAYS):
                continue
            app = apps.get(interview.application_id)
            company, role = (app.fields.company, app.fields.role) if app else ("?", "?")
            local = interview.scheduled_at.astimezone(now.tzinfo)
            items.append(
                AgendaItem(
                    "interview",
                    f"Interview {local:%a %d %b %H:%M}: {role} at {company}",
                    local.date(),
                    "Prepare: practise answers planned from the job description",
                    f"nextround practice --app {interview.application_id}",
                    f"interview-{interview.id}",
                )
            )
        for silent in ApplicationService(self.ws).silent():
            a = silent.application
            items.append(
                AgendaItem(
                    "ghosted",
                    f"Silent for {silent.verdict.silent_days} days: {a.fields.role} at {a.fields.company}",
                    today,
                    "Follow up once, or mark it ghosted and let it go",
                    f"nextround app ghosted {a.id}",
                    f"ghosted-{a.id}",
                )
            )
        with self.ws.db.read() as session:
            postings = AgendaReads(session, self.ws.owner_id).new_postings(now - timedelta(days=NEW_POSTING_DAYS))
        for posting in postings:
            items.append(
                AgendaItem(
                    "new_posting",
                    f"New opening at {posting['company']}: {posting['title']}",
                    posting["first_seen_at"].astimezone(now.tzinfo).date(),
                    "Read the posting and decide: apply, or dismiss it",
                    f"nextround watch dismiss {posting['id']}",
                    f"posting-{posting['id']}",
                )
            )
        due_practice = self._practice_due()
        if due_practice:
            items.append(
                AgendaItem(
                    "practice",
                    f"{due_practice} practice question{'s' if due_practice != 1 else ''} due for another try",
                    today,
                    "Answer them again: the scores show what improved",
                    "nextround practice",
                    "practice-due",
                )
            )
        return build_agenda(items, today)

    def _chase_days(self) -> int:
        """The feedback pillar's chase delay (a user setting), so `today` and `feedback chase` agree."""
        try:
            from nextround.services.feedback import chase_delay
        except ImportError:  # the feedback pillar not installed: its documented default
            return CHASE_AFTER_DAYS
        return int(chase_delay(self.ws))

    def _practice_due(self) -> int:
        try:
            from nextround.services.practice import practice_due
        except ImportError:  # the practice pillar not installed: count from the answers ourselves
            with self.ws.db.read() as session:
                return AgendaReads(session, self.ws.owner_id).practice_due(self.ws.now())
        return int(practice_due(self.ws))

    def calendar_ics(self) -> str:
        """Interviews as timed events, follow-ups as all-day events, with stable UIDs (see domain.ical)."""
        state = self._state()
        apps = {a.id: a for a in state.applications}
        events: list[TimedEvent | DayItem] = [_interview_event(i, apps.get(i.application_id)) for i in state.interviews]
        for item in self._follow_ups(state, compute_nudges(state), goal_days=3650):
            events.append(
                DayItem(
                    uid=uid("nudge", item.ref),
                    summary=item.title,
                    day=item.due,
                    description=f"{item.action}.\n{item.command}",
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
    lines.append(f"nextround app show {interview.application_id}")
    return TimedEvent(
        uid=uid("interview", str(interview.id)),
        summary=f"Interview{kind}{round_}: {role} at {company}".replace(": at ", ": "),
        start=interview.scheduled_at,
        duration_minutes=interview.duration_minutes or DEFAULT_INTERVIEW_MINUTES,
        location=interview.location,
        description="\n".join(lines),
    )


def _slug(text: str) -> str:
    return "".join(ch if ch.isalnum() else "-" for ch in text.lower()).strip("-") or "company"
