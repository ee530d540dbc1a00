"""A coach's comments on one application, the job seeker's replies and read marks, assigned questions in the
practice picker and on Today, and the feedback themes a coach sees (multi-user mode, on PostgreSQL)."""

from __future__ import annotations

import re

from nextround.domain.stages import Outcome
from nextround.services import coach_notes, coaching
from nextround.services.applications import ApplicationFields, ApplicationService
from nextround.services.feedback import record_feedback

from .multiuser_support import Person, Server

FEEDBACK = (
    "Thank you for your time. The panel felt your answers lacked concrete examples, and you did not seem "
    "to have researched our products before the interview."
)


def _share(server: Server, seeker: Person, coach: Person, shares: tuple[str, ...] = coaching.DEFAULT_SHARES) -> int:
    made = coaching.invite_coach(server.db, seeker.owner_id, coach.email, list(shares))
    return coaching.accept(server.db, coach.owner_id, made.token).id


def _rejected(server: Server, seeker: Person, company: str = "Crumb") -> int:
    service = ApplicationService(server.workspace(seeker))
    app = service.add(ApplicationFields(company=company, role="Baker"))
    service.close(app.id, Outcome.REJECTED)
    return app.id


def test_a_comment_on_an_application_is_on_its_page_for_both_and_the_seeker_replies(server: Server) -> None:
    ada, coach = server.person("ada@example.org"), server.person("coach@uni.example")
    crumb, other = _rejected(server, ada), _rejected(server, ada, "Dough")
    link_id = _share(server, ada, coach)
    sent = coach.post_form(f"/caseload/{link_id}/comments", {"text": "Ask what tipped it.", "application_id": crumb})
    assert sent.status_code == 303
    assert sent.headers["location"] == f"/caseload/{link_id}/applications/{crumb}#notes"
    coach.post_form(f"/caseload/{link_id}/comments", {"text": "Good week overall."})  # a general one

    page = ada.client.get(f"/applications/{crumb}").text
    section = page.split('id="coach-comments"', 1)[1].split("</section>", 1)[0]
    assert "Ask what tipped it." in section and "coach@uni.example" in section
    assert "Good week overall." not in section  # general comments are on the Sharing page, not here
    assert 'id="coach-comments"' not in ada.client.get(f"/applications/{other}").text
    sharing = ada.client.get("/sharing").text
    assert "Good week overall." in sharing and "Baker at Crumb" in sharing  # which application it is on

    note = coach_notes.notes_for(server.db, ada.owner_id, crumb)[0]
    assert not note.read
    replied = ada.post_form(f"/sharing/comments/{note.id}/reply", {"text": "They wanted more SQL."})
    assert replied.headers["location"] == f"/applications/{crumb}#coach-comments"
    assert "They wanted more SQL." in ada.client.get(f"/applications/{crumb}").text
    coach_page = coach.client.get(f"/caseload/{link_id}/applications/{crumb}").text
    assert "Ask what tipped it." in coach_page and "They wanted more SQL." in coach_page
    assert "Good week overall." not in coach_page
    assert coach_notes.notes_for(server.db, ada.owner_id, crumb)[0].read  # replying counts as reading
    # the coach answers in the same thread; the reply stays on the application
    coach.post_form(f"/caseload/{link_id}/comments", {"text": "Then practise SQL.", "reply_to": note.id})
    thread = coach_notes.notes_for(server.db, ada.owner_id, crumb)[0]
    assert [(r.text, r.by_seeker) for r in thread.replies] == [
        ("They wanted more SQL.", True),
        ("Then practise SQL.", False),
    ]
    assert not thread.read  # the coach's answer is new for the job seeker

    general = next(n for n in coach_notes.notes_for(server.db, ada.owner_id) if n.application_id is None)
    assert ada.post_form(f"/sharing/comments/{general.id}/read").headers["location"] == "/sharing#from-coaches"
    coach_view = coach.client.get(f"/caseload/{link_id}").text
    article = coach_view.split(f'id="coach-note-{general.id}"', 1)[1].split("</article>", 1)[0]
    assert "· read" in article and "not read yet" not in article
    reads = [r.what for r in coaching.reads_log(server.db, ada.owner_id)]
    assert "application: Baker at Crumb" in reads


def test_a_coach_comments_only_on_shared_applications_of_that_person(server: Server) -> None:
    ada, bob, coach = server.person("ada@example.org"), server.person("bob@example.org"), server.person("c@uni.example")
    ada_app, bob_app = _rejected(server, ada), _rejected(server, bob)
    to_ada = _share(server, ada, coach)
    only_journal = _share(server, bob, coach, ("journal",))
    # Bob's application through Ada's link, and Bob's through a link that does not share applications
    assert coach.post_form(f"/caseload/{to_ada}/comments", {"text": "x", "application_id": bob_app}).status_code == 404
    assert (
        coach.post_form(f"/caseload/{only_journal}/comments", {"text": "x", "application_id": bob_app}).status_code
        == 404
    )
    assert coach.client.get(f"/caseload/{only_journal}/applications/{bob_app}").status_code == 404
    assert coach.client.get(f"/caseload/{to_ada}/applications/{bob_app}").status_code == 404
    assert coach.post_form(f"/caseload/{to_ada}/comments", {"text": "x", "application_id": "two"}).status_code == 422
    # a seeker cannot reply to a coach's note that is someone else's
    coach_notes.add_note(server.db, coach.owner_id, to_ada, "For Ada", application_id=ada_app)
    note = coach_notes.notes_for(server.db, ada.owner_id)[0]
    assert bob.post_form(f"/sharing/comments/{note.id}/reply", {"text": "hi"}).status_code == 404
    assert bob.post_form(f"/sharing/comments/{note.id}/read").status_code == 404
    assert coach_notes.notes_for(server.db, ada.owner_id)[0].replies == ()
    assert not coach_notes.notes_for(server.db, ada.owner_id)[0].read


