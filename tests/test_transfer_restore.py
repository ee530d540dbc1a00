"""A restore checks the backup whole before it touches the live database, and every restore can be undone."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from nextround.config import Settings
from nextround.errors import UserError
from nextround.services.applications import ApplicationService
from nextround.services.transfer import TransferError, backup, export_json, restore
from nextround.services.workspace import Workspace
from nextround.storage.db import Database

from .conftest import FakeClock
from .factories import make_application


@pytest.fixture
def local(tmp_path: Path, sqlite_template: Path) -> Iterator[Workspace]:
    """A workspace on an SQLite file of its own (restoring a backup file is an SQLite thing)."""
    home = tmp_path / "home"
    home.mkdir()
    live = home / "nextround.db"
    live.write_bytes(sqlite_template.read_bytes())
    settings = Settings(home=home, database_url=f"sqlite:///{live}")
    db = Database.open(settings.database_url)
    yield Workspace(db=db, owner_id=db.local_user_id(), settings=settings, clock=FakeClock())
    db.dispose()


def _companies(ws: Workspace) -> list[str]:
    return [a.fields.company for a in ApplicationService(ws).find()]


def _edited_backup(ws: Workspace, tmp_path: Path, sql: str) -> Path:
    path = tmp_path / "backup.db"
    backup(ws, path)
    with sqlite3.connect(path) as connection:
        connection.execute("PRAGMA foreign_keys=OFF")
        connection.executescript(sql)
    return path


def test_a_backup_from_a_newer_schema_is_one_line_and_the_live_data_stays(local: Workspace, tmp_path: Path) -> None:
    make_application(local, company="In the backup")
    path = _edited_backup(local, tmp_path, "UPDATE alembic_version SET version_num = '0099_from_the_future';")
    make_application(local, company="Live")
    with pytest.raises(TransferError, match=r"made by a newer nextround \(schema 0099_from_the_future\); upgrade"):
        restore(local, path)
    assert sorted(_companies(local)) == ["In the backup", "Live"]
    assert not list(local.settings.home.glob("*.before-restore-*"))  # nothing was even copied aside


def test_a_backup_whose_rows_belong_to_no_one_is_refused(local: Workspace, tmp_path: Path) -> None:
    make_application(local, company="Mine")
    path = _edited_backup(local, tmp_path, "UPDATE applications SET owner_id = 77;")
    with pytest.raises(TransferError, match="belong to no one"):
        restore(local, path)
    assert _companies(local) == ["Mine"]


def test_a_damaged_backup_is_refused_before_anything_changes(local: Workspace, tmp_path: Path) -> None:
    make_application(local, company="Mine")
    path = tmp_path / "backup.db"
    backup(local, path)
    data = bytearray(path.read_bytes())
    page = 4096
    data[page * 2 : page * 2 + 200] = b"\xff" * 200  # scribble over a b-tree page
    path.write_bytes(bytes(data))
    with pytest.raises(TransferError, match=r"damaged|not a readable SQLite database|not a nextround backup"):
        restore(local, path)
    assert _companies(local) == ["Mine"]


def test_every_restore_keeps_its_own_copy_of_what_was_there(local: Workspace, tmp_path: Path) -> None:
    make_application(local, company="First")
    path = tmp_path / "backup.db"
    backup(local, path)
    make_application(local, company="Second")
    restore(local, path)
    make_application(local, company="Third")
    restore(local, path)
    kept = sorted(local.settings.home.glob("nextround.before-restore-*.db"))
    assert len(kept) == 2
    seen = [sorted(r[0] for r in sqlite3.connect(k).execute("select company from applications")) for k in kept]
    assert seen == [["First", "Second"], ["First", "Third"]]
    assert _companies(local) == ["First"]
    # A copy kept aside is itself a backup that restores.
    restore(local, kept[0])
    assert sorted(_companies(local)) == ["First", "Second"]


def test_a_backup_into_a_missing_folder_names_the_folder(local: Workspace, tmp_path: Path) -> None:
    # It said "No such file or directory: .../missing/tmpwdmgwvrj.tmp", a file the user never named.
    with pytest.raises(TransferError, match=r"^no such folder: .*missing$"):
        backup(local, tmp_path / "missing" / "backup.db")


def test_a_refused_json_restore_leaves_no_before_restore_copy(local: Workspace, tmp_path: Path) -> None:
    # Each refused (or interrupted) JSON restore left a nextround.before-restore-<time>.db beside the live
    # file, as if a restore had happened.
    make_application(local, company="Live")
    path = tmp_path / "export.json"
    export_json(local, path)
    data = json.loads(path.read_text(encoding="utf-8"))
    data["tables"]["applications"][0]["company"] = ""
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(UserError, match="company"):
        restore(local, path)
    assert _companies(local) == ["Live"]
    assert sorted(p.name for p in local.settings.home.glob("*before-restore*")) == []
