"""Same name, another value: the CV names the asked credential under its own name, with another value in its slot or
a stage short of holding it (an exact check, read on every CV line that names the ask's head).

Outside writers make most gaps as near misses: "Funeral Director, Class 2" for a Class 1 licence, "Higher
Certificate (NQF 5)" for NQF level 6, "Grade 2 (2級)" for Grade 1, "Class 3A" for Class 3, "EFAW (1 day)" for EFAW
+F, "IEC 61508" for IEC 62304, "oral examination scheduled" for a certification. The similarity signals read the
line as showing the ask (the name is the same), so the value beside the name has to be read.

The reading, for each value the ask writes in a slot (a class, category, grade, level, NQF, band, stage, part,
tier, type, code or group; a standard's number after its body; an add-on "+F"):

- the lines that name the ask's head are those sharing at least half of its distinctive words (for an ask that is
  only a slot and a credential noun, "Full Class 1 licence", the noun, with the line's heading read as its own);
- a line meets the slot when it writes the same value, or a higher one on a scale that runs up (level, NQF, band,
  stage, part, tier); classes, categories, types, codes, groups, numeric grades, standard numbers and add-ons must
  be equal (which way a numeric grade runs is unknown: Grade 1 is the top of Japan's skill tests, Grade 8 of
  music's);
- a gap when some line names the head with a value that does not meet the ask and no line meets it; silent when
  the CV never names the head with that slot (the other checks and the learned head decide);
- values in a list are alternatives ("Category A or B"); a scheme's acronym before the slot must be the same
  ("SCQF Level 7" is not "SVQ Level 3"); an ask that allows "or above" or "or equivalent" leaves unordered slots
  alone, except a standard "or a comparable medical device standard", which a CV standard of another field does
  not meet. The whole ask is read, not one of its forms, since a form may be only a part of it (the board's name).

A line that meets the value, or any line that names a credential asked with no slot, still fails when it says the
credential is not held yet ("oral examination scheduled", "full test booked") or denies it ("no external
certificate"). Numbered driving classes and categories are left to :mod:`credentials`, whose scales cross the
classes (Canada's Class 1 drives Class 5); only a letter after the number ("3A" is not "3") is read here.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Final, NamedTuple

from nextround.analysis.skill_match import content_stems
from nextround.analysis.skillgaps.held import not_held

_ONE: Final = r"(?:\d{1,2}[A-Za-z]?(?![\w+])|(?-i:[A-Z]|[IVX]{1,4})\b)"
# a slot and its value, or its values in a list ("Category A or B", "Level 1, 2 and 3"), with the acronym of the
# scheme it belongs to when one stands before it ("SCQF Level 7" is not "SVQ Level 3")
_SLOT: Final = re.compile(
    r"(?:\b(?P<owner>[A-Z][A-Z0-9]{1,7})\s+)?"
    r"\b(?P<word>(?i:class|category|cat|grade|level|nqf(?:\s+level)?|band|stage|part|tier|type|code|group))\.?\s*"
    rf"(?P<values>{_ONE}(?:\s*(?:,|/|or|and|&)\s*{_ONE})*)"
)
_ONE_VALUE: Final = re.compile(_ONE)
_KYU: Final = re.compile(r"(?P<value>\d)\s*[級级]")  # 2級: the second grade of a Japanese skill test
# a standard by its body and number ("IEC 62304", "ISO 13485", "EN 1090")
_STANDARD: Final = re.compile(r"\b(?P<word>(?-i:IEC|ISO|EN|BS|AS|NFPA|ANSI|ASME|DO|IEEE))[\s-]?(?P<value>\d{3,6})\b")
# an add-on written after the name ("Emergency First Aid at Work +F"): not a driving category ("C+E", "D1+E")
_ADD_ON: Final = re.compile(r"(?<=[A-Za-z]{3})\s*\+\s*(?P<value>[A-Z])\b")
# a class named by its ordinal before the word ("First Class Boiler Attendant", "4th Class Power Engineer",
# "FAA second-class medical"): the first is the highest, so a lower ordinal meets a higher one asked
_ORDINAL_CLASS: Final = re.compile(
    r"\b(?P<ordinal>first|second|third|fourth|fifth|1st|2nd|3rd|4th|5th)[- ]class\b", re.IGNORECASE
)
_ORDINALS: Final = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5}
_ORDINAL_NAMES: Final = {str(number): word.title() for word, number in _ORDINALS.items()}
_ROMAN: Final = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6, "VII": 7, "VIII": 8, "IX": 9, "X": 10}
_SLOT_WORDS: Final = frozenset(
    ["ordinal class", "class", "category", "cat", "grade", "level", "nqf", "band", "stage", "part", "tier", "type",
     "code", "group"]
)  # fmt: skip
_DRIVING_WORDS: Final = frozenset(content_stems("driving driver drivers driver's motor vehicle car"))
_STANDARD_WORDS: Final = frozenset(content_stems("standard standards programme program scheme software"))
# as :func:`standing.held_now` says it: the stage, not the value, falls short
_NOT_HELD_NOW: Final = "the CV's line says it is not held now (booked, in progress, pending or no certificate)"
_LETTER_GRADES: Final = frozenset(["grade", "band"])
_RUNS_UP: Final = frozenset(["level", "nqf", "band", "stage", "part", "tier"])
_DRIVING_SCALES: Final = frozenset(["class", "code", "category", "cat", "group"])
_COMPARABLE: Final = re.compile(
    r"\bor\s+(?:an?\s+)?(?:equivalent|similar|comparable|other|another|higher|above)\b(?P<field>[^,;()]*)", re.I
)
# a credential named and denied on its own line ("In-house induction, no external certificate")
_DENIED: Final = re.compile(
    r"\bno\s+(?:external\s+|formal\s+|recognised\s+|recognized\s+|accredited\s+)?(?:certificate|certification|"
    r"qualification|ticket|licen[cs]e)\b|\bnot\s+(?:certified|certificated|accredited|licensed)\b|\buncertified\b"
    r"|\bnon-?accredited\b",
    re.IGNORECASE,
)
_CREDENTIAL: Final = re.compile(
    r"\b(?:certif\w*|licen[cs]\w*|registration|registered|accredit\w*|qualification|qualified|ticket|diploma|"
    r"endorsement|permit|card|award|credential\w*|exam\w*|carnet|carteira|licencia|licen[cç]a)\b",
    re.IGNORECASE,
)
# a line that writes the credential itself, not "Newly qualified practitioner ... in training"
_CREDENTIAL_NOUN: Final = re.compile(
    r"\b(?:certif\w*|licen[cs]\w*|registration|registered|accredit\w*|ticket|diploma|endorsement|permit|"
    r"credential\w*|exam\w*|carnet|carteira|licencia|licen[cç]a)\b",
    re.IGNORECASE,
)
_GENERIC: Final = frozenset(
    content_stems(
        "a an the relevant valid current full clean recognised recognized active good strong minimum least hold "
        "holder have must essential required preferred desirable experience knowledge ability able skill skills "
        "certificate certification certified qualification qualified licence license licensed card ticket "
        "registration registered accredited accreditation award equivalent similar comparable other higher above or "
        "year years with in of for from and by as at to under developing"
    )
)
# an ask a step under way meets ("RCIC licence or enrolment in the Graduate Diploma")
_STEP_UNDER_WAY: Final = re.compile(r"\b(?:enrol\w*|working towards|studying|eligib\w*|trainee|in training)\b", re.I)
_HEADING: Final = re.compile(r"^[#*_\s]*(?P<words>[A-Za-z][A-Za-z &/'’-]{2,40}?)[:*_\s]*$")
_BULLET: Final = re.compile(r"^\s*[-•*·–]")


class _Value(NamedTuple):
    word: str  # the slot's word, lower case ("class", "nqf", "iec"), or "+" for an add-on
    value: str  # "1", "3a", "62304", "F"
    owner: str = ""  # the scheme's acronym before the slot ("SCQF" of "SCQF Level 7")


def _number(value: str) -> float | None:
    if value.isdigit():
        return float(value)
    return float(_ROMAN[value]) if value in _ROMAN else None


def values(text: str) -> list[_Value]:
    """The values a text writes in slots: ("class", "1"), ("nqf", "6"), ("grade", "2") for 2級, ("iec", "62304")."""
    found: list[_Value] = []
    for match in _SLOT.finditer(text):
        word = "nqf" if match.group("word").lower().startswith("nqf") else match.group("word").lower()
        owner = match.group("owner") or ""
        if owner == "NQF":  # "NQF level 6" is "NQF 6"
            word, owner = "nqf", ""
        for one in _ONE_VALUE.findall(match.group("values")):
            value = str(_ROMAN[one]) if one in _ROMAN else one.lower() if one[0].isdigit() else one  # "Type II" is 2
            found.append(_Value(word, value, owner))
    found += [_Value("ordinal class", _ordinal(match.group("ordinal"))) for match in _ORDINAL_CLASS.finditer(text)]
    found += [_Value("grade", match.group("value")) for match in _KYU.finditer(text)]
    found += [_Value(match.group("word").lower(), match.group("value")) for match in _STANDARD.finditer(text)]
    found += [_Value("+", match.group("value")) for match in _ADD_ON.finditer(text)]
    return found


def _ordinal(word: str) -> str:
    lowered = word.lower()
    return str(_ORDINALS.get(lowered, 0) or int(lowered[0]))


def _meets(asked: _Value, shown: _Value) -> bool:
    if asked.value == shown.value:
        return True
    if asked.word == "ordinal class":  # a Second Class certificate meets a Third Class ask, not a First Class one
        return int(shown.value) < int(asked.value)
    if asked.word in _LETTER_GRADES and len(asked.value) == len(shown.value) == 1 and asked.value.isalpha():
        return shown.value.isalpha() and shown.value < asked.value  # letter grades count down from A
    wanted, held = _number(asked.value), _number(shown.value)
    return asked.word in _RUNS_UP and wanted is not None and held is not None and held > wanted


@lru_cache(maxsize=64)
def _lines(cv: str, with_heading: bool) -> list[tuple[str, frozenset[str]]]:
    """The CV's lines, each after the heading it sits under when asked ("Licence: Class 1 restricted ..."): an ask
    named by its noun alone is named by the heading."""
    out: list[tuple[str, frozenset[str]]] = []
    heading = ""
    for line in cv.splitlines():
        stripped = line.strip()
        if not stripped:
            continue
        found = _HEADING.match(stripped)
        if found and not _BULLET.match(line) and len(found.group("words").split()) <= 4:
            heading = found.group("words").strip()
            continue
        line = f"{heading}: {stripped}" if heading and with_heading else stripped
        out.append((line, frozenset(content_stems(line))))
    return out


def _head(phrase: str) -> set[str]:
    """The ask's distinctive words: what it is, not its slots, values, standing or credential noun."""
    plain = _STANDARD.sub(lambda found: found.group("word"), phrase)
    plain = _SLOT.sub(" ", _KYU.sub(" ", _ADD_ON.sub(" ", _ORDINAL_CLASS.sub(" ", plain))))
    plain = re.sub(r"\bnqf\b", " ", plain, flags=re.IGNORECASE)
    # a slot word left in another word ("A-levels") says nothing of which credential
    slot_words = set(content_stems(" ".join(_SLOT_WORDS)))
    return {stem for stem in content_stems(plain) if stem not in _GENERIC | slot_words and not stem.isdigit()}


