"""Leave-one-writer-out evaluation of the STAR sentence model's training recipe.

Run: nice -n 10 .venv/bin/python bench/lowo_answers.py [--c C] [--errors FILE] [--scores] [--only SPLIT ...]
    [--add SPLIT ...] [--unseen SPLIT ...]

Each training split of ``tests/data/answer_corpus/`` (``TRAINING_SPLITS`` of ``scripts/train_answers.py``) is one
writer. For every one of them, the recipe of ``scripts/train_answers.py`` (both rounds, thresholds from its own
cross-validation) is trained on the other splits (and the older dev answers, except when ``dev`` is left out) and
scores the left-out split at the sentence level as ``bench/eval_answers.py`` does (the analyser's sentences mapped
onto the gold sentences). Prints per fold and on average the macro-F1 and each part's F1, so a change is judged
on ten writers it has never seen rather than on one held-out split. Never reads a held-out or unseen split.

``--add SPLIT …`` makes more seen splits training writers (each also a fold); ``--unseen SPLIT …`` scores seen splits
as writers the recipe never trains on, by the recipe trained on every training split, outside the mean of folds (session
12: a method change measured on writers outside training as well).

``--errors FILE`` writes every sentence a fold gets wrong (gold and predicted parts, its answer and position);
``--scores`` also scores every answer with its fold's STAR parts (``analyze_answer``) and prints the mean score
of answers with no outcome against strong, average and weak ones. Sentence embeddings are cached in
``--cache`` (default: the system's temporary folder); they depend on the sentence alone.
"""

from __future__ import annotations

import os

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")  # deterministic and frugal on a shared machine

import argparse
import pickle
import statistics
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

import train_answers  # noqa: E402
from tests.answer_corpus import CorpusAnswer, load_corpus  # noqa: E402

from nextround.analysis.answer import STAR_PARTS, split_sentences, star_model  # noqa: E402
from nextround.analysis.embedding import load_model  # noqa: E402
from nextround.analysis.vectors import Matrix  # noqa: E402


