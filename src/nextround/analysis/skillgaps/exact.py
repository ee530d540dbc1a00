"""Exact checks of names and dates, where exactness is the point and meaning would mislead (licences,
degrees and qualification levels are in :mod:`credentials`).

* Named things: products, registers, tickets and codes ("HubSpot", "GPhC", "CCN1", "ITPs") must be named
  in the CV, literally, by a known short form, or spelled out ("General Dental Council" for GDC);
  "HubSpot" is not "Salesforce", however close their vectors.
* Years of experience: from the CV's dated roles.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Final

from nextround.analysis.skillgaps.cues import cue_data, load_cues
from nextround.analysis.skillgaps.held import not_held  # split off; callers have always found it here

__all__ = ["NamedIndex", "career_years", "named_tokens", "not_held"]

# -- named things -------------------------------------------------------------------------------

_WORD: Final = re.compile(r"[A-Za-z][A-Za-z0-9&+'.-]*[A-Za-z0-9+]|[A-Za-z0-9]{2,}")
_JOINERS: Final = frozenset({"and", "of", "for", "the", "&", "in", "on"})


@lru_cache(maxsize=4096)
def compiled(source: str) -> re.Pattern[str]:
    """A pattern built from a phrase or a term, compiled once: the same ones recur across pairs and calls."""
    return re.compile(source)


@lru_cache(maxsize=1)
def _taxonomy_words() -> frozenset[str]:
    """Words written in lower case in the taxonomy's labels (ESCO skills are everyday words)."""
    from nextround.analysis.skills import load_taxonomy

    joined = "\n".join(load_taxonomy().names)
    return frozenset(word for word in re.findall(r"(?<![A-Za-z])[a-z]{2,}(?![A-Za-z])", joined))


def _is_word(lowered: str) -> bool:
    if lowered in _taxonomy_words():
        return True
    from nextround.analysis.embedding import EmbeddingUnavailable, load_model

    try:
        return load_model().is_word(lowered)
    except EmbeddingUnavailable:  # a broken install: the taxonomy words still answer
        return False


def is_ordinary(word: str) -> bool:
    """An everyday English word ("Recruiter", "Approved"), not a name ("Xero", "Workday")."""
    lowered = word.lower()
    if "-" in lowered:
        return all(is_ordinary(part) for part in lowered.split("-") if part)
    if _is_word(lowered):
        return True
    for suffix in ("s", "es", "ed", "d", "ing", "er", "ers", "ness", "ment", "al", "ian", "ians", "ist", "ists"):
        root = lowered[: -len(suffix)]
        if not lowered.endswith(suffix) or len(root) <= 2:
            continue
        if _is_word(root) or _is_word(root + "e") or (root[-1] == root[-2] and _is_word(root[:-1])):
            return True
    return False


@lru_cache(maxsize=1)
def vendors() -> frozenset[str]:
    """Company names in front of product names ("Adobe Illustrator"): a CV may leave them out."""
    import tomllib
    from importlib.resources import files

    aliases = tomllib.loads(files("nextround.data").joinpath("skill_aliases.toml").read_text(encoding="utf-8"))
    return frozenset(vendor.lower() for vendor in aliases["meta"]["vendors"])


@lru_cache(maxsize=1)
def _product_aliases() -> dict[str, frozenset[str]]:
    """The one-word aliases of each skill in skill_aliases.toml, lower case, by the skill's lower-case name."""
    import tomllib
    from importlib.resources import files

    aliases = tomllib.loads(files("nextround.data").joinpath("skill_aliases.toml").read_text(encoding="utf-8"))
    found: dict[str, set[str]] = {}
    for group in aliases["skills"].values():
        for name, spellings in group.items():
            found.setdefault(name.lower(), set()).update(s.lower() for s in spellings if re.fullmatch(r"[\w.+#-]+", s))
    return {name: frozenset(spellings) for name, spellings in found.items()}


@lru_cache(maxsize=1)
def _signatures() -> dict[str, re.Pattern[str]]:
    """([signatures] of the cue file) each product, lower case, with the words that only name it."""
    return {
        product: re.compile(rf"(?<![\w-])(?:{'|'.join(re.escape(word) for word in words)})(?![\w-])")
        for product, words in cue_data()["signatures"].items()
    }


