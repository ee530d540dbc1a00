"""Nothing typed is lost (static/drafts.js): a long text kept in the browser until it is sent, per account.

On the shared server (`serve --multi-user` on the test PostgreSQL, in its own process) the session is ended in
the database while a journal entry and a piece of feedback are being written: sending them leads to sign-in
and back to the same page, where the draft waits; another person signing in on the same browser sees none of
it; sending clears it; signing out clears it. In local mode (the demo server), a closed tab and a practice
answer. Each page with a restored draft is checked by axe-core.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import update

from nextround.services import accounts
from nextround.services.applications import ApplicationFields, ApplicationService
from nextround.services.workspace import Workspace
from nextround.storage.db import Database
from nextround.storage.tables import WebSessionRow
from tests.browser.conftest import PageDriver, Server, _free_port, demo_server, missing_parts, open_driver
from tests.multiuser_support import PASSWORD, quick_hashes
from tests.test_web_multiuser_workers import _wait_until_up

DESKTOP = {"width": 1280, "height": 800}
ENTRY = (
    "Second interview at the bakery went better than the first. I remembered to slow down when they asked about "
    "the night the oven failed, and I gave the numbers: forty loaves saved, two hours late instead of a lost day. "
) * 3
SEND_PLAIN_FORM = """(action) => {
    const form = document.createElement("form");
    form.method = "post";
    form.action = action;
    document.body.appendChild(form);
    form.requestSubmit();
}"""
DRAFT_KEYS = "(prefix) => Object.keys(localStorage).filter((k) => k.startsWith(prefix))"


@dataclass
class Shared:
    server: Server
    db_url: str
    ada: int
    bo: int
    app_id: int


@pytest.fixture
def shared(postgres_url: str, tmp_path: Path) -> Iterator[Shared]:
    missing = missing_parts()
    if missing:
        pytest.fail("browser tests need: " + "; ".join(missing), pytrace=False)
    from nextround.config import Settings

    db = Database.open(postgres_url)
    try:
        with quick_hashes():
            ada = accounts.create_user(db, "ada@example.org", PASSWORD)
            bo = accounts.create_user(db, "bo@example.org", PASSWORD)
            ws = Workspace(db=db, owner_id=ada.id, settings=Settings(home=tmp_path, database_url=postgres_url))
            app_id = ApplicationService(ws).add(ApplicationFields(company="Crumb & Co", role="Baker")).id
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
        yield Shared(Server(f"http://127.0.0.1:{port}", tmp_path), postgres_url, ada.id, bo.id, app_id)
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        if process.stderr:
            process.stderr.close()


def _end_sessions(db_url: str) -> None:
    """What fourteen days (or "Sign out everywhere" on another device) do: the browser's session is over."""
    db = Database.open(db_url)
    try:
        with db.write() as session:
            session.execute(update(WebSessionRow).values(expires_at=datetime.now(UTC) - timedelta(minutes=1)))
    finally:
        db.dispose()


def _sign_in_here(driver: PageDriver, email: str) -> None:
    """Sign in on the sign-in page the browser is on (keeping where it leads back to)."""
    page = driver.page
    page.fill("#f-email", email)
    page.fill("#f-password", PASSWORD)
    with page.expect_navigation():
        page.click("#sign-in-button")


def _restored(driver: PageDriver, box: str) -> str:
    note = driver.page.locator(f"{box} + .draft-note")
    note.wait_for()
    assert "Draft restored" in note.inner_text()
    value: str = driver.page.input_value(box)
    return value


def _no_failures(driver: PageDriver) -> list[str]:
    # Chromium logs the 401 that sends an in-place form to sign-in as a failed load; anything else is a problem.
    return [p for p in driver.problems if "401" not in p]


