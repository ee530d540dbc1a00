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
from typing import TYPE_CHECKING, ClassVar

from nextround.domain.watch import Posting, WatchError, diff_postings, normalize_keywords
from nextround.serialize import NOT_JSON, JsonProperties
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
    """A watched company; in JSON its board is written as its spec (`greenhouse:TOKEN`) or null."""

    json_properties: ClassVar[JsonProperties] = (("board_spec", "board"),)

    id: int
    company: str
    board: str = field(metadata=NOT_JSON)
    board_token: str = field(metadata=NOT_JSON)
    keywords: tuple[str, ...]
    last_checked_at: datetime | None
    last_error: str | None
    reapply_after: date | None
    seen: int = field(default=0, metadata={"json_name": "seen_postings"})

    @property
    def board_spec(self) -> str | None:
        return f"{self.board}:{self.board_token}" if self.board else None


def _watch(row: WatchRow, seen: int = 0) -> Watch:
    return Watch(
        id=row.id,
        company=row.company,
        board=row.board or "",
        board_token=row.board_token or "",
        keywords=tuple(row.keywords or ()),
        last_checked_at=row.last_checked_at,
        last_error=row.last_error or None,
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
    """What checking one watch found; in JSON a flat line per watch, with how many new postings matched."""

    json_properties: ClassVar[JsonProperties] = (
        "watch_id",
        "company",
        ("board_spec", "board"),
        "status",
        "new_matching",
    )

    watch: Watch = field(metadata=NOT_JSON)
    fetched: int = 0
    new: int = 0
    openings: tuple[Opening, ...] = field(default=(), metadata=NOT_JSON)
    error: str | None = None
    skipped: bool = field(default=False, metadata=NOT_JSON)

    @property
    def watch_id(self) -> int:
        return self.watch.id

    @property
    def company(self) -> str:
        return self.watch.company

    @property
    def board_spec(self) -> str | None:
        return self.watch.board_spec

    @property
    def status(self) -> str:
        return "skipped" if self.skipped else ("error" if self.error else "ok")

    @property
    def new_matching(self) -> int:
        return len(self.openings)


@dataclass(frozen=True, slots=True)
class CheckReport:
    json_properties: ClassVar[JsonProperties] = ("checked", "failed", "openings", "warnings")

    results: tuple[WatchResult, ...] = field(default_factory=tuple, metadata={"json_name": "watches"})

    @property
    def checked(self) -> int:
        return sum(1 for r in self.results if not r.skipped)

    @property
    def failed(self) -> int:
        return sum(1 for r in self.results if r.error)

    @property
    def openings(self) -> list[Opening]:
        return [opening for result in self.results for opening in result.openings]

    @property
    def warnings(self) -> list[str]:
        return [result.error for result in self.results if result.error]


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
