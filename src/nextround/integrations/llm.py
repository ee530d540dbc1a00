"""A small client for the OpenAI-compatible chat-completions protocol (Ollama, llama.cpp's server, vLLM,
LM Studio, hosted providers), over httpx.

`POST {base_url}/chat/completions` with `{"model", "messages", "stream"}`; a plain reply carries
`choices[0].message.content`, a streamed one is server-sent events (`data: {...}` lines with
`choices[0].delta.content`, ending with `data: [DONE]`).

Timeouts, connection errors, 429 and 5xx are retried with a growing backoff (a `Retry-After` is honoured up to
a limit), then reported in one `AiError` line; other refusals (a wrong key, an unknown model) are reported at
once. `ask_json` asks for a JSON object, validates it against a pydantic model and sends one repair request
when the reply does not fit (local models often break JSON). The key is never part of an error message.
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TypeVar
from urllib.parse import urlsplit

import httpx
from pydantic import BaseModel, ValidationError

from nextround import __version__
from nextround.errors import UserError

KEYRING_SERVICE = "nextround-ai"
DEFAULT_TIMEOUT = 60.0
MAX_RETRY_AFTER = 30.0
MAX_REPLY_BYTES = 2 * 1024 * 1024
_FENCE = re.compile(r"^```[a-zA-Z]*\s*|\s*```$")

Model = TypeVar("Model", bound=BaseModel)


class AiError(UserError, RuntimeError):
    """The AI endpoint could not give an answer: one line saying why (never the key)."""


class AiReplyError(AiError):
    """The model answered, but not in the form asked for, even after one repair request."""


def check_base_url(raw: str) -> str:
    """An http(s) base URL without its trailing slash, or AiError."""
    url = raw.strip().rstrip("/")
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise AiError(f"the AI base URL must be an http:// or https:// address, not {raw.strip()[:80]!r}")
    return url


def is_local(base_url: str) -> bool:
    """Whether the endpoint is on this computer (what is sent then never leaves it)."""
    host = (urlsplit(base_url).hostname or "").lower()
    return host in ("localhost", "127.0.0.1", "::1") or host.startswith("127.") or host.endswith(".localhost")


@dataclass(frozen=True, slots=True)
class Endpoint:
    base_url: str
    model: str
    api_key: str | None = field(default=None, repr=False)
    timeout: float = DEFAULT_TIMEOUT
    retries: int = 2
    backoff: float = 1.0


@dataclass(frozen=True, slots=True)
class ChatReply:
    text: str
    model: str  # the model that answered, as the server names it (or the one asked for)


Message = dict[str, str]


def _retry_after(response: httpx.Response) -> float | None:
    raw = response.headers.get("retry-after", "")
    try:
        return min(MAX_RETRY_AFTER, max(0.0, float(raw)))
    except ValueError:
        return None


def _server_says(response: httpx.Response, key: str | None) -> str:
    """The server's own error message, short, on one line and without the key."""
    try:
        body = response.json()
        detail = body.get("error", body) if isinstance(body, dict) else body
        if isinstance(detail, dict):
            detail = detail.get("message", "")
        text = str(detail)
    except ValueError:
        text = response.text
    text = " ".join(text.split())[:160]
    if key:
        text = text.replace(key, "***")
    return f": {text}" if text else ""


