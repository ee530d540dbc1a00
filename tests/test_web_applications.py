"""The applications pages: board, table, add and edit forms, moves and closes."""

from __future__ import annotations

import re
from datetime import timedelta

from nextround.domain.stages import Outcome, Stage
from nextround.services.applications import ApplicationService
from nextround.services.workspace import Workspace
from nextround.storage.db import Database
from tests.conftest import FakeClock
from tests.factories import make_application
from tests.web_support import Web


def test_add_form_creates_an_application_with_its_history(web: Web, workspace: Workspace) -> None:
    response = web.post_form(
        "/applications/new",
        {"company": "Northwind", "role": "Support Engineer", "stage": "screening", "applied_on": "3 days ago",
         "source": "referral", "salary_min": "30,000", "salary_max": "", "tags": "saas, remote", "jd_text": "SQL"},
    )  # fmt: skip
    assert response.status_code == 303
    app_id = int(response.headers["location"].split("/")[2].split("?")[0])
    app = ApplicationService(workspace).get(app_id)
    assert (app.fields.company, app.state.stage, app.fields.salary_min) == ("Northwind", Stage.SCREENING, 30000)
    assert app.fields.tags == ("saas", "remote")
    assert [e.to_state for e in app.events] == ["applied", "screening"]
    page = web.client.get(response.headers["location"]).text
    assert "Application added." in page


def test_an_application_added_at_its_final_round_can_be_rejected_on_the_day_the_news_came(
    web: Web, workspace: Workspace, clock: FakeClock
) -> None:
    response = web.post_form(
        "/applications/new",
        {"company": "Northwind", "role": "Support Engineer", "stage": "final", "applied_on": "3 weeks ago",
         "stage_on": "5 days ago"},
    )  # fmt: skip
    assert response.status_code == 303
    app_id = int(response.headers["location"].split("/")[2].split("?")[0])
    closed = web.post_form(f"/applications/{app_id}/close", {"outcome": "rejected", "on": "2 days ago"})
    assert closed.status_code == 303, closed.text
    app = ApplicationService(workspace).get(app_id)
    assert app.state.closed_at_stage is Stage.FINAL
    assert app.state.closed_at is not None and app.state.closed_at.date() == (clock() - timedelta(days=2)).date()
    form = web.client.get("/applications/new").text
    assert '<label for="f-stage_on">Reached this stage on</label>' in form
    wrong = web.post_form(
        "/applications/new", {"company": "A", "role": "B", "stage": "final", "applied_on": "2 days ago",
                              "stage_on": "9 days ago"},
    )  # fmt: skip
    assert wrong.status_code == 422
    assert re.findall(r'<p class="error-text" id="f-([a-z_]+)-error">', wrong.text) == ["stage_on"]


def test_salaries_are_read_as_adverts_write_them(web: Web, workspace: Workspace) -> None:
    for written in ("55.000", "€55 000", "£55k", "55,000.00", "55.000,00", "55\u00a0000"):
        response = web.post_form("/applications/new", {"company": "Acme", "role": written, "salary_min": written})
        assert response.status_code == 303, (written, response.text[:300])
        app_id = int(response.headers["location"].split("/")[2].split("?")[0])
        assert ApplicationService(workspace).get(app_id).fields.salary_min == 55000, written
    for unread in ("55.5", "12,34", "about 50"):  # no guess at what was meant
        refused = web.post_form("/applications/new", {"company": "Acme", "role": "Baker", "salary_min": unread})
        assert refused.status_code == 422 and "Salary from must be a whole number" in refused.text, unread


