"""A new user's mistakes in a real browser: a refused in-place form says why where the user is looking."""

from __future__ import annotations

import re
from typing import Any

from tests.browser.conftest import PageDriver


def _rejected_application(driver: PageDriver, company: str) -> None:
    page = driver.page
    driver.go("/applications/new")
    page.get_by_label("Company").fill(company)
    page.get_by_label("Role (required)").fill("Pastry Chef")
    page.get_by_role("button", name="Add application").click()
    page.wait_for_url(re.compile(r"/applications/\d+\?notice=added"))
    page.get_by_role("button", name="Rejected").click()
    page.wait_for_url(re.compile(r"notice=closed"))
    page.locator("#feedback-section").get_by_role("heading", name="Feedback requests").wait_for()  # loaded by HTMX


def _in_view(page: Any, selector: str) -> bool:
    """Whether the element's top is inside the 1280 x 900 window, without scrolling."""
    top = page.evaluate(f"document.querySelector({selector!r}).getBoundingClientRect().top")
    return 0 <= float(top) <= 900


def test_a_refused_reflection_is_shown_at_the_question_with_the_answers_kept(driver: PageDriver) -> None:
    page = driver.page
    _rejected_application(driver, "Crumb Reflect")
    form = page.locator("form.fb-reflection")
    form.locator("input[type=radio][value='2']").first.check()
    form.locator("textarea").last.fill("Bring numbers to every answer.")  # words without a rating
    form.get_by_role("button", name="Save reflection").click()
    problem = page.locator("form.fb-reflection .error-text")
    problem.wait_for()
    assert "Choose a number from 1 to 5" in problem.inner_text()
    assert _in_view(page, "form.fb-reflection .error-text")
    kept = page.locator("form.fb-reflection")
    assert kept.locator("textarea").last.input_value() == "Bring numbers to every answer."
    assert kept.locator("input[type=radio][value='2']").first.is_checked()
    assert page.locator("#messages").inner_text().strip() == ""  # not sent to the top of a long page


def test_a_refused_in_place_button_says_why_beside_its_form(driver: PageDriver) -> None:
    page = driver.page
    _rejected_application(driver, "Crumb Status")
    page.get_by_role("button", name="Draft request").click()
    mark = page.get_by_role("button", name="Mark sent")
    mark.wait_for()
    # What a stale page sends after the request changed elsewhere: a status the server refuses.
    mark.evaluate("button => { button.form.querySelector('input[name=status]').value = 'drafted'; }")
    mark.scroll_into_view_if_needed()
    mark.click()
    box = page.locator(".request-problem [role=alert]")
    box.wait_for()
    assert "That did not work" in box.inner_text()
    assert _in_view(page, ".request-problem")
    assert page.locator("#messages").inner_text().strip() == ""


def test_a_refused_application_form_puts_focus_on_its_problems(driver: PageDriver) -> None:
    page = driver.page
    driver.go("/applications/new")
    page.get_by_label("Company").fill("Crumb Focus")
    page.get_by_label("Salary from").fill("30k")
    page.get_by_role("button", name="Add application").click()
    page.locator("#form-errors").wait_for()
    assert page.evaluate("document.activeElement.id") == "form-errors"  # a keyboard starts at the problems
    page.locator("#form-errors").get_by_role("link", name="Role is required.").click()
    assert page.evaluate("document.activeElement.id") == "f-role"
    assert page.get_by_label("Salary from").input_value() == "30k"


def test_an_error_page_leads_back_to_the_page_with_what_was_typed(driver: PageDriver) -> None:
    page = driver.page
    driver.go("/practice")
    page.get_by_text("Add your own question (one asked in a real interview)").click()
    page.locator("#q-text").fill("Why bakeries?")
    # A kind the server does not know (what a stale page can send) ends on an error page.
    page.locator("#q-category").evaluate(
        "select => { const o = new Option('zzz', 'zzz'); select.add(o); select.value = 'zzz'; }"
    )
    page.locator("form[action='/practice/questions'] button[type=submit]").click()
    page.get_by_role("heading", name="That did not work").wait_for()
    back = page.get_by_role("button", name="Back to the page you were on")
    assert back.is_visible()
    back.click()
    page.wait_for_url(re.compile(r"/practice$"))
    assert page.locator("#q-text").input_value() == "Why bakeries?"  # the browser kept what was typed
