"""The app factory, the pages, escaping, error pages and headers."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from nextround.config import Settings
from nextround.domain.stages import Outcome, Stage
from nextround.services.applications import ApplicationService
from nextround.services.workspace import Workspace
from nextround.web.errors import not_found_in_plain_words
from tests.factories import make_application
from tests.web_support import Web, bar_value

PAGES = ["/", "/applications", "/applications/new", "/practice", "/transfer", "/inbox", "/settings"]


def test_importing_and_building_the_app_touch_no_files(tmp_path: Path) -> None:
    home = tmp_path / "home"
    code = (
        "from pathlib import Path\n"
        "from nextround.config import Settings\n"
        "from nextround.web.app import create_app\n"
        f"home = Path({str(home)!r})\n"
        "create_app(Settings(home=home, database_url=f'sqlite:///{home}/x.db'))\n"
        "print(home.exists())\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"


def test_the_app_opens_its_database_on_the_first_request(web: Web) -> None:
    assert web.app.state.web._db is None
    assert web.client.get("/").status_code == 200
    assert web.app.state.web._db is not None


@pytest.mark.parametrize("path", PAGES)
def test_every_page_renders_with_landmarks_and_navigation(web: Web, path: str) -> None:
    response = web.client.get(path)
    assert response.status_code == 200
    html = response.text
    assert '<main id="main"' in html
    assert '<nav aria-label="Main">' in html
    assert 'class="skip-link" href="#main"' in html
    assert "/static/vendor/htmx.min.js" in html
    assert web.token in html  # hx-headers on <body>


def test_pages_with_data(web: Web, workspace: Workspace) -> None:
    app = make_application(workspace, company="Northwind", role="Support Engineer", stage=Stage.INTERVIEW)
    for path in [*PAGES, f"/applications/{app.id}", f"/applications/{app.id}/edit"]:
        response = web.client.get(path)
        assert response.status_code == 200, path
    assert "Northwind" in web.client.get("/applications").text


def test_untrusted_text_is_escaped_everywhere(web: Web, workspace: Workspace) -> None:
    evil = '<script>alert("x")</script>'
    app = make_application(
        workspace, company=evil, role=f"Chef {evil}", notes=f"note {evil}", jd_text=f"jd {evil}", tags=(evil,)
    )
    ApplicationService(workspace).close(app.id, Outcome.REJECTED)  # so the dashboard's next steps name it
    for path in ["/", "/applications", f"/applications/{app.id}", f"/applications/{app.id}/edit"]:
        html = web.client.get(path).text
        assert "<script>alert" not in html, path
        assert "&lt;script&gt;alert" in html, path


def test_application_page_shows_timeline_and_pillar_sections(web: Web, workspace: Workspace) -> None:
    app = make_application(workspace, company="Lumen Bank", stage=Stage.SCREENING, jd_text="Must know SQL.")
    html = web.client.get(f"/applications/{app.id}").text
    assert 'id="timeline"' in html
    assert html.count('<li class="timeline-') == 2  # applied, screening
    assert "Must know SQL." in html
    for title in ("Feedback requests", "Feedback received", "Reflection", "Practise for this job"):
        assert title in html
    # The feedback section loads in place with HTMX and links to its own page without JavaScript.
    assert f'hx-get="/applications/{app.id}/feedback"' in html
    assert f'href="/practice?app={app.id}"' in html


def test_unknown_page_is_a_friendly_404(web: Web) -> None:
    response = web.client.get("/no/such/page")
    assert response.status_code == 404
    assert "text/html" in response.headers["content-type"]
    assert "Not found" in response.text


def test_unknown_application_page_is_404_without_a_trace(web: Web) -> None:
    response = web.client.get("/applications/4242")
    assert response.status_code == 404
    assert "This application does not exist — it may have been deleted." in response.text
    assert "no application with id" not in response.text
    assert "Traceback" not in response.text


def test_a_missing_item_is_said_in_plain_words_on_pages_and_kept_for_the_api(web: Web) -> None:
    contact = web.client.get("/contacts/999")
    assert contact.status_code == 404
    assert "This contact does not exist — it may have been deleted." in contact.text
    fragment = web.client.get("/contacts/999", headers={"HX-Request": "true"})
    assert fragment.status_code == 404 and "This contact does not exist" in fragment.text
    api = web.client.get("/api/v1/contacts/999")
    assert api.status_code == 404 and api.json()["error"] == "no contact with id 999"


def test_only_the_unknown_id_pattern_is_reworded() -> None:
    assert not_found_in_plain_words("no CV with id 3") == "This CV does not exist — it may have been deleted."
    assert not_found_in_plain_words("no practice session with id 12") == (
        "This practice session does not exist — it may have been deleted."
    )
    assert not_found_in_plain_words("no one with id 3 on your caseload") == (  # most often: sharing stopped
        "This person is not on your caseload: they may have stopped sharing their search with you."
    )
    assert not_found_in_plain_words("nothing with id 4 to delete") == "nothing with id 4 to delete"


def test_htmx_errors_come_back_as_a_fragment(web: Web) -> None:
    response = web.client.get("/applications/4242", headers={"HX-Request": "true"})
    assert response.status_code == 404
    assert response.text.lstrip().startswith('<div class="alert alert-error" role="alert">')


def test_security_headers_on_pages_api_and_static(web: Web) -> None:
    for path in ["/", "/api/v1/stats", "/static/app.css", "/no/such/page"]:
        headers = web.client.get(path).headers
        csp = headers["content-security-policy"]
        assert "default-src 'self'" in csp
        assert "frame-ancestors 'none'" in csp
        assert "script-src 'self'" in csp
        assert headers["x-content-type-options"] == "nosniff"
        assert headers["x-frame-options"] == "DENY"


def test_pages_use_no_inline_script_or_style(web: Web, workspace: Workspace) -> None:
    make_application(workspace, company="Acme")
    for path in PAGES:
        html = web.client.get(path).text
        assert "<script>" not in html and "<style" not in html and " style=" not in html, path
        assert 'src="http' not in html and 'href="http' not in html and "//cdn" not in html, path


def test_vendored_htmx_is_served_with_its_licence() -> None:
    from nextround.web.app import STATIC_DIR

    vendor = STATIC_DIR / "vendor"
    assert (vendor / "htmx.min.js").stat().st_size > 10_000
    assert "Permission" in (vendor / "htmx.LICENSE").read_text() or "BSD" in (vendor / "htmx.LICENSE").read_text()


def test_dashboard_charts_show_where_rejections_happen(web: Web, workspace: Workspace) -> None:
    service = ApplicationService(workspace)
    before = web.client.get("/").text
    assert bar_value(before, "rejection-chart", "final") == 0
    app = make_application(workspace, company="Tessellate", stage=Stage.FINAL)
    service.close(app.id, Outcome.REJECTED)
    after = web.client.get("/").text
    assert bar_value(after, "rejection-chart", "final") == 1
    assert bar_value(after, "funnel-chart", "final") == 1
    assert "small sample (1)" in after
    assert 'title="Fewer than 10 applications' in after and "the picture firms up from 10." in after
    assert "With 1 application sent, these are early signs" in after  # not "1 applications"


def test_dashboard_fragment_for_htmx(web: Web) -> None:
    response = web.client.get("/", headers={"HX-Request": "true"})
    assert response.status_code == 200
    assert response.text.lstrip().startswith('<section id="charts"')


def test_an_unexpected_error_is_a_plain_500_without_details(settings: Settings) -> None:
    from fastapi.testclient import TestClient

    from nextround.web.app import create_app

    app = create_app(settings)

    def boom() -> None:
        raise RuntimeError("secret internals")

    app.add_api_route("/api/v1/boom", boom)
    app.add_api_route("/boom", boom)
    client = TestClient(app, base_url="http://127.0.0.1:8765", raise_server_exceptions=False)
    api = client.get("/api/v1/boom")
    assert api.status_code == 500
    message = api.json()["error"]
    assert message.startswith("Something went wrong on our side (error ") and "secret internals" not in message
    page = client.get("/boom")
    assert page.status_code == 500 and "secret internals" not in page.text and "Traceback" not in page.text


def test_dashboard_counts_add_up_with_a_job_accepted(web: Web, workspace: Workspace, cli: object) -> None:
    make_application(workspace, company="Riverside Care Home")
    rejected = make_application(workspace, company="St Mary's Hospice", stage=Stage.INTERVIEW, round_=1)
    ApplicationService(workspace).close(rejected.id, Outcome.REJECTED)
    make_application(workspace, company="Oakfield Nursing Home", stage=Stage.ACCEPTED)
    page = web.client.get("/").text
    # An accepted job is neither open nor closed: '3 applications, 1 open, 1 closed' lost the best news.
    assert "1 open, 1 closed, 1 accepted" in page
    overview = cli("--json")  # type: ignore[operator]
    assert '"accepted": 1' in overview.stdout
    assert "1 open, 1 closed, 1 accepted." in cli().stdout  # type: ignore[operator]
