"""What every use case needs: the database, whose data it is, the settings and the clock."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from nextround.config import Settings
from nextround.storage.db import Database


def local_now() -> datetime:
    """Now, aware, in the machine's time zone: 'today' means the user's today."""
    return datetime.now().astimezone()


@dataclass(frozen=True)
class Workspace:
    db: Database
    owner_id: int
    settings: Settings
    clock: Callable[[], datetime] = field(default=local_now)

    @classmethod
    def open_local(cls, settings: Settings) -> Workspace:
        """The single-user workspace: the database from the settings, migrated, and its local owner."""
        db = Database.open(settings.database_url)
        return cls(db=db, owner_id=db.local_user_id(), settings=settings)

    def now(self) -> datetime:
        return self.clock()
