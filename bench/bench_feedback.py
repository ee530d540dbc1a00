"""Speed of employer-feedback analysis: milliseconds per text and the model's cold load.

Run: .venv/bin/python bench/bench_feedback.py [--repeat N]

Prints markdown tables: the median and p95 milliseconds per text (the project's corpus texts, a long email,
a message at the analysed-size limit), and the cold load: a fresh interpreter importing the analyser, loading
the embedding model and the classifier weights and analysing one text, against a bare `python -c pass`.
Goals (issue 9): at most 20 ms per text (median), at most 400 ms cold load.

Quality lives in bench/eval_feedback.py; the older held-out sets are still reported there with --older.
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

from nextround.analysis.feedback import MAX_ANALYSED_CHARS, analyze_feedback

DATA_DIR = Path(__file__).resolve().parent.parent / "tests" / "data"
DATA_SETS = {"corpus dev": DATA_DIR / "feedback_corpus" / "dev.jsonl"} | {
    name: DATA_DIR / f"feedback_{name}.jsonl" for name in ("dev", "holdout", "holdout2", "holdout3", "holdout4")
}
COLD_LOAD = (
    "import time; start = time.perf_counter(); "
    "from nextround.analysis.embedding import load_model; load_model(); model = time.perf_counter(); "
    "import nextround.analysis.feedback.lexicon; cues = time.perf_counter(); "
    "from nextround.analysis.feedback import analyze_feedback; from nextround.analysis.feedback.model import "
    "load_clause_model; load_clause_model(); "
    "analyze_feedback('Your answers were long, but your pastry was lovely.'); end = time.perf_counter(); "
    "print(model - start, cues - model, end - cues, end - start)"
)


def load_rows(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def speed_table(texts: list[str], repeat: int) -> str:
    every_text = " ".join(texts)  # every text in one message, far past the analysed prefix
    long_text = every_text[: MAX_ANALYSED_CHARS - 1].rsplit(" ", 1)[0]  # just under the analysed prefix
    medium_text = every_text[:2_000].rsplit(" ", 1)[0]  # a long, detailed email
    rows = []
    workloads = [
        ("single texts", texts, repeat),
        ("2,000-character message", [medium_text], repeat),
        ("20,000-character message", [long_text], max(3, repeat // 4)),
    ]
    for label, workload, passes in workloads:
        timings: list[float] = []
        cpu: list[float] = []
        for _ in range(passes):
            for text in workload:
                start, cpu_start = time.perf_counter(), time.process_time()
                analyze_feedback(text)
                timings.append((time.perf_counter() - start) * 1000)
                cpu.append((time.process_time() - cpu_start) * 1000)
        size = statistics.fmean(len(text) for text in workload)
        rows.append(
            f"| {label} | {len(timings)} | {size:,.0f} | {statistics.median(timings):.2f} "
            f"| {percentile(timings, 0.95):.2f} | {statistics.median(cpu):.2f} |"
        )
    return "\n".join(
        [
            "### speed",
            "",
            f"load average {os.getloadavg()[0]:.1f}",
            "",
            "| workload | calls | mean chars | median ms | p95 ms | processor ms (median) |",
            "| --- | ---: | ---: | ---: | ---: | ---: |",
            *rows,
        ]
    )


def cold_load_table(runs: int = 5) -> str:
    """A fresh interpreter each time: the embedding model, the cue regexes, the weights and a first
    analysis, against a bare start."""
    parts: list[list[float]] = [[], [], [], []]
    bare = []
    for _ in range(runs):
        output = subprocess.run([sys.executable, "-c", COLD_LOAD], capture_output=True, text=True, check=True)
        for index, value in enumerate(output.stdout.split()):
            parts[index].append(float(value) * 1000)
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", "pass"], check=True)
        bare.append((time.perf_counter() - start) * 1000)
    labels = (
        "embedding model (mapped token table, tokenizer; simsimd, no numpy)",
        "cue regexes compiled (feedback lexicon)",
        "classifier weights + first analysis",
        "all of it: a fresh process's first analysis",
    )
    rows = [
        f"| {label} | {runs} | {statistics.median(values):.0f} | {min(values):.0f} |"
        for label, values in zip(labels, parts, strict=True)
    ]
    return "\n".join(
        [
            "### cold load",
            "",
            f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs",
            "",
            "| measure | runs | median ms | min ms |",
            "| --- | ---: | ---: | ---: |",
            *rows,
            f"| bare `python -c pass` (whole process) | {runs} | {statistics.median(bare):.0f} | {min(bare):.0f} |",
        ]
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--repeat", type=int, default=20, help="passes over the texts for timing")
    args = parser.parse_args()

    data = {name: load_rows(path) for name, path in DATA_SETS.items() if path.exists()}
    texts = [row["text"] for rows in data.values() for row in rows]
    print(cold_load_table())
    print()
    print(speed_table(texts, args.repeat))


if __name__ == "__main__":
    main()
