"""Evaluate the interview-answer analysis on the project's own labelled corpus.

Run: .venv/bin/python bench/eval_answers.py [--split SPLIT] [--by-source]
(SPLIT: dev, wide, wide2, wide3, wide4, wide5, wide6, wide7, wide8, wide9, wide10, wide11, wide12, wide13, wide14,
wide15, wide16, wide17, wide18, dev2, holdout, holdout2, holdout3, holdout4, relhold, test, test2, test3, test4, test5,
test6, test7, test8, test9, test10, test11, test12, test13, test14, test15, test16, test17, test18, test19, test20,
test21, test22, test23, or both: dev and test)

Prints markdown tables, dev and frozen test separately (``tests/data/answer_corpus/``; ``test2`` is the
second frozen split, written in session 3 and reported once, at its end; ``test3`` the third, written
before session 4's tuning and reported once, at its end; ``test4`` the fourth, written before session 5's tuning
and reported once, at its end; ``test5`` the fifth, written before session 6's tuning, ``test6`` the sixth,
written before session 7's tuning, ``test7`` the seventh, written before session 8's tuning, ``test8`` the eighth,
written before session 9's tuning, ``test9`` the ninth, written before session 10's tuning, ``test10`` the tenth,
written before session 11's tuning, ``test11`` the eleventh, written before session 12's tuning, ``test12`` the
twelfth, written before session 13's tuning, ``test13`` the thirteenth, written before session 14's tuning,
``test14`` the fourteenth, written before session 15's tuning, ``test15`` the fifteenth, written before
session 16's tuning, ``test16`` the sixteenth, written before session 17's tuning, ``test17`` the seventeenth,
written before session 18's tuning, ``test18`` the eighteenth, written before session 19's tuning, ``test19`` the
nineteenth, written before session 20's tuning, ``test20`` the twentieth, written before session 21's tuning,
``test21`` the twenty-first, written before session 22's tuning, ``test22`` the twenty-second, written before
session 23's tuning, and ``test23`` the twenty-third, written before session 24's tuning, likewise):
  1. STAR parts, sentence level: precision, recall, F1 per part and their macro mean (all answers);
  2. relevance: how often an answer scored against its own question beats it scored against each other
     question of the split (on-topic answers only), and mean relevance of on-topic vs off-topic answers;
     with ``--by-source``, the first split by whether the answer's question and the rival are bank questions or the
     writer's own (``q:``) ones;
  3. score ordering: strong > average, strong > weak, average > weak (AUC, ties count half), and the mean
     score of answers with no outcome against complete strong ones.
"""

from __future__ import annotations

import os

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")  # as the CLI does: small products, no thread pool

import argparse
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.answer_corpus import CorpusAnswer, load_corpus

from nextround.analysis.answer import STAR_PARTS, AnswerAnalysis, analyze_answer, split_sentences
from nextround.analysis.answer.relevance import measure_relevance


def gold_spans(item: CorpusAnswer) -> list[tuple[int, int]]:
    spans, start = [], 0
    for sentence in item.sentences:
        spans.append((start, start + len(sentence)))
        start += len(sentence) + 1
    return spans


def predicted_parts(item: CorpusAnswer, result: AnswerAnalysis) -> list[set[str]]:
    """STAR parts predicted for each gold sentence: those of the predicted sentence overlapping it most."""
    text = item.answer
    spans: list[tuple[int, int]] = []
    cursor = 0
    for sentence in result.sentences:
        found = text.find(sentence, cursor)
        if found < 0:
            found = cursor
        spans.append((found, found + len(sentence)))
        cursor = found + len(sentence)
    parts_of = [{p for p in STAR_PARTS if index in result.star_sentences.of(p)} for index in range(len(spans))]
    out: list[set[str]] = []
    for start, end in gold_spans(item):
        overlaps = [max(0, min(end, e) - max(start, s)) for s, e in spans]
        best = max(range(len(spans)), key=lambda i: overlaps[i]) if spans else -1
        out.append(parts_of[best] if best >= 0 and overlaps[best] > 0 else set())
    return out


def star_scores(items: list[CorpusAnswer], results: list[AnswerAnalysis]) -> dict[str, tuple[float, float, float]]:
    counts = {part: [0, 0, 0] for part in STAR_PARTS}
    for item, result in zip(items, results, strict=True):
        for gold, found in zip(item.labels, predicted_parts(item, result), strict=True):
            for part in STAR_PARTS:
                counts[part][0] += part in gold and part in found
                counts[part][1] += part not in gold and part in found
                counts[part][2] += part in gold and part not in found
    scores = {}
    for part, (tp, fp, fn) in counts.items():
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        scores[part] = (precision, recall, f1)
    return scores


def ordered_share(higher: list[float], lower: list[float]) -> float:
    pairs = [(h, low) for h in higher for low in lower]
    if not pairs:
        return float("nan")
    return sum(1.0 if h > low else 0.5 if h == low else 0.0 for h, low in pairs) / len(pairs)


def relevance_score(question: str, sentences: list[str]) -> float:
    """The relevance ``analyze_answer`` reports, without the rest of the analysis (for speed)."""
    found = measure_relevance(question, sentences)
    return 0.0 if found is None else found.score


