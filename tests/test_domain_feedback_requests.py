"""The pure rules of feedback requests: which kind fits, the status machine, the one chase, the reply rate."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from nextround.domain.feedback_requests import (
    FeedbackRequest,
    FeedbackRequestError,
    RequestKind,
    RequestStatus,
    Tone,
    addressee_name,
    chase_due,
    check_chase,
    check_chase_days,
    check_feedback_text,
    check_transition,
    feedback_response_rate,
    human_date,
    join_names,
    meeting_phrase,
    parse_names,
    parse_source,
    parse_status,
    parse_tone,
    request_kind,
    request_questions,
)
from nextround.domain.stages import ApplicationState, Outcome, Stage, StageEvent, derive_state
from nextround.errors import UserError

T0 = datetime(2024, 11, 1, 9, 0, tzinfo=UTC)


def state_after(*steps: str) -> ApplicationState:
    events: list[StageEvent] = []
    previous: str | None = "saved"
    for i, step in enumerate(steps):
        events.append(StageEvent(previous, step, T0 + timedelta(days=i)))
        previous = step
    return derive_state(events)


@pytest.mark.parametrize(
    ("steps", "kind"),
    [
        (("applied", "rejected"), RequestKind.APPLICATION),
        (("applied", "ghosted"), RequestKind.APPLICATION),
        (("applied", "screening", "rejected"), RequestKind.INTERVIEW),
        (("applied", "assessment", "rejected"), RequestKind.INTERVIEW),
        (("applied", "screening", "interview", "ghosted"), RequestKind.INTERVIEW),
        (("applied", "interview", "final", "rejected"), RequestKind.FINAL),
        (("applied", "interview", "final", "offer", "rejected"), RequestKind.FINAL),
        (("applied", "interview"), RequestKind.INTERVIEW),
    ],
)
def test_request_kind_follows_where_the_application_ended(steps: tuple[str, ...], kind: RequestKind) -> None:
    state = state_after(*steps)
    assert request_kind(state) is kind


def test_request_kind_uses_the_closing_stage_not_a_later_reopening() -> None:
    state = state_after("applied", "interview", "rejected")
    assert state.outcome is Outcome.REJECTED
    assert state.closed_at_stage is Stage.INTERVIEW
    assert request_kind(state) is RequestKind.INTERVIEW


@pytest.mark.parametrize(
    ("current", "target"),
    [
        ("drafted", "sent"),
        ("sent", "replied"),
        ("sent", "declined"),
        ("sent", "no_reply"),
        ("no_reply", "replied"),
        ("no_reply", "declined"),
    ],
)
def test_legal_moves(current: str, target: str) -> None:
    check_transition(RequestStatus(current), RequestStatus(target))


@pytest.mark.parametrize(
    ("current", "target", "message"),
    [
        ("drafted", "replied", "can only become: sent"),
        ("drafted", "no_reply", "can only become: sent"),
        ("sent", "drafted", "cannot become drafted"),
        ("sent", "sent", "already marked sent"),
        ("replied", "no_reply", "settled"),
        ("declined", "replied", "settled"),
        ("no_reply", "sent", "cannot become sent"),
    ],
)
def test_illegal_moves_raise_a_user_error(current: str, target: str, message: str) -> None:
    with pytest.raises(FeedbackRequestError, match=message) as caught:
        check_transition(RequestStatus(current), RequestStatus(target))
    assert isinstance(caught.value, UserError)


def test_one_chase_after_seven_days_and_never_a_second() -> None:
    sent = RequestStatus.SENT
    assert not chase_due(sent, T0, None, T0 + timedelta(days=6, hours=23))
    assert chase_due(sent, T0, None, T0 + timedelta(days=7))
    assert chase_due(sent, T0, None, T0 + timedelta(days=30))
    chased = T0 + timedelta(days=8)
    assert not chase_due(sent, T0, chased, T0 + timedelta(days=30))
    with pytest.raises(FeedbackRequestError, match="already chased"):
        check_chase(sent, chased)


@pytest.mark.parametrize("status", ["drafted", "replied", "declined", "no_reply"])
def test_only_sent_requests_are_chased(status: str) -> None:
    assert not chase_due(RequestStatus(status), T0, None, T0 + timedelta(days=40))
    with pytest.raises(FeedbackRequestError, match="only a sent request"):
        check_chase(RequestStatus(status), None)


def test_chase_delay_is_configurable_and_bounded() -> None:
    assert chase_due(RequestStatus.SENT, T0, None, T0 + timedelta(days=3), chase_after_days=3)
    assert not chase_due(RequestStatus.SENT, T0, None, T0 + timedelta(days=10), chase_after_days=14)
    assert check_chase_days(14) == 14
    for bad in (0, -1, 366):
        with pytest.raises(FeedbackRequestError):
            check_chase_days(bad)


def make_request(status: RequestStatus, **overrides: object) -> FeedbackRequest:
    values: dict[str, object] = {
        "id": 1, "application_id": 1, "contact_id": None, "to_email": "", "tone": Tone.WARM, "subject": "s",
        "body": "b", "status": status, "channel": "", "message_id": "", "drafted_at": T0,
    }  # fmt: skip
    values.update(overrides)
    return FeedbackRequest(**values)


def test_request_chase_due_at() -> None:
    sent = make_request(RequestStatus.SENT, sent_at=T0)
    assert sent.chase_due_at() == T0 + timedelta(days=7)
    assert sent.chase_due_at(10) == T0 + timedelta(days=10)
    assert make_request(RequestStatus.SENT, sent_at=T0, chased_at=T0).chase_due_at() is None
    assert make_request(RequestStatus.DRAFTED).chase_due_at() is None


def test_response_rate_is_replied_over_sent_and_ignores_drafts() -> None:
    statuses = ["drafted", "drafted", "sent", "replied", "replied", "declined", "no_reply"]
    rate = feedback_response_rate(statuses)
    assert (rate.sent, rate.replied, rate.declined, rate.no_reply, rate.waiting) == (5, 2, 1, 1, 1)
    assert rate.rate == 0.4
    assert rate.small_sample is False


def test_response_rate_small_sample_and_empty() -> None:
    small = feedback_response_rate([make_request(RequestStatus.REPLIED), make_request(RequestStatus.SENT)])
    assert small.rate == 0.5
    assert small.small_sample is True
    empty = feedback_response_rate([])
    assert empty.rate is None
    assert empty.small_sample is True


def test_names() -> None:
    assert join_names([]) == ""
    assert join_names(["Priya"]) == "Priya"
    assert join_names(["Priya", "Tom"]) == "Priya and Tom"
    assert join_names(["Priya", " Tom ", "Sam"]) == "Priya, Tom and Sam"
    assert parse_names(" Priya Shah,  tom ; Priya shah, ,Tom") == ("Priya Shah", "tom")
    with pytest.raises(FeedbackRequestError):
        parse_names("x" * 301)


def test_meeting_phrase() -> None:
    assert meeting_phrase(Stage.INTERVIEW, ["technical"]) == "technical interview"
    assert meeting_phrase(Stage.INTERVIEW, ["phone call"]) == "phone call"
    assert meeting_phrase(Stage.INTERVIEW, ["", ""]) == "interviews"
    assert meeting_phrase(Stage.FINAL, [""]) == "final interview"
    assert meeting_phrase(Stage.SCREENING, []) == "screening call"
    assert meeting_phrase(Stage.ASSESSMENT, []) == "assessment"
    assert meeting_phrase(Stage.INTERVIEW, []) == "interview"


def test_questions_are_specific_to_the_kind() -> None:
    first, second = request_questions(RequestKind.INTERVIEW, "technical interview", "Baker")
    assert "technical interview" in first
    assert "Baker" in second
    assert "final stage" in request_questions(RequestKind.FINAL, "final interview", "Baker")[0]
    assert "application" in request_questions(RequestKind.APPLICATION, "interview", "Baker")[0]


def test_parsers_name_the_choices() -> None:
    assert parse_tone(" Brief ") is Tone.BRIEF
    assert parse_status("no-reply") is RequestStatus.NO_REPLY
    assert parse_source("MOCK").value == "mock"
    with pytest.raises(FeedbackRequestError, match="warm, brief, formal"):
        parse_tone("chatty")
    with pytest.raises(FeedbackRequestError, match="drafted, sent"):
        parse_status("lost")


def test_feedback_text_is_kept_verbatim_within_limits() -> None:
    text = "  Strong SQL;\n weak on stakeholder stories.  \n"
    assert check_feedback_text(text) == text
    with pytest.raises(FeedbackRequestError, match="empty"):
        check_feedback_text(" \n\t")
    with pytest.raises(FeedbackRequestError, match="longer"):
        check_feedback_text("x" * 100_001)


def test_human_date() -> None:
    assert human_date(date(2024, 11, 5)) == "5 November"
    assert human_date(datetime(2024, 3, 12, 14, 0, tzinfo=UTC)) == "12 March"


@pytest.mark.parametrize(
    ("address", "name"),
    [
        ("Priya Shah <priya@crumb.example>", "Priya Shah"),
        ('"Shah, Priya" <priya@crumb.example>', "Shah, Priya"),
        ("  Dana   Reyes <dana@x.example>", "Dana Reyes"),
        ("priya@crumb.example", ""),
        ("", ""),
        ("Careers at Marlow <careers@marlow.example>", ""),
        ("HR Team <hr@x.example>", ""),
        ("no-reply <noreply@x.example>", ""),
        ("priya@crumb.example <priya@crumb.example>", ""),
        ("A B C D E <x@y.example>", ""),
        ("a@x.example, b@y.example", ""),
    ],
)
def test_the_person_an_address_names(address: str, name: str) -> None:
    assert addressee_name(address) == name
