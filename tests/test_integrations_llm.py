"""The chat-completions client against a real local server: plain and streamed replies, retries, refusals,
timeouts, and JSON replies validated with one repair request."""

from __future__ import annotations

import pytest
from pydantic import BaseModel

from nextround.integrations.llm import AiError, AiReplyError, ChatClient, Endpoint, ask_json, check_base_url, is_local
from tests.chat_server import MODEL_NAME, FakeChat, Step


def client(chat: FakeChat, sleeps: list[float] | None = None, **options: float) -> ChatClient:
    endpoint = Endpoint(base_url=chat.base_url, model=MODEL_NAME, api_key="sk-secret-123", **options)  # type: ignore[arg-type]
    return ChatClient(endpoint, sleep=(sleeps.append if sleeps is not None else lambda _s: None))


HELLO = [{"role": "user", "content": "Say hello"}]


def test_plain_reply_sends_model_messages_and_key(chat: FakeChat) -> None:
    chat.queue("Hello there")
    reply = client(chat).complete(HELLO)
    assert (reply.text, reply.model) == ("Hello there", MODEL_NAME)
    body = chat.requests[0]
    assert body["model"] == MODEL_NAME and body["messages"] == HELLO and body["stream"] is False
    assert chat.authorization == ["Bearer sk-secret-123"]


def test_streamed_reply_arrives_in_pieces(chat: FakeChat) -> None:
    chat.queue("one two three four")
    pieces = list(client(chat).stream(HELLO))
    assert len(pieces) == 4 and "".join(pieces) == "one two three four"
    assert chat.requests[0]["stream"] is True
    seen: list[str] = []
    chat.queue("five six")
    assert client(chat).stream_text(HELLO, seen.append).text == "five six"
    assert seen == ["five ", "six"]


def test_429_and_5xx_are_retried_with_growing_backoff(chat: FakeChat) -> None:
    chat.queue(Step(status=503), Step(status=429), "finally")
    sleeps: list[float] = []
    assert client(chat, sleeps, retries=2, backoff=0.5).complete(HELLO).text == "finally"
    assert sleeps == [0.5, 1.0] and len(chat.requests) == 3


def test_retry_after_is_honoured(chat: FakeChat) -> None:
    chat.queue(Step(status=429, retry_after="3"), "ok")
    sleeps: list[float] = []
    client(chat, sleeps, retries=1, backoff=0.5).complete(HELLO)
    assert sleeps == [3.0]


def test_failing_server_is_one_line_after_the_retries(chat: FakeChat) -> None:
    chat.queue(Step(status=500), Step(status=502), Step(status=500))
    with pytest.raises(AiError) as caught:
        client(chat, retries=2).complete(HELLO)
    assert str(caught.value) == f"the AI endpoint {chat.base_url} failed (HTTP 500), 3 tries"
    chat.queue(Step(status=500), Step(status=500))
    with pytest.raises(AiError, match="failed"):  # the stream is retried the same way before its first piece
        list(client(chat, retries=1).stream(HELLO))


def test_refusals_are_not_retried_and_never_show_the_key(chat: FakeChat) -> None:
    chat.queue(Step(status=401, raw=b'{"error": {"message": "bad key sk-secret-123"}}'))
    with pytest.raises(AiError) as caught:
        client(chat).complete(HELLO)
    assert "refused the key (HTTP 401)" in str(caught.value)
    assert "sk-secret-123" not in str(caught.value) and len(chat.requests) == 1
    chat.queue(Step(status=404, raw=b'{"error": "model not found"}'))
    with pytest.raises(AiError, match="no such model or path"):
        client(chat).complete(HELLO)


def test_slow_server_times_out_then_reports(chat: FakeChat) -> None:
    chat.queue(Step(content="late", delay=1.0), Step(content="late", delay=1.0))
    with pytest.raises(AiError, match=r"did not answer within 0.3 s, 2 tries"):
        client(chat, timeout=0.3, retries=1).complete(HELLO)


def test_a_reply_that_is_not_chat_completions_is_one_line(chat: FakeChat) -> None:
    chat.queue(Step(raw=b"<html>proxy login</html>"))
    with pytest.raises(AiError, match="did not answer like chat completions"):
        client(chat).complete(HELLO)


def test_unreachable_endpoint() -> None:
    endpoint = Endpoint(base_url="http://127.0.0.1:9/v1", model="m", retries=1, backoff=0)
    with pytest.raises(AiError) as raised:
        ChatClient(endpoint).complete(HELLO)
    # Said in words a person acts on (it is shown on the practice page), not the HTTP library's class name.
    assert str(raised.value) == (
        "the AI endpoint http://127.0.0.1:9/v1 could not be reached (nothing answers at that address: "
        "is the model's server running?), 2 tries"
    )


class Verdict(BaseModel):
    verdict: str
    score: int


def test_json_reply_in_a_code_fence_is_read(chat: FakeChat) -> None:
    chat.queue('Sure!\n```json\n{"verdict": "good", "score": 4}\n```')
    parsed, _reply = ask_json(client(chat), HELLO, Verdict)
    assert parsed == Verdict(verdict="good", score=4)


def test_malformed_json_gets_one_repair_request(chat: FakeChat) -> None:
    chat.queue('{"verdict": "good", "score": ', '{"verdict": "good", "score": 3}')
    parsed, _reply = ask_json(client(chat), HELLO, Verdict)
    assert parsed.score == 3 and len(chat.requests) == 2
    repair = chat.requests[1]["messages"]
    assert repair[-2]["role"] == "assistant" and "JSON schema" in repair[-1]["content"]


def test_wrong_shape_twice_gives_up(chat: FakeChat) -> None:
    chat.queue('{"verdict": "good"}', '{"score": "many"}')
    with pytest.raises(AiReplyError, match="even after one repair request"):
        ask_json(client(chat), HELLO, Verdict)
    assert "score: Field required" in chat.requests[1]["messages"][-1]["content"]


def test_base_urls() -> None:
    assert check_base_url(" http://localhost:11434/v1/ ") == "http://localhost:11434/v1"
    with pytest.raises(AiError, match="http:// or https://"):
        check_base_url("localhost:11434")
    assert is_local("http://127.0.0.1:8080/v1") and is_local("http://localhost/v1")
    assert not is_local("https://api.example.com/v1")
