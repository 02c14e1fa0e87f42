"""Who is a PC of which centre, every centre at once: for the hub's pages and reports.

:class:`~hubdesk.core.centre.Centres` answers about one device or one centre with a few queries;
a hub listing a thousand centres would ask thousands of them (and a database server answers each
over the network). :class:`Membership` reads the centre tables once (four queries) and answers
the same questions from memory, by the same chain of authority (:func:`~._tables.walk`).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from hubdesk.core.centre._tables import Admission, walk
from hubdesk.core.store import Store


@dataclass
class Membership:
    valid: dict[str, dict[str, tuple[str, str]]] = field(default_factory=dict)  # centre -> device -> (in, out)
    joins: dict[str, list[str]] = field(default_factory=dict)  # device -> centres it joined, newest first
    consents: set[tuple[str, str]] = field(default_factory=set)  # (device, centre)
    retired_in: dict[str, set[str]] = field(default_factory=dict)  # device -> centres that retired it
    names: dict[str, tuple[str | None, str | None]] = field(default_factory=dict)  # centre -> (name, place)
    pc_names: dict[tuple[str, str], str] = field(default_factory=dict)  # (centre, device) -> newest name

    @classmethod
    def read(cls, store: Store) -> Membership:
        with store._lock:
            q = store.conn.execute
            created = {r[0]: (str(r[1]), r[2], r[3]) for r in q("SELECT id, created_hlc, name, place FROM centres")}
            admitted: dict[str, list[Admission]] = defaultdict(list)
            newest: dict[str, dict[str, str]] = defaultdict(dict)
            pc_names: dict[tuple[str, str], str] = {}
            for centre, device, by, hlc, name in q(
                "SELECT centre_id, device_id, by_device, hlc, name FROM centre_pcs ORDER BY hlc"
            ):
                admitted[centre].append((device, by, hlc))
                newest[device][centre] = max(newest[device].get(centre, ""), hlc)
                if name:
                    pc_names[(centre, device)] = name
            retired: dict[str, list[Admission]] = defaultdict(list)
            retired_in: dict[str, set[str]] = defaultdict(set)
            for centre, device, by, hlc in q("SELECT centre_id, device_id, by_device, hlc FROM centre_retired"):
                retired[centre].append((device, by, hlc))
                retired_in[device].add(centre)
            consents = {(r[0], r[1]) for r in q("SELECT device_id, centre_id FROM centre_consents")}
            renames = q("SELECT centre_id, by_device, name, place, hlc FROM centre_names ORDER BY hlc DESC").fetchall()
        valid = {c: walk(c, hlc, admitted.get(c, ()), retired.get(c, ())) for c, (hlc, _n, _p) in created.items()}
        names: dict[str, tuple[str | None, str | None]] = {c: (n, p) for c, (_h, n, p) in created.items()}
        renamed: set[str] = set()
        for centre, by, name, place, hlc in renames:  # the newest rename by a PC that counted then
            counted = valid.get(centre, {})
            if centre not in renamed and by in counted and (not counted[by][1] or hlc < counted[by][1]):
                names[centre] = (name, place)
                renamed.add(centre)
        joins = {d: sorted(cs, key=lambda c: cs[c], reverse=True) for d, cs in newest.items()}
        return cls(valid, joins, consents, dict(retired_in), names, pc_names)

    def current(self, centre_id: str) -> set[str]:
        return {d for d, (_in, out) in self.valid.get(centre_id, {}).items() if not out}

    def of_device(self, device_id: str) -> str | None:
        """As :meth:`Centres.of_device`: the centre it last joined and is still a PC of."""
        return next((c for c in self.joins.get(device_id, ()) if device_id in self.current(c)), None)

    def ever_pcs(self, centre_id: str) -> set[str]:
        return set(self.valid.get(centre_id, ())) or {centre_id}

    def consented(self, device_id: str, centre_id: str) -> bool:
        return device_id == centre_id or (device_id, centre_id) in self.consents

    def retired(self, device_id: str) -> bool:
        gone = any(self.valid.get(c, {}).get(device_id, ("", ""))[1] for c in self.retired_in.get(device_id, ()))
        return gone and self.of_device(device_id) is None

    def centre_of(self, device_id: str) -> str:
        """The centre a device speaks for at the hub: the one it joined with its consent, or its own."""
        found = self.of_device(device_id)
        return found if found is not None and self.consented(device_id, found) else device_id

    def speaking_pcs(self, centre_id: str) -> set[str]:
        """Every PC that ever spoke for the centre with its own consent, and the centre's creator."""
        return {d for d in self.ever_pcs(centre_id) if self.consented(d, centre_id)} | {centre_id}

    def pcs_of(self, centre_id: str) -> list[tuple[str, str]]:
        """``(device, name)`` of the centre's current PCs in the order they joined (a centre of one PC: itself)."""
        valid = self.valid.get(centre_id)
        if not valid:
            return [(centre_id, "")]
        ordered = sorted((joined, d) for d, (joined, out) in valid.items() if not out)
        return [(d, self.pc_names.get((centre_id, d), "")) for _joined, d in ordered]
