"""`nextround feedback ...`, `nextround interview ...` and the shared `nextround analyze` group.

`analyze_app` is the one `analyze` sub-app: other pillars import it and add their own commands to it
(`from nextround.cli.feedback import analyze_app`); `register` puts it on the root app exactly once.
"""

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from nextround.cli.context import moment, workspace
from nextround.cli.options import AiFlag, AppId, JsonAnyway, JsonFlag
from nextround.cli.output import console, emit_json, json_text, note_line, plural, safe, write_text
from nextround.cli.terminal_input import MAX_STDIN_BATCH_CHARS, read_standard_input
from nextround.errors import UserError

if TYPE_CHECKING:
    from nextround.domain.feedback_requests import FeedbackRequest
    from nextround.integrations.mail import SmtpSettings

feedback_app = typer.Typer(
    help="Ask for feedback after a rejection, send it, chase once, and record the answer.", no_args_is_help=True
)
interview_app = typer.Typer(help="Record interviews: when, what kind, and who was in the room.", no_args_is_help=True)
analyze_app = typer.Typer(
    help="Analyse feedback, an interview answer, or a CV against a job description, without saving them.",
    no_args_is_help=True,
)

RequestId = Annotated[int, typer.Argument(metavar="REQUEST_ID", help="The feedback request's id.")]
ToneOption = Annotated[str | None, typer.Option("--tone", help="warm (default), brief or formal.")]
ContactOption = Annotated[
    int | None, typer.Option("--contact", help="The contact's id to address (default: the application's recruiter).")
]


class InputError(UserError, ValueError):
    """Input on the command line or standard input that cannot be used."""


def _smtp(ctx: typer.Context, *, with_password: bool = True) -> "SmtpSettings":
    from nextround.integrations.mail import SmtpSettings
    from nextround.services.mail_setup import smtp_config

    config = smtp_config(workspace(ctx))
    if with_password:
        return SmtpSettings.from_config(config)
    return SmtpSettings.from_config(config, password_lookup=lambda _user: None)


def _sender_name(ctx: typer.Context) -> str:
    """The display name in NEXTROUND_SMTP_FROM, to sign drafts with; never a reason to fail."""
    from nextround.integrations.mail import MailError

    try:
        return _smtp(ctx, with_password=False).sender_name
    except MailError:
        return ""


def _read_stdin(what: str) -> str:
    if sys.stdin is None or sys.stdin.isatty():
        raise InputError(f"give the {what} on standard input (pipe or redirect a file), or use --text-file")
    return read_standard_input(what)


def _print_message(subject: str, body: str) -> None:
    out = console()
    out.print(f"[bold]Subject:[/bold] {safe(subject)}\n")
    out.print(safe(body.rstrip("\n")))


def _request_line(request: dict[str, Any]) -> str:
    """One request as a line; takes `FeedbackRequest.to_dict()` output."""
    when = (request["sent_at"] or request["drafted_at"])[:10]
    to = f" to {safe(request['to'])}" if request["to"] else ""
    chased = f", chased {request['chased_at'][:10]}" if request["chased_at"] else ""
    return (
        f"#{request['id']} app {request['application_id']} {safe('[' + request['status'] + ']')}{to} — "
        f"{safe(request['subject'])} ({when}{chased})"
    )


# -- feedback ------------------------------------------------------------------------------------------


# Said under a draft that ends "Best wishes," and no name: nothing else would tell.
UNSIGNED_NOTE = (
    "note: the message ends without your name; set it once and drafts are signed with it: "
    'nextround config set profile.name "Your Name"'
)


