"""`nextround contact|nudge|company|today|calendar`: the people, the follow-ups, and what to do next."""

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from nextround.cli.context import day, moment, workspace
from nextround.cli.options import AppId, FileArgument, JsonFlag
from nextround.cli.output import console, emit_json, plural, safe, write_text

if TYPE_CHECKING:
    from nextround.services.network import ContactDetails, NetworkService

ContactId = Annotated[int, typer.Argument(metavar="CONTACT_ID", help="The contact's id.")]

contact_app = typer.Typer(
    help="People met along the way: add, list, log interactions, import, export.", no_args_is_help=True
)
contact_import_app = typer.Typer(
    help="Import contacts: LinkedIn's Connections.csv or a vCard file.", no_args_is_help=True
)
nudge_app = typer.Typer(
    help="Thank-you notes, keeping in touch, continued interest, cadence touches.", no_args_is_help=True
)
company_app = typer.Typer(help="Facts about companies: when you may apply again.", no_args_is_help=True)
calendar_app = typer.Typer(help="Interviews and follow-ups in your calendar (iCalendar).", no_args_is_help=True)


KIND_HELP = "recruiter, hiring_manager, interviewer, referral, peer or other."


def _service(ctx: typer.Context) -> "NetworkService":
    from nextround.services.network import NetworkService

    return NetworkService(workspace(ctx))


def _changes(**options: Any) -> dict[str, Any]:
    from nextround.domain.contacts import parse_kind

    changes: dict[str, Any] = {}
    for name, value in options.items():
        if value is None:
            continue
        changes[name] = parse_kind(value) if name == "kind" else value
    return changes


def _print_contact(data: "ContactDetails", as_json: bool, verb: str | None = None) -> None:
    from nextround.domain.contacts import cadence_days

    if as_json:
        emit_json(data)
        return
    out = console()
    contact, fields = data.contact, data.contact.fields
    if verb:
        out.print(f"{verb} contact #{contact.id}: {safe(fields.name)}")
    else:
        out.print(f"[bold]#{contact.id} {safe(fields.name)}[/bold] ({fields.kind.value})")
    for label, value in (
        ("Company", fields.company),
        ("Title", fields.title),
        ("Email", fields.email),
        ("Phone", fields.phone),
        ("LinkedIn", fields.linkedin_url),
        ("Connected", fields.connected_on.isoformat() if fields.connected_on else ""),
    ):
        if value:
            out.print(f"  {label}: {safe(value)}")
    cadence = cadence_days(fields)
    out.print(f"  Cadence: {'off' if not cadence else f'every {cadence} days'}")
    if data.next_touch:
        out.print(f"  Next touch: {data.next_touch.isoformat()}")
    if fields.notes:
        out.print(f"  Notes: {safe(fields.notes)}")
    for app in data.applications:
        out.print(f"  Application #{app.id}: {safe(app.role)} at {safe(app.company)} ({app.part})")
    for item in data.interactions:
        note = f" — {safe(item.note)}" if item.note else ""
        out.print(f"  {item.occurred_at.isoformat()[:10]} {item.channel}{note}")


# -- contact ---------------------------------------------------------------------------------------


# Options shared by `contact add` and `contact edit`.
EmailOption = Annotated[str | None, typer.Option(help="Email address.")]
PhoneOption = Annotated[str | None, typer.Option(help="Phone number.")]
CompanyOption = Annotated[str | None, typer.Option(help="Where they work.")]
TitleOption = Annotated[str | None, typer.Option(help="Their job title.")]
LinkedinOption = Annotated[str | None, typer.Option("--linkedin", help="Their LinkedIn profile URL.")]


