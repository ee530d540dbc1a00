"""Train the STAR sentence model of the answer analysis and write its weights.

Run: .venv/bin/python scripts/train_answers.py [--check]

Reads the seen splits of ``tests/data/answer_corpus/`` (``TRAINING_SPLITS``: never an unseen frozen split, nor
the held-out ``holdout.txt``, ``holdout2.txt``, ``holdout3.txt`` and ``holdout4.txt``), builds the features
of :mod:`nextround.analysis.answer.star_model` for every sentence, and fits one L2-regularised logistic
regression per STAR part (scikit-learn, a dev dependency; lbfgs is deterministic, so a retrain gives the
same file). Each part's threshold is chosen on 5-fold cross-validated probabilities (folds by writer since session
8, by answer before): since session 20 by the mean over writers of its F1, kept at the standing threshold unless
another beats it clearly (``STANDING_THRESHOLDS``, ``THRESHOLD_MARGIN``); before, the pooled F1's argmax. Prints the
cross-validated F1 of the model beside the rules alone, then writes ``src/nextround/data/answer_star_model.json``.
``--check`` retrains and fails if the shipped file differs (the weights are reproducible).
"""

from __future__ import annotations

import os

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")  # one thread: the same sums, so the same weights, on any machine

import argparse
import json
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.linear_model import LogisticRegression

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.answer_corpus import CorpusAnswer, load_corpus  # noqa: E402

from nextround.analysis.answer import classify_question, split_sentences  # noqa: E402
from nextround.analysis.answer.model import STAR_PARTS  # noqa: E402
from nextround.analysis.answer.star import analyse_sentences, star_from  # noqa: E402
from nextround.analysis.answer.star_model import MODEL_FILE, decide, elsewhere, sentence_features  # noqa: E402
from nextround.analysis.embedding import load_model  # noqa: E402

