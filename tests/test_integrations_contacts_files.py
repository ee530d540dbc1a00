"""LinkedIn Connections.csv and vCard files, read from real files on disk."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from nextround.domain.contacts import Contact, ContactFields, ContactKind
from nextround.integrations.contacts_files import (
    ContactFileError,
    parse_linkedin_date,
    parse_vcards,
    read_linkedin_connections,
    read_vcards,
    write_vcards,
)
from nextround.integrations.files import FileInputError

CONNECTIONS = (
    "Notes:\n"
    '"When exporting your connection data, you may notice that some of the email addresses are missing, '
    'because members choose who can see them."\n'
    "\n"
    "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
    "Ada,Lovelace,https://www.linkedin.com/in/ada-lovelace,ada@example.org,Analytical Engines,Engineer,03 Oct 2024\n"
    'Bo,Li,https://www.linkedin.com/in/boli,,"Crumb, Co",Head of People,1 Feb 2023\n'
    "\n"
    "Chi,,https://www.linkedin.com/in/chi,,,,\n"
)


def write(tmp_path: Path, name: str, text: str, newline: str = "\n") -> Path:
    path = tmp_path / name
    path.write_bytes(text.replace("\n", newline).encode("utf-8"))
    return path


def test_linkedin_connections_skip_the_preamble(tmp_path: Path) -> None:
    items = read_linkedin_connections(write(tmp_path, "Connections.csv", CONNECTIONS, "\r\n"), 10_000)
    assert [i.fields.name for i in items] == ["Ada Lovelace", "Bo Li", "Chi"]
    ada, bo, chi = (i.fields for i in items)
    assert ada.email == "ada@example.org"
    assert ada.company == "Analytical Engines"
    assert ada.title == "Engineer"
    assert ada.connected_on == date(2024, 10, 3)
    assert ada.kind is ContactKind.PEER
    assert ada.cadence_days == 0  # imported in bulk: no touches until the user asks
    assert bo.company == "Crumb, Co"
    assert bo.connected_on == date(2023, 2, 1)
    assert chi.connected_on is None
    assert [i.line for i in items] == [5, 6, 8]


def test_linkedin_bad_line_names_it(tmp_path: Path) -> None:
    bad_date = CONNECTIONS + "Dee,Ray,https://www.linkedin.com/in/dee,,,,31 Foo 2024\n"
    with pytest.raises(ContactFileError, match=r"Connections.csv line 9: .*31 Foo 2024"):
        read_linkedin_connections(write(tmp_path, "Connections.csv", bad_date), 10_000)
    bad_email = CONNECTIONS.replace("ada@example.org", "not-an-email")
    with pytest.raises(ContactFileError, match=r"line 5: .*email"):
        read_linkedin_connections(write(tmp_path, "Connections.csv", bad_email), 10_000)
    with pytest.raises(ContactFileError, match="header"):
        read_linkedin_connections(write(tmp_path, "Connections.csv", "Name,Email\nAda,a@b.org\n"), 10_000)
    with pytest.raises(FileInputError, match="limit"):
        read_linkedin_connections(write(tmp_path, "Connections.csv", CONNECTIONS), 10)


def test_linkedin_dates() -> None:
    assert parse_linkedin_date("03 Oct 2024") == date(2024, 10, 3)
    assert parse_linkedin_date("3 October 2024") == date(2024, 10, 3)
    assert parse_linkedin_date("2024-10-03") == date(2024, 10, 3)
    assert parse_linkedin_date(" ") is None
    with pytest.raises(ContactFileError):
        parse_linkedin_date("31 Feb 2024")


VCARDS = (
    "BEGIN:VCARD\n"
    "VERSION:3.0\n"
    "N:Lovelace;Ada;;;\n"
    "FN:Ada Lovelace\n"
    "ORG:Analytical Engines;Research\n"
    "TITLE:Engineer\\, numbers\n"
    "item1.EMAIL;TYPE=INTERNET,WORK:ada@example.org\n"
    "TEL;TYPE=CELL:+44 20 7946 0000\n"
    "URL:https://www.linkedin.com/in/ada-lovelace\n"
    "NOTE:Met at the meetup\\nlikes tea and a very long note that goes on and on so that the line is f\n"
    " olded by the exporter\n"
    "END:VCARD\n"
    "BEGIN:VCARD\n"
    "VERSION:4.0\n"
    "N:Li;Bo;;;\n"
    "EMAIL:bo@example.org\n"
    "URL:https://bo.example.org\n"
    "END:VCARD\n"
)


def test_vcard_reader_handles_folding_groups_and_several_cards(tmp_path: Path) -> None:
    items = read_vcards(write(tmp_path, "people.vcf", VCARDS, "\r\n"), 10_000)
    ada, bo = (i.fields for i in items)
    assert ada.name == "Ada Lovelace"
    assert ada.company == "Analytical Engines"
    assert ada.title == "Engineer, numbers"
    assert ada.email == "ada@example.org"
    assert ada.phone == "+44 20 7946 0000"
    assert ada.linkedin_url == "https://www.linkedin.com/in/ada-lovelace"
    assert ada.notes.endswith("so that the line is folded by the exporter")
    assert ada.notes.startswith("Met at the meetup\nlikes tea")
    assert bo.name == "Bo Li"  # no FN: built from N
    assert bo.linkedin_url == ""
    assert "https://bo.example.org" in bo.notes
    assert [i.line for i in items] == [1, 13]


def test_vcard_errors_name_the_line() -> None:
    with pytest.raises(ContactFileError, match="line 1: the card is not closed"):
        parse_vcards("BEGIN:VCARD\nFN:Ada\n")
    with pytest.raises(ContactFileError, match=r"line 4: .*needs a name"):
        parse_vcards("BEGIN:VCARD\nFN:Ada\nEND:VCARD\nBEGIN:VCARD\nEMAIL:x@y.org\nEND:VCARD\n")
    with pytest.raises(ContactFileError, match="line 1: text outside"):
        parse_vcards("NOTE:hello\n")
    with pytest.raises(ContactFileError, match="line 2: not a 'NAME:value' line"):
        parse_vcards("BEGIN:VCARD\nhello\nEND:VCARD\n")


def test_vcard_round_trip() -> None:
    created = datetime(2024, 11, 1, tzinfo=UTC)
    people = [
        Contact(
            1,
            ContactFields(
                name="Ada Lovelace",
                email="ada@example.org",
                company="Crumb, Co; Ltd",
                title="Head of Research",
                linkedin_url="https://www.linkedin.com/in/ada",
                kind=ContactKind.RECRUITER,
                notes="Line one\nLine two with ünïcödé " + "x" * 120,
            ),
            created,
        ),
        Contact(2, ContactFields(name="Bo"), created),
    ]
    text = write_vcards(people)
    assert all(len(line.encode("utf-8")) <= 75 for line in text.split("\r\n"))
    assert "\n" not in text.replace("\r\n", "")
    back = [i.fields for i in parse_vcards(text)]
    assert back[0].name == "Ada Lovelace"
    assert back[0].company == "Crumb, Co; Ltd"
    assert back[0].notes == people[0].fields.notes
    assert back[0].linkedin_url == "https://www.linkedin.com/in/ada"
    assert back[0].kind is ContactKind.RECRUITER
    assert back[1].name == "Bo"


def test_an_empty_vcard_file_is_refused_like_any_empty_import(tmp_path: Path) -> None:
    # `contact import vcard empty.vcf` said "Imported 0 contacts from empty.vcf."
    path = tmp_path / "empty.vcf"
    path.write_text("\r\n  \r\n", encoding="utf-8")
    with pytest.raises(ContactFileError, match=r"empty\.vcf is empty$"):
        read_vcards(path, 10_000)
