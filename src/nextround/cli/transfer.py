"""`nextround import/export/backup/restore`: bring history in, take it out, keep it safe."""

from pathlib import Path
from typing import Annotated

import typer

from nextround.cli.context import workspace
from nextround.cli.options import FileArgument, JsonFlag
from nextround.cli.output import console, emit_json, note_line, plural, safe, write_text

import_app = typer.Typer(help="Import applications: LinkedIn's export, another tracker's CSV, a nextround JSON export.")


def _report(report: object, as_json: bool, path: Path) -> None:
    from nextround.domain.wording import coaching_left_out, imported_beside
    from nextround.services.transfer import ImportReport

    assert isinstance(report, ImportReport)
    if as_json:
        emit_json(report)
        return
    skipped = f"; {plural(report.duplicates, 'duplicate')} already there, skipped" if report.duplicates else ""
    console().print(f"Imported {plural(report.added, 'application')} from {safe(path.name)}{skipped}.")
    # An export brings more than applications: a later export of the same search adds only those.
    also = imported_beside(report.others_added or {})
    if also:
        console().print(f"Also added: {also}.")
    if report.coaching_left_out:
        console().print(coaching_left_out(report.coaching_left_out))


@import_app.command("linkedin")
def import_linkedin(
    ctx: typer.Context,
    path: FileArgument,
    as_json: JsonFlag = False,
) -> None:
    """LinkedIn's "Job Applications" export (Settings → Data privacy → Get a copy of your data)."""
    from nextround.integrations.tabular import read_linkedin
    from nextround.services.transfer import import_applications

    ws = workspace(ctx)
    items = read_linkedin(path, max_bytes=ws.settings.max_import_bytes, tz=ws.now().tzinfo)
    _report(import_applications(ws, items), as_json, path)


@import_app.command("csv")
def import_csv(
    ctx: typer.Context,
    path: FileArgument,
    map_: Annotated[
        list[str] | None,
        typer.Option("--map", help="field=Column, when a header is not recognised (repeatable)."),
    ] = None,
    as_json: JsonFlag = False,
) -> None:
    """Any tracker's CSV export; common column names are recognised, others mapped with --map."""
    from nextround.integrations.tabular import read_generic_csv
    from nextround.services.transfer import import_applications

    overrides: dict[str, str] = {}
    for item in map_ or []:
        target, sep, column = item.partition("=")
        if not sep or not target.strip() or not column.strip():
            raise typer.BadParameter(f"--map takes field=Column, not {item!r}")
        overrides[target.strip()] = column.strip()
    ws = workspace(ctx)
    now = ws.now()
    items = read_generic_csv(
        path, max_bytes=ws.settings.max_import_bytes, tz=now.tzinfo, today=now.date(), overrides=overrides
    )
    _report(import_applications(ws, items), as_json, path)


@import_app.command("json")
def import_json(
    ctx: typer.Context,
    path: FileArgument,
    as_json: JsonFlag = False,
) -> None:
    """A nextround JSON export; what is already here is kept and not duplicated."""
    from nextround.services.transfer import import_data, read_export

    ws = workspace(ctx)
    _report(import_data(ws, read_export(path, ws.settings.max_import_bytes)), as_json, path)


def export(
    ctx: typer.Context,
    path: FileArgument,
    format_: Annotated[str, typer.Option("--format", help="json (everything, lossless) or csv.")] = "json",
) -> None:
    """Write everything out: JSON to move or keep it, CSV as proof of applications with dates.

    FILE `-` writes to standard output (`nextround export - | jq .tables.goals`).
    """
    from nextround.integrations.files import write_text_atomically
    from nextround.services.transfer import export_csv_text, export_json_text

    ws = workspace(ctx)
    if format_ == "json":
        text, count = export_json_text(ws)
    elif format_ == "csv":
        text, count = export_csv_text(ws)
    else:
        raise typer.BadParameter(f"unknown format {format_!r}; use json or csv", param_hint="--format")
    if str(path) == "-":  # it wrote a file named '-'; the line saying so goes to stderr, off the data
        write_text(text)
        note_line(f"Exported {plural(count, 'application')} to standard output.")
        return
    write_text_atomically(path, text)
    console().print(f"Exported {plural(count, 'application')} to {safe(str(path))}.")


def backup(ctx: typer.Context, path: FileArgument) -> None:
    """Copy the whole database to FILE (an SQLite copy; a JSON export on PostgreSQL)."""
    from nextround.services.transfer import backup as run_backup

    kind = run_backup(workspace(ctx), path)
    console().print(f"Backed up to {safe(str(path))} ({kind}).")


def restore(
    ctx: typer.Context,
    path: FileArgument,
    yes: Annotated[bool, typer.Option("--yes", help="Do not ask for confirmation.")] = False,
) -> None:
    """Replace your data with a backup made by `nextround backup` (or a JSON export)."""
    from nextround.services.transfer import check_backup
    from nextround.services.transfer import restore as run_restore

    ws = workspace(ctx)
    if not yes:
        check_backup(ws, path)  # a file that cannot be restored is said before the question, not after it
        typer.confirm("Replace all your current data with this backup?", abort=True)
    kind = run_restore(ws, path)
    console().print(f"Restored from {safe(str(path))} ({kind}).")


def register(app: typer.Typer) -> None:
    app.add_typer(import_app, name="import")
    app.command("export")(export)
    app.command("backup")(backup)
    app.command("restore")(restore)
