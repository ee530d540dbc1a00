"""Speed of the practice coach: session start-up with a long history, and batch answer analysis.

Run: .venv/bin/python bench/bench_practice.py [--runs 7] [--answers 500] [--batch 200]

- start-up: a fresh `nextround practice --count 5` process, on a SQLite database holding 500 past answers
  (100 sessions over 100 days, some custom questions and feedback), timed until "Question 1/5" is printed;
  then "quit" is sent. Target: under 1 s. Measured without and with `--app` (the job description's skills
  are extracted, which loads the skill taxonomy).
- `plan` for a job whose description is a 150,000-character paste, in process (target: well under a second).
- `analyze answer --batch`: 250-word answers piped to a fresh process; answers per second including the
  process start, and in-process throughput of `analyze_answers_batch`.

Prints a markdown table of medians.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

BIN = Path(sys.executable).parent
NEXTROUND = [str(BIN / "nextround")] if (BIN / "nextround").exists() else [sys.executable, "-m", "nextround"]
JD = (
    "We are hiring a data analyst. You will write SQL and Python every day, build dashboards in Tableau, "
    "and present findings to stakeholders. Experience with A/B testing and stakeholder management is required."
)
LONG_JD = "".join(f"{JD} Team {n} works on project {n} with our partners in region {n % 40}.\n" for n in range(600))[
    :150_000
]
SENTENCES = (
    "Last year I was the analyst on a small team at a regional retailer.",
    "Our weekly sales report took two days to build by hand and was often wrong.",
    "I was responsible for making it reliable before the busy season started.",
    "I rewrote the queries in SQL, added checks for missing stores, and scheduled the job overnight.",
    "Um, I also walked the store managers through the new dashboard so they trusted it.",
    "As a result the report was ready every Monday at eight and errors fell by 80 percent.",
    "I think we could maybe have started sooner, but the team learned a lot from it.",
    "Afterwards two other regions asked for the same setup, so I wrote a short guide for them.",
)


def make_answer(rng: random.Random, words: int = 250) -> str:
    out: list[str] = []
    while sum(len(s.split()) for s in out) < words:
        out.append(rng.choice(SENTENCES))
    return " ".join(out)


def add_past_answers(session: Session, owner_id: int, answers: int, start: datetime, rng: random.Random) -> None:
    """`answers` past answers from `start`, five a session and a session a day, each with its stored analysis."""
    from nextround.analysis.answer import analyze_answer
    from nextround.domain.questions import load_bank
    from nextround.storage.practice import PracticeAnswerRepository, PracticeSessionRepository

    bank = list(load_bank())
    sessions = PracticeSessionRepository(session, owner_id)
    repo = PracticeAnswerRepository(session, owner_id)
    session_id = 0
    for n in range(answers):
        when = start + timedelta(days=n // 5, minutes=n % 5)
        if n % 5 == 0:
            session_id = sessions.add(application_id=None, focus="", plan=[], started_at=when)
        question = rng.choice(bank)
        text = make_answer(rng, rng.randint(40, 260))
        analysis = analyze_answer(question.text, text).to_dict()
        repo.add(
            session_id=session_id,
            question_key=question.id,
            question_text=question.text,
            category=question.category,
            competencies=question.competencies,
            answer=text,
            score=analysis["score"],
            analysis=analysis,
            duration_seconds=90,
            answered_at=when,
        )


def build_database(path: Path, answers: int) -> None:
    """A workspace with `answers` past answers, written straight through the repositories."""
    from nextround.config import Settings
    from nextround.domain.applications import ApplicationFields
    from nextround.services.applications import ApplicationService
    from nextround.services.practice import add_custom_question
    from nextround.services.workspace import Workspace, local_now
    from nextround.storage.tables import FeedbackRow

    settings = Settings(home=path.parent / "home", database_url=f"sqlite:///{path}")
    ws = Workspace.open_local(settings)
    app = ApplicationService(ws).add(ApplicationFields(company="Globex", role="Data Analyst", jd_text=JD))
    # Application 2: a pasted page of 150,000 characters (an ad with its whole careers site behind it).
    ApplicationService(ws).add(ApplicationFields(company="Initech", role="Analyst", jd_text=LONG_JD))
    for n in range(5):
        add_custom_question(ws, f"What surprised you most in project {n}?", "behavioural", app_id=app.id)
    rng = random.Random(5)
    start = local_now() - timedelta(days=100)
    with ws.db.write() as session:
        session.add_all(
            FeedbackRow(
                owner_id=ws.owner_id,
                application_id=app.id,
                text="feedback",
                analysis={"themes": [{"theme": rng.choice(["communication", "preparation", "experience"])}]},
                received_at=start,
                created_at=start,
            )
            for _ in range(20)
        )
        add_past_answers(session, ws.owner_id, answers, start, rng)
    ws.db.dispose()


def time_to_first_question(args: list[str], env: dict[str, str], runs: int) -> float:
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        process = subprocess.Popen(
            [*NEXTROUND, *args],
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        assert process.stdout is not None and process.stdin is not None and process.stderr is not None
        for line in process.stdout:
            if line.startswith("Question 1/"):
                samples.append(time.perf_counter() - start)
                break
        else:
            process.wait()
            raise SystemExit(f"no first question from: nextround {' '.join(args)}\n{process.stderr.read()}")
        process.stdin.write("quit\n")
        process.stdin.flush()
        process.communicate()
    return statistics.median(samples)


def _run_once(command: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, env=env, check=True)
    return time.perf_counter() - start


def time_batch(payload: str, env: dict[str, str], runs: int) -> float:
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(
            [*NEXTROUND, "analyze", "answer", "--batch"],
            input=payload,
            env=env,
            text=True,
            check=True,
            stdout=subprocess.DEVNULL,
        )
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def _time_plan(env: dict[str, str], runs: int) -> str:
    """Median of planning a session for application 2 (the long paste), in process with everything loaded."""
    from nextround.config import Settings
    from nextround.services import practice
    from nextround.services.workspace import Workspace

    settings = Settings(home=Path(env["NEXTROUND_HOME"]), database_url=env["NEXTROUND_DATABASE_URL"])
    ws = Workspace.open_local(settings)
    practice.plan(ws, 2)  # loads the bank, taxonomy and models once
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        practice.plan(ws, 2)
        samples.append(time.perf_counter() - start)
    ws.db.dispose()
    return f"{1000 * statistics.median(samples):.0f} ms"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--answers", type=int, default=500)
    parser.add_argument("--batch", type=int, default=200)
    options = parser.parse_args()

    from nextround.analysis.answer import analyze_answers_batch

    with tempfile.TemporaryDirectory() as tmp:
        db_path = Path(tmp) / "nextround.db"
        build_database(db_path, options.answers)
        env = {
            **os.environ,
            "NEXTROUND_HOME": str(Path(tmp) / "home"),
            "NEXTROUND_DATABASE_URL": f"sqlite:///{db_path}",
        }
        rows: list[tuple[str, str]] = []
        baseline = statistics.median(_run_once([sys.executable, "-c", "pass"], env) for _ in range(options.runs))
        rows.append(("bare `python -c pass` on this machine (for scale)", f"{baseline:.2f} s"))
        plain = time_to_first_question(["practice", "--count", "5"], env, options.runs)
        rows.append((f"`practice --count 5`, first question shown ({options.answers} past answers)", f"{plain:.2f} s"))
        with_app = time_to_first_question(["practice", "--count", "5", "--app", "1"], env, options.runs)
        rows.append(("`practice --count 5 --app 1` (job description skills), first question", f"{with_app:.2f} s"))

        rows.append(("`plan` in process for a job description of 150,000 characters", _time_plan(env, options.runs)))

        rng = random.Random(9)
        items = [
            {"question": "Tell me about a time you fixed a broken process.", "answer": make_answer(rng), "jd": JD}
            for _ in range(options.batch)
        ]
        payload = "".join(json.dumps(item) + "\n" for item in items)
        whole = time_batch(payload, env, options.runs)
        rows.append(
            (f"`analyze answer --batch`, {options.batch} answers of ~250 words (fresh process)",
             f"{whole:.2f} s ({options.batch / whole:.0f} answers/s)")
        )  # fmt: skip
        samples = []
        for _ in range(options.runs):
            start = time.perf_counter()
            analyze_answers_batch(items)
            samples.append(time.perf_counter() - start)
        inside = statistics.median(samples)
        rows.append(
            ("`analyze_answers_batch` in process, per 250-word answer",
             f"{1000 * inside / options.batch:.2f} ms ({options.batch / inside:.0f} answers/s)")
        )  # fmt: skip

    print(f"| measure (median of {options.runs}) | result |")
    print("| --- | --- |")
    for name, value in rows:
        print(f"| {name} | {value} |")


if __name__ == "__main__":
    main()