class CachedEmbedding:
    """The packaged model's sentence embeddings, kept on disk between runs (keyed by the sentence)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.vectors: dict[str, list[float]] = {}
        self.changed = False
        if path.is_file():
            with np.load(path, allow_pickle=False) as data:
                for text, row in zip(data["texts"].tolist(), data["vectors"], strict=True):
                    self.vectors[text] = row.tolist()

    def __call__(self, sentences: list[str]) -> Matrix:
        missing = [s for s in dict.fromkeys(sentences) if s not in self.vectors]
        if missing:
            for text, row in zip(missing, load_model().embed(missing).tolist(), strict=True):
                self.vectors[text] = row
            self.changed = True
        rows = [self.vectors[s] for s in sentences]
        return Matrix.from_rows(rows, len(rows[0]))

    def save(self) -> None:
        if self.changed:
            texts = list(self.vectors)
            np.savez(self.path, texts=np.array(texts), vectors=np.array([self.vectors[t] for t in texts], np.float32))


def gold_parts(
    item: CorpusAnswer, sentences: Sequence[str], predicted: np.ndarray
) -> list[tuple[frozenset[str], frozenset[str], str]]:
    """(gold, predicted, text) per gold sentence; a gold sentence takes the parts of the analyser's sentence that
    overlaps it most (``bench/eval_answers.py``)."""
    text = item.answer
    spans, cursor = [], 0
    for sentence in sentences:
        found = text.find(sentence, cursor)
        found = cursor if found < 0 else found
        spans.append((found, found + len(sentence)))
        cursor = found + len(sentence)
    out, start = [], 0
    for gold, sentence in zip(item.labels, item.sentences, strict=True):
        end = start + len(sentence)
        overlaps = [max(0, min(end, e) - max(start, s)) for s, e in spans]
        best = int(np.argmax(overlaps)) if spans else -1
        found_parts = (
            frozenset(p for c, p in enumerate(STAR_PARTS) if predicted[best, c])
            if best >= 0 and overlaps[best] > 0
            else frozenset()
        )
        out.append((gold, found_parts, sentence))
        start = end + 1
    return out


def part_scores(rows: list[tuple[frozenset[str], frozenset[str], str]]) -> dict[str, tuple[float, float, float]]:
    scores = {}
    for part in STAR_PARTS:
        tp = sum(part in g and part in p for g, p, _ in rows)
        fp = sum(part not in g and part in p for g, p, _ in rows)
        fn = sum(part in g and part not in p for g, p, _ in rows)
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        scores[part] = (precision, recall, 2 * tp / (2 * tp + fp + fn) if tp else 0.0)
    return scores


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--c",
        type=float,
        nargs="+",
        default=[train_answers.REGULARISATION],
        help="inverse regularisation (one run each)",
    )
    parser.add_argument("--errors", type=Path, help="write the sentences each fold gets wrong to this file")
    parser.add_argument("--scores", action="store_true", help="score every answer with its fold's STAR parts")
    parser.add_argument("--only", nargs="*", help="leave out only these splits (default: each in turn)")
    parser.add_argument(
        "--answer-folds", action="store_true", help="the recipe's own CV folds by answer (before session 8)"
    )
    parser.add_argument("--step-result", type=float, help="try another star_model.STEP_RESULT")
    parser.add_argument("--add", nargs="*", default=[], help="more development splits (writers) to train and score on")
    parser.add_argument(
        "--unseen",
        nargs="*",
        default=[],
        help="seen splits scored as unseen writers by the recipe trained on all the training splits (never trained on)",
    )
    parser.add_argument(
        "--dump", type=Path, help="pickle each fold's probabilities, to try a decision rule without retraining"
    )
    parser.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir()) / "nextround-lowo-embeddings.npz")
    args = parser.parse_args()
    started = time.process_time()
    if args.step_result is not None:
        setattr(star_model, "STEP_RESULT", args.step_result)  # noqa: B010 (read by star_model.decide at each call)

    held_out = {"holdout", "holdout2", "holdout3", "holdout4", "relhold", "test23"}
    if held_out & {*args.add, *args.unseen}:
        parser.error("a held-out or unseen frozen split is never a writer here")
    splits = tuple(dict.fromkeys((*train_answers.TRAINING_SPLITS, *args.add, *args.unseen)))
    items: list[CorpusAnswer] = []
    split_of: list[str] = []
    for split in splits:
        loaded = load_corpus(split)
        items.extend(loaded)
        split_of.extend([split] * len(loaded))
    extra = train_answers.legacy_items()
    embed = CachedEmbedding(args.cache)
    x, y, groups, rules, analysed = train_answers.build(items + extra, embed)
    embed.save()
    sentences_of: dict[int, list[str]] = {}
    for group, sentence in zip(groups.tolist(), analysed, strict=True):
        sentences_of.setdefault(group, []).append(sentence.text)
    writer = np.array([split_of[g] if g < len(items) else "legacy" for g in groups])

    for c in args.c:
        folds: dict[str, dict[str, tuple[float, float, float]]] = {}
        pooled: list[tuple[frozenset[str], frozenset[str], str]] = []
        errors: list[str] = []
        predicted_star: dict[int, np.ndarray] = {}
        never = np.isin(writer, args.unseen)
        unseen_recipe: Any = None
        dumped: dict[str, dict[str, Any]] = {}
        for split in args.only or splits:
            held = writer == split
            train = ~held & ~never & ((writer != "legacy") | (split != "dev"))
            train_rows = np.flatnonzero(train)
            cv_folds = None
            if not args.answer_folds:  # by writer, as scripts/train_answers.py does
                names = sorted(set(writer[train].tolist()) - {"legacy"})
                number = {name: i for i, name in enumerate(names)}
                number["legacy"] = number.get("dev", 0)
                cv_folds = np.array([number[w] % train_answers.FOLDS for w in writer[train]])
            recipe = (
                unseen_recipe
                if split in args.unseen and unseen_recipe is not None
                else train_answers.learn(
                    x[train],
                    y[train],
                    groups[train],
                    rules[train],
                    [analysed[i] for i in train_rows],
                    writer[train] != "legacy",
                    c,
                    cv_folds,
                    writer[train],
                )
            )
            if split in args.unseen:
                unseen_recipe = recipe
            held_rows = np.flatnonzero(held)
            decided = train_answers.apply(recipe, x[held], groups[held], [analysed[i] for i in held_rows])
            if args.dump:
                own_rows = train_rows[writer[train] != "legacy"]
                dumped[split] = {
                    "own_rows": own_rows,
                    "cv": recipe.cv,
                    "held_rows": held_rows,
                    "held": train_answers.second_round(recipe, x[held], groups[held]),
                    "thresholds": recipe.thresholds,
                }
            rows: list[tuple[frozenset[str], frozenset[str], str]] = []
            for group in np.unique(groups[held]):
                mine = groups[held] == group
                predicted_star[int(group)] = decided[mine]
                item = items[int(group)]
                answer_rows = gold_parts(item, sentences_of[int(group)], decided[mine])
                rows.extend(answer_rows)
                for position, (gold, found, text) in enumerate(answer_rows):
                    if gold != found:
                        errors.append(
                            f"{split}\t{item.id}\t{position}/{len(answer_rows)}\t{item.quality}\t"
                            f"{''.join(p[0].upper() for p in STAR_PARTS if p in gold) or '-'}\t"
                            f"{''.join(p[0].upper() for p in STAR_PARTS if p in found) or '-'}\t{text}"
                        )
            folds[split] = part_scores(rows)
            if split not in args.unseen:
                pooled.extend(rows)

        print(f"LOWO over {sum(split not in args.unseen for split in folds)} writers, C={c}\n")
        print(
            "| left out | sentences | macro-F1 | situation | task | action | result | S recall | T recall"
            " | R precision |"
        )
        print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
        for split, scores in folds.items():
            count = int(sum(1 for g in np.unique(groups[writer == split]) for _ in items[int(g)].sentences))
            macro = statistics.mean(f for _, _, f in scores.values())
            print(
                f"| {split} | {count} | {macro:.3f} | "
                + " | ".join(f"{scores[p][2]:.3f}" for p in STAR_PARTS)
                + f" | {scores['situation'][1]:.2f} | {scores['task'][1]:.2f} | {scores['result'][0]:.2f} |"
            )
        unseen = {split: folds.pop(split) for split in args.unseen if split in folds}
        if folds:  # none when every chosen split is also unseen (``--only X --unseen X``): the unseen lines alone
            print_fold_summary(folds, pooled)
        for split, scores in unseen.items():
            macro = statistics.mean(f for _, _, f in scores.values())
            print(
                f"unseen {split} (trained on every training split): macro-F1 {macro:.3f} ("
                + " / ".join(f"{scores[p][2]:.3f}" for p in STAR_PARTS)
                + ")"
            )

        if args.dump:
            with args.dump.open("wb") as handle:
                pickle.dump({"folds": dumped, "y": y, "groups": groups, "writer": writer, "analysed": analysed}, handle)
        if args.errors:
            errors_file = args.errors if len(args.c) == 1 else args.errors.with_suffix(f".c{c:g}{args.errors.suffix}")
            errors_file.write_text("\n".join(errors) + "\n", encoding="utf-8")
            print(f"{len(errors)} sentences wrong, written to {errors_file}")
        if args.scores:
            print_scores(items, split_of, sentences_of, predicted_star, errors_file if args.errors else None)
    print(f"\nprocessor time {time.process_time() - started:.0f} s")


def print_fold_summary(
    folds: dict[str, dict[str, tuple[float, float, float]]], pooled: list[tuple[frozenset[str], frozenset[str], str]]
) -> None:
    """The mean over the left-out training writers, their pooled sentences and the worst of them."""
    means = {p: statistics.mean(s[p][2] for s in folds.values()) for p in STAR_PARTS}
    macro_mean = statistics.mean(statistics.mean(f for _, _, f in s.values()) for s in folds.values())
    per_part = " | ".join(f"{means[p]:.3f}" for p in STAR_PARTS)
    print(f"| **mean of folds** | | **{macro_mean:.3f}** | {per_part} | | | |")
    pooled_scores = part_scores(pooled)
    pooled_macro = statistics.mean(f for _, _, f in pooled_scores.values())
    print(
        f"| pooled | {len(pooled)} | {pooled_macro:.3f} | "
        + " | ".join(f"{pooled_scores[p][2]:.3f}" for p in STAR_PARTS)
        + " | | | |"
    )
    print(f"\nworst fold {min(statistics.mean(f for _, _, f in s.values()) for s in folds.values()):.3f}")


def print_scores(
    items: list[CorpusAnswer],
    split_of: list[str],
    sentences_of: dict[int, list[str]],
    predicted_star: dict[int, np.ndarray],
    errors_file: Path | None = None,
) -> None:
    """Every left-out answer scored by ``analyze_answer`` with its fold's STAR parts; the answers with no outcome
    are appended to ``errors_file`` with their score and the sentences read as the result."""
    import nextround.analysis.answer as answer_package
    from nextround.analysis.answer import StarSentences, analyze_answer

    by_sentences = {tuple(sentences_of[g]): predicted_star[g] for g in predicted_star}

    def fold_star(
        analysed: Sequence[Any], question_type: str, embeddings: Any, question: str = ""
    ) -> StarSentences | None:
        found = by_sentences.get(tuple(sentence.text for sentence in analysed))
        if found is None:
            return None
        parts = {p: tuple(i for i in range(len(found)) if found[i, c]) for c, p in enumerate(STAR_PARTS)}
        return StarSentences(parts["situation"], parts["task"], parts["action"], parts["result"])

    original = answer_package.predict_star
    answer_package.predict_star = fold_star  # type: ignore[assignment]
    try:
        table: dict[str, dict[str, list[float]]] = {}
        missing = 0
        with_result: list[bool] = []
        no_outcome: list[str] = []
        result_points: list[int] = []
        for group in predicted_star:
            item = items[group]
            if tuple(split_sentences(item.answer)) not in by_sentences:
                missing += 1
            analysis = analyze_answer(item.question, item.answer)
            score = analysis.score
            kinds = [item.quality] + (["no outcome"] if "noresult" in item.flags else [])
            if "noresult" in item.flags:
                with_result.append(bool(analysis.star_sentences.result))
                found = " / ".join(analysis.sentences[i] for i in analysis.star_sentences.result)
                no_outcome.append(f"no outcome\t{item.id}\t{item.quality}\t{score}\t{found}")
                result_points.append(
                    (analysis.points_for("result") or 0) + (analysis.points_for("quantified_result") or 0)
                )
            for kind in kinds:
                table.setdefault(split_of[group], {}).setdefault(kind, []).append(score)
                table.setdefault("all", {}).setdefault(kind, []).append(score)
    finally:
        answer_package.predict_star = original
    print("\n| split | strong | average | weak | no outcome | no outcome − average |")
    print("| --- | ---: | ---: | ---: | ---: | ---: |")
    for split, kinds in table.items():
        means = {k: statistics.mean(v) if v else float("nan") for k, v in kinds.items()}
        gap = means.get("no outcome", float("nan")) - means.get("average", float("nan"))
        print(
            f"| {split} | "
            + " | ".join(f"{means.get(k, float('nan')):.1f}" for k in ("strong", "average", "weak", "no outcome"))
            + f" | {gap:+.1f} |"
        )
    print(
        f"\nno-outcome answers with a result found: {sum(with_result)} of {len(with_result)}; "
        f"mean points for the result and its number: {statistics.mean(result_points) if result_points else 0:.1f}"
    )
    if errors_file is not None:
        with errors_file.open("a", encoding="utf-8") as handle:
            handle.write("\n".join(no_outcome) + "\n")
    if missing:
        print(f"({missing} answers split differently after normalising: their STAR parts are the rules alone)")


if __name__ == "__main__":
    main()
