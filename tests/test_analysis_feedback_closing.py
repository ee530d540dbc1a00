"""Clauses that only close a message carry no theme (session 10).

Thanks for the process, an invitation to apply again or to watch the vacancies page, the application's status, a
no-reply footer and a signature block say nothing about the candidate. Before session 10 the classifier sometimes read
them as reasons ("We encourage you to visit our careers site ..." as preparation or culture_fit, "Your application
stays open ..." as logistics), which gave a plain rejection a theme it never had. Every sentence here was written for
this file.
"""

from __future__ import annotations

import pytest

import nextround.analysis.feedback as feedback
from nextround.analysis.feedback import analyze_feedback
from nextround.analysis.feedback.lexicon import closes_message


@pytest.mark.parametrize(
    "clause",
    [
        "Thank you for your interest in the Warehouse Operative vacancy (ref WH-0912).",
        "thanks so much for popping in on Wednesday",
        "We would encourage you to browse our vacancies page, where new roles that suit your skills go up weekly.",
        "Do keep an eye on our Facebook page for the spring openings!",
        "You are very welcome to reapply in the next recruitment round.",
        "We'll hold your details on file for twelve months.",
        "Let's stay in touch.",
        "Your application will remain on our talent pool for the rest of the year.",
        "You won't need to reapply if a similar post comes up.",
        "Please note this inbox is not monitored.",
        "Please do not reply to this email.",
        "This message was sent from a no-reply address.",
        "Replies to this inbox are not monitored.",
        "This is an automated message.",
        "Didn't want to leave you hanging.",
        "That's all they would share, I'm afraid.",
        "that's all she'd say",
    ],
)
def test_thanks_invitations_and_footers_close_a_message(clause: str) -> None:
    assert closes_message(clause, last=False)


@pytest.mark.parametrize(
    "clause",
    [
        # A reason or praise inside the thanks, or an invitation that names what to gain first.
        "Thanks for your answers on the safety questions, which were too brief.",
        "Thank you for your energy on the shop floor.",
        "We encourage you to apply again once you have a season of lambing behind you.",
        "We'd encourage you to get some supervisory experience and apply again.",
        "Thanks for coming in, but the rota needs someone on Sundays.",
        "You were lovely with the residents.",
    ],
)
def test_a_thanks_or_invitation_that_carries_a_point_is_not_a_closing(clause: str) -> None:
    assert not closes_message(clause, last=False)


@pytest.mark.parametrize(
    ("clause", "last", "expected"),
    [
        ("Priya, Northgate Lettings", True, True),
        ("People Team, Harlow Community Trust", True, True),
        ("Gav @ Summit Staffing", True, True),
        ("Priya, Northgate Lettings", False, False),  # a signature ends the message
        ("No HGV licence.", True, False),
        ("Needs CSCS card", True, False),
        ("Too slow on the pass", True, False),
    ],
)
def test_a_signature_block_is_the_last_clause_with_names_only(clause: str, last: bool, expected: bool) -> None:
    assert closes_message(clause, last=last) is expected


@pytest.mark.parametrize(
    "text",
    [
        "Dear applicant,\nThank you for applying for the Stores Assistant post. After careful consideration we have "
        "decided not to take your application further. We would encourage you to visit our careers site for future "
        "vacancies that fit your skills and experience.\nResourcing Team, Calder Valley Foods",
        "Hi Marcin, sorry, we've gone with someone else for the van round. Your application stays open and you don't "
        "need to reapply for the next one.\nDenise, Harbour Laundry",
        "Your application for Relief Cook was unsuccessful on this occasion. This mailbox is not monitored. Please do "
        "not reply to this message.",
    ],
)
def test_a_plain_rejection_with_closing_lines_stays_generic(text: str) -> None:
    analysis = analyze_feedback(text)
    assert analysis.theme_names == ("generic",)
    assert not analysis.actionable
    assert not analysis.strengths


def test_closing_clauses_are_read_as_neutral_beside_a_real_reason() -> None:
    text = (
        "Hi Tomasz, thanks for the trial shift on Saturday. The kitchen needs someone who can run the grill alone "
        "on a busy night, and you haven't done a full service on one yet. Keep an eye on our jobs page for "
        "the summer openings.\nRuth, The Anchor"
    )
    analysis = analyze_feedback(text)
    closing = [c for c in analysis.clauses if "jobs page" in c.text or c.text.strip().startswith("Ruth")]
    assert closing and all(c.polarity == "neutral" and not c.themes for c in closing)
    assert "experience" in analysis.theme_names


def test_the_second_look_never_takes_a_closing_clause_for_a_reason(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(feedback, "SECOND_LOOK", 0.0)  # look again in every text that has no other reason
    for text in (
        "The Groundskeeper post has been filled. Do keep an eye on our vacancies page for the spring roles.",
        "We will not be taking your application further. Please note this inbox is not monitored.",
    ):
        assert analyze_feedback(text).theme_names == ("generic",)