def _short_form(word: str, token: str) -> bool:
    """The CV word is the product's name cut short by at most three letters ("Postgres" for PostgreSQL), and not
    only its first part as written ("identity" is a word of its own, not IdentityIQ; "sales" is not Salesforce)."""
    if len(word) < 5 or not token.lower().startswith(word) or len(token) - len(word) > 3:
        return False
    return not (token[len(word) - 1].islower() and token[len(word)].isupper())


def _is_name(core: str) -> str | None:
    """The spelling to look for when `core` names a thing, else None."""
    letters = re.sub(r"[^A-Za-z]", "", core)
    if not letters or core.lower() in load_cues().generic_names:
        return None
    plural_acronym = len(core) > 2 and core[:-1].isupper() and core.endswith("s")
    if plural_acronym:
        return core[:-1]
    if core.isupper() and len(letters) >= 2:
        return core
    if core[0].isalpha() and any(char.isdigit() for char in core):
        return core  # CCN1, G3, P11D; not "18th" or "£3m"
    if any(char.isupper() for char in core[1:]) and not core[0].isdigit():
        return core  # HubSpot, iTrent, GPhC
    if core[0].isupper() and not is_ordinary(core):
        return core
    return None


_LANGUAGE_USE: Final = frozenset(
    ["language", "languages", "speaker", "speakers", "speaking", "spoken", "written", "writing", "reading",
     "fluency", "fluent", "translation", "translator", "interpreting", "interpreter", "teaching", "teacher",
     "literature", "grammar", "native", "proficiency", "level", "skills", "communication", "medium", "sign"],
)  # fmt: skip


_NOT_NOUNS: Final = frozenset(
    ["through", "in", "to", "for", "with", "at", "on", "and", "or", "as", "across", "from", "by", "of", "is",
     "are", "a", "an", "the", "when", "where", "if", "both", "well", "only", "daily", "fluently"],
)  # fmt: skip


def _is_style(word: str, following: str) -> bool:
    """A capitalised word that the taxonomy lists as a skill of its own (a language: "Arabic") written
    before a lowercase word that is not about using the language ("Arabic mezze", not "Arabic speaker")."""
    if not following[:1].islower() or following.lower() in _LANGUAGE_USE or not word[1:].islower():
        return False
    if following.lower() in _NOT_NOUNS:
        return False  # "teach Irish through all classes": the language itself
    from nextround.analysis.skills import load_taxonomy

    taxonomy = load_taxonomy()
    skill_id = taxonomy.skill_id(word)
    return skill_id is not None and taxonomy.names[skill_id] == word and not taxonomy.is_technology(skill_id)


def _is_origin(word: str, following: str) -> bool:
    """A people's adjective ("Austrian", "Peruvian", "Balinese", "Cornish") before a lowercase word that is not about
    a language: where a style or an object comes from ("19th-century Austrian painting"), not a thing to name."""
    if not re.fullmatch(r"[A-Z][a-z]{3,}(?:ian|ean|ese|ish)", word) or not following[:1].islower():
        return False
    return following.lower() not in _LANGUAGE_USE and following.lower() not in _NOT_NOUNS


_VERSIONED: Final = re.compile(r"^\d{2,4}$")
_NUMBERED_KINDS: Final = frozenset(
    ["level", "grade", "class", "code", "category", "band", "unit", "section", "stage", "step", "part", "type",
     "tier", "phase", "module", "form", "year", "years", "room", "key", "week", "day", "page", "chapter", "cert",
     "certificate", "nvq", "zone", "route", "bus", "platform", "gate", "floor", "suite", "building", "block", "ward",
     "bay", "over", "under", "top", "fortune", "since", "from", "until", "to", "and", "the", "at", "min", "minimum"],
)  # fmt: skip
_KINDS_OF_SYSTEM: Final = frozenset(
    ["pms", "wms", "crm", "erp", "ats", "epos", "pos", "lms", "cms", "ehr", "emr", "epr", "hris", "tms", "cmms", "mrp",
     "dms", "bms"],
)  # fmt: skip
_STANDARD: Final = re.compile(r"\b(?:[A-Z]{2,4}\s+){1,3}(?P<number>\d{3,}(?:[-:.]\d+)*)")
_COURSE_CODE: Final = re.compile(r"(?<![\w£$€.,/-])(?P<code>\d{3,5})(?=\s+[A-Z])")
_OR_GROUP: Final = re.compile(r"\(([^()]*(?:\bor\b|/)[^()]*)\)")


