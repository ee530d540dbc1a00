"""The feedback section of an application: requests, feedback received with themes, reflection, and its API."""

from __future__ import annotations

import html
import re
from dataclasses import replace
from datetime import timedelta
from typing import Any

from nextround.config import Settings, SmtpConfig
from nextround.domain.contacts import ContactFields
from nextround.domain.stages import Outcome, Stage
from nextround.domain.themes import theme_label
from nextround.services import feedback, insight
from nextround.services.applications import ApplicationService
from nextround.services.network import NetworkService
from nextround.services.workspace import Workspace
from nextround.web.routes.feedback import highlight
from tests.conftest import other_owner
from tests.factories import make_application
from tests.feedback_helpers import smtp_server
from tests.web_support import Web, command_line_in, web_with

FEEDBACK = (
    "Thank you for your time. Your SQL skills were not strong enough for the role <script>alert(1)</script>. "
    "We loved your enthusiasm."
)
HX = {"hx-request": "true"}


def rejected(ws: Workspace, stage: Stage = Stage.INTERVIEW, company: str = "Northwind") -> int:
    app = make_application(ws, stage=stage, company=company, role="Support Engineer", round_=1)
    return ApplicationService(ws).close(app.id, Outcome.REJECTED).id


def test_application_page_loads_the_section_and_links_to_its_page(web: Web, workspace: Workspace) -> None:
    app_id = rejected(workspace)
    page = web.client.get(f"/applications/{app_id}").text
    assert f'hx-get="/applications/{app_id}/feedback"' in page
    assert f'<a href="/applications/{app_id}/feedback#feedback-requests">' in page  # works without JavaScript
    assert "This part of the page arrives with its pillar" not in page.split('id="feedback-section"')[1][:600]
    dana = NetworkService(workspace).add_contact(ContactFields(name="Dana Reyes", company="Crumb & Co"))
    full = web.client.get(f"/applications/{app_id}/feedback")
    assert full.status_code == 200 and "<html" in full.text and 'id="feedback-section"' in full.text
    assert f'<option value="{dana.id}">Dana Reyes (Crumb &amp; Co)</option>' in full.text  # a contact to address
    fragment = web.client.get(f"/applications/{app_id}/feedback", headers=HX).text
    assert "<html" not in fragment and fragment.lstrip().startswith('<div id="feedback-section"')
    assert web.client.get("/applications/9999/feedback").status_code == 404


def test_draft_copy_and_mark_sent_then_replied(web: Web, workspace: Workspace) -> None:
    app_id = rejected(workspace)
    response = web.post_form(
        f"/applications/{app_id}/feedback/draft", {"tone": "formal", "contact_id": "", "to": "dana@example.org"}
    )
    assert response.status_code == 303
    page = web.client.get(response.headers["location"]).text
    request = feedback.list_requests(workspace, app_id)[0]
    assert request.status.value == "drafted" and request.tone.value == "formal"
    body_box = re.search(r'<textarea id="fb-draft-body"[^>]*>(.*?)</textarea>', page, re.S)
    assert body_box and html.unescape(body_box.group(1)) == request.body
    assert 'data-copy="fb-draft-body" hidden' in page  # the Copy button appears only with JavaScript
    assert f'href="/feedback-requests/{request.id}/eml"' in page and 'href="mailto:dana@example.org?' in page
    assert "set up your email on the Settings page" in page  # no SMTP here: the page says how to send it
    eml = web.client.get(f"/feedback-requests/{request.id}/eml")
    assert eml.status_code == 200 and "To: dana@example.org" in eml.text
    assert eml.headers["content-disposition"].startswith("attachment")

    sent = web.post_form(f"/feedback-requests/{request.id}/status", {"status": "sent"}, headers=HX)
    assert sent.status_code == 200 and "Mark replied" in sent.text and "Mark sent" not in sent.text
    replied = web.post_form(f"/feedback-requests/{request.id}/status", {"status": "replied"}, headers=HX)
    assert 'fb-status-replied">Replied' in replied.text
    assert feedback.get_request(workspace, request.id).status.value == "replied"
    again = web.post_form(f"/feedback-requests/{request.id}/status", {"status": "sent"})
    assert again.status_code == 422 and "cannot become sent" in again.text


