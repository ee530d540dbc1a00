"""The `nextround` command. Handlers are thin: parse, call a service, render.

Heavy modules (SQLAlchemy, Alembic, Rich) are imported inside the commands that need them, so that
`nextround --help` and `--version` start quickly.
"""

import importlib
import os
import signal
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

INTERRUPTED = "interrupted: nothing unfinished was saved"


def _interrupted_while_starting(_signum: int, _frame: object) -> None:
    # Nothing is open or written yet: say so and stop, instead of a traceback from whichever import ran.
    os.write(2, f"\n{INTERRUPTED}\n".encode())
    os._exit(130)


def _interrupted(_signum: int, _frame: object) -> None:
    # The command unwinds as on any error (a transaction rolls back, a file written aside is not moved into
    # place); a second Ctrl-C must not cut that short.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    raise KeyboardInterrupt


def _started_as_the_command() -> bool:
    """Run as the `nextround` console script or `python -m nextround`, not imported by another program."""
    started = Path(sys.argv[0]) if sys.argv and sys.argv[0] else Path()
    return started.name == "nextround" or started.parts[-2:] == ("nextround", "__main__.py")


if _started_as_the_command() and signal.getsignal(signal.SIGINT) is signal.default_int_handler:
    signal.signal(signal.SIGINT, _interrupted_while_starting)

import typer  # noqa: E402
from typer.core import TyperGroup  # noqa: E402

from nextround import __version__  # noqa: E402
from nextround.cli.context import workspace  # noqa: E402
from nextround.cli.options import JsonFlag  # noqa: E402
from nextround.cli.output import console, emit_json, error_line, plural, safe  # noqa: E402
from nextround.errors import UserError  # noqa: E402

if TYPE_CHECKING:
    from nextround.services.overview import Overview


class FriendlyErrors(TyperGroup):
    """Turns anything a user can cause into one line on stderr and exit code 1, never a traceback.

    Also lists the commands under the five steps: help is plain text (no Rich, for a quick start), where Typer
    would ignore each command's `rich_help_panel`, so the panels are printed here.
    """

    def format_commands(self, ctx: Any, formatter: Any) -> None:
        commands = [(name, self.get_command(ctx, name)) for name in self.list_commands(ctx)]
        shown = [(name, command) for name, command in commands if command is not None and not command.hidden]
        if not shown:
            return
        limit = formatter.width - 6 - max(len(name) for name, _ in shown)
        panels: dict[str, list[tuple[str, str]]] = {}
        for name, command in shown:
            panel = getattr(command, "rich_help_panel", None) or "Commands"
            panels.setdefault(panel, []).append((name, command.get_short_help_str(limit)))
        for panel in sorted(panels, key=lambda name: PANELS.index(name) if name in PANELS else len(PANELS)):
            with formatter.section(panel):
                formatter.write_dl(panels[panel])

    def invoke(self, ctx: Any) -> Any:
        args = [*ctx._protected_args, *ctx.args]  # the command line below the root, before it is consumed
        if ctx.params.get("as_json") and args:
            _refuse_json_where_none(self, ctx, args)
        try:
            return super().invoke(ctx)
        except KeyboardInterrupt:
            _say_interrupted()
            raise typer.Exit(130) from None
        except typer.Abort as exc:
            if not isinstance(exc.__context__, KeyboardInterrupt):  # end of input at a question: "Aborted!"
                raise
            _say_interrupted()  # Ctrl-C at a question (click turns it into Abort)
            raise typer.Exit(130) from None
        except UserError as exc:
            from nextround.cli.errors import error_lines

            for line in error_lines(exc, self, ctx, args):
                error_line(line)
            raise typer.Exit(1) from None
        except BrokenPipeError:
            raise
        except OSError as exc:  # a missing file, no permission, a full or read-only disk
            error_line(f"{exc.strerror or exc}: {exc.filename}" if exc.filename else str(exc.strerror or exc))
            raise typer.Exit(1) from None
        except OverflowError:  # a number too large for the database (SQLite raises this before SQLAlchemy sees it)
            error_line("a number given is out of range")
            raise typer.Exit(1) from None
        except Exception as exc:
            if type(exc).__module__.startswith(("sqlalchemy", "sqlite3")):
                # A database that is down, locked or full is the user's to fix, not a bug to dump.
                detail = str(getattr(exc, "orig", None) or exc).strip().splitlines()[0]
                error_line(f"database error: {detail}")
                raise typer.Exit(1) from None
            raise


def _root() -> typer.Typer:
    return typer.Typer(
        cls=FriendlyErrors,
        help="nextround turns a job rejection into the next round.",
        invoke_without_command=True,
        no_args_is_help=False,
        pretty_exceptions_enable=False,
        add_completion=True,  # --install-completion and --show-completion for bash, zsh, fish, PowerShell
        rich_markup_mode=None,
    )


