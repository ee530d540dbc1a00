"""Opening the user's workspace once per command, and reading dates the way users type them."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING

import typer

if TYPE_CHECKING:
    from nextround.services.workspace import Workspace


def workspace(ctx: typer.Context) -> Workspace:
    """The local workspace, opened (and migrated) on first use and closed with the command."""
    root = ctx.find_root()
    if isinstance(root.obj, dict) and "workspace" in root.obj:
        found: Workspace = root.obj["workspace"]
        return found
    from nextround.config import Settings
    from nextround.services.workspace import Workspace

    ws = Workspace.open_local(Settings.from_env())
    root.obj = {"workspace": ws}
    root.call_on_close(ws.db.dispose)
    return ws


def moment(text: str | None, ws: Workspace) -> datetime | None:
    """A user-typed date ("yesterday", "2024-10-03", "3 days ago") as an aware moment, or None."""
    if text is None:
        return None
    from nextround.domain.dates import parse_datetime

    return parse_datetime(text, ws.now())


def day(text: str | None, ws: Workspace) -> date | None:
    if text is None:
        return None
    from nextround.domain.dates import parse_date

    return parse_date(text, ws.now().date())
