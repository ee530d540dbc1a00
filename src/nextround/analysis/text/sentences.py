"""Sentences and clauses, as spans of the input so that evidence quotes it exactly.

A sentence ends at . ! ? … (not after "Dr.", "e.g." or inside "4.7"), at a blank line, before a bullet,
and at a line break after a line that ends a sentence. Speech transcripts without punctuation are cut at
discourse markers ("and then", "so I") once they run long.

A clause is the part of a sentence that carries one judgement. Sentences are cut before contrast words
("but", "however", "although", "whereas", "except that", ", yet", ", while"), after a leading concession
("While your pastry was lovely, …"), and at semicolons, spaced dashes and a colon before lower case.
A clause that begins with a contrast word is marked ``contrast``: its tone turns against what came before.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

from nextround.analysis.text.tokens import WORD_RE, normalise

__all__ = [
    "Clause",
    "Span",
    "clause_spans",
    "clauses",
    "sentence_spans",
    "split_clauses",
    "split_sentences",
]

ABBREVIATIONS_NEVER_END: Final = frozenset(
    [
        "approx",
        "cf",
        "dept",
        "dr",
        "e.g",
        "eg",
        "est",
        "fig",
        "ft",
        "i.e",
        "ie",
        "jr",
        "mr",
        "mrs",
        "ms",
        "mt",
        "no",
        "nos",
        "prof",
        "sr",
        "st",
        "vs",
    ]
)
ABBREVIATIONS_MAY_END: Final = frozenset(["a.m", "am", "co", "corp", "etc", "inc", "ltd", "p.m", "pm"])
# Where a run-on transcript may be cut: discourse markers that usually start a new step.
TRANSCRIPT_BREAK_MARKERS: Final = (
    "and then",
    "so then",
    "but then",
    "and so",
    "after that",
    "in the end",
    "as a result",
    "which meant",
    "so i",
    "then i",
    "but i",
    "and i",
    "because",
    "so we",
    "then we",
    "and we",
    "but",
    "so",
)
RUN_ON_WORDS_TRANSCRIPT: Final = 35
RUN_ON_WORDS_WRITTEN: Final = 80

_TERMINATOR_RE: Final = re.compile(r"([.!?…。！？]+)([\"')\]]*)(?=\s|$)")
_BULLET_RE: Final = re.compile(r"[ \t]*(?:[-*•·–▪●]|\d{1,2}[.)])[ \t]+")
_LINE_RE: Final = re.compile(r"[^\n]*(?:\n|$)")

_CONTRAST_WORDS: Final = (
    r"but(?! also\b)|however|although|even though|(?<!even )though|whereas|except that|even so|that said|still,"
)
_CONTRAST_SPLIT: Final = re.compile(
    rf"(?:,\s*|;\s*|(?<!\beven)\s+)(?=\b(?:{_CONTRAST_WORDS})(?!\w))|,\s*(?=(?:yet|while|whilst)\b)", re.IGNORECASE
)
_STARTS_WITH_CONTRAST: Final = re.compile(rf"\W*(?:{_CONTRAST_WORDS}|yet|on the other hand)(?!\w)", re.IGNORECASE)
_PARENTHETICAL_CONTRAST: Final = re.compile(r"(?:however|though),", re.IGNORECASE)
_SHORT_SUBJECT_WORDS: Final = 4
_CONTINUE_SPLIT: Final = re.compile(r";\s+|\s+[-–—]\s+|:\s+(?=[a-z])")
_LEADING_CONCESSION: Final = re.compile(
    r"\W*(?:while|whilst|although|though|despite|even though|whereas|granted)\b[^,;]{3,160},\s*", re.IGNORECASE
)


@dataclass(frozen=True, slots=True)
class Span:
    """``text`` is ``source[start:end]`` of the string that was split."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Clause:
    """One clause of a sentence.

    ``contrast``: it opens with a contrast word, or follows a leading concession, so its tone turns
    against what came before. ``concession``: it is the conceded part ("While your pastry was lovely").
    """

    start: int
    end: int
    text: str
    sentence: int
    contrast: bool
    concession: bool


