"""Requirement extraction alone: what the reader of a job description finds, against the labels.

Run: .venv/bin/python bench/eval_requirements.py [--show-misses N] [--show-false N] [--by-file]

On the labelled pair files (tests/data/skill_pairs/dev*.jsonl; dev8_heldout reported apart as held out, never
listed item by item; frozen test sets are never read), each pair's `jd` is read by
`nextround.analysis.skillgaps.requirements` and its phrases compared with the labelled `required` and
`nice_to_have` items:

* requirement recall: labelled required items found as a requirement (must-have or nice-to-have);
* nice-to-have recall: the same for labelled nice-to-have items;
* false requirements: found phrases that correspond to no labelled item (blurb, benefits, duties, how to apply);
  personal qualities (listed by the reader, never scored) are counted apart;
* importance accuracy: of the labelled items found, the share whose found importance agrees (must/nice).

The matching rule is printed with the table (see `same_item`). Misses and false requirements are sorted into
kinds by where their words stand in the ad, so that the biggest losses can be read off.
"""

from __future__ import annotations

import argparse
import json
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from eval_match import _STOP as MATCH_STOP_WORDS
from nextround.analysis.skillgaps.cues import heading_kind
from nextround.analysis.skillgaps.requirements import Requirement, _is_condition, requirements

ROOT = Path(__file__).resolve().parents[1]
PAIRS = ROOT / "tests" / "data" / "skill_pairs"
HELD_OUT = "dev8_heldout.jsonl"

RULE = (
    "a found phrase (or one of its alternatives) and a labelled item are the same when their content words "
    "(stop words and ask-words like 'experience', 'knowledge', 'ability' removed; lower case; a final -s, -es, "
    "-ing, -ed cut) share at least half of the shorter side's words, and at least one shared word is not "
    "generic ('licence', 'level', 'certificate', 'years', 'work' ...)"
)

# eval_match's stop words, and the words that only say how an ask is put
_STOP = MATCH_STOP_WORDS | frozenset(
    [
        "have",
        "has",
        "must",
        "should",
        "will",
        "can",
        "into",
        "within",
        "their",
        "its",
        "this",
        "that",
        "it",
        "any",
        "all",
        "other",
        "relevant",
        "proven",
        "working",
        "previous",
        "prior",
        "some",
        "least",
        "minimum",
        "years",
        "year",
        "month",
        "months",
        "plus",
        "ideally",
        "preferably",
        "desirable",
        "essential",
        "required",
        "valid",
        "current",
        "full",
    ]
)
_GENERIC = frozenset(
    [
        "licence",
        "license",
        "licenc",
        "certificat",
        "certific",
        "level",
        "work",
        "team",
        "role",
        "qualification",
        "qualif",
        "course",
        "training",
        "trade",
        "system",
        "systems",
        "skill",
        "type",
        "standard",
        "standards",
        "high",
        "new",
        "understanding",
    ]
)


def _stem(word: str) -> str:
    for suffix in ("ing", "es", "ed", "s"):
        if len(word) > len(suffix) + 3 and word.endswith(suffix):
            return word[: -len(suffix)]
    return word


def stems(text: str) -> set[str]:
    text = re.sub(r"\bIT\b", "infotech", text)  # "IT systems": not the pronoun
    words = re.findall(r"[a-z0-9+#]+", text.lower().replace("’", "'"))
    return {_stem(word) for word in words if word not in _STOP}


def overlap(found: set[str], label: set[str]) -> float:
    """How well the found words cover the shorter side, 0 when the rule says they are not the same."""
    if not found or not label:
        return 0.0
    shared = found & label
    if not shared or all(word in _GENERIC for word in shared):
        return 0.0
    share = len(shared) / min(len(found), len(label))
    return share if share >= 0.5 else 0.0


def same_item(item: Requirement, label: str) -> float:
    target = stems(label)
    forms = {item.text, *item.alternatives}
    return max(overlap(stems(text), target) for text in forms)


