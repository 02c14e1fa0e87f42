from __future__ import annotations

import os
import time

import pytest

from hubdesk.peers.auth import ReplayGuard, SealError, open_reply, open_request, seal_reply, seal_request
from hubdesk.peers.presence import Presence
from hubdesk.peers.server import RateLimit

KEY = os.urandom(32)
PATH = "/g/" + "ab" * 12 + "/pull"


def test_a_sealed_request_opens_once_with_the_right_key_only() -> None:
    guard = ReplayGuard()
    sealed = seal_request(KEY, "POST", PATH, {"hello": "world"})
    assert b"world" not in sealed.body
    with pytest.raises(SealError):
        open_request(os.urandom(32), "POST", PATH, sealed.headers, sealed.body, guard)
    message, nonce = open_request(KEY, "POST", PATH, sealed.headers, sealed.body, guard)
    assert message == {"hello": "world"} and nonce == sealed.nonce
    with pytest.raises(SealError, match="already seen"):
        open_request(KEY, "POST", PATH, sealed.headers, sealed.body, guard)


@pytest.mark.parametrize("change", ["path", "method", "time", "body"])
def test_anything_bound_into_the_seal_cannot_be_changed(change: str) -> None:
    sealed = seal_request(KEY, "POST", PATH, {"n": 1})
    headers, body, path, method = dict(sealed.headers), bytearray(sealed.body), PATH, "POST"
    if change == "path":
        path = PATH.replace("pull", "push")
    elif change == "method":
        method = "PUT"
    elif change == "time":
        headers["x-hubdesk-time"] = str(int(headers["x-hubdesk-time"]) + 1)
    else:
        body[0] ^= 1
    with pytest.raises(SealError):
        open_request(KEY, method, path, headers, bytes(body), ReplayGuard())


def test_stale_requests_are_refused() -> None:
    sealed = seal_request(KEY, "POST", PATH, {}, now=time.time() - 3600)
    with pytest.raises(SealError, match="time window"):
        open_request(KEY, "POST", PATH, sealed.headers, sealed.body, ReplayGuard())


def test_a_reply_is_bound_to_its_request_and_status() -> None:
    req = seal_request(KEY, "POST", PATH, {})
    reply = seal_reply(KEY, req.nonce, 200, {"ok": True})
    assert open_reply(KEY, req.nonce, 200, reply) == {"ok": True}
    other = seal_request(KEY, "POST", PATH, {})
    for key, nonce, status in ((KEY, other.nonce, 200), (KEY, req.nonce, 400), (os.urandom(32), req.nonce, 200)):
        with pytest.raises(SealError):
            open_reply(key, nonce, status, reply)


def test_replay_guard_forgets_old_nonces_and_stays_bounded() -> None:
    guard = ReplayGuard(window_s=10, max_entries=100)
    assert guard.fresh(b"a" * 12, 0)
    assert not guard.fresh(b"a" * 12, 5)
    assert guard.fresh(b"a" * 12, 100)  # long past the window: forgotten (the timestamp check refuses it anyway)
    for i in range(1000):
        guard.fresh(i.to_bytes(12, "big"), 100)
    assert len(guard._seen) <= 101


def test_presence_expires_and_notices_moves() -> None:
    now = [0.0]
    presence = Presence(now=lambda: now[0], online_for_s=5)
    assert presence.heartbeat("g", "dev1", "10.0.0.2:8765") is True
    assert presence.heartbeat("g", "dev1", "10.0.0.2:8765") is False
    assert presence.heartbeat("g", "dev1", "10.0.0.2:9999") is True  # restarted on another port
    now[0] = 4
    assert presence.online_devices("g") == {"dev1"} and presence.online_devices("other") == set()
    now[0] = 10
    assert presence.online_devices("g") == set()


def test_rate_limit_refills() -> None:
    now = [0.0]
    limit = RateLimit(rate=10, burst=5, now=lambda: now[0])
    assert [limit.allow("ip") for _ in range(7)] == [True] * 5 + [False] * 2
    assert limit.allow("other-ip")
    now[0] = 0.5
    assert sum(limit.allow("ip") for _ in range(10)) == 5
