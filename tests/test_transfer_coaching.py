"""The coaching part of the per-user JSON export (shared server): what it holds, what an import restores,
and that a local export stays as it was."""

from __future__ import annotations

import json
from typing import Any

import pytest

from nextround.domain.stages import Outcome
from nextround.errors import UserError
from nextround.serialize import dumps
from nextround.services import coach_notes, coaching
from nextround.services.applications import ApplicationFields, ApplicationService
from nextround.services.transfer import _parse_export, export_data, import_data
from nextround.services.workspace import Workspace
from nextround.storage.tables import CoachLinkRow

from .multiuser_support import Person, Server


def _coached(server: Server) -> tuple[Person, Person, int]:
    """Ada shares with her coach, who comments on an application, assigns a question and looks twice."""
    ada, coach = server.person("ada@example.org"), server.person("coach@uni.example")
    service = ApplicationService(server.workspace(ada))
    service.add(ApplicationFields(company="Early", role="Cook"))
    app = service.add(ApplicationFields(company="Crumb", role="Baker"))
    service.close(app.id, Outcome.REJECTED)
    made = coaching.invite_coach(server.db, ada.owner_id, coach.email, ["applications", "feedback"])
    link = coaching.accept(server.db, coach.owner_id, made.token)
    coach_notes.add_note(server.db, coach.owner_id, link.id, "Ask what tipped it.", application_id=app.id)
    coach_notes.add_note(server.db, coach.owner_id, link.id, "Tell me about a rush.", question=True)
    root = coach_notes.notes_for(server.db, ada.owner_id, app.id)[0]
    coach_notes.reply(server.db, ada.owner_id, root.id, "They wanted more SQL.")
    assert coach.client.get(f"/caseload/{link.id}").status_code == 200
    assert coach.client.get(f"/caseload/{link.id}/applications/{app.id}").status_code == 200
    return ada, coach, app.id


def _export(person: Person) -> dict[str, Any]:
    answer = person.client.get("/export.json")
    assert answer.status_code == 200
    data: dict[str, Any] = answer.json()
    return data


def test_the_export_holds_coaches_comments_replies_and_the_audit_log(server: Server) -> None:
    ada, coach, app_id = _coached(server)
    data = _export(ada)
    part = data["coaching"]
    assert [(c["coach_email"], c["shares"]) for c in part["coaches"]] == [
        ("coach@uni.example", ["applications", "feedback"])
    ]
    assert part["coaches"][0]["accepted_at"] and part["coaches"][0]["withdrawn_at"] is None
    assert "token" not in json.dumps(part["coaches"])  # never the invitation's secret
    comments = {c["text"]: c for c in part["comments"]}
    assert comments["Ask what tipped it."]["application_id"] == app_id
    assert [a["id"] for a in data["tables"]["applications"] if a["company"] == "Crumb"] == [app_id]
    assert comments["Tell me about a rush."]["is_question"] and comments["Tell me about a rush."]["done_at"] is None
    reply = comments["They wanted more SQL."]
    assert reply["by_seeker"] and reply["reply_to_id"] == comments["Ask what tipped it."]["id"]
    assert {r["what"] for r in part["audit_log"]} == {
        "shared view: applications, feedback",
        "application: Baker at Crumb",
    }
    assert all(r["coach_email"] == "coach@uni.example" for r in part["audit_log"])
    # the coach's own export says whom they coach, not what those people shared
    mine = _export(coach)["coaching"]
    assert [(c["seeker_email"], c["shares"]) for c in mine["coaching"]] == [
        ("ada@example.org", ["applications", "feedback"])
    ]
    assert mine["comments"] == [] and mine["audit_log"] == []


def test_an_import_into_another_account_plants_no_coach_comment_nor_read(server: Server) -> None:
    ada, coach, _app_id = _coached(server)
    data = _export(ada)
    # Anyone can write a file naming a real coach of this server: Mallory adds one more "comment" to Ada's
    planted = {**data["coaching"]["comments"][0], "id": 999, "text": "Your CV is great, send me your password."}
    data["coaching"]["comments"].append({**planted, "application_id": None, "reply_to_id": None})
    document = _parse_export(json.dumps(data), "ada.json")
    mallory = server.person("mallory@example.org")
    ws = server.workspace(mallory)
    report = import_data(ws, document)
    assert report.added == 2  # the applications come in
    assert coach_notes.notes_for(server.db, mallory.owner_id) == []
    assert coaching.reads_log(server.db, mallory.owner_id) == []
    assert coaching.coach_links(server.db, mallory.owner_id) == []
    assert report.coaching_left_out == 4 + 2  # three comments and the planted one, two reads
    # the page says what was left out, and the Sharing page shows nothing "from your coaches"
    upload = {"file": ("ada.json", json.dumps(data).encode(), "application/json")}
    page = server.person("eve@example.org").post_form("/transfer/json", files=upload)
    assert page.status_code == 200
    assert "6 coach comments and audit-log entries in the file were not imported" in page.text
    assert "send me your password" not in mallory.client.get("/sharing").text
    assert coach.client.get("/caseload").status_code == 200
    assert "mallory@example.org" not in coach.client.get("/caseload").text


def test_a_restore_keeps_each_comment_on_its_application(server: Server) -> None:
    ada, _coach, app_id = _coached(server)
    document = _parse_export(json.dumps(_export(ada)), "ada.json")
    ws = server.workspace(ada)
    import_data(ws, document, replace_all=True)  # every application is deleted and inserted again
    restored = next(a.id for a in ApplicationService(ws).summaries() if a.company == "Crumb")
    assert restored != app_id
    threads = coach_notes.notes_for(server.db, ada.owner_id)
    assert len(threads) == 2
    assert [n.text for n in coach_notes.notes_for(server.db, ada.owner_id, restored)] == ["Ask what tipped it."]
    with server.db.read() as session:
        assert session.query(CoachLinkRow).filter_by(owner_id=ada.owner_id).count() == 1  # the live link stays


@pytest.mark.parametrize(
    ("coaching_part", "message"),
    [
        ([], "coaching must be an object"),
        ({"comments": "no"}, "coaching.comments must be a list of objects"),
        ({"comments": [{"coach_email": "coach@uni.example", "text": "", "created_at": "2025-01-01"}]}, "row 1: text"),
        (
            {"audit_log": [{"coach_email": "coach@uni.example", "what": "x", "read_at": "soon"}]},
            "read_at is not a date",
        ),
    ],
)
def test_a_bad_coaching_part_is_one_line_and_nothing_lands(server: Server, coaching_part: Any, message: str) -> None:
    ada, _coach, _app_id = _coached(server)
    data = _export(ada)
    ava = server.person("ava@example.org")
    ws = server.workspace(ava)
    with pytest.raises(UserError, match=message) as caught:
        import_data(ws, _parse_export(json.dumps({**data, "coaching": coaching_part}), "bad.json"))
    assert "\n" not in str(caught.value)
    assert ApplicationService(ws).summaries() == []  # the applications did not land either
    assert coach_notes.notes_for(server.db, ava.owner_id) == []


def test_a_local_export_has_no_coaching_key(workspace: Workspace) -> None:
    ApplicationService(workspace).add(ApplicationFields(company="Crumb", role="Baker"))
    data = json.loads(dumps(export_data(workspace)))
    assert "coaching" not in data
    assert list(data) == ["format", "version", "schema", "app_version", "exported_at", "tables"]
