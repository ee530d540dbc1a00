"""Whatever a client sends, the answer is a 4xx with one message, or a 500 that logs one line with an id."""

from __future__ import annotations

import logging

import pytest
from fastapi.testclient import TestClient

from tests.web_support import BASE_URL, Web

HUGE = 2**64


@pytest.mark.parametrize(
    ("method", "path", "body"),
    [
        ("GET", f"/api/v1/applications/{HUGE}", None),
        ("GET", f"/api/v1/applications?offset={HUGE}", None),
        ("GET", f"/applications/{HUGE}", None),
        ("PATCH", "/api/v1/applications/1", {"company": None}),
        ("PATCH", "/api/v1/applications/1", {"role": None}),
        ("PATCH", "/api/v1/applications/1", {"salary_max": HUGE}),
        ("PATCH", "/api/v1/applications/1", {"excitement": HUGE}),
        ("POST", "/api/v1/applications/1/move", {"stage": "interview", "round": HUGE}),
        ("POST", "/api/v1/applications/1/move", {"stage": "interview", "round": 2**40}),
        ("POST", "/api/v1/applications", {"company": "A", "role": "B", "applied_on": "999999999 days ago"}),
        ("POST", "/api/v1/applications", {"company": "A", "role": "B", "applied_on": "9999-12-31"}),
        ("POST", "/api/v1/applications/1/move", {"stage": "interview", "at": "9999-12-31T23:59"}),
    ],
)
def test_input_a_client_can_send_is_a_4xx_on_both_engines(web: Web, method: str, path: str, body: object) -> None:
    created = web.api("POST", "/api/v1/applications", json={"company": "Acme", "role": "Baker"})
    assert created.status_code == 201
    response = web.api(method, path, json=body)
    assert 400 <= response.status_code < 500, (response.status_code, response.text[:200])
    if path.startswith("/api/"):
        assert response.json()["error"]
    after = web.api("GET", "/api/v1/applications/1").json()
    assert (after["company"], after["role"], after["interview_round"]) == ("Acme", "Baker", None)


def test_an_unexpected_error_is_one_log_line_with_an_id_and_never_reaches_the_server(
    web: Web, caplog: pytest.LogCaptureFixture
) -> None:
    def boom() -> None:
        raise RuntimeError("the disk caught fire\nsecond line of detail")

    web.app.add_api_route("/api/v1/boom", boom)
    # raise_server_exceptions=True: an error that escaped to the server would be raised here instead.
    with TestClient(web.app, base_url=BASE_URL) as client, caplog.at_level(logging.INFO):
        response = client.get("/api/v1/boom")
    assert response.status_code == 500
    records = [r for r in caplog.records if r.levelno >= logging.INFO and r.name.startswith("nextround")]
    assert len(records) == 1
    line = records[0].getMessage()
    assert "\n" not in line and records[0].exc_info is None
    incident = line.split()[1]
    assert incident in response.json()["error"]
    assert "RuntimeError: the disk caught fire" in line
