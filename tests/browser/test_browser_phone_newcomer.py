"""A first-time user on a phone (390 x 844): what she taps is big enough, and what she pastes has room.

One browser context and three pages; the wider width checks are in test_browser_widths.py."""

from __future__ import annotations

from typing import Any

from tests.browser.conftest import Server, open_driver

PHONE = {"width": 390, "height": 844}


def test_on_a_phone_the_board_ratings_and_cv_box_fit_a_finger_and_a_paste(browser: Any, server: Server) -> None:
    with open_driver(browser, server, PHONE) as driver:
        page = driver.page
        driver.go("/applications")
        lefts = page.evaluate(
            "[...document.querySelectorAll('.board .column')].map(c => c.getBoundingClientRect().left)"
        )
        assert len(lefts) > 1 and len(set(lefts)) == 1, lefts  # one column, not two half-width ones

        driver.go("/applications/1/feedback")
        sizes = page.evaluate(
            "[...document.querySelectorAll('.fb-ratings label')].map(l => l.getBoundingClientRect())"
            ".map(b => [b.width, b.height])"
        )
        assert sizes and all(w >= 44 and h >= 44 for w, h in sizes), sizes[:5]

        driver.go("/insights")
        page.evaluate("document.getElementById('cv-form').closest('details').open = true")
        form, box = (page.locator(s).bounding_box() for s in ("#cv-form", "#cv-text"))
        assert form and box and box["width"] >= 0.9 * form["width"], (form, box)
        assert not driver.problems, driver.problems
