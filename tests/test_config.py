"""Settings are read from NEXTROUND_* once, by the entry points, and hold everything below them needs."""

from __future__ import annotations

from pathlib import Path

import pytest

from nextround.config import DEFAULT_BOARD_BASES, Settings, SettingsError
from nextround.integrations.job_boards import BoardError, board_settings
from nextround.integrations.mail import MailError, SmtpSettings

BASE = {"NEXTROUND_HOME": "/tmp/nextround-home"}


def test_defaults_need_no_configuration() -> None:
    settings = Settings.from_env(BASE)
    assert settings.database_url == f"sqlite:///{Path('/tmp/nextround-home') / 'nextround.db'}"
    assert settings.job_board_bases == DEFAULT_BOARD_BASES
    assert not SmtpSettings.from_config(settings.smtp, password_lookup=lambda _u: None).configured


def test_smtp_and_job_boards_come_from_the_environment_once() -> None:
    env = {
        **BASE,
        "NEXTROUND_SMTP_HOST": "smtp.example.org",
        "NEXTROUND_SMTP_PORT": "2525",
        "NEXTROUND_SMTP_FROM": "Alex Doe <alex@example.org>",
        "NEXTROUND_SMTP_PASSWORD": "s3cret-value",
        "NEXTROUND_LEVER_API": "http://127.0.0.1:9/lever/",
    }
    settings = Settings.from_env(env)
    env.clear()  # what was read is kept: nothing goes back to the environment later
    smtp = SmtpSettings.from_config(settings.smtp)
    assert (smtp.host, smtp.port, smtp.sender_name, smtp.password) == (
        "smtp.example.org",
        2525,
        "Alex Doe",
        "s3cret-value",
    )
    assert "s3cret-value" not in repr(settings)
    assert board_settings(settings.job_board_bases).base("lever") == "http://127.0.0.1:9/lever"
    assert settings.job_board_bases["greenhouse"] == DEFAULT_BOARD_BASES["greenhouse"]


def test_bad_values_fail_where_they_are_used_with_one_line() -> None:
    settings = Settings.from_env({**BASE, "NEXTROUND_SMTP_PORT": "many", "NEXTROUND_ASHBY_API": "ftp://x"})
    with pytest.raises(MailError, match="NEXTROUND_SMTP_PORT must be a port number"):
        SmtpSettings.from_config(settings.smtp)
    with pytest.raises(BoardError, match="NEXTROUND_ASHBY_API must be an http"):
        board_settings(settings.job_board_bases)
    with pytest.raises(SettingsError, match="NEXTROUND_MAX_IMPORT_MB"):
        Settings.from_env({**BASE, "NEXTROUND_MAX_IMPORT_MB": "0"})
