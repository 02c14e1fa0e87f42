"""A centre of many PCs: roaming sign-in latency, catching up after a week away, the hub per centre.

1. Two real ``hubdesk peer serve`` processes as two PCs of one centre on loopback: a learner is
   added on PC 1 (by this process, as the app or the CLI would); the time until PC 2 can sign them
   in (their secret hash is in PC 2's database). p50 and p95 over ``--samples`` learners.
2. A centre of ``--pcs`` PCs (peer nodes in this process, each its own data folder and port) with
   ``--learners`` learners: every PC but one holds a week of activity (one day per PC ...) that the
   PC away missed, and the PC away made a day of its own. Time and bytes (request and reply bodies)
   until every PC holds every event.
3. The hub: ``sync now`` of a day of activity from a centre of 1 PC and from a centre of 10 PCs
   (whose PCs already share their events on the LAN, so one PC's sync carries the centre):
   requests and bytes per centre per sync, then an idle sync.

    python benchmarks/centre_roaming.py [--samples 20] [--pcs 10] [--learners 200]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks._sync_data import activity, learners, next_numbers
from benchmarks.sync_hub import Counting
from hubdesk.core.installation import Installation
from hubdesk.peers import centre_link
from hubdesk.peers.centre_join import join
from hubdesk.peers.node import PeerNode
from hubdesk.sync.enrolment import issue_code
from hubdesk.sync.http import HubClient, sync_now
from hubdesk.sync.state import SyncState


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_port(port: int) -> None:
    for _ in range(300):
        try:
            socket.create_connection(("127.0.0.1", port), 0.2).close()
            return
        except OSError:
            time.sleep(0.05)
    raise RuntimeError(f"nothing listens on {port}")


def serve(data: Path, port: int) -> subprocess.Popen[bytes]:
    cmd = [sys.executable, "-m", "hubdesk", "--data-dir", str(data), "peer", "serve", "--host", "127.0.0.1"]
    proc = subprocess.Popen([*cmd, "--port", str(port), "--no-discovery"], stdout=subprocess.DEVNULL)
    wait_port(port)
    return proc


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def roaming(root: Path, samples: int) -> None:
    pc1, pc2 = Installation(root / "r1"), Installation(root / "r2")
    pc1.centre.create("Kibera Youth Centre")
    p1, p2 = free_port(), free_port()
    procs = [serve(pc1.dirs.root, p1)]
    try:
        join(pc2, pc1.centre.codes.issue(), f"127.0.0.1:{p1}")
        procs.append(serve(pc2.dirs.root, p2))
        time.sleep(1.5)  # both have said hello
        waits = []
        for i in range(samples):
            t0 = time.monotonic()
            lid = pc1.learners.add(f"Roamer {i:03d}", pin="2468").id
            while not pc2.store.query("SELECT 1 FROM learner_secrets WHERE learner_id = ?", (lid,)):
                time.sleep(0.01)
            waits.append(time.monotonic() - t0)
            pc2.learners.verify(lid, "pin", "2468")
            time.sleep(0.3)
        print(
            f"1. learner added on PC 1 can sign in on PC 2: p50 {statistics.median(waits) * 1000:.0f} ms, "
            f"p95 {pct(waits, 0.95) * 1000:.0f} ms over {samples} learners (goal: p95 <= 2,000 ms)"
        )
    finally:
        for p in procs:
            p.terminate()
            p.wait(10)


def week_away(root: Path, n_pcs: int, n_learners: int) -> None:
    rng = random.Random(7)
    pcs = [Installation(root / f"c{i}") for i in range(n_pcs)]
    pcs[0].centre.create("Kibera Youth Centre")
    first = PeerNode(pcs[0], host="127.0.0.1", discover=False)
    first.start()
    for inst in pcs[1:]:
        join(inst, pcs[0].centre.codes.issue(), f"127.0.0.1:{first.port}")
    first.stop()
    ids = learners(pcs[0], n_learners, rng)
    # the PCs that stayed: a week of activity, a day of it written on each of seven PCs
    stayed = pcs[:-1]
    away = pcs[-1]
    for day in range(7):
        inst = stayed[day % len(stayed)]
        seq, ss = next_numbers(inst)
        evs = list(activity(inst.device_id, ids, days=1, start_seq=seq, start_scope_seq=ss, rng=rng))
        inst.log.apply(evs)
    seq, ss = next_numbers(away)
    away.log.apply(list(activity(away.device_id, ids, days=1, start_seq=seq, start_scope_seq=ss, rng=rng)))
    everything = [ev for inst in pcs for ev in inst.log.events()]
    for inst in stayed:  # the PCs that stayed are in step with each other
        inst.log.apply([ev for ev in everything if ev.device_id != away.device_id])
    own = sum(1 for ev in away.log.events() if ev.device_id == away.device_id)
    away_missing = stayed[0].log.count() - (away.log.count() - own)
    counted = {"bytes": 0, "requests": 0}
    real_post = centre_link.post_sealed

    def counting_post(http, address, path, key, message, headers=None):  # type: ignore[no-untyped-def]
        status, reply = real_post(http, address, path, key, message, headers)
        counted["requests"] += 1
        counted["bytes"] += len(json.dumps(message)) + len(json.dumps(reply)) + 60  # + seal and nonce
        return status, reply

    centre_link.post_sealed = counting_post  # type: ignore[assignment]
    nodes = [PeerNode(inst, host="127.0.0.1", port=free_port(), discover=False) for inst in pcs]
    for inst in pcs:
        for other, node in zip(pcs, nodes, strict=True):
            if other is not inst:
                inst.centre.remember_peer(other.device_id, f"127.0.0.1:{node.port}")
    target = len({(ev.device_id, ev.seq) for inst in pcs for ev in inst.log.events()})
    t0 = time.monotonic()
    for node in nodes:
        node.start()
    while not all(inst.log.count() >= target for inst in pcs):
        time.sleep(0.05)
    took = time.monotonic() - t0
    for node in nodes:
        node.stop()
    centre_link.post_sealed = real_post  # type: ignore[assignment]
    print(
        f"2. centre of {n_pcs} PCs, {n_learners} learners: the PC away a week missed {away_missing:,} events "
        f"and brought {own:,}; every PC holds all {target:,} after "
        f"{took:.1f} s, {counted['bytes'] / 1e6:.1f} MB in {counted['requests']:,} LAN requests "
        f"(all {n_pcs} PCs polling each other meanwhile)"
    )


def hub_per_centre(root: Path, n_learners: int) -> None:
    from tests.sync.helpers import running_hub

    rng = random.Random(3)
    hub = Installation(root / "hub")
    with running_hub(hub) as (url, _):
        for n_pcs in (1, 10):
            pcs = [Installation(root / f"h{n_pcs}-{i}") for i in range(n_pcs)]
            if n_pcs > 1:
                pcs[0].centre.create(f"Centre of {n_pcs} PCs")
                node = PeerNode(pcs[0], host="127.0.0.1", discover=False)
                node.start()
                for inst in pcs[1:]:
                    join(inst, pcs[0].centre.codes.issue(), f"127.0.0.1:{node.port}")
                node.stop()
            ids = learners(pcs[0], n_learners, rng)
            for inst in pcs:  # a day of activity spread over the centre's PCs
                seq, ss = next_numbers(inst)
                share = ids[pcs.index(inst) :: n_pcs]
                inst.log.apply(
                    list(activity(inst.device_id, share, days=1, start_seq=seq, start_scope_seq=ss, rng=rng))
                )
            everything = [ev for inst in pcs for ev in inst.log.events() if ev.scope != "private"]
            for inst in pcs:
                inst.log.apply(everything)  # the LAN link already spread them
            code = issue_code(SyncState(hub.store), hub.identity)
            with HubClient.for_enrolment(pcs[0], url) as client:
                client.enrol(code)
            counting = Counting()
            t0 = time.monotonic()
            report = sync_now(pcs[0], transport=counting, packs=False)
            took = time.monotonic() - t0
            pcs[-1].log.apply(pcs[0].log.events())  # the hub link and what went to the hub, as the LAN carries it
            idle = Counting()
            sync_now(pcs[-1], transport=idle, packs=False)  # another PC of the centre, nothing new
            print(
                f"3. hub, centre of {n_pcs:>2} PC(s): a day ({report.pushed:,} events) in {took:.2f} s, "
                f"{counting.requests} requests, {(counting.up + counting.down) / 1000:.0f} KB; "
                f"then an idle sync from {'another' if n_pcs > 1 else 'the'} PC: {idle.requests} requests, "
                f"{idle.up + idle.down:,} bytes"
            )


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--samples", type=int, default=20)
    ap.add_argument("--pcs", type=int, default=10)
    ap.add_argument("--learners", type=int, default=200)
    args = ap.parse_args()
    print(f"load before: {os.getloadavg()[0]:.2f}")
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        roaming(root, args.samples)
        week_away(root, args.pcs, args.learners)
        hub_per_centre(root, args.learners)
    print(f"load after: {os.getloadavg()[0]:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
