"""Pasting one email into the Inbox: for someone who can copy a message but not export a mailbox."""

from __future__ import annotations

import re
from datetime import UTC, datetime

from nextround.domain.stages import Outcome, Stage
from nextround.services.applications import ApplicationService
from nextround.services.workspace import Workspace
from tests.conftest import ZONE
from tests.factories import make_application
from tests.web_support import Web

ATS_MAIL = """From: DHL Careers <no-reply@dhl-careers.example>
Subject: Your application for Transport Planner

Dear Hema,

Thank you for your interest in the Transport Planner position at DHL Supply Chain. After careful
consideration, we regret to inform you that we will not be progressing your application further.

Kind regards,
DHL Talent Acquisition
"""


def test_a_pasted_rejection_is_proposed_for_its_application_and_accepted(web: Web, workspace: Workspace) -> None:
    app = make_application(
        workspace, company="DHL Supply Chain", role="Transport Planner", applied_at=datetime(2024, 10, 1, tzinfo=UTC)
    )
    page = web.client.get("/inbox").text
    assert 'action="/inbox/paste"' in page and '<label for="paste-text">' in page
    sent = web.post_form("/inbox/paste", {"text": ATS_MAIL})
    assert sent.status_code == 303 and sent.headers["location"].startswith("/inbox?")
    html = web.client.get(sent.headers["location"]).text
    assert "Read 1 message: 1 to review" in html and '<a href="#review-title">Review it below</a>' in html
    item = html.split('id="mail-', 1)[1].split("</li>", 1)[0]
    assert "Your application for Transport Planner" in item and "Record the rejection" in item
    assert f'href="/applications/{app.id}"' in item
    # The same paste again is not a second message to review.
    again = web.client.get(web.post_form("/inbox/paste", {"text": ATS_MAIL}).headers["location"]).text
    assert len(re.findall(r'id="mail-\d+"', again)) == 1
    inbox_id = re.search(r'id="mail-(\d+)"', html)
    assert inbox_id
    assert web.post_form(f"/inbox/{inbox_id.group(1)}/accept").status_code == 303
    assert ApplicationService(workspace).get(app.id).state.outcome is Outcome.REJECTED
    history = web.client.get(f"/applications/{app.id}").text.split('id="timeline"', 1)[1].split("</ol>", 1)[0]
    assert "(from an email you accepted)" in history and "(mail)" not in history


def test_an_empty_paste_says_what_to_do_and_nothing_is_read(web: Web) -> None:
    refused = web.post_form("/inbox/paste", {"text": "   \n  "})
    assert refused.status_code == 422
    assert 'id="paste-error"' in refused.text and "Paste the email first" in refused.text


def test_a_paste_that_is_not_about_a_job_points_to_the_application_page_and_keeps_the_text(web: Web) -> None:
    sent = web.post_form("/inbox/paste", {"text": "Subject: Your parcel\n\nYour parcel will arrive on Tuesday."})
    assert sent.status_code == 200  # the page itself, not a redirect that emptied the box
    page = sent.text
    notice = page.split('id="inbox-notice"', 1)[1].split("</div>", 1)[0]
    assert "1 not about a job" in notice and "open it and record what happened there" in notice
    box = page.split('id="paste-text"', 1)[1].split("</textarea>", 1)[0]
    assert "Your parcel will arrive on Tuesday." in box


OUTLOOK_COPY = """From: Hannah Okafor <hannah.okafor@harbourline.example>
Sent: Thursday, 31 October 2024 4:12 PM
To: Sam Patel <sam@example.org>
Subject: Your application - Customer Success Manager

Dear Sam,

Thank you for taking the time to meet with Priya and me for the Customer Success Manager role. After careful
consideration we have decided to move forward with another candidate.

Kind regards,
Hannah Okafor
Talent Acquisition Partner | Harbourline
"""


def test_a_pasted_rejection_is_dated_by_its_sent_line_not_by_the_day_it_was_pasted(
    web: Web, workspace: Workspace
) -> None:
    app = make_application(
        workspace, company="Harbourline", role="Customer Success Manager", applied_at=datetime(2024, 10, 1, tzinfo=UTC)
    )
    page = web.client.get(web.post_form("/inbox/paste", {"text": OUTLOOK_COPY}).headers["location"]).text
    item = page.split('id="mail-', 1)[1].split("</li>", 1)[0]
    assert "31 Oct 2024" in item and "6 Nov 2024" not in item  # the clock says 6 November
    inbox_id = re.search(r'id="mail-(\d+)"', page)
    assert inbox_id
    web.post_form(f"/inbox/{inbox_id.group(1)}/accept")
    closed = ApplicationService(workspace).get(app.id).events[-1]
    assert closed.to_state == "rejected" and closed.occurred_at.date().isoformat() == "2024-10-31"
    assert closed.occurred_at.astimezone(ZONE).hour == 16