OUTPUT = ROOT / "src" / "nextround" / "data" / MODEL_FILE
LEGACY = ROOT / "tests" / "data" / "answers_dev.jsonl"
FOLDS = 5
# Every split that has been reported once (test, test2, test3, test4, and since session 7 test5 and test6, two more
# writers, since session 10b test8) or is for development (dev, wide, and since session 6 wide2 and dev2, since
# session 8 wide3, since session 10b wide4: one more writer each); never the held-out holdout, holdout2, holdout3,
# holdout4 and relhold, nor an unseen frozen split.
# Decided on the held-out STAR splits (docs/answers.md, sessions 6 and 7) and, since session 8, by leaving one writer
# out (bench/lowo_answers.py: each training split is one writer, scored by the recipe trained on the others).
# test8 and wide4 since session 10b: the other eleven writers' mean rose 0.881 -> 0.886 (worst 0.809 -> 0.825), held out
# flat; "I rewrote the rota …, which meant overtime fell by half" stays step and outcome by the consequence-clause rule
# of star_model.decide, not by a threshold.
# test7, test9, test10 and wide5 since session 12, all four at once (each alone gave no gain before): the thirteen
# earlier writers' mean by leaving one writer out 0.878 -> 0.879 (worst, wide4, 0.783 -> 0.801), and the four new
# writers, each scored by the other sixteen instead of the thirteen, 0.798 -> 0.815 on average (docs/answers.md).
# test11 (seen since its report) and wide6 since session 13: leaving one writer out, the seventeen writers' mean
# 0.865 -> 0.865, and the nineteen (the two as folds rather than unseen) 0.864 -> 0.865 (test11 0.851 -> 0.848, wide6
# 0.857 -> 0.874; worst 0.776 -> 0.779); the held-out splits 0.871 -> 0.880 (docs/answers.md, session 13).
# test12 (seen since its report) and wide7 since session 14: the nineteen writers' parts cross-validated by writer level
# (0.876 -> 0.877), the held-out splits level (0.885 -> 0.884), and each new writer read better with the other in
# training (test12 0.869 as an unseen writer -> 0.879 as a fold, wide7 0.931 -> 0.942; docs/answers.md, session 14).
# test13 (seen since its report) and wide8 since session 15: the 21 writers' parts cross-validated by writer 0.880 ->
# 0.882, and wide9, a writer never trained on, 0.832 -> 0.835 (docs/answers.md, session 15).
# test14 (seen since its report) and wide9 since session 16: the 23 earlier writers' parts cross-validated by writer
# 0.881 -> 0.883 (worst, wide5, 0.780 -> 0.800), the held-out splits and wide10, a writer never trained on, up
# (docs/answers.md, session 16).
# test15 and test16 (seen since their reports), wide10 and wide11 since session 18: wide12, a writer never trained on,
# 0.909 -> 0.923 on its unread half and 0.871 -> 0.881 on the half read (by sentence, the recipe trained on 25 writers
# against 29), the held-out splits level (0.8878 -> 0.8874; docs/answers.md, session 18).
# Session 21 (starT21): wide12, wide13, test18, wide14 and test19 added measured level, not added: writer-CV mean of the
# 30 writers 0.8866 -> 0.8867, each added writer left out in turn 0.8658 -> 0.8654, wide15 (unseen) 0.870 -> 0.869.
TRAINING_SPLITS = (
    "dev",
    "wide",
    "test",
    "test2",
    "test3",
    "wide2",
    "dev2",
    "test4",
    "test5",
    "test6",
    "wide3",
    "test8",
    "wide4",
    "test7",
    "test9",
    "test10",
    "wide5",
    "test11",
    "wide6",
    "test12",
    "wide7",
    "test13",
    "wide8",
    "test14",
    "wide9",
    "test15",
    "wide10",
    "wide11",
    "test16",
    "test17",
)
# Inverse L2 strength, chosen by leaving one writer out (session 8: C 1, 4, 8, 16 → mean macro-F1 over eleven
# writers 0.865, 0.874, 0.877, 0.876 with that session's features).
REGULARISATION = 8.0
# Each part's threshold (session 20, the test18 error analysis, lever 2): the candidate with the best mean over
# writers of the part's F1 on the recipe's cross-validated probabilities (folds of whole writers, each writer read by a
# model that never saw it); it replaces the part's standing threshold (``STANDING_THRESHOLDS``, the last shipped) only
# when it beats it by more than ``THRESHOLD_MARGIN``. Until session 19 the pooled argmax was taken, and the result's
# threshold flipped 0.40 / 0.45 with each retrain (0.45 -> 0.40 in session 18, back in 19, 0.30 in answersO19's trial)
# on curves flat within 0.001 by writer (R 0.35 / 0.40 / 0.45: writer-CV mean STAR 0.8854 / 0.8857 / 0.8860, 30
# writers): a retrain's noise, not a new optimum, moved the shipped model and every score with it.
STANDING_THRESHOLDS = {"situation": 0.45, "task": 0.65, "action": 0.65, "result": 0.45}
THRESHOLD_MARGIN = 0.005
# lbfgs stops when the largest gradient entry falls below this: at scikit-learn's default (1e-4) it stopped early,
# where the path depends on the processor's arithmetic, and a retrain on another machine differed by up to 0.15 in a
# weight; run to the optimum, which is unique (session 10; train_feedback.py likewise runs to 1e-14).
TOL = 1e-10


def labelled_sentences(item: CorpusAnswer) -> tuple[list[str], list[frozenset[str]]]:
    """The analyser's sentences, each labelled with the gold sentence it overlaps most."""
    text = item.answer
    gold: list[tuple[int, int]] = []
    start = 0
    for sentence in item.sentences:
        gold.append((start, start + len(sentence)))
        start += len(sentence) + 1
    sentences = split_sentences(text)
    labels: list[frozenset[str]] = []
    cursor = 0
    for sentence in sentences:
        found = text.find(sentence, cursor)
        found = cursor if found < 0 else found
        end = found + len(sentence)
        cursor = end
        overlaps = [max(0, min(end, e) - max(found, s)) for s, e in gold]
        labels.append(item.labels[int(np.argmax(overlaps))])
    return sentences, labels


