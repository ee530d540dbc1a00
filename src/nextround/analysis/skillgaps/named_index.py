"""The CV's index of names (:class:`NamedIndex`): whether a CV names a thing, literally, by a known short form or
alias, by the words that only name that product, or spelled out ("General Dental Council" for GDC).

What a requirement names, and the other exact checks, are in :mod:`.exact`, which also exports this index.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Final

from nextround.analysis.skillgaps.cues import cue_data, load_cues

_WORD: Final = re.compile(r"[A-Za-z][A-Za-z0-9&+'.-]*[A-Za-z0-9+]|[A-Za-z0-9]{2,}")
_JOINERS: Final = frozenset({"and", "of", "for", "the", "&", "in", "on"})


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
