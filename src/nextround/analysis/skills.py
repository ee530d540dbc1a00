"""Skills in job descriptions and CVs: every skill a text names, with its canonical taxonomy name.

The taxonomy is the packaged index built by ``scripts/build_taxonomy.py`` from O*NET technology
skills, ESCO skill labels (see ``nextround/data/CREDITS.md``) and the project's own alias table.
Everything here is pure and deterministic: text in, plain dataclasses out, no network, no models.

:func:`extract_skills` finds skills with their canonical name, where they sit, whether the text marks
them as nice-to-have (or as company blurb), and years asked or shown ("3+ years of Python").
Matching a job with a CV, and ranking gaps, is :mod:`nextround.analysis.skillgaps`.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files
from itertools import pairwise
from typing import Final

from nextround.analysis.skill_match import RULE_CASE, RULE_CONTEXT, PhraseHit, Token, tokenize
from nextround.analysis.skill_sections import (
    _LINE_LABEL,
    _PERSON_ENDINGS,
    _SENTENCE_END,
    _assign_years,
    _heading_mode,
    _importance_at,
    _importance_map,
    _names_a_colleague,
)
from nextround.analysis.skill_taxonomy import (
    MAX_TEXT_CHARS,
    SOFT_SKILL_CATEGORIES,
    Importance,
    Skill,
    Taxonomy,
    load_taxonomy,
)
from nextround.analysis.skill_taxonomy import number as _number
from nextround.analysis.text import stem

__all__ = [
    "Importance",
    "Skill",
    "SkillMention",
    "Taxonomy",
    "extract_skills",
    "load_taxonomy",
]


# ---------------------------------------------------------------------------------------------
# Cue words (nextround/data/skill_cues.toml), read on first use
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Cues:
    language: frozenset[str]  # stems that make a language name a skill
    workplace: frozenset[str]  # stems of nouns that make a soft-skill word describe the employer
    person: frozenset[str]  # stems of nouns a soft-skill adjective may qualify
    role_after: re.Pattern[str]  # "warehouse staff", "warehouse and driving staff", "Shift Manager"
    role_word: re.Pattern[str]


@lru_cache(maxsize=1)
def _cues() -> _Cues:
    data = tomllib.loads(files("nextround.data").joinpath("skill_cues.toml").read_text(encoding="utf-8"))
    heads = "|".join(data["roles"]["heads"])
    return _Cues(
        language=frozenset(data["language"]["stems"]),
        workplace=frozenset(stem(word) for word in data["workplace"]["words"]),
        person=frozenset(stem(word) for word in data["person"]["words"]),
        role_after=re.compile(rf"(?:\s+(?:and|or|&|/)\s+[\w-]+)?[ \t-]+(?:{heads})\b", re.IGNORECASE),
        role_word=re.compile(rf"(?:{heads})", re.IGNORECASE),
    )


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


def _language_cue(tokens: Sequence[Token], hit: PhraseHit) -> bool:
    sentence = tokens[hit.token_indexes[0]].sentence
    return any(token.sentence == sentence and token.stem in _cues().language for token in tokens)


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


def _describes_workplace(taxonomy: Taxonomy, tokens: Sequence[Token], hit: PhraseHit) -> bool:
    if hit.is_window or len(hit.token_indexes) != 1 or taxonomy.category(hit.skill_id) not in SOFT_SKILL_CATEGORIES:
        return False
    position = hit.token_indexes[0]
    following = [token for token in tokens[position + 1 : position + 4] if token.segment == tokens[position].segment]
    # "friendly and supportive team", "friendly primary school"; "friendly to the team" asks for it
    for token in following:
        if token.stem in _cues().workplace:
            return True
        if token.is_stopword and token.text.lower() != "and":
            return False
    return False


# ---------------------------------------------------------------------------------------------
# Job-description readings: people and roles, school subjects, soft skills asked of the candidate
# ---------------------------------------------------------------------------------------------

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
    return bool(_cues().role_word.fullmatch(last) or _cues().role_after.match(text, end))


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
        if token.stem in _cues().person or token.text[:1].isupper() or _cues().role_word.fullmatch(token.text.lower()):
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
