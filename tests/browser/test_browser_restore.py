"""Back up and restore in the browser, by keyboard: download, a refused file, the question, the restore,
and Back then the button again restoring nothing twice; axe finds nothing serious on any of the pages."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import httpx

from tests.browser.conftest import demo_server, open_driver


def applications(base: str) -> list[str]:
    listed = httpx.get(base + "/api/v1/applications", params={"limit": 500}).json()
    rows = listed["applications"] if isinstance(listed, dict) else listed
    return sorted(row["company"] for row in rows)


def test_back_up_and_restore_from_the_import_page_by_keyboard(browser: Any, tmp_path: Path) -> None:
    with (
        demo_server(tmp_path / "home") as server,
        open_driver(browser, server, {"width": 1280, "height": 900}) as driver,
    ):
        page = driver.page
        before = applications(server.url)
        assert before, "the demo has applications"
        driver.go("/transfer")
        assert driver.axe_violations() == []

        with page.expect_download() as downloading:
            page.get_by_role("link", name="Download a backup").focus()
            page.keyboard.press("Enter")
        backup = tmp_path / "nextround-backup.sqlite"
        downloading.value.save_as(backup)
        assert backup.read_bytes().startswith(b"SQLite format 3\x00")

        wrong = tmp_path / "notes.txt"
        wrong.write_text("not a backup")
        page.get_by_label("Restore from a backup").set_input_files(str(wrong))
        page.get_by_role("button", name="Check the backup").focus()
        page.keyboard.press("Enter")
        page.wait_for_selector("#restore-error")
        assert "notes.txt is not a nextround export" in page.locator("#restore-error").inner_text()
        assert driver.axe_violations() == []

        page.get_by_label("Restore from a backup").set_input_files(str(backup))
        page.get_by_role("button", name="Check the backup").focus()
        page.keyboard.press("Enter")
        page.get_by_role("heading", name="Restore this backup?").wait_for()
        assert f"{len(before)} applications" in page.locator("#backup-holds").inner_text()
        assert driver.axe_violations() == []
        driver.screenshot("restore-question")

        page.get_by_role("button", name="Replace my data with this backup").focus()
        page.keyboard.press("Enter")
        page.get_by_role("heading", name="Backup restored").wait_for()
        assert "before-restore-" in page.locator("#restore-kept").inner_text()
        assert driver.axe_violations() == []
        assert applications(server.url) == before

        page.go_back()  # the question again, its button pressed a second time: refused, nothing restored twice
        page.get_by_role("button", name="Replace my data with this backup").click()
        page.wait_for_selector("#restore-error")
        assert "Nothing was changed" in page.locator("#restore-error").inner_text()
        assert len(list((tmp_path / "home").glob("*.before-restore-*"))) == 1
        assert applications(server.url) == before
        refused = "the server responded with a status of 422"  # the two refusals above, answered as such
        assert [problem for problem in driver.problems if refused not in problem] == []
