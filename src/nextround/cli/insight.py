"""Step 2, analyse and reflect: `cv`, `gaps`, `reflect`, `insights`, `goal` and `analyze match`."""

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from nextround.cli.context import day, workspace
from nextround.cli.errors import hint_for
from nextround.cli.options import AiFlag, JsonFlag
from nextround.cli.output import console, emit_json, json_text, note_line, plural, safe, write_text

if TYPE_CHECKING:
    from nextround.domain.goals import Goal
    from nextround.services.insight import Reflection, ReflectionQuestion
    from nextround.services.workspace import Workspace


cv_app = typer.Typer(help="Keep the CVs that matches and skill gaps are measured against.", no_args_is_help=True)
goal_app = typer.Typer(help="Goals that turn a theme or a skill gap into something measurable.", no_args_is_help=True)


def _ws(ctx: typer.Context) -> "Workspace":
    return workspace(ctx)


# -- cv ----------------------------------------------------------------------------------------


@cv_app.command("add")
def cv_add(
    ctx: typer.Context,
    file: Annotated[Path, typer.Argument(metavar="FILE", help="The CV: .txt, .md, .pdf or .docx.")],
    name: Annotated[str | None, typer.Option(help="A name to tell CVs apart (default: the file name).")] = None,
    primary: Annotated[bool, typer.Option("--primary", help="Make it the CV used by default.")] = False,
    as_json: JsonFlag = False,
) -> None:
    """Store the text of a CV (the first one becomes the primary CV)."""
    from nextround.services.insight import add_cv

    added = add_cv(_ws(ctx), file, name=name, primary=primary)
    if as_json:
        emit_json(added)
        return
    star = " (primary)" if added.is_primary else ""
    console().print(f"Added CV {added.id}: {safe(added.name)}{star}, {added.chars} characters of text.")


@cv_app.command("list")
def cv_list(ctx: typer.Context, as_json: JsonFlag = False) -> None:
    """List stored CVs."""
    from nextround.services.insight import list_cvs

    cvs = list_cvs(_ws(ctx))
    if as_json:
        emit_json(cvs)
        return
    if not cvs:
        console().print("No CVs yet. Add one: nextround cv add my-cv.pdf")
        return
    from rich.table import Table

    table = Table("id", "name", "file", "primary", "chars", "added")
    for cv in cvs:
        table.add_row(
            str(cv.id),
            safe(cv.name),
            safe(cv.filename),
            "yes" if cv.is_primary else "",
            str(cv.chars),
            cv.created_at.date().isoformat(),
        )
    console().print(table)


@cv_app.command("show")
def cv_show(
    ctx: typer.Context,
    cv_id: Annotated[int, typer.Argument(metavar="ID", help="The CV's id.")],
    as_json: JsonFlag = False,
) -> None:
    """Show a CV's text and the skills recognised in it."""
    from nextround.services.insight import get_cv

    cv = get_cv(_ws(ctx), cv_id)
    if as_json:
        emit_json(cv)
        return
    out = console()
    star = " (primary)" if cv.is_primary else ""
    out.print(f"[bold]{safe(cv.name)}[/bold]{star} — {safe(cv.filename)}")
    out.print("Skills: " + (safe(", ".join(cv.skills)) if cv.skills else "none recognised"))
    out.print()
    out.print(safe(cv.text))


@cv_app.command("remove")
def cv_remove(
    ctx: typer.Context,
    cv_id: Annotated[int, typer.Argument(metavar="ID", help="The CV's id.")],
    as_json: JsonFlag = False,
) -> None:
    """Delete a stored CV."""
    from nextround.services.insight import remove_cv

    removed = remove_cv(_ws(ctx), cv_id)
    if as_json:
        emit_json(removed)
        return
    console().print(f"Removed CV {removed.id}: {safe(removed.name)}.")


@cv_app.command("primary")
def cv_primary(
    ctx: typer.Context,
    cv_id: Annotated[int, typer.Argument(metavar="ID", help="The CV's id.")],
    as_json: JsonFlag = False,
) -> None:
    """Make a CV the primary one (used by `analyze match` without --cv-file)."""
    from nextround.services.insight import set_primary_cv

    chosen = set_primary_cv(_ws(ctx), cv_id)
    if as_json:
        emit_json(chosen)
        return
    console().print(f"CV {chosen.id} ({safe(chosen.name)}) is now the primary CV.")


# -- gaps --------------------------------------------------------------------------------------


