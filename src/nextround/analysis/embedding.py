"""Sentence embeddings from a model that ships inside an installed package, never downloaded.

The model is WordLlama's 256-dimension token table (``l2_supercat_256``, MIT licence, credited in
``data/CREDITS.md``) and its tokenizer file. nextround ships those two files as package data
(``nextround/data/embedding/``, unchanged from the wordllama 0.4.0 wheel) and reads them in plain Python:
the float16 table from a memory map, a row decoded by ``struct`` when a text first uses it (exactly:
``struct``'s ``e`` is IEEE half precision), the tokenizer by :mod:`nextround.analysis.bpe` (the same ids
as the ``tokenizers`` library). The wordllama wheel, ``tokenizers``, the ``huggingface_hub`` stack and
numpy (74 MB) are not needed: :mod:`nextround.analysis.vectors` does the products.

A text's vector is the mean of its token vectors, scaled to unit length, so a dot product is a cosine.
Static embeddings know that "croissants" sits near "viennoiserie" but not that "never in doubt" is praise:
use them for similarity and as classifier features, never as the whole judgement.
"""

from __future__ import annotations

import json
import math
import mmap
import struct
import threading
from array import array
from collections.abc import Callable, Sequence
from functools import lru_cache
from importlib.resources import as_file, files
from pathlib import Path
from typing import Any, Final, cast

import simsimd

from nextround.analysis.bpe import BpeTokenizer
from nextround.analysis.vectors import Matrix, dot

__all__ = ["DIMENSIONS", "MODEL_NAME", "EmbeddingModel", "EmbeddingUnavailable", "TokenTable", "load_model"]

MODEL_NAME: Final = "wordllama l2_supercat_256"
DIMENSIONS: Final = 256
_FOLDER: Final = "embedding"  # inside the nextround.data package
_WEIGHTS: Final = "l2_supercat_256.safetensors"
_TOKENIZER: Final = "l2_supercat_tokenizer_config.json"
_TENSOR: Final = "embedding.weight"
# Long texts are embedded clause by clause by the callers; this only bounds a pathological input.
_MAX_TOKENS: Final = 2048
_FORMATS: Final = {"F16": "e", "F32": "f"}
_KEPT_CHARS: Final = 40  # texts up to this long have their vectors kept ...
_KEPT_TEXTS: Final = 8192  # ... this many of them (8 MB)


class EmbeddingUnavailable(RuntimeError):
    """The packaged model is missing (a broken install): callers fall back to exact matching."""


class TokenTable:
    """One 2-D tensor of a ``.safetensors`` file (an 8-byte header length, a JSON header, raw rows),
    its rows decoded on first use and kept."""

    def __init__(self, path: Path, name: str, *, mapped: bool = False) -> None:
        """``mapped`` maps the file instead of reading it: only the rows a text uses are paged in (~30 ms
        off a cold start). Only for a file that stays where it is."""
        with path.open("rb") as handle:
            header_length = int.from_bytes(handle.read(8), "little")
            header = json.loads(handle.read(header_length))
            entry = header.get(name)
            if entry is None or entry.get("dtype") not in _FORMATS or len(entry.get("shape", ())) != 2:
                raise EmbeddingUnavailable(f"{path.name} has no readable tensor {name!r}")
            begin, end = entry["data_offsets"]
            self.shape: tuple[int, int] = (int(entry["shape"][0]), int(entry["shape"][1]))
            self._row = struct.Struct(f"<{self.shape[1]}{_FORMATS[entry['dtype']]}")
            if end - begin != self.shape[0] * self._row.size:
                raise EmbeddingUnavailable(f"{path.name}: {name!r} is not {self.shape[0]} rows")
            self._base = 8 + header_length + begin
            self._buffer: mmap.mmap | bytes
            if mapped:
                self._buffer = mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)
            else:
                handle.seek(0)
                self._buffer = handle.read(self._base + end - begin)
        self._rows: dict[int, array[float]] = {}

    def row(self, index: int) -> array[float]:
        """The row as doubles (exact: a float16 or float32 fits a double)."""
        row = self._rows.get(index)
        if row is None:
            if not 0 <= index < self.shape[0]:
                raise IndexError(f"token {index} of {self.shape[0]}")
            numbers = self._row.unpack_from(self._buffer, self._base + index * self._row.size)
            row = self._rows[index] = array("d", numbers)
        return row


