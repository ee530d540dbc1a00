"""Step 3, enhance interviewing skills: `questions`, `practice`, `progress` and `analyze answer`."""

import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from nextround.cli.context import workspace
from nextround.cli.options import AiFlag, JsonAnyway, JsonFlag
from nextround.cli.output import console, emit_json, json_text, plural, safe, write_text
from nextround.cli.terminal_input import MAX_STDIN_BATCH_CHARS, MAX_STDIN_CHARS, read_standard_input
from nextround.errors import UserError

if TYPE_CHECKING:
    from rich.console import Console

    from nextround.domain.questions import Question
    from nextround.services.answer_results import AttemptComparison

questions_app = typer.Typer(help="The interview question bank and your own questions.", no_args_is_help=True)

STAR_ORDER = ("situation", "task", "action", "result")
QUOTE_CHARS = 90


class AnswerInputError(UserError, ValueError):
    """Standard input for `analyze answer` that cannot be read as asked."""


# -- questions ------------------------------------------------------------------------------------


@questions_app.command("list")
def questions_list(
    ctx: typer.Context,
    category: Annotated[str | None, typer.Option(help="Only this category, e.g. behavioural, motivation.")] = None,
    role: Annotated[
        str | None, typer.Option(help="Only questions that suit this role family, e.g. software_engineering.")
    ] = None,
    as_json: JsonFlag = False,
) -> None:
    """List the bundled questions and your own, optionally filtered."""
    from nextround.services.practice import list_questions

    questions = list_questions(workspace(ctx), category=category, role=role)
    if as_json:
        emit_json([question.to_dict() for question in questions])
        return
    from rich.table import Table

    table = Table(box=None, show_header=True, header_style="bold", pad_edge=False)
    table.add_column("id", no_wrap=True)
    table.add_column("category", no_wrap=True)
    table.add_column("question")
    for question in questions:
        table.add_row(safe(question.id), question.category, safe(question.text))
    out = console()
    out.print(table)
    out.print(f"\n{plural(len(questions), 'question')}. Practise with: nextround practice")


@questions_app.command("add")
def questions_add(
    ctx: typer.Context,
    text: Annotated[str, typer.Argument(metavar="TEXT", help="The question, as it was asked.")],
    category: Annotated[
        str, typer.Option(help="Its category: behavioural, situational, motivation, ...")
    ] = "behavioural",
    app_id: Annotated[int | None, typer.Option("--app", help="The application whose interview asked it.")] = None,
    interview: Annotated[int | None, typer.Option(help="The interview that asked it (links its application).")] = None,
    competency: Annotated[
        list[str] | None, typer.Option(help="A competency it tests, e.g. conflict (repeat for several).")
    ] = None,
    as_json: JsonFlag = False,
) -> None:
    """Add your own question, such as one a real interview surprised you with."""
    from nextround.services.practice import add_custom_question

    question = add_custom_question(
        workspace(ctx), text, category, app_id=app_id, interview_id=interview, competencies=competency or ()
    )
    if as_json:
        emit_json(question.to_dict())
        return
    console().print(f"Added question {question.id}. It will come up in your next practice session.")


@questions_app.command("show")
def questions_show(
    ctx: typer.Context,
    question_id: Annotated[
        str, typer.Argument(metavar="QUESTION_ID", help="A bank id (beh-conflict-01) or custom:<n>.")
    ],
    as_json: JsonFlag = False,
) -> None:
    """Show a question, what a good answer does, its pitfalls and your attempts."""
    from nextround.services.practice import question_details

    data = question_details(workspace(ctx), question_id)
    if as_json:
        emit_json(data)
        return
    out = console()
    question = data.question
    out.print(f"[bold]{safe(question.text)}[/bold]")
    out.print(f"[dim]{safe(question.id)} · {question.category} · {', '.join(question.competencies) or '-'}[/dim]")
    if question.good_answer:
        out.print(f"\nA good answer: {safe(question.good_answer)}")
    for title, items in (("Pitfalls", question.pitfalls), ("Follow-ups to expect", question.follow_ups)):
        if items:
            out.print(f"\n{title}:")
            for item in items:
                out.print(f"  • {safe(item)}")
    if data.attempts:
        scores = ", ".join(f"{a.score} ({a.answered_at.isoformat()[:10]})" for a in data.attempts)
        out.print(f"\nYour attempts: {scores}")
    else:
        out.print("\nNot practised yet.")


# -- practice -------------------------------------------------------------------------------------


