"""Dates in web forms: a calendar beside a box for words ("last tuesday"), read by the CLI's parser (domain/dates)."""

from __future__ import annotations

import re
from datetime import date, datetime

import pytest
from starlette.datastructures import FormData

from nextround.services import goals
from nextround.services.applications import ApplicationService
from nextround.services.feedback import list_interviews
from nextround.services.workspace import Workspace
from nextround.web.deps import with_picked_dates
from tests.factories import make_application
from tests.web_support import Web

# The test clock stands on Wednesday 6 November 2024, 10:00 local time.


def _added(web: Web, workspace: Workspace, **fields: str) -> date | None:
    response = web.post_form("/applications/new", {"company": "Acme", "role": "Cook", **fields})
    assert response.status_code == 303, response.text
    app_id = int(response.headers["location"].split("/")[2].split("?")[0])
    return ApplicationService(workspace).get(app_id).applied_on


@pytest.mark.parametrize(
    ("typed", "picked", "expected"),
    [
        ("last tuesday", "", date(2024, 11, 5)),
        ("3 days ago", "", date(2024, 11, 3)),
        ("yesterday", "", date(2024, 11, 5)),
        ("", "2024-10-01", date(2024, 10, 1)),  # only the calendar
        ("yesterday", "2024-10-01", date(2024, 11, 5)),  # words typed win
        ("01/11", "", date(2024, 11, 1)),  # day/month without a year: the nearest such day
        ("3.10", "", date(2024, 10, 3)),
    ],
)
def test_applied_on_takes_words_or_the_calendar(
    web: Web, workspace: Workspace, typed: str, picked: str, expected: date
) -> None:
    assert _added(web, workspace, applied_on=typed, applied_on__picked=picked, add_anyway="yes") == expected


def test_words_that_are_no_date_are_shown_next_to_the_field(web: Web) -> None:
    response = web.post_form("/applications/new", {"company": "Acme", "role": "Cook", "applied_on": "the other day"})
    assert response.status_code == 422
    error = re.search(r'<p class="error-text" id="f-applied_on-error">([^<]+)</p>', response.text)
    assert error and "the other day" in error.group(1)
    assert 'value="the other day"' in response.text


def test_every_date_field_has_a_calendar_beside_its_words_box(web: Web, workspace: Workspace) -> None:
    app = make_application(workspace)
    contact = web.post_form("/contacts", {"name": "Ana", "kind": "recruiter"})
    assert contact.status_code == 303
    contact_page = contact.headers["location"].split("?")[0]
    pages = {
        "/applications/new": [("applied_on", "date")],
        f"/applications/{app.id}": [("on", "datetime-local"), ("interview_on", "datetime-local")],
        "/contacts": [("connected_on", "date")],
        contact_page: [("on", "datetime-local"), ("connected_on", "date")],
        "/companies": [("reapply_on", "date")],
        "/insights": [("due", "date")],
    }
    for path, fields in pages.items():
        page = web.client.get(path).text
        for name, kind in fields:
            picker = re.search(rf'<input type="{kind}" name="{name}__picked"[^>]*>', page)
            assert picker and 'aria-label="' in picker.group(0), (path, name)
            words_box = re.search(r'data-date-for="([^"]+)"', picker.group(0))
            assert words_box and f'id="{words_box.group(1)}" name="{name}" type="text"' in page, (path, name)


def test_a_move_takes_words_or_the_calendar_and_shows_its_mistake_in_place(web: Web, workspace: Workspace) -> None:
    app = make_application(workspace, applied_at=datetime(2024, 10, 1, 9, 0).astimezone())
    moved = web.post_form(f"/applications/{app.id}/move", {"stage": "screening", "on": "3 days ago"})
    assert moved.status_code == 303
    assert ApplicationService(workspace).get(app.id).events[-1].occurred_at.date() == date(2024, 11, 3)
    bad = web.post_form(f"/applications/{app.id}/move", {"stage": "assessment", "on": "soonish"})
    assert bad.status_code == 422
    assert 'id="move-on-error"' in bad.text and 'value="soonish"' in bad.text and 'id="move-button"' in bad.text
    picked = web.post_form(f"/applications/{app.id}/move", {"stage": "assessment", "on__picked": "2024-11-05T09:30"})
    assert picked.status_code == 303
    last = ApplicationService(workspace).get(app.id).events[-1].occurred_at.astimezone(workspace.now().tzinfo)
    assert (last.date(), last.hour, last.minute) == (date(2024, 11, 5), 9, 30)


def test_an_interview_and_a_goal_from_the_calendar(web: Web, workspace: Workspace) -> None:
    app = make_application(workspace)
    scheduled = web.post_form(f"/applications/{app.id}/interviews", {"interview_on__picked": "2024-11-20T14:00"})
    assert scheduled.status_code == 303
    local = list_interviews(workspace, app.id)[0].scheduled_at.astimezone(workspace.now().tzinfo)
    assert (local.date(), local.hour) == (date(2024, 11, 20), 14)
    assert web.post_form("/insights/goals", {"title": "Two mock interviews", "due": "in 30 days"}).status_code == 303
    assert web.post_form("/insights/goals", {"title": "Read one book", "due__picked": "2024-12-24"}).status_code == 303
    due = {goal.title: goal.due_on for goal in goals.list_goals(workspace)}
    assert due == {"Two mock interviews": date(2024, 12, 6), "Read one book": date(2024, 12, 24)}


def test_the_calendar_fills_only_an_empty_words_box() -> None:
    form = FormData(
        [
            ("a", ""),
            ("a__picked", "2024-01-02"),
            ("b", "today"),
            ("b__picked", "2024-01-03"),
            ("c__picked", "2024-01-04"),
        ]
    )
    merged = with_picked_dates(form)
    assert dict(merged) == {"a": "2024-01-02", "b": "today", "c": "2024-01-04"}
    untouched = FormData([("x", "1")])
    assert with_picked_dates(untouched) is untouched
