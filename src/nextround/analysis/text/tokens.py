"""Words: one tokenizer for every analyser, offsets kept so evidence can quote the input."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

from nextround.analysis.text.stemming import stem

__all__ = ["WORD_RE", "Word", "normalise", "word_spans", "words"]

# Curly quotes and non-breaking spaces become their plain forms, one character for one, so offsets survive.
_PLAIN: Final = str.maketrans({"’": "'", "‘": "'", "`": "'", "“": '"', "”": '"', "\u00a0": " "})
# A number ("4.7", "30%", "9:30") or a word with inner apostrophes and hyphens ("wasn't", "follow-up").
WORD_RE: Final = re.compile(r"\d+(?:[.,:]\d+)*%?|[^\W\d_]+(?:['\-][^\W\d_]+)*")


@dataclass(frozen=True, slots=True)
class Word:
    """One word of the input and where it sits."""

    text: str
    start: int
    end: int

    @property
    def lower(self) -> str:
        return self.text.lower()

    @property
    def stem(self) -> str:
        return stem(self.text)


def normalise(text: str) -> str:
    """Plain apostrophes, quotes and spaces; the result has the same length as the input."""
    return text.translate(_PLAIN)


def words(text: str) -> list[str]:
    """The words of ``text`` as written (numbers included)."""
    return WORD_RE.findall(normalise(text))


def word_spans(text: str, start: int = 0, end: int | None = None) -> list[Word]:
    """The words of ``text[start:end]`` with offsets into ``text``."""
    plain = normalise(text)
    stop = len(plain) if end is None else end
    return [Word(found.group(), found.start(), found.end()) for found in WORD_RE.finditer(plain, start, stop)]