def _read_answer() -> tuple[str, str]:
    """Lines until an empty one. Returns (text, command) with command "", "skip" or "quit"."""
    lines: list[str] = []
    sys.stdout.flush()  # the question must be on screen (or in the pipe) before we wait for the answer
    while True:
        line = sys.stdin.readline()
        if not line:  # end of input
            return ("\n".join(lines), "" if lines else "quit")
        line = line.rstrip("\r\n")
        if not lines and line.strip().lower() in ("skip", "quit"):
            return ("", line.strip().lower())
        if not line.strip():
            if lines:
                return ("\n".join(lines), "")
            continue
        lines.append(line)


def _quote(text: str) -> str:
    return text if len(text) <= QUOTE_CHARS else text[: QUOTE_CHARS - 1].rstrip() + "…"


def _print_analysis(out: "Console", data: dict[str, Any]) -> None:
    from rich.table import Table

    length = data["length"]
    out.print(
        f"\n[bold]Score {data['score']}/100[/bold]  ·  {data['word_count']} words, about "
        f"{data['speaking_seconds']} s spoken (target {length['target_min']}-{length['target_max']} words: "
        f"{length['verdict']})"
    )
    table = Table(box=None, show_header=False, pad_edge=False)
    table.add_column("measure", no_wrap=True)
    table.add_column("points", justify="right", no_wrap=True)
    table.add_column("why")
    for item in data["score_breakdown"]:
        table.add_row(item["measure"].replace("_", " "), f"{item['points']}/{item['max']}", safe(item["why"]))
    out.print(table)
    if data["question_type"] in ("behavioural", "situational"):
        out.print("STAR:")
        sentences = data["sentences"]
        for part in STAR_ORDER:
            indices = data["star_sentences"].get(part) or []
            if indices:
                out.print(f"  [green]✓[/green] {part}: “{safe(_quote(sentences[indices[0]]))}”")
            else:
                out.print(f"  [red]✗[/red] {part}: missing")
    fillers = data["fillers"]
    if fillers["found"]:
        found = ", ".join(f"{safe(word)} ×{count}" for word, count in fillers["found"].items())
        out.print(f"Fillers: {fillers['per_100_words']} per 100 words ({found})")
    else:
        out.print("Fillers: none")
    out.print("Hedges: " + (", ".join(safe(h) for h in data["hedges"]) if data["hedges"] else "none"))
    terms = data["job_terms"]
    if terms is not None:
        used = ", ".join(safe(t) for t in terms["used"]) or "none"
        missed = ", ".join(safe(t) for t in terms["missed"]) or "none"
        out.print(f"Job terms used: {used}  ·  not used: {missed}")
    if data["suggestions"]:
        out.print("Suggestions:")
        for suggestion in data["suggestions"]:
            out.print(f"  • {safe(suggestion)}")


def _print_comparison(out: "Console", comparison: "AttemptComparison") -> None:
    score = comparison.score
    when = comparison.previous_answered_at.date().isoformat()
    out.print(
        f"\n[bold]Compared with your attempt on {when}:[/bold] {score.previous} → {score.current} "
        f"({score.delta:+d}). {safe(comparison.verdict)}"
    )
    star = comparison.star
    if star.added or star.dropped:
        changes = [*(f"+{p}" for p in star.added), *(f"-{p}" for p in star.dropped)]
        out.print(f"STAR changes: {', '.join(changes)}")


def _time_note(elapsed: float, limit: int | None) -> str:
    seconds = round(elapsed)
    if limit is None:
        return f"Took {seconds} s."
    if seconds > limit:
        return f"[yellow]Over the time limit by {seconds - limit} s[/yellow] ({seconds} s of {limit} s)."
    return f"Within the time limit ({seconds} s of {limit} s)."


