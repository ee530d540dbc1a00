"""Backup and restore on the Import and export page: download, the question, the restore, refusals, replays,
and on the shared server, one person's data never in another's backup or restore."""

from __future__ import annotations

import json
import re
import sqlite3
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from nextround.config import Settings
from nextround.domain.contacts import ContactFields
from nextround.domain.stages import Stage
from nextround.services import transfer
from nextround.services.network import NetworkService
from nextround.services.transfer import export_data, owned_counts
from nextround.services.workspace import Workspace
from tests.factories import make_application
from tests.multiuser_support import PASSWORD, Person, multi_user_server
from tests.web_support import Web, web_with

TOKEN = re.compile(r'name="token" value="([^"]+)"')


def upload_backup(client: Any, token: str, name: str, data: bytes) -> Any:
    files = {"file": (name, data, "application/octet-stream")}
    return client.post("/restore", data={"csrf_token": token}, files=files)


def confirm(client: Any, csrf: str, token: str) -> Any:
    return client.post("/restore/confirm", data={"csrf_token": csrf, "token": token})


def restore_token(html: str) -> str:
    found = TOKEN.search(html)
    assert found, "no confirmation token on the page"
    return found.group(1)


def content(ws: Workspace) -> dict[str, list[Any]]:
    """The person's data without row ids and bookkeeping times, which a restore may renumber."""
    tables = export_data(ws).tables
    return {
        "applications": sorted((a["company"], a["role"], a["stage"]) for a in tables["applications"]),
        "events": sorted((e["to_state"], e["occurred_at"]) for e in tables["stage_events"]),
        "contacts": sorted(c["name"] for c in tables["contacts"]),
    }


def pending(ws: Workspace) -> list[Path]:
    root = ws.settings.home / "restore-pending"
    return sorted(root.iterdir()) if root.exists() else []


def test_a_backup_restores_to_the_same_data_after_a_question(web: Web, workspace: Workspace) -> None:
    make_application(workspace, company="Northwind", stage=Stage.INTERVIEW)
    make_application(workspace, company="Kestrel", stage=Stage.APPLIED)
    NetworkService(workspace).add_contact(ContactFields(name="Dana Recruiter"))
    before = content(workspace)
    download = web.client.get("/backup")
    assert download.status_code == 200 and download.headers["cache-control"] == "no-store"
    whole_file = workspace.db.dialect == "sqlite"
    suffix = "sqlite" if whole_file else "json"
    assert download.headers["content-disposition"] == f'attachment; filename="nextround-backup-2024-11-06.{suffix}"'
    assert download.content.startswith(b"SQLite format 3\x00") == whole_file

    make_application(workspace, company="Added later", stage=Stage.APPLIED)
    question = upload_backup(web.client, web.token, f"backup.{suffix}", download.content)
    assert question.status_code == 200, question.text
    assert "2 applications and 1 contact" in question.text
    assert "Here now: 3 applications and 1 contact" in question.text
    assert "replaces what is here now" in question.text
    assert content(workspace)["applications"] != before["applications"]  # asking changed nothing yet

    done = confirm(web.client, web.token, restore_token(question.text))
    assert done.status_code == 200, done.text
    assert "Backup restored" in done.text and "2 applications and 1 contact" in done.text
    assert content(workspace) == before
    assert pending(workspace) == []
    if whole_file:  # the data it replaced is kept beside the database, and the page says where
        kept = re.search(r"kept in <code>([^<]+)</code>", done.text)
        assert kept and Path(kept.group(1)).exists()
        with sqlite3.connect(kept.group(1)) as copy:
            assert copy.execute("SELECT count(*) FROM applications").fetchone()[0] == 3
    else:  # nothing kept on the server: the question offers the current data for download first
        assert 'href="/backup" download' in question.text


def test_a_refused_file_is_one_line_beside_the_form_and_changes_nothing(
    web: Web, workspace: Workspace, tmp_path: Path
) -> None:
    make_application(workspace, company="Northwind", stage=Stage.INTERVIEW)
    export = web.client.get("/export.json").json()
    before = content(workspace)
    not_ours = tmp_path / "other.sqlite"
    with sqlite3.connect(not_ours) as other:
        other.execute("CREATE TABLE notes (body TEXT)")
    cases = {
        "cv.json": (b"Sam Rivera\nCustomer success manager", "cv.json is not a nextround export"),
        "cut.json": (json.dumps(export).encode()[:200], "cut.json is cut short"),
        "newer.json": (json.dumps({**export, "version": 99}).encode(), "newer.json comes from a newer nextround"),
        "bad-row.json": (
            json.dumps({**export, "tables": {**export["tables"], "journal_entries": [{"id": 1, "mood": 9}]}}).encode(),
            "journal_entries row 1",
        ),
    }
    if workspace.db.dialect == "sqlite":
        cases["other.sqlite"] = (not_ours.read_bytes(), "other.sqlite is an SQLite file but not a nextround backup")
    else:
        cases["other.sqlite"] = (not_ours.read_bytes(), "an SQLite backup cannot be restored into PostgreSQL")
    for name, (data, message) in cases.items():
        response = upload_backup(web.client, web.token, name, data)
        if name == "bad-row.json":  # its rows are checked as the restore runs, in its one transaction
            assert response.status_code == 200, response.text
            response = confirm(web.client, web.token, restore_token(response.text))
        assert response.status_code == 422, (name, response.text)
        error = re.search(r'<p class="error-text" id="restore-error" role="alert">([^<]*)</p>', response.text)
        assert error and message in error.group(1), (name, error and error.group(1))
        assert "/tmp" not in error.group(1) and "\n" not in error.group(1)
        assert 'aria-describedby="restore-error"' in response.text
        assert content(workspace) == before, name
        assert pending(workspace) == []
    missing = web.client.post("/restore", data={"csrf_token": web.token})
    assert missing.status_code == 422 and "choose a backup file first" in missing.text