def test_add_form_shows_validation_messages_and_keeps_what_was_typed(web: Web) -> None:
    response = web.post_form("/applications/new", {"company": "Acme <b>", "role": "", "notes": "keep me"})
    assert response.status_code == 422
    html = response.text
    assert "Role is required." in html
    assert 'id="f-role-error"' in html and 'aria-invalid="true"' in html
    assert 'value="Acme &lt;b&gt;"' in html
    assert "keep me" in html
    bad_number = web.post_form("/applications/new", {"company": "Acme", "role": "Baker", "salary_min": "lots"})
    assert bad_number.status_code == 422
    assert "Salary from must be a whole number" in bad_number.text
    huge = web.post_form("/applications/new", {"company": "Acme", "role": "Baker", "salary_min": "9" * 40})
    assert "Salary from is larger than any salary.</p>" in huge.text  # no 19-digit limit quoted at a person
    bad_date = web.post_form("/applications/new", {"company": "Acme", "role": "Baker", "applied_on": "someday"})
    assert bad_date.status_code == 422
    assert 'id="f-applied_on-error"' in bad_date.text
    assert 'id="f-salary_min-error"' in bad_number.text
    for values, field in (
        ({"job_url": "ftp://x"}, "job_url"),
        ({"salary_min": "50", "salary_max": "40"}, "salary_min"),
        ({"applied_on": "in 3 days"}, "applied_on"),
        ({"work_model": "underwater"}, "work_model"),
        ({"salary_min": "9" * 40}, "salary_min"),
        ({"company": ""}, "company"),
    ):
        response = web.post_form("/applications/new", {"company": "Acme", "role": "Baker", **values})
        assert response.status_code == 422, values
        assert re.findall(r'<p class="error-text" id="f-([a-z_]+)-error">', response.text) == [field], values


def test_edit_form_changes_fields(web: Web, workspace: Workspace) -> None:
    app = make_application(workspace, company="Acme", role="Baker")
    form = web.client.get(f"/applications/{app.id}/edit").text
    assert 'value="Acme"' in form
    response = web.post_form(f"/applications/{app.id}/edit", {"company": "Acme Ltd", "role": "Head Baker"})
    assert response.status_code == 303
    assert ApplicationService(workspace).get(app.id).fields.company == "Acme Ltd"
    invalid = web.post_form(f"/applications/{app.id}/edit", {"company": "Acme", "role": "Baker", "excitement": "9"})
    assert invalid.status_code == 422
    assert "How much you want it must be between 1 and 5." in invalid.text


def test_move_and_reject_from_the_application_page(web: Web, workspace: Workspace) -> None:
    app = make_application(workspace, company="Lumen Bank")
    assert web.post_form(f"/applications/{app.id}/move", {"stage": "final", "note": "panel"}).status_code == 303
    closed = web.post_form(f"/applications/{app.id}/close", {"outcome": "rejected", "note": "more SQL"})
    assert closed.status_code == 303
    state = ApplicationService(workspace).get(app.id).state
    assert state.rejection_bucket == "final"
    page = web.client.get(closed.headers["location"]).text
    assert "at the final stage" in page
    assert "more SQL" in page
    again = web.post_form(f"/applications/{app.id}/close", {"outcome": "withdrawn"})
    assert again.status_code == 422
    assert "already closed" in again.text
    twice = web.post_form(f"/applications/{app.id}/close", {"outcome": "rejected", "note": "more SQL"})
    assert twice.status_code == 303 and twice.headers["location"].endswith("notice=already-closed")
    assert "already closed that way, so nothing changed" in web.client.get(twice.headers["location"]).text
    assert [e.to_state for e in ApplicationService(workspace).get(app.id).events][-1:] == ["rejected"]
    assert len(ApplicationService(workspace).get(app.id).events) == 3  # applied, final, rejected: once


def test_a_date_before_the_recorded_history_is_shown_beside_the_date_and_keeps_the_note(
    web: Web, workspace: Workspace, clock: FakeClock
) -> None:
    app = make_application(workspace, company="Lumen Bank", applied_at=clock() - timedelta(days=10))
    for form in (
        {"stage": "interview", "on": "20 days ago", "note": "panel with Priya"},
        {"outcome": "rejected", "on": "20 days ago", "note": "panel with Priya"},
    ):
        action = "move" if "stage" in form else "close"
        response = web.post_form(f"/applications/{app.id}/{action}", form)
        assert response.status_code == 422, action
        # The application's own page again, not an error page: the message sits under "When" and the note stays.
        assert "would come before the application, recorded on" in response.text, action
        assert f'id="{action}-on-error"' in response.text, action
        said = "The interview on" if action == "move" else "The rejection on"
        assert said in response.text and "&#39;" not in response.text.split(f'id="{action}-on-error"')[1][:300]
        assert 'value="panel with Priya"' in response.text, action
    state = ApplicationService(workspace).get(app.id).state
    assert (state.is_open, state.stage) == (True, Stage.APPLIED)


