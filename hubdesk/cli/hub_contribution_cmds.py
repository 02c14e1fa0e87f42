"""``hubdesk hub contributions`` and ``hubdesk hub promote``: learners' work across centres."""

from __future__ import annotations

import argparse
from typing import Any

from hubdesk.cli.context import Context
from hubdesk.core.contributions import STATES


def register(hsub: Any) -> None:
    ls = hsub.add_parser("contributions", help="contributions from every centre, and which are shared")
    ls.add_argument("--state", choices=STATES, help="only in this state (drafts never reach the hub)")
    ls.add_argument("--json", action="store_true")
    ls.set_defaults(func=_list)
    pr = hsub.add_parser(
        "promote", help="share an approved contribution, or a centre's community pack, with every centre"
    )
    pr.add_argument("target", metavar="PACK_OR_ITEM", help="a contribution id, or a pack id like community-<centre>-en")
    pr.set_defaults(func=_promote)


def _list(args: argparse.Namespace, ctx: Context) -> int:
    from hubdesk.hub.promotion import listing

    items = listing(ctx.inst, args.state)
    if args.json:
        ctx.print_json([h.to_dict() for h in items])
        return 0
    if not items:
        print("No contribution has reached this hub yet.")
    for h in items:
        shared = "  shared" if h.promoted else ""
        print(
            f"{h.item.id}  {h.item.state:<13} {h.centre_name}: {h.item.title} ({h.item.content.kind}, "
            f"by {h.item.by(h.centre_name)}) in {h.pack}{shared}"
        )
    return 0


def _promote(args: argparse.Namespace, ctx: Context) -> int:
    from hubdesk.hub.promotion import promote

    done = promote(ctx.inst, args.target)
    print(
        f"Shared {len(done)} contribution{'s' if len(done) != 1 else ''} with every centre: they get "
        "them on their next sync (HTTP, Syncthing or a USB bundle)."
    )
    return 0
