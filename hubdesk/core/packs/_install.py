"""Installing a pack as one atomic step, and putting the library right after a crash.

The steps: copy and verify every file into ``staging/<token>/`` (same file system as ``packs/``),
make it durable, rename it to ``packs/<id>/<version>-<token>/``, then switch the ``packs`` row to it
in one SQLite transaction. That commit is the only moment the library changes. If the process dies
anywhere before it, the new folder is an orphan; anywhere after, the old one is. :func:`reconcile`
(run when the library opens and before every install) deletes staging leftovers and every folder
the database does not point to, so the library shows the old pack or the new one, never half.

A lock file serialises installs and reconciles between processes (the app and a CLI command), so a
reconcile never deletes a folder another process is still filling. It is ``filelock``'s lock: ``flock``
on Linux and macOS, ``msvcrt.locking`` on Windows, so two programs on a Windows PC exclude each other too.
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
import shutil
import signal
import threading
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

from filelock import FileLock, Timeout

from hubdesk.core.packs._check import CheckedPack, check_quizzes, check_source
from hubdesk.core.packs._copy import Copier, Progress, fsync_dir
from hubdesk.core.packs._manifest import MANIFEST_NAME, SIGNATURE_NAME
from hubdesk.core.packs._model import InstallResult
from hubdesk.core.packs._source import PackSource, open_source
from hubdesk.core.store import Store
from hubdesk.errors import PackError

CRASH_ENV = "HUBDESK_TEST_CRASH_AT"
LOCK_NAME = "packs.lock"


def crashpoint(name: str) -> None:
    """Die here, as a power cut or SIGKILL would, if the crash test asks for this point by name."""
    if os.environ.get(CRASH_ENV) == name:
        os.kill(os.getpid(), signal.SIGKILL)


@contextlib.contextmanager
def install_lock(root: Path, *, wait: bool = True) -> Iterator[bool]:
    """Hold the install lock; with ``wait=False`` yield False at once if another process holds it."""
    root.mkdir(parents=True, exist_ok=True)
    # a new lock object (and open file) per call: two holders in one process exclude each other as two processes do
    lock = FileLock(root / LOCK_NAME, thread_local=False)
    try:
        lock.acquire(blocking=wait)
    except Timeout:
        yield False
        return
    try:
        yield True
    finally:
        lock.release()


def reconcile(store: Store, packs_dir: Path, staging_dir: Path) -> None:
    """Delete what an interrupted install or removal left behind. Call with the install lock held."""
    if staging_dir.is_dir():
        for child in staging_dir.iterdir():
            _rmtree(child)
    live = {(r["id"], r["dir"]) for r in store.query("SELECT id, dir FROM packs")}
    live_ids = {pid for pid, _ in live}
    if packs_dir.is_dir():
        for pack_dir in packs_dir.iterdir():
            if not pack_dir.is_dir() or pack_dir.is_symlink():
                continue
            for version_dir in pack_dir.iterdir():
                if (pack_dir.name, version_dir.name) not in live:
                    _rmtree(version_dir)
            if pack_dir.name not in live_ids:
                _rmtree(pack_dir)
    # A row whose folder is gone (deleted by hand) cannot show a lesson: drop it rather than show a ghost.
    gone = [pid for pid, d in live if not (packs_dir / pid / d / MANIFEST_NAME).is_file()]
    if gone:
        with store.transaction() as conn:
            conn.executemany("DELETE FROM packs WHERE id = ?", [(g,) for g in gone])


def _rmtree(path: Path) -> None:
    if path.is_symlink() or path.is_file():
        path.unlink(missing_ok=True)
    else:
        shutil.rmtree(path, ignore_errors=True)


def _action(old: str | None, new: CheckedPack, old_key: tuple[int, ...] | None, force: bool) -> str:
    if old is None or old_key is None:
        return "installed"
    key = new.manifest.version_key
    if key > old_key:
        return "upgraded"
    if key == old_key:
        return "reinstalled" if force else "unchanged"
    if not force:
        raise PackError(
            f"Pack {new.manifest.id!r} version {new.manifest.version} is older than the installed "
            f"{old}; install it anyway with --force."
        )
    return "downgraded"


def install(
    store: Store,
    packs_dir: Path,
    staging_dir: Path,
    path: Path,
    *,
    trusted: frozenset[str],
    require_signed: bool,
    max_bytes: int,
    force: bool = False,
    progress: Progress | None = None,
    cancel: threading.Event | None = None,
    source: PackSource | None = None,
) -> InstallResult:
    """Install the pack at ``path``, or read through ``source`` when given (a delta over the base)."""
    from hubdesk.core.packs._manifest import parse_version

    source = source or open_source(Path(path))
    try:
        checked = check_source(source, trusted=trusted, require_signed=require_signed, max_bytes=max_bytes)
        m = checked.manifest
        rows = store.query("SELECT version, dir FROM packs WHERE id = ?", (m.id,))
        old_version = rows[0]["version"] if rows else None
        old_dir = rows[0]["dir"] if rows else None
        action = _action(old_version, checked, parse_version(old_version) if old_version else None, force)
        result = InstallResult(
            m.id, m.version, m.title, action, old_version, checked.signed_by, checked.verified, m.total_size
        )
        if action == "unchanged":
            return result
        token = secrets.token_hex(6)
        stage = staging_dir / token
        stage.mkdir(parents=True)
        live_name = f"{m.version}-{token}"
        pack_dir = packs_dir / m.id
        live = pack_dir / live_name
        committed = False
        try:
            crashpoint("staging")
            copier = Copier(source, m, stage, progress=_crashing(progress), cancel=cancel)
            copier.run()
            check_quizzes(m, lambda name: (stage / name).read_bytes())  # verified bytes, now parsed
            copier.write_small(MANIFEST_NAME, checked.manifest_bytes)
            if checked.signature_bytes is not None:
                copier.write_small(SIGNATURE_NAME, checked.signature_bytes)
            pack_dir.mkdir(parents=True, exist_ok=True)  # before the flush, which makes its entry durable too
            copier.sync(also=packs_dir)  # one flush for every file and folder written (see _copy)
            crashpoint("copied")
            os.rename(stage, live)
            fsync_dir(pack_dir)
            crashpoint("renamed")
            now = datetime.now(UTC).isoformat(timespec="seconds")
            with store.transaction() as conn:
                conn.execute(
                    """INSERT INTO packs (id, version, dir, title, language, manifest, signed_by, installed_at)
                       VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                       ON CONFLICT(id) DO UPDATE SET version = excluded.version, dir = excluded.dir,
                         title = excluded.title, language = excluded.language, manifest = excluded.manifest,
                         signed_by = excluded.signed_by, installed_at = excluded.installed_at""",
                    (
                        m.id,
                        m.version,
                        live_name,
                        m.title,
                        m.language,
                        checked.manifest_bytes.decode(),
                        checked.signed_by,
                        now,
                    ),
                )
                crashpoint("in-transaction")
            committed = True
            crashpoint("committed")
        except OSError as exc:
            raise PackError(
                f"Pack {m.id!r} could not be written to {packs_dir}: {_why(exc)}; nothing was changed."
            ) from None
        finally:
            if not committed:
                _rmtree(stage)
                _rmtree(live)
        if old_dir and old_dir != live_name:
            _rmtree(pack_dir / old_dir)
        crashpoint("cleaned")
        return result
    finally:
        source.close()


def _why(exc: OSError) -> str:
    if exc.errno == errno.ENOSPC:
        return "the disk is full"
    return (exc.strerror or str(exc)).lower()


def _crashing(progress: Progress | None) -> Progress:
    """Wrap the progress callback with a crash point half-way through the copy."""
    halfway = os.environ.get(CRASH_ENV) == "copying"

    def report(done: int, total: int) -> None:
        if halfway and total and done * 2 >= total:
            crashpoint("copying")
        if progress is not None:
            progress(done, total)

    return report
