"""``hubdesk peer ...``: run a headless study-group peer, list HubDesks nearby, connect by address."""

from __future__ import annotations

import argparse
import contextlib
import time
from typing import Any

from hubdesk.cli.context import Context

DEFAULT_PORT = 8765
HOST_SETTING = "peer.host"
PORT_SETTING = "peer.port"


def register(sub: Any) -> None:
    p = sub.add_parser("peer", help="study-group peers on the local network")
    psub = p.add_subparsers(dest="peer_command", metavar="ACTION", required=True)

    serve = psub.add_parser("serve", help="serve and sync this PC's study groups until stopped")
    serve.add_argument("--host", help="address to listen on (default: the one in settings, else every interface)")
    serve.add_argument(
        "--port", type=int, help=f"port (default: the one in settings, else {DEFAULT_PORT}; 0 picks one)"
    )
    serve.add_argument("--no-discovery", action="store_true", help="do not announce or browse with zeroconf")
    serve.add_argument("--rate", type=float, default=100.0, help="requests a second one address may make (default 100)")
    serve.set_defaults(func=_serve)

    ls = psub.add_parser("list", help="HubDesks announcing themselves nearby")
    ls.add_argument("--wait", type=float, default=2.0, help="seconds to listen (default 2)")
    ls.set_defaults(func=_list)

    conn = psub.add_parser("connect", help="try a peer by address for every group (when multicast is blocked)")
    conn.add_argument("address", metavar="HOST:PORT")
    conn.set_defaults(func=_connect)


# The peer modules load starlette, uvicorn, httpx and zeroconf: imported inside the commands so
# that every other ``hubdesk`` command starts fast.


def _serve(args: argparse.Namespace, ctx: Context) -> int:
    from hubdesk.peers.node import PeerNode

    # The LAN address chosen in the app's settings (meta keys peer.host / peer.port) unless given here.
    host = args.host or ctx.inst.store.meta_get(HOST_SETTING) or "0.0.0.0"
    saved_port = ctx.inst.store.meta_get(PORT_SETTING) or ""
    port = args.port if args.port is not None else int(saved_port) if saved_port.isdigit() else DEFAULT_PORT
    interfaces = ["127.0.0.1"] if host.startswith("127.") else None
    node = PeerNode(
        ctx.inst, host=host, port=port, discover=not args.no_discovery, interfaces=interfaces, rate=max(1.0, args.rate)
    )
    port = node.bind()
    print(f"Serving study groups on {host}:{port}. Stop with Ctrl+C.", flush=True)
    with contextlib.suppress(KeyboardInterrupt):  # uvicorn shuts down cleanly, then passes the Ctrl+C on
        node.serve_forever()
    print("Stopped serving study groups.", flush=True)
    return 0


def _list(args: argparse.Namespace, ctx: Context) -> int:
    from hubdesk.peers.discovery import Discovery

    finder = Discovery(ctx.inst.device_id, "hubdesk peer list", 9, host="127.0.0.1", announce=False)
    finder.start()
    try:
        time.sleep(max(0.2, args.wait))
        nearby = finder.nearby()
    finally:
        finder.close()
    if not nearby:
        print("No HubDesk found nearby. If the network blocks multicast, use: hubdesk peer connect HOST:PORT")
    for n in nearby:
        print(f"{n.name}\t{n.address}\t{n.device_id}")
    return 0


def _connect(args: argparse.Namespace, ctx: Context) -> int:
    from hubdesk.peers.client import parse_address
    from hubdesk.peers.node import PeerNode

    parse_address(args.address)
    node = PeerNode(ctx.inst, discover=False)
    node.connect(args.address)
    try:
        node.sync_once()
    finally:
        node.stop()
    reached = [g.name for g in ctx.inst.groups.all() if args.address in dict(ctx.inst.groups.peers(g.id))]
    if reached:
        print(f"{args.address} shares these groups with this PC: {', '.join(reached)}.")
    else:
        print(f"{args.address} shares no group with this PC (or cannot be reached).")
    return 0
