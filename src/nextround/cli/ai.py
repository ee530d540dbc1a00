"""`nextround ai ...`: set up, agree to and check the optional AI coach, and the AI-only practice commands."""

from typing import TYPE_CHECKING, Annotated, Any

import typer

from nextround.cli.context import workspace
from nextround.cli.options import AppId, JsonFlag
from nextround.cli.output import console, emit_json, safe

if TYPE_CHECKING:
    from rich.console import Console

    from nextround.services.ai_coach import AiAnswerReview, AiNote, AiSecondOpinion
    from nextround.services.ai_config import AiStatus
    from nextround.services.ai_interview import InterviewTurn, MockInterview

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


# -- AI results beside the offline ones (`--ai` on the analysis commands, practice) ------------------------


def ai_object(result: object) -> dict[str, Any]:
    """The `ai` object of a --json result: the AI result, or just its `note` when the offline result stands alone."""
    from nextround.serialize import json_object

    return {key: value for key, value in json_object(result).items() if value is not None}


def with_ai(offline: dict[str, Any], result: object) -> dict[str, Any]:
    return {**offline, "ai": ai_object(result)}


def print_note(out: "Console", result: "AiNote") -> None:
    out.print(f"[dim]AI: {safe(result.note)}[/dim]")


def _print_dropped(out: "Console", dropped: tuple[str, ...]) -> None:
    for line in dropped:
        out.print(f"[dim]  Dropped {safe(line)}.[/dim]")


def print_review(out: "Console", result: "AiAnswerReview | AiNote") -> None:
    """An answer critique, labelled as AI and with its model, or the note saying why there is none."""
    from nextround.services.ai_coach import AiNote

    if isinstance(result, AiNote):
        print_note(out, result)
        return
    critique = result.critique
    out.print(f"\n[bold]AI critique[/bold] [dim](model {safe(result.model)}; checked against your answer)[/dim]")
    for point in critique.what_worked:
        out.print(f"  [green]+[/green] {safe(point.point)} [dim]“{safe(point.quote)}”[/dim]")
    out.print(f"  [bold]The one change:[/bold] {safe(critique.one_change)}")
    if critique.weakest_sentence and critique.rewrite:
        out.print(f"  Weakest sentence: “{safe(critique.weakest_sentence)}”")
        out.print(f"  Rewrite: “{safe(critique.rewrite)}”")
    _print_dropped(out, result.dropped)


def print_opinion(out: "Console", result: "AiSecondOpinion | AiNote") -> None:
    from nextround.services.ai_coach import AiNote

    if isinstance(result, AiNote):
        print_note(out, result)
        return
    out.print(f"\n[bold]AI second opinion[/bold] [dim](model {safe(result.model)}; each claim quotes the text)[/dim]")
    for opinion in result.opinions:
        out.print(f"  {opinion.verdict}: [bold]{safe(opinion.subject)}[/bold] — {safe(opinion.comment)}")
        out.print(f"    [dim]“{safe(opinion.quote)}”[/dim]")
    if result.summary:
        out.print(f"  {safe(result.summary)}")
    _print_dropped(out, result.dropped)


# -- practice with the AI: likely questions, a mock interview ---------------------------------------------


@ai_app.command("questions")
def questions_command(
    ctx: typer.Context,
    app_id: AppId,
    count: Annotated[int, typer.Option(help="How many questions to ask for (1-12).")] = 6,
    as_json: JsonFlag = False,
) -> None:
    """Likely questions from an application's job description, added to your bank for that application."""
    from nextround.services.ai_coach import job_questions

    result = job_questions(workspace(ctx), app_id, count)
    if as_json:
        emit_json(result)
        return
    out = console()
    out.print(f"[bold]AI questions[/bold] [dim](model {safe(result.model)}; each rests on words of the job)[/dim]")
    for key, text in zip(result.added, result.questions, strict=True):
        out.print(f"  {safe(key)}  {safe(text)}")
    _print_dropped(out, result.dropped)
    if result.added:
        out.print(f"Added to your bank for application {app_id}. Practise them: nextround practice --app {app_id}")
    else:
        out.print("No new questions to add.")


def _stream_to(out: "Console") -> Any:
    def show(piece: str) -> None:
        out.print(safe(piece), end="")
        out.file.flush()

    return show


