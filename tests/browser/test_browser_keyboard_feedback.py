"""The feedback loop from the keyboard: a form that replaces its own section leaves focus on what it did."""

from __future__ import annotations

import re
from typing import Any

from tests.browser.conftest import PageDriver


def _focused(page: Any) -> str:
    return str(page.evaluate("(() => { const e = document.activeElement; return e ? (e.id || e.tagName) : ''; })()"))


def _settled_focus(page: Any) -> str:
    """Where focus is once HTMX has settled the swap (the page's CSP forbids wait_for_function's eval)."""
    for _ in range(30):
        if _focused(page) != "BODY":
            break
        page.wait_for_timeout(100)
    return _focused(page)


def test_drafting_and_recording_feedback_by_keyboard_keeps_focus_on_the_result(driver: PageDriver) -> None:
    page = driver.page
    driver.go("/applications/new")
    page.get_by_label("Company").fill("Crumb Keys")
    page.get_by_label("Role (required)").fill("Pastry Chef")
    page.get_by_role("button", name="Add application").click()
    page.wait_for_url(re.compile(r"/applications/\d+\?notice=added"))
    page.get_by_role("button", name="Rejected").click()
    page.wait_for_url(re.compile(r"notice=closed"))
    page.locator("#feedback-section").get_by_role("heading", name="Feedback requests").wait_for()
    assert _focused(page) == "BODY"  # a part that loads by itself never pulls focus down the page

    page.locator("#fb-draft-button").focus()
    page.keyboard.press("Enter")
    page.get_by_role("button", name="Mark sent").wait_for()
    assert _settled_focus(page) == "fb-notice"  # not <body>: the next Tab goes on from the draft, not the page's top
    assert "Request drafted" in page.locator("#fb-notice").inner_text()
    page.keyboard.press("Tab")
    assert page.evaluate("document.getElementById('feedback-section').contains(document.activeElement)")

    page.get_by_label("What they said").focus()
    page.keyboard.type("Lovely bakes, but we needed someone with laminated-dough experience.")
    page.locator("#fb-record-button").focus()
    page.keyboard.press("Enter")
    page.locator("#fb-notice", has_text="Feedback recorded").wait_for()
    assert _settled_focus(page) == "fb-notice"
    assert driver.axe_violations() == []
    assert driver.problems == []
