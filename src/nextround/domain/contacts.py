"""People met along the way, and how often to stay in touch with each.

Default cadences (days between touches), chosen for a job search rather than for sales:

- recruiter 30: recruiters place people every month; a monthly hello keeps you on their shortlist.
- referral 30: someone who vouched for you deserves to hear how it went, and soon.
- hiring_manager 60: busy, but worth a note every couple of months.
- peer 60: friends in the field; every two months is warm without being a chore.
- interviewer 90: a quarterly note is enough to be remembered when the next opening comes.
- other 60: someone not yet placed (the default for a new contact: no kind is assumed), kept like a peer.

A contact's own `cadence_days` wins over the default; `0` turns touches off for that person (contacts
imported in bulk start that way, so an address book of 500 connections does not become 500 chores).
The next touch counts from the last logged interaction, else from the day the contact was added.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, fields, replace
from datetime import date, datetime, timedelta, tzinfo
from enum import StrEnum
from typing import Any

from nextround.errors import UserError

MAX_SHORT_TEXT = 300
MAX_NOTES = 20_000
MAX_CADENCE_DAYS = 3650
_EMAIL = re.compile(r"^[^@\s<>(),;:\"]+@[^@\s<>(),;:\"]+\.[^@\s<>(),;:\"]+$")
_URL = re.compile(r"^https?://[^\s/?#]+\.[^\s/?#]+(?:[/?#]\S*)?$", re.IGNORECASE)


class ContactError(UserError, ValueError):
    """A contact or interaction that does not make sense (no name, bad email, unknown kind)."""


class ContactKind(StrEnum):
    RECRUITER = "recruiter"
    HIRING_MANAGER = "hiring_manager"
    INTERVIEWER = "interviewer"
    REFERRAL = "referral"
    PEER = "peer"
    OTHER = "other"  # not said: a new contact is not assumed to be anything


class InteractionChannel(StrEnum):
    EMAIL = "email"
    CALL = "call"
    MEETING = "meeting"
    LINKEDIN = "linkedin"
    OTHER = "other"


DEFAULT_CADENCE_DAYS: dict[ContactKind, int] = {
    ContactKind.RECRUITER: 30,
    ContactKind.HIRING_MANAGER: 60,
    ContactKind.INTERVIEWER: 90,
    ContactKind.REFERRAL: 30,
    ContactKind.PEER: 60,
    ContactKind.OTHER: 60,
}


def parse_kind(value: str) -> ContactKind:
    cleaned = value.strip().lower().replace("-", "_").replace(" ", "_")
    try:
        return ContactKind(cleaned)
    except ValueError:
        names = ", ".join(k.value for k in ContactKind)
        raise ContactError(f"unknown contact kind {value!r}; expected one of: {names}", field="kind") from None


def parse_channel(value: str) -> InteractionChannel:
    try:
        return InteractionChannel(value.strip().lower())
    except ValueError:
        names = ", ".join(c.value for c in InteractionChannel)
        raise ContactError(f"unknown channel {value!r}; expected one of: {names}", field="channel") from None


def is_email(value: str) -> bool:
    return bool(_EMAIL.match(value))


def is_url(value: str) -> bool:
    return bool(_URL.match(value))


@dataclass(frozen=True, slots=True)
class ContactFields:
    """What a user records about a person."""

    name: str
    email: str = ""
    phone: str = ""
    company: str = ""
    title: str = ""
    linkedin_url: str = ""
    kind: ContactKind = ContactKind.OTHER
    cadence_days: int | None = None
    notes: str = ""
    connected_on: date | None = None

    def validated(self) -> ContactFields:
        """A cleaned copy, or ContactError naming the first bad field."""
        name = " ".join(self.name.split())
        if not name:
            raise ContactError("a contact needs a name", field="name")
        email = self.email.strip()
        if email.lower().startswith("mailto:"):
            email = email[7:]
        if email and not is_email(email):
            raise ContactError(f"{email[:60]!r} does not look like an email address", field="email")
        url = self.linkedin_url.strip()
        if url and not url.lower().startswith(("http://", "https://")) and "." in url.split("/", 1)[0]:
            url = "https://" + url  # "www.linkedin.com/in/x" as people paste it
        if url and not is_url(url):
            raise ContactError(
                f"{url[:60]!r} is not a web address (it should start with https://)", field="linkedin_url"
            )
        cleaned = {
            "name": name,
            "phone": " ".join(self.phone.split()),
            "company": " ".join(self.company.split()),
            "title": " ".join(self.title.split()),
        }
        for key, value in (*cleaned.items(), ("email", email), ("linkedin_url", url)):
            if len(value) > MAX_SHORT_TEXT:
                raise ContactError(f"{key} is longer than {MAX_SHORT_TEXT} characters", field=key)
        if len(self.notes) > MAX_NOTES:
            raise ContactError(f"notes are longer than {MAX_NOTES} characters", field="notes")
        if self.cadence_days is not None and not 0 <= self.cadence_days <= MAX_CADENCE_DAYS:
            raise ContactError(f"the cadence must be between 0 (off) and {MAX_CADENCE_DAYS} days", field="cadence_days")
        return replace(
            self,
            name=cleaned["name"],
            phone=cleaned["phone"],
            company=cleaned["company"],
            title=cleaned["title"],
            email=email,
            linkedin_url=url,
        )

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for f in fields(self):
            value = getattr(self, f.name)
            if isinstance(value, date):
                value = value.isoformat()
            elif isinstance(value, StrEnum):
                value = value.value
            out[f.name] = value
        return out


@dataclass(frozen=True, slots=True)
class Contact:
    id: int
    fields: ContactFields
    created_at: datetime

    @property
    def name(self) -> str:
        return self.fields.name

    @property
    def kind(self) -> ContactKind:
        return self.fields.kind

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            **self.fields.to_dict(),
            "effective_cadence_days": cadence_days(self.fields),
            "created_at": self.created_at.isoformat(),
        }


def cadence_days(contact: ContactFields) -> int:
    """Days between touches: the contact's own cadence, else the default for its kind; 0 means off."""
    if contact.cadence_days is not None:
        return contact.cadence_days
    return DEFAULT_CADENCE_DAYS[contact.kind]


