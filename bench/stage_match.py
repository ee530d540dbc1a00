"""Where missing-skill F1 is lost, stage by stage: reading the ad, the gate, the evidence, the comparison.

Run: .venv/bin/python bench/stage_match.py [--show KIND] [--by-file] [--held dev8_heldout.jsonl ...] [--seen]
     [--also FILE ...] [--c C] [--weigh-files] [--threshold T] [--drop F,G]
     (experiments: more training files, other settings, features left out)

Every pair of the evidence model's training files (scripts/train_skill_evidence.py FILES) is read by the
matcher's rules once; each file is then decided by a model trained WITHOUT it (leave-one-file-out: each file
is another writer), with the threshold chosen by the same inner cross-validation as the shipped model. The
outside writers' files among them (the seen frozen sets, testN/test.jsonl) are also pooled in a column of their own:
the nearest proxy for a writer the model has never seen (with --seen, also every outside writer's file pooled, and the
seen files outside FILES alone: session 21 found they favour a higher threshold than the training files). Each
--held file (dev8_heldout.jsonl, a new writer's file) is decided by a model trained on all training files
(counts only, never listed item by item). --seen holds out every other seen pair file (not rjdb, nor a name of
--exclude: this session's frozen and unseen files) and adds a column of ALL seen files pooled, each decided by a model
that never saw it, with the spread of its files' F1: the honest measure of a change to the learned head (session 18).

Each gold missing item is put in the first stage that loses it:
  not read       no phrase of the ad corresponds to it (same_item of bench/eval_match.py)
  quality        read only as a personal quality (never scored)
  nice           read only as a nice-to-have
  fragment       read only as pieces the well-formedness gate drops
  exact met      read as required; an exact check says the CV shows it
  gate           the learned gate reads it as not asked (a duty or a detail)
  evidence       the learned evidence head says the CV shows it
  found          reported (a true gap)

Each false gap (a reported phrase that matches no gold missing item) is put in one kind:
  shown, exact   a gold required item; an exact check says missing (licence, degree, name, years...)
  shown, learned a gold required item; the learned heads say missing (a paraphrase the signals do not link)
  nice as must   a gold nice-to-have item reported as a required gap
  duplicate      a piece of a gold missing item (shares words with it) that is not enough to match it
  part of item   shares words with a gold required or nice item, too few to match it (a fragment of the ad's item)
  not an item    no gold item at all: by the section it was read from (duties, prose, requirements, unknown)
"""

from __future__ import annotations

import argparse
import hashlib
import pickle
import re
import sys
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT / "scripts"))

import train_skill_evidence as train  # noqa: E402

from eval_match import _stems, load_pairs, same_item  # noqa: E402
from nextround.analysis.skillgaps.evidence_model import kept_gaps  # noqa: E402
from nextround.analysis.skillgaps.matcher import rule_judgements  # noqa: E402
from nextround.analysis.skillgaps.requirements import requirements  # noqa: E402
from nextround.analysis.skillgaps.slots import same_value  # noqa: E402
from nextround.analysis.skillgaps.wellformed import well_formed  # noqa: E402

PAIRS = ROOT / "tests" / "data" / "skill_pairs"
CACHE = Path("/tmp") / "nextround_stage_cache"
CACHE_VERSION = 2  # raised when Item changes
UNSEEN = ("test23", "dev30")  # --seen leaves these out: frozen or unseen this session (raise with each session)
OUTSIDE = re.compile(r"test\d+$")  # the frozen sets' folders (test2/ ...): each an outside writer, seen once reported


@dataclass
class Item:
    text: str
    sentence: str
    importance: str
    section: str
    quality: bool
    well: bool
    rule_met: bool
    how: str
    exact: bool  # an exact check decides (the model is not asked)
    values: list[float] | None
    cv_text: str = ""
    confidence: float = 0.0  # the rules' confidence of their verdict (an exact gap's is its rank among gaps)


@dataclass
class Row:
    source: str
    pid: str
    missing: list[str]
    required: list[str]
    nice: list[str]
    items: list[Item] = field(default_factory=list)


