"""Search speed over 5,000+ generated lessons, with highlighted snippets, beside plain SQLite FTS5.

Lessons are generated from a word-bigram model of the real shell-novice lessons (so word
frequencies and phrasing look like real lesson text), indexed once by HubDesk's search module
(stems, words for "did you mean", snippets from the unstemmed text) and once in a bare FTS5 table
(Porter, FTS5's own snippet()); then the same queries run against both, timing each query
including its snippets. Goals (issue 11): index build <= 10 s for 5,000 lessons, search p95 within
1.5x of FTS5's. Last, the same lessons as one installed pack: the time from the install's end to
the first search's answer (the index is built by that search, from the installed Markdown).

    python benchmarks/search_speed.py [--lessons 5000] [--queries 300] [--no-install]
    python -m benchmarks.search_speed --gb-pack   # install_speed.py's 1 GB pack through the CLI
"""

from __future__ import annotations

import argparse
import ast
import itertools
import os
import random
import re
import shutil
import sqlite3
import statistics
import subprocess
import sysconfig
import tempfile
import time
from collections import defaultdict
from pathlib import Path

from hubdesk.core.search import LessonDoc, Search

ROOT = Path(__file__).resolve().parents[1]
SHELL = ROOT / "tests" / "data" / "real-courses" / "shell-novice" / "episodes"
SAMPLES = ROOT / "content_packs"


def _source_texts() -> list[str]:
    """Topics to write about: the real shell lessons, the sample packs, and the English prose of the
    Python standard library's docstrings (one topic per module), so that packs differ in vocabulary
    the way courses on different subjects do."""
    texts = [re.sub(r"```.*?```", " ", p.read_text(encoding="utf-8"), flags=re.S) for p in sorted(SHELL.glob("*.md"))]
    texts += [p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("*/lessons/*.md"))]
    stdlib = Path(sysconfig.get_paths()["stdlib"])
    for path in sorted(stdlib.glob("*.py")) + sorted(stdlib.glob("*/__init__.py")):
        try:
            tree = ast.parse(path.read_text(encoding="utf-8", errors="replace"))
        except (SyntaxError, ValueError):
            continue
        nodes = [tree, *(n for n in ast.walk(tree) if isinstance(n, ast.FunctionDef | ast.ClassDef))]
        doc = "\n".join(d for n in nodes if (d := ast.get_docstring(n)))  # type: ignore[arg-type]
        if len(doc) > 3000:
            texts.append(doc)
    return texts


def bigram_model(text: str) -> tuple[dict[str, list[str]], list[str]]:
    words = re.findall(r"[A-Za-z][A-Za-z'-]*[A-Za-z]|[.,;:?]", text)
    following: dict[str, list[str]] = defaultdict(list)
    for a, b in itertools.pairwise(words):
        following[a].append(b)
    return following, [w for w in words if w.isalpha()]