def normalize_linkedin(url: str) -> str:
    """`https://www.linkedin.com/in/Ada-L/?trk=x` → `linkedin.com/in/ada-l`."""
    value = url.strip().split("#", 1)[0].split("?", 1)[0].rstrip("/")
    _, sep, rest = value.partition("://")
    if not sep:
        rest = value
    host, _, path = rest.partition("/")
    host = host.lower().removeprefix("www.")
    # Country subdomains (uk.linkedin.com) are the same profile.
    if host.endswith(".linkedin.com"):
        host = "linkedin.com"
    return f"{host}/{path}".lower()


def dedupe_key(contact: ContactFields) -> str:
    """The identity of a person across imports: LinkedIn URL, else email, else name + company."""
    if contact.linkedin_url.strip():
        return "li:" + normalize_linkedin(contact.linkedin_url)
    if contact.email.strip():
        return "email:" + contact.email.strip().lower()
    name = " ".join(contact.name.lower().split())
    company = " ".join(contact.company.lower().split())
    return f"nc:{name}|{company}"


def touch_base(contact: Contact, last_interaction_at: datetime | None, zone: tzinfo | None = None) -> date:
    """The day (in the user's zone, when given) the cadence counts from."""
    # Not `connected_on`: a connection made years ago and added today is not years overdue.
    moment = last_interaction_at if last_interaction_at is not None else contact.created_at
    return (moment.astimezone(zone) if zone is not None else moment).date()


def next_touch(contact: Contact, last_interaction_at: datetime | None, zone: tzinfo | None = None) -> date | None:
    """When to get in touch next; None when touches are off for this contact."""
    days = cadence_days(contact.fields)
    if days <= 0:
        return None
    return touch_base(contact, last_interaction_at, zone) + timedelta(days=days)
