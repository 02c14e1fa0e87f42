"""One test per attack class against a real ``hubdesk hub serve`` process; after each, a centre syncs.

Slow heads (slow-loris), slow bodies, more connections than the bound, requests judged on their
headers before their bodies, hostile JSON on every route, and quotas shared by two hub processes
over one database.
"""

from __future__ import annotations

import json
import os
import random
import socket
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from hubdesk.core.events import CENTRE
from hubdesk.core.installation import Installation
from hubdesk.sync.enrolment import issue_code
from hubdesk.sync.http import HubClient, sync_now
from hubdesk.sync.signing import H_DEVICE, H_TIME, sign_request
from hubdesk.sync.state import SyncState
from tests.hub.hub_process import HubProcess

HEADER_TIMEOUT = 2.0


@pytest.fixture
def hub_and_centre(tmp_path: Path) -> Iterator[tuple[HubProcess, Installation]]:
    hub_inst = Installation(tmp_path / "hub")
    SyncState(hub_inst.store).become_hub()
    code = issue_code(SyncState(hub_inst.store), hub_inst.identity)
    hub_inst.close()
    hub = HubProcess(tmp_path / "hub", "--header-timeout", str(HEADER_TIMEOUT), "--max-connections", "300").start()
    centre = Installation(tmp_path / "centre")
    try:
        with HubClient.for_enrolment(centre, hub.url) as client:
            client.enrol(code)
        yield hub, centre
    finally:
        hub.stop()
        centre.close()
    assert "Traceback" not in hub.log(), hub.log()[-3000:]


def _legit_sync(centre: Installation, n: int = 1) -> float:
    """A learner does something, the centre syncs it; the seconds the sync took."""
    for i in range(n):
        centre.log.append("test.done", {"i": i, "at": time.time()}, scope=CENTRE)
    start = time.monotonic()
    report = sync_now(centre, packs=False)
    assert report.pushed == n
    return time.monotonic() - start


def _signed(url: str, centre: Installation, path: str, body: bytes, **over: str) -> httpx.Response:
    headers = sign_request(centre.identity, "POST", path, body)
    headers.update(over)
    return httpx.post(url + path, content=body, headers=headers, timeout=10)


def _closed_by_server(sock: socket.socket) -> bool:
    try:
        sock.settimeout(0.01)
        return sock.recv(1) == b""
    except (ConnectionResetError, BrokenPipeError):
        return True
    except (TimeoutError, BlockingIOError):
        return False


def test_slow_loris_heads_are_dropped_and_centres_still_sync(hub_and_centre: tuple[HubProcess, Installation]) -> None:
    hub, centre = hub_and_centre
    slow: list[socket.socket] = []
    try:
        for _ in range(400):  # more than --max-connections: the longest-waiting make room
            s = socket.create_connection(("127.0.0.1", hub.port), 5)
            s.sendall(b"POST /sync/vector HTTP/1.1\r\nHost: hub\r\nX-Slow: ")
            slow.append(s)
        assert _legit_sync(centre) < 5
        assert hub.open_files() < 300 + 60  # bounded, whatever the number of sockets
        time.sleep(HEADER_TIMEOUT + 1.5)
        assert all(_closed_by_server(s) for s in slow)  # half-sent heads dropped
        assert _legit_sync(centre) < 5
    finally:
        for s in slow:
            s.close()


def test_slow_body_is_dropped(hub_and_centre: tuple[HubProcess, Installation]) -> None:
    hub, centre = hub_and_centre
    body = json.dumps({"v": 1, "type": "push", "events": []}).encode().ljust(100_000)
    headers = sign_request(centre.identity, "POST", "/sync/push", body)
    head = "".join(f"{k}: {v}\r\n" for k, v in headers.items())
    with socket.create_connection(("127.0.0.1", hub.port), 5) as s:
        s.sendall(f"POST /sync/push HTTP/1.1\r\nHost: hub\r\n{head}Content-Length: {len(body)}\r\n\r\n".encode())
        start = time.monotonic()
        dropped = None
        for i in range(60):  # one byte every 0.2 s: far below the minimum rate
            try:
                s.sendall(body[i : i + 1])
            except (BrokenPipeError, ConnectionResetError):
                dropped = time.monotonic() - start
                break
            if _closed_by_server(s):
                dropped = time.monotonic() - start
                break
            time.sleep(0.2)
    assert dropped is not None and dropped < 2 * HEADER_TIMEOUT + 3
    assert _legit_sync(centre) < 5


