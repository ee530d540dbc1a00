"""Cutting one requirement sentence into phrases, in the job's own words.

Lead-ins ("Experience of", "Confident with") and tails ("would be an advantage") are dropped, years are
read off ("3+ years of laminated dough"), short coordinated items are split ("laminated dough and
viennoiserie" asks for both), items joined by "or" or "/" are alternatives (one is enough), and "such as"
examples are ways to show an ask, not asks of their own.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Final, Literal

from nextround.analysis.skillgaps.alternatives import alternatives_of as alternatives_of  # read here by callers
from nextround.analysis.skillgaps.alternatives import or_series
from nextround.analysis.skillgaps.conditions import is_condition, is_eligibility, is_quality
from nextround.analysis.skillgaps.cues import listed_binomials, load_cues
from nextround.analysis.skillgaps.exact import is_ordinary
from nextround.analysis.skillgaps.language_levels import keep_level_word
from nextround.analysis.skillgaps.layout import mask_brackets, unmask_brackets
from nextround.analysis.skillgaps.years_way import read_years_way

Importance = Literal["required", "nice_to_have"]
Section = Literal["required", "duties", "nice", "context", "prose", "unknown"]

_YEARS: Final = re.compile(
    r"(?:(?:with\s+)?(?:at least|minimum(?: of)?|min\.?|a minimum of|over|more than)\s+)?"
    r"(?:(?P<low>\d{1,2})\s*(?:-|–|to)\s*)?"  # "3-5 years" asks for 3
    r"(?P<number>(?<![\d/])\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|an?(?=\s+year(?:['’]s|\s+(?:of|in|as))))"
    r"\s*\+?\s*(?:full\s+)?"
    r"(?P<unit>years?|yrs?|months?|seasons?\b)(?:['’]s?)?(?:\s+(?:of|on))?(?:\s+(?:proven|relevant|previous|hands-on))?"
    r"(?:\s+experience(?:\s+(?:of|in|with|as|using|on))?)?",
    re.IGNORECASE,
)
_WORD_NUMBERS: Final = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
}  # fmt: skip
_EXAMPLES: Final = re.compile(r"\b(?:such as|e\.g\.?|for example|for instance|like|including)\b", re.IGNORECASE)
_AND_LIST: Final = re.compile(r"\s*,\s*(?:and\s+|&\s+)?|\s+(?:and|&)\s+")
_PREPOSITIONS: Final = frozenset(
    [
        "of",
        "with",
        "for",
        "to",
        "in",
        "on",
        "from",
        "into",
        "at",
        "by",
        "including",
        "about",
        "across",
        "between",
        "under",
        "within",
        "against",
        "through",
        "via",
        "as",
        "using",
    ]
)


@dataclass(frozen=True)
class Requirement:
    """One thing the job asks for: the job's words, where they sit, and how it is asked."""

    text: str  # the phrase, in the job's words
    sentence: str  # the bullet or sentence it came from
    importance: Importance
    alternatives: tuple[str, ...]  # any one of these meets it ("Django or FastAPI")
    years: float | None = None
    quality: bool = False  # a personal quality ("patience"): listed, never a gap
    condition: bool = False  # a condition of eligibility ("Singapore citizens or PRs"): listed to confirm, never a gap
    examples: bool = False  # named products are examples ("an ATS such as Workday")
    section: str = ""  # the part of the ad it was read from: "required", "duties", "nice", "prose", "unknown"
    places: frozenset[str] = frozenset()  # the ad's places, employer and bodies, lower case (places.ad_places)
    # "Certificate IV in Rail Signalling or at least 2 years' signalling maintenance": the way the years go with
    # ("signalling maintenance"); the text is "<credential> or <this>", either way meets it (years_way.py)
    years_way: str = ""


# "completed within the last 12 months" says how recent a credential must be (recency.py), not years asked
_WINDOW_TAIL: Final = re.compile(
    r",?\s*(?:(?:completed|issued|obtained|gained|passed|renewed|taken|held)\s+)?(?:with)?in the (?:last|past|previous)"
    r"\s+(?:\d{1,2}|one|two|three|four|five|six|twelve|eighteen)(?:\s*\(\d{1,2}\))?\s+(?:months?|years?)\b",
    re.IGNORECASE,
)


