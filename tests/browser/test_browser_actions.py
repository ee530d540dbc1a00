"""Delete with a confirmation and undo it, by clicking only (the application made here is gone at the end)."""

from __future__ import annotations

import re

from tests.browser.conftest import PageDriver


def test_delete_an_application_then_undo_it(driver: PageDriver) -> None:
    page = driver.page
    driver.go("/applications/new")
    page.get_by_label("Company").fill("Undo Bakery")
    page.get_by_label("Role").fill("Night Baker")
    page.get_by_role("button", name="Add application").click()
    page.wait_for_url(re.compile(r"/applications/\d+\?notice=added"))
    app_url = page.url.split("?")[0]

    page.locator("#delete-link").click()
    page.wait_for_url(re.compile(r"/delete/application/\d+"))
    assert "Delete Night Baker at Undo Bakery?" in page.locator("h1").inner_text()
    assert page.get_by_role("link", name=re.compile("download everything")).get_attribute("href") == "/export.json"
    page.locator("#delete-button").click()
    page.wait_for_url(re.compile(r"/applications\?undo="))
    assert "Deleted Night Baker at Undo Bakery." in page.locator("#undo-banner").inner_text()
    driver.screenshot("deleted-with-undo")

    page.locator("#undo-button").click()
    page.wait_for_url(app_url)
    assert "Undo Bakery" in page.locator("h1").inner_text()

    page.locator("#delete-link").click()  # and gone for good, leaving the shared demo as it was
    page.locator("#delete-button").click()
    page.wait_for_url(re.compile(r"/applications\?undo="))
    assert driver.problems == []
