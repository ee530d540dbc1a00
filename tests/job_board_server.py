"""A real local HTTP server that answers like the Greenhouse, Lever and Ashby public job-board APIs.

Tests fill `FakeBoards` with jobs per board token and can make a path fail a few times, fail always,
or answer slowly; `hits` counts requests per path so retries can be checked.
"""

from __future__ import annotations

import json
import threading
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import unquote, urlsplit

from nextround.integrations.job_boards import BoardSettings


class FakeBoards:
    def __init__(self, url: str) -> None:
        self.url = url
        self.greenhouse: dict[str, list[dict[str, Any]]] = {}
        self.lever: dict[str, list[dict[str, Any]]] = {}
        self.ashby: dict[str, list[dict[str, Any]]] = {}
        self.fail_first: dict[str, list[int]] = {}  # path -> statuses to answer before succeeding
        self.always: dict[str, int] = {}  # path -> status answered every time
        self.delay: dict[str, float] = {}  # path -> seconds to wait before answering
        self.raw: dict[str, tuple[int, str, bytes]] = {}  # path -> (status, content type, body)
        self.hits: Counter[str] = Counter()
        self.queries: dict[str, str] = {}
        self.lock = threading.Lock()

    def reset(self) -> None:
        for store in (self.greenhouse, self.lever, self.ashby, self.fail_first, self.always, self.delay, self.raw):
            store.clear()
        self.hits.clear()
        self.queries.clear()

    def settings(self, *, timeout: float = 2.0, retries: int = 2) -> BoardSettings:
        return BoardSettings(
            bases={"greenhouse": self.url, "lever": self.url, "ashby": self.url},
            timeout=timeout,
            retries=retries,
            backoff=0.0,
        )

    def env(self) -> dict[str, str]:
        return {
            "NEXTROUND_GREENHOUSE_API": self.url,
            "NEXTROUND_LEVER_API": self.url,
            "NEXTROUND_ASHBY_API": self.url,
        }

    def answer(self, path: str) -> tuple[int, str, bytes]:
        parts = [unquote(p) for p in path.strip("/").split("/")]
        if len(parts) == 4 and parts[:2] == ["v1", "boards"] and parts[3] == "jobs":
            jobs = self.greenhouse.get(parts[2])
            if jobs is None:
                return _json(404, {"status": 404, "error": "Job board not found"})
            return _json(200, {"jobs": jobs, "meta": {"total": len(jobs)}})
        if len(parts) == 3 and parts[:2] == ["v0", "postings"]:
            postings = self.lever.get(parts[2])
            if postings is None:
                return _json(404, {"ok": False, "error": "Document not found"})
            return _json(200, postings)
        if len(parts) == 3 and parts[:2] == ["posting-api", "job-board"]:
            board = self.ashby.get(parts[2])
            if board is None:
                return _json(404, {"success": False, "error": "Not found"})
            return _json(200, {"apiVersion": "1", "jobs": board})
        return _json(404, {"error": "no such route"})


def _json(status: int, data: Any) -> tuple[int, str, bytes]:
    return status, "application/json", json.dumps(data).encode()


def _handler(boards: FakeBoards) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            split = urlsplit(self.path)
            path = split.path
            with boards.lock:
                boards.hits[path] += 1
                boards.queries[path] = split.query
                delay = boards.delay.get(path, 0.0)
                queued = boards.fail_first.get(path)
                status: int | None = queued.pop(0) if queued else boards.always.get(path)
                raw = boards.raw.get(path)
            if delay:
                time.sleep(delay)
            if status is not None:
                answer = _json(status, {"error": "server trouble"})
            elif raw is not None:
                answer = raw
            else:
                answer = boards.answer(path)
            code, content_type, body = answer
            try:
                self.send_response(code)
                self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up waiting (timeout tests)

        def log_message(self, format: str, *args: Any) -> None:
            return

    return Handler


@contextmanager
def running_boards() -> Iterator[FakeBoards]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(FakeBoards("")))
    server.daemon_threads = True
    boards = FakeBoards(f"http://127.0.0.1:{server.server_address[1]}")
    server.RequestHandlerClass = _handler(boards)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield boards
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def greenhouse_job(job_id: int, title: str, location: str = "Remote") -> dict[str, Any]:
    return {
        "id": job_id,
        "internal_job_id": job_id * 10,
        "title": title,
        "absolute_url": f"https://boards.greenhouse.io/acme/jobs/{job_id}",
        "location": {"name": location},
        "updated_at": "2024-11-01T09:30:00-04:00",
        "requisition_id": f"R{job_id}",
        "metadata": None,
        "data_compliance": [],
    }


def lever_posting(posting_id: str, title: str, location: str = "London") -> dict[str, Any]:
    return {
        "id": posting_id,
        "text": title,
        "hostedUrl": f"https://jobs.lever.co/acme/{posting_id}",
        "applyUrl": f"https://jobs.lever.co/acme/{posting_id}/apply",
        "categories": {"location": location, "team": "Support", "commitment": "Full-time"},
        "createdAt": 1730451000000,
        "descriptionPlain": "About the role",
        "lists": [],
        "workplaceType": "hybrid",
    }


def ashby_job(job_id: str, title: str, location: str = "Berlin", listed: bool = True) -> dict[str, Any]:
    return {
        "id": job_id,
        "title": title,
        "location": location,
        "department": "Customer",
        "team": "Support",
        "isListed": listed,
        "isRemote": False,
        "employmentType": "FullTime",
        "publishedAt": "2024-11-01T09:30:00.000+00:00",
        "jobUrl": f"https://jobs.ashbyhq.com/acme/{job_id}",
        "applyUrl": f"https://jobs.ashbyhq.com/acme/{job_id}/application",
    }