def test_an_application_sent_today_is_not_called_quiet_for_0_days(
    web: Web, workspace: Workspace, clock: FakeClock
) -> None:
    app = make_application(workspace, company="Fresh Ltd", applied_at=clock())
    assert "Quiet for" not in web.client.get(f"/applications/{app.id}").text
    clock.advance(days=3)
    assert "Quiet for 3 days." in web.client.get(f"/applications/{app.id}").text


def test_right_to_left_names_and_notes_keep_their_own_direction(web: Web, workspace: Workspace) -> None:
    # A Hebrew or Arabic name in an English page: isolated, so the dash after it and the "!" that ends it stay
    # where a right-to-left reader expects them; typed text boxes follow what is typed in them.
    app = make_application(workspace, company="שקד בע״מ", role="מפתחת!", notes="עבדתי קשה!")
    page = web.client.get(f"/applications/{app.id}").text
    assert '<h1><bdi>שקד בע״מ</bdi> <span class="role">— <bdi>מפתחת!</bdi></span></h1>' in page
    assert '<div class="longtext" dir="auto">עבדתי קשה!</div>' in page
    board = web.client.get("/applications").text
    assert f'<a class="card-title" href="/applications/{app.id}" dir="auto">שקד בע״מ</a>' in board
    form = web.client.get(f"/applications/{app.id}/edit").text
    assert re.search(r'<input id="f-company" name="company" type="text" value="[^"]*" dir="auto"', form)
    assert '<textarea id="f-notes" dir="auto"' in form


def test_the_board_says_where_a_rejection_is_recorded(web: Web, workspace: Workspace) -> None:
    make_application(workspace, company="Quayside")
    board = web.client.get("/applications").text
    assert "To record a rejection or a withdrawal, open the application." in board
    assert "on its own page" not in board


def test_ghosted_button_records_the_silence(web: Web, workspace: Workspace, clock: FakeClock) -> None:
    app = make_application(workspace, company="Quayside")
    clock.advance(days=30)
    assert web.post_form(f"/applications/{app.id}/close", {"outcome": "ghosted"}).status_code == 303
    event = ApplicationService(workspace).get(app.id).events[-1]
    assert (event.to_state, event.note) == ("ghosted", "no reply after 30 days of silence")


def test_board_moves_return_the_board_fragment_to_htmx(web: Web, workspace: Workspace) -> None:
    app = make_application(workspace, company="Pinecrest", stage=Stage.SCREENING)
    html = web.client.get("/applications").text
    assert f'hx-post="/applications/{app.id}/move"' in html
    assert 'aria-label="Move Pinecrest, Pastry Chef, to Assessment"' in html
    response = web.post_form(
        f"/applications/{app.id}/move", {"stage": "assessment", "return_to": "board"}, headers={"HX-Request": "true"}
    )
    assert response.status_code == 200
    fragment = response.text
    assert fragment.lstrip().startswith('<section id="board"')
    assessment = fragment.split('data-stage="assessment"', 1)[1].split("</section>", 1)[0]
    assert "Pinecrest" in assessment
    assert "data-autofocus" in assessment
    plain = web.post_form(f"/applications/{app.id}/move", {"stage": "interview", "return_to": "board"})
    assert plain.status_code == 303 and plain.headers["location"] == "/applications#board"


