"""Dashboard pages of a hub with many centres and a year of activity: p95 page time.

A hub's database is bulk-loaded (events, the version vector, and the tables the projectors would
have derived from them: learners, lesson progress, centre packs, enrolled devices) with
``centres`` centres of ``learners/centres`` learners each over 52 weeks: every learner starts in a
random week and comes back each following week with a falling chance (so retention decays as in
real programmes), studying a few lessons per visit. Then the hub is served on loopback and each
page is fetched by a signed-in operator:

- first: the first fetch after loading (counts the activity of every event once);
- cold p95: each fetch with the report cache emptied (what a page costs when figures changed);
- warm p95: fetches served while the figures have not changed (the usual case).

``--scale`` takes fractions of the issue's full size (1,000 centres, 200,000 learners); the
machine this runs on may not hold the full size in time, so the script prints how time grows.

    python benchmarks/hub_dashboard.py [--scale 0.02,0.1] [--fetches 20] [--store sqlite,postgresql]
"""

from __future__ import annotations

import argparse
import json
import random
import re
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks._stores import Stores, parse, size_mb, stores
from benchmarks._sync_data import PACKS
from hubdesk.core.clock import format_stamp
from hubdesk.core.installation import Installation
from hubdesk.hub.operators import Operators
from hubdesk.hub.reports import this_week
from tests.sync.helpers import running_hub

FULL_CENTRES, FULL_LEARNERS = 1000, 200_000
WEEK_MS = 7 * 86_400_000
PAGES = (
    "/centres",
    "/activity",
    "/retention",
    "/retention?by=centre",
    "/retention?by=course",
    "/courses",
    "/courses/digital-literacy",
    "/learners",
    "/published",
)


def load(inst: Installation, centres: int, learners: int, rng: random.Random) -> int:
    """Bulk-load the hub; return the number of events."""
    now_week = this_week()
    first_ms = (now_week - 52) * WEEK_MS - 3 * 86_400_000
    per_centre = learners // centres
    total = 0
    conn = inst.store.conn
    if inst.store.embedded:
        conn.execute("PRAGMA synchronous = OFF")
    for c in range(centres):
        device = f"bench-centre-{c:05d}"
        seq = 0
        ev_rows: list[tuple[object, ...]] = []
        progress: dict[tuple[str, str, str], list[object]] = {}
        learner_rows = []
        for n in range(per_centre):
            lid = uuid.uuid4().hex
            learner_rows.append((lid, f"Learner {c}-{n}", "learner", "#2e86ab", "", 0, "", device))
            week = rng.randrange(52)
            while week < 52:
                for _visit in range(rng.randint(1, 3)):
                    ms = first_ms + week * WEEK_MS + rng.randrange(0, 5) * 86_400_000 + rng.randrange(8, 16) * 3_600_000
                    pack = rng.choice(list(PACKS))
                    for lesson in rng.sample(PACKS[pack], rng.randint(1, 3)):
                        kinds = (
                            ["lesson.opened"]
                            + ["time.spent"] * rng.randint(1, 3)
                            + ["quiz.answered"] * rng.randint(0, 3)
                        )
                        kinds += ["lesson.finished"] if rng.random() < 0.6 else []
                        for kind in kinds:
                            ms += rng.randrange(20_000, 300_000)
                            seq += 1
                            hlc = format_stamp(ms, 0, device)
                            payload = json.dumps({"pack": pack, "lesson": lesson})
                            ev_rows.append((device, seq, "centre", seq, hlc, kind, lid, payload))
                            row = progress.setdefault((lid, pack, lesson), ["", "", 0.0, 0])
                            if kind == "lesson.opened":
                                row[0] = max(str(row[0]), hlc)
                            elif kind == "lesson.finished" and (not row[1] or hlc < str(row[1])):
                                row[1] = hlc
                if rng.random() > 0.8:  # a fifth drop out each week
                    break
                week += 1
        with inst.store.transaction() as tx:
            tx.executemany(
                "INSERT INTO events (device_id, seq, scope, scope_seq, hlc, kind, learner_id, payload) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                ev_rows,
            )
            tx.execute("INSERT INTO vector VALUES (?, 'centre', ?)", (device, seq))
            tx.executemany("INSERT INTO learners VALUES (?, ?, ?, ?, ?, ?, ?, ?)", learner_rows)
            tx.executemany(
                "INSERT INTO lesson_progress VALUES (?, ?, ?, ?, ?, ?, ?)",
                [(*k, v[0], v[1], v[2], v[3]) for k, v in progress.items()],
            )
            tx.execute(
                "INSERT INTO sync_devices VALUES (?, ?, 'centre', ?, ?, NULL)",
                (device, "", time.time() - 300 * 86400, time.time() - rng.randrange(0, 30) * 86400),
            )
            for pack, lessons in PACKS.items():
                tx.execute(
                    "INSERT INTO centre_packs VALUES (?, ?, ?, ?, 'en', ?, ?, 0)",
                    (
                        device,
                        pack,
                        rng.choice(["1.0.0", "1.1.0"]),
                        pack,
                        len(lessons),
                        format_stamp(first_ms, 0, device),
                    ),
                )
        total += len(ev_rows)
    if inst.store.embedded:
        conn.execute("PRAGMA synchronous = FULL")
    conn.execute("ANALYZE")
    return total


def p95(values: list[float]) -> float:
    return sorted(values)[max(0, int(len(values) * 0.95 + 0.5) - 1)]


def measure(scale: float, fetches: int, store: str, made: Stores) -> None:
    centres, learners = max(2, int(FULL_CENTRES * scale)), max(20, int(FULL_LEARNERS * scale))
    with tempfile.TemporaryDirectory() as tmp:
        hub = Installation(made.folder(Path(tmp) / "hub", store))
        t0 = time.perf_counter()
        with running_hub(hub) as (url, server):
            Operators(hub.store).add("bench", "bench-password")
            n = load(hub, centres, learners, random.Random(5))
            load_s = time.perf_counter() - t0
            size = size_mb(Path(tmp) / "hub", store)
            print(
                f"{store}, scale {scale}: {centres} centres, {learners} learners, {n:,} events, {size:,.0f} MB,",
                end=" ",
            )
            print(f"loaded in {load_s:.0f} s")
            with httpx.Client(base_url=url, timeout=600) as client:
                token = re.search(r'name="csrf" value="([^"]+)"', client.get("/").text).group(1)  # type: ignore[union-attr]
                client.post("/signin", data={"csrf": token, "name": "bench", "password": "bench-password"})
                for page in PAGES:
                    t = time.perf_counter()
                    assert client.get(page).status_code == 200, page
                    first = time.perf_counter() - t
                    cold, warm = [], []
                    for _ in range(fetches):
                        server.dashboard.cache._items.clear()
                        t = time.perf_counter()
                        client.get(page)
                        cold.append(time.perf_counter() - t)
                        t = time.perf_counter()
                        client.get(page)
                        warm.append(time.perf_counter() - t)
                    print(
                        f"  {page:28} first {first * 1000:8.0f} ms   cold p95 {p95(cold) * 1000:7.0f} ms   "
                        f"warm p95 {p95(warm) * 1000:5.0f} ms   (median cold {statistics.median(cold) * 1000:.0f} ms)"
                    )
        hub.close()


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--scale", default="0.02,0.1")
    ap.add_argument("--fetches", type=int, default=20)
    ap.add_argument("--store", default="sqlite,postgresql", help="which hub stores to measure, side by side")
    args = ap.parse_args()
    with stores() as made:
        for s in args.scale.split(","):
            for store in parse(args.store):
                measure(float(s), args.fetches, store, made)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
