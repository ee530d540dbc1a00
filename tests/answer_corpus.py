"""Read the labelled answer corpus in ``tests/data/answer_corpus/`` (format: its README.md).

Used by the answer tests, ``bench/eval_answers.py`` and ``scripts/train_answers.py``.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

CORPUS = Path(__file__).parent / "data" / "answer_corpus"
BANK = Path(__file__).resolve().parents[1] / "src" / "nextround" / "data" / "questions.toml"
PART_LETTERS = {"S": "situation", "T": "task", "A": "action", "R": "result"}
QUALITIES = ("strong", "average", "weak")
_HEADER = re.compile(r"^=== (\S+) \| (strong|average|weak) \| (bank:\S+|q:[^|]+?) \|(.*)$")
_LINE = re.compile(r"^([STAR](?:,[STAR])*|-): (.+)$")


@dataclass(frozen=True)
class CorpusAnswer:
    id: str
    quality: str
    question: str
    question_id: str | None
    flags: frozenset[str]
    sentences: tuple[str, ...]
    labels: tuple[frozenset[str], ...]  # STAR parts per sentence

    @property
    def answer(self) -> str:
        return " ".join(self.sentences)

    @property
    def on_topic(self) -> bool:
        return "offtopic" not in self.flags


@lru_cache(maxsize=1)
def bank_questions() -> dict[str, str]:
    with BANK.open("rb") as handle:
        return {entry["id"]: entry["text"] for entry in tomllib.load(handle)["question"]}


def load_corpus(split: str) -> list[CorpusAnswer]:
    """The answers of one split, ``"dev"`` or ``"test"``; a malformed line raises ``ValueError``."""
    bank = bank_questions()
    answers: list[CorpusAnswer] = []
    header: re.Match[str] | None = None
    sentences: list[str] = []
    labels: list[frozenset[str]] = []

    def finish() -> None:
        if header is None:
            return
        ident, quality, source, flags = header.groups()
        question_id = source[5:] if source.startswith("bank:") else None
        question = bank[question_id] if question_id else source[2:].strip()
        flag_set = frozenset(flag.strip() for flag in flags.split(",") if flag.strip())
        answers.append(CorpusAnswer(ident, quality, question, question_id, flag_set, tuple(sentences), tuple(labels)))

    path = CORPUS / f"{split}.txt"
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("==="):
            finish()
            header = _HEADER.match(line)
            if header is None:
                raise ValueError(f"{path.name}:{number}: malformed header")
            sentences, labels = [], []
            continue
        match = _LINE.match(line)
        if match is None or header is None:
            raise ValueError(f"{path.name}:{number}: malformed sentence line")
        letters = match.group(1)
        labels.append(frozenset() if letters == "-" else frozenset(PART_LETTERS[x] for x in letters.split(",")))
        sentences.append(match.group(2).strip())
    finish()
    return answers
