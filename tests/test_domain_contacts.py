"""Contact rules without a database: validation, dedupe keys, cadences."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from nextround.domain.contacts import (
    DEFAULT_CADENCE_DAYS,
    Contact,
    ContactError,
    ContactFields,
    ContactKind,
    InteractionChannel,
    cadence_days,
    dedupe_key,
    next_touch,
    parse_channel,
    parse_kind,
)

CREATED = datetime(2024, 11, 1, 9, 0, tzinfo=UTC)


def contact(**overrides: object) -> Contact:
    fields = ContactFields(**{"name": "Ada Lovelace", **overrides})  # type: ignore[arg-type]
    return Contact(id=1, fields=fields.validated(), created_at=CREATED)


def test_validation_cleans_and_rejects() -> None:
    cleaned = ContactFields(
        name="  Ada   Lovelace ", email=" ada@example.org ", linkedin_url="www.linkedin.com/in/ada"
    ).validated()
    assert cleaned.name == "Ada Lovelace"
    assert cleaned.email == "ada@example.org"
    assert cleaned.linkedin_url == "https://www.linkedin.com/in/ada"
    with pytest.raises(ContactError, match="needs a name"):
        ContactFields(name="   ").validated()
    with pytest.raises(ContactError, match="email"):
        ContactFields(name="Ada", email="ada-at-example.org").validated()
    with pytest.raises(ContactError, match="email"):
        ContactFields(name="Ada", email="ada@localhost").validated()
    with pytest.raises(ContactError, match="web address"):
        ContactFields(name="Ada", linkedin_url="javascript:alert(1)").validated()
    with pytest.raises(ContactError, match="cadence"):
        ContactFields(name="Ada", cadence_days=-1).validated()
    assert ContactFields(name="Ada", email="mailto:Ada@Example.org").validated().email == "Ada@Example.org"


def test_parse_kind_and_channel() -> None:
    assert parse_kind("Hiring-Manager") is ContactKind.HIRING_MANAGER
    assert parse_channel("LinkedIn") is InteractionChannel.LINKEDIN
    with pytest.raises(ContactError, match="recruiter"):
        parse_kind("boss")
    with pytest.raises(ContactError, match="email"):
        parse_channel("pigeon")


def test_dedupe_key_prefers_linkedin_then_email_then_name_and_company() -> None:
    a = ContactFields(name="Ada", email="ada@x.org", linkedin_url="https://www.linkedin.com/in/Ada-L/?trk=abc")
    b = ContactFields(name="Ada L.", linkedin_url="https://uk.linkedin.com/in/ada-l")
    assert dedupe_key(a) == dedupe_key(b) == "li:linkedin.com/in/ada-l"
    assert dedupe_key(ContactFields(name="Ada", email="ADA@x.org")) == "email:ada@x.org"
    assert dedupe_key(ContactFields(name=" Ada  Lovelace", company="Acme ")) == dedupe_key(
        ContactFields(name="ada lovelace", company="acme")
    )
    assert dedupe_key(ContactFields(name="Ada", company="Acme")) != dedupe_key(ContactFields(name="Ada", company="Zed"))


def test_default_cadences_by_kind() -> None:
    assert DEFAULT_CADENCE_DAYS == {
        ContactKind.RECRUITER: 30,
        ContactKind.HIRING_MANAGER: 60,
        ContactKind.INTERVIEWER: 90,
        ContactKind.REFERRAL: 30,
        ContactKind.PEER: 60,
        ContactKind.OTHER: 60,
    }
    assert cadence_days(ContactFields(name="A", kind=ContactKind.INTERVIEWER)) == 90
    assert cadence_days(ContactFields(name="A", kind=ContactKind.INTERVIEWER, cadence_days=14)) == 14


def test_next_touch_restarts_from_the_last_interaction() -> None:
    recruiter = contact(kind=ContactKind.RECRUITER)
    assert next_touch(recruiter, None) == date(2024, 12, 1)  # created + 30
    assert next_touch(recruiter, datetime(2024, 12, 10, 15, tzinfo=UTC)) == date(2025, 1, 9)
    assert next_touch(contact(cadence_days=7), None) == date(2024, 11, 8)
    assert next_touch(contact(cadence_days=0), None) is None
    # An old connection added today is not overdue.
    assert next_touch(contact(connected_on=date(2019, 1, 1)), None) == date(2024, 12, 31)


def test_to_dict_is_json_ready() -> None:
    data = contact(kind=ContactKind.REFERRAL, connected_on=date(2024, 10, 3)).to_dict()
    assert data["kind"] == "referral"
    assert data["connected_on"] == "2024-10-03"
    assert data["effective_cadence_days"] == 30
