"""Benchmark the interview-answer analysis: STAR accuracy, score ordering and speed.

Run: .venv/bin/python bench/bench_answer.py [--rounds N]

Prints markdown tables:
  1. sentence-level precision / recall / F1 per STAR part, dev and holdout separately (story questions:
     behavioural and situational, where STAR is the expected structure);
  2. score by labelled quality, and how often strong answers outscore weak ones (AUC);
  3. milliseconds per 250-word answer in batch mode: wall-clock median and p95 (goal: median ≤ 15 ms),
     and the processor time of the same calls, which a busy shared machine inflates less.
"""

from __future__ import annotations

import os

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")  # as the CLI does: small products, no thread pool

import argparse
import itertools
import json
import statistics
import time
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from nextround.analysis.answer import STAR_PARTS, AnswerAnalysis, analyze_answer, analyze_answers_batch

DATA = Path(__file__).resolve().parents[1] / "tests" / "data"
SETS = {"dev": "answers_dev.jsonl", "holdout": "answers_holdout.jsonl"}
STORY_TYPES = ("behavioural", "situational")
QUALITIES = ("strong", "average", "weak")


def load(name: str) -> list[dict[str, Any]]:
    with (DATA / name).open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def star_counts(rows: list[dict[str, Any]], results: list[AnswerAnalysis]) -> dict[str, tuple[int, int, int]]:
    counts = {part: [0, 0, 0] for part in STAR_PARTS}
    for row, result in zip(rows, results, strict=True):
        if result.question_type not in STORY_TYPES:
            continue
        for part in STAR_PARTS:
            gold, found = set(row["star"][part]), set(result.star_sentences.of(part))
            counts[part][0] += len(gold & found)
            counts[part][1] += len(found - gold)
            counts[part][2] += len(gold - found)
    return {part: (tp, fp, fn) for part, (tp, fp, fn) in counts.items()}


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def ordered_share(higher: list[int], lower: list[int]) -> float:
    """Share of (higher, lower) pairs the score puts in the right order; ties count half (an AUC)."""
    pairs = [(h, low) for h in higher for low in lower]
    if not pairs:
        return float("nan")
    return sum(1.0 if h > low else 0.5 if h == low else 0.0 for h, low in pairs) / len(pairs)


def star_table(per_set: Mapping[str, tuple[list[dict[str, Any]], list[AnswerAnalysis]]]) -> None:
    print("### STAR parts, sentence level (behavioural + situational answers)\n")
    print("| set | part | precision | recall | F1 | gold sentences |")
    print("| --- | --- | ---: | ---: | ---: | ---: |")
    for name, (rows, results) in per_set.items():
        for part, (tp, fp, fn) in star_counts(rows, results).items():
            precision, recall, f1 = prf(tp, fp, fn)
            print(f"| {name} | {part} | {precision:.2f} | {recall:.2f} | {f1:.2f} | {tp + fn} |")
    print()


def score_table(per_set: Mapping[str, tuple[list[dict[str, Any]], list[AnswerAnalysis]]]) -> None:
    print("### Score by labelled quality\n")
    print("| set | quality | answers | mean | median | min | max |")
    print("| --- | --- | ---: | ---: | ---: | ---: | ---: |")
    orderings: list[str] = []
    for name, (rows, results) in per_set.items():
        by_quality: dict[str, list[int]] = {quality: [] for quality in QUALITIES}
        for row, result in zip(rows, results, strict=True):
            by_quality[row["quality"]].append(result.score)
        for quality in QUALITIES:
            scores = by_quality[quality]
            print(
                f"| {name} | {quality} | {len(scores)} | {statistics.mean(scores):.1f} | "
                f"{statistics.median(scores):.1f} | {min(scores)} | {max(scores)} |"
            )
        orderings.append(
            f"| {name} | {ordered_share(by_quality['strong'], by_quality['weak']):.3f} | "
            f"{ordered_share(by_quality['strong'], by_quality['average']):.3f} | "
            f"{ordered_share(by_quality['average'], by_quality['weak']):.3f} |"
        )
    print("\n### Score ordering (AUC: share of pairs ordered correctly, ties half)\n")
    print("| set | strong > weak | strong > average | average > weak |")
    print("| --- | ---: | ---: | ---: |")
    print("\n".join(orderings))
    print()


