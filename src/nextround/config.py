"""One typed settings object, read from `NEXTROUND_*` environment variables.

Defaults need no configuration at all: an SQLite file in the user's data directory. Nothing here is
read at import time; `Settings.from_env()` is called by the entry points (`cli/`, `web/`), which pass the
settings down through `Workspace` and `create_app(settings)`: nothing below them reads the environment.

SMTP and job-board values are kept as given and checked where they are used (integrations.mail,
integrations.job_boards), so a typo in the mail set-up never stops the rest of the app. The SMTP password
is held in memory only when it is in the environment; otherwise the OS keyring is asked when mail is sent.
It is never stored and never shown (the repr hides it). The AI coach's key (`NEXTROUND_AI_API_KEY`) is
treated the same way.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from nextround.errors import UserError

ENV_PREFIX = "NEXTROUND_"


class SettingsError(UserError, ValueError):
    """An environment variable that cannot be used as it is."""


def _default_home() -> Path:
    from platformdirs import user_data_dir

    return Path(user_data_dir("nextround", appauthor=False))


def _int(env: Mapping[str, str], name: str, default: int) -> int:
    raw = env.get(ENV_PREFIX + name)
    if raw is None or raw.strip() == "":
        return default
    try:
        return int(raw)
    except ValueError:
        raise SettingsError(f"{ENV_PREFIX}{name} must be a whole number, not {raw!r}") from None


SMTP_ENV = ENV_PREFIX + "SMTP_"
IMAP_ENV = ENV_PREFIX + "IMAP_"
SMTP_VARIABLES = ("HOST", "PORT", "USER", "PASSWORD", "FROM", "STARTTLS", "SSL")
# Where each watched job board's public API lives (self-hosters and tests point them elsewhere).
DEFAULT_BOARD_BASES: dict[str, str] = {
    "greenhouse": "https://boards-api.greenhouse.io",
    "lever": "https://api.lever.co",
    "ashby": "https://api.ashbyhq.com",
}
BOARD_ENV_NAMES: dict[str, str] = {board: f"{ENV_PREFIX}{board.upper()}_API" for board in DEFAULT_BOARD_BASES}


def job_board_bases(env: Mapping[str, str]) -> dict[str, str]:
    """Each board's API base URL: `NEXTROUND_<BOARD>_API` if set, else the board's public address."""
    return {
        board: (env.get(name) or "").strip() or DEFAULT_BOARD_BASES[board] for board, name in BOARD_ENV_NAMES.items()
    }


@dataclass(frozen=True, slots=True)
class SmtpConfig:
    """`NEXTROUND_SMTP_*` as set ("" when not), checked by integrations.mail when email is used."""

    host: str = ""
    port: str = ""
    user: str = ""
    from_addr: str = ""
    starttls: str | None = None
    ssl: str | None = None
    password: str | None = field(default=None, repr=False)

    @classmethod
    def from_env(cls, env: Mapping[str, str]) -> SmtpConfig:
        def get(name: str) -> str:
            return env.get(SMTP_ENV + name, "").strip()

        return cls(
            host=get("HOST"),
            port=get("PORT"),
            user=get("USER"),
            from_addr=get("FROM"),
            starttls=env.get(SMTP_ENV + "STARTTLS"),
            ssl=env.get(SMTP_ENV + "SSL"),
            password=env.get(SMTP_ENV + "PASSWORD") or None,
        )


AI_ENV = ENV_PREFIX + "AI_"


@dataclass(frozen=True, slots=True)
class AiConfig:
    """`NEXTROUND_AI_*` as set ("" when not): an OpenAI-compatible endpoint, its model and key.

    Values saved on the Settings page fill what the environment leaves empty (services.ai_config); the key
    is otherwise asked of the OS keyring. Nothing is sent anywhere until the user has agreed to it.
    """

    base_url: str = ""
    model: str = ""
    api_key: str | None = field(default=None, repr=False)
    timeout: float = 60.0  # seconds to wait for a reply: local models on a laptop can be slow
    retries: int = 2  # after a timeout, a 429 or a 5xx
    backoff: float = 1.0  # seconds before the first retry, doubling after

    @classmethod
    def from_env(cls, env: Mapping[str, str]) -> AiConfig:
        timeout = _int(env, "AI_TIMEOUT", 60)
        retries = _int(env, "AI_RETRIES", 2)
        if not 1 <= timeout <= 3600 or not 0 <= retries <= 10:
            raise SettingsError(f"{AI_ENV}TIMEOUT must be 1-3600 seconds and {AI_ENV}RETRIES 0-10")
        return cls(
            base_url=env.get(AI_ENV + "BASE_URL", "").strip(),
            model=env.get(AI_ENV + "MODEL", "").strip(),
            api_key=env.get(AI_ENV + "API_KEY", "").strip() or None,
            timeout=float(timeout),
            retries=retries,
        )


@dataclass(frozen=True, slots=True)
class Settings:
    home: Path
    database_url: str
    max_import_bytes: int = 20 * 1024 * 1024
    smtp: SmtpConfig = field(default_factory=SmtpConfig)
    job_board_bases: Mapping[str, str] = field(default_factory=lambda: dict(DEFAULT_BOARD_BASES))
    # NEXTROUND_IMAP_* as set (integrations.imap reads them into ImapSettings); the password never in repr.
    imap_env: Mapping[str, str] = field(default_factory=dict, repr=False)
    # Set by `serve --multi-user`: each person's own settings must never reach the server's secrets.
    shared_server: bool = False
    ai: AiConfig = field(default_factory=AiConfig)

    @property
    def is_sqlite(self) -> bool:
        return self.database_url.startswith("sqlite")

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> Settings:
        env = os.environ if env is None else env
        home_raw = env.get(ENV_PREFIX + "HOME")
        home = Path(home_raw).expanduser() if home_raw else _default_home()
        database_url = env.get(ENV_PREFIX + "DATABASE_URL") or f"sqlite:///{home / 'nextround.db'}"
        if database_url.startswith("postgres://"):
            database_url = "postgresql+psycopg://" + database_url.removeprefix("postgres://")
        elif database_url.startswith("postgresql://"):
            database_url = "postgresql+psycopg://" + database_url.removeprefix("postgresql://")
        max_mb = _int(env, "MAX_IMPORT_MB", 20)
        if max_mb < 1:
            raise SettingsError(f"{ENV_PREFIX}MAX_IMPORT_MB must be at least 1")
        return cls(
            home=home,
            database_url=database_url,
            max_import_bytes=max_mb * 1024 * 1024,
            smtp=SmtpConfig.from_env(env),
            job_board_bases=job_board_bases(env),
            imap_env={key: value for key, value in env.items() if key.startswith(IMAP_ENV)},
            ai=AiConfig.from_env(env),
        )