def _read(name: str) -> list[Row]:
    path = PAIRS / name
    rows: list[Row] = []
    for raw in load_pairs(path):
        row = Row(
            name.split("/")[0].removesuffix(".jsonl"),
            raw["id"],
            list(raw["missing"]),
            list(raw["required"]),
            list(raw.get("nice_to_have", [])),
        )
        for req in requirements(raw["jd"]):
            if req.quality:
                quality = Item(req.text, req.sentence, req.importance, req.section, True, True, True, "", True, None)
                row.items.append(quality)
        for judged, values in rule_judgements(raw["jd"], raw["cv"], train.REFERENCE_YEAR):
            req, ev = judged.requirement, judged.evidence
            row.items.append(
                Item(
                    req.text,
                    req.sentence,
                    req.importance,
                    req.section,
                    False,
                    well_formed(req.text),
                    ev.met,
                    ev.how,
                    values is None,
                    values,
                    ev.cv_text or "",
                    ev.confidence,
                )
            )
        rows.append(row)
    return rows


def _code_digest() -> str:
    digest = hashlib.sha256()
    for path in sorted((ROOT / "src" / "nextround").rglob("*")):
        if path.is_file() and path.suffix in (".py", ".toml", ".json") and "skill_evidence_model" not in path.name:
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def _row_of(data: dict[str, Any]) -> Row:
    items = [Item(**item) for item in data.pop("items")]
    return Row(**data, items=items)


def read_all(names: list[str]) -> list[Row]:
    CACHE.mkdir(exist_ok=True)
    code = _code_digest()
    rows: list[Row] = []
    for name in names:
        data = (PAIRS / name).read_bytes()
        key = CACHE / f"{name.replace('/', '_')}-{hashlib.sha256(data).hexdigest()[:12]}-{code}-{CACHE_VERSION}.pkl"
        if key.is_file():
            rows += [_row_of(data) for data in pickle.loads(key.read_bytes())]
            continue
        part = _read(name)
        key.write_bytes(pickle.dumps([asdict(row) for row in part]))
        rows += part
    return rows


def _candidates(row: Row) -> train.Pair:
    pair = train.Pair(row.source, row.missing)
    gold_required = row.required + row.missing
    for item in row.items:
        if item.quality or item.importance != "required" or not item.well:
            continue
        label = any(same_item(item.text, gold) for gold in row.missing)
        asked = any(same_item(item.text, gold) for gold in gold_required)
        same = same_value(item.text, item.cv_text)
        pair.candidates.append(train.Candidate(item.text, not item.rule_met, item.values, label, asked, item.how, same))
    return pair


@dataclass
class Decided:
    row: Row
    reported: list[Item]
    verdicts: dict[int, str]  # item index -> "gap" / "shown" / "unasked" / "exact-gap" / "exact-met"


def decide(rows: list[Row], heads: train.Heads, threshold: float, crowded: float | None = None) -> list[Decided]:
    """Each row's verdicts; past a pair's first gaps a learned gap needs `crowded` (default: the training script's)."""
    crowded = train.CROWDED_THRESHOLD if crowded is None else crowded
    out = []
    for row in rows:
        reported: list[Item] = []
        verdicts: dict[int, str] = {}
        learned: list[tuple[int, float, float]] = []  # item index, P(gap), P(missing)
        for index, item in enumerate(row.items):
            if item.quality or not item.well or item.importance != "required":
                continue
            if item.values is None:
                verdicts[index] = "exact-met" if item.rule_met else "exact-gap"
                if not item.rule_met:
                    reported.append(item)
                continue
            gate_values = [item.values[i] for i in train.GATE_COLUMNS]
            gate = float(1 / (1 + train.np.exp(-train.np.dot(heads.gate, gate_values))))
            missing = float(1 / (1 + train.np.exp(-train.np.dot(heads.evidence, train._kept(item.values)))))
            learned.append((index, gate * missing, missing))
        kept = kept_gaps([gap for _, gap, _ in learned], len(reported), threshold, crowded)
        for (index, gap, missing), keep in zip(learned, kept, strict=True):
            if keep:
                verdicts[index] = "gap"
                reported.append(row.items[index])
            elif gap < threshold and missing >= threshold:
                verdicts[index] = "unasked"
            else:
                verdicts[index] = "shown"
        out.append(Decided(row, reported, verdicts))
    return out


def lofo(rows: list[Row], heldout: list[Row]) -> tuple[list[Decided], list[Decided]]:
    sources = sorted({r.source for r in rows})
    pairs = [_candidates(r) for r in rows]
    decided: list[Decided] = []
    for source in sources:
        train_pairs = [p for p in pairs if p.source != source]
        heads = train.fit(train_pairs)
        threshold = train.choose_threshold(train_pairs)
        decided += decide([r for r in rows if r.source == source], heads, threshold)
    held: list[Decided] = []
    if heldout:
        held = decide(heldout, train.fit(pairs), train.choose_threshold(pairs))
    return decided, held


