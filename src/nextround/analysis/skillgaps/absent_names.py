"""Which of the names an ask writes are names a CV must repeat, and which the CV shows in other words.

The evidence head's `named_absent` feature (the share of the ask's names the CV never writes) made a gap of many
asks the CV shows (the seen files' "shown, learned" false gaps, session 22): an ask that gives its names as examples
("INSZoom or a similar system", "or in a comparable position"); a family or maker written before the member the CV
names ("ARM Cortex-M" by "Cortex-M7", "Toyota Land Cruiser" by "Land Cruiser"); initials the CV spells out before the
same head noun ("NDPS register" by "narcotic drugs register", "T&A calendar" by "time and action calendar"); a
country by its people's adjective ("Australia" by "Australian citizen"), a region by the places inside it ("Asian
cuisine" by "Filipino, Indian and Chinese crews") or a place by its other name ("Ceylon" by "Sri Lanka"); days and
months ("Saturdays", "June"), which are no names; and English, which a CV written in English shows.

Initials written as the kind of a plain noun of work ("handle ASD tugs", "place IV catheters") are not shown by the
CV's words, but the work on that thing may be: `initials_as_kind` gives the rest of the ask for the meaning checks.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from typing import Final

from nextround.analysis.skillgaps.cues import cue_data
from nextround.analysis.skillgaps.evidence import content_words
from nextround.analysis.skillgaps.exact import NamedIndex
from nextround.analysis.skillgaps.places import region_members

# the ask's names are examples of a kind: "INSZoom or a similar case management system", "Messebauer or similar",
# "Officer II or in a comparable position", "IAHIP or another PSI-recognised body"
_EXAMPLES_ONLY: Final = re.compile(
    r"\b(?:or|ou)\s+(?:in\s+)?(?:an?\s+|any\s+)?(?:similar|equivalent|comparable|another|other|équivalente?)\b",
    re.IGNORECASE,
)
_TIME_WORDS: Final = frozenset(
    ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march",
     "april", "june", "july", "august", "september", "october", "november", "december"],
)  # fmt: skip
_SMALL: Final = frozenset(["and", "of", "&", "the", "for", "in"])
# a CV written in English: these words are frequent in any English text and rare in others
_ENGLISH: Final = re.compile(r"\b(?:the|and|with|for|of)\b", re.IGNORECASE)


def names_that_count(text: str, named: Sequence[tuple[str, ...]]) -> list[tuple[str, ...]]:
    """The ask's names less those no CV has to write: none when the ask gives them as examples of a kind, and never
    a day or a month."""
    if _EXAMPLES_ONLY.search(text):
        return []
    return [spellings for spellings in named if spellings[0].lower().rstrip("s") not in _TIME_WORDS]


def shown_otherwise(name: str, text: str, cv: NamedIndex) -> bool:
    """The CV shows the named thing without writing the name (see the module's docstring)."""
    return (
        _member_named(name, text, cv)
        or _initials_before_head(name, text, cv)
        or _people_of(name, cv)
        or cv.names_any(region_members(name, text))
        or cv.names_any(_other_place_names(name))
        or (name == "English" and _written_in_english(cv))
    )


def initials_as_kind(name: str, text: str) -> str | None:
    """The ask less its initials, when they are written before a plain noun of the work and say which kind of the
    thing it is ("handle ASD tugs in ship-assist", "Cannulation of AV fistulas"), and the rest of the ask is not a
    credential, rule book or system they would name ([initials_as_kind] point_words: "CIH certificate"). Not when
    the initials follow another capitalised word ("SAP HCM payroll": a longer name) or join the noun by a hyphen
    ("SGX-listed": who lists, approves or guides it is a condition, not a kind)."""
    if not _INITIALS.fullmatch(name):
        return None
    written = re.search(rf"(?<![\w/&+-]){re.escape(name)}s?\s+[a-z]", text)
    if written is None or _in_longer_name(name, text):
        return None
    rest = " ".join(re.sub(rf"(?<![\w-]){re.escape(name)}s?(?![\w-])", " ", text).split())
    words = content_words(rest)
    if len(words) < 2 or any(_point_word(word) for word in words):
        return None
    return rest


_INITIALS: Final = re.compile(r"[A-Z]{2,6}")


def _in_longer_name(name: str, text: str) -> bool:
    """A capitalised word before the initials makes them part of a longer name ("SAP HCM payroll"), unless it is the
    ask's first word in its ordinary capital ("Supervise RCC works")."""
    for found in re.finditer(rf"([A-Z][\w&+-]*)\s+{re.escape(name)}\b", text):
        word = found.group(1)
        if found.start() > 0 or any(char.isupper() for char in word[1:]):
            return True
    return False


@lru_cache(maxsize=1)
def _point_words() -> frozenset[str]:
    return frozenset(word.lower() for word in cue_data()["initials_as_kind"]["point_words"])


def _point_word(word: str) -> bool:
    return word in _point_words() or word.removesuffix("s") in _point_words()


def _member_named(name: str, text: str, cv: NamedIndex) -> bool:
    """The ask writes a family or maker before a member the CV names: "Toyota Land Cruiser" by "Land Cruiser", "ARM
    Cortex-M" by "Cortex-M7", "LSEG World-Check One" by "World-Check" (a member of a series as a word's start)."""
    if cv.names_rest_of(text, name):
        return True
    found = re.search(rf"(?<![\w-]){re.escape(name)}\s+([A-Z][\w]*-[\w-]+)", text)
    if found is None:
        return False
    member = found.group(1).lower()
    return any(word.startswith(member) for word in cv.words)


def _initials_before_head(name: str, text: str, cv: NamedIndex) -> bool:
    """Initials written before a head noun, spelled out before the same noun on a CV line ("NDPS register" by
    "narcotic drugs register", "T&A calendar" by "time and action calendar", "DB boards" by "distribution boards"):
    the words' initials begin the initials, within two words of the head. The head is what makes it safe: two
    letters alone are met by chance."""
    letters = re.sub(r"[^a-z]", "", name.lower())
    found = re.search(rf"(?<![\w-]){re.escape(name)}s?\s+([a-z]{{3,}})", text)
    if len(letters) < 2 or found is None or not name.replace("&", "").isupper():
        return False
    head = found.group(1).rstrip("s")
    for words in cv.lines:
        for end, word in enumerate(words):
            if word.rstrip("s") != head:
                continue
            for stop in range(max(0, end - 2), end + 1):
                if _initials_end_at(words, stop, letters, head):
                    return True
    return False


def _initials_end_at(words: Sequence[str], stop: int, letters: str, head: str) -> bool:
    """The content words just before `stop` have initials that begin `letters`: two letters or more, or one when the
    head itself gives the next letter ("distribution boards" for DB)."""
    initials = ""
    for word in reversed(words[:stop]):
        if word in _SMALL:
            continue
        initials = word[0] + initials
        if len(initials) > len(letters):
            return False
        if letters.startswith(initials) and (len(initials) >= 2 or (len(letters) == 2 and letters[1] == head[0])):
            return True
    return False


def _people_of(name: str, cv: NamedIndex) -> bool:
    """A country named by its people's adjective: "Australia" by "Australian", "Kenya" by "Kenyan"."""
    lowered = name.lower()
    if len(lowered) < 4 or not lowered.isalpha():
        return False
    return any(lowered + ending in cv.words for ending in ("n", "an", "ian", "ese", "i"))


@lru_cache(maxsize=1)
def _other_names_of_places() -> dict[str, tuple[str, ...]]:
    """([place_other_names] in ``match_cues.toml``) a place's earlier or other names, each with all the others."""
    table: dict[str, tuple[str, ...]] = {}
    for group in cue_data().get("place_other_names", {}).get("groups", []):
        for name in group:
            table[name] = tuple(other for other in group if other != name)
    return table


def _other_place_names(name: str) -> tuple[str, ...]:
    return _other_names_of_places().get(name.lower(), ())


def _written_in_english(cv: NamedIndex) -> bool:
    return len(_ENGLISH.findall(cv.lowered)) >= 8
