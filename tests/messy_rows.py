"""Rows no form would write, as older bugs or a hand edit of the database leave them.

Each case is (name, SQL) against a database holding tests/data/old_versions' 0002 history upgraded to today
(nine applications, every pillar). `MESSY` is what tests/test_messy_rows.py writes before it runs every
everyday read.
"""

from __future__ import annotations

HUGE = "x" * 2_000_000

# (what, SQL, parameters); SQLite only: PostgreSQL's own types refuse most of these at the door.
MESSY: list[tuple[str, str, dict[str, object]]] = [
    ("unknown request status", "UPDATE feedback_requests SET status='lost', tone='angry', channel='pigeon'", {}),
    ("reflection answers odd", "UPDATE reflections SET answers='[1, 2, 3]'", {}),
    ("unknown event state", "UPDATE stage_events SET to_state='phone_screen', source='robot' WHERE id=2", {}),
    ("unknown channel and work model", "UPDATE applications SET source='linkedin', work_model='office' WHERE id=7", {}),
    ("unknown outcome", "UPDATE applications SET outcome='hired', closed_at_stage='nowhere' WHERE id=2", {}),
    ("unknown stage", "UPDATE applications SET stage='onsite', furthest_stage='onsite' WHERE id=1", {}),
    ("odd date text", "UPDATE applications SET applied_on='03/10/2024' WHERE id=4", {}),
    (
        "odd moments",
        "UPDATE applications SET created_at='2024-10-03T10:00:00Z', last_activity_at='yesterday' WHERE id=5",
        {},
    ),
    (
        "far future and past",
        "UPDATE applications SET closed_at='9999-12-31 23:59:59', applied_on='0001-01-01',"
        " first_response_at='1900-01-01 00:00:00' WHERE id=6",
        {},
    ),
    ("tags not a list", "UPDATE applications SET tags='\"python\"' WHERE id=8", {}),
    ("out-of-range numbers", "UPDATE applications SET excitement=99, salary_min=-5, interview_round=-1 WHERE id=9", {}),
    ("huge text", "UPDATE applications SET notes=:huge, jd_text=:huge WHERE id=3", {"huge": HUGE}),
    ("event moment not a date", "UPDATE stage_events SET occurred_at='garbage' WHERE id=3", {}),
    ("event round not a number", "UPDATE stage_events SET round='two' WHERE id=4", {}),
    ("feedback analysis empty", "UPDATE feedback SET analysis='{}', source='oracle'", {}),
    ("unknown contact kind", "UPDATE contacts SET kind='friend', cadence_days=-3, email='not an email'", {}),
    ("unknown interaction channel", "UPDATE interactions SET channel='telepathy'", {}),
    ("interviewers not a list", "UPDATE interviews SET interviewers='{\"a\": 1}', kind='??', round=0", {}),
    ("unknown goal", "UPDATE goals SET measure='answer.nonsense', status='paused', target=NULL, origin='dream'", {}),
    ("journal mood out of range", "UPDATE journal_entries SET mood=9, kind='rant'", {}),
    ("practice analysis empty", "UPDATE practice_answers SET analysis='{}', score=250, competencies='null'", {}),
    ("practice plan not a list", "UPDATE practice_sessions SET plan='{\"x\": 1}', focus='???'", {}),
    (
        "setting of the wrong kind",
        "UPDATE user_settings SET value='{\"v\": \"banana\"}' WHERE key='ghost_days.applied'",
        {},
    ),
    ("setting not wrapped", "UPDATE user_settings SET value='\"on\"' WHERE key='auto_close_ghosted'", {}),
    ("unknown setting", "INSERT INTO user_settings (owner_id, key, value) VALUES (1, 'no.such.key', '{\"v\": 3}')", {}),
    ("question category unknown", "UPDATE custom_questions SET category='riddles', competencies='\"x\"'", {}),
    ("closed without a moment", "UPDATE applications SET closed_at=NULL, closed_at_stage=NULL WHERE id=8", {}),
    ("interview without a round", "UPDATE applications SET interview_round=NULL WHERE id=9", {}),
    ("no response moment", "UPDATE applications SET first_response_at=NULL, last_activity_at=NULL WHERE id=3", {}),
    ("empty stage names", "UPDATE applications SET stage='', furthest_stage='' WHERE id=4", {}),
    ("feedback on no application", "UPDATE feedback SET application_id=NULL, request_id=NULL", {}),
    ("answers outside a session", "UPDATE practice_answers SET session_id=NULL, duration_seconds=NULL", {}),
    ("a session on no application", "UPDATE practice_sessions SET application_id=NULL, finished_at=NULL", {}),
    ("interview without round or length", "UPDATE interviews SET round=NULL, duration_minutes=NULL", {}),
    ("goal without readings", "UPDATE goals SET current=NULL, baseline=NULL, due_on=NULL WHERE id=2", {}),
    ("contact without cadence", "UPDATE contacts SET cadence_days=NULL, connected_on=NULL", {}),
    ("journal without mood", "UPDATE journal_entries SET mood=NULL, application_id=NULL WHERE id=2", {}),
    ("empty texts", "UPDATE applications SET company='', role='' WHERE id=5", {}),
    ("tags not JSON", "UPDATE applications SET tags='python, sql' WHERE id=6", {}),
    ("interviewers not JSON", "UPDATE interviews SET interviewers='Priya, Tom'", {}),
    ("practice analysis not JSON", "UPDATE practice_answers SET analysis='{\"star\": {' WHERE id=1", {}),
    ("watch board unknown", "UPDATE watches SET board='myspace', keywords='null'", {}),
]
