"""Reading files users hand us: size-limited, decoded carefully, never half-read."""

from __future__ import annotations

from pathlib import Path

from nextround.errors import UserError

DEFAULT_MAX_BYTES = 20 * 1024 * 1024


# How the command line raises the limit; a page says it in words instead (web.forms.upload_message).
RAISE_LIMIT = "(set NEXTROUND_MAX_IMPORT_MB to raise it)"


class FileInputError(UserError, ValueError):
    """A file we will not read: missing, too large, or not text."""


def _too_large(path: Path, size: int | None, max_bytes: int) -> FileInputError:
    # A pipe or a device has no size to show until it is read past the limit.
    shown = f"{size / 1024 / 1024:.1f} MB, " if size is not None else ""
    return FileInputError(f"{path} is {shown}over the {max_bytes // 1024 // 1024} MB limit {RAISE_LIMIT}")


def check_size(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> int:
    """A quick refusal before opening; the size a pipe or a device reports (0) proves nothing, see read_limited."""
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise FileInputError(f"no such file: {path}") from None
    except OSError as exc:
        raise FileInputError(f"cannot read {path}: {exc.strerror or exc}") from None
    if path.is_dir():
        raise FileInputError(f"{path} is a folder, not a file")
    if size > max_bytes:
        raise _too_large(path, size, max_bytes)
    return size


def read_limited(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """The bytes of `path`, never more than `max_bytes`: the read itself stops at the limit.

    Pipes, `/dev/zero` and other devices report a size of 0, so a size check alone lets them through.
    """
    check_size(path, max_bytes)
    chunks: list[bytes] = []
    total = 0
    try:
        with path.open("rb") as handle:
            while True:
                chunk = handle.read(min(1024 * 1024, max_bytes + 1 - total))
                if not chunk:
                    break
                chunks.append(chunk)
                total += len(chunk)
                if total > max_bytes:
                    raise _too_large(path, None, max_bytes)
    except OSError as exc:
        raise FileInputError(f"cannot read {path}: {exc.strerror or exc}") from None
    return b"".join(chunks)


def decode(data: bytes, name: str) -> str:
    """UTF-8 (with or without BOM), else UTF-16 with BOM, else Windows-1252 as exported by old tools."""
    try:
        if data.startswith(b"\xef\xbb\xbf"):
            return data[3:].decode("utf-8", errors="strict")
        if data.startswith((b"\xff\xfe", b"\xfe\xff")):
            return data.decode("utf-16")
    except UnicodeDecodeError as exc:
        raise FileInputError(f"{name} is not valid text in the encoding it announces ({exc.reason})") from None
    if b"\x00" in data[:4096]:
        raise FileInputError(f"{name} looks like a binary file, not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def read_text_file(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> str:
    return decode(read_limited(path, max_bytes), str(path))


def write_text_atomically(path: Path, text: str) -> None:
    """Write beside the target and rename, so a crash never leaves half a file behind."""
    import tempfile

    path = path.expanduser()
    if path.is_dir():
        raise FileInputError(f"{path} is a folder; give a file name")
    if not path.parent.is_dir():
        raise FileInputError(f"no such folder: {path.parent}")
    temporary: Path | None = None
    try:
        with tempfile.NamedTemporaryFile(
            "w", encoding="utf-8", newline="", dir=path.parent, delete=False, suffix=".tmp"
        ) as handle:
            temporary = Path(handle.name)
            handle.write(text)
        temporary.replace(path)
    except OSError as exc:  # a full or read-only disk: say so, and leave no half-written .tmp behind
        if temporary is not None:
            temporary.unlink(missing_ok=True)
        raise FileInputError(f"cannot write {path}: {exc.strerror or exc}") from None


MAX_UPLOAD_NAME = 120


def safe_upload_name(filename: str, *, default_stem: str = "upload") -> str:
    """A browser-sent file name made safe to create in a folder of ours.

    Only the last part counts (browsers may send `C:\\\\Users\\\\…\\\\cv.pdf`); `..`, `.`, empty names,
    control characters and names longer than a file system allows become something plain, keeping the
    extension, which is what tells us how to read the file.
    """
    base = filename.replace("\\", "/").rsplit("/", 1)[-1]
    base = "".join(ch for ch in base if ch.isprintable()).strip().lstrip(".")
    stem, dot, suffix = base.rpartition(".")
    if not dot:
        stem, suffix = base, ""
    suffix = suffix[:16]
    stem = stem[: MAX_UPLOAD_NAME - len(suffix) - 1].strip() or default_stem
    return f"{stem}.{suffix}" if suffix else stem