# Years that are not experience asked: an age ("at least 19 years old", "18 years of age", children "aged 4-12
# years") or a deadline ("a licence within 12 months", "within three years of starting")
_AGE_AFTER: Final = re.compile(r"^\s*(?:of\s+)?(?:old|of\s+age|age)\b", re.IGNORECASE)
_AGE_OR_DEADLINE_BEFORE: Final = re.compile(
    r"(?:\b(?:within|aged?|ages|kids?|child(?:ren)?|pupils|infants|toddlers|babies|teens|teenagers|juniors)\b"
    r"(?:(?!\b(?:years?|months?|and)\b)[^.;:]){0,25}|\bwithin\s+(?:the\s+)?(?:first\s+)?)$",
    re.IGNORECASE,
)


def _not_experience(text: str, found: re.Match[str]) -> bool:
    after = text[found.end() :]
    if _AGE_AFTER.match(after) or (re.search(r"\bof$", found.group(0)) and re.match(r"\s*age\b", after, re.I)):
        return True
    return bool(_AGE_OR_DEADLINE_BEFORE.search(text[: found.start()]))


def _years(text: str) -> tuple[float | None, str]:
    text = _WINDOW_TAIL.sub("", text)
    found = next((match for match in _YEARS.finditer(text) if not _not_experience(text, match)), None)
    if found is None:
        return None, text
    raw = (found.group("low") or found.group("number")).lower()
    value = float(_WORD_NUMBERS.get(raw, 0) or (1 if raw in ("a", "an") else raw))
    if found.group("unit").lower().startswith("month"):
        value = round(value / 12, 2)  # "6 months BPO experience"
    rest = (text[: found.start()] + " " + text[found.end() :]).strip()
    rest = re.sub(r"^\W+|[^\w)]+$", "", rest)
    return value, re.sub(r"\s+", " ", rest)


_MARKER_IN_BRACKETS: Final = re.compile(
    r"\s*\((?:highly\s+)?(?:desirable|essential|preferred|optional|required|a plus|nice to have|advantageous)\)",
    re.IGNORECASE,
)


# "i.e. IPM", "Excel, Word etc.": the marker of a restatement or an open list is not part of the ask
_RESTATED: Final = re.compile(r"^(?:i\.?e\.?|e\.?g\.?|namely|viz\.?)\s+|,?\s+(?:etc\.?|and so on)$", re.IGNORECASE)


# Lead-ins of prose asks beside those of match_cues.toml: "so we need someone with", "someone who has", "In
# Ontario that means you hold", "the person we hire will have"
_MORE_LEADINS: Final = re.compile(
    r"^(?:(?:so|and|but|also|therefore|thus|hence)\s+)?(?:(?:we|I)\s+(?:need|want|require|are looking for"
    r"|'re looking for|’re looking for|are after|'re after|’re after)\s+)?(?:someone|somebody|a person|people"
    r"|candidates?|applicants?|an individual)\s+(?:with|who\s+(?:has|have|can|is|are|holds?|brings?))\s+"
    r"|^(?:[\w'’,-]+\s+){0,6}?(?:that\s+)?means\s+(?:that\s+)?you\s+(?:hold|have|need|must have|bring)\s+"
    r"|^.{0,80}?\b(?:need|want|looking for|seeking)\s+(?:an?\s+)?(?:[\w-]+\s+){0,3}?(?:who|that)\s+"
    r"(?:can|will|is able to)\s+(?:both\s+)?"
    r"|^(?:we|I)\s+(?:are|'re|’re|am)\s+(?:looking for|seeking)\s+(?:an?\s+)?(?:[\w-]+\s+){0,3}?"
    r"(?:with|who\s+(?:has|have|can|is|holds?))\s+"
    r"|^(?:the )?(?:person|candidate|applicant) we (?:hire|appoint|choose|take on) (?:will|should|must) "
    r"(?:have|need|bring|hold|be)\s+"
    r"|^(?:so|and|but|also|therefore)\s+(?=\w)"
    r"|^(?:you\s+)?(?:must|should|will need to|need to)\s+(?:understand|know)\s+",
    re.IGNORECASE,
)
_SOMEONE: Final = frozenset(
    ["someone", "somebody", "a person", "person", "an individual", "individual", "candidate", "candidates", "we"]
)
# "... is desirable but not essential", "... is needed in the team", "... is a must": how it is asked, not what
_MORE_TAILS: Final = re.compile(
    r"\s+(?:is|are)\s+(?:(?:highly|very|also|really)\s+)?(?:desirable|preferred|essential|required|a must|needed"
    r"|necessary|mandatory|expected|important|welcome|an? (?:plus|bonus|advantage|asset|merit))\b"
    r"(?:\s+but\s+not\s+(?:essential|required|necessary|a must))?"
    r"(?:\s+(?:in|for|on) (?:the|this|our) (?:team|role|job|post)|\s+for\s+(?:daily|day-to-day|the|this|our)\b.*)?"
    r"\s*[.!]?$|\s+to join (?:our|the|us)\b.*$|\s+well enough to\b.*$",
    re.IGNORECASE,
)


