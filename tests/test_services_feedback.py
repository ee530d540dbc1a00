"""Feedback use cases on SQLite and PostgreSQL: draft, send (real SMTP), chase once, record, stats, interviews."""

from __future__ import annotations

import email
from collections.abc import Iterator
from datetime import timedelta
from email.policy import default as default_policy
from pathlib import Path

import pytest

from nextround.domain.feedback_requests import FeedbackRequestError, RequestStatus
from nextround.domain.stages import Outcome, Stage
from nextround.integrations.mail import MailError, SmtpSettings
from nextround.serialize import json_object
from nextround.services import feedback, overview
from nextround.services.applications import ApplicationService
from nextround.services.workspace import Workspace
from nextround.storage.reads import NotFoundError
from tests.conftest import FakeClock, other_owner
from tests.factories import make_application
from tests.feedback_helpers import SmtpServer, add_contact, free_port, smtp_server

FEEDBACK = (
    "Thank you for your time.  We felt your SQL was not strong enough,\nbut your communication was excellent. ✓\n"
)


@pytest.fixture
def server() -> Iterator[SmtpServer]:
    with smtp_server() as running:
        yield running


def smtp(server: SmtpServer) -> SmtpSettings:
    return SmtpSettings.from_env(server.env(), password_lookup=lambda _u: None)


def rejected_after_interview(ws: Workspace, clock: FakeClock, *, interviewers: str = "Priya, Tom") -> int:
    app = make_application(ws, company="Crumb & Co", role="Baker", applied_at=clock() - timedelta(days=20))
    service = ApplicationService(ws)
    service.move(app.id, Stage.INTERVIEW, at=clock() - timedelta(days=6))
    feedback.add_interview(
        ws, app.id, clock() - timedelta(days=6), round=1, kind="technical", interviewers=interviewers
    )
    service.close(app.id, Outcome.REJECTED)
    return app.id


# -- drafting ---------------------------------------------------------------------------------------


def test_after_an_ignored_cv_the_request_asks_briefly(workspace: Workspace, clock: FakeClock) -> None:
    app = make_application(workspace, company="Globex", role="Analyst", applied_at=clock() - timedelta(days=40))
    ApplicationService(workspace).confirm_ghosted(app.id)
    request, message = feedback.draft_request(workspace, app.id)
    assert request.status is RequestStatus.DRAFTED
    assert (request.subject, request.body) == (message.subject, message.body)
    assert "Analyst" in message.subject
    assert "Globex" in message.body
    assert "stronger" in message.body
    assert "heard back" in message.body  # ghosted, not told: it does not pretend they wrote
    assert "interview" not in message.body.lower()
    assert "future openings" not in message.body


def test_after_an_interview_it_thanks_the_interviewers_by_name(workspace: Workspace, clock: FakeClock) -> None:
    app_id = rejected_after_interview(workspace, clock)
    _, message = feedback.draft_request(workspace, app_id)
    assert "Thank you, Priya and Tom," in message.body
    day = clock() - timedelta(days=6)
    assert f"{day.day} {day:%B}" in message.body
    assert "technical interview" in message.body
    assert message.body.count("\n- ") == 2  # one or two specific questions
    assert "future openings" not in message.body
    assert "{{" not in message.body and "{%" not in message.body


def test_without_names_it_thanks_the_team(workspace: Workspace, clock: FakeClock) -> None:
    app = make_application(workspace, stage=Stage.SCREENING)
    ApplicationService(workspace).close(app.id, Outcome.REJECTED)
    _, message = feedback.draft_request(workspace, app.id)
    assert "the team" in message.body
    assert "screening call" in message.body
    assert ", ," not in message.body and "  " not in message.body


def test_after_a_final_round_it_asks_to_be_considered_again(workspace: Workspace, clock: FakeClock) -> None:
    app = make_application(workspace, stage=Stage.FINAL, company="Initech")
    ApplicationService(workspace).close(app.id, Outcome.REJECTED)
    for tone in ("warm", "brief", "formal"):
        _, message = feedback.draft_request(workspace, app.id, tone=tone)
        assert "future openings at Initech" in message.body, tone