@contact_app.command("add")
def contact_add(
    ctx: typer.Context,
    name: Annotated[str, typer.Option(help="The person's name.")],
    email: EmailOption = None,
    phone: PhoneOption = None,
    company: CompanyOption = None,
    title: TitleOption = None,
    linkedin: LinkedinOption = None,
    kind: Annotated[str, typer.Option(help=KIND_HELP)] = "other",
    app_id: Annotated[int | None, typer.Option("--app", help="Link them to this application.")] = None,
    every: Annotated[
        int | None, typer.Option("--every", help="Days between touches (default by kind; 0 turns touches off).")
    ] = None,
    notes: Annotated[str | None, typer.Option(help="Anything worth remembering.")] = None,
    as_json: JsonFlag = False,
) -> None:
    """Add a person: a recruiter, an interviewer, someone who referred you."""
    from nextround.domain.contacts import ContactFields

    service = _service(ctx)
    changes = _changes(
        email=email,
        phone=phone,
        company=company,
        title=title,
        linkedin_url=linkedin,
        kind=kind,
        cadence_days=every,
        notes=notes,
    )
    contact = service.add_contact(ContactFields(name=name, **changes), application_id=app_id)
    _print_contact(service.contact_details(contact.id), as_json, verb="Added")


@contact_app.command("edit")
def contact_edit(
    ctx: typer.Context,
    contact_id: ContactId,
    name: Annotated[str | None, typer.Option(help="The person's name.")] = None,
    email: EmailOption = None,
    phone: PhoneOption = None,
    company: CompanyOption = None,
    title: TitleOption = None,
    linkedin: LinkedinOption = None,
    kind: Annotated[str | None, typer.Option(help=KIND_HELP)] = None,
    every: Annotated[int | None, typer.Option("--every", help="Days between touches (0 turns touches off).")] = None,
    default_cadence: Annotated[
        bool, typer.Option("--default-cadence", help="Go back to the default cadence for the contact's kind.")
    ] = False,
    notes: Annotated[str | None, typer.Option(help="Replaces the notes.")] = None,
    as_json: JsonFlag = False,
) -> None:
    """Change what you know about a person."""
    service = _service(ctx)
    changes = _changes(
        name=name,
        email=email,
        phone=phone,
        company=company,
        title=title,
        linkedin_url=linkedin,
        kind=kind,
        cadence_days=every,
        notes=notes,
    )
    if default_cadence:
        changes["cadence_days"] = None
    service.edit_contact(contact_id, changes)
    _print_contact(service.contact_details(contact_id), as_json, verb="Updated")


@contact_app.command("list")
def contact_list(
    ctx: typer.Context,
    kind: Annotated[str | None, typer.Option(help="Only this kind of contact.")] = None,
    search: Annotated[str | None, typer.Option(help="Name, company or email contains this.")] = None,
    as_json: JsonFlag = False,
) -> None:
    """List contacts with their next touch."""
    from nextround.domain.contacts import parse_kind

    rows = _service(ctx).contacts(kind=parse_kind(kind) if kind else None, search=search)
    if as_json:
        emit_json(rows)
        return
    out = console()
    if not rows:
        out.print('No contacts yet. Add one: nextround contact add --name "Ada Lovelace" --kind recruiter')
        return
    for row in rows:
        fields = row.contact.fields
        at = f" at {safe(fields.company)}" if fields.company else ""
        touch = f" — next touch {row.next_touch.isoformat()}" if row.next_touch else ""
        out.print(f"#{row.contact.id} {safe(fields.name)} ({fields.kind.value}){at}{touch}")
    out.print(plural(len(rows), "contact"))


@contact_app.command("show")
def contact_show(ctx: typer.Context, contact_id: ContactId, as_json: JsonFlag = False) -> None:
    """One contact: details, linked applications, interactions."""
    _print_contact(_service(ctx).contact_details(contact_id), as_json)


