"""Sync bundles: apply rate and size. Goals of the issue: >= 20,000 events/s, <= 60 bytes per event.

A centre with 200 learners produces 200,000 progress events (lessons opened, time spent, quiz
answers with their mastery rule, lessons finished); it exports them as signed bundles (offline
enrolment included) and a fresh hub imports them: verify signature and hash, decompress, decode,
check entitlement, apply with every projector, in chunked transactions. Timed: the import alone,
and the export, each on its own.

The same bundles are imported twice, into two fresh hubs: with the origin-signature checks (hash
chain recomputed per (device, scope) run, one ed25519 check per run and checkpoint), and with
them turned off (what an import did before events were signed), so the two rates come from the
same run on the same load. Then the cost of signing at append: appends with and without the
chain hash and signature.

    python benchmarks/sync_apply.py [--events 200000]
"""

from __future__ import annotations

import argparse
import itertools
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks._sync_data import activity, learners, next_numbers
from hubdesk.core import event_chain
from hubdesk.core.events import EventLog, Vouched
from hubdesk.core.identity import verify
from hubdesk.core.installation import Installation
from hubdesk.sync.bundle import export_all, import_bundle
from hubdesk.sync.enrolment import issue_code, start_offline
from hubdesk.sync.state import SyncState

GOAL_RATE = 20_000
GOAL_BYTES = 60


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--events", type=int, default=200_000)
    args = ap.parse_args()
    rng = random.Random(7)
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        centre, hub = Installation(root / "centre"), Installation(root / "hub")
        start_offline(SyncState(centre.store), issue_code(SyncState(hub.store), hub.identity))
        hub.close()  # a twin of the hub, to import the same bundles with the checks off
        shutil.copytree(root / "hub", root / "hub-unchecked")
        hub, unchecked = Installation(root / "hub"), Installation(root / "hub-unchecked")
        ids = learners(centre, 200, rng)
        seq, ss = next_numbers(centre)
        events = list(
            itertools.islice(
                activity(centre.device_id, ids, days=10_000, start_seq=seq, start_scope_seq=ss, rng=rng), args.events
            )
        )
        t = time.perf_counter()
        for i in range(0, len(events), 20_000):
            centre.log.apply(events[i : i + 20_000])
        t_make = time.perf_counter() - t
        t = time.perf_counter()
        paths = export_all(centre, root / "usb")
        t_export = time.perf_counter() - t
        size = sum(p.stat().st_size for p in paths)
        t = time.perf_counter()
        applied = sum(import_bundle(hub, p).applied for p in paths)
        t_import = time.perf_counter() - t
        assert applied == centre.log.count(), (applied, centre.log.count())
        vouch = EventLog.vouch
        EventLog.vouch = lambda self, evs, sender: Vouched(  # type: ignore[method-assign,assignment]
            evs, [event_chain.dumps_payload(ev.payload) for ev in evs], [None] * len(evs)
        )
        try:
            t = time.perf_counter()
            applied_off = sum(import_bundle(unchecked, p).applied for p in paths)
            t_off = time.perf_counter() - t
        finally:
            EventLog.vouch = vouch  # type: ignore[method-assign]
        assert applied_off == applied
        unchecked.close()
        append_on, append_off = _append_cost(root / "appends", 2000)
        # the checks alone, in memory: payload text, chain hash per event, one ed25519 check per run
        texts = [event_chain.dumps_payload(ev.payload) for ev in events]
        t = time.perf_counter()
        h = event_chain.GENESIS
        for ev, text in zip(events, texts, strict=True):
            h = event_chain.link(h, ev, text)
        t_chain = (time.perf_counter() - t) / len(events)
        sig = centre.identity.sign(b"x")
        t = time.perf_counter()
        for _ in range(200):
            verify(centre.identity.public_key_b64, sig, b"x")
        t_verify = (time.perf_counter() - t) / 200
        rows = hub.store.query("SELECT COUNT(*) FROM lesson_progress")[0][0]
        n = len(events)
        rate = applied / t_import
        per_event = size / applied
        print(
            f"events: {n:,} progress events from 200 learners (+{applied - n} learner events), {len(paths)} bundle(s)"
        )
        print(f"centre recording them (apply in 20k batches): {n / t_make:,.0f} events/s")
        print(f"export (encode + zstd + sign):               {applied / t_export:,.0f} events/s, {t_export:.2f} s")
        print(
            f"import at the hub (verify, decode, apply):   {rate:,.0f} events/s, {t_import:.2f} s   "
            f"goal >= {GOAL_RATE:,}  {'OK' if rate >= GOAL_RATE else 'MISSED'}"
        )
        print(
            f"  same bundles, signature checks off:        {applied / t_off:,.0f} events/s, {t_off:.2f} s "
            f"(checks cost {100 * (t_import - t_off) / t_off:+.0f}%)"
        )
        print(
            f"  the checks alone: {t_chain * 1e6:.1f} us per event (chain hash), {t_verify * 1e6:,.0f} us per "
            f"signature check (one per run and per {event_chain.CHECKPOINT} events)"
        )
        print(
            f"append (one event, one transaction):        {append_off * 1e6:,.0f} us unsigned, "
            f"{append_on * 1e6:,.0f} us chained and signed (+{(append_on - append_off) * 1e6:,.0f} us)"
        )
        print(
            f"bundle size: {size:,} bytes = {per_event:.1f} bytes per event   "
            f"goal <= {GOAL_BYTES}  {'OK' if per_event <= GOAL_BYTES else 'MISSED'}"
        )
        print(f"hub lesson_progress rows: {rows:,}")
        centre.close()
        hub.close()
    return 0


def _append_cost(folder: Path, n: int) -> tuple[float, float]:
    """Seconds per append with the chain and signature, and with both turned off, alternating."""
    inst = Installation(folder)
    sign, link = event_chain.sign, event_chain.link
    on = off = 0.0
    try:
        for round_no in range(4):
            signed = round_no % 2 == 0
            if not signed:
                event_chain.sign = lambda identity, ev, chain: None  # type: ignore[assignment,return-value]
                event_chain.link = lambda prev, ev, text: event_chain.GENESIS  # type: ignore[assignment]
            t = time.perf_counter()
            for i in range(n // 4):
                inst.log.append("bench.thing", {"n": i, "round": round_no})
            spent = time.perf_counter() - t
            event_chain.sign, event_chain.link = sign, link
            if signed:
                on += spent
            else:
                off += spent
    finally:
        event_chain.sign, event_chain.link = sign, link
        inst.close()
    return on / (n // 2), off / (n // 2)


if __name__ == "__main__":
    raise SystemExit(main())
