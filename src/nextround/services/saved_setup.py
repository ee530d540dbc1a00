"""A set-up saved on the Settings page as one settings row per field under a prefix (`smtp.host`, `imap.user`):
read, saved in one transaction, removed. The outgoing mail (services.mail_setup) and the mailbox the Inbox reads
(services.mailbox_setup) are each one; what their fields mean and how they are checked stays with them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from nextround.services.workspace import Workspace

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from nextround.storage.repositories import SettingsRepository


@dataclass(frozen=True, slots=True)
class SavedSetup:
    """Where one Settings-page set-up is kept: `<prefix><name>` for each of `names`."""

    prefix: str
    names: tuple[str, ...]

    def name_of(self, key: str) -> str | None:
        """The field a settings key holds (`smtp.port` gives `port`), or None when the key is not one of ours."""
        name = key.removeprefix(self.prefix)
        return name if key.startswith(self.prefix) and name in self.names else None

    def read(self, ws: Workspace) -> Mapping[str, str]:
        """Every field's saved text, "" when not saved (or saved as something other than text, as by an import).
        Read through the plain reader: a command that only needs the sender's name does not load SQLAlchemy."""
        with ws.db.reader(ws.owner_id) as reader:
            stored = reader.settings()
        return {name: _text(stored.get(self.prefix + name)) for name in self.names}

    def save(self, ws: Workspace, values: Mapping[str, str]) -> None:
        """Save every field (each of `names` must be in `values`, already checked) in one transaction."""
        with ws.db.write() as session:
            repo = _repository(session, ws)
            for name in self.names:
                repo.set(self.prefix + name, values[name])

    def forget(self, ws: Workspace) -> None:
        """Remove every field in one transaction."""
        with ws.db.write() as session:
            repo = _repository(session, ws)
            for name in self.names:
                repo.unset(self.prefix + name)


def _text(value: object) -> str:
    return value if isinstance(value, str) else ""


def _repository(session: Session, ws: Workspace) -> SettingsRepository:
    from nextround.storage.repositories import SettingsRepository  # SQLAlchemy: only to save

    return SettingsRepository(session, ws.owner_id)
