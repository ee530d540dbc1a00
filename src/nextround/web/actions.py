"""Next steps (`domain.actions.Action`) as buttons, forms and links to the pages that do them.

One table, kind → route. A `post` route is drawn as a small form (CSRF token, hidden fields, a button);
a `get` route as a link styled as a button. Inside an agenda item a `post` form is sent by HTMX and the
route answers with a "done" line that replaces the item (`deps.in_place`, `rendering.done_in_place`).
Kinds that need the user's words or a whole page (drafting, reflecting, practising) link to that page.
Paths name the action's ids in braces; field values may too.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal
from urllib.parse import quote, urlencode

from nextround.domain.actions import Action, ActionKind

Method = Literal["get", "post"]


@dataclass(frozen=True, slots=True)
class Route:
    method: Method
    path: str
    # form fields (post) or query parameters (get); values may name ids in braces
    fields: tuple[tuple[str, str], ...] = ()
    # optional id → query parameter, added only when the action carries it (get routes)
    optional: tuple[tuple[str, str], ...] = ()
    fragment: str = ""


ROUTES: Mapping[ActionKind, Route] = {
    ActionKind.OPEN_APPLICATION: Route("get", "/applications/{application_id}"),
    ActionKind.ADD_APPLICATION: Route("get", "/applications/new"),
    ActionKind.MARK_GHOSTED: Route("post", "/applications/{application_id}/close", (("outcome", "ghosted"),)),
    ActionKind.COMPANY_APPLICATIONS: Route("get", "/applications", (("q", "{company}"),)),
    ActionKind.VIEW_STATS: Route("get", "/", fragment="charts"),
    ActionKind.ASK_FEEDBACK: Route("get", "/applications/{application_id}/feedback", fragment="feedback-requests"),
    # The agenda lists a chase from its due day (domain.agenda.ONLY_WHEN_DUE); the button writes it there and then.
    ActionKind.CHASE: Route("post", "/feedback-requests/{request_id}/chase", (("anyway", "yes"),)),
    ActionKind.REVIEW_FEEDBACK_REQUESTS: Route("get", "/today"),
    ActionKind.REFLECT: Route("get", "/applications/{application_id}/feedback", fragment="reflection"),
    ActionKind.REFRAME: Route("get", "/journal"),
    ActionKind.MATCH_CV: Route("get", "/insights", fragment="gaps"),
    ActionKind.PRACTISE: Route(
        "get", "/practice", optional=(("application_id", "app"), ("focus", "focus"), ("question", "question"))
    ),
    ActionKind.COMPLETE_GOAL: Route("post", "/insights/goals/{goal_id}", (("status", "done"),)),
    ActionKind.LIST_GOALS: Route("get", "/insights", fragment="goals"),
    ActionKind.LIST_SILENT: Route(
        "get", "/applications", (("status", "open"), ("sort", "last_activity_at"), ("dir", "asc")), fragment="table"
    ),
    ActionKind.DRAFT_NUDGE: Route("get", "/today", (("draft", "{nudge}"),), fragment="draft"),
    ActionKind.DISMISS_NUDGE: Route("post", "/nudges/{nudge}/dismiss"),
    ActionKind.LIST_NUDGES: Route("get", "/today"),
    ActionKind.LOG_CONTACT: Route(
        "post", "/contacts/{contact_id}/interactions", (("channel", "email"), ("note", "{note}"))
    ),
    ActionKind.CHECK_OPENINGS: Route("post", "/companies/check"),
    ActionKind.DISMISS_OPENING: Route("post", "/openings/{opening_id}/dismiss"),
    ActionKind.ADD_APPLICATION_FROM_OPENING: Route(
        "get", "/applications/new", (("company", "{company}"), ("role", "{role}")), optional=(("url", "job_url"),)
    ),
    ActionKind.CLEAR_REAPPLY: Route("post", "/companies/reapply", (("company", "{company}"), ("reapply_on", "none"))),
    ActionKind.ADD_WIN: Route("get", "/journal"),
    ActionKind.REVIEW_WEEK: Route("get", "/review"),
    ActionKind.VIEW_EFFORT: Route("get", "/review"),
}


@dataclass(frozen=True, slots=True)
class WebAction:
    """What a page draws for an action: a link (`get`) or a form that posts `fields` (`post`)."""

    method: Method
    url: str
    label: str
    kind: str
    fields: tuple[tuple[str, str], ...] = ()


class _Ids(dict[str, str]):
    """Template values: an optional id the action does not carry formats as empty."""

    def __missing__(self, key: str) -> str:
        return ""


def web_action(action: Action | Mapping[str, Any]) -> WebAction:
    """How a page draws the action (given as an `Action`, or as its `to_dict()` inside a JSON-ready result)."""
    if not isinstance(action, Action):
        action = Action.from_dict(action)
    route = ROUTES[action.kind]
    path_ids = {name: quote(str(value), safe="") for name, value in action.ids.items()}
    path = route.path.format(**path_ids)
    values = _Ids({name: str(value) for name, value in action.ids.items()})
    fields = tuple((name, template.format_map(values)) for name, template in route.fields)
    fields = tuple((name, value) for name, value in fields if value)
    fragment = f"#{route.fragment}" if route.fragment else ""
    if route.method == "post":
        return WebAction("post", path + fragment, action.label, action.kind.value, fields)
    query = list(fields) + [(param, values[name]) for name, param in route.optional if values[name]]
    url = path + (f"?{urlencode(query)}" if query else "") + fragment
    return WebAction("get", url, action.label, action.kind.value)
