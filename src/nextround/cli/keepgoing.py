"""Step 5, keep going: `watch`, `journal`, `effort`, `review` and `view hide-rejected`."""

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from nextround.cli.context import workspace
from nextround.cli.options import JsonFlag, MonthFlag, WeekFlag
from nextround.cli.output import console, emit_json, note_line, plural, safe, write_text

if TYPE_CHECKING:
    from nextround.services.keepgoing import JournalEntry
    from nextround.services.watch import Watch

watch_app = typer.Typer(help="Watch companies' public job boards for new openings.", no_args_is_help=True)
journal_app = typer.Typer(help="A journal, a wins log, and reframing after a rejection.", no_args_is_help=True)
view_app = typer.Typer(help="How everyday views look.", no_args_is_help=True)


def _period(week: bool, month: bool) -> str:
    if week and month:
        raise typer.BadParameter("choose --week or --month, not both")
    return "month" if month else "week"


# -- watch ------------------------------------------------------------------------------------------


def _print_watch(watch: "Watch") -> None:
    board = watch.board_spec or "no board"
    keywords = ", ".join(watch.keywords) or "any title"
    checked = watch.last_checked_at.astimezone().strftime("%Y-%m-%d %H:%M") if watch.last_checked_at else "never"
    line = f"{watch.id:>3}  {safe(watch.company)}  [dim]{safe(board)} · {safe(keywords)} · checked {checked}[/dim]"
    if watch.last_error:
        line += f"\n     [yellow]last error: {safe(watch.last_error)}[/yellow]"
    console().print(line)


@watch_app.command("add")
def watch_add(
    ctx: typer.Context,
    company: Annotated[str, typer.Argument(metavar="COMPANY", help="The company to watch.")],
    board: Annotated[
        str | None,
        typer.Option(
            help="Its careers page on Greenhouse, Lever or Ashby: the address, or greenhouse:TOKEN, lever:SITE, "
            "ashby:NAME."
        ),
    ] = None,
    keywords: Annotated[
        str | None, typer.Option(help="Comma-separated words a title or location must contain (default: any).")
    ] = None,
    as_json: JsonFlag = False,
) -> None:
    """Start watching a company (its board is read only when you run `watch check`)."""
    from nextround.services.watch import add_watch

    watch = add_watch(workspace(ctx), company, board, keywords)
    if as_json:
        emit_json(watch)
        return
    console().print(f"Watching {safe(watch.company)} (id {watch.id}).")
    if not watch.board:
        note_line("No --board given: nothing to check until you add a watch with one.")


@watch_app.command("list")
def watch_list(ctx: typer.Context, as_json: JsonFlag = False) -> None:
    """List watched companies, their boards, keywords and last check."""
    from nextround.services.watch import list_watches

    watches = list_watches(workspace(ctx))
    if as_json:
        emit_json(watches)
        return
    if not watches:
        console().print('No watches yet: nextround watch add "Acme" --board greenhouse:acme --keywords support')
        return
    for watch in watches:
        _print_watch(watch)


@watch_app.command("remove")
def watch_remove(
    ctx: typer.Context,
    watch_id: Annotated[int, typer.Argument(metavar="ID", help="The watch's id (see `watch list`).")],
) -> None:
    """Stop watching a company and forget the postings seen there."""
    from nextround.services.watch import remove_watch

    removed = remove_watch(workspace(ctx), watch_id)
    console().print(f"Stopped watching {safe(removed.company)}.")


@watch_app.command("dismiss")
def watch_dismiss(
    ctx: typer.Context,
    opening_id: Annotated[int, typer.Argument(metavar="ID", help="The opening's id (see `today` or `watch check`).")],
) -> None:
    """Done with a new opening (applied, or not for you): it leaves the agenda."""
    from nextround.services.watch import dismiss_opening

    dismissed = dismiss_opening(workspace(ctx), opening_id)
    console().print(f"Dismissed {safe(dismissed.title)} at {safe(dismissed.company)}.")


@watch_app.command("check")
def watch_check(ctx: typer.Context, as_json: JsonFlag = False) -> None:
    """Read every watched board now and show openings that are new and match the keywords."""
    from nextround.services.watch import check_watches

    report = check_watches(workspace(ctx))
    for warning in report.warnings:
        note_line(f"warning: {warning}")
    if as_json:
        emit_json(report)
        return
    out = console()
    openings = report.openings
    checked = report.checked
    if not report.results:
        out.print('No watches yet: nextround watch add "Acme" --board greenhouse:acme')
        return
    out.print(f"Checked {plural(checked, 'board')}: {plural(len(openings), 'new opening')}.")
    for opening in openings:
        where = f" — {safe(opening.location)}" if opening.location else ""
        out.print(f"  • {safe(opening.company)}: {safe(opening.title)}{where}")
        if opening.url:
            out.print(f"    [dim]{safe(opening.url)}[/dim]")


