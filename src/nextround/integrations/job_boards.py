"""Public job-board APIs (Greenhouse, Lever, Ashby) behind one small interface.

Each client turns a board's own JSON into `Posting`s. Network trouble is retried a couple of times
with a short backoff (connection errors, timeouts, 5xx and 429); a 404 means the board name is wrong
and is not retried. Every failure becomes one `BoardError` line, never a traceback.

Base URLs come from `Settings.job_board_bases` (`NEXTROUND_GREENHOUSE_API`, `NEXTROUND_LEVER_API`,
`NEXTROUND_ASHBY_API`, read by the entry points) so tests and self-hosters can point elsewhere.
Nothing is fetched unless the user runs `nextround watch check`.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, Final, Protocol
from urllib.parse import quote, urlsplit

import httpx

from nextround import __version__
from nextround.config import BOARD_ENV_NAMES, DEFAULT_BOARD_BASES, job_board_bases
from nextround.domain.dates import in_window
from nextround.domain.watch import Posting, WatchError
from nextround.errors import UserError

__all__ = [
    "BOARDS",
    "AshbyClient",
    "BoardClient",
    "BoardError",
    "BoardSettings",
    "GreenhouseClient",
    "LeverClient",
    "Posting",
    "board_settings",
    "board_settings_from_env",
    "make_client",
    "parse_board_spec",
]

BOARDS: tuple[str, ...] = ("greenhouse", "lever", "ashby")
DEFAULT_BASES = DEFAULT_BOARD_BASES
ENV_NAMES = BOARD_ENV_NAMES
# Board tokens are short slugs; Ashby names may hold spaces. Anything else is a typo or an injection.
_TOKEN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._ -]{0,99}$")
MAX_RESPONSE_BYTES = 20 * 1024 * 1024


class BoardError(UserError, RuntimeError):
    """A job board that could not be read: unknown name, server error, timeout, unexpected answer."""


@dataclass(frozen=True, slots=True)
class BoardSettings:
    """Where the boards live and how patiently to ask them."""

    bases: Mapping[str, str] = field(default_factory=lambda: dict(DEFAULT_BASES))
    timeout: float = 10.0
    retries: int = 2
    backoff: float = 0.5

    def base(self, board: str) -> str:
        return self.bases.get(board, DEFAULT_BASES[board]).rstrip("/")


def board_settings(bases: Mapping[str, str]) -> BoardSettings:
    """Checked settings from the base URLs of `Settings.job_board_bases`."""
    for board, base in bases.items():
        if not base.startswith(("http://", "https://")):
            raise BoardError(f"{ENV_NAMES.get(board, board)} must be an http(s) URL, not {base!r}")
    return BoardSettings(bases=dict(bases))


def board_settings_from_env(env: Mapping[str, str]) -> BoardSettings:
    """From `NEXTROUND_*_API` in `env`, as the entry points read them into Settings."""
    return board_settings(job_board_bases(env))


# The public addresses of each board's careers pages: what a person can copy from the browser.
_BOARD_HOSTS: Final = {
    "boards.greenhouse.io": "greenhouse",
    "job-boards.greenhouse.io": "greenhouse",
    "boards.eu.greenhouse.io": "greenhouse",
    "job-boards.eu.greenhouse.io": "greenhouse",
    "jobs.lever.co": "lever",
    "jobs.eu.lever.co": "lever",
    "jobs.ashbyhq.com": "ashby",
}


def _from_address(spec: str) -> str | None:
    """`https://jobs.lever.co/acme/123` → `lever:acme`: a careers page's address names its board and company."""
    text = spec.strip()
    if "://" not in text and not text.lower().startswith(tuple(_BOARD_HOSTS)):
        return None
    parts = urlsplit(text if "://" in text else f"https://{text}")
    board = _BOARD_HOSTS.get((parts.hostname or "").lower())
    name = next((piece for piece in parts.path.split("/") if piece), "")
    if board is None:
        raise WatchError(
            f"{spec.strip()!r} is not a Greenhouse, Lever or Ashby careers page; leave the job board empty for "
            "a company that has none"
        )
    if not name:
        raise WatchError(f"{spec.strip()!r} does not name a company: copy the address of its careers page")
    return f"{board}:{name}"


