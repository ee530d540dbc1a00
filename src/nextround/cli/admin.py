"""`nextround admin ...`: accounts on a multi-user server (PostgreSQL), for its administrator and set-up scripts.

Passwords are read from standard input (`--password-stdin`), never from the command line, where other users
of the machine could see them in the process list.
"""

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Annotated

import typer

from nextround.cli.output import console, safe
from nextround.errors import UserError

if TYPE_CHECKING:
    from nextround.storage.db import Database

app = typer.Typer(
    help="Accounts on a multi-user server: create, invite, reset a password, disable, make a token or an administrator."
)

DatabaseUrl = Annotated[
    str | None, typer.Option("--database-url", help="The server's PostgreSQL database (else NEXTROUND_DATABASE_URL).")
]
PasswordStdin = Annotated[
    bool, typer.Option("--password-stdin", help="Read the password from standard input (its first line).")
]


@contextmanager
def _database(url: str | None) -> Iterator["Database"]:
    from nextround.cli.web import multi_user_settings
    from nextround.storage.db import Database

    db = Database.open(multi_user_settings(url).database_url)
    try:
        yield db
    finally:
        db.dispose()


def _password(from_stdin: bool) -> str:
    if from_stdin:
        line = sys.stdin.readline()
        return line.removesuffix("\n").removesuffix("\r")
    if not sys.stdin.isatty():
        raise UserError("give the password on standard input with --password-stdin", field="password")
    password: str = typer.prompt("Password", hide_input=True, confirmation_prompt=True)
    return password


@app.command("create-user")
def create_user(
    email: Annotated[str, typer.Argument(metavar="EMAIL", help="The person's email address: they sign in with it.")],
    password_stdin: PasswordStdin = False,
    time_zone: Annotated[str | None, typer.Option("--time-zone", help="e.g. Europe/London.")] = None,
    claim_local: Annotated[
        bool,
        typer.Option(
            "--claim-local", help="Give the single-user installation's data (its local user) to this account."
        ),
    ] = False,
    admin: Annotated[
        bool, typer.Option("--admin", help="Make it an administrator: it manages accounts in the browser.")
    ] = False,
    database_url: DatabaseUrl = None,
) -> None:
    """Create an account with a password (or give the local data an address and password)."""
    from nextround.services import administration

    with _database(database_url) as db:
        password = _password(password_stdin)
        account = administration.create_account(
            db, email, password, time_zone=time_zone, claim_local=claim_local, admin=admin
        )
    role = ", an administrator" if admin else ""
    console().print(f"Account {account.id} created for {safe(account.email)}{role}.")


@app.command("grant-admin")
def grant_admin(
    email: Annotated[str, typer.Argument(metavar="EMAIL", help="The account's email address.")],
    database_url: DatabaseUrl = None,
) -> None:
    """Make an account an administrator: it sees the Accounts page (invite, disable, reset links, roles)."""
    from nextround.services import administration

    with _database(database_url) as db:
        account = administration.set_admin(db, None, administration.by_email(db, email), admin=True)
    console().print(f"{safe(account.email)} is an administrator: the Accounts page is in its menu.")


@app.command("revoke-admin")
def revoke_admin(
    email: Annotated[str, typer.Argument(metavar="EMAIL", help="The account's email address.")],
    database_url: DatabaseUrl = None,
) -> None:
    """Take the administrator role from an account (never from the last enabled administrator)."""
    from nextround.services import administration

    with _database(database_url) as db:
        account = administration.set_admin(db, None, administration.by_email(db, email), admin=False)
    console().print(f"{safe(account.email)} is no longer an administrator.")


@app.command("enable-user")
def enable_user(
    email: Annotated[str, typer.Argument(metavar="EMAIL", help="The account's email address.")],
    database_url: DatabaseUrl = None,
) -> None:
    """Let a disabled account sign in again with its password (its old sessions and tokens stay ended)."""
    from nextround.services import administration

    with _database(database_url) as db:
        account = administration.set_disabled(db, None, administration.by_email(db, email), disabled=False)
    console().print(f"{safe(account.email)} can sign in again.")


