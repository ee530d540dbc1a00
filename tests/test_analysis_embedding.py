"""The packaged embedding model: loads offline and puts meaning near meaning."""

from __future__ import annotations

import subprocess
import sys

from nextround.analysis.embedding import DIMENSIONS, load_model


def test_related_phrases_are_closer_than_unrelated_ones() -> None:
    model = load_model()
    sims = model.similarity(["croissants and puff pastry"], ["pastry chef", "a sales pipeline"])
    assert sims.shape == (1, 2)
    assert sims[0, 0] > sims[0, 1] + 0.3


def test_vectors_are_unit_length_and_empty_text_is_zero() -> None:
    vectors = load_model().encode(["HACCP", ""])
    assert vectors.shape == (2, DIMENSIONS)
    assert abs(float((vectors[0] ** 2).sum()) - 1.0) < 1e-4
    assert float(abs(vectors[1]).sum()) == 0.0


def test_the_model_loads_with_the_network_blocked() -> None:
    code = (
        "import socket\n"
        "def refuse(*a, **k):\n    raise OSError('network blocked by the test')\n"
        "socket.socket.connect = refuse\nsocket.create_connection = refuse\nsocket.getaddrinfo = refuse\n"
        "from nextround.analysis.embedding import load_model\n"
        "print(round(load_model().similarity_one('chef', 'cook'), 3))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert float(result.stdout.strip()) > 0.2
