"""The moment of rejection: the page leads with ask → reflect → practise; reopening is its own confirmed step."""

from __future__ import annotations

import re
from datetime import timedelta

from nextround.domain.stages import Outcome, Stage
from nextround.services.applications import ApplicationService
from nextround.services.workspace import Workspace
from tests.conftest import FakeClock
from tests.factories import make_application
from tests.web_support import Web


def test_after_a_rejection_the_page_leads_with_the_next_steps(web: Web, workspace: Workspace, clock: FakeClock) -> None:
    app = make_application(workspace, company="Marlow Learning", role="Support Engineer", stage=Stage.INTERVIEW)
    assert 'id="next-steps"' not in web.client.get(f"/applications/{app.id}").text
    closed = web.post_form(f"/applications/{app.id}/close", {"outcome": "rejected"})
    assert closed.headers["location"] == f"/applications/{app.id}?notice=closed#next-steps"
    page = web.client.get(f"/applications/{app.id}?notice=closed").text
    steps = page.split('id="next-steps"', 1)[1].split("</section>", 1)[0]
    labels = re.findall(r">(Ask for feedback|Reflect on it|Practise for jobs like this)<", steps)
    assert labels == ["Ask for feedback", "Reflect on it", "Practise for jobs like this"]
    assert f'href="/practice?app={app.id}"' in steps
    assert page.index('id="next-steps"') < page.index('id="actions-title"')  # before anything else
    assert 'name="stage"' not in page.split('id="actions-title"', 1)[1].split("</section>", 1)[0]  # no "Offer" first
    assert f'href="/applications/{app.id}/reopen"' in page


def test_reopening_asks_first(web: Web, workspace: Workspace, clock: FakeClock) -> None:
    app = make_application(workspace, stage=Stage.INTERVIEW, applied_at=clock() - timedelta(days=5))
    ApplicationService(workspace).close(app.id, Outcome.REJECTED)
    moved = web.post_form(f"/applications/{app.id}/move", {"stage": "offer"})
    assert moved.headers["location"] == f"/applications/{app.id}/reopen?stage=offer"
    assert ApplicationService(workspace).get(app.id).state.outcome is Outcome.REJECTED  # nothing changed yet
    ask = web.client.get(moved.headers["location"]).text
    assert "Reopen Pastry Chef at Acme Bakery?" in ask and '<option value="offer" selected>' in ask
    plain = web.client.get(f"/applications/{app.id}/reopen").text
    assert '<option value="interview" selected>' in plain  # the stage it was closed at
    done = web.post_form(f"/applications/{app.id}/reopen", {"stage": "interview"})
    assert done.headers["location"] == f"/applications/{app.id}?notice=reopened"
    state = ApplicationService(workspace).get(app.id).state
    assert state.is_open and state.stage is Stage.INTERVIEW
    again = web.post_form(f"/applications/{app.id}/reopen", {"stage": "offer"})
    assert again.headers["location"].endswith("notice=unchanged")
    assert ApplicationService(workspace).get(app.id).state.stage is Stage.INTERVIEW


def test_a_closed_application_adds_an_interview_that_took_place_not_one_to_schedule(
    web: Web, workspace: Workspace
) -> None:
    app = make_application(workspace, company="St Mary's Hospice", stage=Stage.INTERVIEW, round_=1)
    assert "Schedule the interview" in web.client.get(f"/applications/{app.id}").text
    ApplicationService(workspace).close(app.id, Outcome.REJECTED)
    page = web.client.get(f"/applications/{app.id}").text
    interviews = page.split('id="interviews"', 1)[1].split("</section>", 1)[0]
    # Under 'Rejected at the interview stage' it offered to 'Schedule the interview'.
    assert "Schedule the interview" not in interviews and ">Add the interview</button>" in interviews
    assert 'id="interviews-past"' in interviews and "The day and time it took place" in interviews


