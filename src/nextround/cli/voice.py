"""Answering by voice in the terminal: the install hint, the microphone, and the delivery lines."""

from __future__ import annotations

import io
import sys
import threading
import wave
from typing import TYPE_CHECKING, Any

from nextround.errors import UserError

if TYPE_CHECKING:
    from rich.console import Console

    from nextround.analysis.delivery import Delivery

VOICE_INSTALL = "pip install 'nextround[voice]'"
MIC_RATE = 16_000
MAX_MIC_SECONDS = 10 * 60


class VoiceUnavailable(UserError, RuntimeError):
    """Answering by voice cannot work on this computer; the message says what to add."""


def require_voice() -> None:
    """One line on what to install when the voice extra is missing."""
    from nextround.services.voice import status

    found = status()
    if not found.available:
        raise VoiceUnavailable(f"{found.reason}; add it with: {VOICE_INSTALL}")


def require_microphone() -> Any:
    """The `sounddevice` module, or one line on what is missing (it needs the PortAudio library)."""
    require_voice()
    try:
        import sounddevice
    except ImportError:
        raise VoiceUnavailable(f"recording needs the sounddevice package; add it with: {VOICE_INSTALL}") from None
    except OSError:  # sounddevice is there, the PortAudio library it loads is not
        raise VoiceUnavailable(
            "recording from a microphone needs the PortAudio library (Debian and Ubuntu: libportaudio2), "
            "which is not installed; or record elsewhere and use: nextround analyze answer --audio FILE"
        ) from None
    return sounddevice


def record_answer(sounddevice: Any) -> bytes:
    """Record from the default microphone until Enter is pressed; the recording as WAV bytes."""
    chunks: list[bytes] = []
    lock = threading.Lock()

    def keep(data: Any, _frames: int, _time: Any, _status: Any) -> None:
        with lock:
            if len(chunks) * len(data) < MAX_MIC_SECONDS * MIC_RATE:
                chunks.append(bytes(data))

    try:
        with sounddevice.RawInputStream(samplerate=MIC_RATE, channels=1, dtype="int16", callback=keep):
            sys.stdin.readline()
    except sounddevice.PortAudioError as exc:
        raise VoiceUnavailable(f"the microphone could not be opened ({exc})") from None
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(MIC_RATE)
        with lock:
            out.writeframes(b"".join(chunks))
    return buffer.getvalue()


def _clock(seconds: float) -> str:
    whole = round(seconds)
    return f"{whole // 60}:{whole % 60:02d}"


def print_delivery(out: Console, delivery: Delivery) -> None:
    """The delivery measures in a few lines, under the transcript."""
    from nextround.cli.output import plural, safe

    low, high = delivery.pace_band
    pace = "-" if delivery.words_per_minute is None else f"{delivery.words_per_minute:g}"
    out.print(f"\n[bold]Transcript:[/bold] {safe(delivery.transcript)}")
    out.print(f"Pace: {pace} words a minute ({delivery.pace}; the usual band is {low}-{high})")
    if delivery.pauses:
        where = ", ".join(f"{pause.seconds:.1f} s at {_clock(pause.start)}" for pause in delivery.pauses)
        out.print(f"Long pauses: {plural(len(delivery.pauses), 'pause')} ({where})")
    else:
        out.print("Long pauses: none")
    fillers = ", ".join(safe(filler.filler) for filler in delivery.fillers) or "none"
    out.print(f"Fillers: {delivery.fillers_per_100:g} per 100 words ({fillers})")
    target = delivery.target
    if target is not None:
        out.print(
            f"Time: {_clock(delivery.speaking_seconds)} spoken; a good answer takes "
            f"{_clock(target.min_seconds)}-{_clock(target.max_seconds)} ({target.verdict})"
        )
