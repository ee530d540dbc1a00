"""Answering out loud on the practice page: upload, transcript timeline, stored measures, the keep-audio setting,
the history charts, and the page without the voice extra."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from nextround.domain.questions import load_bank
from nextround.services.practice import progress
from nextround.services.preferences import load_preferences
from nextround.storage.practice import PracticeAnswerRepository, PracticeSessionRepository
from tests.test_cli_voice import _without
from tests.voice_support import PAUSE_SECONDS, required
from tests.web_support import Web, command_line_in

QUESTION = next(q for q in load_bank() if q.category == "behavioural")


def _upload(web: Web, clip: Path, **fields: str) -> Any:
    return web.client.post(
        "/practice/voice",
        data={"csrf_token": web.token, "question_id": QUESTION.id, **fields},
        files={"audio": ("answer.wav", clip.read_bytes(), "audio/wav")},
    )


def test_a_spoken_answer_is_transcribed_marked_and_stored_without_its_audio(
    web: Web, cli: Any, offline_transcriber: Any, voice_clips: dict[str, Path]
) -> None:
    page = web.client.get(f"/practice?question={QUESTION.id}").text
    assert 'id="record-button"' in page
    assert "Your recording is not kept" in page

    response = _upload(web, voice_clips["paused"])
    assert response.status_code == 200, response.text
    html = response.text
    assert 'id="delivery"' in html and "Saved to your practice history" in html
    assert re.search(r'<mark class="filler"[^>]*>Um,?</mark>', html)
    assert re.search(r'<mark class="filler"[^>]*>Uh,?</mark>', html)
    pause = re.search(r'<span class="pause-mark"[^>]*>pause (\d+\.\d) s</span>', html)
    assert pause and float(pause.group(1)) == pytest.approx(PAUSE_SECONDS, abs=0.3)
    assert re.search(r"growing\.?</span> <span class=\"pause-mark\"", html)  # marked where it fell
    assert "The recording was not kept." in html
    assert 'id="session-id" name="session_id" value="1" hx-swap-oob="true"' in html

    ws = web.app.state.web.workspace()
    with ws.db.read() as session:
        [stored] = PracticeAnswerRepository(session, ws.owner_id).all()
    assert stored.spoken is not None and stored.spoken.audio_file is None
    assert stored.spoken.long_pauses == 1
    assert stored.spoken.longest_pause_seconds == pytest.approx(PAUSE_SECONDS, abs=0.3)
    assert stored.spoken.fillers_per_100 > 0 and stored.spoken.words_per_minute
    assert "support team" in stored.answer.lower()
    assert stored.analysis["delivery"]["long_pauses"] == 1
    assert not (ws.settings.home / "recordings").exists()

    history = web.client.get("/practice/history").text
    assert 'id="pace-chart"' in history and 'id="fillers-chart"' in history
    assert f"{round(stored.spoken.words_per_minute)} words a minute" in history
    [point] = progress(ws).spoken
    assert point.words_per_minute == stored.spoken.words_per_minute and point.long_pauses == 1
    assert f"Spoken answers: 1; pace {stored.spoken.words_per_minute:g}" in cli("progress").stdout


def test_keeping_recordings_is_a_setting_the_page_states(
    web: Web, offline_transcriber: Any, voice_clips: dict[str, Path]
) -> None:
    settings_page = web.client.get("/settings").text
    assert 'id="voice-title"' in settings_page and 'id="keep-audio"' in settings_page
    saved = web.post_form("/settings/voice", {"voice.keep_audio": "on"})
    assert saved.status_code == 303
    ws = web.app.state.web.workspace()
    assert load_preferences(ws).keep_audio is True
    assert "Your recording is kept with the answer" in web.client.get(f"/practice?question={QUESTION.id}").text

    response = web.api(
        "POST",
        "/api/v1/practice/spoken-answers",
        data={"question_id": QUESTION.id},
        files={"audio": ("answer.wav", voice_clips["first"].read_bytes(), "audio/wav")},
    )
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["audio_kept"] is True and "support team" in body["transcript"].lower()
    assert body["delivery"]["fillers"] and body["analysis"]["score"] >= 0
    with ws.db.read() as session:
        [stored] = PracticeAnswerRepository(session, ws.owner_id).all()
    kept = ws.settings.home / "recordings" / str(stored.spoken.audio_file)
    assert kept.read_bytes() == voice_clips["first"].read_bytes()

    web.post_form("/settings/voice", {})
    assert load_preferences(ws).keep_audio is False


def test_what_is_not_a_recording_is_refused_in_one_line_and_nothing_is_stored(web: Web) -> None:
    response = web.client.post(
        "/practice/voice",
        data={"csrf_token": web.token, "question_id": QUESTION.id},
        files={"audio": ("answer.webm", b"not audio at all", "audio/webm")},
    )
    if "voice extra" in response.text:
        if required():
            pytest.fail("the voice extra is not installed (NEXTROUND_REQUIRE_VOICE=1)")
        pytest.skip("the voice extra is not installed")
    assert response.status_code == 422
    assert "could not read the recording as audio" in response.text
    ws = web.app.state.web.workspace()
    with ws.db.read() as session:
        assert PracticeAnswerRepository(session, ws.owner_id).all() == []
        assert PracticeSessionRepository(session, ws.owner_id).count() == 0  # no empty session either


def test_without_the_extra_the_page_says_how_to_add_it(web: Web, monkeypatch: pytest.MonkeyPatch) -> None:
    _without(monkeypatch, "faster_whisper", ImportError("No module named 'faster_whisper'"))
    page = web.client.get(f"/practice?question={QUESTION.id}").text
    assert 'id="record-button"' not in page
    missing = re.search(r'<p class="muted" id="voice-missing">([^<]+)</p>', page)
    assert missing and "whoever installed nextround can add it" in missing.group(1)
    assert command_line_in(page) is None
    response = web.client.post(
        "/practice/voice",
        data={"csrf_token": web.token, "question_id": QUESTION.id},
        files={"audio": ("answer.webm", b"x", "audio/webm")},
    )
    assert response.status_code == 422
    assert "voice extra, which is not installed on this computer" in response.text
