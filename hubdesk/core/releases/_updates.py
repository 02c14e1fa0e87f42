"""Updating HubDesk itself on a centre PC: a release waits in the data folder, installs in one step, and
can be undone.

A release arrives by the hub's USB stick, HTTP or any folder (``receive``): it is checked (trusted
release key, every byte) and kept in ``<data>/updates/`` when it is newer than this HubDesk and for
this platform. ``ready`` is what a facilitator is offered ("HubDesk 1.3 is ready to install").

``install`` replaces the program folder (the one holding the running ``hubdesk``) as one rename:

1. check the release again and unpack its bundle beside the program folder (same file system);
2. run the new ``hubdesk --version``: a bundle that does not start never replaces one that does;
3. back the data folder up (``<data>-backups/before-<version>-<time>/``): the database through
   SQLite's online backup, installed packs as hard links (their files never change in place, so
   this costs no space), everything else copied;
4. rename the program folder to ``.<name>.previous`` and the new one into its place.

The new version's migrations run forward when it next opens the data folder, so the way back
(``rollback``) restores both: the previous program folder, and the data folder as it was just
before the update (the data as the new version left it is kept aside, not deleted).
"""

from __future__ import annotations

import contextlib
import json
import os
import secrets
import shutil
import sqlite3
import subprocess
import sys
import tarfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from hubdesk.core.backups import snapshot
from hubdesk.core.packs import PackError, parse_version
from hubdesk.core.releases._release import SUFFIX, Release, extract_payload, read_release, this_platform
from hubdesk.errors import HubDeskError, UpdateError

LAST_UPDATE = "last-update.json"
DPKG_LIST = Path("/var/lib/dpkg/info/hubdesk.list")  # what the .deb installed, one path a line
EXE_NAMES = ("hubdesk", "hubdesk.exe")
# updates: the releases themselves; backups: the database's own rotating copies (core.backups), moved back on rollback
_NOT_BACKED_UP = frozenset({"updates", "staging", "logs", "backups"})


@dataclass(frozen=True)
class Installed:
    previous_version: str
    version: str
    program: Path
    previous: Path
    backup: Path


def running_program() -> Path | None:
    """The folder of the running HubDesk when it is an installed bundle; None when it runs from source."""
    if getattr(sys, "frozen", False):
        return Path(sys.executable).resolve().parent
    return None


def backups_root(data_dir: Path) -> Path:
    """Beside the data folder, never in it: restoring the data folder must not touch its own backups."""
    return data_dir.parent / f"{data_dir.name}-backups"


