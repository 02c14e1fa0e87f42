"""Shared fixtures: every test gets its own data folder and never touches the real user's data."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from hubdesk.core.installation import Installation

REAL_COURSES = Path(__file__).resolve().parent / "data" / "real-courses"  # in the repository: runs in any clone
CONTENT_PACKS = Path(__file__).resolve().parents[1] / "content_packs"


@pytest.fixture(autouse=True)
def _isolated_user_dirs(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    base = tmp_path_factory.mktemp("xdg")
    monkeypatch.setenv("XDG_DATA_HOME", str(base / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(base / "config"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(base / "cache"))
    monkeypatch.setenv("HUBDESK_DATA_DIR", str(base / "default-data"))


@pytest.fixture
def inst(tmp_path: Path) -> Iterator[Installation]:
    installation = Installation(tmp_path / "data")
    yield installation
    installation.close()


@pytest.fixture
def make_inst(tmp_path: Path) -> Iterator[object]:
    """Factory for several installations (devices) in one test: ``make_inst("a")``."""
    made: list[Installation] = []

    def factory(name: str) -> Installation:
        i = Installation(tmp_path / name)
        made.append(i)
        return i

    yield factory
    for i in made:
        i.close()


def real_course(name: str = "shell-novice") -> Path:
    path = REAL_COURSES / name
    if not path.is_dir():
        pytest.skip(f"{path} is not there")
    return path
