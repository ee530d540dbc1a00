"""The static vector reader: BERT's WordPiece as the tokenizers library runs it, the int8 table, the pooling."""

from __future__ import annotations

import json
import struct
import subprocess
import sys
import unicodedata
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nextround.analysis.embedding import EmbeddingUnavailable
from nextround.analysis.static_vectors import Int8Table, WordPieceTokenizer, load_model_from

CORPORA = Path(__file__).parent / "data"
# A small vocabulary in BERT's layout: specials, single characters (and their "##" forms), whole words and
# word pieces, so that every path of WordPiece is taken.
_WORDS = [
    "the", "chef", "cook", "pastry", "croissant", "##s", "cr", "##ois", "##sant", "diary", "calendar", "un",
    "##able", "##aff", "##ord", "balance", "reconcile", "re", "##con", "##cile", "café", "naive", "漢",
]  # fmt: skip
_CHARS = sorted(set("abcdefghijklmnopqrstuvwxyz0123456789.,;:!?'\"()-/&%$#@[]{}*+=<>_~`^|\\’–—…é"))


def _vocab() -> list[str]:
    tokens = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", *_CHARS, *(f"##{c}" for c in _CHARS)]
    return tokens + [word for word in _WORDS if word not in tokens]


def _reference(tokens: list[str]):  # type: ignore[no-untyped-def]
    from tokenizers import Tokenizer, normalizers, pre_tokenizers
    from tokenizers.models import WordPiece

    reference = Tokenizer(WordPiece({token: index for index, token in enumerate(tokens)}, unk_token="[UNK]"))
    reference.normalizer = normalizers.BertNormalizer(
        clean_text=True, handle_chinese_chars=True, strip_accents=None, lowercase=True
    )
    reference.pre_tokenizer = pre_tokenizers.BertPreTokenizer()
    return reference


def _write_table(folder: Path, rows: np.ndarray, tokens: list[str]) -> None:
    """The build script's layout: int8 rows with a float32 scale each, and the vocabulary a token a line."""
    scales = np.abs(rows).max(axis=1) / 127.0
    scales[scales == 0] = 1.0
    quantised = np.clip(np.rint(rows / scales[:, None]), -127, 127).astype(np.int8)
    header = {
        "embeddings": {"dtype": "I8", "shape": list(rows.shape), "data_offsets": [0, quantised.nbytes]},
        "scales": {
            "dtype": "F32",
            "shape": [rows.shape[0]],
            "data_offsets": [quantised.nbytes, quantised.nbytes + 4 * rows.shape[0]],
        },
    }
    encoded = json.dumps(header).encode()
    folder.mkdir(parents=True, exist_ok=True)
    body = quantised.tobytes() + scales.astype("<f4").tobytes()
    (folder / "table.safetensors").write_bytes(struct.pack("<Q", len(encoded)) + encoded + body)
    (folder / "vocab.txt").write_text("".join(f"{token}\n" for token in tokens), encoding="utf-8")


@pytest.fixture(scope="module")
def tokenizer_pair(tmp_path_factory: pytest.TempPathFactory) -> tuple[WordPieceTokenizer, object]:
    tokens = _vocab()
    path = tmp_path_factory.mktemp("vocab") / "vocab.txt"
    path.write_text("".join(f"{token}\n" for token in tokens), encoding="utf-8")
    return WordPieceTokenizer.from_file(path), _reference(tokens)


def test_wordpiece_takes_the_longest_piece_first(tokenizer_pair: tuple[WordPieceTokenizer, object]) -> None:
    ours, _ = tokenizer_pair
    assert ours.words("Croissants, please!") == ["croissants", ",", "please", "!"]
    ids = ours.encode("croissants")
    assert [ours.token_to_id(t) for t in ("croissant", "##s")] == ids
    assert ours.encode("xyz") == [ours.token_to_id(t) for t in ("x", "##y", "##z")]
    assert ours.encode("Café") == ours.encode("cafe")  # accents stripped, then lowercased
    assert ours.encode("q" * 101) == [ours.unknown_id]  # over 100 characters: one unknown


def test_our_wordpiece_gives_the_reference_ids_on_the_corpora(
    tokenizer_pair: tuple[WordPieceTokenizer, object],
) -> None:
    ours, reference = tokenizer_pair
    lines: list[str] = []
    for name in ("answer_corpus/dev.txt", "feedback_dev.jsonl", "match_dev.jsonl"):
        lines.extend(line for line in (CORPORA / name).read_text(encoding="utf-8").splitlines() if line.strip())
    assert len(lines) > 800
    expected = [e.ids for e in reference.encode_batch(lines, add_special_tokens=False)]  # type: ignore[attr-defined]
    assert ours.encode_batch(lines) == expected


