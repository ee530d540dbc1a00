"""SQLite and PostgreSQL accept the same values, so an export always moves from one to the other."""

from __future__ import annotations

from nextround.services.applications import ApplicationService
from nextround.services.transfer import export_data, import_data
from nextround.services.workspace import Workspace
from tests.factories import make_application


def test_a_salary_above_two_to_the_31_fits_on_both_engines(workspace: Workspace) -> None:
    # 60 million dong a month is about 720 million a year: past a 32-bit INTEGER.
    app = make_application(workspace, salary_min=720_000_000_000, salary_max=2**63 - 1, currency="VND")
    again = ApplicationService(workspace).get(app.id)
    assert (again.fields.salary_min, again.fields.salary_max) == (720_000_000_000, 2**63 - 1)


def test_nul_bytes_are_dropped_the_same_way_on_both_engines(workspace: Workspace) -> None:
    app = make_application(workspace, company="Nul\x00 Ltd", notes="line one\x00\nline two")
    stored = ApplicationService(workspace).get(app.id).fields
    assert stored.company == "Nul Ltd"
    assert stored.notes == "line one\nline two"


def test_terminal_controls_are_dropped_from_single_line_fields_but_text_keeps_its_lines(workspace: Workspace) -> None:
    app = make_application(
        workspace, company="Evil\x1b]0;pwned\x07\x1b[2J Corp\x9b", role="Chef\tde partie", notes="a\n\tb\x1b[31m"
    )
    stored = ApplicationService(workspace).get(app.id).fields
    assert stored.company == "Evil]0;pwned[2J Corp"
    assert stored.role == "Chef de partie"  # whitespace inside a single line is folded by the form rules
    assert stored.notes == "a\n\tb\x1b[31m"  # free text is stored as given and escaped where it is shown


def test_what_one_engine_exported_the_other_imports(workspace: Workspace) -> None:
    make_application(workspace, company="Đông Á", salary_max=1_500_000_000, currency="VND", notes="x\x00y")
    data = export_data(workspace)
    import_data(workspace, data, replace_all=True)
    (app,) = ApplicationService(workspace).find()
    assert (app.fields.company, app.fields.salary_max, app.fields.notes) == ("Đông Á", 1_500_000_000, "xy")


def test_storage_refuses_a_moment_outside_1970_to_2100_on_both_engines(workspace: Workspace) -> None:
    from datetime import UTC, datetime

    import pytest

    from nextround.errors import UserError
    from nextround.storage.tables import JournalEntryRow

    far = datetime(9999, 12, 31, 23, 59, tzinfo=UTC)
    with pytest.raises(Exception) as caught, workspace.db.write() as session:
        session.add(JournalEntryRow(owner_id=workspace.owner_id, kind="journal", text="x", created_at=far))
        session.flush()
    cause = getattr(caught.value, "orig", caught.value)
    assert isinstance(cause, UserError) and "outside the years 1970-2100" in str(cause)
