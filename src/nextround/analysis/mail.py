"""Understanding job-search mail: what kind of message it is, who sent it, and which application it is about.

Pure: no I/O beyond reading this package's own data files. Two parts work together:

- Meaning comes from a small linear model over sentence embeddings (``analysis.embedding``): the
  subject's vector, and the mean and the per-dimension maximum of the body's sentence vectors, so one
  decisive sentence ("we have decided not to progress your application") is not averaged away by
  pleasantries. ``scripts/train_mail.py`` trains it on ``tests/data/mail_corpus`` and writes
  ``data/mail_classifier.json``.
- Exact facts come from rules: mailing-list headers and job-board senders (bulk mail is never about one
  application), a reply in the thread of a feedback request we sent, dates and times of invitations, and the
  names in headers and subject lines.
"""

from __future__ import annotations

import json
import math
import re
import tomllib
import zlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from functools import lru_cache
from importlib.resources import files
from itertools import pairwise
from typing import TYPE_CHECKING, Any, Final

from nextround.analysis.text import split_sentences
from nextround.analysis.text import words as text_words
from nextround.analysis.vectors import Matrix, argmax, dot, linear

if TYPE_CHECKING:
    from nextround.analysis.embedding import EmbeddingModel

__all__ = [
    "Candidate",
    "MailClassifier",
    "MailKind",
    "MailReading",
    "MailText",
    "find_when",
    "link",
    "load_classifier",
    "read_mails",
]

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
class _Cues:
    ats_domains: frozenset[str]
    bulk_domains: frozenset[str]
    personal_domains: frozenset[str]
    name_suffixes: tuple[str, ...]
    company_suffixes: frozenset[str]
    invitation_stages: tuple[tuple[str, tuple[str, ...]], ...]


@lru_cache(maxsize=1)
def _cues() -> _Cues:
    raw = tomllib.loads(files("nextround.data").joinpath(CUES_RESOURCE).read_text("utf-8"))
    stages = raw["invitation_stages"]
    return _Cues(
        ats_domains=frozenset(raw["ats_domains"]),
        bulk_domains=frozenset(raw["bulk_domains"]),
        personal_domains=frozenset(raw["personal_domains"]),
        name_suffixes=tuple(sorted(raw["name_suffixes"], key=len, reverse=True)),
        company_suffixes=frozenset(raw["company_suffixes"]),
        invitation_stages=tuple((name, tuple(stages[name])) for name in ("assessment", "final", "screening")),
    )


def _domain_in(domain: str, domains: frozenset[str]) -> bool:
    parts = domain.split(".")
    return any(".".join(parts[i:]) in domains for i in range(len(parts) - 1))


def is_ats_domain(domain: str) -> bool:
    return _domain_in(domain.lower(), _cues().ats_domains)


def is_bulk(mail: MailText) -> bool:
    """Mailing-list headers or a job board's address: newsletters, alerts and marketing."""
    return mail.bulk or _domain_in(mail.sender_domain, _cues().bulk_domains)


# -- features -----------------------------------------------------------------------------------------

_GREETING = re.compile(r"^(hi|hello|hey|dear|good day|g'day|kia ora)\b[^\n]{0,60}$", re.IGNORECASE)


def sentences(text: str) -> list[str]:
    """Body sentences without greetings, at most MAX_SENTENCES."""
    found = []
    for piece in split_sentences(text[:MAX_BODY_CHARS]):
        piece = piece.strip(" \t-*>")
        if len(piece) < 3 or _GREETING.match(piece):
            continue
        found.append(piece)
        if len(found) >= MAX_SENTENCES:
            break
    return found


def exact_flags(mail: MailText, in_request_thread: bool) -> list[float]:
    subject = mail.subject.lower()
    local = mail.sender_address.partition("@")[0].lower()
    return [
        1.0 if is_bulk(mail) else 0.0,
        1.0 if in_request_thread else 0.0,
        1.0 if subject.startswith(("re:", "re :", "aw:", "sv:")) else 0.0,
        1.0 if is_ats_domain(mail.sender_domain) else 0.0,
        1.0 if "reply" in local or "noreply" in local else 0.0,
    ]


