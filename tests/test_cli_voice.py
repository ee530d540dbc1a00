"""`analyze answer --audio` and `practice --voice`, with the voice extra and without it."""

from __future__ import annotations

import importlib.abc
import json
import re
import sys
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from nextround.cli.main import app
from tests.voice_support import PAUSE_SECONDS

QUESTION = "Tell me about a time you improved a process."


def run(tmp_path: Path, *args: str, input: str | None = None) -> Any:
    """The command in-process, on a throwaway data folder (these commands read no stored data)."""
    env = {"NEXTROUND_HOME": str(tmp_path), "NEXTROUND_DATABASE_URL": f"sqlite:///{tmp_path / 'nextround.db'}"}
    return CliRunner().invoke(app, list(args), input=input, env=env, catch_exceptions=False)


def test_analyze_answer_from_a_recording(
    tmp_path: Path, offline_transcriber: Any, voice_clips: dict[str, Path]
) -> None:
    result = run(tmp_path, "analyze", "answer", "--question", QUESTION, "--audio", str(voice_clips["paused"]))
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert "support team" in data["transcript"].lower()
    assert data["fillers"]["found"].get("um") and data["fillers"]["found"].get("uh")
    delivery = data["delivery"]
    assert delivery["long_pauses"] == 1
    assert delivery["longest_pause_seconds"] == pytest.approx(PAUSE_SECONDS, abs=0.3)
    assert delivery["pace"] in ("slow", "ok", "fast")
    assert delivery["target"]["verdict"] == "short"  # two sentences for a behavioural question
    assert data["question_type"] == "behavioural" and isinstance(data["score"], int)


def test_analyze_answer_refuses_what_is_not_audio(tmp_path: Path, voice_clips: dict[str, Path]) -> None:
    notes = tmp_path / "answer.mp3"
    notes.write_text("not audio")
    result = run(tmp_path, "analyze", "answer", "--question", QUESTION, "--audio", str(notes))
    assert result.exit_code == 1
    assert result.output.strip().splitlines() == [
        "error: could not read the recording as audio (wav, mp3, m4a, webm, ogg) (--audio)"
    ]
    result = run(tmp_path, "analyze", "answer", "--audio", str(voice_clips["first"]))
    assert result.exit_code == 1
    assert "--question" in result.output


class _Refuse(importlib.abc.MetaPathFinder):
    """Makes importing one module fail the way a missing library does."""

    def __init__(self, name: str, error: Exception) -> None:
        self.name, self.error = name, error

    def find_spec(self, fullname: str, path: Any, target: Any = None) -> None:
        if fullname == self.name or fullname.startswith(self.name + "."):
            raise self.error


def _without(monkeypatch: pytest.MonkeyPatch, name: str, error: Exception) -> None:
    for loaded in [m for m in sys.modules if m == name or m.startswith(name + ".")]:
        monkeypatch.delitem(sys.modules, loaded)
    monkeypatch.setattr(sys, "meta_path", [_Refuse(name, error), *sys.meta_path])


def test_without_the_extra_both_commands_say_how_to_add_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _without(monkeypatch, "faster_whisper", ImportError("No module named 'faster_whisper'"))
    clip = tmp_path / "answer.wav"
    clip.write_bytes(b"RIFF")
    expected = (
        "error: answering by voice needs the voice extra, which is not installed; "
        "add it with: pip install 'nextround[voice]'"
    )
    for args in (
        ("analyze", "answer", "--question", QUESTION, "--audio", str(clip)),
        ("practice", "--voice", "--count", "1"),
    ):
        result = run(tmp_path, *args)
        assert result.exit_code == 1, args
        assert result.output.strip().splitlines() == [expected], args


def test_practice_voice_without_portaudio_says_so_in_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, voice_clips: dict[str, Path]
) -> None:
    _without(monkeypatch, "sounddevice", OSError("PortAudio library not found"))
    result = run(tmp_path, "practice", "--voice", "--count", "1", input="\n")
    assert result.exit_code == 1
    lines = result.output.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("error: recording from a microphone needs the PortAudio library")
    assert "Practice session" not in result.output  # refused before a session starts


class _ClipMicrophone:
    """Stands in for `sounddevice` (no sound card here): its input stream hands the callback a spoken clip."""

    PortAudioError = OSError

    def __init__(self, clip: Path) -> None:
        import wave

        with wave.open(str(clip), "rb") as recording:
            assert (recording.getframerate(), recording.getnchannels(), recording.getsampwidth()) == (16_000, 1, 2)
            self.frames = recording.readframes(recording.getnframes())

    def RawInputStream(self, *, samplerate: int, channels: int, dtype: str, callback: Any) -> Any:
        assert (samplerate, channels, dtype) == (16_000, 1, "int16")
        frames = self.frames
        chunk = 2 * 1600  # 0.1 s of 16-bit samples, as PortAudio delivers them

        class Stream:
            def __enter__(self) -> Stream:
                for start in range(0, len(frames), chunk):
                    callback(frames[start : start + chunk], chunk // 2, None, None)
                return self

            def __exit__(self, *exc: object) -> None:
                return None

        return Stream()


def test_practice_voice_records_transcribes_and_stores_the_answer(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, offline_transcriber: Any, voice_clips: dict[str, Path]
) -> None:
    monkeypatch.setitem(sys.modules, "sounddevice", _ClipMicrophone(voice_clips["paused"]))
    result = run(tmp_path, "practice", "--voice", "--count", "1", "--seed", "1", input="\n\n")
    assert result.exit_code == 0, result.output
    out = result.output
    assert "Recording…" in out and "Transcript:" in out and "support team" in out.lower()
    assert re.search(r"Long pauses: 1 pause \((\d\.\d) s at 0:0\d\)", out)
    assert "Fillers:" in out and "um" in out.lower()
    assert "1 answer" in out
    stored = json.loads(run(tmp_path, "progress", "--json").stdout)["spoken"]
    assert len(stored) == 1 and stored[0]["long_pauses"] == 1
