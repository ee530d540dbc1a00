"""The user's preferences: silence limits per stage and whether silent applications close themselves."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from nextround.domain.ghosting import DEFAULT_GHOST_DAYS, parse_limits
from nextround.domain.stages import Stage
from nextround.errors import UserError
from nextround.services.workspace import Workspace

GHOST_PREFIX = "ghost_days."
AUTO_CLOSE = "auto_close_ghosted"
CHASE_DAYS = "feedback.chase_after_days"  # read by services.feedback
DEFAULT_CHASE_DAYS = 7
MAIL_READING = "mail.reading"  # read by services.mail_inbox: off means no mail is ever read
PROFILE_NAME = "profile.name"  # the name drafts are signed with (services.feedback.signature_name)
KEEP_AUDIO = "voice.keep_audio"  # read by services.voice: off (the default) means recordings are not kept
MAX_NAME = 100


PreferenceValue = bool | int | str


class PreferenceError(UserError, ValueError):
    """A preference name or value we do not know how to use."""


@dataclass(frozen=True, slots=True)
class Preferences:
    ghost_days: dict[Stage, int] = field(default_factory=lambda: dict(DEFAULT_GHOST_DAYS))
    auto_close_ghosted: bool = False
    chase_after_days: int = DEFAULT_CHASE_DAYS
    mail_reading: bool = True
    profile_name: str = ""
    keep_audio: bool = False

    def by_key(self) -> Mapping[str, PreferenceValue]:
        """Each preference under the key `config set` and the settings form use (`ghost_days.applied`)."""
        out: dict[str, PreferenceValue] = {f"{GHOST_PREFIX}{s.value}": d for s, d in self.ghost_days.items()}
        out[AUTO_CLOSE] = self.auto_close_ghosted
        out[CHASE_DAYS] = self.chase_after_days
        out[MAIL_READING] = self.mail_reading
        out[PROFILE_NAME] = self.profile_name
        out[KEEP_AUDIO] = self.keep_audio
        return out


def known_keys() -> list[str]:
    return [
        *(f"{GHOST_PREFIX}{s.value}" for s in DEFAULT_GHOST_DAYS),
        AUTO_CLOSE,
        CHASE_DAYS,
        MAIL_READING,
        PROFILE_NAME,
        KEEP_AUDIO,
    ]


def _valid(stored: dict[str, Any]) -> dict[str, Any]:
    """The stored preferences that pass the settings form's rules; any other falls back to its default.

    A value written by an old version or a hand-edited file must never stop every page from loading, and
    `config set` must always be able to replace it.
    """
    kept: dict[str, Any] = {}
    for key, value in stored.items():
        if key in known_keys():
            try:
                kept[key] = parse_value(key, _as_text(value))
            except UserError:
                continue
    return kept


def _as_text(value: Any) -> str:
    if isinstance(value, bool):
        return "on" if value else "off"
    if isinstance(value, int | str):
        return str(value)
    raise PreferenceError(f"{value!r} is not a setting value")


def _from_stored(stored: dict[str, Any]) -> Preferences:
    valid = _valid(stored)
    raw = {k.removeprefix(GHOST_PREFIX): int(v) for k, v in valid.items() if k.startswith(GHOST_PREFIX)}
    return Preferences(
        ghost_days=parse_limits(raw),
        auto_close_ghosted=bool(valid.get(AUTO_CLOSE, False)),
        chase_after_days=int(valid.get(CHASE_DAYS, DEFAULT_CHASE_DAYS)),
        mail_reading=bool(valid.get(MAIL_READING, True)),
        profile_name=str(valid.get(PROFILE_NAME, "")),
        keep_audio=bool(valid.get(KEEP_AUDIO, False)),
    )


# Settings other services keep, with the rule their own forms apply.
_OTHER_SETTINGS: dict[str, Any] = {
    "hide_rejected": lambda v: isinstance(v, bool),
    "network.continued_interest_months": lambda v: type(v) is int and 1 <= v <= 24,
    "network.dismissed_nudges": lambda v: isinstance(v, list) and all(isinstance(k, str) and len(k) < 300 for k in v),
    # services.ai_config: the endpoint typed on the Settings page and the base URL the user agreed to.
    "ai.base_url": lambda v: isinstance(v, str) and len(v) <= 300,
    "ai.model": lambda v: isinstance(v, str) and len(v) <= 200,
    "ai.consent": lambda v: isinstance(v, str) and len(v) <= 300,
}


def check_stored_setting(key: str, value: Any) -> None:
    """Refuse a setting an import brings in unless the settings form could have saved it."""
    if key in known_keys():
        parse_value(key, _as_text(value))
        return
    if key.startswith("smtp."):
        from nextround.services.mail_setup import check_stored_smtp

        if not check_stored_smtp(key, value):
            raise PreferenceError(f"{key} cannot be {str(value)[:40]!r}")
        return
    if key.startswith("imap."):
        from nextround.services.mailbox_setup import check_stored_imap

        if not check_stored_imap(key, value):
            raise PreferenceError(f"{key} cannot be {str(value)[:40]!r}")
        return
    rule = _OTHER_SETTINGS.get(key)
    if rule is None:
        raise PreferenceError(f"unknown setting {key[:60]!r}")
    if not rule(value):
        raise PreferenceError(f"{key} cannot be {str(value)[:40]!r}")


def load_preferences(ws: Workspace) -> Preferences:
    with ws.db.reader(ws.owner_id) as reader:
        return _from_stored(reader.settings())


def parse_value(key: str, raw: str) -> PreferenceValue:
    """A setting's value from text: on/off for switches, a number of days for delays."""
    if key in (AUTO_CLOSE, MAIL_READING, KEEP_AUDIO):
        lowered = raw.strip().lower()
        if lowered in ("1", "true", "yes", "on"):
            return True
        if lowered in ("0", "false", "no", "off"):
            return False
        raise PreferenceError(f"{key} must be on or off, not {raw!r}")
    if key == PROFILE_NAME:
        name = " ".join(raw.split())
        if len(name) > MAX_NAME:
            raise PreferenceError(f"your name is longer than {MAX_NAME} characters", field=key)
        return name
    if key == CHASE_DAYS:
        try:
            days = int(raw)
        except ValueError:
            raise PreferenceError(f"{key} must be a number of days, not {raw!r}") from None
        if not 1 <= days <= 90:
            raise PreferenceError(f"{key} must be between 1 and 90 days")
        return days
    if key.startswith(GHOST_PREFIX):
        try:
            days = int(raw)
        except ValueError:
            raise PreferenceError(f"{key} must be a number of days, not {raw!r}") from None
        try:
            parse_limits({key.removeprefix(GHOST_PREFIX): days})
        except ValueError as exc:
            raise PreferenceError(str(exc)) from None
        return days
    raise PreferenceError(f"unknown setting {key!r}; known settings: {', '.join(known_keys())}")


def set_preference(ws: Workspace, key: str, raw: str) -> Preferences:
    value = parse_value(key, raw)
    from nextround.storage.repositories import SettingsRepository

    with ws.db.write() as session:
        repo = SettingsRepository(session, ws.owner_id)
        repo.set(key, value)
        return _from_stored(repo.all())


def reset_preference(ws: Workspace, key: str) -> Preferences:
    if key not in known_keys():
        raise PreferenceError(f"unknown setting {key!r}; known settings: {', '.join(known_keys())}")
    from nextround.storage.repositories import SettingsRepository

    with ws.db.write() as session:
        repo = SettingsRepository(session, ws.owner_id)
        repo.unset(key)
        return _from_stored(repo.all())
