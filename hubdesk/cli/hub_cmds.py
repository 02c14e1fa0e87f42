"""``hubdesk hub ...``: run the central hub, hand out enrolment codes, list centres, publish packs."""

from __future__ import annotations

import argparse
import datetime as dt
import errno
import socket
import sys
from pathlib import Path
from typing import Any

from hubdesk.cli import hub_contribution_cmds, hub_report_cmds
from hubdesk.cli.context import Context
from hubdesk.errors import HubDeskError


def register(sub: Any) -> None:
    p = sub.add_parser("hub", help="run the central hub that centres sync with")
    hsub = p.add_subparsers(dest="hub_command", metavar="ACTION", required=True)

    serve = hsub.add_parser("serve", help="serve centres over HTTP until stopped")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=port, default=8470)
    serve.add_argument("--workers", type=workers, default=1, help="processes serving the same port (default 1)")
    serve.add_argument("--tls-cert", metavar="FILE", help="serve HTTPS with this certificate (PEM, with its chain)")
    serve.add_argument("--tls-key", metavar="FILE", help="the certificate's private key (PEM)")
    serve.add_argument(
        "--max-connections", type=count, default=1000, metavar="N", help="open connections at once (default 1000)"
    )
    serve.add_argument(
        "--header-timeout",
        type=seconds,
        default=10.0,
        metavar="S",
        help="seconds a client has to send a request's head (default 10); a body may pause 1.5 times that",
    )
    serve.add_argument(
        "--requests-per-minute",
        type=count,
        default=600,
        metavar="N",
        help="signed requests one centre device may make a minute (default 600)",
    )
    serve.add_argument(
        "--database",
        metavar="URL",
        help="keep the hub's tables in PostgreSQL (postgresql://user@host/name); remembered for this data folder",
    )
    serve.set_defaults(func=_serve)

    move = hsub.add_parser("migrate-to", help="move this hub's tables from its SQLite file into PostgreSQL")
    move.add_argument("url", metavar="URL", help="an empty PostgreSQL database: postgresql://user@host/name")
    move.set_defaults(func=_migrate_to)

    code = hsub.add_parser("enrol-code", help="print a one-time enrolment code for one centre")
    code.add_argument("--valid-hours", type=hours, default=24 * 14, help="how long the code works (default 14 days)")
    code.set_defaults(func=_enrol_code)

    centres = hsub.add_parser("centres", help="list enrolled centres and their last contact")
    centres.add_argument("--json", action="store_true")
    centres.set_defaults(func=_centres)

    pub = hsub.add_parser("publish", help="hold a pack for centres to download")
    pub.add_argument("pack", help="a .hubpack file")
    pub.add_argument("--trust", metavar="KEY.pub", help="trust this publisher key (the hub checks the signature)")
    pub.add_argument(
        "--allow-unsigned", action="store_true", help="publish a pack nobody signed (you vouch for where it came from)"
    )
    pub.set_defaults(func=_publish)

    rel = hsub.add_parser("publish-release", help="hold a signed HubDesk release for centres (stick and HTTP)")
    rel.add_argument("release", type=Path, metavar="FILE.hubrelease")
    rel.set_defaults(func=_publish_release)

    hub_report_cmds.register(hsub)
    hub_contribution_cmds.register(hsub)


def port(text: str) -> int:
    """A TCP port number (argparse turns the ValueError into a usage message rather than a traceback)."""
    port = int(text)
    if not 0 <= port <= 65535:
        raise ValueError(text)
    return port


def workers(text: str) -> int:
    value = int(text)
    if not 1 <= value <= 64:
        raise ValueError(text)
    return value


MAX_VALID_HOURS = 24 * 366


def count(text: str) -> int:
    """A positive whole number (connections, requests)."""
    value = int(text)
    if not 0 < value <= 1_000_000:
        raise ValueError(text)
    return value


def seconds(text: str) -> float:
    """A time limit: more than nothing, at most an hour (nan and inf refused)."""
    value = float(text)
    if not 0 < value <= 3600:
        raise ValueError(text)
    return value


def hours(text: str) -> float:
    """How long an enrolment code works: more than nothing, at most a year (nan, inf, a negative
    number would issue a code that never or always expired, or fail half-way)."""
    value = float(text)
    if not 0 < value <= MAX_VALID_HOURS:  # also False for nan
        raise ValueError(text)
    return value