def _print_answer_turn(out: "Console", turn: "InterviewTurn") -> None:
    measures = turn.measures
    if turn.delivery is not None:
        spoken = turn.delivery
        pace = f"{spoken.words_per_minute:.0f} words per minute, " if spoken.words_per_minute else ""
        out.print(
            f"[dim]Spoken: {pace}{spoken.long_pauses} long pauses (longest {spoken.longest_pause_seconds:g} s), "
            f"{spoken.fillers_per_100:g} fillers per 100 words[/dim]"
        )
    if measures is not None:
        missing = f"; missing: {', '.join(measures.star_missing)}" if measures.star_missing else ""
        out.print(
            f"[dim]Offline analysis: score {measures.score}/100, {measures.word_count} words, "
            f"{measures.fillers_per_100_words:g} fillers per 100 words; STAR: "
            f"{', '.join(measures.star_present) or 'none'}{missing}[/dim]"
        )
    if turn.critique is not None:
        print_review(out, turn.critique)


def _print_follow_up(out: "Console", turn: "InterviewTurn") -> None:
    who = "Interviewer" if turn.source == "offline" else "Interviewer (AI)"
    out.print(f"\n[bold]{who}:[/bold] {safe(turn.text)}")


def _print_debrief(out: "Console", interview: "MockInterview") -> None:
    debrief = interview.debrief
    if debrief is None:
        return
    source = "offline coach" if debrief.source == "offline" else f"AI, model {safe(debrief.source)}"
    out.print(f"\n[bold]Debrief[/bold] [dim]({source})[/dim]\n{safe(debrief.summary)}")
    for title, points in (("Strengths", debrief.strengths), ("To work on", debrief.work_on)):
        for point in points:
            out.print(f"  {title}: {safe(point.point)} [dim]“{safe(point.quote)}”[/dim]")
    _print_dropped(out, debrief.dropped)


def _take_answer(out: "Console", ws: Any, interview_id: int, microphone: Any) -> "MockInterview | None":
    """The next answer, typed or spoken, taken by the interview; None when the user stops."""
    from nextround.services.ai_interview import answer_interview, answer_interview_spoken

    if microphone is None:
        from nextround.cli.practice import _read_answer

        text, command = _read_answer()
        return None if command in ("quit", "skip") and not text else answer_interview(ws, interview_id, text)
    import io
    import sys

    from nextround.cli.voice import record_answer

    sys.stdout.flush()
    line = sys.stdin.readline()
    if not line or line.strip().lower() == "quit":
        return None
    out.print("[bold]Recording…[/bold] press Enter to stop.")
    audio = record_answer(microphone)
    out.print("[dim]Transcribing on this computer…[/dim]")
    interview = answer_interview_spoken(ws, interview_id, io.BytesIO(audio))
    spoken = next(t for t in reversed(interview.turns) if t.speaker == "candidate")
    out.print(f"You said: “{safe(spoken.text)}”")
    return interview


def interview_command(
    ctx: typer.Context,
    app_id: AppId,
    questions: Annotated[int, typer.Option(help="How many main questions (1-6), each with a follow-up.")] = 3,
    voice: Annotated[
        bool,
        typer.Option("--voice", help="Answer out loud through the microphone; adds pace, pauses and fillers."),
    ] = False,
) -> None:
    """A mock interview for an application: a question, a follow-up, the next question, then a debrief.

    End each answer with an empty line; type "quit" to stop. With --voice, press Enter to start speaking and
    Enter again to stop. Without the AI coach, the offline coach asks.
    """
    from nextround.services.ai_interview import continue_interview, start_interview

    microphone = None
    if voice:
        from nextround.cli.voice import require_microphone

        microphone = require_microphone()
    ws = workspace(ctx)
    out = console()
    how = "Press Enter to start speaking and Enter again to stop" if voice else "End each answer with an empty line"
    out.print(f"[bold]Mock interview[/bold] for application {app_id}. {how}.")
    out.print("\n[bold]Interviewer:[/bold] ", end="")
    interview = start_interview(ws, app_id, questions, on_piece=_stream_to(out))
    out.print()
    for note in interview.notes:
        out.print(f"[dim]{safe(note)}[/dim]")
    shown_notes = len(interview.notes)
    while not interview.finished:
        answered = _take_answer(out, ws, interview.id, microphone)
        if answered is None:
            out.print("Interview stopped; it is kept as far as it went.")
            return
        interview = answered
        if not interview.awaiting_interviewer:  # a main question: its follow-up came with the critique
            _print_answer_turn(out, interview.turns[-2])
            _print_follow_up(out, interview.turns[-1])
        else:
            _print_answer_turn(out, interview.turns[-1])
            asking = interview.questions_asked < interview.planned_questions
            if asking:
                out.print("\n[bold]Interviewer:[/bold] ", end="")
            interview = continue_interview(ws, interview.id, on_piece=_stream_to(out) if asking else None)
            if asking:
                out.print()
        for note in interview.notes[shown_notes:]:
            out.print(f"[dim]{safe(note)}[/dim]")
        shown_notes = len(interview.notes)
    _print_debrief(out, interview)


def register(app: typer.Typer) -> None:
    ai_app.command("interview")(interview_command)
    app.add_typer(ai_app, name="ai")
