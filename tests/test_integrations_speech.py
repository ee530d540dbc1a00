"""Offline transcription of real recordings (espeak-ng speaks known text; sox inserts a known pause).

One model is loaded per test session (the `offline_transcriber` fixture, loaded with the network refused).
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from nextround.analysis.delivery import measure_delivery
from nextround.integrations.speech import SAMPLE_RATE, AudioError, decode, silent_spans
from tests.voice_support import CLEAN_TEXT, PAUSE_SECONDS, need_voice, no_network, seconds_of, word_error_rate


def test_clean_speech_is_transcribed_offline_with_few_errors(
    offline_transcriber: Any, voice_clips: dict[str, Path]
) -> None:
    with no_network() as attempts:
        transcript = offline_transcriber.transcribe(voice_clips["clean"])
    assert attempts == []
    said = " ".join(word.text for word in transcript.words)
    assert word_error_rate(CLEAN_TEXT, said) <= 0.25, said
    assert transcript.seconds == pytest.approx(seconds_of(voice_clips["clean"]), abs=0.05)
    starts = [word.start for word in transcript.words]
    assert starts == sorted(starts)
    assert transcript.words[-1].end <= transcript.seconds + 0.1


def test_fillers_are_kept_and_the_pause_is_found_where_it_was_put(
    offline_transcriber: Any, voice_clips: dict[str, Path]
) -> None:
    transcript = offline_transcriber.transcribe(voice_clips["paused"])
    delivery = measure_delivery(transcript.words, transcript.seconds, silences=transcript.silences)
    assert {filler.filler for filler in delivery.fillers} >= {"um", "uh"}, delivery.transcript
    assert delivery.long_pauses == 1, delivery.pauses
    pause = delivery.pauses[0]
    assert pause.seconds == pytest.approx(PAUSE_SECONDS, abs=0.3)
    # The silence was inserted right after the first clip.
    assert pause.start == pytest.approx(seconds_of(voice_clips["first"]), abs=0.3)
    assert delivery.words[pause.after_word].text.lower().startswith("growing")


def _encode(samples: np.ndarray, container: str, codec: str, rate: int) -> bytes:
    import av

    buffer = io.BytesIO()
    with av.open(buffer, "w", format=container) as out:
        stream = out.add_stream(codec, rate=rate)
        stream.layout = "mono"
        frame = av.AudioFrame.from_ndarray(
            (samples * 32767).astype(np.int16).reshape(1, -1), format="s16", layout="mono"
        )
        frame.sample_rate = SAMPLE_RATE
        resampler = av.AudioResampler(format=stream.format.name, layout="mono", rate=rate)
        for resampled in resampler.resample(frame):
            for packet in stream.encode(resampled):
                out.mux(packet)
        for packet in stream.encode(None):
            out.mux(packet)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("container", "codec", "rate"),
    [("mp3", "mp3", 16_000), ("ipod", "aac", 16_000), ("webm", "libopus", 48_000), ("ogg", "libopus", 48_000)],
    ids=["mp3", "m4a", "webm", "ogg"],
)
def test_every_accepted_format_decodes_to_the_same_length(
    voice_clips: dict[str, Path], container: str, codec: str, rate: int
) -> None:
    original = decode(voice_clips["first"])
    encoded = _encode(original, container, codec, rate)
    decoded = decode(io.BytesIO(encoded))
    assert len(decoded) / SAMPLE_RATE == pytest.approx(len(original) / SAMPLE_RATE, abs=0.15)


def test_a_file_that_is_not_audio_is_one_clear_error(tmp_path: Path) -> None:
    need_voice()
    not_audio = tmp_path / "notes.webm"
    not_audio.write_text("these are notes, not a recording\n")
    with pytest.raises(AudioError, match=r"could not read the recording as audio \(wav, mp3, m4a, webm, ogg\)"):
        decode(not_audio)


def test_silent_spans_are_measured_relative_to_the_loudest_part() -> None:
    rate = 1000
    tone = 0.5 * np.sin(np.linspace(0, 200 * np.pi, rate)).astype(np.float32)  # 1 s of sound
    hiss = np.full(2 * rate, 0.0005, dtype=np.float32)  # 2 s far below it
    samples = np.concatenate([tone, hiss, tone, hiss[:100]])  # and 0.1 s at the end, too short to count
    assert [(span.start, span.end) for span in silent_spans(samples, rate)] == [(1.0, 3.0)]
    assert silent_spans(np.zeros(5, dtype=np.float32), rate) == []