@app.command("reset-password")
def reset_password(
    email: Annotated[str, typer.Argument(metavar="EMAIL", help="The account's email address.")],
    password_stdin: PasswordStdin = False,
    database_url: DatabaseUrl = None,
) -> None:
    """Set a new password; the account is signed out everywhere."""
    from nextround.services import accounts, administration

    with _database(database_url) as db:
        account = accounts.reset_password(db, email, _password(password_stdin))
        administration.record_command(db, administration.Action.SET_PASSWORD, account.id)
    console().print(f"New password set for {safe(account.email)}; every session of it has ended.")


@app.command("disable-user")
def disable_user(
    email: Annotated[str, typer.Argument(metavar="EMAIL", help="The account's email address.")],
    database_url: DatabaseUrl = None,
) -> None:
    """Stop an account signing in; its sessions and access tokens stop working at once (its data stays)."""
    from nextround.services import accounts

    with _database(database_url) as db:
        account = accounts.disable_user(db, email)
    console().print(f"{safe(account.email)} is disabled: signed out everywhere, access tokens revoked.")


@app.command("create-token")
def create_token(
    email: Annotated[str, typer.Argument(metavar="EMAIL", help="The account the token acts for.")],
    name: Annotated[str, typer.Option("--name", help="What will use the token.")] = "set-up script",
    database_url: DatabaseUrl = None,
) -> None:
    """Make a personal access token for the JSON API and print it (the only time it is shown)."""
    from nextround.services import accounts, administration

    with _database(database_url) as db:
        account = accounts.find_account(db, email)
        made = accounts.create_token(db, account.id, name)
        administration.record_command(db, administration.Action.CREATE_TOKEN, account.id)
    typer.echo(made.token)


@app.command("invite")
def invite(
    emails: Annotated[list[str], typer.Argument(metavar="EMAIL...", help="Who is invited (one or more addresses).")],
    days: Annotated[int, typer.Option("--days", help="How long the link works.")] = 7,
    base_url: Annotated[str, typer.Option("--base-url", help="The server's address as people reach it.")] = (
        "http://127.0.0.1:8765"
    ),
    database_url: DatabaseUrl = None,
) -> None:
    """Make an invitation link that creates the account (it works once, until it expires; inviting an address
    again replaces its link) and email it when the server's mail is set up (NEXTROUND_SMTP_*); the link is
    printed either way. With several addresses, each line is the address and its link, and every address is
    checked before any invitation is made."""
    from nextround.cli.web import multi_user_settings
    from nextround.services.invitation_mail import NotSent, invite_accounts

    settings = multi_user_settings(database_url)
    with _database(database_url) as db:
        made = invite_accounts(db, settings, None, emails, base_url, days=days)
    for one in made:
        typer.echo(one.url if len(made) == 1 else f"{one.delivery.to}\t{one.url}")
    emailed = [one.delivery.to for one in made if one.delivery.emailed]
    if emailed:
        typer.echo(f"Emailed the invitation to {', '.join(emailed)}.", err=True)
    unsent = [one.delivery for one in made if not one.delivery.emailed]
    if unsent and unsent[0].reason == NotSent.NOT_SET_UP:  # then the same for every address
        to = f"to {unsent[0].to} yourself" if len(made) == 1 else "to each address yourself"
        typer.echo(
            f"Not emailed: no outgoing mail is set up (NEXTROUND_SMTP_HOST and NEXTROUND_SMTP_FROM); "
            f"pass the link on {to}.",
            err=True,
        )
    else:
        for sent in unsent:
            typer.echo(f"Not emailed ({sent.detail}); pass the link on to {sent.to} yourself.", err=True)


def register(root: typer.Typer) -> None:
    """Add `nextround admin`."""
    root.add_typer(app, name="admin")
