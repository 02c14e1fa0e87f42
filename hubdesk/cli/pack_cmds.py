"""``hubdesk pack ...``: keygen, build, import-cc, verify, install, list, remove, export, trust, require-signed."""

from __future__ import annotations

import argparse
import sys
import threading
import time
from pathlib import Path
from typing import Any

from hubdesk.cli.context import Context
from hubdesk.core import packs as packs_api
from hubdesk.errors import HubDeskError


def register(sub: Any) -> None:
    p = sub.add_parser("pack", help="build, check, install and carry course packs")
    ps = p.add_subparsers(dest="pack_command", metavar="ACTION", required=True)

    kg = ps.add_parser("keygen", help="make a publisher key pair: OUT (keep it secret) and OUT.pub (share it)")
    kg.add_argument("out", type=Path)
    kg.set_defaults(func=_keygen)

    b = ps.add_parser("build", help="build a .hubpack from a folder of Markdown lessons")
    b.add_argument("src", type=Path)
    b.add_argument("-o", "--out", type=Path, required=True, metavar="OUT.hubpack")
    b.add_argument("--sign", type=Path, metavar="KEY", help="sign with this publisher key (from pack keygen)")
    b.set_defaults(func=_build)

    cc = ps.add_parser("import-cc", help="build a .hubpack from an IMS Common Cartridge (Moodle, Canvas export)")
    cc.add_argument("cartridge", type=Path, metavar="FILE.imscc|FOLDER")
    cc.add_argument("-o", "--out", type=Path, required=True, metavar="OUT.hubpack")
    cc.add_argument("--sign", type=Path, metavar="KEY", help="sign with this publisher key (from pack keygen)")
    cc.set_defaults(func=_import_cc)

    v = ps.add_parser("verify", help="check a pack (every file against its manifest) without installing it")
    v.add_argument("path", type=Path)
    v.add_argument("--trust", type=Path, metavar="PUBKEY", help="also say whether it is signed by this key")
    v.set_defaults(func=_verify)

    i = ps.add_parser(
        "install",
        help="install or upgrade a pack (a .hubpack file, a pack folder, or every pack on a USB stick)",
    )
    i.add_argument("path", type=Path)
    i.add_argument("--trust", type=Path, metavar="PUBKEY", help="trust this publisher key (and remember it)")
    i.add_argument("--force", action="store_true", help="install even an older version than the installed one")
    i.set_defaults(func=_install)

    ls = ps.add_parser("list", help="list installed packs")
    ls.add_argument("--json", action="store_true")
    ls.set_defaults(func=_list)

    rm = ps.add_parser("remove", help="remove an installed pack (learners' progress is kept)")
    rm.add_argument("pack_id")
    rm.set_defaults(func=_remove)

    ex = ps.add_parser("export", help="copy packs to a USB stick layout: DIR/HUBDESK/packs/")
    ex.add_argument("pack_ids", nargs="+", metavar="ID")
    ex.add_argument("--to", type=Path, required=True, metavar="DIR")
    ex.set_defaults(func=_export)

    fu = ps.add_parser("find-usb", help="list packs on mounted USB drives (HUBDESK/packs/)")
    fu.add_argument("roots", nargs="*", type=Path, help="mount points to look in (default: /media, /run/media, /mnt)")
    fu.set_defaults(func=_find_usb)

    tr = ps.add_parser("trust", help="trust a publisher's public key (OUT.pub from pack keygen)")
    tr.add_argument("pubkey")
    tr.add_argument("--label", default="")
    tr.set_defaults(func=_trust)

    ut = ps.add_parser("untrust", help="stop trusting a publisher's key")
    ut.add_argument("pubkey")
    ut.set_defaults(func=_untrust)

    rs = ps.add_parser("require-signed", help="on: refuse packs not signed by a trusted key; off: accept them")
    rs.add_argument("state", choices=["on", "off"], nargs="?")
    rs.set_defaults(func=_require_signed)


class ProgressBar:
    """A one-line bar on stderr, redrawn at most ten times a second."""

    def __init__(self, label: str) -> None:
        self.label = label
        self.last = 0.0

    def __call__(self, done: int, total: int) -> None:
        now = time.monotonic()
        if now - self.last < 0.1 and done < total:
            return
        self.last = now
        frac = done / total if total else 1.0
        bar = "#" * int(frac * 30)
        unit, scale = ("MB", 1e6) if total >= 10e6 else ("kB", 1e3)
        sys.stderr.write(f"\r{self.label} [{bar:<30}] {frac:4.0%} {done / scale:,.0f}/{total / scale:,.0f} {unit}")
        sys.stderr.flush()

    def finish(self) -> None:
        if self.last:
            sys.stderr.write("\n")


