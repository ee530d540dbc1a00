"""Every page of the demo speaks to a person: no ids, no identifiers, no '(s)', no command lines (hints included:
the browser is the product, so no page sends anyone to a terminal)."""

from __future__ import annotations

import html
import re
from dataclasses import replace
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from nextround.config import AiConfig, Settings, SmtpConfig
from nextround.services.demo import fill_demo
from nextround.services.workspace import Workspace
from nextround.web.app import create_app
from tests.web_support import command_line_in

DEVELOPER_WORDING = {
    "an id instead of a name": re.compile(r"\b[Aa]pplication \d+\b|\bapp \d+\b"),
    "snake_case": re.compile(r"\b[a-z]+_[a-z_]+\b"),
    "a '(s)' plural": re.compile(r"\w\(s\)"),
    "a plural after 1": re.compile(r"(?<![\d.,:])\b1 (?!am\b|pm\b)[a-z]+(?<!s)s\b"),
    "LinkedIn misspelt": re.compile(r"Linkedin|linkedIn"),
    "a command line": re.compile(r"\bnextround (?:app|feedback|reflect|practice|analyze|journal|watch|nudge|goal)\b"),
    "the terminal": re.compile(r"[Ii]n the terminal"),
    "an ISO date": re.compile(r"\b\d{4}-\d{2}-\d{2}\b"),
}
SKIP = (".json", ".ics", ".csv", ".eml", ".vcf", ".db", ".html")
MAX_PAGES = 90


def _visible_text(page: str) -> str:
    # A field's hint may show an ISO date as one of the ways to write a date; everything else reads like a page.
    body = re.sub(
        r"<script.*?</script>|<style.*?</style>|<textarea.*?</textarea>|<p class=\"hint\"[^>]*>.*?</p>",
        "",
        page,
        flags=re.S,
    )
    return html.unescape(re.sub(r"<[^>]+>", " ", body))


def test_no_page_of_the_demo_uses_developer_wording(tmp_path: Path) -> None:
    settings = Settings.from_env({"NEXTROUND_HOME": str(tmp_path)})
    fill_demo(Workspace.open_local(settings))
    found: list[str] = []
    seen: set[str] = set()
    with TestClient(create_app(settings), base_url="http://127.0.0.1:8765") as client:
        queue = ["/"]
        while queue and len(seen) < MAX_PAGES:
            path = queue.pop(0)
            if path in seen:
                continue
            seen.add(path)
            response = client.get(path)
            assert response.status_code < 500, path
            if response.status_code != 200 or "text/html" not in response.headers.get("content-type", ""):
                continue
            for link in re.findall(r'href="(/[^"#?]*)', response.text):
                if not link.startswith("/static") and not link.endswith(SKIP) and "export" not in link:
                    queue.append(link)
            shown = command_line_in(response.text)
            found += [f"{path}: a command line: {shown!r}"] if shown else []
            text = _visible_text(response.text)
            for what, pattern in DEVELOPER_WORDING.items():
                found += [f"{path}: {what}: {match!r}" for match in sorted(set(pattern.findall(text)))]
    assert len(seen) > 30, "the crawl should reach most of the demo"
    assert not found, "\n".join(found)


def test_a_broken_set_up_nextround_was_started_with_shows_no_variable_on_any_page(tmp_path: Path) -> None:
    """The crawl above starts nextround with nothing set up. Started with a mail set-up that cannot be used (a port
    that is not a number, a mailbox without its server) and an AI address that is not one, the pages that read them
    say so in words: the variables' names stay in the terminal and the log."""
    settings = Settings.from_env({"NEXTROUND_HOME": str(tmp_path)})
    broken = replace(
        settings,
        smtp=SmtpConfig(host="smtp.example.org", port="smtp", from_addr="me@example.org"),
        imap_env={"NEXTROUND_IMAP_USER": "sam", "NEXTROUND_IMAP_PORT": "imap"},
        ai=AiConfig(base_url="ftp://models.example.org"),
    )
    fill_demo(Workspace.open_local(settings))
    with TestClient(create_app(broken), base_url="http://127.0.0.1:8765") as client:
        board = client.get("/applications").text
        applications = sorted(set(re.findall(r'href="(/applications/\d+)"', board)))[:5]
        assert applications, "the demo has applications to open"
        found = []
        for path in ["/settings", "/inbox", "/", *applications]:
            response = client.get(path)
            assert response.status_code == 200, path
            shown = command_line_in(response.text)
            found += [f"{path}: {shown!r}"] if shown else []
        settings_page = client.get("/settings").text
    assert not found, "\n".join(found)
    assert 'id="mail-broken"' in settings_page and 'id="mailbox-broken"' in settings_page
    ai = settings_page.split('id="ai-title"', 1)[1].split("</section>", 1)[0]
    assert "The AI coach set-up nextround was started with cannot be used" in ai
    assert "Whoever set up nextround on this computer must correct it." in ai  # as the mail sections say it


def test_a_broken_set_up_a_shared_server_was_started_with_shows_no_variable_to_its_administrators(
    tmp_path: Path, postgres_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The same on a shared server: its administrators' pages (Server settings above all, which shows the set-up
    in force) and a person's Settings page say in words what is wrong, not which variable."""
    from nextround.services import accounts, administration
    from tests.multiuser_support import multi_user_server

    monkeypatch.setattr(accounts, "HASH_COSTS", {"time_cost": 1, "memory_cost": 1024, "parallelism": 1})
    broken = Settings(
        home=tmp_path,
        database_url=postgres_url,
        smtp=SmtpConfig(host="smtp.example.org", port="smtp", from_addr="me@example.org"),
        imap_env={"NEXTROUND_IMAP_USER": "sam", "NEXTROUND_IMAP_PORT": "imap"},
        ai=AiConfig(base_url="ftp://models.example.org", model="llama3.2"),
    )
    with multi_user_server(broken) as server:
        ada = server.person("ada@uni.example")
        administration.set_admin(server.db, None, ada.owner_id, admin=True)
        found = []
        for path in ["/admin/server", "/admin/accounts", "/settings", "/inbox", "/"]:
            response = ada.client.get(path)
            assert response.status_code == 200, path
            shown = command_line_in(response.text)
            found += [f"{path}: {shown!r}"] if shown else []
        server_page = ada.client.get("/admin/server").text
    assert not found, "\n".join(found)
    assert 'id="server-mail-broken"' in server_page and 'id="server-ai-broken"' in server_page


def test_a_file_over_the_limit_is_explained_in_words_on_a_page(tmp_path: Path) -> None:
    from nextround.integrations.files import FileInputError, read_limited
    from nextround.web.forms import upload_message

    path = tmp_path / "cv.txt"
    path.write_bytes(b"x" * (1024 * 1024 + 10))
    try:
        read_limited(path, 1024 * 1024)
    except FileInputError as exc:
        said = upload_message(str(exc), tmp_path)
    else:
        raise AssertionError("a file over the limit must be refused")
    assert said.startswith("cv.txt is") and "can raise the limit" in said
    assert command_line_in(said) is None, said
