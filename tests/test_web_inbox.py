"""The Inbox page: upload an export or check the mail, then accept or dismiss each proposal."""

from __future__ import annotations

import mailbox
import re
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from nextround.config import Settings
from nextround.domain.stages import Outcome, Stage
from nextround.services import feedback
from nextround.services.applications import ApplicationService
from nextround.services.preferences import set_preference
from nextround.services.workspace import Workspace
from tests.factories import make_application
from tests.web_support import Web, web_with

from .dovecot_server import dovecot_server
from .mail_corpus import load
from .test_services_mail_inbox import REJECTION, rejection_mail

CORPUS = {item.id: item.raw for item in load("test")}


def mbox_bytes(tmp_path: Path, ids: list[str]) -> bytes:
    path = tmp_path / f"export-{len(list(tmp_path.iterdir()))}.mbox"
    box = mailbox.mbox(str(path))
    for message_id in ids:
        box.add(mailbox.mboxMessage(CORPUS[message_id]))
    box.close()
    return path.read_bytes()


def upload(web: Web, name: str, data: bytes) -> object:
    """The upload as the browser ends up showing it: a read redirects to the Inbox page (a refusal is a 422)."""
    sent = web.client.post(
        "/inbox/upload", data={"csrf_token": web.token}, files={"file": (name, data, "application/mbox")}
    )
    return followed(web, sent)


def followed(web: Web, sent: Any) -> Any:
    if sent.status_code != 303:
        return sent
    assert sent.headers["location"].startswith("/inbox?")  # never the POST's own address: a reload reads nothing
    return web.client.get(sent.headers["location"])


def inbox_ids(html: str) -> list[int]:
    return [int(x) for x in re.findall(r'id="mail-(\d+)"', html)]


def test_upload_review_accept_and_dismiss(web: Web, workspace: Workspace, tmp_path: Path) -> None:
    app = make_application(
        workspace, company="Veltra", role="Site Reliability Engineer", applied_at=datetime(2024, 10, 1, tzinfo=UTC)
    )
    page = upload(web, "export.mbox", mbox_bytes(tmp_path, ["t009", "t004", "t011"]))
    assert page.status_code == 200  # type: ignore[attr-defined]
    html = page.text  # type: ignore[attr-defined]
    assert "Read 3 messages: 2 to review" in html
    assert "Record the rejection at the applied stage" in html
    assert "Add the application Sable Works — Junior Copywriter" in html
    assert not re.search(r"nextround (mail|config|app) ", html)  # no page shows a command line
    first, second = inbox_ids(html)
    rejection = first if "Veltra" in html.split(f'id="mail-{first}"')[1].split("</li>")[0] else second
    other = second if rejection == first else first

    accepted = web.post_form(f"/inbox/{rejection}/accept")
    assert accepted.status_code == 303
    assert ApplicationService(workspace).get(app.id).state.outcome is Outcome.REJECTED
    dismissed = web.post_form(f"/inbox/{other}/dismiss")
    assert dismissed.status_code == 303
    assert [a.fields.company for a in ApplicationService(workspace).find()] == ["Veltra"]
    after = web.client.get("/inbox").text
    assert inbox_ids(after) == []
    assert "Recently decided" in after

    again = upload(web, "export.mbox", mbox_bytes(tmp_path, ["t009", "t004", "t011"]))
    assert "Read 3 messages: 0 to review, 2 seen before" in again.text  # type: ignore[attr-defined]
    assert inbox_ids(again.text) == []  # type: ignore[attr-defined]
    twice = web.post_form(f"/inbox/{rejection}/accept")
    assert twice.status_code == 422


def test_bad_uploads_and_the_setting(web: Web, workspace: Workspace) -> None:
    missing = web.post_form("/inbox/upload")
    assert missing.status_code == 422 and "choose a mail export" in missing.text
    junk = upload(web, "photo.mbox", bytes(range(256)) * 20_000)
    assert junk.status_code == 422  # type: ignore[attr-defined]
    assert 'role="alert"' in junk.text  # type: ignore[attr-defined]
    home = web.client.get("/")
    assert 'href="/inbox"' in home.text
    set_preference(workspace, "mail.reading", "off")
    off = web.client.get("/inbox")
    assert "Mail reading is turned off" in off.text
    refused = upload(web, "export.mbox", CORPUS["t009"])
    assert refused.status_code == 422  # type: ignore[attr-defined]


def test_check_mail_queues_new_messages(web: Web, workspace: Workspace, settings: Settings, clock: Any) -> None:
    not_set_up = web.client.get("/inbox")
    assert "No mailbox is connected" in not_set_up.text
    make_application(workspace, company="Veltra", role="Site Reliability Engineer")
    with dovecot_server([CORPUS["t009"], CORPUS["t008"]]) as server:
        with web_with(replace(settings, imap_env=server.env()), clock) as web:  # the settings read at start
            assert "Check mail now" in web.client.get("/inbox").text
            sent = web.post_form("/inbox/sync")
            assert sent.status_code == 303
            checked = followed(web, sent)
            assert "Read 2 messages: 1 to review" in checked.text
            assert len(inbox_ids(checked.text)) == 1
            # A second click (or a reload) while the first was being read: nothing new, said plainly
            again = followed(web, web.post_form("/inbox/sync"))
            assert "No new messages." in again.text and "Read 0 messages" not in again.text
            assert len(inbox_ids(again.text)) == 1
        wrong = {**server.env(), "NEXTROUND_IMAP_PASSWORD": "wrong"}
        with web_with(replace(settings, imap_env=wrong), clock) as web:
            refused = web.post_form("/inbox/sync")
        assert refused.status_code == 422 and "refused the login" in refused.text


def test_the_settings_page_turns_mail_reading_off_and_on(web: Web, workspace: Workspace) -> None:
    from nextround.domain.ghosting import DEFAULT_GHOST_DAYS
    from nextround.services.preferences import load_preferences

    assert 'name="mail.reading" type="checkbox" value="on" checked' in web.client.get("/settings").text
    form = {stage.value: str(days) for stage, days in DEFAULT_GHOST_DAYS.items()}
    assert web.post_form("/settings", form).status_code == 303
    assert load_preferences(workspace).mail_reading is False
    assert web.post_form("/settings", form | {"mail.reading": "on"}).status_code == 303
    assert load_preferences(workspace).mail_reading is True


def test_accepting_feedback_already_pasted_says_so_and_adds_no_second_entry(web: Web, workspace: Workspace) -> None:
    app = make_application(workspace, company="Crumb & Co", role="Pastry Chef", stage=Stage.INTERVIEW)
    feedback.record_feedback(workspace, app.id, "  " + REJECTION.replace("\n\n", "\n"))
    page = upload(web, "rejection.eml", rejection_mail())
    (inbox_id,) = inbox_ids(page.text)  # type: ignore[attr-defined]

    shown = followed(web, web.post_form(f"/inbox/{inbox_id}/accept"))

    assert "feedback was already on the application" in shown.text
    assert len(feedback.list_feedback(workspace, app.id)) == 1
    assert ApplicationService(workspace).get(app.id).state.outcome is Outcome.REJECTED
