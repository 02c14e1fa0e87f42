"""A legitimate ``sync now`` while 500 slow connections and 50 junk clients hit the hub.

The hub runs as its own process (``hubdesk hub serve``, default limits); a centre enrols and runs
``sync now`` (one new event each time, packs list included) a number of times with no attack, then
again while an attacker process holds 500 slow-loris connections (request heads sent a byte at a
time, reopened as the hub drops them) and runs 50 junk clients (random bytes, malformed HTTP,
unauthenticated and forged requests, deeply nested JSON, bodies announced and never sent).
Printed: the p50 and p95 of the legitimate syncs in both phases, what the attacker managed, and
the hub's open files at the end.

    python benchmarks/hub_under_attack.py [--syncs 40] [--slow 500] [--junk 50]
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import os
import random
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

import httpx
import psutil

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from hubdesk.core.events import CENTRE
from hubdesk.core.installation import Installation
from hubdesk.sync.enrolment import issue_code
from hubdesk.sync.http import HubClient, sync_now
from hubdesk.sync.signing import H_DEVICE, sign_request
from hubdesk.sync.state import SyncState


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _slow_loris(port: int, count: int, stop: threading.Event, held: list[int]) -> None:
    socks: list[socket.socket | None] = [None] * count
    while not stop.is_set():
        alive = 0
        for i in range(count):
            s = socks[i]
            try:
                if s is None:
                    s = socket.create_connection(("127.0.0.1", port), 5)
                    s.sendall(b"POST /sync/push HTTP/1.1\r\nHost: hub\r\n")
                    socks[i] = s
                s.sendall(b"X")  # one more byte of a header that never ends
                alive += 1
            except OSError:
                if s is not None:
                    s.close()
                socks[i] = None
        held.append(alive)
        stop.wait(1.0)
    for s in socks:
        if s is not None:
            s.close()


def _junk_client(port: int, device: str, stop: threading.Event, sent: list[int], seed: int) -> None:
    rng = random.Random(seed)
    url = f"http://127.0.0.1:{port}"
    from hubdesk.core.identity import Identity
    from hubdesk.core.store import Store

    stranger = Identity.load_or_create(Store(":memory:"))
    nested = b"[" * 50_000 + b"]" * 50_000
    with httpx.Client(timeout=5) as http:
        while not stop.is_set():
            kind = rng.randrange(6)
            try:
                if kind == 0:  # random bytes instead of HTTP
                    with socket.create_connection(("127.0.0.1", port), 2) as s:
                        s.sendall(os.urandom(rng.randrange(1, 4000)))
                        s.settimeout(1)
                        s.recv(100)
                elif kind == 1:  # unauthenticated
                    http.post(url + "/sync/push", content=os.urandom(rng.randrange(0, 20_000)))
                elif kind == 2:  # forged: the centre's id, another key
                    body = b'{"v":1,"type":"vector"}'
                    headers = {**sign_request(stranger, "POST", "/sync/vector", body), H_DEVICE: device}
                    http.post(url + "/sync/vector", content=body, headers=headers)
                elif kind == 3:  # hostile JSON at the open door
                    http.post(url + "/enrol", content=nested[: rng.randrange(2, len(nested))])
                elif kind == 4:  # a big body announced, never sent
                    with socket.create_connection(("127.0.0.1", port), 2) as s:
                        s.sendall(b"POST /enrol HTTP/1.1\r\nHost: hub\r\nContent-Length: 9999999\r\n\r\n{")
                        s.settimeout(1)
                        s.recv(100)
                else:  # malformed HTTP
                    with socket.create_connection(("127.0.0.1", port), 2) as s:
                        s.sendall(b"GET /" + b"a" * 70_000 + b" HTTP/1.1\r\n\r\n")
                        s.settimeout(1)
                        s.recv(100)
            except (OSError, httpx.HTTPError):
                pass
            sent.append(1)


def _attacker(port: int, device: str, slow: int, junk: int, stop: Any, report: Any) -> None:
    halt = threading.Event()
    held: list[int] = []
    sent: list[int] = []
    threads = [threading.Thread(target=_slow_loris, args=(port, slow, halt, held), daemon=True)]
    threads += [
        threading.Thread(target=_junk_client, args=(port, device, halt, sent, i), daemon=True) for i in range(junk)
    ]
    for t in threads:
        t.start()
    stop.wait()
    halt.set()
    for t in threads:
        t.join(10)
    report.put({"slow_held_median": statistics.median(held) if held else 0, "junk_requests": len(sent)})


def _p(values: list[float], q: float) -> float:
    return sorted(values)[min(len(values) - 1, round(q * (len(values) - 1)))]


def _syncs(centre: Installation, n: int) -> list[float]:
    times = []
    for i in range(n):
        centre.log.append("bench.done", {"i": i}, scope=CENTRE)
        start = time.monotonic()
        sync_now(centre)
        times.append(time.monotonic() - start)
    return times


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--syncs", type=int, default=40)
    ap.add_argument("--slow", type=int, default=500)
    ap.add_argument("--junk", type=int, default=50)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        hub_dir = Path(tmp) / "hub"
        hub_inst = Installation(hub_dir)
        SyncState(hub_inst.store).become_hub()
        code = issue_code(SyncState(hub_inst.store), hub_inst.identity)
        hub_inst.close()
        port = _free_port()
        hub = subprocess.Popen(
            [sys.executable, "-m", "hubdesk", "--data-dir", str(hub_dir), "hub", "serve", "--port", str(port)],
            stdout=subprocess.DEVNULL,
            stderr=open(Path(tmp) / "hub.log", "wb"),  # noqa: SIM115 - closed with the process
        )
        centre = Installation(Path(tmp) / "centre")
        try:
            for _ in range(200):
                try:
                    with HubClient.for_enrolment(centre, f"http://127.0.0.1:{port}") as client:
                        client.enrol(code)
                    break
                except Exception:  # not listening yet
                    time.sleep(0.1)
            quiet = _syncs(centre, args.syncs)
            spawn = mp.get_context("spawn")  # a clean process, not a fork of this one and its threads
            stop, report = spawn.Event(), spawn.Queue()
            attack = (port, centre.device_id, args.slow, args.junk, stop, report)
            attacker = spawn.Process(target=_attacker, args=attack)
            attacker.start()
            time.sleep(5)  # let the attack build up
            attacked = _syncs(centre, args.syncs)
            fds = psutil.Process(hub.pid).num_fds()
            stop.set()
            got = report.get(timeout=60)
            attacker.join(30)
        finally:
            centre.close()
            hub.send_signal(signal.SIGINT)
            hub.wait(20)
        log = (Path(tmp) / "hub.log").read_text(errors="replace")
    print(
        f"legitimate sync now, no attack:   p50 {_p(quiet, 0.5) * 1000:7.1f} ms   "
        f"p95 {_p(quiet, 0.95) * 1000:7.1f} ms"
    )
    print(
        f"legitimate sync now, under attack: p50 {_p(attacked, 0.5) * 1000:7.1f} ms   "
        f"p95 {_p(attacked, 0.95) * 1000:7.1f} ms"
    )
    print(
        f"attack: {args.slow} slow connections wanted, median held {got['slow_held_median']:.0f}; "
        f"{args.junk} junk clients sent {got['junk_requests']} requests; hub open files at the end {fds}; "
        f"tracebacks in the hub's log: {log.count('Traceback')}"
    )


if __name__ == "__main__":
    main()