# -- journal ----------------------------------------------------------------------------------------


def _print_entry(entry: "JournalEntry") -> None:
    when = entry.created_at.astimezone().strftime("%Y-%m-%d %H:%M")
    mood = f" · mood {entry.mood}/5" if entry.mood is not None else ""
    app = f" · app {entry.application_id}" if entry.application_id else ""
    console().print(f"[bold]{entry.kind}[/bold] #{entry.id} [dim]{when}{mood}{app}[/dim]")
    if entry.text:
        console().print(safe(entry.text))


@journal_app.command("add")
def journal_add(
    ctx: typer.Context,
    text: Annotated[str | None, typer.Option(help="What you want to note (default: read from standard input).")] = None,
    mood: Annotated[int | None, typer.Option(help="How you feel, 1 (low) to 5 (good).", min=1, max=5)] = None,
    win: Annotated[bool, typer.Option("--win", help="Log it as a win, however small.")] = False,
    app_id: Annotated[int | None, typer.Option("--app", help="Tie the entry to this application.")] = None,
    as_json: JsonFlag = False,
) -> None:
    """Write a journal entry or log a win."""
    from nextround.services.keepgoing import add_journal

    if text is None and not sys.stdin.isatty():
        from nextround.cli.terminal_input import read_standard_input

        text = read_standard_input("entry")  # the entry's own limit is the service's, after trimming
    entry = add_journal(workspace(ctx), text or "", mood=mood, kind="win" if win else "journal", app_id=app_id)
    if as_json:
        emit_json(entry)
        return
    console().print(f"Saved {'win' if win else 'entry'} #{entry.id}.")


@journal_app.command("list")
def journal_list(
    ctx: typer.Context,
    kind: Annotated[str | None, typer.Option(help="Only journal, win or reframe entries.")] = None,
    limit: Annotated[int, typer.Option(help="How many, newest first.", min=1)] = 20,
    as_json: JsonFlag = False,
) -> None:
    """Show the newest journal entries, wins and reframes."""
    from nextround.services.keepgoing import list_journal

    entries = list_journal(workspace(ctx), kind=kind, limit=limit)
    if as_json:
        emit_json(entries)
        return
    if not entries:
        console().print('Nothing yet. Start with: nextround journal add --mood 3 --text "…"')
        return
    for entry in entries:
        _print_entry(entry)


def _answers_from_file(path: Path) -> dict[str, str]:
    import json

    from nextround.integrations.files import read_text_file
    from nextround.services.keepgoing import JournalError

    try:
        data = json.loads(read_text_file(path))
    except json.JSONDecodeError as exc:
        raise JournalError(f"{path}: not JSON ({exc.msg}, line {exc.lineno})") from None
    if not isinstance(data, dict) or not all(isinstance(v, str) for v in data.values()):
        raise JournalError(
            f'{path}: expected a JSON object like {{"learned": "...", "in_control": "...", "next": "..."}}'
        )
    return {str(k): v for k, v in data.items()}


@journal_app.command("reframe")
def journal_reframe(
    ctx: typer.Context,
    app_id: Annotated[int, typer.Argument(metavar="APP_ID", help="The rejected application.")],
    answers_file: Annotated[
        Path | None,
        typer.Option(help='A JSON file {"learned": ..., "in_control": ..., "next": ...} instead of the prompts.'),
    ] = None,
    mood: Annotated[int | None, typer.Option(help="How you feel now, 1 (low) to 5 (good).", min=1, max=5)] = None,
    as_json: JsonFlag = False,
) -> None:
    """Three short questions after a rejection: what you learned, what is in your control, what is next."""
    from nextround.services.keepgoing import reframe_application, save_reframe

    ws = workspace(ctx)
    if answers_file is not None:
        answers = _answers_from_file(answers_file)
    else:
        app, prompts = reframe_application(ws, app_id)
        out = console()
        out.print(f"[bold]{safe(app.fields.company)}[/bold] — {safe(app.fields.role)}. Skip any question with Enter.")
        answers = {}
        for prompt in prompts:
            answers[prompt.key] = typer.prompt(prompt.question, default="", show_default=False)
    entry = save_reframe(ws, app_id, answers, mood=mood)
    if as_json:
        emit_json(entry)
        return
    console().print(f"Saved reframe #{entry.id}. That was worth doing.")