def _clean(phrase: str) -> str:
    cues = load_cues()
    phrase = _MARKER_IN_BRACKETS.sub("", phrase).strip(" \t.,;:!-–—")
    phrase = _RESTATED.sub("", phrase).strip(" \t.,;:")
    original = phrase
    if _WAYS.fullmatch(re.sub(r"^(?:both|in|either)\s+", "", phrase, flags=re.IGNORECASE)):
        return ""  # "..., both verbal and written": how the skill before it is used, not an ask of its own
    for _ in range(3):
        if phrase.lower() in _SOMEONE:
            return ""  # "We are looking for someone, with 3 years ...": the years are the ask
        before = phrase
        phrase = cues.leadin.sub("", _MORE_LEADINS.sub("", phrase)).strip(" ,.;:")
        phrase = cues.tail.sub("", _MORE_TAILS.sub("", phrase)).strip(" ,.;:")
        if phrase == before:
            break
    return keep_level_word(original, phrase)


def _single_word_ok(item: str) -> bool:
    """A one-word list item stands on its own when it is a noun or a name, not "Prompting" or "stocked"."""
    word = item.strip()
    if any(char.isupper() for char in word[1:]) or word.isupper():
        return True
    return not word.lower().endswith(("ing", "ed", "ly"))


_TITLE_AND: Final = re.compile(r"\b[A-Z][a-z]+\s+(?:and|&)\s+[A-Z][a-z]+\b(?:\s+[A-Z][a-z]+\b)*")


def _hold_title_and(found: re.Match[str]) -> str:
    """Keep "and" inside a title of everyday capitalised words; names ("Xero and QuickBooks") still split."""
    words = [word for word in found.group(0).split() if word not in ("and", "&")]
    # an ampersand between capitals writes one name ("City & Guilds", "Marks & Spencer") when any of its words
    # is an everyday one; two brand names ("Xero & QuickBooks") still split
    joined = " & " in found.group(0) and any(is_ordinary(word) for word in words)
    if not joined and not all(is_ordinary(word) for word in words):
        return found.group(0)
    return found.group(0).replace(" and ", "\x01").replace(" & ", "\x02")


# "the Child, Youth and Family Services Act": one law, however many commas its name has
_NAMED_LIST: Final = re.compile(
    r"\b(?:[A-Z][\w']+,?\s+)+(?:and|&)\s+(?:[A-Z][\w']+\s+)*(?:Act|Regulations|Order|Code|Standards?)\b"
)
_SHARED_HEADS: Final = frozenset(["care", "service", "support", "control", "safety", "design", "work"])
_ADJECTIVE_ENDINGS: Final = ("al", "ic", "ive", "ous", "ful", "ary", "ern", "ile", "ed", "en", "ing", "ar", "ior")


def _shares_head(modifiers: list[str], last: list[str]) -> bool:
    """Whether "X and Y head" means "X head and Y head". Yes when X is a modifier that cannot stand
    alone (an adjective: "domestic and commercial kitchens"; a code: "MIG and TIG welding") or the head
    names a kind of thing in the plural or as an activity ("counterbalance and reach truck licences",
    "sterility and endotoxin testing"); no when X is a thing of its own and the head is one more
    ("balayage and colour correction")."""
    head = last[-1]
    if len(last) < 2 or (not head.islower() and not all(word.endswith(("en", "ten")) for word in modifiers)):
        return False  # a capitalised head is shared only by participles: "written and spoken English"
    if any(word.endswith("s") and not word.endswith(("ss", "ous", "is")) and not word.isupper() for word in modifiers):
        return False  # "kebabs and Indian breads": a plural stands on its own
    adjectival = all(
        word.lower().endswith(_ADJECTIVE_ENDINGS) or word.isupper() or (word[0].isupper() and not is_ordinary(word))
        for word in modifiers
    )  # "domestic and commercial", "MIG and TIG", "Kerala and coastal seafood cuisine"
    plural = head.endswith("s") and not head.endswith("ss")
    activity = head.endswith(("ing", "ment", "ance", "ence")) or head in _SHARED_HEADS
    return adjectival or plural or activity


