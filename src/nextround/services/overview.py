"""The overview shown by a bare `nextround`: where the search stands and the next steps."""

from __future__ import annotations

from collections import Counter
from typing import Any

from nextround.services.applications import ApplicationService
from nextround.services.network import NetworkService
from nextround.services.workspace import Workspace


def overview(ws: Workspace) -> dict[str, Any]:
    service = ApplicationService(ws)
    service.auto_close_silent()
    apps = service.find()
    open_apps = [a for a in apps if a.state.is_open and a.state.stage.value != "accepted"]
    stats = service.stats()
    silent = service.silent()
    # The agenda already knows what is due across every pillar; the overview shows its top items.
    steps: list[dict[str, str]] = [
        {"text": f"{item['title']}: {item['action']}", "command": item["command"]}
        for item in NetworkService(ws).agenda()[:4]
    ]
    recent_rejections = sorted(
        (a for a in apps if a.state.outcome is not None and a.state.outcome.value == "rejected"),
        key=lambda a: a.state.closed_at or a.created_at,
        reverse=True,
    )
    for a in recent_rejections[:2]:
        steps.append(
            {
                "text": f"Look back at {a.fields.company} ({a.fields.role}), rejected at "
                f"{a.state.rejection_bucket}: what is one thing in your control to change?",
                "command": f"nextround reflect {a.id}",
            }
        )
    if len(open_apps) < 3:
        steps.append(
            {
                "text": "Keep the pipeline moving: add the next application you send.",
                "command": 'nextround app add --company "…" --role "…"',
            }
        )
    steps.append({"text": "See where rejections happen and what it says.", "command": "nextround stats"})
    url = ws.settings.database_url
    return {
        "database": url.removeprefix("sqlite:///") if ws.settings.is_sqlite else url.split("@")[-1],
        "applications": len(apps),
        "open": len(open_apps),
        "closed": sum(1 for a in apps if not a.state.is_open),
        "open_by_stage": dict(Counter(a.state.stage.value for a in open_apps)),
        "likely_ghosted": len(silent),
        "response_rate": stats["response_rate"],
        "pattern": stats["pattern"],
        "next_steps": steps,
    }


def search_stats(ws: Workspace) -> dict[str, Any]:
    """`nextround stats`: the funnel numbers plus how often feedback requests get an answer."""
    from nextround.services.feedback import feedback_stats

    service = ApplicationService(ws)
    service.auto_close_silent()
    data = service.stats()
    data["feedback"] = feedback_stats(ws)
    return data
