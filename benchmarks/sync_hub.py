"""A centre with 200 learners and a month of activity syncs to a hub over loopback HTTP.

The hub runs as its own process (``hubdesk hub serve``); the centre enrols with a code and runs
``sync now`` (push everything, pull, packs list). Printed: the time, the bytes that crossed the
wire (request and reply bodies, as sent), and beside them the size of the same events as a USB
bundle. A second ``sync now`` with nothing new shows the cost of an idle sync.

    python benchmarks/sync_hub.py [--days 30] [--learners 200] [--store sqlite,postgresql]
"""

from __future__ import annotations

import argparse
import random
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks._stores import parse, stores
from benchmarks._sync_data import activity, learners, next_numbers
from hubdesk.core.installation import Installation
from hubdesk.sync.bundle import export_all
from hubdesk.sync.http import HubClient, sync_now


class Counting(httpx.HTTPTransport):
    """Counts body bytes both ways, as they cross the socket (after any content encoding)."""

    def __init__(self) -> None:
        super().__init__()
        self.up = 0
        self.down = 0
        self.requests = 0

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        self.requests += 1
        self.up += len(request.content)
        resp = super().handle_request(request)
        raw = resp.stream

        counter = self

        class Stream(httpx.SyncByteStream):
            def __iter__(self):  # type: ignore[no-untyped-def]
                for chunk in raw:  # type: ignore[union-attr]
                    counter.down += len(chunk)
                    yield chunk

            def close(self) -> None:
                raw.close()  # type: ignore[union-attr]

        return httpx.Response(resp.status_code, headers=resp.headers, stream=Stream(), extensions=resp.extensions)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--days", type=int, default=30)
    ap.add_argument("--learners", type=int, default=200)
    ap.add_argument("--store", default="sqlite,postgresql", help="which hub stores to measure, side by side")
    args = ap.parse_args()
    rng = random.Random(11)
    with tempfile.TemporaryDirectory() as tmp, stores() as made:
        root = Path(tmp)
        centre = Installation(root / "centre")
        ids = learners(centre, args.learners, rng)
        seq, ss = next_numbers(centre)
        events = list(activity(centre.device_id, ids, days=args.days, start_seq=seq, start_scope_seq=ss, rng=rng))
        for i in range(0, len(events), 20_000):
            centre.log.apply(events[i : i + 20_000])
        total = centre.log.count()
        centre.close()
        print(f"centre: {args.learners} learners, {args.days} days, {total:,} events")
        for store in parse(args.store):
            shutil.copytree(root / "centre", root / f"centre-{store}")  # the same centre, new to each hub
            one_hub(Installation(root / f"centre-{store}"), made.folder(root / f"hub-{store}", store), store, total)
    return 0


def one_hub(centre: Installation, hub_dir: Path, store: str, total: int) -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    hd = [sys.executable, "-m", "hubdesk", "--data-dir", str(hub_dir)]
    code = subprocess.run([*hd, "hub", "enrol-code"], capture_output=True, text=True, check=True).stdout
    proc = subprocess.Popen([*hd, "hub", "serve", "--port", str(port)], stdout=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(200):
            try:
                httpx.get(url, timeout=0.5)
                break
            except httpx.TransportError:
                time.sleep(0.05)
        with HubClient.for_enrolment(centre, url) as client:
            client.enrol(code.strip().splitlines()[-1])
        # the same events as a USB bundle, for comparison
        bundle = sum(p.stat().st_size for p in export_all(centre, hub_dir.parent / f"usb-{store}"))
        counting = Counting()
        t = time.perf_counter()
        report = sync_now(centre, transport=counting)
        first = time.perf_counter() - t
        up, down, reqs = counting.up, counting.down, counting.requests
        idle = Counting()
        t = time.perf_counter()
        sync_now(centre, transport=idle)
        second = time.perf_counter() - t
    finally:
        proc.terminate()
        proc.wait(20)
        centre.close()
    hub = Installation(hub_dir)
    arrived = hub.log.count()
    hub.close()
    print(f"{store}: hub received {arrived:,}")
    print(
        f"  first sync now over loopback HTTP: {first:.2f} s, {report.pushed:,} events pushed in {reqs} requests "
        f"({report.pushed / first:,.0f} events/s ingested)"
    )
    print(f"  bytes up {up:,} + down {down:,} = {up + down:,}  ({(up + down) / max(total, 1):.1f} bytes/event)")
    print(f"  same events as a USB bundle: {bundle:,} bytes ({bundle / max(total, 1):.1f} bytes/event)")
    print(f"  idle sync now (nothing new): {second:.2f} s, {idle.up + idle.down:,} bytes in {idle.requests} requests")


if __name__ == "__main__":
    raise SystemExit(main())
