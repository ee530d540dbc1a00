"""`cv`, `gaps`, `reflect`, `insights`, `goal` and `analyze match` through the CLI."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from nextround.services.goals import record_measure
from nextround.services.workspace import Workspace
from tests.conftest import ok

from .insight_helpers import write_docx, write_pdf

Cli = Callable[..., Any]

JD = "Requirements:\n- 3+ years of Python\n- Kubernetes and Terraform\n- SQL\n"


def as_json(cli: Cli, *args: str) -> Any:
    return json.loads(ok(cli(*args, "--json")).stdout)


def rejected(cli: Cli, tmp_path: Path, company: str = "Acme") -> int:
    jd = tmp_path / "jd.txt"
    jd.write_text(JD, encoding="utf-8")
    created = as_json(cli, "app", "add", "--company", company, "--role", "Engineer", "--jd-file", str(jd))
    ok(cli("app", "reject", str(created["id"])))
    return int(created["id"])


def test_flow_rejection_cv_gaps_reflection_insights_goal(cli: Cli, tmp_path: Path, workspace: Workspace) -> None:
    app_id = rejected(cli, tmp_path)
    no_cv = cli("gaps", "--json")
    assert no_cv.exit_code == 1
    assert no_cv.stderr.strip() == (
        "error: no CV stored yet: add your CV so gaps can be measured (nextround cv add FILE)"
    )
    cv = tmp_path / "jane.md"
    cv.write_text("# Jane\nPython and PostgreSQL since 2019.\n", encoding="utf-8")
    added = as_json(cli, "cv", "add", str(cv))
    assert (added["name"], added["is_primary"]) == ("jane", True)

    gaps = as_json(cli, "gaps")
    assert gaps["applications"] == 1
    assert [g["skill"] for g in gaps["gaps"]] == ["Kubernetes", "Terraform"]
    assert gaps["gaps"][0]["jobs"] == 1

    answers = tmp_path / "answers.json"
    answers.write_text(json.dumps({"cv": {"rating": 1, "text": "My CV buried the Python work"}}), encoding="utf-8")
    reflection = as_json(cli, "reflect", str(app_id), "--answers-file", str(answers))
    assert reflection["context"] == "application"
    assert reflection["themes"] == ["cv"]

    insights = as_json(cli, "insights")
    theme = next(t for t in insights["themes"] if t["theme"] == "cv")
    assert theme["count"] == 1
    assert theme["latest_evidence"]["text"] == "My CV buried the Python work"
    assert theme["trend"] == "too few to tell"
    assert insights["recurring_themes"] == []
    assert [g["skill"] for g in insights["top_gaps"]] == ["Kubernetes", "Terraform"]

    goal = as_json(cli, "goal", "add", "--from-theme", "communication")
    assert (goal["measure"], goal["target"]) == ("answer.star_result", 0.8)
    # The practice pillar reports readings through record_measure; the goal moves.
    assert record_measure(workspace, "answer.star_result", 0.4) == [goal["id"]]
    assert record_measure(workspace, "answer.star_result", 0.6) == [goal["id"]]
    listed = as_json(cli, "goal", "list")
    assert (listed[0]["current"], listed[0]["progress"]) == (0.6, 0.5)
    done = as_json(cli, "goal", "done", str(goal["id"]))
    assert done["status"] == "done"
    assert as_json(cli, "goal", "list") == []
    assert [g["id"] for g in as_json(cli, "goal", "list", "--status", "done")] == [goal["id"]]


def test_cv_commands_with_pdf_and_docx(cli: Cli, tmp_path: Path) -> None:
    pdf = write_pdf(tmp_path / "cv.pdf", ["Jane Doe", "Kubernetes and Terraform"])
    docx = write_docx(tmp_path / "cv2.docx", ["[bold]Jane[/bold]"], [["Skill", "Tableau"]])
    first = as_json(cli, "cv", "add", str(pdf), "--name", "Platform")
    second = as_json(cli, "cv", "add", str(docx), "--primary")
    assert [(c["name"], c["is_primary"]) for c in as_json(cli, "cv", "list")] == [("Platform", False), ("cv2", True)]
    shown = as_json(cli, "cv", "show", str(first["id"]))
    assert "Kubernetes" in shown["skills"]
    human = ok(cli("cv", "show", str(second["id"])))
    assert "[bold]Jane[/bold]" in human.stdout  # markup in a CV is shown, not interpreted
    assert "Tableau" in human.stdout
    ok(cli("cv", "primary", str(first["id"])))
    assert "Platform" in ok(cli("cv", "list")).stdout
    ok(cli("cv", "remove", str(first["id"])))
    assert [c["id"] for c in as_json(cli, "cv", "list")] == [second["id"]]
    missing = cli("cv", "show", str(first["id"]))
    assert (missing.exit_code, missing.stderr.strip()) == (1, f"error: no CV with id {first['id']}")
    odd = tmp_path / "cv.rtf"
    odd.write_text("{\\rtf1}", encoding="utf-8")
    bad = cli("cv", "add", str(odd))
    assert bad.exit_code == 1
    assert bad.stderr.startswith("error: cannot read cv.rtf (.rtf)")
    assert "Traceback" not in bad.output


def test_reflect_interactively_then_edit_with_defaults(cli: Cli, tmp_path: Path) -> None:
    app_id = str(rejected(cli, tmp_path))
    # targeting, gaps, cv, went_well, change: a rating then a text each; a bad rating is asked again.
    first = ok(
        cli(
            "reflect",
            app_id,
            input="2\nA stretch role\n9\n2\nNo Kubernetes skills\n3\n\n4\nGood cover note\n5\nApply closer\n",
        )
    )
    assert "Did this role fit" in first.stdout
    assert "whole number from 1 to 5" in first.output
    shown = as_json(cli, "reflect", app_id, "--show")
    assert shown["answers"]["gaps"] == {"rating": 2, "text": "No Kubernetes skills"}
    assert shown["themes"] == ["targeting", "technical_skills"]
    # Editing: pressing enter keeps every earlier answer; only the CV rating changes.
    ok(cli("reflect", app_id, input="\n\n\n\n1\nToo long\n\n\n\n\n"))
    edited = as_json(cli, "reflect", app_id, "--show")
    assert edited["answers"]["cv"] == {"rating": 1, "text": "Too long"}
    assert edited["answers"]["targeting"] == {"rating": 2, "text": "A stretch role"}
    assert edited["answers"]["change"] == {"rating": 5, "text": "Apply closer"}
    human = ok(cli("reflect", app_id, "--show")).stdout
    assert "2/5" in human and "Too long" in human


def test_reflect_errors_are_one_line(cli: Cli, tmp_path: Path) -> None:
    app_id = str(rejected(cli, tmp_path))
    bad = tmp_path / "bad.json"
    bad.write_text('{"prepared": {"rating": 3}}', encoding="utf-8")
    result = cli("reflect", app_id, "--answers-file", str(bad))
    assert result.exit_code == 1
    assert result.stderr.startswith("error: unknown question 'prepared' for a reflection at the application stage")
    unknown = cli("reflect", "999", "--show")
    assert (unknown.exit_code, unknown.stderr.strip()) == (1, "error: no application with id 999")


def test_insights_and_goals_human_output(cli: Cli, tmp_path: Path) -> None:
    text = ok(cli("insights")).stdout
    assert "No pattern yet" in text
    assert "cv add" in text  # the missing CV is named, not an error
    added = ok(cli("goal", "add", "--from-skill", "[red]Kubernetes[/red]"))
    assert "Work on [red]Kubernetes[/red], then show it on your CV" in added.stdout
    assert "[open]" in added.stdout
    assert "manual 0 of 1" in ok(cli("goal", "list")).stdout
    updated = as_json(cli, "goal", "update", "1", "--current", "1")
    assert updated["status"] == "done"
    due = as_json(cli, "goal", "due", "--within", "60")
    assert due == []
    as_json(cli, "goal", "add", "--title", "Mock interview", "--due", "in 3 days")
    assert [g["title"] for g in as_json(cli, "goal", "due")] == ["Mock interview"]
    wrong = cli("goal", "add", "--from-theme", "competition")
    assert wrong.exit_code == 1
    assert "employer's side" in wrong.stderr
    bad_measure = cli("goal", "add", "--title", "x", "--measure", "vibes")
    assert bad_measure.exit_code == 1
    assert bad_measure.stderr.startswith("error: unknown measure 'vibes'")
    assert bad_measure.stderr.rstrip().endswith("(--measure)")


def test_errors_name_the_flag_of_the_field_at_fault(cli: Cli) -> None:
    untitled = cli("goal", "add")
    assert untitled.exit_code == 1
    assert untitled.stderr == "error: give the goal a title, or start from a theme or a skill (--title)\n"
    both = cli("goal", "add", "--from-theme", "communication", "--from-skill", "SQL")
    assert both.stderr == "error: start from a theme or from a skill, not both (--from-skill)\n"
    due = cli("goal", "due", "--within", "-1")
    assert due.stderr == "error: look 0 or more days ahead (--within)\n"
    unknown = cli("goal", "update", "7", "--current", "1")
    assert unknown.stderr == "error: no goal with id 7\n"  # no field, no flag


def test_analyze_match_lists_conditions_to_confirm_apart_from_gaps(cli: Cli, tmp_path: Path) -> None:
    jd = tmp_path / "jd.txt"
    jd.write_text(
        "Requirements:\n- Must be a Canadian citizen or permanent resident\n- Willing to travel to northern sites\n"
        "- Sage 300 accounts payable\n",
        encoding="utf-8",
    )
    cv = tmp_path / "cv.txt"
    cv.write_text("Payables clerk, 2019 - present\n- Processed invoices in QuickBooks.", encoding="utf-8")
    data = as_json(cli, "analyze", "match", "--jd-file", str(jd), "--cv-file", str(cv))
    conditions = [item["text"] for item in data["conditions"]]
    assert any("citizen" in text for text in conditions) and any("travel" in text for text in conditions)
    assert not any("citizen" in gap["text"] or "travel" in gap["text"] for gap in data["missing"])
    human = ok(cli("analyze", "match", "--jd-file", str(jd), "--cv-file", str(cv))).stdout
    assert "Conditions to confirm" in human
    after = human.split("Conditions to confirm", 1)[1]
    assert "citizen" in after and "northern sites" in after
    assert "citizen" not in human.split("Conditions to confirm", 1)[0]  # not among the gaps


def test_analyze_match_files_primary_cv_and_batch(cli: Cli, tmp_path: Path) -> None:
    jd = tmp_path / "jd.txt"
    jd.write_text(JD, encoding="utf-8")
    cv = write_docx(tmp_path / "cv.docx", ["Python developer, PostgreSQL"])
    data = as_json(cli, "analyze", "match", "--jd-file", str(jd), "--cv-file", str(cv))
    assert {"score", "required", "matched", "missing"} <= set(data)
    assert 0 < data["score"] < 100
    assert {m["skill"] for m in data["missing"]} == {"Kubernetes", "Terraform"}
    assert {m["skill"] for m in data["matched"]} == {"Python", "SQL"}
    human = ok(cli("analyze", "match", "--jd-file", str(jd), "--cv-file", str(cv))).stdout
    assert f"Match: {data['score']}/100" in human
    no_cv = cli("analyze", "match", "--jd-file", str(jd))
    assert no_cv.exit_code == 1
    assert "cv add" in no_cv.stderr
    ok(cli("cv", "add", str(cv)))
    assert as_json(cli, "analyze", "match", "--jd-file", str(jd)) == data  # the primary CV stands in

    lines = [json.dumps({"jd": JD, "cv": "Python"}), "", json.dumps({"jd": "SQL required", "cv": "MySQL"})]
    batch = ok(cli("analyze", "match", "--batch", input="\n".join(lines) + "\n"))
    results = [json.loads(line) for line in batch.stdout.splitlines()]
    assert len(results) == 2
    # MySQL shows SQL: matched, no gap; the score is graded by how sure the evidence decision is, so high, not 100
    assert [m["skill"] for m in results[1]["matched"]] == ["SQL"] and results[1]["missing"] == []
    assert results[1]["score"] >= 80
    bad = cli("analyze", "match", "--batch", input=lines[0] + "\n" + '{"jd": "x"}\n')
    assert bad.exit_code == 1
    assert bad.stderr.strip() == 'error: line 2: expected an object with "jd" and "cv" strings'
    assert bad.stdout == ""
    broken = cli("analyze", "match", "--batch", input="{not json\n")
    assert broken.exit_code == 1
    assert broken.stderr.startswith("error: line 1: not valid JSON")
