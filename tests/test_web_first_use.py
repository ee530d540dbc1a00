"""What a new user meets in the browser: a refused form keeps what was typed, and says what to do in plain words."""

from __future__ import annotations

import html
import re
from datetime import timedelta
from typing import Any

from nextround.domain.stages import Outcome, Stage
from nextround.services import feedback, insight
from nextround.services.applications import ApplicationService
from nextround.services.workspace import Workspace
from tests.factories import make_application
from tests.web_support import Web

HX = {"hx-request": "true"}


def rejected(ws: Workspace) -> int:
    app = make_application(ws, stage=Stage.INTERVIEW, company="Crumb & Co", role="Pastry Chef", round_=1)
    return ApplicationService(ws).close(app.id, Outcome.REJECTED).id


def textarea(page: str, box_id: str) -> str:
    found = re.search(rf'<textarea id="{box_id}"[^>]*>(.*?)</textarea>', page, re.S)
    assert found, f"no textarea {box_id}"
    return html.unescape(found.group(1))


def test_blank_feedback_is_refused_beside_its_box_without_command_line_words(web: Web, workspace: Workspace) -> None:
    app_id = rejected(workspace)
    for headers in ({}, HX):
        refused = web.post_form(
            f"/applications/{app_id}/feedback/record", {"text": "  \n ", "source": "recruiter"}, headers=headers
        )
        assert refused.status_code == 422
        assert "standard input" not in refused.text and "Paste what they said first" in refused.text
        assert 'id="fb-text-error"' in refused.text and 'aria-invalid="true"' in refused.text
        assert '<option value="recruiter" selected>' in refused.text  # the choice made stays
    assert 'id="feedback-section"' in refused.text and "<html" not in refused.text  # HTMX gets the section back
    assert "x-nextround-error" not in refused.headers  # app.js puts it back in place rather than in a message box
    stale = web.post_form("/feedback-requests/999/status", {"status": "sent"}, headers=HX)
    assert stale.status_code == 404 and stale.headers["x-nextround-error"] == "message"
    assert feedback.list_feedback(workspace, app_id) == []


def test_a_refused_reflection_keeps_every_answer_and_names_the_question(web: Web, workspace: Workspace) -> None:
    app_id = rejected(workspace)
    questions = insight.get_reflection(workspace, app_id).questions
    first, last = questions[0].key, questions[-1].key
    typed = {f"rating_{first}": "2", f"text_{first}": "Surprised by the SQL test.", f"text_{last}": "Bring numbers."}
    for headers in ({}, HX):
        refused = web.post_form(f"/applications/{app_id}/reflection", typed, headers=headers)
        assert refused.status_code == 422
        page = refused.text
        assert f'name="rating_{first}" value="2" checked' in page
        assert textarea(page, f"rf-{first}-text") == "Surprised by the SQL test."
        assert textarea(page, f"rf-{last}-text") == "Bring numbers."
        # The problem sits at the question it is about, in words rather than the question's key.
        assert f'id="rf-{last}-error"' in page and "Choose a number from 1 to 5" in page
        assert f"{last}: a rating" not in page
    assert not insight.get_reflection(workspace, app_id).exists  # nothing half-saved

    empty = web.post_form(f"/applications/{app_id}/reflection", {})
    assert empty.status_code == 422 and 'id="rf-problem"' in empty.text and "at least one question" in empty.text


def test_a_move_refused_for_its_date_keeps_the_stage_and_the_note(web: Web, workspace: Workspace) -> None:
    app = make_application(workspace, company="Northwind", role="Support Engineer")
    refused = web.post_form(
        f"/applications/{app.id}/move", {"stage": "interview", "on": "tomorrow", "note": "Panel with Priya & Tom"}
    )
    assert refused.status_code == 422 and 'id="move-on-error"' in refused.text
    assert 'value="tomorrow"' in refused.text
    assert '<option value="interview" selected>' in refused.text  # not reset to the next stage, screening
    assert 'value="Panel with Priya &amp; Tom"' in refused.text


