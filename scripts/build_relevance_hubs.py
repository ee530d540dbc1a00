"""Measure each bank question's hub level for answer relevance and write it.

Run: .venv/bin/python scripts/build_relevance_hubs.py [--check]

A question's hub level is how well it fits answers to other questions, on average: the summed similarity
of :mod:`nextround.analysis.answer.relevance` between the question and every answer of the seen splits of
``tests/data/answer_corpus/`` (``TRAINING_SPLITS`` of ``train_answers.py``; never an unseen frozen split nor
``holdout.txt``), leaving out the answers to that question itself. Relevance takes half of it off before
ranking, so a question that fits everything a little ("a project you saw through from start to finish") no
longer wins by default. Writes ``src/nextround/data/answer_relevance_hubs.json``; ``--check`` fails if the
shipped file differs from a rebuild.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.answer_corpus import load_corpus  # noqa: E402

from nextround.analysis.answer import split_sentences  # noqa: E402
from nextround.analysis.answer.relevance import HUBS_FILE, _background  # noqa: E402

OUTPUT = ROOT / "src" / "nextround" / "data" / HUBS_FILE
TRAINING_SPLITS = ("dev", "wide", "test", "test2")


def build() -> dict[str, object]:
    background = _background()
    totals = [0.0] * len(background.ids)
    counts = [0] * len(background.ids)
    answers = 0
    for split in TRAINING_SPLITS:
        for item in load_corpus(split):
            sentences = split_sentences(item.answer)
            if not sentences:
                continue
            answers += 1
            profile = background.profile(sentences, background.model.embed(sentences))
            for index, ident in enumerate(background.ids):
                if ident != item.question_id:
                    totals[index] += float(profile.bank_raw[index])
                    counts[index] += 1
    hubs = {ident: round(totals[i] / counts[i], 4) for i, ident in enumerate(background.ids) if counts[i]}
    return {
        "about": "Hub level of each bank question for answer relevance; rebuilt by scripts/build_relevance_hubs.py.",
        "measured_on": f"tests/data/answer_corpus/ {'+'.join(TRAINING_SPLITS)} ({answers} answers)",
        "hubs": hubs,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail if the shipped file differs from a rebuild")
    args = parser.parse_args()
    text = json.dumps(build(), indent=1) + "\n"
    if args.check:
        if OUTPUT.read_text(encoding="utf-8") != text:
            raise SystemExit(f"{OUTPUT.name} differs from a rebuild: run scripts/build_relevance_hubs.py")
        print(f"{OUTPUT.name} matches a rebuild.")
        return
    OUTPUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUTPUT.relative_to(ROOT)} ({len(text) // 1024} KB)")


if __name__ == "__main__":
    main()
