"""An ask's other name in brackets, written out in the CV: "Valid food handler card (carnet de manipulador de
alimentos)" is shown by "Carné de manipulador de alimentos", "Bachelor's degree in Physical Education (Bacharelado
em Educação Física)" by the Brazilian degree itself, "Working with Children Check (Blue Card)" by "I hold a Blue
Card". The bracket names the very thing asked, often in the country's own language, which neither the vectors nor
the English word checks read; a CV line with all of its words names it.

A bracket that qualifies the ask rather than naming it is left alone: figures ("(minimum 8 hours)", "(Class 1)"),
alternatives and examples ("(Tajima or Barudan)", "(e.g. Xero)", lists with commas) and wishes ("(preferred)").
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from collections.abc import Sequence
from functools import lru_cache
from importlib.resources import files
from typing import Final

from nextround.analysis.skillgaps.cues import CUES_RESOURCE
from nextround.analysis.skillgaps.kinds import kind_line

_BRACKET: Final = re.compile(r"\(([^()]*)\)")
_QUALIFIER: Final = re.compile(
    r"\b(?:or|e\.?g|i\.?e|such|including|like|etc|minimum|min|maximum|least|most|preferred|preferably|ideally|"
    r"desirable|essential|required|mandatory|higher|above|below|equivalent|similar|plus|per|hours?|years?|months?|"
    r"level|grade|class|category|categories|type|we|you|your|our|us|will|can|must|should|not|only|optional|"
    r"advantage|bonus|asset|nice|for)\b",
    re.IGNORECASE,
)
# function words of English and the languages such brackets are written in (Spanish, Portuguese, French, Italian,
# German, Dutch): they say nothing of what is held
# a body that issues or registers it ("(Yoga Alliance)", "(EPA Ghana)", "(Ministry of Forests)") names who, not what
_BODY: Final = re.compile(
    r"\b(?:(?i:association|alliance|board|agency|ministry|council|authority|society|institute|commission"
    r"|department|federation|union|college|university|academy)|[A-Z]{2,}\s+[A-Z][a-z]+)\b"
)
# the ask outside the bracket names a grade or a code of its own ("RYT-500 (Yoga Alliance)", "PTS (Personal Track
# Safety) with AC endorsement"), or adds a condition after it ("Matric (National Senior Certificate) with Mathematics")
_OWN_CODE: Final = re.compile(r"\d|\b[A-Z]{2,}\b")
_CONDITION_AFTER: Final = re.compile(r"^\s*(?:with|in|at|including|for|from)\b", re.IGNORECASE)
_SMALL: Final = frozenset(
    ["a", "an", "and", "the", "of", "in", "on", "for", "to", "with", "by", "at", "as", "from", "de", "del", "la", "las",
     "los", "el", "em", "da", "do", "das", "dos", "des", "du", "le", "les", "et", "en", "di", "della", "il", "der",
     "die", "und", "von", "zu", "für", "mit", "im", "am", "van", "het", "een", "voor"]
)  # fmt: skip
_WORD: Final = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")


def _fold(text: str) -> str:
    """Lower case without accents: "Educação Física" and "educacao fisica" are one spelling."""
    return "".join(c for c in unicodedata.normalize("NFKD", text.lower()) if not unicodedata.combining(c))


def _same_word(asked: str, held: str) -> bool:
    """One word in two spellings: "carnet" and "carné", "certificado" and "certificados" (not "transtibial" and
    "transfemoral", nor "master" and "Masterton")."""
    if asked == held:
        return True
    pairs = enumerate(zip(asked, held, strict=False))
    shared = next((at for at, (a, b) in pairs if a != b), min(len(asked), len(held)))
    return shared >= 4 and shared >= max(len(asked), len(held)) - 2


def _name_like(words: Sequence[str]) -> bool:
    """A name ("Blue Card", "formation HACCP") or words of another language ("carnet de manipulador"), not an
    English description of the ask ("(spoken and written)", "(fit to load)")."""
    from nextround.analysis.skillgaps.evidence import _label_counts

    if any(word[0].isupper() for word in words):
        return True
    counts = _label_counts()[0]
    return sum(counts.get(_fold(word), 0) == 0 for word in words) * 2 >= len(words)


def other_names(ask: str) -> list[list[str]]:
    """The bracketed other names of an ask, each as its content words (two or more, lower case, no accents)."""
    names = []
    for found in _BRACKET.finditer(ask):
        inner, outside = found.group(1), ask[: found.start()] + " " + ask[found.end() :]
        if re.search(r"[\d,;:/%]", inner) or _QUALIFIER.search(inner) or _BODY.search(inner):
            continue
        if _OWN_CODE.search(outside) or _CONDITION_AFTER.search(ask[found.end() :]):
            continue
        words = [word for word in _WORD.findall(inner) if _fold(word) not in _SMALL and len(word) > 2]
        if len(words) >= 2 and _name_like(words):
            names.append([_fold(word) for word in words])
    return names


# an ask that is more than the name ("Digital tachograph card", "Own forklift licence") is met by another name only
# when at most this many other words come with it
_MOST_OTHER_WORDS: Final = 3


@lru_cache(maxsize=1)
def _name_groups() -> tuple[tuple[re.Pattern[str], ...], ...]:
    """The names of one thing, each as a pattern over folded text ([other_names] in ``match_cues.toml``)."""
    data = tomllib.loads(files("nextround.data").joinpath(CUES_RESOURCE).read_text(encoding="utf-8"))
    return tuple(
        tuple(re.compile(rf"(?<![\w-]){re.escape(name)}(?:s|es)?(?![\w-])") for name in group)
        for group in data.get("other_names", {}).get("groups", [])
    )


def known_name_line(ask: str, cv_lines: Sequence[str]) -> str | None:
    """The first CV line naming the thing the ask names by another of its names ("Fahrerkarte" for "digital
    tachograph card", "overlock" for "serger"), when no CV line writes the ask's own name."""
    asked = _fold(ask)
    folded = [_fold(line) for line in cv_lines]
    for group in _name_groups():
        own = [name for name in group if name.search(asked)]
        if not own or any(name.search(line) for name in own for line in folded):
            continue
        rest = [word for word in _WORD.findall(own[0].sub(" ", asked)) if word not in _SMALL and len(word) > 2]
        if len(rest) > _MOST_OTHER_WORDS:
            continue  # "operating a mini excavator, holding a CPCS card for it": the name is one part of the ask
        for line, text in zip(cv_lines, folded, strict=True):
            if any(name.search(text) for name in group if name not in own):
                return line.strip()
    return None


def other_name_line(ask: str, cv_lines: Sequence[str]) -> str | None:
    """The first CV line that writes every content word of one of the ask's bracketed other names, or another known
    name of the thing asked (``known_name_line``), or, for an ask of a kind of tool ("CAT tools such as memoQ"), that
    names a product of the kind (:mod:`kinds`)."""
    names = other_names(ask)
    if not names:
        return known_name_line(ask, cv_lines) or kind_line(ask, cv_lines)
    for line in cv_lines:
        held = set(_WORD.findall(_fold(line)))
        if any(all(any(_same_word(word, have) for have in held) for word in name) for name in names):
            return line.strip()
    return known_name_line(ask, cv_lines) or kind_line(ask, cv_lines)
