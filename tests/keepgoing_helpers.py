"""Helpers for the keep-going tests: a second owner in the same database."""

from __future__ import annotations

from nextround.services.workspace import Workspace
from nextround.storage.tables import User


def other_owner(ws: Workspace, username: str = "someone-else") -> Workspace:
    with ws.db.write() as session:
        user = User(username=username, created_at=ws.now())
        session.add(user)
        session.flush()
        owner_id = user.id
    return Workspace(db=ws.db, owner_id=owner_id, settings=ws.settings, clock=ws.clock)
