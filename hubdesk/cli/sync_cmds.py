"""``hubdesk sync ...``: enrol with a hub, export and import bundles, sync now, show status."""

from __future__ import annotations

import argparse
import time
from pathlib import Path
from typing import Any

from hubdesk.cli.context import Context
from hubdesk.errors import HubDeskError


def register(sub: Any) -> None:
    p = sub.add_parser("sync", help="exchange events with the central hub (HTTP or USB bundles)")
    ssub = p.add_subparsers(dest="sync_command", metavar="ACTION", required=True)

    enrol = ssub.add_parser("enrol", help="enrol this centre with a hub using a one-time code")
    enrol.add_argument("code", help="the code printed by 'hubdesk hub enrol-code'")
    enrol.add_argument("--hub", metavar="URL", help="the hub's address; without it, enrol through the next bundle")
    enrol.set_defaults(func=_enrol)

    exp = ssub.add_parser("export", help="write a sync bundle for a USB stick or shared folder")
    exp.add_argument("--to", metavar="DIR", required=True)
    exp.add_argument("--for", dest="dest", metavar="CENTRE", help="on a hub: the centre (default: every centre)")
    exp.add_argument("--again", action="store_true", help="include what earlier bundles carried (a lost stick)")
    exp.add_argument(
        "--max-bytes",
        type=byte_count,
        metavar="N",
        help="on a hub: room for course packs on the stick (default: as much as fits; 0 sends none)",
    )
    exp.set_defaults(func=_export)

    imp = ssub.add_parser("import", help="apply sync bundles from a file or folder")
    imp.add_argument("path")
    imp.set_defaults(func=_import)

    now = ssub.add_parser("now", help="push and pull once with the hub, then fetch new packs")
    now.add_argument("--hub", metavar="URL", help="use this address instead of the enrolled one")
    now.add_argument("--no-packs", action="store_true", help="do not download published packs")
    now.set_defaults(func=_now)

    st = ssub.add_parser("status", help="last sync, pending events, last error")
    st.add_argument("--json", action="store_true")
    st.set_defaults(func=_status)


def _enrol(args: argparse.Namespace, ctx: Context) -> int:
    from hubdesk.sync import enrolment
    from hubdesk.sync.service import sync_state

    state = sync_state(ctx.inst)
    if args.hub:
        from hubdesk.sync.http import HubClient

        with HubClient.for_enrolment(ctx.inst, args.hub) as client:
            hub = client.enrol(args.code)
        print(f"Enrolled with the hub at {args.hub} (hub {hub}).")
        _pair_syncthing(ctx)
        return 0
    enrolment.start_offline(state, args.code)
    print(
        "Enrolment code kept. It travels in the next bundle ('hubdesk sync export --to DIR'); "
        "the hub enrols this centre when it imports that bundle."
    )
    return 0


def byte_count(text: str) -> int:
    """A size such as 4000000000, 500M or 4G (argparse turns the ValueError into a usage message)."""
    units = {"K": 1 << 10, "M": 1 << 20, "G": 1 << 30, "T": 1 << 40}
    t = text.strip().upper().removesuffix("B")
    factor = units.get(t[-1:], 1)
    try:
        value = int(t[:-1] if t[-1:] in units else t) * factor
    except ValueError:
        value = -1
    if value < 0:
        raise argparse.ArgumentTypeError(f"{text!r} is not a size such as 500M, 4G or 4000000000")
    return value


def _centre_name(ctx: Context, centre: str) -> str:
    info = ctx.inst.centre.all.get(centre)
    return info.name or f"centre {centre}"