def named_tokens(phrase: str, sentence: str = "") -> list[tuple[str, ...]]:
    """Things a phrase names, each as the spellings that count: acronyms, codes, product names
    ("HubSpot", "CCN1", "Xero"); a name inside a run of capitalised words also counts by the run's
    initials ("Social Work England" or "SWE")."""
    named: list[tuple[str, ...]] = []
    for standard in _STANDARD.finditer(phrase):
        named.append((standard.group("number"),))  # "BS EN ISO 9606-1": the number says which standard
    phrase = _STANDARD.sub(" ", phrase)
    for group in _OR_GROUP.finditer(phrase):
        # "(CapCut or Premiere Pro)": examples, any one of them names it
        inside = [spelling for forms in named_tokens(group.group(1)) for spelling in forms]
        if inside:
            named.append(tuple(inside))
    phrase = _OR_GROUP.sub(" ", phrase)
    for code in _COURSE_CODE.finditer(phrase):
        if not 1950 <= int(code.group("code")[:4]) <= 2099 or len(code.group("code")) != 4:
            named.append((code.group("code"),))  # "2391 Inspection and Testing", "Unit 301": a course code
    runs = _capital_runs(phrase)
    for run in runs:
        # "using Read Write Inc.", "on Meta Ads Manager": everyday words written as a name mid-sentence
        words = [word for word in run if word.lower() not in _JOINERS]
        if len(words) >= 2 and all(is_ordinary(word) and not word.isupper() for word in words):
            text = " ".join(run)
            if compiled(rf"\b[a-z][\w'-]*\s+{re.escape(text)}").search(sentence or phrase) and not _is_skill_name(text):
                number = compiled(rf"{re.escape(text)}\s+(\d+)\b").search(phrase)
                initials = "".join(word[0] for word in words).upper() + (number.group(1) if number else "")
                whole = compiled(rf"\b([A-Z][a-z]+)\s+(with|to|at|by|from)\s+{re.escape(text)}").search(phrase)
                if whole:
                    # "Working with Children Check": the name starts before the small word (WWCC, WCC)
                    full = [whole.group(1), *words]
                    spelled = whole.group(1)[0] + whole.group(2)[0] + initials
                    named.append((whole.group(0), spelled.upper(), "".join(word[0] for word in full).upper()))
                    continue
                # a two-word name may be shown by its last word ("the curriculum" for National Curriculum)
                named.append((text, initials, *(words[1:] if len(words) == 2 else [])))
    found = _WORD.findall(phrase)
    for position, word in enumerate(found):
        core = re.sub(r"['’]s$", "", word).rstrip(".'")
        if re.fullmatch(r"(?i)(?:under|over|aged|age)-?\d{1,2}s?", core):
            continue  # "under-5s", "over-60s": an age group, not a name
        if "-" in core and not any(char.isdigit() for char in core):
            # "post-NYSC", "PLC-controlled": the name is the part written as one
            named.extend((part,) for part in core.split("-") if part and _is_name(part) and part.isupper())
            continue
        spelling = _is_name(core)
        following = found[position + 1] if position + 1 < len(found) else ""
        previous = found[position - 1] if position else ""
        if spelling is None and re.fullmatch(r"\d{1,2}[a-z]{1,2}", core) and (previous.isupper() or previous == "and"):
            spelling = core  # "IPAF 3a and 3b": the categories of a ticket
        if (
            spelling is None
            and core[:1].isupper()
            and core.lower() not in _NUMBERED_KINDS
            and _VERSIONED.match(following)
        ):
            spelling = core  # "Sage 50", "Office 365": an everyday word with a version is a product
        if spelling is not None and (_is_style(core, following) or _is_origin(core, following)):
            continue  # "Arabic mezze", "Austrian painting": an adjective of a people naming a style, not a thing
        if spelling is None and core[:1].isupper() and following.isupper() and following.lower() in _KINDS_OF_SYSTEM:
            spelling = core  # "Opera PMS": an everyday word naming the product of a kind of system
        if spelling is None:
            continue
        if core.lower() in vendors() and (following[:1].isupper() or following[:1].isdigit()):
            if following.isdigit():
                named.append((core, following))  # "Sage 50", "Microsoft 365": the maker or the number names it
            continue  # "Adobe Illustrator", "Microsoft 365": the product is enough; "SAP" alone is the product
        starts = position == 0 and len(found) > 1 and found[1][:1].islower() and core[1:].islower()
        if (
            starts
            and not taxonomy_product(core)
            and not compiled(rf"\b[a-z][\w'-]*[\s,:]+{re.escape(word)}\b").search(sentence)
        ):
            # "Reconcile customer accounts": a capital that only starts the phrase; but "Experience with
            # Wella colour" writes it with a capital in mid-sentence
            continue
        forms = [spelling]
        if core.isupper() and len(core) <= 3 and previous[:1].isupper() and previous.lower() not in _JOINERS:
            forms.append(previous + core)  # "Access NI" is written "AccessNI" too: one name, spaced or joined
        for run in runs if not core.isupper() else ():
            if core in run and len(run) >= 2:
                forms.append("".join(part[0] for part in run if part.lower() not in _JOINERS).upper())
        named.append(tuple(forms))
    seen = {forms[0].lower() for forms in named}
    for product in _products(phrase):
        if product.lower() not in seen and product.lower() not in load_cues().generic_names:
            named.append((product,))
    return named