def test_send_over_smtp_when_configured(web: Web, workspace: Workspace, settings: Settings, clock: Any) -> None:
    app_id = rejected(workspace)
    web.post_form(f"/applications/{app_id}/feedback/draft", {"tone": "warm", "to": "dana@example.org"})
    request = feedback.list_requests(workspace, app_id)[0]
    with smtp_server() as server, web_with(replace(settings, smtp=SmtpConfig.from_env(server.env())), clock) as web:
        page = web.client.get(f"/applications/{app_id}/feedback").text
        assert f'action="/feedback-requests/{request.id}/send"' in page
        response = web.post_form(f"/feedback-requests/{request.id}/send", headers=HX)
        assert response.status_code == 200 and "Request sent." in response.text
        assert server.received[0].rcpt_tos == ["dana@example.org"]
    assert feedback.get_request(workspace, request.id).status.value == "sent"


def test_sending_with_a_broken_set_up_from_the_environment_says_so_in_words(
    web: Web, workspace: Workspace, settings: Settings, clock: Any
) -> None:
    app_id = rejected(workspace)
    web.post_form(f"/applications/{app_id}/feedback/draft", {"tone": "warm", "to": "dana@example.org"})
    request = feedback.list_requests(workspace, app_id)[0]
    broken = SmtpConfig(host="smtp.example.org", port="smtp", from_addr="me@example.org")
    with web_with(replace(settings, smtp=broken), clock) as web:
        response = web.post_form(f"/feedback-requests/{request.id}/send", headers=HX)
    assert response.status_code == 422
    assert "the port is not a number" in response.text and "press Copy" in response.text
    assert command_line_in(response.text) is None, command_line_in(response.text)
    assert feedback.get_request(workspace, request.id).status.value == "drafted"


def test_the_one_chase_appears_when_due(web: Web, workspace: Workspace, clock: Any) -> None:
    app_id = rejected(workspace)
    request, _ = feedback.draft_request(workspace, app_id, to="dana@example.org")
    feedback.mark(workspace, request.id, "sent")
    page = web.client.get(f"/applications/{app_id}/feedback").text
    assert "Write the one reminder" not in page and "the one reminder is due on" in page
    clock.advance(days=8)
    page = web.client.get(f"/applications/{app_id}/feedback").text
    assert "Write the one reminder" in page
    response = web.post_form(f"/feedback-requests/{request.id}/chase", headers=HX)
    assert response.status_code == 200 and 'id="fb-chase-body"' in response.text
    chase = feedback.get_request(workspace, request.id)
    assert f"<strong>Subject:</strong> Re: {html.escape(chase.subject)}</p>" in response.text
    assert re.search(r'<textarea id="fb-chase-body"[^>]*>\s*\S', response.text)  # the reminder's text is shown
    assert 'href="mailto:dana@example.org' in response.text
    assert feedback.get_request(workspace, request.id).chased_at is not None
    assert "Write the one reminder" not in web.client.get(f"/applications/{app_id}/feedback").text


def test_record_feedback_shows_themes_and_highlights_evidence_escaped(web: Web, workspace: Workspace) -> None:
    app_id = rejected(workspace)
    response = web.post_form(f"/applications/{app_id}/feedback/record", {"text": FEEDBACK, "source": "employer"})
    assert response.status_code == 303 and "notice=recorded" in response.headers["location"]
    stored = feedback.list_feedback(workspace, app_id)[0]
    assert stored.text == FEEDBACK  # verbatim
    page = web.client.get(f"/applications/{app_id}/feedback").text
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert 'data-theme="technical_skills"' in page and "Strength: motivation" in page
    marked = re.search(r'<mark class="fb-issue fb-theme-technical_skills"[^>]*>(.*?)</mark>', page)
    assert marked and "SQL skills were not strong enough" in marked.group(1)
    # the clause behind each theme is shown beside it, escaped
    evidence = re.search(r'<ul class="fb-evidence"[^>]*>(.*?)</ul>', page, re.S)
    assert evidence and "<strong>" in evidence.group(1) and "SQL skills were not strong enough" in evidence.group(1)
    assert (
        '<mark class="fb-strength fb-theme-motivation" title="strength: motivation">We loved your enthusiasm.</mark>'
        in page
    )


