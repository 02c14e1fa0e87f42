"""The peer endpoint faces a shared network: malformed requests get a 4xx, and it keeps serving."""

from __future__ import annotations

import base64
import json
import os
import random
import socket
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx

from hubdesk.core.installation import Installation
from hubdesk.peers.auth import NONCE_HEADER, TIME_HEADER, open_reply, seal_request
from hubdesk.peers.joining import join
from tests.peers.conftest import PeerProcess

Factory = Callable[..., tuple[PeerProcess, Installation]]


def _raw(address: str, path: str, body: bytes, length: str, headers: dict[str, str] | None = None) -> int:
    """A request whose declared length lies (httpx will not send one)."""
    host, port = address.split(":")
    extra = "".join(f"{k}: {v}\r\n" for k, v in (headers or {}).items())
    with socket.create_connection((host, int(port)), 5) as sock:
        head = f"POST {path} HTTP/1.1\r\nHost: {address}\r\n{extra}Content-Length: {length}\r\n\r\n"
        sock.sendall(head.encode() + body)
        status = int(sock.recv(200).split(b" ")[1])
    assert 400 <= status < 500
    return status


def _junk(rng: random.Random, depth: int = 0) -> Any:
    pick = rng.randrange(9 if depth < 3 else 6)
    if pick == 0:
        return None
    if pick == 1:
        return rng.choice([True, False, 0, -1, 2**70, 1.5, float("1e308")])
    if pick == 2:
        return "".join(chr(rng.randrange(0x20, 0x2FFF)) for _ in range(rng.randrange(0, 40)))
    if pick == 3:
        return rng.choice(["vector", "pull", "push", "events", "group:x", "centre", "private", ""])
    if pick == 4:
        return rng.randrange(-5, 5)
    if pick == 5:
        return "x" * rng.choice([0, 65, 100_000])
    if pick == 6:
        return [_junk(rng, depth + 1) for _ in range(rng.randrange(0, 5))]
    keys = ["v", "type", "vector", "events", "limit", "d", "s", "sc", "ss", "h", "k", "l", "p", "group", "update"]
    return {rng.choice(keys): _junk(rng, depth + 1) for _ in range(rng.randrange(0, 6))}


def _shaped(rng: random.Random, gid: str) -> Any:
    """Messages close to real ones, with one thing wrong."""
    event = {
        "d": "dev1",
        "s": 1,
        "sc": f"group:{gid}",
        "ss": 1,
        "h": "0" * 13 + "-0000-dev1",
        "k": "group.note_edited",
        "l": None,
        "p": {"group": gid, "note": "notes", "update": base64.b64encode(os.urandom(30)).decode()},
    }
    field = rng.choice(list(event))
    broken = {**event, field: _junk(rng)}
    return rng.choice(
        [
            {"v": 1, "type": "push", "events": [broken]},
            {"v": 1, "type": "push", "events": [event | {"sc": "centre"}]},  # not entitled
            {"v": 1, "type": "push", "events": [event | {"sc": "private"}]},
            {"v": 1, "type": "push", "events": [event]},  # valid shape, hostile CRDT bytes
            {"v": 1, "type": "pull", "vector": _junk(rng), "limit": _junk(rng)},
            {"v": 1, "type": "pull", "vector": [["d", f"group:{gid}", -1]], "limit": 10},
            {"v": 2, "type": "vector"},
            {"v": 1, "type": _junk(rng)},
            _junk(rng),
        ]
    )


