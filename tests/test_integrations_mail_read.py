"""Reading mail exports written with the standard library: mbox, Maildir, .eml folders, odd encodings."""

from __future__ import annotations

import mailbox
from datetime import UTC, datetime
from email.message import EmailMessage
from pathlib import Path

import pytest

from nextround.integrations.mail_read import MailReadError, parse_bytes, pasted_message, read_path, strip_quoted


def message(subject: str, body: str, *, msgid: str | None = "<a@x>", **headers: str) -> EmailMessage:
    built = EmailMessage()
    built["From"] = headers.pop("From", "Acme Careers <careers@acme.example>")
    built["To"] = "sam@example.org"
    built["Subject"] = subject
    built["Date"] = "Tue, 05 Nov 2024 10:00:00 +0000"
    if msgid:
        built["Message-ID"] = msgid
    for name, value in headers.items():
        built[name.replace("_", "-")] = value
    built.set_content(body)
    return built


def test_mbox_maildir_and_eml_folder_read_the_same_messages(tmp_path: Path) -> None:
    first = message("Application received", "We have received your application.", msgid="<1@acme>")
    second = message("Interview", "Come in on Friday.", msgid="<2@acme>", In_Reply_To="<req@nextround.local>")
    box = mailbox.mbox(str(tmp_path / "export.mbox"))
    for m in (first, second):
        box.add(m)
    box.close()
    maildir = mailbox.Maildir(str(tmp_path / "Maildir"))
    for m in (first, second):
        maildir.add(m)
    folder = tmp_path / "eml"
    folder.mkdir()
    for index, m in enumerate((first, second)):
        (folder / f"{index}.eml").write_bytes(bytes(m))
    for source in (tmp_path / "export.mbox", tmp_path / "Maildir", folder):
        report = read_path(source)
        assert sorted(m.message_id for m in report.messages) == ["<1@acme>", "<2@acme>"], source
        assert report.unreadable == 0
    read = {m.message_id: m for m in read_path(folder).messages}
    assert read["<2@acme>"].thread_ids == ("<req@nextround.local>",)
    assert read["<1@acme>"].sender_address == "careers@acme.example"
    assert read["<1@acme>"].sent_at is not None


def test_quoted_earlier_messages_are_removed() -> None:
    text = (
        "Thanks Sam, the panel felt your examples were thin.\n\n"
        "On Mon, 4 Nov 2024 at 09:12, Sam Taylor <sam@example.org> wrote:\n"
        "> Could you share any feedback?\n> Thank you\n"
    )
    assert strip_quoted(text) == "Thanks Sam, the panel felt your examples were thin."
    outlook = "Regards, Lola\n\n-----Original Message-----\nFrom: Sam\nSent: Monday\nSubject: feedback"
    assert "Original Message" not in strip_quoted(outlook)


def test_odd_encodings_and_html_only_mail() -> None:
    latin = (
        b"From: =?iso-8859-1?q?Ren=E9e_M=FCller?= <r@firma.example>\r\nSubject: Absage\r\n"
        b"Message-ID: <l@x>\r\nContent-Type: text/plain; charset=iso-8859-1\r\n\r\nLeider m\xfcssen wir absagen.\r\n"
    )
    parsed = parse_bytes(latin)
    assert parsed.sender_name == "Renée Müller"
    assert "müssen" in parsed.body
    unknown_charset = (
        b"From: a@b.example\r\nSubject: x\r\nContent-Type: text/plain; charset=x-no-such\r\n\r\nhello \xff\r\n"
    )
    assert parse_bytes(unknown_charset).body.startswith("hello")
    html = message("Update", "ignored")
    html.set_content("<html><body><p>We regret&nbsp;to tell you</p><script>x()</script></body></html>", subtype="html")
    assert parse_bytes(bytes(html)).body == "We regret to tell you"