N_FLAGS: Final = 5


HASH_BUCKETS: Final = 2048


@lru_cache(maxsize=1)
def prototype_groups() -> tuple[tuple[str, tuple[str, ...]], ...]:
    raw = tomllib.loads(files("nextround.data").joinpath(PROTOTYPES_RESOURCE).read_text("utf-8"))
    return tuple((name, tuple(texts)) for name, texts in raw["prototypes"].items())


_PROTOTYPE_CACHE: dict[int, tuple[Matrix, list[int]]] = {}


def _prototypes(model: EmbeddingModel) -> tuple[Matrix, list[int]]:
    key = id(model)
    if key not in _PROTOTYPE_CACHE:
        groups = prototype_groups()
        texts = [text for _, members in groups for text in members]
        owners = [index for index, (_, members) in enumerate(groups) for _ in members]
        _PROTOTYPE_CACHE.clear()
        _PROTOTYPE_CACHE[key] = (model.embed(texts), owners)
    return _PROTOTYPE_CACHE[key]


def _hashed_words(mail: MailText) -> list[float]:
    """Words and word pairs within each sentence, hashed into buckets (CRC32: the same on every machine),
    at unit length."""
    buckets: set[int] = set()
    for piece in [mail.subject, *split_sentences(mail.body[:MAX_BODY_CHARS])]:
        words = [w.lower() for w in text_words(piece)]
        for token in [*words, *(f"{a} {b}" for a, b in pairwise(words))]:
            buckets.add(zlib.crc32(token.encode()) % HASH_BUCKETS)
    out = [0.0] * HASH_BUCKETS
    if buckets:
        value = 1.0 / math.sqrt(len(buckets))
        for bucket in buckets:
            out[bucket] = value
    return out


def feature_count() -> int:
    groups = prototype_groups()
    return sum(len(members) for _, members in groups) + len(groups) + N_FLAGS + HASH_BUCKETS


def features(model: EmbeddingModel, mails: Sequence[MailText], threads: Sequence[bool]) -> Matrix:
    """One row per message: closeness of its nearest sentence to each reference sentence (and group),
    the exact header flags, and its hashed words (float32 rows)."""
    prototypes, owners = _prototypes(model)
    members = [[index for index, owner in enumerate(owners) if owner == group] for group in range(max(owners) + 1)]
    split = [[*sentences(m.body), m.subject or "(no subject)"] for m in mails]
    similarities = dot(model.embed([s for group in split for s in group]), prototypes)
    rows: list[list[float]] = []
    start = 0
    for row, group in enumerate(split):
        nearest = [max(column) for column in zip(*similarities[start : start + len(group)], strict=True)]
        start += len(group)
        by_group = [max(nearest[index] for index in indices) for indices in members]
        rows.append([*nearest, *by_group, *exact_flags(mails[row], threads[row]), *_hashed_words(mails[row])])
    return Matrix.from_rows(rows, feature_count())


# -- the classifier -----------------------------------------------------------------------------------


class MailClassifier:
    """Multinomial logistic regression: softmax(features @ coef.T + intercept)."""

    def __init__(self, classes: Sequence[str], coef: Matrix, intercept: list[float]) -> None:
        self.classes = tuple(MailKind(c) for c in classes)
        self.coef = coef
        self.intercept = intercept

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> MailClassifier:
        if data.get("feature_version") != FEATURE_VERSION:
            raise ValueError("the mail classifier weights were trained on other features: retrain them")
        coef = data["coef"]
        return cls(data["classes"], Matrix.from_rows(coef, len(coef[0])), [float(v) for v in data["intercept"]])

    def probabilities(self, rows: Matrix) -> list[list[float]]:
        """Per message, the softmax over the classes."""
        out = []
        for logits in linear(rows, self.coef, self.intercept):
            top = max(logits)
            exp = [math.exp(value - top) for value in logits]
            total = sum(exp)
            out.append([value / total for value in exp])
        return out


