"""A second application for the same company and role: warned about, with a link to the first, and addable anyway."""

from __future__ import annotations

import json
from typing import Any

from nextround.services.applications import ApplicationService
from nextround.services.workspace import Workspace
from tests.conftest import other_owner
from tests.factories import make_application
from tests.web_support import Web


def _count(ws: Workspace) -> int:
    return len(ApplicationService(ws).find())


def test_the_form_warns_links_the_first_one_and_can_add_anyway(web: Web, workspace: Workspace) -> None:
    first = make_application(workspace, company="Northwind Bakery", role="Head Baker")
    typed = {"company": " northwind  bakery", "role": "HEAD BAKER", "stage": "applied", "notes": "second try"}
    warned = web.post_form("/applications/new", typed)
    assert warned.status_code == 409
    warning = warned.text.split('id="duplicate-warning"', 1)[1].split("</div>\n  </div>", 1)[0]
    assert f'href="/applications/{first.id}"' in warning and "Northwind Bakery — Head Baker" in warning
    assert 'name="add_anyway" value="yes"' in warning
    assert "second try" in warned.text  # what was typed is kept
    assert _count(workspace) == 1
    added = web.post_form("/applications/new", {**typed, "add_anyway": "yes"})
    assert added.status_code == 303
    assert _count(workspace) == 2


def test_each_earlier_one_says_when_it_was_sent_and_where_it_is_once(web: Web, workspace: Workspace) -> None:
    import re

    from nextround.domain.stages import Outcome, Stage

    make_application(workspace, company="Quayside", role="Baker")
    make_application(workspace, company="Quayside", role="Baker", stage=Stage.SCREENING)
    closed = make_application(workspace, company="Quayside", role="Baker")
    ApplicationService(workspace).close(closed.id, Outcome.REJECTED)
    warned = web.post_form("/applications/new", {"company": "Quayside", "role": "Baker"})
    items = re.findall(r"<li><a href=\"/applications/\d+\">Quayside — Baker</a>([^<]*)</li>", warned.text)
    tails = sorted(" ".join(item.split()) for item in items)
    assert len(tails) == 3 and all(re.fullmatch(r", applied \d+ \w+ \d{4}.*", tail) for tail in tails), tails
    assert [tail.split(", ", 2)[2:] for tail in tails] == [[], ["now at screening"], ["rejected"]], tails


def test_another_role_or_another_persons_application_is_no_duplicate(web: Web, workspace: Workspace) -> None:
    make_application(workspace, company="Northwind Bakery", role="Head Baker")
    make_application(other_owner(workspace), company="Acme", role="Cook")
    assert web.post_form("/applications/new", {"company": "Northwind Bakery", "role": "Pastry Chef"}).status_code == 303
    assert web.post_form("/applications/new", {"company": "Acme", "role": "Cook"}).status_code == 303


def test_the_api_answers_409_with_the_existing_one_unless_allowed(web: Web, workspace: Workspace) -> None:
    first = make_application(workspace, company="Acme", role="Support Engineer")
    refused = web.api("POST", "/api/v1/applications", json={"company": "ACME", "role": "support engineer"})
    assert refused.status_code == 409
    body = refused.json()
    assert body["field"] == "company" and [found["id"] for found in body["existing"]] == [first.id]
    assert "Acme — Support Engineer" in body["error"]
    assert _count(workspace) == 1
    allowed = web.api(
        "POST", "/api/v1/applications", json={"company": "ACME", "role": "support engineer", "allow_duplicate": True}
    )
    assert allowed.status_code == 201 and _count(workspace) == 2


def test_the_cli_adds_and_notes_the_earlier_one(cli: Any, workspace: Workspace) -> None:
    first = make_application(workspace, company="Acme", role="Cook")
    result = cli("app", "add", "--company", "acme", "--role", "Cook", "--json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["company"] == "acme"
    assert f"you already had an application for acme — Cook (#{first.id})" in result.stderr
    assert _count(workspace) == 2
