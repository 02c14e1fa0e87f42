"""``hubdesk sync watch`` and ``hubdesk sync syncthing start|stop|status|pair|attach``.

Registered under the ``sync`` group that :mod:`hubdesk.cli.sync_cmds` creates (this module is
listed after it), so the opportunistic side of sync reads as part of one command family.
"""

from __future__ import annotations

import argparse
import signal
import sys
import threading
import time
from types import FrameType
from typing import Any

from hubdesk.cli.context import Context


def _sync_actions(sub: Any) -> Any:
    """The ``ACTION`` subparsers of ``hubdesk sync`` (created by sync_cmds), or a new group."""
    parser = sub.choices.get("sync") if hasattr(sub, "choices") else None
    if parser is None:
        parser = sub.add_parser("sync", help="exchange events with the central hub")
        return parser.add_subparsers(dest="sync_command", metavar="ACTION", required=True)
    return next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))


def register(sub: Any) -> None:
    ssub = _sync_actions(sub)
    w = ssub.add_parser("watch", help="sync whenever the hub or a Syncthing peer is reachable, until Ctrl-C")
    w.add_argument("--interval", type=float, default=300.0, metavar="SECONDS", help="between syncs while online")
    w.add_argument("--no-syncthing", action="store_true", help="only the hub over HTTP")
    w.set_defaults(func=_watch)

    st = ssub.add_parser("syncthing", help="HubDesk's Syncthing: start it, pair it with the hub's, see its state")
    tsub = st.add_subparsers(dest="syncthing_command", metavar="ACTION", required=True)
    start = tsub.add_parser("start", help="start HubDesk's own Syncthing (loopback only) in the background")
    start.add_argument("--gui-port", type=int, help="its REST API port on 127.0.0.1 (default: a free port)")
    start.add_argument("--listen-port", type=int, help="its sync port on 127.0.0.1 (default: a free port)")
    start.set_defaults(func=_start)
    stop = tsub.add_parser("stop", help="stop HubDesk's own Syncthing")
    stop.set_defaults(func=_stop)
    status = tsub.add_parser("status", help="device id, address, peers and whether they are connected")
    status.add_argument("--json", action="store_true")
    status.set_defaults(func=_status)
    pair = tsub.add_parser("pair", help="pair with the other side's Syncthing and share the bundle folder")
    pair.add_argument("device_id", help="the other side's Syncthing device id (its 'syncthing status')")
    pair.add_argument("--address", required=True, help="where it listens, e.g. tcp://127.0.0.1:22001")
    pair.add_argument("--folder-id", help="override the shared folder's id (both sides must agree)")
    pair.set_defaults(func=_pair)
    attach = tsub.add_parser("attach", help="use a Syncthing that already runs instead of starting one")
    attach.add_argument("url", help="its REST address, e.g. http://127.0.0.1:8384")
    attach.add_argument("api_key", help="its API key (Settings > GUI in Syncthing)")
    attach.set_defaults(func=_attach)


# -- syncthing ---------------------------------------------------------------------------------------
def _start(args: argparse.Namespace, ctx: Context) -> int:
    from hubdesk.sync.syncthing_transport import configure_managed, managed_process, record_own

    proc = managed_process(ctx.inst, gui_port=args.gui_port, listen_port=args.listen_port)
    with proc.start(detach=True) as client:
        configure_managed(ctx.inst)
        device_id = record_own(ctx.inst, client)
    print("HubDesk's Syncthing is running (loopback only; discovery and relays off).")
    print(f"Device id: {device_id}")
    print(f"Address:   {proc.listen_address}")
    print("It pairs with the other side's Syncthing by itself once HubDesk sync has told each side the other's id")
    print("('hubdesk sync now', a bundle, or 'hubdesk sync watch'). To pair by hand instead, run on the other side:")
    print(f"  hubdesk sync syncthing pair {device_id} --address {proc.listen_address}")
    return 0


def _stop(args: argparse.Namespace, ctx: Context) -> int:
    from hubdesk.sync.syncthing_transport import managed_process

    proc = managed_process(ctx.inst)
    if not proc.config_path.exists() or not proc.running():
        print("HubDesk's Syncthing is not running.")
        return 0
    proc.stop()
    print("HubDesk's Syncthing has stopped.")
    return 0


