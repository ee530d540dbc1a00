"""`nextround app ...`: add, edit, move, close and look at applications."""

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from nextround.cli.context import moment, workspace
from nextround.cli.options import AppId, JsonFlag
from nextround.cli.output import console, emit_json, note_line, plural, safe

if TYPE_CHECKING:
    from nextround.domain.applications import Application
    from nextround.services.applications import ApplicationService

app = typer.Typer(help="Track applications and move them through their stages.", no_args_is_help=True)

OnOption = Annotated[
    str | None,
    typer.Option("--on", help="When it happened: 2024-10-03, yesterday, '3 days ago' (default: now)."),
]

# Options shared by `app add` and `app edit`.
SeniorityOption = Annotated[str | None, typer.Option(help="junior, mid, senior, lead ...")]
UrlOption = Annotated[str | None, typer.Option("--url", help="The job posting's URL.")]
SourceOption = Annotated[
    str | None, typer.Option(help="board, referral, agency, company_site, recruiter, network, other.")
]
SourceDetailOption = Annotated[str | None, typer.Option(help="Which board or who referred you.")]
LocationOption = Annotated[str | None, typer.Option(help="City or region.")]
WorkModelOption = Annotated[str | None, typer.Option(help="onsite, hybrid or remote.")]
SalaryMinOption = Annotated[int | None, typer.Option(help="Lower end of the salary range.")]
SalaryMaxOption = Annotated[int | None, typer.Option(help="Upper end of the salary range.")]
CurrencyOption = Annotated[str | None, typer.Option(help="Three-letter code: EUR, USD, GBP ...")]
JdFileOption = Annotated[Path | None, typer.Option(help="A file holding the job description.")]
JdOption = Annotated[str | None, typer.Option("--jd", help="The job description, pasted.")]
CvVersionOption = Annotated[str | None, typer.Option(help="Which CV you sent.")]
ExcitementOption = Annotated[int | None, typer.Option(help="How much you want it, 1-5.")]


def _service(ctx: typer.Context) -> "ApplicationService":
    from nextround.services.applications import ApplicationService

    return ApplicationService(workspace(ctx))


def _read_text(path: Path | None, text: str | None, what: str) -> str | None:
    if path is not None and text is not None:
        raise typer.BadParameter(f"give the {what} as a file or as text, not both")
    if path is None:
        return text
    from nextround.integrations.files import read_text_file

    return read_text_file(path)


def _field_changes(**options: Any) -> dict[str, Any]:
    """Turn the CLI's options into typed field values, keeping only the ones given."""
    from nextround.domain.applications import parse_channel, parse_tags, parse_work_model

    changes: dict[str, Any] = {}
    for name, value in options.items():
        if value is None:
            continue
        if name == "source":
            value = parse_channel(value)
        elif name == "work_model":
            value = parse_work_model(value)
        elif name == "tags":
            value = parse_tags(value)
        changes[name] = value
    return changes


@app.command("add")
def add(
    ctx: typer.Context,
    company: Annotated[str, typer.Option(help="The employer.")],
    role: Annotated[str, typer.Option(help="The job title.")],
    applied_on: Annotated[
        str | None, typer.Option(help="When you applied (default: today). ISO or 'yesterday', '3 days ago'.")
    ] = None,
    stage: Annotated[str, typer.Option(help="Where it stands now: saved, applied, screening, ...")] = "applied",
    round_: Annotated[int | None, typer.Option("--round", help="Interview round, with --stage interview.")] = None,
    stage_on: Annotated[
        str | None,
        typer.Option(help="When it reached --stage, if not today (a stage after applied): 'last monday', 2024-10-03."),
    ] = None,
    seniority: SeniorityOption = None,
    url: UrlOption = None,
    source: SourceOption = None,
    source_detail: SourceDetailOption = None,
    location: LocationOption = None,
    work_model: WorkModelOption = None,
    salary_min: SalaryMinOption = None,
    salary_max: SalaryMaxOption = None,
    currency: CurrencyOption = None,
    jd_file: JdFileOption = None,
    jd: JdOption = None,
    cv_version: CvVersionOption = None,
    tags: Annotated[str | None, typer.Option(help="Comma-separated tags.")] = None,
    excitement: ExcitementOption = None,
    notes: Annotated[str | None, typer.Option(help="Anything worth remembering.")] = None,
    as_json: JsonFlag = False,
) -> None:
    """Record an application (by default one you have just sent)."""
    from nextround.domain.applications import ApplicationFields
    from nextround.domain.stages import parse_stage

    service = _service(ctx)
    changes = _field_changes(
        seniority=seniority,
        job_url=url,
        source=source,
        source_detail=source_detail,
        location=location,
        work_model=work_model,
        salary_min=salary_min,
        salary_max=salary_max,
        currency=currency,
        jd_text=_read_text(jd_file, jd, "job description"),
        cv_version=cv_version,
        tags=tags,
        excitement=excitement,
        notes=notes,
    )
    earlier = service.same_job(company, role)
    created = service.add(
        ApplicationFields(company=company, role=role, **changes),
        stage=parse_stage(stage),
        applied_at=moment(applied_on, service.ws),
        round_=round_,
        stage_at=moment(stage_on, service.ws),
    )
    _print_one(created, as_json, verb="Added")
    if earlier:
        ids = ", ".join(f"#{found.id}" for found in earlier[:5])
        note_line(f"note: you already had an application for {created.fields.company} — {created.fields.role} ({ids})")


