"""Isolation, generated from the app's own route table: one person can never reach another's objects.

For every route (page or API) with a path parameter, Bob asks for Ada's object by its id: a read answers 404,
a write answers 404 (or is refused as invalid before it finds anything), and after all of Bob's attempts every
row Ada owns is exactly as it was. A new route with a parameter this map does not know fails the test: add
what the parameter names to IDS_OF (a new route that forgets the owner check then fails the 404 check).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import pytest
from fastapi.routing import APIRoute, iter_route_contexts
from sqlalchemy import select

from nextround.services import accounts, coach_notes, coaching, deletion
from nextround.services.deletion import Deletable
from nextround.services.demo import fill_demo
from nextround.services.network import NetworkService
from nextround.storage.snapshot import dump_owner, owned_tables
from nextround.storage.tables import ACCOUNT_TABLES, InvitationRow, MailMessageRow, User
from nextround.web.routes.deletion import API_PATHS

from .multiuser_support import Person, Server

# Path parameters that are not an object's id (what kind of file an import reads, an invitation's secret).
NOT_IDS = {("/transfer/{kind}", "kind"), ("/invite/{token}", "token")}  # an invitation is no one's yet
NOT_IDS |= {("/reset-password/{token}", "token")}  # its owner is in the link; tried by the reset tests
# The table each id parameter names; `row_id` takes its table from the route (the deletion routes).
IDS_OF: dict[str, str] = {
    "application_id": "applications",
    "app_id": "applications",
    "request_id": "feedback_requests",
    "cv_id": "cvs",
    "goal_id": "goals",
    "contact_id": "contacts",
    "opening_id": "seen_postings",
    "inbox_id": "mail_messages",
    "token_id": "access_tokens",
    "interview_id": "ai_results",  # a mock interview
    "feedback_id": "feedback",
    "link_id": "coach_links",
    "question_id": "coach_notes",
    "note_id": "coach_notes",
    "account_id": "users",  # the Accounts page: only for administrators (403 to everyone else)
    "invitation_id": "invitations",
}
DELETION_TABLES = {
    kind.value: table.name
    for kind, table in __import__("nextround.services.deletion", fromlist=["TABLES"]).TABLES.items()
}
# 422: refused as invalid before any lookup; 403: a change to the shared server's own set-up, refused for
# everyone (web.auth.SERVER_WIDE). The row check holds either way.
REFUSED = {403, 404, 422}
# Routes only a coach (or a deletion form) opens: Ada's own check of the reads leaves them out.
COACH_SIDE = ("/delete/", "/caseload/", "/coaching/", "/invite/coach/", "/api/v1/caseload/")


@dataclass(frozen=True)
class Attempt:
    method: str
    path: str  # the route's path with Ada's ids filled in


def _routes(server: Server) -> Iterator[tuple[str, str, list[str]]]:
    for context in iter_route_contexts(server.app.routes):
        route = context.route
        if not isinstance(route, APIRoute):
            continue
        path = getattr(context, "path", None) or route.path
        names = re.findall(r"{(\w+)}", path)
        if names:
            for method in sorted(route.methods - {"HEAD"}):
                yield method, path, names


def _ada_ids(server: Server, ada: Person) -> dict[str, list[Any]]:
    """Ada's ids by table, and the keys of her nudges and undo tokens."""
    with server.db.read() as session:
        rows = dump_owner(session, ada.owner_id)
    ids: dict[str, list[Any]] = {name: [row["id"] for row in found] for name, found in rows.items()}
    ids["access_tokens"] = [t.id for t in accounts.list_tokens(server.db, ada.owner_id)]
    ids["users"] = [ada.owner_id]
    with server.db.read() as session:  # no one's, only an administrator's to withdraw
        ids["invitations"] = list(session.scalars(select(InvitationRow.id).order_by(InvitationRow.id)))
    ids["nudges"] = [n.ref for n in NetworkService(server.workspace(ada)).nudges()]
    return ids