@lru_cache(maxsize=1)
def load_classifier() -> MailClassifier:
    data = json.loads(files("nextround.data").joinpath(WEIGHTS_RESOURCE).read_text("utf-8"))
    return MailClassifier.from_dict(data)


def read_mails(
    mails: Sequence[MailText],
    model: EmbeddingModel,
    classifier: MailClassifier,
    request_ids: frozenset[str] = frozenset(),
) -> list[MailReading]:
    """Classify and extract, in one batch (embedding many texts at once is much faster)."""
    if not mails:
        return []
    threads = [bool(request_ids.intersection(m.thread_ids)) for m in mails]
    probabilities = classifier.probabilities(features(model, mails, threads))
    readings = []
    for mail, row, in_thread in zip(mails, probabilities, threads, strict=True):
        scores = {kind.value: round(float(p), 4) for kind, p in zip(classifier.classes, row, strict=True)}
        kind = classifier.classes[argmax(row)]
        kind = _exact_kind(mail, kind, in_thread)
        readings.append(
            _reading(mail, kind, float(scores[kind.value]) if kind.value in scores else 1.0, scores, in_thread)
        )
    return readings


def _exact_kind(mail: MailText, kind: MailKind, in_thread: bool) -> MailKind:
    """Where a header settles the question, the header wins over the model."""
    if is_bulk(mail) and kind in (MailKind.ACKNOWLEDGEMENT, MailKind.RECRUITER_OUTREACH, MailKind.FEEDBACK_REPLY):
        return MailKind.NOT_JOB
    if in_thread and kind in (MailKind.REJECTION, MailKind.ACKNOWLEDGEMENT, MailKind.NOT_JOB):
        # An answer in the thread of our own feedback request is that answer, whatever its wording.
        return MailKind.FEEDBACK_REPLY
    return kind


def _reading(
    mail: MailText, kind: MailKind, confidence: float, scores: dict[str, float], in_thread: bool
) -> MailReading:
    company, role = (guess_company(mail), guess_role(mail)) if kind is not MailKind.NOT_JOB else ("", "")
    when = None
    stage = None
    if kind is MailKind.INVITATION:
        when = find_when(f"{mail.subject}\n{mail.body}", mail.sent_at)
        stage = invitation_stage(f"{mail.subject}\n{mail.body}")
    elif kind is MailKind.OFFER:
        stage = "offer"
    return MailReading(kind, round(confidence, 4), company, role, stage, when, scores, in_thread)


def invitation_stage(text: str) -> str:
    lowered = " ".join(text.lower().split())
    for stage, phrases in _cues().invitation_stages:
        # "an interview ... including a short test" is an interview, not an assessment.
        if (
            stage == "assessment"
            and "interview" in lowered
            and not any(p in lowered for p in ("assessment centre", "assessment center", "trade test", "trial shift"))
            and not re.search(r"\b(complete|completing)\b", lowered)
        ):
            continue
        if any(phrase in lowered for phrase in phrases):
            return stage
    return "interview"


# -- names --------------------------------------------------------------------------------------------

