"""Benchmark what the AI coach adds on this computer, the model's own time aside: building the prompt from the
offline analysis, reading and validating the JSON reply (pydantic), and the grounding checks.

Run: .venv/bin/python bench/bench_ai.py [--rounds N]

Prints the median and p95 in milliseconds per answer critique (wall clock and processor time), for a
250-word answer whose reply quotes it three times and rewrites one sentence. A local model takes seconds per
reply; the point is that checking it costs next to nothing.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import time

from nextround.analysis.answer import analyze_answer
from nextround.analysis.grounding import new_numbers, quote_occurs
from nextround.services.ai_coach import CritiqueReply, ground_critique, measurements

QUESTION = "Tell me about a time you improved a process that was slowing your team down."
SENTENCES = [
    "At my last job the support queue had grown to three hundred open tickets and customers waited five days.",
    "My manager asked me to bring the wait under two days within a quarter without hiring anyone.",
    "I read a month of tickets and found that forty percent were password resets and billing questions.",
    "I wrote short answers for the twelve most common questions and put them in the help centre.",
    "I also built a small script that tagged each new ticket by product so it reached the right person.",
    "Um, at first the team worried the script would misroute urgent tickets, so we checked its tags by hand.",
    "After two weeks it was right nineteen times out of twenty and we let it run on its own.",
]
ANSWER = " ".join(SENTENCES * 2)


def reply_text() -> str:
    return json.dumps({
        "what_worked": [
            {"point": "Evidence first.", "quote": SENTENCES[2][:60]},
            {"point": "Ownership.", "quote": SENTENCES[3][:50]},
            {"point": "Checked the risk.", "quote": "we checked its tags by hand"},
        ],
        "one_change": "Close with the result: how long customers waited at the end.",
        "weakest_sentence": SENTENCES[6],
        "rewrite": "After two weeks the script was right nineteen times in twenty, so the wait fell to [N] days.",
        "follow_up_question": "How did you measure the wait before and after?",
    })  # fmt: skip


def one_round(analysis: dict[str, object], text: str) -> None:
    measurements(analysis)
    reply = CritiqueReply.model_validate_json(text)
    critique, _quotes, dropped = ground_critique(reply, ANSWER)
    assert critique.rewrite is not None and not dropped, dropped


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=300)
    args = parser.parse_args()
    analysis = analyze_answer(QUESTION, ANSWER).to_dict()
    text = reply_text()
    assert quote_occurs(SENTENCES[0][:40], ANSWER) and new_numbers("[X%] faster", ANSWER) == []
    for _ in range(20):
        one_round(analysis, text)
    wall: list[float] = []
    cpu: list[float] = []
    for _ in range(args.rounds):
        started, started_cpu = time.perf_counter(), time.process_time()
        one_round(analysis, text)
        wall.append((time.perf_counter() - started) * 1000)
        cpu.append((time.process_time() - started_cpu) * 1000)
    load = os.getloadavg()[0]
    words = len(ANSWER.split())
    print(f"AI coach overhead per critique ({words}-word answer, {args.rounds} rounds, load {load:.1f}):")
    print("| | median ms | p95 ms |\n| --- | ---: | ---: |")
    for name, values in (("wall clock", wall), ("processor", cpu)):
        ordered = sorted(values)
        p95 = ordered[int(0.95 * (len(ordered) - 1))]
        print(f"| {name} | {statistics.median(values):.3f} | {p95:.3f} |")


if __name__ == "__main__":
    main()