@feedback_app.command("draft")
def draft(
    ctx: typer.Context,
    app_id: AppId,
    contact: ContactOption = None,
    tone: Annotated[str, typer.Option("--tone", help="warm, brief or formal.")] = "warm",
    to: Annotated[str | None, typer.Option("--to", help="The address it will go to (default: the contact's).")] = None,
    as_json: JsonFlag = False,
) -> None:
    """Write a feedback request that fits the stage the application reached (stored as a draft)."""
    from nextround.services.drafting import draft_cautions, draft_request, signature_name

    ws = workspace(ctx)
    cautions = draft_cautions(ws, app_id)
    sender = _sender_name(ctx)
    request, message = draft_request(ws, app_id, contact, tone, to=to, sender_name=sender)
    for caution in cautions:
        note_line(f"note: {caution}")
    if as_json:
        emit_json({"request_id": request.id, **request.to_dict(), **message.to_dict()})
        return
    _print_message(message.subject, message.body)
    note_line(
        f"\nDraft #{request.id} saved. Send it: nextround feedback send {app_id} --to EMAIL "
        "(or --eml FILE, or --mailto)"
    )
    if not signature_name(ws, sender):
        note_line(UNSIGNED_NOTE)


@feedback_app.command("send")
def send(
    ctx: typer.Context,
    app_id: AppId,
    to: Annotated[str | None, typer.Option("--to", help="The recipient's e-mail address.")] = None,
    eml: Annotated[
        Path | None, typer.Option("--eml", help="Write a .eml message file to open in any mail program instead.")
    ] = None,
    mailto: Annotated[bool, typer.Option("--mailto", help="Print a mailto: link instead of sending.")] = False,
    tone: ToneOption = None,
    contact: ContactOption = None,
    as_json: JsonFlag = False,
) -> None:
    """Send the request over SMTP (drafting it first if needed), or export it with --eml / --mailto."""
    from nextround.services import feedback as service

    ws = workspace(ctx)
    if eml is not None or mailto:
        settings = _smtp(ctx, with_password=False)
        sender = _sender_name(ctx)
        out: dict[str, Any] = {}
        request: FeedbackRequest | None = None
        if eml is not None:
            request, path = service.export_eml(
                ws, app_id, eml, to=to, from_addr=settings.from_addr, tone=tone, contact_id=contact, sender_name=sender
            )
            out["eml"] = str(path)
        if mailto:
            target: FeedbackRequest | int = request if request is not None else app_id
            request, link = service.mailto(
                ws, target, to, tone=None if request else tone, contact_id=None if request else contact,
                sender_name=sender,
            )  # fmt: skip
            out["mailto"] = link
        assert request is not None
        if as_json:
            emit_json({"request_id": request.id, **request.to_dict(), **out})
            return
        if "eml" in out:
            console().print(f"Wrote {out['eml']}: open it in your mail program to send it.")
        if "mailto" in out:
            write_text(out["mailto"] + "\n")
        note_line(f"When it has gone out: nextround feedback mark {request.id} sent")
        return
    settings = _smtp(ctx)
    if not settings.configured:
        raise InputError(
            "SMTP is not set up. Either set NEXTROUND_SMTP_HOST and NEXTROUND_SMTP_FROM (see docs/feedback.md), "
            "or use --eml FILE to write a message file, or --mailto to get a link for your mail program"
        )
    sent = service.send_request(ws, app_id, to, settings, tone=tone, contact_id=contact)
    if as_json:
        emit_json({"request_id": sent.id, **sent.to_dict()})
        return
    console().print(f"Sent feedback request #{sent.id} to {safe(sent.to_email)}.")
    note_line("If no answer comes, `nextround feedback chase` will suggest one reminder after a week.")


@feedback_app.command("list")
def list_(
    ctx: typer.Context,
    app: Annotated[int | None, typer.Option("--app", help="Only this application's requests.")] = None,
    status: Annotated[
        str | None, typer.Option("--status", help="Only this status: drafted, sent, replied, declined, no_reply.")
    ] = None,
    as_json: JsonFlag = False,
) -> None:
    """List feedback requests."""
    from nextround.services.feedback import list_requests

    found = list_requests(workspace(ctx), app, status)
    if as_json:
        emit_json([r.to_dict() for r in found])
        return
    out = console()
    if not found:
        out.print("No feedback requests yet. Draft one: nextround feedback draft APP_ID")
        return
    for request in found:
        out.print(_request_line(request.to_dict()))


@feedback_app.command("mark")
def mark(
    ctx: typer.Context,
    request_id: RequestId,
    status: Annotated[str, typer.Argument(metavar="STATUS", help="sent, replied, declined or no_reply.")],
    as_json: JsonFlag = False,
) -> None:
    """Record what happened to a request: you sent it yourself, they replied, declined, or never answered."""
    from nextround.services.feedback import mark as mark_request

    request = mark_request(workspace(ctx), request_id, status)
    if as_json:
        emit_json(request.to_dict())
        return
    console().print(_request_line(request.to_dict()))