def test_a_rejection_for_an_untracked_job_asks_how_far_you_got_and_keeps_who_wrote(
    web: Web, workspace: Workspace
) -> None:
    page = web.client.get(web.post_form("/inbox/paste", {"text": OUTLOOK_COPY}).headers["location"]).text
    found = re.search(r'id="mail-\d+"(.*?)>Dismiss<', page, re.S)
    assert found
    item = found.group(1)
    assert "(no application yet)" in item and "at the applied stage" not in item
    assert '<label for="reached-' in item and 'name="reached"' in item and '<option value="interview">' in item
    inbox_id = re.search(r'id="mail-(\d+)"', page)
    assert inbox_id
    refused = web.post_form(f"/inbox/{inbox_id.group(1)}/accept", {"reached": "offer"})
    assert refused.status_code == 422 and "choose how far you got" in refused.text
    accepted = web.post_form(f"/inbox/{inbox_id.group(1)}/accept", {"reached": "interview"})
    assert accepted.status_code == 303
    (found,) = ApplicationService(workspace).find()
    app = ApplicationService(workspace).get(found.id)
    assert app.state.outcome is Outcome.REJECTED and app.state.closed_at_stage is Stage.INTERVIEW
    assert app.events[-1].occurred_at.date().isoformat() == "2024-10-31"
    assert app.fields.contact_email == "hannah.okafor@harbourline.example"
    assert "at the interview stage" in web.client.get(f"/applications/{app.id}").text
    # The notice leads on to the application, where feedback is asked for (it ended at 'Done').
    notice = web.client.get(accepted.headers["location"]).text.split('id="inbox-notice"', 1)[1].split("</div>", 1)[0]
    assert f'<a href="/applications/{app.id}">Open Harbourline — Customer Success Manager</a>' in notice
    assert "ask for feedback" in notice
    decided = web.client.get("/inbox").text.split('id="decided-title"', 1)[1]
    assert "Accepted: Your application - Customer Success Manager" in decided
    # The feedback request goes back to the person who wrote, not to an empty address.
    web.post_form(f"/applications/{app.id}/feedback/draft", {"tone": "warm"})
    section = web.client.get(f"/applications/{app.id}/feedback").text
    assert 'value="hannah.okafor@harbourline.example"' in section
    assert "Thank you for considering my application" not in section  # the draft fits an interview


def test_a_no_reply_sender_is_not_kept_as_the_contact_email() -> None:
    from nextround.services.mail_inbox.applying import reply_address

    assert reply_address("Hannah Okafor <Hannah.Okafor@harbourline.example>") == "hannah.okafor@harbourline.example"
    assert reply_address("DHL Careers <no-reply@dhl-careers.example>") == ""
    assert reply_address("Talent <donotreply@acme.example>") == ""
    assert reply_address("Acme via Workday <acme@myworkday.com>") == ""
    assert reply_address("not an address") == ""


NO_ROLE_NAMED = """From: Recruitment Team <jobs@brightpath.example>
Date: Mon, 28 Oct 2024 09:02:11 +0000
Subject: Application update

Hi Sam,

Thanks for your interest in joining BrightPath Care. Unfortunately, on this occasion, we won't be taking your
application forward.

Best wishes,
BrightPath Recruitment
"""


def test_the_company_and_role_of_an_application_a_message_adds_can_be_corrected_before_accepting(
    web: Web, workspace: Workspace
) -> None:
    page = web.client.get(web.post_form("/inbox/paste", {"text": NO_ROLE_NAMED}).headers["location"]).text
    found = re.search(r'id="mail-(\d+)"(.*?)>Dismiss<', page, re.S)
    assert found
    inbox_id, item = found.groups()
    assert f'<label for="company-{inbox_id}">Company</label>' in item and f'<label for="role-{inbox_id}">Role' in item
    blank = web.post_form(f"/inbox/{inbox_id}/accept", {"company": "  ", "role": "x", "reached": "applied"})
    assert blank.status_code == 422 and "give the company" in blank.text.lower()
    assert ApplicationService(workspace).find() == []
    told = {"company": "BrightPath  Care", "role": "Operations Coordinator", "reached": "screening"}
    assert web.post_form(f"/inbox/{inbox_id}/accept", told).status_code == 303
    (app,) = ApplicationService(workspace).find()
    # It was 'BrightPath — (role not named)', to be put right on the application afterwards.
    assert (app.fields.company, app.fields.role) == ("BrightPath Care", "Operations Coordinator")
    assert ApplicationService(workspace).get(app.id).state.closed_at_stage is Stage.SCREENING


GMAIL_COPY = """Your application - Warehouse Team Leader
Inbox

Dan Whitfield <dan.whitfield@northgate-foods.example>
Tue, 29 Oct, 10:41 (8 days ago)
to me

Hi Sam,

Thanks for coming in on Friday to meet the team for the Warehouse Team Leader position at Northgate Foods. We've
now finished interviewing and I'm sorry to say we won't be offering you the role this time.

All the best with your search,
Dan
"""


def test_a_rejection_copied_from_gmail_is_read_with_its_sender_subject_and_day(web: Web, workspace: Workspace) -> None:
    page = web.client.get(web.post_form("/inbox/paste", {"text": GMAIL_COPY}).headers["location"]).text
    found = re.search(r'id="mail-(\d+)"(.*?)>Dismiss<', page, re.S)
    assert found
    item = found.group(2)
    # Gmail copies without 'From:' labels: this was 'No application found · Nothing would change', a dead end.
    assert "Dan Whitfield &lt;dan.whitfield@northgate-foods.example&gt;" in item
    assert "Your application - Warehouse Team Leader" in item and "29 Oct 2024" in item
    assert "Nothing would change" not in item and "Record the rejection" in item
    text = item.split('class="mail-text">', 1)[1].split("</p>", 1)[0]
    assert text.startswith("Hi Sam,") and "Inbox" not in text and "\nto me\n" not in text


def test_a_rejection_naming_no_company_says_where_to_record_it_instead(web: Web) -> None:
    body = (
        "Dear Sam,\n\nThank you for your application. Unfortunately we will not be taking it further at this time."
        "\n\nKind regards,\nThe recruitment team\n"
    )
    page = web.client.get(web.post_form("/inbox/paste", {"text": body}).headers["location"]).text
    found = re.search(r'id="mail-\d+"(.*?)>Dismiss<', page, re.S)
    assert found, "a rejection without a company is still shown for review"
    item = found.group(1)
    # 'Nothing would change.' beside an Accept button that did nothing, and no way on.
    assert "could not tell which job" in item
    assert '<a href="/applications">' in item and '<a href="/applications/new">' in item
