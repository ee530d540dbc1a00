"""What the seen writers' own answers to each bank question say, embedded once for relevance.

Run: .venv/bin/python scripts/build_answer_centroids.py [--check]

Reads the strong and average on-topic answers to bank questions of the seen splits of
``tests/data/answer_corpus/`` (``SPLITS``: every split written and scored before session 24; never a frozen test
split nor a development set still unseen) and writes ``src/nextround/data/answer_corpus_centroids.npz``: per bank
question answered there (``questions``), the mean of its answers' vectors (the unit mean of their sentences' vectors,
as relevance reads a whole answer) less the mean of those centroids, at unit length (``centred``), and that mean
(``mean``). Each bank question has 6-9 writers' answers (about 14 strong or average ones), in their own words and
settings: a wider reading of what the question is about than its three written exemplars (``relevance_corpus``).
The file is byte for byte the same on every run (fixed zip dates); ``--check`` fails if the shipped file differs
from a rebuild or from the sha256 recorded beside it.
"""

from __future__ import annotations

import os

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")  # one order of sums, so a rebuild rounds the same way

import argparse
import hashlib
import io
import sys
import tomllib
import zipfile
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "src" / "nextround" / "data"
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "src"))

from tests.answer_corpus import load_corpus  # noqa: E402

from nextround.analysis.answer import split_sentences  # noqa: E402
from nextround.analysis.answer.relevance_corpus import CORPUS_FILE  # noqa: E402
from nextround.analysis.embedding import load_model  # noqa: E402

OUTPUT = DATA / CORPUS_FILE
RECORDED = OUTPUT.with_suffix(".sha256")
# The seen splits at the start of session 24 (46): not test23 (frozen) nor wide18 (this session's development set).
SPLITS = (
    "dev",
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
)

# What an answer to the question says: weak replies are left out, so an evasive one ("I just get on with it, you can't
# let it get to you") does not teach the centroid that saying little is on topic (with them, such replies rose from
# 0.03 to 0.24-0.33).
KEPT = ("strong", "average")


def _npy(array: np.ndarray) -> bytes:
    buffer = io.BytesIO()
    np.lib.format.write_array(buffer, array, allow_pickle=False)
    return buffer.getvalue()


def build() -> bytes:
    with (DATA / "questions.toml").open("rb") as handle:
        bank = [str(entry["id"]) for entry in tomllib.load(handle)["question"]]
    model = load_model()
    answers: dict[str, list[np.ndarray]] = {ident: [] for ident in bank}
    for split in SPLITS:
        for item in load_corpus(split):
            if item.on_topic and item.quality in KEPT and item.question_id in answers:
                vectors = np.array(model.embed(split_sentences(item.answer)).tolist(), dtype=np.float64)
                whole = vectors.mean(0)
                answers[item.question_id].append(whole / np.linalg.norm(whole))
    answered = [ident for ident in bank if answers[ident]]
    centroids = np.array([np.mean(answers[ident], axis=0) for ident in answered])
    mean = centroids.mean(0)
    centred = centroids - mean
    centred /= np.linalg.norm(centred, axis=1, keepdims=True)
    arrays = {
        "questions": np.array(answered, dtype="<U32"),
        "centred": centred.astype("<f4"),
        "mean": mean.astype("<f4")[None, :],
    }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, array in arrays.items():
            info = zipfile.ZipInfo(f"{name}.npy", date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, _npy(array))
    return buffer.getvalue()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail if the shipped file differs from a rebuild")
    args = parser.parse_args()
    data = build()
    digest = hashlib.sha256(data).hexdigest()
    if args.check:
        if not OUTPUT.is_file() or OUTPUT.read_bytes() != data:
            raise SystemExit(f"{OUTPUT.name} differs from a rebuild: run scripts/build_answer_centroids.py")
        if RECORDED.read_text(encoding="utf-8").split()[0] != digest:
            raise SystemExit(f"{RECORDED.name} does not record {OUTPUT.name}: run scripts/build_answer_centroids.py")
        print(f"{OUTPUT.name} matches a rebuild.")
        return
    OUTPUT.write_bytes(data)
    RECORDED.write_text(f"{digest}  {OUTPUT.name}\n", encoding="utf-8")
    print(f"wrote {OUTPUT.relative_to(ROOT)} ({len(data) // 1024} KB)")


if __name__ == "__main__":
    main()