# `nextround --help` lists the commands under the five steps, in this order (Typer's `rich_help_panel`).
PANELS: tuple[str, ...] = (
    "Track applications",
    "1 Seek feedback",
    "2 Analyse and reflect",
    "3 Practise",
    "4 Network",
    "5 Keep going",
    "Data and settings",
)
COMMAND_PANELS: dict[str, str] = {
    "serve": "Track applications",
    "app": "Track applications",
    "today": "Track applications",
    "stats": "Track applications",
    "interview": "Track applications",
    "calendar": "Track applications",
    "mail": "Track applications",
    "feedback": "1 Seek feedback",
    "reflect": "2 Analyse and reflect",
    "insights": "2 Analyse and reflect",
    "gaps": "2 Analyse and reflect",
    "cv": "2 Analyse and reflect",
    "goal": "2 Analyse and reflect",
    "analyze": "2 Analyse and reflect",
    "practice": "3 Practise",
    "questions": "3 Practise",
    "progress": "3 Practise",
    "ai": "3 Practise",
    "contact": "4 Network",
    "nudge": "4 Network",
    "company": "4 Network",
    "watch": "5 Keep going",
    "journal": "5 Keep going",
    "effort": "5 Keep going",
    "review": "5 Keep going",
    "import": "Data and settings",
    "export": "Data and settings",
    "backup": "Data and settings",
    "restore": "Data and settings",
    "config": "Data and settings",
    "view": "Data and settings",
    "admin": "Data and settings",
}
# One example per top-level command, printed at the end of its help. A test runs each with --help appended,
# so every command and option named here exists.
COMMAND_EXAMPLES: dict[str, str] = {
    "serve": "nextround serve --demo",
    "app": 'nextround app add --company "Acme" --role "Support Engineer" --applied-on "3 days ago"',
    "today": "nextround today",
    "stats": "nextround stats --json",
    "interview": 'nextround interview add 3 --on "next tuesday 14:00" --kind video',
    "calendar": "nextround calendar export interviews.ics",
    "mail": "nextround mail import Takeout.mbox",
    "feedback": "nextround feedback draft 3",
    "reflect": "nextround reflect 3",
    "insights": "nextround insights",
    "gaps": "nextround gaps --limit 5",
    "cv": 'nextround cv add my-cv.txt --name "Support CV" --primary',
    "goal": "nextround goal add --from-theme communication --target 3",
    "analyze": "nextround analyze match --jd-file job.txt --cv-file my-cv.txt",
    "practice": "nextround practice --count 3",
    "questions": "nextround questions list",
    "progress": "nextround progress",
    "ai": "nextround ai enable",
    "contact": 'nextround contact add --name "Dana Whitcombe" --company "Talent Bridge"',
    "nudge": "nextround nudge list",
    "company": 'nextround company reapply-after "Acme" "in 6 months"',
    "watch": 'nextround watch add "Acme" --board greenhouse:acme --keywords "support, success"',
    "journal": 'nextround journal add --text "Sent two applications" --win',
    "effort": "nextround effort --month",
    "review": "nextround review --week",
    "import": "nextround import linkedin Job_Applications.csv",
    "export": "nextround export my-search.json",
    "backup": "nextround backup nextround-backup.sqlite",
    "restore": "nextround restore nextround-backup.sqlite",
    "config": "nextround config list",
    "view": "nextround view hide-rejected on",
    "admin": "nextround admin create-user ada@example.org --password-stdin",
}
# The pillar modules under nextround.cli, in the order `nextround --help` lists their commands.
PILLARS: tuple[str, ...] = (
    "apps",
    "settings",
    "transfer",
    "feedback",
    "insight",
    "practice",
    "network",
    "keepgoing",
    "web",
    "mail",
    "ai",
    "admin",
)


def _register(root: typer.Typer, pillar: str) -> None:
    module = importlib.import_module(f"nextround.cli.{pillar}")
    if pillar == "apps":
        root.add_typer(module.app, name="app")
    elif pillar == "settings":
        root.add_typer(module.app, name="config")
    else:
        module.register(root)


def _label(root: typer.Typer) -> typer.Typer:
    """Each top-level command gets its step (panel) and its example, the same in every way the app is built."""
    from typer.main import get_command_name

    infos: list[Any] = [*root.registered_commands, *root.registered_groups]
    for info in infos:
        name: str = info.name if isinstance(info.name, str) else get_command_name(info.callback.__name__)
        info.rich_help_panel = COMMAND_PANELS.get(name)
        if name in COMMAND_EXAMPLES:
            info.epilog = f"\b\nExample:\n  {COMMAND_EXAMPLES[name]}"
    return root


def build_app() -> typer.Typer:
    """The whole command line. Its modules import what a command needs inside the command, so building
    every command costs little: bench/README.md has the figures."""
    root = _root()
    root.callback()(main)
    root.command("stats")(stats)
    for pillar in PILLARS:
        _register(root, pillar)
    return _label(root)


def _help_only_app(listing: list[tuple[str, bool, str]]) -> typer.Typer:
    """The root with stand-ins that only carry each command's help: enough to print `nextround --help`."""
    root = _root()
    root.callback()(main)

    def stand_in() -> None:  # pragma: no cover - never invoked: a named command loads the real one
        raise typer.Exit(2)

    for name, is_group, text in listing:
        if is_group:
            root.add_typer(typer.Typer(help=text), name=name)
        else:
            root.command(name, help=text)(stand_in)
    return _label(root)


