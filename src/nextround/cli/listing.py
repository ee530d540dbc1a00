"""What `nextround --help` lists, so that printing it loads no command module.

Generated from the full command line; `tests/test_cli_main.py` fails when it drifts.
"""

# (name, is a group of subcommands, first paragraph of its help), in the order the full app lists them.
COMMAND_LISTING: list[tuple[str, bool, str]] = [
    ("stats", False, "The funnel, where rejections happen, response and ghosting rates, by source."),
    ("export", False, "Write everything out: JSON to move or keep it, CSV as proof of applications with dates."),
    ("backup", False, "Copy the whole database to FILE (an SQLite copy; a JSON export on PostgreSQL)."),
    ("restore", False, "Replace your data with a backup made by `nextround backup` (or a JSON export)."),
    (
        "gaps",
        False,
        "Skills the jobs that turned you down asked for and your CVs do not show, weighted by stage reached.",
    ),
    ("reflect", False, "Answer the reflection questions for an application (they adapt to the stage it reached)."),
    (
        "insights",
        False,
        "Recurring themes in feedback and reflections, where rejections happen, and the top skill gaps.",
    ),
    ("practice", False, "Run an interactive practice session: answer, see the analysis, answer follow-ups, improve."),
    (
        "progress",
        False,
        "Your practice over time: sessions, scores and measures per week, categories, weak spots, streak.",
    ),
    ("today", False, "What to do now and soon: chases, notes, touches, interviews, goals, openings, practice."),
    ("effort", False, "Progress counted in effort and learning: what you did, your streak, and a plan."),
    (
        "review",
        False,
        "A weekly or monthly review: what was done, the funnel, scores, themes, goals, contacts and a plan.",
    ),
    ("serve", False, "Open nextround in the browser: every step, from the dashboard to the weekly review."),
    ("app", True, "Track applications and move them through their stages."),
    ("config", True, "See and change preferences such as when an application counts as ghosted."),
    ("import", True, "Import applications: LinkedIn's export, another tracker's CSV, a nextround JSON export."),
    ("feedback", True, "Ask for feedback after a rejection, send it, chase once, and record the answer."),
    ("interview", True, "Record interviews: when, what kind, and who was in the room."),
    ("analyze", True, "Analyse feedback, an interview answer, or a CV against a job description, without saving them."),
    ("cv", True, "Keep the CVs that matches and skill gaps are measured against."),
    ("goal", True, "Goals that turn a theme or a skill gap into something measurable."),
    ("questions", True, "The interview question bank and your own questions."),
    ("contact", True, "People met along the way: add, list, log interactions, import, export."),
    ("nudge", True, "Thank-you notes, keeping in touch, continued interest, cadence touches."),
    ("company", True, "Facts about companies: when you may apply again."),
    ("calendar", True, "Interviews and follow-ups in your calendar (iCalendar)."),
    ("watch", True, "Watch companies' public job boards for new openings."),
    ("journal", True, "A journal, a wins log, and reframing after a rejection."),
    ("view", True, "How everyday views look."),
    ("mail", True, "Read job mail (an export or an IMAP folder) and propose changes to your applications."),
    ("ai", True, "The optional AI coach: any OpenAI-compatible endpoint you choose, off until you agree."),
    (
        "admin",
        True,
        "Accounts on a multi-user server: create, invite, reset a password, disable, make a token or an administrator.",
    ),
]