def test_sender_time_and_nonce_are_judged_before_the_body(hub_and_centre: tuple[HubProcess, Installation]) -> None:
    hub, centre = hub_and_centre
    stranger = Installation(hub.data.parent / "stranger")
    try:
        cases = [
            (stranger, {}, 403),  # not enrolled
            (centre, {H_TIME: "nan"}, 401),  # a time that passes every comparison
            (centre, {H_TIME: "inf"}, 401),
            (centre, {H_TIME: "1e999"}, 401),
            (centre, {H_TIME: str(time.time() - 3600)}, 401),  # stale
        ]
        for who, over, status in cases:
            headers = {**sign_request(who.identity, "POST", "/sync/push", b"x" * 10), **over}
            head = "".join(f"{k}: {v}\r\n" for k, v in headers.items())
            with socket.create_connection(("127.0.0.1", hub.port), 5) as s:
                # a 10 MB body announced, none sent: the answer must come without it
                s.sendall(f"POST /sync/push HTTP/1.1\r\nHost: hub\r\n{head}Content-Length: 10000000\r\n\r\n".encode())
                s.settimeout(5)
                assert int(s.recv(200).split(b" ")[1]) == status, (over, status)
        # a replayed request is refused too, and a body above the cap is refused unread
        body = b'{"v":1,"type":"vector"}'
        headers = sign_request(centre.identity, "POST", "/sync/vector", body)
        assert httpx.post(hub.url + "/sync/vector", content=body, headers=headers, timeout=5).status_code == 200
        assert httpx.post(hub.url + "/sync/vector", content=body, headers=headers, timeout=5).status_code == 401
        assert _signed(hub.url, centre, "/sync/push", b" " * (33 << 20)).status_code == 413
    finally:
        stranger.close()
    assert _legit_sync(centre) < 5


def _nested(depth: int) -> bytes:
    return b"[" * depth + b"]" * depth


def test_hostile_json_gets_4xx_on_every_route(hub_and_centre: tuple[HubProcess, Installation]) -> None:
    hub, centre = hub_and_centre
    event = {"d": centre.device_id, "s": 10_000, "sc": "centre", "ss": 10_000, "h": "0" * 13 + "-0000-x", "k": "t"}
    bodies = [
        _nested(100_000),
        b'{"v":1,"type":"vector","x":' + _nested(5000) + b"}",
        b'{"v":1,"type":"pull","vector":[],"limit":NaN}',
        b'{"v":1,"type":"pull","vector":[["a","centre",1e400]],"limit":5}',
        b'{"v":1,"type":"pull","vector":[["a","centre",' + b"9" * 5000 + b']],"limit":5}',
        b'{"v":1,"type":"push","events":[' + json.dumps({**event, "p": {"x": "y" * (2 << 20)}}).encode() + b"]}",
        b'{"v":1,"type":"push","events":[' + json.dumps(event)[:-1].encode() + b',"p":' + _nested(40) + b"}]}",
        b'{"v":1,"type":"push","events":[' + json.dumps({**event, "p": [1]}).encode() + b"]}",
        b"\xff\xfe{}",
        b'"' + b"\\ud800" * 10 + b'"',
    ]
    for path in ("/sync/vector", "/sync/pull", "/sync/push"):
        for body in bodies:
            r = _signed(hub.url, centre, path, body)
            assert 400 <= r.status_code < 500, (path, body[:60], r.status_code, r.text[:200])
    for body in [*bodies, b'{"v":1,"code":' + _nested(3000) + b"}"]:
        r = httpx.post(hub.url + "/enrol", content=body, timeout=10)
        assert 400 <= r.status_code < 500 or r.status_code == 429, (body[:60], r.status_code)
    for _ in range(40):  # junk that is not HTTP: each answered 400, but the log does not fill up
        with socket.create_connection(("127.0.0.1", hub.port), 5) as s:
            s.sendall(b"\x16\x03\x01 not http at all\r\n\r\n")
            s.settimeout(5)
            assert s.recv(100).startswith(b"HTTP/1.1 400")
    assert hub.log().count("Invalid HTTP request") <= 10
    assert hub.alive()
    assert _legit_sync(centre) < 5


