"""The hub over real HTTP on loopback: enrolment, sync, packs, and hostile requests."""

from __future__ import annotations

import json
from pathlib import Path

import httpx
import pytest
import zstandard

from hubdesk.core.events import COMMUNITY
from hubdesk.core.installation import Installation
from hubdesk.core.packs import build_pack
from hubdesk.errors import AuthError, NetworkUnavailable
from hubdesk.hub import published
from hubdesk.hub.server import RateLimit
from hubdesk.sync.enrolment import issue_code
from hubdesk.sync.http import HubClient, sync_now
from hubdesk.sync.signing import sign_request
from hubdesk.sync.state import NotEnrolled, SyncState
from hubdesk.sync.status import sync_status
from tests.conftest import CONTENT_PACKS
from tests.sync.helpers import enrol, free_port, running_hub


def test_enrol_sync_and_status(make_inst) -> None:  # type: ignore[no-untyped-def]
    centre, hub = make_inst("centre"), make_inst("hub")
    centre.learners.add("Amina Diallo")
    with pytest.raises(NotEnrolled):
        sync_now(centre)
    with running_hub(hub) as (url, _):
        code = issue_code(SyncState(hub.store), hub.identity)
        with HubClient.for_enrolment(centre, url) as client:
            client.enrol(code)
        other = make_inst("other")
        with pytest.raises(AuthError, match="already been used"), HubClient.for_enrolment(other, url) as client:
            client.enrol(code)
        assert sync_status(centre)["pending"] == 1
        hub.log.append("contrib.published", {"t": "hello"}, scope=COMMUNITY)
        report = sync_now(centre, packs=False)
        assert (report.pushed, report.pulled) == (1, 1)
        assert [lr.name for lr in hub.learners.all()] == ["Amina Diallo"]
        assert sync_status(centre)["pending"] == 0
        again = sync_now(centre, packs=False)
        assert (again.pushed, again.pulled) == (0, 0)
    with pytest.raises(NetworkUnavailable):
        sync_now(centre, packs=False)
    st = sync_status(centre)
    assert st["last_error"] and "try again later" in st["last_error"]["message"]
    assert st["last_sync"]["pushed"] == 0


def test_a_centre_refuses_a_hub_with_another_key(make_inst) -> None:  # type: ignore[no-untyped-def]
    centre, hub, impostor = make_inst("centre"), make_inst("hub"), make_inst("impostor")
    code = issue_code(SyncState(hub.store), hub.identity)
    # the impostor knows nothing of the code; even if it accepted any, its key fails the fingerprint
    with running_hub(impostor) as (url, _), pytest.raises(AuthError), HubClient.for_enrolment(centre, url) as client:
        client.enrol(code)
    assert SyncState(centre.store).hub() is None


def _raw(url: str, centre: Installation, method: str, path: str, body: bytes, **over: str) -> httpx.Response:
    headers = sign_request(centre.identity, method, path, body)
    headers.update(over)
    return httpx.request(method, url + path, content=body, headers=headers, timeout=10)


def test_hostile_requests_get_4xx_and_store_nothing(make_inst) -> None:  # type: ignore[no-untyped-def]
    centre, hub, stranger = make_inst("centre"), make_inst("hub"), make_inst("stranger")
    stranger.learners.add("Stranger Person")
    with running_hub(hub, max_body=64 << 10) as (url, _):
        enrol(centre, hub, url)
        before = hub.log.count()
        push = json.dumps({"v": 1, "type": "push", "events": [e.to_dict() for e in stranger.log.events()]}).encode()
        # unauthenticated, unknown device, bad signature, replay, stale clock, malformed, oversized, forged events
        assert httpx.get(url + "/packs", timeout=5).status_code == 401
        assert "sign" in httpx.get(url + "/", timeout=5).text.lower()  # a browser gets the operators' sign-in page
        assert httpx.post(url + "/sync/push", content=push, timeout=5).status_code == 401
        assert _raw(url, stranger, "POST", "/sync/push", push).status_code == 403
        good = sign_request(centre.identity, "POST", "/sync/vector", b'{"v":1,"type":"vector"}')
        r1 = httpx.post(url + "/sync/vector", content=b'{"v":1,"type":"vector"}', headers=good, timeout=5)
        assert r1.status_code == 200
        replay = httpx.post(url + "/sync/vector", content=b'{"v":1,"type":"vector"}', headers=good, timeout=5)
        assert replay.status_code == 401
        tampered = dict(sign_request(centre.identity, "POST", "/sync/push", b"{}"))
        assert httpx.post(url + "/sync/push", content=push, headers=tampered, timeout=5).status_code == 401
        assert _raw(url, centre, "POST", "/sync/push", push, **{"x-hubdesk-time": "1000"}).status_code == 401
        assert _raw(url, centre, "POST", "/sync/push", b"{not json").status_code == 400
        assert _raw(url, centre, "POST", "/sync/push", b'{"v":1,"type":"push","events":[{"d":1}]}').status_code == 400
        assert _raw(url, centre, "POST", "/sync/push", b'{"v":7,"type":"push","events":[]}').status_code == 400
        # another device's learners: a device no centre claimed is held back (it may be a new PC of the
        # centre whose admission is on its way), never applied; the count below stays 0
        held = _raw(url, centre, "POST", "/sync/push", push)
        assert held.status_code == 200 and held.json()["applied"] == 0
        assert _raw(url, centre, "POST", "/sync/nothing", b"{}").status_code == 404
        big = b'{"v":1,"type":"push","events":[' + b'{"d":"x"},' * 20000 + b"]}"
        assert _raw(url, centre, "POST", "/sync/push", big).status_code == 413
        bomb = zstandard.ZstdCompressor().compress(b" " * (64 << 14))  # small on the wire, huge unpacked
        assert _raw(url, centre, "POST", "/sync/push", bomb, **{"content-encoding": "zstd"}).status_code == 413
        assert _raw(url, centre, "POST", "/sync/push", b"junk", **{"content-encoding": "zstd"}).status_code == 400
        assert _raw(url, centre, "POST", "/sync/push", b"{}", **{"content-encoding": "br"}).status_code == 415
        assert httpx.post(url + "/enrol", content=b"[]", timeout=5).status_code == 403
        assert httpx.post(url + "/enrol", content=b"\xff", timeout=5).status_code == 400
        assert _raw(url, centre, "GET", "/packs/../../hubdesk.sqlite3", b"").status_code == 404
        # still serving after all that
        assert _raw(url, centre, "GET", "/", b"").status_code == 200
    assert hub.log.count() == before == 0


