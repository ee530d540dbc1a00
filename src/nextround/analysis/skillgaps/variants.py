"""A variant beside the family: the CV names the thing asked, but another type, version or count of it.

"EPA 608 Type II certification" against "EPA 608 certification (Type I or Universal)", "a prototype in Unreal Engine
4" against "Unreal Engine 5", "attended 6 births" against "at least 10 births": meaning reads the family as shown
(its words are all there); the words that say which one, or how many, are the ask. Each check reads the ask and the
CV lines that name the same family, and says nothing when the CV names no variant or count of it at all.
"""

from __future__ import annotations

import re
from typing import Final

from nextround.analysis.skill_match import content_stems
from nextround.analysis.skillgaps.cues import grade_words
from nextround.analysis.skillgaps.families import member_short

# -- another type, version or generation ------------------------------------------------------------------------

_KIND: Final = r"(?:type|version|ver|v|generation|gen|series|edition|mark|mk)"
_VALUE: Final = r"(?:[IVX]{1,4}|\d{1,3}(?:\.\d+)?|[A-Z])"
_TYPED: Final = re.compile(
    rf"\b(?P<kind>{_KIND})\.?\s*(?P<value>{_VALUE})(?![\w.+-])"
    rf"(?P<more>(?:\s*(?:,|/|\bor\b|\band\b|&)\s*(?:{_KIND}\.?\s*)?{_VALUE}(?![\w.+-]))*)",
    re.IGNORECASE,
)
# the words of a kind that are ordered (a later version does what an earlier one did); a type is not ("Type I" and
# "Type II" are two different things)
_ORDERED: Final = frozenset(["version", "ver", "v", "generation", "gen", "series", "edition", "mark", "mk"])
_GENERIC: Final = frozenset(
    ["certif", "certificat", "licenc", "licens", "card", "experi", "knowledg", "skill", "train", "cours", "qualif",
     "use", "work", "strong", "good", "solid", "proven", "abil", "abl", "type", "version", "valid", "current", "hold"],
)  # fmt: skip


def _kind_of(word: str) -> str:
    word = word.lower()
    return "type" if word == "type" else "version" if word in ("version", "ver", "v") else word


def _values(found: re.Match[str]) -> set[str]:
    values = {found.group("value").upper()}
    values |= {value.upper() for value in re.findall(_VALUE, found.group("more"))}
    return values


def _number(value: str) -> float | None:
    roman = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6, "VII": 7, "VIII": 8, "IX": 9, "X": 10}
    if value in roman:
        return float(roman[value])
    try:
        return float(value)
    except ValueError:
        return None


def _family(text: str, typed: re.Match[str]) -> set[str]:
    """The words of a text that say which thing has the type: its names, numbers and specific words."""
    plain = text[: typed.start()] + " " + text[typed.end() :]
    return {stem for stem in content_stems(plain) if stem not in _GENERIC and len(stem) >= 2}


def type_short(phrase: str, cv: str) -> tuple[str, str] | None:
    """(reason, CV line) when the ask says which type, version or generation of a thing ("Type I or Universal") and
    every CV line naming the same thing with a type of that kind names another ("Type II"); for a version or a
    generation, only an earlier one. None when the CV names the one asked, an alternative the ask gives
    ("Universal"), or no type of the thing at all."""
    for asked in _TYPED.finditer(phrase):
        kind = _kind_of(asked.group("kind"))
        wanted = _values(asked)
        family = _family(phrase, asked)
        bracket = re.search(r"\(([^()]*)\)", phrase[max(0, asked.start() - 1) :])
        others = (
            {word.lower() for word in re.findall(r"\bor\s+([A-Za-z]{4,})\b", bracket.group(1))} if bracket else set()
        )
        if len(family) < 1:
            continue
        shown: list[tuple[str, set[str]]] = []
        for line in cv.splitlines():
            if others & {word.lower() for word in re.findall(r"[A-Za-z]+", line)} and family & set(content_stems(line)):
                return None  # "608 Universal": the alternative the ask gives
            for held in _TYPED.finditer(line):
                if _kind_of(held.group("kind")) != kind or not family & _family(line, held):
                    continue
                shown.append((line.strip(), _values(held)))
        if not shown or any(wanted & values for _, values in shown):
            continue
        if kind in _ORDERED or asked.group("kind").lower() in _ORDERED:
            want = min((number for number in map(_number, wanted) if number is not None), default=None)
            held_numbers = [number for _, values in shown for number in map(_number, values) if number is not None]
            if want is None or not held_numbers or max(held_numbers) >= want:
                continue
        said = "/".join(sorted(wanted))
        return f"{kind.title()} {said} asked; the CV shows another ({shown[0][0]})", shown[0][0]
    return None