def test_an_assigned_question_is_in_the_picker_and_on_today_until_it_is_practised(server: Server) -> None:
    ada, coach = server.person("ada@example.org"), server.person("coach@uni.example")
    link_id = _share(server, ada, coach)
    text = "Tell me about a time you turned a rush order around."
    assert coach.post_form(f"/caseload/{link_id}/questions", {"text": text}).status_code == 303
    key = coach_notes.assigned_questions(server.db, ada.owner_id)[0].question_key

    picker = ada.client.get("/practice").text
    assigned = picker.split('id="assigned"', 1)[1].split("</section>", 1)[0]
    assert text in assigned and "assigned by coach@uni.example" in assigned
    today = ada.client.get("/today").text
    assert f"Practise the question coach@uni.example assigned: {text}" in today
    assert f'href="/practice?question={key.replace(":", "%3A")}"' in today

    page = ada.client.get(f"/practice?question={key}").text
    assert f'<p class="question-text" id="question-text">{text}</p>' in page
    assert "Assigned by coach@uni.example" in page
    answer = (
        "Last December a café ordered 300 loaves at noon for the next morning. I split the dough runs with two "
        "colleagues, baked through the night and delivered at six; the café ordered weekly after that."
    )
    done = ada.post_form("/practice", {"question_id": key, "answer": answer, "step": "skip_follow_up"})
    assert done.status_code == 200, done.text[:500]
    assert coach_notes.assigned_questions(server.db, ada.owner_id) == []
    assert 'id="assigned"' not in ada.client.get("/practice").text
    assert "assigned: " not in ada.client.get("/today").text
    assert "(practised)" in coach.client.get(f"/caseload/{link_id}").text
    # another person cannot open it by its key
    bob = server.person("bob@example.org")
    assert bob.client.get(f"/practice?question={key}").status_code == 404


def test_the_coach_sees_feedback_themes_only_when_feedback_is_shared(server: Server) -> None:
    ada, coach, bob = server.person("ada@example.org"), server.person("c@uni.example"), server.person("bob@example.org")
    crumb = _rejected(server, ada)
    record_feedback(server.workspace(ada), crumb, FEEDBACK)
    insights = ada.client.get("/insights").text
    seeker_themes = set(re.findall(r'<tr data-theme="([\w-]+)">', insights))
    assert seeker_themes  # the analyser found something in the text

    link_id = _share(server, ada, coach)
    view = coach.client.get(f"/caseload/{link_id}").text
    table = view.split('id="themes-table"', 1)[1].split("</table>", 1)[0]
    assert set(re.findall(r'<tr data-theme="([\w-]+)">', table)) == seeker_themes  # as Ada sees them
    app_view = coach.client.get(f"/caseload/{link_id}/applications/{crumb}").text
    chips = set(re.findall(r'class="fb-chip fb-chip-issue" data-theme="([\w-]+)"', app_view))
    assert chips and chips <= seeker_themes
    assert "concrete examples" in app_view

    _rejected(server, bob)
    record_feedback(server.workspace(bob), _rejected(server, bob, "Dough"), FEEDBACK)
    apps_only = _share(server, bob, coach, ("applications",))
    view = coach.client.get(f"/caseload/{apps_only}").text
    assert 'id="themes-table"' not in view and "concrete examples" not in view
    bob_app = ApplicationService(server.workspace(bob)).summaries()[0].id
    assert "concrete examples" not in coach.client.get(f"/caseload/{apps_only}/applications/{bob_app}").text
    assert ada.post_form(f"/sharing/coaches/{link_id}/shares", {"shares": "applications"}).status_code == 303
    assert 'id="themes-table"' not in coach.client.get(f"/caseload/{link_id}").text  # at once


def test_a_question_assigned_after_the_dashboard_was_cached_shows_on_it(server: Server) -> None:
    ada, coach = server.person("ada@example.org"), server.person("coach@uni.example")
    link_id = _share(server, ada, coach)
    htmx = {"HX-Request": "true"}
    assert "assigned:" not in ada.client.get("/dashboard/panels", headers=htmx).text  # now cached for Ada
    assert coach.post_form(f"/caseload/{link_id}/questions", {"text": "Why baking?"}).status_code == 303
    panels = ada.client.get("/dashboard/panels", headers=htmx).text
    assert "Practise the question coach@uni.example assigned: Why baking?" in panels
