"""Delete with a confirmation and an undo: every kind, its belongings gone and back, owner-scoped, in the
pages and the JSON API."""

from __future__ import annotations

import re
from datetime import timedelta
from pathlib import Path

import pytest

from nextround.domain.contacts import ContactFields, ContactKind, InteractionChannel
from nextround.domain.stages import Outcome, Stage
from nextround.services import deletion, goals, keepgoing, watch
from nextround.services.applications import ApplicationService
from nextround.services.deletion import Deletable, UndoStore
from nextround.services.feedback import add_interview, list_interviews
from nextround.services.insight import add_cv, list_cvs
from nextround.services.network import NetworkService
from nextround.services.workspace import Workspace
from nextround.storage.reads import NotFoundError
from tests.conftest import FakeClock, other_owner
from tests.factories import make_application
from tests.web_support import Web


def rejected_with_history(ws: Workspace, clock: FakeClock) -> int:
    app = make_application(
        ws, company="Marlow Learning", role="Support Engineer", applied_at=clock() - timedelta(days=9)
    )
    service = ApplicationService(ws)
    service.move(app.id, Stage.INTERVIEW, at=clock() - timedelta(days=5))
    add_interview(ws, app.id, clock() - timedelta(days=5), kind="panel")
    service.close(app.id, Outcome.REJECTED)
    keepgoing.add_journal(ws, "Bruised, but I learnt a lot", app_id=app.id)
    return app.id


def test_an_application_goes_with_its_history_and_comes_back(web: Web, workspace: Workspace, clock: FakeClock) -> None:
    app_id = rejected_with_history(workspace, clock)
    before = ApplicationService(workspace).get(app_id)
    ask = web.client.get(f"/delete/application/{app_id}")
    assert ask.status_code == 200 and "Delete Support Engineer at Marlow Learning?" in ask.text
    assert 'href="/export.json"' in ask.text and "stage history" in ask.text
    gone = web.post_form(f"/delete/application/{app_id}")
    assert gone.status_code == 303
    listing = web.client.get(gone.headers["location"])
    assert "Deleted Support Engineer at Marlow Learning." in listing.text and 'id="undo-button"' in listing.text
    with pytest.raises(NotFoundError):
        ApplicationService(workspace).get(app_id)
    entry = keepgoing.list_journal(workspace)[0]
    assert entry.application_id is None  # the journal entry stays, unlinked
    token = re.search(r'action="/undo/([^"]+)"', listing.text)
    assert token
    back = web.post_form(f"/undo/{token.group(1)}")
    assert back.status_code == 303 and back.headers["location"] == f"/applications/{app_id}"
    after = ApplicationService(workspace).get(app_id)
    assert after == before  # every stage event and field as it was
    assert [i.kind for i in list_interviews(workspace, app_id)] == ["panel"]
    assert keepgoing.list_journal(workspace)[0].application_id == app_id
    assert web.post_form(f"/undo/{token.group(1)}").status_code == 404  # once only


def test_every_kind_deletes_and_undoes(workspace: Workspace, tmp_path: Path) -> None:
    store = UndoStore()
    app = make_application(workspace)
    contact = NetworkService(workspace).add_contact(ContactFields(name="Owen Pryce", kind=ContactKind.RECRUITER))
    NetworkService(workspace).log(contact.id, InteractionChannel.EMAIL, "sent my thanks")
    watched = watch.add_watch(workspace, "Crumb & Co")
    goal = goals.add_goal(workspace, title="Write three STAR stories")
    entry = keepgoing.add_journal(workspace, "A good day")
    cv_file = tmp_path / "cv.txt"
    cv_file.write_text("Baker with SQL and Python", encoding="utf-8")
    cv = add_cv(workspace, cv_file, name="Baking CV")
    ids = {
        Deletable.APPLICATION: app.id,
        Deletable.CONTACT: contact.id,
        Deletable.WATCH: watched.id,
        Deletable.GOAL: goal.id,
        Deletable.JOURNAL_ENTRY: entry.id,
        Deletable.CV: cv.id,
    }
    for kind, row_id in ids.items():
        done = deletion.delete(workspace, kind, row_id, store)
        with pytest.raises(NotFoundError):
            deletion.preview(workspace, kind, row_id)
        deletion.undo(workspace, done.undo_token, store)
        assert deletion.preview(workspace, kind, row_id) == done.label, kind
    assert NetworkService(workspace).contact_details(contact.id).interactions
    assert list_cvs(workspace)[0].is_primary


def test_undo_runs_out_and_belongs_to_its_owner(workspace: Workspace, clock: FakeClock) -> None:
    store = UndoStore()
    first = deletion.delete(workspace, Deletable.APPLICATION, make_application(workspace).id, store)
    with pytest.raises(NotFoundError):
        deletion.undo(other_owner(workspace), first.undo_token, store)
    clock.advance(seconds=deletion.UNDO_SECONDS + 1)
    with pytest.raises(Exception, match="too late to undo"):
        deletion.undo(workspace, first.undo_token, store)


