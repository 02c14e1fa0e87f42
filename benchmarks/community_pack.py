"""Rebuilding and installing the centre's community pack after one approval, with 200 approved items.

A centre with one course (three lessons), 200 approved contributions of every kind (tips,
examples, questions, translations into two languages, new lessons) spread over its lessons; then,
several times: a learner submits one more, a facilitator approves it, and the time from the
approval to the new community pack installed (rebuilt from every approved item by the ordinary
builder, installed through the verified install) is measured. Goal (issue 12): <= 2 s.
Usage: ``python benchmarks/community_pack.py [--items 200] [--runs 5]``.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from hubdesk.core.contributions import Content, community_pack_id
from hubdesk.core.installation import Installation
from tests.core.reports_util import make_course

LESSONS = ("counting", "market", "budget")


def content(n: int) -> Content:
    lesson = LESSONS[n % 3]
    kind = ("tip", "example", "question", "translation", "lesson")[n % 5]
    if kind == "question":
        q = {"type": "number", "prompt": f"How many coins, case {n}?", "answer": n}
        return Content("question", "money", lesson, question=q)
    if kind == "translation":
        lang = ("sw", "fr")[n % 2]
        paragraphs = tuple((f"Paragraph {i}.", f"Aya {i} ya tafsiri {n}.") for i in range(8))
        return Content("translation", "money", lesson, title=f"Tafsiri {n}", language=lang, paragraphs=paragraphs)
    if kind == "lesson":
        return Content("lesson", "money", None, title=f"A short lesson {n}", body=f"# Part\n\n{'Words. ' * 200}")
    return Content(kind, "money", lesson, title=f"{kind} {n}", body=f"At the market, item {n} costs {n * 10}. " * 8)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--items", type=int, default=200)
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    work = Path(tempfile.mkdtemp(prefix="hubdesk-bench-community-"))
    with Installation(work / "data") as inst:
        inst.packs.install(make_course(work / "src", work / "money.hubpack"))
        grace = inst.learners.add("Grace", role="facilitator", password="s3cret-pass")
        learners = [inst.learners.add(f"Learner {i}") for i in range(20)]
        c = inst.contributions
        t = time.perf_counter()
        ids = [c.submit(learners[n % 20], content(n), licence_accepted=True).id for n in range(args.items)]
        c._decided.clear()  # approve the first ones without rebuilding after each (that is what is timed below)
        for cid in ids:
            c.approve(grace, cid)
        inst.community.refresh()
        setup = time.perf_counter() - t
        c.on_decision(inst.community.refresh_quietly)
        times = []
        for run in range(args.runs):
            extra = c.submit(learners[run % 20], content(args.items + run * 5), licence_accepted=True)
            t = time.perf_counter()
            c.approve(grace, extra.id)  # rebuilds and installs every language's pack that changed
            times.append(time.perf_counter() - t)
        en = inst.packs.get(community_pack_id(inst.centre_id(), "en"))
        approved = len(c.all("approved"))
    print(
        f"{approved} approved items; English community pack {en.version} with {len(en.lessons)} lessons "
        f"(setup {setup:.0f} s)"
    )
    print(
        f"approve one more -> community packs rebuilt and installed: median {statistics.median(times):.2f} s "
        f"(goal <= 2 s); runs: {', '.join(f'{x:.2f}' for x in times)}"
    )
    print(f"load: {os.getloadavg()[0]:.2f} {os.getloadavg()[1]:.2f} {os.getloadavg()[2]:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
