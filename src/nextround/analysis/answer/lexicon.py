"""The answer analysis's word lists and STAR cue tables, read from TOML data files on first use.

The data lives beside ``skill_aliases.toml`` in ``nextround/data``: ``answer_lexicon.toml`` (word lists,
length targets), ``answer_cues.toml`` (weighted STAR cue patterns, and the STAR model's framing patterns) and
``answer_competencies.toml`` (what each competency is about). Nothing is read at import time.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files
from typing import Any

from nextround.analysis.text.gates import GatedPattern, required_text

# A cue: its pattern, its weight, and the literal text one of which any match contains (a cheap gate).
Cue = tuple[re.Pattern[str], float, frozenset[str] | None]


@dataclass(frozen=True)
class Lexicon:
    stopwords: frozenset[str]
    generic_job_ad_words: frozenset[str]
    job_ad_verbs: frozenset[str]
    simple_fillers: frozenset[str]
    phrase_fillers: tuple[str, ...]
    like_not_filler_before: frozenset[str]
    hedge_phrases: tuple[str, ...]
    stock_trait_phrases: tuple[str, ...]
    irregular_action_past: frozenset[str]
    non_action_past: frozenset[str]
    non_action_base: frozenset[str]
    number_words: frozenset[str]
    multiplier_words: frozenset[str]
    length_targets: dict[str, tuple[int, int]]

    @property
    def number_words_alternation(self) -> str:
        return "|".join(sorted(self.number_words, key=len, reverse=True))


@dataclass(frozen=True)
class Competency:
    name: str
    concept: str
    description: str
    anchors: tuple[str, ...] = ()  # answer-like sentences of what a story about it tells


def _read(name: str) -> dict[str, Any]:
    return tomllib.loads(files("nextround.data").joinpath(name).read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    raw = _read("answer_lexicon.toml")

    def words(key: str) -> frozenset[str]:
        return frozenset(str(raw[key]).split())

    return Lexicon(
        stopwords=words("stopwords"),
        generic_job_ad_words=words("generic_job_ad_words"),
        job_ad_verbs=words("job_ad_verbs"),
        simple_fillers=words("simple_fillers"),
        phrase_fillers=tuple(raw["phrase_fillers"]),
        like_not_filler_before=words("like_not_filler_before"),
        hedge_phrases=tuple(raw["hedge_phrases"]),
        stock_trait_phrases=tuple(raw["stock_trait_phrases"]),
        irregular_action_past=words("irregular_action_past"),
        non_action_past=words("non_action_past"),
        non_action_base=words("non_action_base"),
        number_words=words("number_words"),
        multiplier_words=words("multiplier_words"),
        length_targets={key: (int(low), int(high)) for key, (low, high) in raw["length_targets"].items()},
    )


@lru_cache(maxsize=1)
def cue_tables() -> dict[str, tuple[Cue, ...]]:
    """Compiled STAR cue tables by name: ``situation``, ``task``, ``action_extra``, ``result``."""
    raw = _read("answer_cues.toml")
    placeholders = {
        "{time_nouns}": cue_placeholders()["time_nouns"],
        "{months}": cue_placeholders()["months"],
        "{number_words}": lexicon().number_words_alternation,
    }
    tables: dict[str, tuple[Cue, ...]] = {}
    for name in ("situation", "task", "action_extra", "result"):
        cues: list[Cue] = []
        for entry in raw[name]:
            pattern = str(entry["pattern"])
            for placeholder, value in placeholders.items():
                pattern = pattern.replace(placeholder, value)
            compiled = re.compile(pattern)
            cues.append((compiled, float(entry["weight"]), required_text(compiled)))
        tables[name] = tuple(cues)
    return tables


@lru_cache(maxsize=1)
def framing_cues() -> dict[str, GatedPattern]:
    """The STAR model's framing and context patterns by name (``answer_cues.toml``, table ``framing``): the speaker's
    own charge, others' demand, a role, a further step, an outcome, an outcome still to come … Each is searched only
    in a sentence with its required text (every sentence meets them all)."""
    raw = _read("answer_cues.toml")["framing"]
    return {str(name): GatedPattern(re.compile(str(pattern))) for name, pattern in raw.items()}


@lru_cache(maxsize=1)
def named_place() -> re.Pattern[str]:
    """A place named with a capital after a preposition ("at the hotel in Doha"), for the sentence as written."""
    return re.compile(str(_read("answer_cues.toml")["named_place"]))


@lru_cache(maxsize=1)
def cue_placeholders() -> dict[str, str]:
    """Alternations shared with Python rules: ``time_nouns`` and ``months``."""
    raw = _read("answer_cues.toml")
    return {"time_nouns": str(raw["time_nouns"]), "months": str(raw["months"])}


@lru_cache(maxsize=1)
def competencies() -> tuple[Competency, ...]:
    raw = _read("answer_competencies.toml")
    return tuple(
        Competency(
            name,
            str(entry["concept"]),
            str(entry["description"]),
            tuple(str(anchor) for anchor in entry.get("anchors", ())),
        )
        for name, entry in raw.items()
    )


@lru_cache(maxsize=1)
def question_kind_cues() -> dict[str, re.Pattern[str]]:
    """What kind of answer a question asks for (``answer_cues.toml``, table ``question_kind``): a plan, a habit or
    way of working, a method or piece of knowledge (session 12)."""
    raw = _read("answer_cues.toml")["question_kind"]
    return {str(name): re.compile(str(pattern)) for name, pattern in raw.items()}


@lru_cache(maxsize=1)
def next_step_cues() -> dict[str, re.Pattern[str]]:
    """A step still to come, said with when (``answer_cues.toml``, table ``next_step``: ``when`` and ``pending``, both
    must match; session 20): a "result" that is only the next step."""
    raw = _read("answer_cues.toml")["next_step"]
    return {str(name): re.compile(str(pattern)) for name, pattern in raw.items()}


@lru_cache(maxsize=1)
def role_step_cues() -> dict[str, GatedPattern]:
    """How a step reads outside a story (``answer_cues.toml``, table ``role_steps``): a method told in the second
    person or as an instruction, a weak plan (session 12); gated as :func:`framing_cues`."""
    raw = _read("answer_cues.toml")["role_steps"]
    return {str(name): GatedPattern(re.compile(str(pattern))) for name, pattern in raw.items()}
