"""`questions`, `practice`, `progress` and `analyze answer` through the Typer runner."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from nextround.domain.questions import load_bank
from nextround.services import practice
from nextround.services.workspace import Workspace
from tests.factories import make_application

Cli = Callable[..., Any]

BEHAVIOURAL = next(q for q in load_bank() if q.id == "beh-teamwork-01")
NO_RESULT = (
    "Last spring I was the shift lead at a busy bakery and a wedding order came in the day two bakers called in sick.\n"
    "I was responsible for getting three hundred pastries ready by eight the next morning.\n"
    "I split the work into batches, called in a former colleague, and I ran the ovens myself overnight.\n"
)
RESULT = "In the end every order went out on time and the client booked us for 3 more events.\n"
ANALYSIS_KEYS = {
    "score", "question_type", "star", "star_sentences", "sentences", "quantified_result", "word_count",
    "speaking_seconds", "length", "fillers", "hedges", "ownership", "relevance", "job_terms", "score_breakdown",
    "suggestions", "follow_up",
}  # fmt: skip


def progress_json(cli: Cli) -> dict[str, Any]:
    result = cli("progress", "--json")
    assert result.exit_code == 0, result.output
    data: dict[str, Any] = json.loads(result.stdout)
    return data


def test_an_interactive_session_follows_up_compares_and_counts(cli: Cli, workspace: Workspace) -> None:
    # An old, weak attempt (the fake clock is in 2024), so that question is long due for another try.
    old_session = practice.start_session(workspace, [])
    practice.record_answer(workspace, old_session, BEHAVIOURAL, "We did some teamwork once.", 20)
    practice.finish_session(workspace, old_session)
    before = progress_json(cli)
    assert before["answers"] == 1
    assert before["due_reviews"] == 1

    # Question 1: an answer without a result, then the follow-up; question 2: a full answer; then
    # "skip" in case question 2 has a follow-up of its own.
    session_input = NO_RESULT + "\n" + RESULT + "\n" + NO_RESULT + RESULT + "\n" + "skip\n"
    result = cli("practice", "--count", "2", "--seed", "1", "--time-limit", "120", input=session_input)
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "Question 1/2" in out and "Question 2/2" in out
    assert BEHAVIOURAL.text in out
    assert "due for another try" in out
    assert "Time limit: 120 s" in out
    assert "Within the time limit" in out
    assert "STAR:" in out and "✗ result: missing" in out
    assert "Follow-up: And what was the result?" in out
    assert "With your follow-up the score is" in out
    assert "Compared with your attempt on 2024-11-06" in out
    assert "2 answers, average score" in out

    after = progress_json(cli)
    assert after["answers"] == 3
    assert after["sessions"] == 2
    assert after["due_reviews"] == 0  # just practised
    shown = json.loads(cli("questions", "show", BEHAVIOURAL.id, "--json").stdout)
    assert len(shown["attempts"]) == 2


def test_quit_and_skip_store_nothing(cli: Cli) -> None:
    result = cli("practice", "--count", "3", input="skip\nquit\n")
    assert result.exit_code == 0, result.output
    assert "Question 2/3" in result.stdout
    assert "Question 3/3" not in result.stdout
    assert "Skipped." in result.stdout
    assert "ended with no answers" in result.stdout
    assert progress_json(cli)["answers"] == 0
    # End of input is a quit too.
    assert cli("practice", "--count", "2", input="").exit_code == 0


def test_practice_refuses_unknown_themes_and_applications(cli: Cli) -> None:
    result = cli("practice", "--focus", "charisma", input="quit\n")
    assert result.exit_code == 1
    assert result.stderr.startswith("error: unknown focus theme 'charisma'")
    result = cli("practice", "--app", "42", input="quit\n")
    assert result.exit_code == 1
    assert result.stderr.strip() == "error: no application with id 42"


def test_progress_human_output(cli: Cli) -> None:
    assert "No practice yet" in cli("progress").stdout
    cli("practice", "--count", "1", "--seed", "3", input=NO_RESULT + "\nskip\n")
    text = cli("progress").stdout
    assert "1 session" in text and "1 answer" in text
    assert "By week" in text


def test_questions_add_list_show(cli: Cli, workspace: Workspace) -> None:
    app = make_application(workspace, company="Crumb & Co")
    added = cli(
        "questions", "add", "Why [bold]sourdough[/bold]?", "--category", "motivation", "--app", str(app.id),
        "--competency", "motivation", "--json",
    )  # fmt: skip
    assert added.exit_code == 0, added.output
    question = json.loads(added.stdout)
    assert question["id"] == "custom:1"
    assert question["source"] == "interview:Crumb & Co"

    listed = json.loads(cli("questions", "list", "--category", "motivation", "--json").stdout)
    assert {q["category"] for q in listed} == {"motivation"}
    assert listed[-1]["id"] == "custom:1"
    human = cli("questions", "list", "--category", "motivation").stdout
    assert "Why [bold]sourdough[/bold]?" in human  # shown as typed, not as markup

    shown = json.loads(cli("questions", "show", "custom:1", "--json").stdout)
    assert shown["attempts"] == []
    assert "Not practised yet." in cli("questions", "show", "custom:1").stdout
    bank_show = cli("questions", "show", BEHAVIOURAL.id).stdout
    assert "Pitfalls:" in bank_show

    missing = cli("questions", "show", "custom:99")
    assert missing.exit_code == 1
    assert missing.stderr.strip() == "error: no question with id custom:99"
    bad = cli("questions", "add", "Q?", "--category", "trivia")
    assert bad.exit_code == 1
    assert bad.stderr.startswith("error: unknown category 'trivia'")
    assert cli("questions", "list", "--role", "astronaut").exit_code == 1


def test_analyze_answer_prints_the_analysis(cli: Cli, tmp_path: Path) -> None:
    jd = tmp_path / "jd.txt"
    jd.write_text("We are hiring a baker with sourdough experience and strong food hygiene.\n", encoding="utf-8")
    result = cli("analyze", "answer", "--question", BEHAVIOURAL.text, "--jd-file", str(jd), input=NO_RESULT + RESULT)
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert set(data) == ANALYSIS_KEYS
    assert data["star"]["result"] is True
    assert data["job_terms"] is not None

    plain = json.loads(cli("analyze", "answer", "--question", BEHAVIOURAL.text, input=NO_RESULT).stdout)
    assert plain["job_terms"] is None
    assert plain["follow_up"] == "And what was the result?"


def test_analyze_answer_refuses_bad_input(cli: Cli) -> None:
    empty = cli("analyze", "answer", "--question", "Why us?", input="  \n")
    assert empty.exit_code == 1
    assert empty.stderr.strip() == "error: no answer on standard input"
    no_question = cli("analyze", "answer", input="An answer.")
    assert no_question.exit_code == 1
    assert "--question" in no_question.stderr


def test_analyze_answer_batch(cli: Cli) -> None:
    lines = [
        {"question": BEHAVIOURAL.text, "answer": NO_RESULT},
        {"question": "Why do you want to work here?", "answer": "I love your bread.", "jd": "Sourdough baker."},
    ]
    payload = "\n".join(json.dumps(line) for line in lines) + "\n\n"
    result = cli("analyze", "answer", "--batch", input=payload)
    assert result.exit_code == 0, result.output
    outputs = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(outputs) == 2
    assert all(set(o) == ANALYSIS_KEYS for o in outputs)
    assert outputs[0]["question_type"] == "behavioural"
    assert outputs[0]["job_terms"] is None
    assert outputs[1]["job_terms"] is not None

    bad = cli("analyze", "answer", "--batch", input=json.dumps(lines[0]) + "\n{not json\n")
    assert bad.exit_code == 1
    assert bad.stdout == ""
    assert bad.stderr.startswith("error: line 2: not valid JSON")
    assert len(bad.stderr.strip().splitlines()) == 1
    missing = cli("analyze", "answer", "--batch", input='{"question": "Why?"}\n')
    assert missing.exit_code == 1
    assert missing.stderr.strip() == 'error: line 1: "answer" must be a string'
    assert cli("analyze", "answer", "--batch", input="").exit_code == 1


def test_time_limit_overrun_is_reported() -> None:
    from nextround.cli.practice import _time_note

    assert "Over the time limit by 35 s" in _time_note(95.4, 60)
    assert _time_note(30.2, 60) == "Within the time limit (30 s of 60 s)."
    assert _time_note(12.0, None) == "Took 12 s."
