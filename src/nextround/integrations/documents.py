"""Text out of the documents people keep their CV in: plain text, Markdown, PDF and Word (.docx).

Every reader is size-limited (the read itself stops at the limit, so a pipe or a device cannot feed it
forever), a Word file's decompressed size is capped before it is parsed (a zip bomb stops there), and
every failure a user can cause — an unknown extension, a scanned PDF with no text layer, a
password-protected or damaged file, a PDF that trips the parser's own limits — is one `DocumentError`
line, never a traceback.
"""

from __future__ import annotations

import io
import logging
import re
import zipfile
from pathlib import Path
from typing import Any

from nextround.errors import UserError
from nextround.integrations.files import DEFAULT_MAX_BYTES, decode, read_limited

# A real CV's .docx unpacks to a few MB; 64 MB leaves room for pictures and stops a bomb early.
MAX_DOCX_UNPACKED_BYTES = 64 * 1024 * 1024
# More text than any CV or job description; a PDF that extracts more is not one.
MAX_EXTRACTED_CHARS = 2_000_000

TEXT_SUFFIXES = frozenset({".txt", ".md", ".markdown", ".text"})
SUPPORTED = (".txt", ".md", ".pdf", ".docx")


class DocumentError(UserError, ValueError):
    """A document we cannot read text from."""


def _tidy(text: str) -> str:
    """Normalise line ends and trailing spaces; keep paragraphs apart by one blank line at most."""
    lines = [line.rstrip() for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def _read_pdf(data: bytes, name: str) -> str:
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    # pypdf logs each flaw it works around ("EOF marker not found"); with no handler set up, Python prints
    # those on stderr above our own one-line error, or beside a CV that read fine. The error says it all.
    logging.getLogger("pypdf").setLevel(logging.ERROR)

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            # An empty user password is common ("print protected"); anything else we cannot open.
            try:
                opened = bool(reader.decrypt(""))
            except Exception:  # pypdf raises several types for unsupported encryption
                opened = False
            if not opened:
                raise DocumentError(f"{name} is password-protected; save an unprotected copy and add that")
        pages: list[str] = []
        total = 0
        for page in reader.pages:
            text = page.extract_text() or ""
            total += len(text)
            if total > MAX_EXTRACTED_CHARS:
                raise DocumentError(f"{name} holds more text than a CV or a job description ever does")
            pages.append(text)
    except DocumentError:
        raise
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, IndexError, OSError, RecursionError,
            ZeroDivisionError, MemoryError) as exc:  # fmt: skip
        # LimitReachedError (a decompression bomb) is a PyPdfError: one line, like any broken file.
        raise DocumentError(f"{name} is not a readable PDF ({type(exc).__name__})") from None
    return "\n\n".join(pages)


def _check_unpacked_size(archive: zipfile.ZipFile, name: str) -> None:
    """Decompress every member as a stream, counting, and stop at the cap: headers can lie about sizes."""
    total = 0
    for info in archive.infolist():
        with archive.open(info) as member:
            while chunk := member.read(1024 * 1024):
                total += len(chunk)
                if total > MAX_DOCX_UNPACKED_BYTES:
                    raise DocumentError(
                        f"{name} unpacks to more than {MAX_DOCX_UNPACKED_BYTES // (1024 * 1024)} MB; "
                        "save it again from your word processor, or as .txt"
                    )


def _read_docx(data: bytes, name: str) -> str:
    from docx import Document
    from docx.opc.exceptions import PackageNotFoundError

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            _check_unpacked_size(archive, name)
        return _docx_text(Document(io.BytesIO(data)))
    except DocumentError:
        raise
    except (PackageNotFoundError, zipfile.BadZipFile, zipfile.LargeZipFile, KeyError, ValueError, OSError,
            NotImplementedError, EOFError, RuntimeError, SyntaxError, AttributeError, TypeError) as exc:  # fmt: skip
        # SyntaxError covers lxml's XMLSyntaxError for a damaged part.
        raise DocumentError(f"{name} is not a readable Word document ({type(exc).__name__})") from None


def _docx_text(document: Any) -> str:
    parts = [paragraph.text for paragraph in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            cells: list[str] = []
            for cell in row.cells:
                value = cell.text.strip()
                # Merged cells repeat; keep each value once per row.
                if value and value not in cells:
                    cells.append(value)
            if cells:
                parts.append(" | ".join(cells))
    return "\n".join(parts)


def extract_text(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> str:
    """The text of a .txt, .md, .pdf or .docx file; raises DocumentError when there is none to read."""
    suffix = path.suffix.lower()
    if suffix not in TEXT_SUFFIXES and suffix not in (".pdf", ".docx"):
        shown = suffix or "no extension"
        raise DocumentError(f"cannot read {path.name} ({shown}); use one of: {', '.join(SUPPORTED)}")
    data = read_limited(path, max_bytes)
    if suffix in TEXT_SUFFIXES:
        text = decode(data, str(path))
    elif suffix == ".pdf":
        text = _read_pdf(data, path.name)
    else:
        text = _read_docx(data, path.name)
    text = _tidy(text)
    if not text:
        hint = " (a scanned PDF has no text layer; export it with text or save as .txt)" if suffix == ".pdf" else ""
        raise DocumentError(f"{path.name} contains no text{hint}")
    return text
