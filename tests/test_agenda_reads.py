"""The agenda reads only what its rules can follow up, and finds exactly what the rules find over every
application: on a varied history around each rule's window, at several moments, on both engines.

The reference is the rules run on every open and recently closed application read whole (as the agenda
read them before it narrowed its reads), and silence judged on each open application's whole state.
"""

from __future__ import annotations

import random
from datetime import timedelta

import pytest

import nextround.services.agenda
import nextround.services.network
from nextround.domain.ghosting import silence
from nextround.domain.nudges import (
    CONTINUED_INTEREST_STALE_DAYS,
    KEEP_IN_TOUCH_AFTER_DAYS,
    NetworkState,
    compute_nudges,
)
from nextround.domain.stages import Stage, stage_rank
from nextround.services.agenda import agenda, network_state
from nextround.services.applications import ApplicationService
from nextround.services.network import NetworkService
from nextround.services.workspace import Workspace
from nextround.storage.tables import (
    ApplicationContactRow,
    ApplicationRow,
    ContactRow,
    InteractionRow,
    InterviewRow,
)

from .conftest import FakeClock

# Spellings that one company key gathers ("acme"), and others.
COMPANIES = ["Acme", "acme ", " ACME", "Globex", "globex", *(f"Firm {n}" for n in range(40))]
KINDS = ["interviewer", "recruiter", "hiring_manager", "peer", "mentor"]
STAGES = [s for s in Stage if s is not Stage.ACCEPTED]


def _history(ws: Workspace, clock: FakeClock, seed: int, apps: int = 160) -> None:
    """Applications open and closed over the last 400 days, contacts linked to some, interviews, talks."""
    rng = random.Random(seed)
    now = clock()
    owner = {"owner_id": ws.owner_id}
    with ws.db.write() as session:
        rows = []
        for n in range(apps):
            created = now - timedelta(days=rng.randint(0, 420), hours=rng.randint(0, 23))
            furthest = rng.choice(STAGES)
            stage = rng.choice([s for s in STAGES if stage_rank(s) <= stage_rank(furthest)])
            outcome = rng.choice([None, None, "rejected", "rejected", "rejected", "withdrawn", "ghosted"])
            # Some closed before they were added (an import keeps the dates it is given).
            days = rng.choice([rng.randint(0, 45), rng.randint(0, 400)])  # many within keep-in-touch's window
            closed = now - timedelta(days=days, minutes=rng.randint(0, 1440)) if outcome else None
            activity = rng.choice([None, closed or created, now - timedelta(days=rng.randint(0, 60))])
            rows.append(
                ApplicationRow(
                    **owner, company=rng.choice(COMPANIES), role=f"Role {n}", created_at=created,
                    applied_on=created.date(), stage=stage.value, outcome=outcome, furthest_stage=furthest.value,
                    closed_at=closed, closed_at_stage=stage.value if outcome else None,
                    excitement=rng.choice([None, 1, 3, 4, 5]), last_activity_at=activity,
                    notes="private", jd_text="long " * 20,
                )
            )  # fmt: skip
        contacts = [
            ContactRow(
                **owner, name=f"Person {n}", kind=rng.choice(KINDS), company=rng.choice([*COMPANIES, ""]),
                cadence_days=rng.choice([None, 30, 90]), created_at=now - timedelta(days=300),
            )
            for n in range(25)
        ]  # fmt: skip
        session.add_all(rows + contacts)
        session.flush()
        for app in rng.sample(rows, 80):
            session.add(ApplicationContactRow(**owner, application_id=app.id, contact_id=rng.choice(contacts).id))
        for app in rng.sample(rows, 30):
            when = now + timedelta(days=rng.randint(-40, 20), hours=rng.randint(-12, 12))
            session.add(InterviewRow(**owner, application_id=app.id, scheduled_at=when, created_at=now))
        for _ in range(40):
            when = now - timedelta(days=rng.randint(0, 200))
            person = rng.choice(contacts).id
            session.add(InteractionRow(**owner, contact_id=person, channel="email", occurred_at=when, created_at=now))


def _reference_state(ws: Workspace) -> NetworkState:
    """The state as the agenda read it before: every open and recent application, whole."""
    narrow = network_state(ws)
    window = timedelta(
        days=31 * narrow.continued_interest_months + CONTINUED_INTEREST_STALE_DAYS + KEEP_IN_TOUCH_AFTER_DAYS + 7
    )
    with ws.db.reader(ws.owner_id) as reader:
        every = reader.applications(open_or_closed_since=narrow.now - window, long_texts=False)
    assert {a.id for a in narrow.applications} < {a.id for a in every}
    return NetworkState(
        now=narrow.now,
        applications=every,
        interviews=narrow.interviews,
        contacts=narrow.contacts,
        links=narrow.links,
        interactions=narrow.interactions,
        dismissed=narrow.dismissed,
        reapply_after=narrow.reapply_after,
        continued_interest_months=narrow.continued_interest_months,
    )


@pytest.mark.parametrize("seed", [1, 2])
def test_the_narrow_reads_find_what_the_rules_find_over_every_application(
    workspace: Workspace, clock: FakeClock, seed: int
) -> None:
    _history(workspace, clock, seed)
    kinds_seen: set[str] = set()
    for days, months in [(0, 3), (20, 3), (75, 6), (130, 1)]:
        clock.current = clock.current + timedelta(days=days)
        NetworkService(workspace).set_continued_interest_months(months)
        state = network_state(workspace)
        found = compute_nudges(state)
        assert found == compute_nudges(_reference_state(workspace))
        for ahead in (-30, 0, 7, 90):  # the agenda asks only for those due by its horizon
            due_by = state.now.date() + timedelta(days=ahead)
            assert compute_nudges(state, due_by=due_by) == [n for n in found if n.due <= due_by]
        kinds_seen |= {n.kind.value for n in found}

        service = ApplicationService(workspace)
        now = workspace.now()
        limits = service.preferences().ghost_days
        interviews = service.latest_interviews()
        with workspace.db.reader(workspace.owner_id) as reader:
            every = reader.applications()
        reference = sorted(
            (
                (a.id, verdict)
                for a in every
                if (verdict := silence(a.state, now, limits, latest_interview_at=interviews.get(a.id))) is not None
                and verdict.likely_ghosted
            ),
            key=lambda item: -item[1].silent_days,
        )
        assert service.likely_ghosted() == reference
        assert [(s.application.id, s.verdict) for s in service.silent()] == reference
        assert all(s.application.fields.notes == "private" for s in service.silent())
    # The history reaches every rule that reads applications, and some silence.
    assert {"keep_in_touch", "continued_interest", "thank_you"} <= kinds_seen
    assert reference


def test_the_agenda_and_the_calendar_are_those_of_every_application(
    workspace: Workspace, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    _history(workspace, clock, 3)
    narrow_agenda, narrow_calendar = agenda(workspace), NetworkService(workspace).calendar_ics()
    titles = " ".join(e.title for e in narrow_agenda)
    assert "Quiet for" in titles and "more application" in titles and "Interview" in titles
    assert "SUMMARY:Interview" in narrow_calendar

    monkeypatch.setattr(nextround.services.agenda, "network_state", _reference_state)
    monkeypatch.setattr(nextround.services.network, "network_state", _reference_state)
    assert agenda(workspace) == narrow_agenda
    assert NetworkService(workspace).calendar_ics() == narrow_calendar
