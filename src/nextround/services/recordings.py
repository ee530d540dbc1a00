"""Kept recordings of spoken answers: files in the data folder's `recordings` folder, named in the answer's row.

When an answer goes (with its application, say) its recording is set aside in `recordings/.deleted` while
the delete can still be undone, comes back with an undo, and is removed for good by the next sweep after
that; a sweep runs at every delete, every new recording and when the web app starts.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

log = logging.getLogger("nextround.recordings")

RECORDINGS_FOLDER = "recordings"
SET_ASIDE_FOLDER = ".deleted"


def recordings_folder(home: Path) -> Path:
    return home / RECORDINGS_FOLDER


def _bare(name: object) -> str | None:
    """A file name from a row, only when it is a bare name (never a path out of the folder)."""
    if isinstance(name, str) and name and Path(name).name == name and not name.startswith("."):
        return name
    return None


def recordings_in(rows: Mapping[str, Sequence[Mapping[str, Any]]]) -> list[str]:
    """The recording file names that deleted practice-answer rows referred to."""
    names = (_bare(row.get("audio_file")) for row in rows.get("practice_answers", ()))
    return [name for name in names if name is not None]


def set_aside(home: Path, names: Iterable[str], now: datetime) -> None:
    """Move the recordings out of the way (kept while an undo can bring their answers back)."""
    folder = recordings_folder(home)
    aside = folder / SET_ASIDE_FOLDER
    for name in names:
        source = folder / name
        if not source.is_file():
            continue
        target = aside / name
        try:  # the rows are already deleted: a file that cannot move stays, and the delete still succeeds
            aside.mkdir(parents=True, exist_ok=True)
            source.replace(target)
            stamp = now.timestamp()
            os.utime(target, (stamp, stamp))  # the sweep counts from the delete, not from the recording
        except OSError as exc:
            log.warning("could not set a deleted answer's recording aside: %s", exc.strerror)


def bring_back(home: Path, names: Iterable[str]) -> None:
    """Put set-aside recordings back beside their answers (an undo)."""
    folder = recordings_folder(home)
    for name in names:
        source = folder / SET_ASIDE_FOLDER / name
        if source.is_file():
            try:
                source.replace(folder / name)
            except OSError as exc:
                log.warning("could not bring a recording back: %s", exc.strerror)


def sweep(home: Path, now: datetime, keep_for: timedelta) -> int:
    """Remove set-aside recordings older than `keep_for`; how many went."""
    aside = recordings_folder(home) / SET_ASIDE_FOLDER
    if not aside.is_dir():
        return 0
    cutoff = (now - keep_for).timestamp()
    removed = 0
    for path in aside.iterdir():
        try:
            if path.is_file() and path.stat().st_mtime < cutoff:
                path.unlink(missing_ok=True)
                removed += 1
        except OSError as exc:  # tried again at the next sweep
            log.warning("could not remove a deleted answer's recording: %s", exc.strerror)
    return removed