@journal_app.command("prompts")
def journal_prompts(
    ctx: typer.Context,
    app_id: Annotated[int, typer.Argument(metavar="APP_ID", help="The rejected application.")],
    as_json: JsonFlag = False,
) -> None:
    """Show the reframing questions for a rejected application without answering them."""
    from nextround.services.keepgoing import reframe_application

    _, prompts = reframe_application(workspace(ctx), app_id)
    if as_json:
        emit_json(prompts)
        return
    for prompt in prompts:
        console().print(f"• {safe(prompt.question)}")


# -- effort, review, view ---------------------------------------------------------------------------


def _print_effort(data: dict[str, Any]) -> None:
    from nextround.domain.wording import COUNT_LABELS

    out = console()
    period = data["period"]
    out.print(f"[bold]Effort, {period['start']} to {period['end']}[/bold] (previous period in brackets)")
    for key, label in COUNT_LABELS.items():
        out.print(f"  {label:<22} {data['counts'][key]:>4}  [dim]({data['previous_counts'][key]})[/dim]")
    scores = data["scores"]
    if scores["gain"] is not None:
        out.print(f"  Practice score change  {scores['gain']:+g} (average {scores['average']})")
    streak = data["streak"]
    out.print(
        f"\nActive on {data['active_days']} of {period['days']} days. Streak: {streak['current']} "
        f"(best {streak['best']}; one missed day is forgiven)."
    )
    out.print("\n[bold]Next week[/bold]")
    for step in data["plan"]:
        out.print(f"  • {safe(step['text'])}\n    [dim]{safe(step['command'])}[/dim]")


def _with_commands(data: dict[str, Any]) -> dict[str, Any]:
    """The plan's steps with the command line that does each (for `--json` and the Markdown review)."""
    from nextround.cli.actions import command_line
    from nextround.domain.actions import Action

    plan = [{**step, "command": command_line(Action.from_dict(step["action"]))} for step in data["plan"]]
    return {**data, "plan": plan}


def effort_command(
    ctx: typer.Context,
    week: WeekFlag = False,
    month: MonthFlag = False,
    as_json: JsonFlag = False,
) -> None:
    """Progress counted in effort and learning: what you did, your streak, and a plan."""
    from nextround.serialize import json_object
    from nextround.services.keepgoing import effort

    # The text reads the same names as the JSON, with the command that does each step of the plan.
    data = _with_commands(json_object(effort(workspace(ctx), _period(week, month))))
    if as_json:
        emit_json(data)
        return
    _print_effort(data)


def review_command(
    ctx: typer.Context,
    week: WeekFlag = False,
    month: MonthFlag = False,
    fmt: Annotated[str, typer.Option("--format", help="md (Markdown) or html (a self-contained page).")] = "md",
    output: Annotated[Path | None, typer.Option(help="Write the review to this file instead of printing it.")] = None,
    as_json: JsonFlag = False,
) -> None:
    """A weekly or monthly review: what was done, the funnel, scores, themes, goals, contacts and a plan."""
    from nextround.cli.actions import command_line
    from nextround.cli.review import render_review_markdown
    from nextround.serialize import json_object
    from nextround.services.keepgoing import review
    from nextround.web.review_document import render_review_html

    fmt = fmt.strip().lower()
    if fmt not in ("md", "html"):
        raise typer.BadParameter("--format must be md or html")
    result = review(workspace(ctx), _period(week, month))
    if as_json:
        emit_json(_with_commands(json_object(result)))
        return
    text = render_review_html(result) if fmt == "html" else render_review_markdown(result, command_line)
    if output is None:
        write_text(text)
        return
    from nextround.integrations.files import write_text_atomically

    output.expanduser().parent.mkdir(parents=True, exist_ok=True)
    write_text_atomically(output, text)
    note_line(f"Wrote {output}")


@view_app.command("hide-rejected")
def view_hide_rejected(
    ctx: typer.Context,
    state: Annotated[
        str | None, typer.Argument(metavar="on|off", help="Turn hiding on or off; omit to show it.")
    ] = None,
    as_json: JsonFlag = False,
) -> None:
    """Hide rejected applications from everyday views (stats and reviews still count them)."""
    from nextround.services.keepgoing import hide_rejected, set_hide_rejected

    ws = workspace(ctx)
    if state is None:
        on = hide_rejected(ws)
    else:
        value = state.strip().lower()
        if value not in ("on", "off"):
            raise typer.BadParameter("say on or off")
        on = set_hide_rejected(ws, value == "on")
    if as_json:
        emit_json({"hide_rejected": on})
        return
    console().print(f"Rejected applications are {'hidden from' if on else 'shown in'} everyday views.")


def register(app: typer.Typer) -> None:
    """Add the keep-going pillar's commands to the root app."""
    app.add_typer(watch_app, name="watch")
    app.add_typer(journal_app, name="journal")
    app.add_typer(view_app, name="view")
    app.command("effort")(effort_command)
    app.command("review")(review_command)
