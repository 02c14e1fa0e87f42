"""Pack deltas: a new version of a pack as the files that changed, plus its new signed manifest.

A ``.hubdelta`` is a zip like a pack, holding ``delta.json`` (which pack, which base version and
the SHA-256 of the base's exact manifest bytes), the new version's ``manifest.json`` and
``signature.json``, and only the files whose hashes the base manifest does not list (a file merely
moved or renamed travels as nothing).

Installing one never trusts the delta more than a whole pack: :class:`DeltaSource` presents the
installed base folder and the delta zip together as one pack source, and the ordinary install path
(:mod:`._install`) checks the new manifest's signature, refuses extra or missing names, and hashes
every byte it copies, unchanged files read from the base included. The installed result is thus
the very tree a full install of the new version makes, verified the same way; a base that is
missing, another version, or damaged makes the install fail with nothing changed, and the caller
fetches the whole pack instead.
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass
from pathlib import Path

from hubdesk.core.packs._check import check_source
from hubdesk.core.packs._export import PackZipWriter
from hubdesk.core.packs._manifest import MANIFEST_NAME, SIGNATURE_NAME, Manifest, parse_version
from hubdesk.core.packs._source import PackSource, ReadInto, ZipSource, open_source, read_manifest_bytes
from hubdesk.errors import PackError

SUFFIX = ".hubdelta"
DELTA_NAME = "delta.json"
FORMAT = 1


@dataclass(frozen=True)
class DeltaInfo:
    id: str
    version: str
    base_version: str
    base_manifest_sha256: str

    def to_bytes(self) -> bytes:
        data = {
            "format": FORMAT,
            "id": self.id,
            "version": self.version,
            "base_version": self.base_version,
            "base_manifest_sha256": self.base_manifest_sha256,
        }
        return json.dumps(data, sort_keys=True).encode()

    @classmethod
    def from_bytes(cls, data: bytes | None, name: str) -> DeltaInfo:
        bad = PackError(f"{name} is not a readable pack update (its {DELTA_NAME} is missing or damaged).")
        if data is None:
            raise bad
        try:
            raw = json.loads(data)
        except (ValueError, UnicodeDecodeError):
            raise bad from None
        if not isinstance(raw, dict) or raw.get("format") != FORMAT:
            raise bad
        fields = [raw.get(k) for k in ("id", "version", "base_version", "base_manifest_sha256")]
        texts = [f for f in fields if isinstance(f, str) and f]
        if len(texts) != len(fields):
            raise bad
        parse_version(texts[1])
        parse_version(texts[2])
        return cls(*texts)


def is_delta(path: Path) -> bool:
    return Path(path).suffix.lower() == SUFFIX


def read_info(path: Path) -> DeltaInfo:
    source = ZipSource(Path(path))
    try:
        return DeltaInfo.from_bytes(source.read_small(DELTA_NAME, 64 * 1024), Path(path).name)
    finally:
        source.close()


def make_delta(base: Path, new: Path, out: Path) -> DeltaInfo:
    """Write ``out``: what turns an installed ``base`` pack into ``new``. Both are checked first."""
    base_src, new_src = open_source(Path(base)), open_source(Path(new))
    try:
        old = check_source(base_src)
        cur = check_source(new_src)
        if old.manifest.id != cur.manifest.id:
            raise PackError(f"{base} and {new} are different packs; a delta joins two versions of one pack.")
        info = DeltaInfo(
            cur.manifest.id, cur.manifest.version, old.manifest.version, hashlib.sha256(old.manifest_bytes).hexdigest()
        )
        known = {f.sha256 for f in old.manifest.files}
        writer = PackZipWriter(Path(out))
        try:
            for entry in cur.manifest.files:
                if entry.sha256 not in known:
                    with new_src.open(entry.path) as (readinto, size):
                        got = writer.add_stream(entry.path, size, readinto)
                    if got.sha256 != entry.sha256 or got.size != entry.size:
                        raise PackError(f"{new} is damaged: {entry.path!r} does not match its manifest.")
            writer.add_bytes(DELTA_NAME, info.to_bytes())
            writer.add_bytes(MANIFEST_NAME, cur.manifest_bytes)
            if cur.signature_bytes is not None:
                writer.add_bytes(SIGNATURE_NAME, cur.signature_bytes)
            writer.finish()
        except BaseException:
            writer.abort()
            raise
        return info
    finally:
        base_src.close()
        new_src.close()


class DeltaSource(PackSource):
    """The new version of a pack, read from a delta zip where it holds a file and from the installed
    base folder (found by hash) where it does not."""

    def __init__(self, path: Path, base_root: Path, base_manifest: bytes) -> None:
        self.name = str(path)
        self.zip = ZipSource(Path(path))
        try:
            self.info = DeltaInfo.from_bytes(self.zip.read_small(DELTA_NAME, 64 * 1024), Path(path).name)
            if hashlib.sha256(base_manifest).hexdigest() != self.info.base_manifest_sha256:
                raise PackError(
                    f"{Path(path).name} updates another build of {self.info.id} {self.info.base_version} than "
                    "the one installed here; install the whole pack instead."
                )
            manifest_bytes, _sig = read_manifest_bytes(self.zip)
            new = Manifest.from_bytes(manifest_bytes)
            base_by_hash = {f.sha256: f.path for f in Manifest.from_bytes(base_manifest).files}
            carried = set(self.zip.names()) - {DELTA_NAME}
            self.base_files: dict[str, Path] = {
                f.path: base_root / base_by_hash[f.sha256]
                for f in new.files
                if f.path not in carried and f.sha256 in base_by_hash
            }
            self._carried = carried
        except BaseException:
            self.zip.close()
            raise

    def names(self) -> list[str]:
        return sorted(self._carried | set(self.base_files))

    def read_small(self, name: str, limit: int) -> bytes | None:
        return self.zip.read_small(name, limit)

    def open(self, name: str) -> AbstractContextManager[tuple[ReadInto, int]]:
        if name in self._carried:
            return self.zip.open(name)
        return self._open_base(name)

    @contextmanager
    def _open_base(self, name: str) -> Iterator[tuple[ReadInto, int]]:
        with self._base_fd(name) as (fd, size):
            f = os.fdopen(os.dup(fd), "rb", buffering=0)
            try:
                yield f.readinto, size
            finally:
                f.close()

    @contextmanager
    def _base_fd(self, name: str) -> Iterator[tuple[int, int]]:
        path = self.base_files[name]
        try:
            fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
        except OSError as exc:
            raise PackError(
                f"The installed copy of {name!r} that this update builds on cannot be read ({exc.strerror}); "
                "install the whole pack instead."
            ) from None
        try:
            st = os.fstat(fd)
            if not stat.S_ISREG(st.st_mode):
                raise PackError(f"The installed copy of {name!r} is not a plain file; install the whole pack instead.")
            yield fd, st.st_size
        finally:
            os.close(fd)

    def linkable(self, name: str) -> Path | None:
        # installed files are never written again, so the new version may share them with the old
        return self.base_files.get(name)

    def close(self) -> None:
        self.zip.close()