@feedback_app.command("chase")
def chase(
    ctx: typer.Context,
    request_id: Annotated[
        int | None, typer.Argument(metavar="[REQUEST_ID]", help="Write the reminder for this request.")
    ] = None,
    send_it: Annotated[bool, typer.Option("--send", help="Send the reminder over SMTP to the same address.")] = False,
    eml: Annotated[Path | None, typer.Option("--eml", help="Write the reminder as a .eml message file.")] = None,
    anyway: Annotated[bool, typer.Option("--anyway", help="Chase before the waiting time is over.")] = False,
    after_days: Annotated[
        int | None, typer.Option("--after-days", help="Remember a new waiting time (days) before the one chase.")
    ] = None,
    as_json: JsonFlag = False,
) -> None:
    """Without an id: the requests whose one reminder is due. With an id: write (and record) that reminder."""
    from nextround.services import feedback as service

    ws = workspace(ctx)
    if after_days is not None:
        service.set_chase_delay(ws, after_days)
    if request_id is None:
        due = service.due_chases(ws)
        if as_json:
            from nextround.cli.actions import command_line
            from nextround.serialize import json_object

            emit_json([{**json_object(c), "command": command_line(c.action)} for c in due])
            return
        _print_due(due, service.chase_delay(ws))
        return
    settings = None
    if send_it:
        settings = _smtp(ctx)
        if not settings.configured:
            raise InputError("SMTP is not set up: set NEXTROUND_SMTP_HOST and NEXTROUND_SMTP_FROM, or use --eml FILE")
    result = service.chase_request(
        ws, request_id, force=anyway, smtp_settings=settings, eml_path=eml, sender_name=_sender_name(ctx)
    )
    if as_json:
        emit_json(result)
        return
    _print_message(result.message.subject, result.message.body)
    if result.sent:
        note_line(f"\nReminder sent to {result.request.to_email}. That was the one chase for #{request_id}.")
    elif result.eml_path:
        note_line(f"\nWrote {result.eml_path}. That is the one chase for #{request_id}.")
    else:
        if result.mailto:
            write_text("\n" + result.mailto + "\n")
        note_line(f"\nRecorded as the one chase for #{request_id}; no further reminder will be suggested.")


def _print_due(due: list[Any], days: int) -> None:
    from nextround.cli.actions import command_line

    out = console()
    if not due:
        out.print(f"No reminder is due (one chase is suggested {days} days after a request goes unanswered).")
        return
    out.print(f"{plural(len(due), 'feedback request')} waiting {days}+ days — one polite reminder each:")
    for item in due:
        out.print(
            f"  #{item.request.id} {safe(item.company)} — {safe(item.role)}: sent {item.waited_days} days ago. "
            f"{safe(command_line(item.action))}"
        )


@feedback_app.command("add")
def add(
    ctx: typer.Context,
    app_id: AppId,
    text_file: Annotated[
        Path | None, typer.Option("--text-file", help="A file holding the feedback (default: standard input).")
    ] = None,
    source: Annotated[str, typer.Option("--source", help="employer, recruiter, self or mock.")] = "employer",
    request: Annotated[
        int | None, typer.Option("--request", help="The request this answers (default: the open one).")
    ] = None,
    on: Annotated[str | None, typer.Option("--on", help="When it was received (default: now).")] = None,
    as_json: JsonFlag = False,
) -> None:
    """Record feedback verbatim (from a file or standard input) with its analysis."""
    from nextround.services.feedback_records import record_feedback

    ws = workspace(ctx)
    if text_file is not None:
        from nextround.integrations.files import read_text_file

        text = read_text_file(text_file, ws.settings.max_import_bytes)
    else:
        text = _read_stdin("feedback")
    entry = record_feedback(ws, app_id, text, source, request, received_at=moment(on, ws))
    if as_json:
        emit_json(entry.to_dict())
        return
    out = console()
    linked = f" (answer to request #{entry.request_id}, now marked replied)" if entry.request_id else ""
    out.print(f"Recorded feedback #{entry.id} for application {app_id}{linked}.")
    _print_evidence(out, entry.analysis)
    summary = str(entry.analysis.get("summary", ""))
    if summary:
        out.print(safe(summary))
    for action in entry.analysis.get("actions", []) or []:
        out.print(f"  • {safe(str(action))}")


