"""Reading a built pack, from a ``.hubpack`` zip or from the same tree as a folder (a USB stick).

Both give the same three things: the manifest bytes, the signature bytes (if any), and a way to
stream each file. Every name is checked before anything is read (see ``_names``), symlinks and
duplicates are refused, and every stream is bounded by the size the manifest declares, so a zip
bomb or a lying header cannot make us write more than the manifest promised.

Stored (uncompressed) zip entries are read straight from the file at their data offset: the big
media of a pack are stored, and the sha256 we check anyway is stronger than zip's CRC-32, so
skipping zipfile's per-chunk CRC keeps a 1 GB install close to the speed of a plain copy.
"""

from __future__ import annotations

import io
import os
import stat
import struct
import zipfile
import zlib
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path

from hubdesk.core.packs._manifest import MANIFEST_NAME, MAX_MANIFEST_BYTES, SIGNATURE_NAME
from hubdesk.core.packs._names import check_member_name, clash_key
from hubdesk.core.packs._signing import MAX_SIGNATURE_BYTES
from hubdesk.errors import PackError

ReadInto = Callable[[memoryview], int]
_LOCAL_HEADER = struct.Struct("<4s5H3L2H")
_PULLED = "was the USB stick removed or the file changed while reading?"


class PackSource(ABC):
    """One pack being read. Use :func:`open_source`."""

    name: str

    @abstractmethod
    def names(self) -> list[str]:
        """Every file name in the pack except the manifest and signature (already checked)."""

    @abstractmethod
    def read_small(self, name: str, limit: int) -> bytes | None:
        """A whole small file (the manifest, the signature), or None if absent; refuses more than ``limit``."""

    @abstractmethod
    def open(self, name: str) -> AbstractContextManager[tuple[ReadInto, int]]:
        """Yield ``(readinto, size_in_header)`` for streaming one file."""

    def linkable(self, name: str) -> Path | None:
        """An installed file holding ``name``'s bytes, which an install may hard-link (then verify), or None."""
        return None

    def close(self) -> None:  # noqa: B027 - most sources hold nothing open; a zip overrides it
        """Release what the source holds open."""


def _dup_check(seen: dict[str, str], name: str) -> None:
    folded = clash_key(name)
    if folded in seen:
        if seen[folded] == name:
            raise PackError(f"The pack holds the name {name!r} twice.")
        raise PackError(
            f"The pack holds {seen[folded]!r} and {name!r}, which are one name on Windows, macOS and USB sticks "
            "(they differ only in upper/lower case or in how an accent is encoded); rename one."
        )
    seen[folded] = name


class ZipSource(PackSource):
    def __init__(self, path: Path) -> None:
        self.name = str(path)
        try:
            self.raw_file = open(path, "rb", buffering=0)  # noqa: SIM115 - closed in close()
        except OSError as exc:
            raise PackError(f"{path} cannot be opened: {exc.strerror}.") from None
        try:
            self.zf = zipfile.ZipFile(path)
            infos = self.zf.infolist()
        except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, ValueError) as exc:
            self.raw_file.close()
            raise PackError(f"{path} is not a readable pack: the zip is damaged or incomplete ({exc}).") from None
        self.infos: dict[str, zipfile.ZipInfo] = {}
        seen: dict[str, str] = {}
        try:
            for info in infos:
                name = info.filename
                if "\x00" in info.orig_filename:
                    check_member_name(info.orig_filename)
                mode = info.external_attr >> 16
                if stat.S_ISLNK(mode):
                    raise PackError(f"The pack holds a symbolic link {name!r}; packs may only hold plain files.")
                if info.flag_bits & 0x1:
                    raise PackError(f"The pack holds an encrypted file {name!r}.")
                if name.endswith("/"):
                    check_member_name(name.rstrip("/"))
                    continue
                check_member_name(name)
                _dup_check(seen, name)
                if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
                    raise PackError(f"The pack stores {name!r} with a compression this HubDesk does not read.")
                self.infos[name] = info
        except PackError:
            self.close()
            raise

    def names(self) -> list[str]:
        return [n for n in self.infos if n not in (MANIFEST_NAME, SIGNATURE_NAME)]

    def read_small(self, name: str, limit: int) -> bytes | None:
        info = self.infos.get(name)
        if info is None:
            return None
        if info.file_size > limit:
            raise PackError(f"The pack's {name} is {info.file_size} bytes, more than the {limit} allowed.")
        buf = bytearray(limit + 1)
        with self.open(name) as (readinto, _size):
            n = _read_full(readinto, memoryview(buf))
        if n > limit:
            raise PackError(f"The pack's {name} is larger than the {limit} bytes allowed.")
        return bytes(buf[:n])

    @contextmanager
    def open(self, name: str) -> Iterator[tuple[ReadInto, int]]:
        info = self.infos[name]
        if info.compress_type == zipfile.ZIP_STORED:
            with _reading(name):
                readinto = self._stored(info)
            yield _guard(name, readinto), info.file_size
            return
        with _reading(name):
            f = self.zf.open(info)
        try:
            yield _guard(name, f.readinto), info.file_size  # type: ignore[attr-defined]
        finally:
            f.close()

    def _data_offset(self, info: zipfile.ZipInfo) -> int:
        """Where a stored entry's bytes start, after checking its local header agrees with the directory."""
        header = os.pread(self.raw_file.fileno(), _LOCAL_HEADER.size, info.header_offset)
        if len(header) < _LOCAL_HEADER.size:
            raise EOFError("the zip ends before this file")
        sig, _v, _flags, _method, _t, _d, _crc, _cs, _us, nlen, elen = _LOCAL_HEADER.unpack(header)
        if sig != b"PK\x03\x04":
            raise zipfile.BadZipFile("bad local header")
        fname = os.pread(self.raw_file.fileno(), nlen, info.header_offset + _LOCAL_HEADER.size)
        if fname != info.orig_filename.encode("utf-8" if info.flag_bits & 0x800 else "cp437"):
            raise zipfile.BadZipFile("the local name differs from the directory")
        if info.compress_size != info.file_size:
            raise zipfile.BadZipFile("a stored file's sizes disagree")
        return int(info.header_offset + _LOCAL_HEADER.size + nlen + elen)

    def _stored(self, info: zipfile.ZipInfo) -> ReadInto:
        """Read a stored entry's bytes directly: the sha256 checked by the copier is stronger than its CRC."""
        pos = self._data_offset(info)
        left = info.compress_size
        fd = self.raw_file.fileno()

        def readinto(mv: memoryview) -> int:
            nonlocal pos, left
            if left <= 0:
                return 0
            want = min(len(mv), left)
            n = os.preadv(fd, [mv[:want]], pos)
            if n == 0:
                raise EOFError("the zip ends before this file does")
            pos += n
            left -= n
            return n

        return readinto

    def close(self) -> None:
        zf = getattr(self, "zf", None)
        if zf is not None:
            zf.close()
        self.raw_file.close()


