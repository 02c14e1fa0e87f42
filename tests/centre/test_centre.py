"""A centre in one process: join codes, the chain of authority, lockouts across PCs, a hub that keeps no secret."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from hubdesk.core.centre import MAX_WRONG
from hubdesk.core.events import CENTRE
from hubdesk.core.groups import new_code
from hubdesk.core.installation import Installation
from hubdesk.core.learners import LockoutPolicy
from hubdesk.errors import AuthError, HubDeskError, LockedOut
from hubdesk.peers.centre_join import CentreJoinRefused, join
from hubdesk.peers.centre_link import client_for
from hubdesk.peers.client import http_client
from hubdesk.peers.node import PeerNode
from hubdesk.sync.state import SyncState

Make = Callable[[str], Installation]


@pytest.fixture
def first_pc(tmp_path: Path) -> Iterator[tuple[Installation, PeerNode]]:
    inst = Installation(tmp_path / "pc1")
    inst.centre.create("Kibera Youth Centre", "Nairobi")
    node = PeerNode(inst, host="127.0.0.1", discover=False)
    node.start()
    yield inst, node
    node.stop()
    inst.close()


def _address(node: PeerNode) -> str:
    return f"127.0.0.1:{node.port}"


def _membership_agrees(inst: Installation, *devices: str) -> None:
    """Every centre read at once (the hub's pages) answers as the one-device questions do."""
    one, every = inst.centre.all, inst.centre.all.membership()
    for device in devices:
        assert every.of_device(device) == one.of_device(device)
        assert every.retired(device) == one.retired(device)
        for centre in one.ids():
            assert every.consented(device, centre) == one.consented(device, centre)
    for centre in one.ids():
        info = one.get(centre)
        assert every.ever_pcs(centre) == one.ever_pcs(centre)
        assert every.names[centre] == (info.name, info.place)
        assert [d for d, _name in every.pcs_of(centre)] == [pc.id for pc in info.pcs if not pc.retired]


def test_a_code_works_once_and_learners_arrive_at_once(
    first_pc: tuple[Installation, PeerNode], make_inst: Make
) -> None:
    pc1, node = first_pc
    amina = pc1.learners.add("Amina Diallo", pin="2468")
    code = pc1.centre.codes.issue()
    pc2 = make_inst("pc2")
    joined = join(pc2, code, _address(node))
    assert joined.centre_name == "Kibera Youth Centre" and pc2.centre.id == pc1.centre.id
    assert pc2.learners.verify(amina.id, "pin", "2468").name == "Amina Diallo"  # at once, from the join
    assert pc2.centre.public_key_b64 == pc1.centre.public_key_b64  # the centre's own key, shared
    with pytest.raises(CentreJoinRefused):
        join(make_inst("pc3"), code, _address(node))  # a code works once
    assert {pc.id for pc in pc1.centre.info().pcs} == {pc1.device_id, pc2.device_id}


def test_five_wrong_tries_burn_every_open_code(first_pc: tuple[Installation, PeerNode], make_inst: Make) -> None:
    pc1, node = first_pc
    code = pc1.centre.codes.issue()
    stranger = make_inst("stranger")
    for _ in range(MAX_WRONG):
        with pytest.raises(CentreJoinRefused):
            join(stranger, new_code(), _address(node))  # a well-formed guess
    with pytest.raises(CentreJoinRefused):
        join(make_inst("pc2"), code, _address(node))  # the right code, too late: burnt
    assert pc1.centre.info().pcs[0].id == pc1.device_id and len(pc1.centre.info().pcs) == 1
    assert not stranger.centre.is_named


def test_an_expired_code_is_refused(first_pc: tuple[Installation, PeerNode], make_inst: Make) -> None:
    pc1, node = first_pc
    code = pc1.centre.codes.issue(valid_s=-1)
    with pytest.raises(CentreJoinRefused):
        join(make_inst("pc2"), code, _address(node))


def test_a_stranger_and_a_retired_pc_get_nothing(first_pc: tuple[Installation, PeerNode], make_inst: Make) -> None:
    pc1, node = first_pc
    pc2 = make_inst("pc2")
    join(pc2, pc1.centre.codes.issue(), _address(node))
    stranger = make_inst("stranger")
    with pytest.raises(HubDeskError):  # not a PC of the centre: no pair key to talk with
        client_for(stranger, pc1.device_id, _address(node), http_client(2), None).sync()
    pc1.centre.retire(pc2.device_id)
    pc1.learners.add("Written after", pin="1111")
    with http_client(2) as http, pytest.raises(AuthError):
        client_for(pc2, pc1.device_id, _address(node), http, None).sync()  # pc2 does not know it was retired
    assert not any(lr.name == "Written after" for lr in pc2.learners.all())
    pc1.centre.rename("Kibera Youth Hub", "Nairobi East")
    _membership_agrees(pc1, pc1.device_id, pc2.device_id, stranger.device_id)
    assert pc1.centre.all.membership().names[pc1.centre.id] == ("Kibera Youth Hub", "Nairobi East")
    assert pc1.centre.all.membership().retired(pc2.device_id)


def test_a_forged_admission_does_not_count(make_inst: Make) -> None:
    pc1, outsider = make_inst("pc1"), make_inst("outsider")
    pc1.centre.create("Kibera Youth Centre")
    # the outsider writes "PC X joined Kibera" under its own device id: it is no PC of the centre
    outsider.log.append(
        "centre.pc_joined", {"centre": pc1.centre.id, "device": "evil", "name": "x", "key": "k", "xkey": "x"}
    )
    outsider.log.append("centre.created", {"id": pc1.centre.id, "name": "Fake", "key": "k"}, scope=CENTRE)
    pc1.log.apply(outsider.log.events())
    assert pc1.centre.pc_ids() == {pc1.device_id}
    assert pc1.centre.info().name == "Kibera Youth Centre"
    _membership_agrees(pc1, pc1.device_id, outsider.device_id, "evil")


def test_a_lockout_counts_across_the_centres_pcs(make_inst: Make) -> None:
    pc1, pc2 = make_inst("pc1"), make_inst("pc2")
    amina = pc1.learners.add("Amina Diallo", pin="2468")
    pc2.log.apply(pc1.log.events())
    policy = LockoutPolicy(free_attempts=3, first_delay_s=30)
    on1 = type(pc1.learners)(pc1.log, policy)
    on2 = type(pc2.learners)(pc2.log, policy)
    for _ in range(2):
        with pytest.raises(AuthError):
            on1.verify(amina.id, "pin", "0000")
    pc2.log.apply(pc1.log.events())
    with pytest.raises(LockedOut):  # the third wrong try, on the other PC, locks
        on2.verify(amina.id, "pin", "0000")
    pc1.log.apply(pc2.log.events())
    assert on1.locked_for(amina.id) > 0  # and the lock holds on the first PC too
    assert {ev.scope for ev in pc1.log.events("learner.signin_failed")} == {"site"}


def test_a_hub_drops_secret_hashes_it_held(make_inst: Make) -> None:
    old_centre, hub = make_inst("old"), make_inst("hub")
    lid = old_centre.learners.add("Amina Diallo").id
    # as a centre before this version wrote it: the hash in a centre-scope event
    legacy = {"id": lid, "kind": "pin", "hash": "scrypt$1$2$3$c2FsdHNhbHRzYWx0$aGFzaA=="}
    old_centre.log.append("learner.secret_set", legacy, scope=CENTRE, learner_id=lid)
    hub.log.apply(old_centre.log.events())
    assert hub.store.query("SELECT COUNT(*) FROM learner_secrets")[0][0] == 1
    SyncState(hub.store).become_hub()
    assert hub.store.query("SELECT COUNT(*) FROM learner_secrets")[0][0] == 0
    assert not any("hash" in ev.payload for ev in hub.log.events("learner.secret_set"))


def test_a_pack_installed_on_one_pc_installs_on_another_over_the_lan(
    first_pc: tuple[Installation, PeerNode], make_inst: Make, tmp_path: Path
) -> None:
    from hubdesk.core.packs import build_pack
    from hubdesk.peers.centre_packs import fetch, offered
    from tests.core.packs_util import make_source

    pc1, node = first_pc
    pack = tmp_path / "demo.hubpack"
    build_pack(make_source(tmp_path / "src", version="1.2.0"), pack)
    pc1.packs.install(pack)
    pc2 = make_inst("pc2")
    join(pc2, pc1.centre.codes.issue(), _address(node))
    assert [(o.id, o.version) for o in offered(pc2)] == [(pc1.packs.list()[0].id, "1.2.0")]
    result = fetch(pc2, pc1.packs.list()[0].id)
    assert result.action == "installed" and result.version == "1.2.0"
    assert [p.id for p in pc2.packs.list()] == [p.id for p in pc1.packs.list()]
    assert offered(pc2) == []  # nothing left to take
