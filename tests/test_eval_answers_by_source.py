"""bench/eval_answers.py --by-source: own question above another split by where the answer's question and the rival
come from (a bank question or the writer's own ``q:`` question), counted as the whole figure is."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

from tests.answer_corpus import CorpusAnswer


def _eval_answers() -> ModuleType:
    script = Path(__file__).resolve().parents[1] / "bench" / "eval_answers.py"
    spec = importlib.util.spec_from_file_location("eval_answers_by_source", script)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def _answer(ident: str, question: str, bank_id: str | None, text: str, off_topic: bool = False) -> CorpusAnswer:
    flags = frozenset({"offtopic"} if off_topic else ())
    return CorpusAnswer(ident, "average", question, bank_id, flags, (text,), (frozenset(),))


# Relevance of an answer (by its text) to each question: the own question "hub" fits everything.
_SCORES = {
    ("bank story", "Bank A?"): 0.9,
    ("bank story", "Bank B?"): 0.2,
    ("bank story", "Own hub?"): 0.95,
    ("own story", "Own hub?"): 0.8,
    ("own story", "Bank A?"): 0.3,
    ("own story", "Bank B?"): 0.8,
}


@pytest.fixture
def bench(monkeypatch: pytest.MonkeyPatch) -> ModuleType:
    module = _eval_answers()
    monkeypatch.setattr(module, "relevance_score", lambda question, sentences: _SCORES[(sentences[0], question)])
    monkeypatch.setattr(module, "split_sentences", lambda text: [text])
    return module


def test_pairs_are_counted_by_the_answers_question_and_the_rival(bench: ModuleType) -> None:
    items = [
        _answer("a1", "Bank A?", "beh-a", "bank story"),
        _answer("a2", "Own hub?", None, "own story"),
        _answer("a3", "Bank B?", "beh-b", "bank story", off_topic=True),  # off topic: no pairs
    ]
    cells = bench._pair_wins(items)
    assert cells["bank-bank"] == (1.0, 1)  # 0.9 above Bank B's 0.2
    assert cells["bank-own"] == (0.0, 1)  # the hub's 0.95 takes the pair
    assert cells["own-bank"] == (1.5, 2)  # above Bank A, a tie with Bank B
    assert "own-own" not in cells
    assert cells["all"] == (2.5, 4)
    table = bench.relevance_by_source(cells)
    assert "| bank | 1.000 (1) | 0.000 (1) |" in table
    assert "| own | 0.750 (2) | - |" in table