_ACT: Final = re.compile(r"((?:[A-Z][\w']+\s+)+)Act\b")


def acts(phrase: str) -> list[str]:
    """Laws a phrase names, without their year ("Housing Act 1988" -> "Housing Act")."""
    return [" ".join(found.group(1).split()) + " Act" for found in _ACT.finditer(phrase)]


def is_kind_of_system(word: str) -> bool:
    """ "PMS", "WMS", "CRM": a kind of system whose products are named before it ("Mews PMS")."""
    return word.lower() in _KINDS_OF_SYSTEM


_KIND_OF_PRODUCT: Final = re.compile(r"\b(?:software|systems?|records|platforms?|tools)\b", re.IGNORECASE)


def taxonomy_product(name: str) -> bool:
    """The taxonomy files the name as a technology, or under a kind of product ("Xero" under accounting
    software, "Epic" under electronic health records); "Venepuncture", filed under phlebotomy, is a skill."""
    from nextround.analysis.skills import load_taxonomy

    taxonomy = load_taxonomy()
    skill_id = taxonomy.skill_id(name)
    if skill_id is None:
        return False
    return taxonomy.is_technology(skill_id) or bool(_KIND_OF_PRODUCT.search(taxonomy.names[skill_id]))


def _is_skill_name(text: str) -> bool:
    """The taxonomy reads the whole text as a skill, not a product ("Health and Safety", "Social Care")."""
    from nextround.analysis.skills import extract_skills, load_taxonomy

    taxonomy = load_taxonomy()
    return any(
        mention.text.lower() == text.lower() and not taxonomy.is_technology(taxonomy.skill_id(mention.skill) or -1)
        for mention in extract_skills(text)
    )


def _products(phrase: str) -> list[str]:
    """Products the taxonomy knows, written with a capital ("Python", "Microsoft Excel" -> "Excel")."""
    from nextround.analysis.skills import extract_skills, load_taxonomy

    taxonomy = load_taxonomy()
    found = []
    for mention in extract_skills(phrase):
        skill_id = taxonomy.skill_id(mention.skill)
        words = mention.text.split()
        if skill_id is None or not taxonomy.is_technology(skill_id) or not words or not words[-1][:1].isupper():
            continue
        if mention.text.lower() == mention.skill.lower() or len(words) == 1:
            found.append(words[-1])
    return found


def capital_runs(text: str) -> list[list[str]]:
    """Runs of capitalised words, small joining words inside them ("Bay of Plenty", "Trinidad and Tobago")."""
    return _capital_runs(text)