def test_endpoint_survives_a_fuzzing_run(peer_process: Factory) -> None:
    pa, a = peer_process("a", rate=10_000)  # the request budget is tested on its own below
    amina = a.learners.add("Amina")
    group, code = a.groups.create("Circle", amina)
    a.group_notes.append(group.id, amina.id, "before the storm")
    key = a.groups.key(group.id)
    assert key is not None
    rng = random.Random(20261128)
    base = f"http://{pa.address}"
    statuses: list[int] = []
    with httpx.Client(timeout=10, trust_env=False) as http:
        for i in range(400):
            case = i % 8
            kind = rng.choice(["hello", "vector", "pull", "push", "nope", "../etc", "x" * 300])
            path = f"/g/{group.id}/{kind}"
            if case == 0:  # random bytes, random headers
                r = http.post(
                    base + path,
                    content=os.urandom(rng.randrange(0, 3000)),
                    headers={TIME_HEADER: str(rng.randrange(-5, 2**40)), NONCE_HEADER: "@@"},
                )
            elif case == 1:  # wrong key
                sealed = seal_request(os.urandom(32), "POST", path, {"from": {"device": "x"}, "msg": {}})
                r = http.post(base + path, content=sealed.body, headers=sealed.headers)
            elif case == 2:  # right key, wrong shapes
                envelope = rng.choice([_junk(rng), {"from": _junk(rng), "msg": _junk(rng)}])
                sealed = seal_request(key, "POST", path, envelope)
                r = http.post(base + path, content=sealed.body, headers=sealed.headers)
            elif case == 3:  # right key, almost-right sync messages
                kind = rng.choice(["vector", "pull", "push"])
                path = f"/g/{group.id}/{kind}"
                sealed = seal_request(
                    key, "POST", path, {"from": {"device": "fuzzer", "port": _junk(rng)}, "msg": _shaped(rng, group.id)}
                )
                r = http.post(base + path, content=sealed.body, headers=sealed.headers)
            elif case == 4:  # tampered body, stale time, replay
                path = f"/g/{group.id}/hello"
                sealed = seal_request(
                    key, "POST", path, {"from": {"device": "x"}, "msg": {}}, now=time.time() - rng.choice([0, 1000])
                )
                body = bytearray(sealed.body)
                if body and rng.random() < 0.5:
                    body[rng.randrange(len(body))] ^= 1
                r = http.post(base + path, content=bytes(body), headers=sealed.headers)
                r2 = http.post(base + path, content=bytes(body), headers=sealed.headers)
                assert r2.status_code == 401  # the same sealed request twice never works twice
            elif case == 5:  # bad group ids and routes
                bad = rng.choice(["", "Z" * 24, "../../", "%00", group.id.upper(), "a" * 500])
                r = http.post(f"{base}/g/{bad}/hello", content=b"{}")
            elif case == 6:  # huge bodies, declared or real (with a fresh time and nonce: else refused unread)
                fresh = seal_request(key, "POST", path, {}).headers
                if rng.random() < 0.5:
                    r = http.post(base + path, content=b"\0" * (9 * 1024 * 1024), headers=fresh)
                else:
                    statuses.append(_raw(pa.address, path, b"{}", "999999999999", fresh))
                    continue
            else:  # wrong methods and JSON where a sealed body belongs
                r = (
                    rng.choice([http.get, http.put, http.delete])(base + path)
                    if rng.random() < 0.5
                    else http.post(base + path, content=json.dumps(_junk(rng)).encode())
                )
            statuses.append(r.status_code)
            assert 400 <= r.status_code < 500 or r.status_code == 200, (case, r.status_code, r.text[:200])
    assert pa.alive()
    assert {401, 413}.issubset(statuses)
    # still serving: a real member joins and gets the note, untouched by the storm
    time.sleep(1.5)  # let this address's request budget refill
    b = Installation(pa.data.parent / "b")
    try:
        join(b, code, b.learners.add("Kofi"), pa.address)
        assert b.group_notes.text(group.id) == "before the storm"
    finally:
        b.close()


def test_rate_limit_answers_429_then_recovers(tmp_path: Path) -> None:
    Installation(tmp_path / "a").close()
    pa = PeerProcess(tmp_path / "a", rate=10).start()  # 10 a second, bursts of 30
    try:
        _flood_then_recover(pa)
    finally:
        pa.stop()


def _flood_then_recover(pa: PeerProcess) -> None:
    with httpx.Client(timeout=10, trust_env=False) as http:
        codes = [http.post(f"http://{pa.address}/g/{'0' * 24}/hello", content=b"").status_code for _ in range(100)]
        assert 429 in codes and set(codes) <= {401, 429}
        time.sleep(0.5)
        assert http.post(f"http://{pa.address}/g/{'0' * 24}/hello", content=b"").status_code == 401


