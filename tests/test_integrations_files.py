"""Files users hand us are read with a byte limit whatever they are: regular files, pipes, devices."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest

from nextround.integrations.files import FileInputError, decode, read_limited, read_text_file, safe_upload_name


def test_a_device_that_reports_size_zero_is_still_cut_at_the_limit() -> None:
    # /dev/zero says it is 0 bytes long and never ends: the size check alone would read it forever.
    assert Path("/dev/zero").stat().st_size == 0
    with pytest.raises(FileInputError, match=r"^/dev/zero is over the 1 MB limit"):  # not "is larger than that"
        read_limited(Path("/dev/zero"), 1024 * 1024)


def test_a_pipe_is_cut_at_the_limit(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.csv"
    os.mkfifo(fifo)

    def feed() -> None:
        try:
            with fifo.open("wb") as writer:
                for _ in range(64):
                    writer.write(b"x" * 65536)
        except BrokenPipeError:
            pass  # the reader stopped at its limit, as it should

    writer = threading.Thread(target=feed)
    writer.start()
    try:
        with pytest.raises(FileInputError, match="over the"):
            read_text_file(fifo, max_bytes=100_000)
    finally:
        writer.join()


def test_a_file_within_the_limit_reads_whole(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_bytes(b"a" * 5000)
    assert read_limited(path, 5000) == b"a" * 5000
    with pytest.raises(FileInputError, match="over the"):
        read_limited(path, 4999)


def test_text_whose_bom_lies_is_one_line() -> None:
    with pytest.raises(FileInputError, match="not valid text"):
        decode(b"\xef\xbb\xbf\xff\xfe broken", "cv.txt")
    with pytest.raises(FileInputError, match="not valid text"):
        decode(b"\xff\xfe\x00\xd8", "cv.txt")  # a lone UTF-16 surrogate


@pytest.mark.parametrize(
    ("sent", "stored"),
    [
        ("..", "upload"),
        (".", "upload"),
        ("", "upload"),
        ("../../etc/passwd", "passwd"),
        ("C:\\Users\\me\\My CV.docx", "My CV.docx"),
        ("a" * 300 + ".pdf", "a" * 116 + ".pdf"),
        ("cv\x1b]0;pwned\x07.pdf", "cv]0;pwned.pdf"),
    ],
)
def test_upload_names_are_made_safe(sent: str, stored: str, tmp_path: Path) -> None:
    name = safe_upload_name(sent)
    assert name == stored
    (tmp_path / name).write_bytes(b"ok")  # always a file name this folder can hold
    assert (tmp_path / name).parent == tmp_path
