"""Multi-user mode only: the JSON API for a person's access tokens, their sharing with coaches, and a coach's
caseload (`/api/v1/tokens`, `/api/v1/coaches`, `/api/v1/caseload`).

The same services and owner checks as the pages: a token, a coach link or a caseload entry of someone else's
answers 404, as an unknown id does. A new token is in the answer that makes it, and never again.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field

from nextround.services import accounts, coach_notes, coaching, invitation_mail
from nextround.services.accounts import Caller
from nextround.services.workspace import Workspace
from nextround.web.errors import ERROR_RESPONSES
from nextround.web.responses import json_response

router = APIRouter(prefix="/api/v1", responses=ERROR_RESPONSES, tags=["account"])


class NewToken(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: str = Field("", description="What will use it (shown on the Account page)")


class Shares(BaseModel):
    model_config = ConfigDict(extra="forbid")
    shares: list[str] = Field(default_factory=list, description=f"Any of: {', '.join(coaching.SHAREABLE)}")


class NewCoach(Shares):
    email: str = Field(description="The coach's address: they accept the invitation signed in with it")
    shares: list[str] = Field(default_factory=lambda: list(coaching.DEFAULT_SHARES))


class NewComment(BaseModel):
    model_config = ConfigDict(extra="forbid")
    text: str = ""
    application_id: int | None = Field(None, description="The shared application it is about (else general)")
    reply_to: int | None = Field(None, description="A comment of yours to answer in its thread")
    question: bool = Field(False, description="An assigned practice question rather than a comment")


def _me(request: Request) -> Caller:
    caller = getattr(request.state, "caller", None)
    assert isinstance(caller, Caller)  # web.auth let no one without a session or token past this point
    return caller


def _db(request: Request) -> Any:
    return request.app.state.web.database()


# -- access tokens -------------------------------------------------------------------------------------


@router.get("/tokens", summary="Your personal access tokens (never the tokens themselves)")
def list_tokens(request: Request) -> JSONResponse:
    return json_response({"tokens": accounts.list_tokens(_db(request), _me(request).owner_id)})


@router.post("/tokens", status_code=201, summary="Make an access token: `token` is in this answer only")
def create_token(request: Request, body: NewToken) -> JSONResponse:
    return json_response(accounts.create_token(_db(request), _me(request).owner_id, body.name), 201)


@router.delete("/tokens/{token_id}", summary="Revoke an access token: it stops working at once")
def revoke_token(request: Request, token_id: int) -> JSONResponse:
    return json_response(accounts.revoke_token(_db(request), _me(request).owner_id, token_id))


# -- sharing with coaches (the job seeker's side) ------------------------------------------------------


@router.get("/coaches", summary="Your coaches: what each sees, and whether they accepted or you stopped")
def list_coaches(request: Request) -> JSONResponse:
    return json_response({"coaches": coaching.coach_links(_db(request), _me(request).owner_id)})


@router.post(
    "/coaches",
    status_code=201,
    summary="Invite a coach: emailed if the server sends mail (`delivery` says); the link to pass on is in the answer",
)
def invite_coach(request: Request, body: NewCoach) -> JSONResponse:
    web = request.app.state.web
    base = str(request.base_url).rstrip("/")
    made = invitation_mail.invite_coach(
        web.database(), web.settings, _me(request).owner_id, body.email, body.shares, base
    )
    return json_response({"coach": made.link, "invitation_url": made.url, "delivery": made.delivery}, 201)


@router.patch("/coaches/{link_id}", summary="Change what a coach may see (their next request sees it)")
def change_shares(request: Request, link_id: int, body: Shares) -> JSONResponse:
    return json_response(coaching.change_shares(_db(request), _me(request).owner_id, link_id, body.shares))


@router.delete("/coaches/{link_id}", summary="Stop sharing with a coach, at once")
def withdraw(request: Request, link_id: int) -> JSONResponse:
    return json_response(coaching.withdraw(_db(request), _me(request).owner_id, link_id))


class Message(BaseModel):
    model_config = ConfigDict(extra="forbid")
    text: str = Field("", description="What you would like help with")


@router.post("/coaches/{link_id}/messages", status_code=201, summary="Ask a coach for help: a thread of your own")
def ask_coach(request: Request, link_id: int, body: Message) -> JSONResponse:
    return json_response(coach_notes.ask(_db(request), _me(request).owner_id, link_id, body.text), 201)


@router.get("/coaches/reads", summary="The audit log: every time a coach read something of yours")
def reads(request: Request) -> JSONResponse:
    return json_response({"reads": coaching.reads_log(_db(request), _me(request).owner_id)})


@router.get("/coach-comments", summary="Comments and assigned questions from your coaches, with replies")
def comments(request: Request) -> JSONResponse:
    return json_response({"comments": coach_notes.notes_for(_db(request), _me(request).owner_id)})


# -- the caseload (the coach's side) -------------------------------------------------------------------


@router.get("/caseload", summary="Everyone who shares with you: rejections this week, silence, falling scores")
def caseload(request: Request) -> JSONResponse:
    return json_response({"caseload": coaching.caseload(_db(request), _me(request).owner_id)})


@router.get("/caseload/{link_id}", summary="What one person shares with you, read-only (written to their log)")
def shared_view(request: Request, link_id: int) -> JSONResponse:
    web = request.app.state.web
    db = web.database()
    me = _me(request)
    seeker = coaching.seeker_of(db, me.owner_id, link_id)
    ws = Workspace(db=db, owner_id=seeker, settings=web.settings, clock=web.workspace_of(me).clock)
    return json_response(coaching.shared_view(db, me.owner_id, link_id, ws))


@router.post("/caseload/{link_id}/comments", status_code=201, summary="Comment, reply or assign a question")
def add_comment(request: Request, link_id: int, body: NewComment) -> JSONResponse:
    note = coach_notes.add_note(
        _db(request),
        _me(request).owner_id,
        link_id,
        body.text,
        question=body.question,
        application_id=body.application_id,
        reply_to=body.reply_to,
    )
    return json_response(note, 201)