def _upload(web: Web, path: str, field: str, name: str, data: bytes) -> Any:
    files = {field: (name, data, "application/octet-stream")}
    return web.client.post(path, data={"csrf_token": web.token}, files=files)


def test_a_refused_upload_names_the_file_as_chosen_not_a_temporary_copy(web: Web) -> None:
    binary = bytes(range(256)) * 4
    for path, name in (("/transfer/linkedin", "Job Applications.csv"), ("/transfer/json", "backup.json"),
                       ("/inbox/upload", "Takeout.mbox")):  # fmt: skip
        refused = _upload(web, path, "file", name, binary)
        assert refused.status_code == 422
        message = html.unescape(refused.text)
        assert name in message, path
        assert "/tmp" not in message and "nextround-upload-" not in message and "nextround-mail-" not in message


def test_an_address_with_a_word_for_an_id_is_not_found_in_plain_words(web: Web) -> None:
    for path in ("/applications/abc", "/applications/1x/edit", "/contacts/me"):
        page = web.client.get(path)
        assert page.status_code == 404, path
        assert "There is no page at this address." in page.text
        assert "valid integer" not in page.text and "application_id" not in page.text
    api = web.client.get("/api/v1/applications/abc")  # scripts still get the field and the reason
    assert api.status_code == 422 and api.json()["field"] == "application_id"


def test_the_application_form_shows_every_problem_at_once_in_its_own_words(web: Web, workspace: Workspace) -> None:
    typed = {
        "company": "Crumb & Co", "role": "", "job_url": "crumb.example/jobs/1", "stage": "interview",
        "applied_on": "32/13/2024", "salary_min": "30000", "salary_max": "20000", "currency": "pounds",
        "notes": "Really want this",
    }  # fmt: skip
    refused = web.post_form("/applications/new", typed)
    assert refused.status_code == 422
    page = html.unescape(refused.text)
    errors = dict(re.findall(r'<p class="error-text" id="f-(\w+)-error">([^<]*)</p>', page))
    assert set(errors) == {"role", "job_url", "applied_on", "salary_min", "currency"}  # all five, not the first
    assert errors["role"] == "Role is required."
    assert errors["salary_min"] == "Salary from is greater than Salary to."  # labels, not salary_min
    summary = page.split('id="form-errors"', 1)[1].split("</ul>", 1)[0]
    assert re.findall(r'href="#f-(\w+)"', summary) == ["role", "job_url", "applied_on", "salary_min", "currency"]
    assert "5 things need a look" in page and '<a href="#f-currency">' in page and "data-focus-on-load" in page
    for name in ("company", "job_url", "applied_on", "salary_min", "salary_max", "currency"):
        assert f'name="{name}" type="' in page and f'value="{typed[name]}"' in page, name  # all kept
    assert "Really want this" in page
    assert ApplicationService(workspace).find() == []

    two_numbers = web.post_form("/applications/new", {"company": "A", "role": "B", "salary_min": "30ish",
                                                      "salary_max": "lots"})  # fmt: skip
    assert set(re.findall(r'id="f-(\w+)-error"', two_numbers.text)) == {"salary_min", "salary_max"}
    number_and_role = web.post_form("/applications/new", {"company": "A", "role": "", "salary_min": "30ish"})
    assert set(re.findall(r'id="f-(\w+)-error"', number_and_role.text)) == {"salary_min", "role"}

    app = make_application(workspace, company="Northwind", role="Support Engineer")
    edit = web.post_form(f"/applications/{app.id}/edit", {"company": " ", "role": "Lead", "excitement": "9"})
    assert set(re.findall(r'id="f-(\w+)-error"', edit.text)) == {"company", "excitement"}
    assert ApplicationService(workspace).get(app.id).fields.role == "Support Engineer"  # nothing half-saved