def _capital_runs(text: str) -> list[list[str]]:
    runs: list[list[str]] = []
    current: list[str] = []
    for word in re.findall(r"[A-Za-z&]+", text):
        if word[0].isupper() or (current and word.lower() in _JOINERS):
            current.append(word)
            continue
        if current:
            runs.append(current)
        current = []
    if current:
        runs.append(current)
    trimmed = []
    for run in runs:
        while run and run[-1].lower() in _JOINERS:
            run = run[:-1]
        if run:
            trimmed.append(run)
    return trimmed


def _initials_spell(words: list[str], acronym: str) -> bool:
    letters = "".join(word[0] for word in words if word.lower() not in _JOINERS)
    capitals = "".join(char for char in acronym if char.isupper())  # "GPhC" is spelled by its capitals
    return letters.lower() in {acronym.lower(), capitals.lower()}


_SMALL_WORDS: Final = _JOINERS | {"de", "la", "du", "di", "des", "von", "van", "to", "a"}


def _initials_from(words: list[str], start: int, letters: str) -> bool:
    """Whether words[start:] begin with words whose initials are `letters` (small words optional)."""
    if not letters:
        return True
    if start >= len(words):
        return False
    word = words[start]
    counts = len(word) >= 3 or word in _SMALL_WORDS
    if word[0] == letters[0] and counts and _initials_from(words, start + 1, letters[1:]):
        return True
    return word in _SMALL_WORDS and _initials_from(words, start + 1, letters)


_DIGIT_WORDS: Final = dict(
    zip("23456789", ["two", "three", "four", "five", "six", "seven", "eight", "nine"], strict=True)
)


def _squashed(text: str) -> str:
    return re.sub(r"[^a-z0-9+]", "", text.lower())


# "Sales and Service Cloud", "Sales, Service & Marketing Cloud": names sharing the last capitalised word
_SHARED_HEAD: Final = re.compile(
    r"\b((?:[A-Z][\w-]+\s*(?:,|&|/|\band\b)\s*)+[A-Z][\w-]+)\s+([A-Z][\w-]+)\b(?!\s+[A-Z])"
)


