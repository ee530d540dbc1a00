"""Contacts, companies and today's agenda in a real browser, with axe-core on each page."""

from __future__ import annotations

import re

from tests.browser.conftest import PageDriver


def _add_contact(driver: PageDriver, name: str) -> str:
    page = driver.page
    driver.go("/contacts")
    page.locator("#f-name").fill(name)
    page.locator("#f-kind").select_option("recruiter")
    page.locator("#f-company").fill("Talent Bridge")
    page.locator("#f-cadence_days").fill("1")
    page.get_by_role("button", name="Add contact").click()
    page.wait_for_url(re.compile(r"/contacts/\d+\?notice=added"))
    found = re.search(r"/contacts/(\d+)", page.url)
    assert found
    return found.group(1)


def test_add_a_contact_log_an_interaction_and_see_the_agenda(driver: PageDriver) -> None:
    page = driver.page
    driver.go("/contacts")
    page.locator("#f-name").fill("Nobody")
    page.locator("#f-email").fill("not an email")
    page.get_by_role("button", name="Add contact").click()
    assert "does not look like an email address" in page.locator("#f-email-error").inner_text()
    driver.problems.clear()  # the browser logs the 422 of that answer

    contact_id = _add_contact(driver, "Robin <Fairweather>")
    assert page.locator("h1").inner_text().startswith("Robin <Fairweather>")
    page.locator("#f-channel").select_option("call")
    page.locator("#f-note").fill("Talked about support roles in Leeds.")
    page.get_by_role("button", name="Log it").click()
    page.wait_for_url(re.compile(r"notice=logged"))
    assert "Talked about support roles in Leeds." in page.locator("#interactions").inner_text()
    assert page.locator("#cadence").inner_text() == "every day"
    driver.screenshot("contact")

    driver.go("/")
    agenda = page.locator("#dashboard-agenda")  # loaded by HTMX right after the page when not cached
    agenda.locator(".agenda-item").first.wait_for()
    assert agenda.get_by_role("link", name=re.compile("Today page")).count() == 1
    assert page.locator("#streak").is_visible()
    driver.screenshot("dashboard-agenda")

    driver.go("/today")
    item = page.locator(".agenda-item", has_text="Get in touch with Robin <Fairweather>")
    assert item.count() == 1
    item.get_by_role("link", name=re.compile("Draft the message")).click()
    page.wait_for_url(re.compile(r"draft="))
    assert "Robin" in page.locator("#draft-body").input_value()
    driver.screenshot("today-draft")
    # Once sent, one click logs it with the contact (so the next touch counts from it).
    # It is done in place (HTMX): the draft gives way to a line saying so, and the item leaves the agenda.
    page.locator("#draft").get_by_role("button", name=re.compile("Mark it sent")).click()
    page.locator("#draft[role=status]", has_text="Logged with Robin").wait_for()
    driver.go(f"/contacts/{contact_id}")
    assert "caught up" in page.locator("#interactions").inner_text()
    assert driver.problems == []
    assert contact_id


def test_companies_page_validates_the_board(driver: PageDriver) -> None:
    page = driver.page
    driver.go("/companies")
    assert "never goes online by itself" in page.locator("#check-hint").inner_text()
    page.locator("#f-company").fill("Fernhill")
    page.locator("#f-board").fill("monster:fernhill")
    page.get_by_role("button", name="Add to the watch list").click()
    assert "unknown job board" in page.locator("#f-board-error").inner_text().lower()
    driver.problems.clear()  # the browser logs the 422 of that answer
    page.locator("#f-board").fill("")
    page.get_by_role("button", name="Add to the watch list").click()
    page.wait_for_url(re.compile(r"notice=watch"))
    assert "Fernhill" in page.locator("#watches").inner_text()
    driver.screenshot("companies")
    assert driver.problems == []


def test_network_pages_have_no_serious_accessibility_violations(driver: PageDriver) -> None:
    contact_id = _add_contact(driver, "Axe Checker")
    driver.page.locator("#f-note").fill("Coffee chat.")
    driver.page.get_by_role("button", name="Log it").click()
    driver.page.wait_for_url(re.compile(r"notice=logged"))
    pages = {
        "contacts": "/contacts",
        "contact-page": f"/contacts/{contact_id}",
        "companies": "/companies",
        "today": "/today",
    }
    found = {}
    for name, path in pages.items():
        driver.go(path)
        violations = driver.axe_violations()
        if violations:
            found[name] = violations
        driver.screenshot(f"page-{name}")
    # The pages in their error states, too.
    driver.go("/contacts")
    driver.page.get_by_role("button", name="Add contact").click()
    driver.page.locator("#f-name-error").wait_for()
    driver.problems.clear()  # the browser logs the 422 of that answer
    if violations := driver.axe_violations():
        found["contacts-error"] = violations
    assert found == {}
    assert driver.problems == []


def test_a_note_drafted_on_today_copies_with_a_button(driver: PageDriver) -> None:
    page = driver.page
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=driver.base)
    driver.go("/today")
    page.get_by_role("link", name=re.compile("^Draft the message")).first.click()
    page.wait_for_url(re.compile(r"/today\?draft="))
    draft = page.locator("#draft")
    body = draft.locator("#draft-body").input_value()
    # The read-only box could only be selected by hand; a feedback draft had a Copy button, this did not.
    copy = draft.get_by_role("button", name="Copy the message")
    assert copy.is_visible()  # revealed by JavaScript under the strict CSP
    copy.click()
    draft.get_by_text("Copied.").wait_for()
    assert page.evaluate("navigator.clipboard.readText()") == body
    draft.get_by_role("button", name="Copy the subject").click()
    assert page.evaluate("navigator.clipboard.readText()") == draft.locator("#draft-subject").input_value()
    assert driver.axe_violations() == []
    assert driver.problems == []
