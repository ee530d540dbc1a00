"""Embed the bank's exemplar answers once, so relevance never embeds them at run time.

Run: .venv/bin/python scripts/build_exemplars.py [--check]

Reads every ``src/nextround/data/exemplars/*.toml`` (example answers written for each bank question, a full
one and a short one, and since session 8 a third, ``part4.toml``; fields ``question`` - the bank id or its
text - ``kind``, ``occupation``, ``english``, ``text``) and writes ``src/nextround/data/answer_exemplars.npz``:
per exemplar its bank question id and the vector relevance reads for a whole answer (the unit mean of its
sentences' vectors, by the packaged embedding model); per bank question with exemplars, the centroid of its
exemplars less the mean of all centroids, at unit length (``centred``, in the order of ``centred_questions``),
and that mean (``mean``), so the first answer of a process does not work them out (40 ms of processor time).
The file is written byte for byte the same on every run (fixed zip dates), and ``--check`` fails if the
shipped file differs from a rebuild or from the sha256 recorded beside it.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import math
import sys
import tomllib
import zipfile
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "src" / "nextround" / "data"
SOURCES = DATA / "exemplars"
sys.path.insert(0, str(ROOT / "src"))

from nextround.analysis.answer import split_sentences  # noqa: E402
from nextround.analysis.answer.relevance import content_words  # noqa: E402
from nextround.analysis.answer.relevance_model import EXEMPLAR_FILE  # noqa: E402
from nextround.analysis.embedding import load_model  # noqa: E402
from nextround.analysis.text import stem  # noqa: E402
from nextround.analysis.vectors import unit  # noqa: E402

OUTPUT = DATA / EXEMPLAR_FILE
RECORDED = OUTPUT.with_suffix(".sha256")


def read_exemplars() -> list[tuple[str, str]]:
    """(bank id, text) of every exemplar, in bank order, then file order."""
    with (DATA / "questions.toml").open("rb") as handle:
        bank = tomllib.load(handle)["question"]
    ids = [str(entry["id"]) for entry in bank]
    by_text = {str(entry["text"]).strip().lower(): str(entry["id"]) for entry in bank}
    found: list[tuple[str, str]] = []
    for path in sorted(SOURCES.glob("*.toml")):
        with path.open("rb") as handle:
            document: dict[str, Any] = tomllib.load(handle)
        entries = [entry for value in document.values() if isinstance(value, list) for entry in value]
        for entry in entries:
            question = str(entry["question"]).strip()
            ident = question if question in ids else by_text.get(question.lower())
            if ident is None:
                raise SystemExit(f"{path.name}: {question[:60]!r} is not a bank question")
            found.append((ident, str(entry["text"]).strip()))
    order = {ident: i for i, ident in enumerate(ids)}
    return sorted(found, key=lambda pair: order[pair[0]])  # stable: file order within a question


def answer_vector(text: str) -> list[float]:
    """The whole-answer vector as relevance.py computes it for an answer."""
    sentences = split_sentences(text)
    rows = load_model().embed(sentences).tolist()
    return unit([sum(column) / len(column) for column in zip(*rows, strict=True)])


def keywords(exemplars: list[tuple[str, str]]) -> list[tuple[str, str, float]]:
    """(bank id, word, weight) of each question's exemplar words: the words (by stem, in the form first met)
    that at least two of its exemplars use, weighted by that share times how rare the word is among the
    exemplars of all questions (log of questions + 1 over questions using it + 1), so "delegate", "handed
    over" and "checked in" speak for a question and the setting of one exemplar does not."""
    texts: dict[str, list[str]] = {}
    for ident, text in exemplars:
        texts.setdefault(ident, []).append(text)
    form: dict[str, str] = {}
    counts: dict[str, dict[str, int]] = {}
    for ident, written in texts.items():
        count: dict[str, int] = {}
        for text in written:
            roots = {}
            for word in content_words(text):
                roots.setdefault(stem(word), word)
            for root, word in roots.items():
                form.setdefault(root, word)
                count[root] = count.get(root, 0) + 1
        counts[ident] = count
    questions_using: dict[str, int] = {}
    for count in counts.values():
        for root in count:
            questions_using[root] = questions_using.get(root, 0) + 1
    found: list[tuple[str, str, float]] = []
    for ident, count in counts.items():
        written = len(texts[ident])
        for root, uses in count.items():
            if uses >= 2 or written == 1:
                rarity = math.log((len(counts) + 1) / (questions_using[root] + 1))
                found.append((ident, form[root], uses / written * rarity))
    return found


def _npy(array: np.ndarray) -> bytes:
    buffer = io.BytesIO()
    np.lib.format.write_array(buffer, array, allow_pickle=False)
    return buffer.getvalue()


def build() -> bytes:
    exemplars = read_exemplars()
    questions = np.array([ident for ident, _ in exemplars], dtype="<U32")
    vectors = np.array([answer_vector(text) for _, text in exemplars], dtype="<f4")
    answered = list(dict.fromkeys(ident for ident, _ in exemplars))
    centroids = np.array([vectors[questions == ident].astype(np.float64).mean(0) for ident in answered])
    centroids /= np.linalg.norm(centroids, axis=1, keepdims=True)
    mean = centroids.mean(0)
    centred = centroids - mean
    centred /= np.linalg.norm(centred, axis=1, keepdims=True)
    words = keywords(exemplars)
    arrays = {
        "keyword_questions": np.array([ident for ident, _, _ in words], dtype="<U32"),
        "keywords": np.array([word for _, word, _ in words], dtype="<U32"),
        "keyword_weights": np.array([weight for _, _, weight in words], dtype="<f4")[None, :],
        "questions": questions,
        "vectors": vectors,
        "centred_questions": np.array(answered, dtype="<U32"),
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
            raise SystemExit(f"{OUTPUT.name} differs from a rebuild: run scripts/build_exemplars.py")
        if RECORDED.read_text(encoding="utf-8").split()[0] != digest:
            raise SystemExit(f"{RECORDED.name} does not record {OUTPUT.name}: run scripts/build_exemplars.py")
        print(f"{OUTPUT.name} matches a rebuild.")
        return
    OUTPUT.write_bytes(data)
    RECORDED.write_text(f"{digest}  {OUTPUT.name}\n", encoding="utf-8")
    print(f"wrote {OUTPUT.relative_to(ROOT)} ({len(data) // 1024} KB, {len(read_exemplars())} exemplars)")


if __name__ == "__main__":
    main()
