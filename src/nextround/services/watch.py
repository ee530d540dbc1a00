"""Company watch: follow public job boards and hear about new openings that match your keywords.

Boards are fetched outside any database transaction (a slow board must not hold a write lock); then
each watch's new postings and its `last_checked_at` are stored in ONE transaction. A board that fails
records `last_error` and gives one warning line; its seen postings stay as they were, so nothing is
lost or reported twice, and the other watches carry on.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any

from nextround.domain.watch import Posting, WatchError, diff_postings, normalize_keywords
from nextround.services.workspace import Workspace
from nextround.storage.keepgoing import WatchRepository
from nextround.storage.tables import SeenPostingRow, WatchRow

if TYPE_CHECKING:
    from nextround.integrations.job_boards import BoardClient

MAX_COMPANY = 300

# Given a board name ("greenhouse"), returns a client for it. Tests pass their own.
ClientFactory = Callable[[str], "BoardClient"]


@dataclass(frozen=True, slots=True)
class Watch:
    id: int
    company: str
    board: str
    board_token: str
    keywords: tuple[str, ...]
    last_checked_at: datetime | None
    last_error: str
    reapply_after: date | None
    seen: int = 0

    @property
    def board_spec(self) -> str:
        return f"{self.board}:{self.board_token}" if self.board else ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "company": self.company,
            "board": self.board_spec or None,
            "keywords": list(self.keywords),
            "last_checked_at": self.last_checked_at.isoformat() if self.last_checked_at else None,
            "last_error": self.last_error or None,
            "reapply_after": self.reapply_after.isoformat() if self.reapply_after else None,
            "seen_postings": self.seen,
        }


def _watch(row: WatchRow, seen: int = 0) -> Watch:
    return Watch(
        id=row.id,
        company=row.company,
        board=row.board or "",
        board_token=row.board_token or "",
        keywords=tuple(row.keywords or ()),
        last_checked_at=row.last_checked_at,
        last_error=row.last_error or "",
        reapply_after=row.reapply_after,
        seen=seen,
    )


@dataclass(frozen=True, slots=True)
class Opening:
    """A new posting at a watched company that matches the watch's keywords."""

    id: int
    watch_id: int
    company: str
    posting_id: str
    title: str
    url: str
    location: str
    first_seen_at: datetime

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "watch_id": self.watch_id,
            "company": self.company,
            "posting_id": self.posting_id,
            "title": self.title,
            "url": self.url,
            "location": self.location,
            "first_seen_at": self.first_seen_at.isoformat(),
        }


def _opening(seen: SeenPostingRow, company: str) -> Opening:
    return Opening(
        id=seen.id,
        watch_id=seen.watch_id,
        company=company,
        posting_id=seen.posting_id,
        title=seen.title,
        url=seen.url,
        location=seen.location,
        first_seen_at=seen.first_seen_at,
    )


@dataclass(frozen=True, slots=True)
class WatchResult:
    watch: Watch
    fetched: int = 0
    new: int = 0
    openings: tuple[Opening, ...] = ()
    error: str | None = None
    skipped: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {
            "watch_id": self.watch.id,
            "company": self.watch.company,
            "board": self.watch.board_spec or None,
            "status": "skipped" if self.skipped else ("error" if self.error else "ok"),
            "fetched": self.fetched,
            "new": self.new,
            "new_matching": len(self.openings),
            "error": self.error,
        }


@dataclass(frozen=True, slots=True)
class CheckReport:
    results: tuple[WatchResult, ...] = field(default_factory=tuple)

    @property
    def openings(self) -> list[Opening]:
        return [opening for result in self.results for opening in result.openings]

    @property
    def warnings(self) -> list[str]:
        return [result.error for result in self.results if result.error]

    def to_dict(self) -> dict[str, Any]:
        return {
            "checked": sum(1 for r in self.results if not r.skipped),
            "failed": sum(1 for r in self.results if r.error),
            "openings": [o.to_dict() for o in self.openings],
            "warnings": self.warnings,
            "watches": [r.to_dict() for r in self.results],
        }


