"""What a driving licence or endorsement is held with, checked exactly: its stage (a learner's licence, a
restricted or probationary one, only a test booked), automatic only, and endorsements not held yet. Split from
:mod:`credentials`, which reads the categories and classes themselves."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

from nextround.analysis.skillgaps.credentials import (
    DRIVING_LICENCE,
    OTHER_VEHICLE,
    cdl_classes,
    licence_categories,
    licence_list,
)
from nextround.analysis.skillgaps.currency import class_word_short

# -- what a driving licence is held with --------------------------------------------------------------------

# A CV line about a driving licence: its kind in words, its stage ("G2 licence", "learner's permit", "Class 1R"), or
# its issuer ("DVLA licence")
DRIVING_LINE: Final = re.compile(
    rf"{DRIVING_LICENCE.pattern}|\b(?:provisional|learner'?s?|restricted|probationary|open|unrestricted)\s+"
    r"(?:[A-Z][A-Z0-9]{1,2}\s+)?licen[cs]e|\blearner'?s?\s+permit|\b(?:G1|G2|M1|M2|CLP)\b|\bCDL\b"
    r"|\bclass\s*\d{1,2}[RL]\b|\b(?:category|cat\.?|class|code)\s*[A-D]?\d{0,2}\b[^.\n]{0,30}\blicen[cs]e"
    r"|\blicen[cs]e\b[^.\n]{0,20}\bcategor(?:y|ies)\s+[A-D]\b"  # "Full Irish licence, categories B and C1"
    r"|\b(?-i:LR|MR|HR|HC|MC)\b[^.\n]{0,20}\blicen[cs]e|\b(?:driver|driving)\s+licen[cs]e\W{1,3}(?-i:LR|MR|HR|HC|MC)\b"
    # Australia's class before its word: "C class (manual) - open", "HR class licence"
    r"|\b(?-i:C|LR|MR|HR|HC|MC)\s+class\b(?=[^.\n]{0,20}\b(?:licen[cs]e|manual|auto(?:matic)?|open|full)\b)",
    re.IGNORECASE,
)
# Australia's and New Zealand's heavy vehicle classes, each covering those before it: light, medium, heavy rigid,
# heavy combination, multi-combination ("HR truck licence" is not met by "Driver licence: MR")
_HEAVY_CLASSES: Final = ("LR", "MR", "HR", "HC", "MC")
_HEAVY_CLASS: Final = re.compile(r"\b(LR|MR|HR|HC|MC)\b")


def heavy_class_short(phrase: str, cv: str) -> tuple[str, str] | None:
    """(reason, CV line) when a heavy vehicle class is asked and every class the CV's licence lines hold is lower."""
    asked = [_HEAVY_CLASSES.index(code) for code in _HEAVY_CLASS.findall(phrase)]
    if not asked or not re.search(r"licen[cs]e|truck|class", phrase, re.IGNORECASE):
        return None
    lines = [line for line in cv.splitlines() if _HEAVY_CLASS.search(line) and re.search(r"licen[cs]e", line, re.I)]
    held = [_HEAVY_CLASSES.index(code) for line in lines for code in _HEAVY_CLASS.findall(line)]
    if not held or max(held) >= min(asked):
        return None
    return f"{_HEAVY_CLASSES[min(asked)]} asked; the CV's licence is {_HEAVY_CLASSES[max(held)]}", lines[0].strip()