def practice(
    ctx: typer.Context,
    app_id: Annotated[
        int | None, typer.Option("--app", help="Plan from this application's job description and role.")
    ] = None,
    focus: Annotated[
        str | None, typer.Option(help="A feedback theme to train: communication, preparation, experience, ...")
    ] = None,
    count: Annotated[int, typer.Option(help="How many questions.")] = 5,
    time_limit: Annotated[
        int | None, typer.Option("--time-limit", help="Seconds per answer; overruns are reported.", min=1)
    ] = None,
    seed: Annotated[int | None, typer.Option(help="Fix the choice of questions (for repeatable sessions).")] = None,
    voice: Annotated[
        bool,
        typer.Option(
            "--voice",
            help="Answer out loud through the microphone; adds pace, pauses and fillers. Needs the voice extra.",
        ),
    ] = False,
    ai: AiFlag = False,
) -> None:
    """Run an interactive practice session: answer, see the analysis, answer follow-ups, improve.

    Type your answer over as many lines as you like and end it with an empty line. Type "skip" to pass
    on a question, "quit" to stop. With --voice, press Enter to start speaking and Enter again to stop.
    """
    from nextround.services import practice as service

    microphone = None
    if voice:
        from nextround.cli.voice import require_microphone

        microphone = require_microphone()
    ws = workspace(ctx)
    planned = service.plan(ws, app_id=app_id, focus=focus, count=count, seed=seed)
    out = console()
    if not planned:
        out.print("No questions to practise.")
        return
    session_id = service.start_session(ws, planned, app_id=app_id, focus=focus)
    if ai:
        from nextround.services.ai_config import ai_status

        status = ai_status(ws)
        if not status.enabled:
            out.print(f"[dim]AI: {safe(status.reason)}; practising with the offline coach only.[/dim]")
        ai = status.enabled
    out.print(
        f"Practice session {session_id}: {plural(len(planned), 'question')}. End each answer with an empty "
        'line; type "skip" to pass, "quit" to stop.'
    )
    answered = 0
    for number, item in enumerate(planned, start=1):
        question = item.question
        out.print(f"\n[bold]Question {number}/{len(planned)}[/bold] [dim]({question.category})[/dim]")
        out.print(f"[bold]{safe(question.text)}[/bold]")
        out.print(f"[dim]Why this question: {safe(item.reason)}[/dim]")
        if time_limit is not None:
            out.print(f"[dim]Time limit: {time_limit} s[/dim]")
        if microphone is not None:
            out.print(
                '[dim]Press Enter to start speaking and Enter again when you are done (or type "skip", "quit").[/dim]'
            )
            command = _voice_answer(out, ws, session_id, question, microphone, time_limit, ai=ai)
            answered += command == ""
            if command == "quit":
                break
            continue
        started = time.monotonic()
        text, command = _read_answer()
        elapsed = time.monotonic() - started
        if command == "quit":
            break
        if command == "skip":
            out.print("[dim]Skipped.[/dim]")
            continue
        answered += 1
        if not _answer_one(out, ws, session_id, question, text, elapsed, time_limit, ai=ai):
            break
    summary = service.finish_session(ws, session_id)
    if answered:
        out.print(
            f"\nSession {session_id} done: {plural(summary.answers, 'answer')}, average score "
            f"{summary.average_score}. See how you are doing over time: nextround progress"
        )
    else:
        out.print(f"\nSession {session_id} ended with no answers.")


def _answer_one(
    out: "Console",
    ws: Any,
    session_id: int,
    question: "Question",
    text: str,
    elapsed: float,
    limit: int | None,
    ai: bool = False,
) -> bool:
    """Analyse, follow up, store and compare one answer; False when the user typed "quit"."""
    from nextround.serialize import json_object
    from nextround.services import practice as service

    first = json_object(service.preview_answer(ws, session_id, question, text))  # printed as --json names it
    _print_analysis(out, first)
    out.print(_time_note(elapsed, limit))
    review = _ai_review(out, ws, question, text, first) if ai else None
    follow_up = review.follow_up_question if review is not None else first["follow_up"]
    follow_up_text: str | None = None
    command = ""
    if follow_up:
        label = "Follow-up (AI)" if review is not None else "Follow-up"
        out.print(f"\n[bold]{label}:[/bold] {safe(follow_up)}")
        out.print('[dim]Answer it (end with an empty line), or type "skip".[/dim]')
        started = time.monotonic()
        follow_up_text, command = _read_answer()
        elapsed += time.monotonic() - started
        if command or not follow_up_text.strip():
            follow_up_text = None
    analysis, comparison = service.record_answer(
        ws, session_id, question, text, round(elapsed), follow_up_text=follow_up_text
    )
    if review is not None:
        from nextround.services.ai_coach import keep_for_answer

        keep_for_answer(ws, review, question.id)
    if follow_up_text is not None:
        present = [part for part in STAR_ORDER if analysis.star.get(part)]
        out.print(
            f"With your follow-up the score is [bold]{analysis.score}/100[/bold] "
            f"({analysis.score - int(str(first['score'])):+d}); STAR parts: {', '.join(present) or 'none'}."
        )
        if analysis.follow_up:
            out.print(f"[dim]Still worth covering next time: {safe(analysis.follow_up)}[/dim]")
    if comparison is not None:
        _print_comparison(out, comparison)
    return command != "quit"