def sentence_spans(text: str) -> list[Span]:
    """Sentences of ``text`` as spans (leading and trailing spaces and bullets left out)."""
    plain = normalise(text)
    has_capitals = any(char.isupper() for char in plain)
    stops = len(_TERMINATOR_RE.findall(plain))
    limit = RUN_ON_WORDS_TRANSCRIPT if stops * 40 < len(plain.split()) else RUN_ON_WORDS_WRITTEN
    spans: list[Span] = []
    for chunk_start, chunk_end in _chunks(plain):
        for start, end in _split_chunk(plain, chunk_start, chunk_end, has_capitals):
            for piece_start, piece_end in _split_run_on(plain, start, end, limit):
                piece_start, piece_end = _trim(plain, piece_start, piece_end)
                if WORD_RE.search(plain, piece_start, piece_end):
                    spans.append(Span(piece_start, piece_end, text[piece_start:piece_end]))
    return spans


def split_sentences(text: str) -> list[str]:
    """Sentences of ``text`` as strings (line breaks inside a sentence become spaces)."""
    return [" ".join(span.text.split()) for span in sentence_spans(text)]


def clause_spans(text: str, sentence: Span, index: int = 0) -> list[Clause]:
    """The clauses of one sentence of ``text``; ``index`` is the sentence's number."""
    plain = normalise(text)
    start, end = sentence.start, sentence.end
    heads = [(start, end, False, False)]
    concession = _LEADING_CONCESSION.match(plain, start, end)
    if concession and concession.end() < end:
        heads = [(start, concession.end(), False, True), (concession.end(), end, True, False)]
    found: list[Clause] = []
    for head_start, head_end, head_contrast, conceded in heads:
        for piece_start, piece_end, piece_contrast in _contrast_pieces(plain, head_start, head_end):
            for number, (s, e) in enumerate(_split_at(plain, piece_start, piece_end, _CONTINUE_SPLIT)):
                s, e = _trim(plain, s, e)
                if not WORD_RE.search(plain, s, e):
                    continue
                first = number == 0
                contrast = first and (piece_contrast or (head_contrast and s <= head_start + 1))
                contrast = contrast or bool(_STARTS_WITH_CONTRAST.match(plain, s, e))
                found.append(Clause(s, e, text[s:e], index, contrast, conceded and first))
    return found


def clauses(text: str) -> list[Clause]:
    """Every clause of ``text``, sentence by sentence."""
    return [
        clause
        for number, sentence in enumerate(sentence_spans(text))
        for clause in clause_spans(text, sentence, number)
    ]


