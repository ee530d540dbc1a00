"""Column maxima from packed rows (``vectors.packed_row`` / ``packed_maxima``) are exactly ``map(max, *rows)``."""

from __future__ import annotations

import struct
from array import array

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nextround.analysis.answer import relevance
from nextround.analysis.vectors import best_match, packed_maxima, packed_row

# Nonzero float32 numbers under 2 in size, both signs, subnormals included: every number a row can pack.
_BELOW_TWO = struct.unpack("<f", struct.pack("<I", 0x3FFFFFFF))[0]
_PACKABLE = st.floats(min_value=-_BELOW_TWO, max_value=_BELOW_TWO, width=32).filter(bool)


def _bits(values: list[float]) -> list[bytes]:
    return [struct.pack("<d", value) for value in values]


@settings(max_examples=80, deadline=None)
@given(data=st.data(), width=st.integers(1, 40), count=st.integers(1, 12))
def test_packed_maxima_are_the_plain_maxima_to_the_last_bit(data: st.DataObject, width: int, count: int) -> None:
    rows = [array("f", data.draw(st.lists(_PACKABLE, min_size=width, max_size=width))) for _ in range(count)]
    packed = [packed_row(row) for row in rows]
    assert all(row is not None for row in packed)
    expected = list(map(max, *rows)) if count > 1 else list(rows[0])
    assert _bits(packed_maxima(packed, width)) == _bits(expected)  # type: ignore[arg-type]


@pytest.mark.parametrize("number", [0.0, -0.0, 2.0, -2.5, float("inf"), float("-inf"), float("nan")])
def test_a_row_with_a_number_the_keys_cannot_order_is_not_packed(number: float) -> None:
    assert packed_row(array("f", [0.25, number, -0.75])) is None
    assert packed_row(array("f", [0.25, _BELOW_TWO, -_BELOW_TWO])) is not None


def test_relevance_best_match_is_the_maximum_over_the_vocabulary_with_and_without_packed_rows() -> None:
    background = relevance._background()
    answer_words = ["oven", "deadline", "customers", "zzqx", "rota"]
    vectors = background.model.embed(answer_words)
    expected = best_match(background.vocabulary_vectors, vectors)
    assert _bits(background._best_match(answer_words, vectors)) == _bits(expected)
    # Once kept, and with one word kept as plain numbers (as a row with a 0 would be).
    kept = background._word_products
    assert isinstance(kept["rota"], int)
    kept["rota"] = array("f", packed_maxima([kept["rota"]], len(background.vocabulary)))  # type: ignore[list-item]
    assert _bits(background._best_match(answer_words, vectors)) == _bits(expected)
    one = vectors.take([4])
    assert _bits(background._best_match(["rota"], one)) == _bits(best_match(background.vocabulary_vectors, one))
