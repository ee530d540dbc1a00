"""From mail to tracker: proposals change nothing, applying does once, and only what review allowed."""

from __future__ import annotations

from datetime import UTC, datetime
from email.message import EmailMessage
from pathlib import Path

import pytest

from nextround.domain.stages import Outcome, Stage
from nextround.integrations.mail_read import parse_bytes
from nextround.services import feedback as feedback_service
from nextround.services.applications import ApplicationService
from nextround.services.mail_inbox import (
    Action,
    MailApplyError,
    MailDisabled,
    accept,
    accept_message,
    apply_all,
    dismiss,
    inbox,
    queue,
    read_and_propose,
)
from nextround.services.preferences import set_preference
from nextround.services.workspace import Workspace
from nextround.storage.mail import MailMessageNotFound

from .conftest import other_owner
from .factories import make_application

REJECTION = (
    "Dear Sam,\n\nThank you for interviewing for the Pastry Chef role at Crumb & Co.\n\n"
    "Unfortunately we have decided to go with another candidate who has more experience running a "
    "laminated dough section on their own.\n\nBest wishes,\nPriya"
)


def raw(
    subject: str, body: str, *, sender: str, msgid: str, date: str = "Tue, 05 Nov 2024 10:00:00 +0000", **headers: str
) -> bytes:
    message = EmailMessage()
    message["From"] = sender
    message["To"] = "sam@example.org"
    message["Subject"] = subject
    message["Date"] = date
    message["Message-ID"] = msgid
    for name, value in headers.items():
        message[name.replace("_", "-")] = value
    message.set_content(body)
    return bytes(message)


def rejection_mail() -> bytes:
    return raw("Pastry Chef role", REJECTION, sender="Priya <priya@crumbandco.co.uk>", msgid="<rej-1@crumb>")


def test_a_dry_run_changes_nothing_and_apply_closes_at_the_stage_reached(workspace: Workspace) -> None:
    app = make_application(
        workspace, company="Crumb & Co", role="Pastry Chef", applied_at=datetime(2024, 10, 1, tzinfo=UTC)
    )
    ApplicationService(workspace).move(app.id, Stage.INTERVIEW, at=datetime(2024, 11, 1, tzinfo=UTC))
    run = read_and_propose(workspace, [parse_bytes(rejection_mail())])
    (proposal,) = run.proposals
    assert proposal.kind.value == "rejection"
    assert proposal.application_id == app.id
    assert proposal.stage_hint == "interview"
    assert [c.action for c in proposal.changes] == [Action.CLOSE_REJECTED, Action.RECORD_FEEDBACK]
    assert ApplicationService(workspace).get(app.id).state.outcome is None  # nothing applied yet

    apply_all(workspace, run)
    after = ApplicationService(workspace).get(app.id)
    assert after.state.outcome is Outcome.REJECTED
    assert after.state.closed_at_stage is Stage.INTERVIEW
    closing = after.events[-1]
    assert closing.source.value == "mail"
    assert closing.occurred_at == datetime(2024, 11, 5, 10, 0, tzinfo=UTC)
    (entry,) = feedback_service.list_feedback(workspace, app.id)
    assert "laminated dough" in entry.text
    assert entry.analysis["themes"]

    again = read_and_propose(workspace, [parse_bytes(rejection_mail())])
    assert again.already_seen == 1
    assert apply_all(workspace, again).applied == 0
    assert len(ApplicationService(workspace).get(app.id).events) == len(after.events)


