"""Make data with an OLDER nextround, through that version's own CLI, to prove today's opens and imports it.

    python scripts/old_versions.py build COMMIT OUT [--demo]   # a data dir + JSON/CSV exports made by COMMIT
    python scripts/old_versions.py fixtures                    # rebuild tests/data/old_versions/ (small files)

`build` checks COMMIT out into a throw-away worktree (/tmp/nextround-old-COMMIT), runs its CLI with
PYTHONPATH pointing there (the old versions need nothing today's `.[dev]` lacks), and fills OUT/home with a
history: applications at every stage, rejections, feedback requests and feedback, reflections, interviews,
practice answers, contacts and interactions, journal entries, wins and reframes, goals, CVs, own questions,
watches and settings, as far as that version had them, in odd text (emoji, right-to-left scripts, quotes, a
long note, control characters other than NUL). A step an old version lacks is skipped and named. `--demo`
adds the old version's own invented search (`fill_demo`), hundreds of rows, for a by-hand check.

`fixtures` builds one small history per schema version kept (KEPT of FIXTURE_COMMITS: the last commit before
the next migration landed; `--all` for every one) and keeps, per version, an SQL dump of the SQLite database
(`<revision>_<commit>.sql`) and its JSON export (`<revision>_<commit>.json`) and CSV export. The test
`tests/test_old_versions.py` upgrades and imports each with today's code.
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "data" / "old_versions"

# One commit per schema revision: the last one before the next migration landed (`git log --oneline --
# src/nextround/storage/migrations`), so each is the fullest version that wrote that schema.
FIXTURE_COMMITS = {
    "0001": "62e42c7",  # tracker foundation: applications, history, settings
    "0002": "d9af516",  # feedback, practice, network, journal, goals
    "0003": "0c87c1c",  # BIGINT salaries
    "0004": "fabc314",  # mail messages
    "0005": "3d56252",  # spoken answer measures
    "0006": "208c6de",  # AI results
    "0007": "46c923c",  # accounts (multi-user)
    "0008": "a4a4ebf",  # owner-leading indexes
    "0009": "9d1007f",  # coaches
    "0010": "10ddc9f",  # coach comment threads
}
# The ones kept in tests/data/old_versions (`fixtures --all` writes every one, for a check by hand): the first
# (its export has another shape), the first with every pillar, the last single-user one, the newest.
KEPT = ("0001", "0002", "0006", "0010")

EMOJI = "Zoë's 🚀 Rocket GmbH"
RTL = "شركة الأمل — חברת התקווה"
QUOTES = 'O\'Brien & Sons "Ltd"'
CONTROLS = "Acme\x1b[31m Corp\x07"
LONG_NOTE = ("Line with 'quotes', \"double\", emoji 🙂, עברית and العربية.\n" * 40).strip()
CONTROL_NOTE = "tab\there\x01\x02 bell\x07 vt\x0b ff\x0c esc\x1b[0m end"
FEEDBACK = (
    "Thank you for your time. We went with a candidate who had more hands-on SQL experience; your "
    'answers stayed general — we\'d have liked concrete results. "Keep going" 💪 وشكراً'
)
ANSWER = (
    "In my last role our release process took two days. I was asked to cut it down, so I automated the "
    "test suite and the packaging steps. As a result releases took two hours and errors fell by 40%."
)


def steps(work: Path) -> list[tuple[list[str], str | None]]:
    """The CLI commands that make the history, with any standard input; ids count from 1 in a new database."""
    cv = work / "cv.txt"
    cv.write_text("Jane Doe — Python, SQL, Kubernetes, 🚀 shipping. 8 years as a backend engineer.\n", "utf-8")
    reflection = work / "reflection.json"
    reflection.write_text(
        json.dumps(
            {
                "prepared": {"rating": 2, "text": "Not ready for SQL 'joins' — \"timed\" 😬"},
                "gaps": {"rating": 3, "text": RTL},
                "clear": {"rating": 4, "text": CONTROL_NOTE},
                "went_well": {"rating": 4, "text": "The panel 🙂"},
                "change": {"rating": 3, "text": "Practise weekly."},
            }
        ),
        "utf-8",
    )
    reframe = work / "reframe.json"
    reframe.write_text(
        json.dumps({"learned": "SQL matters 📊", "in_control": "Preparation — «less» talk", "next": RTL}), "utf-8"
    )
    add = ["app", "add", "--applied-on"]
    return [
        # 1: applied, with every field
        (
            [
                *add,
                "2026-10-01",
                "--company",
                EMOJI,
                "--role",
                'Senior "Backend" Engineer',
                "--source",
                "referral",
                "--source-detail",
                "Priya 🙂",
                "--location",
                "Zürich",
                "--work-model",
                "hybrid",
                "--salary-min",
                "60000",
                "--salary-max",
                "80000",
                "--currency",
                "EUR",
                "--tags",
                "python,remote,🚀",
                "--excitement",
                "5",
                "--url",
                "https://example.com/jobs/1?a=b&c=d",
                "--cv-version",
                "v2 «final»",
                "--notes",
                LONG_NOTE,
                "--jd",
                "We need Python, SQL and Kubernetes. Nice to have: Go.",
            ],
            None,
        ),
        ([*add, "2026-09-15", "--company", RTL, "--role", "مهندس برمجيات", "--stage", "screening"], None),  # 2
        ([*add, "2026-09-01", "--company", QUOTES, "--role", "Data Analyst", "--jd", "SQL, Tableau."], None),  # 3
        ([*add, "2026-11-20", "--company", CONTROLS, "--role", "QA\tlead", "--stage", "saved"], None),  # 4
        ([*add, "2026-08-01", "--company", "Initech", "--role", "PM", "--notes", CONTROL_NOTE], None),  # 5
        ([*add, "2026-07-01", "--company", "Globex", "--role", "SRE"], None),  # 6
        ([*add, "2026-06-01", "--company", "Hooli", "--role", "Engineer"], None),  # 7
        (
            [
                *add,
                "2026-05-01",
                "--company",
                "Umbrella",
                "--role",
                "Analyst",
                "--salary-min",
                "720000000000",
                "--currency",
                "VND",
            ],
            None,
        ),  # 8
        (
            [*add, "2026-10-20", "--company", "Vandelay", "--role", "Importer", "--stage", "interview", "--round", "2"],
            None,
        ),  # 9
        (["app", "move", "3", "screening", "--on", "2026-09-05", "--note", "Call with «Anna» 📞"], None),
        (["app", "move", "3", "interview", "--on", "2026-09-12"], None),
        (["app", "move", "3", "interview", "--on", "2026-09-19", "--note", RTL], None),
        (["app", "reject", "3", "--on", "2026-09-25", "--reason", CONTROL_NOTE], None),
        *[
            (["app", "move", "5", stage, "--on", f"2026-08-{day:02d}"], None)
            for stage, day in (
                ("screening", 5),
                ("assessment", 9),
                ("interview", 14),
                ("final", 20),
                ("offer", 25),
                ("accepted", 28),
            )
        ],
        (["app", "withdraw", "6", "--on", "2026-07-10"], None),
        (["app", "ghosted", "7"], None),
        (["app", "reject", "8", "--on", "2026-05-03", "--reason", 'Position filled "internally"'], None),
        (["app", "edit", "2", "--notes", "Edited: نعم ✅"], None),
        (["config", "set", "ghost_days.applied", "30"], None),
        (["config", "set", "auto_close_ghosted", "on"], None),
        (
            [
                "interview",
                "add",
                "3",
                "--on",
                "2026-09-19 14:00",
                "--round",
                "2",
                "--kind",
                "panel",
                "--with",
                "Priya, Tom O'Neil",
                "--location",
                "Zoom 🎥",
                "--notes",
                LONG_NOTE[:400],
            ],
            None,
        ),
        (
            [
                "contact",
                "add",
                "--name",
                "Anna «Recruiter» Müller",
                "--email",
                "anna@example.com",
                "--company",
                QUOTES,
                "--kind",
                "recruiter",
                "--app",
                "3",
                "--notes",
                RTL,
            ],
            None,
        ),
        (
            [
                "contact",
                "add",
                "--name",
                "יוסי כהן",
                "--kind",
                "peer",
                "--every",
                "30",
                "--linkedin",
                "https://www.linkedin.com/in/yossi",
            ],
            None,
        ),
        (["contact", "log", "1", "--channel", "email", "--note", "Sent thanks 🙏", "--on", "2026-09-26"], None),
        (["contact", "link", "2", "1"], None),
        (["feedback", "draft", "3"], None),
        (["feedback", "mark", "1", "sent"], None),
        (["feedback", "add", "3", "--source", "recruiter", "--on", "2026-10-01"], FEEDBACK),
        (["reflect", "3", "--answers-file", str(reflection)], None),
        (["journal", "add", "--text", "Rough week 😞 — «but» okay", "--mood", "2", "--app", "3"], None),
        (["journal", "add", "--text", "Got the offer! 🎉", "--win", "--mood", "5", "--app", "5"], None),
        (["journal", "add", "--mood", "3"], LONG_NOTE),
        (["journal", "reframe", "3", "--answers-file", str(reframe), "--mood", "3"], None),
        (["goal", "add", "--from-skill", "SQL", "--due", "2027-01-15"], None),
        (
            [
                "goal",
                "add",
                "--title",
                "Practise «STAR» answers 🌟",
                "--measure",
                "practice.sessions",
                "--target",
                "5",
                "--due",
                "2027-02-01",
            ],
            None,
        ),
        (
            [
                "questions",
                "add",
                'Tell me about a time you said "no" — لماذا؟',
                "--app",
                "3",
                "--competency",
                "conflict",
            ],
            None,
        ),
        (["cv", "add", str(cv), "--name", "Main CV 🚀", "--primary"], None),
        (["watch", "add", "Globex", "--board", "greenhouse:globex", "--keywords", "engineer,🚀"], None),
        (["company", "reapply-after", QUOTES, "2027-03-01"], None),
        (["practice", "--count", "2", "--seed", "7"], f'{ANSWER}\n\n{ANSWER} {RTL} "quoted"\n\n'),
    ]


def worktree(commit: str) -> Path:
    path = Path(tempfile.gettempdir()) / f"nextround-old-{commit}"
    if not path.exists():
        subprocess.run(
            ["git", "-C", str(ROOT), "worktree", "add", "--detach", str(path), commit], check=True, capture_output=True
        )
    return path


def run_old(commit: str, home: Path, args: list[str], stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "PYTHONPATH": str(worktree(commit) / "src"),
        "NEXTROUND_HOME": str(home),
        "NEXTROUND_TZ": "Europe/Berlin",
        "COLUMNS": "200",
    }
    env.pop("NEXTROUND_DATABASE_URL", None)
    return subprocess.run(
        [sys.executable, "-m", "nextround", *args],
        input=stdin if stdin is not None else "",
        capture_output=True,
        text=True,
        env=env,
        cwd=home.parent,
    )


def build(commit: str, out: Path, *, demo: bool = False, quiet: bool = False) -> dict[str, object]:
    out.mkdir(parents=True, exist_ok=True)
    home = out / "home"
    skipped: list[str] = []
    if demo:
        code = (
            "from nextround.config import Settings\n"
            "from nextround.services.workspace import Workspace\n"
            "from nextround.services.demo import fill_demo\n"
            "ws = Workspace.open_local(Settings.from_env())\n"
            "print(fill_demo(ws)); ws.db.dispose()\n"
        )
        env = {**os.environ, "PYTHONPATH": str(worktree(commit) / "src"), "NEXTROUND_HOME": str(home)}
        done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
        if done.returncode:
            skipped.append(f"demo: {done.stderr.strip().splitlines()[-1:]}")
    for args, stdin in steps(out):
        done = run_old(commit, home, args, stdin)
        if done.returncode:
            last = (done.stderr.strip() or done.stdout.strip()).splitlines()[-1:] or ["?"]
            skipped.append(f"{' '.join(args[:2])}: {last[0][:120]}")
    exports = {}
    for fmt in ("json", "csv"):
        target = out / f"export.{fmt}"
        done = run_old(commit, home, ["export", str(target), "--format", fmt])
        if done.returncode == 0 and target.exists():
            exports[fmt] = target
        else:
            skipped.append(f"export {fmt}: {(done.stderr or done.stdout).strip()[-120:]}")
    database = home / "nextround.db"
    counts = table_counts(database)
    if not quiet:
        print(f"{commit}: {counts}")
        for line in skipped:
            print(f"  skipped {line}")
    return {"database": database, "exports": exports, "counts": counts, "skipped": skipped}


def table_counts(database: Path) -> dict[str, int]:
    with sqlite3.connect(database) as conn:
        names = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name")]
        counts = {n: conn.execute(f'SELECT count(*) FROM "{n}"').fetchone()[0] for n in names}
    conn.close()
    return {n: c for n, c in counts.items() if c and n != "alembic_version"}


def revision(database: Path) -> str:
    with sqlite3.connect(database) as conn:
        (value,) = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    conn.close()
    return str(value)


def dump(database: Path) -> str:
    """The database as SQL (schema and rows), as SQLite's `.dump` writes it, minus what differs per run."""
    with sqlite3.connect(database) as conn:
        lines = list(conn.iterdump())
    conn.close()
    return "\n".join(lines) + "\n"


