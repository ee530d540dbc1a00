"""Every main page at a phone's width (390 × 844) and a laptop's (1280 × 800), each visited once per width.

On each: nothing scrolls sideways, no text under 12 px, axe-core finds no serious or critical violation, the
console stays free of errors (CSP reports land there), and the navigation works. On the phone the navigation is a
menu, content starts within the first 120 px, tables are cards that keep their key fields, and every nav link and
button is at least 44 × 44 px.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tests.browser.conftest import SCREENSHOTS, PageDriver, Server, demo_server, open_driver

WIDTHS = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1280, "height": 800}}
PAGES = {
    "dashboard": "/",
    "today": "/today",
    "applications": "/applications",
    "application": "/applications/1",
    "application-form": "/applications/new",
    "application-feedback": "/applications/1/feedback",
    "insights": "/insights",
    "practice": "/practice",
    "practice-history": "/practice/history",
    "contacts": "/contacts",
    "companies": "/companies",
    "journal": "/journal",
    "review": "/review",
    "inbox": "/inbox",
    "transfer": "/transfer",
    "settings": "/settings",
}
# On the phone a table's rows are cards; each card still names these fields.
CARD_FIELDS = {
    "applications": ("Stage", "Outcome", "Last activity"),
    "contacts": ("Get in touch by", "Last spoke"),
    "insights": ("Mentions", "Latest evidence"),
    "companies": ("Job board", "Re-apply after"),
}

# Text smaller than 12 px on screen: an SVG's text is scaled with its drawing, so it is measured as drawn.
SMALL_TEXT = """() => {
  const small = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const element = node.parentElement;
    if (!node.textContent.trim() || !element || !element.getClientRects().length) continue;
    if (element.closest('.visually-hidden, .skip-link, [hidden], details:not([open]) > :not(summary)')) continue;
    let size = parseFloat(getComputedStyle(element).fontSize);
    const svg = element.closest('svg');
    if (svg && svg.getScreenCTM()) size *= svg.getScreenCTM().a;
    const text = node.textContent.trim().slice(0, 40);
    if (size < 11.95) small.push(`${element.tagName.toLowerCase()} ${size.toFixed(1)}px: ${text}`);
  }
  return small.slice(0, 10);
}"""

# Anything the page lets scroll sideways inside it (a wide table in a scrolling box counts as clipped on a phone).
SIDEWAYS = """() => [...document.querySelectorAll('body *')].filter(el => {
  const style = getComputedStyle(el);
  return ['auto', 'scroll'].includes(style.overflowX) && el.tagName !== 'TEXTAREA'
    && el.getClientRects().length && el.scrollWidth > el.clientWidth + 1;
}).map(el => `${el.tagName.toLowerCase()}.${el.className}: ${el.scrollWidth} > ${el.clientWidth}`)"""

# Nav links, buttons and button-like links that are shown, smaller than `min` px either way.
SMALL_TARGETS = """(min) => [...document.querySelectorAll(
  'button, .button, summary, input[type=submit], header nav a, nav.pager a')].filter(el => {
  const box = el.getBoundingClientRect();
  return el.getClientRects().length && getComputedStyle(el).visibility !== 'hidden'
    && (box.width < min - 0.5 || box.height < min - 0.5);
}).map(el => `${el.tagName.toLowerCase()} "${el.textContent.trim().slice(0, 30)}" ` +
  `${Math.round(el.getBoundingClientRect().width)}×${Math.round(el.getBoundingClientRect().height)}`)"""

# The labels a card shows: its cells' names, drawn before each shown cell.
CARD_LABELS = """row => [...row.cells].filter(cell => cell.getClientRects().length
  && !['none', 'normal'].includes(getComputedStyle(cell, '::before').content)).map(cell => cell.dataset.label)"""
MAIN_TOP = "document.querySelector('main').getBoundingClientRect().top + window.scrollY"


@pytest.fixture(params=list(WIDTHS))
def sized(request: pytest.FixtureRequest, browser: Any, server: Server) -> Iterator[tuple[str, PageDriver]]:
    width: str = request.param
    with open_driver(browser, server, WIDTHS[width]) as driver:
        yield width, driver


@pytest.mark.parametrize("name", list(PAGES))
def test_page_fits_and_works_at_this_width(sized: tuple[str, PageDriver], name: str) -> None:
    from playwright.sync_api import expect

    width, driver = sized
    page = driver.page
    driver.go(PAGES[name])
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{width}-{name}.png"))  # what the screen shows first: small, quick
    found: dict[str, Any] = {}
    scroll = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    if scroll[0] > scroll[1]:
        found["page scrolls sideways"] = scroll
    found["boxes that scroll sideways"] = page.evaluate(SIDEWAYS)
    found["text under 12 px"] = page.evaluate(SMALL_TEXT)
    found["axe"] = driver.axe_violations()
    phone = width == "phone"
    found["small tap targets"] = page.evaluate(SMALL_TARGETS, 44 if phone else 24)
    if phone:
        top = page.evaluate(MAIN_TOP)
        found["content starts below 120 px"] = [top] if top > 120 else []
        if name in CARD_FIELDS:
            card = page.locator(".table-wrap tbody tr").first
            display = card.evaluate("row => getComputedStyle(row).display")
            found["rows are not cards"] = [] if display == "block" else [display]
            shown = card.evaluate(CARD_LABELS)
            found["card fields missing"] = [field for field in CARD_FIELDS[name] if field not in shown]
    assert {problem: detail for problem, detail in found.items() if detail} == {}

    # The navigation: on the phone a closed menu whose button says so; opened, its links are big enough.
    target = "/applications" if name != "applications" else "/contacts"
    if phone:
        assert not page.locator("nav.nav-bar").is_visible()
        menu = page.locator("details.nav-menu > summary")
        assert menu.get_attribute("aria-expanded") == "false"
        menu.click()
        expect(menu).to_have_attribute("aria-expanded", "true")
        assert page.evaluate(SMALL_TARGETS, 44) == []
    link = page.get_by_role("navigation", name="Main").locator(f'a[href="{target}"]')
    link.click()
    page.wait_for_url(driver.base + target)
    assert page.locator("h1").first.is_visible()
    assert driver.problems == []


def test_phone_menu_works_without_javascript(browser: Any, server: Server) -> None:
    context = browser.new_context(viewport=WIDTHS["phone"], java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(server.url + "/")
        assert not page.locator("nav.nav-bar").is_visible()
        journal = page.locator('details.nav-menu a[href="/journal"]')
        assert not journal.is_visible()
        page.locator("details.nav-menu > summary").click()
        journal.click()
        page.wait_for_url(server.url + "/journal")
    finally:
        context.close()


def test_a_long_unbroken_name_wraps_instead_of_widening_the_page(browser: Any, tmp_path: Any) -> None:
    # Names and notes are shown as typed; a pasted link or a 300-letter word has no place to break.
    with demo_server(tmp_path) as own, open_driver(browser, own, WIDTHS["phone"]) as driver:
        page = driver.page
        driver.go("/applications/new")
        page.get_by_label("Company").fill("W" * 300)
        page.get_by_label("Role").fill("R" * 300)
        page.get_by_label("Location").fill("https://jobs.example.org/" + "x" * 200)
        page.get_by_role("button", name="Add application").click()
        page.wait_for_url("**/applications/*?notice=added")
        added = page.url.split("?")[0].removeprefix(driver.base)
        wide = {}
        for size in WIDTHS.values():
            page.set_viewport_size(size)
            for path in (added, "/applications", "/review"):
                driver.go(path)
                scroll = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
                if scroll[0] > scroll[1]:
                    wide[f"{size['width']} {path}"] = scroll
        assert wide == {}
        assert driver.problems == []


def test_a_small_button_beside_a_big_one_is_centred_not_stretched(driver: PageDriver) -> None:
    driver.go("/applications/1")
    edit = driver.page.get_by_role("link", name="Edit details").bounding_box()
    delete = driver.page.locator("#delete-link").bounding_box()
    assert edit is not None and delete is not None
    assert delete["height"] < edit["height"]  # it keeps its own size
    middle = lambda box: box["y"] + box["height"] / 2  # noqa: E731
    assert abs(middle(delete) - middle(edit)) <= 1
