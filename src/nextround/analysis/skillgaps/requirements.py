"""What a job description asks for, in its own words.

A job description is read line by line. Headings ("Essential:", "What you'll do", "We offer") set what
the lines under them are; prose outside a requirements section asks for something only when it says so
("... is essential", "you will need ..."). The company blurb, benefits, how to apply and working
conditions ("4am starts", "hybrid working") never produce a requirement.

Each requirement bullet or sentence becomes phrases: lead-ins ("Experience of", "Confident with") and
tails ("would be an advantage") are dropped, short coordinated items are split ("laminated dough and
viennoiserie" asks for both), and items joined by "or" or "/" are alternatives (one is enough).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Final, Literal

from nextround.analysis.skillgaps.cues import heading_kind, listed_heading, load_cues
from nextround.analysis.skillgaps.exact import is_ordinary

Importance = Literal["required", "nice_to_have"]
Section = Literal["required", "duties", "nice", "context", "prose", "unknown"]

MAX_REQUIREMENTS: Final = 60

_BULLET: Final = re.compile(
    r"^\s*(?:[-*•·▪●■◦–—+>✔✓☑➤►▶❖◆◇○→➢\u2600-\u27bf\U0001f300-\U0001faff]\ufe0f?|\d{1,2}[.)]|\(\d{1,2}\)"
    r"|[a-h][.)](?=\s)|(?:i{1,3}|iv|vi{0,3}|ix|x)[.)](?=\s))(?!\*)\s*"
)  # "-", "•", "✅", "1.", "(2)", "a)", "iv."
_BOLD: Final = re.compile(r"^\s*(?:\*\*|__)(?P<inner>.+?)(?:\*\*|__)\s*:?\s*$")
_SENTENCE: Final = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9\"'(\x00])|;\s*")
# A full stop that ends an abbreviation, not a sentence: "B.Sc. (Agriculture)", "(e.g. 30%)", "min. 200 cows"
_ABBREVIATION: Final = re.compile(
    r"(?<![\w.])(?:e\.g|i\.e|approx|incl|min|max|nos?|esp|vs|dept|Dr|Mr|Mrs|Ms|St|[A-Za-z]{1,4}(?:\.[A-Za-z]{1,4})+)\.(?=\s)",
    re.IGNORECASE,
)


def _sentences(line: str) -> list[str]:
    """A line's sentences, never cut inside brackets or after an abbreviation's full stop, so that
    "B.Sc. (Agriculture) or M.Sc." stays one ask and "(e.g. 30%)" stays whole."""
    masked, kept = _masked(line)
    masked = _ABBREVIATION.sub(lambda found: found.group(0)[:-1] + "\x04", masked)
    parts = (_unmasked(part, kept).replace("\x04", ".") for part in _SENTENCE.split(masked))
    return [part for part in parts if part.strip()]


_YEARS: Final = re.compile(
    r"(?:(?:with\s+)?(?:at least|minimum(?: of)?|a minimum of|over|more than)\s+)?"
    r"(?:(?P<low>\d{1,2})\s*(?:-|–|to)\s*)?"  # "3-5 years" asks for 3
    r"(?P<number>\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten)\s*\+?\s*"
    r"(?P<unit>years?|yrs?|months?)(?:['’]s?)?(?:\s+of)?(?:\s+(?:proven|relevant|previous|hands-on))?"
    r"(?:\s+experience(?:\s+(?:of|in|with|as|using))?)?",
    re.IGNORECASE,
)
_WORD_NUMBERS: Final = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
}  # fmt: skip
_CLOCK: Final = re.compile(r"\b\d{1,2}(?::\d\d)?\s*(?:am|pm)\b", re.IGNORECASE)
_EXAMPLES: Final = re.compile(r"\b(?:such as|e\.g\.?|for example|for instance|like|including)\b", re.IGNORECASE)
_AND_LIST: Final = re.compile(r"\s*,\s*(?:and\s+|&\s+)?|\s+(?:and|&)\s+")
_PARENS: Final = re.compile(r"\([^)]*\)")
_OR_LIST: Final = re.compile(r"\s*(?:\bor\b|/|\band/or\b)\s*", re.IGNORECASE)
_JOIN: Final = re.compile(r"\bjoin (?:our|us|the team)\b", re.IGNORECASE)
_SEEKING_A_ROLE: Final = re.compile(
    r"\W*(?:we are|we're|we|(?:our|my|the) client|the company|our company)(?:,[^,]{0,60},)?\s+(?:is\s+|are\s+)?"
    r"(?:currently\s+)?(?:seeking|looking for|recruiting|hiring)\s+(?:a|an)\b",
    re.IGNORECASE,
)
_ORG_SEEKING: Final = re.compile(
    r"\W*(?!(?:We|I|You)\s)(?:[A-Z][\w&'’.-]*\s+){1,6}(?:is|are)\s+(?:currently\s+)?(?:seeking|looking for|recruiting"
    r"|hiring)\b"
)
_FILLER: Final = frozenset(
    ["a", "an", "the", "and", "or", "of", "on", "in", "at", "to", "for", "with", "by", "you", "we"],
)
_NOT_ASKED: Final = re.compile(
    r"\bno (?:previous |prior |formal )?(?:experience|qualifications?) (?:is )?(?:necessary|needed|required)\b"
    r"|\b(?:full )?training (?:will be |is )?(?:provided|given)\b|\bwe will train\b",
    re.IGNORECASE,
)
_JOB_FIELD: Final = re.compile(r"^(?:role|position|job title|title)\s*:\s*(?:[A-Z][\w&/-]*\s*){1,5}$", re.IGNORECASE)
_SCREENING: Final = re.compile(
    r"\bpass(?:ing)?\s+(?:a|an|the)?\s*(?:\w+\s+)?(?:background|criminal|drug|credit|pre-employment|medical|security)\b"
    r"|\b(?:able|ability)\s+to\s+(?:stand|sit|walk|kneel|bend)\b",
    re.IGNORECASE,
)  # "Must be able to pass a background check and drug screen", "Ability to stand for long periods"
_ABLE_TO_WORK: Final = re.compile(
    r"\b(?:able|ability|willing|available|prepared)\s+to\s+(?:work|lift|stand|carry|walk|climb)\b", re.IGNORECASE
)
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
    examples: bool = False  # named products are examples ("an ATS such as Workday")
    section: str = ""  # the part of the ad it was read from: "required", "duties", "nice", "prose", "unknown"


def _years(text: str) -> tuple[float | None, str]:
    found = _YEARS.search(text)
    if found is None:
        return None, text
    raw = (found.group("low") or found.group("number")).lower()
    value = float(_WORD_NUMBERS.get(raw, 0) or raw)
    if found.group("unit").lower().startswith("month"):
        value = round(value / 12, 2)  # "6 months BPO experience"
    rest = (text[: found.start()] + " " + text[found.end() :]).strip()
    rest = re.sub(r"^\W+|[^\w)]+$", "", rest)
    return value, re.sub(r"\s+", " ", rest)


# A person specification marks each line essential or desirable: "(E)", "(D)", "- D", "| Desirable"
_SPEC_MARK: Final = re.compile(
    r"\s*(?:\((?P<bracket>E|D)\)|[-–|]\s*(?P<dash>E|D|essential|desirable)\s*(?:\|\s*)?)$", re.IGNORECASE
)
_SPEC_HEADER: Final = re.compile(r"\|\s*(?:essential\s*(?:/|or|and)\s*desirable|e\s*/\s*d)\s*\|?\s*$", re.IGNORECASE)


def _person_spec_row(line: str) -> str:
    """ "Manual handling training | Essential" -> the line with "(essential)"; "(D)" and "- D" -> "(desirable)";
    the table's header row ("Criteria | Essential/Desirable") -> nothing."""
    if _SPEC_HEADER.search(line):
        return ""
    found = _SPEC_MARK.search(line)
    if found is None or (found.group("bracket") is None and found.group("dash") is None):
        return line
    mark = (found.group("bracket") or found.group("dash")).lower()
    rest = line[: found.start()].rstrip(" |-–")
    if not rest.strip() or (len(mark) == 1 and found.group("dash") and " " not in rest.strip()):
        return line
    return f"{rest} ({'desirable' if mark.startswith('d') else 'essential'})"


