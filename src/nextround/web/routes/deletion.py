"""Delete with a confirmation, then "Undo" for a few seconds: pages and the JSON API.

`GET /delete/{kind}/{id}` asks (and offers the JSON export first); `POST` deletes and goes back to the
list, whose banner (base.html, from `?undo=`) has the Undo button; `POST /undo/{token}` puts it all back.
The API: `DELETE /api/v1/{applications,contacts,watches,goals,journal,cvs,practice/answers}/{id}` answers with the undo
token, and `POST /api/v1/undo/{token}` uses it.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response

from nextround.services import deletion
from nextround.services.deletion import Deletable
from nextround.storage.reads import NotFoundError
from nextround.web.deps import WorkspaceDep
from nextround.web.errors import ERROR_RESPONSES
from nextround.web.rendering import render
from nextround.web.responses import json_response

router = APIRouter()
pages = APIRouter(include_in_schema=False)
api = APIRouter(prefix="/api/v1", responses=ERROR_RESPONSES, tags=["delete"])

# kind → (the page listing its kind, the page of one row ({id}), what else goes, in words)
PLACES: dict[Deletable, tuple[str, str, str]] = {
    Deletable.APPLICATION: (
        "/applications",
        "/applications/{id}",
        "Its stage history, interviews, feedback requests, feedback and reflection go with it.",
    ),
    Deletable.CONTACT: ("/contacts", "/contacts/{id}", "The interactions you logged with them go with it."),
    Deletable.WATCH: ("/companies", "/companies", "The openings seen there go with it."),
    Deletable.GOAL: ("/insights#goals", "/insights#goal-{id}", ""),
    Deletable.JOURNAL_ENTRY: ("/journal", "/journal", ""),
    Deletable.CV: ("/insights", "/insights", "Matches against jobs will use your other CV, if you have one."),
    Deletable.PRACTICE_ANSWER: (
        "/practice/history",
        "/practice/history#answer-{id}",
        "Its analysis goes with it, and its recording if you chose to keep recordings.",
    ),
}
API_PATHS = {
    Deletable.APPLICATION: "applications",
    Deletable.CONTACT: "contacts",
    Deletable.WATCH: "watches",
    Deletable.GOAL: "goals",
    Deletable.JOURNAL_ENTRY: "journal",
    Deletable.CV: "cvs",
    Deletable.PRACTICE_ANSWER: "practice/answers",
}


def _kind(text: str) -> Deletable:
    try:
        return Deletable(text)
    except ValueError:
        raise NotFoundError(f"nothing called {text[:30]!r} can be deleted") from None


@pages.get("/delete/{kind}/{row_id}", response_class=HTMLResponse)
def confirm_delete(request: Request, kind: str, row_id: int, ws: WorkspaceDep) -> HTMLResponse:
    chosen = _kind(kind)
    label = deletion.preview(ws, chosen, row_id)
    _, item_page, goes = PLACES[chosen]
    context = {
        "kind": chosen.value,
        "row_id": row_id,
        "label": label,
        "goes": goes,
        "back": item_page.format(id=row_id),
    }
    return render(request, "delete.html", context)


@pages.post("/delete/{kind}/{row_id}", response_class=HTMLResponse)
def delete_row(kind: str, row_id: int, request: Request, ws: WorkspaceDep) -> Response:
    chosen = _kind(kind)
    done = deletion.delete(ws, chosen, row_id, request.app.state.web.undo)
    listing = PLACES[chosen][0]
    path, _, fragment = listing.partition("#")
    return RedirectResponse(f"{path}?undo={quote(done.undo_token)}" + (f"#{fragment}" if fragment else ""), 303)


@pages.post("/undo/{token}", response_class=HTMLResponse)
def undo_delete(token: str, request: Request, ws: WorkspaceDep) -> Response:
    restored = deletion.undo(ws, token, request.app.state.web.undo)
    return RedirectResponse(PLACES[restored.restored][1].format(id=restored.id), 303)


def _api_delete(kind: Deletable) -> Any:
    def api_delete(row_id: int, request: Request, ws: WorkspaceDep) -> JSONResponse:
        return json_response(deletion.delete(ws, kind, row_id, request.app.state.web.undo))

    api_delete.__name__ = f"api_delete_{kind.value}"
    return api_delete


for _chosen, _path in API_PATHS.items():
    api.delete(
        f"/{_path}/{{row_id}}",
        summary=f"Delete a {_chosen.value.replace('_', ' ')} (and what belongs to it); the answer has an undo token",
    )(_api_delete(_chosen))


@api.post("/undo/{token}", summary=f"Undo a delete, within {deletion.UNDO_SECONDS} seconds of it")
def api_undo(token: str, request: Request, ws: WorkspaceDep) -> JSONResponse:
    return json_response(deletion.undo(ws, token, request.app.state.web.undo))


router.include_router(pages)
router.include_router(api)
