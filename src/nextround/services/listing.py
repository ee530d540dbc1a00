"""Listing applications — the hot read path of `nextround app list`, read through storage.reads."""

from __future__ import annotations

from nextround.domain.applications import ApplicationSummary
from nextround.services.workspace import Workspace
from nextround.storage.schema import HIDE_REJECTED_SETTING


def list_applications(
    ws: Workspace,
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
    `stage` and `outcome` are checked names (domain.stages.parse_stage / parse_outcome values).
    """
    with ws.db.reader(ws.owner_id) as reader:
        hide = not (show_all or outcome or closed_only) and bool(reader.settings().get(HIDE_REJECTED_SETTING))
        rows = reader.summaries(
            stage=stage,
            outcome=outcome,
            open_only=open_only,
            closed_only=closed_only,
            company=company,
            hide_rejected=hide,
        )
    return rows, hide