def fixtures(*, every: bool = False) -> None:
    FIXTURES.mkdir(parents=True, exist_ok=True)
    for expected, commit in FIXTURE_COMMITS.items():
        if not every and expected not in KEPT:
            continue
        with tempfile.TemporaryDirectory() as scratch:
            made = build(commit, Path(scratch) / "out")
            database = made["database"]
            assert isinstance(database, Path)
            found = revision(database)
            assert found.startswith(expected), f"{commit} wrote schema {found}, not {expected}"
            stem = f"{expected}_{commit}"
            (FIXTURES / f"{stem}.sql").write_text(dump(database), "utf-8")
            exports = made["exports"]
            assert isinstance(exports, dict)
            for fmt, path in exports.items():
                (FIXTURES / f"{stem}.{fmt}").write_bytes(path.read_bytes())
            (FIXTURES / f"{stem}.counts.json").write_text(
                json.dumps(
                    {"commit": commit, "revision": found, "rows": made["counts"], "skipped": made["skipped"]},
                    indent=1,
                    ensure_ascii=False,
                )
                + "\n",
                "utf-8",
            )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    one = sub.add_parser("build")
    one.add_argument("commit")
    one.add_argument("out", type=Path)
    one.add_argument("--demo", action="store_true")
    some = sub.add_parser("fixtures")
    some.add_argument("--all", action="store_true", help="every version in FIXTURE_COMMITS, not only KEPT")
    args = parser.parse_args()
    if args.command == "build":
        build(args.commit, args.out, demo=args.demo)
    else:
        fixtures(every=args.all)


if __name__ == "__main__":
    main()
