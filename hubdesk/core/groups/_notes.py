"""Shared group notes: one pycrdt (Yjs) text document per note, every edit an event.

Each edit is a ``group.note_edited`` event in the group's scope carrying the CRDT update that the
edit produced (base64). The derived table ``group_notes`` keeps, per (group, note), the *merge* of
every update seen so far and the text it reads as. Yjs updates commute and are idempotent, so
applying the events in any order, or twice, gives the same text; two members who edited offline
merge with nothing lost when their events meet.

The state is kept with :func:`pycrdt.merge_updates` rather than re-encoding a ``Doc``: a Doc drops
updates it cannot integrate yet (an edit that arrived before the edit it builds on), and a merged
update keeps them until the missing one arrives.
"""

from __future__ import annotations

import base64
import binascii
from collections.abc import Callable
from typing import TYPE_CHECKING

from hubdesk.core.events import Event, EventLog, group_scope, projector
from hubdesk.core.groups._model import group_of_event
from hubdesk.core.store import Connection, Schema, migration
from hubdesk.errors import HubDeskError

if TYPE_CHECKING:
    # pycrdt costs ~35 ms to import: loaded on the first group note, not at every start of the app
    from pycrdt import Doc, Text

    from hubdesk.core.groups._groups import Groups

DEFAULT_NOTE = "notes"
ROOT = "text"
NOTE_ID_MAX = 64
UPDATE_MAX = 256 * 1024


class NoteError(HubDeskError):
    """A note edit that cannot be recorded (too large, or not a valid CRDT update)."""


def doc_from_state(state: bytes) -> tuple[Doc[Text], Text]:
    from pycrdt import Doc, Text

    doc: Doc[Text] = Doc()
    text = doc.get(ROOT, type=Text)
    if state:
        doc.apply_update(state)
    return doc, text


def text_of(state: bytes) -> str:
    return str(doc_from_state(state)[1]) if state else ""


def diff_edit(text: Text, old: str, new: str) -> None:
    """Turn "the editor now shows ``new``" into one delete and one insert at the changed span."""
    start = 0
    while start < min(len(old), len(new)) and old[start] == new[start]:
        start += 1
    end_old, end_new = len(old), len(new)
    while end_old > start and end_new > start and old[end_old - 1] == new[end_new - 1]:
        end_old -= 1
        end_new -= 1
    if end_old > start:
        del text[start:end_old]
    if end_new > start:
        text.insert(start, new[start:end_new])


class GroupNotes:
    """Shared notes of the groups this PC is in (``inst.group_notes``)."""

    def __init__(self, log: EventLog, groups: Groups | None = None) -> None:
        self.log = log
        self.store = log.store
        self.groups = groups  # when given, an edit must come from a learner who holds the group here

    def state(self, group_id: str, note: str = DEFAULT_NOTE) -> bytes:
        row = self.store.query("SELECT state FROM group_notes WHERE group_id = ? AND note = ?", (group_id, note))
        return bytes(row[0][0]) if row else b""

    def text(self, group_id: str, note: str = DEFAULT_NOTE) -> str:
        row = self.store.query("SELECT text FROM group_notes WHERE group_id = ? AND note = ?", (group_id, note))
        return str(row[0][0]) if row else ""

    def notes(self, group_id: str) -> list[str]:
        return [
            r[0] for r in self.store.query("SELECT note FROM group_notes WHERE group_id = ? ORDER BY note", (group_id,))
        ]

    def edit(self, group_id: str, learner_id: str, change: Callable[[Text], None], note: str = DEFAULT_NOTE) -> str:
        """Apply ``change`` to the current document and record the update it made; return the new text.

        The read of the current state and the append happen in one transaction, so an edit made by
        another process on the same database in between is never edited "over".
        """
        with self.store.transaction():
            doc, text = doc_from_state(self.state(group_id, note))
            before = doc.get_state()
            change(text)
            update = doc.get_update(before)
            self.record(group_id, learner_id, update, note)
            return self.text(group_id, note)

    def append(self, group_id: str, learner_id: str, words: str, note: str = DEFAULT_NOTE) -> str:
        def add(text: Text) -> None:
            current = str(text)
            sep = "\n" if current and not current.endswith("\n") else ""
            text += sep + words

        return self.edit(group_id, learner_id, add, note)

    def replace(self, group_id: str, learner_id: str, new_text: str, note: str = DEFAULT_NOTE) -> str:
        """Make the note read ``new_text`` (from an editor) as the smallest edit of the current text."""

        def change(text: Text) -> None:
            diff_edit(text, str(text), new_text)

        return self.edit(group_id, learner_id, change, note)

    def record(self, group_id: str, learner_id: str | None, update: bytes, note: str = DEFAULT_NOTE) -> Event | None:
        """Record a CRDT update made elsewhere (an editor with its own Doc) as an edit event."""
        if len(update) > UPDATE_MAX:
            raise NoteError("That edit is too large to share; split it into smaller edits.")
        if len(update) <= 2:
            return None  # b"\\x00\\x00": an empty update, nothing changed
        if self.groups is not None and learner_id is not None:
            self.groups.require_holder(group_id, learner_id)
        return self.log.append(
            "group.note_edited",
            {"group": group_id, "note": note, "update": base64.b64encode(update).decode()},
            scope=group_scope(group_id),
            learner_id=learner_id,
        )


@projector("group.note_edited")
def _edited(conn: Connection, ev: Event) -> None:
    gid = group_of_event(ev)
    note = ev.payload.get("note")
    if gid is None or not isinstance(note, str) or not 0 < len(note) <= NOTE_ID_MAX:
        return
    try:
        update = base64.b64decode(str(ev.payload.get("update", "")), validate=True)
        row = conn.execute("SELECT state FROM group_notes WHERE group_id = ? AND note = ?", (gid, note)).fetchone()
        from pycrdt import merge_updates

        state = merge_updates(bytes(row[0]), update) if row else merge_updates(update)
        text = text_of(state)
    except BaseException as exc:
        # A hostile or damaged update must not stop a sync: skip it (pycrdt raises ValueError, and a
        # panic inside the Rust core surfaces as pyo3's PanicException, a BaseException).
        if not isinstance(exc, (binascii.Error, ValueError)) and type(exc).__name__ != "PanicException":
            raise
        return
    conn.execute(
        "INSERT INTO group_notes (group_id, note, state, text, hlc) VALUES (?, ?, ?, ?, ?) "
        "ON CONFLICT(group_id, note) DO UPDATE SET state = excluded.state, text = excluded.text, "
        "hlc = MAX(group_notes.hlc, excluded.hlc)",
        (gid, note, state, text, ev.hlc),
    )


@migration("0051_groups_notes")
def _schema(db: Schema) -> None:
    db.execute(
        "CREATE TABLE group_notes (group_id TEXT NOT NULL, note TEXT NOT NULL, state BLOB NOT NULL, "
        "text TEXT NOT NULL, hlc TEXT NOT NULL, PRIMARY KEY (group_id, note))"
    )
