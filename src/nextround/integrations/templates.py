"""Message templates (feedback requests, thank-you notes, follow-ups): Jinja2 files the user can override.

A template named `NAME` is the file `messages/NAME.txt.j2`. Its first line is `Subject: ...`; the rest,
after one blank line, is the body. A file of the same name in `$NEXTROUND_HOME/templates/messages/`
wins over the one shipped with nextround, so people can put things in their own words.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from nextround.errors import UserError

SUFFIX = ".txt.j2"


class TemplateError(UserError, ValueError):
    """A message template that is missing or cannot be rendered."""


@dataclass(frozen=True, slots=True)
class RenderedMessage:
    subject: str
    body: str

    def to_dict(self) -> dict[str, str]:
        return {"subject": self.subject, "body": self.body}


def user_template_dir(home: Path) -> Path:
    return home / "templates" / "messages"


def _environment(home: Path | None) -> Any:
    from jinja2 import ChoiceLoader, Environment, FileSystemLoader, PackageLoader, StrictUndefined

    loaders: list[Any] = []
    if home is not None:
        loaders.append(FileSystemLoader(str(user_template_dir(home))))
    loaders.append(PackageLoader("nextround", "templates/messages"))
    # Plain-text mail: no HTML escaping, but undefined names fail loudly instead of vanishing.
    return Environment(
        loader=ChoiceLoader(loaders),
        autoescape=False,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
    )


def render_message(name: str, context: Mapping[str, object], home: Path | None = None) -> RenderedMessage:
    """Render `messages/<name>.txt.j2` (user override first) into a subject and a body."""
    from jinja2 import TemplateError as JinjaError
    from jinja2 import TemplateNotFound

    try:
        text = _environment(home).get_template(name + SUFFIX).render(**context)
    except TemplateNotFound:
        raise TemplateError(f"no message template named {name!r}") from None
    except JinjaError as exc:
        raise TemplateError(f"template {name!r} cannot be rendered: {exc}") from None
    first, _, rest = text.lstrip().partition("\n")
    if not first.lower().startswith("subject:"):
        raise TemplateError(f"template {name!r} must start with a 'Subject:' line")
    body = "\n".join(line.rstrip() for line in rest.strip("\n").splitlines()).strip() + "\n"
    return RenderedMessage(subject=first.split(":", 1)[1].strip(), body=body)


def available_templates(home: Path | None = None) -> list[str]:
    names = {p.name.removesuffix(SUFFIX) for p in _package_dir().glob("*" + SUFFIX)}
    if home is not None and user_template_dir(home).is_dir():
        names |= {p.name.removesuffix(SUFFIX) for p in user_template_dir(home).glob("*" + SUFFIX)}
    return sorted(names)


def _package_dir() -> Path:
    return Path(__file__).resolve().parent.parent / "templates" / "messages"