def test_the_close_buttons_have_a_heading_and_point_to_pasting_the_email(web: Web, workspace: Workspace) -> None:
    app = make_application(workspace, company="Haulier", role="Transport Planner")
    page = web.client.get(f"/applications/{app.id}").text
    actions = page.split('id="actions-title"', 1)[1].split("</section>", 1)[0]
    # The heading sits between the move form and the close buttons, and names the form.
    assert actions.index('action="/applications/') < actions.index('id="close-title"') < actions.index("reject-button")
    assert 'aria-labelledby="close-title"' in actions and 'href="/inbox#paste"' in actions
    web.post_form(f"/applications/{app.id}/close", {"outcome": "rejected"})
    assert 'id="close-title"' not in web.client.get(f"/applications/{app.id}").text


def test_once_feedback_is_recorded_the_next_step_is_no_longer_to_ask_for_it(web: Web, workspace: Workspace) -> None:
    from nextround.services.feedback import record_feedback

    app = make_application(workspace, company="Harbour Vets", role="Receptionist", stage=Stage.INTERVIEW)
    ApplicationService(workspace).close(app.id, Outcome.REJECTED)

    def steps() -> list[str]:
        page = web.client.get(f"/applications/{app.id}").text
        section = page.split('id="next-steps"', 1)[1].split("</section>", 1)[0]
        return re.findall(r">(Ask for feedback|Reflect on [a-z ]+|Practise for jobs like this)<", section)

    assert steps() == ["Ask for feedback", "Reflect on it", "Practise for jobs like this"]
    record_feedback(workspace, app.id, "Another candidate had more experience with the booking system.")
    assert steps() == ["Reflect on the feedback", "Practise for jobs like this"]


def test_an_answered_request_drops_asking_again() -> None:
    from nextround.domain.actions import ActionKind
    from nextround.domain.feedback_requests import rejection_steps

    kinds = [a.kind for a in rejection_steps(7, feedback_recorded=False, request_answered=True)]
    assert kinds == [ActionKind.REFLECT, ActionKind.PRACTISE]
    first = rejection_steps(7, feedback_recorded=False, request_answered=False)[0]
    assert first.kind is ActionKind.ASK_FEEDBACK and first.ids["application_id"] == 7


REASONED_NO = """From: Priya Shah <recruitment@harbourline.example>
Subject: Your application for Customer Operations Coordinator

Dear Sam,

Thank you for meeting us last Thursday. After careful consideration, we have decided to move forward with another
candidate whose experience in freight logistics more closely matches what we need right now.

Kind regards,
Priya Shah
"""


def test_a_reason_in_the_rejection_email_still_leaves_asking_for_feedback_first(web: Web, workspace: Workspace) -> None:
    """The "no" email's one-line reason is kept as feedback, but it is where asking starts, not an answer to it."""
    from nextround.services.feedback import record_feedback

    app = make_application(
        workspace, company="Harbourline Freight", role="Customer Operations Coordinator", stage=Stage.INTERVIEW
    )
    read = web.client.get(web.post_form("/inbox/paste", {"text": REASONED_NO}).headers["location"]).text
    mail_id = re.search(r'id="mail-(\d+)"', read)
    assert mail_id and web.post_form(f"/inbox/{mail_id.group(1)}/accept").status_code == 303
    assert ApplicationService(workspace).get(app.id).state.outcome is Outcome.REJECTED

    def steps() -> list[str]:
        page = web.client.get(f"/applications/{app.id}").text
        section = page.split('id="next-steps"', 1)[1].split("</section>", 1)[0]
        return re.findall(r">(Ask for feedback|Reflect on [a-z ]+|Practise for jobs like this)<", section)

    feedback_page = web.client.get(f"/applications/{app.id}/feedback").text
    assert "freight logistics" in feedback_page  # the reason is kept and analysed
    assert "another request may not be needed" not in feedback_page
    assert steps() == ["Ask for feedback", "Reflect on the feedback", "Practise for jobs like this"]
    record_feedback(workspace, app.id, "You were unsure about pivot tables, and the weekly report is a big part of it.")
    assert steps() == ["Reflect on the feedback", "Practise for jobs like this"]
    assert "another request may not be needed" in web.client.get(f"/applications/{app.id}/feedback").text
