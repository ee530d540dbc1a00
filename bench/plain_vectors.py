"""The packaged embedding read in plain Python, for bench_vectors.py: no numpy, nothing but the standard library.

Rows of the float16 table are decoded with ``struct`` from a memory map on first use (exactly: struct's
``e`` format is IEEE half precision), a text is the mean of its token rows scaled to unit length, as
``nextround.analysis.embedding`` does with numpy.
"""

from __future__ import annotations

import json
import math
import mmap
import struct
from collections.abc import Sequence
from importlib.resources import files
from pathlib import Path

from nextround.analysis.bpe import BpeTokenizer

DIMENSIONS = 256
_ROW = struct.Struct(f"<{DIMENSIONS}e")  # the table is float16: struct decodes it exactly


class PlainTable:
    """The packaged embedding in plain Python: rows decoded on first use, texts mean-pooled to unit length."""

    def __init__(self) -> None:
        folder = Path(str(files("nextround.data").joinpath("embedding")))
        with (folder / "l2_supercat_256.safetensors").open("rb") as handle:
            header_length = int.from_bytes(handle.read(8), "little")
            header = json.loads(handle.read(header_length))
            self._map = mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)
        self._base = 8 + header_length + header["embedding.weight"]["data_offsets"][0]
        self._tokenizer = BpeTokenizer.from_file(folder / "l2_supercat_tokenizer_config.json")
        self._rows: dict[int, tuple[float, ...]] = {}

    def _row(self, token: int) -> tuple[float, ...]:
        row = self._rows.get(token)
        if row is None:
            row = self._rows[token] = _ROW.unpack_from(self._map, self._base + token * 2 * DIMENSIONS)
        return row

    def encode(self, texts: Sequence[str]) -> list[list[float]]:
        out: list[list[float]] = []
        for text in texts:
            rows = [self._row(token) for token in self._tokenizer.encode(text)[:2048]]
            sums = [sum(column) for column in zip(*rows, strict=True)] if rows else [0.0] * DIMENSIONS
            norm = math.hypot(*sums)
            out.append([value / norm for value in sums] if norm > 0 else [0.0] * DIMENSIONS)
        return out
