"""Skills in job descriptions and CVs: extraction, JD <-> CV matching and gap ranking.

The taxonomy is the packaged index built by ``scripts/build_taxonomy.py`` from O*NET technology
skills, ESCO skill labels (see ``nextround/data/CREDITS.md``) and the project's own alias table.
Everything here is pure and deterministic: text in, plain dataclasses out, no network, no models.

* :func:`extract_skills` finds skills with their canonical name, where they sit, whether the text
  marks them as nice-to-have (or as company blurb), and years asked or shown ("3+ years of Python").
* :func:`match` compares a job description with a CV and explains a 0-100 score.
* :func:`rank_gaps` ranks the skills that rejected applications asked for and no CV shows.
"""

from __future__ import annotations

import gzip
import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files
from itertools import pairwise
from typing import Final, Literal

from nextround.analysis.skill_match import (
    RULE_CASE,
    RULE_CONTEXT,
    PhraseHit,
    PhraseIndex,
    Token,
    key_stems,
    name_key,
    tokenize,
)
from nextround.analysis.text import stem

__all__ = [
    "Importance",
    "MatchResult",
    "Skill",
    "SkillMention",
    "Taxonomy",
    "extract_skills",
    "load_taxonomy",
    "match",
    "match_batch",
    "rank_gaps",
]

TAXONOMY_RESOURCE: Final = "skills_taxonomy.json.gz"
INDEX_FORMAT: Final = 3
# Untrusted text is analysed up to this many characters (a long CV is ~20k).
MAX_TEXT_CHARS: Final = 200_000

Importance = Literal["required", "nice_to_have", "context"]

_SOURCE_NAMES: Final = ((1, "nextround"), (2, "onet"), (4, "esco"))
_SOURCE_ESCO: Final = 4
_FLAG_HOT: Final = 1
_FLAG_IN_DEMAND: Final = 2
_FLAG_TECH: Final = 4


# ---------------------------------------------------------------------------------------------
# Taxonomy
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Skill:
    """A canonical skill of the taxonomy."""

    name: str
    category: str
    sources: tuple[str, ...]
    hot: bool  # O*NET Hot Technology
    in_demand: bool  # O*NET In Demand
    is_technology: bool

    def to_dict(self) -> dict[str, object]:
        return {
            "name": self.name,
            "category": self.category,
            "sources": list(self.sources),
            "hot": self.hot,
            "in_demand": self.in_demand,
        }


class Taxonomy:
    """The loaded skill index: canonical skills plus the phrase index that finds them.

    Skills are addressed by id; `skill(id)` builds the full record on demand, while matching reads
    the compact per-skill columns directly (names, categories, flags) so loading stays fast.
    """

    def __init__(
        self,
        *,
        names: Sequence[str],
        categories: Sequence[str],
        skill_category: Sequence[int],
        skill_sources: Sequence[int],
        skill_flags: Sequence[int],
        index: PhraseIndex,
        implies: Mapping[int, Sequence[int]],
        credits: Sequence[str],
        aliases_sha256: str,
    ):
        self.names = names
        self._categories = categories
        self._skill_category = skill_category
        self._skill_sources = skill_sources
        self._skill_flags = skill_flags
        self.index = index
        self.implies = implies
        self.credits: tuple[str, ...] = tuple(credits)
        self.aliases_sha256 = aliases_sha256
        self._by_name: dict[str, int] | None = None

    def __len__(self) -> int:
        return len(self.names)

    def category(self, skill_id: int) -> str:
        return self._categories[self._skill_category[skill_id]]

    def is_technology(self, skill_id: int) -> bool:
        return bool(self._skill_flags[skill_id] & _FLAG_TECH)

    def is_esco_only(self, skill_id: int) -> bool:
        return self._skill_sources[skill_id] == _SOURCE_ESCO

    def skill(self, skill_id: int) -> Skill:
        flags = self._skill_flags[skill_id]
        return Skill(
            name=self.names[skill_id],
            category=self.category(skill_id),
            sources=tuple(name for bit, name in _SOURCE_NAMES if self._skill_sources[skill_id] & bit),
            hot=bool(flags & _FLAG_HOT),
            in_demand=bool(flags & _FLAG_IN_DEMAND),
            is_technology=bool(flags & _FLAG_TECH),
        )

    def skill_id(self, name: str) -> int | None:
        """Resolve a skill name or any alias of it ("k8s", "team management") to its id."""
        if self._by_name is None:
            self._by_name = {skill.lower(): skill_id for skill_id, skill in enumerate(self.names)}
        direct = self._by_name.get(name.strip().lower())
        if direct is not None:
            return direct
        tokens = tokenize(name)
        words = [token for token in tokens if not token.is_determiner]
        if not words:
            return None
        exact = self.index.lookup(key_stems(name))
        if exact is not None:
            return exact[0]
        if len(words) == 1:
            named = self.index.lookup(name_key(words[0].text))
            if named is not None:
                return named[0]
        content = {index for index, token in enumerate(tokens) if not token.is_stopword}
        best = [hit for hit in self.index.find(tokens) if content <= set(hit.token_indexes)]
        return best[0].skill_id if best else None

    def lookup(self, name: str) -> Skill | None:
        skill_id = self.skill_id(name)
        return None if skill_id is None else self.skill(skill_id)


