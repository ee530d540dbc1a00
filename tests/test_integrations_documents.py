"""Reading CV text out of real .txt, .md, .pdf and .docx files made in the test."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from nextround.errors import UserError
from nextround.integrations.documents import DocumentError, extract_text
from nextround.integrations.files import FileInputError

from .insight_helpers import pdf_from_objects, write_docx, write_encrypted_pdf, write_pdf


def test_plain_text_and_markdown(tmp_path: Path) -> None:
    txt = tmp_path / "cv.txt"
    txt.write_bytes("Jane Doe\r\n\r\n\r\n\r\nPython, SQL   \r\n".encode("utf-8-sig"))
    assert extract_text(txt) == "Jane Doe\n\nPython, SQL"
    md = tmp_path / "cv.MD"
    md.write_text("# Jane\n\n- Kubernetes\n", encoding="utf-8")
    assert extract_text(md) == "# Jane\n\n- Kubernetes"


def test_pdf_text_layer(tmp_path: Path) -> None:
    pdf = write_pdf(tmp_path / "cv.pdf", ["Jane Doe (platform engineer)", "Skills: Python, Kubernetes, Terraform"])
    text = extract_text(pdf)
    assert "Jane Doe (platform engineer)" in text
    assert "Kubernetes, Terraform" in text


def test_docx_paragraphs_and_tables(tmp_path: Path) -> None:
    docx = write_docx(
        tmp_path / "cv.docx",
        ["Jane Doe", "Data analyst, 2019 - present"],
        [["Skill", "Years"], ["SQL", "5"], ["Tableau", "2"]],
    )
    text = extract_text(docx)
    assert text.splitlines()[:2] == ["Jane Doe", "Data analyst, 2019 - present"]
    assert "SQL | 5" in text
    assert "Tableau | 2" in text


def test_unknown_extension_is_one_line(tmp_path: Path) -> None:
    odt = tmp_path / "cv.odt"
    odt.write_bytes(b"whatever")
    with pytest.raises(DocumentError, match=r"cannot read cv\.odt \(\.odt\); use one of: \.txt, \.md, \.pdf, \.docx"):
        extract_text(odt)


def test_empty_text_is_refused(tmp_path: Path) -> None:
    blank = tmp_path / "blank.txt"
    blank.write_text("  \n\n ", encoding="utf-8")
    with pytest.raises(DocumentError, match="contains no text"):
        extract_text(blank)
    scanned = write_pdf(tmp_path / "scan.pdf", [])
    with pytest.raises(DocumentError, match="no text layer"):
        extract_text(scanned)


def test_encrypted_and_corrupt_pdfs_are_user_errors(tmp_path: Path) -> None:
    with pytest.raises(DocumentError, match="password-protected"):
        extract_text(write_encrypted_pdf(tmp_path / "locked.pdf"))
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.4\nthis is not really a pdf\n")
    with pytest.raises(DocumentError, match="not a readable PDF"):
        extract_text(broken)


def test_corrupt_docx_is_a_user_error(tmp_path: Path) -> None:
    broken = tmp_path / "broken.docx"
    broken.write_bytes(b"PK\x03\x04 not a zip at all")
    with pytest.raises(DocumentError, match="not a readable Word document"):
        extract_text(broken)


def test_size_limit_and_missing_file(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_text("x" * 5000, encoding="utf-8")
    with pytest.raises(FileInputError, match="over the"):
        extract_text(big, max_bytes=1000)
    with pytest.raises(UserError, match="no such file"):
        extract_text(tmp_path / "missing.pdf")


def test_a_docx_bomb_stops_at_the_unpacked_cap(tmp_path: Path) -> None:
    import zipfile

    from nextround.integrations.documents import MAX_DOCX_UNPACKED_BYTES

    bomb = tmp_path / "bomb.docx"
    block = b"<w:t>" + b"A" * (1024 * 1024) + b"</w:t>"
    with zipfile.ZipFile(bomb, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open("word/document.xml", "w", force_zip64=True) as member:
            for _ in range(MAX_DOCX_UNPACKED_BYTES // len(block) + 2):
                member.write(block)
    assert bomb.stat().st_size < 2 * 1024 * 1024  # small on disk, big unpacked
    with pytest.raises(DocumentError, match="unpacks to more than 64 MB"):
        extract_text(bomb)


def test_a_pdf_that_trips_the_parsers_limits_is_one_line(tmp_path: Path) -> None:
    import zlib

    squeeze = zlib.compressobj(9)
    packed = b"".join(squeeze.compress(b"\0" * (1024 * 1024)) for _ in range(80)) + squeeze.flush()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length " + str(len(packed)).encode() + b" /Filter /FlateDecode >>\nstream\n" + packed + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    bomb = tmp_path / "bomb.pdf"
    bomb.write_bytes(pdf_from_objects(objects))
    with pytest.raises(DocumentError, match=r"bomb\.pdf is not a readable PDF \(LimitReachedError\)"):
        extract_text(bomb)


def test_a_cv_from_a_device_is_cut_at_the_limit(tmp_path: Path) -> None:
    device = tmp_path / "cv.txt"
    device.symlink_to("/dev/zero")  # reports 0 bytes and never ends
    with pytest.raises(FileInputError, match="over the"):
        extract_text(device, max_bytes=1000)


def test_a_damaged_pdf_is_one_line_without_pypdfs_warnings(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    # `cv add` printed pypdf's "EOF marker not found" on stderr above the one-line error.
    path = tmp_path / "cv.pdf"
    path.write_bytes(b"%PDF-1.4 junk")
    with caplog.at_level(logging.WARNING), pytest.raises(DocumentError, match="is not a readable PDF"):
        extract_text(path)
    assert [record.getMessage() for record in caplog.records if record.name.startswith("pypdf")] == []
