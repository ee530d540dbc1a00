"""Feedback request drafts: the user's own wording is saved (only while drafted), and drafts are signed with
the name set on the Settings page, falling back to the display name in NEXTROUND_SMTP_FROM."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from nextround.config import Settings, SmtpConfig
from nextround.domain.stages import Outcome, Stage
from nextround.services import feedback
from nextround.services.applications import ApplicationService
from nextround.services.preferences import set_preference
from nextround.services.workspace import Workspace
from tests.conftest import other_owner
from tests.factories import make_application
from tests.web_support import Web

HX = {"hx-request": "true"}


def drafted(ws: Workspace) -> int:
    app = make_application(ws, stage=Stage.INTERVIEW, company="Northwind", role="Support Engineer", round_=1)
    ApplicationService(ws).close(app.id, Outcome.REJECTED)
    request, _ = feedback.draft_request(ws, app.id, to="dana@example.org")
    return request.id


def test_the_draft_is_edited_then_used_for_the_download(web: Web, workspace: Workspace) -> None:
    request_id = drafted(workspace)
    page = web.client.get(f"/applications/{feedback.get_request(workspace, request_id).application_id}/feedback")
    assert f'action="/feedback-requests/{request_id}/edit"' in page.text and "readonly" not in page.text
    mine = "Hello Dana,\n\nCould you tell me what to work on before the next round?\n\nThanks, Ada"
    saved = web.post_form(
        f"/feedback-requests/{request_id}/edit", {"subject": "A quick question", "body": mine}, headers=HX
    )
    assert saved.status_code == 200 and "Your wording is saved" in saved.text
    stored = feedback.get_request(workspace, request_id)
    assert (stored.subject, stored.body) == ("A quick question", mine)
    eml = web.client.get(f"/feedback-requests/{request_id}/eml").text
    assert "Subject: A quick question" in eml and "what to work on" in eml


def test_a_bad_edit_keeps_the_typing_and_says_what_is_wrong(web: Web, workspace: Workspace) -> None:
    request_id = drafted(workspace)
    before = feedback.get_request(workspace, request_id)
    bad = web.post_form(f"/feedback-requests/{request_id}/edit", {"subject": "  ", "body": "My own words"}, headers=HX)
    assert bad.status_code == 422
    assert 'id="fb-draft-subject-error"' in bad.text and "My own words" in bad.text
    assert feedback.get_request(workspace, request_id).body == before.body  # nothing saved
    api = web.api("PATCH", f"/api/v1/feedback-requests/{request_id}", json={"subject": "", "body": ""})
    assert api.status_code == 422 and {e["field"] for e in api.json()["errors"]} == {"subject", "body"}


def test_only_a_draft_is_edited_and_only_ones_own(web: Web, workspace: Workspace) -> None:
    request_id = drafted(workspace)
    feedback.mark(workspace, request_id, "sent")
    late = web.api("PATCH", f"/api/v1/feedback-requests/{request_id}", json={"subject": "Hi", "body": "Changed"})
    assert late.status_code == 422 and "only a draft" in late.json()["error"]
    theirs = drafted(other_owner(workspace))
    assert web.post_form(f"/feedback-requests/{theirs}/edit", {"subject": "x", "body": "y"}).status_code == 404


def test_drafts_are_signed_with_the_name_from_settings(web: Web, workspace: Workspace) -> None:
    first = feedback.get_request(workspace, drafted(workspace))
    assert first.body.rstrip().endswith("Best wishes,")  # no name anywhere yet
    saved = web.post_form("/settings", {"profile.name": "Ada  Lovelace", **_unchanged(web)})
    assert saved.status_code == 303
    assert 'value="Ada Lovelace"' in web.client.get("/settings").text
    again = feedback.get_request(workspace, drafted(workspace))
    assert again.body.rstrip().endswith("Best wishes,\nAda Lovelace")


def test_the_smtp_display_name_is_the_fallback(settings: Settings, workspace: Workspace) -> None:
    with_from = replace(
        workspace, settings=replace(settings, smtp=SmtpConfig(from_addr="Sam Okafor <sam@example.org>"))
    )
    assert feedback.signature_name(with_from) == "Sam Okafor"
    set_preference(with_from, "profile.name", "Samuel Okafor")
    assert feedback.signature_name(with_from, "Sam from the CLI") == "Samuel Okafor"  # the setting wins


def _unchanged(web: Web) -> dict[str, str]:
    """The rest of the settings form as it stands (only the name changes)."""
    from nextround.domain.ghosting import DEFAULT_GHOST_DAYS

    return {s.value: str(d) for s, d in DEFAULT_GHOST_DAYS.items()} | {"mail.reading": "on"}


def test_the_cli_signs_with_the_same_name(cli: Any, workspace: Workspace) -> None:
    app = make_application(workspace, stage=Stage.INTERVIEW, company="Northwind", role="Support Engineer", round_=1)
    ApplicationService(workspace).close(app.id, Outcome.REJECTED)
    assert cli("config", "set", "profile.name", "Ada Lovelace").exit_code == 0
    drafted = cli("feedback", "draft", str(app.id), "--json")
    assert drafted.exit_code == 0, drafted.output
    assert feedback.list_requests(workspace, app.id)[0].body.rstrip().endswith("Best wishes,\nAda Lovelace")
    too_long = cli("config", "set", "profile.name", "A" * 101)
    assert too_long.exit_code != 0 and "longer than 100 characters" in too_long.output


def test_an_address_added_to_an_edited_draft_keeps_the_wording(web: Web, workspace: Workspace) -> None:
    app = make_application(workspace, stage=Stage.INTERVIEW, company="Haulier", role="Planner", round_=1)
    ApplicationService(workspace).close(app.id, Outcome.REJECTED)
    request, _ = feedback.draft_request(workspace, app.id)  # no address known
    page = web.client.get(f"/applications/{app.id}/feedback").text
    assert 'id="fb-draft-to"' in page and "SMTP" not in page and "Mark sent" in page
    mine = "Hello,\n\nWhat could I have done better in the interview?\n\nHema"
    bad = web.post_form(
        f"/feedback-requests/{request.id}/edit",
        {"subject": "Feedback", "body": mine, "to": "hr at haulier"},
        headers=HX,
    )
    assert bad.status_code == 422 and 'id="fb-draft-to-error"' in bad.text and "hr at haulier" in bad.text
    assert mine in bad.text.replace("&#39;", "'")
    saved = web.post_form(
        f"/feedback-requests/{request.id}/edit", {"subject": "Feedback", "body": mine, "to": "hr@haulier.example"},
        headers=HX,
    )  # fmt: skip
    assert saved.status_code == 200 and "mailto:hr@haulier.example" in saved.text
    stored = feedback.get_request(workspace, request.id)
    assert (stored.body, stored.to_email) == (mine, "hr@haulier.example")