def gaps(
    ctx: typer.Context,
    limit: Annotated[int, typer.Option(help="How many skills to show.")] = 10,
    as_json: JsonFlag = False,
) -> None:
    """Skills the jobs that turned you down asked for and your CVs do not show, weighted by stage reached."""
    from nextround.services.insight import skill_gaps

    data = skill_gaps(_ws(ctx), limit=limit)
    if as_json:
        emit_json(data)
        return
    out = console()
    if data.applications == 0:
        out.print("No rejected applications with a job description yet; add one with `app edit ID --jd-file F`.")
        return
    out.print(
        f"From {plural(data.applications, 'rejected application')} with a job description, "
        f"against {plural(data.cvs, 'CV')}:"
    )
    if not data.gaps:
        out.print("No required skill is missing from your CVs. The gap is elsewhere: try `nextround insights`.")
    for gap in data.gaps:
        jobs = plural(gap.jobs, "job")
        sure = f", {round(100 * gap.confidence)}% sure"
        out.print(f"  • [bold]{safe(gap.skill)}[/bold] — {jobs}, weight {gap.weight:g}{sure}")
        out.print(f"    [dim]Asked: {safe(gap.example)}[/dim]")
        if gap.reason and gap.reason != "no CV clause shows it":
            out.print(f"    [dim]Why: {safe(gap.reason)}[/dim]")
        if gap.closest_cv_text:
            out.print(f"    [dim]Closest in your CV: {safe(gap.closest_cv_text)}[/dim]")
    if data.without_job_description:
        note_line(f"{plural(data.without_job_description, 'rejection')} had no job description and did not count.")


# -- reflect -----------------------------------------------------------------------------------


def _ask(question: "ReflectionQuestion") -> dict[str, Any]:
    """One question: a rating (asked again until it is 1-5), then a few words; earlier answers are the defaults."""
    from nextround.domain.reflection import ReflectionError, validate_answer

    write_text(f"\n{question.question}\n  ({question.scale})\n")
    while True:
        rating = typer.prompt("  Rating 1-5", default=question.rating, type=int)
        try:
            validate_answer(question.key, rating)
            break
        except ReflectionError as exc:
            note_line(f"  {exc}")
    while True:
        text = typer.prompt("  In a few words", default=question.text or "", show_default=False)
        try:
            return validate_answer(question.key, rating, text).to_dict()
        except ReflectionError as exc:
            note_line(f"  {exc}")


def reflect(
    ctx: typer.Context,
    application_id: Annotated[int, typer.Argument(metavar="APP_ID", help="The application to reflect on.")],
    answers_file: Annotated[
        Path | None,
        typer.Option(help='JSON answers instead of questions: {"prepared": {"rating": 3, "text": "..."}, ...}.'),
    ] = None,
    show: Annotated[bool, typer.Option("--show", help="Show the reflection without asking anything.")] = False,
    as_json: JsonFlag = False,
) -> None:
    """Answer the reflection questions for an application (they adapt to the stage it reached)."""
    from nextround.services.insight import get_reflection, save_reflection

    ws = _ws(ctx)
    if answers_file is not None and show:
        raise typer.BadParameter("--show and --answers-file do not go together")
    if answers_file is not None:
        from nextround.domain.reflection import parse_answers_file
        from nextround.integrations.files import read_text_file

        result = save_reflection(ws, application_id, parse_answers_file(read_text_file(answers_file)))
    elif show:
        result = get_reflection(ws, application_id)
    else:
        current = get_reflection(ws, application_id)
        verb = "Editing" if current.exists else "Reflecting on"
        typer.echo(f"{verb} application {application_id} (stage reached: {current.stage_reached}).")
        answers = {question.key: _ask(question) for question in current.questions}
        result = save_reflection(ws, application_id, answers)
    if as_json:
        emit_json(result)
        return
    _print_reflection(result)


def _print_reflection(data: "Reflection") -> None:
    out = console()
    out.print(f"[bold]Reflection on application {data.application_id}[/bold] ({data.context} stage)")
    if not data.exists:
        out.print(f"Not answered yet: nextround reflect {data.application_id}")
        return
    for item in data.questions:
        rating = "–" if item.rating is None else f"{item.rating}/5"
        out.print(f"  {rating}  {safe(item.question)}")
        if item.text:
            out.print(f"       [dim]{safe(item.text)}[/dim]")
    if data.themes:
        from nextround.domain.themes import theme_label

        out.print("Feeds these themes into insights: " + safe(", ".join(theme_label(t) for t in data.themes)))


# -- insights ----------------------------------------------------------------------------------


