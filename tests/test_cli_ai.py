"""`nextround ai ...`: status, enable (asks once, --yes for scripts), disable, test."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest

from tests.chat_server import MODEL_NAME, FakeChat, Step
from tests.conftest import ok


@pytest.fixture
def chat(chat: FakeChat, monkeypatch: pytest.MonkeyPatch, cli_env: dict[str, str]) -> FakeChat:
    """The chat server, named in the environment the commands read."""
    for key, value in chat.env(NEXTROUND_AI_RETRIES="0").items():
        monkeypatch.setenv(key, value)
    return chat


def test_status_without_set_up_says_how(cli: Callable[..., Any]) -> None:
    result = ok(cli("ai", "status"))
    assert "AI coach: off, not set up." in result.output
    assert "NEXTROUND_AI_BASE_URL" in result.output and "11434/v1" in result.output
    data = json.loads(ok(cli("ai", "status", "--json")).output)
    assert data["state"] == "not_configured" and data["enabled"] is False


def test_enable_shows_what_goes_where_and_asks_once(cli: Callable[..., Any], chat: FakeChat) -> None:
    refused = cli("ai", "enable", input="n\n")
    assert refused.exit_code == 1
    assert f"sends text to {chat.base_url}, a server on this computer" in refused.output
    assert "stays off" in refused.output
    assert json.loads(cli("ai", "status", "--json").output)["enabled"] is False
    agreed = ok(cli("ai", "enable", input="y\n"))
    assert "Turn the AI coach on?" in agreed.output and "AI coach on" in agreed.output
    status = ok(cli("ai", "status")).output
    assert "AI coach: on." in status and f"Model: {MODEL_NAME}" in status and "Key: none" in status
    assert chat.requests == []  # agreeing sends nothing


def test_yes_agrees_without_asking_and_disable_turns_it_off(cli: Callable[..., Any], chat: FakeChat) -> None:
    result = ok(cli("ai", "enable", "--yes"))
    assert "Turn the AI coach on?" not in result.output
    ok(cli("ai", "disable"))
    off = cli("ai", "test")
    assert off.exit_code == 1
    assert "error: the AI coach is set up but not turned on (nextround ai enable)" in off.output


def test_test_reports_the_model_and_failures_in_one_line(cli: Callable[..., Any], chat: FakeChat) -> None:
    ok(cli("ai", "enable", "--yes"))
    assert f"The model {MODEL_NAME} answered in" in ok(cli("ai", "test")).output
    chat.queue(Step(status=503))
    failed = cli("ai", "test")
    assert failed.exit_code == 1
    assert failed.output.strip() == f"error: the AI endpoint {chat.base_url} failed (HTTP 503)"


# -- --ai on the analysis commands, practice and the mock interview ---------------------------------------

QUESTION = "Tell me about a time you fixed a slow process."


def test_analyze_answer_ai_json_adds_a_grounded_critique(cli: Callable[..., Any], chat: FakeChat) -> None:
    from tests.ai_helpers import ANSWER, good_critique

    ok(cli("ai", "enable", "--yes"))
    chat.queue(good_critique(rewrite="I was asked to cut a 5-day wait."))
    data = json.loads(ok(cli("analyze", "answer", "--question", QUESTION, "--ai", input=ANSWER)).output)
    assert data["score"] > 0 and data["star"]["result"] is True  # the offline analysis is all there
    ai = data["ai"]
    assert ai["label"] == "AI" and ai["model"] == MODEL_NAME and "note" not in ai
    assert ai["follow_up_question"] == "How did the team react to the new triage script?"
    assert ai["quotes"] == ["I wrote a script to triage tickets", "I was asked to fix it."]
    assert ai["critique"]["rewrite"] is None and "adds numbers your answer does not state (5)" in ai["dropped"][0]


def test_analyze_answer_ai_says_why_the_offline_result_stands_alone(cli: Callable[..., Any], chat: FakeChat) -> None:
    from tests.ai_helpers import ANSWER

    data = json.loads(ok(cli("analyze", "answer", "--question", QUESTION, "--ai", input=ANSWER)).output)
    assert data["ai"] == {
        "note": "no AI result, so the offline result stands alone: the AI coach is set up but not turned on"
    }
    assert "score" in data and chat.requests == []
    ok(cli("ai", "enable", "--yes"))
    chat.queue("{broken", "still broken")
    data = json.loads(ok(cli("analyze", "answer", "--question", QUESTION, "--ai", input=ANSWER)).output)
    assert "even after one repair request" in data["ai"]["note"]
    batch = cli("analyze", "answer", "--batch", "--ai", input='{"question": "q", "answer": "a"}\n')
    assert batch.exit_code == 1 and "one answer at a time" in batch.output


def test_analyze_feedback_and_match_with_ai(cli: Callable[..., Any], chat: FakeChat, tmp_path: Any) -> None:
    from tests.ai_helpers import reply

    ok(cli("ai", "enable", "--yes"))
    feedback = "Your answers were unstructured. Communication was good."
    chat.queue(
        reply(
            opinions=[{"subject": "communication", "verdict": "agree", "comment": "Structure.",
                       "quote": "answers were unstructured"}],
            summary="Structure first.",
        )
    )  # fmt: skip
    data = json.loads(ok(cli("analyze", "feedback", "--ai", input=feedback)).output)
    assert data["themes"] and data["ai"]["opinions"][0]["quote"] == "answers were unstructured"
    jd, cv = tmp_path / "job.txt", tmp_path / "cv.txt"
    jd.write_text("You will need 3+ years of experience with laminated doughs and HACCP.\n")
    cv.write_text("Pastry cook with four years in hotel kitchens. Food hygiene level 2.\n")
    chat.queue(
        reply(
            opinions=[{"subject": "HACCP", "verdict": "disagree", "comment": "Hygiene level 2 covers part.",
                       "quote": "Food hygiene level 2"}],
            summary="One real gap.",
        )
    )  # fmt: skip
    text = ok(cli("analyze", "match", "--jd-file", str(jd), "--cv-file", str(cv), "--ai")).output
    assert "Match:" in text and "AI second opinion (model tiny-test-model" in text
    assert "disagree: HACCP — Hygiene level 2 covers part." in text


def test_ai_questions_for_an_application(cli: Callable[..., Any], chat: FakeChat) -> None:
    from tests.ai_helpers import reply

    ok(cli("ai", "enable", "--yes"))
    ok(cli("app", "add", "--company", "Crumb & Co", "--role", "Pastry Chef", "--jd", "Lead a small team of bakers."))
    chat.queue(
        reply(questions=[{"question": "How do you lead a small team of bakers?", "category": "role",
                          "why": "Named.", "quote": "lead a small team"}])
    )  # fmt: skip
    out = ok(cli("ai", "questions", "1", "--count", "2")).output
    assert "custom:1  How do you lead a small team of bakers?" in out
    assert "How do you lead a small team of bakers?" in ok(cli("questions", "list")).output


def test_mock_interview_in_the_terminal(cli: Callable[..., Any], chat: FakeChat) -> None:
    from tests.ai_helpers import interviewer

    chat.respond = interviewer
    ok(cli("ai", "enable", "--yes"))
    ok(cli("app", "add", "--company", "Crumb & Co", "--role", "Pastry Chef", "--jd", "Keep cost control."))
    answers = "I planned the prep list for the weekend. Waste fell.\n\nI would track waste daily.\n\n"
    out = ok(cli("ai", "interview", "1", "--questions", "1", input=answers)).output
    assert "Interviewer: Question 1: tell me about a time you kept cost control" in out
    assert "Offline analysis: score" in out and "AI critique (model tiny-test-model" in out
    assert "Interviewer (AI): What would you do differently next time?" in out
    assert "Debrief (AI, model tiny-test-model)" in out and "Strengths: Concrete planning." in out


def test_practice_ai_adds_the_critique_and_its_follow_up(cli: Callable[..., Any], chat: FakeChat) -> None:
    from tests.ai_helpers import ANSWER, good_critique

    off = ok(cli("practice", "--count", "1", "--seed", "1", "--ai", input="quit\n")).output
    assert "AI: the AI coach is set up but not turned on; practising with the offline coach only." in off
    ok(cli("ai", "enable", "--yes"))
    chat.queue(good_critique())
    out = ok(cli("practice", "--count", "1", "--seed", "1", "--ai", input=f"{ANSWER}\n\nskip\n")).output
    assert "AI critique (model tiny-test-model" in out
    assert "Follow-up (AI): How did the team react to the new triage script?" in out


def test_a_spoken_interview_without_portaudio_says_so_in_one_line(
    cli: Callable[..., Any], chat: FakeChat, monkeypatch: pytest.MonkeyPatch, voice_clips: dict[str, Any]
) -> None:
    from tests.test_cli_voice import _without

    ok(cli("app", "add", "--company", "Crumb & Co", "--role", "Pastry Chef", "--jd", "Keep cost control."))
    _without(monkeypatch, "sounddevice", OSError("PortAudio library not found"))
    result = cli("ai", "interview", "1", "--voice", input="\n")
    assert result.exit_code == 1
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: recording from a microphone needs the PortAudio library")
    assert chat.requests == []  # refused before the interview starts
