"""The hub's figures and the operator's dashboard, over real HTTP on loopback.

A seeded hub: two centres that synced over HTTP, whose learners studied in weeks chosen so that
every figure below is counted by hand in the comments.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

from hubdesk.cli import main
from hubdesk.core.installation import Installation
from hubdesk.core.packs import build_pack, keygen
from hubdesk.hub import published, reports
from hubdesk.hub.operators import FAILS_PER_NAME, OperatorError, Operators
from hubdesk.sync.http import sync_now
from tests.conftest import CONTENT_PACKS
from tests.sync.helpers import enrol, running_hub

DL = "digital-literacy"
DAY_MS = 86_400_000


@dataclass
class Seeded:
    hub: Installation
    url: str
    week: int  # this week
    pack: Path


def _at(inst: Installation, week: int) -> None:
    """Make ``inst`` stamp its next events on the Wednesday of ``week``."""
    ms = (week * 7 - 3 + 2) * DAY_MS + 12 * 3600 * 1000
    inst.log.clock._now_ms = lambda: ms  # type: ignore[method-assign]


def _study(inst: Installation, who: str, lesson: str, finish: bool = False) -> None:
    inst.progress.open_lesson(who, DL, lesson)
    if finish:
        inst.progress.finish_lesson(who, DL, lesson)


@pytest.fixture
def seeded(make_inst, tmp_path: Path) -> Iterator[Seeded]:  # type: ignore[no-untyped-def]
    hub, a, b = make_inst("hub"), make_inst("centre-a"), make_inst("centre-b")
    pack = tmp_path / "dl.hubpack"
    build_pack(CONTENT_PACKS / DL, pack)
    published.publish(hub, pack)
    lessons = [le.id for le in hub.packs.get(DL).lessons]
    w = reports.this_week()
    _at(a, w - 3)
    _at(b, w - 3)
    a1, a2, a3 = (a.learners.add(n).id for n in ("Amina Diallo", "Kofi Mensah", "Esi Boateng"))
    b1, b2 = (b.learners.add(n).id for n in ("Abena Owusu", "Yaw Asante"))
    # week W-3: a1, a2 (centre A) and b1 (centre B) start
    _study(a, a1, lessons[0], finish=True)
    _study(a, a2, lessons[0])
    _study(b, b1, lessons[0], finish=True)
    # W-2: a1 and b1 come back, a3 starts
    _at(a, w - 2)
    _at(b, w - 2)
    _study(a, a1, lessons[1], finish=True)
    _study(a, a3, lessons[0])
    _study(b, b1, lessons[1])
    # W-1: a1 and a3 come back, b2 starts
    _at(a, w - 1)
    _at(b, w - 1)
    _study(a, a1, lessons[2])
    _study(a, a3, lessons[1])
    _study(b, b2, lessons[0])
    a.packs.install(pack)  # centre A reports it runs the pack
    with running_hub(hub) as (url, _):
        for centre in (a, b):
            enrol(centre, hub, url)
            sync_now(centre, packs=False)
        yield Seeded(hub, url, w, pack)


def test_figures_match_a_hand_count(seeded: Seeded) -> None:
    hub, w = seeded.hub, seeded.week
    assert [(c.week - w, c.learners) for c in reports.active_by_week(hub, 4)] == [(-3, 3), (-2, 3), (-1, 3), (0, 0)]
    (everyone,) = reports.retention(hub, "all", 3)
    sizes = [(c.week - w, c.size, c.active) for c in everyone.cohorts]
    # cohort W-3 (a1 a2 b1): a1 b1 in W-2, a1 in W-1, nobody this week; W-2 (a3); W-1 (b2)
    assert sizes == [(-3, 3, [3, 2, 1, 0]), (-2, 1, [1, 1, 0, None]), (-1, 1, [1, 0, None, None])]
    assert everyone.pooled(3) == [1.0, 3 / 5, 1 / 4, 0.0]
    by_centre = reports.retention(hub, "centre", 3)
    assert sorted(g.learners for g in by_centre) == [2, 3]
    by_course = reports.retention(hub, "course", 3)
    assert [(g.key, g.learners) for g in by_course] == [(DL, 5)]
    f = reports.funnel(hub, DL)
    assert f.started == 5
    assert [(s.reached, s.finished) for s in f.steps[:4]] == [(5, 2), (3, 1), (1, 0), (0, 0)]
    assert len(f.steps) == len(hub.packs.get(DL).lessons)
    assert reports.refresh(hub.store) == 0  # nothing new: counted once


def test_cli_reports(seeded: Seeded, capsys: pytest.CaptureFixture[str]) -> None:
    root = str(seeded.hub.dirs.root)
    assert main(["--data-dir", root, "hub", "report", "retention", "--by", "course", "--weeks", "3", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["groups"][0]["key"] == DL and data["groups"][0]["pooled"][1] == 0.6
    assert main(["--data-dir", root, "hub", "report", "retention", "--weeks", "3", "--csv"]) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    assert lines[0].startswith("group,cohort_week,learners") and lines[1].endswith(",3,3,2,1,0")
    assert main(["--data-dir", root, "hub", "report", "funnel", DL, "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["steps"][0]["reached"] == 5
    assert main(["--data-dir", root, "hub", "report", "active", "--weeks", "2", "--json"]) == 0
    assert [c["learners"] for c in json.loads(capsys.readouterr().out)] == [3, 0]
    assert main(["--data-dir", root, "hub", "report", "funnel", "no-such-course"]) != 0
    assert "No learner has started" in capsys.readouterr().err


def test_operator_accounts(inst: Installation, capsys: pytest.CaptureFixture[str]) -> None:
    root = str(inst.dirs.root)
    assert main(["--data-dir", root, "hub", "operator", "add", "Grace Operator", "--password", "long-enough-1"]) == 0
    assert main(["--data-dir", root, "hub", "operator", "add", "grace operator", "--password", "long-enough-1"]) != 0
    assert main(["--data-dir", root, "hub", "operator", "add", "Short", "--password", "short"]) != 0
    capsys.readouterr()
    assert main(["--data-dir", root, "hub", "operator", "list", "--json"]) == 0
    assert [o["name"] for o in json.loads(capsys.readouterr().out)] == ["Grace Operator"]
    ops = Operators(inst.store)
    token, _ = ops.sign_in("Grace Operator", "long-enough-1", "127.0.0.1")
    assert ops.session(token) is not None
    assert main(["--data-dir", root, "hub", "operator", "remove", "Grace Operator"]) == 0
    assert ops.session(token) is None  # removed: signed out everywhere
    with pytest.raises(OperatorError):
        ops.add("", "long-enough-1")


def _sign_in_form(client: httpx.Client) -> str:
    page = client.get("/")
    assert page.status_code == 200 and 'type="password"' in page.text
    return re.search(r'name="csrf" value="([^"]+)"', page.text).group(1)  # type: ignore[union-attr]


def _csrf(page: str) -> str:
    return re.search(r'name="csrf" value="([^"]+)"', page).group(1)  # type: ignore[union-attr]


def test_sign_in_pages_csrf_and_sign_out(seeded: Seeded) -> None:
    Operators(seeded.hub.store).add("Op", "op-s3cret-pass")
    with httpx.Client(base_url=seeded.url, timeout=10) as client:
        token = _sign_in_form(client)
        # the form posted without its token, or from a browser without the cookie, is refused
        assert client.post("/signin", data={"name": "Op", "password": "op-s3cret-pass"}).status_code == 403
        bare = httpx.post(seeded.url + "/signin", data={"csrf": token, "name": "Op", "password": "op-s3cret-pass"})
        assert bare.status_code == 403
        wrong = client.post("/signin", data={"csrf": token, "name": "Op", "password": "nope-nope-nope"})
        assert "do not match" in wrong.text and "Op" not in client.cookies.get("hubdesk_session", "")
        ok = client.post("/signin", data={"csrf": _csrf(wrong.text), "name": "Op", "password": "op-s3cret-pass"})
        assert ok.status_code == 303 and ok.headers["location"] == "/centres"
        cookie = ok.headers["set-cookie"].lower()
        assert "httponly" in cookie and "samesite=strict" in cookie
        pages = {p: client.get(p) for p in ("/centres", "/activity", "/retention?by=centre", "/courses", "/learners")}
        assert all(r.status_code == 200 for r in pages.values())
        assert pages["/centres"].text.count('<tr class=""') + pages["/centres"].text.count("<tr>") >= 2
        assert "<svg" in pages["/activity"].text and "<svg" in pages["/retention?by=centre"].text
        assert "Abena Owusu" in pages["/learners"].text and "Abena" not in pages["/centres"].text
        assert "60%" in client.get("/retention").text  # the pooled share at week +1
        funnel = client.get(f"/courses/{DL}")
        assert funnel.status_code == 200 and "<svg" in funnel.text
        assert client.get("/courses/nothing-here").status_code == 404
        api = client.get("/api/retention", params={"weeks": 3}).json()
        assert api["groups"][0]["pooled"][1] == 0.6
        assert len(client.get("/api/centres").json()) == 2
        assert client.get("/favicon.ico").status_code == 200
        assert "Rétention" in client.get("/retention", params={"lang": "fr"}).text
        assert "Rétention" in client.get("/centres").text  # the choice is kept
        # a signed-in form without its token is refused too
        assert client.post("/contributions/share", data={"id": "x"}).status_code == 403
        page = client.get("/centres").text
        out = client.post("/signout", data={"csrf": _csrf(page)})
        assert out.status_code == 303
        assert client.get("/centres").status_code == 303  # back to the sign-in page
        assert client.get("/api/centres").status_code == 401
    actions = [a[2] for a in Operators(seeded.hub.store).actions()]
    assert "signin" in actions and "signout" in actions and "signin.failed" in actions


def test_sign_in_is_rate_limited_without_locking_out_a_typo(seeded: Seeded) -> None:
    Operators(seeded.hub.store).add("Op", "op-s3cret-pass")
    with httpx.Client(base_url=seeded.url, timeout=20) as client:
        for _ in range(2):  # two typos, then the right password still works
            client.post("/signin", data={"csrf": _sign_in_form(client), "name": "Op", "password": "typo-typo-typo"})
        ok = client.post("/signin", data={"csrf": _sign_in_form(client), "name": "Op", "password": "op-s3cret-pass"})
        assert ok.status_code == 303
    with httpx.Client(base_url=seeded.url, timeout=20) as client:
        for _ in range(FAILS_PER_NAME):
            client.post("/signin", data={"csrf": _sign_in_form(client), "name": "Op", "password": "guess-guess-1"})
        late = client.post("/signin", data={"csrf": _sign_in_form(client), "name": "Op", "password": "op-s3cret-pass"})
        assert late.status_code == 200 and "Too many failed sign-ins" in late.text


def test_pack_upload_checks_the_signature(seeded: Seeded, tmp_path: Path) -> None:
    Operators(seeded.hub.store).add("Op", "op-s3cret-pass")
    keygen(tmp_path / "pub.key")
    signed = tmp_path / "signed.hubpack"
    build_pack(CONTENT_PACKS / "learning-together", signed, sign_key=tmp_path / "pub.key")
    with httpx.Client(base_url=seeded.url, timeout=30) as client:
        client.post("/signin", data={"csrf": _sign_in_form(client), "name": "Op", "password": "op-s3cret-pass"})
        page = client.get("/published").text
        version = seeded.hub.packs.get(DL).version
        assert "Which centre runs which version" in page and f"<td>{version}</td><td>Centre " in page
        files = {"pack": ("signed.hubpack", signed.read_bytes(), "application/octet-stream")}
        assert client.post("/published/upload", files=files).status_code == 403  # no CSRF token
        asked = client.post("/published/upload", data={"csrf": _csrf(page)}, files=files)
        assert asked.status_code == 200 and "does not trust" in asked.text
        assert "learning-together" not in [p.id for p in published.published(seeded.hub)]
        staged = re.search(r'name="staged" value="([^"]+)"', asked.text).group(1)  # type: ignore[union-attr]
        fp = re.search(r'name="trust_key" value="([^"]+)"', asked.text).group(1)  # type: ignore[union-attr]
        wrong = client.post("/published/confirm", data={"csrf": _csrf(page), "staged": staged, "trust_key": "x"})
        assert "does not trust" in wrong.text  # confirming another key publishes nothing
        done = client.post("/published/confirm", data={"csrf": _csrf(page), "staged": staged, "trust_key": fp})
        assert done.status_code == 303
        assert "learning-together" in [p.id for p in published.published(seeded.hub)]
        damaged = client.post(
            "/published/upload",
            data={"csrf": _csrf(page)},
            files={"pack": ("bad.hubpack", b"not a zip at all", "application/octet-stream")},
        )
        assert damaged.status_code == 422
    actions = [a[2] for a in Operators(seeded.hub.store).actions()]
    assert "key.trusted" in actions and "pack.published" in actions and "pack.refused" in actions


def test_several_workers_share_sessions_and_sync(make_inst, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    import subprocess
    import sys
    import time

    from tests.sync.helpers import free_port

    data = tmp_path / "hub"
    assert main(["--data-dir", str(data), "hub", "operator", "add", "Op", "--password", "op-s3cret-pass"]) == 0
    port = free_port()
    cmd = [sys.executable, "-m", "hubdesk", "--data-dir", str(data), "hub", "serve", "--port", str(port)]
    proc = subprocess.Popen([*cmd, "--workers", "2"], stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                httpx.get(url + "/", timeout=1)
                break
            except httpx.TransportError:
                assert time.monotonic() < deadline and proc.poll() is None
                time.sleep(0.2)
        hub = Installation(data)
        centre = make_inst("centre")
        centre.learners.add("Amina Diallo")
        enrol(centre, hub, url)
        hub.close()
        for _ in range(3):
            centre.progress.open_lesson(centre.learners.all()[0].id, DL, "x")
            sync_now(centre, packs=False)
        with httpx.Client(base_url=url, timeout=10) as client:
            client.post("/signin", data={"csrf": _sign_in_form(client), "name": "Op", "password": "op-s3cret-pass"})
            # new connections land on either worker; the session is in the database, so each one knows it
            for _ in range(6):
                with httpx.Client(base_url=url, timeout=10, cookies=client.cookies) as fresh:
                    r = fresh.get("/api/active", params={"weeks": 1})
                    assert r.status_code == 200 and r.json()[0]["learners"] == 1
    finally:
        proc.terminate()
        out = proc.communicate(timeout=30)[0].decode()
    assert "Traceback" not in out


def test_retention_counts_stay_exact_when_older_activity_arrives_late(inst: Installation) -> None:
    import random

    from hubdesk.core.clock import format_stamp
    from hubdesk.core.events import CENTRE, Event
    from hubdesk.hub.reports import _cells

    rng = random.Random(7)
    w = reports.this_week()
    people = [f"learner-{i}" for i in range(12)]
    batches: list[list[Event]] = []
    for device in ("pc-one", "pc-two", "pc-three"):  # a later PC brings older weeks of the same learners
        seq = 0
        for _ in range(3):
            batch = []
            for _ in range(15):
                seq += 1
                week = w - rng.randrange(0, 10)
                ms = ((week * 7 - 3) * 86_400 + 3600 * seq) * 1000
                lesson = {"pack": rng.choice(["p1", "p2"]), "lesson": rng.choice(["l1", "l2"])}
                batch.append(
                    Event(
                        device,
                        seq,
                        CENTRE,
                        seq,
                        format_stamp(ms, 0, device),
                        "lesson.opened",
                        lesson,
                        rng.choice(people),
                    )
                )
            batches.append(batch)
    rng.shuffle(batches)  # devices' batches interleave; within a device they stay in order (as sync sends them)
    batches.sort(key=lambda b: (b[0].device_id != "pc-three", b[0].seq))
    for batch in batches:
        inst.log.apply(batch)
        reports.refresh(inst.store)
    kept = sorted(tuple(r) for r in inst.store.query("SELECT * FROM hub_cells"))
    with inst.store.transaction() as conn:
        conn.execute("DELETE FROM hub_cells")
        _cells.move(conn, 1, only_new=False)
    assert kept == sorted(tuple(r) for r in inst.store.query("SELECT * FROM hub_cells"))
    assert kept and sum(n for kind, _key, _w0, k, n in kept if kind == "all" and k == 0) == len(people)
    direct = dict(inst.store.query("SELECT week, COUNT(DISTINCT learner_id) FROM hub_activity GROUP BY week"))
    assert [(c.week, c.learners) for c in reports.active_by_week(inst, 10)] == [
        (week, direct.get(week, 0)) for week in range(w - 9, w + 1)
    ]
    # the funnel's counts match the lesson progress the core derived from the same events
    truth = (
        "SELECT pack_id, lesson_id, COUNT(*), SUM(CASE WHEN finished_hlc != '' THEN 1 ELSE 0 END) "
        "FROM lesson_progress GROUP BY 1, 2"
    )
    assert sorted(tuple(r) for r in inst.store.query("SELECT * FROM hub_funnel")) == sorted(
        tuple(r) for r in inst.store.query(truth)
    )


def test_plain_http_beyond_loopback_is_warned_about(inst: Installation) -> None:
    import asyncio

    from hubdesk.hub.dashboard import Dashboard

    app = Dashboard(inst).app

    async def front(base: str, client: tuple[str, int]) -> str:
        transport = httpx.ASGITransport(app=app, client=client)
        async with httpx.AsyncClient(transport=transport, base_url=base) as c:
            return (await c.get("/")).text

    assert 'class="warning"' in asyncio.run(front("http://192.168.1.10:8470", ("192.168.1.23", 50000)))
    assert 'class="warning"' not in asyncio.run(front("https://hub.example", ("192.168.1.23", 50000)))
    assert 'class="warning"' not in asyncio.run(front("http://127.0.0.1:8470", ("127.0.0.1", 50000)))