def test_tones_differ_and_brief_asks_one_question(workspace: Workspace, clock: FakeClock) -> None:
    app_id = rejected_after_interview(workspace, clock)
    bodies = {
        tone: feedback.draft_request(workspace, app_id, tone=tone)[1].body for tone in ("warm", "brief", "formal")
    }
    assert len(set(bodies.values())) == 3
    assert bodies["formal"].startswith("Dear ")
    assert "Kind regards" in bodies["formal"]
    assert bodies["brief"].count("?") == 1
    assert len(bodies["brief"]) < len(bodies["warm"])
    with pytest.raises(FeedbackRequestError, match="tone"):
        feedback.draft_request(workspace, app_id, tone="chatty")


def test_redrafting_replaces_the_unsent_draft(workspace: Workspace, clock: FakeClock) -> None:
    app_id = rejected_after_interview(workspace, clock)
    first, _ = feedback.draft_request(workspace, app_id)
    second, _ = feedback.draft_request(workspace, app_id, tone="brief")
    assert first.id == second.id
    assert [r.tone.value for r in feedback.list_requests(workspace, app_id)] == ["brief"]


def test_the_contact_is_addressed_and_thanks_are_passed_on(workspace: Workspace, clock: FakeClock) -> None:
    app_id = rejected_after_interview(workspace, clock)
    contact_id = add_contact(workspace, name="Sam", email_address="sam@crumb.example", app_id=app_id, role="recruiter")
    request, message = feedback.draft_request(workspace, app_id)
    assert request.contact_id == contact_id
    assert request.to_email == "sam@crumb.example"
    assert message.body.startswith("Hi Sam,")
    assert "pass my thanks on to Priya and Tom" in message.body
    with pytest.raises(NotFoundError):
        feedback.draft_request(workspace, app_id, contact_id=9999)


def test_a_name_given_with_the_address_is_used_for_the_greeting(workspace: Workspace, clock: FakeClock) -> None:
    app_id = rejected_after_interview(workspace, clock)
    for tone in ("warm", "brief"):
        request, message = feedback.draft_request(workspace, app_id, tone=tone, to="Dana Reyes <dana@crumb.example>")
        assert message.body.startswith("Hi Dana Reyes,"), message.body[:40]
        assert request.to_email == "Dana Reyes <dana@crumb.example>"
    # Dana is not one of the interviewers, so they are thanked through her, not spoken to
    assert (
        "pass my thanks on to Priya and Tom"
        in feedback.draft_request(workspace, app_id, to="Dana Reyes <dana@crumb.example>")[1].body
    )
    formal = feedback.draft_request(workspace, app_id, tone="formal", to="Dana Reyes <dana@crumb.example>")[1]
    assert formal.body.startswith("Dear Dana Reyes,")
    # a team's mailbox names nobody: the greeting stays plain
    ghosted = make_application(workspace, company="Marlow", role="Analyst", applied_at=clock() - timedelta(days=40))
    ApplicationService(workspace).confirm_ghosted(ghosted.id)
    _, plain = feedback.draft_request(workspace, ghosted.id, to="Careers at Marlow <careers@marlow.example>")
    assert plain.body.startswith("Hello,"), plain.body[:40]


def test_the_person_typed_in_to_is_greeted_not_another_linked_contact(workspace: Workspace, clock: FakeClock) -> None:
    app_id = rejected_after_interview(workspace, clock)
    add_contact(workspace, name="Sam", email_address="sam@crumb.example", app_id=app_id, role="recruiter")
    dana = add_contact(workspace, name="Dana Reyes", email_address="dana@crumb.example")
    request, message = feedback.draft_request(workspace, app_id, to="DANA@crumb.example")
    assert (request.contact_id, message.body.split("\n")[0]) == (dana, "Hi Dana Reyes,")
    # without an address the recruiter linked to the application is still the one asked
    assert feedback.draft_request(workspace, app_id)[1].body.startswith("Hi Sam,")


def test_the_reminder_greets_by_name_when_the_name_is_known(workspace: Workspace, clock: FakeClock) -> None:
    app_id = rejected_after_interview(workspace, clock)
    named, _ = feedback.draft_request(workspace, app_id, to="Dana Reyes <dana@crumb.example>")
    feedback.mark(workspace, named.id, "sent")
    clock.advance(days=8)
    assert feedback.chase_request(workspace, named.id).message.body.startswith("Hi Dana Reyes,")
    # drafted to a bare address; the person was added to the contacts afterwards
    other = make_application(workspace, company="Globex", role="Analyst", applied_at=clock() - timedelta(days=40))
    ApplicationService(workspace).close(other.id, Outcome.REJECTED)
    bare, message = feedback.draft_request(workspace, other.id, to="lee@globex.example")
    assert message.body.startswith("Hello,")
    add_contact(workspace, name="Lee Park", email_address="Lee@Globex.example")
    feedback.mark(workspace, bare.id, "sent")
    clock.advance(days=8)
    assert feedback.chase_request(workspace, bare.id).message.body.startswith("Hi Lee Park,")