# "read and write French", "verbal and written", "speak, read and write": one ability in two ways, not two asks
_WAYS: Final = re.compile(
    r"\b(?:(?:speak|read|write|spoken|written|verbal|oral|reading|writing|speaking),?\s+)+(?:and|&)\s+"
    r"(?:speak|read|write|spoken|written|verbal|oral|reading|writing|speaking)\b",
    re.IGNORECASE,
)
_BINOMIAL: Final = re.compile(r"\b([a-z]+)\s+(and|&)\s+([a-z]+)\b", re.IGNORECASE)


@lru_cache(maxsize=1)
def _binomials() -> frozenset[str]:
    """ "health and safety", "food and beverage", "loading and unloading": pairs the taxonomy's labels use
    as one term more than once."""
    from collections import Counter

    from nextround.analysis.skills import load_taxonomy

    joined = "\n".join(name for name in load_taxonomy().names if " and " in name or " & " in name).lower()
    counts = Counter(found.group(0).replace("&", "and") for found in _BINOMIAL.finditer(joined))
    return frozenset(pair for pair, count in counts.items() if count >= 2) | listed_binomials()


# "drug and alcohol clearance", "pass a police and medical check": one check of two things is one ask, where the two
# open the ask's words (after a mark, an article, a verb of passing, "valid" and the like, or a hyphened word such as
# "pre-employment"); "fibre splicing and OTDR testing", "immunisations and antenatal checks" are two
_ONE_CHECK: Final = re.compile(
    r"(?P<lead>^\s*|[,;:(]\s*|\b(?:a|an|the|and|or|pass|passed|obtain|undergo|take|clear|any|valid|current|clean"
    r"|satisfactory|negative)\s+|-[a-z]{3,}\s+)"
    r"(?P<pair>[a-z][\w-]*(?<![^s]s)\s+(?:and|&)\s+[a-z][\w-]*)(?=\s+(?:tests?|testing|screens?|screening"
    r"|clearances?|checks?|vetting)\b)",
    re.IGNORECASE,
)


def _hold_binomial(found: re.Match[str]) -> str:
    pair = f"{found.group(1)} and {found.group(3)}".lower()
    if pair not in _binomials():
        return found.group(0)
    return f"{found.group(1)}{chr(1) if found.group(2) == 'and' else chr(2)}{found.group(3)}"


def split_items(phrase: str) -> list[str]:
    """ "laminated dough and viennoiserie" -> both; "communication with patients, families and staff" stays.

    Words in brackets stay with what they follow ("nurse clinics (weight, dental, puppy)"), and a shared
    head noun carries over ("counterbalance and reach truck licences" -> "counterbalance licences")."""
    masked, kept = mask_brackets(phrase)
    # "Level 2 Health and Social Care", "Health & Safety": "and" inside a name written in capitals
    masked = _NAMED_LIST.sub(lambda found: found.group(0).replace(", ", "\x03").replace(" and ", "\x01"), masked)
    masked = _TITLE_AND.sub(_hold_title_and, masked)
    masked = _ONE_CHECK.sub(lambda found: found["lead"] + found["pair"].replace(" and ", "\x01"), masked)
    masked = _BINOMIAL.sub(_hold_binomial, masked)
    masked = _WAYS.sub(lambda found: found.group(0).replace(", ", "\x03").replace(" and ", "\x01"), masked)
    if or_series(masked):
        return [phrase]  # "Salesforce, Gainsight or HubSpot": one ask, any one of them meets it
    items = [item for item in _AND_LIST.split(masked) if item and item.strip()]
    items = [item.replace("\x01", " and ").replace("\x02", " & ").replace("\x03", ", ") for item in items]
    if len(items) < 2:
        return [phrase]
    long_list = len(items) >= 3 and all(len(item.split()) >= 3 for item in items[1:])
    if long_list:
        # "a Level 2 Diploma in Health and Social Care, experience of dementia care and a full driving
        # licence": a list of requirements, however many prepositions its items have
        return [unmask_brackets(item, kept) for item in items if len(item.split()) <= 12] or [phrase]
    bare = [_clean(item) or item for item in items]  # "experience with Opera" is Opera
    if any(word in _PREPOSITIONS for item in bare for word in item.lower().split()[1:]):
        # "Match invoices to POs and GRNs", "inbound and outbound shipments with carriers": one thing
        return [phrase]
    for item in items:
        words = item.split()
        if len(words) > 6 or (len(words) == 1 and not _single_word_ok(item)):
            return [phrase]
    last = items[-1].split()
    singles = [item for item in items[:-1] if len(item.split()) == 1]
    simple = all(item[1:].islower() or item.isupper() for item in singles)
    if len(singles) == len(items) - 1 and simple and _shares_head(singles, last):
        items = [f"{item} {last[-1]}" for item in items[:-1]] + [items[-1]]
    first = items[0].split()
    if (
        len(first) >= 2
        # "Manage ordering, stock and ...": a bare verb carries over only from a verb and one noun ("lead a
        # shift and delegate tasks" is two duties)
        and (first[0].lower().endswith("ing") or (first[0].lower() in _DUTY_VERBS and len(first) == 2))
        and all(
            len(item.split()) <= 2
            and (item[:1].islower() or item.split()[0].isupper())
            and not item.split()[0].endswith("ing")
            and item.split()[0].lower() not in _DUTY_VERBS
            for item in items[1:]
        )
    ):
        items = [items[0]] + [f"{first[0]} {item}" for item in items[1:]]  # "Managing absence and performance"
    split = [unmask_brackets(item, kept) for item in items]
    from nextround.analysis.skillgaps.wellformed import well_formed

    if not all(well_formed(_clean(item) or item) for item in split):
        return [phrase]  # "budget control and timelines", "dental scale and polish": a piece alone names nothing
    return split


