"""The app keeps writing while sync imports a large batch: no "database is locked", no lost write.

Two writers at once: the app in another process (its own connection, as the real app and a CLI
import would be) and a thread of the importing process itself; the import applies in chunked
transactions, so neither waits long.
"""

from __future__ import annotations

import random
import subprocess
import sys
import threading
from pathlib import Path

from benchmarks._sync_data import activity, learners, next_numbers
from hubdesk.core.installation import Installation
from hubdesk.sync.bundle import export_all, import_bundle
from hubdesk.sync.enrolment import issue_code, start_offline
from hubdesk.sync.state import SyncState

APP = """
import sys
from hubdesk.core.installation import Installation
inst = Installation(sys.argv[1])
print("ready", flush=True)
sys.stdin.readline()
for i in range(150):
    inst.log.append("lesson.opened", {"pack": "p", "lesson": f"app-{i}"}, learner_id="app-learner")
inst.close()
print("done", flush=True)
"""


def test_app_writes_while_a_big_bundle_imports(tmp_path: Path) -> None:
    rng = random.Random(5)
    centre = Installation(tmp_path / "centre")
    hub = Installation(tmp_path / "hub")
    start_offline(SyncState(centre.store), issue_code(SyncState(hub.store), hub.identity))
    ids = learners(centre, 30, rng)
    seq, ss = next_numbers(centre)
    gen = activity(centre.device_id, ids, days=1000, start_seq=seq, start_scope_seq=ss, rng=rng)
    centre.log.apply([next(gen) for _ in range(30_000)])
    paths = export_all(centre, tmp_path / "usb")
    expected = centre.log.count()
    centre.close()

    app = subprocess.Popen(
        [sys.executable, "-c", APP, str(tmp_path / "hub")],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert app.stdout is not None and app.stdin is not None
    assert app.stdout.readline().strip() == "ready"
    errors: list[BaseException] = []

    def same_process_writer() -> None:
        try:
            for i in range(150):
                hub.log.append("time.spent", {"pack": "p", "lesson": f"t-{i}", "seconds": 1.0}, learner_id="x")
        except BaseException as exc:
            errors.append(exc)

    writer = threading.Thread(target=same_process_writer)
    app.stdin.write("go\n")
    app.stdin.flush()
    writer.start()
    applied = sum(import_bundle(hub, p).applied for p in paths)
    writer.join(60)
    out, err = app.communicate(timeout=120)
    assert app.returncode == 0, err
    assert "done" in out and "locked" not in err
    assert not errors
    assert applied == expected
    own = hub.store.query("SELECT COUNT(*) FROM events WHERE device_id = ?", (hub.device_id,))[0][0]
    assert own == 300  # every write of both writers is there
    assert hub.log.count() == expected + 300
    seqs = [r[0] for r in hub.store.query("SELECT seq FROM events WHERE device_id = ? ORDER BY seq", (hub.device_id,))]
    assert seqs == list(range(1, 301))
    hub.close()