def test_a_reply_to_our_feedback_request_is_recorded_and_marks_it_replied(workspace: Workspace, tmp_path: Path) -> None:
    app = make_application(workspace, company="Orbit Payments", role="Frontend Engineer", stage=Stage.INTERVIEW)
    ApplicationService(workspace).close(app.id, Outcome.REJECTED)
    request, _ = feedback_service.export_eml(workspace, app.id, tmp_path / "req.eml", to="dana@orbitpay.io")
    feedback_service.mark(workspace, request.id, "sent")
    assert request.message_id
    reply = raw(
        "Re: Feedback",
        "Happy to help. The panel felt your system design answer skipped the trade-offs.",
        sender="Dana <dana@elsewhere.example>",
        msgid="<reply-1@orbit>",
        In_Reply_To=request.message_id,
    )
    run = apply_all(workspace, read_and_propose(workspace, [parse_bytes(reply)]))
    assert run.applied == 1
    assert run.proposals[0].kind.value == "feedback_reply"
    assert feedback_service.get_request(workspace, request.id).status.value == "replied"
    (entry,) = feedback_service.list_feedback(workspace, app.id)
    assert entry.request_id == request.id


def test_an_invitation_moves_the_stage_and_adds_the_interview(workspace: Workspace) -> None:
    app = make_application(
        workspace,
        company="Kestrel Analytics",
        role="Senior Data Engineer",
        applied_at=datetime(2024, 10, 1, tzinfo=UTC),
    )
    invite = raw(
        "Senior Data Engineer - technical interview",
        "We'd like to invite you to a technical interview for the Senior Data Engineer position on "
        "Tuesday 12 November at 2:00 pm over Google Meet. Please confirm the time works.",
        sender="Hannah <hannah@kestrelanalytics.com>",
        msgid="<inv-1@kestrel>",
    )
    run = apply_all(workspace, read_and_propose(workspace, [parse_bytes(invite)]))
    assert run.applied == 1
    assert ApplicationService(workspace).get(app.id).state.stage is Stage.INTERVIEW
    (interview,) = feedback_service.list_interviews(workspace, app.id)
    assert interview.scheduled_at == datetime(2024, 11, 12, 14, 0, tzinfo=UTC)


def test_an_acknowledgement_from_a_new_company_proposes_an_application_but_a_newsletter_never(
    workspace: Workspace,
) -> None:
    ack = raw(
        "Thanks for applying to Sable Works",
        "Thanks for your application for the Junior Copywriter role at Sable Works! "
        "We've received it and will review it.",
        sender="Sable Works <no-reply@hire.lever.co>",
        msgid="<ack-1@lever>",
    )
    newsletter = raw(
        "Thanks for applying - and 20 more jobs you may like",
        "We have received your application. Jobs you may like: Copywriter at Fable.",
        sender="Jobs Digest <digest@jobsdigest.example>",
        msgid="<news-1@digest>",
        List_Unsubscribe="<https://jobsdigest.example/u>",
    )
    copy = ack.replace(b"<ack-1@lever>", b"<ack-1-forwarded@lever>")
    run = apply_all(workspace, read_and_propose(workspace, [parse_bytes(m) for m in (ack, newsletter, copy)]))
    assert run.applied == 2  # the acknowledgement and its copy: one application, not two
    (app,) = ApplicationService(workspace).find()
    assert (app.fields.company, app.fields.role) == ("Sable Works", "Junior Copywriter")
    assert ApplicationService(workspace).get(app.id).events[0].source.value == "mail"


def test_the_review_queue_accepts_and_dismisses_one_message_at_a_time(workspace: Workspace) -> None:
    app = make_application(workspace, company="Crumb & Co", role="Pastry Chef")
    other = raw(
        "Your application",
        "We will not be taking your application further. Best wishes.",
        sender="Crumb <jobs@crumbandco.co.uk>",
        msgid="<rej-2@crumb>",
    )
    run = queue(workspace, read_and_propose(workspace, [parse_bytes(rejection_mail()), parse_bytes(other)]))
    assert run.queued == 2
    pending = inbox(workspace)
    assert {p.message_id for p in pending} == {"<rej-1@crumb>", "<rej-2@crumb>"}
    first = next(p for p in pending if p.message_id == "<rej-1@crumb>")
    second = next(p for p in pending if p.message_id == "<rej-2@crumb>")
    assert first.inbox_id is not None and second.inbox_id is not None
    assert accept(workspace, first.inbox_id) == app.id
    assert ApplicationService(workspace).get(app.id).state.outcome is Outcome.REJECTED
    # The second rejection is planned again against today's state: the application is already closed.
    assert accept(workspace, second.inbox_id) == app.id
    assert len(ApplicationService(workspace).get(app.id).events) == 2
    with pytest.raises(MailApplyError):
        dismiss(workspace, second.inbox_id)
    assert inbox(workspace) == []
    # A queued message read again is not queued twice.
    assert queue(workspace, read_and_propose(workspace, [parse_bytes(rejection_mail())])).queued == 0


