"""`nextround ai ...`: set up, agree to and check the optional AI coach, and the AI-only practice commands."""

from typing import TYPE_CHECKING, Annotated

import typer

from nextround.cli.context import workspace
from nextround.cli.options import JsonFlag
from nextround.cli.output import console, emit_json, safe

if TYPE_CHECKING:
    from nextround.services.ai_config import AiStatus

ai_app = typer.Typer(
    help="The optional AI coach: any OpenAI-compatible endpoint you choose, off until you agree.",
    no_args_is_help=True,
)

HOW_TO_SET_UP = (
    "Set NEXTROUND_AI_BASE_URL (for Ollama: http://localhost:11434/v1) and NEXTROUND_AI_MODEL, and "
    "NEXTROUND_AI_API_KEY if the endpoint needs a key (or keep it in the OS keyring, service nextround-ai); "
    "or fill them in on the Settings page (nextround serve)."
)


def _status_lines(status: "AiStatus") -> list[str]:
    if status.state == "not_configured":
        return ["AI coach: off, not set up.", HOW_TO_SET_UP]
    key = {"environment": "from NEXTROUND_AI_API_KEY", "keyring": "from the OS keyring", "none": "none"}[status.key]
    where = "this computer" if status.local else "another computer"
    lines = [
        f"AI coach: {'on' if status.enabled else 'off'}.",
        f"Endpoint: {safe(status.base_url)} ({where})",
        f"Model: {safe(status.model)}",
        f"Key: {key}",
    ]
    if not status.enabled:
        lines.append(f"{status.reason[0].upper()}{status.reason[1:]}: nextround ai enable")
    return lines


@ai_app.command("status")
def status_command(ctx: typer.Context, as_json: JsonFlag = False) -> None:
    """Whether the AI coach is set up and on, the endpoint, the model and where the key comes from."""
    from nextround.services.ai_config import ai_status

    status = ai_status(workspace(ctx))
    if as_json:
        emit_json(status)
        return
    out = console()
    for line in _status_lines(status):
        out.print(line)


@ai_app.command("enable")
def enable_command(
    ctx: typer.Context,
    yes: Annotated[bool, typer.Option("--yes", help="Agree without being asked (for scripts).")] = False,
) -> None:
    """Say exactly what will be sent where, ask once, and turn the AI coach on."""
    from nextround.services.ai_config import ai_status, enable_ai

    ws = workspace(ctx)
    status = ai_status(ws)
    out = console()
    if status.state == "not_configured":
        out.print(f"The AI coach is not set up. {HOW_TO_SET_UP}")
        raise typer.Exit(1)
    out.print(safe(status.consent_text))
    if not yes and not typer.confirm("Turn the AI coach on?", default=False):
        out.print("The AI coach stays off.")
        raise typer.Exit(1)
    enable_ai(ws)
    out.print(f"AI coach on: {safe(status.base_url)}, model {safe(status.model)}. Check it with: nextround ai test")


@ai_app.command("disable")
def disable_command(ctx: typer.Context) -> None:
    """Turn the AI coach off: nothing is sent until you enable it again."""
    from nextround.services.ai_config import disable_ai

    disable_ai(workspace(ctx))
    console().print("AI coach off: nothing will be sent.")


@ai_app.command("test")
def test_command(ctx: typer.Context, as_json: JsonFlag = False) -> None:
    """Send one short request to the endpoint and say whether, and how fast, the model answered."""
    from nextround.services.ai_config import check_ai

    result = check_ai(workspace(ctx))
    if as_json:
        emit_json(result)
        return
    console().print(f"The model {safe(result.model)} answered in {result.seconds:g} s: “{safe(result.reply)}”")


def register(app: typer.Typer) -> None:
    app.add_typer(ai_app, name="ai")