@lru_cache(maxsize=1)
def load_taxonomy() -> Taxonomy:
    """Load the packaged taxonomy once per process (cached)."""
    raw = files("nextround.data").joinpath(TAXONOMY_RESOURCE).read_bytes()
    data = json.loads(gzip.decompress(raw))
    if data.get("format") != INDEX_FORMAT:
        raise ValueError(f"{TAXONOMY_RESOURCE}: unsupported format {data.get('format')!r}")
    return Taxonomy(
        names=data["names"],
        categories=data["categories"],
        skill_category=data["skill_category"],
        skill_sources=data["skill_sources"],
        skill_flags=data["skill_flags"],
        index=PhraseIndex(data["exact"], data["longest"], data["windows"]),
        implies={int(source): targets for source, targets in data["implies"].items()},
        credits=data["credits"],
        aliases_sha256=data["aliases_sha256"],
    )


# ---------------------------------------------------------------------------------------------
# Sections: required, nice to have, or company blurb
# ---------------------------------------------------------------------------------------------

_NICE_MARKERS: Final = re.compile(
    r"nice[ -]to[ -]have|good to have|desirable|desired|\bbonus|preferred|preferabl[ey]|\ba plus\b|"
    r"plus points?|advantageous|an advantage|\bideally\b|\boptional\b|not (?:essential|required|a must)|"
    r"would be (?:great|nice|helpful|useful|a plus)|beneficial|extra credit|is welcome|are welcome|"
    r"helpful but|\bnice\b",
    re.IGNORECASE,
)
_REQUIRED_MARKERS: Final = re.compile(
    r"\bessential\b|\brequired\b|\brequirements?\b|\bmust\b|mandatory|\bminimum\b|you will need|"
    r"you'll need|we need|what you need|we're looking for|we are looking for|qualifications|"
    r"key skills|person specification|about you|who you are|you have|you bring|you'll bring|"
    r"responsibilit|\bduties\b|the role|what you'll do|what you will do|day[ -]to[ -]day|\bskills\b|"
    r"\bexperience\b",
    re.IGNORECASE,
)
_CONTEXT_MARKERS: Final = re.compile(
    r"about us|about the company|who we are|our company|company overview|\bbenefits\b|\bperks\b|"
    r"what we offer|we offer|we provide|you will receive|you'll receive|why join|why work|"
    r"\bsalary\b|compensation|our package|how to apply|to apply|apply now|apply via|send your cv|"
    r"equal opportunit|diversity|our values|our mission|follow us|find us on|life at|our clients",
    re.IGNORECASE,
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
    if _CONTEXT_MARKERS.search(stripped):
        return "context"
    if _NICE_MARKERS.search(stripped):
        return "nice_to_have"
    if _REQUIRED_MARKERS.search(stripped) or ends_like_heading:
        return "required"
    return None


_LINE_LABEL: Final = re.compile(r"\s*(?:[-*•·▪●■◦+–—>]\s*)?([A-Za-z][\w' -]{0,40}):\s*\S")


# "no HGV licence needed": named, but explicitly not asked for.
_NOT_NEEDED: Final = re.compile(r"\bno\s+(?:[\w-]+\s+){0,4}(?:needed|required|necessary)\b", re.IGNORECASE)


def _clause_mode(clause: str) -> Importance | None:
    if _CONTEXT_MARKERS.search(clause) or _NOT_NEEDED.search(clause):
        return "context"
    nice = _NICE_MARKERS.search(clause)
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
_MARKER_WORDS: Final = re.compile(
    _NICE_MARKERS.pattern + r"|" + _REQUIRED_MARKERS.pattern + r"|\b(?:is|are|an?|very|really|but|be|would|to)\b",
    re.IGNORECASE,
)


def _about_employer(sentence: str) -> bool:
    if _ASKS_FOR.search(sentence) or _REQUIRED_MARKERS.search(sentence) or _NICE_MARKERS.search(sentence):
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
        if not re.search(r"[A-Za-z]{2,}", _MARKER_WORDS.sub("", sentence[start + 1 : end - 1])):
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


def _dated_blocks(text: str, reference_year: int | None) -> list[tuple[int, int, float, float]]:
    """CV role blocks (start offset, end offset, from year, to year) found from date ranges."""
    ranges = list(_DATE_RANGE.finditer(text))
    if not ranges:
        return []
    latest = max(int(year) for year in re.findall(r"\b(?:19|20)\d\d\b", text))
    today = reference_year if reference_year is not None else latest
    blocks: list[tuple[int, int, float, float]] = []
    for number, found in enumerate(ranges):
        begin = float(found.group("start"))
        end = float(found.group("end")) if found.group("end") else max(float(today), begin + 0.5)
        if end < begin:
            continue
        # The block holds the title line just above the dates and everything until the next dates.
        line_start = text.rfind("\n", 0, found.start()) + 1
        previous_line = text.rfind("\n", 0, max(line_start - 1, 0)) + 1 if line_start else 0
        title = text[previous_line:line_start].strip()
        block_start = previous_line if title and len(title.split()) <= 10 else line_start
        if number + 1 < len(ranges):
            next_line = text.rfind("\n", 0, ranges[number + 1].start()) + 1
            next_previous = text.rfind("\n", 0, max(next_line - 1, 0)) + 1 if next_line else 0
            block_end = max(next_previous, found.end())
        else:
            block_end = len(text)
        blocks.append((block_start, block_end, begin, end))
    return blocks


def _years_from_blocks(blocks: Sequence[tuple[int, int, float, float]], offsets: Sequence[int]) -> float:
    """Total years covered by the blocks that hold any of the offsets (overlaps counted once)."""
    spans = sorted(
        (begin, end)
        for block_start, block_end, begin, end in blocks
        if any(block_start <= offset < block_end for offset in offsets)
    )
    total = 0.0
    current_start, current_end = -1.0, -1.0
    for begin, end in spans:
        if begin > current_end:
            total += max(0.0, current_end - current_start)
            current_start, current_end = begin, end
        else:
            current_end = max(current_end, end)
    total += max(0.0, current_end - current_start)
    return round(total, 1)


# ---------------------------------------------------------------------------------------------
# Extraction
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class SkillMention:
    """One place where a text names a skill."""

    skill: str  # canonical name
    category: str
    text: str  # as written
    offset: int  # character offset in the text
    importance: Importance  # "nice_to_have" in a desirable/bonus part, "context" in company blurb
    years: float | None  # years asked (JD) or shown (CV) right next to the mention

    @property
    def required(self) -> bool:
        return self.importance == "required"

    def to_dict(self) -> dict[str, object]:
        return {
            "skill": self.skill,
            "category": self.category,
            "text": self.text,
            "offset": self.offset,
            "importance": self.importance,
            "years": _number(self.years),
        }


@dataclass(frozen=True, slots=True)
class _Found:
    skill_id: int
    start: int
    end: int
    importance: Importance
    years: float | None


_CONTEXT_REACH: Final = 15  # tokens either side in which an ambiguous name needs a technology


def _case_ok(token: Token, surface: str) -> bool:
    return token.text == surface or (len(surface) >= 4 and token.text == surface.upper())


def _accept_hits(taxonomy: Taxonomy, tokens: Sequence[Token], hits: Iterable[PhraseHit]) -> list[PhraseHit]:
    """Keep the best reading where hits overlap, then apply the context and language rules."""
    candidates = [
        hit
        for hit in hits
        if hit.rule not in (RULE_CASE, RULE_CONTEXT) or _case_ok(tokens[hit.token_indexes[0]], hit.surface)
    ]

    def preference(hit: PhraseHit) -> tuple[int, bool, bool, bool, int, int]:
        # An ESCO-only label loses a word against the curated aliases: "build predictive models"
        # should read as "Machine learning", "write incident reports" as "Report writing".
        esco_only = taxonomy.is_esco_only(hit.skill_id)
        size = hit.size - (1 if esco_only and hit.size > 1 else 0)
        return (-size, esco_only, hit.is_window, hit.rule == 0, hit.token_indexes[0], hit.skill_id)

    candidates.sort(key=preference)
    matched_words: set[int] = set()
    covered_words: set[int] = set()  # words a window label spans ("sales" in "raising sales invoices")
    accepted: list[PhraseHit] = []
    for hit in candidates:
        words = set(hit.token_indexes)
        protected = not hit.is_window and taxonomy.is_technology(hit.skill_id)
        blocked = matched_words if protected else matched_words | covered_words
        if not blocked.isdisjoint(words):
            continue
        accepted.append(hit)
        matched_words.update(words)
        if hit.is_window:
            # the words a label spans ("sales" in "raising sales invoices"), but not a phrase set
            # off by a function word ("dementia" in "supported residents with dementia to bathe")
            ordered = sorted(words)
            for first, last in pairwise(ordered):
                gap = range(first + 1, last)
                if not any(tokens[index].is_stopword for index in gap):
                    covered_words.update(gap)
            covered_words.update(words)
    kept: list[PhraseHit] = []
    for hit in accepted:
        if hit.rule == RULE_CONTEXT and not _has_technology_nearby(taxonomy, tokens, hit, accepted):
            continue
        if taxonomy.category(hit.skill_id) == "Languages" and not _language_cue(tokens, hit):
            continue
        kept.append(hit)
    return sorted(kept, key=lambda hit: hit.token_indexes[0])


# A language name is a skill when the sentence talks about using it ("fluent Welsh"), not when it
# describes a cuisine or a place ("Italian restaurant").
_LANGUAGE_CUES: Final = frozenset(
    {
        "speak",
        "speaker",
        "spoken",
        "fluent",
        "fluenc",
        "languag",
        "nativ",
        "bilingu",
        "multilingu",
        "writ",
        "read",
        "proficien",
        "proficient",
        "level",
        "b1",
        "b2",
        "c1",
        "c2",
        "translat",
        "interpret",
        "mother",
        "tongue",
        "convers",
        "conversational",
        "communic",
        "skill",
    }
)


def _language_cue(tokens: Sequence[Token], hit: PhraseHit) -> bool:
    sentence = tokens[hit.token_indexes[0]].sentence
    return any(token.sentence == sentence and token.stem in _LANGUAGE_CUES for token in tokens)


def _has_technology_nearby(
    taxonomy: Taxonomy, tokens: Sequence[Token], hit: PhraseHit, accepted: Sequence[PhraseHit]
) -> bool:
    position = hit.token_indexes[0]
    token = tokens[position]
    following = tokens[position + 1] if position + 1 < len(tokens) else None
    if token.joined_before == "-" or (following is not None and following.joined_before == "-"):
        return False  # "C-suite", "go-to", "R-value"
    for other in accepted:
        if other is hit or other.rule == RULE_CONTEXT:
            continue
        other_position = other.token_indexes[0]
        if (
            abs(other_position - position) <= _CONTEXT_REACH
            and tokens[other_position].line == token.line
            and taxonomy.is_technology(other.skill_id)
        ):
            return True
    return False


def _find(taxonomy: Taxonomy, text: str) -> list[_Found]:
    tokens = tokenize(text)
    hits = _accept_hits(taxonomy, tokens, taxonomy.index.find(tokens))
    spans = [(tokens[min(hit.token_indexes)].start, tokens[max(hit.token_indexes)].end) for hit in hits]
    years = _assign_years(text, spans)
    pieces = _importance_map(text)
    soft_words = {hit.token_indexes[0] for hit in hits if _is_soft_adjective(taxonomy, tokens, hit)}
    found: list[_Found] = []
    for index, (hit, (start, end)) in enumerate(zip(hits, spans, strict=True)):
        importance = _importance_at(pieces, start)
        if importance != "context" and (
            _names_a_colleague(text, start, text[start:end])
            or _describes_workplace(taxonomy, tokens, hit)
            or _names_a_role(taxonomy, text, hit, start, end)
            or _names_a_subject(taxonomy, text, hit, start, end)
            or (_is_soft_adjective(taxonomy, tokens, hit) and not _asked_of_candidate(text, tokens, hit, soft_words))
        ):
            importance = "context"
        found.append(_Found(hit.skill_id, start, end, importance, years.get(index)))
    return found


# "our friendly team", "a creative agency", "busy, supportive practice": a soft-skill word in front
# of a workplace noun describes the employer, not what the job asks of you.
_WORKPLACE_NOUNS: Final = frozenset(
    stem(word)
    for word in (
        "team",
        "teams",
        "school",
        "company",
        "business",
        "practice",
        "store",
        "shop",
        "office",
        "environment",
        "atmosphere",
        "workplace",
        "nursery",
        "hotel",
        "restaurant",
        "cafe",
        "salon",
        "place",
        "home",
        "agency",
        "firm",
        "ward",
        "kitchen",
        "bakery",
        "culture",
        "studio",
        "pub",
        "bar",
        "brand",
        "department",
        "surgery",
        "clinic",
        "charity",
        "startup",
    )
)


def _describes_workplace(taxonomy: Taxonomy, tokens: Sequence[Token], hit: PhraseHit) -> bool:
    if hit.is_window or len(hit.token_indexes) != 1 or taxonomy.category(hit.skill_id) not in SOFT_SKILL_CATEGORIES:
        return False
    position = hit.token_indexes[0]
    following = [token for token in tokens[position + 1 : position + 4] if token.segment == tokens[position].segment]
    # "friendly and supportive team", "friendly primary school"; "friendly to the team" asks for it
    for token in following:
        if token.stem in _WORKPLACE_NOUNS:
            return True
        if token.is_stopword and token.text.lower() != "and":
            return False
    return False


# ---------------------------------------------------------------------------------------------
# Job-description readings: people and roles, school subjects, soft skills asked of the candidate
# ---------------------------------------------------------------------------------------------

# Words that head a noun phrase naming people or a post: "Sales Assistant", "decision makers",
# "Shift Manager", "warehouse staff". The skill word in front of them names whom, not what.
_ROLE_HEADS: Final = (
    r"managers?|makers?|pickers?|packers?|staff|colleagues|assistants?|operatives?|workers?|officers?|"
    r"administrators?|representatives?|reps?|attendants?|supervisors?|coordinators?|co-ordinators?|"
    r"executives?|advis[eo]rs?|consultants?|directors?|leaders?|agents?|clerks?|partners|owners?|"
    r"heads?|personnel"
)
# "warehouse staff", "warehouse and driving staff", "Shift Manager"
_ROLE_AFTER: Final = re.compile(rf"(?:\s+(?:and|or|&|/)\s+[\w-]+)?[ \t-]+(?:{_ROLE_HEADS})\b", re.IGNORECASE)
_ROLE_WORD: Final = re.compile(rf"(?:{_ROLE_HEADS})", re.IGNORECASE)
# "experience as a Care Assistant" asks for what the post does; so does a hiring sentence.
_AS_A_ROLE: Final = re.compile(
    r"\b(?:as|be|been|become|becoming)\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,2}$", re.IGNORECASE
)
_HIRING: Final = re.compile(
    r"\b(?:looking for|seeking|hiring|recruiting|we need|we want|join us as|vacanc)", re.IGNORECASE
)
_HEAD_OF_BEFORE: Final = re.compile(r"\b(?:head|director|vp|chief|manager|lead)\s+of\s+(?:the\s+)?$", re.IGNORECASE)


def _sentence_span(text: str, start: int, end: int) -> tuple[int, int]:
    begin = max(text.rfind("\n", 0, start), *(text.rfind(mark, 0, start) for mark in (". ", "! ", "? ", "; "))) + 1
    stop = _SENTENCE_END.search(text, end)
    return begin, stop.start() if stop else len(text)


def _names_a_role(taxonomy: Taxonomy, text: str, hit: PhraseHit, start: int, end: int) -> bool:
    """A job-description phrase that names a person or a post rather than a skill.

    "reach decision makers", "reporting to the Head of Operations", "the Shift Manager", "our
    warehouse staff". The job title itself is left alone (it often names the trade asked for),
    and technologies stay skills ("Python developer", "Salesforce admin").
    """
    if taxonomy.is_technology(hit.skill_id):
        return False
    line_start = text.rfind("\n", 0, start) + 1
    if line_start == 0:
        return False  # the title line
    before = text[line_start:start]
    if _HEAD_OF_BEFORE.search(before):
        return True
    if hit.is_window or _AS_A_ROLE.search(before) or _HIRING.search(text[slice(*_sentence_span(text, start, end))]):
        return False
    last = text[start:end].split()[-1].lower().strip(".,'’")
    return bool(_ROLE_WORD.fullmatch(last) or _ROLE_AFTER.match(text, end))


# Knowledge areas named as school subjects or degree subjects ("biology lessons", "a degree in
# physics") describe the setting or a qualification, not a skill the job asks for.
_SUBJECT_AFTER: Final = re.compile(
    r"(?:\s*(?:,|and|or|&|/)\s*[A-Za-z]+){0,4}\s+(?:lessons?|class(?:es)?|teach\w*|teachers?|"
    r"departments?|curriculum|practicals?|GCSEs?|A[- ]levels?|degrees?|graduates?|students?|pupils?)\b",
    re.IGNORECASE,
)
_SUBJECT_BEFORE: Final = re.compile(
    r"\b(?:degree|BSc|BA|MSc|PhD|GCSEs?|A[- ]levels?|qualification|graduate|teach(?:ing|er)?|"
    r"studied|study(?:ing)?)\s+(?:\w+\s+){0,2}(?:in\s+|of\s+)?(?:[A-Za-z]+\s*(?:,|and|or|&|/)\s*){0,4}$",
    re.IGNORECASE,
)
_SUBJECT_CATEGORIES: Final = frozenset({"Knowledge (ESCO)"})


def _names_a_subject(taxonomy: Taxonomy, text: str, hit: PhraseHit, start: int, end: int) -> bool:
    if hit.is_window or taxonomy.category(hit.skill_id) not in _SUBJECT_CATEGORIES:
        return False
    line_start = text.rfind("\n", 0, start) + 1
    return bool(_SUBJECT_AFTER.match(text, end) or _SUBJECT_BEFORE.search(text[line_start:start]))


def _is_soft(taxonomy: Taxonomy, hit: PhraseHit) -> bool:
    return taxonomy.category(hit.skill_id) in SOFT_SKILL_CATEGORIES


# A sentence that asks something of the reader: "You are calm", "Be friendly to the team",
# "we're looking for someone who…".
_ADDRESSES_CANDIDATE: Final = re.compile(
    r"^\W*(?:be|stay|remain)\b|\byou\b|\byou['’](?:ll|re|ve|d)\b|\bsomeone\b|\b(?:candidates?|applicants?|individuals?)\b|"
    r"\b(?:people|person) who\b|\bwe(?:['’]re| are) (?:looking|seeking|after)\b|\bwe (?:need|want|seek)\b|"
    r"\bmust\b|\bessential\b|\brequired\b|\bideal(?:ly)?\b|\b(?:able|ability) to\b",
    re.IGNORECASE,
)
# A heading or line label over a person specification (as opposed to duties or company blurb).
_PERSON_SPEC: Final = re.compile(
    r"essential|required|requirements?|\bmust\b|minimum|qualifications?|person spec|about you|who you are|"
    r"you(?:['’]re| are| have| bring| need|['’]ll need| will need|['’]ll have| will have|['’]ll be| will be)\b|"
    r"\byour (?:skills|experience|profile)|skills|looking for|what we need|what you need|criteria|"
    r"attributes|qualities|competenc|profile|desirable|nice to have|\bbonus|\bideal",
    re.IGNORECASE,
)
# Nouns a soft-skill adjective may qualify and still describe the candidate ("a calm manner").
_PERSON_NOUNS: Final = frozenset(
    stem(word)
    for word in (
        "person",
        "people",
        "individual",
        "someone",
        "candidate",
        "applicant",
        "communicator",
        "player",
        "attitude",
        "manner",
        "nature",
        "personality",
        "approach",
        "character",
        "professional",
        "self",
        "worker",
        "mindset",
    )
)
# A soft skill written as one adjective ("calm", "accurate", "motivated", "compassionate").
_ADJECTIVE: Final = re.compile(
    r"(?:calm|kind|keen|quick|thorough|patient|friendly|careful|punctual|flexible|reliable|"
    r"\w+(?:ful|ive|ous|ent|ant|ate|ed|ic|al|ble|ious))$",
    re.IGNORECASE,
)


def _is_soft_adjective(taxonomy: Taxonomy, tokens: Sequence[Token], hit: PhraseHit) -> bool:
    """A one-word soft skill that reads as a trait ("calm"), not an activity ("troubleshoot").

    Adverbs stay with their duty: "dispense prescriptions accurately" asks for accuracy.
    """
    return (
        not hit.is_window
        and len(hit.token_indexes) == 1
        and _is_soft(taxonomy, hit)
        and bool(_ADJECTIVE.fullmatch(tokens[hit.token_indexes[0]].text))
    )


def _names_people(tokens: Sequence[Token]) -> bool:
    """Whether the next words name a person: "a compassionate Registered Nurse", "calm manner"."""
    for token in tokens:
        if token.stem in _PERSON_NOUNS or token.text[:1].isupper() or _ROLE_WORD.fullmatch(token.text.lower()):
            return True
        word = token.text.lower().rstrip("s")
        if word.endswith(_PERSON_ENDINGS) and word not in ("order", "paper", "number", "water", "record"):
            return True
    return False


def _asked_of_candidate(text: str, tokens: Sequence[Token], hit: PhraseHit, soft_words: set[int]) -> bool:
    """Whether a one-word soft skill in a job description is asked of the candidate.

    It is when its sentence addresses the reader or a wanted person ("You're calm and friendly",
    "we're looking for someone who is motivated"), or it sits under a person-specification heading
    or label ("Essential:", "About you"). It is not when it only describes a duty's object or
    thing ("keep records accurate", "give a friendly service") or sits
    in duties, company or team text.
    """
    position = hit.token_indexes[0]
    following = tokens[position + 1] if position + 1 < len(tokens) else None
    if (
        following is not None
        and following.segment == tokens[position].segment
        and not following.is_stopword
        and position + 1 not in soft_words
        and not _names_people(tokens[position + 1 : position + 4])
    ):
        return False  # an adjective on a thing: "accurate records", "friendly service"
    start = tokens[min(hit.token_indexes)].start
    end = tokens[max(hit.token_indexes)].end
    sentence = text[slice(*_sentence_span(text, start, end))]
    if _ADDRESSES_CANDIDATE.search(sentence):
        return True
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start)
    label = _LINE_LABEL.match(text[line_start : line_end if line_end >= 0 else len(text)])
    if label and _PERSON_SPEC.search(label.group(1)):
        return True
    position = line_start
    while position > 0:
        previous = text.rfind("\n", 0, position - 1) + 1
        line = text[previous : position - 1]
        if _heading_mode(line) is not None:
            return bool(_PERSON_SPEC.search(line))
        position = previous
    return False


