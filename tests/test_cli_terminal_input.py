"""What the terminal and the disk can throw at the command line: non-UTF-8 bytes, a flood on stdin, a full disk."""

from __future__ import annotations

import json
import os
import resource
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any


def _nextround(env: dict[str, str], *args: bytes, stdin: bytes = b"") -> subprocess.CompletedProcess[bytes]:
    # Through the real entry point: only there does Python turn the undecodable bytes into lone surrogates.
    return subprocess.run(
        [sys.executable.encode(), b"-m", b"nextround", *args],
        input=stdin,
        capture_output=True,
        env={**os.environ, **env},
        timeout=120,
    )


def test_a_latin1_argument_is_read_as_text(cli_env: dict[str, str]) -> None:
    added = _nextround(cli_env, b"app", b"add", b"--company", b"Caf\xe9 \xe2\x82\xac", b"--role", b"Dev", b"--json")
    assert added.returncode == 0, added.stderr.decode()
    assert json.loads(added.stdout)["company"] == "Café €"  # the valid UTF-8 around the Latin-1 byte is kept


def test_latin1_on_standard_input_is_read_as_text(cli_env: dict[str, str]) -> None:
    saved = _nextround(cli_env, b"journal", b"add", b"--json", stdin=b"caf\xe9 went well\n")
    assert saved.returncode == 0, saved.stderr.decode()
    assert json.loads(saved.stdout)["text"].startswith("café went well")
    analysed = _nextround(cli_env, b"analyze", b"answer", b"--question", b"Why us?", stdin=b"I like caf\xe9s.\n")
    assert analysed.returncode == 0, analysed.stderr.decode()
    assert json.loads(analysed.stdout)["sentences"] == ["I like cafés."]


def test_a_file_whose_name_is_not_utf8_still_opens(cli_env: dict[str, str], tmp_path: Path) -> None:
    name = os.fsencode(tmp_path) + b"/f\xe9.csv"
    Path(os.fsdecode(name)).write_bytes(b"Company,Job Title,Date Applied\nAcme,Dev,2024-01-02\n")
    imported = _nextround(cli_env, b"import", b"csv", name)
    assert imported.returncode == 0, imported.stderr.decode()
    assert b"Imported 1 application" in imported.stdout


def test_a_huge_standard_input_is_refused_before_it_is_read_whole(cli_env: dict[str, str]) -> None:
    # `analyze answer` and `journal add` read all of standard input first (300 MB piped in: 600 MB of memory,
    # and the answer analysed and printed back whole).
    flood = b"a" * 1_100_000
    answer = _nextround(cli_env, b"analyze", b"answer", b"--question", b"Why us?", stdin=flood)
    assert answer.returncode == 1
    assert answer.stderr == b"error: standard input is longer than 1000000 characters (the answer)\n"
    assert answer.stdout == b""
    entry = _nextround(cli_env, b"journal", b"add", stdin=flood)
    assert entry.returncode == 1
    assert entry.stderr == b"error: standard input is longer than 1000000 characters (the entry)\n"


def _small_disk() -> None:
    # Files may grow to 40 kB, past what SQLite's shared-memory file needs: a full disk, reached for real.
    resource.setrlimit(resource.RLIMIT_FSIZE, (40_000, 40_000))
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails (EFBIG), as on a full disk


def test_a_full_disk_is_one_line_and_leaves_no_half_written_file(
    cli: Any, cli_env: dict[str, str], tmp_path: Path
) -> None:
    # Exports, backups and calendars ended in an OSError traceback and left a tmpXXXX.tmp beside the target.
    for n in range(3):
        assert cli("app", "add", "--company", f"Firm {n}", "--role", "Baker", "--notes", "n" * 15_000).exit_code == 0
    out = tmp_path / "out"
    out.mkdir()
    for command in (["export", "--format", "json"], ["export", "--format", "csv"], ["backup"]):
        target = out / "copy"
        run = subprocess.run(
            [sys.executable, "-m", "nextround", *command, str(target)],
            capture_output=True,
            text=True,
            env={**os.environ, **cli_env},
            preexec_fn=_small_disk,
            timeout=120,
        )
        assert run.returncode == 1, run.stderr
        # SQLite words it its own way ("disk I/O error"); the file and the one line are the same.
        assert run.stderr.startswith(f"error: cannot write {target}: ")
        assert run.stderr.count("\n") == 1
        assert list(out.iterdir()) == []
