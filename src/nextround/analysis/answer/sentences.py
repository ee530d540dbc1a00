"""Text basics for answers: normalising, words, a light stemmer and the sentence splitter."""

from __future__ import annotations

import re
from typing import Final

from nextround.analysis.answer.lexicon import lexicon
from nextround.analysis.answer.model import RUN_ON_WORDS_TRANSCRIPT, RUN_ON_WORDS_WRITTEN

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "“": '"', "”": '"', "\u00a0": " "})
_WORD_RE: Final = re.compile(r"\d+(?:[.,:]\d+)*%?|[^\W\d_]+(?:['\-][^\W\d_]+)*")
_SUFFIXES: Final = (
    "ational",
    "ations",
    "ation",
    "ments",
    "ment",
    "ingly",
    "ings",
    "ing",
    "edly",
    "ies",
    "ied",
    "ers",
    "er",
    "ed",
    "es",
    "ly",
    "s",
)


def normalise(text: str) -> str:
    return text.translate(_APOSTROPHES)


def words(text: str) -> list[str]:
    return _WORD_RE.findall(text)


def stem(word: str) -> str:
    """A light, predictable stemmer: enough to match "organised"/"organising" and "customer(s)"."""
    stemmed = word.lower()
    if stemmed.endswith("'s"):
        stemmed = stemmed[:-2]
    stemmed = lexicon().irregular_base.get(stemmed, stemmed)
    if len(stemmed) <= 3 or not stemmed.isalpha():
        return stemmed
    for suffix in _SUFFIXES:
        if not stemmed.endswith(suffix) or len(stemmed) - len(suffix) < 3:
            continue
        if suffix == "s" and stemmed[-2] in "sui":  # "process", "status", "analysis" keep their s
            break
        stemmed = stemmed[:-3] + "y" if suffix in ("ies", "ied") else stemmed[: -len(suffix)]
        break
    if len(stemmed) > 4 and stemmed[-1] == stemmed[-2] and stemmed[-1] not in "lsfz":
        stemmed = stemmed[:-1]  # "planned" -> "plan"
    if len(stemmed) > 3 and stemmed.endswith("e"):
        stemmed = stemmed[:-1]  # "decide" and "decided" meet at "decid"
    return stemmed


# --------------------------------------------------------------------------------------------------
# Sentences
# --------------------------------------------------------------------------------------------------

_TERMINATOR_RE: Final = re.compile(r"([.!?…。！？]+)([\"')\]]*)(?=\s|$)")
BULLET_RE: Final = re.compile(r"^\s*(?:[-*•·–]|\d{1,2}[.)])\s+")


def split_sentences(text: str) -> list[str]:
    """Split an answer into sentences.

    Handles abbreviations ("Dr.", "e.g."), decimals ("4.7"), bullet lists and speech transcripts
    without punctuation, which are cut at discourse markers ("and then", "so I") once they run long.
    """
    text = normalise(text).strip()
    if not text:
        return []
    has_capitals = any(char.isupper() for char in text)
    stops = len(_TERMINATOR_RE.findall(text))
    is_transcript = stops * 40 < len(text.split())
    limit = RUN_ON_WORDS_TRANSCRIPT if is_transcript else RUN_ON_WORDS_WRITTEN
    sentences: list[str] = []
    for chunk in _chunks(text):
        for sentence in _split_chunk(chunk, has_capitals):
            sentences.extend(_split_run_on(sentence, limit))
    return [sentence for sentence in sentences if words(sentence)]


def _chunks(text: str) -> list[str]:
    """Lines joined back into paragraphs; a break counts when a line ends a sentence or starts a bullet."""
    chunks: list[str] = []
    current: list[str] = []
    for raw_line in text.splitlines():
        is_bullet = bool(BULLET_RE.match(raw_line))
        line = BULLET_RE.sub("", raw_line).strip()
        if not line:
            if current:
                chunks.append(" ".join(current))
                current = []
            continue
        if current and (is_bullet or current[-1][-1] in ".!?:;…"):
            chunks.append(" ".join(current))
            current = []
        current.append(line)
    if current:
        chunks.append(" ".join(current))
    return chunks


def _split_chunk(chunk: str, has_capitals: bool) -> list[str]:
    pieces: list[str] = []
    start = 0
    for match in _TERMINATOR_RE.finditer(chunk):
        end = match.end()
        if _is_sentence_end(chunk, match, has_capitals):
            pieces.append(chunk[start:end].strip())
            start = end
    if chunk[start:].strip():
        pieces.append(chunk[start:].strip())
    return pieces


def _is_sentence_end(chunk: str, match: re.Match[str], has_capitals: bool) -> bool:
    following = chunk[match.end() :].lstrip()
    next_char = following[:1]
    if not next_char:
        return True
    if has_capitals and next_char.islower():
        return False  # "… around 7 a.m. and" or "… e.g. the rota"
    if match.group(1) != ".":
        return True
    previous_word = chunk[: match.start()].rsplit(None, 1)[-1] if chunk[: match.start()].strip() else ""
    previous = previous_word.lstrip("(\"'").lower()
    if previous in lexicon().abbreviations_never_end:
        return False
    if len(previous) == 1 and previous.isalpha() and previous_word[-1:].isupper():
        return False  # an initial, as in "J. Smith"
    if previous in lexicon().abbreviations_may_end:
        return next_char.isupper()
    return True


def _split_run_on(sentence: str, limit: int) -> list[str]:
    """Cut a long unpunctuated stretch (a speech transcript) at discourse markers."""
    words = sentence.split()
    if len(words) <= limit:
        return [sentence]
    lowered = [word.lower().strip(",;:-") for word in words]
    pieces: list[str] = []
    start = 0
    for index in range(1, len(words)):
        remaining = len(words) - index
        piece_length = index - start
        if remaining < 6 or piece_length < 10:
            continue
        at_marker = _marker_at(lowered, index) and (piece_length >= 14 or words[index - 1].endswith(","))
        if at_marker or piece_length >= 40:
            pieces.append(" ".join(words[start:index]).rstrip(",;"))
            start = index
    pieces.append(" ".join(words[start:]))
    return pieces


def _marker_at(lowered: list[str], index: int) -> bool:
    for marker in lexicon().transcript_break_markers:
        parts = marker.split()
        if lowered[index : index + len(parts)] == parts:
            following = lowered[index + len(parts)] if index + len(parts) < len(lowered) else ""
            # "so that", "so much": not a new step
            return not (parts[-1] == "so" and following in ("that", "much", "many", "far", "long"))
    return False
