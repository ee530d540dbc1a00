"""Listing applications — the hot read path of `nextround app list`.

On SQLite the listing is read with the standard library (see storage.sqlite_listing) so the command
does not pay for loading SQLAlchemy; on PostgreSQL, or when the fast path cannot answer, it goes
through the workspace like every other use case. Both give the same rows.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from nextround.config import Settings
from nextround.storage.schema import HEAD_REVISION, HIDE_REJECTED_SETTING, LOCAL_USERNAME

if TYPE_CHECKING:
    from nextround.domain.applications import ApplicationSummary
    from nextround.services.workspace import Workspace


def list_applications(
    settings: Settings,
    open_workspace: Callable[[], Workspace],
    *,
    stage: str | None = None,
    outcome: str | None = None,
    open_only: bool = False,
    closed_only: bool = False,
    company: str | None = None,
    show_all: bool = False,
) -> tuple[list[ApplicationSummary], bool]:
    """The listing rows, and whether rejected ones were hidden by the user's `hide_rejected` choice.

    Hiding is for everyday views only: asking for an outcome, for closed ones, or for all shows them.
    """
    may_hide = not (show_all or outcome or closed_only)
    if settings.is_sqlite:
        from nextround.storage.sqlite_listing import list_summaries, setting_is_on

        database = Path(settings.database_url.removeprefix("sqlite:///"))
        rows = list_summaries(
            database,
            head_revision=HEAD_REVISION,
            username=LOCAL_USERNAME,
            stage=stage,
            outcome=outcome,
            open_only=open_only,
            closed_only=closed_only,
            company=company,
            hide_rejected_key=HIDE_REJECTED_SETTING if may_hide else None,
        )
        if rows is not None:
            hidden = may_hide and setting_is_on(database, LOCAL_USERNAME, HIDE_REJECTED_SETTING)
            return rows, hidden
    from nextround.domain.stages import parse_outcome, parse_stage
    from nextround.services.applications import ApplicationService
    from nextround.services.keepgoing import hide_rejected

    ws = open_workspace()
    hide = may_hide and hide_rejected(ws)
    rows = ApplicationService(ws).summaries(
        stage=parse_stage(stage) if stage else None,
        outcome=parse_outcome(outcome) if outcome else None,
        open_only=open_only,
        closed_only=closed_only,
        company=company,
        hide_rejected=hide,
    )
    return rows, hide
