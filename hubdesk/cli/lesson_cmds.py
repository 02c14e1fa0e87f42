"""``hubdesk lesson ...``: list a pack's lessons and show one, as plain text or sanitised HTML."""

from __future__ import annotations

import argparse
from typing import Any

from hubdesk.cli.context import Context


def register(sub: Any) -> None:
    p = sub.add_parser("lesson", help="list and show lessons of installed packs")
    ls = p.add_subparsers(dest="lesson_command", metavar="ACTION", required=True)

    show = ls.add_parser("show", help="show a lesson (plain text, or sanitised HTML with --html)")
    show.add_argument("pack_id")
    show.add_argument("lesson_id")
    show.add_argument("--html", action="store_true", help="print the sanitised HTML the app shows")
    show.set_defaults(func=_show)

    lst = ls.add_parser("list", help="list the lessons of a pack, in order")
    lst.add_argument("pack_id")
    lst.set_defaults(func=_list)


def _show(args: argparse.Namespace, ctx: Context) -> int:
    rendered = ctx.inst.packs.render_lesson(args.pack_id, args.lesson_id)
    if args.html:
        print(rendered.html)
    else:
        print(rendered.title)
        print("=" * len(rendered.title))
        print()
        print(rendered.text)
    return 0


def _list(args: argparse.Namespace, ctx: Context) -> int:
    pack = ctx.inst.packs.get(args.pack_id)
    for n, lesson in enumerate(pack.lessons, start=1):
        quiz = "\tquiz" if lesson.quiz_path else ""
        print(f"{n}\t{lesson.id}\t{lesson.title}{quiz}")
    return 0