def test_highlight_escapes_every_piece_and_skips_overlaps() -> None:
    text = "A <b>bold</b> claim & more text"
    out = str(highlight(text, [("<b>bold</b> claim", "communication", "issue"), ("claim & more", "x", "issue")]))
    assert out == (
        'A <mark class="fb-issue fb-theme-communication" title="communication">&lt;b&gt;bold&lt;/b&gt; claim</mark>'
        " &amp; more text"
    )
    assert str(highlight("nothing here", [("absent", "x", "issue")])) == "nothing here"


def test_empty_feedback_is_refused(web: Web, workspace: Workspace) -> None:
    app_id = rejected(workspace)
    response = web.post_form(f"/applications/{app_id}/feedback/record", {"text": "  ", "source": "employer"})
    assert response.status_code == 422
    assert feedback.list_feedback(workspace, app_id) == []


def test_reflection_save_and_edit(web: Web, workspace: Workspace) -> None:
    app_id = rejected(workspace)
    page = web.client.get(f"/applications/{app_id}/feedback").text
    questions = insight.get_reflection(workspace, app_id).questions
    assert all(html.escape(q.question, quote=True) in page for q in questions)
    first, second = questions[0].key, questions[1].key
    response = web.post_form(
        f"/applications/{app_id}/reflection", {f"rating_{first}": "2", f"text_{first}": "Not enough SQL practice."}
    )
    assert response.status_code == 303
    page = web.client.get(f"/applications/{app_id}/feedback").text
    assert f'name="rating_{first}" value="2" checked' in page and "Not enough SQL practice." in page
    assert "Update reflection" in page and re.search(r"Saved \d", page)  # the day it was saved
    assert "Your low ratings point to: <span" in page
    web.post_form(f"/applications/{app_id}/reflection", {f"rating_{second}": "4"}, headers=HX)
    saved = insight.get_reflection(workspace, app_id).answers
    assert (saved[first].rating, saved[first].text, saved[second].rating) == (2, "Not enough SQL practice.", 4)
    bad = web.post_form(f"/applications/{app_id}/reflection", {f"text_{first}": "no rating"})
    assert bad.status_code == 422 and "rating" in bad.text
    long_text = "I over-prepared the case study and ran out of time. " * 60  # 3,120 characters
    too_long = web.post_form(
        f"/applications/{app_id}/reflection", {f"rating_{second}": "3", f"text_{second}": long_text}
    )
    assert too_long.status_code == 422
    beside = re.search(rf'<p class="error-text" id="rf-{second}-error">([^<]*)</p>', too_long.text)
    assert beside and "under 2,000 characters" in beside.group(1), too_long.text[:3000]
    assert f"{second}:" not in too_long.text  # the question's key is not words for a person
    assert html.escape(long_text.strip(), quote=True) in too_long.text  # what was typed is kept
    assert insight.get_reflection(workspace, app_id).answers[second].rating == 4


def test_forms_need_the_csrf_token(web: Web, workspace: Workspace) -> None:
    app_id = rejected(workspace)
    for path in (f"/applications/{app_id}/feedback/draft", f"/applications/{app_id}/feedback/record",
                 f"/applications/{app_id}/reflection"):  # fmt: skip
        assert web.client.post(path, data={"text": "x", "tone": "warm"}).status_code == 403
    assert feedback.list_requests(workspace, app_id) == [] and feedback.list_feedback(workspace, app_id) == []


