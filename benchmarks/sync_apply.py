"""Sync bundles: apply rate and size. Goals of the issue: >= 20,000 events/s, <= 60 bytes per event.

A centre with 200 learners produces 200,000 progress events (lessons opened, time spent, quiz
answers with their mastery rule, lessons finished); it exports them as signed bundles (offline
enrolment included) and a fresh hub imports them: verify signature and hash, decompress, decode,
check entitlement, apply with every projector, in chunked transactions. Timed: the import alone,
and the export, each on its own.

    python benchmarks/sync_apply.py [--events 200000]
"""

from __future__ import annotations

import argparse
import itertools
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks._sync_data import activity, learners, next_numbers
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
            f"bundle size: {size:,} bytes = {per_event:.1f} bytes per event   "
            f"goal <= {GOAL_BYTES}  {'OK' if per_event <= GOAL_BYTES else 'MISSED'}"
        )
        print(f"hub lesson_progress rows: {rows:,}")
        centre.close()
        hub.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
