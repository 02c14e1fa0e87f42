"""Personal notes: one Markdown note per learner per lesson, private to that learner.

A save is a ``note.edited`` event carrying the pycrdt (Yjs) update that turned the note's previous
text into the new one, so a learner who edited the same note on two PCs of the centre while they
were apart keeps both edits when the PCs meet (updates commute; applied twice they change
nothing). Its scope is ``site``: it follows the learner to every PC of their centre and never leaves
the centre (not the hub, not a USB stick). A learner who chose to share their notes writes them as
``centre`` events, which the facilitator's hub sees too.

Notes saved before centres existed are ``note.saved`` events carrying the whole text (scope
``private``: this PC only, or ``centre``); they read last-writer-wins, until the first edit by this
version turns the note into a document.

Every read takes the learner id and filters on it: there is no call that returns someone else's
note, which is what keeps a shared PC private. Notes that several people edit together are a
different thing (CRDT documents of a study group), not this module.
"""

from __future__ import annotations

import base64
import binascii
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from hubdesk.core.events import CENTRE, PRIVATE, SITE, Event, EventLog, projector
from hubdesk.core.groups import diff_edit, doc_from_state, text_of
from hubdesk.core.store import Connection, Schema, migration
from hubdesk.errors import HubDeskError

if TYPE_CHECKING:
    pass

MAX_NOTE_CHARS = 200_000
NoteListener = Callable[[str, str, str], None]  # (learner_id, pack_id, lesson_id)


class NoteError(HubDeskError):
    """A note that cannot be saved."""


@dataclass(frozen=True)
class Note:
    pack_id: str
    lesson_id: str
    text: str
    hlc: str


class Notes:
    """Hung off the installation as ``inst.notes``."""

    def __init__(self, log: EventLog, shares_notes: Callable[[str], bool] | None = None) -> None:
        self.log = log
        self.store = log.store
        self._shares = shares_notes or (lambda _learner_id: False)
        self._listeners: list[NoteListener] = []
        log.subscribe(self._on_events)  # also hears notes that arrive by sync

    def add_listener(self, fn: NoteListener) -> None:
        """Call ``fn(learner_id, pack_id, lesson_id)`` after a note was saved here or arrived from elsewhere."""
        self._listeners.append(fn)

    def get(self, learner_id: str, pack_id: str, lesson_id: str) -> str:
        row = self.store.query(
            "SELECT text FROM notes WHERE learner_id = ? AND pack_id = ? AND lesson_id = ?",
            (learner_id, pack_id, lesson_id),
        )
        return str(row[0][0]) if row else ""

    def save(self, learner_id: str, pack_id: str, lesson_id: str, text: str) -> bool:
        """Save the whole text; return False (and record nothing) when it did not change."""
        if len(text) > MAX_NOTE_CHARS:
            raise NoteError(f"A note can hold at most {MAX_NOTE_CHARS:,} characters; this one is longer.")
        if text == self.get(learner_id, pack_id, lesson_id):
            return False
        scope = CENTRE if self._shares(learner_id) else SITE
        with self.store.transaction():  # read the document and record the edit as one step
            row = self.store.query(
                "SELECT state FROM notes WHERE learner_id = ? AND pack_id = ? AND lesson_id = ?",
                (learner_id, pack_id, lesson_id),
            )
            doc, doc_text = doc_from_state(bytes(row[0][0]) if row else b"")
            before = doc.get_state()
            diff_edit(doc_text, str(doc_text), text)
            update = doc.get_update(before)
            payload = {"pack": pack_id, "lesson": lesson_id, "update": base64.b64encode(update).decode()}
            self.log.append("note.edited", payload, scope=scope, learner_id=learner_id)
        return True

    def list_for(self, learner_id: str) -> list[Note]:
        """This learner's non-empty notes, most recently saved first."""
        rows = self.store.query(
            "SELECT pack_id, lesson_id, text, hlc FROM notes WHERE learner_id = ? AND text != '' ORDER BY hlc DESC",
            (learner_id,),
        )
        return [Note(str(r[0]), str(r[1]), str(r[2]), str(r[3])) for r in rows]

    def changed_since(self, change: int) -> list[tuple[str, str, str, str, int]]:
        """For the search index: (learner, pack, lesson, text, change) of every row changed after ``change``."""
        rows = self.store.query(
            "SELECT learner_id, pack_id, lesson_id, text, change FROM notes WHERE change > ? ORDER BY change",
            (change,),
        )
        return [(str(r[0]), str(r[1]), str(r[2]), str(r[3]), int(r[4])) for r in rows]

    def last_change(self) -> int:
        return int(self.store.query("SELECT COALESCE(MAX(change), 0) FROM notes")[0][0])

    def _on_events(self, events: list[Event]) -> None:
        for ev in events:
            if ev.kind in ("note.saved", "note.edited") and ev.learner_id and _valid(ev):
                for fn in list(self._listeners):
                    fn(ev.learner_id, str(ev.payload["pack"]), str(ev.payload["lesson"]))