_MARKER_IN_BRACKETS: Final = re.compile(
    r"\s*\((?:highly\s+)?(?:desirable|essential|preferred|optional|required|a plus|nice to have|advantageous)\)",
    re.IGNORECASE,
)


# "i.e. IPM", "Excel, Word etc.": the marker of a restatement or an open list is not part of the ask
_RESTATED: Final = re.compile(r"^(?:i\.?e\.?|e\.?g\.?|namely|viz\.?)\s+|,?\s+(?:etc\.?|and so on)$", re.IGNORECASE)


def _clean(phrase: str) -> str:
    cues = load_cues()
    phrase = _MARKER_IN_BRACKETS.sub("", phrase).strip(" \t.,;:!-–—")
    phrase = _RESTATED.sub("", phrase).strip(" \t.,;:")
    for _ in range(3):
        before = phrase
        phrase = cues.leadin.sub("", phrase).strip(" ,.;:")
        phrase = cues.tail.sub("", phrase).strip(" ,.;:")
        if phrase == before:
            break
    return phrase


def _is_condition(sentence: str) -> bool:
    """Only about when, where or for what pay ("4am starts", "hybrid working", "free parking")."""
    cues = load_cues()
    if _ABLE_TO_WORK.search(sentence) and cues.conditions.search(sentence):
        return True  # "Ability to work in extreme heat on rotating shifts"
    if _NOT_ASKED.search(sentence) or _SCREENING.search(sentence):
        return True  # "No experience necessary, full training provided": an offer, not an ask
    if cues.skill_words.search(sentence):
        return False
    if _CLOCK.search(sentence):
        return True
    # mostly about conditions: "free parking", "early finish on Fridays"; not "Paid social on Meta Ads
    # Manager" or "teach phonics and early reading", where one such word sits among the skill's words
    words = re.findall(r"[a-z£$€][\w'-]*", sentence.lower())
    content = [word for word in words if word not in _FILLER]
    conditions = sum(len(found.group(0).split()) for found in cues.conditions.finditer(sentence))
    return conditions > 0 and conditions * 4 >= len(content)


