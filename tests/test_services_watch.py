"""Company watch on SQLite and PostgreSQL, against a real local job-board server."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import select

from nextround.domain.watch import WatchError
from nextround.integrations.job_boards import BoardClient, make_client
from nextround.serialize import json_object
from nextround.services.watch import (
    ClientFactory,
    add_watch,
    check_watches,
    dismiss_opening,
    list_watches,
    new_openings,
    remove_watch,
)
from nextround.services.workspace import Workspace
from nextround.storage.reads import NotFoundError
from nextround.storage.tables import SeenPostingRow

from .conftest import FakeClock, other_owner
from .factories import make_application
from .job_board_server import FakeBoards, greenhouse_job, lever_posting, running_boards


@pytest.fixture(scope="module")
def server() -> Iterator[FakeBoards]:
    with running_boards() as boards:
        yield boards


@pytest.fixture
def boards(server: FakeBoards) -> FakeBoards:
    server.reset()
    return server


def factory(boards: FakeBoards) -> ClientFactory:
    settings = boards.settings(timeout=2.0, retries=1)

    def make(board: str) -> BoardClient:
        return make_client(board, settings)

    return make


def seen(ws: Workspace, watch_id: int) -> list[str]:
    with ws.db.read() as session:
        return sorted(
            session.scalars(
                select(SeenPostingRow.posting_id).where(
                    SeenPostingRow.watch_id == watch_id, SeenPostingRow.owner_id == ws.owner_id
                )
            )
        )


def test_first_check_reports_all_matching_then_only_new_ones(
    workspace: Workspace, boards: FakeBoards, clock: FakeClock
) -> None:
    boards.greenhouse["acme"] = [
        greenhouse_job(1, "Support Engineer"),
        greenhouse_job(2, "Pastry Chef"),
        greenhouse_job(3, "Senior Support Lead", "Berlin"),
    ]
    watch = add_watch(workspace, "Acme", "greenhouse:acme", "support")

    first = check_watches(workspace, factory(boards))
    assert [o.posting_id for o in first.openings] == ["1", "3"]
    assert first.openings[0].company == "Acme"
    assert first.openings[0].url == "https://boards.greenhouse.io/acme/jobs/1"
    assert first.warnings == []
    assert json_object(first)["watches"][0] == {
        "watch_id": watch.id,
        "company": "Acme",
        "board": "greenhouse:acme",
        "status": "ok",
        "fetched": 3,
        "new": 3,
        "new_matching": 2,
        "error": None,
    }
    # Non-matching postings are remembered too, so a later check does not call them new.
    assert seen(workspace, watch.id) == ["1", "2", "3"]

    clock.advance(days=1)
    second = check_watches(workspace, factory(boards))
    assert second.openings == []
    assert second.results[0].fetched == 3

    clock.advance(days=1)
    boards.greenhouse["acme"].append(greenhouse_job(4, "Support Analyst"))
    boards.greenhouse["acme"].append(greenhouse_job(5, "Baker"))
    third = check_watches(workspace, factory(boards))
    assert [(o.posting_id, o.title) for o in third.openings] == [("4", "Support Analyst")]
    assert third.results[0].new == 2

    (stored,) = list_watches(workspace)
    assert stored.last_checked_at == clock()
    assert stored.seen == 5
    assert stored.last_error is None


def test_a_down_board_leaves_the_others_and_its_own_seen_postings_intact(
    workspace: Workspace, boards: FakeBoards, clock: FakeClock
) -> None:
    boards.greenhouse["acme"] = [greenhouse_job(1, "Support Engineer")]
    boards.lever["beta"] = [lever_posting("b1", "Support Lead")]
    acme = add_watch(workspace, "Acme", "greenhouse:acme")
    beta = add_watch(workspace, "Beta", "lever:beta")
    assert len(check_watches(workspace, factory(boards)).openings) == 2
    checked_before = {w.id: w.last_checked_at for w in list_watches(workspace)}

    clock.advance(hours=5)
    boards.greenhouse["acme"].append(greenhouse_job(2, "Support Analyst"))
    boards.lever["beta"].append(lever_posting("b2", "Support Manager"))
    boards.always["/v0/postings/beta"] = 503
    report = check_watches(workspace, factory(boards))

    assert [o.posting_id for o in report.openings] == ["2"]
    assert len(report.warnings) == 1
    assert report.warnings[0].startswith("Beta: lever board 'beta' answered HTTP 503")
    assert "\n" not in report.warnings[0]
    assert json_object(report)["failed"] == 1
    assert seen(workspace, acme.id) == ["1", "2"]
    assert seen(workspace, beta.id) == ["b1"]
    watches = {w.id: w for w in list_watches(workspace)}
    assert watches[acme.id].last_checked_at == clock()
    assert watches[beta.id].last_checked_at == checked_before[beta.id]
    assert watches[beta.id].last_error.startswith("Beta: lever board 'beta'")

    # The board comes back: its new posting is reported once, and the error is cleared.
    boards.always.clear()
    clock.advance(hours=1)
    recovered = check_watches(workspace, factory(boards))
    assert [o.posting_id for o in recovered.openings] == ["b2"]
    assert {w.id: w.last_error for w in list_watches(workspace)} == {acme.id: None, beta.id: None}


def test_an_unknown_board_token_is_a_warning_not_a_crash(workspace: Workspace, boards: FakeBoards) -> None:
    add_watch(workspace, "Ghost Inc", "ashby:ghost")
    report = check_watches(workspace, factory(boards))
    assert report.openings == []
    assert report.warnings == ["Ghost Inc: ashby board 'ghost' not found (HTTP 404): check the board name"]
    assert boards.hits["/posting-api/job-board/ghost"] == 1


def test_watches_without_a_board_are_skipped(workspace: Workspace, boards: FakeBoards) -> None:
    add_watch(workspace, "Corner Shop")
    report = check_watches(workspace, factory(boards))
    assert json_object(report)["checked"] == 0
    assert report.results[0].skipped
    assert json_object(report)["watches"][0]["status"] == "skipped"
    assert sum(boards.hits.values()) == 0


def test_add_watch_validates_and_refuses_duplicates(workspace: Workspace) -> None:
    watch = add_watch(workspace, "  Acme   Ltd ", "Greenhouse:acme", "support, Support, c++")
    assert watch.company == "Acme Ltd"
    assert watch.board_spec == "greenhouse:acme"
    assert watch.keywords == ("support", "c++")
    with pytest.raises(WatchError, match="already watched"):
        add_watch(workspace, "acme ltd", "greenhouse:acme")
    with pytest.raises(WatchError, match="unknown job board"):
        add_watch(workspace, "Acme", "workday:acme")
    with pytest.raises(WatchError, match="company is required"):
        add_watch(workspace, "   ")
    assert len(list_watches(workspace)) == 1


def test_remove_watch_forgets_its_postings(workspace: Workspace, boards: FakeBoards) -> None:
    boards.greenhouse["acme"] = [greenhouse_job(1, "Support Engineer")]
    watch = add_watch(workspace, "Acme", "greenhouse:acme")
    check_watches(workspace, factory(boards))
    assert remove_watch(workspace, watch.id).company == "Acme"
    assert list_watches(workspace) == []
    assert seen(workspace, watch.id) == []
    assert new_openings(workspace) == []
    with pytest.raises(NotFoundError):
        remove_watch(workspace, watch.id)


def test_new_openings_window(workspace: Workspace, boards: FakeBoards, clock: FakeClock) -> None:
    boards.greenhouse["acme"] = [greenhouse_job(1, "Support Engineer"), greenhouse_job(2, "Chef")]
    add_watch(workspace, "Acme", "greenhouse:acme", "support")
    check_watches(workspace, factory(boards))
    clock.advance(days=10)
    boards.greenhouse["acme"].append(greenhouse_job(3, "Support Lead"))
    check_watches(workspace, factory(boards))
    assert [o.posting_id for o in new_openings(workspace)] == ["3", "1"]  # newest first, matching only
    assert [o.posting_id for o in new_openings(workspace, days=5)] == ["3"]
    clock.advance(days=15)
    assert new_openings(workspace) == []


def test_watches_are_scoped_to_their_owner(workspace: Workspace, boards: FakeBoards) -> None:
    boards.greenhouse["acme"] = [greenhouse_job(1, "Support Engineer")]
    mine = add_watch(workspace, "Acme", "greenhouse:acme")
    other = other_owner(workspace)
    theirs = add_watch(other, "Acme", "greenhouse:acme")  # same company and board: fine for another person
    assert len(check_watches(workspace, factory(boards)).openings) == 1
    assert [w.id for w in list_watches(workspace)] == [mine.id]
    assert [w.id for w in list_watches(other)] == [theirs.id]
    assert new_openings(other) == []
    assert seen(other, theirs.id) == []
    with pytest.raises(NotFoundError):
        remove_watch(other, mine.id)
    assert len(check_watches(other, factory(boards)).openings) == 1


def test_a_dismissed_opening_leaves_the_list_and_the_agenda(workspace: Workspace, boards: FakeBoards) -> None:
    from nextround.domain.actions import Action, ActionKind
    from nextround.services.agenda import agenda as agenda_of

    def dismissals() -> list[Action]:
        return [item.actions[1] for item in agenda_of(workspace) if item.kind == "new_posting"]

    boards.greenhouse["acme"] = [greenhouse_job(1, "Support Engineer"), greenhouse_job(2, "Support Lead")]
    add_watch(workspace, "Acme", "greenhouse:acme", "support")
    report = check_watches(workspace, factory(boards))
    first, second = sorted(report.openings, key=lambda o: o.posting_id)
    assert Action(ActionKind.DISMISS_OPENING, {"opening_id": first.id}) in dismissals()
    dismissed = dismiss_opening(workspace, first.id)
    assert dismissed.title == "Support Engineer"
    assert [o.id for o in new_openings(workspace)] == [second.id]
    assert dismissals() == [Action(ActionKind.DISMISS_OPENING, {"opening_id": second.id})]
    with pytest.raises(NotFoundError):
        dismiss_opening(other_owner(workspace), second.id)


def test_a_board_title_with_terminal_controls_is_stored_and_reported_as_plain_text(
    workspace: Workspace, boards: FakeBoards
) -> None:
    hostile = "Support\x1b]0;owned\x07 Engineer\x1b[2J\x9b"
    boards.greenhouse["acme"] = [greenhouse_job(1, hostile, "Remote\x1b[31m")]
    add_watch(workspace, "Acme", "greenhouse:acme", "support")
    (opening,) = check_watches(workspace, factory(boards)).openings
    assert opening.title == "Support]0;owned Engineer[2J"
    with workspace.db.read() as session:
        stored = session.scalars(select(SeenPostingRow.title)).all()
    assert stored == ["Support]0;owned Engineer[2J"]


def test_a_board_date_outside_the_sane_years_is_unknown_not_a_trap(workspace: Workspace, boards: FakeBoards) -> None:
    job = greenhouse_job(1, "Support Engineer")
    job["updated_at"] = "9999-12-31T23:59:59Z"
    boards.greenhouse["acme"] = [job]
    (posting,) = make_client("greenhouse", boards.settings()).fetch("acme")
    assert posting.posted_at is None
    add_watch(workspace, "Acme", "greenhouse:acme", "support")
    assert [o.posting_id for o in check_watches(workspace, factory(boards)).openings] == ["1"]


def test_an_opening_turned_into_an_application_leaves_the_agenda(workspace: Workspace, boards: FakeBoards) -> None:
    from nextround.services.agenda import agenda as agenda_of

    boards.greenhouse["acme"] = [greenhouse_job(1, "Support Engineer"), greenhouse_job(2, "Support Lead")]
    add_watch(workspace, "Acme", "greenhouse:acme", "support")
    check_watches(workspace, factory(boards))
    postings = [item for item in agenda_of(workspace) if item.kind == "new_posting"]
    assert len(postings) == 2
    applied = next(o for o in new_openings(workspace) if o.title == "Support Engineer")
    make_application(workspace, company="Acme", role="Support Engineer", job_url=applied.url)
    left = [item.title for item in agenda_of(workspace) if item.kind == "new_posting"]
    assert len(left) == 1 and "Support Lead" in left[0]