_NAME_WORD = r"[A-Z0-9][\w'’.-]*"
_CONNECT = r"(?:\s+(?:&|and|of|de|du|la|the|for)\s+|\s+)"
_PROPER = rf"{_NAME_WORD}(?:{_CONNECT}{_NAME_WORD}){{0,4}}"
_COMPANY_PATTERNS = (
    re.compile(rf"\b(?:applying|applied|application|apply)\s+(?:to|at|with)\s+({_PROPER})"),
    re.compile(rf"\b(?:role|position|post|job|vacancy|opportunity|career|interest)\s+(?:at|with)\s+({_PROPER})"),
    re.compile(rf"\b(?:join|joining)\s+({_PROPER})"),
    re.compile(rf"\b(?:offer|news)\s+from\s+({_PROPER})"),
    re.compile(rf"^({_PROPER})\s+[-–:|]\s+"),
)
_ROLE_PATTERNS = (
    re.compile(r"\b(?:post|position|role) of\s+([A-Z][^.,;:\n!?]{2,60}?)(?=\s+(?:at|with|in)\b|[.,;:\n!?]|$)"),
    re.compile(
        r"\bfor (?:the |our |a |an )?(?:position |role |post )?(?:of )?([A-Z][\w/&()' -]{2,60}?)"
        r"\s+(?:role|position|post|job|vacancy|programme|opening)\b"
    ),
    re.compile(
        r"\b(?:application|applying|applied)\s+for\s+(?:the\s+)?([A-Z][^.,;:\n!?]{2,60}?)(?=\s+(?:at|with|in)\b|[.,;:\n!?(]|$)"
    ),
    re.compile(r"\bto be (?:a|an) ([a-z][\w -]{2,40}?) at\b"),
)
_SUBJECT_ROLES = (
    re.compile(
        r"^(?:re:\s*|fw:\s*)*(?:application received|application|interview|invitation to interview|invitation|"
        r"offer|shortlisted|outcome|update)\s*[-–:]\s*(?:for\s+)?([A-Z][\w/&()' -]{2,60}?)\s*$",
        re.IGNORECASE,
    ),
    re.compile(
        r"^(?:re:\s*|fw:\s*)*([A-Z][\w/&()' -]{2,60}?)\s+(?:application|vacancy|position|role|job|interview)\s*$",
        re.IGNORECASE,
    ),
)
_NOT_ROLE = re.compile(
    r"^(?:your|our|the|a|an|this|that|thank|thanks|we|interview|application|update|status|next|good|great|"
    r"confirm|re|fw|regarding|outcome|offer|feedback|invitation|schedule|new|let's)\b",
    re.IGNORECASE,
)
_PRONOUN = re.compile(r"\b(?:we|your|our|you|us|i)\b", re.IGNORECASE)
_PERSONAL_NAME = re.compile(
    r"^(?:(?i:dr|mr|mrs|ms|mx|miss|prof)\.?\s+)?[A-Z][a-z'’-]+(?:\s+[A-Z]\.)?\s+[A-Z][a-zA-Z'’-]+$"
)
_STOP_TAIL = re.compile(r"\s+(?:and|for|to|at|with|in|on|team|we|is|has|the|of)$", re.IGNORECASE)


def _clean_name(text: str) -> str:
    text = " ".join(text.replace("’", "'").split()).strip(" .,:;!-–")
    previous = None
    while previous != text:
        previous = text
        text = _STOP_TAIL.sub("", text).strip(" .,:;!-–")
    return text


def display_company(name: str) -> str:
    """'Northwind Logistics Talent Acquisition' gives 'Northwind Logistics'; a person's name gives ''."""
    text = _clean_name(name.replace('"', ""))
    if not text or "@" in text:
        return ""
    for prefix in ("talent at ", "careers at ", "jobs at ", "hr "):
        if text.lower().startswith(prefix):
            text = text[len(prefix) :]
    changed = True
    while changed:
        changed = False
        lowered = text.lower()
        for suffix in _cues().name_suffixes:
            if lowered.endswith(" " + suffix) or lowered == suffix:
                text = text[: len(text) - len(suffix)].strip(" -–|,")
                changed = True
                break
    if not text or (_PERSONAL_NAME.match(text) and len(text.split()) <= 3 and not _has_business_word(text)):
        return ""
    return text


_BUSINESS = re.compile(
    r"\b(co|company|ltd|llp|inc|group|bank|health|clinic|school|academy|studio|studios|hotels?|motors|"
    r"pharmacy|trust|council|libraries|institute|engineering|software|media|freight|logistics|ports?|"
    r"plumbing|security|kitchen|coffee|bakery|homes|care|practice|partners|languages|architects|bio|"
    r"capital|analytics|payments|cloud|services|vets|nursery|primary|surf|brewing)\b",
    re.IGNORECASE,
)


def _has_business_word(text: str) -> bool:
    return bool(_BUSINESS.search(text))