@app.command("edit")
def edit(
    ctx: typer.Context,
    application_id: AppId,
    company: Annotated[str | None, typer.Option(help="The employer.")] = None,
    role: Annotated[str | None, typer.Option(help="The job title.")] = None,
    seniority: SeniorityOption = None,
    url: UrlOption = None,
    source: SourceOption = None,
    source_detail: SourceDetailOption = None,
    location: LocationOption = None,
    work_model: WorkModelOption = None,
    salary_min: SalaryMinOption = None,
    salary_max: SalaryMaxOption = None,
    currency: CurrencyOption = None,
    jd_file: JdFileOption = None,
    jd: JdOption = None,
    cv_version: CvVersionOption = None,
    tags: Annotated[str | None, typer.Option(help="Comma-separated tags (replaces the old ones).")] = None,
    excitement: ExcitementOption = None,
    notes: Annotated[str | None, typer.Option(help="Replaces the notes.")] = None,
    as_json: JsonFlag = False,
) -> None:
    """Change the facts of an application (its history changes only through move/reject)."""
    changes = _field_changes(
        company=company,
        role=role,
        seniority=seniority,
        job_url=url,
        source=source,
        source_detail=source_detail,
        location=location,
        work_model=work_model,
        salary_min=salary_min,
        salary_max=salary_max,
        currency=currency,
        jd_text=_read_text(jd_file, jd, "job description"),
        cv_version=cv_version,
        tags=tags,
        excitement=excitement,
        notes=notes,
    )
    if not changes:
        raise typer.BadParameter("nothing to change: give at least one option, e.g. --notes")
    _print_one(_service(ctx).edit(application_id, changes), as_json, verb="Updated")


@app.command("move")
def move(
    ctx: typer.Context,
    application_id: AppId,
    stage: Annotated[
        str, typer.Argument(metavar="STAGE", help="applied, screening, assessment, interview, final, offer, accepted.")
    ],
    round_: Annotated[int | None, typer.Option("--round", help="Interview round (default: the next one).")] = None,
    on: OnOption = None,
    note: Annotated[str, typer.Option(help="A note kept with this step.")] = "",
    as_json: JsonFlag = False,
) -> None:
    """Move an application to its next stage (or reopen a closed one)."""
    from nextround.domain.stages import parse_stage

    service = _service(ctx)
    moved = service.move(application_id, parse_stage(stage), round_=round_, at=moment(on, service.ws), note=note)
    _print_one(moved, as_json, verb="Moved")


def _close(ctx: typer.Context, application_id: int, outcome: str, on: str | None, note: str, as_json: bool) -> None:
    from nextround.domain.stages import parse_outcome

    service = _service(ctx)
    closed = service.close(application_id, parse_outcome(outcome), at=moment(on, service.ws), note=note)
    _print_one(closed, as_json, verb="Closed")
    if not as_json and outcome == "rejected":
        note_line(
            "That stings, and it is information. When you are ready: ask for feedback "
            f"(`nextround feedback draft {application_id}`), look back (`nextround reflect {application_id}`), "
            f"or write down what you learned (`nextround journal reframe {application_id}`)."
        )


@app.command("reject")
def reject(
    ctx: typer.Context,
    application_id: AppId,
    on: OnOption = None,
    reason: Annotated[str, typer.Option(help="What they said, if anything.")] = "",
    as_json: JsonFlag = False,
) -> None:
    """Close an application as rejected; the stage it reached is kept."""
    _close(ctx, application_id, "rejected", on, reason, as_json)


@app.command("withdraw")
def withdraw(
    ctx: typer.Context,
    application_id: AppId,
    on: OnOption = None,
    reason: Annotated[str, typer.Option(help="Why you stepped back.")] = "",
    as_json: JsonFlag = False,
) -> None:
    """Close an application you chose to leave."""
    _close(ctx, application_id, "withdrawn", on, reason, as_json)


@app.command("ghosted")
def ghosted(
    ctx: typer.Context,
    application_id: AppId,
    on: OnOption = None,
    as_json: JsonFlag = False,
) -> None:
    """Confirm that an application went silent: close it as ghosted."""
    service = _service(ctx)
    if on is None:
        _print_one(service.confirm_ghosted(application_id), as_json, verb="Closed")
    else:
        _close(ctx, application_id, "ghosted", on, "no reply", as_json)


