"""Could the analysers run without numpy? Their vector work in plain Python, against numpy, on real inputs.

Run: .venv/bin/python bench/bench_vectors.py [--rounds N]

Issue 9 lets the default install grow by at most 60 MB for the coach's model; numpy alone is 73.6 MB of the
+91 MB. This bench measures what dropping it would cost in speed. The plain-Python side reads the same
embedding file (``struct`` rows from a memory map, the project's own tokenizer), mean-pools, and does its
dot products with the fastest standard-library way found here (``math.dist`` on unit vectors:
cos = 1 - d²/2), so outputs would be the same to ~1e-7.

Prints markdown tables:
  1. the cost of one 256-number dot product each way;
  2. per analysis (feedback text, 250-word answer, JD/CV pair): its processor time today (median), how many
     256-number dot products it does (counted on the same inputs), the plain-Python time of its encoding
     (measured) and of its dot products (count × measured cost), and the sum against the goal;
  3. cold load of the model with and without numpy (fresh interpreters, median).
"""

from __future__ import annotations

import os

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")  # as the CLI does

import argparse
import array
import json
import math
import operator
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path
from typing import Any

import numpy as np

import bench_answer
import bench_match
from nextround.analysis import embedding
from nextround.analysis.answer import analyze_answer, relevance
from nextround.analysis.feedback import analyze_feedback
from nextround.analysis.feedback.model import load_clause_model
from nextround.analysis.skillgaps import match
from plain_vectors import DIMENSIONS, PlainTable

ROOT = Path(__file__).resolve().parents[1]
FEEDBACK = ROOT / "tests" / "data" / "feedback_corpus" / "dev.jsonl"


class Counted(np.ndarray):
    """An embedding matrix that counts the dot products any ``@`` with it does."""

    products = 0

    @staticmethod
    def _count(left: np.ndarray, right: np.ndarray) -> None:
        Counted.products += (left.shape[0] if left.ndim == 2 else 1) * (right.shape[1] if right.ndim == 2 else 1)

    def __matmul__(self, other: Any) -> Any:
        left, right = np.asarray(self), np.asarray(other)
        Counted._count(left, right)
        result = left @ right
        return result.view(Counted) if isinstance(result, np.ndarray) else result

    def __rmatmul__(self, other: Any) -> Any:
        left, right = np.asarray(other), np.asarray(self)
        Counted._count(left, right)
        result = left @ right
        return result.view(Counted) if isinstance(result, np.ndarray) else result


def median_ms(values: Sequence[float]) -> float:
    return 1000 * statistics.median(values)


def processor_time(call: Callable[[], object]) -> float:
    started = time.process_time()
    call()
    return time.process_time() - started


DIST = "`math.dist` on unit vectors (1 − d²/2)"
SIMSIMD = "simsimd 2 MB (if installed): one `cdist` call, result read back as Python floats"


def _matrix(rows: Sequence[Sequence[float]]) -> memoryview[float]:
    values = array.array("f")
    for row in rows:
        values.extend(row)
    return memoryview(values).cast("B").cast("f", [len(rows), len(rows[0])])


def fastest(call: Callable[[], object], rounds: int) -> float:
    return min(processor_time(call) for _ in range(rounds))


def encode_all(table: PlainTable, batches: list[list[str]]) -> None:
    for batch in batches:
        table.encode(batch)


def dot_costs(rounds: int) -> dict[str, float]:
    """Microseconds per 256-number dot product: the relevance vocabulary (1,492 unit rows) against 26 words."""
    background = relevance._background()
    vocabulary = background.vocabulary_vectors
    words = background.model.encode(relevance.content_words(bench_answer.load("answers_dev.jsonl")[0]["answer"]))
    rows = [tuple(row) for row in vocabulary.astype(np.float64).tolist()]
    columns = [tuple(row) for row in words.astype(np.float64).tolist()]
    count = len(rows) * len(columns)
    mul, dist = operator.mul, math.dist

    def plain_sum() -> None:
        for column in columns:
            [sum(map(mul, row, column)) for row in rows]

    def plain_dist() -> None:
        for column in columns:
            [1.0 - dist(row, column) ** 2 / 2 for row in rows]

    ways: dict[str, Callable[[], object]] = {
        "numpy, one matrix product": lambda: vocabulary @ words.T,
        "`sum(map(operator.mul, a, b))`": plain_sum,
        DIST: plain_dist,
    }
    try:  # not a dependency: measured only where someone installed it to compare
        import simsimd  # type: ignore[import-not-found]
    except ImportError:
        pass
    else:
        left, right = _matrix(columns), _matrix(rows)
        ways[SIMSIMD] = lambda: memoryview(simsimd.cdist(left, right, metric="dot", out_dtype="float32")).tolist()
    return {name: 1e6 * fastest(way, rounds) / count for name, way in ways.items()}