def guess_company(mail: MailText) -> str:
    """The employer's name: a name the text gives that the sender confirms, else the display name, else a
    name the text gives, else the sender's domain."""
    named = []
    for source in (mail.subject, mail.body[:3000]):
        for pattern in _COMPANY_PATTERNS:
            for found in pattern.finditer(source):
                name = _trim_company(found.group(1))
                if name and not _NOT_ROLE.match(name):
                    named.append(name)
    domain = mail.sender_domain
    label = "" if is_ats_domain(domain) else _registered_label(domain)
    local = mail.sender_address.partition("@")[0].lower() if is_ats_domain(domain) else ""
    sender_words = _words(f"{mail.sender_name} {label} {local}")
    sender_compact = "".join(sender_words)
    for name in named:
        words = _company_words(name)
        if words and (_mentions(sender_words, words) or "".join(words) in sender_compact):
            return name
    from_name = display_company(mail.sender_name)
    if from_name:
        return from_name
    if label and not _domain_in(domain, _cues().personal_domains):
        return label.replace("-", " ").title()
    if named:
        return named[0]
    if local and not re.search(r"reply|notification|careers|jobs|talent|info", local):
        return local.replace(".", " ").replace("-", " ").title()
    return ""


def _trim_company(text: str) -> str:
    name = _clean_name(text)
    # "Sable Works! We've got it" never reaches here (the pattern stops at punctuation), but a trailing
    # capitalised word of the next clause might: stop before a word that starts a sentence.
    words = name.split()
    kept = []
    for word in words:
        if word in ("We", "We've", "I", "Our", "Please", "Your", "Thank", "Thanks", "It", "This", "If"):
            break
        kept.append(word)
    return " ".join(kept).strip(" .,;:!-–")


def guess_role(mail: MailText) -> str:
    for source in (mail.subject, mail.body[:3000]):
        for pattern in _ROLE_PATTERNS:
            found = pattern.search(source)
            if found:
                role = _clean_role(found.group(1))
                if role:
                    return role
    for pattern in _SUBJECT_ROLES:
        found = pattern.match(mail.subject.strip())
        if found:
            return _clean_role(found.group(1))
    return ""


def _clean_role(text: str) -> str:
    role = _clean_name(re.sub(r"\s*\((?:req|ref|r-)[^)]*\)", "", text, flags=re.IGNORECASE))
    role = re.sub(r"\s*\(?(?:req|ref|job id)\s*#?\s*[\w-]+\)?$", "", role, flags=re.IGNORECASE)
    if not role or _NOT_ROLE.match(role) or _PRONOUN.search(role) or len(role) > 60:
        return ""
    return role


_TWO_PART_TLDS = ("co", "com", "org", "net", "ac", "gov", "sch", "nhs", "ltd", "plc")


def _registered_label(domain: str) -> str:
    parts = [p for p in domain.lower().split(".") if p]
    if len(parts) < 2:
        return ""
    if len(parts) >= 3 and parts[-2] in _TWO_PART_TLDS and len(parts[-1]) == 2:
        return parts[-3]
    return parts[-2]


# -- linking ------------------------------------------------------------------------------------------

_WORD = re.compile(r"[a-z0-9]+")
_ROLE_STOP = frozenset({"and", "of", "the", "a", "an", "for", "in", "to", "with", "at", "senior", "junior", "i", "ii"})


def _words(text: str) -> list[str]:
    return _WORD.findall(text.lower().replace("&", " and "))


@lru_cache(maxsize=8192)
def _company_key(name: str) -> tuple[str, ...]:
    return tuple(w for w in _words(name) if w not in _cues().company_suffixes and w != "and")


def _company_words(name: str) -> list[str]:
    return list(_company_key(name))


@lru_cache(maxsize=8192)
def _role_key(role: str) -> tuple[str, ...]:
    return tuple(w for w in _words(role) if w not in _ROLE_STOP)


def _compact(name: str) -> str:
    return "".join(_company_words(name))


def _mentions(text_words: list[str], name_words: list[str]) -> bool:
    if not name_words:
        return False
    n = len(name_words)
    return any(text_words[i : i + n] == name_words for i in range(len(text_words) - n + 1))


