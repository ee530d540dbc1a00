"""Spoken answers for the voice tests and the bench: Debian's espeak-ng says known text, sox trims its silences
and inserts pauses of a known length. The voice extra, espeak-ng and sox are required in CI
(NEXTROUND_REQUIRE_VOICE=1): missing there, the tests fail; elsewhere they are skipped with the reason.
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

RATE = 16_000
CLEAN_TEXT = (
    "I joined the support team when the backlog was growing every week. "
    "I sorted the tickets by urgency and wrote short replies for the common questions. "
    "Our release was late twice, so I asked each engineer what blocked them. "
    "We moved testing earlier and the next three releases shipped on time. "
    "A customer was angry about a missing order. "
    "I listened, found the parcel in the warehouse, and drove it to her myself that evening."
)
FILLER_BEFORE_PAUSE = "Um, I joined the support team last spring. Uh, the backlog was growing."
FILLER_AFTER_PAUSE = "So I sorted the tickets by urgency."
PAUSE_SECONDS = 3.0


def required() -> bool:
    return os.environ.get("NEXTROUND_REQUIRE_VOICE", "") == "1"


def missing_parts() -> list[str]:
    from nextround.integrations.speech import voice_status

    missing = [tool for tool in ("espeak-ng", "sox") if shutil.which(tool) is None]
    status = voice_status()
    if not status.available:
        missing.append(status.reason)
    return missing


def need_voice() -> None:
    """Fail in CI, skip elsewhere, when a part the voice tests need is missing."""
    missing = missing_parts()
    if not missing:
        return
    message = f"voice tests need: {'; '.join(missing)}"
    if required():
        pytest.fail(message + " (NEXTROUND_REQUIRE_VOICE=1)")
    pytest.skip(message)


def _run(*args: str) -> None:
    subprocess.run(args, check=True, capture_output=True)


def say(text: str, path: Path, words_per_minute: int = 150) -> Path:
    """`text` spoken by espeak-ng, 16 kHz mono, with the leading and trailing silence trimmed."""
    raw = path.with_suffix(".raw.wav")
    _run("espeak-ng", "-v", "en-us", "-s", str(words_per_minute), "-w", str(raw), text)
    _run(
        "sox", str(raw), "-r", str(RATE), "-c", "1", str(path),
        "silence", "1", "0.05", "0.5%", "reverse", "silence", "1", "0.05", "0.5%", "reverse",
    )  # fmt: skip
    raw.unlink()
    return path


def with_pause(first: Path, second: Path, seconds: float, path: Path) -> Path:
    """`first`, then `seconds` of silence, then `second`."""
    padded = path.with_suffix(".pad.wav")
    _run("sox", str(first), str(padded), "pad", "0", str(seconds))
    _run("sox", str(padded), str(second), str(path))
    padded.unlink()
    return path


def seconds_of(path: Path) -> float:
    return float(subprocess.run(["soxi", "-D", str(path)], check=True, capture_output=True, text=True).stdout)


def word_error_rate(reference: str, hypothesis: str) -> float:
    """Word-level edit distance over the reference's length (case and punctuation ignored)."""

    def tokens(text: str) -> list[str]:
        return re.findall(r"[a-z0-9']+", text.lower())

    ref, hyp = tokens(reference), tokens(hypothesis)
    previous = list(range(len(hyp) + 1))
    for i, ref_word in enumerate(ref, start=1):
        current = [i]
        for j, hyp_word in enumerate(hyp, start=1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ref_word != hyp_word)))
        previous = current
    return previous[-1] / max(1, len(ref))


def make_clips(folder: Path) -> dict[str, Path]:
    """The clean clip and the clip with fillers and a pause of PAUSE_SECONDS between two sentences."""
    folder.mkdir(parents=True, exist_ok=True)
    clean = say(CLEAN_TEXT, folder / "clean.wav")
    first = say(FILLER_BEFORE_PAUSE, folder / "first.wav")
    second = say(FILLER_AFTER_PAUSE, folder / "second.wav")
    paused = with_pause(first, second, PAUSE_SECONDS, folder / "fillers-pause.wav")
    return {"clean": clean, "first": first, "paused": paused}


@contextmanager
def no_network() -> Iterator[list[str]]:
    """Refuse every socket connection and name lookup; yields the list of attempts made meanwhile."""
    attempts: list[str] = []

    def refuse(name: str) -> Callable[..., Any]:
        def refused(*args: Any, **_kwargs: Any) -> Any:
            attempts.append(f"{name}{args[1:] if name.startswith('socket.') else args}")
            raise OSError(f"network blocked by the test: {name}")

        return refused

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(socket.socket, "connect", refuse("socket.connect"))
        patch.setattr(socket.socket, "connect_ex", refuse("socket.connect_ex"))
        patch.setattr(socket, "getaddrinfo", refuse("getaddrinfo"))
        patch.setattr(socket, "create_connection", refuse("create_connection"))
        yield attempts
