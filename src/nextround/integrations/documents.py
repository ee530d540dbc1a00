"""Text out of the documents people keep their CV in: plain text, Markdown, PDF and Word (.docx).

Every reader is size-limited (the file is checked before it is opened) and every failure a user can
cause — an unknown extension, a scanned PDF with no text layer, a password-protected or damaged file —
is one `DocumentError` line, never a traceback.
"""

from __future__ import annotations

import re
from pathlib import Path

from nextround.errors import UserError
from nextround.integrations.files import DEFAULT_MAX_BYTES, check_size, read_text_file

TEXT_SUFFIXES = frozenset({".txt", ".md", ".markdown", ".text"})
SUPPORTED = (".txt", ".md", ".pdf", ".docx")


class DocumentError(UserError, ValueError):
    """A document we cannot read text from."""


def _tidy(text: str) -> str:
    """Normalise line ends and trailing spaces; keep paragraphs apart by one blank line at most."""
    lines = [line.rstrip() for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def _read_pdf(path: Path) -> str:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(str(path))
        if reader.is_encrypted:
            # An empty user password is common ("print protected"); anything else we cannot open.
            try:
                opened = bool(reader.decrypt(""))
            except Exception:  # pypdf raises several types for unsupported encryption
                opened = False
            if not opened:
                raise DocumentError(f"{path.name} is password-protected; save an unprotected copy and add that")
        pages = [page.extract_text() or "" for page in reader.pages]
    except DocumentError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, AttributeError, OSError) as exc:
        raise DocumentError(f"{path.name} is not a readable PDF ({type(exc).__name__})") from None
    return "\n\n".join(pages)


def _read_docx(path: Path) -> str:
    import zipfile

    from docx import Document
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = Document(str(path))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise DocumentError(f"{path.name} is not a readable Word document ({type(exc).__name__})") from None
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
    check_size(path, max_bytes)
    if suffix in TEXT_SUFFIXES:
        text = read_text_file(path, max_bytes)
    elif suffix == ".pdf":
        text = _read_pdf(path)
    else:
        text = _read_docx(path)
    text = _tidy(text)
    if not text:
        hint = " (a scanned PDF has no text layer; export it with text or save as .txt)" if suffix == ".pdf" else ""
        raise DocumentError(f"{path.name} contains no text{hint}")
    return text