@dataclass
class NamedIndex:
    """The CV's words, for asking whether it names a thing."""

    words: set[str]
    lowered: str
    capital_runs: list[list[str]]
    lines: list[list[str]] = field(default_factory=list)  # each line's words, lower case, for initials
    squashed: set[str] = field(default_factory=set)  # words without their dots and hyphens ("GlobalGAP")
    raw: list[str] = field(default_factory=list)  # the lines as written

    @classmethod
    def of(cls, text: str) -> NamedIndex:
        words = {word.lower().rstrip(".'") for word in _WORD.findall(text)}
        words |= {word[:-1] for word in words if word.endswith("s") and len(word) > 2}
        # "BOSIET with CA-EBS" names CA and EBS, as an ask cuts it at its hyphen ("post-NYSC"); "Amsterdam-Rhine"
        # names no Rhine of its own
        words |= {
            part.lower()
            for word in _WORD.findall(text)
            if "-" in word
            for part in word.split("-")
            if len(part) >= 2 and part.isupper()
        }
        # "scRNA-seq", "mRNA", "qPCR": a variant's small prefix before the method's capitals names the method too
        words |= {
            found.group(1).lower()
            for word in _WORD.findall(text)
            if (found := re.match(r"[a-z]{1,3}([A-Z]{2,})(?=-|$)", word)) is not None and not word.startswith("i")
        }
        runs = [run for line in text.splitlines() for run in _capital_runs(line)]
        lines = [re.findall(r"[a-z]+", line.lower()) for line in text.splitlines()]
        squashed = {_squashed(word) for word in re.findall(r"\S+", text)} - {""}
        # "Dataloader.io", "Salesforce.com": the name before a web suffix is the product's name
        squashed |= {
            _squashed(found) for found in re.findall(r"\b([A-Za-z][\w-]{2,})\.(?:io|com|ai|app|net|org)\b", text)
        }
        for line in text.splitlines():
            parts = re.findall(r"[A-Za-z0-9+]+", line)
            # "Serv Safe" for ServSafe: two capitalised words written apart ("work day" is not Workday)
            pairs = itertools.pairwise(parts)
            squashed |= {_squashed(left + right) for left, right in pairs if left[:1].isupper() and right[:1].isupper()}
        # "Sales and Service Cloud" names Sales Cloud and Service Cloud: a head shared by two capitalised names
        shared = [
            f"{left} {head}"
            for line in text.splitlines()
            for names, head in _SHARED_HEAD.findall(line)
            for left in re.split(r"\s*(?:,|\band\b|&|/)\s*", names)
            if left
        ]
        lowered = " ".join(text.lower().split()) + "".join(f" | {name.lower()}" for name in shared)
        return cls(words, lowered, runs, lines, squashed, text.splitlines())

    def spells_out(self, acronym: str) -> bool:
        """Some words of one CV line have the acronym's letters as initials, in any case, small words
        counted or skipped: "chef de partie" for CDP, "good laboratory practice" for GLP; a digit is its
        word ("four-wheel drive" for 4WD). Two letters are too easily met by chance ("translate service"
        is not TS)."""
        letters = acronym.lower()
        if not letters.isalnum() or not 3 <= len(letters) <= 6 or (letters[0].isdigit() and len(letters) < 3):
            return False
        if any(char.isdigit() for char in letters):
            return self._spells_with_numbers(letters)
        for words in self.lines:
            for start, word in enumerate(words):
                if word[0] == letters[0] and len(word) >= 3 and _initials_from(words, start, letters):
                    return True
        return False

    def _spells_with_numbers(self, letters: str) -> bool:
        wanted = [_DIGIT_WORDS.get(char, char) for char in letters]
        if any(char.isdigit() for char in wanted):
            return False
        for words in self.lines:
            for start in range(len(words) - len(wanted) + 1):
                window = words[start : start + len(wanted)]
                if all(
                    word == part if len(part) > 1 else word[0] == part
                    for word, part in zip(window, wanted, strict=True)
                ):
                    return True
        return False

    def names(self, token: str) -> bool:
        lowered = token.lower()
        if lowered in self.words or lowered.rstrip("s") in self.words:
            return True
        if len(_squashed(lowered)) >= 3 and _squashed(lowered) in self.squashed:
            return True  # "GlobalG.A.P." is "GlobalGAP"
        if any(alias in self.words for alias in _product_aliases().get(lowered, ())):
            return True  # a listed one-word alias of the product ("Mongo" for MongoDB)
        signature = _signatures().get(lowered)
        if signature is not None and signature.search(self.lowered):
            return True  # "PromQL alerts" names Prometheus, "pivot tables and VLOOKUP" Excel ([signatures])
        if len(lowered) >= 6 and any(_short_form(word, token) for word in self.words):
            return True  # "Postgres" names PostgreSQL
        if (
            len(lowered) >= 5
            and lowered.isalpha()
            and any(word.endswith(lowered) and len(word) <= len(lowered) + 3 for word in self.words)
        ):
            return True  # a prefix of its own language: "Kiswahili" names Swahili
        for short, expansions in load_cues().abbreviations.items():
            if lowered in expansions and short in self.words and len(short) >= 2:
                return True  # "Western Australian" by "(WA)": the short form of a place or body the cue file lists
        both = re.split(r"\s+(?:and|&)\s+", lowered)
        if len(both) == 2 and all(" " in part for part in both):
            return all(self.names(part) for part in both)  # "Sales Cloud and Service Cloud": each by itself
        if " " in lowered or "+" in lowered or "/" in lowered or (lowered[:1].isdigit() and "-" in lowered):
            return lowered in self.lowered
        for expansion in load_cues().abbreviations.get(lowered, ()):
            if expansion in self.lowered:
                return True
        if (token.isupper() or re.fullmatch(r"\d[A-Z]{2,}", token)) and self.spells_out(token):
            return True
        if re.fullmatch(r"[a-z][A-Z]{2,}", token) and re.search(rf"\b[a-z][\w-]+\s+{token[1:]}\b", " ".join(self.raw)):
            return True  # "qPCR" by "real-time PCR": a variant of a method, named by the method and its kind
        capitals = sum(1 for char in token if char.isupper())
        if capitals >= 2 and token[0].isupper() and capitals * 2 >= sum(1 for char in token if char.isalpha()):
            # "GPhC" by "General Pharmaceutical Council"; a product written in CamelCase ("PolicyCenter") is
            # not spelled out by any two words that start with its capitals ("Property and Casualty")
            for run in self.capital_runs:
                trimmed = [word for word in run if word.lower() not in _JOINERS]
                for size in {len(token), sum(1 for char in token if char.isupper())}:
                    for start in range(len(trimmed)):
                        window = trimmed[start : start + size]
                        if len(window) == size and _initials_spell(window, token):
                            return True
        return False

    def expands_to(self, word: str) -> bool:
        """The CV uses a short form whose spelled-out form is `word` ("digi" for "digital")."""
        lowered = word.lower()
        return any(
            key in self.words and any(lowered in expansion.split() for expansion in expansions)
            for key, expansions in load_cues().abbreviations.items()
        )

    def names_rest_of(self, phrase: str, token: str) -> bool:
        """The CV names the product that follows a family name ("Civil 3D" for "AutoCAD Civil 3D")."""
        found = re.search(rf"\b{re.escape(token)}\s+((?:[A-Z0-9][\w.+-]*\s*){{1,3}})", phrase)
        if found is None:
            return False
        rest = " ".join(found.group(1).split())
        if " " not in rest and not any(char.isdigit() for char in rest):
            return False  # one everyday word ("Google Ads") is not a product of its own
        if not any(char.isalpha() for char in rest):
            return False  # a bare version ("Dynamics 365" is not "Microsoft 365")
        return bool(re.search(rf"(?<!\w){re.escape(rest.lower())}(?!\w)", self.lowered))

    def names_any(self, spellings: Iterable[str]) -> bool:
        return any(self.names(spelling) for spelling in spellings)


