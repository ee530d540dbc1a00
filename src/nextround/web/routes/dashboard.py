"""The dashboard: next steps, the funnel, where rejections happen, response and ghosting rates."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from nextround.services.applications import ApplicationService
from nextround.services.overview import overview
from nextround.web.deps import WorkspaceDep, is_htmx
from nextround.web.presenters import funnel_chart, rejection_chart
from nextround.web.rendering import render
from nextround.web.routes.network import cached_panels

router = APIRouter(include_in_schema=False)


@router.get("/", response_class=HTMLResponse)
def dashboard(request: Request, ws: WorkspaceDep) -> HTMLResponse:
    cache = request.app.state.web.cache
    stats = cache.get("stats", ws, ApplicationService(ws).stats)
    # The agenda has its own panel (cached_panels), so the overview is asked for without it.
    summary = cache.get("overview", ws, lambda: overview(ws, with_agenda=False, stats=stats))
    context = {
        "overview": summary,
        "stats": stats,
        "rejections": rejection_chart(stats),
        "funnel": funnel_chart(stats),
    }
    if is_htmx(request):
        return render(request, "_dashboard_charts.html", context)
    context.update(cached_panels(request, ws))  # agenda and effort, or a placeholder that loads them
    return render(request, "dashboard.html", context)
