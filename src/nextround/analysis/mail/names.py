"""Names in a mail (the company, the role) and the application it is about."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from nextround.analysis.mail.base import Candidate, MailKind, MailReading, MailText, cues, domain_in, is_ats_domain

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
        for suffix in cues().name_suffixes:
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
    if from_name and not _is_senders_own_name(from_name, mail.sender_address):
        return from_name
    if label and not domain_in(domain, cues().personal_domains):
        return _label_as_written(label, mail)
    if named:
        return named[0]
    if local and not re.search(r"reply|notification|careers|jobs|talent|info", local):
        return _as_written(local, mail) or local.replace(".", " ").replace("-", " ").title()
    return ""


# A domain label often carries a legal form or a department the company's name does not ("tescoplc",
# "harbourfoodsltd", "acmecareers"): the mail writes "Tesco", not "Tescoplc".
_LABEL_TAIL = re.compile(r"(?<=[a-z0-9]{3})-?(?:plc|ltd|limited|inc|llc|gmbh|group|careers|jobs|recruitment|hr)$")
_LEGAL_TAIL = re.compile(r"(?<=[a-z0-9]{3})-?(?:plc|ltd|limited|inc|llc|gmbh)$")


def _label_as_written(label: str, mail: MailText) -> str:
    """The sender's domain label as a company name: as the mail writes it, with or without its legal form or
    department; else title case, without a legal form."""
    lowered = label.lower()
    for candidate in (lowered, _LABEL_TAIL.sub("", lowered)):
        written = _as_written(candidate, mail)
        if written:
            return written
    return _LEGAL_TAIL.sub("", lowered).replace("-", " ").title()


def _is_senders_own_name(name: str, address: str) -> bool:
    """ "Sunita" <sunita@greenleafbakery.co.uk> is a person signing with a first name, not the company."""
    local = re.split(r"[._+-]", address.partition("@")[0].lower())
    return len(name.split()) == 1 and name.lower() in local and "@" in address


_WRITTEN_WORD = re.compile(r"[A-Za-z0-9][\w'’&]*|&")


def _as_written(label: str, mail: MailText) -> str:
    """The domain label as the mail itself spells it: "greenleafbakery" is "GreenLeaf Bakery" when the
    signature writes it so; "" when the text never writes it (then title case is the best guess)."""
    target = re.sub(r"[^a-z0-9&]", "", label.lower())
    if len(target) < 3:
        return ""
    for source in (mail.sender_name, mail.subject, mail.body[:3000]):
        words = [(m.group(0), m.start(), m.end()) for m in _WRITTEN_WORD.finditer(source)]
        for start in range(len(words)):
            joined = ""
            for end in range(start, min(start + 5, len(words))):
                joined += re.sub(r"[^a-z0-9&]", "", words[end][0].lower())
                if joined == target or joined == target.replace("and", "&"):
                    text = source[words[start][1] : words[end][2]]
                    # only a name the writer capitalised; "we bake green leaf bread" is not a name
                    if any(ch.isupper() for ch in text):
                        return " ".join(text.split())
                if not target.startswith(joined) and not target.replace("and", "&").startswith(joined):
                    break
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
    return tuple(w for w in _words(name) if w not in cues().company_suffixes and w != "and")


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