def test_a_contact_is_linked_to_an_application_chosen_by_name(web: Web, workspace: Workspace) -> None:
    first = make_application(workspace, company="Lumen Bank", role="Support Engineer")
    make_application(workspace, company="Crumb & Co", role="Pastry Chef")
    page = web.client.get("/contacts").text
    assert "its number is in its address" not in page
    assert f'<option value="{first.id}">Lumen Bank — Support Engineer</option>' in page
    assert "Crumb &amp; Co — Pastry Chef" in page
    refused = web.post_form("/contacts", {"name": "", "application_id": str(first.id)})
    assert refused.status_code == 422 and f'<option value="{first.id}" selected>' in refused.text  # kept
    added = web.post_form("/contacts", {"name": "Grace", "kind": "hiring_manager", "application_id": str(first.id)})
    assert added.status_code == 303


def test_a_refused_reframe_stays_on_the_journal_with_what_was_written(web: Web, workspace: Workspace) -> None:
    app_id = rejected(workspace)
    empty = web.post_form(f"/journal/reframe/{app_id}", {"learned": "  ", "in_control": "", "next": ""})
    assert empty.status_code == 422
    assert 'id="reframe-error"' in empty.text and "Answer at least one of the prompts" in empty.text
    assert "That did not work" not in empty.text and 'id="journal-form"' in empty.text  # the journal, not a dead end
    too_long = {"learned": "My stories had no numbers.", "next": "x" * 25_000}
    refused = web.post_form(f"/journal/reframe/{app_id}", too_long)
    assert refused.status_code == 422 and 'id="reframe-error"' in refused.text
    assert textarea(refused.text, "r-learned") == "My stories had no numbers."
    saved = web.post_form(f"/journal/reframe/{app_id}", {"learned": "My stories had no numbers."})
    assert saved.status_code == 303


def test_a_cv_that_cannot_be_read_is_explained_beside_the_cv_form(web: Web) -> None:
    for name, data in (("cv.pdf", bytes(range(256)) * 8), ("my cv.odt", b"text"), ("empty.txt", b"")):
        refused = web.client.post(
            "/insights/cv", data={"csrf_token": web.token, "name": "Bakery CV"}, files={"cv": (name, data, "x/y")}
        )
        assert refused.status_code == 422, name
        page = html.unescape(refused.text)
        assert 'id="cv-file-error"' in page and "That did not work" not in page  # the insights page, not a dead end
        assert 'value="Bakery CV"' in page  # the name typed stays
        assert "/tmp" not in page and "nextround-cv-" not in page and "Error)" not in page
        assert re.search(r'id="cv-file-error" role="alert">[A-Z][^<]*\. Choose the file again', page)


def test_a_rejection_can_be_dated_the_day_the_news_came(web: Web, workspace: Workspace, clock: Any) -> None:
    app = make_application(workspace, company="Crumb & Co", role="Pastry Chef", stage=Stage.INTERVIEW, round_=1)
    clock.advance(days=5)
    page = web.client.get(f"/applications/{app.id}").text
    assert 'id="close-on"' in page and "When it ended" in page
    refused = web.post_form(f"/applications/{app.id}/close", {"outcome": "rejected", "on": "tomorrow",
                                                               "note": "more laminated-dough experience"})  # fmt: skip
    assert refused.status_code == 422 and 'id="close-on-error"' in refused.text
    assert 'value="tomorrow"' in refused.text and 'value="more laminated-dough experience"' in refused.text
    assert ApplicationService(workspace).get(app.id).state.is_open
    closed = web.post_form(f"/applications/{app.id}/close", {"outcome": "rejected", "on": "2 days ago"})
    assert closed.status_code == 303
    done = ApplicationService(workspace).get(app.id)
    assert done.state.outcome is Outcome.REJECTED
    assert done.state.closed_at is not None
    assert done.state.closed_at.astimezone(clock().tzinfo).date() == (clock() - timedelta(days=2)).date()