def insights_command(ctx: typer.Context, as_json: JsonFlag = False) -> None:
    """Recurring themes in feedback and reflections, where rejections happen, and the top skill gaps."""
    from nextround.services.insight import insights

    data = insights(_ws(ctx))
    if as_json:
        emit_json(data)
        return
    out = console()
    out.print("[bold]What your feedback and reflections say[/bold]")
    for note in data.notes:
        out.print(f"  • {safe(note)}")
    if data.themes:
        from rich.table import Table

        table = Table("theme", "count", "apps", "trend", "latest evidence")
        for theme in data.themes:
            table.add_row(
                safe(theme.label),
                str(theme.count),
                str(len(theme.applications)),
                theme.trend,
                safe(theme.latest_evidence.text),
            )
        out.print(table)
    if data.gaps_note:
        out.print(f"[dim]{safe(data.gaps_note)} ({hint_for('cv_file')})[/dim]")
    out.print(f"[dim]Sources: {data.sources.feedback} feedback, {data.sources.reflections} reflections.[/dim]")


# -- goals -------------------------------------------------------------------------------------


def _print_goal(goal: "Goal", verb: str | None = None) -> None:
    due = f", due {goal.due_on.isoformat()}" if goal.due_on else ""
    current = "–" if goal.current is None else f"{goal.current:g}"
    target = "–" if goal.target is None else f"{goal.target:g}"
    prefix = f"{verb} goal" if verb else "Goal"
    console().print(
        f"{prefix} {goal.id}: {safe(goal.title)} \\[{goal.status}] — {goal.measure} "
        f"{current} of {target} ({goal.progress:.0%}){due}"
    )


@goal_app.command("add")
def goal_add(
    ctx: typer.Context,
    title: Annotated[str | None, typer.Option(help="What you will do (suggested from a theme or skill).")] = None,
    from_theme: Annotated[
        str | None, typer.Option(help="Start from a theme: communication, preparation, experience, ...")
    ] = None,
    from_skill: Annotated[str | None, typer.Option(help="Start from a skill gap, e.g. Kubernetes.")] = None,
    measure: Annotated[
        str | None,
        typer.Option(
            help="answer.score, answer.star_result, answer.fillers_per_100, answer.quantified_result, "
            "practice.sessions, applications.sent or manual."
        ),
    ] = None,
    target: Annotated[float | None, typer.Option(help="The number that means done (a share as 0.8 or 80).")] = None,
    due: Annotated[str | None, typer.Option(help="Due date: 2024-12-01, 'in 3 weeks' ...")] = None,
    as_json: JsonFlag = False,
) -> None:
    """Set a goal, from a theme or skill gap or of your own, with a measure and a due date."""
    from nextround.services.goals import add_goal

    ws = _ws(ctx)
    goal = add_goal(
        ws,
        title=title,
        from_theme=from_theme,
        from_skill=from_skill,
        measure=measure,
        target=target,
        due=day(due, ws),
    )
    if as_json:
        emit_json(goal)
        return
    _print_goal(goal, "Added")


@goal_app.command("list")
def goal_list(
    ctx: typer.Context,
    status: Annotated[str, typer.Option(help="open, done, dropped or all.")] = "open",
    as_json: JsonFlag = False,
) -> None:
    """List goals, soonest due first."""
    from nextround.services.goals import list_goals

    goals = list_goals(_ws(ctx), status=status)
    if as_json:
        emit_json(goals)
        return
    if not goals:
        console().print("No goals here. Set one: nextround goal add --from-theme communication")
        return
    for goal in goals:
        _print_goal(goal)


@goal_app.command("due")
def goal_due(
    ctx: typer.Context,
    within_days: Annotated[int, typer.Option("--within", help="Days ahead to look.")] = 7,
    as_json: JsonFlag = False,
) -> None:
    """Open goals due soon (overdue ones included)."""
    from nextround.services.goals import goals_due

    goals = goals_due(_ws(ctx), within_days=within_days)
    if as_json:
        emit_json(goals)
        return
    if not goals:
        console().print(f"No open goal is due in the next {plural(within_days, 'day')}.")
    for goal in goals:
        _print_goal(goal)


@goal_app.command("update")
def goal_update(
    ctx: typer.Context,
    goal_id: Annotated[int, typer.Argument(metavar="ID", help="The goal's id.")],
    current: Annotated[float | None, typer.Option(help="Where you stand now on the goal's measure.")] = None,
    status: Annotated[str | None, typer.Option(help="open, done or dropped.")] = None,
    target: Annotated[float | None, typer.Option(help="A new target.")] = None,
    due: Annotated[str | None, typer.Option(help="A new due date.")] = None,
    title: Annotated[str | None, typer.Option(help="A new title.")] = None,
    as_json: JsonFlag = False,
) -> None:
    """Update a goal's progress, status, target, due date or title."""
    from nextround.services.goals import update_goal

    ws = _ws(ctx)
    goal = update_goal(ws, goal_id, current=current, status=status, target=target, due=day(due, ws), title=title)
    if as_json:
        emit_json(goal)
        return
    _print_goal(goal, "Updated")


