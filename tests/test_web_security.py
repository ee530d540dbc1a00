"""Local safety: loopback only, Host checking, CSRF tokens, upload limits."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from nextround.config import Settings
from nextround.web.app import create_app
from nextround.web.security import allowed_hosts, check_bind_host, is_loopback
from tests.web_support import BASE_URL, Web


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost", "::1", "127.0.0.2"])
def test_loopback_addresses_may_be_bound(host: str) -> None:
    assert is_loopback(host)
    check_bind_host(host)


@pytest.mark.parametrize("host", ["0.0.0.0", "192.168.1.20", "::", "example.com", ""])
def test_other_addresses_are_refused(host: str) -> None:
    from nextround.errors import UserError

    with pytest.raises(UserError, match="only binds to loopback"):
        check_bind_host(host)


def test_serve_refuses_a_public_address_in_one_line(cli: Any) -> None:
    from typer.testing import CliRunner

    from nextround.cli.main import app

    result = CliRunner().invoke(app, ["serve", "--host", "0.0.0.0", "--no-open"])
    assert result.exit_code == 1
    assert result.stderr.strip().startswith("error: refusing to listen on 0.0.0.0")
    assert len(result.stderr.strip().splitlines()) == 1


def test_allowed_hosts_are_the_bound_address_and_loopback_names() -> None:
    hosts = allowed_hosts("127.0.0.1", 8765)
    assert {"127.0.0.1:8765", "localhost:8765", "[::1]:8765"} <= hosts
    assert "127.0.0.1:9999" not in hosts
    assert "evil.example:8765" not in hosts


@pytest.mark.parametrize("host", ["evil.example:8765", "evil.example", "127.0.0.1:9999", "localhost"])
def test_a_foreign_host_header_is_refused(web: Web, host: str) -> None:
    for path in ["/", "/api/v1/stats", "/static/app.css"]:
        response = web.client.get(path, headers={"host": host})
        assert response.status_code == 400, (host, path)
    assert web.client.get("/api/v1/stats", headers={"host": host}).json()["error"].startswith("This server only")


def test_localhost_with_the_port_is_accepted(web: Web) -> None:
    assert web.client.get("/", headers={"host": "localhost:8765"}).status_code == 200


def test_forms_without_the_csrf_token_are_refused(web: Web) -> None:
    response = web.client.post("/applications/new", data={"company": "Acme", "role": "Baker"})
    assert response.status_code == 403
    assert "Nothing was saved" in response.text
    wrong = web.client.post("/applications/new", data={"company": "Acme", "role": "Baker", "csrf_token": "nope"})
    assert wrong.status_code == 403
    # A tab left open while nextround restarted: said in words, with how to keep what was typed.
    assert "CSRF token" not in wrong.text and "opened before nextround was last started" in wrong.text
    assert "Go back to what you typed" in wrong.text
    assert web.api("GET", "/api/v1/applications").json()["total"] == 0


def test_api_calls_without_the_csrf_header_are_refused(web: Web) -> None:
    response = web.client.post("/api/v1/applications", json={"company": "Acme", "role": "Baker"})
    assert response.status_code == 403
    assert response.json() == {"error": "missing or wrong CSRF token; reload the page and try again"}
    assert web.client.patch("/api/v1/applications/1", json={"notes": "x"}).status_code == 403
    assert web.client.post("/api/v1/analyze/feedback", json={"text": "x"}).status_code == 403


def test_a_request_from_another_origin_is_refused_even_with_the_token(web: Web) -> None:
    response = web.api(
        "POST", "/api/v1/applications", json={"company": "A", "role": "B"}, headers={"origin": "http://evil.example"}
    )
    assert response.status_code == 403
    same = web.api("POST", "/api/v1/applications", json={"company": "A", "role": "B"}, headers={"origin": BASE_URL})
    assert same.status_code == 201


def test_each_app_has_its_own_token(settings: Settings) -> None:
    assert create_app(settings).state.web.csrf_token != create_app(settings).state.web.csrf_token


@pytest.fixture
def small_web(settings: Settings) -> Iterator[Web]:
    limited = Settings(home=settings.home, database_url=settings.database_url, max_import_bytes=1024 * 1024)
    app = create_app(limited)
    with TestClient(app, base_url=BASE_URL, follow_redirects=False) as client:
        yield Web(app=app, client=client, token=app.state.web.csrf_token)


def test_uploads_over_the_limit_are_refused_with_413(small_web: Web, tmp_path: Path) -> None:
    big = b"Application Date,Company Name\n" + b"x" * (1024 * 1024 + 10)
    response = small_web.client.post(
        "/transfer/linkedin", data={"csrf_token": small_web.token}, files={"file": ("big.csv", big, "text/csv")}
    )
    assert response.status_code == 413
    assert "1 MB" in response.text
    api = small_web.api("POST", "/api/v1/analyze/feedback", content=b'{"text": "' + b"a" * 1_100_000 + b'"}')
    assert api.status_code == 413
    assert api.json()["error"].startswith("The upload is larger")


def test_a_streamed_body_without_length_is_cut_at_the_limit(small_web: Web) -> None:
    def chunks() -> Iterator[bytes]:
        yield b'{"text": "'
        for _ in range(40):
            yield b"a" * 64 * 1024
        yield b'"}'

    response = small_web.api(
        "POST", "/api/v1/analyze/feedback", content=chunks(), headers={"content-type": "application/json"}
    )
    assert response.status_code == 413