def add_watch(
    ws: Workspace, company: str, board: str | None = None, keywords: str | Sequence[str] | None = None
) -> Watch:
    """Watch a company, optionally on a job board given as `greenhouse:TOKEN`, `lever:SITE`, `ashby:NAME`."""
    from nextround.integrations.job_boards import parse_board_spec

    name = " ".join(company.split())
    if not name:
        raise WatchError("company is required")
    if len(name) > MAX_COMPANY:
        raise WatchError(f"company name too long (max {MAX_COMPANY} characters)")
    board_name, token = parse_board_spec(board) if board else ("", "")
    words = normalize_keywords(keywords)
    with ws.db.write() as session:
        repo = WatchRepository(session, ws.owner_id)
        if repo.find_same(name, board_name, token) is not None:
            where = f" on {board_name}:{token}" if board_name else ""
            raise WatchError(f"{name}{where} is already watched")
        row = repo.add(company=name, board=board_name, board_token=token, keywords=words, now=ws.now())
        return _watch(row)


def list_watches(ws: Workspace) -> list[Watch]:
    with ws.db.read() as session:
        repo = WatchRepository(session, ws.owner_id)
        return [_watch(row, repo.seen_count(row.id)) for row in repo.all()]


def remove_watch(ws: Workspace, watch_id: int) -> Watch:
    with ws.db.write() as session:
        repo = WatchRepository(session, ws.owner_id)
        found = _watch(repo.get(watch_id))
        repo.delete(watch_id)
        return found


def dismiss_opening(ws: Workspace, opening_id: int) -> Opening:
    """Done with this opening (applied, or not for you): it leaves the agenda and the new-openings list."""
    with ws.db.write() as session:
        repo = WatchRepository(session, ws.owner_id)
        row = repo.dismiss_seen(opening_id)
        return _opening(row, repo.get(row.watch_id).company)


def _default_factory(ws: Workspace) -> ClientFactory:
    from nextround.integrations.job_boards import board_settings, make_client

    settings = board_settings(ws.settings.job_board_bases)
    return lambda board: make_client(board, settings)


def check_watches(ws: Workspace, client_factory: ClientFactory | None = None) -> CheckReport:
    """Fetch every watched board and remember what it shows; report new postings that match."""
    from nextround.integrations.job_boards import BoardError

    factory = client_factory or _default_factory(ws)
    watches = list_watches(ws)
    results: list[WatchResult] = []
    for watch in watches:
        if not watch.board:
            results.append(WatchResult(watch, skipped=True))
            continue
        try:
            postings = factory(watch.board).fetch(watch.board_token)
        except BoardError as exc:
            message = f"{watch.company}: {exc}"
            with ws.db.write() as session:
                WatchRepository(session, ws.owner_id).get(watch.id).last_error = message
            results.append(WatchResult(watch, error=message))
            continue
        results.append(_store(ws, watch, postings))
    return CheckReport(tuple(results))


def _store(ws: Workspace, watch: Watch, postings: list[Posting]) -> WatchResult:
    now = ws.now()
    with ws.db.write() as session:
        repo = WatchRepository(session, ws.owner_id)
        row = repo.get(watch.id)
        diff = diff_postings(postings, repo.seen_ids(watch.id), watch.keywords)
        matching = set(diff.matching)
        repo.add_seen(watch.id, ((p, p in matching) for p in diff.new), now=now)
        row.last_checked_at = now
        row.last_error = ""
        stored = {seen.posting_id: seen for seen in repo.seen_rows(watch.id, (p.id for p in diff.matching))}
        openings = tuple(_opening(stored[p.id], watch.company) for p in diff.matching)
    return WatchResult(watch, fetched=len(postings), new=len(diff.new), openings=openings)


def new_openings(ws: Workspace, days: int = 14) -> list[Opening]:
    """Matching postings first seen in the last `days` days, newest first (for the agenda and review)."""
    since = ws.now() - timedelta(days=days)
    with ws.db.read() as session:
        return [
            _opening(seen, watch.company)
            for seen, watch in WatchRepository(session, ws.owner_id).recent_matching(since)
        ]