def test_reply_is_sealed_and_bound_to_the_request(peer_process: Factory) -> None:
    pa, a = peer_process("a")
    amina = a.learners.add("Amina")
    group, _ = a.groups.create("Circle", amina)
    key = a.groups.key(group.id)
    assert key is not None
    path = f"/g/{group.id}/hello"
    with httpx.Client(timeout=10, trust_env=False) as http:
        sealed = seal_request(key, "POST", path, {"from": {"device": "x", "port": None}, "msg": {}})
        r = http.post(f"http://{pa.address}{path}", content=sealed.body, headers=sealed.headers)
        assert r.status_code == 200
        assert b"Amina" not in r.content and a.device_id.encode() not in r.content  # sealed, not plain
        assert open_reply(key, sealed.nonce, 200, r.content)["device"] == a.device_id
        # an unknown group and a wrong key get exactly the same answer
        wrong = seal_request(os.urandom(32), "POST", path, {"from": {}, "msg": {}})
        unknown_path = f"/g/{'ab' * 12}/hello"
        unknown = seal_request(os.urandom(32), "POST", unknown_path, {"from": {}, "msg": {}})
        r1 = http.post(f"http://{pa.address}{path}", content=wrong.body, headers=wrong.headers)
        r2 = http.post(f"http://{pa.address}{unknown_path}", content=unknown.body, headers=unknown.headers)
        assert (r1.status_code, r1.content) == (r2.status_code, r2.content) == (401, r1.content)


def test_endpoint_stays_up_under_slow_and_deeply_nested_requests(peer_process: Factory) -> None:
    import psutil

    pa, a = peer_process("a", rate=10_000)
    amina = a.learners.add("Amina")
    group, code = a.groups.create("Circle", amina)
    a.group_notes.append(group.id, amina.id, "still here")
    key = a.groups.key(group.id)
    assert key is not None and pa.proc is not None
    host, port = pa.address.split(":")
    slow = []
    try:
        for _ in range(300):  # past the endpoint's bound of 256: the longest-waiting heads make room
            s = socket.create_connection((host, int(port)), 5)
            s.sendall(f"POST /g/{group.id}/hello HTTP/1.1\r\nHost: x\r\nX-Slow: ".encode())
            slow.append(s)
        assert psutil.Process(pa.proc.pid).num_fds() < 256 + 60
        path = f"/g/{group.id}/push"
        with httpx.Client(timeout=10, trust_env=False) as http:
            for content in (
                "[" * 100_000 + "]" * 100_000,  # the sealed JSON itself
                {"from": {"device": "x"}, "msg": json.loads("[" * 60 + "]" * 60)},
                {"from": {"device": "x"}, "msg": {"v": 1, "type": "pull", "vector": [], "limit": float("nan")}},
            ):
                sealed = (
                    seal_request(key, "POST", path, content)
                    if not isinstance(content, str)
                    else _seal_text(key, path, content)
                )
                r = http.post(f"http://{pa.address}{path}", content=sealed.body, headers=sealed.headers)
                assert 400 <= r.status_code < 500, r.text[:200]
        b = Installation(pa.data.parent / "b")
        try:
            join(b, code, b.learners.add("Kofi"), pa.address)
            assert b.group_notes.text(group.id) == "still here"
        finally:
            b.close()
    finally:
        for s in slow:
            s.close()
    assert pa.alive()
    assert "Traceback" not in (pa.data.parent / "a-serve.log").read_text()


def _seal_text(key: bytes, path: str, text: str) -> Any:
    """A request sealed over raw text (seal_request would have to parse it first)."""
    from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305

    from hubdesk.peers import auth

    sealed = seal_request(key, "POST", path, {})
    stamp = int(sealed.headers[TIME_HEADER])
    body = ChaCha20Poly1305(key).encrypt(sealed.nonce, text.encode(), auth._aad("POST", path, stamp, sealed.nonce))
    return auth.SealedRequest(sealed.headers, body, sealed.nonce)