def _signer(signed_by: str | None, verified: bool) -> str:
    if signed_by is None:
        return "not signed"
    who = f"key {packs_api.fingerprint(signed_by)}"
    return f"signed by trusted {who}" if verified else f"signed by {who}, not trusted here"


def _keygen(args: argparse.Namespace, ctx: Context) -> int:
    priv, pub = packs_api.keygen(args.out)
    print(f"Wrote {priv} (keep it secret) and {pub} (give it to centres); key {packs_api.fingerprint(_pub(pub))}.")
    return 0


def _pub(path: Path) -> str:
    return packs_api.read_public_key(path)


def _build(args: argparse.Namespace, ctx: Context) -> int:
    result = packs_api.build_pack(args.src, args.out, sign_key=args.sign)
    for w in result.warnings:
        print(f"warning: {w}", file=sys.stderr)
    m = result.manifest
    signed = f", signed with key {packs_api.fingerprint(result.signature.key)}" if result.signature else ""
    print(
        f"Built {result.path}: {m.title} ({m.id} {m.version}), {len(m.lessons)} lessons, {len(m.files)} files{signed}."
    )
    return 0


def _import_cc(args: argparse.Namespace, ctx: Context) -> int:
    from hubdesk.core.cartridge import import_cartridge

    report = import_cartridge(args.cartridge, args.out, sign_key=args.sign)
    m = report.build.manifest
    signed = f", signed with key {packs_api.fingerprint(report.build.signature.key)}" if report.build.signature else ""
    print(
        f"Built {report.build.path}: {m.title} ({m.id} {m.version}), {report.lessons} lessons, "
        f"{report.quizzes} quizzes with {report.questions} questions{signed}."
    )
    for note in report.notes:
        print(f"note: {note}")
    if report.needs_internet:
        print(f"{len(report.needs_internet)} lesson(s) need internet (web links, external tools):")
        print("".join(f"  - {x}\n" for x in report.needs_internet), end="")
    if report.left_out:
        print(f"{len(report.left_out)} part(s) could not come along:")
        print("".join(f"  - {x}\n" for x in report.left_out), end="")
    return 0


def _verify(args: argparse.Namespace, ctx: Context) -> int:
    trusted = frozenset({packs_api.read_public_key(args.trust)}) if args.trust else frozenset()
    bar = ProgressBar("Checking") if ctx.interactive() else None
    try:
        checked = packs_api.verify_pack(args.path, trusted=trusted, progress=bar)
    finally:
        if bar:
            bar.finish()
    m = checked.manifest
    print(
        f"{args.path} is sound: {m.title} ({m.id} {m.version}, {m.language}), {len(m.lessons)} lessons, "
        f"{len(m.files)} files, {m.total_size / 1e6:,.1f} MB, {_signer(checked.signed_by, checked.verified)}."
    )
    return 0


def _install(args: argparse.Namespace, ctx: Context) -> int:
    stick = Path(args.path)
    on_stick = packs_api.Packs.find_usb_packs([stick]) if not (stick / "manifest.json").exists() else []
    if on_stick:
        # a whole USB stick (or its HUBDESK/packs folder's drive): install every pack on it
        print(f"Found {len(on_stick)} pack(s) on {stick}.")
        failed = 0
        for found in on_stick:
            try:
                _install_one(found, args, ctx)
            except HubDeskError as exc:  # one damaged pack must not keep the others off this PC
                print(f"hubdesk: {found.name}: {exc}", file=sys.stderr)
                failed = exc.exit_code
        return failed
    _install_one(stick, args, ctx)
    return 0


def _install_one(path: Path, args: argparse.Namespace, ctx: Context) -> None:
    bar = ProgressBar("Installing") if ctx.interactive() else None
    cancel = threading.Event()
    try:
        result = ctx.inst.packs.install(path, trust=args.trust, force=args.force, progress=bar, cancel=cancel)
    finally:
        if bar:
            bar.finish()
    who = _signer(result.signed_by, result.verified)
    if result.action == "unchanged":
        print(f"{result.title} {result.version} is already installed; nothing changed.")
    elif result.previous_version:
        print(f"{result.title}: {result.action} from {result.previous_version} to {result.version} ({who}).")
    else:
        print(f"Installed {result.title} {result.version} as {result.pack_id} ({who}).")


