"""Small dense vectors and matrices without numpy: the analysers' whole vector arithmetic.

The analysers need little: rows of the embedding table pooled into unit vectors, cosines between many
texts at once, and a few tiny linear layers. numpy did it in 74 MB of install; this module does it with
``array`` buffers and `simsimd <https://github.com/ashvardanian/SimSIMD>`_ (Apache-2.0, ~2 MB, wheels for
Linux, macOS and Windows on x86 and Arm) for the products and the pooling, the parts where plain Python is
too slow (relevance compares an answer's words with the bank's 1,492: 86 ms in Python, ~3 ms here;
bench/README.md, "The analysers without numpy"). Everything else is plain Python over lists of floats.

``Matrix`` holds float32 rows (the embeddings, as numpy held them) or float64 rows (the classifiers'
weights, trained in float64). Products come back as lists of Python floats.
"""

from __future__ import annotations

import ast
import io
import math
import operator
import sys
import zipfile
from array import array
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import Final, Literal

import simsimd

__all__ = [
    "Matrix",
    "NpyArray",
    "argmax",
    "best_match",
    "dot",
    "dot_rows",
    "linear",
    "packed_maxima",
    "packed_row",
    "product_rows",
    "read_npz",
    "sigmoid",
    "top_two_match",
    "top_two_mean",
    "unit",
]

# The same numbers on every x86 machine: simsimd picks its kernels by processor, and the AVX-512 ones sum a product
# in another order than the AVX2 one, so the last bits of a cosine (and now and then a rounded confidence, or a
# decision at a threshold) differed between machines. The shipped weights, their feature digests and the golden
# outputs are made with the AVX2 kernel, which every x86 processor of the last decade has; Arm keeps its own.
_WIDER_THAN_AVX2: Final = ("skylake", "ice", "genoa", "sapphire", "turin", "sierra")
for _capability in _WIDER_THAN_AVX2:
    if simsimd.get_capabilities().get(_capability):
        simsimd.disable_capability(_capability)

Typecode = Literal["f", "d"]
_FORMATS: Final[dict[str, Literal["float32", "float64"]]] = {"f": "float32", "d": "float64"}


class Matrix:
    """A read-only row-major matrix in one ``array`` buffer: ``rows`` × ``dims`` numbers."""

    __slots__ = ("data", "dims", "rows", "typecode")

    def __init__(self, data: array[float], rows: int, dims: int) -> None:
        if len(data) != rows * dims:
            raise ValueError(f"{len(data)} numbers do not make {rows} rows of {dims}")
        if data.typecode not in _FORMATS:
            raise ValueError(f"an array of {data.typecode!r}, not float32 or float64")
        self.typecode: Typecode = "f" if data.typecode == "f" else "d"
        self.data = data
        self.rows = rows
        self.dims = dims

    @classmethod
    def from_rows(cls, rows: Iterable[Sequence[float]], dims: int, typecode: Typecode = "f") -> Matrix:
        data: array[float] = array(typecode)
        count = 0
        for row in rows:
            if len(row) != dims:
                raise ValueError(f"a row of {len(row)} numbers in a matrix of {dims}")
            data.extend(row)
            count += 1
        return cls(data, count, dims)

    @classmethod
    def zeros(cls, rows: int, dims: int, typecode: Typecode = "f") -> Matrix:
        return cls(array(typecode, bytes(rows * dims * array(typecode).itemsize)), rows, dims)

    def __len__(self) -> int:
        return self.rows

    def row(self, index: int) -> list[float]:
        if not -self.rows <= index < self.rows:
            raise IndexError(f"row {index} of {self.rows}")
        start = (index % self.rows) * self.dims
        return self.data[start : start + self.dims].tolist()

    def tolist(self) -> list[list[float]]:
        values, dims = self.data.tolist(), self.dims
        return [values[start : start + dims] for start in range(0, len(values), dims)]

    def take(self, indices: Iterable[int]) -> Matrix:
        """The rows at ``indices``, in that order."""
        data: array[float] = array(self.typecode)
        count = 0
        for index in indices:
            start = index * self.dims
            data.extend(self.data[start : start + self.dims])
            count += 1
        return Matrix(data, count, self.dims)

    def view(self) -> memoryview[float]:
        """A two-dimensional buffer view, as simsimd reads it (only for a matrix with rows)."""
        return memoryview(self.data).cast("B").cast(self.typecode, [self.rows, self.dims])

    def as_type(self, typecode: Typecode) -> Matrix:
        if typecode == self.typecode:
            return self
        return Matrix(array(typecode, self.data), self.rows, self.dims)


def dot(left: Matrix, right: Matrix) -> list[list[float]]:
    """``left @ right.T``: one row per row of ``left``, one number per row of ``right``."""
    if left.dims != right.dims:
        raise ValueError(f"rows of {left.dims} and {right.dims} numbers")
    if not left.rows or not right.rows or not left.dims:
        return [[0.0] * right.rows for _ in range(left.rows)]
    result: list[list[float]] = memoryview(_products(left, right)).tolist()  # type: ignore[arg-type,assignment]
    return result