def _is_quality(phrase: str) -> bool:
    words = re.sub(r"[^\w\s'-]", " ", phrase.lower()).split()
    if words and words[0] == "learn":
        return True  # "(the ability to) learn safety-critical rules": an aptitude, not something a CV shows
    qualities = load_cues().qualities
    if not words:
        return False
    joined = " ".join(words)
    if joined in qualities:
        return True
    # "Patience, kindness and a good sense of humour": the several-word qualities go first
    for quality in sorted((q for q in qualities if " " in q), key=len, reverse=True):
        joined = re.sub(rf"(?<![\w-]){re.escape(quality)}(?![\w-])", " ", joined)
    words = joined.split()
    content = [word for word in words if word not in {"a", "an", "the", "and", "of", "good", "great", "real"}]
    return bool(content) and all(word in qualities or word in {"manner", "nature"} for word in content)


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
    if not all(is_ordinary(word) for word in words):
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


_BINOMIAL: Final = re.compile(r"\b([a-z]+)\s+(and|&)\s+([a-z]+)\b", re.IGNORECASE)


@lru_cache(maxsize=1)
def _binomials() -> frozenset[str]:
    """ "health and safety", "food and beverage", "loading and unloading": pairs the taxonomy's labels use
    as one term more than once."""
    from collections import Counter

    from nextround.analysis.skills import load_taxonomy

    joined = "\n".join(name for name in load_taxonomy().names if " and " in name or " & " in name).lower()
    counts = Counter(found.group(0).replace("&", "and") for found in _BINOMIAL.finditer(joined))
    return frozenset(pair for pair, count in counts.items() if count >= 2)


def _hold_binomial(found: re.Match[str]) -> str:
    pair = f"{found.group(1)} and {found.group(3)}".lower()
    if pair not in _binomials():
        return found.group(0)
    return f"{found.group(1)}{chr(1) if found.group(2) == 'and' else chr(2)}{found.group(3)}"


def _split_items(phrase: str) -> list[str]:
    """ "laminated dough and viennoiserie" -> both; "communication with patients, families and staff" stays.

    Words in brackets stay with what they follow ("nurse clinics (weight, dental, puppy)"), and a shared
    head noun carries over ("counterbalance and reach truck licences" -> "counterbalance licences")."""
    masked, kept = _masked(phrase)
    # "Level 2 Health and Social Care", "Health & Safety": "and" inside a name written in capitals
    masked = _NAMED_LIST.sub(lambda found: found.group(0).replace(", ", "\x03").replace(" and ", "\x01"), masked)
    masked = _TITLE_AND.sub(_hold_title_and, masked)
    masked = _BINOMIAL.sub(_hold_binomial, masked)
    items = [item for item in _AND_LIST.split(masked) if item and item.strip()]
    items = [item.replace("\x01", " and ").replace("\x02", " & ").replace("\x03", ", ") for item in items]
    if len(items) < 2:
        return [phrase]
    long_list = len(items) >= 3 and all(len(item.split()) >= 3 for item in items[1:])
    if long_list:
        # "a Level 2 Diploma in Health and Social Care, experience of dementia care and a full driving
        # licence": a list of requirements, however many prepositions its items have
        return [_unmasked(item, kept) for item in items if len(item.split()) <= 12] or [phrase]
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
    split = [_unmasked(item, kept) for item in items]
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