def _voice_answer(
    out: "Console",
    ws: Any,
    session_id: int,
    question: "Question",
    microphone: Any,
    limit: int | None,
    ai: bool = False,
) -> str:
    """Record, transcribe, analyse and store one spoken answer; returns "", "skip" or "quit"."""
    from nextround.cli.voice import print_delivery, record_answer
    from nextround.serialize import json_object
    from nextround.services.voice import record_spoken_answer

    sys.stdout.flush()
    command = sys.stdin.readline().strip().lower()
    if command in ("skip", "quit"):
        return command
    out.print("[bold]Recording…[/bold] press Enter to stop.")
    audio = record_answer(microphone)
    out.print("[dim]Transcribing on this computer…[/dim]")
    stored = record_spoken_answer(ws, session_id, question, audio, "answer.wav")
    print_delivery(out, stored.spoken.delivery)
    written = json_object(stored.spoken.analysis)  # as --json names it, like a typed answer
    _print_analysis(out, written)
    out.print(_time_note(stored.spoken.delivery.recording_seconds, limit))
    if stored.comparison is not None:
        _print_comparison(out, stored.comparison)
    if ai:
        from nextround.services.ai_coach import keep_for_answer

        review = _ai_review(out, ws, question, stored.spoken.transcript, written)
        if review is not None:
            keep_for_answer(ws, review, question.id)
    return ""


def _ai_review(out: "Console", ws: Any, question: "Question", text: str, analysis: dict[str, Any]) -> Any:
    """The AI critique of an answer, printed; None (after a note) when the offline analysis stands alone."""
    from nextround.cli.ai import print_review
    from nextround.services.ai_coach import AiAnswerReview, critique_answer

    result = critique_answer(ws, question.text, text, analysis)
    print_review(out, result)
    return result if isinstance(result, AiAnswerReview) else None


# -- progress -------------------------------------------------------------------------------------


def _fmt(value: Any, percent: bool = False) -> str:
    if value is None:
        return "-"
    return f"{value:.0%}" if percent else f"{value:g}"


def progress_command(ctx: typer.Context, as_json: JsonFlag = False) -> None:
    """Your practice over time: sessions, scores and measures per week, categories, weak spots, streak."""
    from nextround.services.practice_progress import progress

    data = progress(workspace(ctx))
    if as_json:
        emit_json(data)
        return
    from rich.table import Table

    out = console()
    if not data.answers:
        out.print("No practice yet. Start a session: nextround practice")
        return
    streak = data.streak
    out.print(
        f"[bold]{plural(data.sessions, 'session')}[/bold], {plural(data.answers, 'answer')}, average score "
        f"{_fmt(data.average_score)}. Streak: {plural(streak.days, 'day')} (longest {streak.longest}); "
        f"{plural(data.due_reviews, 'question')} due for another try."
    )
    weeks = Table(title="By week", box=None, header_style="bold", title_justify="left", pad_edge=False)
    for name in ("week", "answers", "score", "STAR complete", "result", "number in result", "fillers/100"):
        weeks.add_column(name, justify="left" if name == "week" else "right")
    for week in data.by_week:
        measures = week.measures
        weeks.add_row(
            week.week,
            str(week.answers),
            _fmt(measures["average_score"]),
            _fmt(measures["star_complete"], True),
            _fmt(measures["result_rate"], True),
            _fmt(measures["quantified_rate"], True),
            _fmt(measures["fillers_per_100"]),
        )
    out.print(weeks)
    categories = ", ".join(f"{c.category} {_fmt(c.average_score)} ({c.answers})" for c in data.by_category)
    out.print(f"\nBy category (average, answers): {categories}")
    if data.weakest_competencies:
        weakest = ", ".join(f"{w.competency} {_fmt(w.average_score)}" for w in data.weakest_competencies)
        out.print(f"Weakest competencies: {weakest}")
    changes = [
        f"{name.replace('_', ' ')} {_fmt(item.first_week)} → {_fmt(item.latest_week)}"
        for name, item in data.improvement.items()
        if item.improved
    ]
    if len(data.by_week) > 1:
        out.print("Better than your first week: " + ("; ".join(changes) if changes else "not yet — keep going"))
    spoken = data.spoken
    if spoken:
        first, last = spoken[0], spoken[-1]
        out.print(
            f"Spoken answers: {len(spoken)}; pace {_fmt(first.words_per_minute)} → "
            f"{_fmt(last.words_per_minute)} words a minute (the usual band is 120-160); fillers per 100 words "
            f"{_fmt(first.fillers_per_100)} → {_fmt(last.fillers_per_100)}"
        )


# -- analyze answer -------------------------------------------------------------------------------