def test_bulk_headers_and_a_missing_message_id() -> None:
    alert = parse_bytes(bytes(message("Jobs for you", "New jobs", List_Unsubscribe="<https://x/u>")))
    assert alert.bulk
    plain = message("Thanks", "Got your CV.", msgid=None)
    first, again = parse_bytes(bytes(plain)), parse_bytes(bytes(plain))
    assert first.message_id == again.message_id
    assert first.message_id.endswith("@nextround.no-message-id>")


def test_a_file_that_is_not_mail_is_one_clear_error(tmp_path: Path) -> None:
    junk = tmp_path / "photo.jpg"
    junk.write_bytes(bytes(range(256)) * 20_000)
    with pytest.raises(MailReadError, match=r"not an \.mbox file"):
        read_path(junk)
    with pytest.raises(MailReadError, match="does not exist"):
        read_path(tmp_path / "missing.mbox")
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(MailReadError, match=r"no \.eml files"):
        read_path(empty)
    nothing = tmp_path / "Takeout.mbox"
    nothing.write_bytes(b"")
    with pytest.raises(MailReadError, match=r"Takeout\.mbox is empty: there is no mail in it to read"):
        read_path(nothing)


def test_a_corrupt_message_in_an_mbox_is_skipped_and_counted(tmp_path: Path) -> None:
    good = bytes(message("Interview", "Come in Friday", msgid="<ok@x>"))
    path = tmp_path / "broken.mbox"
    path.write_bytes(b"From x@y Tue Nov  5 10:00:00 2024\n\x00\x01\x02\n\nFrom x@y Tue Nov  5 10:00:00 2024\n" + good)
    report = read_path(path)
    assert [m.message_id for m in report.messages] == ["<ok@x>"]
    assert report.unreadable == 1


NOW = datetime(2026, 12, 6, 14, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("line", "expected"),
    [("Date: Thu, 3 Dec 2026 16:12:05 +0000", datetime(2026, 12, 3, 16, 12, 5, tzinfo=UTC)),
     ("Sent: Thursday, December 3, 2026 4:12 PM", datetime(2026, 12, 3, 16, 12, tzinfo=UTC)),
     ("Date: 3 December 2026 at 16:12:05 GMT", datetime(2026, 12, 3, 16, 12, tzinfo=UTC)),
     ("Sent: Thu 3 Dec, 16:12 (3 days ago)", datetime(2026, 12, 3, 16, 12, tzinfo=UTC)),
     ("Sent: sometime last week", datetime(2026, 12, 6, 14, 0, tzinfo=UTC))],
)  # fmt: skip
def test_a_pasted_message_takes_its_moment_from_its_date_or_sent_line(line: str, expected: datetime) -> None:
    pasted = pasted_message(f"From: Hannah <h@harbourline.example>\n{line}\nSubject: Your application\n\nNo.", NOW)
    assert pasted.sent_at == expected and pasted.body == "No."


def test_a_copy_laid_out_as_webmail_shows_it_gives_its_sender_subject_and_date() -> None:
    copied = (
        "Interview outcome\nInbox\n\nPriya Shah <priya@crumb.example>\nMon, Nov 30, 4:05 PM (6 days ago)\nto me\n\n"
        "Dear Sam,\nWe will not be moving forward.\n"
    )
    pasted = pasted_message(copied, NOW)
    assert (pasted.sender_name, pasted.sender_address) == ("Priya Shah", "priya@crumb.example")
    assert pasted.subject == "Interview outcome"
    assert pasted.sent_at == datetime(2026, 11, 30, 16, 5, tzinfo=UTC)
    assert pasted.body == "Dear Sam,\nWe will not be moving forward."
    # A letter that merely mentions an address further down keeps its text and gets no sender.
    plain = pasted_message("Dear Sam,\n\nThanks.\nWrite to\n<jobs@crumb.example>\nany time.", NOW)
    assert plain.sender_address == "" and plain.body.startswith("Dear Sam,")
