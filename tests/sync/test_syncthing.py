"""Sync through two real Syncthing processes on 127.0.0.1: a centre and its hub, paired by HubDesk."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from hubdesk.core.installation import Installation
from hubdesk.sync import enrolment
from hubdesk.sync.bundle import SUFFIX
from hubdesk.sync.state import SyncState
from hubdesk.sync.syncthing import SyncthingClient, SyncthingError, SyncthingUnavailable
from hubdesk.sync.syncthing_process import SyncthingProcess, find_binary, free_port
from hubdesk.sync.syncthing_transport import (
    STAGING,
    RoundResult,
    SyncthingTransport,
    configure_attached,
    configure_managed,
    managed_process,
    open_client,
)
from hubdesk.sync.targets import scheduler_for

pytestmark = pytest.mark.skipif(
    find_binary() is None, reason="the syncthing program is not installed (apt-get install syncthing)"
)


@dataclass
class Side:
    inst: Installation
    proc: SyncthingProcess
    client: SyncthingClient
    transport: SyncthingTransport


def names(inst: Installation) -> set[str]:
    return {x.name for x in inst.learners.all()}


def until(cond: Callable[[], bool], timeout: float = 15.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if cond():
            return True
        time.sleep(0.05)
    return cond()


def round_until(side: Side, cond: Callable[[RoundResult], bool], timeout: float = 15.0) -> RoundResult:
    """Wake on Syncthing's events (not a fixed sleep) and run rounds until ``cond`` holds."""
    deadline = time.monotonic() + timeout
    while True:
        result = side.transport.sync_once()
        if cond(result) or time.monotonic() > deadline:
            return result
        side.transport.wait_for_change(timeout_s=1)


def start_both(*procs: SyncthingProcess) -> list[SyncthingClient]:
    for p in procs:
        p.launch()  # boot side by side: each takes a second or two
    return [p.wait_ready() for p in procs]


def stop_all(*procs: SyncthingProcess) -> None:
    threads = [threading.Thread(target=p.stop) for p in procs]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)


@pytest.fixture
def pair(make_inst: Callable[[str], Installation]) -> Iterator[tuple[Side, Side]]:
    """A hub and a centre enrolled offline (the code rides in the centre's first bundle)."""
    hub, centre = make_inst("hub"), make_inst("centre")
    code = enrolment.issue_code(SyncState(hub.store), hub.identity)
    enrolment.start_offline(SyncState(centre.store), code)
    procs = [managed_process(hub, reconnect_s=1), managed_process(centre, reconnect_s=1)]
    clients: list[SyncthingClient] = []
    try:
        clients = start_both(*procs)
        sides = [Side(i, p, c, SyncthingTransport(i, c)) for i, p, c in zip([hub, centre], procs, clients, strict=True)]
        h, c = sides
        for s in sides:
            s.transport.wait_for_change(timeout_s=0)  # subscribe to Syncthing's events from now on
        h.transport.pair(c.proc.device_id, c.proc.listen_address)
        c.transport.pair(h.proc.device_id, h.proc.listen_address)
        assert until(c.transport.reachable) and until(h.transport.reachable), "the two Syncthings never connected"
        yield h, c
    finally:
        for client in clients:
            client.close()
        stop_all(*procs)
        for p in procs:
            assert not p.pid_path.exists()


