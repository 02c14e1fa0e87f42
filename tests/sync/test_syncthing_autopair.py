"""Syncthing pairs by itself: each side learns the other's Syncthing id through HubDesk's own sync."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from hubdesk.core.installation import Installation
from hubdesk.sync import enrolment
from hubdesk.sync.bundle import export_all, import_bundle
from hubdesk.sync.http import sync_now
from hubdesk.sync.state import SyncState
from hubdesk.sync.syncthing_cards import announce, hub_card, latest_card, own_card, peer_cards
from hubdesk.sync.syncthing_process import find_binary
from hubdesk.sync.syncthing_transport import (
    SyncthingTransport,
    configure_managed,
    managed_process,
    pair_now,
    record_own,
)
from hubdesk.sync.targets import scheduler_for
from tests.sync.helpers import enrol, running_hub
from tests.sync.test_syncthing import names, start_both, stop_all, until

HUB_ST = "HUBHUBA-BCDEFGH-IJKLMNO-PQRSTUV-WXYZ234-567ABCD-EFGHIJK-LMNOPQR"
CENTRE_ST = "CENTREA-BCDEFGH-IJKLMNO-PQRSTUV-WXYZ234-567ABCD-EFGHIJK-LMNOPQR"
OTHER_ST = "OTHERCA-BCDEFGH-IJKLMNO-PQRSTUV-WXYZ234-567ABCD-EFGHIJK-LMNOPQR"

needs_syncthing = pytest.mark.skipif(
    find_binary() is None, reason="the syncthing program is not installed (apt-get install syncthing)"
)


def test_bundles_carry_each_sides_syncthing_and_a_centre_learns_only_its_hubs(
    make_inst: Callable[[str], Installation], tmp_path: Path
) -> None:
    hub, centre, other = make_inst("hub"), make_inst("centre"), make_inst("other")
    hub_state = SyncState(hub.store)
    for c in (centre, other):
        enrolment.start_offline(SyncState(c.store), enrolment.issue_code(hub_state, hub.identity))
    announce(hub, HUB_ST, "tcp://127.0.0.1:22001")
    assert latest_card(hub, hub.device_id) is None  # a hub's card rides in its answers, not in an event
    assert announce(centre, CENTRE_ST, "tcp://127.0.0.1:22002")
    assert not announce(centre, CENTRE_ST, "tcp://127.0.0.1:22002")  # the same again records nothing
    announce(other, OTHER_ST, "tcp://127.0.0.1:22003")
    with pytest.raises(ValueError):
        announce(centre, "not-an-id", "tcp://127.0.0.1:1")

    # centre -> hub: the card is an event of scope "centre", in the bundle like any other
    for c in (centre, other):
        for path in export_all(c, tmp_path / c.device_id):
            import_bundle(hub, path)
    assert latest_card(hub, centre.device_id) == {"device_id": CENTRE_ST, "address": "tcp://127.0.0.1:22002"}
    assert {c["device_id"] for c in peer_cards(hub)} == {CENTRE_ST, OTHER_ST}

    # hub -> centre: the hub's card is in its signed bundle header; another centre's never arrives
    assert peer_cards(centre) == []
    for path in export_all(hub, tmp_path / "hub", dest=centre.device_id):
        assert import_bundle(centre, path).enrolled == "hub"
    assert hub_card(SyncState(centre.store)) == own_card(hub_state)
    assert peer_cards(centre) == [{"device_id": HUB_ST, "address": "tcp://127.0.0.1:22001"}]
    assert latest_card(centre, other.device_id) is None

    # a new address is announced again and wins at the hub
    announce(centre, CENTRE_ST, "tcp://127.0.0.1:22102")
    for path in export_all(centre, tmp_path / "again"):
        import_bundle(hub, path)
    assert latest_card(hub, centre.device_id) == {"device_id": CENTRE_ST, "address": "tcp://127.0.0.1:22102"}


def test_http_enrolment_and_sync_now_tell_each_side_the_others_syncthing(
    make_inst: Callable[[str], Installation],
) -> None:
    hub, centre = make_inst("hub"), make_inst("centre")
    with running_hub(hub) as (url, _server):
        announce(hub, HUB_ST, "tcp://127.0.0.1:22001")
        announce(centre, CENTRE_ST, "tcp://127.0.0.1:22002")
        enrol(centre, hub, url)
        assert hub_card(SyncState(centre.store)) == {"device_id": HUB_ST, "address": "tcp://127.0.0.1:22001"}
        announce(hub, HUB_ST, "tcp://127.0.0.1:22011")  # the hub's Syncthing moved: the next sync says so
        sync_now(centre, packs=False)
        assert hub_card(SyncState(centre.store)) == {"device_id": HUB_ST, "address": "tcp://127.0.0.1:22011"}
        assert latest_card(hub, centre.device_id) == {"device_id": CENTRE_ST, "address": "tcp://127.0.0.1:22002"}
    assert pair_now(centre) == []  # no Syncthing of its own configured: nothing to pair, and quiet


@needs_syncthing
def test_a_centre_enrolled_over_http_and_its_hub_pair_their_syncthings_by_themselves(
    make_inst: Callable[[str], Installation],
) -> None:
    hub, centre = make_inst("hub"), make_inst("centre")
    procs = [managed_process(hub, reconnect_s=1), managed_process(centre, reconnect_s=1)]
    clients = []
    scheduler = None
    try:
        with running_hub(hub) as (url, _server):
            clients = start_both(*procs)
            # what 'hubdesk sync syncthing start' records on each side
            for inst, client in zip((hub, centre), clients, strict=True):
                configure_managed(inst)
                record_own(inst, client)
            h, c = (SyncthingTransport(i, cl) for i, cl in zip((hub, centre), clients, strict=True))
            h.wait_for_change(timeout_s=0)  # subscribe to Syncthing's events from now on
            scheduler = scheduler_for(hub, syncthing=h, interval=60, debounce=0.2)
            scheduler.start()

            enrol(centre, hub, url)
            centre.learners.add("Amina Diallo")
            sync_now(centre, packs=False)  # then 'hubdesk sync now' pairs the centre's Syncthing
            paired = pair_now(centre)
            assert [p.peer for p in paired] == [procs[0].device_id]
            assert paired[0].address == procs[0].listen_address
            assert pair_now(centre) == []  # already paired: left alone

            # the hub's scheduler wakes when the centre's Syncthing knocks, and pairs with it
            assert until(lambda: [p.peer for p in h.pairings()] == [procs[1].device_id], timeout=15)
            assert h.pairings()[0].folder_id == c.pairings()[0].folder_id
            assert until(c.reachable, timeout=15)

            # a bundle written at the centre arrives and is applied at the hub through Syncthing
            centre.learners.add("Kofi Mensah")
            assert len(c.sync_once().written) == 1
            assert until(lambda: "Kofi Mensah" in names(hub), timeout=15)
            applied = "SELECT name FROM sync_syncthing_files WHERE status = 'applied'"
            assert until(lambda: bool(hub.store.query(applied)), timeout=5), "it came some other way than Syncthing"
            assert until(lambda: SyncState(hub.store).get_json("last_sync")["via"] == "syncthing", timeout=5)
    finally:
        if scheduler is not None:
            scheduler.stop()
        for client in clients:
            client.close()
        stop_all(*procs)