def _pair_wins(items: list[CorpusAnswer]) -> dict[str, tuple[float, int]]:
    """Wins and pairs of own question above another (on-topic answers), in all and by where the answer's question
    and the rival come from: "bank-own" is an answer to a bank question against the writer's own (``q:``) question
    (the test20 error analysis: own questions are hubs that bank answers lose to, and are not told apart)."""
    questions = sorted({item.question for item in items})
    from_bank = {item.question: item.question_id is not None for item in items}
    cells: dict[str, tuple[float, int]] = {}
    for item in items:
        if not item.on_topic:
            continue
        sentences = split_sentences(item.answer)
        own = relevance_score(item.question, sentences)
        for other in questions:
            if other == item.question:
                continue
            score = relevance_score(other, sentences)
            win = 1.0 if own > score else 0.5 if own == score else 0.0
            cell = f"{_source(from_bank[item.question])}-{_source(from_bank[other])}"
            for key in ("all", cell):
                wins, total = cells.get(key, (0.0, 0))
                cells[key] = (wins + win, total + 1)
    return cells


def _source(bank: bool) -> str:
    return "bank" if bank else "own"


def relevance_by_source(cells: dict[str, tuple[float, int]]) -> str:
    """A markdown table of own question above another (``_pair_wins``) by the answer's question and the rival."""
    lines = ["| answer's question / rival | bank | own |", "| --- | ---: | ---: |"]
    for answer in ("bank", "own"):
        shares = []
        for rival in ("bank", "own"):
            wins, total = cells.get(f"{answer}-{rival}", (0.0, 0))
            shares.append(f"{wins / total:.3f} ({total})" if total else "-")
        lines.append(f"| {answer} | {shares[0]} | {shares[1]} |")
    return "\n".join(lines) + "\n"


def report(split: str, *, by_source: bool = False) -> None:
    items = load_corpus(split)
    results = [analyze_answer(item.question, item.answer) for item in items]
    print(f"## {split} ({len(items)} answers, {len({i.question for i in items})} questions)\n")
    print("| part | precision | recall | F1 |")
    print("| --- | ---: | ---: | ---: |")
    scores = star_scores(items, results)
    for part, (precision, recall, f1) in scores.items():
        print(f"| {part} | {precision:.2f} | {recall:.2f} | {f1:.2f} |")
    print(f"| **macro** | | | **{statistics.mean(f1 for _, _, f1 in scores.values()):.3f}** |\n")

    cells = _pair_wins(items)
    wins, pairs = cells.get("all", (0.0, 0))
    own = wins / pairs if pairs else float("nan")
    on = [r.relevance for i, r in zip(items, results, strict=True) if i.on_topic]
    off = [r.relevance for i, r in zip(items, results, strict=True) if not i.on_topic]
    para = [r.relevance for i, r in zip(items, results, strict=True) if "paraphrase" in i.flags]
    print("| relevance measure | value |")
    print("| --- | ---: |")
    print(f"| own question above another ({pairs} pairs) | **{own:.3f}** |")
    print(f"| mean relevance, on-topic ({len(on)}) | {statistics.mean(on):.2f} |")
    if para:
        print(f"| mean relevance, on-topic in other words ({len(para)}) | {statistics.mean(para):.2f} |")
    if off:
        print(f"| mean relevance, off-topic ({len(off)}) | {statistics.mean(off):.2f} |")
        print(f"| on-topic above off-topic (AUC) | {ordered_share(on, off):.3f} |")
    print()
    if by_source:
        print(relevance_by_source(cells))

    by_quality: dict[str, list[float]] = {"strong": [], "average": [], "weak": []}
    for item, result in zip(items, results, strict=True):
        by_quality[item.quality].append(result.score)
    noresult = [r.score for i, r in zip(items, results, strict=True) if "noresult" in i.flags]
    print("| score measure | value |")
    print("| --- | ---: |")
    for quality, scores_of in by_quality.items():
        print(f"| mean score, {quality} ({len(scores_of)}) | {statistics.mean(scores_of):.1f} |")
    if noresult:
        print(f"| mean score, no outcome ({len(noresult)}) | {statistics.mean(noresult):.1f} |")
    print(f"| strong > average | **{ordered_share(by_quality['strong'], by_quality['average']):.3f}** |")
    print(f"| strong > weak | {ordered_share(by_quality['strong'], by_quality['weak']):.3f} |")
    print(f"| average > weak | {ordered_share(by_quality['average'], by_quality['weak']):.3f} |\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    splits = (
        "dev",
        "wide",
        "wide2",
        "wide3",
        "wide4",
        "wide5",
        "wide6",
        "wide7",
        "wide8",
        "wide9",
        "wide10",
        "wide11",
        "wide12",
        "wide13",
        "wide14",
        "wide15",
        "wide16",
        "wide17",
        "wide18",
        "dev2",
        "holdout",
        "holdout2",
        "holdout3",
        "holdout4",
        "relhold",
        "test",
        "test2",
        "test3",
        "test4",
        "test5",
        "test6",
        "test7",
        "test8",
        "test9",
        "test10",
        "test11",
        "test12",
        "test13",
        "test14",
        "test15",
        "test16",
        "test17",
        "test18",
        "test19",
        "test20",
        "test21",
        "test22",
        "test23",
        "both",
    )
    parser.add_argument("--split", choices=splits, default="both")
    parser.add_argument(
        "--by-source",
        action="store_true",
        help="also split own question above another by bank and own (q:) questions, the answer's and the rival's",
    )
    args = parser.parse_args()
    for split in ("dev", "test") if args.split == "both" else (args.split,):
        report(split, by_source=args.by_source)


if __name__ == "__main__":
    main()