class ChatClient:
    def __init__(
        self,
        endpoint: Endpoint,
        *,
        transport: httpx.BaseTransport | None = None,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.endpoint = endpoint
        self._transport = transport
        self._sleep = sleep

    @property
    def url(self) -> str:
        return self.endpoint.base_url + "/chat/completions"

    def _client(self) -> httpx.Client:
        headers = {"User-Agent": f"nextround/{__version__}", "Accept": "application/json"}
        if self.endpoint.api_key:
            headers["Authorization"] = f"Bearer {self.endpoint.api_key}"
        return httpx.Client(timeout=self.endpoint.timeout, transport=self._transport, headers=headers)

    def _body(self, messages: Sequence[Message], stream: bool, temperature: float) -> dict[str, object]:
        return {"model": self.endpoint.model, "messages": list(messages), "stream": stream, "temperature": temperature}

    def _refused(self, response: httpx.Response) -> AiError:
        status = response.status_code
        says = _server_says(response, self.endpoint.api_key)
        where = self.endpoint.base_url
        if status in (401, 403):
            return AiError(f"the AI endpoint {where} refused the key (HTTP {status}){says}")
        if status == 404:
            return AiError(
                f"the AI endpoint {where} has no such model or path (HTTP 404){says}; check that the base URL "
                "ends where /chat/completions starts (often /v1) and the model name"
            )
        return AiError(f"the AI endpoint {where} refused the request (HTTP {status}){says}")

    def _send(self, client: httpx.Client, body: dict[str, object], stream: bool) -> httpx.Response:
        """The first response worth reading (status 2xx), after retrying what may pass; else AiError."""
        attempts = 1 + max(0, self.endpoint.retries)
        problem = ""
        wait: float | None = None
        for attempt in range(attempts):
            if attempt:
                self._sleep(wait if wait is not None else self.endpoint.backoff * 2 ** (attempt - 1))
            wait = None
            try:
                response = client.send(client.build_request("POST", self.url, json=body), stream=stream)
            except httpx.TimeoutException:
                problem = f"did not answer within {self.endpoint.timeout:g} s"
                continue
            except httpx.ConnectError:
                # The person reads this on a page: say what it means, not the library's name for it.
                problem = "could not be reached (nothing answers at that address: is the model's server running?)"
                continue
            except httpx.TransportError:
                problem = "could not be reached (the connection broke off)"
                continue
            if response.status_code == 429 or response.status_code >= 500:
                if stream:
                    response.read()
                status = response.status_code
                problem = "is busy (HTTP 429)" if status == 429 else f"failed (HTTP {status})"
                wait = _retry_after(response)
                response.close()
                continue
            if response.status_code >= 400:
                if stream:
                    response.read()
                raise self._refused(response)
            return response
        tries = f", {attempts} tries" if attempts > 1 else ""
        raise AiError(f"the AI endpoint {self.endpoint.base_url} {problem}{tries}")

    def complete(self, messages: Sequence[Message], *, temperature: float = 0.2) -> ChatReply:
        """One whole reply."""
        with self._client() as client:
            response = self._send(client, self._body(messages, False, temperature), stream=False)
            try:
                if len(response.content) > MAX_REPLY_BYTES:
                    raise AiError(f"the AI endpoint sent more than {MAX_REPLY_BYTES // (1024 * 1024)} MB")
                data = response.json()
                text = data["choices"][0]["message"]["content"]
            except httpx.TimeoutException:
                raise AiError(f"the AI endpoint {self.endpoint.base_url} stopped answering mid-reply") from None
            except (ValueError, KeyError, IndexError, TypeError):
                where = self.endpoint.base_url
                raise AiError(f"the AI endpoint {where} did not answer like chat completions") from None
        if not isinstance(text, str):
            raise AiError(f"the AI endpoint {self.endpoint.base_url} sent a reply without text")
        answered_by = data.get("model") if isinstance(data.get("model"), str) else None
        return ChatReply(text=text, model=answered_by or self.endpoint.model)

    def stream(self, messages: Sequence[Message], *, temperature: float = 0.5) -> Iterator[str]:
        """The reply piece by piece, as the server writes it (retries happen before the first piece only)."""
        with self._client() as client:
            response = self._send(client, self._body(messages, True, temperature), stream=True)
            received = 0
            try:
                for line in response.iter_lines():
                    received += len(line)
                    if received > MAX_REPLY_BYTES:
                        raise AiError(f"the AI endpoint sent more than {MAX_REPLY_BYTES // (1024 * 1024)} MB")
                    piece = _event_text(line)
                    if piece is None:
                        return
                    if piece:
                        yield piece
            except httpx.TimeoutException:
                raise AiError(f"the AI endpoint {self.endpoint.base_url} stopped answering mid-reply") from None
            except httpx.TransportError:
                raise AiError(f"the AI endpoint {self.endpoint.base_url} dropped the connection mid-reply") from None
            finally:
                response.close()

    def stream_text(self, messages: Sequence[Message], on_piece: Callable[[str], None] | None = None) -> ChatReply:
        """A streamed reply gathered whole, each piece handed to `on_piece` as it arrives (to show it)."""
        pieces: list[str] = []
        for piece in self.stream(messages):
            pieces.append(piece)
            if on_piece is not None:
                on_piece(piece)
        return ChatReply(text="".join(pieces), model=self.endpoint.model)


def _event_text(line: str) -> str | None:
    """The text in one server-sent event line: "" for lines without any, None at the end of the stream."""
    if not line.startswith("data:"):
        return ""
    data = line.removeprefix("data:").strip()
    if data == "[DONE]":
        return None
    try:
        event = json.loads(data)
        delta = event["choices"][0].get("delta") or {}
    except (ValueError, KeyError, IndexError, TypeError, AttributeError):
        return ""
    content = delta.get("content") if isinstance(delta, dict) else None
    return content if isinstance(content, str) else ""


def _json_object(text: str) -> object:
    """The JSON object in a reply, also when wrapped in a code fence or a sentence."""
    cleaned = _FENCE.sub("", text.strip())
    try:
        return json.loads(cleaned)
    except ValueError:
        start, end = cleaned.find("{"), cleaned.rfind("}")
        if start < 0 or end <= start:
            raise
        return json.loads(cleaned[start : end + 1])


def _problem(exc: Exception) -> str:
    if isinstance(exc, ValidationError):
        first = exc.errors()[0]
        where = ".".join(str(part) for part in first["loc"]) or "the object"
        return f"{where}: {first['msg']}"
    return "it was not valid JSON"


def ask_json(client: ChatClient, messages: Sequence[Message], schema: type[Model]) -> tuple[Model, ChatReply]:
    """A reply that is a JSON object following `schema`; one repair request when it is not, then AiReplyError."""
    conversation = list(messages)
    reply = client.complete(conversation)
    for repair in (True, False):
        try:
            return schema.model_validate(_json_object(reply.text)), reply
        except (ValueError, ValidationError) as exc:
            if not repair:
                break
            conversation += [
                {"role": "assistant", "content": reply.text[:4000]},
                {
                    "role": "user",
                    "content": f"That reply could not be used ({_problem(exc)}). Answer again with only one JSON "
                    f"object, no other text, following this JSON schema: {json.dumps(schema.model_json_schema())}",
                },
            ]
            reply = client.complete(conversation)
    raise AiReplyError("the model's reply did not follow the expected form, even after one repair request")


def keyring_key(base_url: str, service: str = KEYRING_SERVICE) -> str | None:
    """The key kept in the OS keyring for this endpoint, or None (no keyring means none)."""
    from nextround.integrations.mail import keyring_password

    return keyring_password(base_url, service=service)


def store_key(base_url: str, key: str | None, service: str = KEYRING_SERVICE) -> None:
    """Keep (or, with None, forget) the endpoint's key in the OS keyring; AiError when there is none."""
    from nextround.integrations.mail import keyring_available

    if not keyring_available():
        raise AiError(
            "there is no keyring on this computer (its safe place for passwords and keys) to keep the key in; "
            "whoever starts nextround can give it the key as it starts",
            field="api_key",
        )
    try:
        import keyring

        if key:
            keyring.set_password(service, base_url, key)
        elif keyring.get_password(service, base_url) is not None:
            keyring.delete_password(service, base_url)
    except Exception as exc:
        raise AiError(f"the OS keyring did not keep the key ({type(exc).__name__})", field="api_key") from None
