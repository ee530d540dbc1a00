"""Demo history for the feedback loop: interviews, requests (one replied, one waiting), feedback, a reflection,
a CV and a goal, written through the ordinary services into the demo's rejected applications.
"""

from __future__ import annotations

import tempfile
from datetime import datetime, time, timedelta
from pathlib import Path

from nextround.domain.applications import Application
from nextround.domain.stages import Outcome
from nextround.services import drafting, feedback, feedback_records, goals, insight
from nextround.services.applications import ApplicationService
from nextround.services.workspace import Workspace

CV_TEXT = """Sam Rivers — Customer Support Specialist

Three years of customer support for a booking platform: email, chat and phone, 40 tickets a day.
Zendesk administrator: macros, triggers and reporting. Wrote and maintained 60 help centre articles.
Escalated bugs to engineering with clear reproduction steps; trained four new starters.
Tools: Zendesk, Jira, Excel, Slack. Some Python scripting for ticket exports.
"""

# (company, feedback text, source, days after closing it arrived)
FEEDBACK: tuple[tuple[str, str, str, int], ...] = (
    (
        "Northwind Logistics",
        "Thank you for your time across the three rounds. The panel enjoyed your energy and your ticket triage "
        "was well organised. In the end we went with a candidate who had more hands-on SQL experience, which "
        "the role needs from day one. Some of your answers also stayed general; we would have liked more "
        "concrete examples of results you achieved.",
        "employer",
        4,
    ),
    (
        "Brightwell Health",
        "Your take-home test was tidy, but the SQL queries were not strong enough for the level we need and "
        "the dashboard lacked a clear story for managers. Keep going: your communication in the screening "
        "call was clear.",
        "recruiter",
        2,
    ),
)
REFLECTION = {
    "prepared": {"rating": 2, "text": "I had not practised SQL joins under time pressure."},
    "gaps": {"rating": 2, "text": "SQL and concrete examples with numbers."},
    "went_well": {"rating": 4, "text": "The triage exercise and talking to the panel."},
    "change": {"rating": 3, "text": "Do a timed SQL exercise each week before the next final round."},
}


def _rejected(ws: Workspace) -> dict[str, Application]:
    return {app.fields.company: app for app in ApplicationService(ws).find(outcome=Outcome.REJECTED)}


def _closed_at(app: Application, now: datetime) -> datetime:
    closed = app.state.closed_at or now
    return min(closed, now)


def fill(ws: Workspace) -> None:
    """Add the feedback part of the demo; applications the demo lacks are skipped."""
    now = ws.now()
    apps = _rejected(ws)
    northwind = apps.get("Northwind Logistics")
    marlow = apps.get("Marlow Learning")
    if northwind is not None:
        day = (_closed_at(northwind, now) - timedelta(days=7)).date()
        feedback_records.add_interview(
            ws,
            northwind.id,
            datetime.combine(day, time(14, 0), tzinfo=now.tzinfo),
            round=3,
            kind="final",
            interviewers=["Dana Okafor", "Lewis Grant"],
            notes="Live ticket triage, then questions about SQL reporting.",
        )
        request, _ = drafting.draft_request(ws, northwind.id, tone="warm", to="dana.okafor@northwind.example")
        feedback.mark(ws, request.id, "sent")
    if marlow is not None:
        day = (_closed_at(marlow, now) - timedelta(days=5)).date()
        feedback_records.add_interview(
            ws,
            marlow.id,
            datetime.combine(day, time(10, 0), tzinfo=now.tzinfo),
            round=1,
            kind="panel",
            interviewers=["Ruth Ellis", "Omar Haddad", "Jo Park"],
        )
        request, _ = drafting.draft_request(ws, marlow.id, tone="brief", to="careers@marlow.example")
        feedback.mark(ws, request.id, "sent")
    for company, text, source, after in FEEDBACK:
        app = apps.get(company)
        if app is None:
            continue
        received = min(_closed_at(app, now) + timedelta(days=after), now)
        feedback_records.record_feedback(ws, app.id, text, source, received_at=received)
    if northwind is not None:
        insight.save_reflection(ws, northwind.id, REFLECTION)
    with tempfile.TemporaryDirectory(prefix="nextround-demo-") as folder:
        path = Path(folder) / "cv-2024-autumn.txt"
        path.write_text(CV_TEXT, encoding="utf-8")
        insight.add_cv(ws, path, name="CV autumn 2024")
    goals.add_goal(ws, from_theme="technical_skills")
