"""Course packs: build from Markdown, sign, verify, install atomically, and read from the library.

The public names are here; the modules behind them are private. See ``docs/pack-format.md``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from hubdesk.core.packs._check import DEFAULT_MAX_BYTES, CheckedPack, check_signer, verify_pack
from hubdesk.core.packs._copy import Progress
from hubdesk.core.packs._delta import SUFFIX as DELTA_SUFFIX
from hubdesk.core.packs._delta import DeltaInfo, is_delta, make_delta
from hubdesk.core.packs._library import USB_FOLDER, Packs
from hubdesk.core.packs._manifest import FileEntry, LessonEntry, Manifest, parse_version
from hubdesk.core.packs._model import InstalledPack, InstallResult, LessonInfo
from hubdesk.core.packs._signing import fingerprint, keygen, read_public_key
from hubdesk.errors import PackError

if TYPE_CHECKING:
    from hubdesk.core.packs._build import BuildResult, build_pack


def __getattr__(name: str) -> Any:
    # The builder pulls in YAML and Markdown readers: loaded when a pack is built, not whenever
    # the library is opened (the app's start and most commands never build).
    if name in ("BuildResult", "build_pack"):
        from hubdesk.core.packs import _build

        return getattr(_build, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "DEFAULT_MAX_BYTES",
    "DELTA_SUFFIX",
    "USB_FOLDER",
    "BuildResult",
    "CheckedPack",
    "DeltaInfo",
    "FileEntry",
    "InstallResult",
    "InstalledPack",
    "LessonEntry",
    "LessonInfo",
    "Manifest",
    "PackError",
    "Packs",
    "Progress",
    "build_pack",
    "check_signer",
    "fingerprint",
    "is_delta",
    "keygen",
    "make_delta",
    "parse_version",
    "read_public_key",
    "verify_pack",
]
