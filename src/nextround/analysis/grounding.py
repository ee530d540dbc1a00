"""Checks that what a language model says rests on the user's own text: quotes occur in it, and a rewrite
brings in no number the user did not give (a placeholder such as "[X%]" is how it asks for one).

Pure functions: the AI coach (services.ai_coach) drops what fails them and says so.
"""

from __future__ import annotations

import re
import unicodedata

_PLACEHOLDER = re.compile(r"\[[^\[\]]{0,40}\]")
_DIGITS = re.compile(r"\d+(?:[.,]\d+)*")
_WORD = re.compile(r"[a-z]+")
_ELLIPSIS = re.compile(r"\s*(?:\.\.\.|…)\s*")
_QUOTE_EDGES = "\"'“”‘’«»`*-–— .,;:!?…"
_PUNCT_MAP = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "–": "-", "—": "-", "\u00a0": " "})
# Number words a rewrite could slip in. "one" is left out: it is mostly not a quantity ("the one change").
_UNITS = {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "thousand": 1000, "million": 1_000_000,
    "half": 0.5, "double": 2, "twice": 2, "triple": 3, "dozen": 12,
}  # fmt: skip
MIN_QUOTE_CHARS = 4


def normalise(text: str) -> str:
    """Lower case, one kind of quote mark and dash, single spaces: how quotes are compared."""
    folded = unicodedata.normalize("NFKC", text).translate(_PUNCT_MAP).lower()
    return " ".join(folded.split())


def quote_occurs(quote: str, source: str) -> bool:
    """Whether `quote` is in `source` (whitespace, case and quote marks aside); "..." may skip text between parts."""
    parts = [normalise(part).strip(_QUOTE_EDGES) for part in _ELLIPSIS.split(quote)]
    parts = [part for part in parts if part]
    if not parts or sum(len(part) for part in parts) < MIN_QUOTE_CHARS:
        return False
    haystack = normalise(source)
    position = 0
    for part in parts:
        found = haystack.find(part, position)
        if found < 0:
            return False
        position = found + len(part)
    return True


def _values(text: str) -> set[float]:
    """The quantities a text states, in digits or in words (placeholders in brackets left out)."""
    text = _PLACEHOLDER.sub(" ", normalise(text))
    values: set[float] = set()
    for match in _DIGITS.findall(text):
        cleaned = match.replace(",", "") if re.fullmatch(r"\d{1,3}(,\d{3})+", match) else match.replace(",", ".")
        try:
            values.add(float(cleaned))
        except ValueError:
            continue
    values.update(_word_values(_WORD.findall(text)))
    return values


def _word_values(tokens: list[str]) -> set[float]:
    """Number words, alone and combined ("forty five" is 45 as well as 40 and 5)."""
    values: set[float] = set()
    total = 0.0
    for token in [*tokens, ""]:
        value = _UNITS.get(token)
        if value is None:
            if total:
                values.add(total)
            total = 0.0
            continue
        values.add(float(value))
        total = total * value if value >= 100 and total else total + value
    return values


def new_numbers(rewrite: str, source: str) -> list[str]:
    """The numbers in `rewrite` that `source` does not state, as written in the rewrite."""
    known = _values(source)
    text = _PLACEHOLDER.sub(" ", normalise(rewrite))
    found = [m for m in _DIGITS.findall(text) if not (_values(m) <= known)]
    found += [w for w in _WORD.findall(text) if w in _UNITS and _UNITS[w] not in known]
    return list(dict.fromkeys(found))