def attempts(server: Server, ids: dict[str, list[Any]], tokens: dict[str, str], *, under: str = "/") -> list[Attempt]:
    """Every route with a parameter, filled with Ada's ids; `tokens`: the secret to try, by the route's start."""
    found: list[Attempt] = []
    for method, path, names in _routes(server):
        if [(path, n) for n in names if (path, n) in NOT_IDS] or not path.startswith(under):
            continue
        choices: list[dict[str, Any]] = [{}]
        for name in names:
            if name == "token":
                values: list[tuple[str, Any]] = [("token", next(v for k, v in tokens.items() if path.startswith(k)))]
            elif name == "ref":
                values = [("ref", ids["nudges"][0])]
            elif name == "kind" and "{row_id}" in path:
                values = [("kind", kind.value) for kind in Deletable]
            elif name == "row_id":
                values = []  # filled below from the kind
            elif name in IDS_OF:
                assert ids[IDS_OF[name]], f"Ada has no {IDS_OF[name]} to try {path} with"
                values = [(name, ids[IDS_OF[name]][0])]
            else:
                raise AssertionError(f"{method} {path}: what does {{{name}}} name? add it to IDS_OF or NOT_IDS")
            if values:
                choices = [{**choice, key: value} for choice in choices for key, value in values]
        for choice in choices:
            if "row_id" in names:
                table = DELETION_TABLES[choice["kind"]] if "kind" in choice else _api_delete_table(path)
                choice = {**choice, "row_id": ids[table][0]}
            found.append(Attempt(method, path.format(**choice)))
    return found


def _api_delete_table(path: str) -> str:
    below = path.removeprefix("/api/v1/").removesuffix("/{row_id}")
    kind = next(kind for kind, name in API_PATHS.items() if name == below)
    return DELETION_TABLES[kind.value]


def _ask(bob: Person, attempt: Attempt) -> int:
    if attempt.method == "GET":
        return int(bob.client.get(attempt.path).status_code)
    if attempt.path.startswith("/api/"):
        return int(bob.api(attempt.method, attempt.path, json={}).status_code)
    return int(bob.post_form(attempt.path).status_code)


def _everything_of(server: Server, owner_id: int) -> dict[str, Any]:
    from sqlalchemy import select

    from nextround.storage.tables import CoachLinkRow, CoachNoteRow, CoachReadRow

    with server.db.read() as session:
        tables: dict[str, Any] = dump_owner(session, owner_id)
        for row in (CoachLinkRow, CoachNoteRow, CoachReadRow):
            found = session.execute(select(row.__table__).where(row.owner_id == owner_id).order_by(row.id))
            tables[row.__tablename__] = [dict(r) for r in found.mappings()]
    tables["access_tokens"] = accounts.list_tokens(server.db, owner_id)
    with server.db.read() as session:  # her account itself: its role, whether it may sign in, its password
        tables["users"] = session.execute(
            select(User.email, User.is_admin, User.disabled_at, User.password_hash).where(User.id == owner_id)
        ).all()
        tables["invitations"] = session.execute(select(InvitationRow.id, InvitationRow.expires_at)).all()
    return tables


