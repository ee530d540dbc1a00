"""The Accounts page in Chromium, checked by axe-core, at a phone's width and a laptop's: an administrator reaches
it from the menu, invites two people and copies a link, sends a password link, and disables an account after
being asked; the person opens the password link in their own browser and chooses a new password.

`nextround serve --multi-user` runs in its own process on the test PostgreSQL; people sign in through the form.
On each page: no serious or critical axe violation, nothing scrolls sideways, the console stays free of errors.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from nextround.services import accounts, administration
from nextround.storage.db import Database
from tests.browser.conftest import PageDriver, Server, _free_port, missing_parts, open_driver
from tests.browser.test_browser_multiuser import SIDEWAYS, WIDTHS, _sign_in
from tests.multiuser_support import PASSWORD, quick_hashes
from tests.test_web_multiuser_workers import _wait_until_up


@pytest.fixture
def admin_server(postgres_url: str, tmp_path: Path) -> Iterator[Server]:
    missing = missing_parts()
    if missing:
        pytest.fail("browser tests need: " + "; ".join(missing), pytrace=False)
    db = Database.open(postgres_url)
    try:
        with quick_hashes():
            boss = accounts.create_user(db, "adviser@uni.example", PASSWORD)
            administration.set_admin(db, None, boss.id, admin=True)
            accounts.create_user(db, "bo@uni.example", PASSWORD)
    finally:
        db.dispose()
    port = _free_port()
    env = {**os.environ, "NEXTROUND_HOME": str(tmp_path / "home"), "NEXTROUND_DATABASE_URL": postgres_url}
    for name in ("HOST", "FROM"):  # this server sends no mail: the links are shown to pass on
        env.pop(f"NEXTROUND_SMTP_{name}", None)
    process = subprocess.Popen(
        [sys.executable, "-m", "nextround", "serve", "--multi-user", "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        _wait_until_up(process, port)
        yield Server(f"http://127.0.0.1:{port}", tmp_path)
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        if process.stderr:
            process.stderr.close()


def _check(driver: PageDriver, name: str, found: dict[str, Any]) -> None:
    violations = driver.axe_violations()
    sideways = driver.page.evaluate(SIDEWAYS)
    if violations or sideways > 1 or driver.problems:
        found[name] = {"axe": violations, "sideways_px": sideways, "console": list(driver.problems)}
    driver.problems.clear()


def _bo_row(driver: PageDriver) -> Any:
    return driver.page.locator("#accounts-table tbody tr", has_text="bo@uni.example")


@pytest.mark.parametrize("width", WIDTHS)
def test_an_administrator_manages_accounts_in_the_browser(browser: Any, admin_server: Server, width: str) -> None:
    found: dict[str, Any] = {}
    with open_driver(browser, admin_server, WIDTHS[width]) as admin:
        page = admin.page
        page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=admin.base)
        _sign_in(admin, "adviser@uni.example")
        if width == "phone":
            page.click(".nav-menu summary")
        page.get_by_role("link", name="Administration").click()
        page.wait_for_url(admin.base + "/admin/accounts")
        assert "bo@uni.example" in page.inner_text("#accounts-table")
        _check(admin, "accounts", found)

        page.fill("#f-emails", "s1@uni.example\ns2@uni.example")
        page.get_by_role("button", name="Invite", exact=True).click()
        page.wait_for_selector("#invited-links")
        links = page.locator("#invited-links code").all_inner_texts()
        assert len(links) == 2 and all("/invite/" in link for link in links)
        copy = page.get_by_role("button", name="Copy the link for s2@uni.example")
        copy.focus()
        page.keyboard.press("Enter")
        page.get_by_text("Copied.").wait_for()
        assert page.evaluate("navigator.clipboard.readText()") == links[1]
        _check(admin, "accounts (invited)", found)

        _bo_row(admin).get_by_role("button", name="Send a password link to bo@uni.example").click()
        page.wait_for_selector("#reset-link-url")
        reset = page.inner_text("#reset-link-url").strip()
        assert "/reset-password/" in reset
        _check(admin, "accounts (password link)", found)
        admin.screenshot(f"{width}-admin-accounts")

        with open_driver(browser, admin_server, WIDTHS[width]) as bo:  # Bo, in their own browser
            bo.page.goto(reset)
            assert "bo@uni.example" in bo.page.inner_text("main")
            _check(bo, "reset-password", found)
            bo.page.fill("#f-password", "a brand new secret")
            bo.page.fill("#f-password_again", "a brand new secret")
            bo.page.get_by_role("button", name="Save the new password").click()
            bo.page.wait_for_url(bo.base + "/")

        _bo_row(admin).get_by_role("link", name="Disable bo@uni.example").click()
        page.wait_for_url("**/disable")
        assert "Disable bo@uni.example?" in page.inner_text("h1")
        _check(admin, "confirm disable", found)
        page.click("#confirm-button")
        page.wait_for_selector("#admin-done")
        assert "bo@uni.example is disabled" in page.inner_text("#admin-done")
        assert "disabled" in _bo_row(admin).inner_text()
        log = page.inner_text("#admin-log")
        assert "disabled bo@uni.example" in log and "invited s1@uni.example" in log
        _check(admin, "accounts (disabled)", found)
    assert found == {}


# Every item of the main navigation on one line: the tops of its links (a wrapped menu has two).
NAV_LINES = "new Set([...document.querySelectorAll('.nav-bar li')].map(li => li.getBoundingClientRect().top)).size"


@pytest.mark.parametrize("width", WIDTHS)
def test_an_administrator_sets_up_the_servers_mail_in_the_browser(
    browser: Any, admin_server: Server, width: str
) -> None:
    """Administration leads to Server settings (the menu on one line at a laptop's width); a mistyped sender is
    refused at its field; the mail set-up saved, a test message reaches the administrator through a real SMTP
    server; this machine has no keyring, so the page says where a password can be given instead."""
    from tests.feedback_helpers import smtp_server

    found: dict[str, Any] = {}
    with smtp_server() as smtp, open_driver(browser, admin_server, WIDTHS[width]) as admin:
        page = admin.page
        _sign_in(admin, "adviser@uni.example")
        if width == "desktop":
            assert page.evaluate(NAV_LINES) == 1, "the main menu wraps at 1280 px"
        else:
            page.click(".nav-menu summary")
        page.get_by_role("link", name="Administration").click()
        page.wait_for_url(admin.base + "/admin/accounts")
        page.get_by_role("navigation", name="Administration").get_by_role("link", name="Server settings").click()
        page.wait_for_url(admin.base + "/admin/server")
        assert "Not set up" in page.inner_text("#server-mail-in-use")
        assert "give the password to the server as it is started" in page.inner_text("#server-mail-password-note")
        _check(admin, "server settings", found)

        page.fill("#f-host", "127.0.0.1")
        page.fill("#f-port", str(smtp.port))
        page.select_option("#f-security", "none")
        page.fill("#f-from_addr", "careers at uni")
        page.get_by_role("button", name="Save mail settings").click()
        page.wait_for_selector("#f-from_addr-error")
        assert "Not set up" in page.inner_text("#server-mail-in-use")  # nothing was kept
        admin.problems.remove(
            "Failed to load resource: the server responded with a status of 422 (Unprocessable Entity)"
        )
        _check(admin, "server settings (refused)", found)

        page.fill("#f-from_addr", "Careers <careers@uni.example>")
        page.get_by_role("button", name="Save mail settings").click()
        page.wait_for_selector("#server-mail-done")
        assert "on this page" in page.inner_text("#server-mail-in-use")
        page.get_by_role("button", name="Send a test message to me").click()
        page.wait_for_selector("#server-mail-done")
        assert "sent to adviser@uni.example" in page.inner_text("#server-mail-done")
        assert [m.rcpt_tos for m in smtp.received] == [["adviser@uni.example"]]
        _check(admin, "server settings (mail set up)", found)
        admin.screenshot(f"{width}-admin-server")
    assert found == {}