# Verbs that open a duty ("Manage ordering, stock and GP targets"): the verb carries over a list of objects
_DUTY_VERBS: Final = frozenset(
    ["manage", "run", "lead", "train", "develop", "prepare", "maintain", "monitor", "support", "deliver",
     "coordinate", "co-ordinate", "organise", "organize", "handle", "process", "oversee", "plan", "order",
     "check", "clean", "cook", "operate", "supervise", "assist", "provide", "conduct", "complete", "record",
     "administer", "build", "design", "install", "repair", "service", "inspect", "test", "write", "update",
     "review", "answer", "book", "schedule", "sell", "promote", "negotiate", "report", "control", "track",
     "reconcile", "prepare", "draft", "produce", "assess", "teach", "mentor", "coach", "recruit", "audit"],
)  # fmt: skip


def duty_verbs() -> frozenset[str]:
    """Verbs that open a duty or a task ("prepare", "keep"): alone, without an object, they ask nothing."""
    return _DUTY_VERBS | _MORE_VERBS


def _opens_duty(part: str) -> bool:
    """ "keep your station clean", "follow recipes": a clause that starts with a verb of work."""
    first = part.split()[0].lower() if part.split() else ""
    return first in _DUTY_VERBS or first in _MORE_VERBS


_MORE_VERBS: Final = frozenset(
    ["keep", "follow", "ensure", "work", "help", "take", "make", "use", "greet", "serve", "load", "pick", "pack",
     "drive", "respond", "deal", "liaise", "attend", "arrange", "prep", "wash", "stock", "restock", "count",
     "set", "close", "open", "cash", "collect", "deliver", "file", "type", "enter", "input", "assist", "give"],
)  # fmt: skip


_SUB_YEARS: Final = re.compile(
    r",\s*(?:(?:including|of which|with)\s+)?(?=(?:(?:at least|min\.|minimum(?: of)?|a minimum of)\s*)?"
    r"(?:\d{1,2}|one|two|three|four|five)\b)",
    re.IGNORECASE,
)  # "..., including min. 1 year with Elixir": the second figure is an ask of its own
_BARE_NUMBER: Final = re.compile(
    r"^((?:(?:at least|min\.|minimum(?: of)?|a minimum of)\s*)?(?:\d{1,2}|one|two|three|four|five))"
    r"\s+(?!years?\b|yrs?\b)"
)
_NARROWING: Final = re.compile(
    r",?\s+(?:(?:especially|particularly|in particular|notably|mainly|preferably|ideally)\s+[^,;]*"
    r"|(?:due to|because|owing to|as the role)\b.*|,\s*since\b.*|,?\s+as you(?:'ll| will)\b.*)$",
    re.IGNORECASE,
)