@contact_app.command("log")
def contact_log(
    ctx: typer.Context,
    contact_id: ContactId,
    channel: Annotated[str, typer.Option(help="email, call, meeting, linkedin or other.")],
    note: Annotated[str, typer.Option(help="What was said or sent.")] = "",
    on: Annotated[
        str | None, typer.Option("--on", help="When: 2024-10-03, yesterday, '3 days ago' (default: now).")
    ] = None,
    as_json: JsonFlag = False,
) -> None:
    """Record an interaction; the contact's cadence restarts from it."""
    from nextround.domain.contacts import parse_channel

    service = _service(ctx)
    logged = service.log(contact_id, parse_channel(channel), note, at=moment(on, service.ws))
    if as_json:
        emit_json(logged.to_dict())
        return
    contact = service.contact_details(contact_id)
    touch = f" Next touch: {contact.next_touch.isoformat()}." if contact.next_touch else ""
    console().print(f"Logged {logged.channel} with {safe(contact.contact.name)} on {logged.occurred_at.date()}.{touch}")


@contact_app.command("link")
def contact_link(
    ctx: typer.Context,
    contact_id: ContactId,
    app_id: AppId,
    role: Annotated[str | None, typer.Option(help="Their part in it (default: the contact's kind).")] = None,
) -> None:
    """Link a contact to an application (thank-you and keep-in-touch nudges follow from it)."""
    made = _service(ctx).link(contact_id, app_id, role)
    console().print(f"Linked contact #{contact_id} to application #{app_id}." if made else "Already linked.")


def _import_report(report: Any, as_json: bool, path: Path) -> None:
    if as_json:
        emit_json(report)
        return
    skipped = f"; {plural(report.duplicates, 'duplicate')} already there, skipped" if report.duplicates else ""
    console().print(f"Imported {plural(report.added, 'contact')} from {path.name}{skipped}.")


@contact_import_app.command("linkedin")
def contact_import_linkedin(ctx: typer.Context, path: FileArgument, as_json: JsonFlag = False) -> None:
    """LinkedIn's Connections.csv (Settings → Data privacy → Get a copy of your data)."""
    from nextround.integrations.contacts_files import read_linkedin_connections

    service = _service(ctx)
    items = read_linkedin_connections(path, service.ws.settings.max_import_bytes)
    _import_report(service.import_contacts(items), as_json, path)


@contact_import_app.command("vcard")
def contact_import_vcard(ctx: typer.Context, path: FileArgument, as_json: JsonFlag = False) -> None:
    """A .vcf file (vCard 3.0 or 4.0), one or many cards."""
    from nextround.integrations.contacts_files import read_vcards

    service = _service(ctx)
    items = read_vcards(path, service.ws.settings.max_import_bytes)
    _import_report(service.import_contacts(items), as_json, path)


@contact_app.command("export")
def contact_export(
    ctx: typer.Context,
    path: FileArgument,
    format_: Annotated[str, typer.Option("--format", help="The file format: vcard.")] = "vcard",
) -> None:
    """Write all contacts to a file (vCard 3.0)."""
    from nextround.domain.contacts import ContactError

    if format_.strip().lower() not in ("vcard", "vcf"):
        raise ContactError(f"unknown export format {format_!r}; expected: vcard")
    count = _service(ctx).export_vcard(path)
    console().print(f"Wrote {plural(count, 'contact')} to {path}.")


# -- nudges ----------------------------------------------------------------------------------------


@nudge_app.command("list")
def nudge_list(
    ctx: typer.Context,
    all_: Annotated[bool, typer.Option("--all", help="Also the ones due later than a week from now.")] = False,
    as_json: JsonFlag = False,
) -> None:
    """Open nudges, soonest first (due within a week, unless --all)."""
    from nextround.cli.actions import command_line, nudge_json

    items = _service(ctx).nudges(horizon_days=None if all_ else 7)
    if as_json:
        emit_json([nudge_json(n) for n in items])
        return
    out = console()
    if not items:
        out.print("No nudges due. Nice.")
        return
    for n in items:
        command = safe(command_line(n.draft_action))
        out.print(f"{n.due} [bold]{safe(n.title)}[/bold] ({n.ref})\n  {safe(n.action)}\n  [dim]{command}[/dim]")


