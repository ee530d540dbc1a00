"""Sentence embeddings from a model that ships inside an installed package, never downloaded.

The model is WordLlama's 256-dimension token table (``l2_supercat_256``, MIT licence, credited in
``data/CREDITS.md``) and its tokenizer file. nextround ships those two files as package data
(``nextround/data/embedding/``, unchanged from the wordllama 0.4.0 wheel) and reads them with numpy and
:mod:`nextround.analysis.bpe` (the tokenizer in plain Python, the same ids as the ``tokenizers`` library):
the wordllama wheel, ``tokenizers`` and the ``huggingface_hub`` stack they pull in cost ~80 MB of install
for other token tables, compiled helpers and a download path we never use.

A text's vector is the mean of its token vectors, scaled to unit length, so a dot product is a cosine.
Static embeddings know that "croissants" sits near "viennoiserie" but not that "never in doubt" is praise:
use them for similarity and as classifier features, never as the whole judgement.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from importlib.resources import as_file, files
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

from nextround.analysis.bpe import BpeTokenizer

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

    Vectors = npt.NDArray[np.float32]

__all__ = ["DIMENSIONS", "MODEL_NAME", "EmbeddingModel", "EmbeddingUnavailable", "load_model"]

MODEL_NAME: Final = "wordllama l2_supercat_256"
DIMENSIONS: Final = 256
_FOLDER: Final = "embedding"  # inside the nextround.data package
_WEIGHTS: Final = "l2_supercat_256.safetensors"
_TOKENIZER: Final = "l2_supercat_tokenizer_config.json"
_TENSOR: Final = "embedding.weight"
# Long texts are embedded clause by clause by the callers; this only bounds a pathological input.
_MAX_TOKENS: Final = 2048


class EmbeddingUnavailable(RuntimeError):
    """The packaged model is missing (a broken install): callers fall back to exact matching."""


class EmbeddingModel:
    """Encode texts as unit vectors; ``similarity`` gives cosines in [-1, 1]."""

    def __init__(self, table: Vectors, tokenizer: BpeTokenizer) -> None:
        self._table = table
        self._tokenizer = tokenizer

    def encode(self, texts: Sequence[str]) -> Vectors:
        import numpy as np

        out = np.zeros((len(texts), DIMENSIONS), dtype=np.float32)
        if not texts:
            return out
        ids = [row_ids[:_MAX_TOKENS] for row_ids in self._tokenizer.encode_batch(list(texts))]
        rows = [row for row, row_ids in enumerate(ids) if row_ids]
        if not rows:
            return out
        # One gather and one segmented sum for the whole batch: a Python loop per text cost ~70 µs each,
        # which added up to 10 ms for the 150 words of one answer.
        lengths = np.array([len(ids[row]) for row in rows])
        flat = np.fromiter((i for row in rows for i in ids[row]), dtype=np.int64, count=int(lengths.sum()))
        offsets = np.concatenate(([0], np.cumsum(lengths)[:-1]))
        sums = np.add.reduceat(self._table[flat].astype(np.float32), offsets, axis=0)
        means = sums / lengths[:, None]
        norms = np.linalg.norm(means, axis=1, keepdims=True)
        out[rows] = np.divide(means, norms, out=np.zeros_like(means), where=norms > 0)
        return out

    def similarity(self, left: Sequence[str], right: Sequence[str]) -> Vectors:
        """Cosine of every text in ``left`` with every text in ``right`` (shape len(left) × len(right))."""
        return self.encode(left) @ self.encode(right).T

    def similarity_one(self, a: str, b: str) -> float:
        return float(self.similarity([a], [b])[0, 0])

    def is_word(self, word: str) -> bool:
        """Whether `word` is one whole piece of the model's vocabulary: a cheap test for everyday words."""
        return self._tokenizer.token_to_id("▁" + word) is not None


def read_tensor(path: Path, name: str, *, mapped: bool = False) -> Vectors:
    """One tensor of a ``.safetensors`` file: an 8-byte header length, a JSON header, then raw arrays.

    ``mapped`` maps the file instead of reading it: rows are paged in when a text first uses them, which
    takes ~20-45 ms off a cold start. Only for a file that stays where it is.
    """
    import json

    import numpy as np

    dtypes = {"F16": np.float16, "F32": np.float32, "BF16": None}
    with path.open("rb") as handle:
        header_length = int.from_bytes(handle.read(8), "little")
        header = json.loads(handle.read(header_length))
        entry = header.get(name)
        if entry is None or dtypes.get(entry["dtype"]) is None:
            raise EmbeddingUnavailable(f"{path.name} has no readable tensor {name!r}")
        begin, end = entry["data_offsets"]
        dtype: Any = dtypes[entry["dtype"]]
        shape = tuple(entry["shape"])
        if mapped:
            return np.asarray(np.memmap(path, dtype=dtype, mode="r", offset=8 + header_length + begin, shape=shape))
        handle.seek(8 + header_length + begin)
        data = np.frombuffer(handle.read(end - begin), dtype=dtype)
    return data.reshape(shape)


@lru_cache(maxsize=1)
def load_model() -> EmbeddingModel:
    """Load the packaged model once per process (~0.2 s cold); never touches the network."""
    folder = files("nextround.data").joinpath(_FOLDER)
    weights, tokenizer_file = folder.joinpath(_WEIGHTS), folder.joinpath(_TOKENIZER)
    if not weights.is_file() or not tokenizer_file.is_file():
        raise EmbeddingUnavailable(f"the embedding model files are missing from nextround/data/{_FOLDER}")
    with as_file(weights) as weights_path, as_file(tokenizer_file) as tokenizer_path:
        # An installed package's files stay put and can be mapped; a zipped one is unpacked to a temporary
        # file for the duration of this block, so it is read instead.
        table = read_tensor(weights_path, _TENSOR, mapped=isinstance(weights, Path))
        tokenizer = BpeTokenizer.from_file(tokenizer_path)
    return EmbeddingModel(table, tokenizer)