@lru_cache(maxsize=128)
def _find_cached(text: str) -> tuple[_Found, ...]:
    return tuple(_find(load_taxonomy(), text))


def extract_skills(text: str) -> list[SkillMention]:
    """Every skill the text names, in order of appearance."""
    text = text[:MAX_TEXT_CHARS]
    taxonomy = load_taxonomy()
    mentions = []
    for found in _find_cached(text):
        mentions.append(
            SkillMention(
                skill=taxonomy.names[found.skill_id],
                category=taxonomy.category(found.skill_id),
                text=text[found.start : found.end],
                offset=found.start,
                importance=found.importance,
                years=found.years,
            )
        )
    return mentions


# ---------------------------------------------------------------------------------------------
# Matching
# ---------------------------------------------------------------------------------------------

REQUIRED_WEIGHT: Final = 1.0
NICE_TO_HAVE_WEIGHT: Final = 0.5
SOFT_SKILL_FACTOR: Final = 0.6  # soft skills are asked everywhere and rarely evidenced
YEARS_UNSTATED_CREDIT: Final = 0.75  # the JD asks for years and the CV does not say how long
SOFT_SKILL_CATEGORIES: Final = frozenset({"Soft skills"})


def _number(value: float | None) -> float | int | None:
    if value is None:
        return None
    return int(value) if float(value).is_integer() else round(value, 1)


