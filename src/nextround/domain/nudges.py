"""Nudges: the small relationship chores that turn a rejection into a next round.

Four kinds, each with a due date, the person or application it is about, a message template and the
next steps (`Action`s: draft the message, log it once sent, or dismiss it):

- `thank_you`: within 24 hours of an interview's end (offered once it has ended). Done once anything is
  logged with a contact linked to that application after the interview started, or when dismissed. Not
  offered once the application closed after the interview (keep-in-touch takes over), nor more than 14
  days after the interview.
- `keep_in_touch`: about a week after a rejection, once per linked interviewer, recruiter or hiring
  manager. Done by any interaction with that person after the rejection, or by dismissing it; it goes
  stale 30 days after it was due.
- `continued_interest`: N months (default 3) after a rejection, for applications that got at least as
  far as screening, or that the user rated 4 or 5 for excitement. Done by dismissing it, by a newer
  application to the same company, or by talking to someone there in the two weeks before it is due.
  One per company (the latest rejection); stale 60 days after it was due.
- `touch`: a contact's cadence came round (see `domain.contacts`). Skipped while a keep-in-touch nudge
  for the same person is open, so nobody is asked twice.

Refs are stable (`thank_you-<interview>`, `keep_in_touch-<application>-<contact>`,
`continued_interest-<application>`, `touch-<contact>`), so a dismissal and a calendar UID keep meaning
the same thing. A touch is dismissed for one due date only (`touch-<contact>@<date>`): it comes back next
cycle.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from enum import StrEnum
from typing import Any

from nextround.domain.actions import Action, ActionKind
from nextround.domain.applications import Application
from nextround.domain.contacts import Contact, ContactKind, next_touch
from nextround.domain.stages import Outcome, Stage, stage_rank
from nextround.domain.wording import short_day

THANK_YOU_WINDOW = timedelta(hours=24)
THANK_YOU_STALE_DAYS = 14
KEEP_IN_TOUCH_AFTER_DAYS = 7
KEEP_IN_TOUCH_STALE_DAYS = 30
CONTINUED_INTEREST_MONTHS = 3
CONTINUED_INTEREST_STALE_DAYS = 60
CONTINUED_INTEREST_LOOKBACK_DAYS = 14
DEFAULT_INTERVIEW_MINUTES = 60
KEEP_IN_TOUCH_KINDS = frozenset({ContactKind.INTERVIEWER, ContactKind.RECRUITER, ContactKind.HIRING_MANAGER})
# A rejection qualifies for a continued-interest nudge when it got this far, or was rated this keenly.
CONTINUED_INTEREST_STAGES = frozenset(s for s in Stage if stage_rank(s) >= stage_rank(Stage.SCREENING))
CONTINUED_INTEREST_EXCITEMENT = 4
# Who a thank-you goes to first, when several people are linked to the application.
THANK_YOU_PREFERENCE = (ContactKind.INTERVIEWER, ContactKind.HIRING_MANAGER, ContactKind.RECRUITER)


class NudgeKind(StrEnum):
    THANK_YOU = "thank_you"
    KEEP_IN_TOUCH = "keep_in_touch"
    CONTINUED_INTEREST = "continued_interest"
    TOUCH = "touch"


# Which message template drafts each kind (`templates/messages/<name>.txt.j2`).
TEMPLATES: Mapping[NudgeKind, str] = {
    NudgeKind.THANK_YOU: "thank_you",
    NudgeKind.KEEP_IN_TOUCH: "keep_in_touch",
    NudgeKind.CONTINUED_INTEREST: "continued_interest",
    NudgeKind.TOUCH: "keep_in_touch",
}


@dataclass(frozen=True, slots=True)
class Interview:
    id: int
    application_id: int
    scheduled_at: datetime
    duration_minutes: int | None = None
    kind: str = ""
    round: int | None = None
    location: str = ""
    interviewers: tuple[str, ...] = ()
    notes: str = ""

    @property
    def ends_at(self) -> datetime:
        return self.scheduled_at + timedelta(minutes=self.duration_minutes or DEFAULT_INTERVIEW_MINUTES)


@dataclass(frozen=True, slots=True)
class Link:
    application_id: int
    contact_id: int
    role: str = ""


@dataclass(frozen=True, slots=True)
class NetworkState:
    """Everything the nudge rules look at, read in one go by the service."""

    now: datetime
    # Without their long texts (job description, notes, screening answers: see storage.reads). The rules
    # pick what they need; the service reads only those they can follow up (see services.agenda).
    applications: Sequence[Application] = ()
    interviews: Sequence[Interview] = ()
    contacts: Sequence[Contact] = ()
    links: Sequence[Link] = ()
    # contact id -> when each interaction with them happened
    interactions: Mapping[int, Sequence[datetime]] = field(default_factory=dict)
    dismissed: frozenset[str] = frozenset()
    # lower-cased company -> the day the user may apply there again
    reapply_after: Mapping[str, date] = field(default_factory=dict)
    continued_interest_months: int = CONTINUED_INTEREST_MONTHS
    # lower-cased company -> when its newest application was added, among the open and recent ones (at
    # least those added after a rejection in `applications`); None: worked out from `applications`
    newest_created: Mapping[str, datetime] | None = None


@dataclass(frozen=True, slots=True)
class Nudge:
    kind: NudgeKind
    ref: str
    due: date
    title: str
    action: str
    application_id: int | None = None
    contact_id: int | None = None
    interview_id: int | None = None
    context: Mapping[str, Any] = field(default_factory=dict)

    @property
    def template(self) -> str:
        return TEMPLATES[self.kind]

    @property
    def dismiss_key(self) -> str:
        return f"{self.ref}@{self.due.isoformat()}" if self.kind is NudgeKind.TOUCH else self.ref

    @property
    def draft_action(self) -> Action:
        return Action(ActionKind.DRAFT_NUDGE, {"nudge": self.ref}, "Draft the message")

    @property
    def done_action(self) -> Action:
        """Once the message is sent: log it with the contact (which closes the nudge), or dismiss it."""
        if self.contact_id is not None:
            return Action(ActionKind.LOG_CONTACT, {"contact_id": self.contact_id, "note": _done_note(self.kind)})
        return self.dismiss_action

    @property
    def dismiss_action(self) -> Action:
        return Action(ActionKind.DISMISS_NUDGE, {"nudge": self.ref})

    @property
    def actions(self) -> tuple[Action, ...]:
        """Draft first; then what closes it."""
        done = self.done_action
        return (
            (self.draft_action, done) if done == self.dismiss_action else (self.draft_action, done, self.dismiss_action)
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "ref": self.ref,
            "kind": self.kind.value,
            "due": self.due.isoformat(),
            "title": self.title,
            "action": self.action,
            "application_id": self.application_id,
            "contact_id": self.contact_id,
            "interview_id": self.interview_id,
            "template": self.template,
            "draft_action": self.draft_action.to_dict(),
            "done_action": self.done_action.to_dict(),
            "dismiss_action": self.dismiss_action.to_dict(),
        }


def _done_note(kind: NudgeKind) -> str:
    return {
        NudgeKind.THANK_YOU: "sent a thank-you note",
        NudgeKind.KEEP_IN_TOUCH: "kept in touch after the decision",
        NudgeKind.CONTINUED_INTEREST: "said I am still interested",
        NudgeKind.TOUCH: "caught up",
    }[kind]


def add_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    for candidate in (day.day, 30, 29, 28):
        try:
            return date(year, month + 1, candidate)
        except ValueError:
            continue
    raise ValueError("date out of range")  # pragma: no cover - the 28th always exists


def first_name(name: str) -> str:
    parts = name.split()
    return parts[0] if parts else "there"


def _local_day(moment: datetime, now: datetime) -> date:
    return moment.astimezone(now.tzinfo).date()


def _when(interview: Interview, now: datetime) -> str:
    local = interview.scheduled_at.astimezone(now.tzinfo)
    return local.strftime("%A") if (now - interview.scheduled_at).days < 6 else short_day(local.date())


class _Index:
    """Lookups shared by the rules."""

    def __init__(self, state: NetworkState) -> None:
        self.state = state
        self.apps = {a.id: a for a in state.applications}
        self.contacts = {c.id: c for c in state.contacts}
        self.by_company: dict[str, list[Contact]] = {}
        for person in state.contacts:
            self.by_company.setdefault(person.fields.company.strip().lower(), []).append(person)
        self.linked: dict[int, list[Contact]] = {}
        for link in state.links:
            contact = self.contacts.get(link.contact_id)
            if contact is not None and link.application_id in self.apps:
                self.linked.setdefault(link.application_id, []).append(contact)

    def talked_since(self, contact_id: int, since: datetime) -> bool:
        return any(moment >= since for moment in self.state.interactions.get(contact_id, ()))

    def last_interaction(self, contact_id: int) -> datetime | None:
        moments = self.state.interactions.get(contact_id, ())
        return max(moments) if moments else None


def _base_context(app: Application | None, contact: Contact | None) -> dict[str, Any]:
    return {
        "name": first_name(contact.name) if contact else "there",
        "full_name": contact.name if contact else "",
        "email": contact.fields.email if contact else "",
        "contact_title": contact.fields.title if contact else "",
        "company": app.fields.company if app else (contact.fields.company if contact else ""),
        "role": app.fields.role if app else "",
    }


def thank_you_nudges(index: _Index) -> list[Nudge]:
    now = index.state.now
    found = []
    for interview in index.state.interviews:
        app = index.apps.get(interview.application_id)
        if app is None or interview.ends_at > now:
            continue
        ref = f"{NudgeKind.THANK_YOU.value}-{interview.id}"
        if ref in index.state.dismissed or now - interview.scheduled_at > timedelta(days=THANK_YOU_STALE_DAYS):
            continue
        closed_at = app.state.closed_at
        if app.state.outcome is not None and closed_at is not None and closed_at >= interview.scheduled_at:
            continue
        linked = index.linked.get(app.id, [])
        if any(index.talked_since(c.id, interview.scheduled_at) for c in linked):
            continue
        ranked = sorted(
            (c for c in linked if c.kind in THANK_YOU_PREFERENCE), key=lambda c: THANK_YOU_PREFERENCE.index(c.kind)
        )
        contact = ranked[0] if ranked else None
        people = list(interview.interviewers) or [c.name for c in ranked]
        greeting = ", ".join(first_name(p) for p in people) if people else "there"
        context = _base_context(app, contact)
        context.update(
            name=greeting,
            interviewers=people,
            interview_kind=interview.kind,
            interview_round=interview.round,
            interview_day=_when(interview, now),
        )
        who = ", ".join(people) if people else "the people you met"
        found.append(
            Nudge(
                kind=NudgeKind.THANK_YOU,
                ref=ref,
                due=_local_day(interview.ends_at + THANK_YOU_WINDOW, now),
                title=f"Thank-you note: {app.fields.role} at {app.fields.company}",
                action=f"Thank {who} for the interview, within a day of it",
                application_id=app.id,
                contact_id=contact.id if contact else None,
                interview_id=interview.id,
                context=context,
            )
        )
    return found


def keep_in_touch_nudges(index: _Index) -> list[Nudge]:
    now = index.state.now
    found = []
    for app in index.state.applications:
        closed_at = app.state.closed_at
        if app.state.outcome is not Outcome.REJECTED or closed_at is None:
            continue
        due = _local_day(closed_at, now) + timedelta(days=KEEP_IN_TOUCH_AFTER_DAYS)
        if (now.date() - due).days > KEEP_IN_TOUCH_STALE_DAYS:
            continue
        for contact in index.linked.get(app.id, []):
            if contact.kind not in KEEP_IN_TOUCH_KINDS:
                continue
            ref = f"{NudgeKind.KEEP_IN_TOUCH.value}-{app.id}-{contact.id}"
            if ref in index.state.dismissed or index.talked_since(contact.id, closed_at):
                continue
            context = _base_context(app, contact)
            context.update(after_rejection=True, contact_kind=contact.kind.value)
            found.append(
                Nudge(
                    kind=NudgeKind.KEEP_IN_TOUCH,
                    ref=ref,
                    due=due,
                    title=f"Keep in touch with {contact.name} ({app.fields.company})",
                    action=f"Thank {contact.name} for the process and ask to stay in touch",
                    application_id=app.id,
                    contact_id=contact.id,
                    context=context,
                )
            )
    return found


_ONE_SECOND = timedelta(seconds=1)


def _qualifies_for_continued_interest(app: Application) -> bool:
    reached = app.state.furthest_stage in CONTINUED_INTEREST_STAGES
    return reached or (app.fields.excitement or 0) >= CONTINUED_INTEREST_EXCITEMENT


def continued_interest_nudges(index: _Index, due_by: date | None = None) -> list[Nudge]:
    state = index.state
    now = state.now
    latest: dict[str, Application] = {}
    for app in state.applications:
        if app.state.outcome is not Outcome.REJECTED or app.state.closed_at is None:
            continue
        if not _qualifies_for_continued_interest(app):
            continue
        key = app.fields.company.strip().lower()
        current = latest.get(key)
        if current is None or (current.state.closed_at or now) < app.state.closed_at:
            latest[key] = app
    newest_created = state.newest_created
    if newest_created is None:
        # The newest application per company, computed once: a scan per company was quadratic.
        newest: dict[str, datetime] = {}
        for other in state.applications:
            other_key = other.fields.company.strip().lower()
            if other_key in latest and other.created_at > newest.get(other_key, other.created_at - _ONE_SECOND):
                newest[other_key] = other.created_at
        newest_created = newest
    found = []
    for key, app in latest.items():
        closed_at = app.state.closed_at
        assert closed_at is not None
        ref = f"{NudgeKind.CONTINUED_INTEREST.value}-{app.id}"
        due = add_months(_local_day(closed_at, now), state.continued_interest_months)
        if ref in state.dismissed or (now.date() - due).days > CONTINUED_INTEREST_STALE_DAYS:
            continue
        if due_by is not None and due > due_by:
            continue
        added = newest_created.get(key)
        if added is not None and added > closed_at:  # applied there again since: no need to say it
            continue
        lookback = due - timedelta(days=CONTINUED_INTEREST_LOOKBACK_DAYS)
        since = datetime.combine(lookback, datetime.min.time(), now.tzinfo)
        people = {c.id: c for c in index.linked.get(app.id, [])}
        people.update({c.id: c for c in index.by_company.get(key, [])})
        if any(index.talked_since(cid, max(since, closed_at)) for cid in people):
            continue
        ranked = sorted(people.values(), key=lambda c: (c.kind is not ContactKind.RECRUITER, c.id))
        contact = ranked[0] if ranked else None
        context = _base_context(app, contact)
        reapply = state.reapply_after.get(key)
        context.update(
            months=state.continued_interest_months,
            reapply_after=reapply.isoformat() if reapply else "",
            rejected_on=_local_day(closed_at, now).isoformat(),
        )
        found.append(
            Nudge(
                kind=NudgeKind.CONTINUED_INTEREST,
                ref=ref,
                due=due,
                title=f"Continued interest: {app.fields.company}",
                action=(
                    f"Tell {contact.name} at {app.fields.company} you are still interested in working there"
                    if contact
                    else f"Tell {app.fields.company} you are still interested in working there"
                ),
                application_id=app.id,
                contact_id=contact.id if contact else None,
                context=context,
            )
        )
    return found


def touch_nudges(index: _Index, busy_contacts: set[int]) -> list[Nudge]:
    found = []
    for contact in index.state.contacts:
        if contact.id in busy_contacts:
            continue
        due = next_touch(contact, index.last_interaction(contact.id), index.state.now.tzinfo)
        if due is None:
            continue
        nudge_ref = f"{NudgeKind.TOUCH.value}-{contact.id}"
        if f"{nudge_ref}@{due.isoformat()}" in index.state.dismissed:
            continue
        context = _base_context(None, contact)
        context.update(after_rejection=False, contact_kind=contact.kind.value)
        at = f" ({contact.fields.company})" if contact.fields.company else ""
        found.append(
            Nudge(
                kind=NudgeKind.TOUCH,
                ref=nudge_ref,
                due=due,
                title=f"Get in touch with {contact.name}{at}",
                action=f"Say hello to {contact.name}: it has been a while",
                contact_id=contact.id,
                context=context,
            )
        )
    return found


def compute_nudges(state: NetworkState, *, due_by: date | None = None) -> list[Nudge]:
    """Every open nudge, soonest first: whatever its due date, or due by `due_by` (after a long history most
    are continued-interest nudges months ahead, which the agenda would only leave out)."""
    index = _Index(state)
    nudges = thank_you_nudges(index) + keep_in_touch_nudges(index) + continued_interest_nudges(index, due_by)
    busy = {n.contact_id for n in nudges if n.kind is NudgeKind.KEEP_IN_TOUCH and n.contact_id is not None}
    nudges += touch_nudges(index, busy)
    if due_by is not None:
        nudges = [n for n in nudges if n.due <= due_by]
    return sorted(nudges, key=lambda n: (n.due, n.kind.value, n.ref))
