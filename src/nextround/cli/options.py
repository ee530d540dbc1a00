"""Command-line options and arguments that several commands share, declared once (like sqlite-utils'
`output_options`): the same flag reads and is documented the same way everywhere."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

JsonFlag = Annotated[bool, typer.Option("--json", help="Print JSON instead of text.")]
AppId = Annotated[int, typer.Argument(metavar="APP_ID", help="The application's id.")]
FileArgument = Annotated[Path, typer.Argument(metavar="FILE", help="The file to read or write.")]
WeekFlag = Annotated[bool, typer.Option("--week", help="The last 7 days (the default).")]
MonthFlag = Annotated[bool, typer.Option("--month", help="The last 30 days.")]
AiFlag = Annotated[
    bool,
    typer.Option("--ai", help="Add the AI coach's view on top (when set up and turned on: nextround ai enable)."),
]
