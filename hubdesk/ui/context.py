"""What every view receives: the installation, this PC's settings and the worker pool.

Views get this object in their constructor (no globals), so a test builds a view over a real
installation in a temporary folder exactly as the app does.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from hubdesk.core.installation import Installation
from hubdesk.ui.app_settings import AppSettings
from hubdesk.ui.workers import Workers


@dataclass
class AppContext:
    inst: Installation
    settings: AppSettings
    workers: Workers
    sample_packs: Path | None = None
    usb_roots: list[Path] | None = None  # None: the mounted volumes of this PC
    extras: dict[str, object] = field(default_factory=dict)
