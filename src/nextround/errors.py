"""The one base class for mistakes a user can cause and fix.

Anything deriving from UserError is shown as a single line with a non-zero exit (CLI) or a JSON error
(web), never as a traceback. Kept free of heavy imports so every layer can use it.

Messages are written for any front end ("give the goal a title"), never in one front end's words (no
command-line flags, no form labels). `field` names the input at fault, as the service calls it (a keyword
argument or a dataclass field); each front end words it its own way: the CLI adds the matching `--flag`, a
page shows the message next to the form field, the JSON API answers `{"error": ..., "field": ...}`.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager


class UserError(Exception):
    """A problem with what the user asked for: unknown id, bad date, malformed file."""

    def __init__(self, message: str = "", *, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field

    @property
    def message(self) -> str:
        return str(self)


class FormErrors(UserError):
    """Several problems with one form or request at once, each with its field: a form shows them all."""

    def __init__(self, errors: Iterable[UserError]) -> None:
        self.errors: tuple[UserError, ...] = tuple(errors)
        if not self.errors:
            raise ValueError("FormErrors needs at least one error")
        super().__init__("; ".join(str(error) for error in self.errors))

    def by_field(self) -> dict[str, str]:
        """The first message for each field; errors without a field are under `_form`."""
        found: dict[str, str] = {}
        for error in self.errors:
            found.setdefault(error.field or "_form", str(error))
        return found


@contextmanager
def about_field(field: str) -> Iterator[None]:
    """A UserError raised in this block without a field is about `field` (a parsed date, a number)."""
    try:
        yield
    except UserError as exc:
        if exc.field is None:
            exc.field = field
        raise


def errors_by_field(exc: UserError) -> dict[str, str]:
    """Messages keyed by the field they belong to (`_form` for the rest): what a form shows next to its fields."""
    if isinstance(exc, FormErrors):
        return exc.by_field()
    return {exc.field or "_form": str(exc)}
