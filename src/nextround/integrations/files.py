"""Reading files users hand us: size-limited, decoded carefully, never half-read."""

from __future__ import annotations

from pathlib import Path

from nextround.errors import UserError

DEFAULT_MAX_BYTES = 20 * 1024 * 1024


class FileInputError(UserError, ValueError):
    """A file we will not read: missing, too large, or not text."""


def check_size(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> int:
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise FileInputError(f"no such file: {path}") from None
    if path.is_dir():
        raise FileInputError(f"{path} is a folder, not a file")
    if size > max_bytes:
        raise FileInputError(
            f"{path} is {size / 1024 / 1024:.1f} MB, over the {max_bytes // 1024 // 1024} MB limit "
            "(set NEXTROUND_MAX_IMPORT_MB to raise it)"
        )
    return size


def decode(data: bytes, name: str) -> str:
    """UTF-8 (with or without BOM), else UTF-16 with BOM, else Windows-1252 as exported by old tools."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="strict")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    if b"\x00" in data[:4096]:
        raise FileInputError(f"{name} looks like a binary file, not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def read_text_file(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> str:
    check_size(path, max_bytes)
    return decode(path.read_bytes(), str(path))


def write_text_atomically(path: Path, text: str) -> None:
    """Write beside the target and rename, so a crash never leaves half a file behind."""
    import tempfile

    path = path.expanduser()
    if path.is_dir():
        raise FileInputError(f"{path} is a folder; give a file name")
    if not path.parent.is_dir():
        raise FileInputError(f"no such folder: {path.parent}")
    with tempfile.NamedTemporaryFile(
        "w", encoding="utf-8", newline="", dir=path.parent, delete=False, suffix=".tmp"
    ) as handle:
        handle.write(text)
        temporary = Path(handle.name)
    temporary.replace(path)
