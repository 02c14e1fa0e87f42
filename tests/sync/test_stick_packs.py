"""Packs on the sync stick: a USB-only centre gets what the hub published, as a delta when it can."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from hubdesk.cli import main
from hubdesk.core.installation import Installation
from hubdesk.core.packs import build_pack
from hubdesk.hub import published
from hubdesk.hub.stick import carry
from hubdesk.sync.artifacts import FOLDER
from hubdesk.sync.bundle import bundle_paths, export_all, import_bundle
from hubdesk.sync.carried import install_carried, waiting
from hubdesk.sync.enrolment import issue_code, start_offline
from hubdesk.sync.http import sync_now
from hubdesk.sync.state import SyncState
from tests.core.packs_util import make_source
from tests.sync.helpers import enrol, running_hub


def _build(tmp: Path, version: str, *, pack_id: str = "demo", extra: str = "") -> Path:
    src = make_source(tmp / f"src-{pack_id}-{version}", version=version, pack_id=pack_id)
    # a figure that does not change between versions and weighs more than the lessons (as media do)
    noise = "".join(hashlib.sha256(str(i).encode()).hexdigest() for i in range(1500))
    (src / "lessons" / "fig" / "folder.svg").write_text(f'<svg xmlns="http://www.w3.org/2000/svg"><!--{noise}--></svg>')
    if extra:
        with open(src / "lessons" / "02-files.md", "a") as fh:
            fh.write(extra)
    out = tmp / f"{pack_id}-{version}.hubpack"
    build_pack(src, out)
    return out


def _tree(inst: Installation, pack_id: str) -> dict[str, str]:
    root = inst.packs.pack_root(pack_id)
    return {
        p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def _stick_round(hub: Installation, centre: Installation, stick: Path, max_bytes: int | None = None) -> list[str]:
    """One stick: the centre's bundles to the hub, then the hub's bundles (and packs) back."""
    up = stick / "up"
    export_all(centre, up)
    for p in bundle_paths(up):
        import_bundle(hub, p)
    down = stick / "down"
    plan = carry(hub, down, [centre.device_id], max_bytes)
    export_all(hub, down, dest=centre.device_id, offers=plan.offers)
    offers = [(p.parent, r.offer) for p in bundle_paths(down) if (r := import_bundle(centre, p)).offer]
    return install_carried(centre, offers).lines()


@pytest.fixture
def pair(make_inst):  # type: ignore[no-untyped-def]
    hub, centre = make_inst("hub"), make_inst("centre")
    SyncState(hub.store).become_hub()
    start_offline(SyncState(centre.store), issue_code(SyncState(hub.store), hub.identity))
    return hub, centre


def test_a_new_version_travels_as_a_delta_and_installs_like_the_whole_pack(pair, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    hub, centre = pair
    v1 = _build(tmp_path, "1.0.0")
    v2 = _build(tmp_path, "1.1.0", extra="\nA paragraph added in 1.1.0.\n")
    published.publish(hub, v1)
    centre.packs.install(v1)
    learner = centre.learners.add("Amina")
    centre.progress.finish_lesson(learner.id, "demo", "files")
    item = published.publish(hub, v2)
    lines = _stick_round(hub, centre, tmp_path / "stick1")
    assert lines[0].startswith("1 course update installed from the stick: Demo pack 1.1.0")
    assert centre.packs.get("demo").version == "1.1.0"
    assert "added in 1.1.0" in centre.packs.read_lesson("demo", "files")
    carried = list((tmp_path / "stick1" / "down" / FOLDER).iterdir())
    assert [p.suffix for p in carried] == [".hubdelta"] and carried[0].stat().st_size < item.size / 10
    # byte for byte what a whole install of 1.1.0 gives, and the learner's progress is still there
    full = Installation(tmp_path / "full")
    try:
        full.packs.install(v2)
        assert _tree(centre, "demo") == _tree(full, "demo")
    finally:
        full.close()
    assert centre.progress.is_finished(learner.id, "demo", "files")
    # the centre reports 1.1.0 with its next bundle: the hub then sends nothing more
    assert _stick_round(hub, centre, tmp_path / "stick2") == []
    assert not (tmp_path / "stick2" / "down" / FOLDER).exists()


def test_budget_newest_and_smallest_first_the_rest_waits(pair, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    hub, centre = pair
    big = _build(tmp_path, "1.0.0", pack_id="big", extra="x" * 200_000)
    small = _build(tmp_path, "1.0.0", pack_id="small")
    older = _build(tmp_path, "1.0.0", pack_id="older")
    for p in (older, big, small):
        published.publish(hub, p)
    size_small, size_older = small.stat().st_size, older.stat().st_size
    lines = _stick_round(hub, centre, tmp_path / "s1", max_bytes=size_small + size_older - 1)
    assert [p.id for p in centre.packs.list()] == ["small"]  # newest that fits; the older one no longer fits
    assert lines[0].startswith("1 course update installed from the stick")
    assert "2 course updates waiting at the hub" in lines[-1]
    assert sorted(w["id"] for w in waiting(centre)) == ["big", "older"]
    lines = _stick_round(hub, centre, tmp_path / "s2")  # the default: as much as fits on the stick
    assert lines == ["2 course updates installed from the stick: Demo pack 1.0.0, Demo pack 1.0.0."]
    assert waiting(centre) == [] and len(centre.packs.list()) == 3


def test_only_files_the_hubs_signed_bundle_names_are_installed(pair, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    hub, centre = pair
    v1 = _build(tmp_path, "1.0.0")
    published.publish(hub, v1)
    stick = tmp_path / "stick"
    down = stick / "down"
    export_all(centre, stick / "up")
    for p in bundle_paths(stick / "up"):
        import_bundle(hub, p)
    plan = carry(hub, down, [centre.device_id])
    export_all(hub, down, dest=centre.device_id, offers=plan.offers)
    art = next((down / FOLDER).iterdir())
    data = bytearray(art.read_bytes())
    data[len(data) // 2] ^= 1
    art.write_bytes(bytes(data))
    stranger = _build(tmp_path, "1.0.0", pack_id="stranger")
    (down / FOLDER / (hashlib.sha256(stranger.read_bytes()).hexdigest() + ".hubpack")).write_bytes(
        stranger.read_bytes()
    )
    offers = [(p.parent, r.offer) for p in bundle_paths(down) if (r := import_bundle(centre, p)).offer]
    lines = install_carried(centre, offers).lines()
    assert centre.packs.list() == []
    assert lines == [
        f"Not installed from the stick: Demo pack 1.0.0: {art.name} on the stick is damaged or altered "
        "(it does not match the hub's hash)."
    ]


def test_a_delta_over_another_base_is_refused_and_changes_nothing(make_inst, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from hubdesk.core.packs import make_delta
    from hubdesk.errors import PackError

    centre = make_inst("c")
    v1 = _build(tmp_path, "1.0.0")
    v1b = _build(tmp_path / "b", "1.0.0", extra="\nrebuilt\n")
    v2 = _build(tmp_path, "2.0.0", extra="\nA paragraph added in 2.0.0.\n")
    delta = tmp_path / "d.hubdelta"
    make_delta(v1, v2, delta)
    with pytest.raises(PackError, match="this computer has no version"):
        centre.packs.install(delta)
    centre.packs.install(v1b)
    before = _tree(centre, "demo")
    with pytest.raises(PackError, match=r"another build of demo 1\.0\.0"):
        centre.packs.install(delta)
    assert _tree(centre, "demo") == before and centre.packs.get("demo").version == "1.0.0"


def test_sync_now_fetches_the_delta_over_http(make_inst, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    centre, hub = make_inst("centre"), make_inst("hub")
    v1 = _build(tmp_path, "1.0.0")
    v2 = _build(tmp_path, "1.1.0", extra="\nA paragraph added in 1.1.0.\n")
    published.publish(hub, v1)
    with running_hub(hub) as (url, _):
        enrol(centre, hub, url)
        assert sync_now(centre).packs == ["Demo pack 1.0.0"]
        published.publish(hub, v2)
        report = sync_now(centre)
    assert len(report.packs) == 1 and report.packs[0].startswith("Demo pack 1.1.0 (update of ")
    assert "added in 1.1.0" in centre.packs.read_lesson("demo", "files")


def test_the_commands_say_what_the_stick_carried(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    def run(data: Path, *args: str) -> tuple[int, str]:
        rc = main(["--data-dir", str(data), *args])
        out = capsys.readouterr()
        return rc, out.out + out.err

    hub, centre = tmp_path / "hub", tmp_path / "centre"
    packs = [_build(tmp_path, "1.0.0", pack_id=n) for n in ("alpha", "beta")]
    code = run(hub, "hub", "enrol-code")[1].strip().splitlines()[-1]
    assert run(centre, "sync", "enrol", code)[0] == 0
    assert run(centre, "sync", "export", "--to", str(tmp_path / "up"))[0] == 0
    assert run(hub, "sync", "import", str(tmp_path / "up"))[0] == 0
    for p in packs:
        assert run(hub, "hub", "publish", str(p), "--allow-unsigned")[0] == 0
    rc, out = run(hub, "sync", "export", "--to", str(tmp_path / "none"), "--max-bytes", "0")
    assert rc == 0 and "2 waiting at the hub" in out
    rc, out = run(centre, "sync", "import", str(tmp_path / "none"))
    assert rc == 0 and "2 course updates waiting at the hub" in out
    status = json.loads(run(centre, "sync", "status", "--json")[1])
    assert sorted(w["id"] for w in status["packs_waiting"]) == ["alpha", "beta"]
    rc, out = run(hub, "sync", "export", "--to", str(tmp_path / "down"), "--max-bytes", "50M")
    assert rc == 0 and "2 course pack(s) on the stick" in out
    rc, out = run(centre, "sync", "import", str(tmp_path / "down"))
    assert rc == 0 and "2 course updates installed from the stick" in out and "Traceback" not in out
    with pytest.raises(SystemExit) as stop:
        run(hub, "sync", "export", "--to", str(tmp_path / "x"), "--max-bytes", "lots")
    assert stop.value.code == 2 and "'lots' is not a size such as 500M" in capsys.readouterr().err


def test_a_delta_over_a_damaged_base_file_is_refused(make_inst, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from hubdesk.core.packs import make_delta
    from hubdesk.errors import PackError

    centre = make_inst("c")
    v1 = _build(tmp_path, "1.0.0")
    v2 = _build(tmp_path, "2.0.0", extra="\nA paragraph added in 2.0.0.\n")
    make_delta(v1, v2, tmp_path / "d.hubdelta")
    centre.packs.install(v1)
    figure = centre.packs.pack_root("demo") / "lessons" / "fig" / "folder.svg"
    figure.write_bytes(figure.read_bytes().replace(b"<svg", b"<SVG"))  # bit rot in the installed copy
    with pytest.raises(PackError, match="is damaged; install the whole pack instead"):
        centre.packs.install(tmp_path / "d.hubdelta")
    assert centre.packs.get("demo").version == "1.0.0"
