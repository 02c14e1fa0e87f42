"""The packs each centre installed reach the hub as events: ``pack list`` on the hub answers across centres."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from hubdesk.cli import main
from hubdesk.core.centre_packs import INSTALLED, REMOVED
from hubdesk.core.installation import Installation
from hubdesk.core.packs import build_pack
from hubdesk.core.packs._install import CRASH_ENV
from hubdesk.sync.http import sync_now
from tests.core.packs_util import make_source
from tests.sync.helpers import enrol, running_hub


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    tmp = tmp_path_factory.mktemp("centre-packs")
    wanted = (("demo1", "demo", "1.0.0"), ("demo2", "demo", "1.1.0"), ("other", "other", "2.0"))
    return {
        name: build_pack(make_source(tmp / name, pack_id=pack_id, version=version), tmp / f"{name}.hubpack").path
        for name, pack_id, version in wanted
    }


def cli_json(capsys: pytest.CaptureFixture[str], data: Path, *args: str) -> object:
    capsys.readouterr()
    assert main(["--data-dir", str(data), *args, "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def pack_events(inst: Installation) -> list[tuple[str, str]]:
    return [(e.kind, e.payload["id"]) for e in inst.log.events() if e.kind in (INSTALLED, REMOVED)]


def table(inst: Installation) -> list[tuple[object, ...]]:
    return [tuple(r) for r in inst.store.query("SELECT * FROM centre_packs ORDER BY device_id, pack_id")]


def test_the_hub_lists_the_packs_of_each_centre(
    make_inst, tmp_path: Path, built: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:  # type: ignore[no-untyped-def]
    centre, hub = make_inst("centre"), make_inst("hub")
    centre.packs.install(built["demo1"])
    centre.packs.install(built["other"])
    centre.packs.install(built["demo2"])  # an upgrade
    centre.packs.remove("other")
    assert pack_events(centre) == [(INSTALLED, "demo"), (INSTALLED, "other"), (INSTALLED, "demo"), (REMOVED, "other")]
    hub.packs.install(built["other"])  # the hub has a pack no centre has any more
    with running_hub(hub) as (url, _):
        enrol(centre, hub, url)
        report = sync_now(centre, packs=False)
    assert report.pushed == 4

    listed = cli_json(capsys, tmp_path / "hub", "pack", "list")
    assert isinstance(listed, list)
    by_id = {p["id"]: p for p in listed}
    assert set(by_id) == {"demo", "other"}
    demo, other = by_id["demo"], by_id["other"]
    assert (demo["installed_here"], demo["version"], demo["lesson_count"]) == (False, "1.1.0", 2)
    assert demo["centres"] == [
        {"device_id": centre.device_id, "version": "1.1.0", "title": "Demo pack", "language": "en", "lessons": 2}
    ]
    assert (other["installed_here"], other["centres"], len(other["lessons"])) == (True, [], 2)
    centres = cli_json(capsys, tmp_path / "hub", "hub", "centres")
    assert [(c["id"], c["packs"]) for c in centres] == [(centre.device_id, 1)]  # type: ignore[union-attr]

    capsys.readouterr()
    assert main(["--data-dir", str(tmp_path / "hub"), "pack", "list"]) == 0
    text = capsys.readouterr().out
    assert f"centre {centre.device_id}: 1.1.0" in text and "not installed here" in text

    # a centre's own list keeps its plain shape: its packs only, no hub fields
    mine = cli_json(capsys, tmp_path / "centre", "pack", "list")
    assert [(p["id"], p["version"], "centres" in p) for p in mine] == [("demo", "1.1.0", False)]  # type: ignore[union-attr]


def test_applied_twice_or_out_of_order_gives_the_same_table(make_inst, built: dict[str, Path]) -> None:  # type: ignore[no-untyped-def]
    a, b = make_inst("a"), make_inst("b")
    for inst in (a, b):
        inst.packs.install(built["demo1"])
        inst.packs.install(built["other"])
    a.packs.install(built["demo2"])
    a.packs.remove("other")
    b.packs.remove("demo")
    events = [e for inst in (a, b) for e in inst.log.events() if e.kind in (INSTALLED, REMOVED)]
    replicas = [make_inst(f"r{i}") for i in range(4)]
    rng = random.Random(4)
    for replica in replicas:
        batch = events + rng.sample(events, 3)  # duplicates too
        rng.shuffle(batch)
        for i in range(0, len(batch), 2):  # several deliveries
            replica.log.apply(batch[i : i + 2])
    expected = table(replicas[0])
    assert all(table(r) == expected for r in replicas[1:])
    got = {(r[0], r[1]): (r[2], r[-1]) for r in expected}
    assert got == {
        (a.device_id, "demo"): ("1.1.0", 0),
        (a.device_id, "other"): ("", 1),
        (b.device_id, "demo"): ("", 1),
        (b.device_id, "other"): ("2.0", 0),
    }
    installed = [(c.device_id, c.pack_id) for c in replicas[0].centre_packs.installed()]
    assert sorted(installed) == sorted([(a.device_id, "demo"), (b.device_id, "other")])


SCRIPT = (
    "import sys\nfrom hubdesk.core.installation import Installation\n"
    "Installation(sys.argv[1]).packs.install(sys.argv[2])\n"
)


def test_a_crash_between_install_and_event_is_reconciled_on_next_open(tmp_path: Path, built: dict[str, Path]) -> None:
    data = tmp_path / "data"
    env = {**os.environ, CRASH_ENV: "committed"}  # dies after the library's commit, before its listener runs
    proc = subprocess.run([sys.executable, "-c", SCRIPT, str(data), str(built["demo1"])], env=env, check=False)
    assert proc.returncode == -signal.SIGKILL
    with Installation(data) as inst:
        assert inst.store.query("SELECT id FROM packs")[0][0] == "demo"  # installed...
        assert pack_events(inst) == []  # ...but never reported
        assert [p.id for p in inst.packs.list()] == ["demo"]  # opening the library reconciles
        assert pack_events(inst) == [(INSTALLED, "demo")]
        assert inst.centre_packs.reconcile() == []
        # a removal whose event was lost the same way (the row gone, the process dead)
        with inst.store.transaction() as conn:
            conn.execute("DELETE FROM packs WHERE id = 'demo'")
    with Installation(data) as inst:
        assert inst.packs.list() == []
        assert pack_events(inst) == [(INSTALLED, "demo"), (REMOVED, "demo")]
    with Installation(data) as inst:
        inst.packs.install(built["demo1"])
        assert pack_events(inst)[-1] == (INSTALLED, "demo") and len(pack_events(inst)) == 3
