"""Asking for feedback: which request fits, how a request moves, when one chase is due, the reply rate.

Pure rules over plain values. A request is drafted, then sent, then it ends as replied, declined or
no reply. A sent request that stays unanswered earns exactly one polite chase once `chase_after_days`
have passed, and never a second one: pestering costs goodwill that the next application may need.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from email.utils import getaddresses
from enum import StrEnum
from typing import Any

from nextround.domain.actions import Action, ActionKind
from nextround.domain.stages import ApplicationState, Stage
from nextround.errors import UserError

DEFAULT_CHASE_AFTER_DAYS = 7
# Below this many sent requests the reply rate is shown but labelled: five answers are an anecdote.
SMALL_SAMPLE = 5
MAX_FEEDBACK_CHARS = 100_000
MAX_NAME_CHARS = 300


class FeedbackRequestError(UserError, ValueError):
    """A feedback request, interview or feedback entry that cannot be recorded as asked."""


class RequestKind(StrEnum):
    APPLICATION = "application"  # rejected or ghosted before anyone spoke to the person
    INTERVIEW = "interview"  # after screening, an assessment or interviews
    FINAL = "final"  # after a final round or an offer stage


class RequestStatus(StrEnum):
    DRAFTED = "drafted"
    SENT = "sent"
    REPLIED = "replied"
    DECLINED = "declined"
    NO_REPLY = "no_reply"


class Tone(StrEnum):
    WARM = "warm"
    BRIEF = "brief"
    FORMAL = "formal"


def stored_status(value: str) -> RequestStatus:
    """A stored status; one this version does not know (an older version, a hand edit) reads as a draft:
    nothing is chased or counted as sent on its account, and the person can still send or mark it."""
    try:
        return RequestStatus(value)
    except ValueError:
        return RequestStatus.DRAFTED


def stored_tone(value: str) -> Tone:
    """A stored tone; an unknown one reads as warm, the default."""
    try:
        return Tone(value)
    except ValueError:
        return Tone.WARM


class FeedbackSource(StrEnum):
    EMPLOYER = "employer"
    RECRUITER = "recruiter"
    SELF = "self"
    MOCK = "mock"


# A late answer to a request already written off as "no reply" still counts as an answer.
TRANSITIONS: dict[RequestStatus, frozenset[RequestStatus]] = {
    RequestStatus.DRAFTED: frozenset({RequestStatus.SENT}),
    RequestStatus.SENT: frozenset({RequestStatus.REPLIED, RequestStatus.DECLINED, RequestStatus.NO_REPLY}),
    RequestStatus.NO_REPLY: frozenset({RequestStatus.REPLIED, RequestStatus.DECLINED}),
    RequestStatus.REPLIED: frozenset(),
    RequestStatus.DECLINED: frozenset(),
}
RESOLVED = frozenset({RequestStatus.REPLIED, RequestStatus.DECLINED, RequestStatus.NO_REPLY})
WAS_SENT = frozenset({RequestStatus.SENT, *RESOLVED})
# Sources that are somebody else's answer to a request (self-assessment and mock interviews are not).
REPLY_SOURCES = frozenset({FeedbackSource.EMPLOYER, FeedbackSource.RECRUITER})


def _parse(enum: Any, value: str, what: str) -> Any:
    try:
        return enum(value.strip().lower().replace("-", "_").replace(" ", "_"))
    except ValueError:
        names = ", ".join(member.value for member in enum)
        raise FeedbackRequestError(f"unknown {what} {value!r}; expected one of: {names}") from None


def parse_status(value: str) -> RequestStatus:
    status: RequestStatus = _parse(RequestStatus, value, "status")
    return status


def parse_tone(value: str) -> Tone:
    tone: Tone = _parse(Tone, value, "tone")
    return tone


def parse_source(value: str) -> FeedbackSource:
    source: FeedbackSource = _parse(FeedbackSource, value, "source")
    return source


def stage_reached(state: ApplicationState) -> Stage:
    """How far the application got: the stage it closed at, or the stage it stands at."""
    return state.closed_at_stage or state.stage


def request_kind(state: ApplicationState) -> RequestKind:
    """The request that fits how far the application got (where it closed, or where it stands)."""
    reached = stage_reached(state)
    if reached in (Stage.SAVED, Stage.APPLIED):
        return RequestKind.APPLICATION
    if reached in (Stage.FINAL, Stage.OFFER, Stage.ACCEPTED):
        return RequestKind.FINAL
    return RequestKind.INTERVIEW


def check_transition(current: RequestStatus, target: RequestStatus) -> None:
    """Raise FeedbackRequestError unless a request may move from `current` to `target`."""
    if target in TRANSITIONS[current]:
        return
    if current is target:
        raise FeedbackRequestError(f"the request is already marked {current.value}")
    allowed = ", ".join(sorted(s.value for s in TRANSITIONS[current]))
    hint = f"it can only become: {allowed}" if allowed else "it is settled and cannot change"
    raise FeedbackRequestError(f"a {current.value} request cannot become {target.value}; {hint}")


def chase_due_at(sent_at: datetime, chase_after_days: int = DEFAULT_CHASE_AFTER_DAYS) -> datetime:
    return sent_at + timedelta(days=chase_after_days)


def chase_due(
    status: RequestStatus,
    sent_at: datetime | None,
    chased_at: datetime | None,
    now: datetime,
    chase_after_days: int = DEFAULT_CHASE_AFTER_DAYS,
) -> bool:
    """One chase for a sent request with no answer after `chase_after_days`; never a second."""
    if status is not RequestStatus.SENT or sent_at is None or chased_at is not None:
        return False
    return now >= chase_due_at(sent_at, chase_after_days)


def check_chase(status: RequestStatus, chased_at: datetime | None) -> None:
    """Raise unless a chase may be recorded now (whether or not the waiting time has passed)."""
    if chased_at is not None:
        raise FeedbackRequestError(
            f"this request was already chased on {chased_at.date().isoformat()}; one reminder is enough "
            "(mark it no_reply when you are ready to let it go)"
        )
    if status is not RequestStatus.SENT:
        raise FeedbackRequestError(f"only a sent request with no answer can be chased; this one is {status.value}")


def chase_days_from_setting(stored: Any) -> int:
    """The chase delay a stored setting says, or the default when it is unset or not one the form allows."""
    try:
        return check_chase_days(int(stored)) if stored is not None else DEFAULT_CHASE_AFTER_DAYS
    except (TypeError, ValueError):
        return DEFAULT_CHASE_AFTER_DAYS


def check_chase_days(days: int) -> int:
    if not 1 <= days <= 365:
        raise FeedbackRequestError("the chase delay must be between 1 and 365 days")
    return days


@dataclass(frozen=True, slots=True)
class ResponseRate:
    sent: int
    replied: int
    declined: int
    no_reply: int
    waiting: int

    @property
    def rate(self) -> float | None:
        return round(self.replied / self.sent, 4) if self.sent else None

    @property
    def small_sample(self) -> bool:
        return self.sent < SMALL_SAMPLE


def feedback_response_rate(requests: Iterable[FeedbackRequest | RequestStatus | str]) -> ResponseRate:
    """Replied / sent over the requests that went out (drafts do not count)."""
    counts = dict.fromkeys(RequestStatus, 0)
    for item in requests:
        status = item.status if isinstance(item, FeedbackRequest) else stored_status(item)
        counts[status] += 1
    return ResponseRate(
        sent=sum(counts[s] for s in WAS_SENT),
        replied=counts[RequestStatus.REPLIED],
        declined=counts[RequestStatus.DECLINED],
        no_reply=counts[RequestStatus.NO_REPLY],
        waiting=counts[RequestStatus.SENT],
    )


def join_names(names: Sequence[str]) -> str:
    """'Priya', 'Priya and Tom', 'Priya, Tom and Sam'."""
    clean = [n for n in (" ".join(name.split()) for name in names) if n]
    if len(clean) <= 1:
        return "".join(clean)
    return ", ".join(clean[:-1]) + " and " + clean[-1]


def parse_names(text: str) -> tuple[str, ...]:
    """'Priya Shah, Tom' or 'Priya; Tom' into distinct names, in the order given."""
    seen: dict[str, str] = {}
    for part in text.replace(";", ",").split(","):
        name = " ".join(part.split())
        if len(name) > MAX_NAME_CHARS:
            raise FeedbackRequestError(f"an interviewer's name is longer than {MAX_NAME_CHARS} characters")
        if name:
            seen.setdefault(name.casefold(), name)
    return tuple(seen.values())


def check_feedback_text(text: str) -> str:
    """Feedback is stored verbatim; it only has to say something and stay within the size limit."""
    if not text.strip():
        raise FeedbackRequestError("the feedback is empty: give it in a file or on standard input")
    if len(text) > MAX_FEEDBACK_CHARS:
        raise FeedbackRequestError(f"the feedback is longer than {MAX_FEEDBACK_CHARS} characters")
    return text


_QUOTE_MARKS = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"'})


def _comparable(text: str) -> str:
    """Feedback text as compared for duplicates: mail quoting (`> `), curly quotes, case and spacing ignored."""
    lines = (line.lstrip().lstrip(">").strip() for line in text.translate(_QUOTE_MARKS).splitlines())
    return " ".join(" ".join(lines).split()).casefold()


def same_feedback(text: str, recorded: str) -> bool:
    """Whether `text` says what `recorded` already says: the same words, or one holding the other whole when
    they differ only by a little (a greeting or signature left off when pasting)."""
    new, old = _comparable(text), _comparable(recorded)
    if not new or not old:
        return False
    if new == old:
        return True
    shorter, longer = sorted((new, old), key=len)
    return shorter in longer and len(shorter) >= 0.8 * len(longer)


def human_date(moment: date | datetime) -> str:
    """A day the way a letter says it: '12 November' (no leading zero, no weekday, no year)."""
    return f"{moment.day} {moment:%B}"


@dataclass(frozen=True, slots=True)
class FeedbackRequest:
    id: int
    application_id: int
    contact_id: int | None
    to_email: str
    tone: Tone
    subject: str
    body: str
    status: RequestStatus
    channel: str
    message_id: str
    drafted_at: datetime
    sent_at: datetime | None = None
    chased_at: datetime | None = None
    resolved_at: datetime | None = None

    def chase_due_at(self, chase_after_days: int = DEFAULT_CHASE_AFTER_DAYS) -> datetime | None:
        if self.status is not RequestStatus.SENT or self.sent_at is None or self.chased_at is not None:
            return None
        return chase_due_at(self.sent_at, chase_after_days)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "application_id": self.application_id,
            "contact_id": self.contact_id,
            "to": self.to_email,
            "tone": self.tone.value,
            "subject": self.subject,
            "body": self.body,
            "status": self.status.value,
            "channel": self.channel,
            "message_id": self.message_id,
            "drafted_at": self.drafted_at.isoformat(),
            "sent_at": self.sent_at.isoformat() if self.sent_at else None,
            "chased_at": self.chased_at.isoformat() if self.chased_at else None,
            "resolved_at": self.resolved_at.isoformat() if self.resolved_at else None,
        }


@dataclass(frozen=True, slots=True)
class FeedbackEntry:
    id: int
    application_id: int | None
    request_id: int | None
    source: FeedbackSource
    text: str
    analysis: dict[str, Any]
    received_at: datetime

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "application_id": self.application_id,
            "request_id": self.request_id,
            "source": self.source.value,
            "text": self.text,
            "analysis": self.analysis,
            "received_at": self.received_at.isoformat(),
        }


@dataclass(frozen=True, slots=True)
class Interview:
    id: int
    application_id: int
    scheduled_at: datetime
    round: int | None = None
    kind: str = ""
    interviewers: tuple[str, ...] = field(default=())
    location: str = ""
    notes: str = ""
    duration_minutes: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "application_id": self.application_id,
            "scheduled_at": self.scheduled_at.isoformat(),
            "round": self.round,
            "kind": self.kind,
            "interviewers": list(self.interviewers),
            "location": self.location,
            "notes": self.notes,
            "duration_minutes": self.duration_minutes,
        }


@dataclass(frozen=True, slots=True)
class ContactRef:
    """The few facts about a contact that a feedback request needs."""

    id: int
    name: str
    email: str = ""
    title: str = ""
    company: str = ""
    kind: str = ""


# Words that make a display name a team's or a mailbox's, not a person's ("Careers at Marlow", "HR Team").
_NOT_A_PERSON = re.compile(
    r"\b(team|careers?|jobs?|recruit\w*|talent|hiring|hr|people|human resources|no-?reply|info|hello|"
    r"admin|support|office|mail|notifications?|applications?|inc|ltd|llc|gmbh|plc)\b",
    re.IGNORECASE,
)


def addressee_name(address: str) -> str:
    """The person an address names ("Priya Shah <priya@crumb.example>" gives "Priya Shah"), or "" when it names
    nobody: a bare address, a team or mailbox name, or something that is not a name at all."""
    pairs = getaddresses([address.strip()])
    if len(pairs) != 1:
        return ""
    name = " ".join(pairs[0][0].split())
    words = name.split(" ") if name else []
    if not 1 <= len(words) <= 4 or "@" in name or _NOT_A_PERSON.search(name):
        return ""
    if not all(word[:1].isalpha() for word in words):
        return ""
    return name


def bare_address(address: str) -> str:
    """The mailbox of an address, without its display name ("" when there is not exactly one)."""
    pairs = getaddresses([address.strip()])
    return pairs[0][1] if len(pairs) == 1 else ""


def meeting_phrase(reached: Stage, interview_kinds: Sequence[str]) -> str:
    """What to call the meeting being thanked for: 'technical interview', 'interviews', 'assessment'."""
    kinds = [" ".join(k.split()).lower() for k in interview_kinds if k.strip()]
    if len(interview_kinds) > 1:
        return "interviews"
    if interview_kinds:
        kind = kinds[0] if kinds else ""
        if not kind:
            return "final interview" if reached is Stage.FINAL else "interview"
        return kind if kind.endswith(("interview", "call", "assessment", "round")) else f"{kind} interview"
    return {
        Stage.SCREENING: "screening call",
        Stage.ASSESSMENT: "assessment",
        Stage.FINAL: "final interview",
    }.get(reached, "interview")


def request_questions(kind: RequestKind, meeting: str, role: str) -> tuple[str, str]:
    """The one or two specific questions a request asks (the brief tone asks only the first)."""
    if kind is RequestKind.FINAL:
        return (
            "What tipped the decision at the final stage?",
            "Is there one thing I could strengthen to be a better fit for a role like this with you?",
        )
    if kind is RequestKind.INTERVIEW:
        return (
            f"Was there a point in the {meeting} where my answers fell short of what you needed?",
            f"Is there one skill or experience that would have made the biggest difference for the {role} role?",
        )
    return (
        "What would have made my application stronger?",
        "Was there a requirement I did not show clearly enough?",
    )


# Requests whose answer is in: asking the same people again would only repeat the question.
ANSWERED = frozenset({RequestStatus.REPLIED, RequestStatus.DECLINED})


def beyond_the_notice(feedback_texts: Iterable[str], rejection_notices: Iterable[str]) -> int:
    """How many pieces of feedback say more than the rejection itself: a reason given in the "no" email, kept as
    feedback when the Inbox records it, is where asking starts, not an answer to it."""
    notices = tuple(rejection_notices)
    return sum(1 for text in feedback_texts if not any(same_feedback(text, notice) for notice in notices))


def rejection_steps(
    application_id: int, *, feedback_recorded: bool, request_answered: bool, heard_beyond_notice: bool | None = None
) -> tuple[Action, ...]:
    """The steps after a rejection, in order: ask why, think it over, practise for the next one like it.
    Once feedback is recorded or a request was answered, asking is done: reflecting on it comes first.
    `heard_beyond_notice` (when known): whether any of that feedback is more than the rejection email's own
    words; when it is not, asking for feedback still comes first."""
    ids: dict[str, int | str] = {"application_id": application_id}
    heard = feedback_recorded if heard_beyond_notice is None else heard_beyond_notice
    asked = heard or request_answered
    steps = [] if asked else [Action(ActionKind.ASK_FEEDBACK, ids, "Ask for feedback")]
    steps.append(Action(ActionKind.REFLECT, ids, "Reflect on the feedback" if feedback_recorded else "Reflect on it"))
    steps.append(Action(ActionKind.PRACTISE, ids, "Practise for jobs like this"))
    return tuple(steps)
