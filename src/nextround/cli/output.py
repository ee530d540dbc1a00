"""How the CLI speaks: JSON for machines, short Rich tables for people, one-line errors on stderr."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.console import Console


def emit_json(data: object) -> None:
    """Indented for a person at a terminal; compact (and several times faster) when piped to a tool.

    `data` is a service's typed result; nextround.serialize turns it into JSON the same way as the web API.
    """
    from nextround.serialize import dumps

    sys.stdout.write(dumps(data, indent=2 if sys.stdout.isatty() else None))
    sys.stdout.write("\n")


def console() -> Console:
    # Rich is imported only when there is something to show a person, to keep --json and --help quick.
    from rich.console import Console

    # Piped output is read by people in wide terminals or saved to files: don't fold it at 80 columns.
    return Console(highlight=False, width=None if sys.stdout.isatty() else 120)


def error_line(message: str) -> None:
    sys.stderr.write(f"error: {message}\n")


def note_line(message: str) -> None:
    sys.stderr.write(f"{message}\n")


def plural(count: int, word: str, plural_word: str | None = None) -> str:
    return f"{count} {word if count == 1 else (plural_word or word + 's')}"