def test_api_draft_status_and_feedback(web: Web, workspace: Workspace) -> None:
    app_id = rejected(workspace)
    drafted = web.api("POST", f"/api/v1/applications/{app_id}/feedback-requests", json={"tone": "brief", "to": None})
    assert drafted.status_code == 201
    data = drafted.json()
    assert data["request_id"] == data["id"] and data["status"] == "drafted" and data["subject"] and data["body"]
    listed = web.client.get(f"/api/v1/applications/{app_id}/feedback-requests").json()
    assert [r["id"] for r in listed["requests"]] == [data["id"]]
    marked = web.api("POST", f"/api/v1/feedback-requests/{data['id']}/status", json={"status": "sent"})
    assert marked.status_code == 200 and marked.json()["status"] == "sent"

    recorded = web.api("POST", f"/api/v1/applications/{app_id}/feedback", json={"text": FEEDBACK, "source": "employer"})
    assert recorded.status_code == 201
    entry = recorded.json()
    assert entry["text"] == FEEDBACK and entry["request_id"] == data["id"]
    assert "technical_skills" in [t["theme"] for t in entry["analysis"]["themes"]]
    assert web.client.get(f"/api/v1/applications/{app_id}/feedback").json()["feedback"][0]["id"] == entry["id"]
    assert feedback.get_request(workspace, data["id"]).status.value == "replied"


def test_api_errors(web: Web, workspace: Workspace) -> None:
    app_id = rejected(workspace)
    missing = web.client.get("/api/v1/applications/9999/feedback-requests")
    assert missing.status_code == 404 and "error" in missing.json()
    assert web.api("POST", "/api/v1/feedback-requests/9999/status", json={"status": "sent"}).status_code == 404
    bad_tone = web.api("POST", f"/api/v1/applications/{app_id}/feedback-requests", json={"tone": "shouty"})
    assert bad_tone.status_code == 422 and "tone" in bad_tone.json()["error"]
    extra = web.api("POST", f"/api/v1/applications/{app_id}/feedback", json={"text": "ok", "mood": "x"})
    assert extra.status_code == 422
    no_token = web.client.post(f"/api/v1/applications/{app_id}/feedback", json={"text": "fine"})
    assert no_token.status_code == 403
    schema = web.client.get("/openapi.json").json()["paths"]
    assert "/api/v1/applications/{application_id}/feedback-requests" in schema
    assert "/applications/{application_id}/feedback" not in schema


def test_another_owners_application_is_invisible(web: Web, workspace: Workspace) -> None:
    other = other_owner(workspace)
    theirs = rejected(other, company="Hidden Ltd")
    assert web.client.get(f"/applications/{theirs}/feedback").status_code == 404
    assert web.api("POST", f"/api/v1/applications/{theirs}/feedback", json={"text": "x"}).status_code == 404


def test_the_draft_form_warns_before_asking_an_open_application(web: Web, workspace: Workspace) -> None:
    still_open = make_application(workspace, company="Waiting Ltd")
    page = web.client.get(f"/applications/{still_open.id}/feedback").text
    assert 'id="fb-cautions"' in page and "still open" in page
    closed = rejected(workspace)
    assert 'id="fb-cautions"' not in web.client.get(f"/applications/{closed}/feedback").text


def test_a_mistyped_recipient_is_shown_in_the_draft_form_with_what_was_typed(web: Web, workspace: Workspace) -> None:
    app_id = rejected(workspace)
    dana = NetworkService(workspace).add_contact(ContactFields(name="Dana Reyes", company="Northwind"))
    typed = {"tone": "formal", "contact_id": str(dana.id), "to": "dana@northwind"}  # the browser lets it through
    for headers in ({}, HX):
        response = web.post_form(f"/applications/{app_id}/feedback/draft", typed, headers=headers)
        assert response.status_code == 422
        page = response.text
        assert "That did not work" not in page  # the section again, not an error page
        assert re.search(r'<p class="error-text" id="fb-to-error">[^<]*is not an e-mail address', page)
        assert 'value="dana@northwind" aria-invalid="true"' in page
        assert '<option value="formal" selected>' in page and f'<option value="{dana.id}" selected>' in page
        assert '<details class="fb-draft-form" open>' in page
    assert feedback.list_requests(workspace, app_id) == []


