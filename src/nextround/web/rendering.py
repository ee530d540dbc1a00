"""Rendering pages with Jinja2 (autoescape always on) and the small formatting filters they use."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date, datetime, tzinfo
from functools import lru_cache
from pathlib import Path
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, FileSystemLoader, StrictUndefined, pass_context
from jinja2.runtime import Context

from nextround.analysis.answer.advice import advice_for_a_retry, clearly_off_topic
from nextround.domain.questions import THEMES as PRACTICE_THEMES
from nextround.domain.themes import theme_label
from nextround.domain.wording import short_day
from nextround.web.actions import web_action
from nextround.web.forms import sentence
from nextround.web.presenters import goal_reading

TEMPLATE_DIR = Path(__file__).parent / "templates"


def percent(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.0%}"


def day(value: str | date | datetime | None) -> str:
    """An ISO date or moment as `3 Oct 2024`; empty for None."""
    if value is None or value == "":
        return ""
    if isinstance(value, str):
        value = datetime.fromisoformat(value) if "T" in value else date.fromisoformat(value)
    if isinstance(value, datetime):
        value = value.date()
    return short_day(value)


@pass_context
def local(context: Context, value: datetime) -> datetime:
    """A stored moment in the reader's own time zone (the page's `zone`), so its day and hour are theirs:
    a coach's comment made late on a Monday in New York is not dated Tuesday there."""
    zone = context.get("zone")
    return value.astimezone(zone if isinstance(zone, tzinfo) else None)


# Names whose spelling is not the capitalised identifier.
_PROPER_LABELS = {
    "linkedin": "LinkedIn", "github": "GitHub", "cv": "CV", "smtp": "SMTP", "hubspot": "HubSpot",
    # Kinds of practice question whose code names lose a word when the underscores go.
    "strengths_weaknesses": "Strengths and weaknesses", "questions_for_interviewer": "Questions for the interviewer",
}  # fmt: skip


# Where a job was found, in a person's words ("Board" and "Network" were the code names).
CHANNEL_WORDS = {
    "board": "A job website (Indeed, Reed, Totaljobs…)", "company_site": "The company's own website",
    "agency": "A recruitment agency", "recruiter": "A recruiter contacted me", "referral": "Someone referred me",
    "network": "Someone I know told me",
}  # fmt: skip


def label(value: str | None) -> str:
    """`company_site` → `Company site`; `linkedin` → `LinkedIn`."""
    if not value:
        return ""
    if value.lower() in _PROPER_LABELS:
        return _PROPER_LABELS[value.lower()]
    text = value.replace("_", " ")
    return text[:1].upper() + text[1:]


def count(value: int, singular: str, plural: str | None = None) -> str:
    """`3|count("answer")` → `3 answers`; `1|count("entry", "entries")` → `1 entry`."""
    word = singular if value == 1 else (plural or singular + "s")
    return f"{value} {word}"


_MONEY_SIGNS = {"GBP": "£", "EUR": "€", "USD": "$", "INR": "₹"}


def salary(low: int | None, high: int | None, currency: str = "") -> str:
    """A pay range as an advert writes it: `£28,000–£31,000`, `from £28,000`, `up to 31,000 CHF`."""
    sign = _MONEY_SIGNS.get(currency, "")
    suffix = f" {currency}" if currency and not sign else ""

    def one(value: int) -> str:
        return f"{sign}{value:,}{suffix}"

    if low and high:
        return f"{one(low)}–{one(high)}" if low != high else one(low)
    return f"from {one(low)}" if low else f"up to {one(high)}" if high else ""


def score(value: float | None) -> str:
    """A 0-100 score as a whole number, the same on every page."""
    return "n/a" if value is None else f"{value:.0f}"


@lru_cache(maxsize=1)
def environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(TEMPLATE_DIR),
        autoescape=True,  # every template, whatever its name: untrusted text is always escaped
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(
        percent=percent,
        day=day,
        salary=salary,
        label=label,
        count=count,
        score=score,
        theme_label=theme_label,
        local=local,
        sentence=sentence,
    )
    env.tests["at_company"] = lambda contact, company: contact.fields.company.strip().lower() == company
    # practice_themes: the feedback themes a practice session can aim at (the feedback page offers a session on each).
    env.globals.update(
        web_action=web_action,
        goal_reading=goal_reading,
        channel_words=CHANNEL_WORDS,
        practice_themes=PRACTICE_THEMES,
        clearly_off_topic=clearly_off_topic,
        advice_for_a_retry=advice_for_a_retry,
    )
    return env


