"""How the CLI speaks: JSON for machines, short Rich tables for people, one-line errors on stderr.

User text (company names, job titles from job boards, notes, imported files) reaches the terminal only
through this module, and never as itself:

- `safe(text)` is how every renderer puts user text into Rich markup: `[red]Evil[/red] Co` prints as typed.
- Control characters (C0 but newline and tab, DEL, C1: the start of every escape sequence that could
  retitle the window, move the cursor or hide text) are dropped from everything the console renders,
  from plain lines (`write_text`, `note_line`, `error_line`) and escaped in JSON.
"""

from __future__ import annotations

import re
import sys
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from nextround.domain.wording import plural

if TYPE_CHECKING:
    from rich.console import Console

# C0 controls except tab and newline, DEL, and the C1 controls (U+0080-U+009F).
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# JSON escapes C0 by itself; C1 would pass through as raw characters with ensure_ascii=False.
_C1 = re.compile("[\x7f-\x9f]")


def strip_controls(text: str) -> str:
    return _CONTROLS.sub("", text)


def safe(text: object) -> str:
    """User text for Rich markup: control characters dropped, markup escaped."""
    from rich.markup import escape

    return escape(strip_controls(str(text)))


def json_text(data: object, indent: int | None = None, *, ready: bool = False) -> str:
    """JSON text of a result (see nextround.serialize), with C1 controls written as escapes.

    `ready`: `data` is JSON data already (serialize.to_json's kind), written as it is."""
    from nextround.serialize import dumps, dumps_data

    text = dumps_data(data, indent=indent) if ready else dumps(data, indent=indent)
    if text.isascii() and "\x7f" not in text:  # two quick scans of a long listing instead of a slow one
        return text
    return _C1.sub(lambda found: f"\\u{ord(found.group()):04x}", text)


def emit_json(data: object, *, ready: bool = False) -> None:
    """Indented for a person at a terminal; compact (and several times faster) when piped to a tool.

    `data` is a service's typed result; nextround.serialize turns it into JSON the same way as the web API.
    With `ready` it is JSON data already (see json_text).
    """
    sys.stdout.write(json_text(data, indent=2 if sys.stdout.isatty() else None, ready=ready))
    sys.stdout.write("\n")


def write_text(text: str) -> None:
    """Plain text (a drafted message, a Markdown review) on stdout, as written but for control characters."""
    sys.stdout.write(strip_controls(text))


def console() -> Console:
    # Piped output is read by people in wide terminals or saved to files: don't fold it at 80 columns.
    return _safe_console_class()(highlight=False, width=None if sys.stdout.isatty() else 120)


@lru_cache(maxsize=1)
def _safe_console_class() -> type[Console]:
    # Rich is imported only when there is something to show a person, to keep --json and --help quick.
    from rich.console import Console

    class SafeConsole(Console):
        """Every string it renders (print arguments, table cells) loses its control characters first."""

        def render_str(self, text: str, **kwargs: Any) -> Any:
            return super().render_str(strip_controls(text), **kwargs)

    return SafeConsole


def error_line(message: str) -> None:
    sys.stderr.write(f"error: {strip_controls(message)}\n")


def note_line(message: str) -> None:
    sys.stderr.write(f"{strip_controls(message)}\n")


__all__ = ["plural"]
