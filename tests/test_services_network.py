"""The network service on SQLite and PostgreSQL: contacts, imports, nudges, agenda, calendar."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from nextround.domain.actions import Action, ActionKind
from nextround.domain.contacts import ContactError, ContactFields, ContactKind, InteractionChannel
from nextround.domain.stages import Outcome, Stage
from nextround.integrations.contacts_files import ContactFileError, parse_linkedin_connections, read_vcards
from nextround.serialize import json_object, to_json
from nextround.services.agenda import agenda as agenda_of
from nextround.services.applications import ApplicationService
from nextround.services.network import NetworkService
from nextround.services.workspace import Workspace
from nextround.storage.reads import NotFoundError
from nextround.storage.tables import ContactRow, WatchRow
from tests.conftest import FakeClock, other_owner
from tests.factories import make_application
from tests.network_helpers import (
    add_goal,
    add_interview,
    add_posting,
    add_practice_answer,
    add_sent_feedback_request,
)

CONNECTIONS = (
    "Notes:\n"
    '"Some addresses may be missing."\n'
    "\n"
    "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
    "Ada,Lovelace,https://www.linkedin.com/in/ada,ada@example.org,Engines,Engineer,03 Oct 2024\n"
    "Bo,Li,https://www.linkedin.com/in/boli,,Crumb,Recruiter,01 Feb 2023\n"
)


def test_contact_crud_link_and_log(workspace: Workspace, clock: FakeClock) -> None:
    service = NetworkService(workspace)
    app = make_application(workspace, company="Crumb")
    ada = service.add_contact(
        ContactFields(name="Ada Lovelace", email="ada@crumb.test", kind=ContactKind.RECRUITER), application_id=app.id
    )
    assert ada.fields.company == "Crumb"  # taken from the application
    details = json_object(service.contact_details(ada.id))
    assert details["applications"] == [{"id": app.id, "company": "Crumb", "role": "Pastry Chef", "as": "recruiter"}]
    assert details["next_touch"] == (clock().date() + timedelta(days=30)).isoformat()

    edited = service.edit_contact(ada.id, {"title": "Talent Partner", "cadence_days": 10})
    assert edited.fields.title == "Talent Partner"
    with pytest.raises(ContactError):
        service.edit_contact(ada.id, {"email": "nope"})

    clock.advance(days=5)
    logged = service.log(ada.id, InteractionChannel.CALL, "  quick catch-up ")
    assert logged.note == "quick catch-up"
    listed = to_json(service.contacts())
    assert listed[0]["next_touch"] == (clock().date() + timedelta(days=10)).isoformat()
    assert datetime.fromisoformat(listed[0]["last_interaction_at"]) == clock()
    with pytest.raises(ContactError, match="future"):
        service.log(ada.id, InteractionChannel.EMAIL, "", at=clock() + timedelta(days=2))

    assert service.link(ada.id, app.id) is False  # already linked
    with pytest.raises(NotFoundError):
        service.link(ada.id, 9999)
    with pytest.raises(NotFoundError):
        service.log(9999, InteractionChannel.EMAIL, "")
    assert [c.contact.name for c in service.contacts(search="crumb")] == ["Ada Lovelace"]
    assert service.contacts(kind=ContactKind.PEER) == []


def test_other_owners_contacts_are_invisible(workspace: Workspace) -> None:
    mine = NetworkService(workspace)
    ada = mine.add_contact(ContactFields(name="Ada", email="ada@example.org"))
    my_app = make_application(workspace)
    theirs = NetworkService(other_owner(workspace))
    assert theirs.contacts() == []
    with pytest.raises(NotFoundError):
        theirs.get_contact(ada.id)
    with pytest.raises(NotFoundError):
        theirs.log(ada.id, InteractionChannel.EMAIL, "hello")
    bo = theirs.add_contact(ContactFields(name="Bo"))
    with pytest.raises(NotFoundError):
        theirs.link(bo.id, my_app.id)
    # The same person imported by another owner is not a duplicate of mine.
    assert theirs.import_contacts(parse_linkedin_connections(CONNECTIONS)).added == 2
    assert [c.contact.name for c in mine.contacts()] == ["Ada"]
    assert theirs.nudges(horizon_days=None) == [] or all(n.contact_id != ada.id for n in theirs.nudges())


def test_linkedin_import_dedupes_on_reimport(workspace: Workspace) -> None:
    service = NetworkService(workspace)
    service.add_contact(ContactFields(name="Ada L.", linkedin_url="https://linkedin.com/in/ada/"))
    first = service.import_contacts(parse_linkedin_connections(CONNECTIONS))
    assert to_json(first) == {"added": 1, "duplicates": 1}
    again = service.import_contacts(parse_linkedin_connections(CONNECTIONS))
    assert to_json(again) == {"added": 0, "duplicates": 2}
    bo = next(c for c in to_json(service.contacts()) if c["name"] == "Bo Li")
    assert bo["connected_on"] == "2023-02-01"
    assert bo["effective_cadence_days"] == 0
    assert bo["next_touch"] is None


def test_a_bad_file_imports_nothing(workspace: Workspace) -> None:
    service = NetworkService(workspace)
    with pytest.raises(ContactFileError, match="line 7"):
        service.import_contacts(parse_linkedin_connections(CONNECTIONS + "Cy,Do,,bad-email,,,\n"))
    assert service.contacts() == []


def test_vcard_export_then_import_is_all_duplicates(workspace: Workspace, tmp_path: Path) -> None:
    service = NetworkService(workspace)
    service.import_contacts(parse_linkedin_connections(CONNECTIONS))
    service.add_contact(ContactFields(name="Cy Do", company="Zed", kind=ContactKind.INTERVIEWER))
    path = tmp_path / "out.vcf"
    assert service.export_vcard(path) == 3
    items = read_vcards(path, 100_000)
    assert {i.fields.name for i in items} == {"Ada Lovelace", "Bo Li", "Cy Do"}
    assert to_json(service.import_contacts(items)) == {"added": 0, "duplicates": 3}


def test_thank_you_after_an_interview_then_done_by_logging(workspace: Workspace, clock: FakeClock) -> None:
    service = NetworkService(workspace)
    app = make_application(workspace, company="Crumb", stage=Stage.INTERVIEW, applied_at=clock() - timedelta(days=9))
    interviewer = service.add_contact(ContactFields(name="Ida Ng", kind=ContactKind.INTERVIEWER), application_id=app.id)
    interview_id = add_interview(workspace, app.id, clock() - timedelta(hours=22), interviewers=["Ida Ng"])
    (nudge,) = [n for n in service.nudges() if n.kind.value == "thank_you"]
    assert nudge.ref == f"thank_you-{interview_id}"
    assert nudge.contact_id == interviewer.id
    _, message = service.draft(nudge.ref)
    assert "Ida" in message.body and "Crumb" in message.body
    assert message.subject
    service.log(interviewer.id, InteractionChannel.EMAIL, "thank-you sent")
    assert [n for n in service.nudges() if n.kind.value == "thank_you"] == []


def test_dismiss_a_nudge(workspace: Workspace, clock: FakeClock) -> None:
    service = NetworkService(workspace)
    app = make_application(workspace, stage=Stage.INTERVIEW, applied_at=clock() - timedelta(days=9))
    interview_id = add_interview(workspace, app.id, clock() - timedelta(hours=3))
    ref = f"thank_you-{interview_id}"
    assert [n.ref for n in service.nudges()] == [ref]
    service.dismiss(ref)
    assert service.nudges() == []
    with pytest.raises(NotFoundError):
        service.draft(ref)


def test_rejection_brings_keep_in_touch_and_continued_interest(workspace: Workspace, clock: FakeClock) -> None:
    service = NetworkService(workspace)
    apps = ApplicationService(workspace)
    app = make_application(workspace, company="Crumb", applied_at=clock() - timedelta(days=20))
    apps.move(app.id, Stage.SCREENING, at=clock() - timedelta(days=10))
    recruiter = service.add_contact(ContactFields(name="Rae", kind=ContactKind.RECRUITER), application_id=app.id)
    apps.close(app.id, Outcome.REJECTED)
    refs = {n.ref: n for n in service.nudges(horizon_days=None)}
    assert f"keep_in_touch-{app.id}-{recruiter.id}" in refs
    assert refs[f"continued_interest-{app.id}"].due == date(2025, 2, 6)
    agenda = agenda_of(workspace)
    assert [a.kind for a in agenda] == ["keep_in_touch"]
    ref = f"keep_in_touch-{app.id}-{recruiter.id}"
    assert agenda[0].actions == (
        Action(ActionKind.DRAFT_NUDGE, {"nudge": ref}, "Draft the message"),
        Action(ActionKind.LOG_CONTACT, {"contact_id": recruiter.id, "note": "kept in touch after the decision"}),
        Action(ActionKind.DISMISS_NUDGE, {"nudge": ref}),
    )
    service.set_continued_interest_months(6)
    assert [n.due for n in service.nudges(horizon_days=None) if n.kind.value == "continued_interest"] == [
        date(2025, 5, 6)
    ]


def test_reapply_after_is_stored_on_a_watch_and_shown(workspace: Workspace, clock: FakeClock) -> None:
    service = NetworkService(workspace)
    service.set_reapply_after("Crumb", date(2025, 3, 1))
    service.set_reapply_after("crumb", date(2025, 4, 1))  # same company, updated
    with workspace.db.read() as session:
        rows = session.scalars(select(WatchRow).where(WatchRow.owner_id == workspace.owner_id)).all()
    assert [(r.company, r.board, r.reapply_after) for r in rows] == [("Crumb", "", date(2025, 4, 1))]
    (item,) = agenda_of(workspace)
    assert item.kind == "reapply"
    assert item.due == date(2025, 4, 1)
    assert "1 Apr 2025" in item.title
    assert item.actions == (
        Action(ActionKind.COMPANY_APPLICATIONS, {"company": "Crumb"}),
        Action(ActionKind.CLEAR_REAPPLY, {"company": "Crumb"}),
    )
    assert agenda_of(other_owner(workspace)) == []
    with pytest.raises(ContactError):
        service.set_reapply_after("  ", date(2025, 1, 1))


def test_agenda_merges_every_kind(workspace: Workspace, clock: FakeClock) -> None:
    service = NetworkService(workspace)
    now = clock()
    chased = make_application(workspace, company="Chase Co", applied_at=now - timedelta(days=30))
    ApplicationService(workspace).close(chased.id, Outcome.REJECTED, at=now - timedelta(days=20))
    add_sent_feedback_request(workspace, chased.id, now - timedelta(days=9))
    make_application(workspace, company="Quiet Ltd", applied_at=now - timedelta(days=40))
    upcoming = make_application(
        workspace, company="Soon Inc", stage=Stage.INTERVIEW, applied_at=now - timedelta(days=5)
    )
    add_interview(workspace, upcoming.id, now + timedelta(days=3), location="Video call")
    add_goal(workspace, "Write three STAR stories", now.date() + timedelta(days=3))
    add_goal(workspace, "Far away goal", now.date() + timedelta(days=60))
    add_practice_answer(workspace, "behavioural-1", 30, now - timedelta(days=10))
    add_posting(workspace, "Watched", "Senior Baker", now - timedelta(days=1))
    add_posting(workspace, "Watched Old", "Old Baker", now - timedelta(days=30))
    service.add_contact(ContactFields(name="Old Friend", cadence_days=1))
    clock.advance(days=2)

    agenda = agenda_of(workspace)
    kinds = [a.kind for a in agenda]
    assert set(kinds) == {"feedback_chase", "ghosted", "interview", "goal", "practice", "new_posting", "touch"}
    assert len(agenda) == 7
    assert agenda[0].kind == "feedback_chase"  # overdue first
    assert agenda[0].overdue is True
    assert agenda[0].actions[0].kind is ActionKind.CHASE
    whens = [a.when for a in agenda]
    assert whens == sorted(whens, key=["overdue", "today", "soon"].index)
    primary = {a.kind: a.actions[0].kind for a in agenda}
    assert primary == {
        "feedback_chase": ActionKind.CHASE,
        "ghosted": ActionKind.MARK_GHOSTED,
        "interview": ActionKind.PRACTISE,
        "goal": ActionKind.COMPLETE_GOAL,
        "practice": ActionKind.PRACTISE,
        "new_posting": ActionKind.ADD_APPLICATION_FROM_OPENING,
        "touch": ActionKind.DRAFT_NUDGE,
    }
    for item in agenda:
        assert item.advice and item.title and item.ref


def test_calendar_is_stable_and_holds_interviews_and_follow_ups(workspace: Workspace, clock: FakeClock) -> None:
    service = NetworkService(workspace)
    app = make_application(workspace, company="Crumb", stage=Stage.INTERVIEW, applied_at=clock() - timedelta(days=5))
    interview_id = add_interview(workspace, app.id, clock() + timedelta(days=1), interviewers=["Ida Ng", "Bo Li"])
    past_id = add_interview(workspace, app.id, clock() - timedelta(hours=5))
    first = service.calendar_ics()
    clock.advance(minutes=10)
    assert service.calendar_ics() == first
    assert f"UID:interview-{interview_id}@nextround.local\r\n" in first
    assert f"UID:nudge-thank_you-{past_id}@nextround.local\r\n" in first
    assert "Interviewers: Ida Ng\\, Bo Li" in first.replace("\r\n ", "")


def test_contact_rows_carry_dedupe_keys(workspace: Workspace) -> None:
    NetworkService(workspace).add_contact(ContactFields(name="Ada", email="ADA@example.org"))
    with workspace.db.read() as session:
        keys = session.scalars(select(ContactRow.dedupe_key)).all()
    assert keys == ["email:ada@example.org"]


def test_a_long_silent_list_shows_the_quietest_few_then_one_line(workspace: Workspace, clock: FakeClock) -> None:
    from datetime import timedelta

    from nextround.domain.actions import ActionKind
    from nextround.services.agenda import SILENT_SHOWN, agenda

    for n in range(SILENT_SHOWN + 3):
        make_application(workspace, company=f"Quiet {n}", applied_at=clock() - timedelta(days=30 + n))
    items = [e for e in agenda(workspace) if e.kind == "ghosted"]
    assert len(items) == SILENT_SHOWN + 1
    shown = {i.title.rsplit(" at ", 1)[1] for i in items if i.ref != "ghosted-more"}
    assert shown == {f"Quiet {n}" for n in range(3, SILENT_SHOWN + 3)}  # the longest silent ones
    [rest] = [i for i in items if i.ref == "ghosted-more"]
    assert rest.title == "3 more applications quiet past their limit"
    assert [a.kind for a in rest.actions] == [ActionKind.LIST_SILENT]


def test_an_application_quiet_far_past_any_wait_is_closed_not_chased(workspace: Workspace, clock: FakeClock) -> None:
    # Imported years of history: 793 days without news is no case for "follow up once", but for closing
    # it as no reply; a few days past the limit still is.
    old = make_application(workspace, company="Years Ago", applied_at=clock() - timedelta(days=793))
    recent = make_application(workspace, company="Just Past", applied_at=clock() - timedelta(days=25))
    items = {e.ref: e for e in agenda_of(workspace) if e.kind == "ghosted"}
    stale, chase = items[f"ghosted-{old.id}"], items[f"ghosted-{recent.id}"]
    assert stale.title.startswith("Quiet for 793 days:")
    assert "follow up" not in stale.advice.lower() and "close it as ghosted" in stale.advice
    assert stale.primary is not None and stale.primary.kind is ActionKind.MARK_GHOSTED
    assert chase.advice.startswith("Follow up once")
    assert chase.title.startswith("Quiet for 25 days:")