def test_a_board_move_or_a_close_can_be_undone_at_once(web: Web, workspace: Workspace, clock: FakeClock) -> None:
    service = ApplicationService(workspace)
    app = make_application(workspace, company="Pinecrest", applied_at=clock() - timedelta(days=3))
    before = service.get(app.id)
    hx = {"HX-Request": "true"}
    moved = web.post_form(f"/applications/{app.id}/move", {"stage": "screening", "return_to": "board"}, headers=hx)
    banner = re.search(r'<form[^>]*id="board-moved".*?</form>', moved.text, re.S)
    assert banner and "Pinecrest</span> moved to Screening." in banner.group(0)
    event_id = re.search(r'name="event_id" value="(\d+)"', banner.group(0)).group(1)  # type: ignore[union-attr]
    undone = web.post_form(
        f"/applications/{app.id}/undo-change", {"event_id": event_id, "return_to": "board"}, headers=hx
    )
    assert undone.status_code == 200 and 'id="board-moved"' not in undone.text
    after = service.get(app.id)
    assert (after.events, after.state) == (before.events, before.state)  # not even counted as a reply
    applied = undone.text.split('data-stage="applied"', 1)[1].split("</section>", 1)[0]
    assert "Pinecrest" in applied
    # On the application's page: the notice after a close offers Undo while it is fresh.
    closed = web.post_form(f"/applications/{app.id}/close", {"outcome": "rejected"})
    page = web.client.get(closed.headers["location"]).text
    assert 'id="undo-change"' in page
    clock.advance(seconds=31)
    assert 'id="undo-change"' not in web.client.get(closed.headers["location"]).text
    stale = web.post_form(f"/applications/{app.id}/undo-change", {"event_id": event_id})
    assert stale.status_code == 422 and "can no longer be undone" in stale.text
    assert service.get(app.id).state.outcome is Outcome.REJECTED


def test_table_filters_sorts_and_paginates(web: Web, workspace: Workspace) -> None:
    for n in range(105):
        make_application(workspace, company=f"Company {n:03d}", role="Analyst")
    make_application(workspace, company="Zebra Works", role="Analyst", stage=Stage.INTERVIEW)
    first = web.client.get("/applications?sort=company&dir=asc").text
    assert "106 applications, page 1 of 2" in first
    rows = re.findall(r'<td><a href="/applications/\d+">([^<]+)</a></td>', first)
    assert len(rows) == 100 and rows[0] == "Company 000"
    assert 'aria-sort="ascending"' in first
    second = web.client.get("/applications?sort=company&dir=asc&page=2").text
    assert re.findall(r'<td><a href="/applications/\d+">([^<]+)</a></td>', second)[-1] == "Zebra Works"
    filtered = web.client.get("/applications?stage=interview").text
    assert "1 application." in filtered and "Zebra Works" in filtered
    by_name = web.client.get("/applications?q=zebra").text
    assert "1 application." in by_name
    bad = web.client.get("/applications?stage=nowhere")
    assert bad.status_code == 422 and "unknown stage" in bad.text


def test_another_owners_application_is_invisible(web: Web, workspace: Workspace) -> None:
    from nextround.storage.tables import User

    other_db = Database.open(workspace.settings.database_url)
    with other_db.write() as session:
        user = User(username="someone-else", created_at=workspace.now())
        session.add(user)
        session.flush()
        other_id = user.id
    other = Workspace(db=other_db, owner_id=other_id, settings=workspace.settings, clock=workspace.clock)
    theirs = make_application(other, company="Private Co")
    other_db.dispose()
    assert web.client.get(f"/applications/{theirs.id}").status_code == 404
    assert "Private Co" not in web.client.get("/applications").text
    assert web.api("POST", f"/api/v1/applications/{theirs.id}/move", json={"stage": "final"}).status_code == 404


def test_moving_to_the_stage_it_is_at_is_a_notice_not_an_error(web: Web, workspace: Workspace) -> None:
    app = make_application(workspace, company="Same Stage Ltd")
    response = web.post_form(f"/applications/{app.id}/move", {"stage": "applied"})
    assert response.status_code == 303
    assert response.headers["location"].endswith("notice=unchanged")
    page = web.client.get(response.headers["location"]).text
    assert "already at that stage" in page
    assert len(ApplicationService(workspace).get(app.id).events) == 1


