"""Verify-while-copy: each file is read once, hashed and written from the same buffer.

Hashing (OpenSSL, GIL released) runs on a second thread while the main thread writes the same
chunk and reads the next one into the other buffer, so on two cores a 1 GB install costs about one
read plus one write. Every stream stops one byte past the size the manifest declares: a file that
inflates further, comes up short, or hashes differently is refused before anything is kept.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import errno
import hashlib
import mmap
import os
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

from hubdesk.core.packs._manifest import FileEntry, Manifest
from hubdesk.core.packs._source import PackSource
from hubdesk.errors import Cancelled, PackError

Progress = Callable[[int, int], None]
BUFFER = 4 * 1024 * 1024
KERNEL_COPY_MIN = 1024 * 1024
_NO_KERNEL_COPY = {errno.EXDEV, errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP, errno.EBADF, errno.ETXTBSY}
_INLINE_HASH = 256 * 1024  # smaller chunks are hashed on this thread: a thread hop costs more than the hash


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
        self._kernel_copy = hasattr(os, "copy_file_range") and not os.environ.get("HUBDESK_NO_KERNEL_COPY")

    def run(self) -> None:
        try:
            self._report()
            for entry in self.manifest.files:
                self._check_cancel()
                self._copy_one(entry)
            if self.dest is not None:
                sync_tree(self.dest, self._made_dirs)
        finally:
            self._pool.shutdown(wait=True)

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
            if out is not None and entry.size >= KERNEL_COPY_MIN and self._kernel_copy:
                with self.source.raw(entry.path) as raw:
                    if raw is not None and self._copy_in_kernel(entry, raw, out):
                        return
            with self.source.open(entry.path) as (readinto, header_size):
                if header_size != entry.size:
                    raise PackError(
                        f"The pack's file {entry.path!r} is {header_size} bytes, but its manifest says {entry.size}."
                    )
                digest, n = self._pump(entry, readinto, out)
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
        h = hashlib.sha256()
        fd = os.open(target, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
        try:
            size = os.fstat(fd).st_size
            done = 0
            while done < size:
                n = min(BUFFER, size - done)
                _hash_range(h, fd, done, n)
                done += n
                self.done += n
                self._check_cancel()
                self._report()
        finally:
            os.close(fd)
        if size != entry.size or h.hexdigest() != entry.sha256:
            raise PackError(
                f"The installed copy of {entry.path!r} that this update builds on is damaged; "
                "install the whole pack instead."
            )
        return True

    def _copy_in_kernel(self, entry: FileEntry, raw: tuple[int, int, int], out: int) -> bool:
        """Copy with ``copy_file_range`` (no user-space copy, like ``cp``) and hash what landed in the
        staging file through a mapping, chunk by chunk on the second thread: what is verified is
        exactly what is installed. Returns False (nothing written) where the kernel cannot do it."""
        src, offset, header_size = raw
        if header_size != entry.size:
            raise PackError(
                f"The pack's file {entry.path!r} is {header_size} bytes, but its manifest says {entry.size}."
            )
        h = hashlib.sha256()
        done = 0
        pending: Future[None] | None = None
        try:
            while done < entry.size:
                try:
                    n = os.copy_file_range(src, out, min(BUFFER, entry.size - done), offset + done, done)
                except OSError as exc:
                    if done == 0 and exc.errno in _NO_KERNEL_COPY:
                        self._kernel_copy = False
                        return False
                    raise PackError(
                        f"The pack's file {entry.path!r} cannot be read: {(exc.strerror or '').lower()}; "
                        "was the USB stick removed or the file changed while reading?"
                    ) from None
                if n == 0:
                    raise PackError(
                        f"The pack's file {entry.path!r} ended after {done} of its {entry.size} bytes; "
                        "was the USB stick removed or the file changed while reading?"
                    )
                if pending is not None:
                    pending.result()
                pending = self._pool.submit(_hash_range, h, out, done, n)
                done += n
                self.done += n
                self._check_cancel()
                self._report()
        finally:
            if pending is not None:
                pending.result()
        if h.hexdigest() != entry.sha256:
            raise PackError(f"The pack's file {entry.path!r} does not match its checksum: it is damaged or altered.")
        return True

    def _pump(self, entry: FileEntry, readinto: Callable[[memoryview], int], out: int | None) -> tuple[str, int]:
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
        flags = os.O_RDWR | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)
        try:
            return os.open(self.dest / rel, flags, 0o644)
        except FileExistsError:
            raise PackError(f"The pack holds the name {rel!r} twice.") from None


def _hash_range(h: hashlib._Hash, fd: int, start: int, length: int) -> None:
    """Hash bytes ``start..start+length`` of a file through a pre-faulted read-only mapping (no copy)."""
    base = start - start % mmap.ALLOCATIONGRANULARITY
    flags = mmap.MAP_SHARED | getattr(mmap, "MAP_POPULATE", 0)
    with mmap.mmap(fd, start + length - base, flags=flags, prot=mmap.PROT_READ, offset=base) as mm:
        view = memoryview(mm)
        try:
            h.update(view[start - base :])
        finally:
            view.release()


def _write_all(fd: int, chunk: memoryview) -> None:
    while chunk:
        chunk = chunk[os.write(fd, chunk) :]


def _syncfs() -> Callable[[int], int] | None:
    if not hasattr(os, "sched_getaffinity"):  # Linux only; elsewhere fsync file by file
        return None
    name = ctypes.util.find_library("c")
    try:
        fn = ctypes.CDLL(name, use_errno=True).syncfs
    except (OSError, AttributeError):
        return None
    fn.argtypes = [ctypes.c_int]
    return fn


def sync_tree(root: Path, dirs: set[str]) -> None:
    """Make the written tree durable: one syncfs on Linux (cheap for hundreds of small files), then directories."""
    syncfs = _syncfs()
    fd = os.open(root, os.O_RDONLY)
    try:
        if syncfs is not None and syncfs(fd) == 0:
            return  # syncfs wrote every file and directory entry of this file system
        for base, _dirnames, files in os.walk(root):
            for f in files:
                ffd = os.open(os.path.join(base, f), os.O_RDONLY)
                try:
                    os.fsync(ffd)
                finally:
                    os.close(ffd)
        for d in sorted(dirs, reverse=True):
            fsync_dir(root / d)
        os.fsync(fd)
    finally:
        os.close(fd)


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
