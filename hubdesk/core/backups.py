"""Backups of the database: rotating copies on the PC, encrypted ones to take away, and restore.

A centre PC's one database holds everything its learners did and the secrets that let them sign
in. A disk that fails, a bad shutdown on a cheap SD card, a broken upgrade: each must leave a way
back that does not need the hub.

- **On the PC** (``backups/`` in the data folder): SQLite's online backup API copies the live
  database page by page while the app keeps working; each copy is checked (``PRAGMA
  quick_check``) before it counts. One a day (:meth:`Backups.daily`), one before any migration
  changes the schema of an existing database (an upgrade), one before a restore; the newest
  :data:`KEEP` of each kind are kept. These stay where the database is, unencrypted, like it.
- **Leaving the PC** (``hubdesk backup --to DIR``): the copy holds PIN, picture and password hashes
  and private notes, so it is encrypted with a passphrase the facilitator chooses (scrypt, then
  ChaCha20-Poly1305 in 1 MiB chunks, the last one marked so a cut file is caught). A passphrase
  and not the device's own key: the point of such a copy is to survive the PC, key included.
- **Restore** (``hubdesk restore FILE``) puts a checked copy in place, keeps the database it
  replaces, and gives the PC a **new device id and key**: events written after the backup under
  the old id may already be at the hub or on other PCs, and writing new ones under the same
  numbers would have them dropped as duplicates. The old id's events stay, as any other
  device's. The hub knows the new id only after it enrols again.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import json
import os
import re
import shutil
import sqlite3
import struct
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from hubdesk.core.store import Store
from hubdesk.errors import HubDeskError

KEEP = 7
DAY_S = 24 * 3600.0
KINDS = ("daily", "upgrade", "manual", "restore")
MAGIC = b"HDBACKUP\x01\n"
SUFFIX = ".hdbackup"
CHUNK = 1 << 20
MIN_PASSPHRASE = 8
_NAME_RE = re.compile(r"^hubdesk-(\d{8}-\d{6}-\d{6})-(daily|upgrade|manual|restore)\.sqlite3$")
_STAMP = "%Y%m%d-%H%M%S-%f"
_SCRYPT = {"n": 2**15, "r": 8, "p": 1}


class BackupError(HubDeskError):
    """A backup that cannot be made, read or restored."""


@dataclass(frozen=True)
class Backup:
    path: Path
    kind: str
    made: datetime

    @property
    def size(self) -> int:
        return self.path.stat().st_size


def folder_for(database: Path) -> Path:
    return Path(database).parent / "backups"


def snapshot(conn: sqlite3.Connection, dest: Path) -> Path:
    """Copy the database behind ``conn`` to ``dest`` with SQLite's online backup, checked before kept."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = dest.with_name(f".{dest.name}.part")
    tmp.unlink(missing_ok=True)
    try:
        out = sqlite3.connect(tmp)
        try:
            conn.backup(out)  # all pages in one step: a step-wise copy restarts whenever the app writes
            out.execute("PRAGMA journal_mode = DELETE")  # one self-contained file, no -wal beside it
            problems = [r[0] for r in out.execute("PRAGMA quick_check")]
        finally:
            out.close()
        if problems != ["ok"]:
            raise BackupError(f"The backup copy failed its check ({'; '.join(problems[:2])}); it was not kept.")
        with open(tmp, "rb") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, dest)
    except (OSError, sqlite3.Error) as exc:
        tmp.unlink(missing_ok=True)
        raise BackupError(f"No backup could be written to {dest.parent}: {_why(exc)}.") from exc
    return dest


def check_file(path: Path) -> str:
    """The device id inside a HubDesk database file, if it is one and passes its check; else BackupError."""
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            problems = [r[0] for r in conn.execute("PRAGMA quick_check")]
            row = conn.execute("SELECT value FROM meta WHERE key = 'device_id'").fetchone()
        finally:
            conn.close()
    except sqlite3.Error as exc:
        raise BackupError(f"{path.name} is not a HubDesk database ({exc}).") from exc
    if problems != ["ok"]:
        raise BackupError(f"{path.name} is damaged ({'; '.join(problems[:2])}).")
    if row is None:
        raise BackupError(f"{path.name} is not a HubDesk database (it has no device id).")
    return str(row[0])


def name_for(made: datetime, kind: str) -> str:
    return f"hubdesk-{made.strftime(_STAMP)}-{kind}.sqlite3"