def test_inbox_is_per_owner_and_the_setting_turns_reading_off(workspace: Workspace) -> None:
    make_application(workspace, company="Crumb & Co", role="Pastry Chef")
    queue(workspace, read_and_propose(workspace, [parse_bytes(rejection_mail())]))
    stranger = other_owner(workspace)
    assert inbox(stranger) == []
    (mine,) = inbox(workspace)
    assert mine.inbox_id is not None
    with pytest.raises(MailMessageNotFound):
        dismiss(stranger, mine.inbox_id)  # not theirs: not found
    set_preference(workspace, "mail.reading", "off")
    with pytest.raises(MailDisabled):
        read_and_propose(workspace, [parse_bytes(rejection_mail())])


def test_a_rejection_without_reasons_is_a_stage_event_only(workspace: Workspace) -> None:
    app = make_application(
        workspace, company="Crumb & Co", role="Pastry Chef", applied_at=datetime(2024, 10, 1, tzinfo=UTC)
    )
    plain = raw(
        "Your application",
        "Thank you for applying. Unfortunately we have decided not to progress your application on this occasion.",
        sender="Crumb <jobs@crumbandco.co.uk>",
        msgid="<rej-3@crumb>",
    )
    run = apply_all(workspace, read_and_propose(workspace, [parse_bytes(plain)]))
    assert run.applied == 1
    assert ApplicationService(workspace).get(app.id).state.outcome is Outcome.REJECTED
    assert feedback_service.list_feedback(workspace, app.id) == []


def test_a_rejection_read_before_its_application_was_tracked_is_linked_to_it_when_added(
    workspace: Workspace,
) -> None:
    run = queue(workspace, read_and_propose(workspace, [parse_bytes(rejection_mail())]))
    assert run.queued == 1
    (waiting,) = inbox(workspace)
    assert waiting.application_id is None
    assert [c.action.value for c in waiting.changes][:2] == ["create_application", "close_rejected"]
    app = make_application(workspace, company="Crumb & Co", role="Pastry Chef")
    ApplicationService(workspace).move(app.id, Stage.INTERVIEW)
    (now,) = inbox(workspace)  # what Accept would do now, as the Inbox page shows it
    assert now.application_id == app.id
    assert [(c.action.value, c.stage) for c in now.changes][:1] == [("close_rejected", "interview")]
    assert now.inbox_id is not None
    assert accept(workspace, now.inbox_id) == app.id
    state = ApplicationService(workspace).get(app.id).state
    assert state.outcome is Outcome.REJECTED and state.closed_at_stage is Stage.INTERVIEW


def test_a_rejection_from_an_untracked_application_adds_it_closed_with_its_reasons(workspace: Workspace) -> None:
    run = apply_all(workspace, read_and_propose(workspace, [parse_bytes(rejection_mail())]))
    assert run.applied == 1
    (app,) = ApplicationService(workspace).find()
    assert (app.fields.company, app.fields.role) == ("Crumb & Co", "Pastry Chef")
    assert app.state.outcome is Outcome.REJECTED and app.state.closed_at_stage is Stage.APPLIED
    (entry,) = feedback_service.list_feedback(workspace, app.id)
    assert "laminated dough" in entry.text
    # Read again (a forwarded copy), it changes nothing more.
    again = apply_all(workspace, read_and_propose(workspace, [parse_bytes(rejection_mail())]))
    assert again.applied == 0 and len(ApplicationService(workspace).find()) == 1


