"""Sentence embeddings from a static token table distilled from a sentence transformer (opt-in).

The same interface as :mod:`nextround.analysis.embedding` (``load_model().embed(texts)`` gives unit rows of
``DIMENSIONS`` numbers; ``similarity``, ``similarity_one``, ``is_word``), so an analyser switches by changing
its import. ``scripts/build_static_vectors.py`` builds the table the way model2vec distils a model (every
token of the teacher's WordPiece vocabulary through the sentence transformer alone, PCA, SIF weights), and
optionally fits it the way tokenlearn does, so that a text's mean row points where the teacher's sentence
vector points. A text's vector is the mean of its token rows at unit length, as with the wordllama table.

The files: the table as int8 with one float32 scale per row (``table.safetensors``: ``embeddings``,
``scales``) and the vocabulary, a token a line (``vocab.txt``), read in plain Python (rows decoded by
``struct`` on first use); the tokenizer is BERT's uncased WordPiece, written here (a test compares it with
the ``tokenizers`` library). Nothing is downloaded. As of session 6 no table is packaged
(``nextround/data/static_vectors/`` is absent and :func:`load_model` raises :class:`EmbeddingUnavailable`):
the tables measured did not beat wordllama clearly (docs/analysis-model.md, "A better static table?");
:func:`load_model_from` reads a built one for the bench.
"""

from __future__ import annotations

import json
import mmap
import struct
import threading
import unicodedata
from array import array
from collections.abc import Sequence
from functools import lru_cache
from importlib.resources import as_file, files
from pathlib import Path
from typing import Final

from nextround.analysis.embedding import EmbeddingUnavailable, TokenMeanModel, unit_mean

__all__ = [
    "DIMENSIONS",
    "MODEL_NAME",
    "EmbeddingModel",
    "EmbeddingUnavailable",
    "Int8Table",
    "StaticEmbeddingModel",
    "WordPieceTokenizer",
    "load_model",
    "load_model_from",
]