@dataclass(frozen=True)
class MatchResult:
    """How well a CV covers a job description, and why."""

    score: int
    required: tuple[dict[str, str], ...] = ()
    matched: tuple[dict[str, str], ...] = ()
    missing: tuple[dict[str, str], ...] = ()
    nice_to_have: tuple[dict[str, object], ...] = ()
    years: tuple[dict[str, object], ...] = ()
    explanation: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, object]:
        return {
            "score": self.score,
            "required": [dict(item) for item in self.required],
            "matched": [dict(item) for item in self.matched],
            "missing": [dict(item) for item in self.missing],
            "nice_to_have": [dict(item) for item in self.nice_to_have],
            "years": [dict(item) for item in self.years],
            "explanation": list(self.explanation),
        }


@dataclass
class _Asked:
    skill_id: int
    text: str
    importance: Importance
    years: float | None
    group: int | None  # JD skills offered as alternatives ("Tableau or Power BI") share a group


@dataclass
class _Shown:
    text: str
    years: float | None
    offsets: list[int]


_LIST_GAP: Final = re.compile(r"\s*(?:,\s*or|and/or|,|/|or)\s*(?:(?:an?|the)\s+)?", re.IGNORECASE)
_EXAMPLES_BEFORE: Final = re.compile(
    r"(?:e\.?g\.?|such as|for example|for instance|like|including|either)[\s:,(]*$", re.IGNORECASE
)


