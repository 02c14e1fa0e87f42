"""``hubdesk backup`` and ``hubdesk restore``: copies of the database, and putting one back.

A backup on the PC (``backups/`` in the data folder) is a plain SQLite copy; one written with
``--to DIR`` leaves the PC, so it is encrypted with a passphrase (asked twice at the terminal, or
``$HUBDESK_BACKUP_PASSPHRASE`` for scripts). See :mod:`hubdesk.core.backups`.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from hubdesk.cli.context import Context
from hubdesk.errors import HubDeskError

PASSPHRASE_ENV = "HUBDESK_BACKUP_PASSPHRASE"


def register(sub: Any) -> None:
    b = sub.add_parser("backup", help="copy the database (kept on this PC, or encrypted to a folder with --to)")
    b.add_argument("--to", metavar="DIR", help="write an encrypted copy there (a USB stick, a share)")
    b.add_argument("--list", action="store_true", help="list the backups kept on this PC")
    b.set_defaults(func=_backup)

    r = sub.add_parser("restore", help="put a backup in place of this PC's database (close the app first)")
    r.add_argument("file", help="a backup kept on this PC, or an encrypted .hdbackup")
    r.set_defaults(func=_restore)


def _passphrase(twice: bool) -> str:
    given = os.environ.get(PASSPHRASE_ENV)
    if given is not None:
        return given
    if not sys.stdin.isatty():
        raise HubDeskError(f"A passphrase is needed: run this at a terminal, or set {PASSPHRASE_ENV}.")
    first = getpass.getpass("Passphrase for the backup: ")
    if twice and getpass.getpass("The same passphrase again: ") != first:
        raise HubDeskError("The two passphrases differ; nothing was written.")
    return first


def _refuse_server_store(ctx: Context) -> None:
    from hubdesk.core import pg_store

    if pg_store.database_url(ctx.data_dir) is not None:
        raise HubDeskError(
            "This hub keeps its tables in PostgreSQL: back it up with PostgreSQL's own tools "
            "(pg_dump, as docs/hub.md shows), and restore with pg_restore; nothing was changed."
        )


def _backup(args: argparse.Namespace, ctx: Context) -> int:
    from hubdesk.core import backups

    _refuse_server_store(ctx)
    if args.list:
        found = backups.Backups(ctx.inst.dirs.database).list()
        if not found:
            print("No backups on this PC yet.")
        for b in found:
            print(f"{b.made:%Y-%m-%d %H:%M:%S} UTC\t{b.kind}\t{b.size:,} bytes\t{b.path}")
        return 0
    if args.to is None:
        made = backups.Backups(ctx.inst.dirs.database).make("manual")
        print(f"Backed up to {made.path} ({made.size:,} bytes); the last {backups.KEEP} such copies are kept.")
        return 0
    passphrase = _passphrase(twice=True)
    if len(passphrase) < backups.MIN_PASSPHRASE:
        raise HubDeskError(f"The passphrase must have at least {backups.MIN_PASSPHRASE} characters.")
    out_dir = Path(args.to)
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise HubDeskError(f"No backup can be written to {out_dir}: {(exc.strerror or str(exc)).lower()}.") from exc
    device = ctx.inst.device_id
    dest = out_dir / f"hubdesk-{device}-{datetime.now(UTC):%Y%m%d-%H%M%S}{backups.SUFFIX}"
    with tempfile.TemporaryDirectory(dir=ctx.inst.dirs.root) as tmp:
        plain = Path(tmp) / "copy.sqlite3"
        reader = ctx.inst.store.sqlite_reader()
        try:
            backups.snapshot(reader, plain)
        finally:
            if reader is not ctx.inst.store.sqlite:
                reader.close()
        backups.encrypt(plain, dest, passphrase, device_id=device)
    print(f"Wrote {dest} ({dest.stat().st_size:,} bytes), encrypted: it opens only with the passphrase.")
    return 0


def _restore(args: argparse.Namespace, ctx: Context) -> int:
    from hubdesk.core import backups

    _refuse_server_store(ctx)
    source = Path(args.file)
    with open(source, "rb") if source.is_file() else open(os.devnull, "rb") as fh:
        sealed = fh.read(len(backups.MAGIC)) == backups.MAGIC
    from hubdesk.core.paths import DataDir

    # the installation is not opened: its database may be the damaged one being replaced
    database = DataDir(ctx.data_dir).database
    done = backups.restore(database, source, passphrase=_passphrase(False) if sealed else None)
    print(f"Restored {source.name}.")
    if done.kept is not None:
        print(f"The database it replaced is kept as {done.kept}.")
    print(
        f"This PC now writes as device {done.new_device} (the backup's was {done.old_device}), so nothing it "
        "wrote after the backup is ever overwritten. If it syncs with a hub, enrol it again with a new code "
        "from the hub: hubdesk sync enrol CODE --hub URL"
    )
    return 0
