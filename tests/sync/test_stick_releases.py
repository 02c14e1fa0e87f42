"""A new HubDesk travels like a pack: published at the hub, carried on the stick as an artifact the hub's
signed bundle names, checked again against the release key at the centre, then ready to install."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from hubdesk import __version__
from hubdesk.core.installation import Installation
from hubdesk.core.packs import keygen
from hubdesk.core.releases import Updates, trusted_release_keys
from hubdesk.errors import UpdateError
from hubdesk.hub import releases
from hubdesk.hub.stick import carry
from hubdesk.sync.artifacts import FOLDER
from hubdesk.sync.bundle import bundle_paths, export_all, import_bundle
from hubdesk.sync.carried import install_carried
from hubdesk.sync.enrolment import issue_code, start_offline
from hubdesk.sync.http import sync_now
from hubdesk.sync.state import SyncState
from tests.core.release_util import release, trusted_key
from tests.sync.helpers import enrol, running_hub


@pytest.fixture
def pair(make_inst):  # type: ignore[no-untyped-def]
    hub, centre = make_inst("hub"), make_inst("centre")
    SyncState(hub.store).become_hub()
    start_offline(SyncState(centre.store), issue_code(SyncState(hub.store), hub.identity))
    return hub, centre


def _round(hub: Installation, centre: Installation, stick: Path, max_bytes: int | None = None) -> list[str]:
    export_all(centre, stick / "up")
    for p in bundle_paths(stick / "up"):
        import_bundle(hub, p)
    plan = carry(hub, stick / "down", [centre.device_id], max_bytes)
    export_all(hub, stick / "down", dest=centre.device_id, offers=plan.offers)
    offers = [(p.parent, r.offer) for p in bundle_paths(stick / "down") if (r := import_bundle(centre, p)).offer]
    return install_carried(centre, offers).lines()


def test_a_published_release_reaches_a_usb_only_centre_ready_to_install(
    pair, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    hub, centre = pair
    key = trusted_key(tmp_path, monkeypatch)
    held = releases.publish_release(hub, release(tmp_path, key, "99.0.0"))
    assert [h.version for h in releases.newest(hub)] == ["99.0.0"]
    lines = _round(hub, centre, tmp_path / "stick")
    assert [line for line in lines if line.startswith("HubDesk 99.0.0 is ready to install")], lines
    assert not any("course update" in line for line in lines), "a HubDesk release is not a course"
    assert (tmp_path / "stick" / "down" / FOLDER / f"{held.sha256}.hubrelease").is_file()
    ready = Updates(centre.dirs.root, __version__, trusted_release_keys()).ready()
    assert ready is not None and ready.version == "99.0.0"
    # the next stick carries it again (the hub does not know what each centre runs): nothing new to say
    (again,) = _round(hub, centre, tmp_path / "stick")
    assert again.startswith("HubDesk 99.0.0 is ready to install")


def test_a_release_altered_on_the_stick_is_not_kept(pair, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    hub, centre = pair
    held = releases.publish_release(hub, release(tmp_path, trusted_key(tmp_path, monkeypatch), "99.0.0"))
    stick = tmp_path / "stick"
    export_all(centre, stick / "up")  # the centre's enrolment reaches the hub first
    for p in bundle_paths(stick / "up"):
        import_bundle(hub, p)
    plan = carry(hub, stick / "down", [centre.device_id])
    export_all(hub, stick / "down", dest=centre.device_id, offers=plan.offers)
    on_stick = stick / "down" / FOLDER / f"{held.sha256}.hubrelease"
    data = bytearray(on_stick.read_bytes())
    data[-100] ^= 0xFF
    on_stick.write_bytes(bytes(data))
    offers = [(p.parent, r.offer) for p in bundle_paths(stick / "down") if (r := import_bundle(centre, p)).offer]
    lines = install_carried(centre, offers).lines()
    assert any("damaged or altered" in line for line in lines)
    assert Updates(centre.dirs.root, __version__, trusted_release_keys()).ready() is None


def test_the_hub_refuses_a_release_not_signed_by_the_release_key(
    pair, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    hub, _ = pair
    trusted_key(tmp_path, monkeypatch)
    stranger, _ = keygen(tmp_path / "stranger.key")
    with pytest.raises(UpdateError, match="does not trust"):
        releases.publish_release(hub, release(tmp_path, stranger, "99.0.0"))
    assert releases.newest(hub) == []


def test_a_release_that_does_not_fit_waits_and_courses_go_first(
    pair, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    hub, centre = pair
    releases.publish_release(hub, release(tmp_path, trusted_key(tmp_path, monkeypatch), "99.0.0"))
    assert _round(hub, centre, tmp_path / "stick", max_bytes=10) == []
    assert not (tmp_path / "stick" / "down" / FOLDER).exists()


def test_a_release_travels_over_http_and_a_stranger_key_is_said_not_kept(
    make_inst, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    hub, centre = make_inst("hub"), make_inst("centre")
    SyncState(hub.store).become_hub()
    key = trusted_key(tmp_path, monkeypatch)
    releases.publish_release(hub, release(tmp_path, key, "99.0.0"))
    with running_hub(hub) as (url, _):
        enrol(centre, hub, url)
        report = sync_now(centre)
        assert "HubDesk 99.0.0 is ready to install" in report.describe()
        assert sync_now(centre).release_ready is None, "a release already waiting is not downloaded again"
        # the hub's copy replaced by one a stranger signed (same name): the centre says so and keeps nothing new
        stranger, stranger_pub = keygen(tmp_path / "stranger.key")
        monkeypatch.setenv("HUBDESK_RELEASE_KEYS", f"{tmp_path / 'release.key.pub'}{os.pathsep}{stranger_pub}")
        (tmp_path / "s").mkdir()
        releases.publish_release(hub, release(tmp_path / "s", stranger, "99.1.0"))
        monkeypatch.setenv("HUBDESK_RELEASE_KEYS", str(tmp_path / "release.key.pub"))
        later = sync_now(centre)
        assert later.release_ready is None and "does not trust" in (later.release_error or "")
    ready = Updates(centre.dirs.root, __version__, trusted_release_keys()).ready()
    assert ready is not None and ready.version == "99.0.0"
    assert not list((centre.dirs.sync / "downloads").glob("*.hubrelease"))