def test_the_same_feedback_pasted_twice_is_kept_once(web: Web, workspace: Workspace) -> None:
    app_id = rejected(workspace)
    said = "Your answers lacked concrete examples.\nWe liked your energy."
    first = web.post_form(f"/applications/{app_id}/feedback/record", {"text": said, "source": "employer"})
    assert first.status_code == 303
    again = web.post_form(
        f"/applications/{app_id}/feedback/record",
        {"text": "  " + said.replace("\n", " \n\n "), "source": "employer"},
        headers=HX,
    )
    assert again.status_code == 200 and "recorded already" in again.text
    assert len(feedback.list_feedback(workspace, app_id)) == 1
    other = web.post_form(f"/applications/{app_id}/feedback/record", {"text": "Strong SQL.", "source": "recruiter"})
    assert other.status_code == 303 and len(feedback.list_feedback(workspace, app_id)) == 2


def test_an_interview_can_be_a_day_in_words_with_its_time(web: Web, workspace: Workspace, clock: Any) -> None:
    from nextround.services.feedback import list_interviews

    app = make_application(workspace, company="Crumb & Co", role="Pastry Chef")
    now = clock()
    for typed, days, hour, minute in (("next tuesday 14:00", None, 14, 0), ("tomorrow at 10am", 1, 10, 0),
                                      ("9:30 in 3 days", 3, 9, 30), ("in 2 days at 2:15 pm", 2, 14, 15)):  # fmt: skip
        added = web.post_form(f"/applications/{app.id}/interviews", {"interview_on": typed, "interview_kind": "panel"})
        assert added.status_code == 303, typed
        moment = max(list_interviews(workspace, app.id), key=lambda i: i.id).scheduled_at.astimezone(now.tzinfo)
        assert (moment.hour, moment.minute) == (hour, minute), typed
        if days is not None:
            assert moment.date() == (now + timedelta(days=days)).date(), typed
        else:
            assert moment.strftime("%A") == "Tuesday" and moment > now, typed
    for nonsense in ("friday 3", "tomorrow 25:00", "tomorrow 13pm", "someday 14:00"):
        refused = web.post_form(f"/applications/{app.id}/interviews", {"interview_on": nonsense})
        assert refused.status_code == 422 and 'id="f-interview_on-error"' in refused.text, nonsense
        assert f'value="{nonsense}"' in refused.text


def test_an_old_linkedin_history_says_how_to_let_its_silent_applications_go(web: Web, workspace: Workspace) -> None:
    old = (
        "Application Date,Contact Email,Contact Phone Number,Company Name,Job Title,Job Url,Resume Name,"
        "Question And Answers\n"
        '"3/2/24, 9:15 AM",,,Kestrel Software,Support Engineer,https://www.linkedin.com/jobs/view/1/,cv.pdf,\n'
        '"4/5/24, 2:40 PM",,,Elm Street Media,Helpdesk Technician,https://www.linkedin.com/jobs/view/2/,cv.pdf,\n'
    )
    imported = _upload(web, "/transfer/linkedin", "file", "Job Applications.csv", old.encode())
    assert imported.status_code == 200
    assert 'id="silent-note"' in imported.text and "2 open applications have had no news" in imported.text
    assert 'href="/settings#auto-close"' in imported.text
    again = _upload(web, "/transfer/linkedin", "file", "Job Applications.csv", old.encode())
    assert 'id="silent-note"' not in again.text  # nothing new came in: no need to say it again


def test_kinds_of_question_read_as_words_on_the_practice_page(web: Web) -> None:
    page = web.client.get("/practice").text
    assert ">Strengths and weaknesses</option>" in page and ">Questions for the interviewer</option>" in page
    assert ">Strengths weaknesses<" not in page