def gold_stage(d: Decided, gold: str) -> str:
    matching = [(i, item) for i, item in enumerate(d.row.items) if same_item(item.text, gold)]
    if any(same_item(item.text, gold) for item in d.reported):
        return "found"
    if not matching:
        return "not read"
    req = [(i, it) for i, it in matching if not it.quality and it.importance == "required"]
    if not req:
        if any(not it.quality for _, it in matching):
            return "nice"
        return "quality"
    well = [(i, it) for i, it in req if it.well]
    if not well:
        return "fragment"
    verdicts = {d.verdicts.get(i) for i, _ in well}
    if "exact-met" in verdicts and not verdicts & {"shown", "unasked"}:
        return "exact met"
    if "unasked" in verdicts and "shown" not in verdicts:
        return "gate"
    return "evidence"


def false_kind(d: Decided, item: Item) -> str:
    row = d.row
    if any(same_item(item.text, g) for g in row.required):
        return "shown, exact" if item.values is None else "shown, learned"
    if any(same_item(item.text, g) for g in row.nice):
        return "nice as must"
    stems = _stems(item.text)
    if any(stems & _stems(g) for g in row.missing):
        return "duplicate"
    if any(stems & _stems(g) for g in row.required + row.nice):
        return "part of item"
    return f"not an item ({item.section or '?'})"


def f1(tp: int, reported: int, found: int, expected: int) -> tuple[float, float, float]:
    p = tp / reported if reported else 1.0
    r = found / expected if expected else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def one_to_one(d: Decided) -> tuple[int, int, int]:
    """Greedy one-to-one alignment of reported gaps and gold missing items (a stricter count than eval_match's)."""
    used: set[int] = set()
    tp = 0
    for item in d.reported:
        for gi, gold in enumerate(d.row.missing):
            if gi not in used and same_item(item.text, gold):
                used.add(gi)
                tp += 1
                break
    return tp, len(d.reported), len(d.row.missing)


def table(decided: list[Decided], label: str, show: str | None) -> dict[str, Any]:
    stages: Counter[str] = Counter()
    kinds: Counter[str] = Counter()
    tp = reported = found = expected = 0
    strict = [0, 0, 0]
    for d in decided:
        for gold in d.row.missing:
            stage = gold_stage(d, gold)
            stages[stage] += 1
            expected += 1
            found += stage == "found"
            if show and stage == show:
                near = [it for it in d.row.items if same_item(it.text, gold) and not it.quality]
                cv = near[0].cv_text[:110] if near else ""
                print(f"  [{d.row.pid}] missed: {gold!r} <- CV: {cv!r}", file=sys.stderr)
        for item in d.reported:
            reported += 1
            if any(same_item(item.text, g) for g in d.row.missing):
                tp += 1
                continue
            kind = false_kind(d, item)
            kinds[kind] += 1
            if show and kind.startswith(show):
                where = f"{kind}, {item.how}"
                print(f"  [{d.row.pid}] false ({where}): {item.text!r} <- CV: {item.cv_text[:110]!r}", file=sys.stderr)
        a, b, c = one_to_one(d)
        strict[0] += a
        strict[1] += b
        strict[2] += c
    p, r, f = f1(tp, reported, found, expected)
    sp, sr, sf = f1(strict[0], strict[1], strict[0], strict[2])
    return {
        "label": label,
        "pairs": len(decided),
        "prf": (p, r, f),
        "strict": (sp, sr, sf),
        "stages": stages,
        "kinds": kinds,
        "reported": reported,
        "expected": expected,
    }


STAGES = ("found", "not read", "quality", "nice", "fragment", "exact met", "gate", "evidence")


def seen_files(exclude: tuple[str, ...] = UNSEEN) -> list[str]:
    """Every seen pair file that is not a training file: the top-level dev files and each testN/test.jsonl, less the
    rjdb format sample and the files named in `exclude` (never opened)."""
    names = [path.name for path in sorted(PAIRS.glob("*.jsonl")) if "rjdb" not in path.name]
    names += [f"{path.parent.name}/test.jsonl" for path in sorted(PAIRS.glob("test*/test.jsonl"))]
    return [
        name for name in names if name not in train.FILES and name.split("/")[0].removesuffix(".jsonl") not in exclude
    ]


