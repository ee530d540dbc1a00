"""Credentials checked exactly, where exactness is the point and meaning would mislead.

* Licence categories: a Category C (Class 2) licence does not let you drive a C+E (Class 1) lorry or a
  Category D bus, although the words sit close together; a licence asked without a category ("Full UK
  driving licence") is met by any category, since each includes a car, unless the CV's licence is
  another country's ("Indian driving licence" for a "UAE driving licence").
* Qualification levels: "Level 3" is not "Level 5", "Cert III" is not "Cert IV"; a higher level of the
  same qualification is enough. A diploma is not met by a certificate of the same subject.
* Versions of a product: "Sage 200" is not "Sage 50" (but a CV that says only "Sage" may mean either).

What a licence is held with (a learner's or restricted stage, automatic only, endorsements) is in
:mod:`licence_stages`; degrees and school-leaving levels (HNC 4 ... doctorate 8) are in :mod:`degrees`.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files
from typing import Final

from nextround.analysis.skillgaps.cues import CUES_RESOURCE
from nextround.analysis.skillgaps.degrees import (
    SCHOOL_LEAVING,
    asks_school_leaving,
    degree_asked,
    degree_level,
    school_leaving_shown,
)
from nextround.analysis.skillgaps.language_levels import language_level_short

# read here since sessions 13 and 20: the CEFR levels are in language_levels.py, degrees in degrees.py
__all__ = [
    "SCHOOL_LEAVING",
    "asks_school_leaving",
    "degree_asked",
    "degree_level",
    "language_level_short",
    "school_leaving_shown",
]

# -- licence categories ---------------------------------------------------------------------------

# A driving licence in the CV's own language ("Permis B", "Patente B", "Licencia de manejo tipo B", "Führerschein
# Klasse B"): the word for it, and the word before a category
_FOREIGN_LICENCE: Final = (
    r"permis(?:\s+de\s+conduire)?|patente(?:\s+di\s+guida)?|licencia\s+de\s+(?:manejo|conducir)|carn[eé]\s+de\s+conducir"
    r"|carnet\s+de\s+conducir|carta\s+de\s+condu[cç][aã]o|carteira\s+de\s+habilita[cç][aã]o|f[uü]hrerschein"
    r"|rijbewijs|k[oö]rkort|k[oø]rekort|f[oø]rerkort|prawo\s+jazdy|ajokortti|ehliyet|jogos[ií]tv[aá]ny"
    r"|[rř]idi[cč]sk[yý]\s+pr[uů]kaz|vezet[oő]i\s+enged[eé]ly"
    r"|licen[cç]i?a(?=\s+(?:clase|classe|categor[ií]a|tipo)\s+[A-D]\b)"  # "Licencia clase B": a driving licence's class
)
_CATEGORY: Final = re.compile(
    r"\b(?:category|cat\.?|class)\s*(?P<code>[bcd]1?\s*\+\s*e|[bcd]1?e|[bcd]1?|[12])\b(?!\s*(?:certificate|cert))",
    re.IGNORECASE,
)
# the same in other languages, letters only ("Klasse 1" may be a school year)
_FOREIGN_CATEGORY: Final = re.compile(
    rf"\b(?:tipo|clase|classe|klasse|klasa|kategorie|kategori|kategoria|categor[ií]a|cat[eé]gorie|{_FOREIGN_LICENCE})"
    r"\s*(?P<code>[bcd]1?\s*\+\s*e|[bcd]1?e|[bcd]1?)\b",
    re.IGNORECASE,
)
_BARE_CODE: Final = re.compile(r"(?<![\w+])(?P<code>[CD]1?\s*\+\s*E|[CD]1)(?![\w+])")
_PCV: Final = re.compile(r"\bPCV\b")
_WEIGHT_LIMIT: Final = re.compile(r"\b(7\.5|3\.5)\s*(?:t|tonnes?|tons?)\b", re.IGNORECASE)  # C1 and B by weight
_DRIVING: Final = re.compile(
    rf"licen[cs]e|driv|hgv|lgv|pcv|lorry|bus|coach|tacho|cpc|{_FOREIGN_LICENCE}", re.IGNORECASE
)
# What each category also lets you drive.
_COVERS: Final = {
    "C+E": {"C+E", "C", "C1", "C1+E", "B", "B+E"},
    "C1+E": {"C1+E", "C1", "B", "B+E"},
    "C": {"C", "C1", "B"},
    "C1": {"C1", "B"},
    "D+E": {"D+E", "D", "D1", "D1+E", "B", "B+E"},
    "D1+E": {"D1+E", "D1", "B", "B+E"},
    "D": {"D", "D1", "B"},
    "D1": {"D1", "B"},
    "B+E": {"B+E", "B"},
    "B": {"B"},
}


def _normalise_code(raw: str) -> str:
    code = re.sub(r"\s+", "", raw.upper())
    if code == "1":
        return "C+E"  # "Class 1"
    if code == "2":
        return "C"  # "Class 2"
    if code.endswith("E") and "+" not in code and len(code) > 1:
        code = code[:-1] + "+E"
    return code


def licence_categories(text: str) -> set[str]:
    """Driving licence categories a text names ("Class 1" is C+E, "PCV" alone is D)."""
    if not _DRIVING.search(text):
        return set()
    found = {_normalise_code(match.group("code")) for match in _CATEGORY.finditer(text)}
    found |= {_normalise_code(match.group("code")) for match in _FOREIGN_CATEGORY.finditer(text)}
    found |= {"C1" if weight.group(1).startswith("7") else "B" for weight in _WEIGHT_LIMIT.finditer(text)}
    found |= {_normalise_code(match.group("code")) for match in _BARE_CODE.finditer(text)}
    if not found and _PCV.search(text):
        found.add("D")
    return {code for code in found if code in _COVERS}


_LICENCE_LIST: Final = re.compile(r"\blicen[cs]es?(?:\s+held)?\s*[:–-]\s*(?P<codes>[A-Za-z0-9+ ,/&]+)", re.IGNORECASE)
# The bodies that issue driving licences, so that "Ghana DVLA licence Class F" or "DMV license" is a driving licence
_ISSUERS: Final = (
    r"DVLA|DVA|DMV|BMV|RMV|MVA|MVD|RTO|RTA|NTSA|FRSC|LTA|MTO|ICBC|SAAQ|NZTA|VicRoads|DLTB|LTO|JPJ|TRAFFIC DEPARTMENT"
)
DRIVING_LICENCE: Final = re.compile(
    r"\b(?:driving|driver'?s?|car|motor|road)\s+licen[cs]e|\bfull\s+(?:clean\s+)?(?:[A-Z]{2,3}\s+|[A-D]1?(?:\+?E)?\s+)?licen[cs]e"
    rf"|\bcar\s+driver\b|\b(?:{_ISSUERS})(?:[\s-]+issued)?\s+(?:driving\s+|driver'?s?\s+)?licen[cs]e"
    # "full Irish B licence": a nationality, perhaps a category, then the licence
    r"|\bfull\s+(?:clean\s+)?[A-Z][a-z]+(?:ish|ian|an|ese|ch|i)\s+(?:[A-D]1?(?:\+?E)?\s+)?licen[cs]e"
    rf"|\b(?:{_FOREIGN_LICENCE})\b(?![-\w])",
    re.IGNORECASE,
)


def licence_list(text: str) -> set[str]:
    """Categories written as a list after "Licences:" ("Licences: B, BE, C1")."""
    found: set[str] = set()
    for match in _LICENCE_LIST.finditer(text):
        for raw in re.split(r"[,/&]|\s+and\s+|\s+", match.group("codes")):
            code = _normalise_code(raw) if raw.strip()[:1].isalpha() else ""  # "1", "2" only as "Class 1"
            if code in _COVERS:
                found.add(code)
    return found


# A licence to drive something that is not a road vehicle ("Snowmobile driving licence", "boat driving licence"):
# a car licence does not meet it
OTHER_VEHICLE: Final = re.compile(
    r"\b(?:snow\s?mobile|snowmobiles|snow\s?scooter|skidoo|ski-doo|boat|jet\s?ski|jet\s?boat|forklift|crane|tram"
    r"|train|locomotive|quad|atv|tractor|excavator|aircraft|drone)s?\s+(?:driving\s+|driver'?s?\s+|operators?\s+)?"
    r"licen[cs]e",
    re.IGNORECASE,
)


def asks_any_driving_licence(phrase: str) -> bool:
    """A driving licence with no category ("Full UK driving licence", "full car licence"): any held
    category counts, since every one of them (C+E, D, B) includes driving a car."""
    if OTHER_VEHICLE.search(phrase):
        return False
    return bool(DRIVING_LICENCE.search(phrase)) and not licence_categories(phrase + " licence")


@lru_cache(maxsize=1)
def _branch_cues() -> tuple[frozenset[str], frozenset[str]]:
    data = tomllib.loads(files("nextround.data").joinpath(CUES_RESOURCE).read_text(encoding="utf-8"))["licence_branch"]
    return frozenset(word.lower() for word in data["other_heads"]), frozenset(w.lower() for w in data["generic_heads"])


# where an ask's head ends: a preposition, a clause or a list ("ADI registration for Category D")
_HEAD_END: Final = re.compile(
    r"\s(?:for|with|in|of|on|to|held|from|at|covering|including|and|or|plus)\s|[,;:–]|\s-\s", re.IGNORECASE
)
_CODE_WORD: Final = frozenset(["class", "category", "categories", "cat", "group", "grade", "current", "valid", "full"])


def other_credential_words(phrase: str) -> list[str] | None:
    """The words that name the credential an ask's class or category belongs to when its head noun is not a
    driving licence ("Class 2 medical certificate": medical; "Approved Driving Instructor (ADI) registration for
    Category D": registration, Instructor, ADI); None when the ask is a licence or names none of these heads."""
    other_heads, generic = _branch_cues()
    bare = re.sub(r"\([^)]*\)", " ", phrase)
    head = _HEAD_END.split(bare, maxsplit=1)[0]
    if re.search(r"licen[cs]e|permit", bare, re.IGNORECASE):
        return None  # "Category C licence and ADI registration": the licence is asked too
    words = re.findall(r"[A-Za-z][\w'-]*", head)
    while len(words) > 1 and words[-1].lower() in generic:
        words.pop()
    if not words or words[-1].lower() not in other_heads:
        return None
    names = [word for word in words[-2:] if word.lower() not in _CODE_WORD and not re.fullmatch(r"[A-D]1?E?", word)]
    return names + re.findall(r"\(([A-Z][A-Za-z]{1,6})\)", phrase)


def held_for_other(phrase: str, words: list[str], cv: str) -> tuple[bool, str] | None:
    """Whether the class or category asked for another credential is held on the CV lines that name it (the class
    of "Class 2 medical - expired ...", the category of "ADI - Category B (cars)"), with the line; None when the ask
    names no category or no such line names one."""
    asked = licence_categories(phrase + " licence")
    if not asked:
        return None
    naming = re.compile(rf"(?<![\w-])(?:{'|'.join(re.escape(word) for word in words)})", re.IGNORECASE)
    for line in cv.splitlines():
        held = licence_categories(line + " licence") if naming.search(line) else set()
        if held:
            return licence_met(asked, held), line.strip()
    return None


_NUMBERED: Final = re.compile(
    r"\b(?P<kind>class|code)\s*(?P<number>\d{1,2})\b(?!\s*(?:certificate|cert))", re.IGNORECASE
)


def numbered_licences(text: str) -> set[tuple[str, int]]:
    """Licences written as a numbered class or code ("Class 3", "Code 10"), line by line where a line
    is about driving: Canada's and the old UK's classes count down (Class 1 drives what Class 3 does),
    South Africa's codes count up (Code 14 drives what Code 10 does)."""
    found: set[tuple[str, int]] = set()
    under_licences = False  # "Licences" over "Saskatchewan Class 5": the heading says what the line is about
    for line in text.splitlines():
        stripped = line.strip()
        if _LICENCES_HEADING.fullmatch(stripped):
            under_licences = True
            continue
        if not stripped or (under_licences and _OTHER_HEADING.fullmatch(stripped)):
            under_licences = False
        if _DRIVING.search(line) or under_licences:
            found |= {(match.group("kind").lower(), int(match.group("number"))) for match in _NUMBERED.finditer(line)}
            found |= {("motorcycle", _MOTORCYCLE_RANK[match.group(1).upper()]) for match in _MOTORCYCLE.finditer(line)}
    return found


# Singapore's motorcycle classes: 2B (up to 200 cc), 2A (up to 400 cc), then 2; they count down like the classes
# but drive no car, so "Class 2B" does not meet "Class 3"
_MOTORCYCLE: Final = re.compile(r"\bclass\s*2([AB])\b", re.IGNORECASE)
_MOTORCYCLE_RANK: Final = {"A": 2, "B": 3}


_LICENCES_HEADING: Final = re.compile(
    r"[#*_\W]*(?:driving\s+)?licen[cs]es?(?:\s+(?:held|and\s+\w+|&\s+\w+))?\s*:?[*_]*", re.IGNORECASE
)
_OTHER_HEADING: Final = re.compile(
    r"[#*_\W]*(?:education|skills|experience|employment|work history|languages|certifications?|training|courses"
    r"|interests|references|profile|summary|qualifications)\b[\w\s&]{0,25}:?[*_]*",
    re.IGNORECASE,
)


_GRADE: Final = re.compile(r"\b(?i:grade)\s+(?P<letter>[A-E])\b(?!\s*(?:[-/]|or)\s*[A-E]\b)")


def grade_letters(text: str) -> set[str]:
    """Letter grades a text names ("PSIRA Grade B"): A is the highest."""
    return {found.group("letter") for found in _GRADE.finditer(text)}


def grade_met(asked: str, held: set[str]) -> bool | None:
    """Whether a held letter grade is at least the one asked; None when the CV names no grade."""
    if not held:
        return None
    return any(have <= asked for have in held)


_CDL: Final = re.compile(r"\bCDL\s*[-–]?\s*(?:\(?\s*class\s*)?(?P<letter>[ABC])\b", re.IGNORECASE)


def cdl_classes(text: str) -> set[str]:
    """US commercial licence classes ("CDL Class A", "CDL-B"): Class A drives what B and C do."""
    found = {match.group("letter").upper() for match in _CDL.finditer(text)}
    found |= {match.group(1).upper() for match in re.finditer(r"\bclass\s*([ABC])\s+CDL\b", text, re.IGNORECASE)}
    return found


# Scored tests and measures: the job's figure is a floor ("IELTS 7.0", "60 wpm", "HSK 5"); JLPT counts down (N1 best).
# A second figure beside a speed is compared too: "50 WPM with 98% accuracy" is not met by "62 wpm, 97% accuracy".
_SCORED: Final = re.compile(
    r"\b(?P<name>IELTS|TOEFL|PTE|HSK|TOPIK|GPA|TEF|TCF)\b[^0-9\n]{0,25}?(?P<value>\d{1,3}(?:\.\d{1,2})?)"
    r"|(?P<wpm>\d{2,3})\s*(?:wpm|words per minute)\b"
    r"|(?P<accuracy>\d{2,3}(?:\.\d{1,2})?)\s*%\s*(?:typing\s+|keying\s+|data\s+entry\s+)?accura(?:cy|te)\b"
    r"|\baccuracy\s*(?:of|:|at|rate(?:\s+of)?)?\s*(?P<accuracy_after>\d{2,3}(?:\.\d{1,2})?)\s*%"
    r"|(?P<kph>\d{1,2},?\d{3})\s*(?:kph|ksph|keystrokes per hour|key ?strokes per hour)\b"
    r"|\bJLPT\s*(?:level\s*)?N(?P<jlpt>[1-5])\b",
    re.IGNORECASE,
)


def scores(text: str) -> dict[str, list[float]]:
    """Scores a text gives, by test ("ielts": [6.5], "wpm": [45.0]); JLPT levels are stored negated so that
    higher is better for every test."""
    found: dict[str, list[float]] = {}
    for line in text.splitlines():
        for name, values in _line_scores(line).items():
            found.setdefault(name, []).extend(values)
    return found


def _line_scores(text: str) -> dict[str, list[float]]:
    found: dict[str, list[float]] = {}
    for match in _SCORED.finditer(text):
        if match.group("wpm"):
            found.setdefault("wpm", []).append(float(match.group("wpm")))
        elif match.group("accuracy") or match.group("accuracy_after"):
            found.setdefault("accuracy", []).append(float(match.group("accuracy") or match.group("accuracy_after")))
        elif match.group("kph"):
            found.setdefault("kph", []).append(float(match.group("kph").replace(",", "")))
        elif match.group("jlpt"):
            found.setdefault("jlpt", []).append(-float(match.group("jlpt")))
        else:
            found.setdefault(match.group("name").lower(), []).append(float(match.group("value")))
    if "wpm" not in found and "kph" not in found:
        found.pop("accuracy", None)  # an accuracy is a typing test's second figure, not any percentage of a line
    return found


def score_short(phrase: str, cv: str) -> str | None:
    """The test whose asked score the CV's own score for it falls short of ("IELTS 7.0" against 6.5)."""
    held = scores(cv)
    for name, asked in scores(phrase).items():
        if name in held and max(held[name]) < min(asked):
            return name
    return None


def numbered_licence_met(asked: tuple[str, int], held: set[tuple[str, int]]) -> bool | None:
    """Whether a held class or code covers the one asked; None when the CV names none of that kind."""
    kind, number = asked
    same_kind = [have for have_kind, have in held if have_kind == kind]
    if not same_kind:
        # a class asked and only motorcycle classes held ("Class 3" against "Class 2B"): not met
        return False if kind == "class" and any(have_kind == "motorcycle" for have_kind, _ in held) else None
    return any(have <= number if kind == "class" else have >= number for have in same_kind)


def licence_met(asked: set[str], held: set[str]) -> bool:
    return any(code in _COVERS.get(have, set()) for have in held for code in asked)


# -- qualification levels ----------------------------------------------------------------------

_LEVEL: Final = re.compile(
    r"\b(?:level|lvl)\s*(?P<level>[1-8])\b(?P<more>(?:\s*(?:,|and|&|or|/)\s*[1-8]\b(?!\s*(?:years?|\+)))*)"
    r"|\bNVQ\s*(?P<nvq>[1-5])\b"
    r"|\b(?:certificate|cert\.?)\s+(?P<roman>I{1,3}|IV)\b(?!\s*(?:and|&)\s)",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Levelled:
    level: int
    subject: str  # the words around the level: what it is a level of
    text: str


_ROMAN: Final = {"i": 1, "ii": 2, "iii": 3, "iv": 4}


def levelled(text: str) -> list[Levelled]:
    """Qualification levels a text names, each with its subject ("Level 3 Food Safety", "Cert III in
    Carpentry": Australian and NZ certificates I-IV are levels 1-4)."""
    found = []
    for match in _LEVEL.finditer(text):
        roman = match.group("roman")
        level = _ROMAN[roman.lower()] if roman else int(match.group("level") or match.group("nvq"))
        more = [int(number) for number in re.findall(r"[1-8]", match.group("more") or "")]
        if more:
            # "HSE Level 1, 2 and 3" holds them all, so its highest; "Level 2 or 3" asks either, so its lowest
            either = re.search(r"\bor\b|/", match.group("more") or "")
            level = min(level, *more) if either else max(level, *more)
        subject = (text[: match.start()] + " " + text[match.end() :]).strip()
        subject = re.sub(
            r"\b(?:or (?:above|higher|equivalent)|and above|qualification|award|certificate|cert|diploma|in)\b",
            " ",
            subject,
            flags=re.I,
        )
        found.append(Levelled(level, " ".join(subject.split()), text))
    return found


def levelled_in(text: str) -> list[Levelled]:
    """Qualification levels of a whole CV, each with the words of its own line around it."""
    found: list[Levelled] = []
    for line in text.splitlines():
        for sentence in re.split(r"(?<=[.;])\s+", line):
            found.extend(levelled(sentence.strip()))
    return found


# -- kinds of qualification, versions and countries ----------------------------------------------

_DIPLOMA: Final = re.compile(r"\bdiploma\b", re.IGNORECASE)
_DIPLOMA_OR_CERTIFICATE: Final = re.compile(
    r"\bdiploma\s*(?:/|\bor\b)\s*(?:an?\s+)?certificate|\bcertificate\s*(?:/|\bor\b)\s*(?:an?\s+)?diploma", re.I
)
_VERSION: Final = re.compile(
    r"\b(?P<product>[A-Z][A-Za-z]+)\s+(?P<number>\d{2,4}(?:\s*/\s*\d{2,4})*)\b(?!\s*(?:years?|hours?|%|\+))"
)
# a place is written with a capital ("Indian driving licence"), whatever the case of the licence words; "Irish or
# EU driving licence" names two places, either of which will do
_LICENCE_COUNTRY: Final = re.compile(
    r"\b(?P<place>[A-Z][A-Za-z]+)(?P<others>(?:\s*(?:,|/|\bor\b)\s*[A-Z][A-Za-z]+)*)(?:\s+State)?\s+"
    r"(?i:(?:full|clean|valid|current)\s+)?(?i:driving|driver'?s?)\s+(?i:licen[cs]e)"
)
_VALID_IN: Final = re.compile(
    r"\b(?:valid|recogni[sz]ed|accepted) in\s+(?:the\s+)?([A-Z][A-Za-z]+)"
    r"|\bconverted to\s+(?:an?\s+)?(?:full\s+)?([A-Z][A-Za-z]+)"
)
_NOT_PLACES: Final = frozenset(
    ["full", "valid", "clean", "current", "car", "manual", "automatic", "a", "the", "open", "class", "category",
     "provisional", "restricted", "unrestricted", "heavy", "light", "motorcycle", "uk"],
)  # fmt: skip


def diploma_missing(phrase: str, cv: str) -> bool:
    """A diploma is asked and the CV shows none, nor a degree ("Certificate of Proficiency in Insurance"
    does not meet "Diploma in Insurance")."""
    if not _DIPLOMA.search(phrase) or _DIPLOMA.search(cv) or _DIPLOMA_OR_CERTIFICATE.search(phrase):
        return False  # "Diploma/certificate in makeup": a certificate is accepted too
    return (degree_level(cv) or 0) < 5


def other_version(phrase: str, cv: str) -> str | None:
    """The CV's version of a product when it names a different one ("Sage 50" for "Sage 200")."""
    for asked in _VERSION.finditer(phrase):
        numbers = set(re.findall(r"\d+", asked.group("number")))
        if any(1950 <= int(number) <= 2099 for number in numbers):
            continue  # a year, not a version
        product = asked.group("product")
        held = re.findall(rf"\b{re.escape(product)}\s+(\d{{2,4}})\b", cv)
        if held and not numbers & set(held):
            return f"{product} {held[0]}"
    return None


def _licence_places(text: str, held: bool = False) -> set[str]:
    places: set[str] = set()
    for found in _LICENCE_COUNTRY.finditer(text):
        places.add(found.group("place").lower())
        places |= {word.lower() for word in re.findall(r"[A-Z][A-Za-z]+", found.group("others"))}
    if not held:
        return places - _NOT_PLACES
    # "Full UK driving licence" asked is met by any British licence; one held says which country issued it, and
    # where else it is valid: "(valid in NZ for 12 months)", "converted to a full NZ licence"
    for line in text.splitlines():
        if _LICENCE_COUNTRY.search(line):
            places |= {(found.group(1) or found.group(2)).lower() for found in _VALID_IN.finditer(line)}
    return places - (_NOT_PLACES - {"uk"})


def licence_country_differs(phrase: str, cv: str) -> str | None:
    """The CV's licence is another country's ("Indian driving licence" for a "UAE driving licence"); "Irish or EU
    driving licence" is met by an Irish one, and an EU licence by any member state's."""
    asked = _licence_places(phrase)
    if not asked:
        return None
    held = _licence_places(cv, held=True)
    if held and not any(_same_place(left, right) for left in asked for right in held):
        return sorted(held)[0]
    return None


# a country's initials and the words its name ends in ("NZ" and "New Zealand" driver licence)
_PLACE_NAMES: Final = (
    frozenset(["nz", "zealand"]),
    frozenset(["uae", "emirates", "emirati"]),
    frozenset(["sa", "rsa", "africa", "african"]),
    frozenset(["us", "usa", "america", "american", "states"]),
    frozenset(["gb", "britain", "british", "kingdom", "uk"]),
)


# The European Union's and the EEA's licences are recognised across them: an "EU driving licence" is any member's
_EU: Final = frozenset(["eu", "eea", "european"])
_EU_MEMBERS: Final = frozenset(
    ["austria", "austrian", "belgium", "belgian", "bulgaria", "bulgarian", "croatia", "croatian", "cyprus", "cypriot",
     "czech", "czechia", "denmark", "danish", "estonia", "estonian", "finland", "finnish", "france", "french",
     "germany", "german", "greece", "greek", "hungary", "hungarian", "ireland", "irish", "italy", "italian", "latvia",
     "latvian", "lithuania", "lithuanian", "luxembourg", "malta", "maltese", "netherlands", "dutch", "poland",
     "polish", "portugal", "portuguese", "romania", "romanian", "slovakia", "slovak", "slovenia", "slovenian",
     "spain", "spanish", "sweden", "swedish", "iceland", "icelandic", "norway", "norwegian", "liechtenstein"],
)  # fmt: skip


_GCC_MEMBERS: Final = frozenset(
    ["saudi", "ksa", "uae", "emirates", "emirati", "qatar", "qatari", "kuwait", "kuwaiti", "bahrain", "bahraini",
     "oman", "omani"],
)  # fmt: skip


def _same_place(asked: str, held: str) -> bool:
    """ "Victorian" and "Victoria", "Indian" and "India", "NZ" and "Zealand" are one place; an Irish licence is
    an EU one."""
    if asked == held or any(asked in names and held in names for names in _PLACE_NAMES):
        return True
    if asked in _EU and (held in _EU or held in _EU_MEMBERS):
        return True
    if asked == "gcc" and held in _GCC_MEMBERS:
        return True  # the Gulf states recognise each other's licences: a "GCC driving licence" is any member's
    shorter, longer = sorted((asked, held), key=len)
    return len(shorter) >= 4 and longer.startswith(shorter[: max(4, len(shorter) - 1)])


# -- the language of the CV ----------------------------------------------------------------------

_ENGLISH_ASK: Final = frozenset(
    [
        "english",
        "written",
        "spoken",
        "verbal",
        "oral",
        "fluent",
        "fluency",
        "good",
        "excellent",
        "strong",
        "command",
        "level",
        "standard",
        "proficiency",
        "proficient",
        "communication",
        "communicate",
        "skills",
        "skill",
        "language",
        "both",
        "business",
        "professional",
        "native",
        "literacy",
        "reading",
        "writing",
        "high",
    ]
)


# What the English is for ("... for care notes", "... to talk to families") says where it is used, not more of it;
# "with" is not cut: "English with Welsh" asks for another language too
_ENGLISH_PURPOSE: Final = re.compile(r"\s(?:for|to|when)\s.*$", re.IGNORECASE)


def only_english(phrase: str) -> bool:
    """ "Excellent written and spoken English", "Good written English for care notes": the CV, written in
    English, shows it (another language, a test or a grade is still checked: "IELTS 7", "Welsh and English",
    "English to IELTS 7")."""
    if re.search(r"\d", phrase):
        return False
    words = [word.lower() for word in re.findall(r"[A-Za-z][A-Za-z'-]*", _ENGLISH_PURPOSE.sub("", phrase))]
    words = [word for word in words if word not in ("a", "an", "the", "and", "or", "of", "in", "to", "with")]
    return "english" in words and all(word in _ENGLISH_ASK for word in words)