def split_clauses(text: str) -> list[str]:
    return [" ".join(clause.text.split()) for clause in clauses(text)]


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and (text[start].isspace() or text[start] in ",;:-–—"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:-–—"):
        end -= 1
    return start, end


def _chunks(text: str) -> list[tuple[int, int]]:
    """Paragraph spans; a line break ends one when the line ends a sentence or the next starts a bullet."""
    chunks: list[tuple[int, int]] = []
    current: tuple[int, int] | None = None
    last_char = ""
    for line in _LINE_RE.finditer(text):
        if line.start() == line.end():
            break
        bullet = _BULLET_RE.match(text, line.start(), line.end())
        start = bullet.end() if bullet else line.start()
        content = text[start : line.end()].strip()
        if not content:
            if current:
                chunks.append(current)
                current = None
            continue
        if current and (bullet or last_char in ".!?:;…"):
            chunks.append(current)
            current = None
        end = line.end() - (1 if text[line.end() - 1 : line.end()] == "\n" else 0)
        current = (current[0] if current else start, end)
        last_char = content[-1]
    if current:
        chunks.append(current)
    return chunks


def _split_chunk(text: str, start: int, end: int, has_capitals: bool) -> list[tuple[int, int]]:
    pieces: list[tuple[int, int]] = []
    position = start
    for match in _TERMINATOR_RE.finditer(text, start, end):
        if _is_sentence_end(text, end, match, has_capitals):
            pieces.append((position, match.end()))
            position = match.end()
    if text[position:end].strip():
        pieces.append((position, end))
    return pieces


def _is_sentence_end(text: str, end: int, match: re.Match[str], has_capitals: bool) -> bool:
    following = text[match.end() : end].lstrip()
    next_char = following[:1]
    if not next_char:
        return True
    if has_capitals and next_char.islower():
        return False  # "… around 7 a.m. and" or "… e.g. the rota"
    if match.group(1) != ".":
        return True
    before = text[: match.start()]
    previous_word = before.rsplit(None, 1)[-1] if before.strip() else ""
    previous = previous_word.lstrip("(\"'").lower()
    if previous in ABBREVIATIONS_NEVER_END:
        return False
    if len(previous) == 1 and previous.isalpha() and previous_word[-1:].isupper():
        return False  # an initial, as in "J. Smith"
    if previous in ABBREVIATIONS_MAY_END:
        return next_char.isupper()
    return True


def _split_run_on(text: str, start: int, end: int, limit: int) -> list[tuple[int, int]]:
    """Cut a long unpunctuated stretch (a speech transcript) at discourse markers."""
    tokens = list(re.finditer(r"\S+", text[start:end]))
    if len(tokens) <= limit:
        return [(start, end)]
    lowered = [token.group().lower().strip(",;:-") for token in tokens]
    pieces: list[tuple[int, int]] = []
    first = 0
    for index in range(1, len(tokens)):
        remaining = len(tokens) - index
        length = index - first
        if remaining < 6 or length < 10:
            continue
        at_marker = _marker_at(lowered, index) and (length >= 14 or tokens[index - 1].group().endswith(","))
        if at_marker or length >= 40:
            pieces.append((start + tokens[first].start(), start + tokens[index - 1].end()))
            first = index
    pieces.append((start + tokens[first].start(), end))
    return pieces


def _marker_at(lowered: list[str], index: int) -> bool:
    for marker in TRANSCRIPT_BREAK_MARKERS:
        parts = marker.split()
        if lowered[index : index + len(parts)] == parts:
            following = lowered[index + len(parts)] if index + len(parts) < len(lowered) else ""
            # "so that", "so much": not a new step
            return not (parts[-1] == "so" and following in ("that", "much", "many", "far", "long"))
    return False


def _split_at(text: str, start: int, end: int, pattern: re.Pattern[str]) -> list[tuple[int, int]]:
    pieces: list[tuple[int, int]] = []
    position = start
    for match in pattern.finditer(text, start, end):
        if match.start() > position:
            pieces.append((position, match.start()))
        position = match.end()
    pieces.append((position, end))
    return [(s, e) for s, e in pieces if text[s:e].strip()]


def _contrast_pieces(text: str, start: int, end: int) -> list[tuple[int, int, bool]]:
    pieces: list[tuple[int, int, bool]] = []
    for s, e in _split_at(text, start, end, _CONTRAST_SPLIT):
        if pieces and len(WORD_RE.findall(text, s, e)) < 3:
            pieces[-1] = (pieces[-1][0], e, pieces[-1][2])  # "Lovely work though.": no clause of its own
        else:
            pieces.append((s, e, bool(pieces)))
    # "Your pastry work, though, needs …": an aside contrasts with the sentence before, so the short
    # subject in front of it stays with its clause, which as a whole starts with the contrast.
    if (
        len(pieces) > 1
        and _PARENTHETICAL_CONTRAST.match(text, pieces[1][0], pieces[1][1])
        and len(text[pieces[0][0] : pieces[0][1]].split()) <= _SHORT_SUBJECT_WORDS
    ):
        pieces = [(pieces[0][0], pieces[1][1], True), *pieces[2:]]
    return pieces
