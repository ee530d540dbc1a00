"""Coaches with consent: invite, accept, read what is shared (audited), comment, assign, caseload, withdraw."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

from nextround.domain.stages import Outcome
from nextround.services import coach_notes, coaching
from nextround.services.applications import ApplicationFields, ApplicationService
from nextround.services.keepgoing import add_journal

from .multiuser_support import Person, Server


def _coach(server: Server, seeker: Person, coach: Person, shares: tuple[str, ...] = coaching.DEFAULT_SHARES) -> int:
    page = seeker.post_form("/sharing/coaches", {"email": coach.email, "shares": list(shares)})  # type: ignore[dict-item]
    assert page.status_code == 200, page.text
    link = re.search(r"/coaching/accept/([\w-]+)</code>", page.text)
    assert link, "no link shown"
    accepted = coach.post_form(f"/coaching/accept/{link.group(1)}")
    assert accepted.status_code == 303
    return int(accepted.headers["location"].rsplit("/", 1)[1])


def test_a_coach_sees_what_is_shared_and_the_seeker_sees_each_look(server: Server) -> None:
    ada = server.person("ada@example.org")
    coach = server.person("coach@uni.example")
    ws = server.workspace(ada)
    app = ApplicationService(ws).add(ApplicationFields(company="Crumb", role="Baker"))
    ApplicationService(ws).close(app.id, Outcome.REJECTED)
    add_journal(ws, text="Felt flat after the call", mood=2)
    link_id = _coach(server, ada, coach)
    view = coach.client.get(f"/caseload/{link_id}")
    assert view.status_code == 200
    assert "Crumb" in view.text
    assert "Felt flat" not in view.text  # the journal is not shared unless chosen
    caseload = coach.client.get("/caseload")
    row = caseload.text.split(f'data-link="{link_id}"', 1)[1].split("</tr>", 1)[0]
    assert "ada@example.org" in row
    assert ">1<" in row  # one rejection this week
    assert coach.post_form(f"/caseload/{link_id}/comments", {"text": "Ask them what tipped it."}).status_code == 303
    assert coach.post_form(f"/caseload/{link_id}/questions", {"text": "Tell me about a rush."}).status_code == 303
    sharing = ada.client.get("/sharing").text
    assert "shared view: applications, feedback, practice" in sharing
    assert "caseload summary" in sharing
    assert "Ask them what tipped it." in sharing
    assert "Tell me about a rush." in sharing
    question = coach_notes.notes_for(server.db, ada.owner_id)[0]
    assert ada.post_form(f"/sharing/questions/{question.id}/done").status_code == 303
    assert coach_notes.notes_for(server.db, ada.owner_id)[0].done


def test_the_journal_only_when_chosen_and_consent_ends_at_once(server: Server) -> None:
    ada = server.person("ada@example.org")
    coach = server.person("coach@uni.example")
    add_journal(server.workspace(ada), text="Felt flat after the call", mood=2)
    link_id = _coach(server, ada, coach, ("journal",))
    assert "Felt flat" in coach.client.get(f"/caseload/{link_id}").text
    assert ada.post_form(f"/sharing/coaches/{link_id}/withdraw").status_code == 303
    assert coach.client.get(f"/caseload/{link_id}").status_code == 404
    assert coach.post_form(f"/caseload/{link_id}/comments", {"text": "hello"}).status_code == 404
    assert "ada@example.org" not in coach.client.get("/caseload").text


def test_only_the_invited_address_can_accept(server: Server) -> None:
    ada = server.person("ada@example.org")
    page = ada.post_form("/sharing/coaches", {"email": "coach@uni.example", "shares": "applications"})
    token = re.search(r"/coaching/accept/([\w-]+)</code>", page.text)
    assert token
    stranger = server.person("bob@example.org")
    assert stranger.post_form(f"/coaching/accept/{token.group(1)}").status_code == 404
    assert ada.post_form("/sharing/coaches", {"email": "coach@uni.example"}).status_code == 422  # nothing chosen


def test_the_caseload_flags_silence_and_falling_scores(server: Server) -> None:
    from sqlalchemy import update

    from nextround.storage.tables import ApplicationRow, PracticeAnswerRow

    ada = server.person("ada@example.org")
    coach = server.person("coach@uni.example")
    ws = server.workspace(ada)
    ApplicationService(ws).add(ApplicationFields(company="Crumb", role="Baker"))
    link_id = _coach(server, ada, coach)
    old = datetime.now(UTC) - timedelta(days=20)
    with server.db.write() as session:
        session.execute(update(ApplicationRow).values(last_activity_at=old, created_at=old))
        for n, score in enumerate((80, 82, 78, 60, 58, 55)):
            session.add(
                PracticeAnswerRow(
                    owner_id=ada.owner_id,
                    question_key="behavioural-1",
                    question_text="Tell me about a time you led.",
                    answer="I led a team.",
                    score=score,
                    answered_at=old + timedelta(minutes=n),
                )
            )
    entry = coaching.caseload(server.db, coach.owner_id)[0]
    assert entry.link_id == link_id
    assert entry.silent
    assert entry.latest_scores == (55, 58, 60, 78, 82, 80)
    assert entry.scores_falling


def test_the_caseload_counts_silence_in_calendar_days(server: Server) -> None:
    """Something last done late on a day two weeks ago has been quiet 14 days just after midnight, as the rest of
    the app counts silence, though fewer than 14 whole 24-hour periods have passed."""
    from sqlalchemy import update

    from nextround.storage.tables import ApplicationRow

    ada = server.person("ada@example.org")
    coach = server.person("coach@uni.example")
    ApplicationService(server.workspace(ada)).add(ApplicationFields(company="Crumb", role="Baker"))
    _coach(server, ada, coach, ("applications",))
    now = datetime(2026, 12, 6, 0, 30).astimezone()
    last = datetime(2026, 11, 22, 23, 50).astimezone()
    with server.db.write() as session:
        session.execute(update(ApplicationRow).values(last_activity_at=last, created_at=last))
    entry = coaching.caseload(server.db, coach.owner_id, now=now)[0]
    assert entry.silent_days == coaching.SILENT_DAYS
    assert entry.silent
