"""What every command gets: the data folder and the installation, opened on first use."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from hubdesk.core.paths import resolve_data_dir

if TYPE_CHECKING:
    from hubdesk.core.installation import Installation


class Context:
    def __init__(self, data_dir: str | None) -> None:
        self.data_dir: Path = resolve_data_dir(data_dir)
        self._inst: Installation | None = None

    @property
    def inst(self) -> Installation:
        if self._inst is None:
            # imported here: opening an installation loads every domain, which `--version` and
            # `--help` need not pay for
            from hubdesk.core.installation import Installation

            self._inst = Installation(self.data_dir)
        return self._inst

    def close(self) -> None:
        if self._inst is not None:
            self._inst.close()
            self._inst = None

    @staticmethod
    def print_json(value: Any) -> None:
        json.dump(value, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")

    @staticmethod
    def interactive() -> bool:
        return sys.stderr.isatty()