def test_an_advert_with_no_requirements_read_gets_no_zero_score(web: Web, workspace: Workspace, tmp_path: Any) -> None:
    from nextround.services.insight import add_cv

    cv = tmp_path / "cv.txt"
    cv.write_text("Pastry chef, six years. Ran the laminated dough section.\n", encoding="utf-8")
    add_cv(workspace, cv, name="Bakery CV")
    app = make_application(workspace, company="Crumb & Co", role="Pastry Chef", jd_text="Join our friendly team!")
    panel = web.client.get(f"/applications/{app.id}/match").text
    assert 'id="match-nothing"' in panel
    assert "Match: 0/100" not in panel and "shows every requirement" not in panel  # neither discouraging nor false


def test_a_question_names_its_skills_in_words(web: Web) -> None:
    page = web.client.get("/practice?category=career_story").text
    skills = re.search(r"Career story · ([^<]*)", page)
    assert skills and "_" not in skills.group(1)


def test_a_contact_email_with_a_typo_is_caught_where_it_is_typed(web: Web, workspace: Workspace) -> None:
    refused = web.post_form("/applications/new", {"company": "Crumb", "role": "Chef", "contact_email": "priya@crumb"})
    assert refused.status_code == 422 and 'id="f-contact_email-error"' in refused.text
    assert 'value="priya@crumb"' in refused.text and ApplicationService(workspace).find() == []
    fine = web.post_form("/applications/new", {"company": "Crumb", "role": "Chef", "contact_email": "p@crumb.example"})
    assert fine.status_code == 303


def test_recording_a_rejection_is_met_with_a_kind_word_and_the_next_steps(web: Web, workspace: Workspace) -> None:
    app = make_application(workspace, company="Crumb & Co", role="Pastry Chef", stage=Stage.INTERVIEW, round_=1)
    closed = web.post_form(f"/applications/{app.id}/close", {"outcome": "rejected"})
    page = web.client.get(closed.headers["location"]).text
    assert "Sorry it was a no this time" in page and "Ask for feedback" in page
    other = make_application(workspace, company="Northwind", role="Support Engineer")
    withdrawn = web.post_form(f"/applications/{other.id}/close", {"outcome": "withdrawn"})
    assert "Sorry it was a no" not in web.client.get(withdrawn.headers["location"]).text  # their own choice


def test_the_inbox_shows_only_its_own_notices(web: Web) -> None:
    spoof = web.client.get("/inbox?notice=Your+data+was+deleted.+Call+0800+123").text
    assert "Your data was deleted" not in spoof
    assert "nothing was changed" in web.client.get("/inbox?notice=dismissed").text


def test_a_wrong_value_in_an_address_is_told_in_plain_words(web: Web) -> None:
    page = web.client.get("/review?period=year")
    assert page.status_code == 422
    text = html.unescape(page.text)
    assert "period can be week or month." in text
    assert "Input should" not in text and "literal_error" not in text
    api = web.client.get("/api/v1/review?period=year")  # scripts keep pydantic's wording and the field
    assert api.status_code == 422 and api.json()["field"] == "period" and "Input should" in api.json()["error"]


def test_the_empty_dashboard_says_how_a_rejection_becomes_the_next_round(web: Web) -> None:
    page = web.client.get("/").text
    steps = re.findall(r"<li>(.*?)</li>", page.split('id="first-steps"', 1)[1].split("</ol>", 1)[0])
    assert len(steps) == 3 and "paste their email" in steps[1] and "practise" in steps[2]


def test_a_refused_form_words_each_problem_as_a_sentence(web: Web) -> None:
    refused = web.post_form("/applications/new", {"company": "Crumb", "role": "Baker", "applied_on": "tomorrow"})
    assert refused.status_code == 422
    # 'Please check the form. the application date is in the future' started its sentence in lower case.
    assert "Please check the form.</strong> <a" in refused.text
    assert ">The application date is in the future.</a>" in refused.text
    assert re.search(r'id="f-applied_on-error">The application date is in the future\.</p>', refused.text)
    journal = web.post_form("/journal", {"text": ""})
    assert journal.status_code == 422 and re.search(r'id="journal-error"><p>[A-Z][^<]*\.</p>', journal.text)
