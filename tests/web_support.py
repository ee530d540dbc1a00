"""Web test support: the app built from given settings, a client at its own address, and the CSRF token.

The `web` fixture itself is in conftest.py."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from fastapi import FastAPI
from fastapi.testclient import TestClient

from nextround.config import Settings
from nextround.web.app import create_app

BASE_URL = "http://127.0.0.1:8765"


class SendsToken:
    """A client that sends its CSRF token: in forms, and as the header on API calls."""

    client: TestClient
    token: str

    def post_form(self, path: str, data: dict[str, str] | None = None, **kwargs: Any) -> Any:
        return self.client.post(path, data={"csrf_token": self.token, **(data or {})}, **kwargs)

    def api(self, method: str, path: str, **kwargs: Any) -> Any:
        headers = {"X-CSRF-Token": self.token, **kwargs.pop("headers", {})}
        return self.client.request(method, path, headers=headers, **kwargs)


@dataclass
class Web(SendsToken):
    app: FastAPI
    client: TestClient
    token: str


@contextmanager
def web_with(settings: Settings, clock: Any) -> Iterator[Web]:
    """The app built from these settings, with a client at its own address (settings are read once, here)."""
    app = create_app(settings, clock=clock)
    with TestClient(app, base_url=BASE_URL, follow_redirects=False) as client:
        yield Web(app=app, client=client, token=app.state.web.csrf_token)


def bar_value(html: str, chart_id: str, label: str) -> int:
    """The value drawn for one bar of an inline SVG chart."""
    chart = html.split(f'id="{chart_id}"', 1)[1].split("</figure>", 1)[0]
    found = re.search(rf'data-label="{label.capitalize()}" data-value="(\d+)"', chart)
    assert found, f"no bar {label!r} in {chart_id}"
    return int(found.group(1))


def _cli_commands() -> tuple[str, ...]:
    import typer.main

    from nextround.cli.main import app

    return tuple(sorted(typer.main.get_command(app).commands))  # type: ignore[attr-defined]


# What a page must never show: a nextround command ("a nextround export" is a file, not one), an install
# command, a variable to export, a setting's environment name, a command-line option, a terminal.
COMMAND_LINE = re.compile(
    rf"(?<!\b[Aa] )(?<!\b[Tt]he )(?<!\b[Yy]our )\bnextround (?:{'|'.join(_cli_commands())})\b(?!\s*\()|pip install|"
    r"\bexport [A-Z_]+=|NEXTROUND_[A-Z_]+|(?<![\w-])--[a-z][a-z-]+|\bin (?:a|the|your) terminal\b|\bcommand line\b"
)
_READ_ATTRIBUTES = re.compile(r'\s(?:title|alt|placeholder|aria-label|value)="([^"]*)"')


def command_line_in(html: str) -> str | None:
    """The first command line a page shows its reader, or None. Only what is read: the text, and the attribute
    values people see or hear (titles, alt text, placeholders, labels, values), not styles or scripts."""
    text = re.sub(r"<(script|style)\b.*?</\1>|<!--.*?-->", " ", html, flags=re.S | re.I)
    text = re.sub(r"<[^>]*>", lambda tag: " ".join(_READ_ATTRIBUTES.findall(tag.group(0))) or " ", text)
    found = COMMAND_LINE.search(text)
    return text[max(0, found.start() - 60) : found.end() + 60] if found else None
