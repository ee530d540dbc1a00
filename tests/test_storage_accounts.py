"""The multi-user schema: an existing single-user database upgrades without losing anything; the admin commands."""

from __future__ import annotations

from typing import Any

from sqlalchemy import inspect
from typer.testing import CliRunner

from nextround.cli.main import app as cli_app
from nextround.services import accounts
from nextround.services.applications import ApplicationFields, ApplicationService
from nextround.services.demo import fill_demo
from nextround.services.workspace import Workspace
from nextround.storage.db import Database
from nextround.storage.migrate import migrate_to, upgrade_to_head
from nextround.storage.schema import HEAD_REVISION
from nextround.storage.snapshot import dump_owner
from nextround.storage.tables import Base

from .multiuser_support import Server
from .test_storage_shape import ACCOUNT_WIDE, shape_problems


def _migrate(db: Database, action: str, revision: str) -> None:
    migrate_to(db.engine, action, revision)


def test_a_single_user_database_upgrades_to_multi_user_without_loss(workspace: Workspace) -> None:
    fill_demo(workspace)
    db = workspace.db
    with db.read() as session:
        before = dump_owner(session, workspace.owner_id)
    assert sum(len(rows) for rows in before.values()) > 50
    _migrate(db, "downgrade", "0002")  # an older single-user installation: later migrations rebuild tables
    assert "email" not in {c["name"] for c in inspect(db.engine).get_columns("users")}
    assert "web_sessions" not in inspect(db.engine).get_table_names()
    upgrade_to_head(db.engine)
    assert db.current_revision() == HEAD_REVISION
    with db.read() as session:
        assert dump_owner(session, workspace.owner_id) == before
    assert db.local_user_id() == workspace.owner_id
    on_postgres = db.engine.dialect.name == "postgresql"
    owned = set(inspect(db.engine).get_table_names()) - ACCOUNT_WIDE - {"alembic_version"}
    assert shape_problems(db.engine, owned, keys=on_postgres) == []
    _deleting_keeps_its_rules(workspace, before)
    # the local data can become an account on the server, and keeps its owner
    claimed = accounts.claim_local(db, "ada@example.org", "correct horse battery")
    assert claimed.id == workspace.owner_id


def _deleting_keeps_its_rules(workspace: Workspace, before: dict[str, list[dict[str, Any]]]) -> None:
    """After the upgrade new ids still come from the engine, and ON DELETE does what it did: deleting an
    application takes the rows that CASCADE from it and clears the column of those that SET NULL."""
    service = ApplicationService(workspace)
    added = service.add(ApplicationFields(company="Crumb", role="Baker"))
    assert added.id > max(row["id"] for row in before["applications"])
    links = [  # (table, column, ondelete) of every key to applications
        (fk.parent.table.name, fk.parent.name, fk.ondelete)
        for table in Base.metadata.tables.values()
        for fk in table.foreign_keys
        if fk.column.table.name == "applications" and table.name in before
    ]
    rules = ("SET NULL", "CASCADE")
    pointing = {(t, c): {r["id"] for r in before[t] if r[c] is not None} for t, c, _ in links}
    busiest = max(
        (r["id"] for r in before["applications"]),
        key=lambda a: (
            [_children(before, [link for link in links if link[2] == rule], a) > 0 for rule in rules]
            + [_children(before, links, a)]
        ),
    )
    assert {ondelete for t, c, ondelete in links if _children(before, [(t, c, ondelete)], busiest)} == {
        "CASCADE",
        "SET NULL",
    }
    service.delete(busiest)
    with workspace.db.read() as session:
        after = dump_owner(session, workspace.owner_id)
    for table, column, ondelete in links:
        children = {r["id"] for r in before[table] if r[column] == busiest}
        kept = {r["id"]: r for r in after[table] if r["id"] in children}
        if ondelete == "CASCADE":
            assert kept == {}, table
        else:
            assert set(kept) == children and {r[column] for r in kept.values()} <= {None}, table
        assert pointing[(table, column)] - children <= {r["id"] for r in after[table]}


