"""Today's agenda: what to do now and soon, from every pillar, each item with its next steps as `Action`s.

The nudges come from the network pillar; chases from feedback; goals from insight; re-apply dates and new
openings from the watch list; interviews, silent applications and practice due from their own pillars.
`domain.agenda` orders them. The calendar export shares the dated follow-ups (`follow_ups`).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import timedelta
from typing import Any

from nextround.domain.actions import Action, ActionKind
from nextround.domain.agenda import HORIZON_DAYS, AgendaEntry, AgendaItem, build_agenda
from nextround.domain.ghosting import SilentSummary
from nextround.domain.nudges import (
    CONTINUED_INTEREST_EXCITEMENT,
    CONTINUED_INTEREST_MONTHS,
    CONTINUED_INTEREST_STAGES,
    CONTINUED_INTEREST_STALE_DAYS,
    KEEP_IN_TOUCH_AFTER_DAYS,
    NetworkState,
    Nudge,
    compute_nudges,
)
from nextround.domain.stages import Outcome
from nextround.domain.wording import plural, short_day
from nextround.services.applications import ApplicationService
from nextround.services.preferences import CHASE_DAYS
from nextround.services.workspace import Workspace

NEW_POSTING_DAYS = 14
# Silent applications listed one by one; the rest are one item that links to them all.
SILENT_SHOWN = 5
# Interviews further ahead than this stay out of the agenda (they are in the calendar export).
INTERVIEW_HORIZON_DAYS = HORIZON_DAYS
# Settings of the network pillar that the nudge rules read.
DISMISSED_KEY = "network.dismissed_nudges"
MONTHS_KEY = "network.continued_interest_months"


def network_state(ws: Workspace) -> NetworkState:
    """Everything the nudge rules look at, in one read transaction (storage.reads)."""
    now = ws.now()
    with ws.db.reader(ws.owner_id) as reader:
        settings = reader.settings()
        months = stored_months(settings.get(MONTHS_KEY))
        # Nudges only ever concern open applications and recent closes: anything closed before the
        # longest nudge window (continued interest, then its staleness) is left unread, so the agenda
        # stays quick with years of history. The rules read the cached state, never the histories, and of
        # the applications only those they can follow up: with an interview, or a rejection to keep in
        # touch about. The newest application per company, which they also ask, SQL finds for all.
        window = timedelta(days=31 * months + CONTINUED_INTEREST_STALE_DAYS + KEEP_IN_TOUCH_AFTER_DAYS + 7)
        followed_up = reader.followed_up_applications(
            now - window, rejections_reaching=CONTINUED_INTEREST_STAGES, excitement=CONTINUED_INTEREST_EXCITEMENT
        )
        rejections = [a for a in followed_up if a.state.outcome is Outcome.REJECTED]
        return NetworkState(
            now=now,
            applications=followed_up,
            interviews=reader.interviews(),
            contacts=reader.contacts(),
            links=reader.links(),
            interactions=reader.interaction_moments(),
            dismissed=frozenset(dismissed_keys(settings.get(DISMISSED_KEY))),
            reapply_after={key: day for key, (_name, day) in reader.reapply_dates().items()},
            continued_interest_months=months,
            # Only an application added after a rejection can say the user applied there again.
            newest_created=reader.newest_created_by_company(
                now - window,
                companies={a.fields.company.strip().lower() for a in rejections},
                created_after=min((a.state.closed_at or now for a in rejections), default=now),
            ),
        )


def stored_months(value: Any) -> int:
    """The continued-interest delay as stored, or the default when the stored value is not one the form allows."""
    return value if type(value) is int and 1 <= value <= 24 else CONTINUED_INTEREST_MONTHS


def dismissed_keys(value: Any) -> list[str]:
    """The dismissed nudges as stored (a list of keys); anything else reads as none."""
    return [str(key) for key in value] if isinstance(value, list) else []


def follow_ups(
    ws: Workspace, state: NetworkState, nudges: Sequence[Nudge], goal_days: int = HORIZON_DAYS
) -> list[AgendaItem]:
    """Dated follow-ups shared by the agenda and the calendar: nudges, chases, re-apply dates, goals."""
    items = [AgendaItem(n.kind.value, n.title, n.due, n.action, n.actions, n.ref) for n in nudges]
    zone = state.now.tzinfo
    with ws.db.reader(ws.owner_id) as reader:
        chases = reader.chases()
        goals = reader.open_goals_due_by(state.now.date() + timedelta(days=goal_days))
        reapply = reader.reapply_dates()
        # The feedback pillar's chase delay (a user setting), so `today` and `feedback chase` agree.
        stored_chase_days = reader.settings().get(CHASE_DAYS)
    chase_days = 0
    if chases:  # the feedback pillar's module loads only when there is something to chase
        from nextround.domain.feedback_requests import chase_days_from_setting

        chase_days = chase_days_from_setting(stored_chase_days)
    for chase in chases:
        due = (chase["sent_at"] + timedelta(days=chase_days)).astimezone(zone).date()
        items.append(
            AgendaItem(
                "feedback_chase",
                f"Feedback chase: {chase['role']} at {chase['company']}",
                due,
                "No reply to your feedback request yet: send one short, friendly chase",
                (Action(ActionKind.CHASE, {"request_id": chase["id"]}),),
                f"feedback_chase-{chase['id']}",
            )
        )
    for goal in goals:
        items.append(
            AgendaItem(
                "goal",
                f"Goal due: {goal['title']}",
                goal["due_on"],
                "Check in on this goal: mark it done, or record your progress",
                (Action(ActionKind.COMPLETE_GOAL, {"goal_id": goal["id"]}), Action(ActionKind.LIST_GOALS)),
                f"goal-{goal['id']}",
            )
        )
    for key, (company, day) in reapply.items():
        if (state.now.date() - day).days > 30:
            continue
        opened = day <= state.now.date()
        items.append(
            AgendaItem(
                "reapply",
                f"{'You can' if opened else 'From ' + short_day(day) + ' you can'} apply to {company} again",
                day,
                "Look at their openings and apply again with what you have learnt since"
                if opened
                else f"Re-apply to {company} after {short_day(day)}; until then, build the case",
                (
                    Action(ActionKind.COMPANY_APPLICATIONS, {"company": company}),
                    Action(ActionKind.CLEAR_REAPPLY, {"company": company}),
                ),
                f"reapply-{_slug(key)}",
            )
        )
    return items


def agenda(ws: Workspace, *, silent: SilentSummary | None = None) -> list[AgendaEntry]:
    """What to do now and soon, most urgent first (see domain.agenda).

    `silent`: `ApplicationService.silent_summary(SILENT_SHOWN)` when the caller has it already (the overview).
    """
    state = network_state(ws)
    now = state.now
    today = now.date()
    # Nudges due past the horizon stay off the agenda (build_agenda): not worth making.
    items = follow_ups(ws, state, compute_nudges(state, due_by=today + timedelta(days=HORIZON_DAYS)))
    apps = {a.id: a for a in state.applications}
    for interview in state.interviews:
        if not now <= interview.ends_at <= now + timedelta(days=INTERVIEW_HORIZON_DAYS):
            continue
        app = apps.get(interview.application_id)
        company, role = (app.fields.company, app.fields.role) if app else ("?", "?")
        local = interview.scheduled_at.astimezone(now.tzinfo)
        items.append(
            AgendaItem(
                "interview",
                f"Interview {local:%a %d %b %H:%M}: {role} at {company}",
                local.date(),
                "Prepare: practise answers planned from the job description",
                (
                    Action(ActionKind.PRACTISE, {"application_id": interview.application_id}, "Practise for it"),
                    Action(ActionKind.OPEN_APPLICATION, {"application_id": interview.application_id}),
                ),
                f"interview-{interview.id}",
            )
        )
    # Silent ones are counted in SQL; only the few listed are read whole.
    if silent is None:
        silent = ApplicationService(ws).silent_summary(SILENT_SHOWN)
    with ws.db.reader(ws.owner_id) as reader:
        shown = {a.id: a for a in reader.applications(ids=[app_id for app_id, _ in silent.longest])}
    for app_id, verdict in silent.longest:
        a = shown[app_id]
        items.append(
            AgendaItem(
                "ghosted",
                f"Quiet for {plural(verdict.silent_days, 'day')}: {a.fields.role} at {a.fields.company}",
                today,
                # Long past any sensible wait (an old import), a chase only reopens a closed door: close it.
                "No reply in all that time: close it as ghosted (its history is kept)"
                if verdict.past_follow_up
                else "Follow up once, or mark it ghosted and let it go",
                (
                    Action(ActionKind.MARK_GHOSTED, {"application_id": a.id}),
                    Action(ActionKind.OPEN_APPLICATION, {"application_id": a.id}),
                ),
                f"ghosted-{a.id}",
            )
        )
    if silent.count > len(silent.longest):
        # After a big import thousands can be quiet: the longest-silent few, then one line for the rest.
        rest = silent.count - len(silent.longest)
        items.append(
            AgendaItem(
                "ghosted",
                f"{plural(rest, 'more application')} quiet past {'its' if rest == 1 else 'their'} limit",
                today,
                "Go through them when you have a moment: too long quiet for a follow-up, close them as ghosted"
                if silent.rest_past_follow_up
                else "Go through them when you have a moment: follow up once, or mark them ghosted",
                (Action(ActionKind.LIST_SILENT),),
                "ghosted-more",
            )
        )
    with ws.db.reader(ws.owner_id) as reader:
        postings = reader.new_postings(now - timedelta(days=NEW_POSTING_DAYS))
    for posting in postings:
        items.append(
            AgendaItem(
                "new_posting",
                f"New opening at {posting['company']}: {posting['title']}",
                posting["first_seen_at"].astimezone(now.tzinfo).date(),
                "Read the posting and decide: apply, or dismiss it",
                (
                    Action(
                        ActionKind.ADD_APPLICATION_FROM_OPENING,
                        {"opening_id": posting["id"], "company": posting["company"], "role": posting["title"]}
                        | ({"url": posting["url"]} if posting["url"] else {}),
                    ),
                    Action(ActionKind.DISMISS_OPENING, {"opening_id": posting["id"]}),
                ),
                f"posting-{posting['id']}",
            )
        )
    items.extend(assigned_practice(ws))
    due_practice = practice_due(ws)
    if due_practice:
        items.append(
            AgendaItem(
                "practice",
                f"{due_practice} practice question{'s' if due_practice != 1 else ''} due for another try",
                today,
                "Answer them again: the scores show what improved",
                (Action(ActionKind.PRACTISE),),
                "practice-due",
            )
        )
    return build_agenda(items, today)


def assigned_practice(ws: Workspace) -> list[AgendaItem]:
    """On a shared server: each question a coach assigned and the person has not practised yet, due today."""
    if not ws.settings.shared_server:
        return []
    from nextround.services.coach_notes import assigned_questions

    today = ws.now().date()
    return [
        AgendaItem(
            "coach_question",
            f"Practise the question {note.coach_email} assigned: {_clip(note.text)}",
            today,
            "Your coach asked you to practise this one; they see when you have",
            (Action(ActionKind.PRACTISE, {"question": note.question_key}, "Practise it"),),
            f"coach-question-{note.id}",
        )
        for note in assigned_questions(ws.db, ws.owner_id)
    ]


def _clip(text: str, limit: int = 90) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def practice_due(ws: Workspace) -> int:
    """How many practised questions are due for another try today."""
    with ws.db.reader(ws.owner_id) as reader:
        history = reader.practice_scores()
    if not history:
        return 0  # nothing practised: nothing due, and the planner (with the question bank's words) stays unloaded
    from nextround.domain.practice_plan import due_reviews, review_items

    return len(due_reviews(review_items(history, ws.now().tzinfo), ws.now().date()))


def _slug(text: str) -> str:
    return "".join(ch if ch.isalnum() else "-" for ch in text.lower()).strip("-") or "company"