class Updates:
    def __init__(
        self, data_dir: Path, current_version: str, trusted: frozenset[str], platform: str | None = None
    ) -> None:
        self.data_dir = data_dir
        self.current = current_version
        self.trusted = trusted
        self.platform = platform or this_platform()

    @property
    def folder(self) -> Path:
        return self.data_dir / "updates"

    def _newer(self, release: Release) -> bool:
        try:
            return release.version_key > parse_version(self.current)
        except PackError:
            return True

    # -- arriving --------------------------------------------------------------------------------
    def receive(self, path: Path) -> Release | None:
        """Keep a checked release that this PC can use; ``None`` if it is not newer or for another platform."""
        release = read_release(path, self.trusted)
        if release.platform != self.platform or not self._newer(release):
            return None
        target = self.folder / f"hubdesk-{release.version}-{release.platform}{SUFFIX}"
        if target.is_file() and target.stat().st_size == path.stat().st_size:
            return read_release(target, self.trusted, check_payload=False)
        tmp = self.folder / f".{target.name}.part"
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, tmp)
            os.replace(tmp, target)
        except OSError as exc:
            tmp.unlink(missing_ok=True)
            raise UpdateError(f"The update cannot be kept in {self.folder}: {_why(exc)}.") from None
        return read_release(target, self.trusted, check_payload=False)

    def ready(self) -> Release | None:
        """The newest release waiting here that this HubDesk can install (the signature is checked again)."""
        best: Release | None = None
        for path in sorted(self.folder.glob(f"*{SUFFIX}")) if self.folder.is_dir() else []:
            try:
                release = read_release(path, self.trusted, check_payload=False)
            except UpdateError:
                continue  # not ours to offer; `install` would refuse it anyway
            usable = release.platform == self.platform and self._newer(release)
            if usable and (best is None or release.version_key > best.version_key):
                best = release
        return best

    # -- installing ------------------------------------------------------------------------------
    def install(self, release: Release, program: Path) -> Installed:
        release = read_release(release.path, self.trusted)  # checked before use, every byte
        if release.platform != self.platform:
            raise UpdateError(f"{release.describe()} is not for this PC ({self.platform}).")
        program = program.resolve()
        exe = _executable_in(program)
        if exe is None:
            raise UpdateError(f"{program} does not hold an installed HubDesk; nothing was changed.")
        if _from_package(program) or not os.access(program.parent, os.W_OK) or not os.access(program, os.W_OK):
            raise UpdateError(
                f"HubDesk in {program} belongs to the system (a .deb or an administrator's install): "
                "install the new version the way this one was installed. Nothing was changed."
            )
        incoming = program.parent / f".{program.name}.incoming-{secrets.token_hex(4)}"
        try:
            new_program = self._unpack(release, incoming)
            backup = self._backup(release.version)
            previous = program.parent / f".{program.name}.previous"
            _rmtree(previous)
            os.rename(program, previous)
            try:
                os.rename(new_program, program)
            except OSError:
                os.rename(previous, program)
                raise
        except OSError as exc:
            raise UpdateError(
                f"HubDesk {release.version} could not be installed: {_why(exc)}. Nothing was changed."
            ) from None
        finally:
            _rmtree(incoming)
        done = Installed(self.current, release.version, program, previous, backup)
        record = {k: str(v) for k, v in done.__dict__.items()}
        (backups_root(self.data_dir) / LAST_UPDATE).write_text(json.dumps(record, indent=1))
        with contextlib.suppress(OSError):
            release.path.unlink()
        return done

    def _unpack(self, release: Release, incoming: Path) -> Path:
        incoming.mkdir()
        tarball = extract_payload(release, incoming)
        try:
            with tarfile.open(tarball) as tf:
                tf.extractall(incoming / "tree", filter="data")
        except (tarfile.TarError, OSError) as exc:
            raise UpdateError(f"{release.describe()} cannot be unpacked: {exc}. Nothing was changed.") from None
        tarball.unlink()
        tops = list((incoming / "tree").iterdir())
        exe = _executable_in(tops[0]) if len(tops) == 1 and tops[0].is_dir() else None
        if exe is None:
            raise UpdateError(f"{release.describe()} does not hold a HubDesk program. Nothing was changed.")
        try:
            said = subprocess.run(
                [str(exe), "--version"], capture_output=True, text=True, timeout=120, cwd=tops[0], check=False
            ).stdout.strip()
        except (OSError, subprocess.TimeoutExpired) as exc:
            said = str(exc)
        if said != f"hubdesk {release.version}":
            raise UpdateError(
                f"{release.describe()} does not start on this PC (it said {said[:80]!r}). Nothing was changed."
            )
        return tops[0]

    def _backup(self, new_version: str) -> Path:
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
        target = backups_root(self.data_dir) / f"before-{new_version}-{stamp}"
        target.parent.mkdir(parents=True, exist_ok=True)
        copy_data(self.data_dir, target, skip=_NOT_BACKED_UP)
        return target

    # -- going back ------------------------------------------------------------------------------
    def last_update(self) -> Installed | None:
        try:
            raw = json.loads((backups_root(self.data_dir) / LAST_UPDATE).read_text())
            return Installed(
                raw["previous_version"],
                raw["version"],
                Path(raw["program"]),
                Path(raw["previous"]),
                Path(raw["backup"]),
            )
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def rollback(self) -> Installed:
        """Put back the program and the data as they were before the last update (close HubDesk first)."""
        last = self.last_update()
        if last is None:
            raise UpdateError("There is no update to undo on this PC.")
        if _executable_in(last.previous) is None or not last.backup.is_dir():
            raise UpdateError(f"The way back to HubDesk {last.previous_version} is gone; nothing was changed.")
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
        aside = backups_root(self.data_dir) / f"after-{last.version}-{stamp}"
        try:
            os.rename(self.data_dir, aside)  # the data as the newer version left it: kept, not deleted
            try:
                copy_data(last.backup, self.data_dir, skip=frozenset())
            except (OSError, HubDeskError):
                _rmtree(self.data_dir)
                os.rename(aside, self.data_dir)
                raise
            if (aside / "backups").is_dir():  # the database's rotating copies go on where they were
                os.rename(aside / "backups", self.data_dir / "backups")
            undone = last.program.parent / f".{last.program.name}.undone-{secrets.token_hex(4)}"
            os.rename(last.program, undone)
            os.rename(last.previous, last.program)
            _rmtree(undone)
        except OSError as exc:
            raise UpdateError(f"The update could not be undone: {_why(exc)}.") from None
        (backups_root(self.data_dir) / LAST_UPDATE).unlink(missing_ok=True)
        return last


def copy_data(source: Path, target: Path, *, skip: frozenset[str]) -> None:
    """Copy a data folder: the database consistently (SQLite backup), packs as hard links, the rest copied."""
    target.mkdir(parents=True)
    for entry in source.iterdir():
        name = entry.name
        if name in skip or name.startswith("hubdesk.sqlite3"):
            continue
        if name == "packs" and entry.is_dir():
            shutil.copytree(entry, target / name, copy_function=_link_or_copy, symlinks=True)
        elif entry.is_dir() and not entry.is_symlink():
            shutil.copytree(entry, target / name, symlinks=True)
        else:
            shutil.copy2(entry, target / name, follow_symlinks=False)
    db = source / "hubdesk.sqlite3"
    if db.is_file():
        src = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
        try:
            snapshot(src, target / "hubdesk.sqlite3")  # the same checked online copy as the daily backups
        finally:
            src.close()


def _link_or_copy(src: str, dst: str) -> str:
    try:
        os.link(src, dst)
    except OSError:
        shutil.copy2(src, dst)
    return dst


def _from_package(program: Path) -> bool:
    """True when the Debian package installed this folder: dpkg, not HubDesk, must replace it (even as root)."""
    try:
        return str(program) in DPKG_LIST.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return False


def _executable_in(folder: Path) -> Path | None:
    for name in EXE_NAMES:
        exe = folder / name
        if exe.is_file() and os.access(exe, os.X_OK):
            return exe
    return None


def _rmtree(path: Path) -> None:
    if path.exists() or path.is_symlink():
        shutil.rmtree(path, ignore_errors=True)


def _why(exc: OSError) -> str:
    return "the disk is full" if exc.errno == 28 else (exc.strerror or str(exc)).lower()
