"""Which file names a pack may hold: relative, forward-slash paths that stay inside the pack,
and that every system a pack travels to can hold.

A zip from a stranger can name ``../../.bashrc``, ``/etc/passwd``, ``C:evil``, ``a\\..\\b`` or a
name with a NUL that C code cuts short; any of these could write outside the staging folder on
some system, so all are refused here, before a byte is written, on every platform alike.

A pack built on Linux also has to install on Windows, macOS and a FAT-formatted stick, so names
those cannot hold are refused too, at build and at install: Windows' device names (``CON``,
``NUL``, ``AUX``, ``PRN``, ``COM1``-``COM9``, ``LPT1``-``LPT9``, with or without an extension),
which name a device rather than a file; a name ending in a dot or a space, which Windows silently
drops (so ``a.`` and ``a`` become one file); and two names that differ only in case or in how an
accent is encoded (NFC ``é`` and NFD ``e`` + ``◌́``), one file on those systems (:func:`clash_key`).
"""

from __future__ import annotations

import re
import unicodedata

from hubdesk.errors import PackError

_DRIVE_RE = re.compile(r"^[A-Za-z]:")
MAX_NAME = 1024
_NOT_PORTABLE = frozenset(':*?"<>|')
_DIGITS = "123456789¹²³"
_DEVICE_NAMES = frozenset(
    {"CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$"} | {f"{p}{d}" for p in ("COM", "LPT") for d in _DIGITS}
)


def clash_key(name: str) -> str:
    """What ``name`` is on a case-insensitive file system that normalises Unicode (Windows, macOS)."""
    return unicodedata.normalize("NFC", unicodedata.normalize("NFC", name).casefold())


def check_member_name(name: str) -> str:
    """Return ``name`` if it is a safe relative path, else raise a PackError saying why."""
    shown = name.replace("\x00", "\\0")[:200]
    if not name:
        raise PackError("The pack holds a file with an empty name.")
    if "\x00" in name or any(ord(c) < 32 for c in name):
        raise PackError(f"The pack holds a file name with a control character: {shown!r}.")
    if len(name) > MAX_NAME:
        raise PackError(f"The pack holds a file name longer than {MAX_NAME} characters.")
    if "\\" in name:
        raise PackError(f"The pack holds a file name with a backslash: {shown!r}.")
    if name.startswith("/"):
        raise PackError(f"The pack holds a file with an absolute path: {shown!r}.")
    if _DRIVE_RE.match(name):
        raise PackError(f"The pack holds a file name with a drive letter: {shown!r}.")
    if any(c in _NOT_PORTABLE for c in name):
        raise PackError(f"The pack holds a file name with a character USB sticks and Windows refuse: {shown!r}.")
    parts = name.split("/")
    if any(p in ("", ".", "..") for p in parts):
        raise PackError(f"The pack holds a file name that leaves its folder or is not plain: {shown!r}.")
    for part in parts:
        if part.endswith((".", " ")):
            raise PackError(
                f"The pack holds {shown!r}, whose name ends in a dot or a space, which Windows drops; rename it."
            )
        device = part.split(".", 1)[0].rstrip(" ")
        if device.upper() in _DEVICE_NAMES:
            raise PackError(
                f"The pack holds {shown!r}: {device} is a device name on Windows, where no file can have it; rename it."
            )
    return name
