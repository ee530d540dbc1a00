"""Sentence embeddings from a model that ships inside an installed package, never downloaded.

The model is WordLlama's 256-dimension token table (``l2_supercat_256``, MIT licence), which the
``wordllama`` wheel carries with its tokenizer. We read those two files directly with ``tokenizers`` and
``safetensors`` instead of importing ``wordllama`` itself: that package pulls in ``requests`` and
``pydantic`` and a download path we never want, and costs ~200 ms more to import.

A text's vector is the mean of its token vectors, scaled to unit length, so a dot product is a cosine.
Static embeddings know that "croissants" sits near "viennoiserie" but not that "never in doubt" is praise:
use them for similarity and as classifier features, never as the whole judgement.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

    Vectors = npt.NDArray[np.float32]

__all__ = ["DIMENSIONS", "MODEL_NAME", "EmbeddingModel", "EmbeddingUnavailable", "load_model"]

MODEL_NAME: Final = "wordllama l2_supercat_256"
DIMENSIONS: Final = 256
_WEIGHTS: Final = Path("weights") / "l2_supercat_256.safetensors"
_TOKENIZER: Final = Path("tokenizers") / "l2_supercat_tokenizer_config.json"
_TENSOR: Final = "embedding.weight"
# Long texts are embedded clause by clause by the callers; this only bounds a pathological input.
_MAX_TOKENS: Final = 2048


class EmbeddingUnavailable(RuntimeError):
    """The packaged model is missing (a broken install): callers fall back to exact matching."""


class EmbeddingModel:
    """Encode texts as unit vectors; ``similarity`` gives cosines in [-1, 1]."""

    def __init__(self, table: Vectors, tokenizer: object) -> None:
        self._table = table
        self._tokenizer = tokenizer

    def encode(self, texts: Sequence[str]) -> Vectors:
        import numpy as np

        out = np.zeros((len(texts), DIMENSIONS), dtype=np.float32)
        if not texts:
            return out
        encodings = self._tokenizer.encode_batch(list(texts), add_special_tokens=False)  # type: ignore[attr-defined]
        ids = [encoding.ids[:_MAX_TOKENS] for encoding in encodings]
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
        return self._tokenizer.token_to_id("▁" + word) is not None  # type: ignore[attr-defined]


def _package_folder() -> Path:
    spec = importlib.util.find_spec("wordllama")
    if spec is None or spec.origin is None:
        raise EmbeddingUnavailable("the 'wordllama' package that carries the embedding model is not installed")
    return Path(spec.origin).parent


@lru_cache(maxsize=1)
def load_model() -> EmbeddingModel:
    """Load the packaged model once per process (~0.2 s cold); never touches the network."""
    folder = _package_folder()
    weights, tokenizer_file = folder / _WEIGHTS, folder / _TOKENIZER
    if not weights.is_file() or not tokenizer_file.is_file():
        raise EmbeddingUnavailable(f"the embedding model files are missing from {folder}")
    from safetensors.numpy import load_file
    from tokenizers import Tokenizer

    table = load_file(str(weights))[_TENSOR]
    tokenizer = Tokenizer.from_file(str(tokenizer_file))
    tokenizer.no_padding()
    tokenizer.no_truncation()
    return EmbeddingModel(table, tokenizer)
