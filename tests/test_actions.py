"""Next steps as data: every kind renders as a real command in the CLI and a real route in the web,
and nothing below `cli/` builds a command line."""

from __future__ import annotations

import ast
import shlex
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
import typer
from markupsafe import escape
from starlette.routing import Match

from nextround.cli.actions import COMMANDS, command_line
from nextround.domain.actions import DEFAULT_LABELS, ID_SPECS, Action, ActionIdError, ActionKind
from nextround.domain.contacts import ContactFields
from nextround.domain.stages import Outcome
from nextround.services.agenda import agenda as agenda_of
from nextround.services.applications import ApplicationService
from nextround.services.network import NetworkService
from nextround.services.workspace import Workspace
from nextround.web.actions import ROUTES, web_action
from nextround.web.rendering import environment
from tests.conftest import FakeClock
from tests.factories import make_application
from tests.network_helpers import add_goal, add_posting, add_sent_feedback_request
from tests.web_support import Web

PACKAGE = Path(__file__).resolve().parent.parent / "src" / "nextround"
SAMPLE_IDS: dict[str, int | str] = {
    "application_id": 12,
    "request_id": 34,
    "goal_id": 5,
    "contact_id": 6,
    "opening_id": 78,
    "count": 3,
    "focus": "communication",
    "nudge": "keep_in_touch-12-6",
    "company": "O'Neil & Co",
    "note": "sent a thank-you note",
    "role": "Support [Lead]",
    "url": "https://jobs.example.org/1?a=b&c=d",
    "question": "coach:7",
}


def samples(kind: ActionKind) -> list[Action]:
    """The action with only its required ids, and with every id it can carry."""
    spec = ID_SPECS[kind]
    return [
        Action(kind, {name: SAMPLE_IDS[name] for name in spec.required}),
        Action(kind, {name: SAMPLE_IDS[name] for name in spec.required | spec.optional}),
    ]


def _command_strings(tree: ast.AST) -> list[tuple[int, str]]:
    found = []
    inside_fstrings = {id(part) for node in ast.walk(tree) if isinstance(node, ast.JoinedStr) for part in node.values}
    for node in ast.walk(tree):
        if id(node) in inside_fstrings:
            continue
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            text = node.value
        elif isinstance(node, ast.JoinedStr) and node.values and isinstance(node.values[0], ast.Constant):
            text = str(node.values[0].value)
        else:
            continue
        if text.startswith("nextround "):
            found.append((node.lineno, text[:60]))
    return found


def test_no_command_line_is_built_outside_the_cli() -> None:
    offenders = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if "cli" in path.relative_to(PACKAGE).parts:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        offenders += [f"{path.relative_to(PACKAGE)}:{line}: {text!r}" for line, text in _command_strings(tree)]
    assert offenders == []


def test_the_command_line_grep_finds_what_it_should() -> None:
    tree = ast.parse('a = "nextround app list"\nb = f"nextround app show {a}"\nc = "a nextround app"\n')
    assert [line for line, _ in _command_strings(tree)] == [1, 2]


def test_no_page_shows_a_command_line() -> None:
    for path in sorted((PACKAGE / "web" / "templates").rglob("*.html")):
        text = path.read_text(encoding="utf-8")
        assert "In the terminal" not in text, path.name
        assert "<code>nextround" not in text, path.name


def test_every_kind_has_ids_a_label_a_command_and_a_route() -> None:
    kinds = set(ActionKind)
    assert set(ID_SPECS) == kinds
    assert set(DEFAULT_LABELS) == kinds
    assert set(COMMANDS) == kinds
    assert set(ROUTES) == kinds


def test_actions_check_their_ids() -> None:
    with pytest.raises(ActionIdError, match="needs application_id"):
        Action(ActionKind.REFLECT)
    with pytest.raises(ActionIdError, match="does not take goal_id"):
        Action(ActionKind.REFLECT, {"application_id": 1, "goal_id": 2})
    chase = Action(ActionKind.CHASE, {"request_id": 4})
    assert chase.label == DEFAULT_LABELS[ActionKind.CHASE]
    assert Action.from_dict(chase.to_dict()) == chase
    assert {chase, Action.from_dict(chase.to_dict())} == {chase}


def _cli_command(words: list[str]) -> Any:
    """The Typer command a command line names (Typer brings its own click, so no isinstance checks)."""
    from nextround.cli.main import app

    command: Any = typer.main.get_command(app)
    for word in words:
        if not hasattr(command, "get_command") or word.startswith("-"):
            break
        found = command.get_command(typer.Context(command), word)
        if found is None:
            break
        command = found
    return command


@pytest.mark.parametrize("kind", list(ActionKind))
def test_each_kind_renders_as_a_command_that_exists(kind: ActionKind) -> None:
    for sample in samples(kind):
        line = command_line(sample)
        words = shlex.split(line)
        assert words[0] == "nextround"
        assert "{" not in line and "}" not in line
        command = _cli_command(words[1:])
        assert not hasattr(command, "get_command"), f"{line!r} names no command"
        flags = {opt for param in command.params for opt in param.opts}
        for word in words[1:]:
            if word.startswith("--"):
                assert word in flags, f"{line!r}: {command.name} has no {word}"
        for name, value in sample.ids.items():
            if name not in COMMANDS[kind].ignores:
                assert str(value) in words, f"{line!r} leaves out {value!r}"


