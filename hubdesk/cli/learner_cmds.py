"""``hubdesk learner ...``: add, list, rename, remove, reset a PIN."""

from __future__ import annotations

import argparse
from typing import Any

from hubdesk.cli.context import Context
from hubdesk.core.learners import FACILITATOR, LEARNER


def register(sub: Any) -> None:
    p = sub.add_parser("learner", help="add and list learners and facilitators")
    lsub = p.add_subparsers(dest="learner_command", metavar="ACTION", required=True)

    add = lsub.add_parser("add", help="add a learner")
    add.add_argument("name")
    add.add_argument("--pin", help="4-6 digits")
    add.add_argument("--pictures", help="picture password: three of the pictures 0-8, e.g. 2-7-4")
    add.add_argument("--password", help="facilitator password (6+ characters)")
    add.add_argument("--facilitator", action="store_true", help="may enrol learners and install packs")
    add.set_defaults(func=_add)

    ls = lsub.add_parser("list", help="list learners")
    ls.add_argument("--json", action="store_true")
    ls.set_defaults(func=_list)

    ren = lsub.add_parser("rename", help="rename a learner")
    ren.add_argument("learner", help="name or id")
    ren.add_argument("new_name")
    ren.set_defaults(func=_rename)

    rm = lsub.add_parser("remove", help="remove a learner (their history stays in the log)")
    rm.add_argument("learner", help="name or id")
    rm.set_defaults(func=_remove)

    check = lsub.add_parser("check", help="check a learner's secret as the sign-in screen does (exit 0 if right)")
    check.add_argument("learner", help="name or id")
    secret = check.add_mutually_exclusive_group(required=True)
    secret.add_argument("--pin")
    secret.add_argument("--password")
    secret.add_argument("--pictures", help="three of the pictures 0-8, e.g. 1,5,9")
    check.set_defaults(func=_check)

    pin = lsub.add_parser("reset-pin", help="set a new PIN, or clear it with no --pin")
    pin.add_argument("learner", help="name or id")
    pin.add_argument("--pin")
    pin.set_defaults(func=_reset_pin)


def _add(args: argparse.Namespace, ctx: Context) -> int:
    pictures = [int(x) for x in args.pictures.replace(",", "-").split("-")] if args.pictures else None
    learner = ctx.inst.learners.add(
        args.name,
        role=FACILITATOR if args.facilitator else LEARNER,
        pin=args.pin,
        pictures=pictures,
        password=args.password,
    )
    print(f"Added {learner.role} {learner.name} ({learner.id}).")
    return 0


def _list(args: argparse.Namespace, ctx: Context) -> int:
    learners = ctx.inst.learners.all()
    if args.json:
        centres = ctx.inst.centre.all
        names = {cid: centres.get(cid).name for cid in {lr.centre_id for lr in learners}}
        ctx.print_json(
            [
                {
                    "id": lr.id,
                    "name": lr.name,
                    "role": lr.role,
                    "colour": lr.colour,
                    "secrets": sorted(lr.secrets),
                    "centre": {"id": lr.centre_id, "name": names.get(lr.centre_id)},
                }
                for lr in learners
            ]
        )
        return 0
    if not learners:
        print("No learners yet. Add one with: hubdesk learner add NAME")
    for lr in learners:
        lock = " (PIN)" if "pin" in lr.secrets else ""
        print(f"{lr.name}\t{lr.role}{lock}\t{lr.id}")
    return 0


def _check(args: argparse.Namespace, ctx: Context) -> int:
    from hubdesk.errors import AuthError

    learners = ctx.inst.learners
    learner = learners.find(args.learner)
    given = (("pin", args.pin), ("password", args.password), ("pictures", args.pictures))
    kind, secret = next((k, v) for k, v in given if v is not None)
    try:
        learners.verify(learner.id, kind, secret)
    except AuthError as exc:  # a wrong secret (or a lockout) is an answer, not a failure of the command
        print(str(exc))
        return 1
    print(f"Right: {learner.name} can sign in.")
    return 0


def _rename(args: argparse.Namespace, ctx: Context) -> int:
    learners = ctx.inst.learners
    learner = learners.rename(learners.find(args.learner).id, args.new_name)
    print(f"Renamed to {learner.name}.")
    return 0


def _remove(args: argparse.Namespace, ctx: Context) -> int:
    learners = ctx.inst.learners
    learner = learners.find(args.learner)
    learners.remove(learner.id)
    print(f"Removed {learner.name}.")
    return 0


def _reset_pin(args: argparse.Namespace, ctx: Context) -> int:
    learners = ctx.inst.learners
    learner = learners.find(args.learner)
    learners.set_secret(learner.id, "pin", args.pin)
    print(f"PIN {'set' if args.pin else 'cleared'} for {learner.name}.")
    return 0