def _label_starts_with_name(label: str, name_words: list[str]) -> bool:
    """'northstarmotorsnz' starts with Northstar Motors; a first word alone ("pine") also starts unrelated
    names ("pinewood"), so the next word must follow it."""
    first = name_words[0]
    if len(first) < 4 or not label.startswith(first):
        return False
    return len(name_words) == 1 or label[len(first) :].startswith(name_words[1][:3])


@dataclass(frozen=True, slots=True)
class LinkResult:
    application_id: int | None
    reason: str  # thread, contact, domain, name, none


def link(mail: MailText, reading: MailReading, candidates: Sequence[Candidate]) -> LinkResult:
    """The application a job message is about, or none (a new one, or not enough to go on)."""
    if not reading.about_a_job or reading.kind is MailKind.RECRUITER_OUTREACH:
        return LinkResult(None, "none")
    threads = set(mail.thread_ids)
    for candidate in candidates:
        if threads.intersection(candidate.request_ids):
            return LinkResult(candidate.id, "thread")
    sender = mail.sender_address.lower()
    domain = mail.sender_domain
    label = "" if is_ats_domain(domain) else _registered_label(domain).replace("-", "")
    local = sender.partition("@")[0].replace(".", "").replace("-", "") if is_ats_domain(domain) else ""
    header_words = _words(f"{mail.sender_name} {mail.subject}")
    body_words = _words(mail.body[:5000])
    header_set, body_set = set(header_words), set(body_words)
    role_text = header_set | body_set
    best: tuple[float, int, str] | None = None
    for candidate in candidates:
        score = 0.0
        reason = "name"
        name_words = list(_company_key(candidate.company))
        compact = "".join(name_words)
        contact = candidate.contact_email.lower()
        if contact and contact == sender:
            score += 6
            reason = "contact"
        elif contact and contact.rpartition("@")[2] == domain and not is_ats_domain(domain):
            score += 5
            reason = "domain"
        elif label and compact and len(compact) >= 4 and (compact in label or (len(label) >= 4 and label in compact)):
            score += 4
            reason = "domain"
        elif label and name_words and _label_starts_with_name(label, name_words):
            score += 3
            reason = "domain"
        if local and compact and (local == compact or local.startswith(compact) or compact.startswith(local)):
            score += 3
        first = name_words[0] if name_words else ""
        if first in header_set and _mentions(header_words, name_words):
            score += 3.5
        elif first in body_set and _mentions(body_words, name_words):
            score += 3
        elif name_words and len(name_words) > 1 and name_words[0] in header_words and len(name_words[0]) >= 4:
            score += 1.5
        if score <= 0:
            continue
        role_words = _role_key(candidate.role)
        if role_words:
            overlap = sum(1 for w in role_words if w in role_text) / len(role_words)
            score += 2 * overlap
        if best is None or score > best[0]:
            best = (score, candidate.id, reason)
    if best is None or best[0] < 3:
        return LinkResult(None, "none")
    return LinkResult(best[1], best[2])


# -- when an invitation is for ------------------------------------------------------------------------

