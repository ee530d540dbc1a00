"""Clear the whole demo agenda by clicking only, at desktop and phone widths, and check each click took effect.

Each width gets its own demo server (emptying the agenda of the shared one would change what other tests see).
Done-in-place buttons must replace their item with a "done" line without loading a page; the other next steps
(draft a message, apply to an opening) go through their page and come back. The effects are read back through
the JSON API.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path
from typing import Any

import httpx
import pytest
from playwright.sync_api import expect

from tests.browser.conftest import PageDriver, Server, demo_server, open_driver

WIDTHS = {"desktop": {"width": 1280, "height": 800}, "phone": {"width": 390, "height": 844}}
OPEN_ITEMS = "#agenda li.agenda-item:not(.agenda-done)"


class Journey:
    def __init__(self, driver: PageDriver, server: Server) -> None:
        self.driver = driver
        self.page = driver.page
        self.api = httpx.Client(base_url=server.url, timeout=10)
        self.done: Counter[str] = Counter()  # what was done, by the button's words
        self.effects: list[tuple[str, str]] = []  # (what to check, its id or name)

    def open_items(self) -> Any:
        return self.page.locator(OPEN_ITEMS)

    def button(self, item: Any, label: str) -> Any:
        return item.get_by_role("button", name=re.compile("^" + re.escape(label)))

    def in_place(self, item: Any, label: str) -> str:
        """Press the item's button; the item becomes one "done" line, with no page load."""
        ref = item.get_attribute("id")
        before = self.page.url
        form_action = self.button(item, label).locator("xpath=ancestor::form").get_attribute("action")
        done_lines = self.page.locator("#agenda li.agenda-done[role='status']")
        count = done_lines.count()
        self.button(item, label).click()
        expect(done_lines).to_have_count(count + 1)
        assert self.page.url == before, "done in place, not by a page load"
        assert self.page.locator(f"#{ref}").count() == 0
        self.done[label] += 1
        return form_action or ""

    def clear(self) -> None:
        self.driver.go("/today")
        for _ in range(40):
            items = self.open_items()
            if items.count() == 0:
                return
            self.handle(items.first)
        pytest.fail("the agenda did not empty in 40 clicks")

    def handle(self, item: Any) -> None:
        kind = next(c for c in (item.get_attribute("class") or "").split() if c.startswith("kind-"))[5:]
        title = item.locator(".agenda-title").inner_text()
        if kind in ("touch", "keep_in_touch", "thank_you", "continued_interest"):
            self.nudge(item, title)
        elif kind == "new_posting":
            self.opening(item)
        elif kind == "ghosted":
            action = self.in_place(item, "Mark it ghosted")
            self.effects.append(("ghosted", action.split("/")[2]))
        elif kind == "feedback_chase":
            action = self.in_place(item, "Write the one reminder")
            self.effects.append(("chased", action.split("/")[2]))
        elif kind == "reapply":
            self.in_place(item, "Noted: clear the date")
            assert "is cleared" in self.page.locator("#agenda li.agenda-done").last.inner_text()
        else:  # any other kind: its first button that does the job in place
            label = item.locator("form button").first.inner_text().split(":")[0].strip()
            self.in_place(item, label)

    def nudge(self, item: Any, title: str) -> None:
        """Rotate through the three ways a nudge ends: draft then mark sent, mark sent, dismiss."""
        contact = self.button(item, "Mark it sent").locator("xpath=ancestor::form").get_attribute("action") or ""
        contact_id = contact.split("/")[2]
        way = (self.done["Draft the message"] + self.done["Mark it sent"] + self.done["Dismiss"]) % 3
        if way == 0:
            item.get_by_role("link", name=re.compile("^Draft the message")).click()
            self.page.wait_for_url(re.compile(r"/today\?draft="))
            draft = self.page.locator("#draft")
            assert title in draft.locator("h2").inner_text()
            assert draft.locator("#draft-body").input_value().strip()
            draft.get_by_role("button", name=re.compile("^Mark it sent")).click()
            self.page.locator("section#draft[role='status']").wait_for()
            self.done["Draft the message"] += 1
            self.effects.append(("logged", contact_id))
            self.driver.go("/today")
        elif way == 1:
            self.in_place(item, "Mark it sent")
            self.effects.append(("logged", contact_id))
        else:
            self.in_place(item, "Dismiss")
            self.effects.append(("not logged", contact_id))

    def opening(self, item: Any) -> None:
        """The first opening becomes an application through the prefilled form; the next ones are dismissed."""
        if self.done["Apply"]:
            self.in_place(item, "Dismiss the opening")
            return
        item.get_by_role("link", name=re.compile("^Apply")).click()
        self.page.wait_for_url(re.compile(r"/applications/new\?"))
        company = self.page.locator("#f-company").input_value()
        role = self.page.locator("#f-role").input_value()
        assert company and role and self.page.locator("#f-job_url").input_value().startswith("https://")
        self.page.get_by_role("button", name="Add application").click()
        self.page.wait_for_url(re.compile(r"/applications/\d+\?notice=added"))
        self.done["Apply"] += 1
        self.effects.append(("applied", self.page.url.split("/")[4].split("?")[0]))
        self.driver.go("/today")

    def interactions(self, contact_id: str) -> int:
        return len(self.api.get(f"/api/v1/contacts/{contact_id}").json()["interactions"])

    def check_effects(self, interactions_before: dict[str, int]) -> None:
        for what, key in self.effects:
            if what == "ghosted":
                assert self.api.get(f"/api/v1/applications/{key}").json()["outcome"] == "ghosted"
            elif what == "chased":
                requests = [
                    r
                    for app in self.api.get("/api/v1/applications", params={"limit": 1000}).json()["applications"]
                    for r in self.api.get(f"/api/v1/applications/{app['id']}/feedback-requests").json()["requests"]
                    if str(r["id"]) == key
                ]
                assert len(requests) == 1 and requests[0]["chased_at"], requests
            elif what == "applied":
                assert self.api.get(f"/api/v1/applications/{key}").json()["stage"] == "applied"
            elif what == "logged":
                assert self.interactions(key) == interactions_before[key] + 1, key
            elif what == "not logged":
                assert self.interactions(key) == interactions_before[key], key
        assert self.api.get("/api/v1/agenda").json() == []


@pytest.mark.parametrize("width", WIDTHS)
def test_clear_the_whole_demo_agenda_by_clicking(browser: Any, tmp_path: Path, width: str) -> None:
    with demo_server(tmp_path) as server, open_driver(browser, server, WIDTHS[width]) as driver:
        journey = Journey(driver, server)
        contacts = [c["id"] for c in journey.api.get("/api/v1/contacts").json()["contacts"]]
        before = {str(cid): journey.interactions(str(cid)) for cid in contacts}
        driver.go("/today")
        at_start = journey.open_items().count()
        assert at_start >= 6, "the demo fills the agenda"
        driver.screenshot(f"{width}-agenda-before")
        journey.clear()
        driver.go("/today")
        assert journey.open_items().count() == 0
        assert "Nothing due now or this week" in driver.page.locator("#agenda").inner_text()
        driver.screenshot(f"{width}-agenda-cleared")
        journey.check_effects(before)
        # every way to finish an item was used at least once
        for label in ("Draft the message", "Mark it sent", "Dismiss", "Apply", "Dismiss the opening"):
            assert journey.done[label] >= 1, (label, journey.done)
        assert sum(journey.done.values()) >= at_start
        assert driver.problems == []
