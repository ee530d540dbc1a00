"""The overview shown by a bare `nextround`: where the search stands and the next steps."""

from __future__ import annotations

from collections import Counter
from typing import Any

from nextround.domain.stages import Outcome
from nextround.services.applications import ApplicationService
from nextround.services.network import NetworkService
from nextround.services.workspace import Workspace


def overview(ws: Workspace) -> dict[str, Any]:
    """Counts, the top of the agenda and a few next steps — read from listing rows, never whole histories."""
    service = ApplicationService(ws)
    service.auto_close_silent()
    stats = service.stats()
    open_apps = [row for row in service.summaries(open_only=True) if row["stage"] != "accepted"]
    agenda = NetworkService(ws).agenda()
    # The agenda already knows what is due across every pillar; the overview shows its top items.
    steps: list[dict[str, str]] = [
        {"text": f"{item['title']}: {item['action']}", "command": item["command"]} for item in agenda[:4]
    ]
    rejected = service.summaries(outcome=Outcome.REJECTED)
    rejected.sort(key=lambda row: (row["closed_on"] or "", row["id"]), reverse=True)
    for row in rejected[:2]:
        steps.append(
            {
                "text": f"Look back at {row['company']} ({row['role']}), rejected at "
                f"{row['rejected_at_stage']}: what is one thing in your control to change?",
                "command": f"nextround reflect {row['id']}",
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
    closed = sum(stats["outcomes"][o.value] for o in Outcome)
    return {
        "database": url.removeprefix("sqlite:///") if ws.settings.is_sqlite else url.split("@")[-1],
        "applications": stats["applications"],
        "open": len(open_apps),
        "closed": closed,
        "open_by_stage": dict(Counter(row["stage"] for row in open_apps)),
        "likely_ghosted": sum(1 for item in agenda if item["kind"] == "ghosted"),
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