def _masked(phrase: str) -> tuple[str, list[str]]:
    """The phrase with each bracketed part replaced by a placeholder, so that commas, "and" and "or"
    inside brackets ("(BA, MA or DipSW)") do not cut it; `_unmasked` puts them back."""
    kept: list[str] = []

    def hold(found: re.Match[str]) -> str:
        kept.append(found.group(0))
        return f"\x00{len(kept) - 1}\x00"

    return _PARENS.sub(hold, phrase), kept


def _unmasked(text: str, kept: list[str]) -> str:
    return re.sub(r"\x00(\d+)\x00", lambda found: kept[int(found.group(1))], text)


def _alternatives(item: str) -> tuple[str, ...]:
    masked, kept = _masked(item)
    parts = [_unmasked(part, kept).strip(" ") for part in _OR_LIST.split(masked) if part.strip(" ")]
    parts = [part[1:-1] if part.startswith("(") and part.endswith(")") else part for part in parts]
    parts = [part for part in parts if part.strip(" ()")]
    if len(parts) < 2 or any(len(part.split()) > 6 for part in parts):
        return (item,)
    return tuple(parts)


_SUB_YEARS: Final = re.compile(
    r",\s*(?:(?:including|of which|with)\s+)?(?=(?:at least\s+)?(?:\d{1,2}|one|two|three|four|five)\b)", re.IGNORECASE
)
_BARE_NUMBER: Final = re.compile(r"^((?:at least\s+)?(?:\d{1,2}|one|two|three|four|five))\s+(?!years?\b|yrs?\b)")
_NARROWING: Final = re.compile(
    r",?\s+(?:(?:especially|particularly|in particular|notably|mainly|preferably|ideally)\s+[^,;]*"
    r"|(?:due to|because|owing to|as the role)\b.*)$",
    re.IGNORECASE,
)


_EXAMPLE_TAIL: Final = re.compile(
    r"(?P<head>\w.*?\w)\s*(?:,\s*|\(\s*)(?:such as|e\.g\.?|for example|for instance|like)\s+(?P<examples>[^()]+?)\)?$",
    re.IGNORECASE,
)
_COMMA_LIST: Final = re.compile(r"\s*,\s*(?:and\s+)?")
_NUMBER_IN_BRACKETS: Final = re.compile(r"\b(one|two|three|four|five|six|seven|eight|nine|ten)\s*\(\d{1,2}\)", re.I)
_AND_YEARS: Final = re.compile(
    r",?\s+(?:and|with)\s+(?=(?:(?:at least|a minimum of|minimum(?: of)?|over)\s+)?"
    r"(?:\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten)\+?\s+(?:years?|yrs?|months?)\b)",
    re.IGNORECASE,
)
_AND_VERB: Final = re.compile(r"\s+and\s+(?=(?:have|has|hold|holds|be|possess|possesses|demonstrate)\s)", re.IGNORECASE)
_QUALIFIED_WITH: Final = re.compile(
    r"^(?P<left>.*\b(?:graduates?|degree|diploma|qualified|qualification|bachelor'?s?|master'?s?)\b.*?)\s+with\s+"
    r"(?P<right>(?:an?\s+)?[^,]*\b(?:licen[cs]es?|certificates?|certification|registration|card))$",
    re.IGNORECASE,
)


