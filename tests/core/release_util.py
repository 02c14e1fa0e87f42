"""Helpers for HubDesk release tests: a release key trusted through the environment, and tiny bundles.

A bundle here is what ``build-bundle.sh`` makes, shrunk: a tarball with one folder holding an
executable ``hubdesk`` that answers ``--version`` (a shell script instead of PyInstaller's program).
"""

from __future__ import annotations

import io
import tarfile
from pathlib import Path

import pytest

from hubdesk.core.packs import keygen
from hubdesk.core.releases import KEYS_ENV, build_release, this_platform


def trusted_key(tmp: Path, monkeypatch: pytest.MonkeyPatch, name: str = "release") -> Path:
    """A new release key pair whose public half this HubDesk trusts (as the project's would be)."""
    key, pub = keygen(tmp / f"{name}.key")
    monkeypatch.setenv(KEYS_ENV, str(pub))
    return key


def bundle(tmp: Path, version: str, *, says: str | None = None, marker: str = "") -> Path:
    """A bundle tarball whose ``hubdesk --version`` prints ``says`` (default: ``hubdesk VERSION``)."""
    folder = f"hubdesk-{version}-{this_platform()}"
    out = tmp / f"{folder}.tar.gz"
    script = f'#!/bin/sh\necho "{says or f"hubdesk {version}"}"\n'.encode()
    with tarfile.open(out, "w:gz") as tf:
        for name, data, mode in (
            (f"{folder}/hubdesk", script, 0o755),
            (f"{folder}/_internal/marker.txt", (marker or version).encode(), 0o644),
        ):
            info = tarfile.TarInfo(name)
            info.size, info.mode = len(data), mode
            tf.addfile(info, io.BytesIO(data))
    return out


def release(tmp: Path, key: Path, version: str, **kw: str) -> Path:
    out = tmp / f"hubdesk-{version}.hubrelease"
    build_release(bundle(tmp, version, **kw), version, this_platform(), key, out)
    return out


def installed_program(tmp: Path, version: str) -> Path:
    """An installed HubDesk folder (a bundle unpacked and renamed), as the running program's would be."""
    (tmp / "old").mkdir()
    with tarfile.open(bundle(tmp / "old", version)) as tf:
        tf.extractall(tmp / "programs", filter="data")
    program = tmp / "programs" / "HubDesk"
    (tmp / "programs" / f"hubdesk-{version}-{this_platform()}").rename(program)
    return program