@dataclass
class Tally:
    pairs: int = 0
    required: int = 0
    required_found: int = 0
    nice: int = 0
    nice_found: int = 0
    found: int = 0  # phrases found, qualities apart
    qualities: int = 0
    false: int = 0
    importance_right: int = 0
    importance_judged: int = 0
    required_as_nice: int = 0
    nice_as_required: int = 0
    miss_kinds: Counter[str] = field(default_factory=Counter)
    false_kinds: Counter[str] = field(default_factory=Counter)
    misses: list[tuple[str, str, str, str]] = field(default_factory=list)  # kind, id, label, line
    wrong_importance: list[tuple[str, str, str, str]] = field(default_factory=list)  # labelled, id, label, sentence
    falses: list[tuple[str, str, str, str]] = field(default_factory=list)  # kind, id, phrase, sentence

    def add(self, other: Tally) -> None:
        for name in self.__dataclass_fields__:
            value = getattr(self, name)
            if isinstance(value, Counter):
                value.update(getattr(other, name))
            elif isinstance(value, list):
                value.extend(getattr(other, name))
            else:
                setattr(self, name, value + getattr(other, name))


def _line_kinds(jd: str) -> list[tuple[str, str]]:
    """Each non-empty line of the ad with the kind of the heading above it (a rough, reader-independent guess)."""
    out: list[tuple[str, str]] = []
    current = "top"
    for raw in jd.splitlines():
        line = raw.strip()
        if not line:
            continue
        bare = re.sub(r"^[^\w(]+", "", line).strip("*_# ")
        head, colon, _ = bare.partition(":")
        kind = heading_kind(bare) if len(bare.split()) <= 8 else None
        if kind is None and colon and len(head.split()) <= 6:
            inline = heading_kind(head)
            if inline is not None:
                out.append((line, inline))
                continue
        if kind is not None or (len(bare.split()) <= 6 and bare.endswith((":", "?"))):
            current = kind or "unnamed heading"
            continue
        out.append((line, current))
    return out


def _miss_kind(label: str, jd: str, found: Sequence[Requirement]) -> tuple[str, str]:
    if _is_condition(label):
        return "a working condition (not read as an ask, by design)", label
    target = stems(label)
    best_line, best_kind, best = "", "", 0.0
    for line, kind in _line_kinds(jd):
        share = len(stems(line) & target) / len(target) if target else 0.0
        if share > best:
            best_line, best_kind, best = line, kind, share
    if best < 0.5:
        return "label not in the ad's words", best_line
    from_line = [item for item in found if item.sentence and item.sentence.strip() in best_line]
    from_line += [item for item in found if best_line.lstrip("-*•· ").strip()[:40] in item.sentence]
    bullet = bool(re.match(r"^\s*(?:[-*•·▪●■◦–—+>✔✓]|\d{1,2}[.)])", best_line))
    shape = "bullet" if bullet else ("long line" if len(best_line.split()) > 14 else "short line")
    if from_line:
        return f"cut differently ({shape})", best_line
    return f"line gave nothing: under {best_kind!r}, {shape}", best_line


