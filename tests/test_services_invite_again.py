"""The administrator invites the same address again: only the newest link makes the account (both engines)."""

from __future__ import annotations

import pytest

from nextround.services import accounts
from nextround.services.workspace import Workspace
from nextround.storage.reads import NotFoundError


def test_inviting_again_replaces_the_older_link(workspace: Workspace, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(accounts, "HASH_COSTS", {"time_cost": 1, "memory_cost": 1024, "parallelism": 1})
    db = workspace.db
    first = accounts.invite(db, "student3@college.example")
    second = accounts.invite(db, "Student3@college.example")
    other = accounts.invite(db, "student4@college.example")
    with pytest.raises(NotFoundError):
        accounts.open_invitation(db, first.token)
    with pytest.raises(NotFoundError):
        accounts.accept_invitation(db, first.token, "correct horse battery")
    assert accounts.open_invitation(db, other.token).email == "student4@college.example"  # another address keeps its
    made = accounts.accept_invitation(db, second.token, "correct horse battery")
    assert made.email == "student3@college.example"
