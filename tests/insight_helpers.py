"""Test helpers of the analyse-and-reflect pillar: real small PDF and Word files, rejected applications."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from nextround.domain.applications import Application
from nextround.domain.stages import Outcome, Stage
from nextround.services.applications import ApplicationService
from nextround.services.workspace import Workspace

from .factories import make_application


def _pdf_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def write_pdf(path: Path, lines: list[str]) -> Path:
    """A minimal, valid one-page PDF whose text layer holds `lines` (Helvetica, one line each)."""
    stream_lines = ["BT", "/F1 12 Tf", "14 TL", "72 720 Td"]
    for line in lines:
        stream_lines.append(f"({_pdf_escape(line)}) Tj T*")
    stream_lines.append("ET")
    stream = "\n".join(stream_lines).encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    path.write_bytes(pdf_from_objects(objects))
    return path


def pdf_from_objects(objects: list[bytes]) -> bytes:
    """A PDF file of these numbered objects (1 is the catalog), with its cross-reference table."""
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    for offset in offsets:
        out += f"{offset:010d} 00000 n \n".encode()
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def write_encrypted_pdf(path: Path) -> Path:
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=200, height=200)
    writer.encrypt(user_password="secret", owner_password="owner")
    with path.open("wb") as handle:
        writer.write(handle)
    return path


def write_docx(path: Path, paragraphs: list[str], table: list[list[str]] | None = None) -> Path:
    from docx import Document

    document = Document()
    for text in paragraphs:
        document.add_paragraph(text)
    if table:
        grid = document.add_table(rows=len(table), cols=len(table[0]))
        for r, row in enumerate(table):
            for c, value in enumerate(row):
                grid.cell(r, c).text = value
    document.save(str(path))
    return path


def rejected_application(
    ws: Workspace,
    *,
    jd: str,
    stage: Stage = Stage.APPLIED,
    outcome: Outcome = Outcome.REJECTED,
    at: datetime | None = None,
    company: str = "Acme",
) -> Application:
    """An application that reached `stage` and was then closed with `outcome`."""
    app = make_application(ws, stage=stage, company=company, jd_text=jd, round_=1 if stage is Stage.INTERVIEW else None)
    return ApplicationService(ws).close(app.id, outcome, at=at)


def add_feedback(ws: Workspace, application_id: int | None, text: str, received_at: datetime) -> None:
    """A feedback row as the feedback pillar stores it: the text and the analyzer's to_dict()."""
    from nextround.analysis.feedback import analyze_feedback
    from nextround.storage.tables import FeedbackRow

    with ws.db.write() as session:
        session.add(
            FeedbackRow(
                owner_id=ws.owner_id,
                application_id=application_id,
                text=text,
                analysis=analyze_feedback(text).to_dict(),
                received_at=received_at,
                created_at=ws.now(),
            )
        )