def _alternative_groups(found: Sequence[_Found], text: str) -> list[int | None]:
    """Group id per found item when the JD offers items as alternatives, else None.

    "Tableau or Power BI", "Java/Kotlin", "a BI tool (e.g. Looker, Metabase)" are alternatives;
    "Python, SQL and Docker" are all wanted.
    """
    groups: list[int | None] = [None] * len(found)
    chain_start = 0
    for index in range(1, len(found) + 1):
        linked = False
        if index < len(found):
            gap = text[found[index - 1].end : found[index].start]
            linked = "\n" not in gap and _LIST_GAP.fullmatch(gap) is not None
        if linked:
            continue
        chain = range(chain_start, index)
        if len(chain) > 1:
            gaps = [text[found[i - 1].end : found[i].start].lower() for i in chain[1:]]
            offered = any(re.search(r"\bor\b|/", gap) for gap in gaps) or _EXAMPLES_BEFORE.search(
                text[max(0, found[chain_start].start - 30) : found[chain_start].start]
            )
            if offered:
                for i in chain:
                    groups[i] = chain_start
        chain_start = index
    return groups


def _asked_skills(found: Sequence[_Found], text: str) -> list[_Asked]:
    """One entry per JD skill (first wording kept); required wins over nice-to-have, and a skill
    asked on its own anywhere is not just an alternative."""
    asked: dict[int, _Asked] = {}
    groups = _alternative_groups(found, text)
    for item, group in zip(found, groups, strict=True):
        if item.importance == "context":
            continue
        entry = asked.get(item.skill_id)
        if entry is None:
            wording = text[item.start : item.end]
            asked[item.skill_id] = _Asked(item.skill_id, wording, item.importance, item.years, group)
            continue
        if item.importance == "required":
            entry.importance = "required"
        if group is None:
            entry.group = None
        if item.years is not None:
            entry.years = max(entry.years or 0.0, item.years)
    return list(asked.values())


