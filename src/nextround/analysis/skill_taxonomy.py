"""The packaged skill taxonomy: O*NET technology skills, ESCO skill labels and the project's aliases.

Built by ``scripts/build_taxonomy.py`` (see ``nextround/data/CREDITS.md``); loaded once per process.
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files
from typing import Final, Literal

from nextround.analysis.skill_match import PhraseIndex, key_stems, name_key, tokenize

__all__ = ["MAX_TEXT_CHARS", "SOFT_SKILL_CATEGORIES", "Importance", "Skill", "Taxonomy", "load_taxonomy"]

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


SOFT_SKILL_CATEGORIES: Final = frozenset({"Soft skills"})


def number(value: float | None) -> float | int | None:
    """A count of years as JSON shows it: 3 rather than 3.0."""
    if value is None:
        return None
    return int(value) if float(value).is_integer() else round(value, 1)
