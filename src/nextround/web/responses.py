"""JSON answers of the API: a service's typed result written by nextround.serialize, like `--json` prints it."""

from __future__ import annotations

from fastapi.responses import JSONResponse

from nextround.serialize import to_json


def json_response(value: object, status_code: int = 200) -> JSONResponse:
    return JSONResponse(to_json(value), status_code=status_code)