def test_a_draft_without_a_name_to_sign_it_says_so_beside_it(web: Web, workspace: Workspace) -> None:
    from nextround.services.preferences import set_preference

    app_id = rejected(workspace)
    unsigned = web.post_form(f"/applications/{app_id}/feedback/draft", {"tone": "warm"}, headers=HX).text
    body = html.unescape(re.search(r'<textarea id="fb-draft-body"[^>]*>(.*?)</textarea>', unsigned, re.S).group(1))  # type: ignore[union-attr]
    assert body.rstrip().endswith("Best wishes,")  # the sign-off, and no name under it
    assert 'id="fb-unsigned"' in unsigned and '<a href="/settings">Settings page</a>' in unsigned
    set_preference(workspace, "profile.name", "Sam Rivera")
    signed = web.post_form(f"/applications/{app_id}/feedback/draft", {"tone": "warm"}, headers=HX).text
    assert "Sam Rivera</textarea>" in signed.replace("\n</textarea>", "</textarea>")
    assert 'id="fb-unsigned"' not in signed


def test_every_clause_behind_a_theme_is_shown_beside_it(web: Web, workspace: Workspace) -> None:
    """Not only the first: a theme's first clause can be one that mainly says something else."""
    app_id = rejected(workspace)
    text = (
        "Where you fell a bit short was in the system design portion: the answer stayed quite high level. "
        "A couple of panelists also felt your examples ran long and it was hard to pick out what you did. "
        "Your answers were long and unfocused. Your SQL skills were not strong enough for the role."
    )
    web.post_form(f"/applications/{app_id}/feedback/record", {"text": text, "source": "employer"})
    themes = feedback.list_feedback(workspace, app_id)[0].analysis["themes"]
    assert any(len(t["evidence"]) > 1 for t in themes), "the analyser gave no theme two clauses: pick another text"
    page = web.client.get(f"/applications/{app_id}/feedback").text
    listed = re.search(r'<ul class="fb-evidence"[^>]*>(.*?)</ul>', page, re.S)
    assert listed
    items = {
        html.unescape(re.sub(r"<.*?>", "", label)): html.unescape(quotes)
        for label, quotes in re.findall(r"<li><strong>(.*?)</strong>: (.*?)</li>", listed.group(1), re.S)
    }
    for theme in themes:
        shown = items[theme_label(theme["theme"])]
        assert shown == " · ".join(f"“{quote}”" for quote in theme["evidence"])


def test_the_draft_hint_names_the_stage_reached_not_the_request_kind(web: Web, workspace: Workspace) -> None:
    # A screening call and an assessment share the 'interview' request; the hint read "(Interview)" for both.
    app = make_application(workspace, stage=Stage.SCREENING, company="Riverside Care Home")
    screened = ApplicationService(workspace).close(app.id, Outcome.REJECTED).id
    page = web.client.get(f"/applications/{screened}/feedback").text
    assert "fits how far you got (the screening call)" in page
    assert "(Interview)" not in page
    interviewed = rejected(workspace, company="St Mary's Hospice")
    assert "fits how far you got (the interview)" in web.client.get(f"/applications/{interviewed}/feedback").text


REJECTION_EMAIL = (
    "Dear Siobhan, thank you for your interest in the Healthcare Assistant post. Unfortunately on this occasion "
    "your application has not been shortlisted. We received a high number of applications. Recruitment Team"
)


