"""Per-learner preferences: text size, interface language, whether notes may leave the PC.

They are ``setting.changed`` events of scope ``centre`` rather than a local table: a learner who
needs large text needs it on every PC of the centre, not only the one where they first chose it.
Each (learner, key) keeps the value with the highest HLC stamp (last writer wins), so two PCs that
changed the same setting offline agree once they have exchanged events.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from hubdesk.core.events import CENTRE, Event, EventLog, projector
from hubdesk.core.store import Connection, Schema, migration
from hubdesk.errors import HubDeskError

if TYPE_CHECKING:
    pass

TEXT_SIZE = "text_size"
UI_LANGUAGE = "ui_language"
SHARE_NOTES = "share_notes"

DEFAULT_TEXT_SIZE = 12
TEXT_SIZE_RANGE = (8, 40)
DEFAULT_UI_LANGUAGE = "en"


class SettingError(HubDeskError):
    """A setting name or value that cannot be used."""


def _text_size(value: Any) -> int:
    low, high = TEXT_SIZE_RANGE
    if isinstance(value, bool) or not isinstance(value, int | float) or not low <= value <= high:
        raise SettingError(f"A text size is a number from {low} to {high}.")
    return int(value)


def _language(value: Any) -> str:
    if not isinstance(value, str) or not re.fullmatch(r"[a-z]{2,3}(-[A-Za-z0-9]{2,8})?", value):
        raise SettingError("A language is a code such as en or fr.")
    return value


def _flag(value: Any) -> bool:
    if not isinstance(value, bool):
        raise SettingError("This setting is either on or off.")
    return value


VALIDATORS: dict[str, Callable[[Any], Any]] = {TEXT_SIZE: _text_size, UI_LANGUAGE: _language, SHARE_NOTES: _flag}
DEFAULTS: dict[str, Any] = {TEXT_SIZE: DEFAULT_TEXT_SIZE, UI_LANGUAGE: DEFAULT_UI_LANGUAGE, SHARE_NOTES: False}


class LearnerSettings:
    """Hung off the installation as ``inst.learner_settings``."""

    def __init__(self, log: EventLog) -> None:
        self.log = log
        self.store = log.store

    def get(self, learner_id: str, key: str) -> Any:
        if key not in VALIDATORS:
            raise SettingError(f"There is no learner setting called {key!r}.")
        row = self.store.query("SELECT value FROM learner_settings WHERE learner_id = ? AND key = ?", (learner_id, key))
        if row:
            try:
                return VALIDATORS[key](json.loads(row[0][0]))
            except (SettingError, ValueError):
                pass  # a value a newer or broken PC sent: the default is safer than a crash
        return DEFAULTS[key]

    def set(self, learner_id: str, key: str, value: Any) -> None:
        """Record a change (no event when the value is already in force)."""
        if key not in VALIDATORS:
            raise SettingError(f"There is no learner setting called {key!r}.")
        value = VALIDATORS[key](value)
        if self.get(learner_id, key) == value:
            return
        self.log.append("setting.changed", {"key": key, "value": value}, scope=CENTRE, learner_id=learner_id)

    def all(self, learner_id: str) -> dict[str, Any]:
        return {key: self.get(learner_id, key) for key in VALIDATORS}

    # -- the ones the UI asks for by name -----------------------------------------------------
    def text_size(self, learner_id: str) -> int:
        return int(self.get(learner_id, TEXT_SIZE))

    def set_text_size(self, learner_id: str, size: int) -> None:
        self.set(learner_id, TEXT_SIZE, size)

    def ui_language(self, learner_id: str) -> str:
        return str(self.get(learner_id, UI_LANGUAGE))

    def set_ui_language(self, learner_id: str, language: str) -> None:
        self.set(learner_id, UI_LANGUAGE, language)

    def shares_notes(self, learner_id: str) -> bool:
        return bool(self.get(learner_id, SHARE_NOTES))


@projector("setting.changed")
def _changed(conn: Connection, ev: Event) -> None:
    key = ev.payload.get("key")
    if ev.scope != CENTRE or not ev.learner_id or not isinstance(key, str) or "value" not in ev.payload:
        return  # settings are centre events: a study-group peer or the hub does not change them
    conn.execute(
        "INSERT INTO learner_settings (learner_id, key, value, hlc) VALUES (?, ?, ?, ?) "
        "ON CONFLICT(learner_id, key) DO UPDATE SET value = excluded.value, hlc = excluded.hlc "
        "WHERE excluded.hlc > learner_settings.hlc",
        (ev.learner_id, key[:64], json.dumps(ev.payload["value"]), ev.hlc),
    )


@migration("0060_settings_learner")
def _schema(db: Schema) -> None:
    db.execute(
        """CREATE TABLE learner_settings (
            learner_id TEXT NOT NULL, key TEXT NOT NULL, value TEXT NOT NULL, hlc TEXT NOT NULL,
            PRIMARY KEY (learner_id, key)) WITHOUT ROWID"""
    )
