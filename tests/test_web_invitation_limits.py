"""Coach invitations are limited per inviting account, counted in PostgreSQL (so every worker agrees): past the
limit nothing is made and nothing is emailed, through the page and the JSON API alike. A real SMTP server
(aiosmtpd) counts what actually went out."""

from __future__ import annotations

from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import update

from nextround.config import Settings, SmtpConfig
from nextround.services import accounts, coaching, invitation_mail
from nextround.services.rate_limits import TooManyAttempts
from nextround.storage.tables import SignInFailureRow

from .feedback_helpers import SmtpServer, smtp_server
from .multiuser_support import Person, Server, multi_user_server


@pytest.fixture
def smtp() -> Iterator[SmtpServer]:
    with smtp_server() as running:
        yield running


@pytest.fixture
def mailing(tmp_path: Path, postgres_url: str, smtp: SmtpServer, monkeypatch: pytest.MonkeyPatch) -> Iterator[Server]:
    monkeypatch.setattr(accounts, "HASH_COSTS", {"time_cost": 1, "memory_cost": 1024, "parallelism": 1})
    settings = Settings(home=tmp_path / "home", database_url=postgres_url, smtp=SmtpConfig.from_env(smtp.env()))
    with multi_user_server(settings) as server:
        yield server


def _form(person: Person, email: str) -> tuple[int, str]:
    page = person.post_form("/sharing/coaches", {"email": email, "shares": ["applications"]})  # type: ignore[dict-item]
    return page.status_code, page.text


def _links(server: Server, person: Person) -> int:
    return len(coaching.coach_links(server.db, person.owner_id))


def test_at_most_three_invitations_to_one_address_a_day(mailing: Server, smtp: SmtpServer) -> None:
    assert invitation_mail.INVITES_TO.most == 3
    ada = mailing.person("ada@example.org")
    for _ in range(3):
        status, _text = _form(ada, "coach@uni.example")
        assert status == 200
    assert len(smtp.received) == 3

    status, text = _form(ada, "Coach@Uni.example")  # the same address, however it is written
    assert status == 422
    assert "too many invitations to this address in the last 24 hours; try again in 24 hours" in text
    assert 'aria-invalid="true"' in text  # shown at the email field
    answer = ada.api("POST", "/api/v1/coaches", json={"email": "coach@uni.example"})
    assert answer.status_code == 429 and answer.json()["field"] == "email"
    assert answer.json()["error"].startswith("too many invitations to this address")
    assert 0 < int(answer.headers["retry-after"]) <= 24 * 3600
    # nothing sent, nothing made (asking one coach again renews the one link it has: never a second)
    assert len(smtp.received) == 3 and _links(mailing, ada) == 1

    # another address, and another person inviting the same coach, are not held back
    assert _form(ada, "other@uni.example")[0] == 200
    bob = mailing.person("bob@example.org")
    assert _form(bob, "coach@uni.example")[0] == 200
    assert [m.rcpt_tos for m in smtp.received[3:]] == [["other@uni.example"], ["coach@uni.example"]]


def test_at_most_ten_coach_invitations_a_day_then_free_again(mailing: Server, smtp: SmtpServer) -> None:
    assert invitation_mail.INVITES.most == 10
    ada = mailing.person("ada@example.org")
    # a mistake does not use up a place
    assert _form(ada, "not an address")[0] == 422
    assert ada.api("POST", "/api/v1/coaches", json={"email": "x@uni.example", "shares": []}).status_code == 422
    for n in range(10):
        if n % 2:
            assert ada.api("POST", "/api/v1/coaches", json={"email": f"c{n}@uni.example"}).status_code == 201
        else:
            assert _form(ada, f"c{n}@uni.example")[0] == 200
    assert len(smtp.received) == 10

    answer = ada.api("POST", "/api/v1/coaches", json={"email": "c10@uni.example"})
    assert answer.status_code == 429
    assert answer.json() == {
        "error": "too many coach invitations in the last 24 hours; try again in 24 hours",
        "field": "email",
    }
    status, text = _form(ada, "c11@uni.example")
    assert status == 422 and "too many coach invitations in the last 24 hours" in text
    assert len(smtp.received) == 10 and _links(mailing, ada) == 10

    # a day later the places are free again
    with mailing.db.write() as session:
        session.execute(update(SignInFailureRow).values(failed_at=datetime.now(UTC) - timedelta(hours=24, minutes=1)))
    assert ada.api("POST", "/api/v1/coaches", json={"email": "c10@uni.example"}).status_code == 201
    assert len(smtp.received) == 11 and smtp.received[10].rcpt_tos == ["c10@uni.example"]


def test_invitations_at_the_same_moment_cannot_pass_the_limit_together(mailing: Server, smtp: SmtpServer) -> None:
    """Workers run side by side: each invitation counts itself with the account's row locked, so twelve at once
    for one account make exactly ten."""
    ada = mailing.person("ada@example.org")

    def invite(n: int) -> bool:
        try:
            invitation_mail.invite_coach(
                mailing.db, mailing.settings, ada.owner_id, f"c{n}@uni.example", ["applications"], "http://x.example"
            )
        except TooManyAttempts:
            return False
        return True

    with ThreadPoolExecutor(max_workers=6) as pool:
        made = list(pool.map(invite, range(12)))
    assert made.count(True) == 10
    assert _links(mailing, ada) == 10 and len(smtp.received) == 10