@goal_app.command("done")
def goal_done(
    ctx: typer.Context,
    goal_id: Annotated[int, typer.Argument(metavar="ID", help="The goal's id.")],
    as_json: JsonFlag = False,
) -> None:
    """Mark a goal done."""
    from nextround.services.goals import update_goal

    goal = update_goal(_ws(ctx), goal_id, status="done")
    if as_json:
        emit_json(goal)
        return
    _print_goal(goal, "Completed")


# -- analyze match -----------------------------------------------------------------------------


def _batch_pairs(lines: list[str]) -> list[dict[str, str]]:
    import json

    from nextround.services.insight import InsightError

    pairs = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InsightError(f"line {number}: not valid JSON ({exc.msg})") from None
        if not isinstance(item, dict) or not isinstance(item.get("jd"), str) or not isinstance(item.get("cv"), str):
            raise InsightError(f'line {number}: expected an object with "jd" and "cv" strings')
        pairs.append({"jd": item["jd"], "cv": item["cv"]})
    return pairs


def analyze_match(
    ctx: typer.Context,
    jd_file: Annotated[Path | None, typer.Option(help="The job description (.txt, .md, .pdf, .docx).")] = None,
    cv_file: Annotated[
        Path | None, typer.Option(help="The CV (.txt, .md, .pdf, .docx); default: your primary stored CV.")
    ] = None,
    batch: Annotated[
        bool, typer.Option("--batch", help='Read JSON Lines {"jd": ..., "cv": ...} on stdin; one JSON result a line.')
    ] = False,
    ai: AiFlag = False,
    as_json: JsonFlag = False,
) -> None:
    """Score how well a CV covers a job description: score, required, matched and missing skills."""

    if batch:
        if jd_file is not None or cv_file is not None or ai:
            raise typer.BadParameter("--batch reads both texts from stdin; drop --jd-file/--cv-file (and --ai)")

        from nextround.analysis.skillgaps import match_batch
        from nextround.cli.terminal_input import MAX_STDIN_BATCH_CHARS, read_standard_input

        pairs = _batch_pairs(read_standard_input("pairs", MAX_STDIN_BATCH_CHARS).splitlines())
        for result in match_batch(pairs):
            write_text(json_text(result.to_dict()) + "\n")
        return
    if jd_file is None:
        raise typer.BadParameter("give --jd-file (or --batch)")
    from nextround.integrations.documents import extract_text
    from nextround.services.insight import match_texts, primary_cv_text

    limit: int | None = None
    if cv_file is None:
        ws = _ws(ctx)
        limit = ws.settings.max_import_bytes
        cv_text = primary_cv_text(ws)
    else:
        cv_text = extract_text(cv_file)
    jd_text = extract_text(jd_file, limit) if limit else extract_text(jd_file)
    data = match_texts(jd_text, cv_text)
    opinion = None
    if ai:
        from nextround.serialize import json_object
        from nextround.services.ai_coach import gaps_opinion

        opinion = gaps_opinion(_ws(ctx), jd_text, cv_text, json_object(data))
    if as_json:
        from nextround.cli.ai import with_ai
        from nextround.serialize import json_object

        emit_json(data if opinion is None else with_ai(json_object(data), opinion))
        return
    out = console()
    out.print(f"[bold]Match: {data.score}/100[/bold]")
    if data.matched:
        out.print("Matched: " + safe(", ".join(item.skill for item in data.matched)))
    if data.missing:
        out.print("Missing (required):")
    for gap in data.missing:
        out.print(f"  • [bold]{safe(gap.text)}[/bold] ({round(100 * gap.confidence)}% sure)")
        if gap.reason and gap.reason != "no CV clause shows it":
            out.print(f"    [dim]Why: {safe(gap.reason)}[/dim]")
        if gap.closest_cv_text:
            out.print(f"    [dim]Closest in the CV: {safe(gap.closest_cv_text)}[/dim]")
    if data.conditions:
        out.print("Conditions to confirm (not skills; not counted as gaps):")
    for condition in data.conditions:
        out.print(f"  • {safe(condition.text)}")
    for line in data.explanation:
        out.print(f"[dim]{safe(line)}[/dim]")
    if opinion is not None:
        from nextround.cli.ai import print_opinion

        print_opinion(out, opinion)


def register(app: typer.Typer) -> None:
    """Add the analyse-and-reflect commands to the root app."""
    app.add_typer(cv_app, name="cv")
    app.add_typer(goal_app, name="goal")
    app.command("gaps")(gaps)
    app.command("reflect")(reflect)
    app.command("insights")(insights_command)
    from nextround.cli.feedback import analyze_app  # the shared `analyze` group, put on the root by feedback

    analyze_app.command("match")(analyze_match)
