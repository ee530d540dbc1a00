"""User text reaches the terminal as typed: Rich markup shows literally, control sequences never arrive.

Data with hostile names is written through the services (single-line fields lose their controls at the
storage boundary; notes and other prose keep them, so the CLI's own stripping is what is tested there),
then every command that prints user text runs through Typer's runner.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import timedelta
from pathlib import Path
from typing import Any

from nextround.domain.contacts import ContactFields, ContactKind, InteractionChannel
from nextround.domain.stages import Outcome, Stage
from nextround.services import feedback, goals, insight, keepgoing, watch
from nextround.services.applications import ApplicationService
from nextround.services.network import NetworkService
from nextround.services.workspace import Workspace, local_now
from tests.factories import make_application
from tests.network_helpers import add_posting

MARKUP = "[red]Evil[/red] Co"
ROLE = "[bold]Head[/bold] Baker"
PERSON = "[green]Rae[/green] Smith"
# A window title change (OSC ... BEL), a screen clear (CSI), a C1 CSI, a backspace and a carriage return.
CONTROLS = "\x1b]0;pwned\x07\x1b[2J\x9b31m\x08\r"
FORBIDDEN = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def _seed(ws: Workspace, tmp_path: Path) -> dict[str, Any]:
    apps = ApplicationService(ws)
    now = ws.now()
    rejected = make_application(
        ws,
        company=MARKUP + CONTROLS,
        role=ROLE + CONTROLS,
        notes="note [blue]x[/blue]" + CONTROLS,
        applied_at=now - timedelta(days=30),
    )
    apps.move(rejected.id, Stage.SCREENING, at=now - timedelta(days=20))
    apps.close(rejected.id, Outcome.REJECTED, at=now - timedelta(days=8), note="no [i]fit[/i]" + CONTROLS)
    silent = make_application(ws, company=MARKUP, role=ROLE, applied_at=now - timedelta(days=60))
    network = NetworkService(ws)
    contact = network.add_contact(
        ContactFields(name=PERSON + CONTROLS, kind=ContactKind.RECRUITER, email="rae@evil.test", cadence_days=1),
        application_id=rejected.id,
    )
    network.log(contact.id, InteractionChannel.EMAIL, "said [b]hi[/b]" + CONTROLS, at=now - timedelta(days=10))
    network.set_reapply_after(MARKUP, now.date() + timedelta(days=20))
    feedback.draft_request(ws, rejected.id, to="rae@evil.test", sender_name="Sam")
    insight.save_reflection(ws, rejected.id, {"prepared": {"rating": 3, "text": "[i]rushed[/i]" + CONTROLS}})
    feedback.record_feedback(ws, rejected.id, "Your answers lacked [u]detail[/u]." + CONTROLS)
    planned = make_application(ws, company=MARKUP, role="Planner", applied_at=now - timedelta(days=5))
    feedback.add_interview(ws, planned.id, now + timedelta(days=2), kind="panel", interviewers=[PERSON + CONTROLS])
    goal = goals.add_goal(ws, title=MARKUP + " goal" + CONTROLS, due=(now + timedelta(days=2)).date()).id
    keepgoing.add_journal(ws, "felt [red]bad[/red]" + CONTROLS, mood=2)
    keepgoing.add_journal(ws, "a [b]win[/b]" + CONTROLS, kind="win")
    watch.add_watch(ws, MARKUP + CONTROLS)
    add_posting(ws, MARKUP, "[blink]Baker[/blink]" + CONTROLS, now - timedelta(days=1))
    cv = tmp_path / "cv.txt"
    cv.write_text("Baker with ten years of sourdough, SQL and customer service.\n", encoding="utf-8")
    insight.add_cv(ws, cv, name=MARKUP + CONTROLS)
    return {"rejected": rejected.id, "silent": silent.id, "contact": contact.id, "goal": goal}


def test_every_command_that_prints_user_text_prints_it_as_typed(cli: Any, workspace: Workspace, tmp_path: Path) -> None:
    ws = replace(workspace, clock=local_now)  # the CLI runs on the real clock: seed on it too
    ids = _seed(ws, tmp_path)
    rejected, silent, contact = str(ids["rejected"]), str(ids["silent"]), str(ids["contact"])
    ref = next(n.ref for n in NetworkService(ws).nudges(horizon_days=None) if n.kind.value == "keep_in_touch")
    # (command line, what it must show literally)
    commands: list[tuple[list[str], tuple[str, ...]]] = [
        ([], (MARKUP,)),
        (["app", "list"], (MARKUP, ROLE)),
        (["app", "show", rejected], (MARKUP, ROLE, "note [blue]x[/blue]", "no [i]fit[/i]")),
        (["app", "silent"], (MARKUP,)),
        (["app", "move", silent, "screening"], (MARKUP,)),
        (["stats"], ()),
        (["today"], (MARKUP, PERSON)),
        (["nudge", "list", "--all"], (PERSON,)),
        (["nudge", "draft", ref], ("Evil",)),
        (["contact", "list"], (PERSON, MARKUP)),
        (["contact", "show", contact], (PERSON, "said [b]hi[/b]")),
        (["contact", "log", contact, "--channel", "call", "--note", "again [b]hi[/b]" + CONTROLS], (PERSON,)),
        (["feedback", "list"], ()),
        (["feedback", "show", rejected], ("[u]detail[/u]",)),
        (["feedback", "draft", rejected], (PERSON,)),
        (["interview", "list"], (PERSON,)),
        (["reflect", rejected, "--show"], ("[i]rushed[/i]",)),
        (["insights"], ()),
        (["gaps"], ()),
        (["cv", "list"], (MARKUP,)),
        (["goal", "list"], (MARKUP,)),
        (["goal", "due"], (MARKUP,)),
        (["goal", "done", str(ids["goal"])], (MARKUP,)),
        (["journal", "list"], ("felt [red]bad[/red]", "a [b]win[/b]")),
        (["watch", "list"], (MARKUP,)),
        (["effort"], ()),
        (["review"], (MARKUP,)),
        (["company", "reapply-after", MARKUP + CONTROLS, "in 30 days"], (MARKUP,)),
        # File names are user text too (a path cannot hold "[/red]": an unclosed tag styles all that follows).
        (["export", str(tmp_path / "[bold]out.json")], ("[bold]out.json",)),
        (["import", "json", str(tmp_path / "[bold]out.json")], ("[bold]out.json",)),
        (["backup", str(tmp_path / "[bold]copy.db")], ("[bold]copy.db",)),
    ]
    for args, shown in commands:
        result = cli(*args)
        output = result.stdout + (result.stderr if result.stderr_bytes is not None else "")
        assert result.exit_code == 0, (args, output)
        assert not FORBIDDEN.search(output), (args, [c for c in output if FORBIDDEN.match(c)])
        for text in shown:
            assert text in output, (args, text, output)


def test_json_text_writes_c1_controls_as_escapes_on_either_path() -> None:
    from nextround.cli.output import json_text

    assert json_text({"a": "plain"}) == '{"a": "plain"}'  # all ASCII: the quick path
    assert json_text({"a": "del\x7f"}) == '{"a": "del\\u007f"}'  # ASCII, but DEL
    assert json_text({"a": "café\x85—"}) == '{"a": "café\\u0085—"}'
