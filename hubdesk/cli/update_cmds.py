"""``hubdesk release ...`` (the release manager: build, verify) and ``hubdesk update ...`` (a centre PC:
status, receive, install, rollback) for updating HubDesk itself without internet."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from hubdesk import __version__
from hubdesk.cli.context import Context
from hubdesk.errors import UpdateError


def register(sub: Any) -> None:
    r = sub.add_parser("release", help="make and check signed HubDesk release files (for the release manager)")
    rs = r.add_subparsers(dest="release_command", metavar="ACTION", required=True)
    b = rs.add_parser("build", help="wrap a built bundle into a signed .hubrelease")
    b.add_argument("bundle", type=Path, metavar="BUNDLE", help="e.g. dist/hubdesk-1.3.0-linux-x86_64.tar.gz")
    b.add_argument("--version", dest="release_version", required=True, metavar="X.Y.Z")
    b.add_argument("--platform", default=None, help="linux-x86_64, windows-x64... (default: this PC's)")
    b.add_argument("--key", type=Path, required=True, help="the release key (from 'hubdesk pack keygen')")
    b.add_argument("-o", "--out", type=Path, required=True, metavar="OUT.hubrelease")
    b.set_defaults(func=_build)
    v = rs.add_parser("verify", help="check a .hubrelease: trusted release key, every byte")
    v.add_argument("path", type=Path)
    v.set_defaults(func=_verify)

    u = sub.add_parser("update", help="update HubDesk itself from a release carried by stick, Syncthing or HTTP")
    us = u.add_subparsers(dest="update_command", metavar="ACTION", required=True)
    st = us.add_parser("status", help="this version, a release ready to install, the way back")
    st.add_argument("--json", action="store_true")
    st.set_defaults(func=_status)
    rc = us.add_parser("receive", help="take a .hubrelease from a stick or folder (checked, kept until installed)")
    rc.add_argument("path", type=Path)
    rc.set_defaults(func=_receive)
    i = us.add_parser("install", help="install the ready release (the data folder is backed up first)")
    i.add_argument("--program-dir", type=Path, default=None, help="the HubDesk folder to update (default: this one)")
    i.set_defaults(func=_install)
    rb = us.add_parser("rollback", help="go back to the version before the last update, with its data")
    rb.add_argument("--yes", action="store_true", help="do not ask")
    rb.set_defaults(func=_rollback)


def program_dir() -> Path | None:
    from hubdesk.core.releases import running_program

    return running_program()


def _updates(ctx: Context) -> Any:
    from hubdesk.core.releases import Updates, trusted_release_keys

    return Updates(ctx.data_dir, __version__, trusted_release_keys())


def _build(args: argparse.Namespace, ctx: Context) -> int:
    from hubdesk.core.releases import build_release, this_platform

    rel = build_release(args.bundle, args.release_version, args.platform or this_platform(), args.key, args.out)
    print(f"Wrote {rel.path}: {rel.describe()}, {rel.size} bytes, signed by release key {rel.signed_by}.")
    return 0


def _verify(args: argparse.Namespace, ctx: Context) -> int:
    from hubdesk.core.releases import read_release, trusted_release_keys

    rel = read_release(args.path, trusted_release_keys())
    print(f"{args.path}: {rel.describe()}, every byte checked, signed by trusted release key {rel.signed_by}.")
    return 0


def _status(args: argparse.Namespace, ctx: Context) -> int:
    updates = _updates(ctx)
    ready, last, where = updates.ready(), updates.last_update(), program_dir()
    info = {
        "version": __version__,
        "platform": updates.platform,
        "program_dir": str(where) if where else None,
        "ready": ready.version if ready else None,
        "can_roll_back_to": last.previous_version if last else None,
    }
    if args.json:
        ctx.print_json(info)
        return 0
    print(f"HubDesk {__version__} ({updates.platform}), " + (f"installed in {where}." if where else "run from source."))
    print(f"HubDesk {ready.version} is ready to install: hubdesk update install." if ready else "No update is waiting.")
    if last:
        print(f"The last update ({last.previous_version} -> {last.version}) can be undone: hubdesk update rollback.")
    return 0


def _receive(args: argparse.Namespace, ctx: Context) -> int:
    release = _updates(ctx).receive(args.path)
    if release is None:
        print(f"{args.path} is not newer than this HubDesk {__version__} or is for another kind of PC; not kept.")
        return 0
    print(f"HubDesk {release.version} is ready to install: hubdesk update install.")
    return 0


def _install(args: argparse.Namespace, ctx: Context) -> int:
    updates = _updates(ctx)
    where = args.program_dir or program_dir()
    if where is None:
        raise UpdateError("This HubDesk runs from source, not from an installed bundle: give --program-dir DIR.")
    ready = updates.ready()
    if ready is None:
        print("No update is waiting; nothing was changed.")
        return 0
    done = updates.install(ready, Path(where))
    print(f"HubDesk {done.version} is installed in {done.program}; start HubDesk again to use it.")
    print(f"The data folder was backed up to {done.backup}.")
    print(f"'hubdesk update rollback' goes back to {done.previous_version} with that data.")
    return 0


def _rollback(args: argparse.Namespace, ctx: Context) -> int:
    updates = _updates(ctx)
    last = updates.last_update()
    if last is None:
        raise UpdateError("There is no update to undo on this PC.")
    if not args.yes:
        if not sys.stdin.isatty():
            raise UpdateError("Going back replaces today's data with the copy made before the update: add --yes.")
        answer = input(
            f"Go back to HubDesk {last.previous_version}? Work done since the update is kept aside, not in the app."
            " [y/N] "
        )
        if answer.strip().lower() not in ("y", "yes", "o", "oui"):
            print("Nothing was changed.")
            return 0
    done = updates.rollback()
    print(f"HubDesk {done.previous_version} is back in {done.program}, with the data as it was before the update.")
    return 0
