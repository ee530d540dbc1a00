"""The `nextround` command. Handlers are thin: parse, call a service, render.

Heavy modules (SQLAlchemy, Alembic, Rich) are imported inside the commands that need them, so that
`nextround --help` and `--version` start quickly.
"""

from __future__ import annotations

import sys
from typing import Annotated, Any

import typer
from typer.core import TyperGroup

from nextround import __version__
from nextround.cli import apps, feedback, insight, keepgoing, network, practice, settings, transfer, web
from nextround.cli.context import workspace
from nextround.cli.output import console, emit_json, error_line, plural
from nextround.errors import UserError


class FriendlyErrors(TyperGroup):
    """Turns anything a user can cause into one line on stderr and exit code 1, never a traceback."""

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except UserError as exc:
            error_line(str(exc))
            raise typer.Exit(1) from None
        except (FileNotFoundError, IsADirectoryError, PermissionError) as exc:
            error_line(f"{exc.strerror}: {exc.filename}")
            raise typer.Exit(1) from None
        except Exception as exc:
            if type(exc).__module__.startswith("sqlalchemy"):
                # A database that is down, locked or full is the user's to fix, not a bug to dump.
                detail = str(getattr(exc, "orig", None) or exc).strip().splitlines()[0]
                error_line(f"database error: {detail}")
                raise typer.Exit(1) from None
            raise


app = typer.Typer(
    cls=FriendlyErrors,
    help="nextround turns a job rejection into the next round.",
    invoke_without_command=True,
    no_args_is_help=False,
    pretty_exceptions_enable=False,
    add_completion=False,
    rich_markup_mode=None,
)
app.add_typer(apps.app, name="app")
app.add_typer(settings.app, name="config")
transfer.register(app)
for pillar in (feedback, insight, practice, network, keepgoing, web):
    pillar.register(app)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"nextround {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    ctx: typer.Context,
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit."),
    ] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the overview as JSON.")] = False,
) -> None:
    """nextround turns a job rejection into the next round.

    Run it without a command for an overview of where your search stands and what to do next.
    """
    if ctx.invoked_subcommand is not None:
        return
    from nextround.services.overview import overview

    ws = workspace(ctx)
    data = overview(ws)
    if as_json:
        emit_json(data)
        return
    _print_overview(data)


def _print_overview(data: dict[str, Any]) -> None:
    out = console()
    out.print(f"[bold]nextround[/bold] {__version__} — data in {data['database']}")
    if data["applications"] == 0:
        out.print("\nNo applications yet. Start with one you have sent:")
        out.print('  nextround app add --company "Acme" --role "Support Engineer" --applied-on "3 days ago"')
        out.print("or bring in your LinkedIn history:  nextround import linkedin Job_Applications.csv")
        return
    out.print(
        f"\n{plural(data['applications'], 'application')}: {data['open']} open, "
        f"{data['closed']} closed. Response rate: {_percent(data['response_rate'])}."
    )
    if data["open_by_stage"]:
        out.print("Open: " + ", ".join(f"{n} {stage}" for stage, n in data["open_by_stage"].items()))
    if data["pattern"]:
        out.print(f"\n{data['pattern']}")
    out.print("\n[bold]Next steps[/bold]")
    for step in data["next_steps"]:
        out.print(f"  • {step['text']}\n    [dim]{step['command']}[/dim]")


def _percent(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.0%}"


@app.command()
def stats(
    ctx: typer.Context,
    as_json: Annotated[bool, typer.Option("--json", help="Print the numbers as JSON.")] = False,
) -> None:
    """The funnel, where rejections happen, response and ghosting rates, by source."""
    from nextround.services.overview import search_stats

    data = search_stats(workspace(ctx))
    if as_json:
        emit_json(data)
        return
    from nextround.cli.render import print_stats

    print_stats(data)


def run() -> None:
    """Console-script entry point."""
    try:
        app(prog_name="nextround")
    except KeyboardInterrupt:
        sys.stderr.write("\ninterrupted\n")
        sys.exit(130)
