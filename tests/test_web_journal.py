"""The journal, reframing after a rejection, the review page and its printable document, and their JSON API."""

from __future__ import annotations

import re

from nextround.domain.stages import Outcome, Stage
from nextround.services.applications import ApplicationService
from nextround.services.workspace import Workspace
from tests.factories import make_application
from tests.web_support import Web


def _ws(web: Web) -> Workspace:
    workspace: Workspace = web.app.state.web.workspace()
    return workspace


def _rejected(web: Web, company: str = "Ashgrove") -> int:
    ws = _ws(web)
    app = make_application(ws, company=company, stage=Stage.INTERVIEW)
    ApplicationService(ws).close(app.id, Outcome.REJECTED, note="")
    return app.id


def test_add_and_list_entries_with_wins_marked(web: Web) -> None:
    response = web.post_form("/journal", {"text": "Sent two applications <b>today</b>.", "mood": "4", "win": "on"})
    assert response.status_code == 303 and response.headers["location"] == "/journal?notice=added"
    web.post_form("/journal", {"text": "A slow day.", "mood": "2"})
    html = web.client.get("/journal").text
    assert "Sent two applications &lt;b&gt;today&lt;/b&gt;." in html
    assert html.count('class="win-badge"') == 1 and "mood 4 of 5" in html
    assert html.index("A slow day.") < html.index("Sent two applications")  # newest first


def test_a_low_day_written_down_gets_a_kind_word_back(web: Web) -> None:
    low = web.post_form("/journal", {"text": "Four rejections this week. Feeling flat.", "mood": "1"})
    assert low.status_code == 303
    page = web.client.get(low.headers["location"]).text
    assert 'id="low-day"' in page and "Be kind to yourself today" in page
    fine = web.post_form("/journal", {"text": "Good call with Priya.", "mood": "4"})
    page = web.client.get(fine.headers["location"]).text
    assert "Entry saved." in page and 'id="low-day"' not in page
    unrated = web.client.get(web.post_form("/journal", {"text": "No mood given."}).headers["location"]).text
    assert 'id="low-day"' not in unrated


def test_mood_outside_one_to_five_is_a_message_and_keeps_the_text(web: Web) -> None:
    response = web.post_form("/journal", {"text": "Keep this text", "mood": "7"})
    assert response.status_code == 422
    assert "Mood must be between 1 and 5" in response.text  # a sentence, as every form problem
    assert ">Keep this text</textarea>" in response.text
    assert web.client.get("/api/v1/journal").json()["entries"] == []


def test_journal_text_is_escaped(web: Web) -> None:
    web.post_form("/journal", {"text": "<script>alert(1)</script>", "mood": "3"})
    html = web.client.get("/journal").text
    assert "<script>alert(1)" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_reframing_prompts_for_a_recent_rejection(web: Web) -> None:
    app_id = _rejected(web, "Ashgrove <Ltd>")
    html = web.client.get("/journal").text
    assert "Reframe the rejection from Ashgrove &lt;Ltd&gt;" in html
    assert f'action="/journal/reframe/{app_id}"' in html
    response = web.post_form(
        f"/journal/reframe/{app_id}", {"learned": "My answers lacked numbers.", "next": "Practise"}
    )
    assert response.status_code == 303
    entries = web.client.get("/api/v1/journal?kind=reframe").json()["entries"]
    assert len(entries) == 1 and entries[0]["application_id"] == app_id
    assert "My answers lacked numbers." in entries[0]["text"]
    empty = web.post_form(f"/journal/reframe/{app_id}", {})
    assert empty.status_code == 422
    # Done things leave: the journal does not ask again for the reframe just saved.
    assert f'action="/journal/reframe/{app_id}"' not in web.client.get("/journal").text


def test_journal_forms_need_the_csrf_token(web: Web) -> None:
    assert web.client.post("/journal", data={"text": "x"}).status_code == 403
    assert web.client.post("/api/v1/journal", json={"text": "x"}).status_code == 403


def test_review_page_renders_the_same_data_with_charts(web: Web) -> None:
    web.post_form("/journal", {"text": "Got a second interview", "mood": "5", "win": "on"})
    html = web.client.get("/review").text
    assert "<svg" in html and "Weekly review" in html
    assert "Win: Got a second interview" in html
    assert 'href="/static/practice.css"' in html
    month = web.client.get("/review?period=month").text
    assert "Monthly review" in month
    assert web.client.get("/review?period=year").status_code == 422
    data = web.client.get("/api/v1/review?period=week").json()
    assert data["journal"]["wins"] == ["Got a second interview"]
    assert data["period"]["kind"] == "week"