def _list(args: argparse.Namespace, ctx: Context) -> int:
    installed = ctx.inst.packs.list()
    if _is_hub(ctx):
        return _list_hub(args, ctx, installed)
    if args.json:
        ctx.print_json([p.to_dict() for p in installed])
        return 0
    if not installed:
        print("No packs installed yet. Install one with: hubdesk pack install PACK.hubpack")
    for p in installed:
        mark = " (verified)" if p.verified else ""
        print(f"{p.id}\t{p.version}\t{p.language}\t{len(p.lessons)} lessons\t{p.title}{mark}")
    return 0


def _is_hub(ctx: Context) -> bool:
    from hubdesk.sync.service import sync_state

    return sync_state(ctx.inst).is_hub


def _list_hub(args: argparse.Namespace, ctx: Context, installed: list[packs_api.InstalledPack]) -> int:
    """On a hub: the hub's own packs plus, per pack, the centres that reported installing it."""
    at_centres: dict[str, list[Any]] = {}
    for cp in ctx.inst.centre_packs.installed(exclude_device=ctx.inst.device_id):
        at_centres.setdefault(cp.pack_id, []).append(cp)
    rows: list[dict[str, Any]] = []
    for p in installed:
        rows.append({**p.to_dict(), "installed_here": True, "centres": [c.to_dict() for c in at_centres.pop(p.id, [])]})
    for pack_id, centres in sorted(at_centres.items()):
        newest = max(centres, key=lambda c: _version_key(c.version))
        rows.append(
            {
                "id": pack_id,
                "version": newest.version,
                "title": newest.title,
                "language": newest.language,
                "lessons": [],  # the lessons themselves are not on the hub, only their number
                "lesson_count": newest.lessons,
                "installed_here": False,
                "centres": [c.to_dict() for c in centres],
            }
        )
    rows.sort(key=lambda r: (str(r["title"]).casefold(), r["id"]))
    if args.json:
        ctx.print_json(rows)
        return 0
    if not rows:
        print("No packs here or at any centre yet. Publish one with: hubdesk hub publish PACK.hubpack")
    for r in rows:
        count = len(r["lessons"]) if r["installed_here"] else r["lesson_count"]
        here = "installed here" if r["installed_here"] else "not installed here"
        print(f"{r['id']}\t{r['version']}\t{r['language']}\t{count} lessons\t{r['title']} ({here})")
        if not r["centres"]:
            print("    at no centre")
        for c in r["centres"]:
            print(f"    centre {c['device_id']}: {c['version']}")
    return 0


def _version_key(text: str) -> tuple[int, ...]:
    try:
        return packs_api.parse_version(text)
    except packs_api.PackError:  # a centre's report is data from elsewhere: an odd version sorts first
        return ()


def _remove(args: argparse.Namespace, ctx: Context) -> int:
    title = ctx.inst.packs.get(args.pack_id).title
    ctx.inst.packs.remove(args.pack_id)
    print(f"Removed {title}; learners' progress in it is kept.")
    return 0


def _export(args: argparse.Namespace, ctx: Context) -> int:
    for path in ctx.inst.packs.export(args.pack_ids, args.to):
        print(f"Wrote {path}")
    return 0


def _find_usb(args: argparse.Namespace, ctx: Context) -> int:
    found = packs_api.Packs.find_usb_packs(args.roots or None)
    if not found:
        print("No packs found on mounted drives (looked for HUBDESK/packs/).")
    for path in found:
        print(path)
    return 0


def _trust(args: argparse.Namespace, ctx: Context) -> int:
    fp = ctx.inst.packs.trust(args.pubkey, label=args.label)
    print(f"Packs signed by key {fp} now show as verified.")
    return 0


def _untrust(args: argparse.Namespace, ctx: Context) -> int:
    ctx.inst.packs.untrust(args.pubkey)
    print("That key is no longer trusted.")
    return 0


def _require_signed(args: argparse.Namespace, ctx: Context) -> int:
    packs = ctx.inst.packs
    if args.state is not None:
        packs.set_require_signed(args.state == "on")
    if packs.require_signed:
        print("This installation only installs packs signed by a trusted key.")
    else:
        print("This installation installs unsigned packs too.")
    return 0
