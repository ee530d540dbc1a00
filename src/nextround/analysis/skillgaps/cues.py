"""The cue lists that say how a job description is read, from ``nextround/data/match_cues.toml``."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files
from typing import Any, Final

CUES_RESOURCE: Final = "match_cues.toml"
GLOSSARY_RESOURCE: Final = "skill_glossary.toml"
# the verbs of an employer advertising a post ("... is looking for", "we are recruiting"), for the readers that set
# such sentences aside
HIRING_VERBS: Final = r"(?:seeking|looking for|recruiting|hiring)"


def _alternation(phrases: list[str]) -> str:
    ordered = sorted({phrase.lower() for phrase in phrases}, key=len, reverse=True)
    return "|".join(re.escape(phrase) for phrase in ordered)


def _anywhere(phrases: list[str]) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w'])(?:{_alternation(phrases)})(?![\w'])", re.IGNORECASE)


@dataclass(frozen=True)
class Cues:
    heading_kinds: tuple[tuple[str, re.Pattern[str]], ...]  # kind, pattern matching the whole heading
    headings: dict[str, str]  # a heading as listed -> its kind ("desired candidate profile" asks)
    must: re.Pattern[str]
    nice: re.Pattern[str]
    employer: re.Pattern[str]
    apply: re.Pattern[str]
    conditions: re.Pattern[str]
    skill_words: re.Pattern[str]
    leadin: re.Pattern[str]
    tail: re.Pattern[str]
    qualities: frozenset[str]
    abbreviations: dict[str, tuple[str, ...]]
    generic_names: frozenset[str]
    not_yet: re.Pattern[str]  # a credential named on a CV line that is not held yet ("result awaited")


@lru_cache(maxsize=1)
def cue_data() -> dict[str, Any]:
    """The cue file as read, for the readers that take a list of their own from it ([forms], [held])."""
    return tomllib.loads(files("nextround.data").joinpath(CUES_RESOURCE).read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def grade_words() -> frozenset[str]:
    """Words that say which grade of a named thing ([forms] grade_words of the cue file)."""
    return frozenset(word.lower() for word in cue_data()["forms"]["grade_words"])


@lru_cache(maxsize=1)
def load_cues() -> Cues:
    data = tomllib.loads(files("nextround.data").joinpath(CUES_RESOURCE).read_text(encoding="utf-8"))
    headings = data["headings"]
    kinds_order = ("nice", "context", "prose", "required", "duties")
    prefix = r"(?:(?:job|key|main|core|primary|role|position|minimum|basic|additional|other|your|the|our)\s+)?"
    kinds = tuple(
        (kind, re.compile(rf"{prefix}(?:{_alternation(headings[kind])})\b[\w\s'&,/–—-]{{0,40}}", re.IGNORECASE))
        for kind in kinds_order
    )
    sentences, leadins = data["sentences"], data["leadins"]
    return Cues(
        heading_kinds=kinds,
        headings={heading.lower(): kind for kind in kinds_order for heading in headings[kind]},
        must=_anywhere(sentences["must"]),
        nice=_anywhere(sentences["nice"]),
        employer=_anywhere(sentences["employer"]),
        apply=_anywhere(sentences["apply"]),
        conditions=_anywhere(data["conditions"]["words"]),
        skill_words=_anywhere(data["conditions"]["skill_words"]),
        leadin=re.compile(rf"^(?:(?:{_alternation(leadins['phrases'])})\s+)+", re.IGNORECASE),
        tail=re.compile(rf"(?:[\s,]+(?:{_alternation(leadins['tails'])}))+[\s.!]*$", re.IGNORECASE),
        qualities=frozenset(word.lower() for word in data["qualities"]["words"]),
        abbreviations={key.lower(): tuple(value) for key, value in data["abbreviations"].items()},
        generic_names=frozenset(word.lower() for word in data["names"]["generic"]),
        not_yet=_anywhere(data["held"]["not_yet"]),
    )


def listed_heading(text: str) -> str | None:
    """The kind of a heading written exactly as listed ("What you bring"), after any symbol before it."""
    cleaned = re.sub(r"^[^\w(]+", "", text.strip()).strip("#*_ :").strip().lower()
    return load_cues().headings.get(cleaned)


def heading_kind(text: str) -> str | None:
    """ "required", "duties", "nice", "context" when `text` reads as a section heading, else None."""
    cleaned = text.strip().strip("#*_ ").strip().strip(":").strip("*_ ").strip().lower()
    if not cleaned:
        return None
    cues = load_cues()
    if cleaned in cues.headings:  # a listed heading is what it says before any longer reading of it
        return cues.headings[cleaned]
    for kind, pattern in cues.heading_kinds:
        if pattern.fullmatch(cleaned):
            return kind
    return None


@dataclass(frozen=True)
class Glossary:
    """Terms of art and what they mean in plain words (``data/skill_glossary.toml``)."""

    meanings: dict[str, tuple[str, ...]]
    pattern: re.Pattern[str] | None

    def gloss(self, phrase: str) -> list[str]:
        """The phrase said in plain words, one version per term it uses ("Variance analysis" ->
        "explaining differences between budget and actual figures")."""
        if self.pattern is None:
            return []
        said: list[str] = []
        for match in self.pattern.finditer(phrase):
            for meaning in self.meanings[match.group(0).lower()]:
                said.append(f"{phrase[: match.start()]}{meaning}{phrase[match.end() :]}".strip())
        return said


def glossary_of(meanings: dict[str, tuple[str, ...]]) -> Glossary:
    return Glossary(meanings, _anywhere(list(meanings)) if meanings else None)


@lru_cache(maxsize=1)
def load_glossary() -> Glossary:
    data = tomllib.loads(files("nextround.data").joinpath(GLOSSARY_RESOURCE).read_text(encoding="utf-8"))
    meanings = {
        term.lower(): (meaning,) if isinstance(meaning, str) else tuple(meaning)
        for term, meaning in data["terms"].items()
    }
    return glossary_of(meanings)


@lru_cache(maxsize=1)
def listed_binomials() -> frozenset[str]:
    """Names of an industry or trade joined by "and" that the cue file lists as one thing ("oil and gas")."""
    data = tomllib.loads(files("nextround.data").joinpath(CUES_RESOURCE).read_text(encoding="utf-8"))
    return frozenset(pair.lower() for pair in data.get("binomials", {}).get("pairs", []))
