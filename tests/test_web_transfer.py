"""Import and export pages, and the settings page."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import replace

import pytest

from nextround.config import Settings
from nextround.domain.stages import Stage
from nextround.services import transfer
from nextround.services.applications import ApplicationService
from nextround.services.preferences import load_preferences
from nextround.services.workspace import Workspace
from tests.factories import make_application
from tests.web_support import Web, command_line_in, web_with

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


def test_a_cut_short_or_damaged_export_is_one_plain_message_and_nothing_is_lost(web: Web, workspace: Workspace) -> None:
    make_application(workspace, company="Northwind", stage=Stage.INTERVIEW)
    whole = web.client.get("/export.json").content
    make_application(workspace, company="Kept", stage=Stage.APPLIED)
    before = web.client.get("/export.json").json()["tables"]
    damaged = bytearray(whole)
    damaged[whole.index(b'"Northwind"') - 3] = ord("#")
    cases = {
        "cut.json": (whole[: len(whole) // 2], "cut.json is cut short: it stops in the middle, at line "),
        "bad.json": (bytes(damaged), "bad.json is damaged at line "),
        "cv.json": (b"Sam Rivera\nCustomer success manager", "cv.json is not a nextround export: those are"),
    }
    for name, (data, message) in cases.items():
        response = upload(web, "json", name, data)
        assert response.status_code == 422, name  # type: ignore[attr-defined]
        alert = re.findall(r'role="alert"[^>]*>(.*?)</', response.text, re.S)  # type: ignore[attr-defined]
        assert len(alert) == 1 and message in alert[0], (name, alert)
        assert "Unterminated" not in alert[0] and "Expecting" not in alert[0]
        if name != "cv.json":
            assert "Nothing was imported; export again from nextround, or import an earlier copy." in alert[0]
    assert web.client.get("/export.json").json()["tables"] == before


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
    assert "from 1 to 365" in response.text
    assert load_preferences(workspace).ghost_days[Stage.APPLIED] == 21
    # A box left empty or with a fraction: the message sits beside that box, in words, the rest kept as typed.
    cleared = web.post_form("/settings", {**form, "screening": "14", "interview": "", "final": "1.5"})
    assert cleared.status_code == 422
    for stage in ("interview", "final"):
        beside = re.search(rf'<p class="error-text" id="ghost-{stage}-error">([^<]*)</p>', cleared.text)
        assert beside and beside.group(1) == "Give a whole number of days, from 1 to 365.", stage
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


MB = 1024 * 1024


@pytest.fixture
def limited_web(settings: Settings, clock: object, monkeypatch: pytest.MonkeyPatch) -> Iterator[Web]:
    """Other files up to 1 MB, a nextround export up to 3 MB (the real limits, scaled down)."""
    monkeypatch.setattr(transfer, "EXPORT_UPLOAD_MAX_BYTES", 3 * MB)
    with web_with(replace(settings, max_import_bytes=1 * MB), clock) as web:
        yield web


def export_of(size: int) -> bytes:
    """A valid nextround export of about `size` bytes: applications with long notes."""
    count = size // 4200 + 1
    apps = [{"id": n, "company": f"Company {n}", "role": "Analyst", "notes": "n" * 4000} for n in range(1, count + 1)]
    return json.dumps({"format": "nextround-export", "version": 1, "tables": {"applications": apps}}).encode()


def test_a_nextround_export_over_the_general_limit_imports_on_the_page(limited_web: Web, workspace: Workspace) -> None:
    data = export_of(2 * MB)
    assert MB < len(data) < 3 * MB
    response = upload(limited_web, "json", "nextround-export-2024-11-06.json", data)
    assert response.status_code == 200, response.text  # type: ignore[attr-defined]
    count = len(json.loads(data)["tables"]["applications"])
    assert f"Imported {count} applications" in response.text  # type: ignore[attr-defined]
    assert len(ApplicationService(workspace).find()) == count
    page = limited_web.client.get("/transfer").text
    assert "up to 3 MB" in page and "(up to 1 MB)" in page
    # Other files keep the general limit.
    csv = upload(limited_web, "linkedin", "Job Applications.csv", LINKEDIN.encode() + b"x" * (MB + 1))
    assert csv.status_code == 413  # type: ignore[attr-defined]
    assert "larger than 1 MB" in csv.text and "Job Applications.csv" in csv.text  # type: ignore[attr-defined]


@pytest.mark.parametrize("over", [1, 200 * 1024], ids=["just-over", "well-over"])
def test_a_too_large_export_is_refused_in_plain_words_and_nothing_lands(
    limited_web: Web, workspace: Workspace, over: int
) -> None:
    data = export_of(3 * MB)
    data = data[:-1] + b" " * (3 * MB + over - len(data)) + b"}"  # still a valid export, over the limit
    assert len(data) == 3 * MB + over
    response = upload(limited_web, "json", "nextround-export-2024-11-06.json", data)
    assert response.status_code == 413  # type: ignore[attr-defined]
    text = re.sub(r"\s+", " ", response.text)  # type: ignore[attr-defined]
    assert "larger than 3 MB, the most a nextround export can be to import here" in text
    assert "check that you chose a nextround export" in text
    assert "whoever runs this nextround can raise the limit" in text
    assert 'href="/transfer"' in text
    assert "nextround import" not in text and command_line_in(response.text) is None  # type: ignore[attr-defined]
    assert ApplicationService(workspace).find() == []


def test_an_older_export_says_everything_it_brought_not_only_applications(web: Web) -> None:
    from pathlib import Path

    old = Path(__file__).parent / "data" / "old_versions"
    first = upload(web, "json", "first.json", (old / "0001_62e42c7.json").read_bytes())
    assert "Imported 9 applications." in first.text  # type: ignore[attr-defined]
    assert "Also added" not in first.text  # type: ignore[attr-defined]
    # A later export of the same search: its applications are here already, its contacts, feedback and
    # journal are not. The page said only 'Imported 0 applications; 9 already there, skipped'.
    later = upload(web, "json", "later.json", (old / "0002_d9af516.json").read_bytes())
    report = later.text.split('id="import-report"', 1)[1].split("</div>", 1)[0]  # type: ignore[attr-defined]
    assert "Imported 0 applications; 9 already there, skipped." in report
    assert (
        "Also added: 2 contacts, 1 logged interaction, 1 interview, 1 feedback request, 1 piece of feedback" in report
    )
    assert "4 journal entries, 2 goals, 1 CV and 2 watched companies." in report
    page = web.client.get("/transfer").text
    assert "journal, goals, CVs and settings" in page  # the export says it holds more than applications


def test_importing_a_file_with_nothing_new_says_so(web: Web, workspace: Workspace) -> None:
    from nextround.services.keepgoing import add_journal

    add_journal(workspace, text="A slow week, two calls.", mood=3)
    exported = web.client.get("/export.json")
    assert exported.status_code == 200
    again = upload(web, "json", "backup.json", exported.content)
    report = again.text.split('id="import-report"', 1)[1].split("</div>", 1)[0]  # type: ignore[attr-defined]
    assert "Nothing new: everything in the file is here already." in report
    assert "Imported 0 applications" not in report and 'href="/applications"' not in report
