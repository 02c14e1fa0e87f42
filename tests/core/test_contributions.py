"""Contributions: written, submitted, asked for changes, resubmitted, approved; the community pack."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from hubdesk.core.contributions import (
    APPROVED,
    CHANGES_ASKED,
    DECLINED,
    DRAFT,
    SUBMITTED,
    WITHDRAWN,
    Content,
    ContributionError,
    _manager,
    community_pack_id,
)
from hubdesk.core.events import CENTRE, Event
from hubdesk.core.installation import Installation
from hubdesk.core.learners import Learner
from tests.core.reports_util import make_course

TIP = Content("tip", "money", "market", title="Bargaining", body="At Gikomba, ask for the price **twice**.")


def _centre(inst: Installation, tmp_path: Path) -> tuple[Learner, Learner, Learner]:
    pack = tmp_path / "money.hubpack"
    if not pack.exists():
        make_course(tmp_path / "src", pack)
    inst.packs.install(pack)
    amina = inst.learners.add("Amina")
    kofi = inst.learners.add("Kofi")
    grace = inst.learners.add("Grace", role="facilitator", password="s3cret-pass")
    return amina, kofi, grace


def _manifest(inst: Installation, pack_id: str) -> bytes:
    return (inst.packs.pack_root(pack_id) / "manifest.json").read_bytes()


def test_write_submit_change_resubmit_approve(inst: Installation, tmp_path: Path) -> None:
    amina, _kofi, grace = _centre(inst, tmp_path)
    c = inst.contributions
    draft = c.save_draft(amina, TIP)
    assert draft.state == DRAFT
    assert inst.log.events("contribution.saved")[0].scope == "site"  # a draft never leaves the centre's PCs
    with pytest.raises(ContributionError, match=r"CC BY-SA 4\.0"):
        c.submit(amina, TIP, draft.id, licence_accepted=False)
    assert c.submit(amina, TIP, draft.id, licence_accepted=True).state == SUBMITTED
    assert [x.id for x in c.queue()] == [draft.id]
    asked = c.ask_changes(grace, draft.id, "Say which market.")
    assert (asked.state, asked.comment) == (CHANGES_ASKED, "Say which market.")
    better = Content("tip", "money", "market", title="Bargaining", body="At Gikomba market, ask for the price twice.")
    assert c.submit(amina, better, draft.id, licence_accepted=True).state == SUBMITTED
    done = c.approve(grace, draft.id)
    assert done.state == APPROVED and done.approved is not None and "Gikomba market" in done.approved.body
    pack_id = community_pack_id(inst.centre_id(), "en")
    pack = inst.packs.get(pack_id)
    assert pack.licence == "CC-BY-SA-4.0" and pack.version == "1.1"
    assert pack.signed_by == inst.centre.public_key_b64 and pack.verified  # signed, by this centre's key
    [lesson] = pack.lessons
    assert lesson.title == "From learners: At the market"
    html = inst.packs.render_lesson(pack_id, lesson.id).html
    assert "Gikomba market" in html and "By Amina" in html
    with pytest.raises(ContributionError, match="nothing to decide"):
        c.decline(grace, draft.id, "Too late")


def test_nobody_speaks_for_another(inst: Installation, tmp_path: Path) -> None:
    amina, kofi, _grace = _centre(inst, tmp_path)
    c = inst.contributions
    mine = c.submit(amina, TIP, licence_accepted=True)
    with pytest.raises(ContributionError, match="your own"):
        c.submit(kofi, TIP, mine.id, licence_accepted=True)
    with pytest.raises(ContributionError, match="Only a facilitator"):
        c.approve(kofi, mine.id)
    # forged events (another PC, an old or hostile HubDesk) change nothing either
    forged = [
        Event("pc-x", 1, CENTRE, 1, inst.log.clock.now(), "contribution.withdrawn", {"id": mine.id}, kofi.id),
        Event("pc-x", 2, CENTRE, 2, inst.log.clock.now(), "contribution.approved", {"id": mine.id}, kofi.id),
    ]
    inst.log.apply(forged)
    assert c.get(mine.id).state == SUBMITTED


def test_limits_and_daily_cap(inst: Installation, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    amina, _kofi, _grace = _centre(inst, tmp_path)
    c = inst.contributions
    with pytest.raises(ContributionError, match="at most 20,000"):
        c.submit(amina, Content("tip", "money", "market", body="x" * 20_001), licence_accepted=True)
    with pytest.raises(ContributionError, match="nothing written"):
        c.submit(amina, Content("tip", "money", "market", body="  "), licence_accepted=True)
    with pytest.raises(ContributionError, match="needs a list of at least two choices"):
        c.submit(
            amina,
            Content("question", "money", "counting", question={"type": "single", "prompt": "?"}),
            licence_accepted=True,
        )
    monkeypatch.setattr(_manager, "DAILY_LIMIT", 2)
    c.submit(amina, TIP, licence_accepted=True)
    c.submit(amina, TIP, licence_accepted=True)
    with pytest.raises(ContributionError, match="tomorrow"):
        c.submit(amina, TIP, licence_accepted=True)
    assert len(c.mine(amina.id)) == 2


def test_two_pcs_build_the_same_pack_and_a_withdrawal_leaves_it(
    make_inst: Callable[[str], Installation], tmp_path: Path
) -> None:
    a, b = make_inst("pc-a"), make_inst("pc-b")
    a.centre.create("Kibera Youth Centre")  # two PCs of one centre: B holds the centre's id and key
    b.centre.adopt(a.centre.id, a.centre.secret_material()["key"])
    amina, kofi, grace = _centre(a, tmp_path)
    b.packs.install(tmp_path / "money.hubpack")
    b.log.apply(a.log.events())  # the profiles reach PC B
    question = Content(
        "question", "money", "counting", question={"type": "number", "prompt": "Two 50s make?", "answer": 100}
    )
    one = a.contributions.submit(amina, TIP, licence_accepted=True)
    two = a.contributions.submit(kofi, question, licence_accepted=True)
    a.contributions.approve(grace, one.id)  # on PC A
    b.log.apply(a.log.events())
    b.contributions.approve(b.learners.get(grace.id), two.id)  # on PC B, while apart
    a.log.apply(b.log.events())
    b.log.apply(a.log.events())
    en = community_pack_id(a.centre_id(), "en")
    for inst in (a, b):
        assert inst.contributions.get(two.id).state == APPROVED
    # the same decisions give the very same pack on both PCs, each built and installed where it is
    assert _manifest(a, en) == _manifest(b, en)
    pack = a.packs.get(en)
    assert pack.version == "1.2" and len(pack.lessons) == 2
    assert a.packs.quiz(en, "money.counting.learners") is not None
    a.contributions.withdraw(amina, one.id)
    pack = a.packs.get(en)
    assert pack.version == "1.3" and [le.id for le in pack.lessons] == ["money.counting.learners"]
    assert a.contributions.get(one.id).state == WITHDRAWN


def test_translation_is_a_lesson_in_its_language(inst: Installation, tmp_path: Path) -> None:
    _amina, kofi, grace = _centre(inst, tmp_path)
    c = inst.contributions
    sw = Content(
        "translation",
        "money",
        "counting",
        title="Kuhesabu pesa",
        language="sw",
        paragraphs=(("Text about counting.", "Maandishi kuhusu kuhesabu shilingi na sarafu."),),
        attribution="centre",
    )
    item = c.submit(kofi, sw, licence_accepted=True)
    c.approve(grace, item.id)
    declined = c.submit(kofi, TIP, licence_accepted=True)
    assert c.decline(grace, declined.id, "Already in the lesson.").state == DECLINED
    pack = inst.packs.get(community_pack_id(inst.centre_id(), "sw"))
    assert pack.language == "sw" and pack.lessons[0].title == "Kuhesabu pesa"
    text = inst.packs.read_lesson(pack.id, pack.lessons[0].id)
    assert "a learner at" in text and "Kofi" not in text  # attribution to the centre, as asked
    found = inst.search.search("sarafu", language="sw")
    assert any(h.pack_id == pack.id for h in found.results)


def _png(width: int, height: int) -> bytes:
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    rows = b"".join(b"\x00" + b"\x80\x20\x20" * width for _ in range(height))
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")


def test_a_new_lesson_with_a_picture_and_the_limits_on_pictures(inst: Installation, tmp_path: Path) -> None:
    from hubdesk.core.contributions._pictures import encode

    amina, _kofi, grace = _centre(inst, tmp_path)
    c = inst.contributions
    picture = encode(_png(40, 30), 1)
    lesson = Content(
        "lesson", "money", None, title="Our market map", body="Here: ![the map](pic-1.png)", pictures=(picture,)
    )
    item = c.submit(amina, lesson, licence_accepted=True)
    c.approve(grace, item.id)
    pack_id = community_pack_id(inst.centre_id(), "en")
    [le] = inst.packs.get(pack_id).lessons
    html = inst.packs.render_lesson(pack_id, le.id).html
    assert 'src="lessons/img/' in html and "Our market map" in html
    assert (inst.packs.pack_root(pack_id) / "lessons" / "img" / f"{item.id.split('.')[1]}-pic-1.png").is_file()
    with pytest.raises(ContributionError, match="PNG or JPEG"):
        encode(b"GIF89a" + b"\x00" * 20, 2)
    with pytest.raises(ContributionError, match="at most 2400 pixels"):
        encode(_png(2500, 1), 2)
    with pytest.raises(ContributionError, match="at most 200 KB"):
        encode(b"\x89PNG" + b"\x00" * 200_001, 2)
    with pytest.raises(ContributionError, match="at most 3 pictures"):
        c.submit(
            amina, Content("lesson", None, None, title="T", body="b", pictures=(picture,) * 4), licence_accepted=True
        )
