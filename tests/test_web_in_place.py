"""Every agenda item does its job in place: its button posts with HTMX, the route answers a "done" line
that replaces the item, and the item has left the agenda. Without JavaScript the same forms redirect."""

from __future__ import annotations

from datetime import timedelta

from nextround.domain.actions import ActionKind
from nextround.domain.agenda import AgendaEntry
from nextround.domain.contacts import ContactFields, ContactKind
from nextround.domain.stages import Outcome, Stage
from nextround.services.agenda import agenda as agenda_of
from nextround.services.applications import ApplicationService
from nextround.services.network import NetworkService
from nextround.services.workspace import Workspace
from nextround.web.actions import web_action
from tests.conftest import FakeClock, other_owner
from tests.factories import make_application
from tests.network_helpers import add_goal, add_posting, add_sent_feedback_request
from tests.web_support import Web

# The kinds whose job is a click (the others open a page to write or practise: interviews, practice due).
CLICK_KINDS = {"ghosted", "feedback_chase", "goal", "new_posting", "reapply", "keep_in_touch"}


def fill_agenda(ws: Workspace, clock: FakeClock) -> dict[str, AgendaEntry]:
    now = clock()
    make_application(ws, company="Quiet Ltd", applied_at=now - timedelta(days=60))
    chased = make_application(ws, company="Chase Co", applied_at=now - timedelta(days=30))
    ApplicationService(ws).close(chased.id, Outcome.REJECTED, at=now - timedelta(days=20))
    add_sent_feedback_request(ws, chased.id, now - timedelta(days=9))
    add_goal(ws, "Write three STAR stories", now.date() + timedelta(days=1))
    add_posting(ws, "Crumb & Co", "Head Baker", now - timedelta(days=1))
    NetworkService(ws).set_reapply_after("Flour Mill", now.date() - timedelta(days=2))
    met = make_application(ws, company="Marlow Learning", role="Support Engineer", stage=Stage.INTERVIEW)
    owen = ContactFields(name="Owen Pryce", kind=ContactKind.INTERVIEWER)
    NetworkService(ws).add_contact(owen, application_id=met.id)
    ApplicationService(ws).close(met.id, Outcome.REJECTED)
    return {item.kind: item for item in agenda_of(ws)}


def done_action_of(item: AgendaEntry) -> tuple[str, dict[str, str]]:
    """The url and fields of the item's button that finishes it (the first form; a link only opens a page)."""
    posts = [web_action(a) for a in item.actions if web_action(a).method == "post"]
    assert posts, f"{item.kind}: only links, nothing to do in place ({[a.kind.value for a in item.actions]})"
    return posts[0].url.split("#")[0], dict(posts[0].fields)


def test_every_agenda_item_is_done_in_place(web: Web, workspace: Workspace, clock: FakeClock) -> None:
    items = fill_agenda(workspace, clock)
    assert set(items) >= CLICK_KINDS, set(items)
    page = web.client.get("/today").text
    for kind in CLICK_KINDS:
        item = items[kind]
        url, fields = done_action_of(item)
        assert f'hx-post="{url}"' in page.replace("&amp;", "&"), kind
        answer = web.post_form(url, fields, headers={"HX-Request": "true", "HX-Target": f"item-{item.ref}"})
        assert answer.status_code == 200, (kind, answer.text[:300])
        assert 'role="status"' in answer.text and "<html" not in answer.text, kind
    left = {item.ref for item in agenda_of(workspace)}
    assert left.isdisjoint(items[kind].ref for kind in CLICK_KINDS), left
    assert "Quiet Ltd" in page and "Quiet Ltd" not in web.client.get("/today").text


def test_marking_the_draft_sent_logs_the_contact(web: Web, workspace: Workspace, clock: FakeClock) -> None:
    nudge = fill_agenda(workspace, clock)["keep_in_touch"]
    page = web.client.get(f"/today?draft={nudge.ref}").text
    draft = page.split('id="draft"', 1)[1].split("</section>", 1)[0]
    assert 'hx-target="#draft"' in draft
    url, fields = done_action_of(nudge)
    answer = web.post_form(url, fields, headers={"HX-Request": "true", "HX-Target": "draft"})
    assert answer.status_code == 200 and '<section id="draft"' in answer.text and "Owen Pryce" in answer.text
    contact = NetworkService(workspace).contacts(search="Owen")[0]
    assert contact.last_interaction_at, contact
    assert nudge.ref not in {item.ref for item in agenda_of(workspace)}


def test_without_javascript_the_new_routes_redirect(web: Web, workspace: Workspace, clock: FakeClock) -> None:
    items = fill_agenda(workspace, clock)
    dismiss = next(a for a in items["keep_in_touch"].actions if a.kind is ActionKind.DISMISS_NUDGE)
    answer = web.post_form(web_action(dismiss).url)
    assert answer.status_code == 303 and answer.headers["location"].startswith("/today")
    assert web.post_form(web_action(dismiss).url).status_code == 404  # gone now
    url, fields = done_action_of(items["new_posting"])
    assert web.post_form(url, fields).headers["location"] == "/today?notice=dismissed#agenda"
    url, fields = done_action_of(items["reapply"])
    assert web.post_form(url, fields).headers["location"] == "/companies?notice=reapply_cleared"
    assert "Re-apply date cleared." in web.client.get("/companies?notice=reapply_cleared").text