def test_string_ids_are_quoted_for_the_shell() -> None:
    line = command_line(Action(ActionKind.COMPANY_APPLICATIONS, {"company": "O'Neil & Co; rm -rf ~"}))
    assert shlex.split(line) == ["nextround", "app", "list", "--company", "O'Neil & Co; rm -rf ~"]
    assert command_line(Action(ActionKind.REFRAME)) == "nextround journal reframe APP_ID"
    assert command_line(Action(ActionKind.PRACTISE, {"count": 3})) == "nextround practice --count 3"


def test_each_kind_renders_as_a_route_that_exists(web: Web) -> None:
    template = environment().from_string('{% import "_macros.html" as ui with context %}{{ ui.action_button(a) }}')
    for sample in (sample for kind in ActionKind for sample in samples(kind)):
        kind = sample.kind
        target = web_action(sample)
        path = target.url.split("#")[0].split("?")[0]
        scope = {"type": "http", "path": path, "method": target.method.upper()}
        matches = [route for route in web.app.routes if route.matches(scope)[0] is Match.FULL]
        assert matches, f"{kind.value}: no {target.method.upper()} route for {target.url}"
        html = template.render(a=sample, csrf_token="token-1")
        assert str(escape(sample.label)) in html
        if target.method == "post":
            assert f'action="{target.url}"' in html and 'value="token-1"' in html
        else:
            assert 'href="' in html and "<form" not in html


def test_the_web_posts_the_fields_a_route_reads() -> None:
    ghost = web_action(Action(ActionKind.MARK_GHOSTED, {"application_id": 9}))
    assert (ghost.method, ghost.url, ghost.fields) == ("post", "/applications/9/close", (("outcome", "ghosted"),))
    log = web_action(Action(ActionKind.LOG_CONTACT, {"contact_id": 6, "note": "caught up"}))
    assert log.fields == (("channel", "email"), ("note", "caught up"))
    draft = web_action(Action(ActionKind.DRAFT_NUDGE, {"nudge": "touch-3"}))
    assert draft.url == "/today?draft=touch-3#draft"
    practise = web_action(Action(ActionKind.PRACTISE, {"application_id": 4, "count": 3, "focus": "communication"}))
    assert practise.url == "/practice?app=4&focus=communication"
    company = web_action(Action(ActionKind.COMPANY_APPLICATIONS, {"company": "A&B Co"}))
    assert company.url == "/applications?q=A%26B+Co"


def test_the_agendas_buttons_do_what_they_say(web: Web, workspace: Workspace, clock: FakeClock) -> None:
    """Every form an agenda item draws posts to its route and does the thing: the item leaves the agenda."""
    now = clock()
    quiet = make_application(workspace, company="Quiet Ltd", applied_at=now - timedelta(days=60))
    chased = make_application(workspace, company="Chase Co", applied_at=now - timedelta(days=30))
    ApplicationService(workspace).close(chased.id, Outcome.REJECTED, at=now - timedelta(days=20))
    add_sent_feedback_request(workspace, chased.id, now - timedelta(days=9))
    add_goal(workspace, "Write three STAR stories", now.date() + timedelta(days=1))
    items = {item.kind: item for item in agenda_of(workspace)}
    assert {"ghosted", "feedback_chase", "goal"} <= set(items)
    for kind in ("ghosted", "feedback_chase", "goal"):
        target = web_action(items[kind].actions[0])
        assert target.method == "post", kind
        answer = web.post_form(target.url.split("#")[0], dict(target.fields))
        assert answer.status_code in (200, 303), (kind, answer.text[:300])
    left = {item.kind for item in agenda_of(workspace)}
    assert left.isdisjoint({"ghosted", "feedback_chase", "goal"}), left
    assert ApplicationService(workspace).get(quiet.id).state.outcome is Outcome.GHOSTED


def test_a_new_openings_apply_button_fills_in_the_form(web: Web) -> None:
    apply = Action(
        ActionKind.ADD_APPLICATION_FROM_OPENING,
        {"opening_id": 3, "company": "Crumb & Co", "role": "Baker <Lead>", "url": "https://jobs.example.org/3"},
    )
    target = web_action(apply)
    html = web.client.get(target.url).text
    assert 'value="Crumb &amp; Co"' in html and 'value="Baker &lt;Lead&gt;"' in html
    assert 'value="https://jobs.example.org/3"' in html
    assert (
        command_line(apply)
        == "nextround app add --company 'Crumb & Co' --role 'Baker <Lead>' --url https://jobs.example.org/3"
    )


def test_dismissing_from_the_agenda_in_the_browser(web: Web, workspace: Workspace, clock: FakeClock) -> None:
    add_posting(workspace, "Watched", "Senior Baker", clock() - timedelta(days=1))
    NetworkService(workspace).add_contact(ContactFields(name="Old Friend", cadence_days=1))
    clock.advance(days=2)
    items = {item.kind: item for item in agenda_of(workspace)}
    for kind, wanted in (("new_posting", ActionKind.DISMISS_OPENING), ("touch", ActionKind.DISMISS_NUDGE)):
        target = web_action(next(a for a in items[kind].actions if a.kind is wanted))
        assert target.method == "post"
        answer = web.post_form(target.url, dict(target.fields))
        assert answer.status_code == 303 and answer.headers["location"].startswith("/today?notice=dismissed")
    assert {item.kind for item in agenda_of(workspace)}.isdisjoint({"new_posting", "touch"})
    assert "Dismissed: it has left the agenda." in web.client.get("/today?notice=dismissed").text