def test_a_draft_survives_an_ended_session_and_a_closed_tab_but_not_another_person(
    browser: Any, shared: Shared
) -> None:
    with open_driver(browser, shared.server, DESKTOP) as driver:
        page = driver.page
        driver.go("/sign-in")
        _sign_in_here(driver, "ada@example.org")
        driver.go("/journal")
        page.fill("#j-text", ENTRY)
        ada_prefix = f"nextround.draft|user-{shared.ada}|"
        assert len(page.evaluate(DRAFT_KEYS, ada_prefix)) == 1
        # The tab is closed and opened again: the entry is back, with a note and a way to discard it.
        page.close()
        driver.page = page = page.context.new_page()
        driver.go("/journal")
        assert _restored(driver, "#j-text") == ENTRY
        assert driver.axe_violations() == []
        # The session ends while the entry is being written; sending it leads to sign-in, not to a lost entry.
        _end_sessions(shared.db_url)
        page.click("button:has-text('Save the entry')")
        page.wait_for_url("**/sign-in?next=%2Fjournal")
        # Someone else signs in on this computer: the same page, none of Ada's words.
        _sign_in_here(driver, "bo@example.org")
        assert page.url == driver.base + "/journal"
        assert page.input_value("#j-text") == "" and page.locator(".draft-note").count() == 0
        assert ENTRY[:40] not in page.content()
        with page.expect_navigation():
            page.click("form[action='/sign-out'] button")
        assert len(page.evaluate(DRAFT_KEYS, ada_prefix)) == 1  # Bo signing out leaves Ada's draft alone
        # Ada signs in again: back on the journal, her entry waiting; sending it clears the draft.
        page.fill("#f-email", "ada@example.org")
        _sign_in_here(driver, "ada@example.org")
        driver.go("/journal")
        assert _restored(driver, "#j-text") == ENTRY
        with page.expect_navigation():
            page.click("button:has-text('Save the entry')")
        assert ENTRY[:60] in page.inner_text("#entries")
        assert page.input_value("#j-text") == "" and page.locator(".draft-note").count() == 0
        assert page.evaluate(DRAFT_KEYS, ada_prefix) == []
        page.reload()
        assert page.locator(".draft-note").count() == 0  # sent once, never offered again

        # A form sent in place (HTMX): the feedback they gave, on the application's feedback page.
        feedback = f"/applications/{shared.app_id}/feedback"
        driver.go(feedback)
        said = "They liked the bread but wanted more experience leading a team on the night shift. " * 4
        page.fill("#fb-text", said)
        _end_sessions(shared.db_url)
        page.click("#fb-record-button")
        page.wait_for_url(f"**/sign-in?next={feedback.replace('/', '%2F')}")
        _sign_in_here(driver, "ada@example.org")
        assert page.url == driver.base + feedback
        assert _restored(driver, "#fb-text") == said
        assert driver.axe_violations() == []
        page.click("#fb-text + .draft-note button")  # Discard the draft
        assert page.input_value("#fb-text") == "" and page.evaluate(DRAFT_KEYS, ada_prefix) == []
        page.fill("#fb-text", said)
        page.click("#fb-record-button")
        page.locator("#feedback-section").get_by_text(said.strip()[:50]).first.wait_for()
        assert page.evaluate(DRAFT_KEYS, ada_prefix) == []  # taken by the server: gone

        # Signing out on a shared computer leaves none of her words behind.
        driver.go("/journal")
        page.fill("#j-text", "half a thought")
        assert len(page.evaluate(DRAFT_KEYS, ada_prefix)) == 1
        with page.expect_navigation():
            page.click("form[action='/sign-out'] button")
        assert page.evaluate(DRAFT_KEYS, ada_prefix) == []

        # A plain form whose address has no page above it: the browser names the page it was sent from (its
        # Referer, to this server only), and the sign-in page leads back there.
        _sign_in_here(driver, "ada@example.org")
        driver.go("/journal")
        _end_sessions(shared.db_url)
        with page.expect_navigation():
            page.evaluate(SEND_PLAIN_FORM, "/undo/no-such-token")
        assert page.url == driver.base + "/sign-in?next=%2Fjournal"
        assert page.input_value("form[action='/sign-in'] input[name=next]") == "/journal"
        _sign_in_here(driver, "ada@example.org")
        assert page.url == driver.base + "/journal"
        assert _no_failures(driver) == []


def test_without_javascript_a_form_sent_after_the_session_ended_comes_back_to_its_page(
    browser: Any, shared: Shared
) -> None:
    """JavaScript off: the board's move form on /applications?stage=saved posts to /applications/N/move; once the
    session has ended, signing in leads back to the board as it was, not to the dashboard or the application."""
    context = browser.new_context(viewport=DESKTOP, java_script_enabled=False)
    context.set_default_timeout(10_000)
    try:
        page = context.new_page()
        driver = PageDriver(page=page, base=shared.server.url, problems=[])
        driver.go("/sign-in")
        _sign_in_here(driver, "ada@example.org")
        board = "/applications?stage=saved"
        driver.go(board)
        _end_sessions(shared.db_url)
        with page.expect_navigation():
            page.click(f"#card-{shared.app_id} form button")
        assert page.url == driver.base + "/sign-in?next=" + board.replace("/", "%2F").replace("?", "%3F").replace(
            "=", "%3D"
        )
        _sign_in_here(driver, "ada@example.org")
        assert page.url == driver.base + board
        assert page.locator(f"#card-{shared.app_id}").count() == 1  # the board, its card not moved
    finally:
        context.close()


def test_a_practice_answer_is_kept_until_it_is_analysed(browser: Any, tmp_path: Path) -> None:
    with demo_server(tmp_path / "home") as local, open_driver(browser, local, DESKTOP) as driver:
        page = driver.page
        driver.go("/practice")
        answer = (
            "In my last role the delivery van broke down before the morning round. I was asked to get the orders "
            "out on time, so I rang two customers nearby, borrowed a car and split the round. All forty orders "
            "arrived by nine, and we kept the café contract."
        )
        page.fill("#answer", answer)
        assert len(page.evaluate(DRAFT_KEYS, "nextround.draft|local|/practice|")) == 1
        page.reload()
        assert _restored(driver, "#answer") == answer
        assert driver.axe_violations() == []
        page.click("#analyse-button")
        page.locator("#follow-up-form").wait_for()  # asked a follow-up first: not saved yet, so kept
        assert len(page.evaluate(DRAFT_KEYS, "nextround.draft|local|/practice|")) == 1
        page.fill("#follow-up-answer", "I would ring the customers first next time.")
        page.click("#follow-up-form button[value=follow_up]")
        page.wait_for_function(
            "() => !Object.keys(localStorage).some((k) => k.startsWith('nextround.draft|local|/practice|'))"
        )
        page.reload()
        assert page.locator(".draft-note").count() == 0
        assert driver.problems == []