def answers_of_250_words(rows: list[dict[str, Any]]) -> list[dict[str, str | None]]:
    """250-word answers built from the dev answers (each repeated until long enough, then cut)."""
    items: list[dict[str, str | None]] = []
    for row in rows:
        words: list[str] = []
        while len(words) < 250:
            words.extend(row["answer"].split())
        items.append({"question": row["question"], "answer": " ".join(words[:250]), "jd": None})
    return items


def answers_of_250_mixed_words(rows: list[dict[str, Any]]) -> list[dict[str, str | None]]:
    """250-word answers from consecutive dev answers (each to its first one's question): a median of 96 distinct
    content words each, as a real long answer has, where a repeated short answer has 26."""
    items: list[dict[str, str | None]] = []
    for start, row in enumerate(rows):
        words: list[str] = []
        step = 0
        while len(words) < 250:
            words.extend(rows[(start + step) % len(rows)]["answer"].split())
            step += 1
        items.append({"question": row["question"], "answer": " ".join(words[:250]), "jd": None})
    return items


def timed_items(
    items: list[dict[str, str | None]], marks: list[float], cpu_marks: list[float]
) -> Iterator[dict[str, str | None]]:
    """Yield items to the batch, recording when each is pulled: the gap is the previous item's cost."""
    for item in items:
        marks.append(time.perf_counter())
        cpu_marks.append(time.process_time())
        yield item
    marks.append(time.perf_counter())
    cpu_marks.append(time.process_time())


def speed_table(rows: list[dict[str, Any]], rounds: int) -> None:
    items = answers_of_250_words(rows)
    jd = "Customer service supervisor: rota planning, complaint handling, stock control, team training."
    with_jd = [{**item, "jd": jd} for item in items]
    mixed = answers_of_250_mixed_words(rows)
    print("### Speed per 250-word answer, batch mode\n")
    print("| mode | answers timed | median ms | p95 ms | processor ms (median) |")
    print("| --- | ---: | ---: | ---: | ---: |")
    workloads = (
        ("no job description", items),
        ("with job description", with_jd),
        ("no job description, ~96 distinct words (several answers)", mixed),
    )
    for label, batch in workloads:
        analyze_answers_batch(batch[:5])  # warm up
        costs: list[float] = []
        cpu_costs: list[float] = []
        for _ in range(rounds):
            marks: list[float] = []
            cpu_marks: list[float] = []
            analyze_answers_batch(timed_items(batch, marks, cpu_marks))
            costs.extend(1000 * (later - earlier) for earlier, later in itertools.pairwise(marks))
            cpu_costs.extend(1000 * (later - earlier) for earlier, later in itertools.pairwise(cpu_marks))
        costs.sort()
        p95 = costs[min(len(costs) - 1, int(0.95 * len(costs)))]
        cpu = statistics.median(cpu_costs)
        print(f"| {label} | {len(costs)} | {statistics.median(costs):.2f} | {p95:.2f} | {cpu:.2f} |")
    print()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5, help="timing rounds over the 250-word answers")
    args = parser.parse_args()
    per_set: dict[str, tuple[list[dict[str, Any]], list[AnswerAnalysis]]] = {}
    for name, filename in SETS.items():
        rows = load(filename)
        per_set[name] = (rows, [analyze_answer(row["question"], row["answer"]) for row in rows])
    print("## nextround answer analysis benchmark\n")
    print("| set | answers | distinct questions |")
    print("| --- | ---: | ---: |")
    for name, (rows, _) in per_set.items():
        print(f"| {name} | {len(rows)} | {len({row['question'] for row in rows})} |")
    print()
    star_table(per_set)
    score_table(per_set)
    speed_table(per_set["dev"][0], args.rounds)


if __name__ == "__main__":
    main()
