"""services.administration on both engines: who may administer, the last administrator, invitations by the
list (all or nothing), disabling and enabling, one-time links to choose a new password, and the log."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.exc import DBAPIError

from nextround.errors import UserError
from nextround.services import accounts, administration
from nextround.services.administration import Action, NotAnAdministrator
from nextround.services.workspace import Workspace
from nextround.storage.db import Database
from nextround.storage.migrate import migrate_to, upgrade_to_head
from nextround.storage.reads import NotFoundError
from nextround.storage.tables import AdminEventRow, InvitationRow, PasswordResetRow, User

PASSWORD = "correct horse battery"


@pytest.fixture
def db(workspace: Workspace, monkeypatch: pytest.MonkeyPatch) -> Database:
    monkeypatch.setattr(accounts, "HASH_COSTS", {"time_cost": 1, "memory_cost": 1024, "parallelism": 1})
    return workspace.db


def _people(db: Database, *names: str) -> list[int]:
    return [accounts.create_user(db, f"{name}@uni.example", PASSWORD).id for name in names]


def _count(db: Database, row: type) -> int:
    with db.read() as session:
        return int(session.scalar(select(func.count()).select_from(row)) or 0)


def test_the_first_administrator_comes_from_the_command_line_then_administrators_act(db: Database) -> None:
    ada, bo, cy = _people(db, "ada", "bo", "cy")
    with pytest.raises(NotAnAdministrator):  # nobody is one at first
        administration.overview(db, ada)
    assert administration.set_admin(db, None, ada, admin=True).is_admin
    assert administration.is_admin(db, ada) and not administration.is_admin(db, bo)
    for attempt in (
        lambda: administration.overview(db, bo),
        lambda: administration.set_admin(db, bo, bo, admin=True),
        lambda: administration.set_disabled(db, bo, cy, disabled=True),
        lambda: administration.make_reset_link(db, bo, cy),
        lambda: administration.invite_accounts(db, bo, ["dee@uni.example"], days=7),
    ):
        with pytest.raises(NotAnAdministrator):
            attempt()
    assert _count(db, InvitationRow) == 0 and not accounts.get_account(db, cy).disabled
    administration.set_admin(db, ada, bo, admin=True)
    seen = administration.overview(db, bo)
    assert [a.email for a in seen.accounts] == ["ada@uni.example", "bo@uni.example", "cy@uni.example"]
    assert seen.administrators == 2 and seen.total == 3
    # the log: newest first, the command line without a name, the browser's acts with their administrator
    assert [(e.actor, e.action, e.target) for e in seen.events] == [
        ("ada@uni.example", Action.GRANT_ADMIN, "bo@uni.example"),
        (None, Action.GRANT_ADMIN, "ada@uni.example"),
    ]
    # a search narrows the list; % and _ are letters, not patterns
    assert [a.email for a in administration.overview(db, bo, search="C").accounts] == ["cy@uni.example"]
    assert administration.overview(db, bo, search="%").accounts == []


@pytest.fixture
def grant_refused(db: Database) -> Iterator[None]:
    """The database itself refuses to make anyone an administrator (a trigger), so the write that grants the role
    fails after the account was written: on SQLite and PostgreSQL alike."""
    if db.dialect == "sqlite":
        made = [
            "CREATE TRIGGER grant_refused BEFORE UPDATE OF is_admin ON users WHEN NEW.is_admin "
            "BEGIN SELECT RAISE(ABORT, 'grant refused'); END"
        ]
        gone = ["DROP TRIGGER grant_refused"]
    else:
        made = [
            "CREATE FUNCTION grant_refused() RETURNS trigger LANGUAGE plpgsql AS "
            "$$ BEGIN RAISE EXCEPTION 'grant refused'; END $$",
            "CREATE TRIGGER grant_refused BEFORE UPDATE OF is_admin ON users FOR EACH ROW WHEN (NEW.is_admin) "
            "EXECUTE FUNCTION grant_refused()",
        ]
        gone = ["DROP TRIGGER grant_refused ON users", "DROP FUNCTION grant_refused()"]
    with db.write() as session:
        for statement in made:
            session.execute(text(statement))
    try:
        yield
    finally:
        with db.write() as session:
            for statement in gone:
                session.execute(text(statement))


def test_an_account_made_an_administrator_is_one_transaction(db: Database, workspace: Workspace) -> None:
    made = administration.create_account(db, "ada@uni.example", PASSWORD, admin=True)
    assert made.is_admin and accounts.find_account(db, "ada@uni.example").is_admin
    logged = [(e.actor, e.action, e.target) for e in administration.events(db, None)]
    assert logged == [(None, Action.GRANT_ADMIN, "ada@uni.example"), (None, Action.CREATE_ACCOUNT, "ada@uni.example")]
    plain = administration.create_account(db, "bo@uni.example", PASSWORD, time_zone="Europe/London")
    assert not plain.is_admin and _count(db, AdminEventRow) == 3


@pytest.mark.usefixtures("grant_refused")
def test_a_failed_grant_leaves_no_account_behind(db: Database, workspace: Workspace) -> None:
    with pytest.raises(DBAPIError, match="grant refused"):
        administration.create_account(db, "ada@uni.example", PASSWORD, admin=True)
    assert not accounts.account_exists(db, "ada@uni.example")
    assert _count(db, AdminEventRow) == 0
    with pytest.raises(DBAPIError, match="grant refused"):  # the local data claimed: the claim is undone too
        administration.create_account(db, "ada@uni.example", PASSWORD, claim_local=True, admin=True)
    assert not accounts.account_exists(db, "ada@uni.example") and _count(db, AdminEventRow) == 0
    assert administration.create_account(db, "ada@uni.example", PASSWORD).email == "ada@uni.example"


def test_the_server_always_keeps_an_enabled_administrator(db: Database, workspace: Workspace) -> None:
    ada, bo = _people(db, "ada", "bo")
    administration.set_admin(db, None, ada, admin=True)
    with pytest.raises(UserError, match=r"ada@uni\.example is the server's only administrator"):
        administration.set_admin(db, ada, ada, admin=False)
    with pytest.raises(UserError, match="only administrator"):
        administration.set_admin(db, None, ada, admin=False)  # not from the command line either
    with pytest.raises(UserError, match="only administrator"):
        administration.set_disabled(db, None, ada, disabled=True)
    with pytest.raises(UserError, match="cannot disable your own account"):
        administration.set_disabled(db, ada, ada, disabled=True)
    with pytest.raises(UserError, match="cannot delete your account"):
        accounts.delete_account(db, ada, PASSWORD)
    assert accounts.get_account(db, ada).is_admin and not accounts.get_account(db, ada).disabled
    # with a second one, either may step down; a disabled administrator does not count
    administration.set_admin(db, ada, bo, admin=True)
    administration.set_disabled(db, ada, bo, disabled=True)
    with pytest.raises(UserError, match="only administrator"):
        administration.set_admin(db, ada, ada, admin=False)
    with pytest.raises(NotAnAdministrator):  # a disabled administrator cannot act
        administration.set_disabled(db, bo, bo, disabled=False)
    administration.set_disabled(db, ada, bo, disabled=False)
    assert not administration.set_admin(db, ada, ada, admin=False).is_admin
    with pytest.raises(NotAnAdministrator):  # the very next act of the one who stepped down is refused
        administration.overview(db, ada)
    administration.set_disabled(db, bo, ada, disabled=True)
    with pytest.raises(UserError, match=r"ada@uni\.example is disabled: enable the account first"):
        administration.set_admin(db, bo, ada, admin=True)


def test_unknown_accounts_and_the_local_user_are_not_found(db: Database, workspace: Workspace) -> None:
    (ada,) = _people(db, "ada")
    administration.set_admin(db, None, ada, admin=True)
    for account_id in (ada + 1000, workspace.owner_id):  # the local user of a single-user database has no address
        with pytest.raises(NotFoundError, match=f"no account with id {account_id}"):
            administration.set_disabled(db, ada, account_id, disabled=True)
        with pytest.raises(NotFoundError):
            administration.make_reset_link(db, ada, account_id)
    assert "local" not in [a.email for a in administration.overview(db, ada).accounts]
    with pytest.raises(NotFoundError, match=r"no account for nobody@uni\.example"):
        administration.by_email(db, "nobody@uni.example")


def test_a_list_of_invitations_is_checked_whole_before_any_is_made(db: Database) -> None:
    ada, bo = _people(db, "ada", "bo")
    administration.set_admin(db, None, ada, admin=True)
    typed = administration.addresses_in("New1@uni.example, not-an-address\n\nnew2@uni.example;also bad")
    assert typed == ["New1@uni.example", "not-an-address", "new2@uni.example", "also", "bad"]
    with pytest.raises(UserError, match=r"^'not-an-address', 'also', 'bad' are not email addresses: nothing was"):
        administration.invite_accounts(db, ada, typed, days=7)
    with pytest.raises(UserError, match=r"^there is already an account for bo@uni.example: leave it out"):
        administration.invite_accounts(db, ada, ["new1@uni.example", "BO@uni.example"], days=7)
    with pytest.raises(UserError, match="between 1 and 90 days"):
        administration.invite_accounts(db, ada, ["new1@uni.example"], days=0)
    with pytest.raises(UserError, match="at least one"):
        administration.invite_accounts(db, ada, [], days=7)
    assert _count(db, InvitationRow) == 0
    made = administration.invite_accounts(db, ada, ["new1@uni.example", "New1@Uni.example", "new2@uni.example"], days=3)
    assert [m.email for m in made] == ["new1@uni.example", "new2@uni.example"]
    assert all(timedelta(days=2, hours=23) < m.expires_at - administration._now() <= timedelta(days=3) for m in made)
    assert accounts.open_invitation(db, made[0].token).email == "new1@uni.example"
    waiting = administration.overview(db, ada).invitations
    assert sorted(w.email for w in waiting) == ["new1@uni.example", "new2@uni.example"]
    again = administration.invite_accounts(db, ada, ["new1@uni.example"], days=7)  # the earlier link stops
    with pytest.raises(NotFoundError):
        accounts.open_invitation(db, made[0].token)
    accounts.accept_invitation(db, again[0].token, PASSWORD)
    assert [w.email for w in administration.overview(db, ada).invitations] == ["new2@uni.example"]
    invited = [e.target for e in administration.overview(db, ada).events if e.action == Action.INVITE]
    assert sorted(invited) == ["new1@uni.example", "new1@uni.example", "new2@uni.example"]
    # an open invitation can be withdrawn, by an administrator, once
    (open_one,) = administration.overview(db, ada).invitations
    with pytest.raises(NotAnAdministrator):
        administration.withdraw_invitation(db, bo, open_one.id)
    assert administration.withdraw_invitation(db, ada, open_one.id).email == "new2@uni.example"
    with pytest.raises(NotFoundError):
        accounts.open_invitation(db, made[1].token)
    for gone in (open_one.id, open_one.id + 100):
        with pytest.raises(NotFoundError, match="no open invitation with id"):
            administration.withdraw_invitation(db, ada, gone)
    assert administration.overview(db, ada).events[0].action == Action.WITHDRAW_INVITATION


def test_disabling_ends_everything_at_once_and_enabling_lets_the_password_in_again(db: Database) -> None:
    ada, bo = _people(db, "ada", "bo")
    administration.set_admin(db, None, ada, admin=True)
    signed = accounts.sign_in(db, "bo@uni.example", PASSWORD, address="test")
    token = accounts.create_token(db, bo, "script")
    assert accounts.caller_by_session(db, signed.cookie) and accounts.caller_by_token(db, token.token)
    assert administration.set_disabled(db, ada, bo, disabled=True).disabled
    assert accounts.caller_by_session(db, signed.cookie) is None
    assert accounts.caller_by_token(db, token.token) is None
    with pytest.raises(accounts.SignInRefused):
        accounts.sign_in(db, "bo@uni.example", PASSWORD, address="test")
    assert not administration.set_disabled(db, ada, bo, disabled=False).disabled
    assert accounts.caller_by_session(db, signed.cookie) is None  # old sessions and tokens stay ended
    assert accounts.caller_by_token(db, token.token) is None
    again = accounts.sign_in(db, "bo@uni.example", PASSWORD, address="test")
    listed = {a.email: a for a in administration.overview(db, ada).accounts}
    assert listed["bo@uni.example"].last_sign_in_at == again.expires_at - timedelta(days=accounts.SESSION_DAYS)
    assert listed["ada@uni.example"].last_sign_in_at is None
    actions = [e.action for e in administration.overview(db, ada).events]
    assert actions == [Action.ENABLE, Action.DISABLE, Action.GRANT_ADMIN]


def test_a_link_to_choose_a_new_password_works_once_and_ends_every_session(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    ada, bo = _people(db, "ada", "bo")
    administration.set_admin(db, None, ada, admin=True)
    old_session = accounts.sign_in(db, "bo@uni.example", PASSWORD, address="test")
    first = administration.make_reset_link(db, ada, bo)
    link = administration.make_reset_link(db, ada, bo)  # a newer link replaces the first
    assert link.account.email == "bo@uni.example"
    for gone in (first.token, f"{ada}.{link.token.partition('.')[2]}", "7", "x.y", link.token + "x"):
        with pytest.raises(NotFoundError, match="not valid"):
            administration.open_reset_link(db, gone)
    assert administration.open_reset_link(db, link.token).email == "bo@uni.example"
    # the old password works until the link is used; a refused password leaves the link usable
    assert accounts.sign_in(db, "bo@uni.example", PASSWORD, address="test")
    with pytest.raises(UserError, match="at least 10 characters"):
        administration.use_reset_link(db, link.token, "short")
    signed = administration.use_reset_link(db, link.token, "a brand new secret")
    assert signed.owner_id == bo and accounts.caller_by_session(db, signed.cookie) is not None
    assert accounts.caller_by_session(db, old_session.cookie) is None
    with pytest.raises(accounts.SignInRefused):
        accounts.sign_in(db, "bo@uni.example", PASSWORD, address="test")
    assert accounts.sign_in(db, "bo@uni.example", "a brand new secret", address="test").owner_id == bo
    with pytest.raises(NotFoundError):  # once only
        administration.use_reset_link(db, link.token, "yet another secret")
    with db.read() as session:  # only the digest is kept
        hashes = session.scalars(select(PasswordResetRow.token_hash)).all()
    assert len(hashes) == 2 and not {link.token, link.token.partition(".")[2]} & set(hashes)
    # a link runs out; a disabled account's link does not work, and none is made for it
    late = administration.make_reset_link(db, ada, bo)
    later = administration._now() + timedelta(hours=administration.RESET_HOURS, minutes=1)
    monkeypatch.setattr(administration, "_now", lambda: later)
    with pytest.raises(NotFoundError):
        administration.use_reset_link(db, late.token, "a brand new secret 2")
    monkeypatch.undo()
    monkeypatch.setattr(accounts, "HASH_COSTS", {"time_cost": 1, "memory_cost": 1024, "parallelism": 1})
    fresh = administration.make_reset_link(db, ada, bo)
    administration.set_disabled(db, ada, bo, disabled=True)
    with pytest.raises(NotFoundError):
        administration.open_reset_link(db, fresh.token)
    with pytest.raises(NotFoundError):
        administration.use_reset_link(db, fresh.token, "a brand new secret 3")
    with pytest.raises(UserError, match=r"bo@uni\.example is disabled"):
        administration.make_reset_link(db, ada, bo)
    assert accounts.get_account(db, bo).disabled


def test_the_log_names_a_deleted_account_as_gone(db: Database) -> None:
    ada, bo = _people(db, "ada", "bo")
    administration.set_admin(db, None, ada, admin=True)
    administration.set_admin(db, ada, bo, admin=True)
    administration.make_reset_link(db, bo, ada)
    accounts.delete_account(db, bo, PASSWORD)
    events = administration.overview(db, ada).events
    assert [(e.actor, e.action, e.target) for e in events] == [
        ("", Action.RESET_LINK, "ada@uni.example"),
        ("ada@uni.example", Action.GRANT_ADMIN, ""),
        (None, Action.GRANT_ADMIN, "ada@uni.example"),
    ]


def test_the_migration_takes_the_last_sign_in_from_the_newest_session(db: Database) -> None:
    (ada,) = _people(db, "ada")
    accounts.sign_in(db, "ada@uni.example", PASSWORD, address="test")
    newest = accounts.sign_in(db, "ada@uni.example", PASSWORD, address="test")
    migrate_to(db.engine, "downgrade", "0014")
    upgrade_to_head(db.engine)
    with db.read() as session:
        user = session.get(User, ada)
        assert user is not None and not user.is_admin
        assert user.last_sign_in_at == newest.expires_at - timedelta(days=accounts.SESSION_DAYS)