class FolderSource(PackSource):
    def __init__(self, root: Path) -> None:
        self.name = str(root)
        self.root = root
        self.files: dict[str, Path] = {}
        seen: dict[str, str] = {}
        try:
            self._walk(root, "", seen)
        except OSError as exc:
            raise PackError(f"The pack folder {root} cannot be read: {exc.strerror}; {_PULLED}") from None

    def _walk(self, folder: Path, prefix: str, seen: dict[str, str]) -> None:
        with os.scandir(folder) as it:
            for entry in it:
                rel = prefix + entry.name
                check_member_name(rel)
                if entry.is_symlink():
                    raise PackError(f"The pack holds a symbolic link {rel!r}; packs may only hold plain files.")
                if entry.is_dir(follow_symlinks=False):
                    self._walk(Path(entry.path), rel + "/", seen)
                elif entry.is_file(follow_symlinks=False):
                    _dup_check(seen, rel)
                    self.files[rel] = Path(entry.path)
                else:
                    raise PackError(f"The pack holds {rel!r}, which is not a plain file.")

    def names(self) -> list[str]:
        return [n for n in self.files if n not in (MANIFEST_NAME, SIGNATURE_NAME)]

    def read_small(self, name: str, limit: int) -> bytes | None:
        path = self.files.get(name)
        if path is None:
            return None
        with self.open(name) as (readinto, size):
            if size > limit:
                raise PackError(f"The pack's {name} is {size} bytes, more than the {limit} allowed.")
            buf = bytearray(limit + 1)
            n = _read_full(readinto, memoryview(buf))
        if n > limit:
            raise PackError(f"The pack's {name} is larger than the {limit} bytes allowed.")
        return bytes(buf[:n])

    @contextmanager
    def open(self, name: str) -> Iterator[tuple[ReadInto, int]]:
        path = self.files[name]
        try:
            fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
        except OSError as exc:
            raise PackError(f"The pack's file {name!r} cannot be read: {_describe(exc)}; {_PULLED}") from None
        try:
            st = os.fstat(fd)
            if not stat.S_ISREG(st.st_mode):
                raise PackError(f"The pack holds {name!r}, which is not a plain file.")
            f = io.FileIO(fd, "rb", closefd=False)
            yield _guard(name, f.readinto), st.st_size
        finally:
            os.close(fd)


_READ_ERRORS = (zipfile.BadZipFile, EOFError, OSError, ValueError, RuntimeError, zlib.error)


@contextmanager
def _reading(name: str) -> Iterator[None]:
    try:
        yield
    except _READ_ERRORS as exc:
        raise PackError(f"The pack's file {name!r} cannot be read: {_describe(exc)}; {_PULLED}") from None


def _guard(name: str, readinto: ReadInto) -> ReadInto:
    """Turn a read failure into one sentence, without catching errors of the code that uses the bytes."""

    def guarded(mv: memoryview) -> int:
        try:
            return readinto(mv)
        except _READ_ERRORS as exc:
            raise PackError(f"The pack's file {name!r} cannot be read: {_describe(exc)}; {_PULLED}") from None

    return guarded


def _describe(exc: BaseException) -> str:
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror.lower()
    return str(exc) or exc.__class__.__name__


def _read_full(readinto: ReadInto, mv: memoryview) -> int:
    n = 0
    while n < len(mv):
        got = readinto(mv[n:])
        if not got:
            break
        n += got
    return n


def open_source(path: Path) -> PackSource:
    path = Path(path)
    try:
        st = path.stat()
    except OSError as exc:
        raise PackError(f"{path} cannot be read: {_describe(exc)}.") from None
    if stat.S_ISDIR(st.st_mode):
        return FolderSource(path)
    return ZipSource(path)


def read_manifest_bytes(source: PackSource) -> tuple[bytes, bytes | None]:
    data = source.read_small(MANIFEST_NAME, MAX_MANIFEST_BYTES)
    if data is None:
        if isinstance(source, FolderSource) and ({"pack.yaml", "config.yaml"} & set(source.files)):
            raise PackError(f"{source.name} is a source folder; build a pack from it first: hubdesk pack build.")
        raise PackError(f"{source.name} has no {MANIFEST_NAME}: it is not a HubDesk pack, or it is incomplete.")
    return data, source.read_small(SIGNATURE_NAME, MAX_SIGNATURE_BYTES)