def _batch_items(text: str, default_jd: str | None) -> list[dict[str, str | None]]:
    import json

    items: list[dict[str, str | None]] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except json.JSONDecodeError as exc:
            raise AnswerInputError(f"line {number}: not valid JSON ({exc.msg})") from None
        if not isinstance(item, dict):
            raise AnswerInputError(f"line {number}: expected a JSON object")
        for key in ("question", "answer"):
            if not isinstance(item.get(key), str):
                raise AnswerInputError(f'line {number}: "{key}" must be a string')
        jd = item.get("jd")
        if jd is not None and not isinstance(jd, str):
            raise AnswerInputError(f'line {number}: "jd" must be a string')
        items.append({"question": item["question"], "answer": item["answer"], "jd": jd or default_jd})
    if not items:
        raise AnswerInputError("no answers on standard input")
    return items


def analyze_answer_command(
    ctx: typer.Context,
    question: Annotated[
        str | None, typer.Option(help="The interview question the answer responds to (not with --batch).")
    ] = None,
    jd_file: Annotated[
        Path | None, typer.Option("--jd-file", help="A job description; its key terms are checked in the answer.")
    ] = None,
    batch: Annotated[
        bool,
        typer.Option(
            "--batch",
            help='Read one {"question": ..., "answer": ..., "jd": ...} JSON object per line; print one per line.',
        ),
    ] = False,
    audio: Annotated[
        Path | None,
        typer.Option(
            help="A recording of the answer (wav, mp3, m4a, webm, ogg), transcribed on this computer; adds "
            "the transcript and the delivery (pace, pauses, fillers). Needs the voice extra."
        ),
    ] = None,
    ai: AiFlag = False,
    as_json: JsonAnyway = False,
) -> None:
    """Analyse an interview answer read from standard input (or spoken in --audio) and print the analysis as JSON."""
    from nextround.analysis.answer import analyze_answer, analyze_answers_batch

    jd: str | None = None
    if jd_file is not None:
        from nextround.integrations.files import read_text_file

        jd = read_text_file(jd_file)
    if audio is not None:
        spoken = _analyze_audio(question, audio, jd, batch)
        _emit_answer(ctx, question or "", spoken["transcript"], spoken, ai)
        return
    text = read_standard_input("answers" if batch else "answer", MAX_STDIN_BATCH_CHARS if batch else MAX_STDIN_CHARS)
    if batch:
        if ai:
            raise AnswerInputError("--ai works on one answer at a time; drop --batch")
        results = analyze_answers_batch(_batch_items(text, jd))

        write_text("".join(json_text(r.to_dict()) + "\n" for r in results))
        return
    if question is None or not question.strip():
        raise AnswerInputError("give the question with --question (or use --batch)")
    if not text.strip():
        raise AnswerInputError("no answer on standard input")
    _emit_answer(ctx, question, text, analyze_answer(question, text, jd=jd).to_dict(), ai)


def _emit_answer(ctx: typer.Context, question: str, text: str, analysis: dict[str, Any], ai: bool) -> None:
    """The analysis as JSON, with the AI critique (or the note why there is none) under `ai` when asked for."""
    if not ai:
        emit_json(analysis)
        return
    from nextround.cli.ai import with_ai
    from nextround.services.ai_coach import critique_answer

    emit_json(with_ai(analysis, critique_answer(workspace(ctx), question, text, analysis)))


def _analyze_audio(question: str | None, audio: Path, jd: str | None, batch: bool) -> dict[str, Any]:
    from nextround.cli.voice import require_voice

    if batch:
        raise AnswerInputError("--audio analyses one recording; it does not go with --batch")
    if question is None or not question.strip():
        raise AnswerInputError("give the question with --question")
    require_voice()
    import io

    from nextround.integrations.files import read_limited
    from nextround.integrations.speech import MAX_AUDIO_BYTES
    from nextround.serialize import to_json
    from nextround.services.voice import analyze_recording

    spoken = analyze_recording(question, io.BytesIO(read_limited(audio, MAX_AUDIO_BYTES)), jd=jd)
    return {**spoken.analysis.to_dict(), "transcript": spoken.transcript, "delivery": to_json(spoken.delivery)}


def register(app: typer.Typer) -> None:
    """Add the practice pillar's commands to the root app."""
    app.add_typer(questions_app, name="questions")
    app.command("practice")(practice)
    app.command("progress")(progress_command)
    from nextround.cli.feedback import analyze_app  # the shared `analyze` group, put on the root by feedback

    analyze_app.command("answer")(analyze_answer_command)
