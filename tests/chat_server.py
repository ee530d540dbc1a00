"""A real local HTTP server that speaks the OpenAI chat-completions protocol, plain and streamed.

Tests queue `Step`s: a reply's text, an HTTP status (with Retry-After), a delay, or a raw body. When the queue
is empty, `respond(body)` decides the text (so a test can answer by what was asked). Every request's JSON body
and its Authorization header are kept, so tests can check what was sent and how often.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler
from typing import Any

from tests.local_http import serving

MODEL_NAME = "tiny-test-model"


@dataclass
class Step:
    content: str = ""
    status: int = 200
    delay: float = 0.0  # before answering (plain) or between pieces (streamed)
    retry_after: str | None = None
    raw: bytes | None = None


class FakeChat:
    def __init__(self, url: str) -> None:
        self.url = url
        self.steps: list[Step] = []
        self.respond: Callable[[dict[str, Any]], str] = lambda _body: "ready"
        self.requests: list[dict[str, Any]] = []
        self.authorization: list[str | None] = []
        self.lock = threading.Lock()

    def reset(self) -> None:
        with self.lock:
            self.steps.clear()
            self.requests.clear()
            self.authorization.clear()
        self.respond = lambda _body: "ready"

    @property
    def base_url(self) -> str:
        return self.url + "/v1"

    def queue(self, *steps: Step | str) -> None:
        with self.lock:
            self.steps += [Step(content=s) if isinstance(s, str) else s for s in steps]

    def env(self, **extra: str) -> dict[str, str]:
        return {"NEXTROUND_AI_BASE_URL": self.base_url, "NEXTROUND_AI_MODEL": MODEL_NAME, **extra}

    def prompts(self) -> list[str]:
        """The text of every message sent, request by request."""
        return ["\n".join(m["content"] for m in body["messages"]) for body in self.requests]

    def next_step(self, body: dict[str, Any]) -> Step:
        with self.lock:
            self.requests.append(body)
            if self.steps:
                return self.steps.pop(0)
        return Step(content=self.respond(body))


def _handler(chat: FakeChat) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length", "0"))
            body = json.loads(self.rfile.read(length) or b"{}")
            if self.path != "/v1/chat/completions":
                self._send(404, b'{"error": {"message": "no such route"}}')
                return
            with chat.lock:
                chat.authorization.append(self.headers.get("Authorization"))
            step = chat.next_step(body)
            try:
                if step.raw is not None:
                    self._send(step.status, step.raw)
                elif step.status != 200:
                    time.sleep(step.delay)
                    self._send(step.status, json.dumps({"error": {"message": "server trouble"}}).encode(), step)
                elif body.get("stream"):
                    self._stream(step)
                else:
                    time.sleep(step.delay)
                    message = {"role": "assistant", "content": step.content}
                    reply = {
                        "id": "chatcmpl-1",
                        "object": "chat.completion",
                        "model": MODEL_NAME,
                        "choices": [{"index": 0, "message": message, "finish_reason": "stop"}],
                    }
                    self._send(200, json.dumps(reply).encode())
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up waiting (timeout tests)

        def _send(self, status: int, payload: bytes, step: Step | None = None) -> None:
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(payload)))
            if step is not None and step.retry_after is not None:
                self.send_header("Retry-After", step.retry_after)
            self.end_headers()
            self.wfile.write(payload)

        def _stream(self, step: Step) -> None:
            self.send_response(200)
            self.send_header("Content-Type", "text/event-stream")
            self.send_header("Connection", "close")
            self.end_headers()
            words = step.content.split(" ")
            pieces = [w + (" " if i < len(words) - 1 else "") for i, w in enumerate(words)]
            first = {"choices": [{"index": 0, "delta": {"role": "assistant"}}]}
            self.wfile.write(f"data: {json.dumps(first)}\n\n".encode())
            for piece in pieces:
                time.sleep(step.delay)
                event = {"model": MODEL_NAME, "choices": [{"index": 0, "delta": {"content": piece}}]}
                self.wfile.write(f"data: {json.dumps(event)}\n\n".encode())
                self.wfile.flush()
            self.wfile.write(b"data: [DONE]\n\n")
            self.close_connection = True

        def log_message(self, format: str, *args: Any) -> None:
            return

    return Handler


@contextmanager
def running_chat() -> Iterator[FakeChat]:
    chat = FakeChat("")
    with serving(_handler(chat)) as url:
        chat.url = url
        yield chat
