"""What a mail is to the reader: its text, the applications it may be about, what was read, and the cue files."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from functools import lru_cache
from importlib.resources import files
from typing import Final

WEIGHTS_RESOURCE: Final = "mail_classifier.json"
CUES_RESOURCE: Final = "mail_cues.toml"
PROTOTYPES_RESOURCE: Final = "mail_prototypes.toml"
FEATURE_VERSION: Final = 3
MAX_SENTENCES: Final = 40
MAX_BODY_CHARS: Final = 20_000


class MailKind(StrEnum):
    ACKNOWLEDGEMENT = "acknowledgement"
    REJECTION = "rejection"
    INVITATION = "invitation"
    OFFER = "offer"
    FEEDBACK_REPLY = "feedback_reply"
    RECRUITER_OUTREACH = "recruiter_outreach"
    NOT_JOB = "not_job"


@dataclass(frozen=True, slots=True)
class MailText:
    """What the reader needs from one message; the integrations build it from the raw mail."""

    message_id: str
    sender_name: str
    sender_address: str
    subject: str
    body: str
    sent_at: datetime | None = None
    thread_ids: tuple[str, ...] = ()  # In-Reply-To and References, angle brackets kept
    bulk: bool = False  # List-Unsubscribe, List-Id or Precedence: bulk/list/junk

    @property
    def sender_domain(self) -> str:
        return self.sender_address.rpartition("@")[2].lower()


@dataclass(frozen=True, slots=True)
class Candidate:
    """An application the message might be about."""

    id: int
    company: str
    role: str
    contact_email: str = ""
    request_ids: tuple[str, ...] = ()  # Message-IDs of feedback requests we sent for it


@dataclass(frozen=True, slots=True)
class MailReading:
    kind: MailKind
    confidence: float
    company: str
    role: str
    stage_hint: str | None
    interview_at: datetime | None  # naive: the wall time written in the message
    scores: dict[str, float] = field(default_factory=dict)
    in_request_thread: bool = False

    @property
    def about_a_job(self) -> bool:
        return self.kind is not MailKind.NOT_JOB


# -- data files ---------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Cues:
    ats_domains: frozenset[str]
    bulk_domains: frozenset[str]
    personal_domains: frozenset[str]
    name_suffixes: tuple[str, ...]
    company_suffixes: frozenset[str]
    invitation_stages: tuple[tuple[str, tuple[str, ...]], ...]


@lru_cache(maxsize=1)
def cues() -> Cues:
    raw = tomllib.loads(files("nextround.data").joinpath(CUES_RESOURCE).read_text("utf-8"))
    stages = raw["invitation_stages"]
    return Cues(
        ats_domains=frozenset(raw["ats_domains"]),
        bulk_domains=frozenset(raw["bulk_domains"]),
        personal_domains=frozenset(raw["personal_domains"]),
        name_suffixes=tuple(sorted(raw["name_suffixes"], key=len, reverse=True)),
        company_suffixes=frozenset(raw["company_suffixes"]),
        invitation_stages=tuple((name, tuple(stages[name])) for name in ("assessment", "final", "screening")),
    )


def domain_in(domain: str, domains: frozenset[str]) -> bool:
    parts = domain.split(".")
    return any(".".join(parts[i:]) in domains for i in range(len(parts) - 1))


def is_ats_domain(domain: str) -> bool:
    return domain_in(domain.lower(), cues().ats_domains)


def is_bulk(mail: MailText) -> bool:
    """Mailing-list headers or a job board's address: newsletters, alerts and marketing."""
    return mail.bulk or domain_in(mail.sender_domain, cues().bulk_domains)