def generate(n: int, seed: int = 1) -> list[LessonDoc]:
    """``n`` lessons in packs of 50; each pack writes about one topic with a word-bigram model of it."""
    rng = random.Random(seed)
    topics = [bigram_model(t) for t in _source_texts()]
    rng.shuffle(topics)
    docs: list[LessonDoc] = []
    for i in range(n):
        following, vocab = topics[(i // 50) % len(topics)]
        word = rng.choice(vocab)
        out: list[str] = []
        for _ in range(rng.randint(300, 1200)):
            out.append(word)
            nxt = following.get(word)
            word = rng.choice(nxt) if nxt and rng.random() > 0.05 else rng.choice(vocab)
        text = " ".join(out).replace(" .", ".").replace(" ,", ",")
        title = " ".join(rng.choice(vocab) for _ in range(rng.randint(2, 5))).capitalize()
        docs.append(LessonDoc(f"pack-{i // 50:03d}", f"lesson-{i:05d}", title, text, "en"))
    return docs


def make_queries(docs: list[LessonDoc], count: int, seed: int = 2) -> list[str]:
    rng = random.Random(seed)
    fixed = ["pipes and filters", "wildcard", "redirection", "loop", "shell script", "find files", "nano editor"]
    queries = list(fixed)
    while len(queries) < count:
        words = [w for w in re.findall(r"[a-z]{4,}", rng.choice(docs).text.lower())]
        queries.append(" ".join(rng.sample(words, rng.choice([1, 1, 2, 2, 3]))))
    return queries


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def time_queries(run: object, queries: list[str]) -> tuple[list[float], int]:
    assert callable(run)
    timings, found = [], 0
    for q in queries:
        t0 = time.perf_counter()
        found += run(q)
        timings.append((time.perf_counter() - t0) * 1000)
    return timings, found


def time_first_search(docs: list[LessonDoc], work: Path) -> tuple[float, float, int]:
    """Install a pack of these lessons (Markdown on disk, as a facilitator would), then time the first
    search of a fresh process-like installation: it finds no index and builds it from the installed
    files. Returns (install seconds, first search seconds, hits)."""
    from hubdesk.core.installation import Installation
    from hubdesk.core.packs import build_pack

    src = work / "src"
    (src / "lessons").mkdir(parents=True)
    names = []
    for d in docs:
        name = f"lessons/{d.lesson_id}.md"
        (src / name).write_text(f"---\ntitle: {d.title}\n---\n\n# {d.title}\n\n{d.text}\n", encoding="utf-8")
        names.append(name)
    listing = "".join(f"  - {n}\n" for n in names)
    (src / "pack.yaml").write_text(
        "id: bench-library\nversion: 1.0.0\ntitle: Bench library\nlanguage: en\nlicence: CC-BY-4.0\n"
        f"authors: [Bench]\nlessons:\n{listing}",
        encoding="utf-8",
    )
    build_pack(src, work / "library.hubpack")
    with Installation(work / "data") as inst:
        t0 = time.perf_counter()
        inst.packs.install(work / "library.hubpack")
        install_s = time.perf_counter() - t0
    with Installation(work / "data") as inst:
        t0 = time.perf_counter()
        found = inst.search.search("redirection")
        first_s = time.perf_counter() - t0
    return install_s, first_s, len(found.results)


def time_gb_pack(work: Path) -> tuple[float, float, float, float]:
    """The ~1 GB pack of ``install_speed.py`` (400 lessons and 1 GB of video) through the CLI, as a
    facilitator would: install, then ``hubdesk search`` twice (the first builds the index).
    Returns (install, first search, second search, ``hubdesk --version``) in seconds."""
    from benchmarks.install_speed import HUBDESK, make_source

    make_source(work / "src")
    pack, data = work / "big.hubpack", work / "data"

    def run(*args: str) -> None:
        subprocess.run([*HUBDESK, *args], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    run("pack", "build", str(work / "src"), "-o", str(pack))
    shutil.rmtree(work / "src")

    def timed(*args: str) -> float:
        t0 = time.perf_counter()
        run("--data-dir", str(data), *args)
        return time.perf_counter() - t0

    return timed("pack", "install", str(pack)), timed("search", "bench"), timed("search", "lesson"), timed("--version")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--lessons", type=int, default=5000)
    parser.add_argument("--queries", type=int, default=300)
    parser.add_argument("--no-install", action="store_true", help="skip the install-then-first-search timing")
    parser.add_argument(
        "--gb-pack",
        action="store_true",
        help="only time install_speed.py's 1 GB pack: install, then CLI searches",
    )
    args = parser.parse_args()
    if args.gb_pack:
        with tempfile.TemporaryDirectory() as tmp:
            install_s, first_s, second_s, start_s = time_gb_pack(Path(tmp))
        print(f"1 GB pack: install {install_s:.1f} s; then `hubdesk search` {first_s:.2f} s (builds the index),")
        print(f"again {second_s:.2f} s; `hubdesk --version` (process start alone) {start_s:.2f} s")
        print(f"machine: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f} at the end of the run")
        return

    docs = generate(args.lessons)
    queries = make_queries(docs, args.queries)
    total_mb = sum(len(d.text) for d in docs) / 1e6
    print(f"{len(docs)} generated lessons, {total_mb:.1f} MB of text, {len(queries)} queries")

    with tempfile.TemporaryDirectory() as tmp:
        search = Search(Path(tmp) / "search-index", None, None)
        t0 = time.perf_counter()
        search.ensure_fresh()
        search.index_lessons(docs)
        hub_index_s = time.perf_counter() - t0

        db = sqlite3.connect(Path(tmp) / "fts.sqlite3")
        t0 = time.perf_counter()
        db.execute(
            "CREATE VIRTUAL TABLE lessons USING fts5(pack_id UNINDEXED, lesson_id UNINDEXED, title, body, "
            "tokenize = 'porter unicode61')"
        )
        db.executemany(
            "INSERT INTO lessons VALUES (?, ?, ?, ?)", [(d.pack_id, d.lesson_id, d.title, d.text) for d in docs]
        )
        db.commit()
        fts_index_s = time.perf_counter() - t0
        hub_mb = sum(f.stat().st_size for f in (Path(tmp) / "search-index").iterdir()) / 1e6
        fts_mb = (Path(tmp) / "fts.sqlite3").stat().st_size / 1e6

        def hub_query(q: str) -> int:
            results = search.search(q, limit=10)
            assert all(h.snippet_html for h in results.results)
            return len(results.results)

        def fts_query(q: str) -> int:
            match = " ".join('"' + w.replace('"', "") + '"' for w in q.split())
            rows = db.execute(
                "SELECT pack_id, lesson_id, title, snippet(lessons, 3, '<b>', '</b>', ' … ', 24) FROM lessons "
                "WHERE lessons MATCH ? ORDER BY rank LIMIT 10",
                (match,),
            ).fetchall()
            return len(rows)

        for q in queries[:20]:  # warm both (first open, page cache)
            hub_query(q)
            fts_query(q)
        h_times, h_found = time_queries(hub_query, queries)
        f_times, f_found = time_queries(fts_query, queries)
        search.close()
        db.close()
        first = None if args.no_install else time_first_search(docs, Path(tmp) / "install")

    h95, f95 = percentile(h_times, 95), percentile(f_times, 95)
    print(f"index build, {len(docs)} lessons: HubDesk {hub_index_s:.1f} s, FTS5 {fts_index_s:.1f} s (goal <= 10 s)")
    print(f"index size: HubDesk {hub_mb:.0f} MB (text, stems, words), FTS5 {fts_mb:.0f} MB")
    print(f"{'':22}{'p50 ms':>9}{'p95 ms':>9}{'max ms':>9}{'hits':>8}")
    for name, times, found in (("HubDesk", h_times, h_found), ("SQLite FTS5", f_times, f_found)):
        print(f"{name:22}{statistics.median(times):9.2f}{percentile(times, 95):9.2f}{max(times):9.2f}{found:8d}")
    print(f"search p95: HubDesk {h95:.2f} ms, FTS5 {f95:.2f} ms, ratio {h95 / f95:.2f}x (goal <= 1.5x)")
    if first is not None:
        install_s, first_s, hits = first
        print(
            f"pack of {len(docs)} lessons: install {install_s:.1f} s, then the first search "
            f"(index built from the installed files) {first_s:.1f} s, {hits} hits"
        )
    print(f"machine: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f} at the end of the run")


if __name__ == "__main__":
    main()
