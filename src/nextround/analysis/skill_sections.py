"""Where a job description asks for something: sections (required, nice to have, company blurb),
people named as colleagues, and years stated next to a skill ("3+ years of Python")."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files
from typing import Final

from nextround.analysis.skill_taxonomy import Importance

# ---------------------------------------------------------------------------------------------
# Sections: required, nice to have, or company blurb
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Markers:
    nice: re.Pattern[str]
    required: re.Pattern[str]
    context: re.Pattern[str]
    any_marker: re.Pattern[str]  # a marker or a word that only glues markers together


@lru_cache(maxsize=1)
def _markers() -> _Markers:
    """The section cues of ``nextround/data/skill_cues.toml``, read on first use."""
    data = tomllib.loads(files("nextround.data").joinpath("skill_cues.toml").read_text(encoding="utf-8"))
    sections = data["sections"]
    nice, required = "|".join(sections["nice"]), "|".join(sections["required"])
    glue = r"\b(?:is|are|an?|very|really|but|be|would|to)\b"
    return _Markers(
        nice=re.compile(nice, re.IGNORECASE),
        required=re.compile(required, re.IGNORECASE),
        context=re.compile("|".join(sections["context"]), re.IGNORECASE),
        any_marker=re.compile(f"{nice}|{required}|{glue}", re.IGNORECASE),
    )


_BULLET: Final = re.compile(r"^[\s>*#•·▪●■◦+\-–—\d.)]*")
_SENTENCE_END: Final = re.compile(r"[.!?;]\s|[.!?;]$|\n")


def _heading_mode(line: str) -> Importance | None:
    """Importance a heading line sets for what follows, or None if it is not a heading.

    A heading is a short line ending in ":", a markdown heading, or a short line in capitals or
    Title Case; a bulleted line is content, never a heading.
    """
    if re.match(r"\s*(?:[-*•·▪●■◦+–—>]|\d+[.)])\s", line):
        return None
    stripped = line.strip().lstrip("#").strip().strip("*_").strip()
    words = stripped.rstrip(":").split()
    if not words or len(words) > 8:
        return None
    ends_like_heading = stripped.endswith(":")
    looks_like_title = not re.search(r"[.!?,;]$", stripped) and (
        stripped.isupper() or line.lstrip().startswith(("#", "**")) or (len(words) <= 6 and words[0][0].isupper())
    )
    if not (ends_like_heading or looks_like_title):
        return None
    if _markers().context.search(stripped):
        return "context"
    if _markers().nice.search(stripped):
        return "nice_to_have"
    if _markers().required.search(stripped) or ends_like_heading:
        return "required"
    return None


_LINE_LABEL: Final = re.compile(r"\s*(?:[-*•·▪●■◦+–—>]\s*)?([A-Za-z][\w' -]{0,40}):\s*\S")


# "no HGV licence needed": named, but explicitly not asked for.
_NOT_NEEDED: Final = re.compile(r"\bno\s+(?:[\w-]+\s+){0,4}(?:needed|required|necessary)\b", re.IGNORECASE)


def _clause_mode(clause: str) -> Importance | None:
    if _markers().context.search(clause) or _NOT_NEEDED.search(clause):
        return "context"
    nice = _markers().nice.search(clause)
    required = re.search(
        r"(?<!not )(?<!no )\b(?:essential|required|must|mandatory)\b(?! to have)", clause, re.IGNORECASE
    )
    if nice and not (required and required.start() > nice.start()):
        return "nice_to_have"
    if required:
        return "required"
    return None


# "We sell workforce software." describes the employer; "We need a baker" asks for something.
_ABOUT_EMPLOYER: Final = re.compile(r"\W*(?:we|we're|we've|our|us)\b", re.IGNORECASE)
_ASKS_FOR: Final = re.compile(
    r"look|seek|need|want|requir|hiring|recruit|search|expect|ask|would like|\byou\b|\bcandidate|join",
    re.IGNORECASE,
)


# "Brightside Homecare has supported families since 2004." also describes the employer.
_NAMED_EMPLOYER: Final = re.compile(
    r"\W*(?:[A-Z][\w&'’.-]*\s+){1,4}(?:is|are|has|have|was|were)\s+(?:been\s+)?"
    r"(?:a|an|the|one|proud|family|based|rated|home|part|growing|supporting|supported|serving|served|"
    r"providing|provided|helping|helped|known|now|still|building|built|trusted|award|committed)\b"
)
_PARENTHESIS: Final = re.compile(r"\([^()\n]*\)")


def _about_employer(sentence: str) -> bool:
    if _ASKS_FOR.search(sentence) or _markers().required.search(sentence) or _markers().nice.search(sentence):
        return bool(_ABOUT_EMPLOYER.match(sentence)) and not _ASKS_FOR.search(sentence)
    return bool(_ABOUT_EMPLOYER.match(sentence) or _NAMED_EMPLOYER.match(sentence))


def _sentence_modes(sentence: str, offset: int, section: Importance) -> list[tuple[int, Importance]]:
    """(start offset, importance) pieces of one sentence; a clause marker wins over its section.

    A marker inside brackets covers only the bracket: "towers and podiums (PASMA an advantage)".
    """
    if _about_employer(sentence):
        return [(offset, "context")]
    brackets: list[tuple[int, int, Importance]] = []
    for found in _PARENTHESIS.finditer(sentence):
        bracket_mode = _clause_mode(found.group())
        if bracket_mode is not None:
            brackets.append((found.start(), found.end(), bracket_mode))
    if not brackets:
        return _plain_sentence_modes(sentence, offset, section)
    outside = sentence
    for start, end, _ in brackets:
        outside = outside[:start] + " " * (end - start) + outside[end:]
    pieces = _plain_sentence_modes(outside, offset, section)
    for start, end, mode in brackets:
        begin = start
        if not re.search(r"[A-Za-z]{2,}", _markers().any_marker.sub("", sentence[start + 1 : end - 1])):
            # "Docker (nice to have)": a bracket holding only the marker covers what it follows
            begin = max(0, *(outside.rfind(gap, 0, start) for gap in (",", " and ", " or ")))
        after = _importance_at(pieces, offset + end)
        pieces = [piece for piece in pieces if not offset + begin <= piece[0] < offset + end]
        pieces += [(offset + begin, mode), (offset + end, after)]
        pieces.sort(key=lambda piece: piece[0])
    return pieces


def _plain_sentence_modes(sentence: str, offset: int, section: Importance) -> list[tuple[int, Importance]]:
    whole = _clause_mode(sentence)
    if whole is None:
        return [(offset, section)]
    clauses = [(found.start(), found.group()) for found in re.finditer(r"[^,]+", sentence)]
    modes = [_clause_mode(text) for _, text in clauses]
    if len({mode for mode in modes if mode is not None}) <= 1:
        return [(offset, whole)]
    # Mixed ("Python required, Docker a plus"): a clause without a marker takes the next one's.
    pieces: list[tuple[int, Importance]] = []
    following: Importance = section
    for (start, _), mode in zip(reversed(clauses), reversed(modes), strict=True):
        following = mode or following
        pieces.append((offset + start, following))
    return sorted(pieces)


def _importance_map(text: str) -> list[tuple[int, Importance]]:
    """Sorted (start offset, importance) pieces covering the text."""
    pieces: list[tuple[int, Importance]] = []
    section: Importance = "required"
    position = 0
    for line in text.splitlines(keepends=True):
        heading = _heading_mode(line)
        if heading is not None:
            section = heading
            pieces.append((position, section))
        else:
            # "Desirable: Docker; Kubernetes." — a label before a colon covers its whole line
            label = _LINE_LABEL.match(line)
            line_section = (_clause_mode(label.group(1)) if label else None) or section
            start = 0
            for end_match in _SENTENCE_END.finditer(line):
                sentence = line[start : end_match.end()]
                if sentence.strip():
                    pieces.extend(_sentence_modes(sentence, position + start, line_section))
                start = end_match.end()
            if line[start:].strip():
                pieces.extend(_sentence_modes(line[start:], position + start, line_section))
        position += len(line)
    return pieces or [(0, "required")]


def _importance_at(pieces: Sequence[tuple[int, Importance]], offset: int) -> Importance:
    current: Importance = "required"
    for start, mode in pieces:
        if start > offset:
            break
        current = mode
    return current


# A person named after "reporting to", "alongside"... is a colleague, not a requirement.
_COLLEAGUE_BEFORE: Final = re.compile(
    r"\b(?:report(?:s|ing)? (?:in)?to|alongside|assist(?:ing|s)?|support(?:ing|s)?|under|with|"
    r"led by|managed by|supervised by|directed by|liais(?:e|ing|es) with|team of(?:\s+\d+)?|"
    r"(?:lead|leading|manage|managing|supervise|supervising)\s+(?:a\s+|the\s+)?(?:\w+\s+)?(?:team|crew)\s+of(?:\s+\d+)?)"
    r"\b(?:\s+\w+){0,2}\s*$",
    re.IGNORECASE,
)
_PERSON_ENDINGS: Final = ("er", "or", "ist", "ian", "ant", "nurse", "chef", "cook", "lead", "head")


def _names_a_colleague(text: str, mention_start: int, mention_text: str) -> bool:
    last_word = mention_text.split()[-1].lower().rstrip("s")
    if not last_word.endswith(_PERSON_ENDINGS):
        return False
    if text.startswith(("'", "’"), mention_start + len(mention_text)):
        return True  # "the negotiators' diaries", "the chef's orders": a person, not a skill
    line_start = max(text.rfind("\n", 0, mention_start), text.rfind(".", 0, mention_start)) + 1
    return bool(_COLLEAGUE_BEFORE.search(text[line_start:mention_start]))


# ---------------------------------------------------------------------------------------------
# Years
# ---------------------------------------------------------------------------------------------

_WORD_NUMBERS: Final = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "fifteen": 15,
    "twenty": 20,
}
_YEARS: Final = re.compile(
    r"(?<![\w.])(?P<number>\d{1,2}(?:\.\d)?|" + "|".join(_WORD_NUMBERS) + r")\s*(?:\+|plus)?\s*"
    r"(?:(?:-|–|to)\s*\d{1,2}\s*)?(?:\+\s*)?(?P<unit>years?|yrs?|months?)(?:['’]s?)?(?!\w)",
    re.IGNORECASE,
)
_POINTS_FORWARD: Final = re.compile(
    r"\W*(?:of|in|with|as|using|working|doing|across|on|experience|exp\b|hands-on|professional|"
    r"commercial|industry|relevant|proven|solid|practical)",
    re.IGNORECASE,
)
_MONTH: Final = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_DATE_RANGE: Final = re.compile(
    rf"(?:{_MONTH}\s+)?(?P<start>(?:19|20)\d\d)\s*(?:-|–|—|to|until)\s*"
    rf"(?:(?:{_MONTH}\s+)?(?P<end>(?:19|20)\d\d)|(?P<now>present|current|now|today|date|ongoing))",
    re.IGNORECASE,
)
_FORWARD_REACH: Final = 90  # characters after "3+ years of" in which skills take the years
_BACKWARD_REACH: Final = 40  # characters before "(3 years)" in which the skill must end


def _years_value(found: re.Match[str]) -> float:
    raw = found.group("number").lower()
    value = float(_WORD_NUMBERS.get(raw, 0) or raw)
    if found.group("unit").lower().startswith("month"):
        value /= 12
    return round(value, 1)


def _assign_years(text: str, hits: Sequence[tuple[int, int]]) -> dict[int, float]:
    """Years stated next to each hit, keyed by the hit's position in `hits` ((start, end) spans)."""
    years: dict[int, float] = {}
    phrases = list(_YEARS.finditer(text))
    for number, found in enumerate(phrases):
        value = _years_value(found)
        sentence_start = max(text.rfind("\n", 0, found.start()), text.rfind(". ", 0, found.start())) + 1
        next_break = _SENTENCE_END.search(text, found.end())
        sentence_end = next_break.start() if next_break else len(text)
        next_phrase = phrases[number + 1].start() if number + 1 < len(phrases) else len(text)
        # "3 years of Python", "5 years' experience in nursing", "six months' barista experience"
        skill_follows = any(found.end() <= start <= found.end() + 2 for start, _ in hits)
        if skill_follows or _POINTS_FORWARD.match(text, found.end()):
            limit = min(sentence_end, next_phrase, found.end() + _FORWARD_REACH)
            for index, (start, _) in enumerate(hits):
                if found.end() <= start < limit:
                    years[index] = max(years.get(index, 0.0), value)
            continue
        before = [
            index
            for index, (start, end) in enumerate(hits)
            if sentence_start <= start and end <= found.start() and found.start() - end <= _BACKWARD_REACH
        ]
        if before:
            nearest = max(before, key=lambda index: hits[index][1])
            years[nearest] = max(years.get(nearest, 0.0), value)
    return years
