"""Several CVs in the browser: add a second, rename, choose the main one, match a job against either."""

from __future__ import annotations

from pathlib import Path

from nextround.services.insight import add_cv, list_cvs
from nextround.services.workspace import Workspace
from tests.conftest import other_owner
from tests.factories import make_application
from tests.web_support import Web

JOB = "We need a baker who knows sourdough, lamination and food safety, and can run the SQL stock reports."


def two_cvs(ws: Workspace, tmp_path: Path) -> tuple[int, int]:
    bakery = tmp_path / "bakery.txt"
    bakery.write_text("Baker: sourdough and lamination every morning; food safety level 2.", encoding="utf-8")
    office = tmp_path / "office.txt"
    office.write_text("Office manager: SQL reports, rotas and supplier invoices.", encoding="utf-8")
    return add_cv(ws, bakery, name="Bakery CV").id, add_cv(ws, office, name="Office CV").id


def test_add_rename_and_choose_the_main_cv(web: Web, workspace: Workspace, tmp_path: Path) -> None:
    first, second = two_cvs(workspace, tmp_path)
    page = web.client.get("/insights").text
    assert "Add another CV" in page and 'id="cv-form"' in page  # a second CV can be added any time
    assert f'action="/insights/cv/{second}/primary"' in page and f'action="/insights/cv/{first}/primary"' not in page
    renamed = web.post_form(f"/insights/cv/{second}/rename", {"name": "  Office   roles "})
    assert renamed.status_code == 303
    assert web.post_form(f"/insights/cv/{second}/rename", {"name": " "}).status_code == 422
    made = web.post_form(f"/insights/cv/{second}/primary")
    assert made.status_code == 303
    stored = {cv.id: cv for cv in list_cvs(workspace)}
    assert stored[second].name == "Office roles" and stored[second].is_primary
    assert not stored[first].is_primary
    someone = other_owner(workspace)
    cv_file = tmp_path / "theirs.txt"
    cv_file.write_text("Nurse: triage and wound care.", encoding="utf-8")
    theirs = add_cv(someone, cv_file, name="Their CV").id
    assert web.post_form(f"/insights/cv/{theirs}/rename", {"name": "Mine now"}).status_code == 404
    assert web.post_form(f"/insights/cv/{theirs}/primary").status_code == 404
    assert list_cvs(someone)[0].name == "Their CV"


def test_match_a_job_against_either_cv(web: Web, workspace: Workspace, tmp_path: Path) -> None:
    _, second = two_cvs(workspace, tmp_path)
    app = make_application(workspace, jd_text=JOB)
    main = web.client.get(f"/applications/{app.id}/match", headers={"hx-request": "true"}).text
    assert "against Bakery CV" in main and 'id="match-cv"' in main
    other = web.client.get(f"/applications/{app.id}/match?cv={second}", headers={"hx-request": "true"}).text
    assert "against Office CV" in other and f'<option value="{second}" selected>' in other
    score = int(main.split("Match: ", 1)[1].split("/", 1)[0])
    other_score = int(other.split("Match: ", 1)[1].split("/", 1)[0])
    assert score != other_score  # a different CV, a different answer
    assert web.client.get(f"/applications/{app.id}/match?cv=9999").status_code == 404


def test_the_api_adds_lists_renames_chooses_matches_and_deletes_cvs(web: Web, workspace: Workspace) -> None:
    bakery = web.api(
        "POST", "/api/v1/cvs", json={"name": " Bakery  CV ", "text": "Baker: sourdough, lamination, food safety."}
    )
    assert bakery.status_code == 201 and bakery.json()["is_primary"] is True  # the first one is the main CV
    office = web.api("POST", "/api/v1/cvs", json={"name": "Office CV", "text": "Office manager: SQL reports."})
    assert office.status_code == 201 and office.json()["is_primary"] is False
    bakery_id, office_id = bakery.json()["id"], office.json()["id"]
    listed = web.client.get("/api/v1/cvs").json()["cvs"]
    assert [(cv["name"], cv["is_primary"]) for cv in listed] == [("Bakery CV", True), ("Office CV", False)]
    assert "SQL" in web.client.get(f"/api/v1/cvs/{office_id}").json()["skills"]

    changed = web.api("PATCH", f"/api/v1/cvs/{office_id}", json={"name": "Office roles", "primary": True})
    assert changed.status_code == 200 and changed.json()["name"] == "Office roles" and changed.json()["is_primary"]
    assert {cv.id: cv.is_primary for cv in list_cvs(workspace)} == {bakery_id: False, office_id: True}
    refused = web.api("PATCH", f"/api/v1/cvs/{office_id}", json={"primary": False})
    assert refused.status_code == 422 and refused.json()["field"] == "primary"
    assert web.api("PATCH", f"/api/v1/cvs/{office_id}", json={"name": "  "}).json()["field"] == "name"
    assert web.api("PATCH", f"/api/v1/cvs/{office_id}", json={}).status_code == 422

    app = make_application(workspace, jd_text=JOB)
    main = web.client.get(f"/api/v1/applications/{app.id}/match").json()
    chosen = web.client.get(f"/api/v1/applications/{app.id}/match?cv_id={bakery_id}").json()
    assert (main["cv_name"], chosen["cv_name"]) == ("Office roles", "Bakery CV")
    assert main["result"]["score"] != chosen["result"]["score"]

    deleted = web.api("DELETE", f"/api/v1/cvs/{office_id}")
    assert deleted.status_code == 200 and deleted.json()["undo_token"]
    assert [(cv.name, cv.is_primary) for cv in list_cvs(workspace)] == [("Bakery CV", True)]


def test_the_cv_api_refuses_bad_input_and_other_peoples_cvs(web: Web, workspace: Workspace, tmp_path: Path) -> None:
    empty = web.api("POST", "/api/v1/cvs", json={"name": "Blank", "text": "   "})
    assert empty.status_code == 422 and empty.json()["field"] == "text"
    assert web.api("POST", "/api/v1/cvs", json={"name": "x"}).status_code == 422
    assert web.api("POST", "/api/v1/cvs", json={"name": "x", "text": "y", "owner_id": 2}).status_code == 422
    cv_file = tmp_path / "theirs.txt"
    cv_file.write_text("Nurse: triage and wound care.", encoding="utf-8")
    theirs = add_cv(other_owner(workspace), cv_file, name="Their CV").id
    assert web.client.get(f"/api/v1/cvs/{theirs}").status_code == 404
    assert web.api("PATCH", f"/api/v1/cvs/{theirs}", json={"primary": True}).status_code == 404
    assert web.api("DELETE", f"/api/v1/cvs/{theirs}").status_code == 404
    assert web.client.get("/api/v1/cvs").json() == {"cvs": []}
