"""The main journey in a real browser, keyboard use of the board, practice, and axe-core on the main pages."""

from __future__ import annotations

import re
from pathlib import Path

from tests.browser.conftest import PageDriver

ANSWER = (
    "Um, at my last job our support queue had grown to 300 open tickets. I was asked to bring it under control "
    "within a month. I basically sorted the tickets by product, wrote five help articles for the most common "
    "questions and set up a daily triage with the two engineers. As a result the queue fell to 80 tickets "
    "and first replies came within four hours."
)


def bar(driver: PageDriver, chart: str, label: str) -> int:
    value = driver.page.get_attribute(f"#{chart} g[data-label='{label.capitalize()}']", "data-value")
    assert value is not None
    return int(value)


def test_add_move_to_final_reject_and_see_the_dashboard_change(driver: PageDriver) -> None:
    page = driver.page
    driver.go("/")
    before = bar(driver, "rejection-chart", "final")

    driver.go("/applications/new")
    page.get_by_label("Company").fill("Brightwell <Health>")
    page.get_by_label("Role (required)").fill("Support Engineer")
    page.get_by_label("Job description").fill("SQL, Zendesk and calm, clear writing.")
    page.get_by_role("button", name="Add application").click()
    page.wait_for_url(re.compile(r"/applications/\d+\?notice=added"))
    assert page.locator("h1").inner_text().startswith("Brightwell <Health>")
    driver.screenshot("application-new")

    page.get_by_label("Moved to stage").select_option("final")
    page.get_by_role("button", name="Move", exact=True).click()
    page.wait_for_url(re.compile(r"notice=moved"))
    assert page.locator("#app-status").inner_text() == "Final"

    page.get_by_label("Note for the close (optional)").fill("They chose someone with more SQL.")
    page.get_by_role("button", name="Rejected").click()
    page.wait_for_url(re.compile(r"notice=closed"))
    assert page.locator("#app-status").inner_text() == "Rejected"
    assert "at the final stage" in page.locator(".status-line").inner_text()
    timeline = page.locator("#timeline li").all_inner_texts()
    assert [t.split("\n")[0] for t in timeline][-1].endswith("Rejected")
    driver.screenshot("application")

    driver.go("/")
    assert bar(driver, "rejection-chart", "final") == before + 1
    driver.screenshot("dashboard")
    assert driver.problems == []


def test_the_board_moves_in_place_and_keeps_keyboard_focus(driver: PageDriver) -> None:
    page = driver.page
    driver.go("/applications")
    screening = page.locator("section.column[data-stage='screening'] li.card").first
    company = screening.locator(".card-title").inner_text()
    button = screening.get_by_role("button")
    button.focus()
    page.keyboard.press("Enter")
    assessment = page.locator("section.column[data-stage='assessment']")
    assessment.get_by_text(company).wait_for()
    assert page.url.endswith("/applications")  # updated in place by HTMX, no page load
    focused = page.evaluate("document.activeElement && document.activeElement.getAttribute('aria-label')")
    assert focused is not None and company in focused and "to Interview" in focused
    driver.screenshot("applications")
    assert driver.problems == []


def test_practise_a_question_and_see_the_analysis(driver: PageDriver) -> None:
    page = driver.page
    driver.go("/practice?category=behavioural")
    assert page.locator("[data-timer]").is_visible()  # JavaScript ran under the strict CSP
    page.get_by_role("button", name="Start", exact=True).click()
    page.get_by_label("Your answer").fill(ANSWER)
    page.get_by_role("button", name="Analyse my answer").click()
    page.locator("#score").wait_for()
    assert page.url.endswith("/practice?category=behavioural")  # swapped in place
    score = int(page.locator("#score").inner_text())
    assert 0 < score <= 100
    assert page.locator(".marked-answer mark.filler").first.inner_text().lower() in ("um", "basically")
    assert page.locator(".part-tag.part-result").count() >= 1
    assert page.locator("#suggestions li").count() >= 1
    # Focus follows the result once HTMX has settled the swap, a moment after the score is in the page.
    page.wait_for_function("document.activeElement && document.activeElement.id === 'analysis'", timeout=5_000)
    page.get_by_role("button", name="Stop", exact=True).click()
    assert re.fullmatch(r"\d+:\d\d", page.locator("#timer-value").inner_text())
    driver.screenshot("practice")
    assert driver.problems == []


MAIN_PAGES = {
    "dashboard": "/",
    "applications": "/applications",
    "application-page": "/applications/1",
    "application-form": "/applications/new",
    "practice": "/practice",
    "insights": "/insights",
    "transfer": "/transfer",
    "settings": "/settings",
}


def test_main_pages_have_no_serious_accessibility_violations(driver: PageDriver) -> None:
    found = {}
    for name, path in MAIN_PAGES.items():
        driver.go(path)
        if name == "practice":
            driver.page.get_by_label("Your answer").fill(ANSWER)
            driver.page.get_by_role("button", name="Analyse my answer").click()
            driver.page.locator("#score").wait_for()
        violations = driver.axe_violations()
        if violations:
            found[name] = violations
        driver.screenshot(f"page-{name}")
    assert found == {}
    assert driver.problems == []


def test_errors_show_friendly_pages_in_the_browser(driver: PageDriver) -> None:
    response = driver.page.goto(driver.base + "/applications/99999")
    assert response is not None and response.status == 404
    assert "This application does not exist — it may have been deleted." in driver.page.locator("main").inner_text()
    invalid = driver.page
    driver.go("/applications/new")
    invalid.get_by_label("Company").fill("Acme")
    invalid.get_by_role("button", name="Add application").click()
    invalid.locator("#f-role-error").wait_for()
    assert "Role is required" in invalid.locator("#f-role-error").inner_text()
    assert invalid.get_by_label("Company").input_value() == "Acme"


def test_import_a_linkedin_file_in_the_browser(driver: PageDriver, tmp_path: Path) -> None:
    export = tmp_path / "Job Applications.csv"
    export.write_text(
        "Application Date,Contact Email,Contact Phone Number,Company Name,Job Title,Job Url,Resume Name,"
        'Question And Answers\n"11/2/24, 9:15 AM",,,Fernhill Robotics,Support Engineer,'
        "https://www.linkedin.com/jobs/view/4100000001/,cv.pdf,\n",
        encoding="utf-8",
    )
    page = driver.page
    driver.go("/transfer")
    page.get_by_label("LinkedIn applications file (CSV)").set_input_files(str(export))
    page.locator("form[action='/transfer/linkedin'] button").click()
    page.locator("#import-report").wait_for()
    assert "Imported 1 application" in page.locator("#import-report").inner_text()
    driver.go("/applications?q=fernhill")
    assert page.locator("#table").get_by_role("link", name="Fernhill Robotics").is_visible()
    assert driver.problems == []