_OTHER_LICENCE: Final = re.compile(
    r"\b(?:forklift|crane|gas|electrical|electrician|plumbing|firearms?|security|pesticide|pilot|fishing|liquor"
    r"|teaching|nursing|real estate|boat|skipper|marine|radio|drone|rpas|tattoo|massage|pharmacy|software)\b",
    re.IGNORECASE,
)
# Stages short of a full licence: a learner's (driving alone is not allowed) and a restricted or probationary one
_LEARNER: Final = re.compile(
    r"\blearner'?s?\b|\bL[- ]?plates?\b|\b(?:G1|M1|CLP)\b|\bclass\s*\d{1,2}L\b|\binstruction permit\b", re.IGNORECASE
)
# A test still to pass: for this licence, unless its part of the line names another ("HGV Class 1 test booked")
_TEST_PENDING: Final = re.compile(
    r"\b(?:driving |road |practical |skills? )?test\s+(?:is\s+)?(?:booked|scheduled|pending|due)\b"
    r"|\bbooked\b[^.\n;]{0,30}\btest\b|\b(?:theory|knowledge|written)\s+test\s+passed\b",
    re.IGNORECASE,
)
_OTHER_TEST: Final = re.compile(
    r"\b(?:class|category|cat|HGV|LGV|PCV|C\+?E|C1|D1|CDL|endorsement|motorcycle|motorbike|bike|forklift)\b", re.I
)
_RESTRICTED: Final = re.compile(
    r"\brestricted\b(?!\s+to\s+automatic)|\bprobationary\b|\bprovisional\b|\bP[12]\b|\b(?:red|green)\s+P'?s?\b"
    r"|\bP[- ]?plates?\b(?!\s+off)|\b(?:G2|M2)\b|\bclass\s*\d{1,2}R\b|\bnovice\b|\bGDL\b|\bintermediate licen[cs]e",
    re.IGNORECASE,
)
_FULL: Final = re.compile(r"\b(?:full|open|unrestricted)\b|\bP[- ]?plates?\s+off\b", re.IGNORECASE)
_AUTOMATIC_ONLY: Final = re.compile(
    r"\bautomatics?\s+(?:(?:cars?|vehicles?|transmission)\s+)?only\b|\bauto[- ]only\b|\bonly\s+(?:for\s+)?automatics?\b"
    r"|\bcode\s*78\b|\brestricted to automatics?\b|\(\s*auto(?:matic)?\s*\)|\bautomatic\s+(?:driving\s+)?licen[cs]e",
    re.IGNORECASE,
)
_ASKS_FULL: Final = re.compile(r"\b(?:full|open|unrestricted)\b", re.IGNORECASE)
_ASKS_MANUAL: Final = re.compile(r"\bmanual\b(?!\s+handling)", re.IGNORECASE)
_ASKS_CLEAN: Final = re.compile(r"\bclean\b", re.IGNORECASE)
# points on the licence ("Full Irish licence, categories B and C1, 2 penalty points", "SP30 speeding, 3 points"): not
# a clean licence; "no penalty points" and "0 points" are
_POINTS: Final = re.compile(
    r"(?<![\w.])(?:[1-9]\d?|one|two|three|four|five|six|seven|eight|nine)\s+(?:penalty\s+|demerit\s+)?points?\b"
    r"|\b(?:SP|CU|DR|IN|MS|TT)\d0\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class HeldLicence:
    """A driving licence as a CV line holds it: its stage and whether it is for automatic cars only."""

    line: str
    stage: str  # "full", "restricted" (probationary, provisional, P plates, G2, Class 1R) or "learner"
    automatic_only: bool


def driving_licences_held(cv: str) -> list[HeldLicence]:
    """The driving licences a CV's lines name, each with its stage: "Restricted NZ driver licence (Class 1R)" is
    restricted, "Provisional UK licence; test booked for March" a learner's, "Victorian driver licence - full (P
    plates off 2020)" full."""
    held: list[HeldLicence] = []
    for line in cv.splitlines():
        if not DRIVING_LINE.search(line) or (_OTHER_LICENCE.search(line) and not DRIVING_LICENCE.search(line)):
            continue
        pending = any(
            _TEST_PENDING.search(part) and not _OTHER_TEST.search(part) and not _FULL.search(part)
            for part in re.split(r"[;|,]", line)
        )
        if _LEARNER.search(line) or pending:
            stage = "learner"
        elif _RESTRICTED.search(line) and not _FULL.search(line):
            stage = "restricted"
        else:
            stage = "full"
        held.append(HeldLicence(line.strip(), stage, bool(_AUTOMATIC_ONLY.search(line))))
    return held


def holds_driving_licence(cv: str) -> bool:
    """A driving licence held, in any words ("Ontario G2 licence", "DVLA licence"), but not a learner's."""
    if DRIVING_LICENCE.search(cv) or licence_categories(cv) or licence_list(cv):
        return True
    return any(licence.stage != "learner" for licence in driving_licences_held(cv))


def asks_driving_licence(phrase: str) -> bool:
    """A driving licence asked, with or without a category, class, code or CDL ("Full UK driving licence",
    "Class 5 licence", "CDL Class B"); not another kind of licence ("forklift licence")."""
    if (_OTHER_LICENCE.search(phrase) and not DRIVING_LICENCE.search(phrase)) or OTHER_VEHICLE.search(phrase):
        return False
    return bool(
        DRIVING_LINE.search(phrase)
        or licence_categories(phrase + " licence")
        or cdl_classes(phrase)
        or re.search(r"\bCDL\b", phrase)
    )


def licence_short(phrase: str, cv: str) -> tuple[str, str] | None:
    """(reason, CV line) when every driving licence the CV names falls short of the one asked: a learner's licence
    (or only a test booked) for any ask, a restricted or probationary one for a full licence, an automatic-only one
    for a manual licence. None when one of them meets it or the CV names none."""
    heavy = heavy_class_short(phrase, cv)
    if heavy is not None:
        return heavy
    held = driving_licences_held(cv)
    if not held:
        return None
    reasons: list[tuple[str, str]] = []
    for licence in held:
        if licence.stage == "learner":
            reasons.append(("the CV's driving licence is a learner's (the test is not passed yet)", licence.line))
        elif licence.stage == "restricted" and _ASKS_FULL.search(phrase):
            reasons.append(("the CV's driving licence is restricted or probationary, not a full one", licence.line))
        elif licence.automatic_only and _ASKS_MANUAL.search(phrase):
            reasons.append(
                ("the CV's driving licence is for automatic vehicles only; a manual one is asked", licence.line)
            )

        else:
            return None
    return reasons[0]


def class_short(ask: str, cv: str) -> tuple[str, str] | None:
    """(reason, CV line) when the ask names a driving licence's class by a word, often in brackets the forms drop
    ("Valid driver's licence (General)"), and the CV's licence lines name only another ("Private")."""
    if not asks_driving_licence(ask):
        return None
    return class_word_short(ask, [licence.line for licence in driving_licences_held(cv)])


def points_short(ask: str, cv: str) -> tuple[str, str] | None:
    """(reason, CV line) when a clean driving licence is asked ("Full clean Irish or EU driving licence") and every
    driving licence the CV names carries penalty points. Read on the whole ask, since "clean" may sit in one
    alternative and the licence in another."""
    if not (_ASKS_CLEAN.search(ask) and asks_driving_licence(ask)):
        return None
    held = driving_licences_held(cv)
    if not held or not all(_POINTS.search(licence.line) for licence in held):
        return None
    return "the CV's driving licence carries penalty points; a clean one is asked", held[0].line


# -- endorsements ----------------------------------------------------------------------------------------------

# "Passenger (P) and School Bus (S) endorsements", "P and S endorsements", "H endorsement", "a tanker endorsement"
_NAMED_ENDORSEMENT: Final = re.compile(r"(?P<name>[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?)\s*\((?P<letter>[A-Z]{1,2})\)")
_LETTER_ENDORSEMENTS: Final = re.compile(
    r"\b(?P<letters>[A-Z]{1,2}(?:\s*(?:,|and|&|/|or)\s*[A-Z]{1,2})*)\s+endorsements?\b"
)
_WORD_ENDORSEMENT: Final = re.compile(
    r"\b(?P<name>passenger|school bus|hazmat|hazardous materials|tank(?:er)?|doubles(?:/triples)?|dangerous goods"
    r"|forklift|roller|tracks|wheels|vehicle recovery|motorcycle)\s+endorsements?\b",
    re.IGNORECASE,
)
_NOT_YET_ENDORSED: Final = re.compile(
    r"\b(?:test|exam)s?\s+(?:is\s+)?(?:booked|scheduled|pending|due)\b|\bbooked\b|\bscheduled\b|\bpending\b"
    r"|\bin progress\b|\bstudying\b|\bworking towards\b|\b(?:knowledge|theory|written)\s+test\s+(?:passed|only)\b"
    r"|\bnot yet\b|\bapplied for\b|\bexpired\b|\blapsed\b",
    re.IGNORECASE,
)


def endorsements_asked(phrase: str) -> list[tuple[str, str]]:
    """(name, letter) of each endorsement a phrase asks; the name or the letter may be empty."""
    if not re.search(r"\bendorse(?:ment|ments|d)\b", phrase, re.IGNORECASE):
        return []
    found = [(match.group("name"), match.group("letter")) for match in _NAMED_ENDORSEMENT.finditer(phrase)]
    found = [(name, letter) for name, letter in found if not re.fullmatch(r"(?i:class|category|code|cdl)", name)]
    if not found:
        for match in _LETTER_ENDORSEMENTS.finditer(phrase):
            found += [("", letter) for letter in re.findall(r"[A-Z]{1,2}", match.group("letters"))]
        found += [
            (match.group("name"), _ENDORSEMENT_LETTERS.get(match.group("name").lower(), ""))
            for match in _WORD_ENDORSEMENT.finditer(phrase)
        ]
    return found


# the letters licences write these endorsements with (US CDL; New Zealand's special-type endorsements)
_ENDORSEMENT_LETTERS: Final = {
    "passenger": "P", "school bus": "S", "hazmat": "H", "hazardous materials": "H", "tank": "N", "tanker": "N",
    "doubles": "T", "doubles/triples": "T", "forklift": "F", "roller": "R", "tracks": "T", "wheels": "W",
    "dangerous goods": "D", "vehicle recovery": "V",
}  # fmt: skip


def _names_endorsement(part: str, name: str, letter: str) -> bool:
    if name and re.search(rf"(?<!\w){re.escape(name)}(?!\w)", part, re.IGNORECASE):
        return True
    if not letter or not re.search(r"\bendorse", part, re.IGNORECASE):
        return False
    return bool(re.search(rf"(?<![\w+]){letter}(?![\w+])", part))


def endorsement_short(phrase: str, cv: str) -> tuple[str, str | None] | None:
    """(reason, CV line) when the CV does not hold an endorsement asked: it names none, or names it only with a
    test booked, scheduled or only the knowledge test passed ("School Bus endorsement knowledge test passed; skills
    test scheduled January")."""
    for name, letter in endorsements_asked(phrase):
        said = f"{name} ({letter})" if name and letter else name or letter
        pending: str | None = None
        held = False
        for line in cv.splitlines():
            parts = re.split(r"[;|]", line)
            for index, part in enumerate(parts):
                if not _names_endorsement(part, name, letter):
                    continue
                if re.search(rf"\b(?:no|without)\s+(?:an?\s+)?{re.escape(letter or name)}\b", part, re.IGNORECASE):
                    continue  # "Personal Track Safety (no AC endorsement)"
                # what follows, up to the next part that names an endorsement, still speaks of this one
                told = [part]
                for following in parts[index + 1 :]:
                    if re.search(r"\bendorse", following, re.IGNORECASE):
                        break
                    told.append(following)
                if _NOT_YET_ENDORSED.search(" ".join(told)):
                    pending = pending or line.strip()
                else:
                    held = True
        if held:
            continue
        if pending is not None:
            return f"the CV's {said} endorsement is not held yet (a test is still to pass)", pending
        return f"the CV shows no {said} endorsement", None
    return None


# -- a class on a scale the categories do not read --------------------------------------------------------------

# the word before a driving licence's class, in English and the languages ads are written in
_CLASS_WORD: Final = (
    r"(?:class|category|cat\.?|type|tipo|clase|classe|cat[eé]gorie|categor[ií]a|kategorie|kategori|klasse)"
)
# a class code after its word: "Class G", "class 3", "(Class 1R)", "Class DZ"; letters in capitals only ("class
# a" is no code)
_CLASS_CODE: Final = re.compile(rf"(?i:\b{_CLASS_WORD})\s*(?P<code>[A-Z]{{1,2}}\d?[RL]?|\d{{1,2}}[A-Z]?)(?![\w'])")
# a place's class before the licence itself: "Ontario G driver's licence"
_PLACE_CLASS: Final = re.compile(r"\b[A-Z][a-z]+\s+(?P<code>[A-Z]\d?)\s+(?i:driver'?s?|driving)\s+(?i:licen[cs]e)")
# the ask accepts another class than the one it names: a higher one, an equivalent, another province's
_OTHER_CLASS_ALLOWED: Final = re.compile(
    r"\b(?:or\s+(?:higher|above|better|equivalent|any|other|another)|and\s+above|minimum|at\s+least|equivalent)\b",
    re.IGNORECASE,
)


def other_class_short(ask: str, cv: str) -> tuple[str, str] | None:
    """(reason, CV line) when the ask names a driving licence's class on a scale the EU categories do not read
    ("Class G", "Class 3", "Class 5") and the CV's licence lines name only another class of it, or a stage of it
    below the full licence ("Ontario G2" for Class G, "Class 1R" for Class 1). Class numbers and letters mean
    different vehicles from one country to the next, so only the class itself meets the ask; a higher class is
    left to the numbered scales, and "or higher" to the other checks. None when a line names the class, or no line
    names a class."""
    asked = [found.group("code") for pattern in (_CLASS_CODE, _PLACE_CLASS) for found in pattern.finditer(ask)]
    if len(set(asked)) != 1 or not asks_driving_licence(ask) or _OTHER_CLASS_ALLOWED.search(ask):
        return None
    code = asked[0]
    lines = [licence.line for licence in driving_licences_held(cv)]
    if any(re.search(rf"(?<![\w+-]){re.escape(code)}(?![\w+-])", line) for line in lines):
        return None
    for line in lines:
        stage = re.search(rf"(?<![\w+-]){re.escape(code)}(?:[12]|R|L)(?![\w+-])", line)
        if stage is not None:
            return f"Class {code} asked; the CV's {stage.group(0)} is a stage below the full licence", line
    for line in lines:
        other = _CLASS_CODE.search(line)
        if other is not None and not _class_covers(other.group("code"), code, ask + "\n" + line):
            return f"Class {code} asked; the CV shows class {other.group('code')}", line
    return None


# Canada's numbered classes: 1 (semi) covers 2 to 5, and each of 2 to 4 covers 5, the car licence; New Zealand
# numbers the other way (its class 5 is the heaviest), so the ladder is read only where a Canadian place is named
_CANADA: Final = re.compile(
    r"\b(?:Canad\w*|Alberta|British Columbia|BC|Saskatchewan|Manitoba|Ontario|Quebec|Nova Scotia|New Brunswick"
    r"|Newfoundland|PEI|Prince Edward Island|Yukon|Northwest Territories|NWT|Nunavut)\b"
)


def _class_covers(held: str, asked: str, text: str) -> bool:
    """A higher class on one country's ladder meets a lower ask: Australia's heavy classes ("HC" for "HR") and
    Canada's numbered ones ("Saskatchewan Class 1A" for "Class 5")."""
    if held in _HEAVY_CLASSES and asked in _HEAVY_CLASSES:
        return _HEAVY_CLASSES.index(held) >= _HEAVY_CLASSES.index(asked)
    held_number, asked_number = re.match(r"\d+", held), re.fullmatch(r"\d+", asked)
    if held_number is None or asked_number is None or not _CANADA.search(text):
        return False
    held_class, asked_class = int(held_number.group(0)), int(asked_number.group(0))
    return (held_class == 1 and asked_class <= 5) or (asked_class == 5 and held_class < 5)