def test_rate_limit(make_inst) -> None:  # type: ignore[no-untyped-def]
    centre, hub = make_inst("centre"), make_inst("hub")
    with running_hub(hub, rate=RateLimit(per_s=0.05, burst=5)) as (url, _):  # slow refill: holds on a busy machine
        statuses = [httpx.get(url + "/packs", timeout=5).status_code for _ in range(8)]
        assert statuses[:5] == [401] * 5 and 429 in statuses[5:]
    assert SyncState(hub.store).devices() == []
    assert centre.log.count() == 0


def test_publish_and_resumable_download(make_inst, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    centre, hub = make_inst("centre"), make_inst("hub")
    pack = tmp_path / "dl.hubpack"
    build_pack(CONTENT_PACKS / "digital-literacy", pack)
    item = published.publish(hub, pack)
    assert [p.id for p in hub.packs.list()] == [item.id]
    with running_hub(hub) as (url, _):
        enrol(centre, hub, url)
        client = HubClient.for_hub(centre)
        listed = client.published()
        assert [p["sha256"] for p in listed] == [item.sha256]
        # a link cut half way leaves a .part; the next run asks only for the rest
        folder = centre.dirs.sync / "downloads"
        folder.mkdir(parents=True)
        (folder / f"{item.sha256}.part").write_bytes(pack.read_bytes()[: item.size // 2])
        seen: list[int] = []
        path = client.download(listed[0], folder, progress=lambda done, total: seen.append(done))
        assert seen[0] > item.size // 2
        assert path.read_bytes() == pack.read_bytes()
        path.unlink()
        client.close()
        report = sync_now(centre)
        assert report.packs and [p.id for p in centre.packs.list()] == [item.id]
        assert sync_now(centre).packs == []


def test_hub_serve_command_stops_cleanly(tmp_path: Path) -> None:
    import subprocess
    import sys
    import time

    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "hubdesk", "--data-dir", str(tmp_path / "h"), "hub", "serve", "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    try:
        deadline = time.monotonic() + 20
        while True:
            try:
                assert httpx.get(f"http://127.0.0.1:{port}/packs", timeout=1).status_code == 401
                break
            except httpx.TransportError:
                assert time.monotonic() < deadline and proc.poll() is None
                time.sleep(0.1)
    finally:
        proc.terminate()
        out = proc.communicate(timeout=20)[0].decode()
    assert "Traceback" not in out


def test_hub_serve_on_a_port_in_use_says_so_in_one_sentence(tmp_path: Path) -> None:
    import socket
    import subprocess
    import sys

    with socket.socket() as holder:
        holder.bind(("127.0.0.1", 0))
        holder.listen(1)
        port = holder.getsockname()[1]
        done = subprocess.run(
            [sys.executable, "-m", "hubdesk", "--data-dir", str(tmp_path / "h"), "hub", "serve", "--port", str(port)],
            capture_output=True,
            timeout=60,
            check=False,
        )
    out, err = done.stdout.decode(), done.stderr.decode()
    assert done.returncode != 0
    assert "listening" not in out
    assert "Traceback" not in err and "ERROR" not in err
    assert len(err.strip().splitlines()) == 1  # one sentence, not uvicorn's log line
    assert err.startswith(f"hubdesk: Port {port} on 127.0.0.1 is already in use: ")