_EXAMPLE_TAIL: Final = re.compile(
    r"(?P<head>\w.*?\w)\s*(?:,\s*|\(\s*)(?:such as|e\.g\.?|for example|for instance|like)\s+(?P<examples>[^()]+?)\)?$",
    re.IGNORECASE,
)
_COMMA_LIST: Final = re.compile(r"\s*,\s*(?:and\s+)?")
# "English and one of German, Dutch or Swedish": the list after "one of" gives alternatives, not asks of their own
_ONE_OF: Final = re.compile(
    r"\b(?:any |either |at least )?one of\s+((?:[\w'-]+\s*,\s*)+[\w'-]+,?\s+or\s+[\w'-]+)", re.I
)
_NUMBER_IN_BRACKETS: Final = re.compile(
    r"\b(one|two|three|four|five|six|seven|eight|nine|ten)\s*\(\d{1,2}\)"
    r"|\b(\d{1,2})\s*\((?:one|two|three|four|five|six|seven|eight|nine|ten)\)",
    re.I,
)  # "three (3) years", "5 (five) years"
_AND_YEARS: Final = re.compile(
    r",?\s+(?:and|with)\s+(?=(?:(?:at least|a minimum of|minimum(?: of)?|over)\s+)?"
    r"(?:\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|an?)\+?\s+(?:years?|yrs?|months?)\b)",
    re.IGNORECASE,
)
_AND_VERB: Final = re.compile(
    r",?\s+and\s+(?=(?:(?:you|they)\s+)?(?:(?:must|should|will|can|'ll|’ll)\s+)?(?:have|has|hold|holds|be|possess"
    r"|possesses|demonstrate|understand|know)\s)|,?\s+and\s+(?=you\s+(?:must|should|will|need|'ll|’ll)\b)",
    re.IGNORECASE,
)  # "... and must understand knit costing", "..., and you must be comfortable approving lab dips"
_ROLE_ONLY: Final = re.compile(
    r"\b(?:looking for|seeking|need|needs|want|hiring|recruiting|after)\s+(?:an?\s+)?(?:[\w-]+\s*){1,3}$", re.IGNORECASE
)
_QUALIFIED_WITH: Final = re.compile(
    r"^(?P<left>.*\b(?:graduates?|degree|diploma|qualified|qualification|bachelor'?s?|master'?s?)\b.*?)\s+with\s+"
    r"(?P<right>(?:an?\s+)?[^,]*\b(?:licen[cs]es?|certificates?|certification|registration|card))$",
    re.IGNORECASE,
)


_LED: Final = re.compile(
    r"(?:confident|comfortable|competent|proficient|experienced|skilled|familiar|registered|fluent|happy|able"
    r"|willing)\b|(?:be|hold|have|speak|write)\s",
    re.IGNORECASE,
)


def _led_groups(parts: list[str]) -> list[str]:
    """Comma pieces regrouped so that each group opens with a lead-in word ("confident with", "able to", "hold")."""
    groups: list[str] = []
    for part in parts:
        if not groups or _LED.match(part):
            groups.append(part)
        else:
            groups[-1] += ", " + part
    return groups if all(_LED.match(group) for group in groups[1:]) else [", ".join(parts)]