def counting(model: embedding.EmbeddingModel) -> tuple[list[list[str]], Callable[[], None]]:
    """Make the model's vectors count their products and record every batch of texts it encodes."""
    batches: list[list[str]] = []
    original = model.encode

    def encode(texts: Sequence[str]) -> Any:
        batches.append(list(texts))
        return original(texts).view(Counted)

    model.encode = encode  # type: ignore[method-assign]

    def restore() -> None:
        model.encode = original  # type: ignore[method-assign]

    return batches, restore


def feedback_row(table: PlainTable, rounds: int) -> dict[str, float]:
    texts = [json.loads(line)["text"] for line in FEEDBACK.read_text(encoding="utf-8").splitlines() if line.strip()]
    model, heads = embedding.load_model(), load_clause_model()
    analyze_feedback(texts[0])
    today = [fastest(partial(analyze_feedback, text), rounds) for text in texts]
    batches, restore = counting(model)
    try:
        for text in texts:
            analyze_feedback(text)
    finally:
        restore()
    weights = np.vstack([heads.polarity_coef, heads.theme_coef]).tolist()
    bias = np.concatenate([heads.polarity_bias, heads.theme_bias]).tolist()
    mean, scale = heads.mean.tolist(), heads.scale.tolist()
    lexicon = len(mean) - DIMENSIONS
    mul = operator.mul

    def plain(batch: list[str]) -> None:
        for vector in table.encode(batch):
            features = [0.5] * lexicon + vector  # the lexicon's values do not change the cost
            standard = [(value - m) / s for value, m, s in zip(features, mean, scale, strict=True)]
            [1 / (1 + math.exp(-(sum(map(mul, row, standard)) + b))) for row, b in zip(weights, bias, strict=True)]

    vector_work = [fastest(partial(plain, batch), rounds) for batch in batches]
    clauses = statistics.median(len(batch) for batch in batches)
    return {
        "today": median_ms(today),
        "products": clauses * len(bias),
        "encoding": median_ms(vector_work),
        "dots": 0.0,  # measured inside "encoding": the heads ran in plain Python too
        "goal": 20.0,
    }


def answer_row(table: PlainTable, per_dot: float, rounds: int) -> dict[str, float]:
    items = bench_answer.answers_of_250_words(bench_answer.load("answers_dev.jsonl"))
    analyze_answer(items[0]["question"] or "", items[0]["answer"] or "")

    def one(item: dict[str, str | None]) -> None:
        relevance._cached_profile.cache_clear()
        analyze_answer(item["question"] or "", item["answer"] or "")

    today = [fastest(partial(one, item), rounds) for item in items]
    batches, restore = counting(embedding.load_model())
    for cache in (relevance._background, relevance._query, relevance._cached_profile):
        cache.cache_clear()  # the bank's vectors are built again, counted
    products: list[int] = []
    encodings: list[float] = []
    try:
        one(items[0])
        for item in items:
            Counted.products, first = 0, len(batches)
            one(item)
            products.append(Counted.products)
            encodings.append(processor_time(partial(encode_all, table, batches[first:])))
    finally:
        restore()
        for cache in (relevance._background, relevance._query, relevance._cached_profile):
            cache.cache_clear()
    dots = statistics.median(products)
    return {
        "today": median_ms(today),
        "products": dots,
        "encoding": median_ms(encodings),
        "dots": dots * per_dot / 1000,
    }