def _undo_banner(request: Request) -> dict[str, str] | None:
    """After a delete the list page gets `?undo=TOKEN`: while the undo lasts, the banner offers it."""
    token = request.query_params.get("undo")
    if not token:
        return None
    from nextround.web.deps import request_workspace

    if request.app.state.web.multi_user is not None and getattr(request.state, "caller", None) is None:
        return None
    ws = request_workspace(request)
    label = request.app.state.web.undo.peek(token, ws.owner_id, ws.now())
    return {"token": token, "label": label} if label else None


def _reader_zone(request: Request) -> tzinfo | None:
    """The time zone of whoever reads the page: the signed-in person's, or this computer's in local mode."""
    from nextround.web.deps import request_workspace

    if request.app.state.web.multi_user is not None and getattr(request.state, "caller", None) is None:
        return None
    return request_workspace(request).now().tzinfo


class _SignedInNavigation:
    """The main navigation in multi-user mode: a coach reaches the caseload from every page, next to the
    dashboard (their own search), and everyone their Sharing page (with what is new from their coaches), not only
    through the Account page.

    Whether anyone shares with this person, and what is unread from their coaches, take a query each; they run
    when a page draws its navigation (the templates extending base.html), not for the fragments htmx swaps in,
    and once per page."""

    def __init__(self, request: Request) -> None:
        self._request = request
        self._items: tuple[tuple[str, str], ...] | None = None

    def __iter__(self) -> Iterator[tuple[str, str]]:
        if self._items is None:
            from nextround.services.coach_notes import unread_count
            from nextround.services.coaching import coaches_anyone, unseen_declines
            from nextround.web.app import ACCOUNT_NAVIGATION, ADMIN_NAVIGATION, CASELOAD_NAVIGATION, NAVIGATION

            caller = self._request.state.caller
            db, owner = self._request.app.state.web.database(), caller.owner_id
            unread = unread_count(db, owner) + unseen_declines(db, owner)  # a coach's decline is news too
            sharing = ("/sharing", f"Sharing ({unread} new)" if unread else "Sharing")
            last = (sharing, ADMIN_NAVIGATION, ACCOUNT_NAVIGATION) if caller.is_admin else (sharing, ACCOUNT_NAVIGATION)
            if coaches_anyone(db, owner):
                self._items = (NAVIGATION[0], CASELOAD_NAVIGATION, *NAVIGATION[1:], *last)
            else:
                self._items = (*NAVIGATION, *last)
        return iter(self._items)


def _draft_account(request: Request) -> str:
    """Whose unsent drafts this browser may show on the page (static/drafts.js keeps them apart by this):
    the signed-in person on a shared server, none before signing in; the one person of a local install."""
    web = request.app.state.web
    if web.multi_user is None:
        return "demo" if web.demo else "local"
    caller = getattr(request.state, "caller", None)
    return f"user-{caller.owner_id}" if caller is not None else ""


def render(
    request: Request, template: str, context: dict[str, Any] | None = None, *, status: int = 200
) -> HTMLResponse:
    from nextround.web.app import NAVIGATION
    from nextround.web.security import expected_csrf_token

    web = request.app.state.web
    navigation: Iterable[tuple[str, str]] = NAVIGATION
    signed_in = False
    if web.multi_user is not None:
        signed_in = getattr(request.state, "caller", None) is not None
        navigation = _SignedInNavigation(request) if signed_in else ()
    page = {
        "zone": _reader_zone(request),
        "undo": _undo_banner(request),
        "request": request,
        "csrf_token": expected_csrf_token(request) or "",
        "navigation": navigation,
        "signed_in": signed_in,
        "multi_user": web.multi_user is not None,
        "path": request.url.path,
        "demo": web.demo,
        "draft_account": _draft_account(request),
        "page_status": status,
        **(context or {}),
    }
    html = environment().get_template(template).render(page)
    return HTMLResponse(html, status_code=status)


def done_in_place(request: Request, message: str, link: tuple[str, str] | None = None) -> HTMLResponse:
    """What replaces an agenda item (or the draft panel) once its next step is done: one line that says so,
    and a link (url, text) when there is something to read next."""
    element = "section" if request.headers.get("hx-target") == "draft" else "li"
    return render(request, "_done_in_place.html", {"message": message, "element": element, "link": link})
