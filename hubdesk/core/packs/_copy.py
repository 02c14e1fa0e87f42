"""Verify-while-copy: each byte is read once, hashed and written from the same buffer.

Hashing (OpenSSL, GIL released) runs on a second thread while the main thread writes the chunk
just read and reads the next one into the other buffer, so on two cores a 1 GB install costs about
one SHA-256 pass. Every stream stops one byte past the size the manifest declares: a file that
inflates further, comes up short, or hashes differently is refused before anything is kept. What
is hashed is the very buffer that is written, so what is verified is what is installed.

Durability costs no waiting of its own: on Linux each written chunk is handed to the disk at once
(``sync_file_range``), so the disk writes while the next chunks are hashed, and one ``syncfs`` at
the end (see :meth:`Copier.sync`) only waits for the tail and the directory entries. Elsewhere each
file is ``fsync``-ed before it is closed, never opened a second time.
"""

from __future__ import annotations

import hashlib
import io
import os
import sys
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import Any

from hubdesk.core.packs._manifest import FileEntry, Manifest
from hubdesk.core.packs._source import PackSource, ReadInto
from hubdesk.errors import Cancelled, PackError

Progress = Callable[[int, int], None]
BUFFER = 4 * 1024 * 1024
_INLINE_HASH = 256 * 1024  # smaller chunks are hashed on this thread: a thread hop costs more than the hash
_SYNC_FILE_RANGE_WRITE = 2  # start writeback of the range's dirty pages, do not wait for it


class Copier:
    """Copies (or only checks, with ``dest=None``) every file of a manifest from a source."""

    def __init__(
        self,
        source: PackSource,
        manifest: Manifest,
        dest: Path | None,
        *,
        progress: Progress | None = None,
        cancel: threading.Event | None = None,
    ) -> None:
        self.source = source
        self.manifest = manifest
        self.dest = dest
        self.progress = progress
        self.cancel = cancel
        self.total = manifest.total_size
        self.done = 0
        self._bufs = (bytearray(BUFFER), bytearray(BUFFER))
        self._made_dirs: set[str] = set()
        self._pool = ThreadPoolExecutor(1, thread_name_prefix="pack-hash")
        self._disk = _Disk.get() if dest is not None else None

    def run(self) -> None:
        """Copy and verify every file. The files are not durable until :meth:`sync`."""
        try:
            self._report()
            for entry in self.manifest.files:
                self._check_cancel()
                self._copy_one(entry)
        finally:
            self._pool.shutdown(wait=True)

    def write_small(self, rel: str, data: bytes) -> None:
        """Write one more small file (the manifest, the signature) into the destination."""
        fd = self._create(rel)
        try:
            _write_all(fd, memoryview(data))
            self._closing(fd)
        finally:
            os.close(fd)

    def sync(self, also: Path | None = None) -> None:
        """Make everything written durable: the files, the folders made, the destination's own
        entry in its parent, and the entries of folder ``also`` (on the same file system)."""
        assert self.dest is not None and self._disk is not None
        self._disk.sync_tree(self.dest, self._made_dirs, [self.dest.parent] + ([also] if also else []))

    def _check_cancel(self) -> None:
        if self.cancel is not None and self.cancel.is_set():
            raise Cancelled("The install was cancelled; nothing was changed.")

    def _report(self) -> None:
        if self.progress is not None:
            self.progress(self.done, self.total)

    def _copy_one(self, entry: FileEntry) -> None:
        shared = self.source.linkable(entry.path) if self.dest is not None else None
        if shared is not None and self._link_one(entry, shared):
            return
        out = self._create(entry.path) if self.dest is not None else None
        try:
            with self.source.open(entry.path) as (readinto, header_size):
                if header_size != entry.size:
                    raise PackError(
                        f"The pack's file {entry.path!r} is {header_size} bytes, but its manifest says {entry.size}."
                    )
                digest, n = self._pump(entry, readinto, out)
            if out is not None:
                self._closing(out)
        finally:
            if out is not None:
                os.close(out)
        if n != entry.size:
            raise PackError(
                f"The pack's file {entry.path!r} ended after {n} of its {entry.size} bytes; "
                "was the USB stick removed or the file changed while reading?"
            )
        if digest != entry.sha256:
            raise PackError(f"The pack's file {entry.path!r} does not match its checksum: it is damaged or altered.")

    def _link_one(self, entry: FileEntry, shared: Path) -> bool:
        """Hard-link an unchanged installed file into staging and hash what was linked; False to copy instead.

        A delta's unchanged files cost a read (the hash) and no write; a base file that does not
        match the new manifest fails the install as a damaged copy would.
        """
        assert self.dest is not None
        self._make_parent(entry.path)
        target = self.dest / entry.path
        try:
            os.link(shared, target, follow_symlinks=False)
        except OSError:
            return False  # another file system, or links not allowed: copy
        fd = os.open(target, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
        try:
            size = os.fstat(fd).st_size
            digest, n = ("", size)
            if size == entry.size:  # installed files are never written again: it cannot grow now
                digest, n = self._pump(entry, io.FileIO(fd, "rb", closefd=False).readinto, None)
        finally:
            os.close(fd)
        if n != entry.size or digest != entry.sha256:
            raise PackError(
                f"The installed copy of {entry.path!r} that this update builds on is damaged; "
                "install the whole pack instead."
            )
        return True

    def _pump(self, entry: FileEntry, readinto: ReadInto, out: int | None) -> tuple[str, int]:
        h = hashlib.sha256()
        limit = entry.size
        n = 0
        pending: Future[None] | None = None
        turn = 0
        try:
            while True:
                mv = memoryview(self._bufs[turn])
                turn ^= 1
                got = readinto(mv)
                if not got:
                    break
                n += got
                if n > limit:
                    raise PackError(
                        f"The pack's file {entry.path!r} holds more than the {limit} bytes its manifest declares."
                    )
                chunk = mv[:got]
                if pending is not None:
                    pending.result()
                    pending = None
                if got >= _INLINE_HASH:
                    pending = self._pool.submit(h.update, chunk)
                else:
                    h.update(chunk)
                if out is not None:
                    _write_all(out, chunk)
                    if got >= _INLINE_HASH:
                        assert self._disk is not None
                        self._disk.start_writeback(out, n - got, got)
                self.done += got
                if got >= _INLINE_HASH:
                    self._check_cancel()
                    self._report()
        finally:
            if pending is not None:
                pending.result()
        if n < _INLINE_HASH:
            self._report()
        return h.hexdigest(), n

    def _closing(self, fd: int) -> None:
        assert self._disk is not None
        if not self._disk.syncs_whole_fs:
            os.fsync(fd)  # no syncfs here: make the file durable now, while it is open

    def _make_parent(self, rel: str) -> None:
        assert self.dest is not None
        parent, _, _ = rel.rpartition("/")
        if parent and parent not in self._made_dirs:
            (self.dest / parent).mkdir(parents=True, exist_ok=True)
            while parent and parent not in self._made_dirs:
                self._made_dirs.add(parent)
                parent = parent.rpartition("/")[0]

    def _create(self, rel: str) -> int:
        assert self.dest is not None
        self._make_parent(rel)
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)
        try:
            return os.open(self.dest / rel, flags, 0o644)
        except FileExistsError:
            raise PackError(f"The pack holds the name {rel!r} twice.") from None