def _phrases(sentence: str, importance: Importance, whole: str | None = None) -> Iterator[Requirement]:
    sentence = _NUMBER_IN_BRACKETS.sub(r"\1", sentence)  # "two (2) years"
    masked, kept = _masked(sentence)
    parts = [_unmasked(part, kept) for part in _COMMA_LIST.split(masked) if part.strip()]
    several = len(parts) >= 3 and all(len(part.split()) >= 2 for part in parts)
    if several and (any(map(_YEARS.search, parts)) or all(_opens_duty(part) for part in parts[1:])):
        # "excellent spoken English, minimum 6 months in a voice process, and typing speed of 30 wpm": a
        # prose list of asks, each with its own years
        for part in parts:
            yield from _phrases(part, importance, whole or sentence)
        return
    if _is_condition(sentence):
        return
    pieces = _AND_YEARS.split(sentence, maxsplit=1)
    if len(pieces) == 2 and len(pieces[0].split()) >= 2 and not _YEARS.search(pieces[0]):
        # "BSN graduates with an active licence and at least two years of hospital experience"
        yield from _phrases(pieces[0], importance, whole or sentence)
        yield from _phrases(pieces[1], importance, whole or sentence)
        return
    head, sub, tail = _SUB_YEARS.split(sentence, maxsplit=1)[0], None, ""
    if head != sentence and _YEARS.search(sentence[: len(head)]):
        # "4 years warehouse experience, 2 at supervisory level": two asks, each with its own years
        tail = _BARE_NUMBER.sub(r"\1 years ", sentence[len(head) :].lstrip(" ,"), count=1)
        tail = re.sub(r"^(?:including|of which|with)\s+", "", tail, flags=re.IGNORECASE)
        sub = tail if _YEARS.search(tail) else None
    if sub is not None:
        yield from _phrases(head, importance, whole or sentence)
        yield from _phrases(sub, importance, whole or sentence)
        return
    sentence_shown = whole or sentence
    if not re.match(r"\W*(?:ideally|preferably)\b", sentence, re.IGNORECASE):
        sentence = _NICE_ASIDE.sub("", sentence) or sentence
    if _CONTRACT_ASIDE.search(sentence):
        return  # "Partita IVA (you invoice us as a freelancer)": how the contract is paid, not a skill
    sentence = _ASIDE.sub("", sentence) or sentence  # "(you will be trained on our systems)" only explains
    sentence = _NARROWING.sub("", sentence)  # "the National Curriculum, especially history and art"
    years, rest = _years(sentence)
    cleaned = _clean(rest)
    if not cleaned or len(cleaned) < 2:
        return
    verbs = _AND_VERB.split(cleaned, maxsplit=1)
    if len(verbs) == 2 and len(verbs[1].split()) >= 2:
        # "proficient in Tally and have good knowledge of GRA tax laws": two asks, each with its verb
        yield from _phrases(verbs[0], importance, sentence_shown)
        yield from _phrases(verbs[1], importance, sentence_shown)
        return
    qualified = _QUALIFIED_WITH.match(cleaned)
    if qualified:
        # "BSN graduates with an active PRC license": a qualification and a licence, each its own ask
        yield from _phrases(qualified.group("left"), importance, sentence_shown)
        yield from _phrases(qualified.group("right"), importance, sentence_shown)
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
            alternatives=(*_alternatives(head), *shown_by),
            years=years,
            quality=_is_quality(head),
            examples=True,
        )
        return
    items = _split_items(cleaned)
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
            alternatives=_alternatives(item),
            years=own_years,
            quality=_is_quality(item),
            examples=examples,
        )


# A wish added to a requirement: "..., ideally in a practice", "(supervisory experience preferred)"; a
# bracket that holds only the marker ("(desirable)") marks the whole line instead
_NICE_ASIDE: Final = re.compile(
    r"\s*\((?=[^()]*\b(?:preferred|desirable|a plus|an advantage|advantageous|ideally|preferably|a bonus)\b)"
    r"(?!\s*(?:(?:is|would|be|an?|highly|very|but|not|essential|preferred|desirable|plus|advantage"
    r"|advantageous|bonus)\s*)+\))[^()]*\)"
    r"|,\s*(?:ideally|preferably)\b.*$",
    re.IGNORECASE,
)


# A bracket that talks to the reader or about the employer explains the ask; it is not part of it
_ASIDE: Final = re.compile(r"\s*\((?=[^()]*\b(?:you|your|we|us|our)\b)[^()]*\)", re.IGNORECASE)
_CONTRACT_ASIDE: Final = re.compile(
    r"\((?=[^()]*\b(?:you|your|we|us|our)\b)[^()]*\b(?:freelanc\w*|self[- ]employ\w*|sole trader|contractor"
    r"|invoic\w*|umbrella company|limited company)\b[^()]*\)",
    re.IGNORECASE,
)


def _sentence_importance(sentence: str, section: Section) -> Importance | None:
    cues = load_cues()
    if cues.employer.search(sentence) or cues.apply.search(sentence) or _JOIN.search(sentence):
        return None
    if _ORG_SEEKING.match(sentence):
        return None  # "Galway County Council is seeking to create a panel of Executive Planners"
    if _SEEKING_A_ROLE.match(sentence) and not cues.skill_words.search(sentence):
        return None  # "We are seeking a detail-oriented Coordinator to manage shipments": the role, not a skill
    if re.match(r"\W*(?:ideally|preferably)\b", sentence, re.IGNORECASE) or cues.nice.search(
        _NICE_ASIDE.sub("", sentence)
    ):
        # "3+ years bookkeeping, ideally in a practice" is required; "Ideally a degree in finance" is not
        return "nice_to_have"
    if section in ("required", "duties"):
        return "required"
    if section == "nice":
        return "nice_to_have"
    if section == "prose" and cues.must.search(sentence):
        return "required"
    return None