def _products(left: Matrix, right: Matrix) -> object:
    """simsimd's ``left @ right.T`` (its own buffer type), in the wider of the two number types."""
    if left.dims != right.dims:
        raise ValueError(f"rows of {left.dims} and {right.dims} numbers")
    if left.typecode != right.typecode:
        left, right = left.as_type("d"), right.as_type("d")
    # simsimd's stubs name only byte views, but it reads any typed buffer by its format.
    return simsimd.cdist(
        left.view(),  # type: ignore[arg-type]
        right.view(),  # type: ignore[arg-type]
        metric="dot",
        out_dtype=_FORMATS[left.typecode],
    )


def _flat_products(left: Matrix, right: Matrix) -> memoryview[float]:
    """``left @ right.T`` as one flat row-major buffer. Reading it as an iterator costs less than half of
    making it a list first (the numbers are dropped as soon as they are compared)."""
    typecode = "d" if left.typecode != right.typecode else left.typecode
    return memoryview(_products(left, right)).cast("B").cast(typecode)  # type: ignore[arg-type]


def best_match(left: Matrix, right: Matrix) -> list[float]:
    """For each row of ``left``, its largest product with any row of ``right`` (``(left @ right.T).max(1)``)."""
    if not left.rows:
        return []
    if not right.rows:
        raise ValueError("no rows to match against")
    flat = _flat_products(left, right)
    return list(map(max, zip(*[iter(flat)] * right.rows, strict=True)))


def product_rows(left: Matrix, right: Matrix) -> list[array[float]]:
    """``left @ right.T`` as one float32 array per row of ``left`` (the numbers ``best_match`` compares, for
    callers that keep rows to reuse)."""
    if not left.rows:
        return []
    if left.typecode != "f" or right.typecode != "f":
        raise ValueError("float32 matrices only")
    raw = memoryview(_products(left, right)).cast("B")  # type: ignore[arg-type]
    width = 4 * right.rows
    rows: list[array[float]] = []
    for start in range(0, len(raw), width):
        row: array[float] = array("f")
        row.frombytes(raw[start : start + width])
        rows.append(row)
    return rows


# Column maxima of many float32 rows at C speed, exactly (the same numbers ``map(max, *rows)`` gives): each row is
# packed into one integer, a 32-bit field per number holding a key that orders as the number does, and two rows'
# fields are compared all at once with integer arithmetic (a guard bit per field keeps fields apart). About three
# times faster than ``map(max, *rows)`` for relevance's ~100 answer words by 1,492 vocabulary words.
_KEY_BASE: Final = 0x40000000  # keys: base + magnitude bits for a positive number, base - magnitude for a negative
_FIELD: Final = 0xFFFFFFFF


@lru_cache(maxsize=8)
def _field_masks(count: int) -> tuple[int, int, int, int]:
    """For ``count`` fields: each field's bit 31 (sign / guard), bit 30, its low 30 bits, and the key base."""

    def each(value: int) -> int:
        return int.from_bytes(value.to_bytes(4, "little") * count, "little")

    return each(0x80000000), each(0x40000000), each(0x3FFFFFFF), each(_KEY_BASE)


def packed_row(row: array[float]) -> int | None:
    """A float32 row as ordered keys in one integer (for :func:`packed_maxima`), or ``None`` when a number is 0,
    not finite, or at least 2 in size (where the keys would not fit, or ``max`` keeps -0.0 against 0.0)."""
    if row.typecode != "f":
        raise ValueError("float32 rows only")
    data = row if sys.byteorder == "little" else array("f", row)
    if sys.byteorder != "little":
        data.byteswap()
    bits = int.from_bytes(data.tobytes(), "little")
    sign, bit30, low30, base = _field_masks(len(row))
    magnitude = bits & (bit30 | low30)
    # Every magnitude under 2**30 (|x| < 2, finite) and above 0: then low30 + magnitude sets bit 30 in every field.
    if magnitude & bit30 or (magnitude + low30) & bit30 != bit30:
        return None
    negative = (bits & sign) >> 31
    # base + magnitude, less twice the magnitude where negative: no field borrows from the next.
    return base + magnitude - 2 * (magnitude & (negative * 0x3FFFFFFF))


def packed_maxima(rows: Sequence[int], count: int) -> list[float]:
    """The column maxima of rows made by :func:`packed_row` (``count`` numbers each), as Python floats."""
    sign, bit30, _, base = _field_masks(count)
    best = rows[0]
    for other in rows[1:]:
        # Per field, the guard bit of (best + 2**31) - other is set where best >= other.
        keep = ((((best | sign) - other) & sign) >> 31) * _FIELD
        best = other ^ ((best ^ other) & keep)
    positive = (best & bit30) >> 30
    positive_mask = positive * _FIELD
    negative_mask = (positive ^ (sign >> 31)) * _FIELD
    magnitude = ((best ^ bit30) & positive_mask) | ((base & negative_mask) - (best & negative_mask))
    bits = magnitude | (negative_mask & sign)
    numbers: array[float] = array("f")
    numbers.frombytes(bits.to_bytes(4 * count, "little"))
    if sys.byteorder != "little":
        numbers.byteswap()
    return numbers.tolist()


