"""CLI commands for this pillar; registered on the root app by `register`."""

from __future__ import annotations

import typer


def register(app: typer.Typer) -> None:
    """Add this pillar's commands to the root app (filled in as the pillar lands)."""