# a product's name and its major version ("Unreal Engine 5", "Python 3"); not a level, grade, class, year or section
_NAMED_VERSION: Final = re.compile(
    r"\b(?P<name>[A-Z][A-Za-z]+(?:\s+[A-Z][A-Za-z]+){0,2})\s+(?P<number>\d{1,2})(?:\.\d+)?"
    r"(?![\w+%/-]|\.\d|\s*(?:years?|yrs?|months?|hours?|hrs?|days?|weeks?|kg|m|mm|cm|km|t|tonnes?|ft|lbs?|people|staff"
    r"|\+|or more|plus|to|-)\b)"
)
_NOT_PRODUCTS: Final = frozenset(
    ["level", "class", "grade", "stage", "year", "years", "category", "cat", "code", "cert", "certificate", "section",
     "part", "unit", "module", "band", "key", "step", "phase", "room", "zone", "term", "floor", "group", "team", "size",
     "page", "chapter", "article", "schedule", "tier", "nvq", "svq", "qcf", "rqf", "scqf", "nqf", "aqf", "iso", "bs",
     "en", "type", "version", "gen", "generation", "series", "covid", "day", "week", "month", "standard", "form", "the",
     "a", "an", "our", "your", "at", "in", "on", "with", "and", "or", "for", "of", "to", "top", "over", "under", "min",
     "minimum", "max", "maximum", "rank", "ranked", "number", "no", "gcse", "gcses", "hsc", "matric", "act", "rule",
     "regulation", "periods", "period", "semester", "shift", "shifts", "route", "line", "bay", "gate", "pier", "dock"],
)  # fmt: skip


def version_short(phrase: str, cv: str) -> tuple[str, str] | None:
    """(reason, CV line) when the ask names a product with its major version ("Unreal Engine 5") and the CV names the
    same product only with earlier ones ("Unreal Engine 4"). None when the CV names the version asked or a later one,
    or the product with no version."""
    for asked in _NAMED_VERSION.finditer(phrase):
        words = asked.group("name").split()
        while words and words[0].lower() in _NOT_PRODUCTS:
            words = words[1:]
        if not words or words[-1].lower() in _NOT_PRODUCTS:
            continue
        name = " ".join(words)
        want = int(asked.group("number"))
        held = [
            (int(found.group(1)), line.strip())
            for line in cv.splitlines()
            for found in re.finditer(rf"(?<![\w-]){re.escape(name)}\s+(\d{{1,2}})(?:\.\d+)?(?![\w+%/-]|\.\d)", line)
        ]
        if not held or any(number >= want for number, _ in held):
            continue
        number, line = max(held)
        return f"{name} {want} asked; the CV shows {name} {number}", line
    return None


# "18th Edition Wiring Regulations" against "17th Edition IET Wiring Regulations": an earlier edition of the same
# rules; "WHMIS 2015" against "WHMIS (2014)": a standard's version by its year, the CV's dated before it
_EDITION: Final = re.compile(r"\b(?P<number>\d{1,2})(?:st|nd|rd|th)\s+edition\b", re.IGNORECASE)
_DATED_STANDARD: Final = re.compile(
    r"\b(?P<name>[A-Z]{2,}(?:\s+\d{2,5})?)\s*[:\-]?\s*(?P<year>(?:19|20)\d\d)\b(?!\s*[-–]\s*\d)"
)
_YEAR: Final = re.compile(r"\b(?:19|20)\d\d\b")
_UNTIL_NOW: Final = re.compile(r"\b(?:present|current|now|to date|ongoing)\b", re.IGNORECASE)


