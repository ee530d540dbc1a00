"""A job seeker asks their coach for help; the coach sees who is waiting for an answer on the caseload."""

from __future__ import annotations

import re

from nextround.services import coaching
from nextround.services.applications import ApplicationFields, ApplicationService

from .multiuser_support import Person, Server


def _coach(seeker: Person, coach: Person) -> int:
    page = seeker.post_form("/sharing/coaches", {"email": coach.email, "shares": "applications"})
    found = re.search(r"/coaching/accept/([\w-]+)</code>", page.text)
    assert found
    accepted = coach.post_form(f"/coaching/accept/{found.group(1)}")
    return int(accepted.headers["location"].rsplit("/", 1)[1])


def _caseload_row(coach: Person, link_id: int) -> str:
    page = coach.client.get("/caseload").text
    return page.split(f'data-link="{link_id}"', 1)[1].split("</tr>", 1)[0]


def test_a_seeker_asks_for_help_and_the_coach_sees_it_waiting_until_answered(server: Server) -> None:
    sam = server.person("sam@college.example")
    ada = server.person("ada@college.example")
    ApplicationService(server.workspace(sam)).add(ApplicationFields(company="Crumb", role="Baker"))
    link_id = _coach(sam, ada)
    row = _caseload_row(ada, link_id)
    assert "today" in row and "0 days ago" not in row  # just accepted: active today
    assert 'data-label="Waiting for your answer">—' in row
    sharing = sam.client.get("/sharing").text
    assert f'action="/sharing/coaches/{link_id}/ask"' in sharing and "Ask ada@college.example for help" in sharing
    empty = sam.post_form(f"/sharing/coaches/{link_id}/ask", {"text": "  "})
    assert empty.status_code == 422 and "write the message first" in empty.text
    sent = sam.post_form(f"/sharing/coaches/{link_id}/ask", {"text": "Third rejection this week, can we talk?"})
    assert sent.status_code == 303
    assert "Sent." in sam.client.get(sent.headers["location"]).text
    row = _caseload_row(ada, link_id)
    assert "1 message" in row and 'aria-label="1 message from sam@college.example waiting for your answer"' in row
    view = ada.client.get(f"/caseload/{link_id}").text
    assert "Third rejection this week, can we talk?" in view and "they wrote to you" in view
    (thread,) = coaching_threads(server, ada, sam)
    answered = ada.post_form(f"/caseload/{link_id}/comments", {"text": "Yes: Thursday at 10?", "reply_to": str(thread)})
    assert answered.status_code == 303
    assert "1 message" not in _caseload_row(ada, link_id)
    sam.post_form(f"/sharing/comments/{thread}/reply", {"text": "Thursday works."})
    assert "1 message" in _caseload_row(ada, link_id)


def coaching_threads(server: Server, coach: Person, seeker: Person) -> list[int]:
    from nextround.services.coach_notes import coach_threads

    return [note.id for note in coach_threads(server.db, coach.owner_id, seeker.owner_id)]


def test_no_one_asks_through_a_link_that_is_not_theirs_or_has_stopped(server: Server) -> None:
    sam = server.person("sam@college.example")
    ada = server.person("ada@college.example")
    eve = server.person("eve@college.example")
    link_id = _coach(sam, ada)
    assert 'data-label="Last active">nothing recorded yet<' in _caseload_row(ada, link_id)
    assert eve.post_form(f"/sharing/coaches/{link_id}/ask", {"text": "hello"}).status_code == 404
    assert ada.post_form(f"/sharing/coaches/{link_id}/ask", {"text": "hello"}).status_code == 404
    sam.post_form(f"/sharing/coaches/{link_id}/withdraw")
    assert sam.post_form(f"/sharing/coaches/{link_id}/ask", {"text": "hello"}).status_code == 404
    assert coaching.caseload(server.db, ada.owner_id) == []


def test_an_adviser_with_an_empty_caseload_is_told_how_people_arrive(server: Server) -> None:
    ada = server.person("ada@college.example")
    page = ada.client.get("/caseload").text
    assert "No one shares with you yet" in page and "ada@college.example" in page and "Sharing page" in page


def _navigation(html: str) -> str:
    found = re.search(r'<nav class="nav-bar" aria-label="Main">(.*?)</nav>', html, re.S)
    assert found
    return found.group(1)