def _status(args: argparse.Namespace, ctx: Context) -> int:
    from hubdesk.sync.syncthing_transport import SyncthingTransport, open_client

    with open_client(ctx.inst) as client:
        info = SyncthingTransport(ctx.inst, client).status()
    if args.json:
        ctx.print_json(info)
        return 0
    print(f"Syncthing {info['url']}, device id {info['device_id']}.")
    if not info["pairings"]:
        print(
            "Not paired yet: it pairs by itself once 'hubdesk sync now' or a bundle has brought the other "
            "side's Syncthing id (or run 'hubdesk sync syncthing pair DEVICE_ID --address tcp://HOST:PORT')."
        )
    for p in info["pairings"]:
        state = "connected" if p["connected"] else "not connected"
        print(f"Peer {p['peer']} at {p['address']}: {state}; folder {p['folder_id']} in {p['path']}.")
    return 0


def _pair(args: argparse.Namespace, ctx: Context) -> int:
    from hubdesk.sync.syncthing_transport import SyncthingTransport, open_client

    with open_client(ctx.inst) as client:
        pairing = SyncthingTransport(ctx.inst, client).pair(args.device_id, args.address, folder_id=args.folder_id)
    print(f"Paired with {pairing.peer} at {pairing.address}.")
    print(f"Shared folder {pairing.folder_id}: {pairing.path}")
    return 0


def _attach(args: argparse.Namespace, ctx: Context) -> int:
    from hubdesk.sync.syncthing import SyncthingClient
    from hubdesk.sync.syncthing_transport import configure_attached, record_own

    with SyncthingClient(args.url, args.api_key) as client:
        device_id = client.my_id()  # refuses a wrong address or key before anything is saved
        configure_attached(ctx.inst, args.url, args.api_key)
        record_own(ctx.inst, client)
    print(f"HubDesk will use the Syncthing at {args.url} (device id {device_id}).")
    return 0


# -- watch ---------------------------------------------------------------------------------------------
def _watch(args: argparse.Namespace, ctx: Context) -> int:
    from hubdesk.sync.scheduler import SchedulerStatus
    from hubdesk.sync.service import sync_service
    from hubdesk.sync.syncthing_transport import SyncthingTransport, open_client
    from hubdesk.sync.targets import scheduler_for

    inst = ctx.inst
    transport = None
    service = sync_service(inst)  # the same start-up as the app's
    if not args.no_syncthing:
        up = service.bring_up_syncthing()
        if up.started:
            print("Started HubDesk's Syncthing for as long as this watch runs.", flush=True)
        if up.client is not None:
            transport = SyncthingTransport(inst, up.client)
        elif up.problem == "away":  # an attached Syncthing that is not up yet: watch for it
            transport = SyncthingTransport(inst, open_client(inst))
        elif up.problem in ("missing", "failed"):
            print(f"Syncing without Syncthing: {up.detail or 'the syncthing program is not installed'}.", flush=True)
    stop = threading.Event()

    def on_signal(_sig: int, _frame: FrameType | None) -> None:
        stop.set()

    previous = signal.signal(signal.SIGTERM, on_signal)
    last: list[tuple[str, str | None, float | None]] = [("", None, None)]

    def show(st: SchedulerStatus) -> None:
        key = (st.state, st.last_error, st.last_attempt)
        if st.state == "syncing" or key == last[0]:
            return
        last[0] = key
        stamp = time.strftime("%H:%M:%S")
        if st.state == "idle":
            words = " ".join(st.summary) or "Nothing to exchange."
            print(f"[{stamp}] Synced with {' and '.join(st.reachable)}. {words} {st.describe()}", flush=True)
        elif st.state in ("offline", "error"):
            print(f"[{stamp}] {st.describe()}", flush=True)

    scheduler = scheduler_for(inst, syncthing=transport, interval=args.interval)
    scheduler.add_listener(show)
    names = " and ".join(t.name for t in scheduler.targets)
    print(f"Watching for {names}; press Ctrl-C to stop.", flush=True)
    scheduler.start()
    try:
        while not stop.wait(0.5):
            pass
    except KeyboardInterrupt:
        pass
    finally:
        signal.signal(signal.SIGTERM, previous)
        print("Stopping: finishing the step under way.", file=sys.stderr, flush=True)
        scheduler.stop()
        if transport is not None:
            transport.client.close()
        service.stop_syncthing()
    print("Stopped watching.", flush=True)
    return 0
