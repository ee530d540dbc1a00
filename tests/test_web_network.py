"""Contacts & companies, today's agenda and the dashboard's agenda/effort panels, on both databases."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from nextround.config import Settings, job_board_bases
from nextround.domain.contacts import ContactFields, ContactKind
from nextround.domain.stages import Outcome, Stage
from nextround.services.agenda import agenda as agenda_of
from nextround.services.applications import ApplicationService
from nextround.services.network import NetworkService
from nextround.services.watch import add_watch, list_watches
from nextround.services.workspace import Workspace
from tests.factories import make_application
from tests.job_board_server import FakeBoards, greenhouse_job, running_boards
from tests.web_support import Web


@pytest.fixture(scope="module")
def board_server() -> Iterator[FakeBoards]:
    with running_boards() as boards:
        yield boards


@pytest.fixture
def settings(tmp_path: Path, database_url: str, board_server: FakeBoards) -> Settings:
    """The test settings with every job board at the local fake (what NEXTROUND_*_API would say)."""
    return Settings(
        home=tmp_path / "home", database_url=database_url, job_board_bases=job_board_bases(board_server.env())
    )


@pytest.fixture
def boards(board_server: FakeBoards) -> FakeBoards:
    board_server.reset()
    return board_server


def contact_id_from(response: object) -> int:
    location = response.headers["location"]  # type: ignore[attr-defined]
    found = re.match(r"/contacts/(\d+)\?notice=added", location)
    assert found, location
    return int(found.group(1))


# -- contacts -------------------------------------------------------------------------------------


def test_add_contact_shows_the_mistake_then_adds_it(web: Web, workspace: Workspace) -> None:
    bad = web.post_form("/contacts", {"name": "Ada Quill", "email": "not-an-email", "kind": "recruiter"})
    assert bad.status_code == 422
    assert "does not look like an email address" in bad.text
    assert 'id="f-email-error"' in bad.text and 'value="Ada Quill"' in bad.text  # kept what was typed
    no_name = web.post_form("/contacts", {"name": "  ", "kind": "peer"})
    assert no_name.status_code == 422 and 'id="f-name-error"' in no_name.text
    assert NetworkService(workspace).contacts() == []

    ok = web.post_form(
        "/contacts", {"name": "Ada Quill", "email": "ada@example.com", "kind": "recruiter", "cadence_days": "14"}
    )
    assert ok.status_code == 303
    contact_id = contact_id_from(ok)
    page = web.client.get(ok.headers["location"]).text
    assert "Ada Quill" in page and "every 14 days" in page and "Contact added." in page
    listing = web.client.get("/contacts").text
    assert f'id="contact-{contact_id}"' in listing and "ada@example.com" not in listing  # list stays short


def test_contact_linked_to_an_application_and_an_unknown_application(web: Web, workspace: Workspace) -> None:
    app = make_application(workspace, company="Lumen Bank", role="Support Engineer")
    ok = web.post_form("/contacts", {"name": "Grace", "kind": "hiring_manager", "application_id": str(app.id)})
    page = web.client.get(f"/contacts/{contact_id_from(ok)}").text
    assert f'href="/applications/{app.id}"' in page and "Lumen Bank" in page
    missing = web.post_form("/contacts", {"name": "Nobody", "application_id": "9999"})
    assert missing.status_code == 422 and 'id="f-application_id-error"' in missing.text


def test_contacts_filter_by_kind_and_search_and_mark_overdue(web: Web, workspace: Workspace, clock: object) -> None:
    service = NetworkService(workspace)
    recruiter = service.add_contact(ContactFields(name="Rae Recruiter", kind=ContactKind.RECRUITER, cadence_days=7))
    service.add_contact(ContactFields(name="Pat Peer", kind=ContactKind.PEER, company="Acme"))
    clock.advance(days=10)  # type: ignore[attr-defined]
    html = web.client.get("/contacts?kind=recruiter").text
    assert "Rae Recruiter" in html and "Pat Peer" not in html
    row = html.split(f'id="contact-{recruiter.id}"', 1)[1].split("</tr>", 1)[0]
    assert "overdue" in row
    searched = web.client.get("/contacts?q=acme").text
    assert "Pat Peer" in searched and "Rae Recruiter" not in searched
    assert web.client.get("/contacts?kind=wizard").status_code == 422


def test_log_an_interaction_and_edit_the_cadence(web: Web, workspace: Workspace) -> None:
    contact = NetworkService(workspace).add_contact(ContactFields(name="Owen", kind=ContactKind.INTERVIEWER))
    logged = web.post_form(
        f"/contacts/{contact.id}/interactions", {"channel": "call", "note": "Talked about on-call", "on": "yesterday"}
    )
    assert logged.status_code == 303
    page = web.client.get(logged.headers["location"]).text
    assert "Talked about on-call" in page and "Interaction logged" in page
    assert "(the default for an interviewer)" in page  # not "a interviewer"
    assert '<span class="what">Call</span>' in page and '<span class="note">Talked about on-call</span>' in page
    assert NetworkService(workspace).contact_details(contact.id).interactions[0].channel == "call"

    future = web.post_form(f"/contacts/{contact.id}/interactions", {"channel": "call", "on": "in 3 days"})
    assert future.status_code == 422
    bad_channel = web.post_form(f"/contacts/{contact.id}/interactions", {"channel": "pigeon"})
    assert bad_channel.status_code == 422 and "unknown channel" in bad_channel.text

    edited = web.post_form(
        f"/contacts/{contact.id}/edit", {"name": "Owen Pryce", "kind": "interviewer", "cadence_days": "45"}
    )
    assert edited.status_code == 303
    assert NetworkService(workspace).get_contact(contact.id).fields.cadence_days == 45
    wrong = web.post_form(f"/contacts/{contact.id}/edit", {"name": "Owen Pryce", "cadence_days": "99999"})
    assert wrong.status_code == 422 and 'id="f-cadence_days-error"' in wrong.text
    assert web.client.get("/contacts/4242").status_code == 404
    assert web.post_form("/contacts/4242/interactions", {"channel": "call"}).status_code == 404


def test_contact_names_are_escaped(web: Web, workspace: Workspace) -> None:
    contact = NetworkService(workspace).add_contact(
        ContactFields(name="<script>alert(1)</script>", company="<b>Evil</b>", kind=ContactKind.RECRUITER)
    )
    for path in ("/contacts", f"/contacts/{contact.id}"):
        html = web.client.get(path).text
        assert "<script>alert(1)</script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
        assert "<b>Evil</b>" not in html


def test_forms_need_the_csrf_token(web: Web, workspace: Workspace) -> None:
    contact = NetworkService(workspace).add_contact(ContactFields(name="Kit"))
    for path, data in (
        ("/contacts", {"name": "Sneaky"}),
        (f"/contacts/{contact.id}/interactions", {"channel": "call"}),
        (f"/contacts/{contact.id}/edit", {"name": "Renamed"}),
        ("/companies/watch", {"company": "Acme"}),
        ("/companies/check", {}),
        ("/companies/reapply", {"company": "Acme", "reapply_on": "2030-01-01"}),
    ):
        assert web.client.post(path, data=data).status_code == 403, path
    assert web.client.post("/api/v1/contacts", json={"name": "Sneaky"}).status_code == 403
    assert [c.contact.name for c in NetworkService(workspace).contacts()] == ["Kit"]
    assert list_watches(workspace) == []


# -- today and the dashboard ----------------------------------------------------------------------


def test_today_shows_keep_in_touch_after_a_rejection_and_drafts_it(web: Web, workspace: Workspace) -> None:
    app = make_application(workspace, company="Marlow Learning", role="Support Engineer", stage=Stage.INTERVIEW)
    NetworkService(workspace).add_contact(
        ContactFields(name="Owen Pryce", kind=ContactKind.INTERVIEWER), application_id=app.id
    )
    assert "Keep in touch" not in web.client.get("/today").text
    ApplicationService(workspace).close(app.id, Outcome.REJECTED)
    html = web.client.get("/today").text
    assert "Keep in touch with Owen Pryce" in html
    # Its groups sit under the page's h1 as h2 (they were h3, a level skipped: axe's heading-order).
    assert re.search(r'<h2 id="agenda-[a-z]+-title">', html) and not re.search(r'<h3 id="agenda-', html)
    dashboard = web.client.get("/dashboard/panels", headers={"HX-Request": "true"}).text
    assert re.search(r'<h3 id="agenda-[a-z]+-title">', dashboard)  # under the dashboard's h2 "Agenda"
    ref = re.search(r'href="/today\?draft=(keep_in_touch-[^"#]+)#draft"', html)
    assert ref, "no draft button for the nudge"
    assert "In the terminal" not in html and "<code>nextround" not in html  # no command lines on a page
    drafted = web.client.get(f"/today?draft={ref.group(1)}").text
    body = drafted.split('id="draft-body"', 1)[1].split("</textarea>", 1)[0]
    assert "Marlow Learning" in body
    assert web.client.get("/today?draft=keep_in_touch-0-0").status_code == 404
    agenda = web.client.get("/api/v1/agenda").json()
    assert agenda == [item.to_dict() for item in agenda_of(workspace)]  # the same items as `today --json`
    assert "keep_in_touch" in [item["kind"] for item in agenda]
    nudges = web.client.get("/api/v1/nudges").json()
    assert [n["ref"] for n in nudges] == [ref.group(1)]


def test_today_with_nothing_dated_still_gives_the_next_step_after_a_rejection(web: Web, workspace: Workspace) -> None:
    app = make_application(workspace, company="Harbourline", role="Customer Success Manager", stage=Stage.INTERVIEW)
    ApplicationService(workspace).close(app.id, Outcome.REJECTED)
    html = web.client.get("/today").text
    empty = html.split('id="agenda"', 1)[1].split("</section>", 1)[0]
    assert "Nothing due now or this week" in empty
    # The dashboard's next steps (reflect on it, ask for feedback) were missing here: "nothing due" read as
    # "nothing to do" on the day a rejection came in.
    assert "Harbourline" in empty and f'href="/applications/{app.id}' in empty


def test_dashboard_shows_the_agenda_and_the_weeks_effort(web: Web, workspace: Workspace) -> None:
    app = make_application(workspace, company="Marlow Learning", stage=Stage.INTERVIEW)
    NetworkService(workspace).add_contact(
        ContactFields(name="Owen", kind=ContactKind.INTERVIEWER), application_id=app.id
    )
    ApplicationService(workspace).close(app.id, Outcome.REJECTED)
    cold = web.client.get("/").text  # not computed yet: the page does not wait, HTMX asks for the panels
    assert 'hx-get="/dashboard/panels"' in cold and 'href="/dashboard/panels"' in cold
    assert 'id="dashboard-agenda"' not in cold
    fragment = web.client.get("/dashboard/panels", headers={"HX-Request": "true"})
    assert fragment.status_code == 200 and 'id="dashboard-agenda"' in fragment.text
    assert "<html" not in fragment.text and "Keep in touch with Owen" in fragment.text
    html = web.client.get("/").text  # now cached: shown inline, readable without JavaScript
    assert 'hx-get="/dashboard/panels"' not in html
    agenda = html.split('id="dashboard-agenda"', 1)[1].split('id="effort"', 1)[0]
    assert "Keep in touch with Owen" in agenda and 'href="/today"' in agenda
    effort = html.split('id="effort"', 1)[1].split("</section>", 1)[0]
    # One of a kind reads in the singular ("1 applications sent" was a slip), none and more in the plural.
    assert re.search(r'<span class="stat">1</span> application sent<', effort)
    assert re.search(r'<span class="stat">0</span> journal entries<', effort)
    assert 'id="streak"' in effort


def test_dashboard_panels_without_javascript_and_after_a_change(web: Web, workspace: Workspace) -> None:
    web.client.get("/")
    follow = web.client.get("/dashboard/panels")  # the placeholder's plain link
    assert follow.status_code == 303 and follow.headers["location"].startswith("/#dashboard-agenda")
    assert 'id="effort"' in web.client.get("/").text
    web.post_form("/contacts", {"name": "Someone"})  # a change through the app empties the view cache
    assert 'hx-get="/dashboard/panels"' in web.client.get("/").text


def test_dashboard_agenda_is_cut_to_eight_items(web: Web, workspace: Workspace) -> None:
    service = NetworkService(workspace)
    for n in range(10):
        service.add_contact(ContactFields(name=f"Person {n}", kind=ContactKind.PEER, cadence_days=1))
    web.client.get("/dashboard/panels")
    html = web.client.get("/").text.split('id="dashboard-agenda"', 1)[1].split('id="effort"', 1)[0]
    assert html.count('class="agenda-item') == 8
    assert "All 10 items" in html
    assert web.client.get("/today").text.count('class="agenda-item') == 10


# -- companies ------------------------------------------------------------------------------------


def test_companies_add_watch_with_a_bad_board_then_a_good_one(web: Web, workspace: Workspace) -> None:
    bad = web.post_form("/companies/watch", {"company": "Acme", "board": "monster:acme"})
    assert bad.status_code == 422 and "unknown job board" in bad.text and 'id="f-board-error"' in bad.text
    shape = web.post_form("/companies/watch", {"company": "Acme", "board": "greenhouse"})
    assert shape.status_code == 422 and "greenhouse:TOKEN" in shape.text
    assert list_watches(workspace) == []
    ok = web.post_form("/companies/watch", {"company": "Acme", "board": "greenhouse:acme", "keywords": "support"})
    assert ok.status_code == 303
    html = web.client.get("/companies?notice=watch").text
    assert "<code>greenhouse:acme</code>" in html and "never goes online by itself" in html
    assert web.post_form("/companies/watch", {"company": "Acme", "board": "greenhouse:acme"}).status_code == 422


def test_check_now_reads_the_board_and_lists_new_openings(web: Web, workspace: Workspace, boards: FakeBoards) -> None:
    boards.greenhouse["acme"] = [greenhouse_job(1, "Support Engineer"), greenhouse_job(2, "Sales Director")]
    add_watch(workspace, "Acme", "greenhouse:acme", "support")
    assert boards.hits == {}  # showing the page does not go online
    web.client.get("/companies")
    assert boards.hits == {}
    html = web.post_form("/companies/check").text
    assert sum(boards.hits.values()) == 1
    assert "Checked 1 board: 1 new matching opening." in html
    link = re.search(r'<a href="https://boards.greenhouse.io/acme/jobs/1"([^>]*)>Support Engineer', html)
    assert link and 'rel="noopener noreferrer"' in link.group(1) and 'class="external"' in link.group(1)
    assert "Sales Director" not in html
    assert "Support Engineer" in web.client.get("/companies").text  # remembered as a new opening


def test_check_now_reports_a_board_that_fails(web: Web, workspace: Workspace, boards: FakeBoards) -> None:
    add_watch(workspace, "Ghost Corp", "greenhouse:ghost", None)
    html = web.post_form("/companies/check").text
    assert "Could not read a board" in html and "Ghost Corp" in html
    assert '<div class="alert alert-error" role="status" id="check-report">' in html
    assert "Last error" in web.client.get("/companies").text


def test_reapply_date_is_saved_and_shown(web: Web, workspace: Workspace) -> None:
    ok = web.post_form("/companies/reapply", {"company": "Northwind", "reapply_on": "2030-03-01"})
    assert ok.status_code == 303
    assert "1 Mar 2030" in web.client.get("/companies").text
    assert "apply to Northwind again" in web.client.get("/today").text
    bad = web.post_form("/companies/reapply", {"company": "Northwind", "reapply_on": "someday maybe"})
    assert bad.status_code == 422 and 'id="f-reapply_on-error"' in bad.text


# -- JSON API -------------------------------------------------------------------------------------


def test_contacts_api_round_trip(web: Web, workspace: Workspace) -> None:
    app = make_application(workspace, company="Lumen Bank")
    created = web.api(
        "POST", "/api/v1/contacts", json={"name": "Grace", "kind": "hiring_manager", "application_id": app.id}
    )
    assert created.status_code == 201
    body = created.json()
    assert body["applications"][0]["id"] == app.id and body["company"] == "Lumen Bank"
    contact_id = body["id"]
    assert web.client.get(f"/api/v1/contacts/{contact_id}").json()["name"] == "Grace"
    patched = web.api("PATCH", f"/api/v1/contacts/{contact_id}", json={"cadence_days": 20, "title": "Head of Support"})
    assert patched.status_code == 200 and patched.json()["cadence_days"] == 20
    logged = web.api("POST", f"/api/v1/contacts/{contact_id}/interactions", json={"channel": "email", "note": "Hi"})
    assert logged.status_code == 201 and logged.json()["channel"] == "email"
    listing = web.client.get("/api/v1/contacts?kind=hiring_manager").json()
    assert listing["total"] == 1 and listing["contacts"][0]["last_interaction_at"] is not None
    assert web.client.get("/api/v1/contacts?q=nobody").json()["total"] == 0


def test_contacts_api_errors(web: Web) -> None:
    assert web.client.get("/api/v1/contacts/999").status_code == 404
    assert "error" in web.client.get("/api/v1/contacts/999").json()
    assert web.api("PATCH", "/api/v1/contacts/999", json={"title": "x"}).status_code == 404
    assert web.api("POST", "/api/v1/contacts/999/interactions", json={}).status_code == 404
    bad_email = web.api("POST", "/api/v1/contacts", json={"name": "X", "email": "nope"})
    assert bad_email.status_code == 422 and "email" in bad_email.json()["error"]
    assert web.api("POST", "/api/v1/contacts", json={"name": "X", "kind": "wizard"}).status_code == 422
    assert web.api("POST", "/api/v1/contacts", json={"email": "a@b.co"}).status_code == 422  # no name
    assert web.api("POST", "/api/v1/contacts", json={"name": "X", "shoe": 1}).status_code == 422
    assert web.client.get("/api/v1/contacts?kind=wizard").status_code == 422
    created = web.api("POST", "/api/v1/contacts", json={"name": "X"}).json()
    assert web.api("POST", f"/api/v1/contacts/{created['id']}/interactions", json={"channel": "fax"}).status_code == 422


def test_network_api_is_in_the_schema_and_pages_are_not(web: Web) -> None:
    paths = web.client.get("/openapi.json").json()["paths"]
    for path in ("/api/v1/contacts", "/api/v1/contacts/{contact_id}", "/api/v1/contacts/{contact_id}/interactions",
                 "/api/v1/agenda", "/api/v1/nudges"):  # fmt: skip
        assert path in paths, path
    assert "404" in paths["/api/v1/contacts/{contact_id}"]["get"]["responses"]
    assert not [p for p in paths if p.startswith(("/contacts", "/companies", "/today"))]


def test_contact_form_errors_stand_next_to_their_fields(web: Web, workspace: Workspace) -> None:
    # Each problem carries its field from the service: no guessing from the wording.
    for values, field in (
        ({"name": "Ana", "cadence_days": "99999"}, "cadence_days"),
        ({"name": "Ana", "cadence_days": "often"}, "cadence_days"),
        ({"name": "Ana", "email": "not-an-address"}, "email"),
        ({"name": "Ana", "connected_on": "the other day"}, "connected_on"),
        ({"name": "Ana", "application_id": "999"}, "application_id"),
        ({"name": " "}, "name"),
    ):
        response = web.post_form("/contacts", values)
        assert response.status_code == 422, values
        errors = re.findall(r'<p class="error-text" id="f-([a-z_]+)-error">', response.text)
        assert errors == [field], (values, errors)
    contact = NetworkService(workspace).add_contact(ContactFields(name="Ana"))
    future = web.post_form(f"/contacts/{contact.id}/interactions", {"channel": "email", "on": "in 3 days"})
    assert future.status_code == 422
    assert re.findall(r'id="f-([a-z_]+)-error"', future.text) == ["on"]


def test_a_keep_in_touch_draft_is_signed_and_reads_in_paragraphs(web: Web, workspace: Workspace) -> None:
    from nextround.services.preferences import PROFILE_NAME, set_preference

    set_preference(workspace, PROFILE_NAME, "Siobhán O'Neill")
    app = make_application(
        workspace, company="St Mary's Hospice", role="Trainee Nursing Associate", stage=Stage.INTERVIEW
    )
    NetworkService(workspace).add_contact(
        ContactFields(name="Karen Hughes", kind=ContactKind.INTERVIEWER), application_id=app.id
    )
    ApplicationService(workspace).close(app.id, Outcome.REJECTED)
    today = web.client.get("/today").text
    ref = re.search(r'href="/today\?draft=(keep_in_touch-[^"#]+)#draft"', today)
    assert ref
    body = web.client.get(f"/today?draft={ref.group(1)}").text.split('id="draft-body"', 1)[1]
    body = body.split(">", 1)[1].split("</textarea>", 1)[0]
    # It ended 'All the best' with no name though Settings says reminders are signed, and broke its
    # sentences mid-line ('I was disappointed by\nthe decision'), breaks an email keeps.
    assert body.rstrip().endswith("All the best,\nSiobhán O&#39;Neill")
    assert "disappointed by the decision" in body
    paragraphs = [p for p in body.split("\n\n") if p.strip()]
    assert all("\n" not in p for p in paragraphs[1:-1])  # each paragraph on one line


def test_an_empty_today_links_each_way_to_start(web: Web) -> None:
    empty = web.client.get("/today").text.split('id="agenda"', 1)[1].split("</section>", 1)[0]
    # Only 'practise a few answers' was a link; 'Add an application' and 'log a talk' were plain words.
    assert "Nothing due now or this week" in empty
    for href in ("/contacts", "/practice"):
        assert f'<a href="{href}">' in empty
    assert 'href="/applications/new"' in empty  # the next step's button, or the plain link when none offers it


def test_an_unreadable_meeting_day_is_explained_with_examples_and_the_notes_kept(web: Web) -> None:
    response = web.post_form(
        "/contacts", {"name": "Raj", "kind": "peer", "connected_on": "the job fair", "notes": "Met at the fair"}
    )
    assert response.status_code == 422
    error = re.search(r'<p class="error-text" id="[^"]*connected_on[^"]*">([^<]*)</p>', response.text)
    assert error and "write it like 3 March 2025" in error.group(1) and "YYYY" not in error.group(1), error
    assert "Met at the fair" in response.text


def test_the_contact_pages_speak_of_keeping_in_touch_not_cadences_and_touches(web: Web, workspace: Workspace) -> None:
    added = web.post_form("/contacts", {"name": "Hannah Okafor", "kind": "recruiter", "company": "Harbourline"})
    contact_id = contact_id_from(added)
    logged = web.post_form(f"/contacts/{contact_id}/interactions", {"channel": "email", "note": "Thanked her"})
    pages = [web.client.get("/contacts").text, web.client.get(logged.headers["location"]).text]
    for html in pages:
        words = re.sub(r"<[^>]+>", " ", html.split("<main", 1)[1]).lower()
        # A first-time user met 'A touch is due when the cadence has passed' and a 'Next touch' column.
        assert "cadence" not in words and "next touch" not in words and "a touch" not in words
    assert "Get in touch by" in pages[0] and "Keep in touch" in pages[1]


def test_today_offers_add_an_application_once(web: Web, workspace: Workspace) -> None:
    # an open application with nothing dated: the next step is "add the next application you send"
    make_application(workspace, company="Harbourline", role="Support Lead", stage=Stage.APPLIED)
    empty = web.client.get("/today").text.split('id="agenda"', 1)[1].split("</section>", 1)[0]
    assert "Nothing due now or this week" in empty
    assert empty.count('href="/applications/new"') == 1, empty
    assert empty.count("Add an application") + empty.count("add an application") == 1, empty


def test_a_new_contact_is_not_assumed_to_be_a_peer(web: Web, workspace: Workspace) -> None:
    form = web.client.get("/contacts").text
    selected = re.findall(r'<option value="([a-z_]*)"[^>]*selected', form)
    assert selected == ["other"], selected  # the kind box starts neutral, not on "Peer"
    added = web.post_form("/contacts", {"name": "Jo Park"})
    assert added.status_code == 303
    (listed,) = NetworkService(workspace).contacts()
    assert listed.contact.kind is ContactKind.OTHER


def test_a_contact_of_no_particular_kind_is_not_called_an_other(web: Web, workspace: Workspace) -> None:
    """A new contact's kind is "other" until chosen; the page says nothing rather than "Other at …"."""
    from tests.factories import make_application

    app = make_application(workspace, company="Harbourline Freight", role="Coordinator")
    added = web.post_form(
        "/contacts", {"name": "Priya Shah", "company": "Harbourline Freight", "application_id": str(app.id)}
    )
    assert added.status_code == 303
    page = web.client.get(added.headers["location"]).text
    head = page.split("<h1>", 1)[1].split("</h1>", 1)[0]
    assert "Other" not in head and "Harbourline Freight" in head
    assert "(the default)" in page and "an other" not in page and "as other" not in page


def test_the_contacts_page_count_reads_plainly(web: Web, workspace: Workspace) -> None:
    empty = web.client.get("/contacts").text
    assert 'id="contact-count"' not in empty and "No contacts yet" in empty  # not "0 contacts. Each one is due…"
    NetworkService(workspace).add_contact(ContactFields(name="Owen", kind=ContactKind.INTERVIEWER))
    one = web.client.get("/contacts").text.split('id="contact-count">', 1)[1].split("</p>", 1)[0]
    assert one.startswith("1 contact. Each is due a message once its") and "it has been the" not in one