@nudge_app.command("draft")
def nudge_draft(
    ctx: typer.Context,
    ref: Annotated[str, typer.Argument(metavar="NUDGE_REF", help="The nudge's ref, from `nudge list`.")],
    as_json: JsonFlag = False,
) -> None:
    """Print the drafted message for a nudge (edit the templates to use your own words)."""
    item, message = _service(ctx).draft(ref)
    if as_json:
        from nextround.cli.actions import nudge_json

        emit_json({**nudge_json(item), "to": item.context.get("email", ""), **message.to_dict()})
        return
    write_text(f"Subject: {message.subject}\n\n{message.body}")


@nudge_app.command("dismiss")
def nudge_dismiss(
    ctx: typer.Context,
    ref: Annotated[str, typer.Argument(metavar="NUDGE_REF", help="The nudge's ref, from `nudge list`.")],
) -> None:
    """Mark a nudge as done or not wanted (a cadence touch comes back next cycle)."""
    item = _service(ctx).dismiss(ref)
    console().print(f"Dismissed {item.ref}.")


@nudge_app.command("interest-after")
def nudge_interest_after(
    ctx: typer.Context,
    months: Annotated[int, typer.Argument(metavar="MONTHS", help="Months after a rejection (default 3).")],
) -> None:
    """When to suggest a continued-interest note after a rejection."""
    value = _service(ctx).set_continued_interest_months(months)
    console().print(f"Continued-interest notes now come {plural(value, 'month')} after a rejection.")


# -- company, today, calendar ------------------------------------------------------------------------


@company_app.command("reapply-after")
def company_reapply_after(
    ctx: typer.Context,
    company: Annotated[str, typer.Argument(metavar="COMPANY", help="The company's name.")],
    when: Annotated[str, typer.Argument(metavar="DATE", help="The first day you may apply again ('none' clears it).")],
    as_json: JsonFlag = False,
) -> None:
    """Record when a company that turned you down will consider you again; the agenda says when."""
    service = _service(ctx)
    parsed = None if when.strip().lower() in ("none", "clear", "-") else day(when, service.ws)
    result = service.set_reapply_after(company, parsed)
    if as_json:
        emit_json(result)
        return
    if parsed is None:
        console().print(f"Cleared the re-apply date for {safe(result.company)}.")
    else:
        console().print(f"You can apply to {safe(result.company)} again from {parsed.isoformat()}.")


def today(ctx: typer.Context, as_json: JsonFlag = False) -> None:
    """What to do now and soon: chases, notes, touches, interviews, goals, openings, practice."""
    from nextround.cli.actions import agenda_json, command_line
    from nextround.services.agenda import agenda

    entries = agenda(workspace(ctx))
    if as_json:
        emit_json(agenda_json(entries))
        return
    out = console()
    if not entries:
        out.print("Nothing due now or this week. Add an application, or practise a few answers: nextround practice")
        return
    headings = {"overdue": "Overdue", "today": "Today", "soon": "This week", "later": "Later"}
    current = None
    # One print for the whole agenda: Rich's cost is mostly per call, and a long history has thousands of items.
    lines = []
    for item in entries:
        if item.when != current:
            current = item.when
            lines.append(f"\n[bold]{headings[current]}[/bold]")
        lines.append(f"  {item.due.isoformat()} {safe(item.title)}\n    {safe(item.advice)}")
        if item.primary is not None:
            lines.append(f"    [dim]{safe(command_line(item.primary))}[/dim]")
    out.print("\n".join(lines))


@calendar_app.command("export")
def calendar_export(
    ctx: typer.Context,
    path: Annotated[Path, typer.Argument(metavar="FILE.ics", help="The .ics file to write.")],
) -> None:
    """Write interviews and follow-ups to an .ics file; importing a newer one updates the old items."""
    count = _service(ctx).export_calendar(path)
    console().print(f"Wrote {plural(count, 'calendar item')} to {path}.")


def register(app: typer.Typer) -> None:
    """Add the network pillar's commands to the root app."""
    contact_app.add_typer(contact_import_app, name="import")
    app.add_typer(contact_app, name="contact")
    app.add_typer(nudge_app, name="nudge")
    app.add_typer(company_app, name="company")
    app.add_typer(calendar_app, name="calendar")
    app.command("today")(today)