def _names_head(stems: frozenset[str], head: set[str], noun: set[str]) -> bool:
    if not head:
        return bool(noun & stems)
    return len(head & stems) * 2 >= len(head)


def not_held_now(reason: str) -> bool:
    """The reason :func:`value_short` gives is the stage's, not another value's."""
    return reason == _NOT_HELD_NOW


def value_short(phrase: str, cv: str, whole: str = "", *, stages: bool = True) -> tuple[str, str] | None:
    """(reason, CV line) when the CV names the asked credential with another value in its slot and never the one
    asked, or names it only as not held yet or denied. None when it holds it or never names it. `whole` is the
    ask as written, brackets and all, when `phrase` is one of its forms ("HCPC registration (or eligible)"). Without
    `stages`, a credential asked with no slot is not read for its stage (one way of several: the others may meet it,
    and :func:`standing.held_now` reads the stage of the one that did)."""
    whole = whole or phrase
    from nextround.analysis.skillgaps.licence_stages import DRIVING_LINE, asks_driving_licence

    asked = values(phrase)
    head = _head(phrase)
    noun = set(content_stems(" ".join(_CREDENTIAL.findall(phrase)))) - {"card"}
    if not asked and not (head and noun):
        return None
    comparable = _COMPARABLE.search(whole)
    driving = asks_driving_licence(phrase)
    stemmed = _lines(cv, with_heading=not head)
    lines = [line for line, _ in stemmed]
    naming = [line for line, stems in stemmed if _names_head(stems, head, noun)]
    for word in dict.fromkeys(want.word for want in asked):
        wanted = [want for want in asked if want.word == word]  # "Category A or B": either meets
        field: set[str] = set()
        if comparable and word not in _RUNS_UP and word not in ("+", "ordinal class"):
            field = set(content_stems(comparable.group("field"))) - _GENERIC - _STANDARD_WORDS
            if not field:
                continue  # "Class 1 or equivalent": another class may be the equivalent
        standard = word not in _SLOT_WORDS and word != "+"
        # a standard is named by its body ("IEC 61508" for "IEC 62304"), a credential by its head's words
        where = [line for line in lines if word in line.lower()] if standard else naming
        same_slot = [(line, shown) for line in where for shown in values(line) if shown.word == word]
        if word == "+":
            if naming and not any(_meets(want, shown) for want in wanted for _, shown in same_slot):
                return f"{phrase.strip()} asked; the CV's line lacks the +{wanted[0].value}", naming[0]
            continue
        meeting = [line for line, shown in same_slot if any(_meets(want, shown) for want in wanted)]
        if meeting:
            if any(not _not_held(line, phrase) for line in meeting):
                continue
            return _NOT_HELD_NOW, meeting[0]
        owners = {want.owner for want in wanted}
        others = [
            (line, shown)
            for line, shown in same_slot
            if not (field and field & set(content_stems(line)))  # "a comparable medical device standard"
            and not (shown.owner and owners - {""} and shown.owner not in owners)  # "SVQ Level 3" for SCQF's
            # numbered driving classes and categories: the scales of :mod:`credentials` cross them
            and not (driving and word in _DRIVING_SCALES and _plain(shown.value) and DRIVING_LINE.search(line))
        ]
        if others:
            line, shown = others[0]
            if word == "ordinal class":
                asked_class, held_class = _ORDINAL_NAMES[wanted[0].value], _ORDINAL_NAMES[shown.value]
                return f"{asked_class} Class asked; the CV shows {held_class} Class", line
            label = word.upper() if len(word) <= 3 else word.title()
            return f"{label} {wanted[0].value.upper()} asked; the CV shows {label} {shown.value.upper()}", line
    if not (noun and stages) or driving or _STEP_UNDER_WAY.search(whole):
        return None
    # the lines that name the credential with a credential word all say it is not held yet, or deny it
    written = [line for line in naming if _CREDENTIAL_NOUN.search(line)]
    if written and all(_not_held(line, phrase) for line in written):
        return _NOT_HELD_NOW, written[0]
    return None


_COMPARABLE_WAY: Final = re.compile(r"^(?:an?\s+|any\s+)?(?:equivalent|similar|comparable|other|another)\b", re.I)


def one_way(alternatives: tuple[str, ...] | list[str]) -> bool:
    """The ask is one thing, its forms parts of it: a single alternative, or others that only allow "a comparable
    medical device software standard" (the slot's check reads that field itself)."""
    return all(_COMPARABLE_WAY.match(other.strip()) for other in alternatives[1:])


def _plain(value: str) -> bool:
    """A bare number or letter, as the driving scales write them ("5", "B"); not "3a"."""
    return value.isdigit() or (len(value) == 1 and value.isalpha())


def _not_held(line: str, phrase: str) -> bool:
    return bool(_DENIED.search(line)) or not_held(line, None, phrase)