def _split_heading(line: str) -> tuple[str | None, str]:
    """("required", "rest") for "Essential: a full licence", or (None, line)."""
    head, colon, rest = line.partition(":")
    if not colon or len(head.split()) > 8:
        return None, line
    kind = heading_kind(head)
    return kind, rest.strip()


def requirements(text: str) -> list[Requirement]:
    """Every requirement of a job description, in order, each phrase once."""
    return list(_requirements(text))


@lru_cache(maxsize=256)
def _requirements(text: str) -> tuple[Requirement, ...]:
    lines = [line.rstrip() for line in text.splitlines()]
    found: list[Requirement] = []
    section: Section = "prose"
    first = True
    bullets_seen = False  # a prose line after a section's list ends that section
    filled = [line for line in lines if line.strip()]
    before_list = {
        index for index, following in enumerate(filled[1:]) if _BULLET.match(following) and not _BOLD.match(following)
    }
    filled = [_person_spec_row(line) for line in filled]
    filled = [line for line in filled if line]
    for position, raw in enumerate(filled):
        bold = _BOLD.match(raw)  # "**What you bring**": a heading in Markdown, not a bullet
        if bold:
            raw = bold.group("inner").strip() + (":" if raw.rstrip().endswith(":") else "")
        is_bullet = bool(_BULLET.match(raw)) and not bold
        if is_bullet:
            bullets_seen = True
        line = _BULLET.sub("", raw).strip()
        if is_bullet and len(line.split()) <= 6 and not line.endswith(".") and listed_heading(line) is not None:
            is_bullet = False  # "🎯 What you bring": a heading with a symbol before it
        if first:
            first = False
            several_lines = sum(1 for other in lines if other.strip()) > 1
            if several_lines and not is_bullet and len(line.split()) <= 8 and not line.endswith(":"):
                continue  # the job title
        kind, rest = _split_heading(line)
        if kind == "duties" and rest and not is_bullet and _JOB_FIELD.match(line):
            continue  # "Role: Accounts Executive": a job-board field naming the post
        if kind is None and not is_bullet and len(line.split()) <= 8 and not line.endswith((".", "!")):
            kind, rest = heading_kind(line), ""
            if kind is None and (position in before_list or line.endswith("?")) and len(line.split()) <= 8:
                # "What you'll need" over a list: a heading we have no name for
                kind = "required" if load_cues().must.search(line) else "unknown"
        if kind is None and line.endswith(":") and len(line.split()) <= 10:
            section = "unknown"  # a list under it is what the job involves; prose asks only when it says so
            bullets_seen = False
            continue
        if kind is None and not is_bullet and bullets_seen and section != "prose":
            section = "prose"
        line_section: Section = section
        if kind is not None:
            if not rest:
                section = kind  # type: ignore[assignment]
                bullets_seen = False
                continue
            line_section = kind  # type: ignore[assignment]
            line = rest
        if line_section == "context":
            continue
        origin = line_section  # "unknown": a list under a heading we have no name for
        if line_section == "unknown":
            line_section = "duties" if is_bullet else "prose"
        if is_bullet and line_section == "prose":
            line_section = "duties"
        elif line_section == "duties" and not is_bullet and len(line.split()) > 12:
            line_section = (
                "prose"  # "The Role: As our first CSM you will own ...": a description, asking only if it says so
            )
        for sentence in _sentences(line):
            importance = _sentence_importance(sentence, line_section)
            if importance is not None:
                found.extend(replace(item, section=origin) for item in _phrases(sentence, importance))
    return tuple(_dedupe(found)[:MAX_REQUIREMENTS])


def _dedupe(found: list[Requirement]) -> list[Requirement]:
    seen: dict[str, int] = {}
    kept: list[Requirement] = []
    for item in found:
        key = item.text.lower()
        if key in seen:
            if item.importance == "required" and kept[seen[key]].importance != "required":
                kept[seen[key]] = item
            continue
        seen[key] = len(kept)
        kept.append(item)
    return kept
