"""The job-board clients against a real local HTTP server speaking each API's response shape."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

import pytest

from nextround.domain.watch import WatchError
from nextround.integrations.job_boards import (
    DEFAULT_BASES,
    AshbyClient,
    BoardError,
    GreenhouseClient,
    LeverClient,
    board_settings_from_env,
    make_client,
    parse_board_spec,
)

from .job_board_server import FakeBoards, ashby_job, greenhouse_job, lever_posting, running_boards


@pytest.fixture(scope="module")
def server() -> Iterator[FakeBoards]:
    with running_boards() as boards:
        yield boards


@pytest.fixture
def boards(server: FakeBoards) -> FakeBoards:
    server.reset()
    return server


def test_greenhouse_parses_the_job_board_shape(boards: FakeBoards) -> None:
    boards.greenhouse["acme"] = [greenhouse_job(101, "Support Engineer", "Dublin"), greenhouse_job(102, "Chef")]
    postings = GreenhouseClient(boards.settings()).fetch("acme")
    assert [p.id for p in postings] == ["101", "102"]
    first = postings[0]
    assert first.title == "Support Engineer"
    assert first.location == "Dublin"
    assert first.url == "https://boards.greenhouse.io/acme/jobs/101"
    assert first.posted_at == datetime(2024, 11, 1, 13, 30, tzinfo=UTC)
    assert boards.hits["/v1/boards/acme/jobs"] == 1


def test_lever_parses_the_postings_list_and_asks_for_json(boards: FakeBoards) -> None:
    boards.lever["acme"] = [lever_posting("5ac2-uuid", "Support Lead", "London")]
    postings = LeverClient(boards.settings()).fetch("acme")
    assert len(postings) == 1
    assert postings[0].id == "5ac2-uuid"
    assert postings[0].title == "Support Lead"
    assert postings[0].location == "London"
    assert postings[0].url == "https://jobs.lever.co/acme/5ac2-uuid"
    assert postings[0].posted_at == datetime.fromtimestamp(1730451000, tz=UTC)
    assert boards.queries["/v0/postings/acme"] == "mode=json"


def test_ashby_parses_the_job_board_and_skips_unlisted_jobs(boards: FakeBoards) -> None:
    boards.ashby["acme"] = [ashby_job("a1", "Support Engineer"), ashby_job("a2", "Secret role", listed=False)]
    postings = AshbyClient(boards.settings()).fetch("acme")
    assert [(p.id, p.title, p.location) for p in postings] == [("a1", "Support Engineer", "Berlin")]
    assert postings[0].url == "https://jobs.ashbyhq.com/acme/a1"
    assert postings[0].posted_at == datetime(2024, 11, 1, 9, 30, tzinfo=UTC)


def test_entries_without_an_id_are_skipped_and_odd_fields_tolerated(boards: FakeBoards) -> None:
    boards.greenhouse["odd"] = [
        {"title": "No id"},
        {"id": 7, "title": "  Spaced\n title ", "location": None, "updated_at": "not a date"},
        "not an object",
    ]
    postings = GreenhouseClient(boards.settings()).fetch("odd")
    assert [(p.id, p.title, p.location, p.posted_at) for p in postings] == [("7", "Spaced title", "", None)]


def test_a_server_error_is_retried_then_succeeds(boards: FakeBoards) -> None:
    boards.greenhouse["flaky"] = [greenhouse_job(1, "Support Engineer")]
    boards.fail_first["/v1/boards/flaky/jobs"] = [500]
    postings = GreenhouseClient(boards.settings()).fetch("flaky")
    assert [p.id for p in postings] == ["1"]
    assert boards.hits["/v1/boards/flaky/jobs"] == 2


def test_a_board_that_stays_down_gives_one_line_after_all_attempts(boards: FakeBoards) -> None:
    boards.lever["down"] = []
    boards.always["/v0/postings/down"] = 503
    with pytest.raises(BoardError) as caught:
        LeverClient(boards.settings(retries=2)).fetch("down")
    message = str(caught.value)
    assert "\n" not in message
    assert "HTTP 503" in message
    assert "3 attempts" in message
    assert boards.hits["/v0/postings/down"] == 3


def test_404_is_not_retried_and_names_the_board(boards: FakeBoards) -> None:
    with pytest.raises(BoardError, match=r"greenhouse board 'nobody' not found \(HTTP 404\)"):
        GreenhouseClient(boards.settings()).fetch("nobody")
    assert boards.hits["/v1/boards/nobody/jobs"] == 1
    with pytest.raises(BoardError, match="not found"):
        AshbyClient(boards.settings()).fetch("nobody")
    with pytest.raises(BoardError, match="not found"):
        LeverClient(boards.settings()).fetch("nobody")


def test_a_slow_board_times_out_and_is_retried(boards: FakeBoards) -> None:
    boards.ashby["slow"] = [ashby_job("a1", "Support")]
    boards.delay["/posting-api/job-board/slow"] = 1.0
    with pytest.raises(BoardError, match=r"timed out after 0.2 s \(2 attempts\)"):
        AshbyClient(boards.settings(timeout=0.2, retries=1)).fetch("slow")
    assert boards.hits["/posting-api/job-board/slow"] == 2


def test_other_client_errors_and_non_json_answers_are_one_line(boards: FakeBoards) -> None:
    boards.always["/v1/boards/private/jobs"] = 403
    with pytest.raises(BoardError, match="HTTP 403"):
        GreenhouseClient(boards.settings()).fetch("private")
    assert boards.hits["/v1/boards/private/jobs"] == 1
    boards.raw["/v1/boards/html/jobs"] = (200, "text/html", b"<html>maintenance</html>")
    with pytest.raises(BoardError, match="did not answer with JSON"):
        GreenhouseClient(boards.settings()).fetch("html")
    boards.raw["/v0/postings/shape"] = (200, "application/json", b'{"jobs": []}')
    with pytest.raises(BoardError, match="unexpected shape"):
        LeverClient(boards.settings()).fetch("shape")


def test_an_unreachable_server_is_a_board_error() -> None:
    with running_boards() as boards:
        settings = boards.settings(timeout=1.0, retries=1)
    # The server is shut down now: nothing listens on that port any more.
    with pytest.raises(BoardError, match=r"could not be reached .*\(2 attempts\)"):
        GreenhouseClient(settings).fetch("acme")


def test_tokens_are_quoted_into_the_path(boards: FakeBoards) -> None:
    boards.ashby["Acme Corp"] = [ashby_job("x", "Support")]
    assert [p.id for p in AshbyClient(boards.settings()).fetch("Acme Corp")] == ["x"]
    assert boards.hits["/posting-api/job-board/Acme%20Corp"] == 1


def test_settings_come_from_the_environment_with_real_defaults() -> None:
    defaults = board_settings_from_env({})
    assert defaults.base("greenhouse") == "https://boards-api.greenhouse.io"
    assert defaults.base("lever") == "https://api.lever.co"
    assert defaults.base("ashby") == "https://api.ashbyhq.com"
    assert dict(defaults.bases) == DEFAULT_BASES
    custom = board_settings_from_env({"NEXTROUND_LEVER_API": "http://localhost:9/lever/"})
    assert custom.base("lever") == "http://localhost:9/lever"
    assert custom.base("greenhouse") == DEFAULT_BASES["greenhouse"]
    with pytest.raises(BoardError, match="NEXTROUND_ASHBY_API must be an http"):
        board_settings_from_env({"NEXTROUND_ASHBY_API": "ftp://example"})


def test_parse_board_spec() -> None:
    assert parse_board_spec("greenhouse:acme") == ("greenhouse", "acme")
    assert parse_board_spec(" Lever : acme-inc ") == ("lever", "acme-inc")
    assert parse_board_spec("ashby:Acme Corp") == ("ashby", "Acme Corp")
    # the address of a careers page, as copied from the browser
    assert parse_board_spec("https://boards.greenhouse.io/acme") == ("greenhouse", "acme")
    assert parse_board_spec("https://job-boards.greenhouse.io/acme/jobs/4012") == ("greenhouse", "acme")
    assert parse_board_spec("jobs.lever.co/acme-inc/5c1f?lever-source=x") == ("lever", "acme-inc")
    assert parse_board_spec("https://jobs.ashbyhq.com/Acme") == ("ashby", "Acme")
    for bad, message in [
        ("acme", "is not a job board"),
        ("greenhouse:", "is not a job board"),
        ("workday:acme", "unknown job board"),
        ("greenhouse:../../etc", "may only hold"),
        ("lever:a/b", "may only hold"),
        ("https://careers.example.com/jobs", "not a Greenhouse, Lever or Ashby careers page"),
        ("https://jobs.lever.co/", "does not name a company"),
    ]:
        with pytest.raises(WatchError, match=message):
            parse_board_spec(bad)


def test_make_client_gives_the_right_client(boards: FakeBoards) -> None:
    boards.lever["acme"] = [lever_posting("p1", "Support")]
    client = make_client("lever", boards.settings())
    assert client.name == "lever"
    assert [p.id for p in client.fetch("acme")] == ["p1"]
    with pytest.raises(BoardError, match="unknown job board"):
        make_client("workday")
