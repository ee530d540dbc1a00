"""Multi-user test support: the app in multi-user mode on the test PostgreSQL, and people who sign in to it.

Multi-user mode runs on PostgreSQL only, so these tests need the server: they fail (through the
`postgres_database` fixture) when it is missing, and are left out only when NEXTROUND_TEST_DATABASES
leaves PostgreSQL out on purpose.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from nextround.config import Settings
from nextround.services import accounts
from nextround.services.workspace import Workspace
from nextround.storage.db import Database
from nextround.web.app import create_app
from nextround.web.auth import MultiUser

from .conftest import ENGINES
from .web_support import SendsToken

BASE_URL = "http://127.0.0.1:8765"
PASSWORD = "correct horse battery"


# argon2id still, at costs that keep dozens of sign-ins quick (the real costs are a bench matter)
QUICK_HASH_COSTS = {"time_cost": 1, "memory_cost": 1024, "parallelism": 1}


@contextmanager
def quick_hashes() -> Iterator[None]:
    """Passwords set meanwhile are hashed at QUICK_HASH_COSTS; a server in another process checks them at the
    costs written in each hash, so its sign-ins are quick too."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(accounts, "HASH_COSTS", QUICK_HASH_COSTS)
        yield


def needs_postgres() -> None:
    if "postgres" not in ENGINES:
        pytest.skip("multi-user mode runs on PostgreSQL, which NEXTROUND_TEST_DATABASES leaves out")


@dataclass
class Person(SendsToken):
    """One signed-in browser: its client (cookies kept) and its session's CSRF token."""

    email: str
    owner_id: int
    client: TestClient
    token: str


@dataclass
class Server:
    app: FastAPI
    db: Database
    settings: Settings

    def client(self, base_url: str = BASE_URL) -> TestClient:
        return TestClient(self.app, base_url=base_url, follow_redirects=False)

    def person(self, email: str, password: str = PASSWORD, *, create: bool = True) -> Person:
        if create:
            accounts.create_user(self.db, email, password)
        client = self.client()
        sign_in(client, email, password)
        token = client.get("/api/v1/session").json()["csrf_token"]
        owner_id = accounts.find_account(self.db, email).id
        return Person(email, owner_id, client, token)

    def workspace(self, person: Person) -> Workspace:
        return Workspace(db=self.db, owner_id=person.owner_id, settings=self.settings)


def form_token(html: str) -> str:
    found = re.search(r'name="csrf_token" value="([^"]+)"', html)
    assert found, "no CSRF field on the page"
    return found.group(1)


def sign_in(client: TestClient, email: str, password: str, *, next_path: str = "/") -> Any:
    page = client.get("/sign-in")
    assert page.status_code == 200, page.text
    data = {"csrf_token": form_token(page.text), "email": email, "password": password, "next": next_path}
    return client.post("/sign-in", data=data)


@contextmanager
def multi_user_server(settings: Settings, **options: Any) -> Iterator[Server]:
    app = create_app(settings, multi_user=MultiUser(**options))
    db = app.state.web.database()
    try:
        yield Server(app, db, settings)
    finally:
        app.state.web.close()
