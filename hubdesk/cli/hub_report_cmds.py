"""``hubdesk hub operator ...`` and ``hubdesk hub report ...``: the hub's operators and its figures.

Registered under ``hubdesk hub`` by :mod:`hubdesk.cli.hub_cmds`; the same figures as the dashboard.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import getpass
import sys
from typing import Any

from hubdesk.cli.context import Context
from hubdesk.errors import HubDeskError


def register(hsub: Any) -> None:
    op = hsub.add_parser("operator", help="the people who may sign in to the hub's web dashboard")
    osub = op.add_subparsers(dest="operator_command", metavar="ACTION", required=True)
    add = osub.add_parser("add", help="add an operator (the password is asked for unless given)")
    add.add_argument("name")
    add.add_argument("--password", help="the password (better typed at the prompt: it stays out of shell history)")
    add.set_defaults(func=_operator_add)
    ls = osub.add_parser("list", help="list operators")
    ls.add_argument("--json", action="store_true")
    ls.set_defaults(func=_operator_list)
    rm = osub.add_parser("remove", help="remove an operator (and sign them out everywhere)")
    rm.add_argument("name")
    rm.set_defaults(func=_operator_remove)

    rep = hsub.add_parser("report", help="figures across centres: active learners, retention, funnels")
    rsub = rep.add_subparsers(dest="report_command", metavar="REPORT", required=True)
    ret = rsub.add_parser("retention", help="cohort retention: of those who started in week W, who is still active")
    ret.add_argument("--by", choices=("all", "centre", "course"), default="all")
    ret.add_argument("--weeks", type=_weeks, default=8, help="weeks each cohort is followed (default 8)")
    fmt = ret.add_mutually_exclusive_group()
    fmt.add_argument("--json", action="store_true")
    fmt.add_argument("--csv", action="store_true")
    ret.set_defaults(func=_retention)
    fun = rsub.add_parser("funnel", help="how many learners reached and finished each lesson of a course")
    fun.add_argument("course", help="the course's pack id")
    fun.add_argument("--json", action="store_true")
    fun.set_defaults(func=_funnel)
    act = rsub.add_parser("active", help="learners active week by week")
    act.add_argument("--weeks", type=_weeks, default=12, help="how many weeks back (default 12)")
    act.add_argument("--json", action="store_true")
    act.set_defaults(func=_active)


def _weeks(text: str) -> int:
    value = int(text)
    if not 1 <= value <= 104:
        raise ValueError(text)
    return value


def _operator_add(args: argparse.Namespace, ctx: Context) -> int:
    from hubdesk.hub.operators import Operators

    password = args.password
    if password is None:
        if not sys.stdin.isatty():
            raise HubDeskError("Give the password with --password, or run this in a terminal to be asked for it.")
        password = getpass.getpass(f"Password for {args.name}: ")
        if getpass.getpass("The same password again: ") != password:
            raise HubDeskError("The two passwords differ; nothing was changed.")
    op = Operators(ctx.inst.store).add(args.name, password)
    print(f"Operator {op.name} can now sign in to this hub's dashboard.")
    return 0


def _operator_list(args: argparse.Namespace, ctx: Context) -> int:
    from hubdesk.hub.operators import Operators

    ops = Operators(ctx.inst.store).all()
    if args.json:
        ctx.print_json([{"name": o.name, "created_at": o.created_at, "last_sign_in": o.last_sign_in} for o in ops])
        return 0
    if not ops:
        print("No operator yet. Add one with: hubdesk hub operator add NAME")
    for o in ops:
        last = dt.datetime.fromtimestamp(o.last_sign_in).strftime("%Y-%m-%d %H:%M") if o.last_sign_in else "never"
        print(f"{o.name}\tlast sign-in {last}")
    return 0


def _operator_remove(args: argparse.Namespace, ctx: Context) -> int:
    from hubdesk.hub.operators import Operators

    Operators(ctx.inst.store).remove(args.name)
    print(f"Operator {args.name} was removed and signed out.")
    return 0


def _retention(args: argparse.Namespace, ctx: Context) -> int:
    from hubdesk.hub import reports

    groups = reports.retention(ctx.inst, args.by, args.weeks)
    if args.json:
        ctx.print_json({"by": args.by, "weeks": args.weeks, "groups": reports.as_json(groups, args.weeks)})
        return 0
    ks = range(args.weeks + 1)
    if args.csv:
        out = csv.writer(sys.stdout)
        out.writerow(["group", "cohort_week", "learners", *[f"week_{k}" for k in ks]])
        for g in groups:
            for c in g.cohorts:
                out.writerow(
                    [g.key, reports.week_start(c.week).isoformat(), c.size, *["" if a is None else a for a in c.active]]
                )
        return 0
    if not groups:
        print("No learner has studied yet at any centre.")
    for g in groups:
        pooled = g.pooled(args.weeks)
        shares = "  ".join(f"+{k}:{'-' if pooled[k] is None else f'{pooled[k]:.0%}'}" for k in ks if k)
        print(f"{g.key}\t{g.learners} learner(s)\t{shares}")
    return 0


def _funnel(args: argparse.Namespace, ctx: Context) -> int:
    from hubdesk.hub import reports

    f = reports.funnel(ctx.inst, args.course)
    if args.json:
        ctx.print_json(f.to_dict())
        return 0
    print(f"{f.title}: {f.started} learner(s) started")
    for s in f.steps:
        print(f"{s.lesson_id}\treached {s.reached}\tfinished {s.finished}\t{s.title}")
    return 0


def _active(args: argparse.Namespace, ctx: Context) -> int:
    from hubdesk.hub import reports

    data = reports.active_by_week(ctx.inst, args.weeks)
    if args.json:
        ctx.print_json([c.to_dict() for c in data])
        return 0
    for c in data:
        print(f"{reports.week_start(c.week).isoformat()}\t{c.learners}")
    return 0