# Text that stresses the normaliser: accents composed and not, control and format characters, odd spaces,
# CJK, emoji, punctuation of several scripts.
_PIECES = st.sampled_from(
    [*"ab Cé ñ\u00a0-'’漢😀\n\t.,!ßİı", "e\u0301", "\x85", "\u200b", "\u2028", "\x0b", "\x00", "\ufffd", "Å", "µ"]
)
_AWKWARD = st.lists(_PIECES, max_size=30).map("".join)
# Random characters from those Unicode 3.2 already assigned (Python ships that table beside its own): the
# tokenizers library's category tables are older than Python's, so a character added since (U+0890, a format
# character of Unicode 14) is dropped by one and an unknown token to the other.
_OLD_CHARACTERS = st.characters(max_codepoint=0x2DFF, exclude_categories=("Cs",)).filter(
    lambda c: unicodedata.ucd_3_2_0.category(c) != "Cn"
)


@settings(max_examples=300, deadline=None)
@given(text=st.one_of(st.text(_OLD_CHARACTERS, max_size=30), _AWKWARD))
def test_our_wordpiece_matches_the_reference_on_any_text(
    tokenizer_pair: tuple[WordPieceTokenizer, object], text: str
) -> None:
    ours, reference = tokenizer_pair
    assert ours.encode(text) == reference.encode(text, add_special_tokens=False).ids  # type: ignore[attr-defined]


def test_a_text_is_the_mean_of_its_token_rows_at_unit_length(tmp_path: Path) -> None:
    tokens = _vocab()
    rows = np.random.default_rng(0).normal(size=(len(tokens), 8)).astype(np.float32)
    _write_table(tmp_path, rows, tokens)
    model = load_model_from(tmp_path)
    table = Int8Table(tmp_path / "table.safetensors")
    decoded = np.array([table.row(i).tolist() for i in range(len(tokens))])
    assert np.abs(decoded - rows).max() <= np.abs(rows).max() / 127  # int8 with a scale per row
    ids = [i for i in model.tokenizer.encode("The chef, a cook [UNK]!") if i != model.tokenizer.unknown_id]
    mean = decoded[ids].mean(axis=0)
    vector = np.array(model.embed(["The chef, a cook [UNK]!"]).row(0))
    assert np.abs(vector - mean / np.linalg.norm(mean)).max() < 1e-6
    assert model.embed([""]).row(0) == [0.0] * 8  # no tokens: zeros
    assert model.is_word("Chef") and not model.is_word("pastries")


def test_a_broken_table_is_reported_as_unavailable(tmp_path: Path) -> None:
    (tmp_path / "table.safetensors").write_bytes(b"\x02\x00\x00\x00\x00\x00\x00\x00{}")
    (tmp_path / "vocab.txt").write_text("[UNK]\n", encoding="utf-8")
    with pytest.raises(EmbeddingUnavailable):
        load_model_from(tmp_path)
    with pytest.raises(EmbeddingUnavailable):
        load_model_from(tmp_path / "missing")


def test_a_table_loads_with_the_network_blocked_and_without_numpy(tmp_path: Path) -> None:
    tokens = _vocab()
    _write_table(tmp_path, np.random.default_rng(1).normal(size=(len(tokens), 8)).astype(np.float32), tokens)
    code = (
        "import socket, sys\n"
        "def refuse(*a, **k):\n    raise OSError('network blocked by the test')\n"
        "socket.socket.connect = refuse\nsocket.create_connection = refuse\nsocket.getaddrinfo = refuse\n"
        "from pathlib import Path\n"
        "from nextround.analysis.static_vectors import load_model_from\n"
        f"model = load_model_from(Path({str(tmp_path)!r}))\n"
        "print(round(model.similarity_one('chef', 'chef'), 3))\n"
        "print(any(m in sys.modules for m in ('tokenizers', 'safetensors', 'numpy', 'torch')))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["1.0", "False"]


def test_without_a_packaged_table_loading_says_so() -> None:
    from nextround.analysis import static_vectors

    packaged = Path(static_vectors.__file__).parents[1] / "data" / "static_vectors" / "table.safetensors"
    if packaged.is_file():  # once a table ships, it must load
        assert static_vectors.load_model().embed(["chef"]).rows == 1
        return
    with pytest.raises(EmbeddingUnavailable):
        static_vectors.load_model()
