"""The embedding model's tokenizer (LLaMA 2's byte-fallback BPE) in plain Python.

It reads the same ``tokenizer.json`` file the ``tokenizers`` library reads and gives the same token ids
(a test compares the two on every corpus text and on generated strings), so nextround needs neither
``tokenizers`` nor the ``huggingface_hub`` stack it pulls in (~35 MB of install).

What the file asks for, and all this module does:

- special tokens (``<unk>``, ``<s>``, ``</s>``) written in the text are cut out first and become their ids;
- each remaining piece is normalised: "▁" prepended, every space replaced by "▁";
- BPE: start from single characters (a character missing from the vocabulary becomes its UTF-8 bytes,
  ``<0xE2>`` …) and merge the adjacent pair of lowest rank, leftmost first, until no listed pair is left.

No token of this vocabulary has "▁" after another character (except runs of "▁" alone), so no merge can
cross the start of a word: each "▁…word" chunk is encoded on its own and cached.
"""

from __future__ import annotations

import heapq
import json
import re
from pathlib import Path
from typing import Final

_SPACE: Final = "▁"
# A chunk: a run of "▁" and the characters up to the next "▁" (merges never cross a chunk's start).
_CHUNK: Final = re.compile(f"{_SPACE}*[^{_SPACE}]*")
_CACHE_LIMIT: Final = 50_000


class BpeTokenizer:
    """Encode text to token ids exactly as the ``tokenizers`` library does for this file."""

    def __init__(self, vocab: dict[str, int], merges: list[str], special: dict[str, int]) -> None:
        self._vocab = vocab
        # "left right" -> rank: merges are looked up by their two tokens' text (no token holds a space).
        self._ranks = dict(zip(merges, range(len(merges)), strict=True))
        self._bytes = [f"<0x{value:02X}>" for value in range(256)]
        self._unknown = vocab.get("<unk>", 0)  # only for a byte token missing from the vocabulary
        self._special = special
        self._special_re = (
            re.compile("|".join(re.escape(token) for token in sorted(special, key=len, reverse=True)))
            if special
            else None
        )
        self._cache: dict[str, list[int]] = {}

    @classmethod
    def from_file(cls, path: Path) -> BpeTokenizer:
        config = json.loads(path.read_bytes())
        model = config["model"]
        if model.get("type") != "BPE" or not model.get("byte_fallback"):
            raise ValueError(f"{path.name}: not a byte-fallback BPE tokenizer")
        merges = [m if isinstance(m, str) else " ".join(m) for m in model["merges"]]
        special = {token["content"]: int(token["id"]) for token in config.get("added_tokens", [])}
        return cls(model["vocab"], merges, special)

    def token_to_id(self, token: str) -> int | None:
        return self._vocab.get(token)

    def encode(self, text: str) -> list[int]:
        """Token ids of ``text``, without a start-of-text token."""
        if self._special_re is None:
            return self._encode_piece(text)
        ids: list[int] = []
        start = 0
        for found in self._special_re.finditer(text):
            ids.extend(self._encode_piece(text[start : found.start()]))
            ids.append(self._special[found.group()])
            start = found.end()
        ids.extend(self._encode_piece(text[start:]))
        return ids

    def encode_batch(self, texts: list[str]) -> list[list[int]]:
        return [self.encode(text) for text in texts]

    def _encode_piece(self, piece: str) -> list[int]:
        if not piece:
            return []
        normalised = _SPACE + piece.replace(" ", _SPACE)
        ids: list[int] = []
        cache = self._cache
        for chunk in _CHUNK.findall(normalised):
            if not chunk:
                continue
            cached = cache.get(chunk)
            if cached is None:
                vocab = self._vocab
                cached = [vocab.get(symbol, self._unknown) for symbol in self._bpe(chunk)]
                if len(cache) < _CACHE_LIMIT:
                    cache[chunk] = cached
            ids.extend(cached)
        return ids

    def _symbols(self, chunk: str) -> list[str]:
        """The chunk's characters; one missing from the vocabulary becomes its UTF-8 byte tokens."""
        symbols: list[str] = []
        vocab = self._vocab
        for char in chunk:
            if char in vocab:
                symbols.append(char)
            else:
                symbols.extend(self._bytes[value] for value in char.encode("utf-8"))
        return symbols

    def _bpe(self, chunk: str) -> list[str]:
        """Merge the lowest-ranked adjacent pair first (leftmost on ties), as ``tokenizers`` does."""
        symbols: list[str | None] = list(self._symbols(chunk))
        count = len(symbols)
        if count < 2:
            return [s for s in symbols if s is not None]
        ranks = self._ranks
        # A linked list over positions; a position merged into its left neighbour holds None.
        following = [*range(1, count), -1]
        previous = [-1, *range(count - 1)]
        heap: list[tuple[int, int, str]] = []  # (rank, left position, merged text)
        for position in range(count - 1):
            left, right = symbols[position], symbols[position + 1]
            rank = ranks.get(f"{left} {right}")
            if rank is not None:
                heap.append((rank, position, f"{left}{right}"))
        heapq.heapify(heap)
        while heap:
            _, position, merged = heapq.heappop(heap)
            neighbour = following[position]
            left = symbols[position]
            if left is None or neighbour < 0:
                continue
            right = symbols[neighbour]
            # A stale entry (a neighbour has been merged since) no longer spells the same pair.
            if f"{left}{right}" != merged or f"{left} {right}" not in ranks:
                continue
            symbols[position] = merged
            symbols[neighbour] = None
            after = following[neighbour]
            following[position] = after
            if after >= 0:
                previous[after] = position
            before = previous[position]
            if before >= 0:
                rank = ranks.get(f"{symbols[before]} {merged}")
                if rank is not None:
                    heapq.heappush(heap, (rank, before, f"{symbols[before]}{merged}"))
            if after >= 0:
                rank = ranks.get(f"{merged} {symbols[after]}")
                if rank is not None:
                    heapq.heappush(heap, (rank, position, f"{merged}{symbols[after]}"))
        return [s for s in symbols if s is not None]
