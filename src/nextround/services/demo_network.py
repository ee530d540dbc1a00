"""The network pillar's part of the demo: contacts met along the way, their interactions, a cadence, a watched
company with a re-apply date and two openings already seen. Written through the services; nothing goes online.

Contacts are linked to the demo applications (services/demo.py) when those exist; on an empty database the
contacts are added unlinked, so `fill` never fails.
"""

from __future__ import annotations

from datetime import datetime, time, timedelta

from nextround.domain.contacts import ContactFields, ContactKind, InteractionChannel
from nextround.domain.watch import Posting
from nextround.services.applications import ApplicationService
from nextround.services.network import NetworkService
from nextround.services.watch import add_watch
from nextround.services.workspace import Workspace
from nextround.storage.keepgoing import WatchRepository

# (name, kind, company, title, application's company to link or "", cadence days or None)
CONTACTS: tuple[tuple[str, ContactKind, str, str, str, int | None], ...] = (
    ("Dana Whitcombe", ContactKind.RECRUITER, "Talent Bridge", "Senior Recruiter", "Harbour & Finch", None),
    ("Owen Pryce", ContactKind.INTERVIEWER, "Marlow Learning", "Support Team Lead", "Marlow Learning", None),
    ("Grace Nakamura", ContactKind.HIRING_MANAGER, "Lumen Bank", "Head of Support", "Lumen Bank", None),
    ("Tomás Ferreira", ContactKind.INTERVIEWER, "Northwind Logistics", "Platform Lead", "Northwind Logistics", None),
    ("Priya Raman", ContactKind.REFERRAL, "Northwind Logistics", "Data Engineer", "", 21),
)  # fmt: skip

# (contact index, channel, note, days ago)
INTERACTIONS: tuple[tuple[int, InteractionChannel, str, int], ...] = (
    (0, InteractionChannel.CALL, "Intro call: she places support and ops roles in Yorkshire.", 60),
    (0, InteractionChannel.EMAIL, "Sent my updated CV after the Harbour & Finch decision.", 45),
    (1, InteractionChannel.MEETING, "Panel interview; he asked about escalations and on-call.", 39),
    (2, InteractionChannel.MEETING, "Second technical round; talked about the help-centre rewrite.", 15),
    (2, InteractionChannel.EMAIL, "Thank-you note after the round.", 14),
    (4, InteractionChannel.LINKEDIN, "Thanked her for the referral and told her how the final went.", 25),
)

WATCHED = "Northwind Logistics"
REAPPLY_AFTER_DAYS = 75
POSTINGS = (
    Posting("demo-nw-1", "Support Engineer II", "https://example.com/jobs/northwind/support-engineer-ii", "Leeds"),
    Posting("demo-nw-2", "Customer Support Analyst", "https://example.com/jobs/northwind/support-analyst", "Remote"),
)


def _at(now: datetime, days_ago: int) -> datetime:
    moment = now - timedelta(days=days_ago)
    return datetime.combine(moment.date(), time(11, 0), tzinfo=now.tzinfo)


def fill(ws: Workspace) -> None:
    """Add the demo's contacts, interactions, cadence, watch, re-apply date and seen openings to `ws`."""
    service = NetworkService(ws)
    apps = ApplicationService(ws)
    now = ws.now()
    ids = []
    for name, kind, company, title, app_company, cadence in CONTACTS:
        found = [a for a in apps.find(company=app_company) if a.fields.company == app_company] if app_company else []
        contact = service.add_contact(
            ContactFields(name=name, kind=kind, company=company, title=title, cadence_days=cadence),
            application_id=found[0].id if found else None,
        )
        ids.append(contact.id)
    for index, channel, note, days_ago in INTERACTIONS:
        service.log(ids[index], channel, note, at=_at(now, days_ago))
    # A watch without a board: nothing to fetch, so the demo never goes online.
    watch = add_watch(ws, WATCHED, None, "support, analyst")
    service.set_reapply_after(WATCHED, (now + timedelta(days=REAPPLY_AFTER_DAYS)).date())
    with ws.db.write() as session:
        WatchRepository(session, ws.owner_id).add_seen(
            watch.id, ((posting, True) for posting in POSTINGS), now=_at(now, 2)
        )