# -- years --------------------------------------------------------------------------------------

_RANGE: Final = re.compile(
    r"(?:\bsince\s+(?:[A-Za-z]{3,9}\.?\s+)?(?P<since>(?:19|20)\d\d)\b)|"
    r"(?P<start>(?:19|20)\d\d)\s*(?:-|–|—|to|until|till)\s*(?:[A-Za-z]{3,9}\.?\s+|\d{1,2}\s*/\s*)?"
    r"(?:(?P<end>(?:19|20)\d\d)|(?P<short>\d\d)(?![\d/.:])|(?P<now>(?:(?:till|to|until)\s+)?(?:present|current|now|today|date"
    r"|ongoing)))"
    r"|(?P<onwards>(?:19|20)\d\d)\s+(?:onwards|on)\b",
    re.IGNORECASE,
)
# "Chef with 6 years' experience", "(2 yrs)": a span the CV states instead of dating it
_STATED: Final = re.compile(
    r"\b(?P<years>\d{1,2})\+?\s*(?:years?|yrs?)['’]?\s*(?:of\s+)?(?:experience|exp\b|\)|in\s|as\s|working)",
    re.IGNORECASE,
)


def dated_span(line: str) -> bool:
    """The line gives a span of years ("2019 - present", "June 2023 - March 2026", "since 2020")."""
    return _RANGE.search(line) is not None


def career_years(cv: str, reference_year: int | None = None) -> float | None:
    """Years covered by the CV's dated roles (overlaps counted once), or None without dates.

    "2019 - present" ends in `reference_year` (this year, passed by the caller), or in the CV's latest
    written year when that is later or no reference is given."""
    spans = []
    years = [int(year) for year in re.findall(r"\b(?:19|20)\d\d\b", cv)]
    latest = max([*years, reference_year or 0])
    for match in _RANGE.finditer(cv):
        begin = int(match.group("start") or match.group("since") or match.group("onwards"))  # "since 2019": to now
        if match.group("end"):
            end = int(match.group("end"))
        elif match.group("short"):
            end = begin // 100 * 100 + int(match.group("short"))  # "2020-24"
        else:
            end = max(latest, begin)
        if end >= begin:
            spans.append((begin, max(end, begin)))
    stated = max((float(found.group("years")) for found in _STATED.finditer(cv)), default=0.0)
    if not spans:
        return stated or None
    spans.sort()
    total, current_start, current_end = 0, spans[0][0], spans[0][1]
    for begin, end in spans[1:]:
        if begin > current_end:
            total += current_end - current_start
            current_start, current_end = begin, end
        else:
            current_end = max(current_end, end)
    total += current_end - current_start
    return max(float(max(total, 0)), stated)