def listen(host: str, port: int) -> socket.socket:
    """Bind and listen before saying so: a port in use is one sentence, not uvicorn's log line."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
    except socket.gaierror as exc:
        raise HubDeskError(
            f"HubDesk cannot listen on {host}: that address is not known here ({exc.strerror})."
        ) from exc
    family, kind, proto, _name, address = infos[0]
    sock = socket.socket(family, kind, proto)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # a hub restarted at once may rebind
        sock.bind(address)
        sock.listen(2048)
    except OSError as exc:
        sock.close()
        if exc.errno == errno.EADDRINUSE:
            raise HubDeskError(
                f"Port {port} on {host} is already in use: another program (perhaps a hub already running) "
                "listens there; stop it, or choose another port with --port."
            ) from exc
        raise HubDeskError(f"HubDesk cannot listen on port {port} on {host}: {exc.strerror}.") from exc
    return sock


def _serve(args: argparse.Namespace, ctx: Context) -> int:
    from hubdesk.hub.quotas import Quota
    from hubdesk.hub.server import serve
    from hubdesk.sync.serving import Limits, check_tls

    tls = check_tls(args.tls_cert, args.tls_key)
    if args.database:
        from hubdesk.hub import database

        ctx.close()
        moved = database.use(ctx.data_dir, args.database)
        if moved:
            rows = sum(m.rows for m in moved)
            print(
                f"Moved this hub's {len(moved)} tables ({rows:,} rows, counts checked) from "
                f"{ctx.data_dir / 'hubdesk.sqlite3'} into PostgreSQL; that file is kept unchanged as a fallback.",
                flush=True,
            )
    _daily_backup(ctx)
    limits = Limits.scaled(args.header_timeout, args.max_connections)
    sock = listen(args.host, args.port)
    port = sock.getsockname()[1]
    scheme = "https" if tls else "http"
    print(f"HubDesk hub {ctx.inst.device_id} listening on {scheme}://{args.host}:{port} (Ctrl+C stops it).", flush=True)
    with sock:
        if args.workers > 1:
            from hubdesk.hub.workers import serve_workers

            ctx.close()  # each worker opens the data folder itself
            serve_workers(
                ctx.data_dir, sock, args.workers, limits=limits, tls=tls, quota=Quota(args.requests_per_minute)
            )
        else:
            serve(ctx.inst, args.host, port, sock=sock, limits=limits, tls=tls, quota=Quota(args.requests_per_minute))
    return 0


def _daily_backup(ctx: Context) -> None:
    """The hub's database too gets its daily copy (kept in its data folder), when it starts."""
    from hubdesk.core.backups import Backups

    if not ctx.inst.store.embedded:
        return  # PostgreSQL is backed up by its own tools (pg_dump; docs/hub.md)
    try:
        made = Backups(ctx.inst.dirs.database).daily()
    except HubDeskError as exc:  # a full disk: say so, and serve anyway
        print(f"hubdesk: no daily backup today: {exc}", file=sys.stderr)
        return
    if made is not None:
        print(f"Daily backup: {made.path}.", flush=True)


def _enrol_code(args: argparse.Namespace, ctx: Context) -> int:
    from hubdesk.sync.enrolment import issue_code
    from hubdesk.sync.service import sync_state

    code = issue_code(sync_state(ctx.inst), ctx.inst.identity, args.valid_hours)
    until = dt.datetime.now() + dt.timedelta(hours=args.valid_hours)
    print(f"One-time enrolment code for one centre, valid until {until:%Y-%m-%d %H:%M}:")
    print(code)
    return 0


def _centres(args: argparse.Namespace, ctx: Context) -> int:
    from hubdesk.core.centre import iso
    from hubdesk.hub.centres import centres

    rows: list[dict[str, Any]] = [
        {
            "id": c.id,
            "name": c.name,
            "place": c.place,
            "pcs": [{"id": pc.id, "name": pc.name, "last_seen": iso(pc.last_seen)} for pc in c.pcs],
            "learners": c.learners,
            "packs": c.packs,
            "last_contact": iso(c.last_contact),
        }
        for c in centres(ctx.inst)
    ]
    if args.json:
        ctx.print_json(rows)
        return 0
    if not rows:
        print("No centre is enrolled yet. Give one a code from: hubdesk hub enrol-code")
    for r in rows:
        print(
            f"{r['name'] or 'Centre ' + str(r['id'])[:6]}\t{len(r['pcs'])} PC(s)\t{r['learners']} learner(s)\t"
            f"{r['packs']} pack(s)\tlast contact {r['last_contact'] or 'never'}\t{r['id']}"
        )
    return 0


def _publish_release(args: argparse.Namespace, ctx: Context) -> int:
    from hubdesk.hub.releases import publish_release

    held = publish_release(ctx.inst, args.release)
    print(f"Holding HubDesk {held.version} for {held.platform} ({held.size} bytes): it travels on the next stick")
    print("export and to centres that sync over HTTP.")
    return 0


def _publish(args: argparse.Namespace, ctx: Context) -> int:
    from hubdesk.hub.deltas import towards
    from hubdesk.hub.published import admit, publish

    choice = admit(ctx.inst, args.pack, trust=args.trust, allow_unsigned=args.allow_unsigned)
    item = publish(ctx.inst, args.pack, trust=args.trust, choice=choice)
    print(f"Published {item.title} {item.version} ({item.size} bytes) for centres to download; {choice}.")
    for d in towards(ctx.inst, item.id, item.version):
        print(f"Update from {d.base_version}: {d.size} bytes (the files that changed).")
    return 0


def _migrate_to(args: argparse.Namespace, ctx: Context) -> int:
    from hubdesk.core.pg_store import redacted
    from hubdesk.hub import database

    ctx.close()  # the move reads the SQLite file itself
    shown: dict[str, int] = {}

    def progress(table: str, rows: int) -> None:
        if sys.stderr.isatty() and rows - shown.get(table, 0) >= 50_000:
            shown[table] = rows
            print(f"\r{table}: {rows:,} rows", end="", file=sys.stderr, flush=True)

    moved = database.move_to(ctx.data_dir, args.url, progress)
    if shown:
        print(file=sys.stderr)
    for m in moved:
        print(f"{m.table:32} {m.rows:>12,} rows")
    total = sum(m.rows for m in moved)
    print(
        f"Moved {len(moved)} tables, {total:,} rows, counts checked, into {redacted(args.url)}. "
        f"This hub now serves from there; {ctx.data_dir / 'hubdesk.sqlite3'} is kept unchanged as a fallback."
    )
    return 0
