"""Build src/nextround/data/skills_taxonomy.json.gz from O*NET, ESCO and the project's alias table.

Usage (from the repository root):

    .venv/bin/python scripts/build_taxonomy.py [DATA_DIR] [--output PATH] [--report]

DATA_DIR defaults to ../shared/data relative to the repository root and must hold
onet/technology_skills.tsv, onet/occupations.tsv and esco/skills_en_label.txt.

The index is precomputed so that loading it at runtime is a JSON parse plus a few dict builds:
canonical skills, their category, sources and O*NET Hot Technology / In Demand flags, exact match
keys (stems of product names, short forms and aliases, with case rules for ambiguous words) and
word-window labels (content stems of ESCO labels and alias phrases). The same tokenizer and stemmer
as the runtime (nextround.analysis.skill_match) produce the keys, so the two always agree.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import hashlib
import json
import re
import sys
import tomllib
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from nextround.analysis.skill_match import (
    CLAUSE_WORDS,
    RULE_CASE,
    RULE_CONTEXT,
    RULE_PLAIN,
    WEAK_VERBS,
    PhraseIndex,
    WindowLabel,
    content_stems,
    encode_windows,
    exact_entry,
    key_stems,
    name_key,
    tokenize,
)

REPO_ROOT = Path(__file__).resolve().parents[1]
PACKAGE_DATA = REPO_ROOT / "src" / "nextround" / "data"
DEFAULT_OUTPUT = PACKAGE_DATA / "skills_taxonomy.json.gz"
ALIASES_PATH = PACKAGE_DATA / "skill_aliases.toml"
INDEX_FORMAT = 3

ONET_CREDIT = (
    "This product includes information from O*NET (onetcenter.org) by the U.S. Department of Labor, "
    "Employment and Training Administration (USDOL/ETA). Used under the CC BY 4.0 license."
)
ESCO_CREDIT = "ESCO classification, European Commission"

SOURCE_ALIASES = 1
SOURCE_ONET = 2
SOURCE_ESCO = 4
FLAG_HOT = 1
FLAG_IN_DEMAND = 2
FLAG_TECH = 4

# Who wins a key two skills want: the alias table, then O*NET, then ESCO.
PRIORITY = {"aliases": 0, "onet": 1, "esco": 2}

# Product-name endings that only say which edition it is ("Splunk Enterprise" is Splunk).
EDITION_WORDS = frozenset(
    {"Enterprise", "Professional", "Pro", "Standard", "Premium", "Online", "Desktop", "Edition", "Plus"}
)
# Content words that add nothing to a label ("communication skills" is "communication").
EMPTY_CONTENT = frozenset({"skill", "abil", "knowledg", "experi", "proficien", "competen"})
LANGUAGE_LABEL = re.compile(
    r"^(?:write|speak|read|understand written|understand spoken|interact verbally in) ([A-Z][a-z]+)$"
)
# Stopwords that carry no meaning in an ESCO label; any other skipped word ("well", "up", "out",
# "over") changes what the label means, so such labels are matched exactly, never as windows.
FUNCTION_WORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "of",
        "to",
        "in",
        "on",
        "at",
        "for",
        "with",
        "by",
        "from",
        "as",
        "into",
        "onto",
        "about",
        "within",
        "across",
        "per",
        "via",
        "and",
        "or",
        "its",
        "their",
        "your",
        "other",
        "all",
        "any",
        "each",
        "such",
        "be",
        "is",
        "are",
        "not",
        "no",
        "e.g",
        "i.e",
        "etc",
        "who",
        "which",
        "that",
        "this",
    ]
)
ACRONYM = re.compile(r"^[A-Z][A-Z0-9&+]{1,9}$")
ACRONYM_SKIP_WORDS = frozenset({"and", "of", "for", "the", "to", "in", "on", "a"})
# An ESCO label that turns up in more than this share of O*NET occupation descriptions is too
# generic to report as a skill someone asked for.
GENERIC_LABEL_SHARE = 0.03


@dataclass
class SkillRecord:
    name: str
    category: str
    sources: int
    hot: bool = False
    in_demand: bool = False
    tech: bool = False


@dataclass
class KeyOwner:
    skill_id: int
    priority: int
    primary: bool
    rule: int
    surface: str
    origin: str


@dataclass
class AliasTable:
    skills: dict[str, dict[str, list[str]]]
    implies: dict[str, list[str]]
    evidence: dict[str, dict[str, list[str]]]
    tech_categories: frozenset[str]
    vendors: tuple[str, ...]
    context_words: dict[str, str]
    case_words: dict[str, str]
    drop_words: frozenset[str]
    esco_drop: frozenset[str]
    sha256: str


def read_alias_table(path: Path) -> AliasTable:
    raw = path.read_bytes()
    table = tomllib.loads(raw.decode("utf-8"))
    ambiguous = table["ambiguous"]
    return AliasTable(
        skills=table["skills"],
        implies=table.get("implies", {}),
        evidence=table.get("evidence", {}),
        tech_categories=frozenset(table["meta"]["tech_categories"]),
        vendors=tuple(sorted(table["meta"]["vendors"], key=len, reverse=True)),
        context_words={word.lower(): word for word in ambiguous["context"]},
        case_words={word.lower(): word for word in ambiguous["case"]},
        drop_words=frozenset(word.lower() for word in ambiguous["drop"]),
        esco_drop=frozenset(label.lower() for label in table["esco"]["drop"]),
        sha256=hashlib.sha256(raw).hexdigest(),
    )


@dataclass
class OnetName:
    name: str
    categories: Counter[str] = field(default_factory=Counter)
    hot: bool = False
    in_demand: bool = False


def read_onet(data_dir: Path) -> list[OnetName]:
    names: dict[str, OnetName] = {}
    with (data_dir / "onet" / "technology_skills.tsv").open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            name = row["Example"].strip()
            entry = names.setdefault(name, OnetName(name))
            entry.categories[row["Commodity Title"].strip()] += 1
            entry.hot = entry.hot or row["Hot Technology"].strip() == "Y"
            entry.in_demand = entry.in_demand or row["In Demand"].strip() == "Y"
    return [names[name] for name in sorted(names)]


def read_occupation_texts(data_dir: Path) -> list[str]:
    with (data_dir / "onet" / "occupations.tsv").open(encoding="utf-8", newline="") as handle:
        return [f"{row['Title']}. {row['Description']}" for row in csv.DictReader(handle, delimiter="\t")]


def read_esco(data_dir: Path) -> list[str]:
    text = (data_dir / "esco" / "skills_en_label.txt").read_text(encoding="utf-8")
    return sorted({line.strip() for line in text.splitlines() if line.strip()})


def lowercase_vocabulary(texts: Iterable[str]) -> frozenset[str]:
    """Words seen written in lower case in ordinary job prose: a bare product name that is one of
    these ("Chef", "Access", "Spark") is ambiguous."""
    words: set[str] = set()
    for text in texts:
        words.update(re.findall(r"\b[a-z][a-z'-]+\b", text))
    return frozenset(words)


def acronym_expansion(words: list[str], acronym: str) -> list[str] | None:
    """The words before a trailing acronym that spell it ("Structured query language" for SQL)."""
    letters = [char.lower() for char in acronym if char.isalpha()]
    if len(letters) < 2:
        return None
    for start in range(len(words) - 1, -1, -1):
        span = words[start:]
        initials: list[str] = []
        for word in span:
            if word.lower() in ACRONYM_SKIP_WORDS:
                continue
            initials.append(word[0].lower())
            initials.extend(char.lower() for char in word[1:] if char.isupper())
            if word.lower().startswith("ex"):
                initials.append("x")
        if span[0][0].lower() != letters[0]:
            continue
        position = 0
        for initial in initials:
            if position < len(letters) and initial == letters[position]:
                position += 1
        content_words = [word for word in span if word.lower() not in ACRONYM_SKIP_WORDS]
        if position == len(letters) and len(content_words) <= len(letters) + 1:
            return span
    return None


class IndexBuilder:
    def __init__(self, aliases: AliasTable, vocabulary: frozenset[str]):
        self.aliases = aliases
        self.vocabulary = vocabulary
        self.skills: list[SkillRecord] = []
        self.by_name: dict[str, int] = {}
        self.exact: dict[str, KeyOwner] = {}
        self.contested: set[str] = set()
        # keyed by content stems in phrase order; `window_owner` finds them in any order
        self.windows: dict[tuple[str, ...], tuple[int, int, tuple[str, ...], str]] = {}
        self.window_owner: dict[tuple[str, ...], tuple[int, int]] = {}
        self.implies: dict[int, set[int]] = {}
        self.conflicts: list[str] = []

    # -- skills --------------------------------------------------------------------------------

    def add_skill(self, name: str, category: str, source: int) -> int:
        existing = self.by_name.get(name.lower())
        if existing is not None:
            self.skills[existing].sources |= source
            return existing
        skill_id = len(self.skills)
        self.skills.append(SkillRecord(name=name, category=category, sources=source))
        self.by_name[name.lower()] = skill_id
        return skill_id

    def owner_of(self, phrase: str) -> KeyOwner | None:
        key = key_stems(phrase)
        owner = self.exact.get(key)
        if owner is not None:
            return owner
        words = [token.text for token in tokenize(phrase) if not token.is_determiner]
        if len(words) == 1:
            owner = self.exact.get(name_key(words[0]))
            if owner is not None:
                return owner
        content = self.content_key(phrase)
        strong = tuple(stem for stem in content if stem not in WEAK_VERBS)
        for wanted in (content, strong if len(strong) >= 3 else ()):
            if len(wanted) >= 2:
                window = self.window_owner.get(tuple(sorted(wanted)))
                if window is not None:
                    return KeyOwner(window[0], window[1], True, RULE_PLAIN, "", "window")
        return None

    # -- keys ----------------------------------------------------------------------------------

    @staticmethod
    def content_key(phrase: str) -> tuple[str, ...]:
        return tuple(stem for stem in content_stems(phrase) if stem not in EMPTY_CONTENT)

    def single_word_rule(self, surface: str, origin: str) -> tuple[int, str] | None:
        """Case/context rule for a one-word key, or None when the word must not match alone."""
        lowered = surface.lower()
        if lowered in self.aliases.context_words:
            return RULE_CONTEXT, self.aliases.context_words[lowered]
        if lowered in self.aliases.case_words:
            return RULE_CASE, self.aliases.case_words[lowered]
        if origin == "aliases":
            is_acronym = surface.isupper() and any(char.isalpha() for char in surface)
            if is_acronym and (len(surface) <= 2 or lowered in self.vocabulary):
                return RULE_CASE, surface
            return RULE_PLAIN, ""
        if lowered in self.aliases.drop_words:
            return None
        if surface.isupper() and sum(char.isalpha() for char in surface) >= 2:
            return RULE_CASE, surface  # an acronym: "APPS" is not "apps"
        if origin == "onet" and surface != lowered and lowered not in self.vocabulary:
            # a product name: match it as written, never by stem ("Painter" is not "painting")
            return RULE_CASE, surface
        if surface != lowered and lowered in self.vocabulary:
            # a product called like an everyday word ("Chef", "Bamboo", "HARVEST")
            return (RULE_CASE if surface.isupper() else RULE_CONTEXT), surface
        if len(lowered) <= 2:
            return RULE_CASE, surface
        return RULE_PLAIN, ""

    def add_exact(self, phrase: str, skill_id: int, origin: str, primary: bool) -> None:
        key = key_stems(phrase)
        if not key or key in self.contested:
            return
        rule, surface = RULE_PLAIN, ""
        words = [token.text for token in tokenize(phrase) if not token.is_determiner]
        if len(words) == 1:
            decided = self.single_word_rule(words[0], origin)
            if decided is None:
                return
            rule, surface = decided
            if rule != RULE_PLAIN:
                key = name_key(words[0])
        priority = PRIORITY[origin]
        owner = self.exact.get(key)
        new_owner = KeyOwner(skill_id, priority, primary, rule, surface, origin)
        if owner is None:
            self.exact[key] = new_owner
            return
        if owner.skill_id == skill_id:
            return
        if owner.priority < priority or (owner.priority == priority and owner.primary and not primary):
            return
        if owner.priority == priority and owner.primary == primary:
            if origin == "aliases":
                self.conflicts.append(
                    f"alias {phrase!r} wanted by {self.skills[skill_id].name!r} "
                    f"and {self.skills[owner.skill_id].name!r}"
                )
                return
            if not primary:
                # two products share a short form: it names neither reliably
                del self.exact[key]
                self.contested.add(key)
            return
        self.exact[key] = new_owner

    def add_window(self, phrase: str, skill_id: int, origin: str) -> None:
        content = self.content_key(phrase)
        if len(content) < 2:
            return
        priority = PRIORITY[origin]
        existing = self.windows.get(content)
        if existing is not None and existing[1] <= priority:
            return
        self.windows[content] = (skill_id, priority, content, origin)
        owner = self.window_owner.get(tuple(sorted(content)))
        if owner is None or owner[1] > priority:
            self.window_owner[tuple(sorted(content))] = (skill_id, priority)

    def add_phrase(self, phrase: str, skill_id: int, origin: str, primary: bool, window: bool) -> None:
        self.add_exact(phrase, skill_id, origin, primary)
        if window:
            self.add_window(phrase, skill_id, origin)

    # -- sources -------------------------------------------------------------------------------

    def add_alias_table(self) -> None:
        for category, entries in self.aliases.skills.items():
            for name, alias_list in entries.items():
                skill_id = self.add_skill(name, category, SOURCE_ALIASES)
                self.skills[skill_id].tech = category in self.aliases.tech_categories
                for phrase in [name, *alias_list]:
                    self.add_phrase(phrase, skill_id, "aliases", primary=True, window=True)
        for name, spec in self.aliases.evidence.items():
            # "counted the tills": every verb x object pair is a window label of the skill
            skill_id = self.by_name[name.lower()]
            for verb in spec["verbs"]:
                for thing in spec["objects"]:
                    self.add_window(f"{verb} {thing}", skill_id, "aliases")
        for name, implied in self.aliases.implies.items():
            source_id = self.by_name[name.lower()]
            self.implies.setdefault(source_id, set()).update(self.by_name[other.lower()] for other in implied)

    def strip_vendor(self, words: list[str]) -> tuple[str, list[str]] | None:
        text = " ".join(words)
        for vendor in self.aliases.vendors:
            if text.startswith(vendor + " ") and len(text) > len(vendor) + 1:
                rest = text[len(vendor) + 1 :].split()
                if rest and rest[0][0].isalpha():
                    return vendor, rest
        return None

    def onet_forms(self, name: str, hot: bool = False) -> tuple[str, list[str]]:
        """Display name and the short forms the O*NET name itself carries."""
        words = name.split()
        forms: list[str] = []
        is_generic = (
            len(words) > 1
            and all(word.islower() for word in words[1:])
            and not any(ACRONYM.match(word) for word in words)
        )
        if is_generic:
            return name, forms  # "Accounting software" is a description, not a product
        base = words[:-1] if len(words) > 1 and words[-1].lower() == "software" else words
        display = " ".join(base)
        candidates = [base]
        if len(base) > 1 and ACRONYM.match(base[-1]):
            expansion = acronym_expansion(base[:-1], base[-1])
            # a short acronym taken from one niche product ("PMS") names too many other things
            letters = sum(char.isalpha() for char in base[-1])
            if expansion is not None and (letters >= 4 or hot):
                candidates += [[base[-1]], expansion]
                display = f"{' '.join(base[:-1])} ({base[-1]})"
        if len(base) > 1 and base[-1] in EDITION_WORDS:
            candidates.append(base[:-1])
        for candidate in list(candidates):
            stripped = self.strip_vendor(candidate)
            if stripped is None:
                continue
            vendor, product = stripped
            candidates.append(product)
            if vendor == "Microsoft":
                candidates.append(["MS", *product])
            if len(product) > 1 and product[-1] in EDITION_WORDS:
                candidates.append(product[:-1])
        for candidate in candidates:
            phrase = " ".join(candidate)
            if phrase != name and phrase not in forms:
                forms.append(phrase)
        return display, forms

    def add_onet(self, names: list[OnetName]) -> None:
        for entry in names:
            display, forms = self.onet_forms(entry.name, hot=entry.hot or entry.in_demand)
            target: int | None = None
            for phrase in [
                entry.name,
                " ".join(entry.name.split()[:-1]) if entry.name.endswith(" software") else "",
                *forms,
            ]:
                if not phrase:
                    continue
                owner = self.owner_of(phrase)
                if owner is not None and (owner.priority == 0 or owner.primary):
                    target = owner.skill_id
                    break
            if target is None:
                category = sorted(entry.categories.items(), key=lambda item: (-item[1], item[0]))[0][0]
                target = self.add_skill(display, category, SOURCE_ONET)
            record = self.skills[target]
            record.sources |= SOURCE_ONET
            record.hot = record.hot or entry.hot
            record.in_demand = record.in_demand or entry.in_demand
            # "Sales software" merged into the skill Sales does not make selling a technology
            record.tech = record.tech or not record.sources & SOURCE_ALIASES
            self.add_exact(entry.name, target, "onet", primary=True)
            for phrase in forms:
                self.add_exact(phrase, target, "onet", primary=False)

    def add_esco(self, labels: list[str]) -> None:
        for label in labels:
            if label.lower() in self.aliases.esco_drop:
                continue
            language = LANGUAGE_LABEL.match(label)
            if language is not None:
                name = language.group(1)
                skill_id = self.owner_of(name)
                target = skill_id.skill_id if skill_id else self.add_skill(name, "Languages", SOURCE_ESCO)
                self.skills[target].sources |= SOURCE_ESCO
                self.add_exact(name, target, "esco", primary=True)
                continue
            phrase = label.split(" (")[0].strip() if label.endswith(")") else label
            content = self.content_key(phrase)
            if not content or len(content) > 6:
                continue
            words = phrase.split()
            if len(words) == 1 and phrase.lower() in self.aliases.drop_words:
                continue
            owner = self.owner_of(phrase)
            if owner is not None:
                target = owner.skill_id
            else:
                if len(words) == 1 and phrase[0].isupper() and phrase.lower() in self.aliases.case_words:
                    category = "Languages"
                elif len(words) == 1 and not phrase.islower():
                    category = "Software and methods (ESCO)"
                elif len(words) == 1 or label != phrase:
                    category = "Knowledge (ESCO)"
                else:
                    category = "Skills and competences (ESCO)"
                target = self.add_skill(label, category, SOURCE_ESCO)
            self.skills[target].sources |= SOURCE_ESCO
            skipped = {token.text.lower() for token in tokenize(phrase) if token.is_stopword} - FUNCTION_WORDS
            if len(content) >= 2 and skipped:
                # "well testing operations" without "well" would fire on "tests ... operating":
                # such a label only matches as written
                self.add_exact(phrase, target, "esco", primary=True)
            elif len(content) >= 2:
                self.add_window(phrase, target, "esco")
                # the window finds the label anywhere in one clause; an exact key is only needed
                # when the label itself spans clauses ("health and safety")
                if any(word.lower() in CLAUSE_WORDS for word in words):
                    self.add_exact(phrase, target, "esco", primary=True)
            else:
                self.add_exact(phrase, target, "esco", primary=True)

    # -- pruning and output --------------------------------------------------------------------

    def window_entries(self) -> list[WindowLabel]:
        frequency: Counter[str] = Counter()
        for _, _, content, _ in self.windows.values():
            frequency.update(set(content))
        entries: list[WindowLabel] = []
        for skill_id, _, content, _ in sorted(self.windows.values(), key=lambda item: (item[0], item[2])):
            strong = [stem for stem in content if stem not in WEAK_VERBS]
            # a weak verb may be left out only when three other words still pin the label down
            required = tuple(content) if len(strong) < 3 else tuple(strong)
            optional = tuple(stem for stem in content if stem not in required)
            anchor = min(range(len(required)), key=lambda i: (frequency[required[i]], -len(required[i]), i))
            entries.append((skill_id, required, anchor, optional))
        return entries

    def prune_generic_esco(self, texts: list[str]) -> list[str]:
        """Drop ESCO-only keys that fire in too many occupation descriptions."""
        index = PhraseIndex.from_entries(
            {key: exact_entry(owner.skill_id, owner.rule, owner.surface) for key, owner in self.exact.items()},
            self.window_entries(),
        )
        hits_per_skill: Counter[int] = Counter()
        for text in texts:
            hits_per_skill.update({hit.skill_id for hit in index.find(tokenize(text))})
        limit = GENERIC_LABEL_SHARE * len(texts)
        generic = {
            skill_id
            for skill_id, count in hits_per_skill.items()
            if count > limit and self.skills[skill_id].sources == SOURCE_ESCO
        }
        self.exact = {key: owner for key, owner in self.exact.items() if owner.skill_id not in generic}
        self.windows = {key: value for key, value in self.windows.items() if value[0] not in generic}
        return sorted(self.skills[skill_id].name for skill_id in generic)

    def close_implications(self) -> dict[int, list[int]]:
        closed: dict[int, list[int]] = {}
        for skill_id in self.implies:
            seen: set[int] = set()
            stack = list(self.implies[skill_id])
            while stack:
                other = stack.pop()
                if other in seen or other == skill_id:
                    continue
                seen.add(other)
                stack.extend(self.implies.get(other, ()))
            closed[skill_id] = sorted(seen)
        return closed

    def to_json(self) -> dict[str, object]:
        used = {owner.skill_id for owner in self.exact.values()} | {value[0] for value in self.windows.values()}
        categories = sorted({self.skills[skill_id].category for skill_id in used})
        category_index = {category: index for index, category in enumerate(categories)}
        old_ids = sorted(used)
        new_id = {old: new for new, old in enumerate(old_ids)}
        records = [self.skills[old] for old in old_ids]
        exact = {
            key: exact_entry(new_id[owner.skill_id], owner.rule, owner.surface)
            for key, owner in sorted(self.exact.items())
        }
        entries = [(new_id[skill_id], *rest) for skill_id, *rest in self.window_entries()]
        index = PhraseIndex.from_entries(exact, entries)  # type: ignore[arg-type]
        implies = {
            str(new_id[source]): [new_id[target] for target in targets if target in new_id]
            for source, targets in sorted(self.close_implications().items())
            if source in new_id
        }
        return {
            "format": INDEX_FORMAT,
            "aliases_sha256": self.aliases.sha256,
            "credits": [ONET_CREDIT, ESCO_CREDIT],
            "categories": categories,
            "names": [record.name for record in records],
            "skill_category": [category_index[record.category] for record in records],
            "skill_sources": [record.sources for record in records],
            "skill_flags": [
                (FLAG_HOT if record.hot else 0)
                | (FLAG_IN_DEMAND if record.in_demand else 0)
                | (FLAG_TECH if record.tech else 0)
                for record in records
            ],
            "exact": exact,
            "longest": dict(sorted(index.longest.items())),
            "windows": encode_windows(entries),  # type: ignore[arg-type]
            "implies": implies,
        }


def build(data_dir: Path, aliases_path: Path) -> tuple[dict[str, object], list[str], list[str]]:
    aliases = read_alias_table(aliases_path)
    esco_labels = read_esco(data_dir)
    occupation_texts = read_occupation_texts(data_dir)
    vocabulary = lowercase_vocabulary([*occupation_texts, *esco_labels])
    builder = IndexBuilder(aliases, vocabulary)
    builder.add_alias_table()
    builder.add_onet(read_onet(data_dir))
    builder.add_esco(esco_labels)
    generic = builder.prune_generic_esco(occupation_texts)
    return builder.to_json(), generic, builder.conflicts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("data_dir", nargs="?", type=Path, default=REPO_ROOT.parent / "shared" / "data")
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT)
    parser.add_argument("--aliases", type=Path, default=ALIASES_PATH)
    parser.add_argument("--report", action="store_true", help="list pruned labels and alias conflicts")
    args = parser.parse_args(argv)
    if not (args.data_dir / "onet" / "technology_skills.tsv").is_file():
        print(f"error: no O*NET data under {args.data_dir}", file=sys.stderr)
        return 2
    index, generic, conflicts = build(args.data_dir, args.aliases)
    payload = json.dumps(index, ensure_ascii=False, separators=(",", ":"), sort_keys=True).encode("utf-8")
    # mtime=0 keeps the file byte-identical between builds of the same inputs
    args.output.write_bytes(gzip.compress(payload, compresslevel=9, mtime=0))
    counts = {name: len(index[name]) for name in ("names", "exact", "windows")}  # type: ignore[arg-type]
    print(
        f"wrote {args.output} ({args.output.stat().st_size:,} bytes gzipped, {len(payload):,} raw): "
        f"{counts['names']:,} skills, {counts['exact']:,} exact keys, window labels under {counts['windows']:,} anchors"
    )
    for conflict in conflicts:
        print(f"warning: {conflict}", file=sys.stderr)
    if args.report:
        print(f"pruned as generic ({len(generic)}): {', '.join(generic)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
