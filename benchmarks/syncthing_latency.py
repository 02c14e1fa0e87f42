"""Syncthing transport: time from writing a bundle at a centre to its events applied at the hub.

Two real Syncthing processes on 127.0.0.1 (HubDesk's own, started with temporary homes), a centre
enrolled offline with a hub, paired through HubDesk. Each round the centre records a few events
(new learners), writes its bundle into the shared folder and asks Syncthing to scan; the hub wakes
on Syncthing's ItemFinished event and imports. The figure is the median over the rounds.

    python benchmarks/syncthing_latency.py [--rounds 9] [--events 20]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

from hubdesk.core.installation import Installation
from hubdesk.sync import enrolment
from hubdesk.sync.state import SyncState
from hubdesk.sync.syncthing_process import find_binary
from hubdesk.sync.syncthing_transport import SyncthingTransport, managed_process


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rounds", type=int, default=9)
    ap.add_argument("--events", type=int, default=20, help="events per bundle")
    args = ap.parse_args()
    if find_binary() is None:
        print("The syncthing program is not installed (apt-get install syncthing); nothing to measure.")
        return 1
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        hub, centre = Installation(root / "hub"), Installation(root / "centre")
        code = enrolment.issue_code(SyncState(hub.store), hub.identity)
        enrolment.start_offline(SyncState(centre.store), code)
        ph, pc = managed_process(hub, reconnect_s=1), managed_process(centre, reconnect_s=1)
        t = time.perf_counter()
        ph.launch()
        pc.launch()
        ch, cc = ph.wait_ready(), pc.wait_ready()
        boot = time.perf_counter() - t
        try:
            th, tc = SyncthingTransport(hub, ch), SyncthingTransport(centre, cc)
            th.wait_for_change(timeout_s=0)
            tc.wait_for_change(timeout_s=0)
            t = time.perf_counter()
            th.pair(pc.device_id, pc.listen_address)
            tc.pair(ph.device_id, ph.listen_address)
            while not (tc.reachable() and th.reachable()):
                time.sleep(0.02)
            pairing = time.perf_counter() - t

            def deliver(n: int) -> tuple[float, float, int]:
                for i in range(n):
                    centre.learners.add(f"Learner {time.monotonic_ns()}-{i}")
                t0 = time.perf_counter()
                written = tc.publish()
                t_written = time.perf_counter() - t0
                applied = 0
                while applied == 0:
                    applied = th.collect().applied
                    if applied == 0:
                        th.wait_for_change(timeout_s=1)
                return t_written, time.perf_counter() - t0, len(written)

            deliver(args.events)  # warm-up: carries the offline enrolment
            th.publish(ack={centre.device_id})  # the hub's answer completes it
            while tc.collect().imported == []:
                tc.wait_for_change(timeout_s=1)
            writes, totals = [], []
            for _ in range(args.rounds):
                w, total, _n = deliver(args.events)
                writes.append(w)
                totals.append(total)
        finally:
            ch.close()
            cc.close()
            ph.stop()
            pc.stop()
            hub.close()
            centre.close()
    ms = [x * 1000 for x in totals]
    print(f"Syncthing {boot:.1f} s to start both, {pairing:.2f} s from pairing to connected (loopback).")
    print(
        f"Bundle of {args.events} events, write -> applied at the other side, over {args.rounds} rounds: "
        f"median {statistics.median(ms):.0f} ms (min {min(ms):.0f}, max {max(ms):.0f}); "
        f"writing the bundle itself: median {statistics.median(writes) * 1000:.1f} ms."
    )
    print(
        "Reference: the issue fixes no number for this figure; Syncthing's own file watcher would wait "
        "1 s (fsWatcherDelayS=1) before noticing a file, HubDesk asks it to scan at once instead."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
