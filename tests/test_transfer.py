"""Imports land whole or not at all; exports are lossless; backups restore."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from nextround.domain.stages import Outcome, Stage
from nextround.integrations.tabular import ImportFileError, parse_linkedin_date, read_generic_csv, read_linkedin
from nextround.serialize import to_json
from nextround.services.applications import ApplicationService
from nextround.services.preferences import set_preference
from nextround.services.transfer import (
    ExportDocument,
    backup,
    export_csv,
    export_data,
    export_json,
    import_applications,
    import_data,
    read_export,
    restore,
)
from nextround.services.workspace import Workspace

from .conftest import ZONE
from .factories import make_application

Cli = Callable[..., Any]
LINKEDIN_HEADER = [
    "Application Date", "Contact Email", "Contact Phone Number", "Company Name", "Job Title", "Job Url",
    "Resume Name", "Question And Answers",
]  # fmt: skip


def linkedin_file(path: Path, rows: list[list[str]]) -> Path:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(LINKEDIN_HEADER)
    writer.writerows(rows)
    path.write_text(buffer.getvalue(), encoding="utf-8")
    return path


SAMPLE_ROWS = [
    ["10/3/24, 2:15 PM", "jo@acme.test", "+44 20 7946 0000", "Acme", "Support Engineer",
     "https://www.linkedin.com/jobs/view/3999999901/", "cv-support-v3.pdf",
     'Years of experience with "Zendesk"?: 3\nWilling to relocate?: No, but "hybrid" is fine'],
    ["9/28/24, 9:05 AM", "", "", "Globex", "Warehouse Operative", "", "cv-general.pdf", ""],
    ["12/1/24, 11:59 PM", "", "", "Initech", "Staff Nurse", "https://www.linkedin.com/jobs/view/3999999902", "", ""],
]  # fmt: skip


def read(ws: Workspace, path: Path) -> list[Any]:
    return read_linkedin(path, max_bytes=ws.settings.max_import_bytes, tz=ZONE)


def test_linkedin_date_format() -> None:
    parsed = parse_linkedin_date("10/3/24, 2:15 PM")
    assert (parsed.year, parsed.month, parsed.day, parsed.hour, parsed.minute) == (2024, 10, 3, 14, 15)
    assert parse_linkedin_date("1/12/2023, 12:05 AM").hour == 0
    assert parse_linkedin_date("1/12/23, 12:30 PM").hour == 12


def test_linkedin_import_keeps_everything_and_reimport_adds_nothing(workspace: Workspace, tmp_path: Path) -> None:
    path = linkedin_file(tmp_path / "Job Applications.csv", SAMPLE_ROWS)
    report = import_applications(workspace, read(workspace, path))
    assert to_json(report) == {"added": 3, "duplicates": 0, "total": 3}  # the JSON of --json and the API
    apps = {a.fields.company: a for a in ApplicationService(workspace).find()}
    acme = apps["Acme"]
    assert acme.applied_on.isoformat() == "2024-10-03"
    # The export's contact columns hold the applicant's own email and phone, never the employer's.
    assert acme.fields.contact_email == ""
    assert acme.fields.contact_phone == ""
    assert acme.fields.cv_version == "cv-support-v3.pdf"
    assert acme.fields.source_detail == "LinkedIn"
    assert '"hybrid" is fine' in acme.fields.screening_answers
    assert "\n" in acme.fields.screening_answers
    assert acme.state.stage is Stage.APPLIED
    full = ApplicationService(workspace).get(acme.id)
    assert full.events[0].source.value == "import"

    again = import_applications(workspace, read(workspace, path))
    assert to_json(again) == {"added": 0, "duplicates": 3, "total": 3}
    # The same job URL with another tracking suffix is still the same job.
    variant = linkedin_file(
        tmp_path / "variant.csv", [[*SAMPLE_ROWS[0][:5], "https://linkedin.com/jobs/view/3999999901?trk=x", "", ""]]
    )
    assert import_applications(workspace, read(workspace, variant)).added == 0
    assert len(ApplicationService(workspace).find()) == 3


def test_a_bad_row_stops_the_import_and_nothing_lands(workspace: Workspace, tmp_path: Path) -> None:
    # Header on line 1; the first row spans lines 2-3 (a newline inside its answers); the bad row is on line 6.
    rows = [*SAMPLE_ROWS, ["13/45/24, 2:15 PM", "", "", "Broken", "Role", "", "", ""]]
    path = linkedin_file(tmp_path / "bad.csv", rows)
    with pytest.raises(ImportFileError, match=r"^line 6: cannot read the application date '13/45/24, 2:15 PM'"):
        read(workspace, path)
    assert ApplicationService(workspace).find() == []


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("", "is empty"),
        ("   \n", "is empty"),
        ("Name,Email\nJo,jo@x.test\n",
         "line 1: not a LinkedIn Job Applications export; missing column(s): Application Date"),
        (",".join(LINKEDIN_HEADER) + '\n10/3/24 2:15 PM,,,"Acme,Support,,,,\n',
         "line 2: malformed CSV: a quoted field is never closed"),
        (",".join(LINKEDIN_HEADER) + "\n10/3/24 2:15 PM,,,Acme,Support\n", "line 2: expected 8 fields, found 5"),
        (",".join(LINKEDIN_HEADER) + "\n10/3/24 2:15 PM,,,,Support,,,\n", "line 2: company is required"),
    ],
)  # fmt: skip
def test_malformed_linkedin_files(workspace: Workspace, tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "file.csv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ImportFileError, match=message.replace("(", r"\(").replace(")", r"\)")):
        read(workspace, path)


def test_a_file_over_the_size_limit_is_refused_without_reading_it(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "huge.csv"
    with path.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)  # a sparse 50 MB file: cheap to make, refused on its size
    result = cli("import", "linkedin", str(path))
    assert result.exit_code == 1
    assert "50.0 MB, over the 20 MB limit" in result.stderr


def test_generic_csv_with_aliases_statuses_and_a_mapping(workspace: Workspace, tmp_path: Path) -> None:
    path = tmp_path / "tracker.csv"
    path.write_text(
        "\ufeffEmployer,Position,Date Applied,Status,Link,Salary Min,Salary Max,Priority,Firma Notizen\n"
        "Acme,Data Analyst,2024-09-01,Rejected,https://acme.test/jobs/1,45k,55k,★★★,nice team\n"
        "Globex,Analyst,02/09/2024,Interviewing,,,,,\n"
        "Hooli,BI Developer,2024-09-10,ghosted,,,,2,\n",
        encoding="utf-8",
    )
    items = read_generic_csv(
        path, max_bytes=10**6, tz=ZONE, today=workspace.now().date(), overrides={"notes": "Firma Notizen"}
    )
    report = import_applications(workspace, items)
    assert report.added == 3
    apps = {a.fields.company: a for a in ApplicationService(workspace).find()}
    assert apps["Acme"].state.outcome is Outcome.REJECTED
    assert apps["Acme"].fields.salary_min == 45_000
    assert apps["Acme"].fields.excitement == 3
    assert apps["Acme"].fields.notes == "nice team"
    assert apps["Globex"].state.stage is Stage.INTERVIEW
    assert apps["Globex"].applied_on.isoformat() == "2024-09-02"
    assert apps["Hooli"].state.outcome is Outcome.GHOSTED


def test_generic_csv_errors_name_the_line(workspace: Workspace, tmp_path: Path) -> None:
    path = tmp_path / "tracker.csv"
    path.write_text("Who,What\nAcme,Analyst\n", encoding="utf-8")
    with pytest.raises(ImportFileError, match="cannot find a column for company and role"):
        read_generic_csv(path, max_bytes=10**6, tz=ZONE, today=workspace.now().date())
    path.write_text("Company,Role,Status\nAcme,Analyst,Applied\nGlobex,Analyst,Daydreaming\n", encoding="utf-8")
    with pytest.raises(ImportFileError, match="line 3: unknown status 'Daydreaming'"):
        read_generic_csv(path, max_bytes=10**6, tz=ZONE, today=workspace.now().date())
    with pytest.raises(ImportFileError, match="no column 'Nope'"):
        read_generic_csv(path, max_bytes=10**6, tz=ZONE, today=workspace.now().date(), overrides={"notes": "Nope"})


@pytest.mark.parametrize("salary", ["inf", "-inf", "nan", "1e400", str(2**63), "9" * 5000, "NaN"])
def test_salaries_that_are_not_numbers_or_too_big_name_the_line(
    workspace: Workspace, tmp_path: Path, salary: str
) -> None:
    path = tmp_path / "tracker.csv"
    path.write_text(f"Company,Role,Salary max\nAcme,Analyst,50000\nGlobex,Analyst,{salary}\n", encoding="utf-8")
    with pytest.raises(ImportFileError, match=r"line 3: salary_max (is not a number|is larger than any salary)"):
        read_generic_csv(path, max_bytes=10**6, tz=ZONE, today=workspace.now().date())


def test_json_export_import_is_lossless(workspace: Workspace, clock: Any, tmp_path: Path) -> None:
    from datetime import timedelta

    service = ApplicationService(workspace)
    a = make_application(workspace, applied_at=clock() - timedelta(days=9), tags=("x",), notes="line1\nline2")
    service.move(a.id, Stage.INTERVIEW, round_=2, at=clock() - timedelta(days=2), note="panel of three")
    service.close(a.id, Outcome.REJECTED, note="more experience")
    make_application(workspace, company="Other", stage=Stage.SAVED)
    set_preference(workspace, "ghost_days.applied", "30")
    path = tmp_path / "export.json"
    assert export_json(workspace, path) == 2
    before = export_data(workspace)

    # Replace everything with the file, then compare every table, ids aside (they are renumbered).
    import_data(workspace, read_export(path, 10**7), replace_all=True)
    after = export_data(workspace)

    def strip(data: ExportDocument) -> dict[str, list[Any]]:
        return {
            name: [{k: v for k, v in row.items() if k != "id" and not k.endswith("_id")} for row in rows]
            for name, rows in data.tables.items()
        }

    assert strip(after) == strip(before)
    assert len(after.tables["stage_events"]) == 3  # applied, interview, rejected
    assert [r["value"] for r in after.tables["user_settings"]] == [{"v": 30}]
    # Importing again alongside adds nothing: not the applications, not their history.
    again = import_data(workspace, read_export(path, 10**7))
    assert again.added == 0
    assert len(export_data(workspace).tables["stage_events"]) == 3


def test_json_import_errors(workspace: Workspace, tmp_path: Path) -> None:
    path = tmp_path / "x.json"
    path.write_text('{"format": "nextround-export", "version": 1,\n "applications": [}', encoding="utf-8")
    with pytest.raises(ImportFileError, match=r"x.json is damaged at line 2 \(character 19\), so it cannot be read"):
        read_export(path, 10**6)
    path.write_text('{"hello": 1}', encoding="utf-8")
    with pytest.raises(ImportFileError, match="not a nextround JSON export"):
        read_export(path, 10**6)
    good_app = {"id": 1, "company": "A", "role": "B"}
    data = ExportDocument("nextround-export", 1, schema="", app_version="", exported_at="", tables={
        "applications": [good_app, {"id": 2, "company": "C", "role": "D"}],
        "stage_events": [{"application_id": 2, "to_state": "hired??", "occurred_at": "2024-01-01T00:00:00"}],
    })  # fmt: skip
    with pytest.raises(ImportFileError, match=r"stage_events row 1: not a stage event"):
        import_data(workspace, data)
    data.tables["stage_events"] = []
    data.tables["applications"][1]["excitement"] = 11
    with pytest.raises(ImportFileError, match=r"applications row 2: excitement must be between 1 and 5"):
        import_data(workspace, data)
    data.tables["applications"][1]["excitement"] = 1
    data.tables["feedback"] = [
        {"application_id": 99, "text": "x", "received_at": "2024-01-01T00:00:00", "created_at": "2024-01-01T00:00:00"}
    ]
    with pytest.raises(ImportFileError, match=r"feedback row 1, application_id: refers to applications id 99"):
        import_data(workspace, data)
    data.tables["feedback"] = [{"text": "no date"}]
    with pytest.raises(ImportFileError, match=r"feedback row 1, received_at: is missing"):
        import_data(workspace, data)
    assert ApplicationService(workspace).find() == []


def test_csv_export_has_the_history_as_readable_text(workspace: Workspace, clock: Any, tmp_path: Path) -> None:
    from datetime import timedelta

    service = ApplicationService(workspace)
    a = make_application(workspace, applied_at=clock() - timedelta(days=10), company='Quote "Co", Ltd')
    service.move(a.id, Stage.SCREENING, at=clock() - timedelta(days=4))
    service.close(a.id, Outcome.REJECTED)
    path = tmp_path / "proof.csv"
    assert export_csv(workspace, path) == 1
    rows = list(csv.DictReader(path.open(encoding="utf-8", newline="")))
    assert rows[0]["company"] == 'Quote "Co", Ltd'
    assert rows[0]["rejected_at_stage"] == "screening"
    assert rows[0]["history"] == "2024-10-27 applied; 2024-11-02 screening; 2024-11-06 rejected"


def test_backup_and_restore(workspace: Workspace, tmp_path: Path) -> None:
    make_application(workspace, company="Kept")
    path = tmp_path / "backup.nrb"
    kind = backup(workspace, path)
    make_application(workspace, company="After backup")
    restore(workspace, path)
    names = [a.fields.company for a in ApplicationService(workspace).find()]
    assert names == ["Kept"]
    if workspace.db.dialect == "sqlite":
        assert kind == "sqlite"
        assert path.read_bytes().startswith(b"SQLite format 3")
        assert sqlite3.connect(path).execute("select count(*) from applications").fetchone() == (1,)
    else:
        assert kind == "json"
        assert json.loads(path.read_text())["format"] == "nextround-export"


def test_restore_refuses_a_file_that_is_not_a_backup(workspace: Workspace, tmp_path: Path) -> None:
    make_application(workspace, company="Kept")
    other = tmp_path / "other.db"
    sqlite3.connect(other).execute("create table t (x)").connection.commit()
    with pytest.raises(Exception, match=r"not a nextround backup|cannot be restored into PostgreSQL"):
        restore(workspace, other)
    assert [a.fields.company for a in ApplicationService(workspace).find()] == ["Kept"]


def test_restore_says_a_file_cannot_be_restored_before_asking(cli: Cli, tmp_path: Path) -> None:
    cut = tmp_path / "backup.json"
    cut.write_text('{"format": "nextround-export", "version": 1, "tables": {"applications": [', encoding="utf-8")
    refused = cli("restore", str(cut), input="y\n")
    assert refused.exit_code == 1
    assert "Replace all your current data" not in refused.output  # never asked to replace data with that
    assert "backup.json is cut short" in refused.stderr


def test_import_and_export_commands(cli: Cli, tmp_path: Path) -> None:
    path = linkedin_file(tmp_path / "Job Applications.csv", SAMPLE_ROWS)
    first = cli("import", "linkedin", str(path), "--json")
    assert json.loads(first.stdout) == {"added": 3, "duplicates": 0, "total": 3}
    second = cli("import", "linkedin", str(path))
    assert "3 duplicates already there, skipped" in second.stdout
    out = tmp_path / "all.json"
    assert cli("export", "--format", "json", str(out)).exit_code == 0
    assert len(json.loads(out.read_text())["tables"]["applications"]) == 3
    assert cli("export", "--format", "csv", str(tmp_path / "all.csv")).exit_code == 0
    bad = cli("export", "--format", "xml", str(tmp_path / "x.xml"))
    assert bad.exit_code == 2
    assert cli("backup", str(tmp_path / "b.bak")).exit_code == 0
    assert cli("restore", str(tmp_path / "b.bak"), "--yes").exit_code == 0
    assert len(json.loads(cli("app", "list", "--json").stdout)) == 3


def test_an_export_larger_than_the_import_limit_still_imports(workspace: Workspace, tmp_path: Path) -> None:
    from dataclasses import replace

    long_notes = "Kept every note from the interview. " * 5000  # ~180 kB of notes each
    for n in range(8):
        make_application(workspace, company=f"Company {n}", notes=long_notes)
    path = tmp_path / "export.json"
    export_json(workspace, path)
    small = replace(workspace, settings=replace(workspace.settings, max_import_bytes=1024 * 1024))
    assert path.stat().st_size > small.settings.max_import_bytes
    report = import_data(small, read_export(path, small.settings.max_import_bytes), replace_all=True)
    assert report.added == 8


def test_csv_export_keeps_spreadsheets_from_running_text_as_formulas(workspace: Workspace, tmp_path: Path) -> None:
    # A company name from an imported email, '=HYPERLINK("http://evil.example","Open")', was a live formula
    # in the proof of applications once opened in Excel or LibreOffice.
    company, role, notes = '=HYPERLINK("http://evil.example","Open")', "+1 cook", "@SUM(A1)"
    make_application(workspace, company=company, role=role, notes=notes)
    path = tmp_path / "proof.csv"
    export_csv(workspace, path)
    row = next(csv.DictReader(path.open(encoding="utf-8", newline="")))
    assert (row["company"], row["role"], row["notes"]) == ("'" + company, "'" + role, "'" + notes)
    # nextround's own CSV import reads the text back as it was.
    imported = read_generic_csv(path, max_bytes=10**6, tz=ZONE, today=workspace.now().date())
    assert (imported[0].fields.company, imported[0].fields.role) == (company, role)