def _shown_skills(
    taxonomy: Taxonomy, found: Sequence[_Found], text: str, reference_year: int | None
) -> dict[int, _Shown]:
    """CV skills, with skills they imply (PostgreSQL shows SQL), and years shown for each."""
    shown: dict[int, _Shown] = {}
    for item in found:
        wording = text[item.start : item.end]
        for skill_id in (item.skill_id, *taxonomy.implies.get(item.skill_id, ())):
            entry = shown.setdefault(skill_id, _Shown(wording, None, []))
            entry.offsets.append(item.start)
            if item.years is not None:
                entry.years = max(entry.years or 0.0, item.years)
    blocks = _dated_blocks(text, reference_year)
    if blocks:
        for entry in shown.values():
            if entry.years is None:
                from_dates = _years_from_blocks(blocks, entry.offsets)
                entry.years = from_dates or None
    return shown


def _years_credit(asked: _Asked, evidence: _Shown) -> float:
    if not asked.years:
        return 1.0
    if evidence.years is None:
        return YEARS_UNSTATED_CREDIT
    return min(1.0, evidence.years / asked.years)


def match(jd: str, cv: str, *, reference_year: int | None = None) -> MatchResult:
    """Score how well `cv` covers the skills `jd` asks for (0-100) and explain the score.

    Each skill the JD asks for (or each set of alternatives, "Tableau or Power BI") weighs 1 when
    required and 0.5 when nice to have, soft skills 0.6 of that; it earns its weight when the CV
    shows it, scaled down when the CV shows fewer years than asked. `reference_year` is what
    "present" means in CV date ranges; by default the latest year the CV mentions, so the result
    depends on the texts only.
    """
    taxonomy = load_taxonomy()
    jd, cv = jd[:MAX_TEXT_CHARS], cv[:MAX_TEXT_CHARS]
    asked = _asked_skills(_find_cached(jd), jd)
    shown = _shown_skills(taxonomy, _find_cached(cv), cv, reference_year)

    units: dict[tuple[int, int], list[_Asked]] = {}
    for entry in asked:
        unit_key = (0, entry.group) if entry.group is not None else (1, entry.skill_id)
        units.setdefault(unit_key, []).append(entry)

    required: list[dict[str, str]] = []
    matched: list[dict[str, str]] = []
    missing: list[dict[str, str]] = []
    nice: list[dict[str, object]] = []
    years: list[dict[str, object]] = []
    notes: list[str] = []
    total_weight = earned = 0.0
    counts = {"required": [0, 0], "nice_to_have": [0, 0]}  # [found, asked]
    for members in units.values():
        is_required = any(member.importance == "required" for member in members)
        weight = REQUIRED_WEIGHT if is_required else NICE_TO_HAVE_WEIGHT
        if all(taxonomy.category(member.skill_id) in SOFT_SKILL_CATEGORIES for member in members):
            weight *= SOFT_SKILL_FACTOR
        credits = [_years_credit(member, shown[member.skill_id]) for member in members if member.skill_id in shown]
        credit = max(credits, default=0.0)
        total_weight += weight
        earned += weight * credit
        tally = counts["required" if is_required else "nice_to_have"]
        tally[1] += 1
        tally[0] += bool(credits)
        names = [taxonomy.names[member.skill_id] for member in members]
        for member, name in zip(members, names, strict=True):
            evidence = shown.get(member.skill_id)
            if is_required:
                required.append({"skill": name, "text": member.text})
            else:
                nice.append({"skill": name, "text": member.text, "matched": evidence is not None})
            if member.years:
                years.append(
                    {
                        "skill": name,
                        "asked": _number(member.years),
                        "shown": _number(evidence.years) if evidence else None,
                    }
                )
            if evidence is None:
                if is_required and not credits:
                    missing.append({"skill": name, "text": member.text})
                continue
            matched.append({"skill": name, "jd_text": member.text, "cv_text": evidence.text})
            if member.years and evidence.years is None:
                notes.append(f"{name}: {_number(member.years)} years asked, the CV does not say how long.")
            elif member.years and evidence.years is not None and evidence.years < member.years:
                notes.append(
                    f"{name}: {_number(evidence.years)} of {_number(member.years)} years asked,"
                    f" counted {round(100 * evidence.years / member.years)}%."
                )
        if len(members) > 1 and credits:
            notes.append(f"{' or '.join(names)}: alternatives, one of them is enough.")

    score = round(100 * earned / total_weight) if total_weight else 0
    explanation = _explain(score, counts, total_weight, earned, notes, cv)
    return MatchResult(
        score=score,
        required=tuple(required),
        matched=tuple(matched),
        missing=tuple(missing),
        nice_to_have=tuple(nice),
        years=tuple(years),
        explanation=tuple(explanation),
    )


