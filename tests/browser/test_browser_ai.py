"""The AI coach in a real browser: agree on the Settings page, then a mock interview for a demo application,
the model being the local chat-completions test server; the page labels what the AI said."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.ai_helpers import make_interviewer
from tests.browser.conftest import PageDriver, demo_server
from tests.chat_server import MODEL_NAME, FakeChat


def test_agree_then_a_mock_interview_with_the_ai_interviewer(
    browser: Any, chat: FakeChat, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from playwright.sync_api import expect

    chat.respond = make_interviewer(
        question="Tell me about a time you calmed an upset customer while the fix was still unknown.",
        follow_up="How did you know the customer was satisfied in the end?",
        rewrite="On a Monday morning, a hospital with [N] clinics lost access to the booking system we support.",
        strength=("Ownership of the customer.", "I called the customer back"),
        one_change="Say what you were responsible for before what you did: the task is missing.",
    )
    for key, value in chat.env().items():
        monkeypatch.setenv(key, value)
    with demo_server(tmp_path / "home") as server:
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        context.set_default_timeout(15_000)
        page = context.new_page()
        driver = PageDriver(page=page, base=server.url, problems=[])
        page.on("pageerror", lambda error: driver.problems.append(str(error)))
        try:
            driver.go("/settings#ai-title")
            expect(page.locator("#ai-consent")).to_contain_text("a server on this computer")
            page.get_by_role("button", name="I agree: turn the AI coach on").click()
            expect(page.locator("#ai-settings")).to_contain_text(f"Model {MODEL_NAME}")
            assert chat.requests == []  # agreeing sends nothing

            driver.go("/practice/interview")
            page.get_by_label("Main questions").fill("1")
            page.get_by_role("button", name="Start the interview").click()
            expect(page.locator(".turn-interviewer").first).to_contain_text("Question 1:")
            page.get_by_label("Your answer to:").fill(
                "A hospital lost access to its booking system on a Monday morning. I called the customer back "
                "every half hour, um, and told them what we had ruled out. I found the expired certificate with "
                "our on-call engineer. The system was back by noon and they renewed their contract."
            )
            page.get_by_role("button", name="Answer", exact=True).click()
            expect(page.locator(".turn-candidate .ai-label").first).to_be_visible()
            expect(page.locator(".turn-interviewer").nth(1)).to_contain_text("How did you know the customer")
            page.get_by_label("Your answer to:").fill(
                "Their IT lead wrote to thank the team, and we added a certificate check to our monitoring."
            )
            page.get_by_role("button", name="Answer", exact=True).click()
            expect(page.locator("#debrief-title")).to_contain_text("Debrief")
            expect(page.locator("#current")).to_contain_text("Ownership of the customer.")
            assert driver.axe_violations() == []
            assert driver.problems == []
            driver.screenshot("ai-interview")
        finally:
            context.close()
