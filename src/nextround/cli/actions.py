"""Next steps (`domain.actions.Action`) as the command lines that do them.

One table, kind → command. A template names the action's required ids in braces; optional ids become
flags (or a positional argument, when the flag is empty) only when the action carries them. String ids
are shell-quoted, so a company called `O'Neil & Co` gives a command that can be pasted.
"""

from __future__ import annotations

import shlex
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from nextround.domain.actions import Action, ActionKind
from nextround.domain.agenda import AgendaEntry
from nextround.domain.nudges import Nudge


@dataclass(frozen=True, slots=True)
class CommandTemplate:
    template: str
    # optional id → its flag ("" for a positional argument), in the order they are appended
    options: tuple[tuple[str, str], ...] = ()
    # an optional positional id that is missing is shown as this placeholder (for the user to fill in)
    placeholders: Mapping[str, str] | None = None
    # ids the command does not need (the web uses them)
    ignores: tuple[str, ...] = ()


COMMANDS: Mapping[ActionKind, CommandTemplate] = {
    ActionKind.OPEN_APPLICATION: CommandTemplate("app show {application_id}"),
    ActionKind.ADD_APPLICATION: CommandTemplate('app add --company "…" --role "…"'),
    ActionKind.MARK_GHOSTED: CommandTemplate("app ghosted {application_id}"),
    ActionKind.COMPANY_APPLICATIONS: CommandTemplate("app list --company {company}"),
    ActionKind.VIEW_STATS: CommandTemplate("stats"),
    ActionKind.ASK_FEEDBACK: CommandTemplate("feedback draft {application_id}"),
    ActionKind.CHASE: CommandTemplate("feedback chase {request_id}"),
    ActionKind.REVIEW_FEEDBACK_REQUESTS: CommandTemplate("feedback list"),
    ActionKind.REFLECT: CommandTemplate("reflect {application_id}"),
    ActionKind.REFRAME: CommandTemplate(
        "journal reframe", (("application_id", ""),), placeholders={"application_id": "APP_ID"}
    ),
    ActionKind.MATCH_CV: CommandTemplate("analyze match --jd-file JOB.txt --cv-file CV.txt"),
    ActionKind.PRACTISE: CommandTemplate(
        "practice",
        (("application_id", "--app"), ("focus", "--focus"), ("count", "--count")),
        ignores=("question",),  # a question a coach assigned, on a shared server's pages only
    ),
    ActionKind.COMPLETE_GOAL: CommandTemplate("goal done {goal_id}"),
    ActionKind.LIST_GOALS: CommandTemplate("goal list"),
    ActionKind.LIST_SILENT: CommandTemplate("app silent"),
    ActionKind.DRAFT_NUDGE: CommandTemplate("nudge draft {nudge}"),
    ActionKind.DISMISS_NUDGE: CommandTemplate("nudge dismiss {nudge}"),
    ActionKind.LIST_NUDGES: CommandTemplate("nudge list"),
    ActionKind.LOG_CONTACT: CommandTemplate("contact log {contact_id} --channel email", (("note", "--note"),)),
    ActionKind.CHECK_OPENINGS: CommandTemplate("watch check"),
    ActionKind.DISMISS_OPENING: CommandTemplate("watch dismiss {opening_id}"),
    ActionKind.ADD_APPLICATION_FROM_OPENING: CommandTemplate(
        "app add --company {company} --role {role}", (("url", "--url"),), ignores=("opening_id",)
    ),
    ActionKind.CLEAR_REAPPLY: CommandTemplate("company reapply-after {company} none"),
    ActionKind.ADD_WIN: CommandTemplate('journal add --win --text "…"'),
    ActionKind.REVIEW_WEEK: CommandTemplate("review --week"),
    ActionKind.VIEW_EFFORT: CommandTemplate("effort"),
}

PROGRAM = "nextround"


def _arg(value: int | str) -> str:
    return str(value) if isinstance(value, int) else shlex.quote(value)


def command_line(action: Action) -> str:
    """The command that does the action, ready to paste into a shell."""
    spec = COMMANDS[action.kind]
    line = spec.template.format(**{name: _arg(value) for name, value in action.ids.items()})
    placeholders = spec.placeholders or {}
    for name, flag in spec.options:
        value = action.ids.get(name)
        if value is None:
            if not flag and name in placeholders:
                line += f" {placeholders[name]}"
            continue
        line += f" {flag} {_arg(value)}" if flag else f" {_arg(value)}"
    return f"{PROGRAM} {line}"


def action_json(action: Action) -> dict[str, Any]:
    """An action for `--json`: the data, and the command line that does it."""
    return {**action.to_dict(), "command": command_line(action)}


def agenda_json(entries: Sequence[AgendaEntry]) -> list[dict[str, Any]]:
    """`today --json`: each item as the domain gives it, plus the command of its first action."""
    out = []
    for entry in entries:
        data = entry.to_dict()
        data["command"] = command_line(entry.primary) if entry.primary is not None else ""
        data["actions"] = [action_json(a) for a in entry.actions]
        out.append(data)
    return out


def nudge_json(nudge: Nudge) -> dict[str, Any]:
    """A nudge for `--json`, with the commands that draft it, record it done and dismiss it."""
    return {
        **nudge.to_dict(),
        "command": command_line(nudge.draft_action),
        "done_command": command_line(nudge.done_action),
        "dismiss_command": command_line(nudge.dismiss_action),
    }
