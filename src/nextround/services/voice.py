"""Answering by voice: a recording is transcribed on this computer, its delivery measured from the words'
timestamps, and the transcript analysed like a typed answer. In practice the answer is stored with its delivery
measures; the recording itself only when the user chose to keep recordings (the `voice.keep_audio` setting).
"""

from __future__ import annotations

import io
import secrets
from dataclasses import dataclass, replace
from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from nextround.analysis.delivery import Delivery, measure_delivery, target_seconds
from nextround.domain.questions import Question
from nextround.integrations.speech import (
    MAX_AUDIO_BYTES,
    AudioError,
    VoiceStatus,
    audio_suffix,
    load_transcriber,
    voice_status,
)
from nextround.serialize import json_object
from nextround.services.answer_results import AttemptComparison
from nextround.services.deletion import UNDO_SECONDS
from nextround.services.recordings import RECORDINGS_FOLDER, sweep
from nextround.services.workspace import Workspace
from nextround.storage.practice import SpokenMeasures

if TYPE_CHECKING:
    from nextround.analysis.answer.model import AnswerAnalysis


@dataclass(frozen=True, slots=True)
class SpokenAnswer:
    """A transcribed answer: what was said, how it was delivered, and the analysis of its words."""

    transcript: str
    delivery: Delivery
    analysis: AnswerAnalysis  # the words' analysis, as for a typed answer


@dataclass(frozen=True, slots=True)
class StoredSpokenAnswer:
    """A spoken practice answer once stored: the answer, the comparison with the previous attempt, where it went."""

    spoken: SpokenAnswer
    session_id: int
    comparison: AttemptComparison | None
    audio_kept: bool


def status() -> VoiceStatus:
    """Whether answering by voice works on this computer."""
    return voice_status()


def _delivery(audio: Path | BinaryIO, question: str) -> Delivery:
    """Transcribe the recording and measure its delivery against the time an answer to `question` takes."""
    from nextround.analysis.answer import classify_question
    from nextround.analysis.answer.lexicon import lexicon

    transcript = load_transcriber().transcribe(audio)
    if not transcript.words:
        raise AudioError("no speech was heard in the recording", field="audio")
    low, high = lexicon().length_targets[classify_question(question)]
    return measure_delivery(
        transcript.words, transcript.seconds, silences=transcript.silences, target=target_seconds(low, high)
    )


def analyze_recording(question: str, audio: Path | BinaryIO, jd: str | None = None) -> SpokenAnswer:
    """Transcribe a recording and analyse it as the answer to `question` (nothing is stored)."""
    from nextround.analysis.answer import analyze_answer

    delivery = _delivery(audio, question)
    return SpokenAnswer(delivery.transcript, delivery, analyze_answer(question, delivery.transcript, jd=jd))


def measures_of(delivery: Delivery) -> SpokenMeasures:
    return SpokenMeasures(
        spoken_seconds=delivery.speaking_seconds,
        words_per_minute=delivery.words_per_minute,
        long_pauses=delivery.long_pauses,
        longest_pause_seconds=delivery.longest_pause_seconds,
        fillers_per_100=delivery.fillers_per_100,
    )


def _keep(ws: Workspace, audio: bytes, suffix: str) -> str:
    """Write the recording under the data folder; returns its file name."""
    folder = ws.settings.home / RECORDINGS_FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    sweep(ws.settings.home, ws.now(), timedelta(seconds=UNDO_SECONDS))
    name = f"answer-{ws.now():%Y%m%d-%H%M%S}-{secrets.token_hex(4)}{suffix}"
    (folder / name).write_bytes(audio)
    return name


def record_spoken_answer(
    ws: Workspace,
    session_id: int | None,
    question: Question,
    audio: bytes,
    filename: str,
    app_id: int | None = None,
) -> StoredSpokenAnswer:
    """Transcribe, analyse and store a spoken practice answer (starting a session when there is none)."""
    from nextround.services import practice
    from nextround.services.preferences import load_preferences

    if not audio:
        raise AudioError("the recording is empty", field="audio")
    if len(audio) > MAX_AUDIO_BYTES:
        raise AudioError(f"the recording is larger than {MAX_AUDIO_BYTES // (1024 * 1024)} MB", field="audio")
    delivery = _delivery(io.BytesIO(audio), question.text)  # before anything is stored: it may be no audio
    if session_id is None:
        session_id = practice.start_session(ws, [], app_id=app_id)
    keep = load_preferences(ws).keep_audio
    audio_file = _keep(ws, audio, audio_suffix(filename) or ".webm") if keep else None
    try:
        analysis, comparison = practice.record_answer(
            ws,
            session_id,
            question,
            delivery.transcript,
            round(delivery.recording_seconds),
            spoken=replace(measures_of(delivery), audio_file=audio_file),
            delivery=json_object(delivery),
        )
    except BaseException:
        if audio_file is not None:
            (ws.settings.home / RECORDINGS_FOLDER / audio_file).unlink(missing_ok=True)
        raise
    return StoredSpokenAnswer(SpokenAnswer(delivery.transcript, delivery, analysis), session_id, comparison, keep)
