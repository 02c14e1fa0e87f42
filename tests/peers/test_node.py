"""Peer nodes in one process (as in the app): live edits, presence, discovery, connect by address."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator

import pytest

from hubdesk.core.installation import Installation
from hubdesk.peers.discovery import Discovery
from hubdesk.peers.joining import join
from hubdesk.peers.node import PeerNode
from tests.peers.conftest import wait_for


@pytest.fixture
def nodes(make_inst: Callable[[str], Installation]) -> Iterator[Callable[..., tuple[Installation, PeerNode]]]:
    started: list[PeerNode] = []

    def factory(name: str, **kw: object) -> tuple[Installation, PeerNode]:
        inst = make_inst(name)
        options: dict[str, object] = {"discover": False, "poll_s": 0.1, **kw}
        node = PeerNode(inst, host="127.0.0.1", **options)  # type: ignore[arg-type]
        node.start()
        started.append(node)
        return inst, node

    yield factory
    for node in started:
        node.stop()


def test_live_edits_show_within_a_second_and_presence_follows(nodes) -> None:  # type: ignore[no-untyped-def]
    a, na = nodes("a")
    b, nb = nodes("b")
    amina, kofi = a.learners.add("Amina"), b.learners.add("Kofi")
    group, code = a.groups.create("Circle", amina)
    join(b, code, kofi, f"127.0.0.1:{na.port}")
    na.sign_in(amina.id)
    nb.sign_in(kofi.id)
    wait_for(lambda: {m.name for m in na.online_members(group.id)} == {"Amina", "Kofi"}, timeout=5)
    wait_for(lambda: {m.name for m in nb.online_members(group.id)} == {"Amina", "Kofi"}, timeout=5)
    delays = []
    for i in range(5):
        t0 = time.monotonic()
        a.group_notes.append(group.id, amina.id, f"line {i}")
        delays.append(wait_for(lambda i=i: f"line {i}" in b.group_notes.text(group.id), timeout=5))
        assert time.monotonic() - t0 < 1.0
    assert max(delays) < 1.0
    nb.sign_out(kofi.id)  # Kofi leaves his PC, which stays on: online shows who sits there now
    wait_for(lambda: [m.name for m in na.online_members(group.id)] == ["Amina"], timeout=5)
    nb.sign_in(kofi.id)
    wait_for(lambda: len(na.online_members(group.id)) == 2, timeout=5)
    nb.stop()  # Kofi's PC goes away: after the presence window he is no longer shown online
    na.presence.online_for_s = 0.5
    wait_for(lambda: [m.name for m in na.online_members(group.id)] == ["Amina"], timeout=5)


def test_connect_to_address_finds_shared_groups_only(nodes) -> None:  # type: ignore[no-untyped-def]
    a, na = nodes("a")
    b, nb = nodes("b")
    amina, kofi = a.learners.add("Amina"), b.learners.add("Kofi")
    shared, code = a.groups.create("Shared", amina)
    a.groups.create("Amina's other group", amina)
    b.groups.join(code, kofi)  # joined offline: no peer known yet
    b.groups.create("Kofi's own group", kofi)
    nb.connect(f"127.0.0.1:{na.port}")
    wait_for(lambda: b.groups.get(shared.id).name == "Shared", timeout=5)
    wait_for(lambda: {m.name for m in a.groups.members(shared.id)} == {"Amina", "Kofi"}, timeout=5)
    assert len(b.groups.ids()) == 2 and len(a.groups.ids()) == 2  # nothing of the other groups crossed
    assert not [
        ev
        for ev in b.log.events()
        if ev.scope.startswith("group:") and ev.scope != shared.scope and ev.device_id == a.device_id
    ]


def test_discovery_announces_and_finds_on_loopback(make_inst) -> None:  # type: ignore[no-untyped-def]
    found: list[str] = []
    one = Discovery("dev-one", "PC one", 7001, host="127.0.0.1", interfaces=["127.0.0.1"])
    two = Discovery(
        "dev-two",
        "PC two",
        7002,
        host="127.0.0.1",
        interfaces=["127.0.0.1"],
        on_found=lambda n: found.append(n.device_id),
    )
    one.start()
    two.start()
    try:
        wait_for(lambda: [n.device_id for n in two.nearby()] == ["dev-one"], timeout=10)
        wait_for(lambda: [n.device_id for n in one.nearby()] == ["dev-two"], timeout=10)
        [seen] = two.nearby()
        assert (seen.name, seen.address) == ("PC one", "127.0.0.1:7001")
        assert "dev-one" in found
    finally:
        one.close()
        two.close()


def test_nodes_that_discover_each_other_sync_their_group(nodes) -> None:  # type: ignore[no-untyped-def]
    a, _na = nodes("a", discover=True, interfaces=["127.0.0.1"])
    b, _nb = nodes("b", discover=True, interfaces=["127.0.0.1"])
    amina, kofi = a.learners.add("Amina"), b.learners.add("Kofi")
    group, code = a.groups.create("Circle", amina)
    b.groups.join(code, kofi)
    a.group_notes.append(group.id, amina.id, "found you")
    wait_for(lambda: b.group_notes.text(group.id) == "found you", timeout=15)