def parse_board_spec(spec: str) -> tuple[str, str]:
    """`greenhouse:acme`, or a careers page's address (`https://boards.greenhouse.io/acme`) → ("greenhouse",
    "acme"); refuses unknown boards and odd tokens."""
    spec = _from_address(spec) or spec
    board, sep, token = spec.strip().partition(":")
    board = board.strip().lower()
    token = token.strip()
    if not sep or not token:
        raise WatchError(
            f"{spec.strip()!r} is not a job board: give the address of a Greenhouse, Lever or Ashby careers page "
            "(or greenhouse:TOKEN, lever:SITE, ashby:NAME)"
        )
    if board not in BOARDS:
        raise WatchError(f"unknown job board {board!r}; expected one of: {', '.join(BOARDS)}")
    if not _TOKEN.match(token):
        raise WatchError(f"board name {token!r} may only hold letters, digits, '.', '_', '-' and spaces")
    return board, token


class BoardClient(Protocol):
    """Reads one public job board. `fetch` returns every listed posting or raises BoardError."""

    name: str

    def fetch(self, token: str) -> list[Posting]: ...


# A title from a board is one line of text: terminal escape sequences (ESC, BEL, CSI ...) have no place in it.
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def _text(value: Any) -> str:
    return " ".join(_CONTROLS.sub("", str(value)).split()) if value is not None else ""


def _iso_moment(value: Any) -> datetime | None:
    if not isinstance(value, str) or not value:
        return None
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    # A board's date outside 1970-2100 is a mistake (or a trap for the agenda's arithmetic): unknown instead.
    return (moment if moment.tzinfo else moment.replace(tzinfo=UTC)) if in_window(moment.date()) else None


def _ms_moment(value: Any) -> datetime | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    try:
        moment = datetime.fromtimestamp(value / 1000, tz=UTC)
    except (OverflowError, OSError, ValueError):
        return None
    return moment if in_window(moment.date()) else None


