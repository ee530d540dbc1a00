"""Feedback in a real browser: reject an application, draft a request, record feedback, see its themes; insights."""

from __future__ import annotations

import re

from tests.browser.conftest import PageDriver

FEEDBACK = (
    "Thanks for coming in. Your SQL skills were not strong enough for the reporting side of the role. "
    "We liked your energy and your ticket triage."
)


def test_reject_draft_a_request_record_feedback_and_see_its_themes(driver: PageDriver) -> None:
    page = driver.page
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=driver.base)
    driver.go("/applications/new")
    page.get_by_label("Company").fill("Fernway <Systems>")
    page.get_by_label("Role (required)").fill("Support Analyst")
    page.get_by_role("button", name="Add application").click()
    page.wait_for_url(re.compile(r"/applications/\d+\?notice=added"))
    page.get_by_label("Moved to stage").select_option("interview")
    page.get_by_role("button", name="Move", exact=True).click()
    page.wait_for_url(re.compile(r"notice=moved"))
    page.get_by_role("button", name="Rejected").click()
    page.wait_for_url(re.compile(r"notice=closed"))
    app_url = page.url.split("?")[0]

    section = page.locator("#feedback-section")
    section.get_by_role("heading", name="Feedback requests").wait_for()  # loaded by HTMX
    page.get_by_label("Tone").select_option("brief")
    page.get_by_label("Email (optional)").fill("hiring@fernway.example")
    page.get_by_role("button", name="Draft request").click()
    page.locator("#fb-draft-body").wait_for()
    assert page.url.startswith(app_url)  # swapped in place
    body = page.locator("#fb-draft-body").input_value()
    assert "Thank you" in body and "interview" in body
    copy = page.get_by_role("button", name="Copy")
    assert copy.is_visible()  # revealed by JavaScript under the strict CSP
    copy.click()
    page.get_by_text("Copied.").wait_for()
    assert page.evaluate("navigator.clipboard.readText()") == body
    assert (
        page.get_by_role("link", name="Open in mail app")
        .get_attribute("href", timeout=2000)
        .startswith("mailto:hiring@fernway.example?")
    )
    page.get_by_role("button", name="Mark sent").click()
    page.get_by_role("button", name="Mark replied").wait_for()

    page.get_by_label("What they said").fill(FEEDBACK)
    page.get_by_label("Who said it").select_option("employer")
    page.get_by_role("button", name="Record feedback").click()
    item = page.locator(".fb-item").first
    item.wait_for()
    chips = item.locator(".fb-chip").all_inner_texts()
    # "your energy and your ticket triage" is praise; which theme it names (motivation or skills) is the model's call.
    assert "technical skills" in chips and any(chip.startswith("Strength: ") for chip in chips)
    assert "SQL skills were not strong enough" in item.locator("mark.fb-issue").first.inner_text()
    assert page.locator(".fb-request .fb-status").first.inner_text() == "Replied"  # the reply answered it

    page.locator("#reflection input[type=radio][value='2']").first.check()
    page.get_by_role("button", name="Save reflection").click()
    page.get_by_role("button", name="Update reflection").wait_for()
    driver.screenshot("application-feedback")
    assert driver.axe_violations() == []

    driver.go("/insights")
    assert page.locator("#themes-table tr[data-theme='technical_skills']").count() == 1
    assert driver.problems == []


def test_insights_and_feedback_pages_have_no_serious_accessibility_violations(driver: PageDriver) -> None:
    page = driver.page
    driver.go("/insights")
    page.get_by_role("heading", name="Themes in your feedback").wait_for()
    found = {"insights": driver.axe_violations()}
    driver.screenshot("insights")
    driver.go("/applications/1")
    page.locator("#fb-requests-title").wait_for()
    found["application"] = driver.axe_violations()
    driver.go("/applications/1/feedback")
    found["feedback-page"] = driver.axe_violations()
    driver.screenshot("feedback-page")
    assert found == {"insights": [], "application": [], "feedback-page": []}
    assert driver.problems == []