def top_two_match(left: Matrix, right: Matrix) -> list[float]:
    """For each row of ``left``, the mean of its two largest products with the rows of ``right`` (the one
    product when ``right`` has one row)."""
    if not left.rows:
        return []
    if not right.rows:
        raise ValueError("no rows to match against")
    flat = _flat_products(left, right)
    if right.rows == 1:
        return [float(value) for value in flat]
    # Each row sorted (a handful of sentences: faster than a heap), without a Python call per row.
    return [(ordered[-1] + ordered[-2]) / 2 for ordered in map(sorted, zip(*[iter(flat)] * right.rows, strict=True))]


def dot_rows(matrix: Matrix, vector: Sequence[float]) -> list[float]:
    """``matrix @ vector``: one number per row."""
    if not matrix.rows or not matrix.dims:
        return [0.0] * matrix.rows
    # The vector's products with the rows, read flat (a dot product is the same either way round).
    result: list[float] = _flat_products(Matrix.from_rows([vector], matrix.dims, matrix.typecode), matrix).tolist()  # type: ignore[assignment]
    return result


def linear(inputs: Matrix, weights: Matrix, bias: Sequence[float]) -> list[list[float]]:
    """A dense layer's logits, ``inputs @ weights.T + bias`` (weights: one row per output)."""
    return [[value + b for value, b in zip(row, bias, strict=True)] for row in dot(inputs, weights)]


def sigmoid(value: float) -> float:
    """``1 / (1 + exp(-value))`` as numpy computes it, without the overflow below -709."""
    return 1.0 / (1.0 + math.exp(-value)) if value > -700.0 else 0.0


def unit(values: Sequence[float]) -> list[float]:
    """``values`` scaled to length one (all zeros stay zeros)."""
    norm = math.sqrt(math.fsum(map(operator.mul, values, values)))
    return [value / norm for value in values] if norm > 0 else [0.0] * len(values)


def argmax(values: Sequence[float]) -> int:
    """The first index of the largest value, as numpy's ``argmax``."""
    return max(range(len(values)), key=values.__getitem__)


def top_two_mean(values: Sequence[float]) -> float:
    """The mean of the two largest values (the one value when there is one; 0 for none)."""
    if not values:
        return 0.0
    if len(values) == 1:
        return float(values[0])
    first = second = -math.inf
    for value in values:
        if value > first:
            first, second = value, first
        elif value > second:
            second = value
    return (first + second) / 2


class NpyArray:
    """One array of a ``.npy`` file, flat: its shape, and its numbers (float32/float64) or strings."""

    __slots__ = ("numbers", "shape", "strings")

    def __init__(self, shape: tuple[int, ...], numbers: array[float] | None, strings: list[str] | None) -> None:
        self.shape = shape
        self.numbers = numbers
        self.strings = strings

    def floats(self) -> list[float]:
        if self.numbers is None:
            raise ValueError("an array of strings, not numbers")
        return self.numbers.tolist()

    def matrix(self) -> Matrix:
        """A 2-D array of numbers as a float64 matrix."""
        if self.numbers is None or len(self.shape) != 2:
            raise ValueError(f"not a matrix of numbers: shape {self.shape}")
        return Matrix(array("d", self.numbers), self.shape[0], self.shape[1])


_NPY_NUMBERS: Final = {"<f4": "f", "<f8": "d"}


def read_npy(data: bytes) -> NpyArray:
    """Parse numpy's ``.npy`` format (version 1-3, little-endian float32/float64 or unicode, C order)."""
    if data[:6] != b"\x93NUMPY":
        raise ValueError("not a .npy array")
    if data[6] == 1:
        length, start = int.from_bytes(data[8:10], "little"), 10
    else:
        length, start = int.from_bytes(data[8:12], "little"), 12
    header = ast.literal_eval(data[start : start + length].decode("latin-1"))
    descr, shape = header["descr"], tuple(int(n) for n in header["shape"])
    if header["fortran_order"]:
        raise ValueError("a Fortran-order array")
    body = data[start + length :]
    count = math.prod(shape)
    if descr in _NPY_NUMBERS:
        numbers: array[float] = array(_NPY_NUMBERS[descr])
        numbers.frombytes(body[: count * numbers.itemsize])
        return NpyArray(shape, numbers, None)
    if descr.startswith("<U"):
        width = int(descr[2:]) * 4  # UTF-32 code units, padded with NULs
        strings = [body[i * width : (i + 1) * width].decode("utf-32-le").rstrip("\x00") for i in range(count)]
        return NpyArray(shape, None, strings)
    raise ValueError(f"an array of {descr}, not float32, float64 or text")


def read_npz(data: bytes) -> dict[str, NpyArray]:
    """The arrays of an uncompressed or deflated ``.npz`` file (what ``numpy.savez`` writes), by name."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {
            name.removesuffix(".npy"): read_npy(archive.read(name))
            for name in archive.namelist()
            if name.endswith(".npy")
        }
