"""A coach with no account on an invitation-only server makes one from the job seeker's invitation."""

from __future__ import annotations

import re

import pytest

from nextround.services import accounts, coaching
from nextround.storage.reads import NotFoundError

from .multiuser_support import PASSWORD, Server, form_token


def _invite(seeker_post: object, email: str) -> str:
    page = seeker_post("/sharing/coaches", {"email": email, "shares": ["applications", "practice"]})  # type: ignore[operator]
    found = re.search(r"/coaching/accept/([\w-]+)</code>", page.text)
    assert found, "no link shown"
    return found.group(1)


def test_a_coach_without_an_account_creates_one_from_the_invitation_and_is_on_the_caseload(server: Server) -> None:
    ada = server.person("ada@example.org")
    token = _invite(ada.post_form, "Carol@Outside.example")
    carol = server.client()
    first = carol.get(f"/coaching/accept/{token}")
    assert first.status_code == 303 and first.headers["location"].startswith("/sign-in?next=")
    sign_in = carol.get(first.headers["location"])
    assert sign_in.status_code == 303 and sign_in.headers["location"] == f"/invite/coach/{token}"
    page = carol.get(f"/invite/coach/{token}")
    assert page.status_code == 200
    assert "carol@outside.example" in page.text
    assert "ada@example.org" not in page.text  # whose invitation it is waits until the invited person signs in
    data = {"csrf_token": form_token(page.text), "password": "short", "password_again": "other"}
    refused = carol.post(f"/invite/coach/{token}", data=data)
    assert refused.status_code == 422 and "at least" in refused.text and "differ" in refused.text
    data |= {"password": PASSWORD, "password_again": PASSWORD, "time_zone": "Europe/London"}
    made = carol.post(f"/invite/coach/{token}", data=data)
    assert made.status_code == 303 and made.headers["location"] == f"/coaching/accept/{token}"
    accept = carol.get(made.headers["location"])
    assert accept.status_code == 200 and "ada@example.org" in accept.text
    assert carol.post(f"/coaching/accept/{token}", data={"csrf_token": form_token(accept.text)}).status_code == 303
    caseload = carol.get("/caseload")
    assert caseload.status_code == 200 and "ada@example.org" in caseload.text
    account = accounts.find_account(server.db, "carol@outside.example")
    assert account.time_zone == "Europe/London"
    assert [link.accepted for link in coaching.coach_links(server.db, ada.owner_id)] == [True]
    # the link made one account once: again, it is for someone who signs in
    again = server.client().get(f"/invite/coach/{token}")
    assert again.status_code == 303 and again.headers["location"].startswith("/sign-in?next=")


def test_a_coach_with_an_account_signs_in_and_a_withdrawn_link_makes_no_account(server: Server) -> None:
    ada = server.person("ada@example.org")
    server.person("coach@uni.example")
    token = _invite(ada.post_form, "coach@uni.example")
    anonymous = server.client()
    sign_in = anonymous.get(f"/sign-in?next=/coaching/accept/{token}")
    assert sign_in.status_code == 200 and "Sign in with the address" in sign_in.text
    assert anonymous.get(f"/invite/coach/{token}").headers["location"].startswith("/sign-in?next=")
    other = _invite(ada.post_form, "dan@outside.example")
    links = coaching.coach_links(server.db, ada.owner_id)
    link_id = next(link.id for link in links if link.coach_email.startswith("dan"))
    assert ada.post_form(f"/sharing/coaches/{link_id}/withdraw").status_code == 303
    page = anonymous.get(f"/invite/coach/{other}")
    assert page.status_code == 404
    token_page = anonymous.get("/sign-in")
    data = {"csrf_token": form_token(token_page.text), "password": PASSWORD, "password_again": PASSWORD}
    assert anonymous.post(f"/invite/coach/{other}", data=data).status_code == 404
    with pytest.raises(NotFoundError):  # a withdrawn invitation made no account
        accounts.find_account(server.db, "dan@outside.example")


def test_someone_signed_in_with_another_address_can_sign_out_and_take_the_invitation(server: Server) -> None:
    ada = server.person("ada@example.org")
    bob = server.person("bob@example.org")
    token = _invite(ada.post_form, "carol@outside.example")
    page = bob.client.get(f"/coaching/accept/{token}")
    assert page.status_code == 404 and "This invitation is for another address" in page.text
    assert "ada@example.org" not in page.text and "carol@outside.example" not in page.text
    out = bob.post_form("/sign-out", {"next": f"/coaching/accept/{token}"})
    assert out.status_code == 303
    then = bob.client.get(out.headers["location"])  # no account for carol yet: the page that makes one
    assert then.status_code == 303 and then.headers["location"] == f"/invite/coach/{token}"
    assert bob.client.get("/account").status_code == 303  # bob's session ended
    elsewhere = server.person("eve@example.org").post_form("/sign-out", {"next": "https://evil.example/"})
    assert elsewhere.headers["location"] == "/sign-in?notice=signed-out"  # never anywhere else