def test_anothers_rows_are_not_found(web: Web, workspace: Workspace) -> None:
    someone = other_owner(workspace)
    theirs = make_application(someone)
    assert web.client.get(f"/delete/application/{theirs.id}").status_code == 404
    assert web.post_form(f"/delete/application/{theirs.id}").status_code == 404
    assert web.api("DELETE", f"/api/v1/applications/{theirs.id}").status_code == 404
    assert web.client.get("/delete/users/1").status_code == 404
    ApplicationService(someone).get(theirs.id)  # still there


def test_the_api_deletes_and_undoes(web: Web, workspace: Workspace, clock: FakeClock) -> None:
    app_id = rejected_with_history(workspace, clock)
    gone = web.api("DELETE", f"/api/v1/applications/{app_id}")
    assert gone.status_code == 200
    body = gone.json()
    assert body["deleted"] == "application" and "3 stage changes" in body["also_deleted"]
    assert web.client.get(f"/api/v1/applications/{app_id}").status_code == 404
    back = web.api("POST", f"/api/v1/undo/{body['undo_token']}")
    assert back.json() == {"restored": "application", "id": app_id, "label": "Support Engineer at Marlow Learning"}
    assert web.client.get(f"/api/v1/applications/{app_id}").status_code == 200
    goal = goals.add_goal(workspace, title="Apply to five roles")
    assert web.api("DELETE", f"/api/v1/goals/{goal.id}").json()["label"] == "the goal “Apply to five roles”"
    assert web.api("DELETE", f"/api/v1/goals/{goal.id}").status_code == 404


def test_a_practice_answer_goes_with_its_recording_after_the_undo(
    web: Web, workspace: Workspace, clock: FakeClock
) -> None:
    from nextround.domain.questions import load_bank
    from nextround.services import practice, recordings
    from nextround.storage.practice import PracticeAnswerRepository, SpokenMeasures

    folder = recordings.recordings_folder(workspace.settings.home)
    folder.mkdir(parents=True)
    (folder / "answer-kept.webm").write_bytes(b"voice")
    (folder / "answer-other.webm").write_bytes(b"another answer's")
    question = load_bank()[0]
    spoken = SpokenMeasures(40.0, 120.0, 0, 0.5, 1.0, audio_file="answer-kept.webm")
    practice.record_answer(
        workspace, practice.start_session(workspace, []), question, "I led the night shift.", 40, spoken=spoken
    )
    with workspace.db.read() as session:
        [stored] = PracticeAnswerRepository(session, workspace.owner_id).all()

    history = web.client.get("/practice/history").text
    assert f'href="/delete/practice_answer/{stored.id}"' in history
    ask = web.client.get(f"/delete/practice_answer/{stored.id}")
    assert ask.status_code == 200 and "its recording if you chose to keep recordings" in ask.text
    gone = web.post_form(f"/delete/practice_answer/{stored.id}")
    assert gone.status_code == 303 and gone.headers["location"].startswith("/practice/history?undo=")
    assert f'id="answer-{stored.id}"' not in web.client.get("/practice/history").text
    assert not (folder / "answer-kept.webm").exists()  # out of the folder at once
    token = re.search(r"undo=([^&#]+)", gone.headers["location"])
    assert token
    back = web.post_form(f"/undo/{token.group(1)}")
    assert back.headers["location"] == f"/practice/history#answer-{stored.id}"
    assert (folder / "answer-kept.webm").read_bytes() == b"voice"  # back beside its answer

    api = web.api("DELETE", f"/api/v1/practice/answers/{stored.id}")
    assert api.status_code == 200 and api.json()["label"].startswith("your answer to")
    store = web.app.state.web.undo
    clock.advance(seconds=deletion.UNDO_SECONDS - 5)
    assert recordings.sweep(workspace.settings.home, clock(), timedelta(seconds=deletion.UNDO_SECONDS)) == 0
    clock.advance(seconds=10)  # the undo has run out: the next delete sweeps the recording away
    deletion.delete(workspace, Deletable.GOAL, goals.add_goal(workspace, title="Rest").id, store)
    assert not list(folder.rglob("answer-kept.webm"))
    assert (folder / "answer-other.webm").read_bytes() == b"another answer's"  # another answer's stays


def test_a_recording_that_cannot_move_does_not_undo_the_delete(workspace: Workspace, tmp_path: Path) -> None:
    from nextround.services import recordings

    folder = recordings.recordings_folder(workspace.settings.home)
    folder.mkdir(parents=True)
    (folder / "answer-kept.webm").write_bytes(b"voice")
    (folder / recordings.SET_ASIDE_FOLDER).write_text("a file where the folder should be", encoding="utf-8")
    recordings.set_aside(workspace.settings.home, ["answer-kept.webm"], workspace.now())  # no exception
    assert (folder / "answer-kept.webm").read_bytes() == b"voice"  # left where it was