def _print_evidence(out: Any, analysis: dict[str, Any]) -> None:
    """Each theme with every clause behind it, in the employer's own words (the first alone can be a clause
    that mainly says something else)."""
    from nextround.domain.themes import theme_label

    reasons = {str(f.get("theme")) for f in analysis.get("themes", []) or [] if isinstance(f, dict)}
    for kind, key in (("", "themes"), ("strength: ", "strengths")):
        for finding in analysis.get(key, []) or []:
            quotes = finding.get("evidence") if isinstance(finding, dict) else None
            if quotes and isinstance(quotes, list):
                theme = str(finding.get("theme", ""))
                # praise of a quality that is also a reason: the part that went well
                prefix = "went well in " if kind and theme in reasons else kind
                label = prefix + theme_label(theme)
                shown = " · ".join(f"\u201c{safe(str(quote))}\u201d" for quote in quotes)
                out.print(f"  {safe(label)}: {shown}")


@feedback_app.command("show")
def show(ctx: typer.Context, app_id: AppId, as_json: JsonFlag = False) -> None:
    """One application's feedback requests, the feedback recorded, and its interviews."""
    from nextround.serialize import json_object
    from nextround.services.feedback_records import application_feedback

    data = application_feedback(workspace(ctx), app_id)
    if as_json:
        emit_json(data)
        return
    out = console()
    out.print(f"[bold]#{data.application_id} {safe(data.company)} — {safe(data.role)}[/bold]")
    out.print(f"A '{data.request_kind.value}' request fits this application.")
    if not data.requests:
        out.print(f"No request yet: nextround feedback draft {app_id}")
    for r in data.requests:
        out.print(_request_line(json_object(r)))
    for entry in data.feedback:
        out.print(f"\n[bold]Feedback #{entry.id}[/bold] ({entry.source.value}, {entry.received_at.isoformat()[:10]}):")
        out.print(safe(entry.text.rstrip()))
        summary = entry.analysis.get("summary")
        if summary:
            out.print(f"[dim]{safe(str(summary))}[/dim]")
    if data.interviews:
        out.print("\n[bold]Interviews[/bold]")
        for interview in data.interviews:
            out.print("  " + _interview_line(json_object(interview)))


@feedback_app.command("stats")
def stats(ctx: typer.Context, as_json: JsonFlag = False) -> None:
    """How many feedback requests went out and how many got an answer."""
    from nextround.services.overview import feedback_stats

    data = feedback_stats(workspace(ctx))
    if as_json:
        emit_json(data)
        return
    rate = "n/a" if data.response_rate is None else f"{data.response_rate:.0%}"
    small = " (small sample)" if data.small_sample and data.requests_sent else ""
    console().print(
        f"{plural(data.requests_sent, 'request')} sent, {data.replied} replied, {data.declined} declined, "
        f"{data.no_reply} no reply, {data.waiting} waiting. Response rate: {rate}{small}."
    )


# -- interviews ----------------------------------------------------------------------------------------


def _interview_line(interview: dict[str, Any]) -> str:
    from datetime import datetime

    # Stored in UTC; shown in the user's own time zone, as entered.
    when = datetime.fromisoformat(interview["scheduled_at"]).astimezone()
    parts = [f"{when:%Y-%m-%d %H:%M}"]
    if interview["round"]:
        parts.append(f"round {interview['round']}")
    if interview["kind"]:
        parts.append(safe(interview["kind"]))
    if interview["interviewers"]:
        parts.append("with " + safe(", ".join(interview["interviewers"])))
    if interview["location"]:
        parts.append(safe(interview["location"]))
    return f"#{interview['id']} app {interview['application_id']}: " + ", ".join(parts)