def spread(decided: list[Decided]) -> str:
    """Min, median and largest of the files' F1, and their standard deviation."""
    f1s = sorted(
        table([d for d in decided if d.row.source == s], s, None)["prf"][2] for s in {d.row.source for d in decided}
    )
    mean = sum(f1s) / len(f1s)
    sd = (sum((f - mean) ** 2 for f in f1s) / len(f1s)) ** 0.5
    return f"{len(f1s)} files' F1: min {f1s[0]:.2f}, median {f1s[len(f1s) // 2]:.2f}, max {f1s[-1]:.2f}, sd {sd:.3f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", default=None, help="list the items of one stage or false-gap kind on stderr")
    parser.add_argument(
        "--held", action="append", default=[], help="a file not trained on, decided by the model of all FILES (counts)"
    )
    parser.add_argument("--by-file", action="store_true", help="one column per file")
    parser.add_argument("--seen", action="store_true", help="hold out every other seen file; pool all seen files")
    parser.add_argument("--exclude", action="append", default=list(UNSEEN), help="a file --seen never opens")
    parser.add_argument("--also", action="append", default=[], help="train on this file too (a fold of its own)")
    parser.add_argument("--c", type=float, default=train.C, help="inverse regularisation strength (experiments)")
    parser.add_argument("--weigh-files", action="store_true", help="each training file weighs the same (experiments)")
    parser.add_argument("--threshold", type=float, default=None, help="a fixed threshold, no inner CV (experiments)")
    parser.add_argument("--drop", default="", help="features to leave out, comma-separated (experiments)")
    args = parser.parse_args()
    train.DROPPED.update(train.FEATURES.index(name) for name in args.drop.split(",") if name)
    train.SETTINGS.update(C=args.c, weigh_files=args.weigh_files, threshold=args.threshold)
    rows = read_all(list(train.FILES) + args.also)
    if args.seen:
        args.held += [name for name in seen_files(tuple(args.exclude)) if name not in args.held + args.also]
    held = read_all(args.held)
    decided, held_decided = lofo(rows, held)
    # with --seen, --show lists the items of every seen file (each decided by a model that never saw it)
    tables = [table(decided, "LOFO, all training files", None if args.seen else args.show)]
    if args.seen:
        tables.append(table(decided + held_decided, "all seen files, none trained on", args.show))
        # the files the shipped model never trains on: newer writers, with fewer gaps per ask than the training files
        tables.append(table(held_decided, "seen files not in FILES", None))
        everyone = [d for d in decided + held_decided if OUTSIDE.match(d.row.source)]
        tables.append(table(everyone, "all outside writers' files, none trained on", None))
    outside = [d for d in decided if OUTSIDE.match(d.row.source)]
    if outside:
        tables.append(table(outside, "LOFO, outside writers' test files", None))
    if args.by_file:
        for source in sorted({d.row.source for d in decided}):
            tables.append(table([d for d in decided if d.row.source == source], source, None))
    for name in args.held:
        source = name.split("/")[0].removesuffix(".jsonl")
        tables.append(table([d for d in held_decided if d.row.source == source], f"{source}, not trained on", None))
    kinds = sorted({k for t in tables for k in t["kinds"]}, key=lambda k: -sum(t["kinds"][k] for t in tables))
    print("| | " + " | ".join(f"{t['label']} ({t['pairs']})" for t in tables) + " |")
    print("| --- |" + " ---: |" * len(tables))
    for name, key in (("P / R / F1", "prf"), ("one-to-one P / R / F1", "strict")):
        print(f"| {name} | " + " | ".join("{:.2f} / {:.2f} / {:.2f}".format(*t[key]) for t in tables) + " |")
    print("| **gold missing items** | " + " | ".join(str(t["expected"]) for t in tables) + " |")
    for stage in STAGES:
        print(f"| {stage} | " + " | ".join(str(t["stages"][stage]) for t in tables) + " |")
    false = [f"{sum(t['kinds'].values())} of {t['reported']}" for t in tables]
    print("| **false gaps** (of reported) | " + " | ".join(false) + " |")
    for kind in kinds:
        print(f"| {kind} | " + " | ".join(str(t["kinds"][kind]) for t in tables) + " |")
    if args.seen:
        print(f"\nall seen files, none trained on: {spread(decided + held_decided)}")


if __name__ == "__main__":
    main()
