"""Demo history for practice and the journal: two past sessions (a weak answer, then a stronger retry of the
same question, so the comparison and the score chart show progress), a win, and a reframe after a rejection.

Everything goes through the services, with the workspace's clock moved back to when it "happened".
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta

from nextround.domain.stages import Outcome
from nextround.services import keepgoing
from nextround.services import practice as service
from nextround.services.applications import ApplicationService
from nextround.services.workspace import Workspace

QUESTION_ID_CATEGORY = "behavioural"

WEAK_ANSWER = (
    "Um, so there was this time when, like, our team had a lot of customer complaints. I think we basically "
    "talked about it a lot and kind of tried some things. It sort of got better in the end, I guess."
)
STRONG_ANSWER = (
    "At my last job the support team was getting forty complaints a week about late refunds. My task was to "
    "find out why and fix it within a quarter. I traced every refund for a month, found that two approval "
    "steps added four days, and I proposed a single approval for refunds under 50 euros. I wrote the new "
    "guide and trained the six agents myself. As a result refund complaints fell by 70% in eight weeks, and "
    "the change became the standard for the whole region."
)
SECOND_ANSWER = (
    "I want this role because it combines the two things I do best: talking to customers and fixing the "
    "process behind their problems. In my last job I reduced refund complaints by 70%, and your team is "
    "building exactly that kind of support operation."
)
WIN_TEXT = "Finished two practice sessions this week and my retry of the complaints story scored much higher."
REFRAME = {
    "learned": "My stories were too vague about what I did myself; the retry with numbers landed better.",
    "in_control": "Prepare three stories with a clear result and a number before the next interview.",
    "next": "Practise the stories on Thursday and apply to two support roles by Friday.",
}


def _at(ws: Workspace, moment: datetime) -> Workspace:
    return replace(ws, clock=lambda: moment)


def fill(ws: Workspace) -> None:
    """Add the practice and journal demo history to `ws` (meant for the throwaway demo database)."""
    now = ws.now()
    bank = service.list_questions(ws, category=QUESTION_ID_CATEGORY)
    story = bank[0]
    motivation = service.list_questions(ws, category="motivation")[0]

    first = _at(ws, now - timedelta(days=9))
    session_one = service.start_session(first, [])
    service.record_answer(first, session_one, story, WEAK_ANSWER, 75)
    service.finish_session(first, session_one)

    second = _at(ws, now - timedelta(days=2))
    session_two = service.start_session(second, [])
    service.record_answer(second, session_two, story, STRONG_ANSWER, 110)
    service.record_answer(second, session_two, motivation, SECOND_ANSWER, 50)
    service.finish_session(second, session_two)

    keepgoing.add_journal(_at(ws, now - timedelta(days=8)), "A hard week, but I practised anyway.", mood=2)
    keepgoing.add_journal(_at(ws, now - timedelta(days=2)), WIN_TEXT, mood=4, kind="win")
    rejected = ApplicationService(ws).summaries(outcome=Outcome.REJECTED)
    if rejected:
        latest = max(rejected, key=lambda row: (row.closed_on or "", row.id))
        keepgoing.save_reframe(_at(ws, now - timedelta(days=1)), latest.id, REFRAME, mood=3)
