"""Cue-regex gates: a gate may only skip sentences the pattern could not match."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nextround.analysis.answer.lexicon import cue_tables, framing_cues, role_step_cues
from nextround.analysis.text import split_sentences
from nextround.analysis.text.gates import GatedPattern, gate_passes, required_text

CORPUS = Path(__file__).parent / "data" / "answer_corpus" / "dev.txt"


@pytest.mark.parametrize(
    ("pattern", "matching", "skipped"),
    [
        (r"\b(i|we) (needed|had) to\b", "so we had to close early", "we closed early"),
        (r"\bno (\w+ )?(complaints?|errors?)\b", "no more complaints came in", "nobody complained"),
        (r"\bthere (was|were) \b", "there was a queue", "the queue grew"),
        (r"(?<!if )\bmake sure\b|\bin order to\b", "in order to save time", "to save time"),
    ],
)
def test_a_gate_passes_what_matches_and_skips_text_without_the_literals(
    pattern: str, matching: str, skipped: str
) -> None:
    compiled = re.compile(pattern)
    gate = required_text(compiled)
    assert gate is not None
    assert compiled.search(matching) and gate_passes(gate, matching)
    assert not gate_passes(gate, skipped)


@pytest.mark.parametrize("pattern", [r"\w+ly\b", r"(a|\d)+ times", r"(?i)thanks", r"^(so )?\w+"])
def test_no_gate_when_nothing_literal_is_required(pattern: str) -> None:
    gate = required_text(re.compile(pattern))
    assert gate is None or all(part.strip() for part in gate)
    if pattern == "(?i)thanks":
        assert gate is None  # case-insensitive: literal text would not be a safe gate


def test_gates_never_change_a_cue_score_on_the_corpus() -> None:
    text = CORPUS.read_text(encoding="utf-8")
    sentences = [s.lower() for line in text.splitlines() if ": " in line for s in split_sentences(line)]
    cues = [cue for table in cue_tables().values() for cue in table]
    assert len(sentences) > 500
    assert any(gate is not None for _, _, gate in cues)
    for sentence in sentences:
        for pattern, _, gate in cues:
            if pattern.search(sentence):
                assert gate_passes(gate, sentence), (pattern.pattern, sentence)


_WORDS = st.sampled_from(["i", "we", "had", "needed", "to", "no", "complaints", "since", "the", "not", "been", "a"])


@settings(max_examples=200, deadline=None)
@given(words=st.lists(_WORDS, max_size=12))
def test_a_gate_lets_through_every_text_its_pattern_matches(words: list[str]) -> None:
    text = " ".join(words)
    for pattern, _, gate in (cue for table in cue_tables().values() for cue in table):
        if pattern.search(text):
            assert gate_passes(gate, text), pattern.pattern


def test_gated_framing_patterns_find_what_the_patterns_find_on_the_corpus() -> None:
    text = CORPUS.read_text(encoding="utf-8")
    sentences = [s.lower() for line in text.splitlines() if ": " in line for s in split_sentences(line)]
    patterns = [*framing_cues().values(), *role_step_cues().values()]
    assert any(pattern.gate is not None for pattern in patterns)
    skipped = 0
    for sentence in sentences:
        for pattern in patterns:
            found = pattern.search(sentence)
            expected = pattern.compiled.search(sentence)
            assert (found and (found.span(), found.groups())) == (expected and (expected.span(), expected.groups()))
            spans = [match.span() for match in pattern.finditer(sentence)]
            assert spans == [match.span() for match in pattern.compiled.finditer(sentence)]
            assert pattern.sub(" ", sentence) == pattern.compiled.sub(" ", sentence)
            skipped += not pattern._open(sentence)
    assert skipped > len(sentences)  # the gates do skip searches


def test_a_gate_of_many_strings_or_of_one_letter_is_not_tested() -> None:
    assert GatedPattern(re.compile(r"\b(i|we) (needed|had)\b")).gate == frozenset(["needed", "had"])
    assert GatedPattern(re.compile(r"\b(a|an|the) cat\b")).gate == frozenset([" cat"])
    assert GatedPattern(re.compile(r"\b(i|me|my)\b")).gate is None
    many = "|".join(f"{n}th" for n in range(30))
    assert GatedPattern(re.compile(rf"\b({many})\b")).gate is None