MODEL_NAME: Final = "all-MiniLM-L6-v2 distilled to a static table, 256"
DIMENSIONS: Final = 256
_FOLDER: Final = "static_vectors"  # inside the nextround.data package
_TABLE: Final = "table.safetensors"
_VOCAB: Final = "vocab.txt"
_MAX_TOKENS: Final = 2048  # bounds a pathological input; callers embed long texts clause by clause
_MAX_WORD_CHARS: Final = 100  # a longer word is one unknown token, as in BERT
_WORD_CACHE: Final = 50_000
_SPECIAL: Final = ("[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "<s>", "</s>", "<pad>", "<unk>", "<mask>")


# --- the tokenizer ---------------------------------------------------------------------------------------

# The code point blocks BERT treats as CJK ideographs: each becomes a word of its own.
_CJK: Final = (
    (0x4E00, 0x9FFF),
    (0x3400, 0x4DBF),
    (0x20000, 0x2A6DF),
    (0x2A700, 0x2B73F),
    (0x2B740, 0x2B81F),
    (0x2B920, 0x2CEAF),  # sic: the tokenizers library starts here, not at 0x2B820 as BERT did
    (0xF900, 0xFAFF),
    (0x2F800, 0x2FA1F),
)
# Control, format, private-use and surrogate characters are dropped (unassigned code points are kept, as
# the tokenizers library keeps them: its Unicode tables are newer than some Pythons').
_DROPPED: Final = frozenset(["Cc", "Cf", "Co", "Cs"])
_ASCII_PUNCTUATION: Final = frozenset("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")
# ASCII text needs only this: control characters dropped (tab and newlines become spaces), then lowercase.
_ASCII_CLEAN: Final = dict.fromkeys([*range(32), 127]) | {9: " ", 10: " ", 13: " "}


def _is_cjk(code: int) -> bool:
    return any(low <= code <= high for low, high in _CJK)


def _is_punctuation(char: str) -> bool:
    return char in _ASCII_PUNCTUATION or unicodedata.category(char).startswith("P")


class WordPieceTokenizer:
    """BERT's uncased tokenizer, as the ``tokenizers`` library runs it (``BertNormalizer`` with lowercase,
    ``BertPreTokenizer``, ``WordPiece`` with "##" continuations): the same ids for the same text.

    1. Clean: drop NUL, U+FFFD and control characters (not tab or newlines); any whitespace becomes a space.
    2. Put spaces around CJK ideographs.
    3. Strip accents (NFD, then drop the nonspacing marks), then lowercase.
    4. Split at whitespace, and make every punctuation character a word of its own.
    5. Each word: the longest vocabulary entry that starts it, then the longest "##" entry that continues,
       and so on; a word that cannot be covered (or is over 100 characters) is one ``[UNK]``.
    """

    def __init__(self, vocab: dict[str, int], unknown: str = "[UNK]") -> None:
        self._vocab = vocab
        self._unknown = vocab.get(unknown)
        self._longest = max((len(token) for token in vocab), default=1)
        self._cache: dict[str, list[int]] = {}
        self._lock = threading.Lock()

    @classmethod
    def from_file(cls, path: Path) -> WordPieceTokenizer:
        """A vocabulary file: one token a line, its id the line's number from 0."""
        tokens = path.read_text(encoding="utf-8").split("\n")
        if tokens and tokens[-1] == "":
            tokens.pop()
        return cls({token: index for index, token in enumerate(tokens)})

    def __len__(self) -> int:
        return len(self._vocab)

    def token_to_id(self, token: str) -> int | None:
        return self._vocab.get(token)

    @property
    def unknown_id(self) -> int | None:
        return self._unknown

    def normalize(self, text: str) -> str:
        """Steps 1-3: what ``BertNormalizer(lowercase=True)`` makes of the text."""
        if text.isascii():
            return text.translate(_ASCII_CLEAN).lower()
        out: list[str] = []
        for char in text:
            code = ord(char)
            if code == 0 or code == 0xFFFD:
                continue
            if char not in "\t\n\r" and unicodedata.category(char) in _DROPPED:
                continue  # control and format characters, before the whitespace test (U+0085 goes)
            if char.isspace():
                out.append(" ")
            elif _is_cjk(code):
                out.append(f" {char} ")
            else:
                out.append(char)
        decomposed = unicodedata.normalize("NFD", "".join(out))
        stripped = "".join(char for char in decomposed if unicodedata.category(char) != "Mn")
        return stripped.lower()

    def words(self, text: str) -> list[str]:
        """Steps 1-4: the words WordPiece sees."""
        words: list[str] = []
        for chunk in self.normalize(text).split():
            start = 0
            for index, char in enumerate(chunk):
                if _is_punctuation(char):
                    if start < index:
                        words.append(chunk[start:index])
                    words.append(char)
                    start = index + 1
            if start < len(chunk):
                words.append(chunk[start:])
        return words

    def encode(self, text: str) -> list[int]:
        ids: list[int] = []
        cache = self._cache
        for word in self.words(text):
            pieces = cache.get(word)
            if pieces is None:
                pieces = self._word_pieces(word)
                with self._lock:
                    if len(cache) >= _WORD_CACHE:
                        cache.clear()
                    cache[word] = pieces
            ids.extend(pieces)
        return ids

    def encode_batch(self, texts: Sequence[str]) -> list[list[int]]:
        return [self.encode(text) for text in texts]

    def _word_pieces(self, word: str) -> list[int]:
        unknown = [] if self._unknown is None else [self._unknown]
        if len(word) > _MAX_WORD_CHARS:
            return unknown
        vocab, pieces, start = self._vocab, [], 0
        while start < len(word):
            end = min(len(word), start + self._longest)
            found = None
            while end > start:
                piece = word[start:end] if start == 0 else "##" + word[start:end]
                found = vocab.get(piece)
                if found is not None:
                    break
                end -= 1
            if found is None:
                return unknown
            pieces.append(found)
            start = end
        return pieces


# --- the table -------------------------------------------------------------------------------------------


class Int8Table:
    """The token table of a ``.safetensors`` file: ``embeddings`` (int8, rows × dims) and ``scales``
    (float32, one a row); row ``i`` is ``embeddings[i] * scales[i]``, decoded on first use and kept."""

    def __init__(self, path: Path, *, mapped: bool = False) -> None:
        with path.open("rb") as handle:
            header_length = int.from_bytes(handle.read(8), "little")
            try:
                header = json.loads(handle.read(header_length))
                table, scales = header["embeddings"], header["scales"]
            except (ValueError, KeyError) as error:
                raise EmbeddingUnavailable(f"{path.name} is not a static vector table") from error
            if table.get("dtype") != "I8" or len(table.get("shape", ())) != 2 or scales.get("dtype") != "F32":
                raise EmbeddingUnavailable(f"{path.name}: expected int8 embeddings and float32 scales")
            rows, dims = int(table["shape"][0]), int(table["shape"][1])
            self.shape: tuple[int, int] = (rows, dims)
            self._row = struct.Struct(f"<{dims}b")
            begin, end = table["data_offsets"]
            scale_begin, scale_end = scales["data_offsets"]
            if end - begin != rows * dims or scale_end - scale_begin != 4 * rows:
                raise EmbeddingUnavailable(f"{path.name}: the tensors are not {rows} rows of {dims}")
            self._base = 8 + header_length + begin
            self._scale_base = 8 + header_length + scale_begin
            self._buffer: mmap.mmap | bytes
            if mapped:
                self._buffer = mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)
            else:
                handle.seek(0)
                self._buffer = handle.read()
        self._rows: dict[int, array[float]] = {}

    def row(self, index: int) -> array[float]:
        row = self._rows.get(index)
        if row is None:
            if not 0 <= index < self.shape[0]:
                raise IndexError(f"token {index} of {self.shape[0]}")
            (scale,) = struct.unpack_from("<f", self._buffer, self._scale_base + 4 * index)
            numbers = self._row.unpack_from(self._buffer, self._base + index * self._row.size)
            row = self._rows[index] = array("d", [value * scale for value in numbers])
        return row


