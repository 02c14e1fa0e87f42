"""Which file names a pack may hold: relative, forward-slash paths that stay inside the pack.

A zip from a stranger can name ``../../.bashrc``, ``/etc/passwd``, ``C:evil``, ``a\\..\\b`` or a
name with a NUL that C code cuts short; any of these could write outside the staging folder on
some system, so all are refused here, before a byte is written, on every platform alike.
"""

from __future__ import annotations

import re

from hubdesk.errors import PackError

_DRIVE_RE = re.compile(r"^[A-Za-z]:")
MAX_NAME = 1024
_NOT_PORTABLE = frozenset(':*?"<>|')


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
    return name