def _explain(
    score: int,
    counts: Mapping[str, Sequence[int]],
    total_weight: float,
    earned: float,
    notes: Sequence[str],
    cv: str,
) -> list[str]:
    if not total_weight:
        return ["No skills recognised in the job description, so there is nothing to score."]
    lines = []
    required_found, required_asked = counts["required"]
    nice_found, nice_asked = counts["nice_to_have"]
    if required_asked:
        lines.append(f"Required: {required_found} of {required_asked} found in the CV.")
    if nice_asked:
        lines.append(f"Nice to have: {nice_found} of {nice_asked} found (each counts half).")
    if not cv.strip():
        lines.append("The CV is empty.")
    lines.extend(notes)
    lines.append(
        f"Score {score} = {earned:.1f} of {total_weight:.1f} weighted skills shown"
        f" (soft skills weigh {SOFT_SKILL_FACTOR:g}; fewer years than asked scale a skill down)."
    )
    return lines


def match_batch(pairs: Iterable[Mapping[str, str]]) -> list[MatchResult]:
    """`match` over many {"jd": ..., "cv": ...} pairs; a CV repeated across pairs is read once."""
    return [match(pair.get("jd", ""), pair.get("cv", "")) for pair in pairs]


def _sentence_around(text: str, offset: int, limit: int = 160) -> str:
    start = max(text.rfind("\n", 0, offset), text.rfind(". ", 0, offset) + 1, 0)
    end_match = _SENTENCE_END.search(text, offset)
    end = end_match.start() + 1 if end_match else len(text)
    sentence = " ".join(text[start:end].split())
    return sentence if len(sentence) <= limit else sentence[: limit - 1].rstrip() + "…"


