"""Nudge rules without a database."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

from nextround.domain.actions import Action, ActionKind
from nextround.domain.applications import Application, ApplicationFields
from nextround.domain.contacts import Contact, ContactFields, ContactKind
from nextround.domain.nudges import Interview, Link, NetworkState, NudgeKind, add_months, compute_nudges
from nextround.domain.stages import StageEvent, derive_state

NOW = datetime(2024, 11, 6, 10, 0, tzinfo=UTC)


def app(app_id: int, *steps: tuple[str, datetime], company: str = "Acme", excitement: int | None = None) -> Application:
    events = []
    previous = "saved"
    for to_state, at in steps:
        events.append(StageEvent(previous, to_state, at))
        previous = to_state
    created = steps[0][1] if steps else NOW
    return Application(
        id=app_id,
        fields=ApplicationFields(company=company, role="Baker", excitement=excitement),
        created_at=created,
        applied_on=created.date(),
        state=derive_state(events),
        events=tuple(events),
    )


def person(contact_id: int, kind: ContactKind, company: str = "Acme", **extra: Any) -> Contact:
    fields = ContactFields(name=f"Person {contact_id}", kind=kind, company=company, **extra)
    return Contact(id=contact_id, fields=fields, created_at=NOW - timedelta(days=1))


def days_ago(n: float) -> datetime:
    return NOW - timedelta(days=n)


def kinds(state: NetworkState) -> list[tuple[str, str]]:
    return [(n.kind.value, n.ref) for n in compute_nudges(state)]


def test_thank_you_after_an_interview_until_done() -> None:
    application = app(1, ("applied", days_ago(10)), ("interview", days_ago(3)))
    interview = Interview(
        id=7, application_id=1, scheduled_at=NOW - timedelta(hours=20), duration_minutes=45, interviewers=("Ada King",)
    )
    interviewer = person(3, ContactKind.INTERVIEWER)
    state = NetworkState(
        now=NOW, applications=[application], interviews=[interview], contacts=[interviewer], links=[Link(1, 3)]
    )
    (nudge,) = [n for n in compute_nudges(state) if n.kind is not NudgeKind.TOUCH]
    assert nudge.kind is NudgeKind.THANK_YOU
    assert nudge.ref == "thank_you-7"
    assert nudge.due == date(2024, 11, 6)  # the interview ended 19 hours ago: due within the day
    assert nudge.contact_id == 3
    assert nudge.context["name"] == "Ada"
    assert nudge.template == "thank_you"
    assert nudge.draft_action == Action(ActionKind.DRAFT_NUDGE, {"nudge": "thank_you-7"})
    # once sent, logging it with the contact closes it; dismissing is the other way out
    assert nudge.actions[1] == Action(ActionKind.LOG_CONTACT, {"contact_id": 3, "note": "sent a thank-you note"})
    assert nudge.actions[2] == Action(ActionKind.DISMISS_NUDGE, {"nudge": "thank_you-7"})

    logged = NetworkState(
        now=NOW,
        applications=[application],
        interviews=[interview],
        contacts=[interviewer],
        links=[Link(1, 3)],
        interactions={3: [NOW - timedelta(hours=2)]},
    )
    assert not [n for n in compute_nudges(logged) if n.kind is NudgeKind.THANK_YOU]
    dismissed = NetworkState(
        now=NOW, applications=[application], interviews=[interview], dismissed=frozenset({"thank_you-7"})
    )
    assert compute_nudges(dismissed) == []


def test_no_thank_you_before_the_interview_or_long_after_or_once_closed() -> None:
    application = app(1, ("applied", days_ago(30)), ("interview", days_ago(20)))
    upcoming = Interview(id=1, application_id=1, scheduled_at=NOW + timedelta(hours=3))
    ancient = Interview(id=2, application_id=1, scheduled_at=days_ago(15))
    running = Interview(id=4, application_id=1, scheduled_at=NOW - timedelta(minutes=30), duration_minutes=60)
    state = NetworkState(now=NOW, applications=[application], interviews=[upcoming, ancient, running])
    assert compute_nudges(state) == []
    rejected = app(2, ("applied", days_ago(30)), ("interview", days_ago(3)), ("rejected", days_ago(1)))
    past = Interview(id=3, application_id=2, scheduled_at=days_ago(2))
    found = compute_nudges(NetworkState(now=NOW, applications=[rejected], interviews=[past]))
    assert [n.kind for n in found] == [NudgeKind.CONTINUED_INTEREST]


def test_keep_in_touch_after_a_rejection_with_interviewers_and_recruiters_only() -> None:
    rejected = app(1, ("applied", days_ago(20)), ("interview", days_ago(10)), ("rejected", days_ago(2)))
    contacts = [person(1, ContactKind.INTERVIEWER), person(2, ContactKind.PEER), person(3, ContactKind.RECRUITER)]
    links = [Link(1, 1), Link(1, 2), Link(1, 3)]
    state = NetworkState(now=NOW, applications=[rejected], contacts=contacts, links=links)
    found = [n for n in compute_nudges(state) if n.kind is NudgeKind.KEEP_IN_TOUCH]
    assert [n.ref for n in found] == ["keep_in_touch-1-1", "keep_in_touch-1-3"]
    assert {n.due for n in found} == {date(2024, 11, 11)}  # a week after the rejection
    assert found[0].context["after_rejection"] is True
    # While a keep-in-touch is open, the same person gets no cadence touch as well.
    touches = [n.contact_id for n in compute_nudges(state) if n.kind is NudgeKind.TOUCH]
    assert 1 not in touches and 3 not in touches and 2 in touches

    talked = NetworkState(
        now=NOW, applications=[rejected], contacts=contacts, links=links, interactions={1: [days_ago(1)]}
    )
    assert [n.ref for n in compute_nudges(talked) if n.kind is NudgeKind.KEEP_IN_TOUCH] == ["keep_in_touch-1-3"]
    stale = NetworkState(now=NOW + timedelta(days=40), applications=[rejected], contacts=contacts, links=links)
    assert not [n for n in compute_nudges(stale) if n.kind is NudgeKind.KEEP_IN_TOUCH]


def test_continued_interest_only_for_real_progress_or_excitement() -> None:
    quick_no = app(1, ("applied", days_ago(20)), ("rejected", days_ago(10)), company="Quick")
    keen = app(2, ("applied", days_ago(20)), ("rejected", days_ago(10)), company="Keen", excitement=4)
    screened = app(3, ("applied", days_ago(20)), ("screening", days_ago(15)), ("rejected", days_ago(10)), company="Far")
    state = NetworkState(now=NOW, applications=[quick_no, keen, screened])
    found = {n.ref: n for n in compute_nudges(state) if n.kind is NudgeKind.CONTINUED_INTEREST}
    assert set(found) == {"continued_interest-2", "continued_interest-3"}
    assert found["continued_interest-3"].due == add_months(date(2024, 10, 27), 3) == date(2025, 1, 27)
    six = NetworkState(now=NOW, applications=[screened], continued_interest_months=6)
    assert compute_nudges(six)[0].due == date(2025, 4, 27)


def test_continued_interest_once_per_company_and_not_when_already_back() -> None:
    first = app(1, ("applied", days_ago(200)), ("screening", days_ago(190)), ("rejected", days_ago(180)))
    second = app(2, ("applied", days_ago(40)), ("screening", days_ago(35)), ("rejected", days_ago(30)))
    state = NetworkState(now=NOW, applications=[first, second])
    assert [n.ref for n in compute_nudges(state)] == ["continued_interest-2"]
    again = app(3, ("applied", days_ago(5)))
    assert compute_nudges(NetworkState(now=NOW, applications=[first, second, again])) == []


def test_continued_interest_mentions_the_reapply_date() -> None:
    screened = app(1, ("applied", days_ago(20)), ("screening", days_ago(15)), ("rejected", days_ago(10)))
    state = NetworkState(now=NOW, applications=[screened], reapply_after={"acme": date(2025, 5, 1)})
    assert compute_nudges(state)[0].context["reapply_after"] == "2025-05-01"


def test_cadence_touch_and_its_dismissal_for_one_cycle() -> None:
    recruiter = person(5, ContactKind.RECRUITER)
    state = NetworkState(now=NOW, contacts=[recruiter], interactions={5: [days_ago(40)]})
    (touch,) = compute_nudges(state)
    assert touch.kind is NudgeKind.TOUCH
    assert touch.due == (days_ago(40) + timedelta(days=30)).date()
    assert touch.dismiss_key == f"touch-5@{touch.due.isoformat()}"
    skipped = NetworkState(
        now=NOW, contacts=[recruiter], interactions={5: [days_ago(40)]}, dismissed=frozenset({touch.dismiss_key})
    )
    assert compute_nudges(skipped) == []
    off = person(6, ContactKind.PEER, cadence_days=0)
    assert compute_nudges(NetworkState(now=NOW, contacts=[off])) == []


def test_nudges_are_sorted_by_due_date() -> None:
    contacts = [person(1, ContactKind.PEER, cadence_days=3), person(2, ContactKind.PEER, cadence_days=1)]
    assert [n.ref for n in compute_nudges(NetworkState(now=NOW, contacts=contacts))] == ["touch-2", "touch-1"]