def test_the_navigation_says_when_a_coach_wrote_and_a_coachs_reply_is_new_again(server: Server) -> None:
    sam = server.person("sam@college.example")
    ada = server.person("ada@college.example")
    assert '<a href="/sharing">Sharing</a>' in _navigation(sam.client.get("/").text)
    link_id = _coach(sam, ada)
    ada.post_form(f"/caseload/{link_id}/comments", {"text": "How did the Crumb interview go?"})
    assert '<a href="/sharing">Sharing (1 new)</a>' in _navigation(sam.client.get("/applications").text)
    (note,) = coaching_threads(server, ada, sam)
    sam.post_form(f"/sharing/comments/{note}/reply", {"text": "Well, I think."})
    assert '<a href="/sharing">Sharing</a>' in _navigation(sam.client.get("/").text)
    ada.post_form(
        f"/caseload/{link_id}/comments", {"text": "Great: write down what they asked.", "reply_to": str(note)}
    )
    assert "Sharing (1 new)" in _navigation(sam.client.get("/").text)
    sam.post_form(f"/sharing/comments/{note}/read")
    assert "new)" not in _navigation(sam.client.get("/").text)


def test_a_coach_whose_seeker_stopped_sharing_is_told_so_in_plain_words(server: Server) -> None:
    sam = server.person("sam@college.example")
    ada = server.person("ada@college.example")
    link_id = _coach(sam, ada)
    sam.post_form(f"/sharing/coaches/{link_id}/withdraw")
    page = ada.client.get(f"/caseload/{link_id}")
    assert page.status_code == 404
    assert "they may have stopped sharing their search with you" in page.text and "with id" not in page.text
    assert ada.client.get(f"/api/v1/caseload/{link_id}").json()["error"].startswith("no one with id")  # the API's words


def test_a_refused_coach_address_is_kept_in_the_field(server: Server) -> None:
    sam = server.person("sam@college.example")
    refused = sam.post_form("/sharing/coaches", {"email": "sam@college.example", "shares": "applications"})
    assert refused.status_code == 422 and "your own address" in refused.text
    assert 'name="email" type="email" value="sam@college.example"' in refused.text


def test_the_caseload_puts_who_needs_attention_first(server: Server) -> None:
    from nextround.domain.stages import Outcome

    ada = server.person("ada@college.example")
    quiet, rejected, asking = (server.person(f"{name}@college.example") for name in ("aaron", "beth", "cal"))
    links = {person.email: _coach(person, ada) for person in (quiet, rejected, asking)}
    service = ApplicationService(server.workspace(rejected))
    service.close(service.add(ApplicationFields(company="Crumb", role="Baker")).id, Outcome.REJECTED)
    asking.post_form(f"/sharing/coaches/{links[asking.email]}/ask", {"text": "Can we talk?"})
    order = [entry.seeker_email for entry in coaching.caseload(server.db, ada.owner_id)]
    assert order == ["cal@college.example", "beth@college.example", "aaron@college.example"]
    page = ada.client.get("/caseload").text
    assert page.index("cal@college.example") < page.index("beth@college.example") < page.index("aaron@college")
    reads = coaching.reads_log(server.db, quiet.owner_id)
    assert [read.what for read in reads].count("caseload summary") == 2  # each look is still in each log


def test_the_api_asks_a_coach_and_the_caseload_counts_it(server: Server) -> None:
    sam = server.person("sam@college.example")
    ada = server.person("ada@college.example")
    link_id = _coach(sam, ada)
    made = sam.api("POST", f"/api/v1/coaches/{link_id}/messages", json={"text": "Mock interview soon?"})
    assert made.status_code == 201 and made.json()["by_seeker"] is True
    assert sam.api("POST", f"/api/v1/coaches/{link_id}/messages", json={"text": ""}).status_code == 422
    assert ada.api("POST", f"/api/v1/coaches/{link_id}/messages", json={"text": "x"}).status_code == 404
    (entry,) = ada.client.get("/api/v1/caseload").json()["caseload"]
    assert entry["waiting"] == 1


def test_the_sharing_page_shows_repeated_looks_as_one_line_with_a_count(server: Server) -> None:
    sam = server.person("sam@college.example")
    ada = server.person("ada@college.example")
    _coach(sam, ada)
    for _ in range(3):
        ada.client.get("/caseload")
    page = sam.client.get("/sharing").text
    log = page.split('id="reads-title"', 1)[1]
    assert log.count("caseload summary") == 1 and "(3 times)" in log


def test_after_the_coach_deletes_their_account_the_seeker_still_sees_who_looked(server: Server) -> None:
    sam = server.person("sam@college.example")
    ada = server.person("ada@college.example")
    link_id = _coach(sam, ada)
    ada.client.get(f"/caseload/{link_id}")
    from .multiuser_support import PASSWORD

    assert ada.post_form("/account/delete", {"password": PASSWORD}).status_code == 303
    page = sam.client.get("/sharing").text
    assert "stopped: they deleted their account" in page
    log = page.split('id="reads-title"', 1)[1]
    assert "a deleted account: shared view: applications" in log