def newest_good(database: Path) -> Backup | None:
    """The newest backup of ``database`` that passes its check (it may be open or damaged itself)."""
    return Backups(database).newest_good()


class Backups:
    """The rotating backups next to one database (``inst.backups``)."""

    def __init__(self, database: Path | str, keep: int = KEEP) -> None:
        self.database = Path(database)
        self.folder = folder_for(self.database)
        self.keep = keep

    def list(self) -> list[Backup]:
        """Backups on this PC, newest first."""
        if not self.folder.is_dir():
            return []
        out = []
        for p in self.folder.iterdir():
            m = _NAME_RE.match(p.name)
            if m:
                made = datetime.strptime(m.group(1), _STAMP).replace(tzinfo=UTC)
                out.append(Backup(p, m.group(2), made))
        return sorted(out, key=lambda b: (b.made, b.path.name), reverse=True)

    def make(self, kind: str = "manual") -> Backup:
        if kind not in KINDS:
            raise ValueError(kind)
        made = datetime.now(UTC)
        dest = self.folder / name_for(made, kind)
        # a connection of its own: a read transaction in WAL mode, so the app keeps writing meanwhile
        reader = sqlite3.connect(f"file:{self.database}?mode=ro", uri=True)
        try:
            snapshot(reader, dest)
        finally:
            reader.close()
        self.rotate(kind)
        return Backup(dest, kind, made)

    def daily(self, now: float | None = None) -> Backup | None:
        """A backup if the newest daily one is a day old or more (or there is none)."""
        now = time.time() if now is None else now
        last = next((b for b in self.list() if b.kind == "daily"), None)
        if last is not None and now - last.made.timestamp() < DAY_S:
            return None
        return self.make("daily")

    def rotate(self, kind: str) -> None:
        for old in [b for b in self.list() if b.kind == kind][self.keep :]:
            old.path.unlink(missing_ok=True)

    def newest_good(self) -> Backup | None:
        """The newest backup that passes its check (a damaged disk may have hit the backups too)."""
        for b in self.list():
            with contextlib.suppress(BackupError):
                check_file(b.path)
                return b
        return None


# -- encrypted copies that leave the PC ---------------------------------------------------------
def _key(passphrase: str, salt: bytes, params: dict[str, int]) -> tuple[bytes, str]:
    """The encryption key and a check value (kept in the header: a wrong passphrase is told apart
    from a damaged file without decrypting anything)."""
    if len(passphrase) < MIN_PASSPHRASE:
        raise BackupError(f"The passphrase must have at least {MIN_PASSPHRASE} characters.")
    derived = Scrypt(salt=salt, length=64, **params).derive(passphrase.encode())
    return derived[:32], hashlib.sha256(derived[32:]).hexdigest()


def _nonce(i: int) -> bytes:
    return b"\0\0\0\0" + struct.pack(">Q", i)


def encrypt(plain: Path, dest: Path, passphrase: str, *, device_id: str) -> Path:
    """Write ``plain`` (a database file) encrypted under ``passphrase`` to ``dest``."""
    salt = os.urandom(16)
    key, check = _key(passphrase, salt, _SCRYPT)
    aead = ChaCha20Poly1305(key)
    header = json.dumps(
        {
            "v": 1,
            "kdf": "scrypt",
            **_SCRYPT,
            "salt": salt.hex(),
            "check": check,
            "device": device_id,
            "made": time.time(),
        }
    ).encode()
    tmp = dest.with_name(f".{dest.name}.part")
    try:
        with open(plain, "rb") as src, open(tmp, "wb") as out:
            out.write(MAGIC + struct.pack(">I", len(header)) + header)
            chunk, i = src.read(CHUNK), 0
            while True:
                following = src.read(CHUNK)
                aad = header + (b"|more" if following else b"|last")
                sealed = aead.encrypt(_nonce(i), chunk, aad)
                out.write(struct.pack(">I", len(sealed)) + sealed)
                if not following:
                    break
                chunk, i = following, i + 1
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, dest)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise BackupError(f"The backup cannot be written to {dest.parent}: {_why(exc)}.") from exc
    return dest


