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
