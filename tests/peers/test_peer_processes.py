"""Two and three real HubDesk processes form a group on 127.0.0.1 and converge on one shared note."""

from __future__ import annotations

import threading
from collections.abc import Callable

from hubdesk.core.groups import new_code
from hubdesk.core.installation import Installation
from hubdesk.peers.joining import join
from tests.peers.conftest import PeerProcess, hubdesk, wait_for

Factory = Callable[[str], tuple[PeerProcess, Installation]]


def _edit_concurrently(edits: list[tuple[Installation, str, str, list[str]]]) -> None:
    """Each (installation, group, learner, lines) appends its lines at the same time as the others."""

    def run(inst: Installation, gid: str, learner_id: str, lines: list[str]) -> None:
        for line in lines:
            inst.group_notes.append(gid, learner_id, line)

    threads = [threading.Thread(target=run, args=e) for e in edits]
    for t in threads:
        t.start()
    for t in threads:
        t.join()


def test_two_processes_share_a_note_both_ways(peer_process: Factory) -> None:
    pa, a = peer_process("amina")
    pb, b = peer_process("kofi")
    amina, kofi = a.learners.add("Amina"), b.learners.add("Kofi")
    group, code = a.groups.create("Fractions circle", amina, pack="maths", lesson="fractions")
    joined = join(b, code, kofi, pa.address)
    assert joined.group_id == group.id and b.groups.get(group.id).name == "Fractions circle"
    # A learned where B's own peer endpoint listens from the join handshake
    wait_for(lambda: pb.address in dict(a.groups.peers(group.id)))
    lines_a = [f"Amina {i}: half of {2 * i} is {i}." for i in range(5)]
    lines_b = [f"Kofi {i}: a quarter of {4 * i} is {i}." for i in range(5)]
    _edit_concurrently([(a, group.id, amina.id, lines_a), (b, group.id, kofi.id, lines_b)])

    def converged() -> bool:
        ta, tb = a.group_notes.text(group.id), b.group_notes.text(group.id)
        return ta == tb and all(line in ta for line in lines_a + lines_b)

    wait_for(converged)
    assert {m.name for m in a.groups.members(group.id)} == {"Amina", "Kofi"}


def test_three_processes_converge_after_one_was_cut_off(peer_process: Factory) -> None:
    (pa, a), (_pb, b), (pc, c) = peer_process("a"), peer_process("b"), peer_process("c")
    amina, kofi, esi = a.learners.add("Amina"), b.learners.add("Kofi"), c.learners.add("Esi")
    group, code = a.groups.create("Shell club", amina)
    join(b, code, kofi, pa.address)
    join(c, code, esi, pa.address)
    gid = group.id
    a.group_notes.append(gid, amina.id, "start")
    wait_for(lambda: "start" in b.group_notes.text(gid) and "start" in c.group_notes.text(gid))

    pc.stop()  # C goes offline and keeps editing; A and B keep editing too
    _edit_concurrently(
        [
            (a, gid, amina.id, [f"A{i}" for i in range(8)]),
            (b, gid, kofi.id, [f"B{i}" for i in range(8)]),
            (c, gid, esi.id, [f"C{i}" for i in range(8)]),
        ]
    )
    wait_for(lambda: all(f"B{i}" in a.group_notes.text(gid) for i in range(8)))
    assert "C0" not in a.group_notes.text(gid)  # really cut off
    pc.start()
    everything = ["start"] + [f"{p}{i}" for p in "ABC" for i in range(8)]

    def converged() -> bool:
        texts = {inst.group_notes.text(gid) for inst in (a, b, c)}
        return len(texts) == 1 and all(w in next(iter(texts)) for w in everything)

    wait_for(converged, timeout=20)
    lines = a.group_notes.text(gid).split("\n")
    assert sorted(lines) == sorted(everything)  # every edit once, nothing lost, nothing doubled

    pa.stop()  # the PC everyone joined through goes home: B and C learned of each other and go on
    b.group_notes.append(gid, kofi.id, "without A")
    wait_for(lambda: "without A" in c.group_notes.text(gid), timeout=10)


def test_wrong_code_is_refused_and_learns_nothing(peer_process: Factory, tmp_path) -> None:  # type: ignore[no-untyped-def]
    pa, a = peer_process("amina")
    amina = a.learners.add("Amina Diallo")
    group, code = a.groups.create("Fractions circle", amina)
    joiner = tmp_path / "stranger"
    assert hubdesk(joiner, "learner", "add", "Stranger").returncode == 0
    wrong = new_code()  # well formed, passes its check symbol, but another group's code
    assert wrong != code
    for attempt in (wrong, code[:-1] + ("Y" if code[-1] == "X" else "X")):
        out = hubdesk(joiner, "group", "join", attempt, "--as", "Stranger", "--peer", pa.address)
        said = out.stdout + out.stderr
        assert out.returncode != 0
        assert "Traceback" not in said
        assert "amina" not in said.lower() and "fractions" not in said.lower() and group.id not in said
        assert "code" in said.lower()
    with Installation(joiner) as stranger:
        assert stranger.groups.ids() == []
        assert not [ev for ev in stranger.log.events() if ev.scope.startswith("group:")]
    assert a.groups.peers(group.id) == []  # the peer kept nothing about the stranger either
    # the right code through the CLI joins, and the group list shows the same id on both sides
    ok = hubdesk(joiner, "group", "join", code, "--as", "Stranger", "--peer", pa.address)
    assert ok.returncode == 0, ok.stderr
    listed = hubdesk(joiner, "group", "list", "--json")
    assert f'"id": "{group.id}"' in listed.stdout and "Amina Diallo" in listed.stdout
