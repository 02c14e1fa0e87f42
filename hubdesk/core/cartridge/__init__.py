"""Courses from IMS Common Cartridge exports (Moodle, Canvas) as HubDesk packs: ``pack import-cc``.

The public names are here; the modules behind them are private. See ``docs/pack-format.md``.
"""

from __future__ import annotations

from hubdesk.core.cartridge._convert import ImportReport, import_cartridge
from hubdesk.core.cartridge._files import CartridgeError

__all__ = ["CartridgeError", "ImportReport", "import_cartridge"]
