"""The core, sync, peers and hub layers and the CLI run on a machine without Qt.

import-linter checks the static imports; this test checks the running code: every module of
those layers imports in a fresh interpreter where any attempt to import PySide6 fails.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import hubdesk

ROOT = Path(hubdesk.__file__).parent

PROBE = textwrap.dedent(
    """
    import importlib, pkgutil, sys

    class NoQt:
        def find_spec(self, name, path=None, target=None):
            if name == "PySide6" or name.startswith("PySide6."):
                raise ImportError("Qt is not installed here")
            return None

    sys.meta_path.insert(0, NoQt())
    import hubdesk
    for layer in ("core", "sync", "peers", "hub", "cli"):
        pkg = importlib.import_module(f"hubdesk.{layer}")
        for mod in pkgutil.walk_packages(pkg.__path__, prefix=f"hubdesk.{layer}."):
            importlib.import_module(mod.name)
    from hubdesk.cli import main
    assert main(["--data-dir", sys.argv[1], "learner", "list"]) == 0
    print("ok")
    """
)


def test_layers_run_without_qt(tmp_path: Path) -> None:
    out = subprocess.run(
        [sys.executable, "-c", PROBE, str(tmp_path / "data")], capture_output=True, text=True, timeout=120
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip().endswith("ok")