def _write_all(fd: int, chunk: memoryview) -> None:
    while chunk:
        chunk = chunk[os.write(fd, chunk) :]


class _Disk:
    """What this system offers to make written files durable cheaply (Linux: syncfs, sync_file_range)."""

    _instance: _Disk | None = None

    def __init__(self, *, native: bool = True) -> None:
        self._syncfs: Any = None
        self._sync_file_range: Any = None
        if native and sys.platform.startswith("linux"):
            import ctypes

            try:
                libc = ctypes.CDLL(None, use_errno=True)  # the C library the interpreter already runs on
                self._syncfs = libc.syncfs
                self._syncfs.argtypes = [ctypes.c_int]
                self._sync_file_range = libc.sync_file_range
                self._sync_file_range.argtypes = [ctypes.c_int, ctypes.c_int64, ctypes.c_int64, ctypes.c_uint]
            except (OSError, AttributeError):
                self._syncfs = self._sync_file_range = None

    @classmethod
    def get(cls) -> _Disk:
        if cls._instance is None:
            cls._instance = cls()
        return cls._instance

    @property
    def syncs_whole_fs(self) -> bool:
        return self._syncfs is not None

    def start_writeback(self, fd: int, offset: int, length: int) -> None:
        """Let the disk start writing a chunk now, while the next ones are read and hashed."""
        if self._sync_file_range is not None:
            self._sync_file_range(fd, offset, length, _SYNC_FILE_RANGE_WRITE)  # advisory: a failure is harmless

    def sync_tree(self, root: Path, dirs: set[str], outside: list[Path]) -> None:
        """One syncfs on Linux (every file and entry of the file system); elsewhere the files were
        fsynced as they were closed, and the folders (``dirs`` under ``root``, ``root``, then the
        ``outside`` ones) are fsynced here, deepest first."""
        if self._syncfs is not None:
            fd = os.open(root, os.O_RDONLY)
            try:
                if self._syncfs(fd) == 0:
                    return
            finally:
                os.close(fd)
            _fsync_files(root)  # syncfs refused (very rare): fall back to file by file
        for folder in [*(root / d for d in sorted(dirs, reverse=True)), root, *outside]:
            fsync_dir(folder)


def _fsync_files(root: Path) -> None:
    for base, _dirnames, files in os.walk(root):
        for f in files:
            ffd = os.open(os.path.join(base, f), os.O_RDONLY)
            try:
                os.fsync(ffd)
            finally:
                os.close(ffd)


def fsync_dir(path: Path) -> None:
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass  # some file systems (and Windows) cannot fsync a directory
    finally:
        os.close(fd)
