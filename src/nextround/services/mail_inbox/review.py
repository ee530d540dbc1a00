"""The review queue behind the Inbox page: proposals kept to accept or dismiss one by one, each planned again
against the applications as they are when it is shown or accepted."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from nextround.analysis.mail import MailKind, MailReading, MailText, link
from nextround.domain.stages import Stage
from nextround.services.mail_inbox.applying import apply_and_record
from nextround.services.mail_inbox.proposals import (
    Action,
    Applied,
    MailApplyError,
    MailProposal,
    MailRun,
    ProposedChange,
    as_record,
    from_stored,
    with_changes,
)
from nextround.services.mail_inbox.reading import Context, load_context, plan, stage_reached
from nextround.services.workspace import Workspace
from nextround.storage.mail import MailRepository, StoredMail


def queue(ws: Workspace, run: MailRun, *, origin: str = "upload") -> MailRun:
    """Keep new proposals for review; messages already queued, applied or dismissed are left as they are."""
    now = ws.now()
    with ws.db.write() as session:
        mails = MailRepository(session, ws.owner_id)
        known = mails.statuses(p.message_id for p in run.proposals)
        for index, proposal in enumerate(run.proposals):
            if proposal.message_id in known or proposal.kind is MailKind.NOT_JOB or proposal.status != "new":
                continue
            stored = mails.add(**as_record(proposal, "pending", now, origin))
            known[proposal.message_id] = "pending"
            run.proposals[index] = with_changes(proposal, status="pending", inbox_id=stored.id)
            run.queued += 1
    return run


def inbox(ws: Workspace, *, status: str | None = "pending", limit: int = 500) -> list[MailProposal]:
    """Stored proposals, newest first; pending ones as Accept would carry them out now (`_replanned`)."""
    with ws.db.read() as session:
        stored = MailRepository(session, ws.owner_id).find(status=status, limit=limit)
    if status != "pending" or not stored:
        return [from_stored(s) for s in stored]
    context = load_context(ws)
    return [_replanned(ws, s, context) for s in stored]


def _replanned(ws: Workspace, stored: StoredMail, context: Context | None = None) -> MailProposal:
    """A queued proposal, planned again against the applications as they are now: its own may have moved on,
    or been added since (a rejection read before its application was tracked is linked to it then)."""
    from email.utils import parseaddr

    proposal = from_stored(stored)
    name, address = parseaddr(stored.sender)
    mail = MailText(
        message_id=stored.message_id,
        sender_name=name,
        sender_address=address or stored.sender,
        subject=stored.subject,
        body=stored.text,
        sent_at=stored.sent_at,
        thread_ids=stored.thread_ids,
    )
    interview_at = stored.interview_at.replace(tzinfo=None) if stored.interview_at else None
    reading = MailReading(proposal.kind, 1.0, proposal.company, proposal.role, _invitation_hint(stored), interview_at)
    context = context or load_context(ws)
    app = context.applications.get(proposal.application_id) if proposal.application_id is not None else None
    if app is None:
        linked = link(mail, reading, context.candidates)
        app = context.applications.get(linked.application_id) if linked.application_id is not None else None
    if app is None:  # about no application (or one deleted since): nothing to change in the tracker
        return proposal if proposal.application_id is None else with_changes(proposal, application_id=None, changes=())
    request_id = next((c.request_id for c in proposal.changes if c.request_id is not None), None)
    changes = plan(reading, mail, app, request_id)
    if interview_at and stored.interview_at is not None:
        changes = tuple(_with_at(c, stored.interview_at) if c.action is Action.ADD_INTERVIEW else c for c in changes)
    stage_hint = stage_reached(app).value if proposal.kind is MailKind.REJECTION else proposal.stage_hint
    return with_changes(
        proposal,
        application_id=app.id,
        company=app.fields.company,
        role=app.fields.role,
        stage_hint=stage_hint,
        changes=changes,
    )


def _with_at(change: ProposedChange, at: datetime) -> ProposedChange:
    return replace(change, at=at)


def _invitation_hint(stored: StoredMail) -> str | None:
    if stored.kind == MailKind.REJECTION.value:
        return None
    return stored.stage_hint


def accept(ws: Workspace, inbox_id: int) -> int | None:
    """Carry out a queued proposal; returns the application it touched."""
    return accept_message(ws, inbox_id).application_id


# How far a person can have got before a "no" about a job they never tracked (they say so on the Inbox page).
REACHABLE = (Stage.APPLIED, Stage.SCREENING, Stage.ASSESSMENT, Stage.INTERVIEW, Stage.FINAL)


def accept_message(
    ws: Workspace,
    inbox_id: int,
    *,
    reached: Stage | None = None,
    company: str | None = None,
    role: str | None = None,
) -> Applied:
    """Carry out a queued proposal, saying also whether its feedback was already on the application.

    For a message that adds its application, the person can correct what the message alone cannot tell:
    `reached`, the stage a rejection came at ("applied" would put a no after three interviews at the first step),
    and the `company` and `role` as they would name them (the reader may find no role, or a short name)."""
    with ws.db.read() as session:
        stored = MailRepository(session, ws.owner_id).get(inbox_id)
    if stored.status != "pending":
        raise MailApplyError(f"message {inbox_id} was already {stored.status}")
    proposal = _replanned(ws, stored)
    if reached is not None:
        proposal = _reached(proposal, reached)
    if company is not None or role is not None:
        proposal = _named(proposal, company, role)
    return apply_and_record(ws, proposal, stored.origin)


def adds_an_application(proposal: MailProposal) -> bool:
    """Whether accepting this proposal adds an application (then its company and role can be corrected)."""
    return any(change.action is Action.CREATE_APPLICATION for change in proposal.changes)


def _named(proposal: MailProposal, company: str | None, role: str | None) -> MailProposal:
    if not adds_an_application(proposal):
        return proposal  # its application is tracked: edit it there
    if company is not None and not company.strip():
        raise MailApplyError("give the company's name: the application needs one")
    changes = tuple(
        replace(
            change,
            company=change.company if company is None else " ".join(company.split()),
            role=change.role if role is None else " ".join(role.split()),
        )
        if change.action is Action.CREATE_APPLICATION
        else change
        for change in proposal.changes
    )
    return with_changes(proposal, changes=changes)


def adds_a_rejected_application(proposal: MailProposal) -> bool:
    """Whether accepting this proposal adds an application and closes it as rejected (then the stage is asked)."""
    actions = {change.action for change in proposal.changes}
    return Action.CREATE_APPLICATION in actions and Action.CLOSE_REJECTED in actions


def _reached(proposal: MailProposal, reached: Stage) -> MailProposal:
    if reached not in REACHABLE:
        raise MailApplyError(f"a rejection can come at {', '.join(s.value for s in REACHABLE)}, not {reached.value}")
    if not adds_a_rejected_application(proposal):
        return proposal  # its application is tracked: the stage is the one it reached there
    changes = tuple(
        replace(change, stage=reached.value)
        if change.action in (Action.CREATE_APPLICATION, Action.CLOSE_REJECTED)
        else change
        for change in proposal.changes
    )
    return with_changes(proposal, changes=changes)


def dismiss(ws: Workspace, inbox_id: int) -> None:
    now = ws.now()
    with ws.db.write() as session:
        mails = MailRepository(session, ws.owner_id)
        stored = mails.get(inbox_id)
        if stored.status != "pending":
            raise MailApplyError(f"message {inbox_id} was already {stored.status}")
        mails.update(inbox_id, status="dismissed", decided_at=now)