def unit_mean(row: Callable[[int], array[float]], ids: Sequence[int], dimensions: int) -> array[float]:
    """The mean of the token rows of ``ids`` at unit length (all zeros when there are none)."""
    if not ids:
        return array("f", bytes(4 * dimensions))
    # Summed in double precision (exact for up to 2**14 float16 rows, so in any order) by simsimd, a
    # row at a time, and scaled once: the mean's length is the sum's length over the count, so the
    # count drops out.
    # (Not wsum's out= argument: simsimd 6.5 drops a reference to None on that path.)
    total: Any = row(ids[0])
    for token in ids[1:]:
        total = simsimd.wsum(total, row(token), alpha=1.0, beta=1.0)  # type: ignore[arg-type]  # any buffer
    sums = cast(list[float], memoryview(total).tolist())
    norm = math.hypot(*sums)
    return array("f", [value / norm for value in sums] if norm > 0 else bytes(4 * dimensions))


class TokenMeanModel:
    """A text's vector is the unit mean of its token rows; ``similarity`` gives cosines in [-1, 1].

    Subclasses give ``dimensions`` and ``_pool`` (token ids to a vector); this class keeps short texts'
    vectors and pools the rest."""

    dimensions: int

    def __init__(self, encode_batch: Callable[[list[str]], list[list[int]]]) -> None:
        self._encode_batch = encode_batch
        # Words and short phrases come back again and again (relevance embeds every content word of every
        # answer): their vectors are kept, 1 KB each.
        self._kept: dict[str, array[float]] = {}
        self._keeping = threading.Lock()

    def _pool(self, ids: list[int]) -> array[float]:
        raise NotImplementedError

    def embed(self, texts: Sequence[str]) -> Matrix:
        """One float32 row of ``dimensions`` per text: the mean of its token rows at unit length (a text
        with no tokens is all zeros)."""
        kept = self._kept
        rows: list[array[float] | None] = [kept.get(text) for text in texts]
        todo = [index for index, found in enumerate(rows) if found is None]
        if todo:
            computed = [self._pool(ids) for ids in self._encode_batch([texts[i] for i in todo])]
            with self._keeping:
                for index, vector in zip(todo, computed, strict=True):
                    rows[index] = vector
                    if len(texts[index]) <= _KEPT_CHARS:
                        if len(kept) >= _KEPT_TEXTS:
                            del kept[next(iter(kept))]  # the oldest
                        kept[texts[index]] = vector
        data: array[float] = array("f")
        for row in rows:
            if row is not None:  # always, once filled above
                data.extend(row)
        return Matrix(data, len(texts), self.dimensions)

    def similarity(self, left: Sequence[str], right: Sequence[str]) -> list[list[float]]:
        """Cosine of every text in ``left`` with every text in ``right`` (len(left) rows of len(right))."""
        return dot(self.embed(left), self.embed(right))

    def similarity_one(self, a: str, b: str) -> float:
        return self.similarity([a], [b])[0][0]


class EmbeddingModel(TokenMeanModel):
    """The packaged wordllama table read through LLaMA 2's byte-fallback BPE."""

    dimensions = DIMENSIONS

    def __init__(self, table: TokenTable, tokenizer: BpeTokenizer) -> None:
        super().__init__(tokenizer.encode_batch)
        self._table = table
        self._tokenizer = tokenizer

    def _pool(self, ids: list[int]) -> array[float]:
        return unit_mean(self._table.row, ids[:_MAX_TOKENS], DIMENSIONS)

    def is_word(self, word: str) -> bool:
        """Whether `word` is one whole piece of the model's vocabulary: a cheap test for everyday words."""
        return self._tokenizer.token_to_id("▁" + word) is not None


@lru_cache(maxsize=1)
def load_model() -> EmbeddingModel:
    """Load the packaged model once per process (~0.1 s cold); never touches the network."""
    folder = files("nextround.data").joinpath(_FOLDER)
    weights, tokenizer_file = folder.joinpath(_WEIGHTS), folder.joinpath(_TOKENIZER)
    if not weights.is_file() or not tokenizer_file.is_file():
        raise EmbeddingUnavailable(f"the embedding model files are missing from nextround/data/{_FOLDER}")
    with as_file(weights) as weights_path, as_file(tokenizer_file) as tokenizer_path:
        # An installed package's files stay put and can be mapped; a zipped one is unpacked to a temporary
        # file for the duration of this block, so it is read instead.
        table = TokenTable(weights_path, _TENSOR, mapped=isinstance(weights, Path))
        tokenizer = BpeTokenizer.from_file(tokenizer_path)
    return EmbeddingModel(table, tokenizer)