def test_hubdesks_syncthing_is_quiet_and_arrivals_other_than_bundles_are_ignored(pair: tuple[Side, Side]) -> None:
    hub, centre = pair
    opts = hub.client.options()
    assert opts["listenAddresses"] == [hub.proc.listen_address]
    assert hub.proc.listen_address.startswith("tcp://127.0.0.1:")
    assert not opts["globalAnnounceEnabled"] and not opts["localAnnounceEnabled"]
    assert not opts["relaysEnabled"] and not opts["natEnabled"]
    assert opts["urAccepted"] == -1 and not opts["crashReportingEnabled"] and not opts["startBrowser"]
    assert hub.client.config()["gui"]["address"].startswith("127.0.0.1:")
    assert hub.client.my_id() == hub.proc.device_id
    assert hub.client.folder(hub.transport.pairings()[0].folder_id) is not None
    # pairing is idempotent, and a device id that is our own is refused in words
    again = hub.transport.pair(centre.proc.device_id, centre.proc.listen_address)
    assert len(hub.transport.pairings()) == 1 and again == hub.transport.pairings()[0]
    with pytest.raises(SyncthingError, match="own Syncthing"):
        hub.transport.pair(hub.proc.device_id, hub.proc.listen_address)
    # a wrong key is refused in words; nothing listening is "unavailable", and ping says so quietly
    with SyncthingClient(hub.client.url, "not-the-key") as wrong, pytest.raises(SyncthingError, match="API key"):
        wrong.my_id()
    with SyncthingClient(f"http://127.0.0.1:{free_port()}", "k") as nobody:
        assert not nobody.ping()
        with pytest.raises(SyncthingUnavailable):
            nobody.my_id()

    # attaching to a Syncthing that already runs: HubDesk then talks to that one
    with open_client(hub.inst) as own:
        assert own.my_id() == hub.proc.device_id  # HubDesk's own, by default
    configure_attached(hub.inst, centre.client.url, centre.proc.api_key)
    with open_client(hub.inst) as attached:
        assert attached.my_id() == centre.proc.device_id
    configure_managed(hub.inst)

    # Syncthing's temp files and junk are not bundles; a damaged bundle is refused in words, once
    folder = Path(hub.transport.pairings()[0].path)
    inbox = folder / centre.inst.device_id
    inbox.mkdir(exist_ok=True)
    (inbox / f".syncthing.{centre.inst.device_id}-000009{SUFFIX}.tmp").write_bytes(b"half a file")
    (inbox / "notes.txt").write_text("not a bundle")
    damaged = inbox / f"{centre.inst.device_id}-000042{SUFFIX}"
    damaged.write_bytes(b"HDBUNDLE\x01\n" + b"\x00" * 50)
    result = hub.transport.collect()
    assert result.imported == [] and len(result.refused) == 1 and "damaged" in result.refused[0]
    assert "Traceback" not in result.refused[0]
    assert hub.transport.collect().refused == []  # remembered: not re-read every round


def test_a_bundle_written_at_the_centre_is_applied_at_the_hub(pair: tuple[Side, Side]) -> None:
    hub, centre = pair
    centre.inst.learners.add("Amina Diallo")
    centre.inst.learners.add("Kofi Mensah")
    first = centre.transport.sync_once()
    assert len(first.written) == 1 and first.written[0].parent.name == centre.inst.device_id

    got = round_until(hub, lambda r: bool(r.imported))
    assert got.refused == [] and got.imported[0].enrolled == "centre"
    assert {"Amina Diallo", "Kofi Mensah"} <= names(hub.inst)
    assert len(got.written) == 1  # the hub answers, which completes the centre's offline enrolment

    back = round_until(centre, lambda r: bool(r.imported))
    assert back.imported[0].enrolled == "hub" and SyncState(centre.inst.store).hub() is not None

    # the next bundle carries only what is new, and what was imported is not read again
    centre.inst.learners.add("Fatou Sow")
    assert len(centre.transport.sync_once().written) == 1
    got = round_until(hub, lambda r: bool(r.imported))
    assert [r.received for r in got.imported] == [1] and "Fatou Sow" in names(hub.inst)
    assert hub.transport.collect().imported == []

    # each device wrote only into its own subfolder; Syncthing never had a conflict to resolve
    for side, other in ((hub, centre), (centre, hub)):
        folder = Path(side.transport.pairings()[0].path)
        files = [p for p in folder.rglob("*") if p.is_file() and STAGING not in p.parts]
        assert not [p for p in files if "sync-conflict" in p.name]
        bundles = sorted(p for p in files if p.name.endswith(SUFFIX))
        assert {p.parent.name for p in bundles} == {side.inst.device_id, other.inst.device_id}
        assert all(p.name.startswith(p.parent.name + "-") for p in bundles)
        assert not list((folder / STAGING).iterdir())


def test_the_schedulers_carry_new_work_through_syncthing_without_anyone_asking(pair: tuple[Side, Side]) -> None:
    hub, centre = pair
    schedulers = [
        scheduler_for(side.inst, syncthing=side.transport, interval=60, debounce=0.2) for side in (hub, centre)
    ]
    for s in schedulers:
        s.start()
    try:
        assert until(lambda: all(s.status.state == "idle" for s in schedulers))
        centre.inst.learners.add("Amina Diallo")  # the centre's scheduler wakes on the new event
        assert until(lambda: "Amina Diallo" in names(hub.inst), timeout=20)
        assert until(lambda: SyncState(centre.inst.store).hub() is not None, timeout=20)
        # the hub's answer tells the centre that nothing is waiting any more
        assert until(lambda: schedulers[1].status.pending == 0, timeout=20), schedulers[1].status
    finally:
        for s in schedulers:
            s.stop()
    assert SyncState(hub.inst.store).get_json("last_sync")["via"] == "syncthing"