def _refuse_json_where_none(root: Any, ctx: Any, args: list[str]) -> None:
    """`nextround --json backup ...`: backup prints no JSON, so say so rather than print text to a parser."""
    from nextround.cli.errors import leaf_command

    command = leaf_command(root, ctx, args)
    if hasattr(command, "commands") or any("--json" in getattr(p, "opts", ()) for p in command.params):
        return
    error_line(f"`{command.name}` prints no JSON: run it without --json")
    raise typer.Exit(2)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"nextround {__version__}")
        raise typer.Exit()


def main(
    ctx: typer.Context,
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit."),
    ] = False,
    as_json: JsonFlag = False,
) -> None:
    """nextround turns a job rejection into the next round.

    Run it without a command for an overview of where your search stands and what to do next.
    """
    if ctx.invoked_subcommand is not None:
        return
    from nextround.services.overview import overview

    ws = workspace(ctx)
    result = overview(ws)
    if as_json:
        emit_json(_overview_json(result))
        return
    _print_overview(result)


def _overview_json(result: "Overview") -> dict[str, Any]:
    from nextround.cli.actions import command_line
    from nextround.serialize import to_json

    data = to_json(result)
    assert isinstance(data, dict)
    data["next_steps"] = [
        {"text": step.text, "command": command_line(step.action), "action": step.action.to_dict()}
        for step in result.next_steps
    ]
    return data


def _print_overview(result: "Overview") -> None:
    data = _overview_json(result)
    out = console()
    out.print(f"[bold]nextround[/bold] {__version__} — data in {data['database']}")
    if data["applications"] == 0:
        out.print("\nNo applications yet. Start with one you have sent:")
        out.print('  nextround app add --company "Acme" --role "Support Engineer" --applied-on "3 days ago"')
        out.print("or bring in your LinkedIn history:  nextround import linkedin Job_Applications.csv")
        # Most people would rather click: the same product is one command away in the browser.
        out.print("\nOr do all of it in your browser:  nextround serve")
        return
    out.print(
        f"\n{plural(data['applications'], 'application')}: {data['open']} open, "
        f"{data['closed']} closed{', ' + str(data['accepted']) + ' accepted' if data['accepted'] else ''}. "
        f"Response rate: {_percent(data['response_rate'])}."
    )
    if data["open_by_stage"]:
        out.print("Open: " + ", ".join(f"{n} {stage}" for stage, n in data["open_by_stage"].items()))
    if data["pattern"]:
        out.print(f"\n{data['pattern']}")
    out.print("\n[bold]Next steps[/bold]")
    for step in data["next_steps"]:
        out.print(f"  • {safe(step['text'])}\n    [dim]{safe(step['command'])}[/dim]")


def _percent(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.0%}"


def stats(
    ctx: typer.Context,
    as_json: JsonFlag = False,
) -> None:
    """The funnel, where rejections happen, response and ghosting rates, by source."""
    from nextround.services.overview import search_stats

    data = search_stats(workspace(ctx))
    if as_json:
        emit_json(data)
        return
    from nextround.cli.render import print_stats

    print_stats(data)


def _first_command(argv: list[str]) -> str | None:
    """The command named on the line: root options are flags, so it is the first word without a dash."""
    for arg in argv:
        if arg == "--":
            return None
        if not arg.startswith("-"):
            return arg
    return None


def run() -> None:
    """Console-script entry point: the whole command line, or a stand-in that only lists the commands."""
    # Only the voice extra loads numpy now (the analysers run on nextround.analysis.vectors); for its small
    # arrays OpenBLAS's thread pool costs far more than it saves on a busy machine. One BLAS thread unless
    # the user chose otherwise; read when numpy first loads.
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    if signal.getsignal(signal.SIGINT) in (signal.default_int_handler, _interrupted_while_starting):
        signal.signal(signal.SIGINT, _interrupted)
    try:
        from nextround.cli.terminal_input import command_line_text, read_standard_input_leniently

        read_standard_input_leniently()
        argv = command_line_text(sys.argv[1:])
        command = _first_command(argv)
        if command is None and any(arg in ("--help", "-h") for arg in argv):
            # Printing the list of commands needs only their names and help lines: a third of the time.
            from nextround.cli.listing import COMMAND_LISTING

            cli = _help_only_app(COMMAND_LISTING)
        else:
            cli = build_app()
        cli(args=argv, prog_name="nextround")
    except KeyboardInterrupt:  # before a command ran, or where Typer lets it through
        _say_interrupted()
        sys.exit(130)


def _say_interrupted() -> None:
    """One line on stderr, on a line of its own after the terminal's ^C."""
    sys.stderr.write(f"\n{INTERRUPTED}\n" if sys.stderr.isatty() else f"{INTERRUPTED}\n")
    sys.stderr.flush()


app: typer.Typer  # the full command line, built on first access (below)


def __getattr__(name: str) -> Any:
    # `from nextround.cli.main import app` (tests, docs checks, other tools) gets the full command line.
    if name == "app":
        global app
        app = build_app()
        return app
    raise AttributeError(name)
