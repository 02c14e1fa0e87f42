"""USB bundles: offline enrolment, exactly-once delivery, and refusal of anything not right."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from hubdesk.core.events import COMMUNITY, PRIVATE, Event
from hubdesk.core.installation import Installation
from hubdesk.errors import AuthError, SyncError
from hubdesk.sync import codec
from hubdesk.sync.bundle import export_all, import_bundle, write_bundle
from hubdesk.sync.enrolment import EnrolmentError, issue_code, normalise, start_offline
from hubdesk.sync.state import NotEnrolled, SyncState


def offline_pair(make_inst, tmp_path: Path) -> tuple[Installation, Installation]:  # type: ignore[no-untyped-def]
    centre, hub = make_inst("centre"), make_inst("hub")
    start_offline(SyncState(centre.store), issue_code(SyncState(hub.store), hub.identity))
    return centre, hub


def names(inst: Installation) -> list[str]:
    return sorted(lr.name for lr in inst.learners.all())


def test_offline_enrolment_and_exactly_once(make_inst, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    centre, hub = offline_pair(make_inst, tmp_path)
    centre.learners.add("Amina Diallo")
    centre.log.append("note.private", {"t": "mine only"}, scope=PRIVATE)
    first = write_bundle(centre, tmp_path / "usb")
    assert first is not None
    res = import_bundle(hub, first)
    assert (res.status, res.applied, res.enrolled) == ("applied", 1, "centre")
    assert names(hub) == ["Amina Diallo"]
    assert not any(ev.scope == PRIVATE for ev in hub.log.events())
    assert import_bundle(hub, first).status == "replay"
    # the next bundle carries only what is new
    centre.learners.add("Kofi Mensah")
    second = write_bundle(centre, tmp_path / "usb")
    assert second is not None and second.name > first.name
    assert import_bundle(hub, second).applied == 1
    assert names(hub) == ["Amina Diallo", "Kofi Mensah"]
    # the hub answers; the centre trusts it because its key matches the code's fingerprint
    hub.log.append("contrib.published", {"t": "for everyone"}, scope=COMMUNITY)
    back = export_all(hub, tmp_path / "back")
    assert len(back) == 1
    got = import_bundle(centre, back[0])
    assert (got.enrolled, got.applied) == ("hub", 1)
    assert SyncState(centre.store).hub() is not None
    # the hub's vector acknowledged the centre's events: nothing pending, nothing re-sent with --again
    assert write_bundle(centre, tmp_path / "usb3", again=True) is None


def test_stranger_and_wrong_hub_are_refused(make_inst, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    centre, hub = offline_pair(make_inst, tmp_path)
    stranger = make_inst("stranger")
    stranger.learners.add("Stranger Person")
    path = write_bundle(stranger, tmp_path / "s")
    assert path is not None
    with pytest.raises(NotEnrolled):
        import_bundle(hub, path)
    assert hub.log.count() == 0
    # a hub whose key does not match the centre's code is not trusted by the centre
    other_hub = make_inst("other-hub")
    SyncState(other_hub.store).become_hub()
    centre.learners.add("A")
    enrol_other = start_offline  # the other hub gets this centre through its own code
    code = issue_code(SyncState(other_hub.store), other_hub.identity)
    rogue = make_inst("rogue-centre")
    enrol_other(SyncState(rogue.store), code)
    import_bundle(other_hub, write_bundle(rogue, tmp_path / "r"))  # type: ignore[arg-type]
    other_hub.log.append("contrib.published", {"t": "x"}, scope=COMMUNITY)
    SyncState(other_hub.store).trust(centre.device_id, centre.identity.public_key_b64, "centre")
    for p in export_all(other_hub, tmp_path / "o", dest=centre.device_id):
        with pytest.raises(NotEnrolled):
            import_bundle(centre, p)
    assert not any(ev.scope == COMMUNITY for ev in centre.log.events())


def test_every_damaged_byte_is_refused(make_inst, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    centre, hub = offline_pair(make_inst, tmp_path)
    for i in range(30):
        centre.learners.add(f"Learner {i}")
    path = write_bundle(centre, tmp_path / "usb")
    assert path is not None
    data = path.read_bytes()
    rng = random.Random(4)
    spots = sorted({0, 5, 12, 20, len(data) // 3, len(data) // 2, len(data) - 1, *rng.sample(range(len(data)), 25)})
    bad = tmp_path / "bad" / path.name
    bad.parent.mkdir()
    for pos in spots:
        b = bytearray(data)
        b[pos] ^= 0x55
        bad.write_bytes(bytes(b))
        with pytest.raises((SyncError, AuthError)):
            import_bundle(hub, bad)
    for cut in (0, 8, 20, len(data) // 2, len(data) - 1):
        bad.write_bytes(data[:cut])
        with pytest.raises(SyncError):
            import_bundle(hub, bad)
    assert hub.log.count() == 0
    assert import_bundle(hub, path).applied == 30


def test_a_used_or_expired_code_does_not_enrol(make_inst, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    hub = make_inst("hub")
    code = issue_code(SyncState(hub.store), hub.identity)
    a, b = make_inst("a"), make_inst("b")
    for inst in (a, b):
        start_offline(SyncState(inst.store), code)
        inst.learners.add(f"From {inst.device_id}")
    import_bundle(hub, write_bundle(a, tmp_path / "a"))  # type: ignore[arg-type]
    with pytest.raises(EnrolmentError):
        import_bundle(hub, write_bundle(b, tmp_path / "b"))  # type: ignore[arg-type]
    assert len(hub.learners.all()) == 1
    expired = issue_code(SyncState(hub.store), hub.identity, valid_hours=-1)
    c = make_inst("c")
    start_offline(SyncState(c.store), expired)
    c.learners.add("Late")
    with pytest.raises(EnrolmentError, match="expired"):
        import_bundle(hub, write_bundle(c, tmp_path / "c"))  # type: ignore[arg-type]
    with pytest.raises(EnrolmentError):
        normalise("not a code")


def test_group_events_follow_membership(make_inst, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    centre, hub = offline_pair(make_inst, tmp_path)
    other = make_inst("other")
    code = issue_code(SyncState(hub.store), hub.identity)
    start_offline(SyncState(other.store), code)
    kofi = other.learners.add("Kofi")
    g1, code = other.groups.create("g1", kofi)
    g2, _ = other.groups.create("g2", kofi)
    other.log.append("note.edit", {"t": "ours"}, scope=g1.scope)
    other.log.append("note.edit", {"t": "theirs"}, scope=g2.scope)
    import_bundle(hub, write_bundle(other, tmp_path / "o"))  # type: ignore[arg-type]
    centre.groups.join(code, centre.learners.add("Amina"))
    import_bundle(hub, write_bundle(centre, tmp_path / "c"))  # type: ignore[arg-type]
    for p in export_all(hub, tmp_path / "back", dest=centre.device_id):
        import_bundle(centre, p)
    texts = {ev.payload.get("t") for ev in centre.log.events() if ev.kind == "note.edit"}
    assert texts == {"ours"}


def test_codec_round_trips_and_rejects_garbage(make_inst) -> None:  # type: ignore[no-untyped-def]
    a = make_inst("a")
    a.learners.add("Amina")
    a.log.append("odd", {"nested": {"x": [1, 2.5, None, True]}, "é": "ü"}, scope=COMMUNITY, learner_id="l1")
    a.log.append("empty", {})
    odd = Event("z" * 16, 3, "centre", 1, "0000000000001-0000-another-device", "k", {"a": 1}, None)
    events = [*a.log.events(), odd]
    assert codec.decode(codec.encode(events)) == events
    unreadable = Event("z" * 16, 3, "centre", 1, "not-a-normal-stamp", "k", {"a": 1}, None)
    with pytest.raises(codec.CodecError):
        codec.decode(codec.encode([*a.log.events(), unreadable]))
    raw = codec.encode(events)
    for junk in (b"", b"{}", b"[1]", raw[: len(raw) // 2], raw.replace(b'"n":', b'"n":9', 1)):
        with pytest.raises(codec.CodecError):
            codec.decode(junk)
