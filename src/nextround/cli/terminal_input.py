"""Text from the terminal that is not UTF-8, read the way an old tool's export is read instead of crashing.

On Linux, Python hands bytes that are not UTF-8 on the command line and on standard input over as lone
surrogates (PEP 383). Nothing downstream takes those: the database driver, the JSON output and the analysers
all fail with a traceback. A terminal or a pipe still set to Latin-1 sends exactly such bytes (`café` as
`caf\\xe9`), so each byte that is not UTF-8 is read as Windows-1252, as `integrations.files.decode` reads a
file that is not UTF-8; what is valid UTF-8 around it is kept as it is.
"""

from __future__ import annotations

import codecs
import io
import os
import sys

from nextround.errors import UserError

CP1252_FALLBACK = "nextround-cp1252"
# What one text on standard input may hold; a batch of JSON Lines may hold fifty of those.
MAX_STDIN_CHARS = 1_000_000
MAX_STDIN_BATCH_CHARS = 50 * MAX_STDIN_CHARS


class StandardInputError(UserError, ValueError):
    """Standard input that cannot be used: too long."""


def _as_cp1252(error: UnicodeError) -> tuple[str, int]:
    if not isinstance(error, UnicodeDecodeError):
        raise error
    undecodable = error.object[error.start : error.end]
    return bytes(undecodable).decode("cp1252", errors="replace"), error.end


codecs.register_error(CP1252_FALLBACK, _as_cp1252)


def argument_text(arg: str) -> str:
    """One command-line argument with its non-UTF-8 bytes read as Windows-1252."""
    try:
        arg.encode("utf-8")
    except UnicodeEncodeError:
        # A file whose name is not UTF-8 opens only under the exact bytes of its name: keep those.
        if os.path.lexists(arg):
            return arg
        return os.fsencode(arg).decode("utf-8", errors=CP1252_FALLBACK)
    return arg


def command_line_text(argv: list[str]) -> list[str]:
    return [argument_text(arg) for arg in argv]


def read_standard_input_leniently() -> None:
    """Standard input from now on reads non-UTF-8 bytes as Windows-1252 instead of as lone surrogates."""
    stream = sys.stdin
    if isinstance(stream, io.TextIOWrapper) and (stream.encoding or "").lower().replace("-", "") == "utf8":
        stream.reconfigure(errors=CP1252_FALLBACK)


def read_standard_input(what: str, max_chars: int = MAX_STDIN_CHARS) -> str:
    """All of standard input up to `max_chars`, refused past it before the rest is read into memory."""
    text = sys.stdin.read(max_chars + 1)
    if len(text) > max_chars:
        raise StandardInputError(f"standard input is longer than {max_chars} characters (the {what})")
    return text
