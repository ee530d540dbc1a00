"""Coaches with consent: invite, accept, read what is shared (audited), comment, assign, caseload, withdraw."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

from sqlalchemy import select

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


def test_no_invitation_to_oneself_and_never_a_second_link_to_the_same_coach(server: Server) -> None:
    ada = server.person("ada@example.org")
    coach = server.person("coach@uni.example")
    own = ada.post_form("/sharing/coaches", {"email": "Ada@Example.org ", "shares": "applications"})
    assert own.status_code == 422
    assert 'id="f-email-error">that is your own address' in own.text
    assert coaching.coach_links(server.db, ada.owner_id) == []
    # Asked twice before the coach accepts (a lost link, a reloaded page): one link, and only the newest secret
    first = ada.post_form("/sharing/coaches", {"email": coach.email, "shares": "applications"})
    again = ada.post_form("/sharing/coaches", {"email": coach.email, "shares": ["applications", "practice"]})  # type: ignore[dict-item]
    tokens = [re.search(r"/coaching/accept/([\w-]+)</code>", page.text) for page in (first, again)]
    assert tokens[0] and tokens[1]
    assert coach.client.get(f"/coaching/accept/{tokens[0].group(1)}").status_code == 404
    assert coach.post_form(f"/coaching/accept/{tokens[1].group(1)}").status_code == 303
    (link,) = coaching.coach_links(server.db, ada.owner_id)
    assert link.accepted and link.shares == ("applications", "practice")
    third = ada.post_form("/sharing/coaches", {"email": coach.email, "shares": "journal"})
    assert third.status_code == 422
    assert "is your coach already" in third.text
    assert len(coaching.coach_links(server.db, ada.owner_id)) == 1
    assert coach.client.get("/caseload").text.count("ada@example.org") == 1


def test_an_error_on_the_sharing_page_shows_where_it_was_made(server: Server) -> None:
    ada = server.person("ada@example.org")
    coach = server.person("coach@uni.example")
    link_id = _coach(server, ada, coach)
    assert coach.post_form(f"/caseload/{link_id}/comments", {"text": "How did the call go?"}).status_code == 303
    nothing = ada.post_form(f"/sharing/coaches/{link_id}/shares")  # every box unticked
    assert nothing.status_code == 422
    row = nothing.text.split(f'action="/sharing/coaches/{link_id}/shares"', 1)[1].split("</form>", 1)[0]
    invite = nothing.text.split('action="/sharing/coaches"', 1)[1].split("</form>", 1)[0]
    assert "choose at least one thing to share" in row
    assert "choose at least one" not in invite
    note = coach_notes.notes_for(server.db, ada.owner_id)[0]
    blank = ada.post_form(f"/sharing/comments/{note.id}/reply", {"text": "   "})
    assert blank.status_code == 422
    thread = blank.text.split(f'id="coach-note-{note.id}"', 1)[1].split("</article>", 1)[0]
    assert f'id="reply-{note.id}-error"' in thread
    assert 'role="alert"' not in blank.text.split('id="invite-title"', 1)[1].split("</section>", 1)[0]


def test_the_sharing_page_gives_times_in_the_persons_own_zone(server: Server) -> None:
    from nextround.services import accounts
    from nextround.storage.tables import CoachNoteRow, CoachReadRow

    ada = server.person("ada@example.org")
    coach = server.person("coach@uni.example")
    link_id = _coach(server, ada, coach)
    accounts.set_time_zone(server.db, ada.owner_id, "America/Los_Angeles")
    late_monday = datetime(2026, 1, 13, 5, 30, tzinfo=UTC)  # Monday 12 January, 21:30 in Los Angeles
    coach_notes.add_note(server.db, coach.owner_id, link_id, "Well done on Monday.")
    with server.db.write() as session:
        session.query(CoachReadRow).delete()
        session.add(CoachReadRow(owner_id=ada.owner_id, coach_id=coach.owner_id, what="caseload summary",
                                 read_at=late_monday))  # fmt: skip
        session.query(CoachNoteRow).update({CoachNoteRow.created_at: late_monday})
    page = ada.client.get("/sharing").text
    assert "12 Jan 2026 21:30 — coach@uni.example: caseload summary" in page
    assert "UTC" not in page
    assert "coach@uni.example</strong>, 12 Jan 2026" in page
    accounts.set_time_zone(server.db, coach.owner_id, "Asia/Tokyo")  # the coach reads it in their own zone
    with server.db.write() as session:  # Monday 12 January, 20:00 UTC: Tuesday 13 January, 05:00 in Tokyo
        session.query(CoachNoteRow).update({CoachNoteRow.created_at: datetime(2026, 1, 12, 20, 0, tzinfo=UTC)})
    assert "13 Jan 2026 · not read yet" in coach.client.get(f"/caseload/{link_id}").text


def test_a_long_title_in_the_audit_log_ends_in_an_ellipsis(server: Server) -> None:
    ada = server.person("ada@example.org")
    coach = server.person("coach@uni.example")
    app = ApplicationService(server.workspace(ada)).add(ApplicationFields(company="Crumb " * 45, role="Baker"))
    link_id = _coach(server, ada, coach)
    assert coach.client.get(f"/caseload/{link_id}/applications/{app.id}").status_code == 200
    (read,) = [r for r in coaching.reads_log(server.db, ada.owner_id) if r.what.startswith("application:")]
    assert len(read.what) <= 200 and read.what.endswith("…")


def test_a_coach_who_is_not_signed_in_is_told_what_the_link_is_for(server: Server) -> None:
    ada = server.person("ada@example.org")
    page = ada.post_form("/sharing/coaches", {"email": "new-coach@uni.example", "shares": "applications"})
    token = re.search(r"/coaching/accept/([\w-]+)</code>", page.text)
    assert token
    stranger = server.client()
    opened = stranger.get(f"/coaching/accept/{token.group(1)}")
    assert opened.status_code == 303
    sign_in = stranger.get(opened.headers["location"])  # no account for that address yet: make one
    assert sign_in.status_code == 303
    sign_in_page = stranger.get(sign_in.headers["location"]).text
    assert "Someone asked you to coach their job search" in sign_in_page
    assert "ada@example.org" not in sign_in_page  # whose invitation it is waits until the right person signs in
    assert "Someone asked you to coach" not in stranger.get("/sign-in").text


def _main_navigation(html: str) -> str:
    found = re.search(r'<nav class="nav-bar" aria-label="Main">(.*?)</nav>', html, re.S)
    assert found, "no main navigation"
    return found.group(1)


def test_the_navigation_offers_the_caseload_to_whoever_coaches_someone(server: Server) -> None:
    ada = server.person("ada@example.org")
    coach = server.person("coach@uni.example")
    assert "/caseload" not in _main_navigation(coach.client.get("/").text)  # nobody shares with them yet
    page = ada.post_form("/sharing/coaches", {"email": coach.email, "shares": "applications"})
    token = re.search(r"/coaching/accept/([\w-]+)</code>", page.text)
    assert token
    assert "/caseload" not in _main_navigation(coach.client.get("/").text)  # invited, not yet accepted
    link_id = int(coach.post_form(f"/coaching/accept/{token.group(1)}").headers["location"].rsplit("/", 1)[1])
    for path in ("/", "/applications", "/account"):
        assert '<a href="/caseload">Caseload</a>' in _main_navigation(coach.client.get(path).text), path
    assert '<a href="/caseload" aria-current="page">Caseload</a>' in _main_navigation(
        coach.client.get(f"/caseload/{link_id}").text
    )
    assert "/caseload" not in _main_navigation(ada.client.get("/").text)  # the job seeker coaches nobody
    assert ada.post_form(f"/sharing/coaches/{link_id}/withdraw").status_code == 303
    assert "/caseload" not in _main_navigation(coach.client.get("/").text)


def test_the_caseload_link_costs_one_indexed_query_per_page_and_none_per_fragment(server: Server) -> None:
    """The navigation asks whether anyone shares with the caller only when a page draws it: once for a whole
    page, not at all for a fragment htmx swaps in (the dashboard's charts)."""
    from sqlalchemy import event

    ada = server.person("ada@example.org")
    coach = server.person("coach@uni.example")
    _coach(server, ada, coach)
    asked: list[str] = []

    def keep(_conn: object, _cursor: object, statement: str, *_: object) -> None:
        if "coach_links" in statement and "coach_id" in statement.partition("WHERE")[2]:
            asked.append(statement)

    engine = server.db.engine
    event.listen(engine, "before_cursor_execute", keep)
    try:
        page = coach.client.get("/")
        on_page = len(asked)
        fragment = coach.client.get("/", headers={"HX-Request": "true"})
    finally:
        event.remove(engine, "before_cursor_execute", keep)
    assert '<a href="/caseload">Caseload</a>' in _main_navigation(page.text)
    assert on_page == 1
    assert fragment.status_code == 200 and "nav-bar" not in fragment.text
    assert len(asked) == on_page  # the fragment asked nothing


def test_stopping_sharing_asks_first_and_acts_only_when_confirmed(server: Server) -> None:
    ada = server.person("ada@example.org")
    coach = server.person("coach@uni.example")
    link_id = _coach(server, ada, coach)
    sharing = ada.client.get("/sharing").text
    assert f'href="/sharing/coaches/{link_id}/withdraw"' in sharing  # a link to the question, not a form that acts
    assert f'action="/sharing/coaches/{link_id}/withdraw"' not in sharing
    ask = ada.client.get(f"/sharing/coaches/{link_id}/withdraw")
    assert ask.status_code == 200 and "Stop sharing with coach@uni.example?" in ask.text
    assert f'action="/sharing/coaches/{link_id}/withdraw"' in ask.text and 'href="/sharing#coaches-title"' in ask.text
    assert coach.client.get(f"/caseload/{link_id}").status_code == 200  # only asking changed nothing
    assert not coaching.coach_link(server.db, ada.owner_id, link_id).withdrawn
    assert ada.post_form(f"/sharing/coaches/{link_id}/withdraw").status_code == 303
    assert coach.client.get(f"/caseload/{link_id}").status_code == 404
    assert ada.client.get(f"/sharing/coaches/{link_id}/withdraw").headers["location"] == "/sharing#coaches-title"
    assert server.person("bob@example.org").client.get(f"/sharing/coaches/{link_id}/withdraw").status_code == 404


def _invite(seeker: Person, email: str) -> str:
    page = seeker.post_form("/sharing/coaches", {"email": email, "shares": "applications"})
    token = re.search(r"/coaching/accept/([\w-]+)</code>", page.text)
    assert token, "no link shown"
    return token.group(1)


def _state_of(page: str, email: str) -> str:
    row = page.split(f'<td data-label="Coach">{email}</td>', 1)[1].split("</tr>", 1)[0]
    found = re.search(r'<td data-label="State">(.*?)</td>', row, flags=re.S)
    assert found
    return found.group(1)


def test_the_invited_coach_can_decline_and_the_inviter_sees_it(server: Server) -> None:
    ada = server.person("ada@example.org")
    coach = server.person("coach@uni.example")
    token = _invite(ada, coach.email)
    offer = coach.client.get(f"/coaching/accept/{token}").text
    assert f'action="/coaching/decline/{token}"' in offer and "Decline" in offer
    assert _state_of(ada.client.get("/sharing").text, coach.email) == "invited"
    stranger = server.person("bob@example.org")
    assert stranger.post_form(f"/coaching/decline/{token}").status_code == 404  # only the invited address
    declined = coach.post_form(f"/coaching/decline/{token}")
    assert declined.status_code == 303 and declined.headers["location"] == "/coaching/declined"
    assert "You declined the invitation" in coach.client.get("/coaching/declined").text
    sharing = ada.client.get("/sharing").text
    assert _state_of(sharing, coach.email).startswith("declined")
    assert "Stop sharing with coach@uni.example" not in sharing  # nothing left to stop
    api = ada.api("GET", "/api/v1/coaches").json()["coaches"]
    assert [(c["coach_email"], c["declined"], c["accepted"]) for c in api] == [(coach.email, True, False)]
    # The link is over: it can be neither accepted nor opened, and the coach sees no one.
    assert coach.post_form(f"/coaching/accept/{token}").status_code == 404
    assert coach.client.get(f"/coaching/accept/{token}").status_code == 404
    assert "ada@example.org" not in coach.client.get("/caseload").text
    # Asking again makes a fresh invitation (the declined one stays on record as declined).
    again = _invite(ada, coach.email)
    states = re.findall(r'<td data-label="State">(.*?)</td>', ada.client.get("/sharing").text, flags=re.S)
    assert sorted(s.split(":")[0] for s in states) == ["declined", "invited"]
    assert coach.post_form(f"/coaching/accept/{again}").status_code == 303


def test_a_decline_is_new_in_the_navigation_until_the_sharing_page_is_opened(server: Server) -> None:
    ada = server.person("ada@example.org")
    coach = server.person("coach@uni.example")
    token = _invite(ada, coach.email)

    def navigation() -> str:
        html = ada.client.get("/applications").text
        found = re.search(r'<nav class="nav-bar" aria-label="Main">(.*?)</nav>', html, re.S)
        assert found
        return found.group(1)

    assert '<a href="/sharing">Sharing</a>' in navigation()
    assert coach.post_form(f"/coaching/decline/{token}").status_code == 303
    assert '<a href="/sharing">Sharing (1 new)</a>' in navigation()
    assert "new" in _state_of(ada.client.get("/sharing").text, coach.email)  # the page that tells it marks it
    assert '<a href="/sharing">Sharing</a>' in navigation()
    assert "new" not in _state_of(ada.client.get("/sharing").text, coach.email)
    assert '<a href="/sharing">Sharing</a>' in coach.client.get("/applications").text  # not news for the coach


def test_an_accepted_invitation_cannot_be_declined(server: Server) -> None:
    ada = server.person("ada@example.org")
    coach = server.person("coach@uni.example")
    token = _invite(ada, coach.email)
    assert coach.post_form(f"/coaching/accept/{token}").status_code == 303
    refused = coach.post_form(f"/coaching/decline/{token}")
    assert refused.status_code == 422 and "accepted this invitation already" in refused.text
    assert [link.accepted and not link.declined for link in coaching.coach_links(server.db, ada.owner_id)] == [True]


def test_someone_without_an_account_declines_from_the_link(server: Server) -> None:
    from nextround.storage.tables import User

    from .multiuser_support import form_token

    ada = server.person("ada@example.org")
    token = _invite(ada, "new-coach@uni.example")
    stranger = server.client()
    join = stranger.get(f"/invite/coach/{token}")
    assert join.status_code == 200 and f'action="/invite/coach/{token}/decline"' in join.text
    assert "ada@example.org" not in join.text  # declining does not need to know whose invitation it is
    said = stranger.post(f"/invite/coach/{token}/decline", data={"csrf_token": form_token(join.text)})
    assert said.status_code == 200 and "You declined the invitation" in said.text
    assert _state_of(ada.client.get("/sharing").text, "new-coach@uni.example").startswith("declined")
    assert stranger.get(f"/invite/coach/{token}").status_code == 404  # the link opens nothing any more
    with server.db.read() as session:
        assert session.scalar(select(User.id).where(User.email == "new-coach@uni.example")) is None
    # An address with an account signs in to decline: the link alone never speaks for an account.
    coach = server.person("coach@uni.example")
    other = _invite(ada, coach.email)
    page = server.client()
    redirected = page.post(f"/invite/coach/{other}/decline", data={"csrf_token": form_token(page.get("/sign-in").text)})
    assert redirected.status_code == 303 and redirected.headers["location"].startswith("/sign-in?next=")
    assert _state_of(ada.client.get("/sharing").text, coach.email) == "invited"