def test_an_invitation_from_an_untracked_application_adds_it_at_the_interview(workspace: Workspace) -> None:
    invite = raw(
        "Warehouse Team Leader - interview",
        "We'd like to invite you to an interview for the Warehouse Team Leader position at Ridgeway Foods on "
        "Tuesday 12 November at 2:00 pm at our Leicester depot.",
        sender="Ridgeway Foods <hr@ridgewayfoods.co.uk>",
        msgid="<inv-9@ridgeway>",
    )
    run = apply_all(workspace, read_and_propose(workspace, [parse_bytes(invite)]))
    assert run.applied == 1
    (app,) = ApplicationService(workspace).find()
    assert app.fields.company == "Ridgeway Foods" and app.state.stage is Stage.INTERVIEW
    (interview,) = feedback_service.list_interviews(workspace, app.id)
    assert interview.scheduled_at == datetime(2024, 11, 12, 14, 0, tzinfo=UTC)


def test_accepting_a_rejection_whose_feedback_was_pasted_by_hand_does_not_add_it_twice(
    workspace: Workspace,
) -> None:
    app = make_application(workspace, company="Crumb & Co", role="Pastry Chef", stage=Stage.INTERVIEW)
    # Pasted from a reply that quoted it: "> " markers and lines wrapped differently.
    pasted = "\n".join(f">  {line}" for line in REJECTION.replace("who has", "who\nhas").splitlines())
    feedback_service.record_feedback(workspace, app.id, pasted)
    queue(workspace, read_and_propose(workspace, [parse_bytes(rejection_mail())]))
    (pending,) = inbox(workspace)
    assert pending.inbox_id is not None

    applied = accept_message(workspace, pending.inbox_id)

    assert applied.application_id == app.id
    assert applied.feedback_already_recorded
    (entry,) = feedback_service.list_feedback(workspace, app.id)
    assert entry.text == pasted
    # The rest of the message is still recorded: the rejection closes the application.
    assert ApplicationService(workspace).get(app.id).state.outcome is Outcome.REJECTED


def test_feedback_that_differs_from_the_pasted_text_is_still_added(workspace: Workspace) -> None:
    app = make_application(workspace, company="Crumb & Co", role="Pastry Chef", stage=Stage.INTERVIEW)
    feedback_service.record_feedback(workspace, app.id, "The recruiter said on the phone my portfolio was thin.")
    queue(workspace, read_and_propose(workspace, [parse_bytes(rejection_mail())]))
    (pending,) = inbox(workspace)
    assert pending.inbox_id is not None

    applied = accept_message(workspace, pending.inbox_id)

    assert not applied.feedback_already_recorded
    assert len(feedback_service.list_feedback(workspace, app.id)) == 2


def test_an_application_added_from_a_rejection_is_not_an_application_sent_that_week(workspace: Workspace) -> None:
    from datetime import date

    from nextround.services.keepgoing import review

    ack = raw(
        "Thanks for applying to Sable Works",
        "Thanks for your application for the Junior Copywriter role at Sable Works! We've received it.",
        sender="Sable Works <no-reply@hire.lever.co>",
        msgid="<ack-2@lever>",
    )
    apply_all(workspace, read_and_propose(workspace, [parse_bytes(rejection_mail()), parse_bytes(ack)]))
    by_company = {app.fields.company: app for app in ApplicationService(workspace).find()}
    # the rejection says an application was sent, not when; an acknowledgement comes the day it was
    assert by_company["Crumb & Co"].applied_on is None
    assert by_company["Sable Works"].applied_on == date(2024, 11, 5)
    week = review(workspace, "week", today=date(2024, 11, 7))
    assert week.effort.counts["applications_sent"] == 1  # the acknowledged one only
    assert week.funnel.moves["applied"] == 1 and week.funnel.moves["rejected"] == 1
    assert [m.company for m in week.funnel.events if m.to == "applied"] == ["Sable Works"]
