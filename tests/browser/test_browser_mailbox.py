"""Connecting a mailbox from the browser, never the terminal: from the Inbox to Settings, connect a real Dovecot
mailbox, test it, check mail on the Inbox, disconnect. This machine has no keyring, so the password is the one
given when nextround was started; the page says so in words."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from tests.browser.conftest import demo_server, open_driver
from tests.dovecot_server import dovecot_server
from tests.mail_corpus import load
from tests.web_support import command_line_in

CORPUS = {item.id: item.raw for item in load("test")}


def test_a_mailbox_is_connected_tested_read_and_disconnected_in_the_browser(
    browser: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with dovecot_server([CORPUS["t009"], CORPUS["t008"]]) as mail:
        monkeypatch.setenv("NEXTROUND_IMAP_PASSWORD", mail.password)  # given as nextround starts
        for name in ("HOST", "USER", "PORT", "FOLDER", "CA_FILE", "STARTTLS"):
            monkeypatch.delenv(f"NEXTROUND_IMAP_{name}", raising=False)
        with demo_server(tmp_path) as server, open_driver(browser, server, {"width": 1280, "height": 900}) as driver:
            page = driver.page
            driver.go("/inbox")
            page.get_by_role("link", name="Connect your mailbox in Settings").click()
            page.wait_for_url(re.compile(r"/settings#mailbox-title$"))
            section = page.locator("#mailbox-settings")
            assert "No mailbox is connected" in section.inner_text()
            assert command_line_in(page.content()) is None, command_line_in(page.content())
            page.locator("#f-imap_host").fill(mail.host)
            page.locator("#f-imap_port").fill(str(mail.port))
            page.locator("#f-imap_user").fill(mail.user)
            section.get_by_text("For a mail server you run yourself").click()
            page.locator("#f-imap_ca_file").fill(mail.ca_file)
            section.get_by_role("button", name="Connect the mailbox").click()
            page.wait_for_url(re.compile(r"mailbox=saved"))
            shown = page.locator("#mailbox-settings").inner_text()
            assert "Mailbox connected." in shown and f"{mail.user}@{mail.host}:{mail.port}" in shown
            assert "given when nextround was started" in shown and mail.password not in page.content()
            assert driver.axe_violations() == []

            page.get_by_role("button", name="Test the connection").click()
            page.wait_for_url(re.compile(r"mailbox=test-ok"))
            result = page.locator("#mailbox-test-result").inner_text()
            assert "the folder INBOX is there, 2 messages in it" in result

            driver.go("/inbox")
            page.get_by_role("button", name="Check mail now").click()
            page.wait_for_url(re.compile(r"/inbox\?read=2"))
            assert "Read 2 messages" in page.locator("#inbox-notice").inner_text()

            page.get_by_role("link", name="Change or disconnect the mailbox").click()
            page.get_by_role("button", name="Disconnect this mailbox").click()
            page.wait_for_url(re.compile(r"mailbox=forgotten"))
            assert "Mailbox disconnected" in page.locator("#mailbox-settings").inner_text()
            driver.go("/inbox")
            assert "No mailbox is connected" in page.locator("main").inner_text()
            assert driver.problems == []