def _valid(ev: Event) -> bool:
    p = ev.payload
    body = "update" if ev.kind == "note.edited" else "text"
    return all(isinstance(p.get(k), str) and len(p[k]) <= 2 * MAX_NOTE_CHARS for k in ("pack", "lesson", body))


@projector("note.edited")
def _edited(conn: Connection, ev: Event) -> None:
    if ev.scope not in (CENTRE, SITE) or not ev.learner_id or not _valid(ev):
        return
    p = ev.payload
    key = (ev.learner_id, p["pack"], p["lesson"])
    row = conn.execute("SELECT state FROM notes WHERE learner_id = ? AND pack_id = ? AND lesson_id = ?", key).fetchone()
    try:
        from pycrdt import merge_updates

        update = base64.b64decode(p["update"], validate=True)
        state = merge_updates(bytes(row[0]), update) if row and row[0] else merge_updates(update)
        text = text_of(state)
    except BaseException as exc:  # a damaged update is skipped, never stops a sync (see group_notes)
        if not isinstance(exc, (binascii.Error, ValueError)) and type(exc).__name__ != "PanicException":
            raise
        return
    conn.execute(
        "INSERT INTO notes (learner_id, pack_id, lesson_id, text, hlc, change, state) "
        "VALUES (?, ?, ?, ?, ?, (SELECT COALESCE(MAX(change), 0) + 1 FROM notes), ?) "
        "ON CONFLICT(learner_id, pack_id, lesson_id) DO UPDATE SET text = excluded.text, "
        "hlc = MAX(notes.hlc, excluded.hlc), change = excluded.change, state = excluded.state",
        (*key, text[:MAX_NOTE_CHARS], ev.hlc, state),
    )


@projector("note.saved")
def _saved(conn: Connection, ev: Event) -> None:
    if ev.scope not in (CENTRE, SITE, PRIVATE) or not ev.learner_id or not _valid(ev):
        return  # a learner's own notes: one sent in a group or community scope must not overwrite them
    p = ev.payload
    # ``change`` numbers row changes on this PC so the search index can catch up on what it missed.
    conn.execute(
        "INSERT INTO notes (learner_id, pack_id, lesson_id, text, hlc, change) "
        "VALUES (?, ?, ?, ?, ?, (SELECT COALESCE(MAX(change), 0) + 1 FROM notes)) "
        "ON CONFLICT(learner_id, pack_id, lesson_id) DO UPDATE SET text = excluded.text, hlc = excluded.hlc, "
        "change = excluded.change WHERE excluded.hlc > notes.hlc AND length(notes.state) = 0",
        (ev.learner_id, p["pack"], p["lesson"], str(p["text"])[:MAX_NOTE_CHARS], ev.hlc),
    )


@migration("0040_notes_personal")
def _schema(db: Schema) -> None:
    db.execute(
        """CREATE TABLE notes (
            learner_id TEXT NOT NULL, pack_id TEXT NOT NULL, lesson_id TEXT NOT NULL,
            text TEXT NOT NULL, hlc TEXT NOT NULL, change INTEGER NOT NULL,
            PRIMARY KEY (learner_id, pack_id, lesson_id))"""
    )
    db.execute("CREATE INDEX notes_change ON notes (change)")


@migration("0041_notes_documents")
def _documents(db: Schema) -> None:
    db.execute("ALTER TABLE notes ADD COLUMN state BLOB NOT NULL DEFAULT x''")