def edition_short(phrase: str, cv: str) -> tuple[str, str] | None:
    """(reason, CV line) when the ask names an edition of some rules ("18th Edition") or a standard by its year
    ("WHMIS 2015", "ISO 9001:2015") and the CV names the same rules only in an earlier edition, or the standard only
    on lines dated before that year. None when the CV names the one asked or a later one, or gives no edition."""
    for asked in _EDITION.finditer(phrase):
        want = int(asked.group("number"))
        family = set(content_stems(phrase[asked.end() :])) - _GENERIC
        held = [
            (int(found.group("number")), found.group(0), line.strip())
            for line in cv.splitlines()
            for found in _EDITION.finditer(line)
            if not family or family & set(content_stems(line[found.end() :]))
        ]
        if held and all(number < want for number, _, _ in held):
            _, said, line = max(held)
            return f"the {asked.group(0)} asked; the CV shows the {said}", line
    for asked in _DATED_STANDARD.finditer(phrase):
        name, want = asked.group("name"), int(asked.group("year"))
        lines = [line for line in cv.splitlines() if re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", line)]
        years = [int(year) for line in lines for year in _YEAR.findall(line)]
        if not lines or not years or any(_UNTIL_NOW.search(line) for line in lines) or max(years) >= want:
            continue
        return f"{name} {want} asked; the CV dates its {name} {max(years)}", lines[0].strip()
    return None


# -- counts ---------------------------------------------------------------------------------------------------------

_FLOOR: Final = (
    r"(?:at\s+least|a\s+minimum\s+of|minimum(?:\s+of)?|min\.?|over|more\s+than|upwards\s+of|no\s+fewer\s+than)"
)
_COUNT: Final = re.compile(
    rf"(?:(?P<floor>{_FLOOR})\s+)?(?<![\w.,$£€])(?P<number>\d{{1,3}}(?:,\d{{3}})*|\d+)(?P<plus>\+|\s+or\s+more|\s+plus)?"
    r"(?P<words>(?:\s+[a-z][a-z-]+){1,3})",
)
# counts read by other checks (years of experience, speeds, scores) or that are not things counted
_NOT_COUNTED: Final = frozenset(
    ["year", "years", "yrs", "month", "months", "week", "weeks", "day", "days", "minute", "minutes", "percent", "wpm",
     "words", "am", "pm", "hour", "hr", "people", "person", "staff", "members", "times", "languages", "kg", "tonnes",
     "metres", "meters", "feet", "miles", "km", "lbs", "pounds", "dollars", "euros", "points", "stars", "star", "seats",
     "covers", "beds", "bed", "employees", "sites", "countries", "rooms", "vehicles", "storeys", "levels", "level",
     "grade", "grades", "gcses", "subjects", "credits", "units", "modules", "references", "referees", "shifts",
     "applicants", "positions", "roles", "vacancies", "new", "other", "more", "different", "full", "part"],
)  # fmt: skip


_RATE: Final = re.compile(r"\s+(?:a|an|per|each)\s+(day|week|hour|shift|season|year|month|night)\b")


def _noun_stem(word: str) -> str:
    stems = content_stems(word)
    return stems[0] if stems else word


def count_short(phrase: str, cv: str) -> tuple[str, str] | None:
    """(reason, CV line) when the ask counts something ("at least 10 births", "200 hours of supervised practice",
    "250+ ewes a day") and every count of the same thing the CV gives, at the same rate, is lower. Hours need a word of
    the ask beside them ("120 supervised flying hours" for "200 flying hours"; not "8 hours a day"). None when the CV
    counts none of it or reaches the figure."""
    for asked in _COUNT.finditer(phrase):
        # the thing counted is the last word before a small word: "30 solo dives", "10 births as primary doula"
        run = []
        for word in asked.group("words").split():
            if not content_stems(word) or _RATE.match(" " + word + " x"):
                break
            run.append(word)
        if not run:
            continue
        noun = run[-1]
        if noun.lower() in _NOT_COUNTED or not (asked.group("floor") or asked.group("plus") or asked.start() == 0):
            continue
        if not content_stems(noun):
            continue  # "40 or more across multiple outlets": a small word, not what is counted
        want = int(asked.group("number").replace(",", ""))
        if want < 2 or (want >= 1000 and "," not in asked.group("number") and not asked.group("floor")):
            continue  # "3533 amusement rides": a standard's number, not a count
        said = _RATE.match(phrase, asked.start("words") + len(" ".join(run)) + 1)
        stem, rate = _noun_stem(noun), (said.group(1) if said else "")
        context = set(content_stems(phrase)) - {stem} - _GENERIC - {"least", "minimum", "min", "hour"}
        held: list[tuple[int, str]] = []
        for line in cv.splitlines():
            for found in re.finditer(r"(?<![\w.,$£€])(\d{1,3}(?:,\d{3})*|\d+)\+?((?:\s+[a-z][a-z-]*){1,3})", line):
                words = []
                for word in found.group(2).split():
                    if not content_stems(word):
                        break  # "7 years on rides": what follows a small word is not what was counted
                    words.append(word)
                at = next((index for index, word in enumerate(words) if _noun_stem(word) == stem), None)
                if at is None:
                    continue
                after = " ".join(found.group(2).split()[at + 1 :]) + line[found.end() :]
                said = _RATE.match(" " + after)
                if (said.group(1) if said else "") != rate:
                    continue
                if stem in ("hour", "hrs") and not context & set(content_stems(line)):
                    continue  # "8 hours a day" for "200 hours of supervised flying"
                held.append((int(found.group(1).replace(",", "")), line.strip()))
        if not held or any(number >= want for number, _ in held):
            continue
        number, line = max(held)
        return f"{want} {noun} asked; the CV shows {number}", line
    return None


# "a brigade of 40 or more", "a fleet of at least 20": the thing counted before the figure
_GROUP_OF: Final = re.compile(
    rf"\b(?P<noun>[a-z][a-z-]{{2,}})\s+of\s+(?:{_FLOOR}\s+)?(?P<number>\d{{1,4}})(?P<plus>\+|\s+or\s+more|\s+plus)?\b"
)


def group_short(phrase: str, cv: str) -> tuple[str, str] | None:
    """(reason, CV line) when the ask sizes a group with a floor ("a brigade of 40 or more", "a team of at least 8")
    and every group of that name the CV sizes is smaller ("Led a brigade of 25")."""
    for asked in _GROUP_OF.finditer(phrase):
        noun = asked.group("noun")
        if not asked.group("plus") and not re.search(_FLOOR + r"\s+\d", asked.group(0)):
            continue
        if noun.lower() in _NOT_COUNTED or not content_stems(noun):
            continue
        want = int(asked.group("number"))
        held = [
            (int(found.group("number")), line.strip())
            for line in cv.splitlines()
            for found in _GROUP_OF.finditer(line)
            if _noun_stem(found.group("noun")) == _noun_stem(noun)
        ]
        if not held or any(number >= want for number, _ in held):
            continue
        number, line = max(held)
        return f"a {noun} of {want} asked; the CV shows one of {number}", line
    return None


# a size with a floor: "boom pumps of 36m and above", "yachts 40m+", "booms over 11 m", "at least 50 tonnes a year"
_UNITS: Final = {"m": "m", "metre": "m", "metres": "m", "meter": "m", "meters": "m", "t": "t", "tonne": "t",
                 "tonnes": "t", "tons": "t", "kg": "kg", "kv": "kv", "kw": "kw", "ft": "ft", "feet": "ft"}  # fmt: skip
_SIZE: Final = re.compile(
    r"(?<![\w.,$£€])(?P<number>\d+(?:\.\d+)?)\s*(?P<unit>metres?|meters?|tonnes?|tons|feet|m|t|kg|kv|kw|ft)\b"
    r"(?P<plus>\s*\+|\s+(?:and|or)\s+(?:above|over|more|larger|bigger|longer|higher)|\s+plus)?",
    re.IGNORECASE,
)
_SIZE_FLOOR: Final = re.compile(rf"(?:{_FLOOR}|from|above)\s*$", re.IGNORECASE)
_SIZE_WORDS: Final = frozenset(["above", "over", "larger", "bigger", "longer", "higher", "plus", "least", "minimum"])


def size_short(phrase: str, cv: str) -> tuple[str, str] | None:
    """(reason, CV line) when the ask sizes the thing with a floor ("boom pumps of 36m and above", "yachts 40m+") and
    every size in the same unit the CV gives on a line about the same thing is smaller ("28 m boom pump")."""
    for asked in _SIZE.finditer(phrase):
        floor = asked.group("plus") or _SIZE_FLOOR.search(phrase[: asked.start()])
        if not floor:
            continue
        unit, want = _UNITS[asked.group("unit").lower()], float(asked.group("number"))
        near = phrase[max(0, asked.start() - 40) : asked.end() + 40]
        thing = set(content_stems(near)) - _GENERIC - _SIZE_WORDS - set(content_stems(asked.group(0)))
        thing = {stem for stem in thing if not stem[:1].isdigit()}
        if not thing:
            continue
        held = [
            (float(found.group("number")), line.strip())
            for line in cv.splitlines()
            if thing & set(content_stems(line))
            for found in _SIZE.finditer(line)
            if _UNITS[found.group("unit").lower()] == unit
        ]
        if not held or any(number >= want for number, _ in held):
            continue
        number, line = max(held)
        return f"{asked.group(0).strip()} asked; the CV shows {number:g} {unit}", line
    return None


# a bracketed list of named grades or kinds: "peeling cinnamon (Alba and Continental grades)", "(Holstein or Jersey
# breeds)"; the CV's own list before the same noun ("C4, C5 and H1 grades") names other ones
_SORTS: Final = r"(?:grades|varieties|breeds|classes|categories|species|cultivars|strains|styles|cuts)"
_NAMED_SORTS: Final = re.compile(
    rf"\((?P<values>[^()]{{2,60}}?)\s+(?P<sort>{_SORTS})\)|(?P<cv_values>[\w.+-]+(?:\s*(?:,|/|&|\band\b|\bor\b)"
    rf"\s*[\w.+-]+)+)\s+(?P<cv_sort>{_SORTS})\b",
    re.IGNORECASE,
)
_LIST_CUT: Final = re.compile(r"\s*(?:,|/|&|\band\b|\bor\b)\s*", re.IGNORECASE)


def sorts_short(phrase: str, cv: str) -> tuple[str, str] | None:
    """(reason, CV line) when the ask names the grades or kinds of a thing in brackets ("(Alba and Continental
    grades)"), the CV names none of them anywhere, and a CV line lists others before the same noun ("C4, C5 and H1
    grades") while the CV names the thing ("cinnamon")."""
    for asked in _NAMED_SORTS.finditer(phrase):
        if not asked.group("values"):
            continue
        wanted = [value for value in _LIST_CUT.split(asked.group("values")) if re.search(r"[A-Za-z]", value)]
        if len(wanted) < 2 and not re.search(r"\b(?:and|or)\b|,", asked.group("values")):
            continue
        thing = set(content_stems(phrase[: asked.start()])) - _GENERIC
        if not wanted or not thing or not thing & set(content_stems(cv)):
            continue
        if any(re.search(rf"(?<![\w-]){re.escape(value)}(?![\w-])", cv, re.IGNORECASE) for value in wanted):
            continue
        sort = asked.group("sort").lower()
        for line in cv.splitlines():
            for found in _NAMED_SORTS.finditer(line):
                if (found.group("cv_sort") or "").lower() == sort:
                    said = f"{asked.group('values')} {sort} asked; the CV names {found.group('cv_values')}"
                    return said, line.strip()
    return None


# a specialism after a dash: "ETCP Certified Rigger - Theatre", "Licensed Electrician – Marine" (a capital word or two)
_DASHED: Final = re.compile(r"^(?P<name>.*?\S)\s+[-–—]\s+(?P<special>[A-Z][A-Za-z&']*(?:\s+[A-Z][A-Za-z&']*)?)\s*$")


_CREDENTIAL_NAME: Final = re.compile(
    r"\b(?:certif\w*|accredit\w*|licen[cs]\w*|registered|ticket|card|endorse\w*|rating|qualified)\b", re.IGNORECASE
)


def specialism_short(phrase: str, cv: str) -> tuple[str, str] | None:
    """(reason, CV line) when the ask names a specialism after a dash ("ETCP Certified Rigger - Theatre") and the CV
    writes the same name with another one after a dash ("ETCP Certified Rigger - Arena"), and no line that writes the
    name writes the asked specialism."""
    asked = _DASHED.match(re.sub(r"\s*\([^)]*\)", "", phrase).strip())
    if asked is None or len(asked.group("name").split()) < 2 or not _CREDENTIAL_NAME.search(asked.group("name")):
        return None  # a job title with its employer ("Marine Electrician - Acme Ltd") is no credential's specialism
    name, special = asked.group("name"), asked.group("special")
    named = re.compile(rf"(?<![\w-]){re.escape(name)}(?![\w-])", re.IGNORECASE)
    lines = [line.strip() for line in cv.splitlines() if named.search(line)]
    wanted = set(content_stems(special))
    if not lines or not wanted or any(wanted <= set(content_stems(line)) for line in lines):
        return None
    for line in lines:
        held = _DASHED.match(re.sub(r"\s*\([^)]*\)", "", line[named.search(line).start() :]).strip())  # type: ignore[union-attr]
        if held is not None and named.fullmatch(held.group("name")):
            return f"{name} - {special} asked; the CV shows {name} - {held.group('special')}", line
    return None


def grade_short(phrase: str, cv: str) -> tuple[str, str] | None:
    """(reason, CV line) when the ask names the grades of a credential before its name ("Master or Basic level
    Licensed Court Interpreter") and the CV writes that name only after another grade ("Provisional Licensed Court
    Interpreter"); the grade words are the cue file's [forms] grade_words."""
    grades = grade_words()
    words = re.findall(r"[A-Za-z][\w'-]*", re.sub(r"\s*\([^)]*\)", "", phrase))
    last = max((index for index, word in enumerate(words) if word.lower() in grades), default=None)
    if last is None:
        return None
    asked = {word.lower() for word in words[: last + 1] if word.lower() in grades}
    rest = words[last + 1 :]
    while rest and rest[0].lower() in ("level", "grade", "class"):
        rest = rest[1:]
    if len(rest) < 2 or not _CREDENTIAL_NAME.search(" ".join(rest)):
        return None
    name = re.compile(r"(?<![\w-])" + r"\s+".join(map(re.escape, rest)) + r"(?![\w-])", re.IGNORECASE)
    other: tuple[str, str] | None = None
    for line in cv.splitlines():
        found = name.search(line)
        if found is None:
            continue
        held = {word.lower() for word in re.findall(r"[A-Za-z][\w'-]*", line)} & grades
        if held & asked:
            return None
        before = re.findall(r"[A-Za-z][\w'-]*", line[: found.start()])
        if before and before[-1].lower() in grades and other is None:
            other = (before[-1], line.strip())
    if other is None:
        return None
    return f"{' or '.join(sorted(asked))} {' '.join(rest)} asked; the CV shows {other[0]}", other[1]


def variant_short(phrase: str, cv: str) -> tuple[str, str] | None:
    """The first of the checks above that finds the CV's variant or count short of the ask, or another member of
    the family asked (:mod:`families`)."""
    return (
        type_short(phrase, cv)
        or version_short(phrase, cv)
        or edition_short(phrase, cv)
        or count_short(phrase, cv)
        or group_short(phrase, cv)
        or size_short(phrase, cv)
        or sorts_short(phrase, cv)
        or member_short(phrase, cv)
        or specialism_short(phrase, cv)
        or grade_short(phrase, cv)
    )
