"""Alembic, driven from code: the package carries its migrations, no alembic.ini needed."""

from __future__ import annotations

from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory
from sqlalchemy import Engine

SCRIPT_LOCATION = "nextround.storage:migrations"


def alembic_config() -> Config:
    # No URL in the config: migrations run on a connection we hand over, so a database password never
    # sits in Alembic's options where it could be logged.
    config = Config()
    config.set_main_option("script_location", SCRIPT_LOCATION)
    return config


def upgrade_to_head(engine: Engine) -> None:
    config = alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")


def script_head() -> str | None:
    return ScriptDirectory.from_config(alembic_config()).get_current_head()
