"""Command-line options and arguments that several commands share, declared once (like sqlite-utils'
`output_options`): the same flag reads and is documented the same way everywhere."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer


def or_root_json(ctx: typer.Context, value: bool) -> bool:
    """`nextround --json app list` means `nextround app list --json`: the root's flag reaches the command."""
    root = ctx.find_root()
    return value or (root is not ctx and bool(root.params.get("as_json")))


JsonFlag = Annotated[bool, typer.Option("--json", help="Print JSON instead of text.", callback=or_root_json)]
# On commands whose output is JSON in any case (`analyze answer`), so every `analyze` command takes --json.
JsonAnyway = Annotated[bool, typer.Option("--json", help="Print JSON (what it prints in any case).")]
AppId = Annotated[int, typer.Argument(metavar="APP_ID", help="The application's id.")]
FileArgument = Annotated[Path, typer.Argument(metavar="FILE", help="The file to read or write.")]
WeekFlag = Annotated[bool, typer.Option("--week", help="The last 7 days (the default).")]
MonthFlag = Annotated[bool, typer.Option("--month", help="The last 30 days.")]
AiFlag = Annotated[
    bool,
    typer.Option("--ai", help="Add the AI coach's view on top (when set up and turned on: nextround ai enable)."),
]