def test_sender_name_signs_the_message(workspace: Workspace, clock: FakeClock) -> None:
    app_id = rejected_after_interview(workspace, clock)
    _, message = feedback.draft_request(workspace, app_id, sender_name="Alex Doe")
    assert message.body.rstrip().endswith("Alex Doe")


def test_the_users_own_template_wins(workspace: Workspace, clock: FakeClock) -> None:
    app_id = rejected_after_interview(workspace, clock)
    folder = workspace.settings.home / "templates" / "messages"
    folder.mkdir(parents=True)
    (folder / "feedback_request_interview.txt.j2").write_text(
        "Subject: My words, {{ company }}\n\nDear {{ interviewers_text or 'all' }}, {{ question_one }}\n",
        encoding="utf-8",
    )
    _, message = feedback.draft_request(workspace, app_id)
    assert message.subject == "My words, Crumb & Co"
    assert message.body.startswith("Dear Priya and Tom, Was there a point")


def test_future_interviews_are_not_thanked_for(workspace: Workspace, clock: FakeClock) -> None:
    app = make_application(workspace, stage=Stage.INTERVIEW)
    feedback.add_interview(workspace, app.id, clock() + timedelta(days=3), interviewers=["Future Person"])
    _, message = feedback.draft_request(workspace, app.id)
    assert "Future Person" not in message.body


# -- sending ----------------------------------------------------------------------------------------


def test_send_over_real_smtp_marks_it_sent(workspace: Workspace, clock: FakeClock, server: SmtpServer) -> None:
    app_id = rejected_after_interview(workspace, clock)
    drafted, message = feedback.draft_request(workspace, app_id)
    sent = feedback.send_request(workspace, app_id, "priya@crumb.example", smtp(server))
    assert sent.id == drafted.id
    assert sent.status is RequestStatus.SENT
    assert sent.sent_at == clock()
    assert sent.channel == "smtp"
    assert sent.to_email == "priya@crumb.example"
    assert len(server.received) == 1
    got = server.received[0]
    assert got.rcpt_tos == ["priya@crumb.example"]
    assert got.message["Subject"] == message.subject
    assert got.message["Message-ID"] == sent.message_id
    assert got.body == message.body
    with pytest.raises(FeedbackRequestError, match="already sent"):
        feedback.send_request(workspace, app_id, "priya@crumb.example", smtp(server))
    assert len(server.received) == 1


def test_send_without_a_draft_drafts_first(workspace: Workspace, clock: FakeClock, server: SmtpServer) -> None:
    app_id = rejected_after_interview(workspace, clock)
    sent = feedback.send_request(workspace, app_id, "tom@crumb.example", smtp(server), tone="formal")
    assert sent.status is RequestStatus.SENT
    assert sent.tone.value == "formal"
    assert server.received[0].body.startswith("Dear Priya and Tom,")


def test_a_down_server_leaves_the_request_drafted(workspace: Workspace, clock: FakeClock) -> None:
    app_id = rejected_after_interview(workspace, clock)
    down = SmtpSettings(host="127.0.0.1", port=free_port(), from_addr="alex@example.org", starttls=False)
    with pytest.raises(MailError) as caught:
        feedback.send_request(workspace, app_id, "priya@crumb.example", down)
    assert "\n" not in str(caught.value)
    [request] = feedback.list_requests(workspace, app_id)
    assert request.status is RequestStatus.DRAFTED
    assert request.sent_at is None


def test_send_needs_smtp_and_a_recipient(workspace: Workspace, clock: FakeClock, server: SmtpServer) -> None:
    app_id = rejected_after_interview(workspace, clock)
    with pytest.raises(MailError, match="message file or a mailto link"):
        feedback.send_request(workspace, app_id, "a@b.org", SmtpSettings())
    with pytest.raises(MailError, match="no recipient known") as no_recipient:
        feedback.send_request(workspace, app_id, None, smtp(server))
    assert no_recipient.value.field == "to"
    with pytest.raises(MailError, match="not an e-mail address"):
        feedback.send_request(workspace, app_id, "nobody", smtp(server))
    own = smtp(server).from_addr
    with pytest.raises(MailError, match="your own address"):
        feedback.send_request(workspace, app_id, own.upper(), smtp(server))
    assert server.received == []


