"""One typed settings object, read from `NEXTROUND_*` environment variables.

Defaults need no configuration at all: an SQLite file in the user's data directory. Nothing here is
read at import time; `Settings.from_env()` is called by the entry points.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
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


@dataclass(frozen=True, slots=True)
class Settings:
    home: Path
    database_url: str
    max_import_bytes: int = 20 * 1024 * 1024

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
        return cls(home=home, database_url=database_url, max_import_bytes=max_mb * 1024 * 1024)
