"""Learn the evidence decision of the skill-gap matcher: whether a requirement is a gap in the CV.

Run: .venv/bin/python scripts/train_skill_evidence.py [--check] [--cv]

For every job/CV pair of the seen files of ``tests/data/skill_pairs/`` (``FILES``; never a held-out or frozen
set), every required, well-formed requirement the matcher reads from the job whose verdict is not an exact
check's becomes one example: the features of :mod:`nextround.analysis.skillgaps.evidence_model`, and the
label whether it is one of the pair's gold ``missing`` items (matched as ``bench/eval_match.py`` matches a
reported gap to a label). A requirement that matches no gold item at all (text that is not a requirement)
is an example of "not a gap" too. A logistic regression learns one weight per feature; the threshold comes from
the missing-skill F1 over the training files in a file-grouped inner cross-validation, smoothed over neighbouring
thresholds: of those whose smoothed F1 is within ``F1_TOLERANCE`` (0.005) of the best, the one nearest
``DEFAULT_THRESHOLD`` (0.40; the lower on a tie), so a flat curve does not move the shipped threshold by noise.
scikit-learn and numpy are training dependencies only.

Writes ``src/nextround/data/skill_evidence_model.json``; ``--check`` fails if the shipped file differs from
a retrain; ``--cv`` prints leave-one-file-out missing-skill precision / recall / F1 per file, rules against
the learned decision (each file scored by a model trained on the other files only). Experiments (``--cv`` only, the
model is not written): ``--also FILE`` trains on one more file, ``--c``, ``--weigh-files``, ``--threshold``, ``--drop``.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.linear_model import LogisticRegression

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

from eval_match import load_pairs, same_item  # noqa: E402
from nextround.analysis.skillgaps.evidence_model import (  # noqa: E402
    FEATURES,
    GATE_FEATURES,
    MODEL_FILE,
    kept_gaps,
)
from nextround.analysis.skillgaps.matcher import rule_judgements  # noqa: E402
from nextround.analysis.skillgaps.slots import same_value  # noqa: E402
from nextround.analysis.skillgaps.wellformed import well_formed  # noqa: E402

PAIRS = ROOT / "tests" / "data" / "skill_pairs"
OUTPUT = ROOT / "src" / "nextround" / "data" / MODEL_FILE
FILES = (
    "dev.jsonl",
    "dev2.jsonl",
    "dev3.jsonl",
    "dev4.jsonl",
    "dev5.jsonl",
    "dev6.jsonl",
    "dev7.jsonl",
    "dev9.jsonl",
    "dev10.jsonl",
    "dev11.jsonl",
    "dev12.jsonl",
    "dev13.jsonl",
    "dev15.jsonl",  # since session 11: LOFO over the other files 0.621 -> 0.624, dev14 level, dev8_heldout 0.55 -> 0.58
    "dev16.jsonl",
    # since session 12 (scored unseen first): LOFO over the other files 0.599 -> 0.603, dev14 and dev8_heldout level;
    # dev17 not added (it lowered dev14 or dev18 by a gold gap, LOFO level)
    "dev18.jsonl",
    "frozen_test.jsonl",
    "test2/test.jsonl",
    "test3/test.jsonl",
    "test4/test.jsonl",
    "test5/test.jsonl",
    "test6/test.jsonl",
    # session 13: test7 to test11 (five more outside writers, all seen) tried and not added: leave-one-file-out over
    # the ten outside writers' files 0.582 -> 0.571 (each of the ten level or lower), the 21 files above 0.605 -> 0.611,
    # dev8_heldout level, dev14 0.574 -> 0.565; their lower gap rate (11-16% of asked items) lowers every probability
)
REFERENCE_YEAR = 2026  # the year "present" means in the pairs' CVs, as the golden tests pin it
C = 1.0
# experiment settings (--c, --weigh-files, --threshold; bench/stage_match.py sets them too); the shipped model uses the
# defaults: session 13 measured C 0.1 to 10 and equal weight per file on the pool, none better on the outside writers
SETTINGS: dict[str, Any] = {"C": C, "weigh_files": False, "threshold": None}
THRESHOLDS = tuple(round(0.2 + 0.05 * step, 2) for step in range(13))  # 0.2 .. 0.8
F1_TOLERANCE = 0.005  # smoothed inner-CV F1 this close to the best counts as a tie (see choose_threshold)
PRIOR_GAPS = 5  # an exact check's precision is smoothed towards all exact gaps' by this many gaps
DEFAULT_THRESHOLD = 0.40  # shipped since session 9; a retrain leaves it only for a threshold better beyond the tie
# Past a pair's first two gaps (evidence_model.kept_gaps) a learned gap needs P(gap) >= CROWDED_THRESHOLD. Session 23
# measured 0.40 (none cut) to 1.0 (none past two) with each training file decided by a model that never saw it: F1
# 0.676 at 0.40, 0.679 to 0.680 from 0.50 up, flat; 0.60 is the middle of that plateau. The main threshold is still
# chosen without it (choose_threshold), so the gaps a pair reports first are as before.
CROWDED_THRESHOLD = 0.60
# Synthetic near misses (session 17): a met gold item whose evidence line writes the ask's slot with the same value
# ("Type 2" for "Type 2") is copied as a gap with another value in that slot ("another_value" on, every other feature
# as the original: one number or letter moves the similarity signals little). Each weighs SYNTHETIC_WEIGHT.
SYNTHETIC_WEIGHT = 0.5
ANOTHER_VALUE = FEATURES.index("another_value")


@dataclass
class Candidate:
    text: str
    rule_gap: bool  # the rules report it
    values: list[float] | None  # features when the model decides, else None (an exact check decides)
    label: bool  # one of the gold missing items
    asked: bool  # one of the gold required items (missing or not)
    how: str = ""  # the kind of the rules' verdict ("licence", "name", "years" ...)
    same_value: bool = False  # its evidence line writes a slot of the ask with the same value (slots.same_value)


@dataclass
class Pair:
    source: str
    missing: list[str]
    candidates: list[Candidate] = field(default_factory=list)


def read_pairs(names: tuple[str, ...] = FILES) -> list[Pair]:
    pairs: list[Pair] = []
    for name in names:
        path = PAIRS / name
        if not path.is_file():
            continue
        for row in load_pairs(path):
            pair = Pair(name.split("/")[0].removesuffix(".jsonl"), list(row["missing"]))
            gold_required = list(row["required"]) + pair.missing
            for judged, values in rule_judgements(row["jd"], row["cv"], REFERENCE_YEAR):
                requirement = judged.requirement
                if requirement.importance != "required" or not well_formed(requirement.text):
                    continue
                label = any(same_item(requirement.text, gold) for gold in pair.missing)
                asked = any(same_item(requirement.text, gold) for gold in gold_required)
                how = judged.evidence.how
                same = same_value(requirement.text, judged.evidence.cv_text or "")
                pair.candidates.append(
                    Candidate(requirement.text, not judged.evidence.met, values, label, asked, how, same)
                )
            pairs.append(pair)
    return pairs


DROPPED: set[int] = set()  # features left out (experiments: --drop)
GATE_COLUMNS = [FEATURES.index(name) for name in GATE_FEATURES]


@dataclass(frozen=True)
class Heads:
    evidence: np.ndarray  # weights over FEATURES: the requirement is missing from the CV
    gate: np.ndarray  # weights over GATE_FEATURES: the phrase is a requirement


def _kept(values: list[float]) -> list[float]:
    return [0.0 if index in DROPPED else value for index, value in enumerate(values)]


def _logistic_regression(
    rows: list[list[float]], labels: list[bool], sources: list[str], extra: list[float] | None = None
) -> np.ndarray:
    model = LogisticRegression(C=SETTINGS["C"], fit_intercept=False, max_iter=5000, solver="lbfgs")
    weights = np.ones(len(rows)) if extra is None else np.array(extra, dtype=float)
    if SETTINGS["weigh_files"]:  # each file (writer) weighs the same in total, the mean weight stays 1
        count = Counter(sources)
        weights = weights * np.array([len(sources) / (len(count) * count[source]) for source in sources])
    model.fit(np.array(rows, dtype=float), np.array(labels, dtype=bool), sample_weight=weights)
    return np.asarray(model.coef_[0], dtype=float)


def fit(pairs: list[Pair]) -> Heads:
    """The gate on every example (a gold item or not); the evidence head on the gold items only."""
    examples = [(p.source, c) for p in pairs for c in p.candidates if c.values is not None]
    gate = _logistic_regression(
        [[c.values[i] for i in GATE_COLUMNS] for _, c in examples if c.values is not None],
        [c.asked for _, c in examples],
        [source for source, _ in examples],
    )
    asked = [(source, c) for source, c in examples if c.asked and c.values is not None]
    rows = [_kept(c.values) for _, c in asked]
    labels = [c.label for _, c in asked]
    sources = [source for source, _ in asked]
    weights = [1.0] * len(rows)
    for source, c in asked:
        if c.values is not None and c.same_value and not c.label and not c.values[ANOTHER_VALUE]:
            rows.append(_kept([1.0 if i == ANOTHER_VALUE else value for i, value in enumerate(c.values)]))
            labels.append(True)
            sources.append(source)
            weights.append(SYNTHETIC_WEIGHT)
    evidence = _logistic_regression(rows, labels, sources, weights)
    return Heads(evidence, gate)


def gap_probability(heads: Heads, values: list[float]) -> float:
    gate = 1.0 / (1.0 + np.exp(-float(np.dot(heads.gate, [values[i] for i in GATE_COLUMNS]))))
    missing = 1.0 / (1.0 + np.exp(-float(np.dot(heads.evidence, _kept(values)))))
    return gate * missing


def reported(pair: Pair, heads: Heads | None, threshold: float, crowded: float = 0.0) -> list[str]:
    """The pair's reported gaps: the rules' (heads None), or the exact checks' and the learned ones as `match` keeps
    them (evidence_model.kept_gaps; `crowded` 0 keeps every learned gap at the threshold)."""
    if heads is None:
        return [c.text for c in pair.candidates if c.rule_gap]
    learned = [c for c in pair.candidates if c.values is not None]
    exact_gaps = [c.text for c in pair.candidates if c.values is None and c.rule_gap]
    gaps = [gap_probability(heads, c.values) for c in learned if c.values is not None]
    kept = kept_gaps(gaps, len(exact_gaps), threshold, crowded)
    chosen = {id(c) for c, keep in zip(learned, kept, strict=True) if keep}
    return [c.text for c in pair.candidates if (c.values is None and c.rule_gap) or id(c) in chosen]


def scores(pairs: list[Pair], decisions: list[list[str]]) -> tuple[float, float, float]:
    """Missing-skill precision / recall / F1, counted as bench/eval_match.py counts them."""
    hits = total = expected = found = 0
    for pair, texts in zip(pairs, decisions, strict=True):
        hits += sum(1 for text in texts if any(same_item(text, gold) for gold in pair.missing))
        total += len(texts)
        expected += len(pair.missing)
        found += sum(1 for gold in pair.missing if any(same_item(text, gold) for text in texts))
    precision = hits / total if total else 1.0
    recall = found / expected if expected else 1.0
    return precision, recall, 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def choose_threshold(pairs: list[Pair]) -> float:
    """The threshold with the best pooled F1 over `pairs`, each file scored by a model trained without it."""
    if SETTINGS["threshold"] is not None:
        return float(SETTINGS["threshold"])
    sources = sorted({p.source for p in pairs})
    out_of_fold: dict[int, Heads] = {}
    for source in sources:
        heads = fit([p for p in pairs if p.source != source])
        for index, pair in enumerate(pairs):
            if pair.source == source:
                out_of_fold[index] = heads
    f1s = [
        scores(pairs, [reported(pair, out_of_fold[index], threshold) for index, pair in enumerate(pairs)])[2]
        for threshold in THRESHOLDS
    ]
    # the F1 curve is flat near its top: the mean over a threshold and its two neighbours smooths it, and among the
    # thresholds whose smoothed F1 is within F1_TOLERANCE of the best the one nearest DEFAULT_THRESHOLD is taken
    # (the lower on a tie), so a retrain that moves the top by noise does not move the threshold
    smooth = [sum(f1s[max(0, i - 1) : i + 2]) / len(f1s[max(0, i - 1) : i + 2]) for i in range(len(f1s))]
    top = max(smooth)
    near = [t for t, f1 in zip(THRESHOLDS, smooth, strict=True) if f1 >= top - F1_TOLERANCE]
    return min(near, key=lambda t: (abs(t - DEFAULT_THRESHOLD), t))


def leave_one_file_out(pairs: list[Pair]) -> None:
    sources = sorted({p.source for p in pairs})
    print("| file (pairs) | rules P / R / F1 | learned P / R / F1 | threshold |")
    print("| --- | ---: | ---: | ---: |")
    all_rules: list[list[str]] = []
    all_learned: list[list[str]] = []
    ordered: list[Pair] = []
    for source in sources:
        held = [p for p in pairs if p.source == source]
        train = [p for p in pairs if p.source != source]
        threshold = choose_threshold(train)
        heads = fit(train)
        rules = [reported(p, None, threshold) for p in held]
        learned = [reported(p, heads, threshold, CROWDED_THRESHOLD) for p in held]
        all_rules += rules
        all_learned += learned
        ordered += held
        before, after = scores(held, rules), scores(held, learned)
        print(
            f"| {source} ({len(held)}) | {before[0]:.2f} / {before[1]:.2f} / {before[2]:.2f} "
            f"| {after[0]:.2f} / {after[1]:.2f} / **{after[2]:.2f}** | {threshold:.2f} |"
        )
    before, after = scores(ordered, all_rules), scores(ordered, all_learned)
    print(
        f"| all ({len(ordered)}) | {before[0]:.2f} / {before[1]:.2f} / {before[2]:.2f} "
        f"| {after[0]:.2f} / {after[1]:.2f} / **{after[2]:.2f}** | |"
    )


def examples_digest(pairs: list[Pair]) -> str:
    """A fingerprint of what the model learns from: every requirement read from the training pairs, its features and
    its labels. A test compares it with the one recorded in the model, so a change to the requirement reader or the
    features that leaves the shipped model stale fails in the test suite, not only under --check."""
    rows = [
        [
            pair.source,
            c.text,
            c.rule_gap,
            c.label,
            c.asked,
            c.how,
            c.same_value,
            None if c.values is None else [round(v, 6) for v in c.values],
        ]
        for pair in pairs
        for c in pair.candidates
    ]
    return hashlib.sha256(json.dumps(rows, ensure_ascii=False).encode("utf-8")).hexdigest()


def exact_gap_precision(pairs: list[Pair]) -> tuple[dict[str, float], float]:
    """How often a gap an exact check reports is a gold gap, per kind of check, over the training pairs: the
    confidence `match` gives such a gap, so gaps of checks that are usually right rank first. The hand-set
    confidences did not say this (a missing degree 0.75 and right a quarter of the time, years 0.60 and right
    three times in four). Each kind is smoothed towards the precision of all exact gaps by PRIOR_GAPS gaps."""
    gaps = [c for p in pairs for c in p.candidates if c.values is None and c.rule_gap]
    prior = sum(c.label for c in gaps) / len(gaps) if gaps else 0.5
    kinds: dict[str, list[int]] = {}
    for c in gaps:
        tally = kinds.setdefault(c.how, [0, 0])
        tally[0] += c.label
        tally[1] += 1
    table = {how: round((hits + PRIOR_GAPS * prior) / (n + PRIOR_GAPS), 2) for how, (hits, n) in sorted(kinds.items())}
    return table, round(prior, 2)


def build(pairs: list[Pair]) -> str:
    threshold = choose_threshold(pairs)
    heads = fit(pairs)
    examples = [c for p in pairs for c in p.candidates if c.values is not None]
    exact, prior = exact_gap_precision(pairs)
    data = {
        "about": "Learned evidence decision of the skill-gap matcher; rebuilt by scripts/train_skill_evidence.py.",
        "trained_on": f"tests/data/skill_pairs/ {' '.join(sorted({p.source for p in pairs}))} "
        f"({len(pairs)} pairs, {len(examples)} requirements read, {sum(c.asked for c in examples)} of them gold "
        f"items, {sum(c.label for c in examples)} gaps)",
        "features": list(FEATURES),
        "weights": [round(float(w), 6) for w in heads.evidence],
        "gate_features": list(GATE_FEATURES),
        "gate_weights": [round(float(w), 6) for w in heads.gate],
        "threshold": threshold,
        "crowded_threshold": CROWDED_THRESHOLD,
        "exact_gap_confidence": exact,
        "exact_gap_prior": prior,
        "examples_sha256": examples_digest(pairs),
    }
    return json.dumps(data, indent=1) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail if the shipped file differs from a retrain")
    parser.add_argument("--cv", action="store_true", help="print leave-one-file-out figures per file")
    parser.add_argument("--drop", default="", help="features to leave out, comma-separated (experiments)")
    parser.add_argument("--also", action="append", default=[], help="train on this pair file too (experiments)")
    parser.add_argument("--c", type=float, default=C, help="inverse regularisation strength (experiments)")
    parser.add_argument("--weigh-files", action="store_true", help="each file weighs the same (experiments)")
    parser.add_argument("--threshold", type=float, default=None, help="a fixed threshold (experiments)")
    args = parser.parse_args()
    DROPPED.update(FEATURES.index(name) for name in args.drop.split(",") if name)
    SETTINGS.update(C=args.c, weigh_files=args.weigh_files, threshold=args.threshold)
    experiment = bool(DROPPED or args.also or args.c != C or args.weigh_files or args.threshold is not None)
    pairs = read_pairs(FILES + tuple(args.also))
    if args.cv:
        leave_one_file_out(pairs)
    if experiment:
        print("experiment settings: the shipped model is neither written nor checked")
        return
    text = build(pairs)
    if args.check:
        if not OUTPUT.is_file() or OUTPUT.read_text(encoding="utf-8") != text:
            raise SystemExit(f"{OUTPUT.name} differs from a retrain: run scripts/train_skill_evidence.py")
        print(f"{OUTPUT.name} matches a retrain.")
        return
    OUTPUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUTPUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