def test_export_eml_and_mailto_keep_it_drafted(workspace: Workspace, clock: FakeClock, tmp_path: Path) -> None:
    app_id = rejected_after_interview(workspace, clock)
    request, path = feedback.export_eml(workspace, app_id, tmp_path / "ask.eml", to="priya@crumb.example")
    parsed = email.message_from_bytes(path.read_bytes(), policy=default_policy)
    assert parsed["To"] == "priya@crumb.example"
    assert parsed["Subject"] == request.subject
    assert request.status is RequestStatus.DRAFTED
    assert request.channel == "eml"
    again, link = feedback.mailto(workspace, app_id, "priya@crumb.example")
    assert again.id == request.id
    assert link.startswith("mailto:priya@crumb.example?subject=")
    assert again.status is RequestStatus.DRAFTED


# -- status and chases ------------------------------------------------------------------------------


def test_mark_follows_the_status_machine(workspace: Workspace, clock: FakeClock) -> None:
    app_id = rejected_after_interview(workspace, clock)
    request, _ = feedback.draft_request(workspace, app_id)
    with pytest.raises(FeedbackRequestError):
        feedback.mark(workspace, request.id, "replied")
    sent = feedback.mark(workspace, request.id, "sent")
    assert sent.sent_at == clock()
    clock.advance(days=2)
    declined = feedback.mark(workspace, request.id, "declined")
    assert declined.status is RequestStatus.DECLINED
    assert declined.resolved_at == clock()
    with pytest.raises(FeedbackRequestError, match="settled"):
        feedback.mark(workspace, request.id, "replied")
    with pytest.raises(NotFoundError):
        feedback.mark(workspace, 999, "sent")


def test_one_chase_after_seven_days_then_never_again(workspace: Workspace, clock: FakeClock) -> None:
    app_id = rejected_after_interview(workspace, clock)
    request, _ = feedback.draft_request(workspace, app_id, to="priya@crumb.example")
    feedback.mark(workspace, request.id, "sent")
    clock.advance(days=6)
    assert feedback.due_chases(workspace) == []
    with pytest.raises(FeedbackRequestError, match="give them time"):
        feedback.chase_request(workspace, request.id)
    clock.advance(days=1)
    [due] = feedback.due_chases(workspace)
    assert due.request.id == request.id
    assert due.waited_days == 7
    assert json_object(due)["action"] == {"kind": "chase", "ids": {"request_id": request.id}, "label": due.action.label}
    result = feedback.chase_request(workspace, request.id)
    assert result.message.subject == f"Re: {request.subject}"
    assert "only reminder" in result.message.body
    assert result.request.chased_at == clock()
    assert result.mailto.startswith("mailto:priya@crumb.example")
    clock.advance(days=30)
    assert feedback.due_chases(workspace) == []
    with pytest.raises(FeedbackRequestError, match="already chased"):
        feedback.chase_request(workspace, request.id)


def test_the_chase_delay_is_configurable(workspace: Workspace, clock: FakeClock) -> None:
    app_id = rejected_after_interview(workspace, clock)
    request, _ = feedback.draft_request(workspace, app_id)
    feedback.mark(workspace, request.id, "sent")
    clock.advance(days=3)
    assert feedback.due_chases(workspace) == []
    assert len(feedback.due_chases(workspace, chase_after_days=3)) == 1
    feedback.set_chase_delay(workspace, 3)
    assert feedback.chase_delay(workspace) == 3
    assert len(feedback.due_chases(workspace)) == 1
    with pytest.raises(FeedbackRequestError):
        feedback.set_chase_delay(workspace, 0)


def test_chase_sent_over_smtp_replies_to_the_first_message(
    workspace: Workspace, clock: FakeClock, server: SmtpServer
) -> None:
    app_id = rejected_after_interview(workspace, clock)
    sent = feedback.send_request(workspace, app_id, "priya@crumb.example", smtp(server))
    clock.advance(days=8)
    result = feedback.chase_request(workspace, sent.id, smtp_settings=smtp(server))
    assert result.sent
    assert len(server.received) == 2
    chase = server.received[1].message
    assert chase["In-Reply-To"] == sent.message_id
    assert chase["Subject"] == f"Re: {sent.subject}"


