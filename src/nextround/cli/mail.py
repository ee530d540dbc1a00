"""`nextround mail`: read rejections, invitations and replies from mail and propose tracker changes."""

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from nextround.cli.context import workspace
from nextround.cli.options import or_root_json
from nextround.cli.output import console, note_line, plural

if TYPE_CHECKING:
    from nextround.services.mail_inbox import MailRun, ProposedChange

mail_app = typer.Typer(
    help="Read job mail (an export or an IMAP folder) and propose changes to your applications.",
    no_args_is_help=True,
)

JsonLinesFlag = Annotated[
    bool, typer.Option("--json", help="Print one JSON object per message read.", callback=or_root_json)
]
ApplyFlag = Annotated[
    bool,
    typer.Option(
        "--apply/--dry-run",
        help="Apply the proposed changes (each message in its own transaction). The default only shows them.",
    ),
]


def register(root: typer.Typer) -> None:
    root.add_typer(mail_app, name="mail")


@mail_app.command("import")
def import_(
    ctx: typer.Context,
    path: Annotated[
        Path, typer.Argument(metavar="PATH", help="An .mbox file, a Maildir, a folder of .eml files, or one .eml.")
    ],
    apply: ApplyFlag = False,
    as_json: JsonLinesFlag = False,
) -> None:
    """Read a mail export and show what it means for your applications; --apply makes the changes."""
    from nextround.integrations.mail_read import read_path
    from nextround.services.mail_inbox import apply_all, ensure_enabled, read_and_propose

    ws = workspace(ctx)
    ensure_enabled(ws)
    report = read_path(path)
    run = read_and_propose(ws, report.messages, report.unreadable)
    if apply:
        apply_all(ws, run, origin="import")
    _show(run, as_json, applied=apply)


@mail_app.command("sync")
def sync_(
    ctx: typer.Context,
    folder: Annotated[
        str | None, typer.Option(help="The IMAP folder (default NEXTROUND_IMAP_FOLDER or INBOX).")
    ] = None,
    since: Annotated[str | None, typer.Option(help="Only mail from this date on, e.g. 2024-09-01.")] = None,
    before: Annotated[str | None, typer.Option(help="Only mail before this date.")] = None,
    from_start: Annotated[
        bool, typer.Option("--from-start", help="Read the whole folder again, not only mail since the last sync.")
    ] = False,
    apply: ApplyFlag = False,
    as_json: JsonLinesFlag = False,
) -> None:
    """Read new mail from an IMAP folder, read-only (the mailbox connected on the Settings page, else
    NEXTROUND_IMAP_HOST, _USER and _PASSWORD or the keyring)."""
    from dataclasses import replace

    from nextround.cli.context import day
    from nextround.services.mail_inbox import SyncMode, ensure_enabled, mailbox_settings, sync

    ws = workspace(ctx)
    ensure_enabled(ws)
    settings = mailbox_settings(ws)
    if folder:
        settings = replace(settings, folder=folder)
    run = sync(
        ws,
        settings,
        mode=SyncMode.APPLY if apply else SyncMode.DRY_RUN,
        since=day(since, ws),
        before=day(before, ws),
        from_start=from_start,
    )
    _show(run, as_json, applied=apply)
    note_line(f"{settings.account} {settings.folder}: {plural(run.new_messages, 'new message')}.")


def _esc(text: object) -> str:
    from rich.markup import escape

    return escape(" ".join(str(text).split()))


def _show(run: "MailRun", as_json: bool, *, applied: bool) -> None:
    if as_json:
        import sys

        from nextround.serialize import dumps

        for proposal in run.proposals:
            sys.stdout.write(dumps(proposal) + "\n")
    else:
        _table(run)
    _summary(run, applied)


def _table(run: "MailRun") -> None:
    rows = [p for p in run.proposals if p.kind.value != "not_job" and not p.status.startswith("already_")]
    if not rows:
        return
    from rich.table import Table

    table = Table(show_lines=False, pad_edge=False)
    for name in ("date", "from", "subject", "kind", "application", "proposed changes"):
        table.add_column(name)
    for p in rows:
        where = f"#{p.application_id} " if p.application_id else "new? " if p.changes else "? "
        changes = "; ".join(_describe(c) for c in p.changes) or "nothing to change"
        table.add_row(
            f"{p.sent_at:%Y-%m-%d}" if p.sent_at else "—",
            _esc(p.sender)[:40],
            _esc(p.subject)[:50],
            p.kind.value,
            _esc(f"{where}{p.company} — {p.role}".strip(" —"))[:50],
            _esc(changes),
        )
    console().print(table)


def _describe(change: "ProposedChange") -> str:
    when = f" on {change.at:%Y-%m-%d %H:%M}" if change.at else ""
    action = change.action.value
    if action == "create_application":
        return f"add application {change.company} — {change.role}{when}"
    if action == "move_stage":
        return f"move to {change.stage}{when}"
    if action == "add_interview":
        return f"add {change.stage or 'interview'}{when}"
    if action == "close_rejected":
        return f"rejected at {change.stage}{when}"
    if change.request_id:
        return f"record the feedback (answers request {change.request_id})"
    return "keep its reasons as feedback, if it gives any"


def _summary(run: "MailRun", applied: bool) -> None:
    job = sum(1 for p in run.proposals if p.kind.value != "not_job" and not p.status.startswith("already_"))
    with_changes = sum(1 for p in run.proposals if p.changes and p.status in ("new", "pending"))
    parts = [
        f"read {plural(run.read, 'message')}",
        f"{job} about a job",
        f"{run.not_job} not",
    ]
    if run.already_seen:
        parts.append(f"{run.already_seen} applied or dismissed before")
    if run.unreadable:
        parts.append(f"{run.unreadable} unreadable, skipped")
    note_line(", ".join(parts) + ".")
    if applied:
        note_line(f"Applied {plural(run.applied, 'message')}.")
        for message_id, error in run.failed:
            note_line(f"not applied {message_id}: {error}")
    elif with_changes:
        note_line(
            f"Nothing changed yet: {plural(with_changes, 'message')} would change your applications; "
            "run again with --apply to apply them."
        )