def legacy_items() -> list[CorpusAnswer]:
    """The older dev answers (``tests/data/answers_dev.jsonl``, STAR parts as sentence indices): extra
    training rows only; the figures printed are for the corpus splits alone."""
    items = []
    with LEGACY.open(encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            sentences = tuple(split_sentences(row["answer"]))
            labels = tuple(
                frozenset(part for part in STAR_PARTS if index in row["star"][part]) for index in range(len(sentences))
            )
            items.append(CorpusAnswer(row["id"], row["quality"], row["question"], None, frozenset(), sentences, labels))
    return items


def build(
    items: list[CorpusAnswer], embed: Callable[[list[str]], Any] | None = None
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, list[Any]]:
    """Features, labels (sentences × parts), answer index per sentence, the rules' own predictions, and
    the analysed sentences (for the decision rule). ``embed`` (default: the packaged model's) gives the
    sentences' embeddings as a :class:`Matrix`."""
    embed = embed or load_model().embed
    features, labels, groups, rules, sentences_all = [], [], [], [], []
    for number, item in enumerate(items):
        sentences, gold = labelled_sentences(item)
        if not sentences:
            continue
        question_type = classify_question(item.question)
        analysed = analyse_sentences(sentences, question_type, item.question)
        sentences_all.extend(analysed)
        rows = sentence_features(analysed, question_type, embed(sentences), item.question)
        features.append(np.asarray(rows.tolist(), dtype=np.float32))
        labels.extend([[part in parts for part in STAR_PARTS] for parts in gold])
        groups.extend([number] * len(sentences))
        star = star_from(analysed)
        rules.extend([[i in star.of(part) for part in STAR_PARTS] for i in range(len(sentences))])
    return np.vstack(features), np.array(labels), np.array(groups), np.array(rules), sentences_all


def f1(gold: np.ndarray, predicted: np.ndarray) -> float:
    tp = float((gold & predicted).sum())
    fp = float((~gold & predicted).sum())
    fn = float((gold & ~predicted).sum())
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def fit(x: np.ndarray, y: np.ndarray, c: float = REGULARISATION) -> LogisticRegression:
    return LogisticRegression(C=c, max_iter=20000, solver="lbfgs", tol=TOL).fit(x, y)


def cross_validated(x: np.ndarray, y: np.ndarray, folds: np.ndarray, c: float = REGULARISATION) -> np.ndarray:
    """Out-of-fold probabilities; ``folds`` gives each row's fold (0 … FOLDS - 1)."""
    probabilities = np.zeros(y.shape)
    for fold in range(FOLDS):
        held = folds == fold
        for column in range(len(STAR_PARTS)):
            probabilities[held, column] = fit(x[~held], y[~held, column], c).predict_proba(x[held])[:, 1]
    return probabilities


def neighbours(probabilities: np.ndarray, groups: np.ndarray) -> np.ndarray:
    """The part probabilities of the sentence before and after in the same answer (zeros at its ends),
    as :func:`star_model.with_neighbours` appends them."""
    none = np.zeros((1, probabilities.shape[1]))
    before = np.vstack([none, probabilities[:-1]]) * np.r_[False, groups[1:] == groups[:-1]][:, None]
    after = np.vstack([probabilities[1:], none]) * np.r_[groups[:-1] == groups[1:], False][:, None]
    others = np.zeros_like(probabilities)
    for group in np.unique(groups):
        rows = np.flatnonzero(groups == group)
        for row in rows:
            others[row] = elsewhere(probabilities[rows].tolist(), int(row - rows[0]))
    return np.hstack([before, after, others]).astype(np.float32)


def weights_of(model: LogisticRegression) -> dict[str, Any]:
    return {
        "bias": round(float(model.intercept_[0]), 6),
        "weights": [round(float(w), 6) for w in model.coef_[0]],
    }


@dataclass
class Recipe:
    """What one training run learns: both rounds' regressions per part and each part's threshold, with the
    cross-validated figures the thresholds were chosen on (corpus rows only)."""

    first: list[LogisticRegression]
    second: list[LogisticRegression]
    thresholds: list[float]
    rule_scores: list[float]
    model_scores: list[float]
    features: int
    # the second round's cross-validated probabilities on the ``own`` rows the thresholds were chosen on (for
    # bench/lowo_answers.py --dump: a decision rule is then tried on them without retraining)
    cv: np.ndarray | None = None


def learn(
    x: np.ndarray,
    y: np.ndarray,
    groups: np.ndarray,
    rules: np.ndarray,
    analysed: list[Any],
    own: np.ndarray,
    c: float = REGULARISATION,
    folds: np.ndarray | None = None,
    writers: np.ndarray | None = None,
) -> Recipe:
    """The training recipe: a first round per part; a second round over the features plus the first round's
    cross-validated probabilities of the neighbours (as it will meet them on answers the first round has never
    seen); per part the threshold of the decision rule on the second round's cross-validated probabilities, over the
    rows in ``own`` (the corpus splits), by :func:`choose_threshold` (``writers``: each row's writer; without it, the
    pooled F1's argmax)."""
    first = [fit(x, y[:, column], c) for column in range(len(STAR_PARTS))]
    folds = groups % FOLDS if folds is None else folds
    x2 = np.hstack([x, neighbours(cross_validated(x, y, folds, c).astype(np.float32), groups)])
    probabilities = cross_validated(x2, y, folds, c)[own]
    y_own, rules_own = y[own], rules[own]
    analysed_own = [sentence for sentence, keep in zip(analysed, own, strict=True) if keep]
    thresholds, rule_scores, model_scores = [], [], []
    candidates = np.round(np.arange(0.2, 0.71, 0.05), 2)
    decided_at = [
        np.asarray(
            decide(
                probabilities.astype(np.float32).tolist(),
                np.full(len(STAR_PARTS), t, np.float32).tolist(),
                analysed_own,
            )
        )
        for t in candidates
    ]
    writers_own = None if writers is None else writers[own]
    for column, part in enumerate(STAR_PARTS):
        pooled = [f1(y_own[:, column], decided[:, column]) for decided in decided_at]
        if writers_own is None:
            chosen = int(np.argmax(pooled))
        else:
            by_writer = [writer_mean(y_own[:, column], decided[:, column], writers_own) for decided in decided_at]
            chosen = choose_threshold(candidates, by_writer, STANDING_THRESHOLDS[part])
        thresholds.append(float(candidates[chosen]))
        rule_scores.append(f1(y_own[:, column], rules_own[:, column]))
        model_scores.append(pooled[chosen])
    second = [fit(x2, y[:, column], c) for column in range(len(STAR_PARTS))]
    return Recipe(first, second, thresholds, rule_scores, model_scores, int(x2.shape[1]), probabilities)


def writer_mean(gold: np.ndarray, predicted: np.ndarray, writers: np.ndarray) -> float:
    """The mean over writers of one part's F1 (each writer's rows alone)."""
    return float(np.mean([f1(gold[writers == w], predicted[writers == w]) for w in np.unique(writers)]))


def choose_threshold(candidates: np.ndarray, scores: list[float], standing: float) -> int:
    """The index of the candidate with the best score, unless the standing threshold's score is within
    ``THRESHOLD_MARGIN`` of it: then the standing one (a retrain's noise does not move a threshold)."""
    best = int(np.argmax(scores))
    matches = np.flatnonzero(np.isclose(candidates, standing))
    if matches.size and scores[best] - scores[int(matches[0])] <= THRESHOLD_MARGIN:
        return int(matches[0])
    return best


def second_round(recipe: Recipe, x: np.ndarray, groups: np.ndarray) -> np.ndarray:
    """The second round's float32 part probabilities for answers the recipe was not trained on."""
    first = np.column_stack([model.predict_proba(x)[:, 1] for model in recipe.first]).astype(np.float32)
    x2 = np.hstack([x, neighbours(first, groups)])
    return np.column_stack([model.predict_proba(x2)[:, 1] for model in recipe.second]).astype(np.float32)


def apply(recipe: Recipe, x: np.ndarray, groups: np.ndarray, analysed: list[Any]) -> np.ndarray:
    """Which sentences carry which part, for answers the recipe was not trained on (as the shipped model
    decides: float32 probabilities, :func:`star_model.decide`)."""
    second = second_round(recipe, x, groups)
    thresholds = np.asarray(recipe.thresholds, np.float32).tolist()
    return np.asarray(decide(second.tolist(), thresholds, analysed))


def writer_folds(items: list[CorpusAnswer], groups: np.ndarray) -> np.ndarray:
    """Each row's cross-validation fold by its writer (split), the older dev answers with dev's: the second round
    then learns from the first round's probabilities as it meets them on a writer it has never seen, and the
    thresholds are chosen for such a writer (session 8, leave-one-writer-out: mean macro-F1 0.879 -> 0.880, pooled
    0.875 -> 0.877, worst fold 0.801 -> 0.809)."""
    number = {split: index for index, split in enumerate(TRAINING_SPLITS)}
    split_of = [split for split in TRAINING_SPLITS for _ in load_corpus(split)]
    assert len(split_of) == len(items)
    by_group = [number[split_of[g]] if g < len(items) else number["dev"] for g in groups.tolist()]
    return np.array(by_group) % FOLDS


def train() -> dict[str, Any]:
    items = [item for split in TRAINING_SPLITS for item in load_corpus(split)]
    extra = legacy_items()
    x, y, groups, rules, analysed = build(items + extra)
    own = groups < len(items)  # figures and thresholds for the corpus splits only
    split_of = [split for split in TRAINING_SPLITS for _ in load_corpus(split)]
    writers = np.array([split_of[g] if g < len(items) else "dev" for g in groups.tolist()])
    recipe = learn(x, y, groups, rules, analysed, own, folds=writer_folds(items, groups), writers=writers)
    return model_file(recipe, len(items), int(own.sum()), len(extra))


def model_file(recipe: Recipe, answers: int, sentences: int, older: int) -> dict[str, Any]:
    """The shipped file's content for a trained recipe (``answers`` corpus answers, ``sentences`` of their sentences,
    ``older`` older dev answers), with its table of figures printed."""
    counts = f"{answers} answers, {sentences} sentences (+{older} older dev answers)"
    print(f"{counts}, {recipe.features} features\n")
    print("| part | rules F1 | model F1 (5-fold CV, at the threshold) | threshold |")
    print("| --- | ---: | ---: | ---: |")
    parts: dict[str, Any] = {}
    for column, part in enumerate(STAR_PARTS):
        rule, score, threshold = recipe.rule_scores[column], recipe.model_scores[column], recipe.thresholds[column]
        print(f"| {part} | {rule:.3f} | {score:.3f} | {threshold:.2f} |")
        parts[part] = {"threshold": threshold, **weights_of(recipe.second[column])}
    print(f"| macro | {np.mean(recipe.rule_scores):.3f} | {np.mean(recipe.model_scores):.3f} | |\n")
    return {
        "about": "STAR sentence model of nextround's answer analysis; rebuilt by scripts/train_answers.py.",
        "trained_on": (
            f"tests/data/answer_corpus/ {'+'.join(TRAINING_SPLITS)} ({answers} answers) and {LEGACY.name} ({older})"
        ),
        "features": recipe.features,
        "parts": parts,
        "first": {part: weights_of(recipe.first[column]) for column, part in enumerate(STAR_PARTS)},
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail if the shipped weights differ from a retrain")
    args = parser.parse_args()
    text = json.dumps(train(), indent=1) + "\n"
    if args.check:
        if OUTPUT.read_text(encoding="utf-8") != text:
            raise SystemExit(f"{OUTPUT.name} differs from a retrain: run scripts/train_answers.py")
        print(f"{OUTPUT.name} matches a retrain.")
        return
    OUTPUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUTPUT.relative_to(ROOT)} ({len(text) // 1024} KB)")


if __name__ == "__main__":
    main()
