"""A coach deletes their account: the job seeker's record of who looked and what was said stays (on both
engines), the coach shown as a deleted account; nothing of the coach's own is kept."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from nextround.services import accounts, coach_notes, coaching
from nextround.services.workspace import Workspace
from nextround.storage.coaching_snapshot import DELETED_ACCOUNT, dump_coaching
from nextround.storage.tables import User

PASSWORD = "correct horse battery"


@pytest.fixture(autouse=True)
def _quick_hashes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(accounts, "HASH_COSTS", {"time_cost": 1, "memory_cost": 1024, "parallelism": 1})


def _coached(workspace: Workspace) -> tuple[int, int]:
    db = workspace.db
    seeker = accounts.create_user(db, "sam@college.example", PASSWORD).id
    coach = accounts.create_user(db, "ada@college.example", PASSWORD).id
    invitation = coaching.invite_coach(db, seeker, "ada@college.example", ["applications"])
    link = coaching.accept(db, coach, invitation.token)
    seekers_ws = Workspace(db=db, owner_id=seeker, settings=workspace.settings, clock=workspace.clock)
    coaching.shared_view(db, coach, link.id, seekers_ws)
    coach_notes.add_note(db, coach, link.id, "Ask them what tipped it.")
    return seeker, coach


def test_deleting_a_coach_keeps_the_seekers_audit_trail_and_comments(workspace: Workspace) -> None:
    db = workspace.db
    seeker, coach = _coached(workspace)
    accounts.delete_account(db, coach, PASSWORD)
    reads = coaching.reads_log(db, seeker)
    assert reads and {read.coach_email for read in reads} == {DELETED_ACCOUNT}
    assert {read.what for read in reads} == {"shared view: applications"}
    (note,) = coach_notes.notes_for(db, seeker)
    assert (note.text, note.coach_email) == ("Ask them what tipped it.", DELETED_ACCOUNT)
    (link,) = coaching.coach_links(db, seeker)
    assert link.withdrawn and link.coach_email == "ada@college.example"  # the address the seeker typed
    assert link.coach_deleted
    with db.read() as session:
        assert dump_coaching(session, seeker)["audit_log"][0]["coach_email"] == DELETED_ACCOUNT
    # nothing of the coach's: no address, no password, no sign-in; the address is free for a new account
    with pytest.raises(accounts.SignInRefused):
        accounts.sign_in(db, "ada@college.example", PASSWORD, address="127.0.0.1")
    with db.read() as session:
        gone = session.get(User, coach)
        assert gone is not None and gone.email is None and gone.password_hash is None
    assert accounts.create_user(db, "ada@college.example", PASSWORD).id != coach
    # once the seeker goes too, nothing points at the deleted coach and its row goes
    accounts.delete_account(db, seeker, PASSWORD)
    with db.read() as session:
        assert session.scalar(select(User.id).where(User.id.in_([seeker, coach]))) is None


def test_a_coach_who_never_looked_or_wrote_goes_entirely_and_a_seeker_goes_with_their_links(
    workspace: Workspace,
) -> None:
    db = workspace.db
    seeker = accounts.create_user(db, "sam@college.example", PASSWORD).id
    coach = accounts.create_user(db, "bea@college.example", PASSWORD).id
    coaching.invite_coach(db, seeker, "bea@college.example", ["practice"])  # never accepted
    accounts.delete_account(db, coach, PASSWORD)
    with db.read() as session:
        assert session.get(User, coach) is None
    assert [link.coach_email for link in coaching.coach_links(db, seeker)] == ["bea@college.example"]


def test_the_audit_log_groups_runs_of_the_same_look_on_one_day() -> None:
    from datetime import UTC, datetime, timedelta

    start = datetime(2026, 12, 7, 9, tzinfo=UTC)
    reads = [  # newest first, as reads_log gives them
        coaching.CoachRead("ada@college.example", "caseload summary", start + timedelta(hours=5)),
        coaching.CoachRead("ada@college.example", "caseload summary", start + timedelta(hours=2)),
        coaching.CoachRead("ada@college.example", "shared view: applications", start + timedelta(hours=1)),
        coaching.CoachRead("ada@college.example", "caseload summary", start),
        coaching.CoachRead("ada@college.example", "caseload summary", start - timedelta(days=1)),
    ]
    groups = coaching.grouped_reads(reads, UTC)
    assert [(g.what, g.times) for g in groups] == [
        ("caseload summary", 2),
        ("shared view: applications", 1),
        ("caseload summary", 1),
        ("caseload summary", 1),  # another day: its own line
    ]
    assert (groups[0].first_at, groups[0].last_at) == (start + timedelta(hours=2), start + timedelta(hours=5))