def test_a_backup_over_the_limit_is_refused_before_it_is_read(
    settings: Any, clock: Any, workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(transfer, "EXPORT_UPLOAD_MAX_BYTES", 1024 * 1024)  # the app reads it when built
    make_application(workspace, company="Northwind", stage=Stage.INTERVIEW)
    before = content(workspace)
    with web_with(replace(settings, max_import_bytes=1024 * 1024), clock) as web:
        response = upload_backup(web.client, web.token, "huge.json", b" " * (2 * 1024 * 1024))
        assert response.status_code == 413
        assert "larger than 1 MB, the most a backup can be to restore here" in response.text
    assert content(workspace) == before and pending(workspace) == []


def test_a_confirmation_cannot_be_replayed_or_forged(web: Web, workspace: Workspace) -> None:
    make_application(workspace, company="Northwind", stage=Stage.INTERVIEW)
    backup = web.client.get("/backup").content
    question = upload_backup(web.client, web.token, "backup", backup)
    token = restore_token(question.text)
    assert confirm(web.client, web.token, token).status_code == 200
    make_application(workspace, company="After the restore", stage=Stage.APPLIED)
    after = content(workspace)
    kept_copies = sorted(Path(workspace.settings.home).parent.glob("*.before-restore-*"))
    for attempt in (token, token, "../../etc", "A" * 32, ""):  # Back + resubmit, a double click, made-up ones
        again = confirm(web.client, web.token, attempt)
        assert again.status_code == 422
        assert "already done, or it waited too long. Nothing was changed" in again.text
        assert content(workspace) == after
    assert sorted(Path(workspace.settings.home).parent.glob("*.before-restore-*")) == kept_copies


def _signed_in(server: Any, email: str) -> Person:
    return server.person(email, PASSWORD)


def test_on_a_shared_server_a_backup_and_a_restore_are_only_ever_ones_own(tmp_path: Path, postgres_url: str) -> None:
    # the shared server runs on PostgreSQL only: this test takes that engine alone rather than skip on SQLite
    with multi_user_server(Settings(home=tmp_path / "home", database_url=postgres_url)) as server:
        ada, bo = _signed_in(server, "ada@example.test"), _signed_in(server, "bo@example.test")
        make_application(server.workspace(ada), company="Ada's Secret Employer", stage=Stage.INTERVIEW)
        make_application(server.workspace(bo), company="Bo Corp", stage=Stage.APPLIED)
        ada_before, bo_before = content(server.workspace(ada)), content(server.workspace(bo))

        download = ada.client.get("/backup")
        assert download.status_code == 200 and download.headers["content-type"] == "application/json"
        assert b"Ada's Secret Employer" in download.content and b"Bo Corp" not in download.content
        assert b"bo@example.test" not in download.content

        # Bo's pending restore cannot be confirmed by Ada, not even with Bo's token in hand.
        bo_question = upload_backup(bo.client, bo.token, "ada.json", download.content)
        assert bo_question.status_code == 200, bo_question.text
        assert "Here now: 1 application" in bo_question.text
        bo_token = restore_token(bo_question.text)
        stolen = confirm(ada.client, ada.token, bo_token)
        assert stolen.status_code == 422 and "Nothing was changed" in stolen.text
        assert content(server.workspace(ada)) == ada_before and content(server.workspace(bo)) == bo_before

        # Bo restores (the token is still Bo's), and only Bo's data changes.
        assert confirm(bo.client, bo.token, bo_token).status_code == 200
        assert content(server.workspace(bo)) == ada_before
        assert content(server.workspace(ada)) == ada_before
        assert owned_counts(server.workspace(ada))["applications"] == 1
        signed_out = server.client().get("/backup")
        assert signed_out.status_code in (302, 303, 401) and b"Secret" not in signed_out.content
