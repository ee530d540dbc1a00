"""Date fields from the keyboard: one Tab stop each (the words box), the calendar beside it a click away."""

from __future__ import annotations

import re

from tests.browser.conftest import PageDriver

FOCUSED = "() => { const e = document.activeElement; return e ? (e.id || e.className || e.tagName) : ''; }"


def test_each_date_field_is_one_tab_stop_with_a_visible_ring(driver: PageDriver) -> None:
    page = driver.page
    driver.go("/applications/new")
    page.get_by_label("Company").fill("Tabwell")
    page.get_by_label("Role (required)").fill("Support Engineer")
    page.get_by_role("button", name="Add application").click()
    page.wait_for_url(re.compile(r"/applications/\d+\?notice=added"))

    words = page.locator(".date-inputs input[type='text']")
    pickers = page.locator("input.date-picker")
    assert words.count() == pickers.count() == 3  # move, close, interview
    for n in range(words.count()):
        box = words.nth(n)
        box.focus()
        page.keyboard.press("Tab")  # straight past the calendar, to the next field
        after = page.evaluate(FOCUSED)
        assert "date-picker" not in after, f"Tab from {box.get_attribute('id')} stopped on the calendar"
        page.keyboard.press("Shift+Tab")
        assert page.evaluate(FOCUSED) == box.get_attribute("id")
    # The calendar is still there for a pointer, and shows where focus is once it has it.
    for n in range(pickers.count()):
        picker = pickers.nth(n)
        assert picker.is_visible() or n == 2
        picker.focus()
        ring = page.evaluate(
            "() => { const s = getComputedStyle(document.activeElement); return [s.outlineStyle, s.outlineWidth]; }"
        )
        assert ring[0] != "none" and ring[1] != "0px", ring
    assert driver.axe_violations() == []
    assert driver.problems == []
