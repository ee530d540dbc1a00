"""Benchmark JD <-> CV matching: cold start and milliseconds per pair.

Run: .venv/bin/python bench/bench_match.py [--rounds N]

Prints one markdown table:
  * cold start in a fresh interpreter (median of 5): import + taxonomy + embedding model, and the
    embedding model's load alone (goal ≤ 400 ms);
  * milliseconds per `match` pair over tests/data/skill_pairs/dev.jsonl with every per-text cache
    cleared, so each pair is read from scratch (median and p95; goal: median ≤ 80 ms);
  * the size of the packaged taxonomy index.
Quality (missing-skill F1, RJDB measures) is bench/eval_match.py.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from nextround.analysis import skill_match, skills
from nextround.analysis.skillgaps import conditions, evidence, exact, match, matcher
from nextround.analysis.skillgaps.exact import _taxonomy_words
from nextround.analysis.skillgaps.requirements import _requirements

ROOT = Path(__file__).resolve().parents[1]
PAIRS = ROOT / "tests" / "data" / "skill_pairs" / "dev.jsonl"
INDEX = ROOT / "src" / "nextround" / "data" / "skills_taxonomy.json.gz"

COLD_START = """
import time
started = time.perf_counter()
from nextround.analysis.skillgaps import match
match("Essential: Python", "Python developer")
done = time.perf_counter()
print(done - started)
"""
MODEL_LOAD = """
import time
from nextround.analysis import embedding
started = time.perf_counter()
embedding.load_model()
print(time.perf_counter() - started)
"""


def load_pairs(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def fresh_ms(code: str, runs: int = 5) -> float:
    timings = []
    for _ in range(runs):
        output = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True, cwd=ROOT)
        timings.append(float(output.stdout.split()[-1]) * 1000)
    return statistics.median(timings)


def clear_caches() -> None:
    skills._find_cached.cache_clear()
    evidence.read_cv.cache_clear()
    matcher.canonical.cache_clear()
    matcher._judge_all.cache_clear()
    _requirements.cache_clear()
    skill_match._tokens_of_short.cache_clear()
    skill_match._tokens_of_long.cache_clear()
    skill_match.content_stems.cache_clear()
    evidence._initials.cache_clear()
    exact.compiled.cache_clear()
    conditions._quality_pattern.cache_clear()


def match_ms(pairs: list[dict[str, Any]], rounds: int) -> tuple[float, float, float]:
    match("Essential: Python", "Python")  # load the taxonomy, the model and the word list once
    _taxonomy_words()
    timings: list[float] = []
    cpu: list[float] = []
    for _ in range(rounds):
        for pair in pairs:
            clear_caches()
            started, cpu_started = time.perf_counter(), time.process_time()
            match(pair["jd"], pair["cv"])
            timings.append((time.perf_counter() - started) * 1000)
            cpu.append((time.process_time() - cpu_started) * 1000)
    timings.sort()
    return statistics.median(timings), timings[int(0.95 * (len(timings) - 1))], statistics.median(cpu)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=3, help="passes over the dev pairs for timing")
    args = parser.parse_args()

    pairs = load_pairs(PAIRS)
    cold = fresh_ms(COLD_START)
    model = fresh_ms(MODEL_LOAD)
    median_ms, p95_ms, cpu_ms = match_ms(pairs, args.rounds)
    load = os.getloadavg()[0]
    print(f"### Skill matching ({len(pairs)} dev pairs × {args.rounds} rounds; load average {load:.1f})\n")
    print("| measure | value | goal |")
    print("| --- | ---: | --- |")
    print(f"| cold start: import + first `match` (median of 5 fresh interpreters) | {cold:.0f} ms | |")
    print(f"| embedding model cold load (median of 5) | {model:.0f} ms | ≤ 400 ms |")
    print(f"| `match` per JD/CV pair, caches cleared, median | {median_ms:.1f} ms | ≤ 80 ms |")
    print(f"| `match` per JD/CV pair, caches cleared, p95 | {p95_ms:.1f} ms | |")
    print(f"| `match` per JD/CV pair, caches cleared, processor time median | {cpu_ms:.1f} ms | |")
    print(f"| packaged index (`skills_taxonomy.json.gz`) | {INDEX.stat().st_size / 1024:.0f} KiB | < 1.5 MB |")


if __name__ == "__main__":
    main()