def _export(args: argparse.Namespace, ctx: Context) -> int:
    from hubdesk.sync.bundle import export_all
    from hubdesk.sync.service import sync_state
    from hubdesk.sync.state import CENTRE_ROLE

    state = sync_state(ctx.inst)
    if state.is_hub and not args.dest and not state.devices(CENTRE_ROLE):
        print("No centre is enrolled with this hub yet: nothing to export.")
        return 0
    offers = None
    if state.is_hub:
        from hubdesk.hub.stick import carry
        from hubdesk.sync.centres import centre_of, enrolled_centres

        enrolled = enrolled_centres(state, ctx.inst.log)
        dest = centre_of(ctx.inst.log, args.dest) if args.dest else None
        if args.dest and dest not in enrolled:
            raise HubDeskError(f"No centre {args.dest!r} is enrolled with this hub; see: hubdesk hub centres.")
        centres = [dest] if dest else list(enrolled)
        plan = carry(ctx.inst, Path(args.to), centres, args.max_bytes)
        offers = plan.offers
        for centre in centres:
            carried, waiting = plan.carried(centre), plan.waiting(centre)
            apps = [a for a in carried if a.kind == "hubdesk-release"]
            carried = [a for a in carried if a.kind != "hubdesk-release"]
            if apps:
                names = ", ".join(f"{a.meta.get('version')} ({a.meta.get('platform')})" for a in apps)
                print(f"For centre {centre}: HubDesk {names} on the stick.")
            if carried:
                names = ", ".join(f"{a.meta.get('title')} {a.meta.get('version')}" for a in carried)
                print(f"For {_centre_name(ctx, centre)}: {len(carried)} course pack(s) on the stick: {names}.")
            if waiting:
                names = ", ".join(f"{w['title']} {w['version']} ({w['size']} bytes)" for w in waiting)
                whom = _centre_name(ctx, centre)
                print(f"For {whom}: {len(waiting)} waiting at the hub (no room on the stick): {names}.")
    written = 0
    for path in export_all(ctx.inst, args.to, dest=args.dest, again=args.again, offers=offers):
        written += 1
        print(f"Wrote {path}.")
    if not written:
        print("Nothing new to export.")
    return 0


def _import(args: argparse.Namespace, ctx: Context) -> int:
    from hubdesk.sync.artifacts import Offer, stick_of
    from hubdesk.sync.bundle import bundle_paths, import_named
    from hubdesk.sync.carried import install_carried

    paths = bundle_paths(args.path)
    if not paths:
        print(f"No sync bundles in {args.path}.")
        return 0
    refused = 0
    offers: list[tuple[Path, Offer]] = []
    for path in paths:
        try:
            result = import_named(ctx.inst, path)
        except HubDeskError as exc:  # refused (damaged, stranger, unreadable...): one line naming it, next file
            refused += 1
            print(f"Refused: {exc}")
            continue
        print(result.describe())
        if result.offer is not None:
            offers.append((stick_of(path), result.offer))
    if offers:
        for line in install_carried(ctx.inst, offers).lines():
            print(line)
    _pair_syncthing(ctx)
    return 5 if refused else 0


def _now(args: argparse.Namespace, ctx: Context) -> int:
    from hubdesk.sync.http import sync_now

    report = sync_now(ctx.inst, url=args.hub, packs=not args.no_packs)
    print(report.describe())
    _pair_syncthing(ctx)
    return 0


def _pair_syncthing(ctx: Context) -> None:
    """After a sync that told us the other side's Syncthing id, pair ours with it (if we run one)."""
    from hubdesk.sync.syncthing_transport import pair_now

    for p in pair_now(ctx.inst):
        print(f"Syncthing: paired with {p.peer} at {p.address}; sharing folder {p.folder_id}.")


def _ago(at: float | None) -> str:
    if not at:
        return "never"
    s = int(time.time() - at)
    if s < 90:
        return f"{s} seconds ago"
    if s < 5400:
        return f"{s // 60} minutes ago"
    if s < 86400 * 2:
        return f"{s // 3600} hours ago"
    return f"{s // 86400} days ago"


def _status(args: argparse.Namespace, ctx: Context) -> int:
    from hubdesk.sync.status import sync_status

    st = sync_status(ctx.inst)
    if args.json:
        ctx.print_json(st)
        return 0
    hub = st["hub"]
    print(f"Hub: {hub['url'] or 'enrolled offline (USB bundles)'}" if hub else "Hub: not enrolled yet.")
    last = st["last_sync"]
    print(f"Last sync: {_ago(last['at']) if last else 'never'}.")
    print(f"Pending events: {st['pending']}.")
    for c in st["clocks_ahead"]:
        print(f"{c['message']} Set its date and time right: its changes win over newer ones until then.")
    for w in st.get("packs_waiting", []):
        print(f"Waiting at the hub: {w.get('title') or w.get('id')} {w.get('version', '')}.")
    if st["last_error"]:
        print(f"Last error ({_ago(st['last_error']['at'])}): {st['last_error']['message']}")
    return 0