def test_a_failed_chase_is_not_recorded(workspace: Workspace, clock: FakeClock) -> None:
    app_id = rejected_after_interview(workspace, clock)
    request, _ = feedback.draft_request(workspace, app_id, to="priya@crumb.example")
    feedback.mark(workspace, request.id, "sent")
    clock.advance(days=8)
    down = SmtpSettings(host="127.0.0.1", port=free_port(), from_addr="alex@example.org", starttls=False)
    with pytest.raises(MailError):
        feedback.chase_request(workspace, request.id, smtp_settings=down)
    assert feedback.get_request(workspace, request.id).chased_at is None
    assert len(feedback.due_chases(workspace)) == 1


# -- recording feedback -----------------------------------------------------------------------------


def test_record_feedback_verbatim_with_analysis_marks_the_request_replied(
    workspace: Workspace, clock: FakeClock
) -> None:
    app_id = rejected_after_interview(workspace, clock)
    request, _ = feedback.draft_request(workspace, app_id)
    feedback.mark(workspace, request.id, "sent")
    clock.advance(days=2)
    entry = feedback.record_feedback(workspace, app_id, FEEDBACK)
    assert entry.text == FEEDBACK
    assert entry.request_id == request.id
    assert {t["theme"] for t in entry.analysis["themes"]} >= {"technical_skills"}
    assert set(entry.analysis) == {
        "themes",
        "strengths",
        "actionable",
        "outside_your_control",
        "actions",
        "summary",
        "clauses",
    }
    replied = feedback.get_request(workspace, request.id)
    assert replied.status is RequestStatus.REPLIED
    assert replied.resolved_at == clock()
    [stored] = feedback.list_feedback(workspace, app_id)
    assert stored.text == FEEDBACK
    assert stored.analysis == entry.analysis


def test_self_notes_do_not_answer_a_request(workspace: Workspace, clock: FakeClock) -> None:
    app_id = rejected_after_interview(workspace, clock)
    request, _ = feedback.draft_request(workspace, app_id)
    feedback.mark(workspace, request.id, "sent")
    entry = feedback.record_feedback(workspace, app_id, "I rushed the system design part.", source="self")
    assert entry.request_id is None
    assert feedback.get_request(workspace, request.id).status is RequestStatus.SENT
    with pytest.raises(FeedbackRequestError, match="source"):
        feedback.record_feedback(workspace, app_id, "x", source="oracle")
    with pytest.raises(FeedbackRequestError, match="empty"):
        feedback.record_feedback(workspace, app_id, "   ")


def test_feedback_for_a_draft_or_another_application_is_refused(workspace: Workspace, clock: FakeClock) -> None:
    app_id = rejected_after_interview(workspace, clock)
    other = make_application(workspace, company="Other")
    request, _ = feedback.draft_request(workspace, app_id)
    with pytest.raises(FeedbackRequestError, match="never marked sent"):
        feedback.record_feedback(workspace, app_id, FEEDBACK, request_id=request.id)
    with pytest.raises(FeedbackRequestError, match="another application"):
        feedback.record_feedback(workspace, other.id, FEEDBACK, request_id=request.id)
    assert feedback.list_feedback(workspace) == []


def test_a_late_reply_after_no_reply_still_counts(workspace: Workspace, clock: FakeClock) -> None:
    app_id = rejected_after_interview(workspace, clock)
    request, _ = feedback.draft_request(workspace, app_id)
    feedback.mark(workspace, request.id, "sent")
    feedback.mark(workspace, request.id, "no_reply")
    feedback.record_feedback(workspace, app_id, FEEDBACK, source="recruiter")
    assert feedback.get_request(workspace, request.id).status is RequestStatus.REPLIED


def test_feedback_stats(workspace: Workspace, clock: FakeClock) -> None:
    assert overview.feedback_stats(workspace).response_rate is None
    statuses = ["replied", "replied", "declined", "no_reply", "sent", "sent", None]
    for status in statuses:
        app = make_application(workspace)
        request, _ = feedback.draft_request(workspace, app.id)
        if status is None:
            continue
        feedback.mark(workspace, request.id, "sent")
        if status != "sent":
            feedback.mark(workspace, request.id, status)
    stats = overview.feedback_stats(workspace)
    assert stats.requests_sent == 6
    assert stats.replied == 2
    assert stats.drafted == 1
    assert stats.waiting == 2
    assert stats.response_rate == round(2 / 6, 4)
    assert stats.small_sample is False


