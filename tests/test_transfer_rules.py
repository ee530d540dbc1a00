"""A JSON import or restore brings in only rows the forms would have accepted, and never the same row twice."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from nextround.domain.ghosting import DEFAULT_GHOST_DAYS
from nextround.domain.stages import Stage
from nextround.integrations.tabular import ImportFileError
from nextround.services.demo import fill_demo
from nextround.services.preferences import load_preferences, set_preference
from nextround.services.transfer import ExportDocument, export_data, import_data, read_export
from nextround.services.workspace import Workspace
from nextround.storage.snapshot import owned_tables

from .factories import make_application


def _counts(ws: Workspace) -> dict[str, int]:
    with ws.db.read() as session:
        return {t.name: session.scalar(select(func.count()).select_from(t)) or 0 for t in owned_tables()}


def test_importing_the_same_export_again_adds_nothing_in_any_table(workspace: Workspace) -> None:
    fill_demo(workspace)
    data = export_data(workspace)
    before = _counts(workspace)
    assert all(before[t] for t in ("journal_entries", "cvs", "goals", "watches", "practice_answers", "seen_postings"))
    for _ in range(2):
        import_data(workspace, copy.deepcopy(data))
        assert _counts(workspace) == before


def test_a_merge_keeps_new_rows_under_rows_already_here(workspace: Workspace) -> None:
    fill_demo(workspace)
    data = export_data(workspace)
    entry = dict(data.tables["journal_entries"][0], id=10_000, text="A new entry, written elsewhere")
    data.tables["journal_entries"].append(entry)
    before = _counts(workspace)
    import_data(workspace, data)
    after = _counts(workspace)
    assert after["journal_entries"] == before["journal_entries"] + 1
    assert {k: v for k, v in after.items() if k != "journal_entries"} == {
        k: v for k, v in before.items() if k != "journal_entries"
    }


def _export_with(workspace: Workspace, table: str, row: dict[str, Any]) -> ExportDocument:
    data = export_data(workspace)
    data.tables[table] = [row]
    return data


BAD_ROWS = [
    ("user_settings", {"key": "ghost_days.applied", "value": "-5"}, "user_settings row 1, value"),
    ("user_settings", {"key": "ghost_days.applied", "value": {"v": "abc"}}, "user_settings row 1, value"),
    ("user_settings", {"key": "ghost_days.applied", "value": {"v": -5}}, "user_settings row 1, value"),
    ("user_settings", {"key": "who.knows", "value": {"v": 1}}, "unknown setting"),
    ("journal_entries", {"kind": "journal", "mood": "happy", "text": "x", "created_at": "2024-01-01T10:00:00"},
     "journal_entries row 1, mood: must be a whole number"),
    ("journal_entries", {"kind": "journal", "mood": 9, "text": "x", "created_at": "2024-01-01T10:00:00"},
     "journal_entries row 1, mood: must be between 1 and 5"),
    ("contacts", {"name": "Eve", "linkedin_url": "javascript:alert(1)", "created_at": "2024-01-01T10:00:00"},
     "contacts row 1, linkedin_url"),
    ("contacts", {"name": "Eve", "email": "not an email", "created_at": "2024-01-01T10:00:00"},
     "contacts row 1, email"),
    ("applications", {"company": 5, "role": "R", "created_at": "2024-01-01T10:00:00"},
     "applications row 1, company: must be text"),
    ("applications", {"company": ["A"], "role": "R", "created_at": "2024-01-01T10:00:00"},
     "applications row 1, company: must be text"),
    ("applications", {"company": "A", "role": "R", "applied_on": 20240101, "created_at": "2024-01-01T10:00:00"},
     "applications row 1, applied_on: must be a date"),
    ("applications", {"company": "A", "role": "R", "applied_on": "2024-02-31", "created_at": "2024-01-01T10:00:00"},
     "applications row 1, applied_on: is not a date"),
    ("applications", {"company": "A", "role": "R", "applied_on": "9999-12-31", "created_at": "2024-01-01T10:00:00"},
     "applications row 1, applied_on: is outside the years 1970-2100"),
    ("applications", {"company": "A", "role": "R", "salary_max": 2**64, "created_at": "2024-01-01T10:00:00"},
     "applications row 1, salary_max: is out of range"),
    ("applications", {"company": "A", "role": "R", "tags": "remote", "created_at": "2024-01-01T10:00:00"},
     "applications row 1, tags: must be a list of text"),
    # JSON may spell a lone surrogate (`"\\ud800"`); no database stores one.
    ("applications", {"company": "A\ud800", "role": "R", "created_at": "2024-01-01T10:00:00"},
     "applications row 1, company: holds a character that is not valid Unicode"),
    ("applications", {"company": "A", "role": "R", "tags": ["ok", "\udc80"], "created_at": "2024-01-01T10:00:00"},
     "applications row 1, tags: holds a character that is not valid Unicode"),
    ("journal_entries", {"kind": "journal", "text": "\udfff", "created_at": "2024-01-01T10:00:00"},
     "journal_entries row 1, text: holds a character that is not valid Unicode"),
    ("goals", {"title": "", "created_at": "2024-01-01T10:00:00"}, "goals row 1, title"),
    ("interviews", {"application_id": None, "scheduled_at": "9999-12-31T23:59:00", "created_at": "2024-01-01T10:00"},
     "interviews row 1, application_id: is required"),
]  # fmt: skip


@pytest.mark.parametrize(("table", "row", "message"), BAD_ROWS)
def test_a_row_the_forms_would_refuse_refuses_the_whole_file(
    workspace: Workspace, table: str, row: dict[str, Any], message: str
) -> None:
    make_application(workspace, company="Already here")
    before = _counts(workspace)
    good = {"company": "Fine Ltd", "role": "Baker", "created_at": "2024-01-01T10:00:00"}
    data = _export_with(workspace, "applications", good)
    if table == "applications":
        data.tables["applications"].append(row)
        message = message.replace("row 1", "row 2")
    else:
        data.tables[table] = [row]
    with pytest.raises(ImportFileError, match=message.replace("(", r"\(")):
        import_data(workspace, data)
    assert _counts(workspace) == before  # nothing landed, not even the good row
    load_preferences(workspace)  # and everything still reads


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('{"format": "nextround-export", "version": "2", "tables": {}}', "version must be a whole number"),
        ('{"format": "nextround-export", "version": null, "tables": {}}', "version must be a whole number"),
        ('{"format": "nextround-export", "version": 1, "tables": ' + "[" * 100_000 + "]" * 100_000 + "}",
         "nested too deeply"),
        ('{"format": "nextround-export", "version": 1, "n": ' + "9" * 5001 + ', "tables": {}}', "not valid JSON"),
        ('{"format": "nextround-export", "version": 1, "tables": {"applications": {"a": 1}}}', "must be a list"),
        ('{"format": "nextround-export", "version": 1, "tables": {"applications": [[1]]}}', "not an object"),
    ],
)  # fmt: skip
def test_malformed_exports_are_one_line(workspace: Workspace, tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "export.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ImportFileError, match=message):
        import_data(workspace, read_export(path, 10 * 1024 * 1024))


def test_a_bad_stored_setting_never_stops_reading_and_config_set_repairs_it(workspace: Workspace) -> None:
    from nextround.storage.tables import UserSetting

    with workspace.db.write() as session:
        session.add(UserSetting(owner_id=workspace.owner_id, key="ghost_days.applied", value={"v": -5}))
        session.add(UserSetting(owner_id=workspace.owner_id, key="auto_close_ghosted", value="-5"))  # type: ignore[arg-type]
    prefs = load_preferences(workspace)
    assert prefs.ghost_days[next(iter(prefs.ghost_days))] == 21  # the default, not -5
    repaired = set_preference(workspace, "ghost_days.applied", "30")
    assert repaired.ghost_days[next(iter(repaired.ghost_days))] == 30
    assert json.dumps(load_preferences(workspace).by_key())


def test_bad_stored_network_settings_read_as_defaults(workspace: Workspace) -> None:
    from nextround.services.network import DISMISSED_KEY, MONTHS_KEY, NetworkService
    from nextround.storage.tables import UserSetting

    make_application(workspace, company="Quiet Ltd")
    with workspace.db.write() as session:
        session.add(UserSetting(owner_id=workspace.owner_id, key=MONTHS_KEY, value={"v": "abc"}))
        session.add(UserSetting(owner_id=workspace.owner_id, key=DISMISSED_KEY, value={"v": 5}))
    assert isinstance(NetworkService(workspace).nudges(), list)


def test_a_silence_limit_of_millions_of_days_is_refused_and_never_breaks_the_views(workspace: Workspace) -> None:
    # `config set ghost_days.applied 99999999999999999` was accepted; after it every date sum that read the
    # limit overflowed and today, the overview and `app silent` all failed.
    from nextround.errors import UserError
    from nextround.services.applications import ApplicationService
    from nextround.storage.tables import UserSetting

    make_application(workspace, company="Quiet Ltd")
    with pytest.raises(UserError, match="between 1 and 365 days"):
        set_preference(workspace, "ghost_days.applied", "99999999999999999")
    assert set_preference(workspace, "ghost_days.applied", "365").ghost_days[next(iter(DEFAULT_GHOST_DAYS))] == 365
    with workspace.db.write() as session:  # as an earlier version may have stored it
        session.add(UserSetting(owner_id=workspace.owner_id, key="ghost_days.screening", value={"v": 10**17}))
    assert load_preferences(workspace).ghost_days[Stage.SCREENING] == 14  # the default
    assert isinstance(ApplicationService(workspace).silent(), list)
