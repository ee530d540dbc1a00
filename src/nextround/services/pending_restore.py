"""A backup uploaded on the web, held between the question ("replace everything with this?") and the answer.

Each upload waits in a folder of its own under the home folder, named by a one-time token and marked with
its owner. Confirming claims the folder by renaming it, which only one request can do: a double submit, a
reload or Back then finds nothing to restore and changes nothing. Anyone else's token is refused.
"""

from __future__ import annotations

import json
import re
import secrets
import shutil
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from nextround.services.transfer import TransferError
from nextround.services.workspace import Workspace

# Long enough to read the question and think; a file left longer is removed with the next upload.
PENDING_SECONDS = 60 * 60
_TOKEN = re.compile(r"[A-Za-z0-9_-]{32}")
_OWNER_FILE = "owner.json"
GONE = "This restore was already done, or it waited too long. Nothing was changed; choose the backup again."


def _root(ws: Workspace) -> Path:
    return ws.settings.home / "restore-pending"


def hold(ws: Workspace, upload: Path) -> str:
    """Move an uploaded, checked backup into its own waiting folder; the token that confirms it."""
    root = _root(ws)
    root.mkdir(parents=True, exist_ok=True, mode=0o700)
    _remove_stale(root)
    token = secrets.token_urlsafe(24)
    folder = root / token
    folder.mkdir(mode=0o700)
    (folder / _OWNER_FILE).write_text(json.dumps({"owner_id": ws.owner_id}), encoding="utf-8")
    shutil.move(upload, folder / upload.name)
    return token


@contextmanager
def claimed(ws: Workspace, token: str) -> Iterator[Path]:
    """The backup waiting under `token` for this owner, claimed once; it is removed afterwards, whatever
    happens, so a refused restore is chosen again rather than retried from a stale copy."""
    folder = _root(ws) / token if _TOKEN.fullmatch(token) else None
    if folder is None or not folder.is_dir() or _owner(folder) != ws.owner_id:
        raise TransferError(GONE)
    mine = folder.with_name(f".claimed-{token}")
    try:
        folder.rename(mine)  # atomic: of two requests with one token, exactly one gets here
    except OSError:
        raise TransferError(GONE) from None
    try:
        if time.time() - (mine / _OWNER_FILE).stat().st_mtime > PENDING_SECONDS:
            raise TransferError(GONE)
        files = [p for p in mine.iterdir() if p.name != _OWNER_FILE]
        if len(files) != 1:
            raise TransferError(GONE)
        yield files[0]
    finally:
        shutil.rmtree(mine, ignore_errors=True)


def _owner(folder: Path) -> int | None:
    try:
        owner = json.loads((folder / _OWNER_FILE).read_text(encoding="utf-8")).get("owner_id")
    except (OSError, ValueError, AttributeError):
        return None
    return owner if isinstance(owner, int) else None


def _remove_stale(root: Path) -> None:
    now = time.time()
    for folder in root.iterdir():
        try:
            if now - folder.stat().st_mtime > PENDING_SECONDS:
                shutil.rmtree(folder, ignore_errors=True)
        except OSError:
            continue
