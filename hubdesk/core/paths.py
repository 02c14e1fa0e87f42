"""Where an installation keeps its data: --data-dir, then $HUBDESK_DATA_DIR, then the per-user folder."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

from hubdesk.errors import StoreError

APP_NAME = "HubDesk"
ENV_VAR = "HUBDESK_DATA_DIR"


def resolve_data_dir(explicit: str | os.PathLike[str] | None = None) -> Path:
    if explicit:
        return Path(explicit).expanduser().resolve()
    env = os.environ.get(ENV_VAR)
    if env:
        return Path(env).expanduser().resolve()
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


class DataDir:
    """The layout of one installation's data folder."""

    def __init__(self, root: Path) -> None:
        self.root = root

    @property
    def database(self) -> Path:
        return self.root / "hubdesk.sqlite3"

    @property
    def packs(self) -> Path:
        """Installed packs, one folder per pack id (``packs/<id>``)."""
        return self.root / "packs"

    @property
    def staging(self) -> Path:
        """Where installs are verified before their one atomic rename; same file system as ``packs``."""
        return self.root / "staging"

    @property
    def search_index(self) -> Path:
        return self.root / "search-index"

    @property
    def keys(self) -> Path:
        return self.root / "keys"

    @property
    def sync(self) -> Path:
        return self.root / "sync"

    def ensure(self) -> DataDir:
        try:
            self.root.mkdir(parents=True, exist_ok=True)
        except OSError as exc:  # a file in the way, a read-only disk, a stick pulled out
            reason = (exc.strerror or str(exc)).lower()
            raise StoreError(f"HubDesk cannot keep its data in {self.root}: {reason}. Choose another folder.") from exc
        return self