def score_pair(pair: dict[str, Any]) -> Tally:
    tally = Tally(pairs=1)
    found = requirements(pair["jd"])
    asked = [item for item in found if not item.quality]
    tally.qualities = len(found) - len(asked)
    tally.found = len(asked)
    labels = [(label, "required") for label in pair.get("required", [])]
    labels += [(label, "nice_to_have") for label in pair.get("nice_to_have", [])]
    for label, importance in labels:
        # the best match; among equals, the one whose sentence shares most words with the label
        target = stems(label)
        scored = [(same_item(item, label), len(stems(item.sentence) & target), item) for item in found]
        best_score, _, best_item = max(scored, key=lambda entry: entry[:2], default=(0.0, 0, None))
        if importance == "required":
            tally.required += 1
        else:
            tally.nice += 1
        if best_item is None or best_score == 0.0:
            if importance == "required":
                kind, line = _miss_kind(label, pair["jd"], found)
                tally.miss_kinds[kind] += 1
                tally.misses.append((kind, pair["id"], label, line))
            continue
        if importance == "required":
            tally.required_found += 1
        else:
            tally.nice_found += 1
        tally.importance_judged += 1
        if best_item.importance == importance:
            tally.importance_right += 1
        else:
            tally.wrong_importance.append((importance, pair["id"], label, best_item.sentence))
            if importance == "required":
                tally.required_as_nice += 1
            else:
                tally.nice_as_required += 1
    for item in asked:
        if any(same_item(item, label) for label, _ in labels):
            continue
        tally.false += 1
        kind = f"{item.section or '?'} / {item.importance}"
        tally.false_kinds[kind] += 1
        tally.falses.append((kind, pair["id"], item.text, item.sentence))
    return tally


def load(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def files() -> list[Path]:
    return sorted(path for path in PAIRS.glob("dev*.jsonl") if "test6" not in path.name and path.name != HELD_OUT)


def row(name: str, tally: Tally) -> str:
    def share(part: int, whole: int) -> str:
        return f"{part / whole:.2f}" if whole else "–"

    return (
        f"| {name} | {tally.pairs} | {tally.required_found}/{tally.required}"
        f" = **{share(tally.required_found, tally.required)}**"
        f" | {share(tally.nice_found, tally.nice)} | {tally.false}/{tally.found} = {share(tally.false, tally.found)}"
        f" | {tally.qualities} | {share(tally.importance_right, tally.importance_judged)}"
        f" ({tally.required_as_nice} req→nice, {tally.nice_as_required} nice→req) |"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--show-misses", type=int, default=0, help="list up to N missed required items per kind")
    parser.add_argument("--show-false", type=int, default=0, help="list up to N false requirements per kind")
    parser.add_argument("--show-importance", type=int, default=0, help="list up to N importance errors")
    parser.add_argument("--by-file", action="store_true", help="one row per file")
    parser.add_argument("--no-heldout", action="store_true", help="leave dev8_heldout out")
    args = parser.parse_args()

    print(f"Matching rule: {RULE}.\n")
    print("| set | pairs | required recall | nice recall | false requirements / found | qualities | importance right |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | --- |")
    total = Tally()
    for path in files():
        tally = Tally()
        for pair in load(path):
            tally.add(score_pair(pair))
        total.add(tally)
        if args.by_file:
            print(row(path.stem, tally))
    print(row("**all dev files (seen)**", total))
    held = Tally()
    if not args.no_heldout and (PAIRS / HELD_OUT).is_file():
        for pair in load(PAIRS / HELD_OUT):
            held.add(score_pair(pair))
        print(row("dev8_heldout (held out)", held))

    print("\nMissed required items by kind (seen files):\n")
    for kind, count in total.miss_kinds.most_common():
        print(f"- {count:4d}  {kind}")
        for _, pair_id, label, line in [miss for miss in total.misses if miss[0] == kind][: args.show_misses]:
            print(f"        {pair_id}: {label!r}  <- {line[:110]!r}")
    print("\nFalse requirements by section / importance (seen files):\n")
    for kind, count in total.false_kinds.most_common():
        print(f"- {count:4d}  {kind}")
        for _, pair_id, phrase, sentence in [false for false in total.falses if false[0] == kind][: args.show_false]:
            print(f"        {pair_id}: {phrase!r}  <- {sentence[:100]!r}")
    if args.show_importance:
        print("\nImportance errors (labelled importance: label <- sentence):\n")
        for importance, pair_id, label, sentence in total.wrong_importance[: args.show_importance]:
            print(f"        {pair_id} [{importance}]: {label!r}  <- {sentence[:110]!r}")
    if held.pairs:
        print("\nHeld out (dev8), counts only:", dict(held.miss_kinds.most_common(4)))


if __name__ == "__main__":
    main()
