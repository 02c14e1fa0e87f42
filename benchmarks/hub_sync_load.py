"""Many centres syncing with one hub at once, over loopback: syncs per second and p95 sync time.

The hub runs as ``hubdesk hub serve --workers W`` (its own processes). Before the clock starts,
``--centres`` centres are enrolled (each its own device key, trusted by the hub as an enrolment
would) and each gets a pre-made push: its learners and a week of their progress, made once from
one template centre and re-addressed to each device. Then every centre, at once, sends its
signed push followed by a signed vector request (what a ``sync now`` does besides pulling), with at
most ``--concurrency`` requests in flight and a time bound. Printed per worker count: completed
syncs, syncs per second, p50/p95 sync time, events ingested per second, and failures.

    python benchmarks/hub_sync_load.py [--centres 1000] [--workers 1,4] [--learners 10] [--days 7]
                                       [--store sqlite,postgresql]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

import httpx
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks._stores import Stores, parse, stores
from benchmarks._sync_data import activity, learners, next_numbers
from hubdesk.core.identity import Identity
from hubdesk.core.installation import Installation
from hubdesk.sync.signing import sign_request
from hubdesk.sync.state import CENTRE_ROLE, SyncState


def template(root: Path, n_learners: int, days: int) -> tuple[str, list[dict[str, Any]]]:
    inst = Installation(root / "template")
    rng = random.Random(3)
    ids = learners(inst, n_learners, rng)
    seq, ss = next_numbers(inst)
    inst.log.apply(list(activity(inst.device_id, ids, days=days, start_seq=seq, start_scope_seq=ss, rng=rng)))
    events = [e.to_dict() for e in inst.log.events() if e.scope == "centre"]
    device = inst.device_id
    inst.close()
    return device, events


def readdress(events: list[dict[str, Any]], old: str, new: str) -> bytes:
    """The template's events as if ``new`` had made them (device, stamps and learner ids)."""
    text = json.dumps({"v": 1, "type": "push", "events": events}, separators=(",", ":"))
    text = text.replace(old, new)
    for lid in {e["l"] for e in events if e["l"]}:
        text = text.replace(lid, uuid.uuid4().hex[: len(lid)])
    return text.encode()


async def one_sync(client: httpx.AsyncClient, ident: Identity, push: bytes, sem: asyncio.Semaphore) -> float:
    async with sem:
        t = time.perf_counter()
        for path, body in (("/sync/push", push), ("/sync/vector", b'{"v":1,"type":"vector"}')):
            headers = sign_request(ident, "POST", path, body)
            r = await client.post(path, content=body, headers=headers)
            if r.status_code != 200:
                raise RuntimeError(f"{path}: {r.status_code} {r.text[:100]}")
        return time.perf_counter() - t


async def storm(url: str, centres: list[tuple[Identity, bytes]], concurrency: int, bound_s: float) -> list[Any]:
    sem = asyncio.Semaphore(concurrency)
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    async with httpx.AsyncClient(base_url=url, timeout=bound_s, limits=limits) as client:
        tasks = [asyncio.create_task(one_sync(client, ident, push, sem)) for ident, push in centres]
        done, pending = await asyncio.wait(tasks, timeout=bound_s)
        for task in pending:
            task.cancel()
        return [t.exception() or t.result() for t in done] + ["timeout"] * len(pending)


def run(
    args: argparse.Namespace,
    workers: int,
    device: str,
    events: list[dict[str, Any]],
    root: Path,
    store: str,
    made: Stores,
) -> None:
    hub_dir = made.folder(root / f"hub-{store}-{workers}", store)
    hub = Installation(hub_dir)
    state = SyncState(hub.store)
    state.become_hub()
    centres = []
    for _ in range(args.centres):
        ident = Identity(uuid.uuid4().hex[:16], Ed25519PrivateKey.generate())
        state.trust(ident.device_id, ident.public_key_b64, CENTRE_ROLE)
        centres.append((ident, readdress(events, device, ident.device_id)))
    hub.close()
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    cmd = [sys.executable, "-m", "hubdesk", "--data-dir", str(hub_dir), "hub", "serve", "--port", str(port)]
    proc = subprocess.Popen([*cmd, "--workers", str(workers)], stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            try:
                httpx.get(url + "/", timeout=1)
                break
            except httpx.TransportError:
                time.sleep(0.2)
        t0 = time.perf_counter()
        results = asyncio.run(storm(url, centres, args.concurrency, args.bound))
        wall = time.perf_counter() - t0
    finally:
        proc.terminate()
        proc.wait(30)
    times = sorted(r for r in results if isinstance(r, float))
    failed = len(results) - len(times)
    n_events = len(events) * len(times)
    p95 = times[max(0, int(len(times) * 0.95 + 0.5) - 1)] if times else float("nan")
    print(
        f"{store:10} workers {workers}: {len(times)}/{len(results)} syncs in {wall:.1f} s = "
        f"{len(times) / wall:.1f} syncs/s; "
        f"p50 {statistics.median(times) if times else float('nan'):.2f} s, p95 {p95:.2f} s; "
        f"{n_events / wall:,.0f} events/s ingested; {failed} failed"
    )
    errors = [r for r in results if not isinstance(r, float)]
    if errors:
        print(f"  first failure: {errors[0]!r}"[:200])


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--centres", type=int, default=1000)
    ap.add_argument("--workers", default="1,4")
    ap.add_argument("--learners", type=int, default=10)
    ap.add_argument("--days", type=int, default=7)
    ap.add_argument("--concurrency", type=int, default=200)
    ap.add_argument("--bound", type=float, default=600.0, help="seconds before the storm is cut off")
    ap.add_argument("--store", default="sqlite,postgresql", help="which hub stores to measure, side by side")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp, stores() as made:
        root = Path(tmp)
        device, events = template(root, args.learners, args.days)
        print(f"{args.centres} centres, {len(events)} events each (learners and {args.days} days of progress)")
        for w in args.workers.split(","):
            for store in parse(args.store):
                run(args, int(w), device, events, root, store, made)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
