"""Import and export pages, and the settings page."""

from __future__ import annotations

import json
import re

from nextround.domain.stages import Stage
from nextround.services.applications import ApplicationService
from nextround.services.preferences import load_preferences
from nextround.services.workspace import Workspace
from tests.factories import make_application
from tests.web_support import Web

LINKEDIN = (
    "Application Date,Contact Email,Contact Phone Number,Company Name,Job Title,Job Url,Resume Name,"
    "Question And Answers\n"
    '"10/3/24, 9:15 AM",talent@example.test,,Kestrel <Software>,Support Engineer,'
    "https://www.linkedin.com/jobs/view/4000000001/,cv.pdf,\n"
    '"10/5/24, 2:40 PM",,,Elm Street Media,Helpdesk Technician,https://www.linkedin.com/jobs/view/4000000002/,cv.pdf,\n'
)


def upload(web: Web, kind: str, name: str, data: bytes) -> object:
    return web.client.post(
        f"/transfer/{kind}", data={"csrf_token": web.token}, files={"file": (name, data, "application/octet-stream")}
    )


def test_linkedin_upload_imports_and_skips_duplicates(web: Web, workspace: Workspace) -> None:
    first = upload(web, "linkedin", "Job Applications.csv", LINKEDIN.encode())
    assert first.status_code == 200  # type: ignore[attr-defined]
    assert "Imported 2 applications" in first.text  # type: ignore[attr-defined]
    again = upload(web, "linkedin", "Job Applications.csv", LINKEDIN.encode())
    assert "Imported 0 applications; 2 already there, skipped" in again.text  # type: ignore[attr-defined]
    companies = sorted(a.fields.company for a in ApplicationService(workspace).find())
    assert companies == ["Elm Street Media", "Kestrel <Software>"]


def test_a_bad_file_is_a_one_line_message(web: Web) -> None:
    response = upload(web, "linkedin", "wrong.csv", b"Name,Age\nBob,3\n")
    assert response.status_code == 422  # type: ignore[attr-defined]
    assert 'role="alert"' in response.text  # type: ignore[attr-defined]
    missing = web.client.post("/transfer/linkedin", data={"csrf_token": web.token})
    assert missing.status_code == 422 and "choose a file" in missing.text
    unknown = upload(web, "excel", "x.xlsx", b"data")
    assert unknown.status_code == 422  # type: ignore[attr-defined]


def test_json_export_downloads_and_imports_back(web: Web, workspace: Workspace) -> None:
    make_application(workspace, company="Northwind", stage=Stage.INTERVIEW)
    response = web.client.get("/export.json")
    assert response.status_code == 200
    assert response.headers["content-disposition"].startswith('attachment; filename="nextround-export-2024-11-06')
    data = response.json()
    assert data["format"] == "nextround-export"
    assert [a["company"] for a in data["tables"]["applications"]] == ["Northwind"]
    again = upload(web, "json", "export.json", json.dumps(data).encode())
    assert "Imported 0 applications; 1 already there, skipped" in again.text  # type: ignore[attr-defined]


def test_settings_page_saves_limits_and_auto_close(web: Web, workspace: Workspace) -> None:
    html = web.client.get("/settings").text
    assert 'id="ghost-applied"' in html and 'value="21"' in html
    form = {"applied": "30", "screening": "14", "assessment": "14", "interview": "10", "final": "10", "offer": "7",
            "auto_close_ghosted": "on"}  # fmt: skip
    saved = web.post_form("/settings", form)
    assert saved.status_code == 303
    prefs = load_preferences(workspace)
    assert prefs.auto_close_ghosted is True
    assert prefs.ghost_days[Stage.APPLIED] == 30
    assert "Settings saved." in web.client.get(saved.headers["location"]).text


def test_settings_are_all_checked_before_any_is_saved(web: Web, workspace: Workspace) -> None:
    form = {"applied": "25", "screening": "0", "assessment": "14", "interview": "10", "final": "10", "offer": "7"}
    response = web.post_form("/settings", form)
    assert response.status_code == 422
    assert "at least 1 day" in response.text
    assert load_preferences(workspace).ghost_days[Stage.APPLIED] == 21
    # A box left empty or with a fraction: the message sits beside that box, in words, the rest kept as typed.
    cleared = web.post_form("/settings", {**form, "screening": "14", "interview": "", "final": "1.5"})
    assert cleared.status_code == 422
    for stage in ("interview", "final"):
        beside = re.search(rf'<p class="error-text" id="ghost-{stage}-error">([^<]*)</p>', cleared.text)
        assert beside and beside.group(1) == "Give a whole number of days, at least 1 day.", stage
    assert (
        "ghost_days" not in cleared.text
        and 'id="ghost-applied" name="applied" type="number" min="1" value="25"' in cleared.text
    )
    assert load_preferences(workspace).ghost_days[Stage.APPLIED] == 21


def test_private_answers_are_never_cached(web: Web) -> None:
    assert web.client.get("/export.json").headers["cache-control"] == "no-store"
    assert web.client.get("/api/v1/session").headers["cache-control"] == "no-store"


def test_odd_upload_names_are_a_page_not_a_crash(web: Web, workspace: Workspace) -> None:
    for name in ("..", ".", "x" * 300 + ".csv"):
        response = upload(web, "linkedin", name, LINKEDIN.encode())
        assert response.status_code == 200, name  # type: ignore[attr-defined]
    assert len(ApplicationService(workspace).find()) == 2
    for name in ("..", "c" * 300 + ".txt"):
        sent = {"cv": (name, b"SQL, Python", "text/plain")}
        cv = web.client.post("/insights/cv", data={"csrf_token": web.token, "name": "CV"}, files=sent)
        assert cv.status_code in (303, 422), name
