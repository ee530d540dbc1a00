"""Small factories with keyword overrides, instead of fixture files."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from typing import Any

from nextround.domain.applications import Application, ApplicationFields
from nextround.domain.stages import Stage
from nextround.services.applications import ApplicationService
from nextround.services.workspace import Workspace


def make_fields(**overrides: Any) -> ApplicationFields:
    base = ApplicationFields(company="Acme Bakery", role="Pastry Chef")
    return replace(base, **overrides)


def make_application(
    ws: Workspace,
    *,
    stage: Stage = Stage.APPLIED,
    applied_at: datetime | None = None,
    round_: int | None = None,
    **overrides: Any,
) -> Application:
    return ApplicationService(ws).add(make_fields(**overrides), stage=stage, applied_at=applied_at, round_=round_)