@interview_app.command("add")
def interview_add(
    ctx: typer.Context,
    app_id: AppId,
    on: Annotated[str, typer.Option("--on", help="When: '2024-11-12 14:00', 2024-11-12, yesterday ...")],
    round_: Annotated[int | None, typer.Option("--round", help="Which interview round.")] = None,
    kind: Annotated[str, typer.Option("--kind", help="phone, technical, behavioural, panel, case ...")] = "",
    with_: Annotated[str, typer.Option("--with", help='The interviewers, comma-separated: "Priya, Tom".')] = "",
    location: Annotated[str, typer.Option("--location", help="Where, or the video link's name.")] = "",
    notes: Annotated[str, typer.Option("--notes", help="Anything worth remembering.")] = "",
    as_json: JsonFlag = False,
) -> None:
    """Record an interview and who was in the room (feedback requests thank them by name)."""
    from nextround.services.feedback_records import add_interview

    ws = workspace(ctx)
    when = moment(on, ws)
    assert when is not None
    interview = add_interview(ws, app_id, when, round_, kind, with_, location, notes)
    if as_json:
        emit_json(interview.to_dict())
        return
    console().print("Added interview " + _interview_line(interview.to_dict()))


@interview_app.command("list")
def interview_list(
    ctx: typer.Context,
    app: Annotated[int | None, typer.Option("--app", help="Only this application's interviews.")] = None,
    as_json: JsonFlag = False,
) -> None:
    """List interviews in time order."""
    from nextround.services.feedback_records import list_interviews

    found = list_interviews(workspace(ctx), app)
    if as_json:
        emit_json([i.to_dict() for i in found])
        return
    out = console()
    if not found:
        out.print('No interviews recorded. Add one: nextround interview add APP_ID --on 2024-11-12 --with "Priya"')
        return
    for interview in found:
        out.print(_interview_line(interview.to_dict()))


# -- analyze feedback ----------------------------------------------------------------------------------


@analyze_app.command("feedback")
def analyze_feedback_command(
    ctx: typer.Context,
    batch: Annotated[
        bool, typer.Option("--batch", help='Read JSON Lines {"text": ...} and write one JSON result per line.')
    ] = False,
    ai: AiFlag = False,
    as_json: JsonAnyway = False,
) -> None:
    """Analyse employer feedback read from standard input: themes, strengths, next steps (JSON)."""
    from nextround.analysis.feedback import analyze_feedback, analyze_feedback_batch

    if batch and ai:
        raise InputError("--ai works on one text at a time; drop --batch")
    if not batch:
        text = _read_stdin("feedback text")
        analysis = analyze_feedback(text).to_dict()
        if not ai:
            emit_json(analysis)
            return
        from nextround.cli.ai import with_ai
        from nextround.services.ai_coach import feedback_opinion

        emit_json(with_ai(analysis, feedback_opinion(workspace(ctx), text, analysis)))
        return
    texts = _jsonl_texts(sys.stdin)
    for result in analyze_feedback_batch(texts):
        write_text(json_text(result.to_dict()) + "\n")


def _jsonl_texts(stream: Any) -> list[str]:
    """Every line's "text", or an InputError naming the first bad line (nothing is printed then)."""
    texts: list[str] = []
    total = 0
    for number, line in enumerate(stream, start=1):
        if not line.strip():
            continue
        total += len(line)
        if total > MAX_STDIN_BATCH_CHARS:
            raise InputError(f"line {number}: the input is too large (over {MAX_STDIN_BATCH_CHARS} characters)")
        try:
            item = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(f"line {number}: not valid JSON ({exc.msg})") from None
        if not isinstance(item, dict) or not isinstance(item.get("text"), str):
            raise InputError(f'line {number}: expected an object with a "text" string, like {{"text": "..."}}')
        texts.append(item["text"])
    return texts


def register(app: typer.Typer) -> None:
    """Add `feedback`, `interview` and the shared `analyze` group to the root app."""
    app.add_typer(feedback_app, name="feedback")
    app.add_typer(interview_app, name="interview")
    if not any(info.typer_instance is analyze_app for info in app.registered_groups):
        app.add_typer(analyze_app, name="analyze")


__all__ = ["analyze_app", "feedback_app", "interview_app", "register"]
