"""A realistic, invented job search for `nextround serve --demo`, written through the ordinary services.

It fills a throwaway database so a newcomer sees every page with something on it: applications at every stage,
rejections spread along the funnel, a ghosting, a withdrawal, an offer, and a few imported rows. Later pillars
add their part (feedback, practice sessions, contacts) by extending `fill_demo`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time, timedelta

from nextround.domain.applications import ApplicationFields, Channel, WorkModel
from nextround.domain.stages import EventSource, Outcome, Stage
from nextround.integrations.tabular import ImportedApplication
from nextround.services.applications import ApplicationService
from nextround.services.transfer import import_applications
from nextround.services.workspace import Workspace

_JD_SUPPORT = """Support Engineer (SaaS, hybrid)

You will help customers get the most out of our scheduling product, by email, chat and phone.
What you will do:
- Troubleshoot issues end to end and write clear bug reports for the engineering team
- Improve our help centre articles and spot recurring problems
Must have: 2+ years in customer support or IT support, SQL basics, calm and clear writing.
Nice to have: Zendesk, Python scripting, experience with APIs.
"""

_JD_ANALYST = """Data Analyst

Join a small analytics team serving operations. You will build dashboards in Power BI, write SQL against our
warehouse, and present findings to managers who are not analysts.
Requirements: SQL, Excel, one BI tool, stakeholder communication. Python is a plus.
"""


@dataclass(frozen=True, slots=True)
class _Story:
    company: str
    role: str
    days_ago: int
    steps: tuple[tuple[str, int], ...]  # (stage or outcome, days after applying)
    source: Channel = Channel.BOARD
    work_model: WorkModel | None = None
    location: str = ""
    jd: str = ""
    notes: str = ""
    excitement: int | None = None
    note_on_close: str = ""


STORIES: tuple[_Story, ...] = (
    _Story("Northwind Logistics", "Support Engineer", 74, (("screening", 6), ("interview", 13), ("final", 21),
           ("rejected", 27)), Channel.REFERRAL, WorkModel.HYBRID, "Leeds", _JD_SUPPORT,
           "Referred by Priya. Final round was a live ticket triage exercise.", 5,
           "They chose someone with more SQL experience."),
    _Story("Brightwell Health", "Data Analyst", 66, (("screening", 5), ("assessment", 12), ("rejected", 18)),
           Channel.COMPANY_SITE, WorkModel.REMOTE, "", _JD_ANALYST, "Take-home SQL test, 3 hours.", 4),
    _Story("Copperleaf Studio", "Customer Success Associate", 61, (("rejected", 9),), Channel.BOARD,
           WorkModel.ONSITE, "Manchester"),
    _Story("Harbour & Finch", "Operations Analyst", 58, (("screening", 7), ("rejected", 10)), Channel.AGENCY,
           WorkModel.HYBRID, "Bristol", "", "Agency: Talent Bridge."),
    _Story("Quayside Energy", "IT Support Analyst", 55, (("ghosted", 40),), Channel.BOARD, WorkModel.ONSITE,
           "Hull", "", "", 3),
    _Story("Marlow Learning", "Support Engineer", 50, (("screening", 4), ("interview", 11), ("rejected", 16)),
           Channel.BOARD, WorkModel.REMOTE, "", _JD_SUPPORT, "Panel of three; asked a lot about escalations.", 4,
           "Feedback call promised; not received yet."),
    _Story("Tessellate", "Junior Data Analyst", 44, (("screening", 5), ("interview", 12), ("final", 19),
           ("offer", 26), ("withdrawn", 29)), Channel.RECRUITER, WorkModel.HYBRID, "London", _JD_ANALYST,
           "Offer below range and a long commute; withdrew politely.", 3),
    _Story("Ridgeway Council", "Systems Support Officer", 38, (("rejected", 14),), Channel.COMPANY_SITE,
           WorkModel.ONSITE, "York"),
    _Story("Lumen Bank", "Support Engineer", 30, (("screening", 3), ("interview", 9), ("interview", 15),
           ("final", 22)), Channel.NETWORK, WorkModel.HYBRID, "Leeds", _JD_SUPPORT,
           "Met the team lead at a meetup. Two technical rounds done.", 5),
    _Story("Oakridge Retail", "Service Desk Analyst", 24, (("screening", 5),), Channel.BOARD, WorkModel.ONSITE,
           "Sheffield", "", "", 3),
    _Story("Pinecrest Labs", "Technical Support Specialist", 19, (("assessment", 6),), Channel.REFERRAL,
           WorkModel.REMOTE, "", _JD_SUPPORT, "Online troubleshooting test due Friday.", 4),
    _Story("Greyfield Insurance", "Data Analyst", 12, (("interview", 8),), Channel.AGENCY, WorkModel.HYBRID,
           "Leeds", _JD_ANALYST, "First interview with the analytics manager.", 4),
    _Story("Seabright Travel", "Customer Support Lead", 6, (), Channel.BOARD, WorkModel.REMOTE),
    _Story("Ashdown Foods", "IT Support Analyst", 3, (), Channel.COMPANY_SITE, WorkModel.ONSITE, "Leeds"),
)  # fmt: skip

IMPORTED: tuple[tuple[str, str, int], ...] = (
    ("Kestrel Software", "Support Engineer", 90),
    ("Elm Street Media", "Helpdesk Technician", 86),
    ("Vantage Analytics", "Junior Data Analyst", 81),
)


def _at(now: datetime, days_ago: float) -> datetime:
    moment = now - timedelta(days=days_ago)
    return datetime.combine(moment.date(), time(10, 30), tzinfo=now.tzinfo)


@dataclass(frozen=True, slots=True)
class DemoSummary:
    """What the demo put in: how many applications, how many of them through the import."""

    applications: int
    imported: int
    source: EventSource


def fill_demo(ws: Workspace) -> DemoSummary:
    """Write the demo history into `ws` (meant for an empty, throwaway database). Returns counts."""
    service = ApplicationService(ws)
    now = ws.now()
    for story in STORIES:
        applied = _at(now, story.days_ago)
        fields = ApplicationFields(
            company=story.company,
            role=story.role,
            source=story.source,
            work_model=story.work_model,
            location=story.location,
            jd_text=story.jd,
            notes=story.notes,
            excitement=story.excitement,
            cv_version="cv-2024-autumn",
        )
        app = service.add(fields, stage=Stage.APPLIED, applied_at=applied)
        for target, after in story.steps:
            when = min(applied + timedelta(days=after), now)
            if target in {o.value for o in Outcome}:
                service.close(app.id, Outcome(target), at=when, note=story.note_on_close)
            else:
                service.move(app.id, Stage(target), at=when)
    items = [
        ImportedApplication(
            line=n + 2,
            fields=ApplicationFields(company=company, role=role, source=Channel.BOARD, source_detail="LinkedIn"),
            applied_at=_at(now, days_ago),
            stage=Stage.APPLIED,
            outcome=Outcome.REJECTED if n < 2 else Outcome.GHOSTED,
            closed_on=_at(now, days_ago - 12).date(),
        )
        for n, (company, role, days_ago) in enumerate(IMPORTED)
    ]
    report = import_applications(ws, items)
    # Every pillar adds its part of the story on top of the applications: feedback, practice, people.
    from nextround.services import demo_feedback, demo_network, demo_practice

    for pillar in (demo_feedback, demo_network, demo_practice):
        pillar.fill(ws)
    return DemoSummary(applications=len(STORIES) + report.added, imported=report.added, source=EventSource.IMPORT)
