"""Writing ``.hubpack`` zips, for ``pack build`` and ``pack export``.

Large and already-compressed files (video, audio, images) are *stored*, not deflated: deflating
them saves nothing, and a stored entry installs at the speed of a copy. Text (Markdown, SVG, JSON)
is deflated. The zip is written beside its target and renamed into place, so a half-written pack
never looks like a pack.
"""

from __future__ import annotations

import hashlib
import os
import zipfile
from collections.abc import Callable
from pathlib import Path

from hubdesk.core.packs._manifest import MANIFEST_NAME, SIGNATURE_NAME, FileEntry

STORED_SUFFIXES = frozenset(
    {
        *(".png", ".jpg", ".jpeg", ".gif", ".webp", ".pdf", ".woff", ".woff2", ".hubpack"),
        *(".mp4", ".m4v", ".webm", ".mkv", ".avi", ".mov", ".mp3", ".m4a", ".ogg", ".oga", ".opus", ".flac"),
        *(".zip", ".gz", ".xz", ".zst", ".7z"),
    }
)
STORE_ABOVE = 1024 * 1024
CHUNK = 4 * 1024 * 1024
_FIXED_TIME = (2020, 1, 1, 0, 0, 0)  # same bytes for the same content: no build date inside entries


class PackZipWriter:
    def __init__(self, target: Path) -> None:
        self.target = Path(target)
        self.target.parent.mkdir(parents=True, exist_ok=True)
        self.tmp = self.target.with_name(f".{self.target.name}.{os.getpid()}.part")
        self.zf = zipfile.ZipFile(self.tmp, "w", allowZip64=True)

    def _info(self, name: str, size: int) -> zipfile.ZipInfo:
        info = zipfile.ZipInfo(name, _FIXED_TIME)
        stored = size >= STORE_ABOVE or os.path.splitext(name)[1].lower() in STORED_SUFFIXES
        info.compress_type = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
        info.external_attr = 0o100644 << 16
        info.file_size = size
        return info

    def add_file(self, name: str, path: Path) -> FileEntry:
        """Copy one file in, hashing the bytes as they are written (one read per file)."""
        h = hashlib.sha256()
        size = 0
        with open(path, "rb") as src:
            declared = os.fstat(src.fileno()).st_size
            with self.zf.open(self._info(name, declared), "w", force_zip64=declared > 2**31) as dst:
                while chunk := src.read(CHUNK):
                    h.update(chunk)
                    dst.write(chunk)
                    size += len(chunk)
        return FileEntry(name, size, h.hexdigest())

    def add_stream(self, name: str, size: int, readinto: Callable[[memoryview], int]) -> FileEntry:
        """Copy one file in from another pack's stream, hashing it on the way (at most ``size`` bytes)."""
        h = hashlib.sha256()
        done = 0
        buf = memoryview(bytearray(CHUNK))
        with self.zf.open(self._info(name, size), "w", force_zip64=size > 2**31) as dst:
            while done < size:
                n = readinto(buf[: min(CHUNK, size - done)])
                if not n:
                    break
                h.update(buf[:n])
                dst.write(buf[:n])
                done += n
        return FileEntry(name, done, h.hexdigest())

    def add_bytes(self, name: str, data: bytes) -> FileEntry:
        self.zf.writestr(self._info(name, len(data)), data)
        return FileEntry(name, len(data), hashlib.sha256(data).hexdigest())

    def finish(self) -> Path:
        self.zf.close()
        with open(self.tmp, "rb+") as f:
            os.fsync(f.fileno())
        os.replace(self.tmp, self.target)
        return self.target

    def abort(self) -> None:
        try:
            self.zf.close()
        finally:
            self.tmp.unlink(missing_ok=True)


def write_pack_zip(target: Path, manifest_bytes: bytes, signature: bytes | None, files: list[tuple[str, Path]]) -> Path:
    writer = PackZipWriter(target)
    try:
        for name, path in files:
            writer.add_file(name, path)
        writer.add_bytes(MANIFEST_NAME, manifest_bytes)
        if signature is not None:
            writer.add_bytes(SIGNATURE_NAME, signature)
        return writer.finish()
    except BaseException:
        writer.abort()
        raise
