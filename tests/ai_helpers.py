"""A workspace whose AI coach points at the test chat server and is agreed to, and replies to queue."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from nextround.config import AiConfig
from nextround.services.ai_config import enable_ai
from nextround.services.workspace import Workspace
from tests.chat_server import MODEL_NAME, FakeChat

QUESTION = "Tell me about a time you fixed a slow process."
ANSWER = (
    "At my last job the support queue was slow. I was asked to fix it. I wrote a script to triage tickets, um, "
    "and trained the team. Response time fell by 40 percent."
)


def ai_workspace(ws: Workspace, chat: FakeChat, *, agreed: bool = True, timeout: float = 5.0) -> Workspace:
    config = AiConfig(base_url=chat.base_url, model=MODEL_NAME, timeout=timeout, retries=1, backoff=0.0)
    configured = replace(ws, settings=replace(ws.settings, ai=config))
    if agreed:
        enable_ai(configured)
    return configured


def reply(**data: Any) -> str:
    return json.dumps(data)


def good_critique(**overrides: Any) -> str:
    data: dict[str, Any] = {
        "what_worked": [{"point": "You took ownership of the fix.", "quote": "I wrote a script to triage tickets"}],
        "one_change": "Say how you chose what to automate first.",
        "weakest_sentence": "I was asked to fix it.",
        "rewrite": "My manager asked me to cut the wait, which had grown to [X days].",
        "follow_up_question": "How did the team react to the new triage script?",
    }
    data.update(overrides)
    return reply(**data)


def make_interviewer(
    question: str = "tell me about a time you kept cost control on a busy weekend?",
    follow_up: str = "What would you do differently next time?",
    rewrite: str = "I planned the weekend, cutting waste by [X%].",
    strength: tuple[str, str] = ("Concrete planning.", "I planned the prep list"),
    one_change: str = "Say how you chose what to automate first.",
) -> Callable[[dict[str, Any]], str]:
    """A responder that plays every part of the mock interview, by what each request asks for."""

    def respond(body: dict[str, Any]) -> str:
        system = body["messages"][0]["content"]
        if system.startswith("You are interviewing"):
            asked = body["messages"][-1]["content"].count("- Question ")
            return f"Question {asked + 1}: {question}"
        if system.startswith("You are an interview coach"):
            answer = body["messages"][-1]["content"].split("Answer:\n", 1)[1].split("\n\nMeasurements:", 1)[0]
            first = answer.split(".")[0]
            return good_critique(
                what_worked=[{"point": "A clear opening.", "quote": first}],
                weakest_sentence=first + ".",
                rewrite=rewrite,
                follow_up_question=follow_up,
                one_change=one_change,
            )
        if system.startswith("You interviewed a candidate"):
            return reply(
                strengths=[{"point": strength[0], "quote": strength[1]}],
                work_on=[{"point": "Numbers.", "quote": "a quote nobody said"}],
                summary="Good structure; bring numbers.",
            )
        return "ready"

    return respond


interviewer = make_interviewer()