def test_an_empty_list_says_how_to_start_and_a_filtered_one_how_to_see_all(web: Web, workspace: Workspace) -> None:
    empty = web.client.get("/applications").text.split('id="table-empty"', 1)[1].split("</td>", 1)[0]
    # 'No applications match.' on a first visit spoke of a search nobody made.
    assert "No applications yet" in empty and 'href="/applications/new"' in empty
    make_application(workspace, company="Northgate NHS Foundation Trust")
    filtered = web.client.get("/applications?q=Oakfield").text.split('id="table-empty"', 1)[1].split("</td>", 1)[0]
    assert "No applications match these filters" in filtered and 'href="/applications#table"' in filtered


def test_a_job_accepted_reads_as_accepted_not_open_and_without_an_interview_round(
    web: Web, workspace: Workspace
) -> None:
    app = make_application(workspace, company="Oakfield Nursing Home", stage=Stage.INTERVIEW, round_=2)
    ApplicationService(workspace).move(app.id, Stage.ACCEPTED)
    row = web.client.get("/applications").text.split('<td data-label="Role">', 1)[1].split("</tr>", 1)[0]
    # The table read 'Accepted (round 2)' and, for the outcome, 'open'.
    assert '<td data-label="Stage">Accepted</td>' in row
    assert "<strong>Job accepted</strong>" in row and ">open<" not in row
    badge = web.client.get(f"/applications/{app.id}").text.split('id="app-status">', 1)[1].split("</span>", 1)[0]
    assert badge == "Accepted"


def test_uk_advert_salaries_are_read_with_their_period_and_currency(web: Web, workspace: Workspace) -> None:
    response = web.post_form(
        "/applications/new",
        {"company": "Haulier", "role": "Planner", "salary_min": "£28,000", "salary_max": "£31,000 per annum",
         "currency": ""},
    )  # fmt: skip
    assert response.status_code == 303, response.text[:300]
    app_id = int(response.headers["location"].split("/")[2].split("?")[0])
    fields = ApplicationService(workspace).get(app_id).fields
    assert (fields.salary_min, fields.salary_max, fields.currency) == (28000, 31000, "GBP")
    page = web.client.get(f"/applications/{app_id}").text
    assert "£28,000–£31,000" in page
    for written in ("31k pa", "31,000 a year", "£31,000 p.a."):
        response = web.post_form("/applications/new", {"company": "H", "role": written, "salary_max": written})
        assert response.status_code == 303, written
    hourly = web.post_form("/applications/new", {"company": "H", "role": "P", "salary_min": "£12.50 per hour"})
    assert hourly.status_code == 422 and "for the year, like 28000 or 28k" in hourly.text
    # A currency typed in its box wins over the sign.
    typed = web.post_form(
        "/applications/new", {"company": "H", "role": "Q", "salary_min": "€40,000", "currency": "chf"}
    )
    typed_id = int(typed.headers["location"].split("/")[2].split("?")[0])
    assert ApplicationService(workspace).get(typed_id).fields.currency == "CHF"


def test_the_applied_on_day_can_be_written_as_a_letter_writes_it(web: Web, workspace: Workspace) -> None:
    response = web.post_form("/applications/new", {"company": "H", "role": "P", "applied_on": "3rd October"})
    assert response.status_code == 303, response.text[:300]
    app_id = int(response.headers["location"].split("/")[2].split("?")[0])
    assert ApplicationService(workspace).get(app_id).applied_on.isoformat().startswith("2024-10-03")
    assert "3 October" in web.client.get("/applications/new").text  # the hint shows the form


def test_where_the_job_was_found_is_offered_and_shown_in_words(web: Web, workspace: Workspace) -> None:
    form = web.client.get("/applications/new").text
    assert '<option value="board">A job website (Indeed, Reed, Totaljobs…)</option>' in form
    assert ">Board<" not in form and ">Network<" not in form
    response = web.post_form(
        "/applications/new", {"company": "H", "role": "P", "source": "board", "source_detail": "Indeed"}
    )
    page = web.client.get(response.headers["location"].split("?")[0]).text
    assert "<dt>Found through</dt><dd>A job website (Indeed, Reed, Totaljobs…)</dd>" in page