def test_quotas_are_kept_in_the_database_for_every_hub_process(tmp_path: Path) -> None:
    hub_inst = Installation(tmp_path / "hub")
    SyncState(hub_inst.store).become_hub()
    code = issue_code(SyncState(hub_inst.store), hub_inst.identity)
    hub_inst.close()
    one = HubProcess(tmp_path / "hub", "--requests-per-minute", "12").start()
    two = HubProcess(tmp_path / "hub", "--requests-per-minute", "12").start()
    centre, stranger = Installation(tmp_path / "centre"), Installation(tmp_path / "stranger")
    try:
        with HubClient.for_enrolment(centre, one.url) as client:
            client.enrol(code)
        body = b'{"v":1,"type":"vector"}'
        # someone claiming the centre's id without its key spends nothing of its quota
        for _ in range(5):
            forged = {**sign_request(stranger.identity, "POST", "/sync/vector", body), H_DEVICE: centre.device_id}
            assert httpx.post(one.url + "/sync/vector", content=body, headers=forged, timeout=5).status_code == 401
        statuses = [_signed(hub.url, centre, "/sync/vector", body).status_code for hub in [one, two] * 10]
        # one budget of 12, whichever process answers
        assert statuses[:12] == [200] * 12 and statuses[12:] == [429] * 8
    finally:
        one.stop()
        two.stop()
        centre.close()
        stranger.close()
    assert "Traceback" not in one.log() + two.log()


def _junk(rng: random.Random, depth: int = 0) -> Any:
    pick = rng.randrange(9 if depth < 4 else 6)
    if pick == 0:
        return None
    if pick == 1:
        return rng.choice([True, False, 0, -1, 2**70, 1.5, 1e308, -(2**63)])
    if pick == 2:
        return "".join(chr(rng.randrange(0x20, 0x2FFF)) for _ in range(rng.randrange(0, 30)))
    if pick == 3:
        return rng.choice(["vector", "pull", "push", "events", "centre", "private", "group:x", ""])
    if pick == 4:
        return rng.randrange(-3, 3)
    if pick == 5:
        return "x" * rng.choice([0, 65, 70_000])
    if pick == 6:
        return [_junk(rng, depth + 1) for _ in range(rng.randrange(0, 4))]
    keys = ["v", "type", "vector", "events", "limit", "d", "s", "sc", "ss", "h", "k", "l", "p", "code", "sig"]
    return {rng.choice(keys): _junk(rng, depth + 1) for _ in range(rng.randrange(0, 6))}


def _near_miss(rng: random.Random, centre: Installation) -> Any:
    event = {"d": centre.device_id, "s": 90_000, "sc": "centre", "ss": 90_000, "h": "0" * 13 + "-0000-x", "k": "t"}
    broken = {**event, rng.choice([*event, "p", "l"]): _junk(rng)}
    return rng.choice(
        [
            {"v": 1, "type": "push", "events": [broken]},
            {"v": 1, "type": "push", "events": [event | {"k": "learner.added", "p": _junk(rng)}]},
            {"v": 1, "type": "pull", "vector": _junk(rng), "limit": _junk(rng)},
            {"v": 1, "type": "pull", "vector": [[_junk(rng), "centre", 1]], "limit": 10},
            {"v": 1, "type": _junk(rng)},
            {"v": _junk(rng), "type": "vector"},
            _junk(rng),
        ]
    )


ROUTES = ["/sync/vector", "/sync/pull", "/sync/push", "/enrol", "/packs", "/packs/x.hubpack", "/"]


def test_fuzzing_every_route_leaves_the_hub_serving(hub_and_centre: tuple[HubProcess, Installation]) -> None:
    hub, centre = hub_and_centre
    rng = random.Random(20261201)
    statuses: list[int] = []
    before = _legit_sync(centre)
    with httpx.Client(timeout=10) as http:
        for i in range(240):
            route = rng.choice(ROUTES)
            method = "GET" if route.startswith("/packs") or route == "/" else "POST"
            case = i % 4
            if case == 0:  # near-real messages, properly signed, one thing wrong
                body = json.dumps(_near_miss(rng, centre)).encode()
            elif case == 1:  # random JSON
                body = json.dumps(_junk(rng)).encode()
            elif case == 2:  # bytes that are not JSON, or nested past any limit
                body = rng.choice([os.urandom(rng.randrange(0, 2000)), b"[" * 100_000, b'{"a":' * 50_000])
            else:  # a replay of a request that already went through
                body = b'{"v":1,"type":"vector"}'
                headers = sign_request(centre.identity, "POST", "/sync/vector", body)
                assert http.post(hub.url + "/sync/vector", content=body, headers=headers).status_code == 200
                r = http.post(hub.url + "/sync/vector", content=body, headers=headers)
                assert r.status_code == 401
                statuses.append(r.status_code)
                continue
            headers = sign_request(centre.identity, method, route, body) if route != "/enrol" else {}
            r = http.request(method, hub.url + route, content=body or None, headers=headers)
            statuses.append(r.status_code)
            assert r.status_code < 500, (route, body[:80], r.status_code, r.text[:200])
    assert {400, 401}.issubset(statuses)
    assert hub.alive()
    assert _legit_sync(centre) < max(5.0, 5 * before)  # within its usual time