def match_row(table: PlainTable, per_dot: float, rounds: int) -> dict[str, float]:
    pairs = bench_match.load_pairs(bench_match.PAIRS)
    match("Essential: Python", "Python")

    def one(pair: dict[str, Any]) -> None:
        bench_match.clear_caches()
        match(pair["jd"], pair["cv"])

    today = [fastest(partial(one, pair), rounds) for pair in pairs]
    batches, restore = counting(embedding.load_model())
    products: list[int] = []
    encodings: list[float] = []
    try:
        for pair in pairs:
            Counted.products, first = 0, len(batches)
            one(pair)
            products.append(Counted.products)
            encodings.append(processor_time(partial(encode_all, table, batches[first:])))
    finally:
        restore()
        bench_match.clear_caches()
    dots = statistics.median(products)
    return {
        "today": median_ms(today),
        "products": dots,
        "encoding": median_ms(encodings),
        "dots": dots * per_dot / 1000,
    }


COLD_PLAIN = """
import time, sys
wall, cpu = time.perf_counter(), time.process_time()
sys.path.insert(0, {bench!r})
from plain_vectors import PlainTable
PlainTable().encode(["Your answers were long, but your pastry was lovely."])
print(time.perf_counter() - wall, time.process_time() - cpu, "numpy" in sys.modules)
"""
COLD_NUMPY = """
import time, sys
wall, cpu = time.perf_counter(), time.process_time()
import numpy
from nextround.analysis.embedding import load_model
load_model().encode(["Your answers were long, but your pastry was lovely."])
print(time.perf_counter() - wall, time.process_time() - cpu, "numpy" in sys.modules)
"""


def cold(code: str, runs: int) -> tuple[float, float]:
    walls, cpus = [], []
    for _ in range(runs):
        out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True, cwd=ROOT)
        wall, cpu, _ = out.stdout.split()
        walls.append(float(wall))
        cpus.append(float(cpu))
    return median_ms(walls), median_ms(cpus)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3, help="timings per input (the fastest is kept)")
    args = parser.parse_args()
    load = os.getloadavg()[0]
    costs = dot_costs(max(5, args.rounds))
    per_dot = costs[DIST]
    print(f"## Vector work without numpy (load average {load:.1f}, 2 shared cores)\n")
    print("| one 256-number dot product | µs |")
    print("| --- | ---: |")
    for name, cost in costs.items():
        print(f"| {name} | {cost:.3f} |")
    table = PlainTable()
    rows = {
        "feedback, per corpus text": feedback_row(table, args.rounds),
        "answer, per 250-word answer": answer_row(table, per_dot, args.rounds),
        "match, per JD/CV pair": match_row(table, per_dot, args.rounds),
    }
    rows["answer, per 250-word answer"]["goal"] = 15.0
    rows["match, per JD/CV pair"]["goal"] = 80.0
    print("\nProcessor time, medians. 'no numpy' = today's time + plain-Python encoding + dot products at the")
    print("`math.dist` cost (numpy's own share, under 1 ms, is not taken off). Bold: over the goal.\n")
    fast = costs.get(SIMSIMD)
    extra = (" simsimd |", " ---: |") if fast is not None else ("", "")
    print(f"| analysis | numpy now | 256-d products | plain encoding | plain products | no numpy |{extra[0]} goal |")
    print(f"| --- | ---: | ---: | ---: | ---: | ---: |{extra[1]} ---: |")
    for name, row in rows.items():
        total = row["today"] + row["encoding"] + row["dots"]
        cells = [row["today"], row["encoding"], row["dots"], total]
        if fast is not None:  # the same, the products at simsimd's cost
            cells.append(total - row["dots"] + row["dots"] * fast / per_dot)
        shown = " | ".join(f"**{value:.1f} ms**" if value > row["goal"] else f"{value:.1f} ms" for value in cells[1:])
        print(f"| {name} | {cells[0]:.1f} ms | {row['products']:,.0f} | {shown} | ≤ {row['goal']:.0f} ms |")
    plain, with_numpy = cold(COLD_PLAIN.format(bench=str(ROOT / "bench")), 5), cold(COLD_NUMPY, 5)
    print("\n| cold load, fresh interpreter, median of 5 | wall | processor |")
    print("| --- | ---: | ---: |")
    print(f"| plain: tokenizer + mapped table + one text | {plain[0]:.0f} ms | {plain[1]:.0f} ms |")
    print(f"| numpy + the same model + one text (today) | {with_numpy[0]:.0f} ms | {with_numpy[1]:.0f} ms |")


if __name__ == "__main__":
    main()