def _children(before: dict[str, list[dict[str, Any]]], links: list[tuple[str, str, str | None]], app: int) -> int:
    return sum(1 for table, column, _ in links for row in before[table] if row[column] == app)


def _run(*args: str, input: str | None = None) -> Any:
    return CliRunner().invoke(cli_app, list(args), input=input, catch_exceptions=False)


def test_admin_commands(server: Server, postgres_url: str) -> None:
    url = ["--database-url", postgres_url]
    made = _run("admin", "create-user", "Ada@Example.org", "--password-stdin", *url, input="correct horse battery\n")
    assert made.exit_code == 0, made.output
    assert "created for ada@example.org" in made.output
    again = _run("admin", "create-user", "ada@example.org", "--password-stdin", *url, input="correct horse battery\n")
    assert again.exit_code == 1
    assert "already an account" in again.output
    short = _run("admin", "create-user", "bo@example.org", "--password-stdin", *url, input="short\n")
    assert short.exit_code == 1
    assert "at least 10 characters" in short.output
    token = _run("admin", "create-token", "ada@example.org", *url)
    assert token.exit_code == 0
    bearer = {"Authorization": f"Bearer {token.output.strip()}"}
    assert server.client().get("/api/v1/stats", headers=bearer).status_code == 200
    reset = _run("admin", "reset-password", "ada@example.org", "--password-stdin", *url, input="another fine pass\n")
    assert reset.exit_code == 0
    assert accounts.sign_in(server.db, "ada@example.org", "another fine pass", address="test").owner_id
    disabled = _run("admin", "disable-user", "ada@example.org", *url)
    assert disabled.exit_code == 0
    assert server.client().get("/api/v1/stats", headers=bearer).status_code == 401
    link = _run("admin", "invite", "cy@example.org", "--base-url", "https://jobs.example.ac.uk", *url)
    assert link.output.startswith("https://jobs.example.ac.uk/invite/")
    url = link.output.splitlines()[0]
    assert server.client().get(url.removeprefix("https://jobs.example.ac.uk")).status_code == 200
    from nextround.services import administration

    logged = [(e.action, e.target) for e in reversed(administration.events(server.db, None))]
    assert logged == [
        ("create_account", "ada@example.org"),
        ("create_token", "ada@example.org"),
        ("set_password", "ada@example.org"),
        ("disable", "ada@example.org"),
        ("invite", "cy@example.org"),
    ]


def test_multi_user_mode_refuses_sqlite(tmp_path: Any) -> None:
    for args in (["serve", "--multi-user"], ["admin", "disable-user", "ada@example.org"]):
        result = _run(*args, "--database-url", f"sqlite:///{tmp_path / 'x.db'}")
        assert result.exit_code == 1
        assert result.output.startswith("error: multi-user mode needs PostgreSQL")
        assert len(result.output.strip().splitlines()) == 1
    local = _run("serve", "--host", "0.0.0.0")
    assert local.exit_code == 1
    assert "needs multi-user mode" in local.output


def test_admin_invites_a_list_checked_first_and_each_line_names_its_address(server: Any) -> None:
    url = ["--database-url", server.settings.database_url, "--base-url", "https://jobs.example.ac.uk"]
    accounts.create_user(server.db, "ada@example.org", "correct horse battery")
    refused = _run("admin", "invite", "s1@example.org", "Ada@example.org", *url)
    assert refused.exit_code == 1 and "already an account for ada@example.org" in refused.output
    assert len(refused.output.strip().splitlines()) == 1
    assert not _invited(server, "s1@example.org")  # nothing was made for the good address either
    made = _run("admin", "invite", "s1@example.org", "S2@example.org", "s1@example.org", *url)
    assert made.exit_code == 0, made.output
    lines = [line.split("\t") for line in made.stdout.splitlines()]
    assert [address for address, _ in lines] == ["s1@example.org", "s2@example.org"]
    for address, link in lines:
        page = server.client().get(link.removeprefix("https://jobs.example.ac.uk"))
        assert page.status_code == 200 and address in page.text
    assert "pass the link on to each address yourself" in made.stderr