def test_a_rejection_pasted_on_an_open_application_offers_to_record_it(web: Web, workspace: Workspace) -> None:
    app = make_application(workspace, company="Northgate NHS Foundation Trust", role="Healthcare Assistant")
    # The email is kept as feedback; the application stayed 'applied', so Today asked to follow it up and the
    # numbers never counted the rejection, with nothing on the page to say so.
    page = web.post_form(f"/applications/{app.id}/feedback/record", {"text": REJECTION_EMAIL}, headers=HX).text
    offer = page.split('id="fb-offer-close"', 1)[1].split("</div>\n", 1)[0]
    assert "reads like a rejection" in offer and f'action="/applications/{app.id}/close"' in offer
    closed = web.post_form(f"/applications/{app.id}/close", {"outcome": "rejected", "on": ""})
    assert closed.status_code == 303
    assert ApplicationService(workspace).get(app.id).state.outcome is Outcome.REJECTED
    # Words from the interview that do not end anything, or an application already closed: no offer.
    other = make_application(workspace, company="St Mary's Hospice", stage=Stage.INTERVIEW, round_=1)
    notes = "The panel liked your examples but felt you could say more about teamwork. We'd like a second interview."
    assert (
        'id="fb-offer-close"'
        not in web.post_form(f"/applications/{other.id}/feedback/record", {"text": notes}, headers=HX).text
    )
    done = rejected(workspace, company="Riverside Care Home")
    assert (
        'id="fb-offer-close"'
        not in web.post_form(f"/applications/{done}/feedback/record", {"text": REJECTION_EMAIL}, headers=HX).text
    )
    # Without JavaScript the redirect carries the offer to the section's own page.
    third = make_application(workspace, company="Oakfield", role="Senior Carer")
    plain = web.post_form(f"/applications/{third.id}/feedback/record", {"text": REJECTION_EMAIL})
    assert plain.status_code == 303 and 'id="fb-offer-close"' in web.client.get(plain.headers["location"]).text
    # The day the email came, given with it, is the day the offer records the rejection on.
    fourth = make_application(workspace, company="Hillside", role="Carer")
    dated = web.post_form(f"/applications/{fourth.id}/feedback/record", {"text": REJECTION_EMAIL, "on": "today"})
    offer = web.client.get(dated.headers["location"]).text.split('id="fb-offer-close"', 1)[1]
    assert 'id="fb-close-on" name="on" type="text" placeholder="now" autocomplete="off" value="today"' in offer


