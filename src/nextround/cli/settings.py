"""`nextround config ...`: the user's preferences (silence limits, auto-close)."""

from typing import Annotated

import typer

from nextround.cli.context import workspace
from nextround.cli.options import JsonFlag
from nextround.cli.output import console, emit_json, safe

app = typer.Typer(help="See and change preferences such as when an application counts as ghosted.")


@app.command("list")
def list_(ctx: typer.Context, as_json: JsonFlag = False) -> None:
    """Show every preference and its value."""
    from nextround.services.preferences import load_preferences

    values = load_preferences(workspace(ctx)).by_key()
    if as_json:
        emit_json(values)
        return
    out = console()
    for key, value in values.items():
        if isinstance(value, bool):
            shown = "on" if value else "off"
        else:
            shown = value if isinstance(value, str) else f"{value} days"
        out.print(f"{key} = {safe(shown)}")


@app.command("set")
def set_(
    ctx: typer.Context,
    key: Annotated[
        str, typer.Argument(metavar="KEY", help="The setting, such as ghost_days.applied (config list shows them all).")
    ],
    value: Annotated[str, typer.Argument(metavar="VALUE", help="A number of days, or on/off.")],
) -> None:
    """Change a preference, such as `nextround config set ghost_days.applied 30`."""
    from nextround.services.preferences import set_preference

    set_preference(workspace(ctx), key, value)
    console().print(f"{key} set to {value}.")


@app.command("reset")
def reset(
    ctx: typer.Context, key: Annotated[str, typer.Argument(metavar="KEY", help="The preference to reset.")]
) -> None:
    """Put a preference back to its default."""
    from nextround.services.preferences import reset_preference

    value = reset_preference(workspace(ctx), key).by_key()[key]
    console().print(f"{key} back to its default ({value}).")


@app.command("smtp")
def smtp(
    ctx: typer.Context,
    send_test: Annotated[bool, typer.Option("--test", help="Send a test message (to yourself unless --to).")] = False,
    to: Annotated[str | None, typer.Option(help="Where the test message goes.")] = None,
    as_json: JsonFlag = False,
) -> None:
    """Show how email is set up (never the password), and optionally send a test message."""
    from nextround.serialize import json_object
    from nextround.services.mail_check import send_test_message, smtp_status
    from nextround.services.mail_setup import smtp_config

    config = smtp_config(workspace(ctx))
    status = smtp_status(config)
    sent_to = send_test_message(config, to) if send_test else None
    if as_json:
        # the part at fault is null, as `error` is, when the set-up can be used or is not begun (README)
        emit_json({**json_object(status), "problem": status.problem or None, "test_sent_to": sent_to})
        return
    out = console()
    if not status.configured:
        out.print(status.error or "Email is not set up: set NEXTROUND_SMTP_HOST and NEXTROUND_SMTP_FROM.")
        return
    out.print(
        f"SMTP {status.host}:{status.port} ({status.security}), from {status.from_addr}, "
        f"user {status.user or '—'}, password {status.password}."
    )
    if sent_to:
        out.print(f"Test message sent to {sent_to}.")