def _invited(server: Any, email: str) -> bool:
    from sqlalchemy import select

    from nextround.storage.tables import InvitationRow

    with server.db.read() as session:
        return session.scalar(select(InvitationRow.id).where(InvitationRow.email == email)) is not None


def test_admin_commands_make_the_first_administrator_and_keep_one(server: Server, postgres_url: str) -> None:
    url = ["--database-url", postgres_url]
    made = _run("admin", "create-user", "ada@example.org", "--admin", "--password-stdin", *url, input=f"{'x' * 12}\n")
    assert made.exit_code == 0 and "an administrator" in made.output
    accounts.create_user(server.db, "bo@example.org", "correct horse battery")
    assert accounts.find_account(server.db, "ada@example.org").is_admin
    last = _run("admin", "revoke-admin", "ada@example.org", *url)
    assert last.exit_code == 1 and "ada@example.org is the server's only administrator" in last.output
    assert len(last.output.strip().splitlines()) == 1
    assert _run("admin", "disable-user", "ada@example.org", *url).exit_code == 1
    granted = _run("admin", "grant-admin", "Bo@example.org", *url)
    assert granted.exit_code == 0 and "bo@example.org is an administrator" in granted.output
    assert _run("admin", "revoke-admin", "ada@example.org", *url).exit_code == 0
    assert not accounts.find_account(server.db, "ada@example.org").is_admin
    assert _run("admin", "disable-user", "ada@example.org", *url).exit_code == 0
    enabled = _run("admin", "enable-user", "ada@example.org", *url)
    assert enabled.exit_code == 0 and "can sign in again" in enabled.output
    assert not accounts.find_account(server.db, "ada@example.org").disabled
    unknown = _run("admin", "grant-admin", "cy@example.org", *url)
    assert unknown.exit_code == 1 and "no account for cy@example.org" in unknown.output
    from nextround.services import administration

    log = administration.events(server.db, None)  # the command line's acts are in the log, without a name
    assert [(e.actor, e.action, e.target) for e in log] == [
        (None, "enable", "ada@example.org"),
        (None, "disable", "ada@example.org"),
        (None, "revoke_admin", "ada@example.org"),
        (None, "grant_admin", "bo@example.org"),
        (None, "grant_admin", "ada@example.org"),
        (None, "create_account", "ada@example.org"),
    ]


def test_create_user_with_admin_is_one_transaction(server: Server, postgres_url: str) -> None:
    """The database refuses the grant (a trigger) after the account is written: the command leaves nothing."""
    from sqlalchemy import text

    refuse = (
        "CREATE FUNCTION grant_refused() RETURNS trigger LANGUAGE plpgsql AS "
        "$$ BEGIN RAISE EXCEPTION 'grant refused'; END $$",
        "CREATE TRIGGER grant_refused BEFORE UPDATE OF is_admin ON users FOR EACH ROW WHEN (NEW.is_admin) "
        "EXECUTE FUNCTION grant_refused()",
    )
    with server.db.write() as session:
        for statement in refuse:
            session.execute(text(statement))
    url = ["--database-url", postgres_url]
    try:
        failed = _run("admin", "create-user", "ada@example.org", "--admin", "--password-stdin", *url, input="x" * 12)
        assert failed.exit_code == 1 and failed.output == "error: database error: grant refused\n"  # one line
    finally:
        with server.db.write() as session:
            session.execute(text("DROP TRIGGER grant_refused ON users"))
            session.execute(text("DROP FUNCTION grant_refused()"))
    assert not accounts.account_exists(server.db, "ada@example.org")
    from nextround.services import administration

    assert administration.events(server.db, None) == []
    made = _run("admin", "create-user", "ada@example.org", "--admin", "--password-stdin", *url, input=f"{'x' * 12}\n")
    assert made.exit_code == 0 and accounts.find_account(server.db, "ada@example.org").is_admin