# -- interviews -------------------------------------------------------------------------------------


def test_interviews_add_and_list(workspace: Workspace, clock: FakeClock) -> None:
    app = make_application(workspace, stage=Stage.INTERVIEW)
    later = feedback.add_interview(workspace, app.id, clock() + timedelta(days=2), round=2, kind="panel")
    first = feedback.add_interview(
        workspace, app.id, clock() - timedelta(days=1), round=1, kind=" technical ",
        interviewers=["Priya Shah", "Tom", "priya shah"], location="Video", notes="Asked about SQL.",
    )  # fmt: skip
    assert first.interviewers == ("Priya Shah", "Tom")
    assert first.kind == "technical"
    assert [i.id for i in feedback.list_interviews(workspace, app.id)] == [first.id, later.id]
    assert len(feedback.list_interviews(workspace)) == 2
    with pytest.raises(FeedbackRequestError, match="round"):
        feedback.add_interview(workspace, app.id, clock(), round=0)
    with pytest.raises(NotFoundError):
        feedback.add_interview(workspace, 999, clock())
    with pytest.raises(NotFoundError):
        feedback.list_interviews(workspace, 999)


def test_application_feedback_bundle(workspace: Workspace, clock: FakeClock) -> None:
    app_id = rejected_after_interview(workspace, clock)
    request, _ = feedback.draft_request(workspace, app_id)
    data = json_object(feedback.application_feedback(workspace, app_id))  # as --json and the API write it
    assert data["request_kind"] == "interview"
    assert [r["id"] for r in data["requests"]] == [request.id]
    assert data["interviews"][0]["interviewers"] == ["Priya", "Tom"]


# -- isolation --------------------------------------------------------------------------------------


def test_another_owner_sees_none_of_it(workspace: Workspace, clock: FakeClock) -> None:
    app_id = rejected_after_interview(workspace, clock)
    request, _ = feedback.draft_request(workspace, app_id)
    feedback.mark(workspace, request.id, "sent")
    feedback.record_feedback(workspace, app_id, FEEDBACK)
    contact_id = add_contact(workspace, name="Sam")
    clock.advance(days=8)

    stranger = other_owner(workspace)
    assert feedback.list_requests(stranger) == []
    assert feedback.list_feedback(stranger) == []
    assert feedback.list_interviews(stranger) == []
    assert feedback.due_chases(stranger) == []
    assert overview.feedback_stats(stranger).requests_sent == 0
    for attempt in (
        lambda: feedback.get_request(stranger, request.id),
        lambda: feedback.mark(stranger, request.id, "no_reply"),
        lambda: feedback.chase_request(stranger, request.id),
        lambda: feedback.draft_request(stranger, app_id),
        lambda: feedback.record_feedback(stranger, app_id, FEEDBACK),
        lambda: feedback.add_interview(stranger, app_id, clock()),
        lambda: feedback.application_feedback(stranger, app_id),
    ):
        with pytest.raises(NotFoundError):
            attempt()
    stranger_app = make_application(stranger)
    with pytest.raises(NotFoundError):
        feedback.draft_request(stranger, stranger_app.id, contact_id=contact_id)
    assert feedback.get_request(workspace, request.id).status is RequestStatus.REPLIED
    assert len(feedback.due_chases(workspace)) == 0


def test_drafting_warns_when_the_application_is_open_or_the_answer_is_in(
    workspace: Workspace, clock: FakeClock, server: SmtpServer
) -> None:
    still_open = make_application(workspace, company="Waiting Ltd")
    [caution] = feedback.draft_cautions(workspace, still_open.id)
    assert "still open" in caution
    app_id = rejected_after_interview(workspace, clock)
    assert feedback.draft_cautions(workspace, app_id) == ()
    feedback.send_request(workspace, app_id, "priya@crumb.example", smtp(server))
    feedback.record_feedback(workspace, app_id, "Strong baking, but slower on the line than we needed.")
    cautions = feedback.draft_cautions(workspace, app_id)
    assert any("already recorded" in c for c in cautions)
    assert any("already sent" in c for c in cautions)
