"""Reading a Common Cartridge (a ``.imscc`` zip, or the same tree unpacked) as a stranger's file.

A cartridge comes from anywhere, so it is read the way a pack is: every name is checked before
anything is read (no ``..``, absolute paths, drive letters, backslashes or control characters:
a zip-slip name refuses the whole cartridge), symbolic links are refused, the number of files and
the size of each file and of the whole are bounded, and each read stops one byte past the size the
zip declares, so a zip bomb cannot inflate past the limits.
"""

from __future__ import annotations

import os
import re
import shutil
import stat
import zipfile
from pathlib import Path

from hubdesk.errors import PackError

MAX_FILES = 20_000
MAX_FILE = 2 << 30
MAX_TOTAL = 8 << 30
MAX_XML = 16 << 20
_DRIVE_RE = re.compile(r"^[A-Za-z]:")


class CartridgeError(PackError):
    """A cartridge that is damaged, hostile, or not a Common Cartridge."""


def check_name(name: str, where: str) -> str:
    parts = name.split("/")
    if (
        not name
        or name.startswith("/")
        or "\\" in name
        or _DRIVE_RE.match(name)
        or any(ord(c) < 32 for c in name)
        or len(name) > 1024
        or any(p in (".", "..") for p in parts)
    ):
        raise CartridgeError(f"{where} holds a file name that leaves its folder or is not plain: {name[:200]!r}.")
    return name


class CartridgeFiles:
    """The files of one cartridge, by their names inside it (forward slashes)."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self.where = self.path.name
        self._zip: zipfile.ZipFile | None = None
        self._infos: dict[str, zipfile.ZipInfo] = {}
        self._paths: dict[str, Path] = {}
        try:
            if self.path.is_dir():
                self._walk(self.path, "")
            else:
                self._open_zip()
        except OSError as exc:
            self.close()
            raise CartridgeError(f"{self.where} cannot be read: {(exc.strerror or str(exc)).lower()}.") from None
        except CartridgeError:
            self.close()
            raise
        names = self.names()
        if len(names) > MAX_FILES:
            self.close()
            raise CartridgeError(f"{self.where} holds {len(names)} files; at most {MAX_FILES} are read.")
        total = sum(self.size(n) for n in names)
        if total > MAX_TOTAL or any(self.size(n) > MAX_FILE for n in names):
            self.close()
            raise CartridgeError(f"{self.where} is larger than this importer takes ({MAX_TOTAL >> 30} GB in all).")

    def _open_zip(self) -> None:
        try:
            self._zip = zipfile.ZipFile(self.path)
            infos = self._zip.infolist()
        except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, ValueError) as exc:
            raise CartridgeError(f"{self.where} is not a readable cartridge: the zip is damaged ({exc}).") from None
        for info in infos:
            if stat.S_ISLNK(info.external_attr >> 16):
                raise CartridgeError(f"{self.where} holds a symbolic link {info.filename!r}.")
            if info.flag_bits & 0x1:
                raise CartridgeError(f"{self.where} holds an encrypted file {info.filename!r}.")
            if info.filename.endswith("/"):
                check_name(info.filename.rstrip("/") or "/", self.where)
                continue
            self._infos[check_name(info.filename, self.where)] = info

    def _walk(self, folder: Path, prefix: str) -> None:
        with os.scandir(folder) as it:
            for entry in it:
                rel = check_name(prefix + entry.name, self.where)
                if entry.is_symlink():
                    raise CartridgeError(f"{self.where} holds a symbolic link {rel!r}.")
                if entry.is_dir(follow_symlinks=False):
                    self._walk(Path(entry.path), rel + "/")
                elif entry.is_file(follow_symlinks=False):
                    self._paths[rel] = Path(entry.path)

    def names(self) -> list[str]:
        return sorted(self._infos) if self._zip is not None else sorted(self._paths)

    def has(self, name: str) -> bool:
        return name in self._infos or name in self._paths

    def size(self, name: str) -> int:
        if self._zip is not None:
            return self._infos[name].file_size
        return self._paths[name].stat().st_size

    def read(self, name: str, limit: int = MAX_XML) -> bytes:
        if not self.has(name):
            raise CartridgeError(f"{self.where} lacks {name!r}, which its manifest names.")
        if self.size(name) > limit:
            raise CartridgeError(f"{self.where}: {name!r} is larger than the {limit >> 20} MB allowed for it.")
        try:
            if self._zip is not None:
                with self._zip.open(self._infos[name]) as fh:
                    data = fh.read(limit + 1)
            else:
                with open(self._paths[name], "rb") as fh:
                    data = fh.read(limit + 1)
        except (OSError, zipfile.BadZipFile, EOFError, ValueError, RuntimeError) as exc:
            raise CartridgeError(f"{self.where}: {name!r} cannot be read ({exc}).") from None
        if len(data) > limit:
            raise CartridgeError(f"{self.where}: {name!r} is larger than it says.")
        return data

    def copy(self, name: str, dest: Path) -> None:
        """Copy one file out, never more than the size the cartridge declares for it."""
        size = self.size(name)
        dest.parent.mkdir(parents=True, exist_ok=True)
        try:
            if self._zip is not None:
                with self._zip.open(self._infos[name]) as src, open(dest, "wb") as out:
                    left = size + 1
                    while left > 0 and (chunk := src.read(min(1 << 20, left))):
                        out.write(chunk)
                        left -= len(chunk)
                if left <= 0:
                    raise CartridgeError(f"{self.where}: {name!r} inflates past the size it declares.")
            else:
                shutil.copyfile(self._paths[name], dest)
        except (OSError, zipfile.BadZipFile, EOFError, ValueError, RuntimeError) as exc:
            raise CartridgeError(f"{self.where}: {name!r} cannot be read ({exc}).") from None

    def close(self) -> None:
        if self._zip is not None:
            self._zip.close()
            self._zip = None
