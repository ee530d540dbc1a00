"""Pages of this pillar (filled in as the pillar's web pages land)."""

from __future__ import annotations

from fastapi import APIRouter

router = APIRouter(include_in_schema=False)