def sentence_phrases(sentence: str, importance: Importance, whole: str | None = None) -> Iterator[Requirement]:
    sentence = _NUMBER_IN_BRACKETS.sub(lambda found: found.group(1) or found.group(2), sentence)  # "two (2) years"
    sentence = _ONE_OF.sub(lambda found: re.sub(r"\s*,\s*(?:or\s+)?", " or ", found.group(1)), sentence)
    masked, kept = mask_brackets(sentence)
    parts = [unmask_brackets(part, kept) for part in _COMMA_LIST.split(masked) if part.strip()]
    several = len(parts) >= 3 and all(len(part.split()) >= 2 for part in parts)
    groups = _led_groups(parts)
    if len(groups) >= 3:
        # "registered with the VCNZ, confident with herd fertility work, and comfortable with lameness, calvings
        # and caesareans": each lead-in opens an ask of its own, whatever commas its objects have
        for group in groups:
            yield from sentence_phrases(group, importance, whole or sentence)
        return
    if several and (any(map(_YEARS.search, parts)) or all(_opens_duty(part) for part in parts[1:])):
        # "excellent spoken English, minimum 6 months in a voice process, and typing speed of 30 wpm": a
        # prose list of asks, each with its own years
        for part in parts:
            yield from sentence_phrases(part, importance, whole or sentence)
        return
    if is_condition(sentence):
        if is_eligibility(sentence):
            # "Right to work in the UK": not a skill, but a condition the candidate should confirm
            text = _clean(sentence) or sentence.strip()
            yield Requirement(text, (whole or sentence).strip(), importance, (), condition=True)
        return
    pieces = _AND_YEARS.split(sentence, maxsplit=1)
    if len(pieces) == 2 and len(pieces[0].split()) >= 2 and not _YEARS.search(pieces[0]):
        # "BSN graduates with an active licence and at least two years of hospital experience"; "We're looking
        # for a vet with at least two years' dairy experience": the vet is the post
        if not _ROLE_ONLY.search(pieces[0]):
            yield from sentence_phrases(pieces[0], importance, whole or sentence)
        yield from sentence_phrases(pieces[1], importance, whole or sentence)
        return
    head, sub, tail = _SUB_YEARS.split(sentence, maxsplit=1)[0], None, ""
    if head != sentence and _YEARS.search(sentence[: len(head)]):
        # "4 years warehouse experience, 2 at supervisory level": two asks, each with its own years
        tail = _BARE_NUMBER.sub(r"\1 years ", sentence[len(head) :].lstrip(" ,"), count=1)
        tail = re.sub(r"^(?:including|of which|with)\s+", "", tail, flags=re.IGNORECASE)
        sub = tail if _YEARS.search(tail) else None
    if sub is not None:
        yield from sentence_phrases(head, importance, whole or sentence)
        yield from sentence_phrases(sub, importance, whole or sentence)
        return
    sentence_shown = whole or sentence
    if not re.match(r"\W*(?:ideally|preferably)\b", sentence, re.IGNORECASE):
        for ask in wish_asides(sentence):
            # "Full driver licence (a P endorsement would be great)": the wish is a nice-to-have of its own
            yield from sentence_phrases(ask, "nice_to_have", sentence_shown)
        sentence = NICE_ASIDE.sub("", sentence) or sentence
    if _CONTRACT_ASIDE.search(sentence):
        return  # "Partita IVA (you invoice us as a freelancer)": how the contract is paid, not a skill
    sentence = _ASIDE.sub("", sentence) or sentence  # "(you will be trained on our systems)" only explains
    sentence = _NARROWING.sub("", sentence)  # "the National Curriculum, especially history and art"
    verbs = _AND_VERB.split(sentence, maxsplit=1)
    if len(verbs) == 2 and len(verbs[1].split()) >= 2 and len(_clean(_years(verbs[0])[1]).split()) >= 1:
        # "proficient in Tally and have good knowledge of GRA tax laws": two asks, each with its verb
        yield from sentence_phrases(verbs[0], importance, sentence_shown)
        yield from sentence_phrases(verbs[1], importance, sentence_shown)
        return
    either = read_years_way(sentence, _clean, _years)
    if either is not None:  # "Certificate IV in Rail Signalling or at least 2 years' signalling maintenance"
        way, way_years, experience = either
        alternatives = alternatives_of(way)
        yield Requirement(f"{way} or {experience}", sentence_shown.strip(), importance, alternatives, years=way_years,
                          years_way=experience)  # fmt: skip
        return
    years, rest = _years(sentence)
    cleaned = _clean(rest)
    if not cleaned or len(cleaned) < 2:
        return
    qualified = _QUALIFIED_WITH.match(cleaned)
    if qualified:
        # "BSN graduates with an active PRC license": a qualification and a licence, each its own ask
        yield from sentence_phrases(qualified.group("left"), importance, sentence_shown)
        yield from sentence_phrases(qualified.group("right"), importance, sentence_shown)
        return
    years_at = _YEARS.search(sentence)
    examples = bool(_EXAMPLES.search(cleaned))
    shown_as = _EXAMPLE_TAIL.match(cleaned)
    if shown_as and len(shown_as.group("head").split()) >= 2 and not _YEARS.search(shown_as.group("examples")):
        # "natural area management, such as weed and pest animal control": one ask, and any example shows it
        head = _clean(shown_as.group("head")) or shown_as.group("head")
        shown_by = [_clean(item) for item in _AND_LIST.split(shown_as.group("examples")) if _clean(item)]
        yield Requirement(
            text=head,
            sentence=sentence_shown.strip(),
            importance=importance,
            alternatives=(*alternatives_of(head), *shown_by),
            years=years,
            quality=is_quality(head),
            condition=is_eligibility(head, sentence),
            examples=True,
        )
        return
    items = split_items(cleaned)
    for item in items:
        item = _clean(item)
        if not item:
            continue
        # "2 years in a medical reception role and a current first aid certificate": the years go with the
        # item they are written before, not with every item of the list
        at = sentence.find(item)
        own_years = years
        if years is not None and years_at is not None and len(items) > 1 and at > years_at.end():
            before = sentence[years_at.end() : at]
            if re.search(r"(?:\band|,)\s+(?:(?:an?|the|current|valid|full)\s+)+$", before, re.IGNORECASE):
                own_years = None
        yield Requirement(
            text=item,
            sentence=sentence_shown.strip(),
            importance=importance,
            alternatives=alternatives_of(item),
            years=own_years,
            quality=is_quality(item),
            condition=is_eligibility(item, sentence),
            examples=examples,
        )


