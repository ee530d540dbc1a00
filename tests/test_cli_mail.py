"""`nextround mail import`: a table or JSON lines of proposals, --apply once, one-line errors."""

from __future__ import annotations

import json
import mailbox
from collections.abc import Callable
from pathlib import Path
from typing import Any

from .mail_corpus import load

Cli = Callable[..., Any]
KEYS = {"message_id", "kind", "company", "role", "application_id", "stage_hint", "changes"}


def export(tmp_path: Path, ids: set[str]) -> Path:
    path = tmp_path / "takeout.mbox"
    box = mailbox.mbox(str(path))
    for item in load("test"):
        if item.id in ids:
            box.add(mailbox.mboxMessage(item.raw))
    box.close()
    return path


def test_import_dry_run_json_then_apply_once(cli: Cli, tmp_path: Path) -> None:
    created = cli(
        "app",
        "add",
        "--company",
        "Veltra",
        "--role",
        "Site Reliability Engineer",
        "--applied-on",
        "2024-10-01",
        "--json",
    )
    app_id = json.loads(created.stdout)["id"]
    path = export(tmp_path, {"t009", "t004", "t011"})  # a rejection, a job alert, an acknowledgement

    dry = cli("mail", "import", str(path), "--json")
    assert dry.exit_code == 0, dry.output
    lines = [json.loads(line) for line in dry.stdout.splitlines()]
    assert len(lines) == 3
    assert all(set(line) >= KEYS for line in lines)
    by_kind = {line["kind"]: line for line in lines}
    assert by_kind["rejection"]["application_id"] == app_id
    assert by_kind["rejection"]["changes"][0]["action"] == "close_rejected"
    assert by_kind["not_job"]["changes"] == []
    assert by_kind["acknowledgement"]["application_id"] is None
    assert by_kind["acknowledgement"]["changes"][0]["company"] == "Sable Works"
    shown = json.loads(cli("app", "show", str(app_id), "--json").stdout)
    assert shown["outcome"] is None  # a dry run changed nothing

    applied = cli("mail", "import", str(path), "--apply")
    assert applied.exit_code == 0, applied.output
    assert "Applied 2 messages" in applied.stderr
    assert json.loads(cli("app", "show", str(app_id), "--json").stdout)["outcome"] == "rejected"
    listed = json.loads(cli("app", "list", "--json").stdout)
    assert sorted(a["company"] for a in listed) == ["Sable Works", "Veltra"]

    again = cli("mail", "import", str(path), "--apply")
    assert "Applied 0 messages" in again.stderr
    assert "2 applied or dismissed before" in again.stderr
    assert len(json.loads(cli("app", "list", "--json").stdout)) == 2


def test_table_and_errors(cli: Cli, tmp_path: Path) -> None:
    path = export(tmp_path, {"t011"})
    table = cli("mail", "import", str(path))
    assert table.exit_code == 0
    assert "Sable Works" in table.stdout
    assert "--apply" in table.stderr
    missing = cli("mail", "import", str(tmp_path / "nope.mbox"))
    assert missing.exit_code == 1
    assert missing.stderr.strip().count("\n") == 0
    assert "does not exist" in missing.stderr
    assert cli("config", "set", "mail.reading", "off").exit_code == 0
    off = cli("mail", "import", str(path))
    assert off.exit_code == 1
    assert "turned off" in off.stderr
