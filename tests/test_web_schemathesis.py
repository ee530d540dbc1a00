"""Schemathesis over /openapi.json: generated requests to every API operation, and no server error, on both engines.

A bounded run (a fixed, derandomised example budget per operation) keeps CI fast. The CSRF token and the
allowed Host are sent the way a real client sends them, so the requests reach the handlers.
"""

from __future__ import annotations

from typing import Any

import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error

from nextround.config import Settings
from nextround.web.app import create_app

from .conftest import FakeClock

EXAMPLES_PER_OPERATION = 20
HOST = "127.0.0.1:8765"


def test_no_generated_request_gets_a_server_error(settings: Settings, clock: FakeClock) -> None:
    app = create_app(settings, clock=clock)
    headers = {"X-CSRF-Token": app.state.web.csrf_token, "Host": HOST}
    schema = schemathesis.openapi.from_asgi("/openapi.json", app, headers={"Host": HOST})
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 8
    requests: dict[str, int] = {}
    for operation in operations:
        _fuzz(operation, headers, requests)
    assert sum(requests.values()) >= len(operations)


def _fuzz(operation: Any, headers: dict[str, str], requests: dict[str, int]) -> None:
    @settings(
        max_examples=EXAMPLES_PER_OPERATION,
        deadline=None,
        derandomize=True,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(operation.as_strategy())
    def run(case: Any) -> None:
        response = case.call(headers=headers)
        requests[operation.label] = requests.get(operation.label, 0) + 1
        case.validate_response(response, checks=[not_a_server_error])

    run()