@dataclass
class _Gap:
    skill_id: int
    example: str
    jobs: int = 0
    weight: float = 0.0


def rank_gaps(rejections: Sequence[tuple[str, float]], cv_texts: Sequence[str]) -> list[dict[str, object]]:
    """Skills that rejected jobs required and none of the CVs shows, most costly first.

    `rejections` pairs a job description with a weight (e.g. how far the application got: a
    rejection after the final interview says more than one at screening; negative counts as 0).
    Each gap reports how many jobs required it, the summed weight, and an example sentence from a
    job description: ``[{"skill", "jobs", "weight", "example"}]``.
    """
    taxonomy = load_taxonomy()
    shown: set[int] = set()
    for cv in cv_texts:
        cv = cv[:MAX_TEXT_CHARS]
        shown.update(_shown_skills(taxonomy, _find_cached(cv), cv, None))
    gaps: dict[int, _Gap] = {}
    for jd, weight in rejections:
        jd = jd[:MAX_TEXT_CHARS]
        for entry in _asked_skills(_find_cached(jd), jd):
            if entry.importance != "required" or entry.skill_id in shown:
                continue
            gap = gaps.setdefault(entry.skill_id, _Gap(entry.skill_id, _sentence_around(jd, jd.find(entry.text))))
            gap.jobs += 1
            gap.weight += max(0.0, float(weight))
    ranked = sorted(gaps.values(), key=lambda gap: (-gap.weight, -gap.jobs, taxonomy.names[gap.skill_id]))
    return [
        {
            "skill": taxonomy.names[gap.skill_id],
            "jobs": gap.jobs,
            "weight": round(gap.weight, 2),
            "example": gap.example,
        }
        for gap in ranked
    ]
