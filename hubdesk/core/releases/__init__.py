"""HubDesk's own releases: signed release files, and updating a centre PC from one with a way back.

See ``docs/packaging.md`` ("Updates of HubDesk itself").
"""

from __future__ import annotations

from hubdesk.core.releases._release import (
    KEYS_ENV,
    SUFFIX,
    Release,
    build_release,
    read_release,
    this_platform,
    trusted_release_keys,
)
from hubdesk.core.releases._updates import Installed, Updates, backups_root, copy_data, running_program

__all__ = [
    "KEYS_ENV",
    "SUFFIX",
    "Installed",
    "Release",
    "Updates",
    "backups_root",
    "build_release",
    "copy_data",
    "read_release",
    "running_program",
    "this_platform",
    "trusted_release_keys",
]