def test_no_route_lets_one_person_reach_anothers_objects(server: Server, monkeypatch: pytest.MonkeyPatch) -> None:
    """Bob, a stranger, and Cy, a coach whose consent Ada has withdrawn, reach nothing of Ada's."""
    # Ada's undo is tried after both intruders' ~120 requests, which outlast the real 30 s window on a loaded
    # machine (the window itself is tested with a clock in test_web_delete.py).
    monkeypatch.setattr(deletion, "UNDO_SECONDS", 3600)
    ada = server.person("ada@example.org")
    bob = server.person("bob@example.org")
    cy = server.person("cy@uni.example")
    ws = server.workspace(ada)
    fill_demo(ws)
    fill_demo(server.workspace(bob))  # Bob has objects of every kind too: a 404 is not just "nothing here"
    _mail_for(server, ada)
    from nextround.services.ai_interview import start_interview

    start_interview(ws, _ada_ids(server, ada)["applications"][0])
    accounts.create_token(server.db, ada.owner_id, "Ada's script")
    accounts.invite(server.db, "someone-new@example.org")
    invitation = coaching.invite_coach(server.db, ada.owner_id, cy.email, list(coaching.SHAREABLE))
    link = coaching.accept(server.db, cy.owner_id, invitation.token)
    assert cy.client.get(f"/caseload/{link.id}").status_code == 200  # while Ada shares, Cy sees it
    coach_notes.add_note(server.db, cy.owner_id, link.id, "Practise the rush story.", question=True)
    coaching.withdraw(server.db, ada.owner_id, link.id)
    app_id = _ada_ids(server, ada)["applications"][-1]
    undo_token = ada.api("DELETE", f"/api/v1/applications/{app_id}").json()["undo_token"]
    ids = _ada_ids(server, ada)
    ids["coach_links"], ids["coach_notes"] = [link.id], [coach_notes.notes_for(server.db, ada.owner_id)[0].id]
    tokens = {"/coaching/accept/": invitation.token, "/coaching/decline/": invitation.token,
              "/invite/coach/": invitation.token, "/": undo_token}  # fmt: skip
    before = _everything_of(server, ada.owner_id)
    tried = attempts(server, ids, tokens)
    assert len(tried) > 60
    for intruder in (bob, cy):
        leaks = [(a.method, a.path, status) for a in tried if (status := _ask(intruder, a)) not in REFUSED]
        assert leaks == [], f"{intruder.email} reached Ada's objects through these routes"
        assert _everything_of(server, ada.owner_id) == before
    # the check itself can see a leak: Ada's own requests on the same routes get through
    reads = [a for a in tried if a.method == "GET" and not a.path.startswith(COACH_SIDE)]
    assert reads
    assert [(a.path, code) for a in reads if (code := ada.client.get(a.path).status_code) == 404] == []
    assert ada.api("POST", f"/api/v1/undo/{undo_token}").status_code == 200


def test_a_route_without_an_owner_check_fails_it(server: Server) -> None:
    from nextround.services.applications import ApplicationFields, ApplicationService
    from nextround.storage.tables import ApplicationRow

    ada = server.person("ada@example.org")
    bob = server.person("bob@example.org")
    ApplicationService(server.workspace(ada)).add(ApplicationFields(company="Crumb", role="Baker"))

    @server.app.get("/leaky/{application_id}")
    def leaky(application_id: int) -> dict[str, str]:  # reads by id alone: the mistake the test must catch
        with server.db.read() as session:
            row = session.scalars(select(ApplicationRow).where(ApplicationRow.id == application_id)).one()
            return {"company": row.company}

    tried = attempts(server, _ada_ids(server, ada), {}, under="/leaky/")
    assert [(a.path, _ask(bob, a)) for a in tried] == [(f"/leaky/{_ada_ids(server, ada)['applications'][0]}", 200)]


def test_every_owned_table_is_checked(server: Server) -> None:
    """Every owned table is in the snapshot the test compares, so a write into any of them would show."""
    names = {t.name for t in owned_tables()}
    assert {"applications", "stage_events", "contacts", "mail_messages", "user_settings"} <= names
    # those are in _everything_of by name
    assert set(IDS_OF.values()) - ACCOUNT_TABLES - {"users", "invitations"} <= names


def _mail_for(server: Server, person: Person) -> None:
    with server.db.write() as session:
        session.add(
            MailMessageRow(
                owner_id=person.owner_id,
                message_id="<offer-1@example.org>",
                sender="jobs@example.org",
                subject="Your application",
                sent_at=datetime.now(UTC),
                text="Thank you for applying.",
                kind="acknowledgement",
                company="Crumb",
                role="Baker",
                thread_ids=[],
                changes=[],
                status="pending",
                origin="import",
                created_at=datetime.now(UTC),
            )
        )
        session.flush()
        assert session.scalar(select(MailMessageRow.id).where(MailMessageRow.owner_id == person.owner_id))