@app.command("silent")
def silent(ctx: typer.Context, as_json: JsonFlag = False) -> None:
    """Open applications with no news for longer than their stage's limit (likely ghosted)."""
    service = _service(ctx)
    closed = service.auto_close_silent()
    found = service.silent()
    if as_json:
        emit_json(
            {
                "likely_ghosted": [
                    {
                        **item.application.to_dict(with_history=False),
                        "silent_days": item.verdict.silent_days,
                        "limit_days": item.verdict.limit_days,
                    }
                    for item in found
                ],
                "auto_closed": [a.id for a in closed],
            }
        )
        return
    out = console()
    for gone in closed:
        out.print(f"Auto-closed #{gone.id} {safe(gone.fields.company)} as ghosted (auto-close is on).")
    if not found:
        out.print("Nothing has gone quiet for longer than its stage's limit.")
        return
    out.print(f"{plural(len(found), 'application')} likely ghosted:")
    for item in found:
        a = item.application
        out.print(
            f"  #{a.id} {safe(a.fields.company)} — {safe(a.fields.role)} ({a.state.stage.value}): "
            f"quiet for {plural(item.verdict.silent_days, 'day')}, limit {item.verdict.limit_days}. "
            f"Confirm: nextround app ghosted {a.id}"
        )


# How many rows `app list` shows unless asked for more: about a screenful, the newest (40,000 rows in a
# terminal help nobody, and took most of a minute to draw).
DEFAULT_LIST_LIMIT = 50


@app.command("list")
def list_(
    ctx: typer.Context,
    stage: Annotated[str | None, typer.Option(help="Only this stage.")] = None,
    outcome: Annotated[str | None, typer.Option(help="Only this outcome: rejected, withdrawn, ghosted.")] = None,
    open_: Annotated[bool, typer.Option("--open", help="Only open applications.")] = False,
    closed: Annotated[bool, typer.Option("--closed", help="Only closed applications.")] = False,
    company: Annotated[str | None, typer.Option(help="Company name contains this.")] = None,
    all_: Annotated[
        bool, typer.Option("--all", help="Include rejected ones even when `view hide-rejected` is on.")
    ] = False,
    limit: Annotated[
        int | None,
        typer.Option(
            help=f"Show the newest N (default {DEFAULT_LIST_LIMIT}; with --json every one); 0 shows every one."
        ),
    ] = None,
    as_json: JsonFlag = False,
) -> None:
    """List applications: the newest ones, oldest first."""
    from nextround.domain.stages import parse_outcome, parse_stage
    from nextround.services.listing import ListingFilters, list_application_values, list_applications

    filters: ListingFilters = {
        "stage": parse_stage(stage).value if stage else None,
        "outcome": parse_outcome(outcome).value if outcome else None,
        "open_only": open_,
        "closed_only": closed,
        "company": company,
        "show_all": all_,
    }
    if as_json:
        # The rows' JSON objects straight from their values: the same bytes as emit_json(found), in half the time.
        import gc

        found_values = list_application_values(workspace(ctx), **filters, limit=limit)
        gc.disable()  # the process ends after writing; collecting over 10,000 fresh dicts finds no cycles
        # Without zip's strict check (a quarter faster): every row has every field, a test compares the bytes.
        rows = [dict(zip(found_values.fields, values)) for values in found_values.rows]  # noqa: B905
        emit_json(rows, ready=True)
        return
    listing = list_applications(workspace(ctx), **filters, limit=DEFAULT_LIST_LIMIT if limit is None else limit)
    from nextround.cli.render import print_application_table

    print_application_table(listing.rows)
    if len(listing.rows) < listing.total:
        note_line(
            f"Showing the newest {len(listing.rows):,} of {listing.total:,} applications "
            "(--limit N shows more, --limit 0 every one)."
        )
    if listing.hidden_rejected:
        note_line("Rejected applications are hidden (`--all` shows them; `nextround stats` always counts them).")


@app.command("show")
def show(
    ctx: typer.Context,
    application_id: AppId,
    as_json: JsonFlag = False,
) -> None:
    """Everything about one application, with its stage history."""
    _print_one(_service(ctx).get(application_id), as_json, verb=None)


@app.command("delete")
def delete(
    ctx: typer.Context,
    application_id: AppId,
    yes: Annotated[bool, typer.Option("--yes", help="Do not ask for confirmation.")] = False,
) -> None:
    """Delete an application and its history for good."""
    service = _service(ctx)
    found = service.get(application_id)
    if not yes:
        typer.confirm(f"Delete #{found.id} {found.fields.company} — {found.fields.role} and its history?", abort=True)
    service.delete(application_id)
    print(f"Deleted #{application_id}.")


def _print_one(application: "Application", as_json: bool, *, verb: str | None) -> None:
    if as_json:
        emit_json(application.to_dict())
        return
    from nextround.cli.render import print_application

    print_application(application, verb=verb)