def test_dismissing_anothers_opening_is_not_found(web: Web, workspace: Workspace, clock: FakeClock) -> None:
    theirs = add_posting(other_owner(workspace), "Crumb & Co", "Head Baker", clock() - timedelta(days=1))
    assert web.post_form(f"/openings/{theirs}/dismiss").status_code == 404
    assert web.api("POST", f"/api/v1/openings/{theirs}/dismiss").status_code == 404


def test_the_api_dismisses_and_clears_what_the_agenda_shows(web: Web, workspace: Workspace, clock: FakeClock) -> None:
    items = fill_agenda(workspace, clock)
    opening = items["new_posting"].actions[-1].ids["opening_id"]
    assert web.api("POST", f"/api/v1/openings/{opening}/dismiss").json()["title"] == "Head Baker"
    nudge = items["keep_in_touch"].ref
    assert web.api("POST", f"/api/v1/nudges/{nudge}/dismiss").json()["ref"] == nudge
    cleared = web.api("PUT", "/api/v1/reapply", json={"company": "Flour Mill", "reapply_on": None})
    assert cleared.json() == {"company": "Flour Mill", "reapply_after": None}
    bad = web.api("PUT", "/api/v1/reapply", json={"company": "Flour Mill", "reapply_on": "someday maybe"})
    assert bad.status_code == 422 and bad.json()["field"] == "reapply_on"
    left = {item.kind for item in agenda_of(workspace)}
    assert left.isdisjoint({"new_posting", "keep_in_touch", "reapply"}), left


def test_schedule_an_interview_on_the_application_page(web: Web, workspace: Workspace, clock: FakeClock) -> None:
    app = make_application(workspace, company="Quiet Ltd", role="Baker", applied_at=clock() - timedelta(days=60))
    assert "ghosted-" + str(app.id) in {item.ref for item in agenda_of(workspace)}
    page = web.client.get(f"/applications/{app.id}").text
    assert f'action="/applications/{app.id}/interviews"' in page
    missing = web.post_form(f"/applications/{app.id}/interviews", {"interview_kind": "panel"})
    assert missing.status_code == 422 and 'id="f-interview_on-error"' in missing.text
    assert 'value="panel"' in missing.text  # what was typed stays
    day = (clock() + timedelta(days=3)).date().isoformat()
    done = web.post_form(
        f"/applications/{app.id}/interviews",
        {"interview_on": f"{day} 14:00", "interview_kind": "panel", "interviewers": "Priya, Tom"},
    )
    assert done.status_code == 303 and done.headers["location"].endswith("#interviews")
    shown = web.client.get(done.headers["location"].split("#")[0]).text
    assert "14:00: panel with Priya, Tom" in shown and "Interview scheduled" in shown
    kinds = {item.kind for item in agenda_of(workspace)}
    assert "interview" in kinds and "ghosted" not in kinds  # a scheduled interview resets silence
    assert web.post_form("/applications/9999/interviews", {"interview_on": day}).status_code == 404


def test_the_api_schedules_and_lists_interviews(web: Web, workspace: Workspace, clock: FakeClock) -> None:
    app = make_application(workspace)
    day = (clock() + timedelta(days=2)).date().isoformat()
    made = web.api("POST", f"/api/v1/applications/{app.id}/interviews", json={"at": f"{day} 09:30", "kind": "phone"})
    assert made.status_code == 201 and made.json()["kind"] == "phone"
    listed = web.client.get(f"/api/v1/applications/{app.id}/interviews").json()
    assert [i["id"] for i in listed["interviews"]] == [made.json()["id"]]
    bad = web.api("POST", f"/api/v1/applications/{app.id}/interviews", json={"at": "whenever"})
    assert bad.status_code == 422 and bad.json()["field"] == "at"
    theirs = make_application(other_owner(workspace))
    assert web.api("POST", f"/api/v1/applications/{theirs.id}/interviews", json={"at": day}).status_code == 404


def test_a_chase_waits_for_its_day_then_is_written_when_pressed(
    web: Web, workspace: Workspace, clock: FakeClock
) -> None:
    """The day a request goes out, Today and the dashboard do not ask for the reminder; on its day they do."""
    app = make_application(workspace, company="Early Co", applied_at=clock() - timedelta(days=20))
    ApplicationService(workspace).close(app.id, Outcome.REJECTED, at=clock() - timedelta(days=10))
    add_sent_feedback_request(workspace, app.id, clock() - timedelta(hours=1))
    for page in ("/today", "/"):
        assert "Write the one reminder" not in web.client.get(page).text, page
    assert all(i.kind != "feedback_chase" for i in agenda_of(workspace))
    clock.advance(days=6)
    assert all(i.kind != "feedback_chase" for i in agenda_of(workspace))
    clock.advance(days=1)
    assert "Write the one reminder" in web.client.get("/today").text
    item = next(i for i in agenda_of(workspace) if i.kind == "feedback_chase")
    assert item.when == "today"
    url, fields = done_action_of(item)
    pressed = web.post_form(url, fields, headers={"HX-Request": "true", "HX-Target": f"item-{item.ref}"})
    assert pressed.status_code == 200 and "Reminder written" in pressed.text
    assert all(i.kind != "feedback_chase" for i in agenda_of(workspace))