def decrypt(sealed: Path, dest: Path, passphrase: str) -> None:
    """Undo :func:`encrypt` into ``dest``; a wrong passphrase or a damaged or cut file is one sentence."""
    name = sealed.name
    try:
        with open(sealed, "rb") as src, open(dest, "wb") as out:
            if src.read(len(MAGIC)) != MAGIC:
                raise BackupError(f"{name} is not a HubDesk backup.")
            (hlen,) = struct.unpack(">I", src.read(4))
            header = src.read(hlen) if hlen <= 4096 else b""
            try:
                info = json.loads(header)
                params = {k: int(info[k]) for k in ("n", "r", "p")}
                salt = bytes.fromhex(info["salt"])
                expected = str(info["check"])
            except (ValueError, KeyError, TypeError):
                raise BackupError(f"{name} is damaged (its header is not readable).") from None
            if not (2**10 <= params["n"] <= 2**20 and params["r"] <= 16 and params["p"] <= 4):
                raise BackupError(f"{name} asks for key settings this HubDesk does not use.")
            key, check = _key(passphrase, salt, params)
            if not hmac.compare_digest(check, expected):
                raise BackupError(f"{name} does not open with that passphrase.")
            aead = ChaCha20Poly1305(key)
            i = 0
            while True:
                raw = src.read(4)
                if len(raw) < 4:
                    raise BackupError(f"{name} is cut short: it ends before its last part.")
                (n,) = struct.unpack(">I", raw)
                sealed_chunk = src.read(n) if n <= CHUNK + 16 else b""
                try:
                    try:
                        chunk = aead.decrypt(_nonce(i), sealed_chunk, header + b"|more")
                        last = False
                    except InvalidTag:
                        chunk = aead.decrypt(_nonce(i), sealed_chunk, header + b"|last")
                        last = True
                except InvalidTag:
                    raise BackupError(f"{name} is damaged or cut short (part {i + 1} does not open).") from None
                out.write(chunk)
                if last:
                    break
                i += 1
    except OSError as exc:
        raise BackupError(f"{name} cannot be read: {_why(exc)}.") from exc


def _why(exc: BaseException) -> str:
    text = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
    return text.lower().rstrip(".")


# -- restore ------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Restored:
    old_device: str
    new_device: str
    kept: Path | None  # the database it replaced, kept in backups/


def restore(database: Path, source: Path, *, passphrase: str | None = None) -> Restored:
    """Put the backup ``source`` in place of ``database`` (no installation may have it open)."""
    database, source = Path(database), Path(source)
    if not source.is_file():
        raise BackupError(f"{source} is not a backup file.")
    folder = folder_for(database)
    folder.mkdir(parents=True, exist_ok=True)
    staged = folder / f".restoring-{os.getpid()}.sqlite3"
    try:
        with open(source, "rb") as fh:
            sealed = fh.read(len(MAGIC)) == MAGIC
        if sealed:
            if passphrase is None:
                raise BackupError(f"{source.name} is encrypted: give its passphrase.")
            decrypt(source, staged, passphrase)
        else:
            shutil.copyfile(source, staged)
        old_device = check_file(staged)
        kept = _set_aside(database, folder)
        os.replace(staged, database)
    except OSError as exc:
        raise BackupError(f"The backup cannot be put in place: {_why(exc)}; nothing was changed.") from exc
    finally:
        staged.unlink(missing_ok=True)
    return Restored(old_device, _new_identity(database, old_device), kept)


def _set_aside(database: Path, folder: Path) -> Path | None:
    """Keep the database a restore replaces: a checked copy if it still reads, else its raw files."""
    if not database.exists():
        return None
    dest = folder / name_for(datetime.now(UTC), "restore")
    try:
        conn = sqlite3.connect(database)
        try:
            snapshot(conn, dest)
        finally:
            conn.close()
    except (BackupError, sqlite3.Error):
        dest = folder / f"hubdesk-{datetime.now(UTC).strftime(_STAMP)}-damaged.sqlite3"
        shutil.copyfile(database, dest)
    for suffix in ("-wal", "-shm"):
        Path(f"{database}{suffix}").unlink(missing_ok=True)
    database.unlink()
    return dest


def _new_identity(database: Path, old_device: str) -> str:
    """Give the restored database a new device id and key (see the module's note on why)."""
    from hubdesk.core.identity import Identity

    store = Store(database)
    try:
        with store.transaction() as conn:
            conn.execute("DELETE FROM meta WHERE key IN ('device_id', 'device_key')")
            conn.execute(
                "INSERT INTO meta (key, value) VALUES ('restored_from', ?) "
                "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                (old_device,),
            )
        return Identity.load_or_create(store).device_id
    finally:
        store.close()
