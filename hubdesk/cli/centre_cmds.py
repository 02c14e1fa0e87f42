"""``hubdesk centre ...``: make this PC the first of a centre, let other PCs join, list and retire them."""

from __future__ import annotations

import argparse
from typing import Any

from hubdesk.cli.context import Context
from hubdesk.core.centre import VALID_S


def register(sub: Any) -> None:
    p = sub.add_parser("centre", help="the community centre this PC belongs to, and its other PCs")
    csub = p.add_subparsers(dest="centre_command", metavar="ACTION", required=True)

    create = csub.add_parser("create", help="make this PC the first PC of a new centre")
    create.add_argument("name", help='the centre\'s name, e.g. "Kibera Youth Centre"')
    create.add_argument("--place", help="where it is, e.g. Nairobi")
    create.set_defaults(func=_create)

    code = csub.add_parser("join-code", help="a one-time code that lets another PC join this centre")
    code.add_argument("--minutes", type=float, default=VALID_S / 60, help="how long the code works (at most 15)")
    code.set_defaults(func=_join_code)

    join = csub.add_parser("join", help="join the centre of the PC that gave you a code")
    join.add_argument("code", help="the code shown by 'hubdesk centre join-code' on a PC of the centre")
    join.add_argument("--peer", metavar="HOST:PORT", help="that PC's address (default: look for it on this network)")
    join.set_defaults(func=_join)

    show = csub.add_parser("show", help="this centre and its PCs")
    show.add_argument("--json", action="store_true")
    show.set_defaults(func=_show)

    retire = csub.add_parser("retire", help="cut off a lost or stolen PC: it receives nothing new")
    retire.add_argument("pc", metavar="PC_ID", help="the PC's id (from 'centre show'); a unique beginning is enough")
    retire.set_defaults(func=_retire)

    packs = csub.add_parser("packs", help="course packs the centre's other computers have and this one lacks")
    packs.add_argument("--json", action="store_true")
    packs.set_defaults(func=_packs)

    fetch = csub.add_parser("fetch-pack", help="install a course pack from another computer of the centre")
    fetch.add_argument("packs", nargs="*", metavar="PACK_ID", help="which packs (default: every one offered)")
    fetch.set_defaults(func=_fetch)

    rename = csub.add_parser("rename", help="change the centre's name or place")
    rename.add_argument("name")
    rename.add_argument("--place")
    rename.set_defaults(func=_rename)


def _create(args: argparse.Namespace, ctx: Context) -> int:
    info = ctx.inst.centre.create(args.name, args.place)
    where = f" in {info.place}" if info.place else ""
    print(f"This PC is now the first PC of {info.name}{where} (centre {info.id}).")
    print("Add the centre's other PCs with: hubdesk centre join-code (on this PC), then hubdesk centre join CODE.")
    return 0


def _join_code(args: argparse.Namespace, ctx: Context) -> int:
    from hubdesk.core.centre import CentreError

    minutes = args.minutes
    if not 0 < minutes <= VALID_S / 60:
        raise CentreError(f"A join code lasts between a moment and {VALID_S // 60} minutes.")
    centre = ctx.inst.centre
    if not centre.is_named:
        raise CentreError("This PC is not part of a named centre yet: run 'hubdesk centre create NAME' first.")
    if centre.is_retired():
        raise CentreError("This PC was retired from its centre: it cannot let other PCs in.")
    code = centre.codes.issue(minutes * 60)
    print(
        f"On the new PC run: hubdesk centre join {code}  (works once, for {minutes:g} minutes, "
        "while HubDesk or 'hubdesk peer serve' runs on this PC)"
    )
    print(code)
    return 0


def _join(args: argparse.Namespace, ctx: Context) -> int:
    from hubdesk.peers.centre_join import join

    joined = join(ctx.inst, args.code, args.peer)
    got = f"; {joined.exchanged.pulled} record(s) received" if joined.exchanged else ""
    print(f"This PC joined {joined.centre_name}{got}. Learners of the centre can sign in here now.")
    return 0


def _show(args: argparse.Namespace, ctx: Context) -> int:
    info = ctx.inst.centre.info()
    if args.json:
        ctx.print_json(info.to_json())
        return 0
    place = f", {info.place}" if info.place else ""
    print(f"{info.display_name}{place} (centre {info.id})")
    for pc in info.pcs:
        me = " (this PC)" if pc.id == ctx.inst.device_id else ""
        state = "retired" if pc.retired else f"last seen {pc.last_seen or 'never'}"
        print(f"  {pc.id}\t{pc.name or '?'}{me}\t{state}")
    return 0


def _retire(args: argparse.Namespace, ctx: Context) -> int:
    pc = ctx.inst.centre.retire(args.pc)
    print(f"PC {pc.name or pc.id} is retired: the centre's PCs send it nothing from now on.")
    print(
        "It can still read what it held. Ask the learners who used it to choose new PINs or pictures "
        "('hubdesk learner reset-pin NAME --pin NEW'): a stolen PC can guess short PINs offline."
    )
    return 0


def _rename(args: argparse.Namespace, ctx: Context) -> int:
    info = ctx.inst.centre.rename(args.name, args.place)
    print(f"The centre is now called {info.name}.")
    return 0


def _packs(args: argparse.Namespace, ctx: Context) -> int:
    from hubdesk.peers.centre_packs import offered

    found = offered(ctx.inst)
    if args.json:
        ctx.print_json([{"id": o.id, "version": o.version, "title": o.title, "pc": o.pc} for o in found])
        return 0
    if not found:
        print("The centre's other computers that answer have no course pack this one lacks.")
    for o in found:
        print(f"{o.id}\t{o.version}\t{o.title}\t(on {o.pc})")
    return 0


def _fetch(args: argparse.Namespace, ctx: Context) -> int:
    from hubdesk.peers.centre_packs import fetch, offered

    wanted = args.packs or [o.id for o in offered(ctx.inst)]
    if not wanted:
        print("Nothing to fetch: this computer has every course pack the others have.")
    for pack_id in wanted:
        result = fetch(ctx.inst, pack_id)
        print(f"{result.action.capitalize()} {result.pack_id} {result.version} from another computer of the centre.")
    return 0
