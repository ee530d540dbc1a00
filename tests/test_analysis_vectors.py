"""The analysers' vector arithmetic without numpy: the same numbers numpy gives, and numpy never loaded."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nextround.analysis.vectors import Matrix, argmax, dot, dot_rows, linear, read_npz, sigmoid, top_two_mean, unit

_FLOATS = st.floats(min_value=-4, max_value=4, allow_nan=False, width=32)


@settings(max_examples=60, deadline=None)
@given(
    shape=st.tuples(st.integers(1, 7), st.integers(1, 9), st.integers(1, 40)),
    data=st.data(),
    typecode=st.sampled_from(["f", "d"]),
)
def test_dot_is_numpys_matrix_product(shape: tuple[int, int, int], data: st.DataObject, typecode: str) -> None:
    rows, others, dims = shape
    left = data.draw(st.lists(st.lists(_FLOATS, min_size=dims, max_size=dims), min_size=rows, max_size=rows))
    right = data.draw(st.lists(st.lists(_FLOATS, min_size=dims, max_size=dims), min_size=others, max_size=others))
    code = "f" if typecode == "f" else "d"
    ours = dot(Matrix.from_rows(left, dims, code), Matrix.from_rows(right, dims, code))
    expected = np.asarray(left, np.float64) @ np.asarray(right, np.float64).T
    assert np.allclose(ours, expected, rtol=1e-5, atol=1e-4)
    assert np.allclose(dot_rows(Matrix.from_rows(left, dims, code), right[0]), expected[:, 0], rtol=1e-5, atol=1e-4)


def test_empty_products_and_mismatched_rows() -> None:
    empty, three = Matrix.from_rows([], 4), Matrix.from_rows([[1, 0, 0, 0]] * 3, 4)
    assert dot(empty, three) == []
    assert dot(three, empty) == [[], [], []]
    with pytest.raises(ValueError, match="rows of 4 and 2"):
        dot(three, Matrix.from_rows([[1, 2]], 2))
    with pytest.raises(ValueError, match="a row of 3 numbers"):
        Matrix.from_rows([[1, 2, 3]], 4)


def test_rows_take_and_mixed_precision() -> None:
    matrix = Matrix.from_rows([[1, 2], [3, 4], [5, 6]], 2)
    assert matrix.row(-1) == [5.0, 6.0]
    assert matrix.take([2, 0]).tolist() == [[5.0, 6.0], [1.0, 2.0]]
    weights = Matrix.from_rows([[0.5, -1.0]], 2, "d")
    assert linear(matrix, weights, [1.0]) == [[-0.5], [-1.5], [-2.5]]
    with pytest.raises(IndexError):
        matrix.row(3)


def test_small_helpers_agree_with_numpy() -> None:
    values = [0.2, -1.0, 0.7, 0.7, 0.1]
    assert argmax(values) == int(np.argmax(values)) == 2
    assert top_two_mean(values) == pytest.approx(0.7)
    assert top_two_mean([0.3]) == 0.3
    assert top_two_mean([]) == 0.0
    for x in (-800.0, -30.0, -1.5, 0.0, 2.5, 40.0):
        with np.errstate(over="ignore"):
            assert sigmoid(x) == float(1.0 / (1.0 + np.exp(-np.float64(x))))
    assert unit([3.0, 4.0]) == [0.6, 0.8]
    assert unit([0.0, 0.0]) == [0.0, 0.0]


def test_npz_reader_reads_what_numpy_writes() -> None:
    buffer = io.BytesIO()
    arrays = {
        "weights": np.arange(12, dtype=np.float32).reshape(3, 4) / 7,
        "bias": np.array([0.25, -1.5]),
        "labels": np.array(["reason", "praise", "neutral"]),
    }
    np.savez(buffer, **arrays)
    read = read_npz(buffer.getvalue())
    assert read["weights"].shape == (3, 4)
    assert read["weights"].matrix().tolist() == arrays["weights"].astype(np.float64).tolist()
    assert read["bias"].floats() == [0.25, -1.5]
    assert read["labels"].strings == ["reason", "praise", "neutral"]
    with pytest.raises(ValueError, match="not a matrix"):
        read["bias"].matrix()


# Each analysis runs in a fresh interpreter through the command line; numpy must not be imported on the way.
_NO_NUMPY = """
import sys
from nextround.cli.main import run
sys.argv = ["nextround", *sys.argv[1:]]
try:
    run()
except SystemExit as stop:
    if stop.code:
        raise
sys.stderr.write("numpy loaded: %s\\n" % ("numpy" in sys.modules))
"""


@pytest.mark.parametrize(
    ("args", "stdin"),
    [
        (["analyze", "feedback"], "Your answers were thorough, but we went with someone who knew our tills."),
        (
            ["analyze", "match", "--batch"],
            json.dumps({"jd": "Essential: HACCP level 2 and laminated dough.", "cv": "Made croissants daily."}),
        ),
        (
            ["analyze", "answer", "--question", "Tell me about a time you worked under pressure."],
            "When our oven failed on the busiest morning I moved the bakes to the deck oven and we delivered "
            "every order by six. The owner kept the rota I drew up that day.",
        ),
    ],
    ids=["feedback", "match", "answer"],
)
def test_analysers_run_without_numpy(args: list[str], stdin: str, tmp_path: Path) -> None:
    env = {**os.environ, "NEXTROUND_HOME": str(tmp_path), "NEXTROUND_DATABASE_URL": f"sqlite:///{tmp_path}/db.sqlite"}
    result = subprocess.run(
        [sys.executable, "-c", _NO_NUMPY, *args], input=stdin, capture_output=True, text=True, env=env, check=False
    )
    assert result.returncode == 0, result.stderr
    assert json.JSONDecoder().raw_decode(result.stdout)[0]
    assert "numpy loaded: False" in result.stderr


def test_products_use_the_avx2_kernel_on_every_x86_machine() -> None:
    """The shipped weights, feature digests and golden outputs are made with simsimd's AVX2 kernel: the AVX-512
    ones sum in another order, which moved a rounded confidence and a model digest between machines."""
    import simsimd

    import nextround.analysis.vectors  # noqa: F401  (the pin happens on import)

    capabilities = simsimd.get_capabilities()
    assert not any(capabilities.get(name) for name in ("skylake", "ice", "genoa", "sapphire", "turin", "sierra"))