def test_feedback_over_the_limit_says_by_how_much_and_what_to_do(web: Web, workspace: Workspace) -> None:
    from nextround.domain.feedback_requests import MAX_FEEDBACK_CHARS

    app_id = rejected(workspace)
    text = "More depth on wound care please. " * (MAX_FEEDBACK_CHARS // 32 + 5)
    page = web.post_form(f"/applications/{app_id}/feedback/record", {"text": text}, headers=HX).text
    # It said 'the feedback is longer than 100000 characters'.
    assert f"Keep it under {MAX_FEEDBACK_CHARS:,} characters: this has {len(text):,}." in page
    assert "without the earlier emails quoted below it" in page


def test_feedback_keeps_the_day_it_came(web: Web, workspace: Workspace, clock: Any) -> None:
    app_id = rejected(workspace)
    # An email pasted a few days late was dated the day it was pasted (and counted in that week's review).
    page = web.post_form(
        f"/applications/{app_id}/feedback/record", {"text": FEEDBACK, "on": "3 days ago"}, headers=HX
    ).text
    (entry,) = feedback.list_feedback(workspace, app_id)
    assert entry.received_at.date() == (clock() - timedelta(days=3)).date()
    assert 'id="fb-on"' in page
    later = web.post_form(
        f"/applications/{app_id}/feedback/record",
        {"text": "We liked your energy.", "on": (clock() + timedelta(days=5)).date().isoformat()},
        headers=HX,
    )
    assert later.status_code == 422 and "cannot be later than today" in later.text
    assert "We liked your energy." in later.text  # nothing typed is lost
    unreadable = web.post_form(
        f"/applications/{app_id}/feedback/record", {"text": "We liked your energy.", "on": "the other day"}
    )
    assert unreadable.status_code == 422 and 'value="the other day"' in unreadable.text
    assert "Cannot read “the other day” as a day: write it as yesterday, 3 days ago or 3 October." in unreadable.text
    assert len(feedback.list_feedback(workspace, app_id)) == 1


def test_who_said_the_feedback_is_offered_in_words_not_code_names(web: Web, workspace: Workspace) -> None:
    app = make_application(workspace, company="Haulier", role="Planner")
    page = web.client.get(f"/applications/{app.id}/feedback").text
    select = page.split('id="fb-source"', 1)[1].split("</select>")[0]
    options = re.findall(r"<option value=\"(\w+)\"[^>]*>([^<]+)</option>", select)
    assert dict(options)["self"] == "Me (my own notes)" and "mock" in dict(options)["mock"]
    assert "Mock" not in dict(options).values() and "Self" not in dict(options).values()


def test_a_saved_reflection_or_feedback_says_so_beside_its_own_form(web: Web, workspace: Workspace) -> None:
    app_id = rejected(workspace)
    first = insight.get_reflection(workspace, app_id).questions[0].key
    section = web.post_form(f"/applications/{app_id}/reflection", {f"rating_{first}": "2"}, headers=HX).text
    # The notice follows the button pressed, a long page below the top of the section.
    assert section.count('id="fb-notice"') == 1
    assert section.index('id="rf-save-button"') < section.index("Reflection saved.")
    recorded = web.post_form(
        f"/applications/{app_id}/feedback/record",
        {"text": "You lacked examples of leading a team.", "source": "employer"},
        headers=HX,
    )
    text = recorded.text
    assert text.index('id="fb-received-title"') < text.index('id="fb-notice"') < text.index('id="fb-record-button"')
    plain = web.post_form(f"/applications/{app_id}/reflection", {f"rating_{first}": "3"})
    assert plain.headers["location"].endswith("#reflection")  # without JavaScript the page opens at the notice


def test_people_at_the_company_are_offered_first_for_the_request(web: Web, workspace: Workspace) -> None:
    app = make_application(workspace, company="Boots", role="Shift Team Leader")
    network = NetworkService(workspace)
    network.add_contact(ContactFields(name="Sarah Mills", company="Wincanton"))
    network.add_contact(ContactFields(name="Priya Shah", company="boots "))
    page = web.client.get(f"/applications/{app.id}/feedback").text
    select = page.split('id="fb-contact"', 1)[1].split("</select>", 1)[0]
    here = select.split('id="fb-contacts-here">', 1)[1].split("</optgroup>", 1)[0]
    assert "Priya Shah" in here and "Sarah Mills" not in here
    assert select.index("Priya Shah") < select.index("Sarah Mills")


def test_a_strength_that_is_also_a_reason_is_partly_a_strength() -> None:
    from nextround.web.routes.feedback import present_feedback

    analysis = {
        "themes": [{"theme": "communication", "evidence": ["answers were hard to follow"]}],
        "strengths": [
            {"theme": "communication", "evidence": ["You communicated well"]},
            {"theme": "motivation", "evidence": ["We liked your energy"]},
        ],
    }
    text = "You communicated well, but answers were hard to follow. We liked your energy."
    view = present_feedback({"id": 1, "text": text, "analysis": analysis})
    assert [(s["theme"], s["partly"]) for s in view["strengths"]] == [("communication", True), ("motivation", False)]
    from nextround.web.rendering import environment

    item = {**view, "source": "employer", "received_at": "2026-12-01T10:00:00"}
    page = environment().get_template("_feedback_item.html").render(item=item, app={"id": 1}, csrf_token="t")
    chips = re.findall(r'class="fb-chip fb-chip-strength"[^>]*>([^<]*)<', page)
    assert chips == ["Partly a strength: communication", "Strength: motivation"]


def test_a_request_written_to_a_known_contact_greets_them_by_name(web: Web, workspace: Workspace) -> None:
    app_id = rejected(workspace)
    # someone else's contact with the same address is never used
    NetworkService(other_owner(workspace)).add_contact(ContactFields(name="Not Me", email="dana@example.org"))
    NetworkService(workspace).add_contact(ContactFields(name="Dana Reyes", email="Dana@Example.org"))
    response = web.post_form(
        f"/applications/{app_id}/feedback/draft", {"tone": "warm", "contact_id": "", "to": "dana@example.org"}
    )
    assert response.status_code == 303
    request = feedback.list_requests(workspace, app_id)[0]
    assert request.body.startswith("Hi Dana Reyes,"), request.body[:40]
    # an address nobody in the contacts has still opens plainly
    other_app = rejected(workspace, company="Marlow")
    web.post_form(f"/applications/{other_app}/feedback/draft", {"tone": "warm", "to": "careers@marlow.example"})
    assert feedback.list_requests(workspace, other_app)[0].body.startswith("Hello,")