class _HttpBoard:
    name = ""

    def __init__(
        self,
        settings: BoardSettings | None = None,
        *,
        transport: httpx.BaseTransport | None = None,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.settings = settings or BoardSettings()
        self._transport = transport
        self._sleep = sleep

    @property
    def base(self) -> str:
        return self.settings.base(self.name)

    def fetch(self, token: str) -> list[Posting]:
        raise NotImplementedError

    def _get_json(self, url: str, token: str, params: Mapping[str, str] | None = None) -> Any:
        label = f"{self.name} board {token!r}"
        attempts = 1 + max(0, self.settings.retries)
        problem = ""
        with httpx.Client(
            timeout=self.settings.timeout,
            transport=self._transport,
            follow_redirects=True,
            headers={"User-Agent": f"nextround/{__version__}", "Accept": "application/json"},
        ) as client:
            for attempt in range(attempts):
                if attempt:
                    self._sleep(self.settings.backoff * attempt)
                try:
                    response = client.get(url, params=params)
                except httpx.TimeoutException:
                    problem = f"timed out after {self.settings.timeout:g} s"
                    continue
                except httpx.TransportError as exc:
                    problem = f"could not be reached ({type(exc).__name__})"
                    continue
                if response.status_code == 404:
                    raise BoardError(f"{label} not found (HTTP 404): check the board name")
                if response.status_code >= 500 or response.status_code == 429:
                    problem = f"answered HTTP {response.status_code}"
                    continue
                if response.status_code >= 400:
                    raise BoardError(f"{label} refused the request (HTTP {response.status_code})")
                if len(response.content) > MAX_RESPONSE_BYTES:
                    raise BoardError(f"{label} sent more than {MAX_RESPONSE_BYTES // (1024 * 1024)} MB")
                try:
                    return response.json()
                except ValueError:
                    raise BoardError(f"{label} did not answer with JSON") from None
        tries = f" ({attempts} attempts)" if attempts > 1 else ""
        raise BoardError(f"{label} {problem}{tries}")

    def _unexpected(self, token: str) -> BoardError:
        return BoardError(f"{self.name} board {token!r} answered in an unexpected shape")


class GreenhouseClient(_HttpBoard):
    """`GET {base}/v1/boards/{token}/jobs` → {"jobs": [{id, title, absolute_url, location: {name}, updated_at}]}."""

    name = "greenhouse"

    def fetch(self, token: str) -> list[Posting]:
        data = self._get_json(f"{self.base}/v1/boards/{quote(token, safe='')}/jobs", token)
        jobs = data.get("jobs") if isinstance(data, dict) else None
        if not isinstance(jobs, list):
            raise self._unexpected(token)
        postings = []
        for job in jobs:
            if not isinstance(job, dict) or job.get("id") in (None, ""):
                continue
            location = job.get("location")
            postings.append(
                Posting(
                    id=str(job["id"]),
                    title=_text(job.get("title")),
                    url=_text(job.get("absolute_url")),
                    location=_text(location.get("name")) if isinstance(location, dict) else _text(location),
                    posted_at=_iso_moment(job.get("first_published") or job.get("updated_at")),
                )
            )
        return postings


class LeverClient(_HttpBoard):
    """`GET {base}/v0/postings/{site}?mode=json` → [{id, text, hostedUrl, categories: {location}, createdAt}]."""

    name = "lever"

    def fetch(self, token: str) -> list[Posting]:
        data = self._get_json(f"{self.base}/v0/postings/{quote(token, safe='')}", token, {"mode": "json"})
        if not isinstance(data, list):
            raise self._unexpected(token)
        postings = []
        for job in data:
            if not isinstance(job, dict) or job.get("id") in (None, ""):
                continue
            categories = job.get("categories")
            location = categories.get("location") if isinstance(categories, dict) else None
            postings.append(
                Posting(
                    id=str(job["id"]),
                    title=_text(job.get("text")),
                    url=_text(job.get("hostedUrl")),
                    location=_text(location),
                    posted_at=_ms_moment(job.get("createdAt")),
                )
            )
        return postings


class AshbyClient(_HttpBoard):
    """`GET {base}/posting-api/job-board/{name}` → {"jobs": [{id, title, location, jobUrl, publishedAt, isListed}]}."""

    name = "ashby"

    def fetch(self, token: str) -> list[Posting]:
        data = self._get_json(f"{self.base}/posting-api/job-board/{quote(token, safe='')}", token)
        jobs = data.get("jobs") if isinstance(data, dict) else None
        if not isinstance(jobs, list):
            raise self._unexpected(token)
        postings = []
        for job in jobs:
            if not isinstance(job, dict) or job.get("id") in (None, "") or job.get("isListed") is False:
                continue
            postings.append(
                Posting(
                    id=str(job["id"]),
                    title=_text(job.get("title")),
                    url=_text(job.get("jobUrl")),
                    location=_text(job.get("location")),
                    posted_at=_iso_moment(job.get("publishedAt")),
                )
            )
        return postings


_CLIENTS: dict[str, type[_HttpBoard]] = {"greenhouse": GreenhouseClient, "lever": LeverClient, "ashby": AshbyClient}


def make_client(board: str, settings: BoardSettings | None = None) -> BoardClient:
    try:
        cls = _CLIENTS[board]
    except KeyError:
        raise BoardError(f"unknown job board {board!r}; expected one of: {', '.join(BOARDS)}") from None
    client: BoardClient = cls(settings)
    return client
