"""The shared server's own pages in Chromium, checked by axe-core: sign-in, account, settings, sharing (with the
audit log and the coaches' comments), an application with a coach's comment, the practice picker with an
assigned question, and the coach's caseload, a job seeker's shared view and one shared application, and the
page that accepts an invitation.

`nextround serve --multi-user` runs in its own process on the test PostgreSQL; people sign in through the
form. On each page, at a phone's width and a laptop's: no serious or critical axe violation, nothing scrolls
sideways, and the console stays free of errors (CSP reports land there).

One server and its people serve the whole module (starting it and filling the demo is most of a test's time):
what a test adds (a new invitation, a new account) is what a person of a real shared server sees anyway, and no
test removes or accepts what another one reads.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest

from nextround.config import Settings
from nextround.services import accounts, coach_notes, coaching
from nextround.services.applications import ApplicationService
from nextround.services.demo import fill_demo
from nextround.services.workspace import Workspace
from nextround.storage.db import Database
from tests.browser.conftest import PageDriver, Server, _free_port, missing_parts, open_driver
from tests.conftest import truncate_postgres
from tests.multiuser_support import PASSWORD, needs_postgres, quick_hashes
from tests.test_web_multiuser_workers import _wait_until_up

WIDTHS = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1280, "height": 800}}
SIDEWAYS = "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"


@dataclass
class SharedServer:
    server: Server
    app_id: int
    link_id: int
    pending_token: str  # an invitation the coach has not accepted yet
    join_token: str = ""  # an invitation to an address with no account yet
    database_url: str = ""


@pytest.fixture(scope="module")
def shared_server(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[SharedServer]:
    missing = missing_parts()
    if missing:
        pytest.fail("browser tests need: " + "; ".join(missing), pytrace=False)
    needs_postgres()
    postgres_url: str = request.getfixturevalue("postgres_database")
    truncate_postgres(postgres_url)
    tmp_path = tmp_path_factory.mktemp("shared-server")
    db = Database.open(postgres_url)
    try:
        with quick_hashes():
            ada = accounts.create_user(db, "ada@example.org", PASSWORD, time_zone="Europe/London")
            coach = accounts.create_user(db, "coach@uni.example", PASSWORD)
            other = accounts.create_user(db, "bo@example.org", PASSWORD)
            ws = Workspace(db=db, owner_id=ada.id, settings=Settings(home=tmp_path, database_url=postgres_url))
            fill_demo(ws)
            app_id = next(a.id for a in ApplicationService(ws).summaries() if a.outcome == "rejected")
            made = coaching.invite_coach(db, ada.id, coach.email, list(coaching.SHAREABLE))
            link = coaching.accept(db, coach.id, made.token)
            coach_notes.add_note(db, coach.id, link.id, "Ask them what tipped it.", application_id=app_id)
            coach_notes.add_note(db, coach.id, link.id, "Tell me about a time you handled a rush.", question=True)
            coach_notes.add_note(db, coach.id, link.id, "A good week: three applications out.")
            coaching.caseload(db, coach.id)  # a read in Ada's audit log
            pending = coaching.invite_coach(db, other.id, coach.email, ["applications"])
            join = coaching.invite_coach(db, other.id, "new-coach@uni.example", ["applications"])
    finally:
        db.dispose()
    port = _free_port()
    env = {**os.environ, "NEXTROUND_HOME": str(tmp_path / "home"), "NEXTROUND_DATABASE_URL": postgres_url}
    process = subprocess.Popen(
        [sys.executable, "-m", "nextround", "serve", "--multi-user", "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        _wait_until_up(process, port)
        served = Server(f"http://127.0.0.1:{port}", tmp_path)
        yield SharedServer(served, app_id, link.id, pending.token, join.token, postgres_url)
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        if process.stderr:
            process.stderr.close()


def _sign_in(driver: PageDriver, email: str) -> None:
    driver.go("/sign-in")
    driver.page.fill("#f-email", email)
    driver.page.fill("#f-password", PASSWORD)
    driver.page.click("button[type=submit]")
    driver.page.wait_for_url(driver.base + "/")


# What each page must show, so that axe looked at the page meant (not a sign-in page or an empty one).
SHOWS = {
    "/sign-in": "Password",
    "/account": "Time zone",
    "/sharing": "coach@uni.example",
    "/applications/": "Ask them what tipped it.",
    "/practice": "Tell me about a time you handled a rush.",
    "/today": "Practise the question coach@uni.example assigned",
    "/caseload": "ada@example.org",
    "/coaching/accept/": "bo@example.org asks you",
    "/invite/coach/": "new-coach@uni.example",
}


def _check(driver: PageDriver, path: str, found: dict[str, Any]) -> None:
    driver.go(path)
    expected = next((text for start, text in SHOWS.items() if path.startswith(start)), "")
    assert expected in driver.page.inner_text("main"), f"{path} does not show {expected!r}"
    violations = driver.axe_violations()
    sideways = driver.page.evaluate(SIDEWAYS)
    if violations or sideways > 1 or driver.problems:
        found[path] = {"axe": violations, "sideways_px": sideways, "console": list(driver.problems)}
    driver.problems.clear()


@pytest.mark.parametrize("width", WIDTHS)
def test_the_shared_servers_pages_pass_axe(browser: Any, shared_server: SharedServer, width: str) -> None:
    link, app = shared_server.link_id, shared_server.app_id
    found: dict[str, Any] = {}
    with open_driver(browser, shared_server.server, WIDTHS[width]) as seeker:
        _check(seeker, "/sign-in", found)
        _check(seeker, f"/invite/coach/{shared_server.join_token}", found)  # a coach with no account yet
        _sign_in(seeker, "ada@example.org")
        for path in ("/account", "/settings", "/sharing", f"/applications/{app}", "/practice", "/today"):
            _check(seeker, path, found)
        # the invitation just made: the link shown, with why it was not emailed
        seeker.go("/sharing")
        seeker.page.fill("#f-email", "second@uni.example")
        seeker.page.click("#invite-title ~ form button[type=submit]")
        seeker.page.wait_for_selector("#coach-link")
        violations = seeker.axe_violations()
        if violations:
            found["/sharing (invited)"] = {"axe": violations}
    with open_driver(browser, shared_server.server, WIDTHS[width]) as coach:
        _sign_in(coach, "coach@uni.example")
        for path in (
            "/",  # a coach's dashboard, with Caseload in the navigation
            "/caseload",
            f"/caseload/{link}",
            f"/caseload/{link}/applications/{app}",
            f"/coaching/accept/{shared_server.pending_token}",
        ):
            _check(coach, path, found)
    assert found == {}


# Tab until this link has the focus, opening the phone's Menu on the way when the bar is hidden.
TAB_TO = """([href, text]) => {
    const el = document.activeElement;
    if (el && el.tagName === "SUMMARY") return el.parentElement.open ? "tab" : "open";
    return el && el.getAttribute("href") === href && el.textContent.trim() === text ? "here" : "tab";
}"""


@pytest.mark.parametrize("width", WIDTHS)
def test_a_coach_reaches_the_caseload_from_the_navigation_by_keyboard(
    browser: Any, shared_server: SharedServer, width: str
) -> None:
    with open_driver(browser, shared_server.server, WIDTHS[width]) as coach:
        _sign_in(coach, "coach@uni.example")  # lands on the dashboard
        for _ in range(40):
            step = coach.page.evaluate(TAB_TO, ["/caseload", "Caseload"])
            if step == "here":
                break
            coach.page.keyboard.press("Enter" if step == "open" else "Tab")
        else:
            pytest.fail("Caseload is not reachable by keyboard from the dashboard")
        coach.page.keyboard.press("Enter")
        coach.page.wait_for_url(coach.base + "/caseload")
        assert "ada@example.org" in coach.page.inner_text("main")
        assert coach.problems == []


def test_the_invitation_link_has_a_copy_button(browser: Any, shared_server: SharedServer) -> None:
    with open_driver(browser, shared_server.server, WIDTHS["desktop"]) as seeker:
        page = seeker.page
        page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=seeker.base)
        _sign_in(seeker, "ada@example.org")
        seeker.go("/sharing")
        page.fill("#f-email", "second@uni.example")
        page.click("#invite-title ~ form button[type=submit]")
        link = page.locator("#coach-link-url").inner_text().strip()
        assert "/coaching/accept/" in link
        copy = page.get_by_role("button", name="Copy the link")
        copy.focus()  # reachable and pressed by keyboard like any button
        page.keyboard.press("Enter")
        page.get_by_text("Copied.").wait_for()
        assert page.evaluate("navigator.clipboard.readText()") == link
        assert seeker.axe_violations() == []
        assert seeker.problems == []


def test_a_new_account_takes_the_browsers_time_zone_and_password_managers_know_the_fields(
    browser: Any, shared_server: SharedServer
) -> None:
    db = Database.open(shared_server.database_url)
    try:
        invitation = accounts.invite(db, "new@uni.example")
    finally:
        db.dispose()
    context = browser.new_context(viewport=WIDTHS["phone"], timezone_id="America/Los_Angeles")
    try:
        page = context.new_page()
        page.goto(f"{shared_server.server.url}/invite/{invitation.token}")
        assert page.input_value("#f-time_zone") == "America/Los_Angeles"  # left empty, it would be the server's
        assert page.get_attribute("input[autocomplete=username]", "value") == "new@uni.example"
        assert page.get_attribute("#f-password", "autocomplete") == "new-password"
        assert page.get_attribute("#f-password_again", "autocomplete") == "new-password"
        page.fill("#f-password", PASSWORD)
        page.fill("#f-password_again", PASSWORD)
        page.click("button[type=submit]")
        page.wait_for_url(shared_server.server.url + "/")
        page.goto(shared_server.server.url + "/account")
        assert page.input_value("#f-time_zone") == "America/Los_Angeles"
        assert page.get_attribute("#f-password", "autocomplete") == "current-password"  # deleting the account
        page.click("button:has-text('Sign out')")
        page.goto(shared_server.server.url + "/sign-in")
        assert page.get_attribute("#f-email", "autocomplete") == "username"
        assert page.get_attribute("#f-password", "autocomplete") == "current-password"
    finally:
        context.close()


def test_after_signing_out_the_back_button_shows_nothing_of_the_person(
    browser: Any, shared_server: SharedServer
) -> None:
    """A shared computer: Ada signs out and walks away; the next person presses Back."""
    with open_driver(browser, shared_server.server, WIDTHS["desktop"]) as seeker:
        _sign_in(seeker, "ada@example.org")
        seeker.go(f"/applications/{shared_server.app_id}")
        seeker.go("/sharing")
        assert "coach@uni.example" in seeker.page.inner_text("main")
        seeker.page.click("button:has-text('Sign out')")
        seeker.page.wait_for_url("**/sign-in?**")
        for _ in range(2):
            seeker.page.go_back()
            seeker.page.wait_for_load_state()
            assert "/sign-in" in seeker.page.url
            shown = seeker.page.inner_text("main")
            assert "coach@uni.example" not in shown and "Ask them what tipped it." not in shown
