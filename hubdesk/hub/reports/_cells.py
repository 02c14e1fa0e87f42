"""Retention cells kept as counts: (group, cohort week W, k) -> learners of the cohort active in W+k.

A retention page then reads a few hundred counts instead of joining every recent learner's weeks.
The counts change only for learners whose activity just arrived, so :func:`move` takes those
learners' current contribution out before their new activity is stored and puts it back after
(``sign`` -1 then +1): exact whatever order events come in, since a late older event that moves a
learner's start week is handled the same way. Groups: ``all`` (key ``''``), ``device`` (the
learner's origin PC, mapped to its centre when read) and ``course`` (the pack).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from hubdesk.core.store import Connection, Schema, migration

if TYPE_CHECKING:
    pass

# (kind, key expression, activity columns, join on pack, starts filter); {only} limits to some learners
_SOURCES = (
    (
        "all",
        "''",
        "SELECT DISTINCT learner_id, week FROM hub_activity {only}",
        "",
        "s.pack_id = ''",
    ),
    (
        "device",
        "COALESCE(l.origin_device, '')",
        "SELECT DISTINCT learner_id, week FROM hub_activity {only}",
        "",
        "s.pack_id = ''",
    ),
    (
        "course",
        "s.pack_id",
        "SELECT DISTINCT learner_id, pack_id, week FROM hub_activity {only}",
        "AND a.pack_id = s.pack_id",
        "s.pack_id != ''",
    ),
)


def move(conn: Connection, sign: int, only_new: bool = True) -> None:
    """Add (``sign`` 1) or take out (-1) the cells of the learners in ``temp.hub_new`` (or of everyone)."""
    only = "WHERE learner_id IN (SELECT learner_id FROM temp.hub_new)" if only_new else ""
    for kind, key, activity, on_pack, starts in _SOURCES:
        conn.execute(
            "INSERT INTO hub_cells (kind, key, w0, k, n) "
            f"SELECT '{kind}', {key}, s.week, a.week - s.week, {sign} * COUNT(*) "
            f"FROM hub_starts s JOIN ({activity.format(only=only)}) a ON a.learner_id = s.learner_id {on_pack} "
            f"LEFT JOIN learners l ON l.id = s.learner_id WHERE {starts} GROUP BY 2, 3, 4 "
            "ON CONFLICT(kind, key, w0, k) DO UPDATE SET n = hub_cells.n + excluded.n"
        )
    conn.execute("DELETE FROM hub_cells WHERE n = 0")


@migration("0165_hub_cells")
def _schema(db: Schema) -> None:
    db.execute(
        "CREATE TABLE hub_cells (kind TEXT NOT NULL, key TEXT NOT NULL, w0 INTEGER NOT NULL, k INTEGER NOT NULL, "
        "n INTEGER NOT NULL, PRIMARY KEY (kind, w0, key, k)) WITHOUT ROWID"
    )
    db.execute("CREATE UNIQUE INDEX hub_cells_key ON hub_cells (kind, key, w0, k)")
    move(db.conn, 1, only_new=False)
