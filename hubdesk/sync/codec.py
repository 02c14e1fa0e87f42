"""Columnar encoding of an event batch, so a compressed bundle costs a few bytes per progress event.

Row-wise JSON repeats every field name, device id, learner id and HLC stamp in every event; even
compressed that is ~100 bytes per progress event. Here a batch becomes columns: tables of the
distinct devices, scopes, kinds and learners with small indexes per event; sequence numbers and
clock stamps as deltas (mostly ``1`` and a few milliseconds); payloads grouped by their key set
("shape"), one column per key. zstd then squeezes the repetition out of each column.

Decoding trusts nothing: every index and length is checked, every event checked as ``Event.validate``
would (the name tables once, numbers and stamps per event), and anything
odd raises :class:`CodecError` before a single event is returned.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator, Sequence
from itertools import accumulate
from typing import Any

from hubdesk.core import safe_json
from hubdesk.core.clock import format_stamp, valid_stamp
from hubdesk.core.event_chain import PROOF_LEN, shipped_proofs
from hubdesk.core.events import Event, EventError, valid_scope
from hubdesk.errors import SyncError

FORMAT = 1


class CodecError(SyncError):
    """A bundle body that does not decode into valid events."""


class _Table:
    def __init__(self) -> None:
        self.items: list[Any] = []
        self.index: dict[Any, int] = {}

    def __call__(self, item: Any) -> int:
        i = self.index.get(item)
        if i is None:
            i = self.index[item] = len(self.items)
            self.items.append(item)
        return i


def encode(events: Sequence[Event]) -> bytes:
    devices, scopes, kinds, learners, shapes = _Table(), _Table(), _Table(), _Table(), _Table()
    d_col: list[int] = []
    s_col: list[int] = []
    c_col: list[int] = []
    ss_col: list[int] = []
    hm: list[int] = []
    hc: list[int] = []
    hd: list[int] = []
    hx: dict[str, str] = {}
    k_col: list[int] = []
    l_col: list[int] = []
    p_col: list[int] = []
    values: list[list[list[Any]]] = []
    last_seq: dict[int, int] = {}
    last_ss: dict[tuple[int, int], int] = {}
    last_ms = 0
    for i, ev in enumerate(events):
        d = devices(ev.device_id)
        d_col.append(d)
        s_col.append(ev.seq - last_seq.get(d, 0))
        last_seq[d] = ev.seq
        c = scopes(ev.scope)
        c_col.append(c)
        ss_col.append(ev.scope_seq - last_ss.get((d, c), 0))
        last_ss[(d, c)] = ev.scope_seq
        parts = ev.hlc.split("-", 2)
        try:
            ms, counter = int(parts[0], 16), int(parts[1], 16)
            exact = len(parts) == 3 and format_stamp(ms, counter, parts[2]) == ev.hlc
        except (ValueError, IndexError):
            exact = False
        if exact:
            hm.append(ms - last_ms)
            last_ms = ms
            hc.append(counter)
            hd.append(devices(parts[2]))
        else:  # a stamp from an odd peer: carried verbatim
            hm.append(0)
            hc.append(0)
            hd.append(-1)
            hx[str(i)] = ev.hlc
        k_col.append(kinds(ev.kind))
        l_col.append(-1 if ev.learner_id is None else learners(ev.learner_id))
        keys = tuple(ev.payload)
        shape = shapes(keys)
        if shape == len(values):
            values.append([[] for _ in keys])
        p_col.append(shape)
        for col, key in zip(values[shape], keys, strict=True):
            col.append(ev.payload[key])
    doc = {
        "f": FORMAT,
        "n": len(events),
        "dev": devices.items,
        "sc": scopes.items,
        "kd": kinds.items,
        "ln": learners.items,
        "sh": [list(k) for k in shapes.items],
        "d": d_col,
        "s": s_col,
        "c": c_col,
        "ss": ss_col,
        "hm": hm,
        "hc": hc,
        "hd": hd,
        "hx": hx,
        "k": k_col,
        "l": l_col,
        "p": p_col,
        "pv": values,
        # the origin's proofs a receiver needs (last of each run, checkpoints): sparse, by event number
        "g": {str(i): proof.hex() for i, proof in shipped_proofs(events).items()},
    }
    return json.dumps(doc, separators=(",", ":"), ensure_ascii=False).encode()


def _list(doc: dict[str, Any], key: str, n: int | None = None, of: type | None = int) -> list[Any]:
    v = doc.get(key)
    if not isinstance(v, list) or (n is not None and len(v) != n):
        raise CodecError(f"The bundle's {key!r} column is missing or of the wrong length.")
    if of is not None and v and set(map(type, v)) != {of}:
        raise CodecError(f"The bundle's {key!r} column holds values of the wrong type.")
    return v


def decode(raw: bytes) -> list[Event]:
    try:
        doc = safe_json.loads(raw)
    except safe_json.UnsafeJSON as exc:
        raise CodecError(f"The bundle's events are not readable: {exc}") from exc
    if not isinstance(doc, dict) or doc.get("f") != FORMAT or type(doc.get("n")) is not int:
        raise CodecError("The bundle's events are in a format this HubDesk does not know.")
    n: int = doc["n"]
    devices = _list(doc, "dev", of=str)
    scopes = _list(doc, "sc", of=str)
    kinds = _list(doc, "kd", of=str)
    learners = _list(doc, "ln", of=str)
    shapes = _list(doc, "sh", of=list)
    if not (
        all(0 < len(x) <= 64 for x in devices)
        and all(valid_scope(x) for x in scopes)
        and all(0 < len(x) <= 64 for x in kinds)
        and all(len(x) <= 64 for x in learners)
    ):
        raise CodecError("The bundle names a device, scope, kind or learner that is not valid.")
    cols = {k: _list(doc, k, n) for k in ("d", "s", "c", "ss", "hm", "hc", "hd", "k", "l", "p")}
    hx = doc.get("hx")
    pv = _list(doc, "pv", of=list)
    if not isinstance(hx, dict) or len(pv) != len(shapes):
        raise CodecError("The bundle's events are damaged.")
    try:
        for shape, cols_of in zip(shapes, pv, strict=True):
            if len(shape) != len(cols_of) or not all(isinstance(k, str) for k in shape):
                raise CodecError("The bundle's payload columns are damaged.")
        d_c, s_c, c_c, ss_c = cols["d"], cols["s"], cols["c"], cols["ss"]
        hm_c, hc_c, hd_c, k_c, l_c, p_c = cols["hm"], cols["hc"], cols["hd"], cols["k"], cols["l"], cols["p"]
        if n and min(min(d_c), min(c_c), min(k_c), min(p_c), min(hc_c), min(l_c) + 1, min(hd_c) + 1) < 0:
            raise CodecError("The bundle's events are damaged.")
        # whole columns at a time: an out-of-range index raises IndexError, caught below
        dev_names = [devices[i] for i in d_c]
        scope_names = [scopes[i] for i in c_c]
        kind_names = [kinds[i] for i in k_c]
        learner_ids = [None if i == -1 else learners[i] for i in l_c]
        stamps = [
            hx[str(i)] if hd == -1 else format_stamp(ms, hc, devices[hd])
            for i, (ms, hc, hd) in enumerate(zip(accumulate(hm_c), hc_c, hd_c, strict=True))
        ]
        seqs: list[int] = []
        last_seq: dict[int, int] = {}
        for d, delta in zip(d_c, s_c, strict=True):
            last_seq[d] = v = last_seq.get(d, 0) + delta
            seqs.append(v)
        scope_seqs: list[int] = []
        last_ss: dict[tuple[int, int], int] = {}
        for key, delta in zip(zip(d_c, c_c, strict=True), ss_c, strict=True):
            last_ss[key] = v = last_ss.get(key, 0) + delta
            scope_seqs.append(v)
        counts = Counter(p_c)
        rows: list[Iterator[dict[str, Any]]] = []
        for shape_no, (keys, cols_of) in enumerate(zip(shapes, pv, strict=True)):
            count = counts.get(shape_no, 0)
            if any(not isinstance(col, list) or len(col) != count for col in cols_of):
                raise CodecError("The bundle's payload columns do not match its events.")
            made = [dict(zip(keys, vals, strict=True)) for vals in zip(*cols_of, strict=True)] if keys else []
            rows.append(iter(made if keys else [{} for _ in range(count)]))
        payloads = [next(rows[p]) for p in p_c]
        if n and (min(seqs) <= 0 or min(scope_seqs) <= 0 or not all(map(valid_stamp, stamps))):
            raise CodecError("The bundle's event numbers or stamps are damaged.")
        # the rest of Event.validate holds by construction: the name tables were checked above
        proofs = doc.get("g", {})
        if not isinstance(proofs, dict):
            raise CodecError("The bundle's proofs are damaged.")
        by_no: dict[int, bytes] = {}
        for no, text in proofs.items():
            if not (isinstance(text, str) and len(text) == 2 * PROOF_LEN) or not 0 <= int(no) < n:
                raise CodecError("The bundle's proofs are damaged.")
            by_no[int(no)] = bytes.fromhex(text)
        out = [
            Event(d, s, sc, ss, h, k, p, lid, by_no.get(i))
            for i, (d, s, sc, ss, h, k, p, lid) in enumerate(
                zip(dev_names, seqs, scope_names, scope_seqs, stamps, kind_names, payloads, learner_ids, strict=True)
            )
        ]
    except (IndexError, KeyError, StopIteration, TypeError, ValueError, EventError) as exc:
        raise CodecError(f"The bundle's events are damaged ({type(exc).__name__}).") from exc
    return out