_MONTHS = {
    name: index
    for index, names in enumerate(
        (
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
            ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"),
            ("october", "oct"), ("november", "nov"), ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}  # fmt: skip
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?:,?\s+(?P<year>20\d\d))?"
_WEEKDAY = r"(?:(?P<weekday>" + "|".join(_WEEKDAYS) + r"),?\s+)?"
_DATE_PATTERNS = (
    re.compile(rf"\b{_WEEKDAY}(?:the\s+)?{_DAY}(?:\s+of)?\s+{_MONTH}{_YEAR}\b", re.IGNORECASE),
    re.compile(rf"\b{_WEEKDAY}{_MONTH}\s+{_DAY}{_YEAR}\b", re.IGNORECASE),
    re.compile(r"\b(?P<iso_y>20\d\d)-(?P<iso_m>\d\d)-(?P<iso_d>\d\d)\b"),
    re.compile(r"\b(?P<n_d>[0-3]?\d)[/.](?P<n_m>[01]?\d)[/.](?P<n_y>20\d\d)\b"),
    re.compile(r"\b(?P<rel>next|this|on|coming)\s+(?P<rel_weekday>" + "|".join(_WEEKDAYS) + r")\b", re.IGNORECASE),
    re.compile(
        r"\b(?P<bare_weekday>" + "|".join(_WEEKDAYS) + r")\s+(?:the\s+)?(?P<bare_day>[0-3]?\d)(?:st|nd|rd|th)\b",
        re.IGNORECASE,
    ),
)
_TIME = re.compile(
    r"(?<![\d:/.])(?P<h>[01]?\d|2[0-3])(?:[:.](?P<m>[0-5]\d))?\s*(?P<ampm>a\.?m\.?|p\.?m\.?)?(?![\d/])",
    re.IGNORECASE,
)


def _year_for(month: int, day: int, reference: date) -> date | None:
    for year in (reference.year, reference.year + 1):
        try:
            candidate = date(year, month, day)
        except ValueError:
            return None
        if candidate >= reference - timedelta(days=7):
            return candidate
    return None


def _match_date(found: re.Match[str], reference: date) -> date | None:
    groups = found.groupdict()
    try:
        if groups.get("month"):
            month = _MONTHS[groups["month"].lower().rstrip(".")]
            day = int(groups["day"])
            if groups.get("year"):
                return date(int(groups["year"]), month, day)
            return _year_for(month, day, reference)
        if groups.get("iso_y"):
            return date(int(groups["iso_y"]), int(groups["iso_m"]), int(groups["iso_d"]))
        if groups.get("n_y"):
            return date(int(groups["n_y"]), int(groups["n_m"]), int(groups["n_d"]))
    except ValueError:
        return None
    if groups.get("rel_weekday"):
        target = _WEEKDAYS.index(groups["rel_weekday"].lower())
        ahead = (target - reference.weekday()) % 7 or 7
        return reference + timedelta(days=ahead)
    if groups.get("bare_day"):
        day = int(groups["bare_day"])
        for months_ahead in (0, 1):
            month_index = reference.month - 1 + months_ahead
            year, month = reference.year + month_index // 12, month_index % 12 + 1
            try:
                candidate = date(year, month, day)
            except ValueError:
                continue
            if candidate >= reference:
                return candidate
    return None


def _time_near(text: str, start: int, end: int) -> time | None:
    """The clock time closest after (or just before) a date mention, within the same few lines."""
    window_after = text[end : end + 120]
    window_before = text[max(0, start - 60) : start]
    for window, offset_first in ((window_after, True), (window_before, False)):
        best = None
        for found in _TIME.finditer(window):
            value = _as_time(found)
            if value is None:
                continue
            best = value
            if offset_first:
                break
        if best is not None:
            return best
    return None


def _as_time(found: re.Match[str]) -> time | None:
    hour = int(found.group("h"))
    minute = int(found.group("m") or 0)
    ampm = (found.group("ampm") or "").replace(".", "").lower()
    if not ampm and found.group("m") is None:
        return None  # a bare number is a day or a count, not a time
    if ampm:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if ampm == "pm" else 0)
    elif found.group(0).count(".") and hour > 23:
        return None
    return time(hour, minute)


def find_when(text: str, sent_at: datetime | None) -> datetime | None:
    """The first date (with its time, if given) on or after the message date that the text names."""
    reference = (sent_at.date() if sent_at else None) or date.today()
    mentions: list[tuple[int, int, date]] = []
    for pattern in _DATE_PATTERNS:
        for found in pattern.finditer(text):
            # A weekday alone ("on Friday") only counts where no full date was written around it.
            relative = bool(found.groupdict().get("rel_weekday") or found.groupdict().get("bare_day"))
            if relative and any(s - 25 <= found.start() <= e + 5 for s, e, _ in mentions):
                continue
            value = _match_date(found, reference)
            if value is not None and value >= reference - timedelta(days=1):
                mentions.append((found.start(), found.end(), value))
    if not mentions:
        return None
    mentions.sort()
    start, end, day = mentions[0]
    moment = _time_near(text, start, end) or time(0, 0)
    return datetime.combine(day, moment)
