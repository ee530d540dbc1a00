"""The settings (read from the environment once per command), the user's workspace, and dates as users type them."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING

import typer

if TYPE_CHECKING:
    from nextround.config import Settings
    from nextround.services.workspace import Workspace


def _state(ctx: typer.Context) -> dict[str, object]:
    root = ctx.find_root()
    if not isinstance(root.obj, dict):
        root.obj = {}
    state: dict[str, object] = root.obj
    return state


def settings(ctx: typer.Context) -> Settings:
    """The settings, read from the environment once per command: the only place the CLI reads it."""
    state = _state(ctx)
    if "settings" not in state:
        from nextround.config import Settings

        state["settings"] = Settings.from_env()
    found: Settings = state["settings"]  # type: ignore[assignment]
    return found


def workspace(ctx: typer.Context) -> Workspace:
    """The local workspace, opened (and migrated) on first use and closed with the command."""
    state = _state(ctx)
    if "workspace" in state:
        found: Workspace = state["workspace"]  # type: ignore[assignment]
        return found
    from nextround.services.workspace import Workspace

    ws = Workspace.open_local(settings(ctx))
    state["workspace"] = ws
    ctx.find_root().call_on_close(ws.db.dispose)
    return ws


def moment(text: str | None, ws: Workspace) -> datetime | None:
    """A user-typed date ("yesterday", "2024-10-03", "next tuesday 14:00") as an aware moment, or None."""
    if text is None:
        return None
    from nextround.domain.dates import parse_when

    return parse_when(text, ws.now())


def day(text: str | None, ws: Workspace) -> date | None:
    if text is None:
        return None
    from nextround.domain.dates import parse_date

    return parse_date(text, ws.now().date())
