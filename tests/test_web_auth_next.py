"""After a session ends, a form sent from a page leads to sign-in and back to that same page (web.auth.page_of)."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from urllib.parse import parse_qs, urlsplit

from fastapi.routing import APIRoute, iter_route_contexts
from sqlalchemy import update
from starlette.routing import Match

from nextround.storage.tables import WebSessionRow
from nextround.web.auth import is_public

from .multiuser_support import Person, Server, sign_in


def _expire(server: Server, person: Person) -> None:
    with server.db.write() as session:
        session.execute(
            update(WebSessionRow)
            .where(WebSessionRow.owner_id == person.owner_id)
            .values(expires_at=datetime.now(UTC) - timedelta(minutes=1))
        )


def _next_of(location: str) -> str:
    assert location.startswith("/sign-in"), location
    return parse_qs(urlsplit(location).query).get("next", ["/"])[0]


def test_a_form_sent_after_the_session_ended_comes_back_to_its_page(server: Server) -> None:
    ada = server.person("ada@example.org")
    _expire(server, ada)
    sent = ada.client.post("/journal", data={"csrf_token": ada.token, "text": "A long entry"})
    assert sent.status_code == 303 and sent.headers["location"] == "/sign-in?next=%2Fjournal"
    move = ada.client.post("/applications/7/move", data={"csrf_token": ada.token, "stage": "interview"})
    assert _next_of(move.headers["location"]) == "/applications/7"  # the nearest page above the form's address
    back = sign_in(ada.client, ada.email, "correct horse battery", next_path="/journal")
    assert back.status_code == 303 and back.headers["location"] == "/journal"


def test_a_plain_form_comes_back_to_the_page_it_was_sent_from(server: Server) -> None:
    """JavaScript off: the board's move form (POST /applications/7/move) was on /applications?stage=saved, which the
    browser names in its Referer to this server; signing in leads back there, not to the application's page."""
    ada = server.person("ada@example.org")
    assert ada.client.get("/applications").headers["referrer-policy"] == "same-origin"  # to this server only
    _expire(server, ada)
    form = {"csrf_token": ada.token, "stage": "applied", "return_to": "board"}

    def sent_from(referer: str) -> str:
        answer = ada.client.post("/applications/7/move", data=form, headers={"Referer": referer})
        assert answer.status_code == 303
        return _next_of(answer.headers["location"])

    assert sent_from("http://127.0.0.1:8765/applications?stage=saved") == "/applications?stage=saved"
    assert sent_from("http://127.0.0.1:8765/") == "/"  # the dashboard, when that is where the form was
    # never another site's address, a page before signing in, the JSON API or a path that is no page
    for elsewhere in (
        "https://elsewhere.example/applications",
        "http://127.0.0.1:8766/applications",
        "http://127.0.0.1:8765/sign-in?next=/journal",
        "http://127.0.0.1:8765/api/v1/stats",
        "http://127.0.0.1:8765/no/such/page",
        "javascript:alert(1)",
        "//elsewhere.example/applications",
    ):
        assert sent_from(elsewhere) == "/applications/7", elsewhere  # the nearest page above the form's address
    back = sign_in(ada.client, ada.email, "correct horse battery", next_path="/applications?stage=saved")
    assert back.status_code == 303 and back.headers["location"] == "/applications?stage=saved"


def test_a_form_sent_in_place_goes_to_sign_in_as_a_whole_page_and_back(server: Server) -> None:
    ada = server.person("ada@example.org")
    _expire(server, ada)
    page = "http://127.0.0.1:8765/applications/7/feedback?notice=x"
    headers = {"HX-Request": "true", "HX-Current-URL": page, "X-CSRF-Token": ada.token}
    sent = ada.client.post("/applications/7/feedback/record", data={"text": "They said…"}, headers=headers)
    # not a redirect HTMX would follow inside its request (and swap the sign-in page into the feedback section)
    assert sent.status_code == 401 and "location" not in sent.headers
    assert _next_of(sent.headers["hx-redirect"]) == "/applications/7/feedback?notice=x"
    elsewhere = {**headers, "HX-Current-URL": "https://elsewhere.example/phish"}
    other = ada.client.post("/applications/7/feedback/record", data={"text": "x"}, headers=elsewhere)
    assert _next_of(other.headers["hx-redirect"]) == "/applications/7/feedback"  # another site's page is no page


def test_every_form_of_a_page_leads_back_to_a_page(server: Server) -> None:
    """Generated from the route table: for each POST a page's form may send, where sign-in leads back to is a
    page (a GET route of the app), so signing in never ends on "method not allowed"."""
    client = server.client()
    routes = [
        (getattr(context, "path", None) or context.route.path, context.route)
        for context in iter_route_contexts(server.app.routes)
        if isinstance(context.route, APIRoute)
    ]
    gets = [route for path, route in routes if "GET" in route.methods and not path.startswith("/api/")]
    tried = 0
    for template, route in routes:
        if "POST" not in route.methods or template.startswith("/api/") or is_public(template):
            continue  # the API answers 401; signing in, invitations and the like need no session
        path = re.sub(r"\{[^}]+\}", "7", template)
        answer = client.post(path, data={})
        assert answer.status_code == 303, (template, answer.status_code)
        target = urlsplit(_next_of(answer.headers["location"])).path
        scope = {"type": "http", "path": target, "method": "GET"}
        assert any(r.matches(scope)[0] == Match.FULL for r in gets), (template, target)
        tried += 1
    assert tried > 40
