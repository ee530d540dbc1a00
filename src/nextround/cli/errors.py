"""Wording a service's UserError for the terminal: the message, plus the flag its `field` came from.

Services name the input at fault by their own parameter name (`field="from_theme"`); a command's option has
the same name (`from_theme` → `--from-theme`), so the flag is found on the command that ran, with no table to
keep. A keyword's option ends in `_` (`round_`); the few options named otherwise than the service's parameter
are in FIELD_OPTIONS. A field the command has no option for (it came from a file, say) is printed without one.
"""

from __future__ import annotations

from typing import Any

from nextround.errors import FormErrors, UserError

# Service field → the parameter name of the option that feeds it, where the two differ.
FIELD_OPTIONS: dict[str, tuple[str, ...]] = {
    "at": ("on",),
    "applied_at": ("applied_on",),
    "job_url": ("url",),
    "jd_text": ("jd_file",),
}


# A field no option of this command can supply is supplied by another command: name it.
FIELD_COMMANDS: dict[str, str] = {
    "cv_file": "nextround cv add FILE",
    "consent": "nextround ai enable",
    "base_url": "nextround ai status says how to set it up",
}


def hint_for(field: str | None) -> str | None:
    """The command that supplies a field this command cannot (a stored CV), for the error line."""
    return FIELD_COMMANDS.get(field or "")


def leaf_command(root: Any, ctx: Any, args: list[str]) -> Any:
    """The command a command line ran (`goal add` under `nextround`), found by parsing the line again."""
    command, parent = root, ctx
    while hasattr(command, "resolve_command") and args:
        try:
            name, sub, rest = command.resolve_command(parent, args)
            if sub is None:
                break
            parent = sub.make_context(name, list(rest), parent=parent, resilient_parsing=True)
        except Exception:  # the line already ran; a second parse that fails only costs the flag name
            break
        command, args = sub, [*parent._protected_args, *parent.args]
    return command


def flag_for(command: Any, field: str | None) -> str | None:
    """`--from-theme` for field `from_theme` on a command with that option; an argument's metavar."""
    if not field:
        return None
    names = (field, field + "_", *FIELD_OPTIONS.get(field, ()))
    for param in getattr(command, "params", ()):
        if param.name not in names:
            continue
        if param.param_type_name == "option":
            long = [opt for opt in param.opts if opt.startswith("--")]
            return (long or param.opts)[0]  # type: ignore[no-any-return]
        return param.metavar or param.name.upper()  # type: ignore[no-any-return]
    return None


def error_lines(exc: UserError, root: Any, ctx: Any, args: list[str]) -> list[str]:
    """One line per problem, each with the flag to change when the command has one."""
    errors = exc.errors if isinstance(exc, FormErrors) else (exc,)
    command = leaf_command(root, ctx, args) if any(e.field for e in errors) else None
    lines = []
    for error in errors:
        where = ", or ".join(x for x in (flag_for(command, error.field), hint_for(error.field)) if x)
        lines.append(f"{error} ({where})" if where else str(error))
    return lines