def test_printable_review_is_self_contained(web: Web) -> None:
    web.post_form("/journal", {"text": "A <win> worth keeping", "win": "on", "mood": "4"})
    response = web.client.get("/review.html?period=week")
    assert response.status_code == 200
    html = response.text
    assert html.lstrip().lower().startswith("<!doctype html>") and "<svg" in html
    assert "A &lt;win&gt; worth keeping" in html
    # Its content is one main landmark and its table's first column has a header (axe: landmark-one-main,
    # empty-table-header), as on the review page.
    assert html.count("<main>") == 1 and "<th></th>" not in html
    assert not re.search(r"""(src|href)\s*=\s*["']?https?:""", html)
    assert "<script" not in html and "<link" not in html and "url(http" not in html


def test_api_journal_add_list_and_validate(web: Web) -> None:
    created = web.api("POST", "/api/v1/journal", json={"text": "Finished the take-home", "mood": 4, "kind": "win"})
    assert created.status_code == 201 and created.json()["kind"] == "win"
    listed = web.client.get("/api/v1/journal").json()["entries"]
    assert [e["text"] for e in listed] == ["Finished the take-home"]
    bad = web.api("POST", "/api/v1/journal", json={"text": "x", "mood": 7})
    assert bad.status_code == 422 and "mood" in bad.json()["error"]
    schema = web.client.get("/openapi.json").json()["paths"]
    assert "/api/v1/journal" in schema and "/api/v1/review" in schema and "/journal" not in schema


def test_another_owners_entries_are_invisible(web: Web) -> None:
    from nextround.services import keepgoing
    from tests.conftest import other_owner

    keepgoing.add_journal(other_owner(_ws(web)), "Private note of someone else", mood=3)
    assert "Private note" not in web.client.get("/journal").text
    assert web.client.get("/api/v1/journal").json()["entries"] == []


def test_demo_practice_fills_sessions_and_journal(web: Web) -> None:
    from nextround.services import demo_practice, keepgoing
    from nextround.services import practice as service

    ws = _ws(web)
    _rejected(web, "Demo Rejecting Co")
    demo_practice.fill(ws)
    report = service.progress(ws)
    assert report.sessions == 2 and report.answers == 3
    weeks = [w.measures["average_score"] for w in report.by_week]
    assert weeks[-1] > weeks[0]
    kinds = [e.kind for e in keepgoing.list_journal(ws)]
    assert "win" in kinds and "reframe" in kinds
    history = web.client.get("/practice/history").text
    assert "Session 2" in history and "Session 1" in history


def test_the_printable_review_may_use_exactly_its_own_inline_stylesheet(web: Web) -> None:
    import base64
    import hashlib

    response = web.client.get("/review.html")
    assert response.status_code == 200
    policies = response.headers.get_list("content-security-policy")
    assert len(policies) == 1, "two policies would both apply, and the stricter one blocks the styles"
    [style] = re.findall(r"<style>(.*?)</style>", response.text, flags=re.S)
    digest = base64.b64encode(hashlib.sha256(style.encode()).digest()).decode()
    assert f"'sha256-{digest}'" in policies[0]
    assert "unsafe-inline" not in policies[0]
    assert "script-src 'self';" in policies[0]
    # Every other page keeps the plain policy.
    assert "sha256" not in web.client.get("/review").headers["content-security-policy"]


def test_the_review_page_names_stages_as_the_dashboard_does(web: Web, workspace: Workspace) -> None:
    make_application(workspace, company="Northgate NHS Foundation Trust")
    page = web.client.get("/review").text
    moves = page.split('id="moves-chart"', 1)[1].split("</figure>", 1)[0]
    # The funnel's moves read 'applied', 'screening': the stored codes, lower case beside the dashboard's.
    assert 'data-label="Applied" data-value="1"' in moves and 'data-label="applied"' not in moves


def test_an_entry_over_the_limit_says_by_how_much_and_keeps_the_words(web: Web) -> None:
    from nextround.services.keepgoing import MAX_JOURNAL_TEXT

    text = "A hard day. " * (MAX_JOURNAL_TEXT // 12 + 10)
    page = web.post_form("/journal", {"text": text, "mood": "1"})
    assert page.status_code == 422
    # It said 'entry too long (max 20000 characters)': lower case, no figure for what was written.
    assert f"Keep it under {MAX_JOURNAL_TEXT:,} characters: this has {len(text.strip()):,}." in page.text
    assert "A hard day. A hard day." in page.text  # what was written is still in the box