# A wish added to a requirement: "..., ideally in a practice", "(supervisory experience preferred)"; a
# bracket that holds only the marker ("(desirable)") marks the whole line instead
NICE_ASIDE: Final = re.compile(
    r"\s*\((?=[^()]*\b(?:preferred|desirable|a plus|an advantage|advantageous|ideally|preferably|a bonus"
    r"|added advantage|an asset|a merit|would be (?:great|good|nice|useful)|welcome)\b)"
    r"(?!\s*(?:(?:is|would|be|an?|highly|very|but|not|essential|preferred|desirable|plus|advantage|added"
    r"|advantageous|bonus|asset|merit|great|good|nice|useful|welcome)\s*)+\))[^()]*\)"
    r"|,?\s*(?:(?:and|or)\s+)?(?:ideally|preferably)\b.*$"
    r"|,\s*(?P<tail>[^,()]{2,40}?)\s+(?:preferred|desirable|a plus|an advantage|an asset|welcome)\s*\.?$",
    re.IGNORECASE,
)
# What a wish aside asks: "(a P endorsement would be great)" asks for a P endorsement, as a nice-to-have
_WISH_WORDS_IN_ASIDE: Final = re.compile(
    r"^\s*\(|\)\s*$|\s*\b(?:is|are|would be|will be)?\s*(?:an?\s+)?(?:added\s+|highly\s+|strongly\s+)?"
    r"(?:preferred|desirable|plus|advantage|advantageous|bonus|asset|merit|great|good|nice|useful|welcome"
    r"|ideally|preferably)\b.*$",
    re.IGNORECASE,
)
_AND_IDEALLY: Final = re.compile(r"(?:(?:and|or)\s+)?(?:ideally|preferably)\b\s*(?P<ask>.*)$", re.IGNORECASE)
_NARROWS: Final = re.compile(
    r"(?:in|at|on|with|within|from|for|of|to|by|as|under|across|using|working|gained|including|some|one|two)\b",
    re.IGNORECASE,
)
_LEVEL_ONLY: Final = re.compile(r"^(?:(?:level|grade|class|stage|category|at|least|a|an|the|\d+\w?)\b\W*)+$", re.I)


def wish_asides(sentence: str) -> list[str]:
    """The asks inside a requirement's wish asides ("(a degree is an added advantage)", ", ICU/ER preferred"),
    each at least a word that is not only a level ("(Level 2 preferred)" names nothing alone)."""
    asks: list[str] = []
    for found in NICE_ASIDE.finditer(sentence):
        text = found.group(0).strip(" ,")
        wish = _AND_IDEALLY.match(text)
        if wish:
            # "Care Certificate, and ideally an NVQ Level 3": a second ask, wished for; "..., ideally in a
            # practice" narrows the first and asks nothing of its own
            ask = wish.group("ask").strip(" ,.;:()")
            if ask and not _NARROWS.match(ask) and re.search(r"[A-Za-z]{2}", ask):
                asks.append(re.sub(r"^(?:an?|the)\s+", "", ask, flags=re.IGNORECASE))
            continue
        ask = _WISH_WORDS_IN_ASIDE.sub("", found.group("tail") or text).strip(" ,.;:()")
        if ask and re.search(r"[A-Za-z]{2}", ask) and not _LEVEL_ONLY.match(ask):
            asks.append(ask)
    return asks


# A bracket that talks to the reader or about the employer explains the ask; it is not part of it
_ASIDE: Final = re.compile(r"\s*\((?=[^()]*\b(?:you|your|we|us|our)\b)[^()]*\)", re.IGNORECASE)
_CONTRACT_ASIDE: Final = re.compile(
    r"\((?=[^()]*\b(?:you|your|we|us|our)\b)[^()]*\b(?:freelanc\w*|self[- ]employ\w*|sole trader|contractor"
    r"|invoic\w*|umbrella company|limited company)\b[^()]*\)",
    re.IGNORECASE,
)
