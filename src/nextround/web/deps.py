"""Dependencies the routes share: the request's workspace, and the page renderer."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request
from starlette.datastructures import FormData

from nextround.services.workspace import Workspace


def request_workspace(request: Request) -> Workspace:
    """Local mode: the single local user's. Multi-user mode: the signed-in caller's (web.auth found them)."""
    web = request.app.state.web
    if web.multi_user is None:
        local: Workspace = web.workspace()
        return local
    caller = getattr(request.state, "caller", None)
    if caller is None:
        from nextround.web.auth import NotSignedIn

        raise NotSignedIn
    mine: Workspace = web.workspace_of(caller)
    return mine


async def get_workspace(request: Request) -> Workspace:
    """The workspace of this request.

    Async on purpose: it is cheap (the database is opened once, on the first request; the caller was found
    by web.auth already), and a sync dependency would cost every request a hop through the thread pool.
    """
    return request_workspace(request)


WorkspaceDep = Annotated[Workspace, Depends(get_workspace)]


# A date field has a text box for words ("last tuesday") and a calendar beside it named `<field>__picked`.
PICKED_SUFFIX = "__picked"


def with_picked_dates(form: FormData) -> FormData:
    """The form with each calendar's choice in its date field when nothing was typed there: words win."""
    if not any(key.endswith(PICKED_SUFFIX) for key in form):
        return form
    items = [(key, value) for key, value in form.multi_items() if not key.endswith(PICKED_SUFFIX)]
    typed = {key for key, value in items if isinstance(value, str) and value.strip()}
    for key, value in form.multi_items():
        name = key.removesuffix(PICKED_SUFFIX)
        if key.endswith(PICKED_SUFFIX) and isinstance(value, str) and value.strip() and name not in typed:
            items = [(k, v) for k, v in items if k != name] + [(name, value.strip())]
    return FormData(items)


async def read_form(request: Request) -> FormData:
    """The posted form, read in the event loop, so that the handler itself can be a plain `def`.

    Handlers call synchronous services (the database), so they are plain functions that FastAPI runs in its
    thread pool: a slow query or a locked SQLite file then never stops the server answering other requests.
    """
    return with_picked_dates(await request.form())


FormDep = Annotated[FormData, Depends(read_form)]


def is_htmx(request: Request) -> bool:
    """True when HTMX asked for a fragment (and not for a whole page through hx-boost)."""
    return request.headers.get("hx-request") == "true" and request.headers.get("hx-boosted") != "true"


def in_place(request: Request) -> bool:
    """True when a next step was pressed inside an agenda item or the draft panel (HTMX swaps that element).

    `HX-Target` is the id of the element HTMX replaces: an agenda item (`item-…`) or the draft (`draft`).
    The handler then answers with a short "done" line instead of redirecting to a whole page.
    """
    target = request.headers.get("hx-target", "")
    return is_htmx(request) and (target.startswith("item-") or target == "draft")