# --- the model -------------------------------------------------------------------------------------------


class StaticEmbeddingModel(TokenMeanModel):
    """A distilled table read through BERT's WordPiece (unknown and special pieces are left out)."""

    def __init__(self, table: Int8Table, tokenizer: WordPieceTokenizer) -> None:
        if table.shape[0] != len(tokenizer):
            raise EmbeddingUnavailable(f"a table of {table.shape[0]} rows for {len(tokenizer)} tokens")
        super().__init__(tokenizer.encode_batch)
        self._table = table
        self._tokenizer = tokenizer
        self.dimensions = table.shape[1]
        self._skip = frozenset(i for token in _SPECIAL if (i := tokenizer.token_to_id(token)) is not None)

    @property
    def tokenizer(self) -> WordPieceTokenizer:
        return self._tokenizer

    def _pool(self, ids: list[int]) -> array[float]:
        skip = self._skip
        return unit_mean(self._table.row, [token for token in ids[:_MAX_TOKENS] if token not in skip], self.dimensions)

    def is_word(self, word: str) -> bool:
        """Whether `word` (lowercased) is one whole entry of the vocabulary: a cheap test for everyday words."""
        return self._tokenizer.token_to_id(word.lower()) is not None


EmbeddingModel = StaticEmbeddingModel  # the name the analysers import from nextround.analysis.embedding


def load_model_from(folder: Path) -> StaticEmbeddingModel:
    """A table and vocabulary in ``folder`` (``table.safetensors``, ``vocab.txt``): for the build script and
    the bench, which compare tables that are not packaged."""
    table_path, vocab_path = folder / _TABLE, folder / _VOCAB
    if not table_path.is_file() or not vocab_path.is_file():
        raise EmbeddingUnavailable(f"no static vector table in {folder}")
    return StaticEmbeddingModel(Int8Table(table_path, mapped=True), WordPieceTokenizer.from_file(vocab_path))


@lru_cache(maxsize=1)
def load_model() -> StaticEmbeddingModel:
    """Load the packaged table once per process; never touches the network."""
    folder = files("nextround.data").joinpath(_FOLDER)
    table, vocab = folder.joinpath(_TABLE), folder.joinpath(_VOCAB)
    if not table.is_file() or not vocab.is_file():
        raise EmbeddingUnavailable(f"the static vector files are missing from nextround/data/{_FOLDER}")
    with as_file(table) as table_path, as_file(vocab) as vocab_path:
        # An installed package's files stay put and can be mapped; a zipped one is unpacked to a temporary
        # file for the duration of this block, so it is read instead.
        loaded = Int8Table(table_path, mapped=isinstance(table, Path))
        tokenizer = WordPieceTokenizer.from_file(vocab_path)
    return StaticEmbeddingModel(loaded, tokenizer)
