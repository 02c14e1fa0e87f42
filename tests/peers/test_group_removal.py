"""Removing a member cuts it off: three real processes on 127.0.0.1, the group moves to a new key."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import pytest

from hubdesk.core.groups import GroupNotes
from hubdesk.core.installation import Installation
from hubdesk.peers.client import WrongCode, client_for
from hubdesk.peers.joining import JoinRefused, join
from tests.peers.conftest import PeerProcess, hubdesk, wait_for

Factory = Callable[[str], tuple[PeerProcess, Installation]]


def test_removed_member_is_cut_off_and_the_new_code_admits(peer_process: Factory, tmp_path: Path) -> None:
    (pa, a), (pb, b), (pc, c) = peer_process("a"), peer_process("b"), peer_process("c")
    amina, kofi, esi = a.learners.add("Amina"), b.learners.add("Kofi"), c.learners.add("Esi")
    group, old_code = a.groups.create("Shell club", amina)
    gid = group.id
    join(b, old_code, kofi, pa.address)
    join(c, old_code, esi, pa.address)
    a.group_notes.append(gid, amina.id, "before removal")
    wait_for(lambda: all("before removal" in i.group_notes.text(gid) for i in (b, c)))
    wait_for(lambda: pc.address in dict(b.groups.peers(gid)))  # B and C know each other directly

    out = hubdesk(pa.data, "group", "remove", gid, "Esi", "--as", "Amina")
    assert out.returncode == 0, out.stderr
    new_code = out.stdout.strip().splitlines()[-1]
    assert new_code != old_code and a.groups.code(gid) == new_code
    assert {m.name for m in a.groups.members(gid)} == {"Amina", "Kofi"}

    # B missed the removal: its node gets a 401 from A, asks for the wrapped key, and goes on
    wait_for(lambda: b.groups.key(gid) == a.groups.key(gid))
    assert c.groups.key(gid) != a.groups.key(gid)  # C has no wrap it can open
    a.group_notes.append(gid, amina.id, "secret after removal")
    b.group_notes.append(gid, kofi.id, "kofi after removal")
    wait_for(lambda: all(w in b.group_notes.text(gid) for w in ("secret after removal", "kofi after removal")))
    wait_for(lambda: "kofi after removal" in a.group_notes.text(gid))
    GroupNotes(c.log).append(gid, esi.id, "esi after removal")  # written below the app's guard, as a hostile PC would

    # C's requests with the key it holds are refused by both remaining members, and it can't catch up
    for address in (pa.address, pb.address):
        with client_for(c, address, gid) as client:
            with pytest.raises(WrongCode):
                client.sync()
            assert client.catch_up_epoch() is False
    wait_for(lambda: "Esi" not in {m.name for m in c.groups.members(gid)})  # C's app learns it was removed
    time.sleep(1.5)  # several poll rounds of every node
    assert "after removal" not in c.group_notes.text(gid).replace("esi after removal", "")
    assert not any("secret after removal" in str(ev.payload) for ev in c.log.events())
    assert "esi after removal" not in a.group_notes.text(gid) + b.group_notes.text(gid)

    # the old code admits nobody; the new one does, into the same group, with the notes
    d = Installation(tmp_path / "dede")
    try:
        dede = d.learners.add("Dede")
        with pytest.raises(JoinRefused):
            join(d, old_code, dede, pa.address)
        assert d.groups.ids() == []
        joined = join(d, new_code, dede, pb.address)
        assert joined.group_id == gid and d.groups.key(gid) == a.groups.key(gid)
        assert "secret after removal" in d.group_notes.text(gid)
        assert {m.name for m in d.groups.members(gid)} == {"Amina", "Kofi", "Dede"}
        assert d.groups.code(gid) == new_code
    finally:
        d.close()
