"""The packaged embedding model: loads offline and puts meaning near meaning."""

from __future__ import annotations

import hashlib
import re
import subprocess
import sys
from pathlib import Path

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from nextround.analysis.bpe import BpeTokenizer
from nextround.analysis.embedding import DIMENSIONS, TokenTable, load_model

DATA = Path(__file__).resolve().parents[1] / "src" / "nextround" / "data"
MODEL = DATA / "embedding"
TOKENIZER = MODEL / "l2_supercat_tokenizer_config.json"
CORPORA = Path(__file__).parent / "data"


def reference_tokenizer():  # type: ignore[no-untyped-def]
    from tokenizers import Tokenizer

    tokenizer = Tokenizer.from_file(str(TOKENIZER))
    tokenizer.no_padding()
    tokenizer.no_truncation()
    return tokenizer


def corpus_lines() -> list[str]:
    lines: list[str] = []
    for name in ("answer_corpus/dev.txt", "feedback_dev.jsonl", "match_dev.jsonl"):
        lines.extend(line for line in (CORPORA / name).read_text(encoding="utf-8").splitlines() if line.strip())
    return lines


def test_related_phrases_are_closer_than_unrelated_ones() -> None:
    model = load_model()
    sims = model.similarity(["croissants and puff pastry"], ["pastry chef", "a sales pipeline"])
    assert len(sims) == 1 and len(sims[0]) == 2
    assert sims[0][0] > sims[0][1] + 0.3


def test_vectors_are_unit_length_and_empty_text_is_zero() -> None:
    vectors = load_model().embed(["HACCP", ""])
    assert (vectors.rows, vectors.dims) == (2, DIMENSIONS)
    assert abs(sum(value * value for value in vectors.row(0)) - 1.0) < 1e-6
    assert vectors.row(1) == [0.0] * DIMENSIONS


def test_vectors_are_the_mean_of_the_token_rows_as_numpy_pools_them() -> None:
    """The plain-Python pooling gives numpy's float32 vectors to within a float32 rounding."""
    from safetensors.numpy import load_file

    table = load_file(str(MODEL / "l2_supercat_256.safetensors"))["embedding.weight"]
    tokenizer = BpeTokenizer.from_file(TOKENIZER)
    lines = corpus_lines()[:200]
    ours = np.asarray(load_model().embed(lines).tolist(), dtype=np.float32)
    for line, vector in zip(lines, ours, strict=True):
        ids = tokenizer.encode(line)
        mean = table[ids].astype(np.float32).mean(axis=0) if ids else np.zeros(DIMENSIONS, np.float32)
        norm = float(np.linalg.norm(mean))
        expected = mean / norm if norm > 0 else mean
        assert np.abs(vector - expected).max() < 1e-6, line


def test_the_model_loads_with_the_network_blocked() -> None:
    code = (
        "import socket\n"
        "def refuse(*a, **k):\n    raise OSError('network blocked by the test')\n"
        "socket.socket.connect = refuse\nsocket.create_connection = refuse\nsocket.getaddrinfo = refuse\n"
        "from nextround.analysis.embedding import load_model\n"
        "print(round(load_model().similarity_one('chef', 'cook'), 3))\n"
        "import sys\nprint(any(m in sys.modules for m in ('wordllama', 'tokenizers', 'safetensors', 'numpy')))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    similarity, imported_other_readers = result.stdout.split()
    assert float(similarity) > 0.2
    assert imported_other_readers == "False"  # our package data, read by struct and our own tokenizer


def test_the_shipped_model_files_are_the_ones_credited() -> None:
    """The table and tokenizer are upstream's files unchanged; CREDITS.md names them by sha256."""
    credits = (DATA / "CREDITS.md").read_text(encoding="utf-8")
    for name in ("l2_supercat_256.safetensors", "l2_supercat_tokenizer_config.json"):
        digest = hashlib.sha256((DATA / "embedding" / name).read_bytes()).hexdigest()
        assert digest in credits, name
    assert re.search(r"WordLlama.*\n(?:.*\n)*?.*Licence: MIT", credits)
    assert "Copyright (c) 2024 Lee Miller" in credits


def test_our_tokenizer_gives_the_reference_ids_on_the_corpora() -> None:
    """nextround.analysis.bpe replaces the tokenizers library: every id must be the same."""
    ours, reference = BpeTokenizer.from_file(TOKENIZER), reference_tokenizer()
    lines = corpus_lines()
    expected = [e.ids for e in reference.encode_batch(lines, add_special_tokens=False)]
    assert len(lines) > 800
    assert ours.encode_batch(lines) == expected


# Pieces that stress the tokenizer: spaces and "▁" runs, accents (composed and not), emoji, CJK, and the
# special tokens written as text.
_PIECES = st.sampled_from([*"ab cé ñ\u00a0▁-'’漢😀\n\t", "  ", "<s>", "</s>", "<unk>", "e\u0301", "▁▁ "])
_AWKWARD = st.lists(_PIECES, max_size=30).map("".join)


@settings(max_examples=200, deadline=None)
@given(text=st.one_of(st.text(max_size=40), _AWKWARD))
def test_our_tokenizer_matches_the_reference_on_any_text(text: str) -> None:
    ours, reference = _tokenizers()
    assert ours.encode(text) == reference.encode(text, add_special_tokens=False).ids


_PAIR: list[object] = []


def _tokenizers():  # type: ignore[no-untyped-def]
    if not _PAIR:
        _PAIR.extend([BpeTokenizer.from_file(TOKENIZER), reference_tokenizer()])
    return _PAIR


def test_the_tensor_reader_gives_the_reference_table() -> None:
    from safetensors.numpy import load_file

    path = MODEL / "l2_supercat_256.safetensors"
    reference = load_file(str(path))["embedding.weight"]
    for mapped in (False, True):
        ours = TokenTable(path, "embedding.weight", mapped=mapped)
        assert ours.shape == (32000, DIMENSIONS)
        for token in [*range(0, 32000, 97), 31999]:  # a sample: decoding all 32,000 rows takes seconds
            assert ours.row(token).tolist() == reference[token].astype(np.float64).tolist(), token
