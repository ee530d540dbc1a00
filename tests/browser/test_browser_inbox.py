"""A rejection pasted into the Inbox, from the keyboard on a phone: the Accept form's questions pass axe, and the
notice leads on to the application it added."""

from __future__ import annotations

import re
from typing import Any

from tests.browser.conftest import Server, open_driver

REJECTION = """From: Hannah Okafor <hannah.okafor@harbourline.example>
Sent: Thursday, 3 December 2026 16:12
Subject: Your application - Customer Success Manager

Dear Sam,

Thank you for taking the time to meet with Priya and me. After careful consideration we have decided to move
forward with another candidate whose experience more closely matches what we need.

Kind regards,
Hannah Okafor
Talent Acquisition Partner | Harbourline Keys
"""


def test_a_pasted_rejection_is_accepted_at_the_stage_reached_by_keyboard_on_a_phone(
    browser: Any, server: Server
) -> None:
    with open_driver(browser, server, {"width": 390, "height": 844}) as driver:
        page = driver.page
        driver.go("/inbox")
        page.get_by_label("The email").fill(REJECTION)
        page.locator("#paste-button").click()
        page.wait_for_url(re.compile(r"/inbox\?read=1"))
        item = page.locator(".inbox-item", has_text="Customer Success Manager")
        assert driver.axe_violations() == []
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
        item.get_by_label("Role").fill("Senior Customer Success Manager")
        stage = item.get_by_label("How far did you get before this no?")
        stage.focus()
        page.keyboard.press("ArrowDown")  # a screening call
        page.keyboard.press("ArrowDown")  # a test
        page.keyboard.press("ArrowDown")  # an interview
        assert stage.input_value() == "interview"
        page.keyboard.press("Tab")  # to Accept
        page.keyboard.press("Enter")
        page.wait_for_url(re.compile(r"notice=accepted"))
        page.locator("#inbox-notice").get_by_role("link", name=re.compile("Senior Customer Success Manager")).click()
        page.wait_for_url(re.compile(r"/applications/\d+$"))
        assert "Rejected at the interview stage on 3 Dec 2026" in page.locator("main").inner_text()
        assert driver.axe_violations() == []
        assert driver.problems == []
