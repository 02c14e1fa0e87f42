"""Render HubDesk's SVG icon into the sizes desktops look for (run by the bundle builds, with Qt offscreen).

Writes ``OUT/hicolor/<N>x<N>/apps/hubdesk.png`` for the freedesktop sizes, ``OUT/hicolor/scalable/apps/
hubdesk.svg`` and ``OUT/hubdesk.ico`` (256 px, what the Windows executables and installer use).

    python packaging/render_icons.py OUT
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)
SOURCE = Path(__file__).resolve().parents[1] / "hubdesk" / "ui" / "icons" / "hubdesk.svg"


def render(out: Path) -> list[Path]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication([])
    renderer = QSvgRenderer(str(SOURCE))
    if not renderer.isValid():
        raise SystemExit(f"{SOURCE} is not a valid SVG")
    written: list[Path] = []
    for size in SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        target = out / "hicolor" / f"{size}x{size}" / "apps" / "hubdesk.png"
        target.parent.mkdir(parents=True, exist_ok=True)
        if not image.save(str(target), "PNG"):
            raise SystemExit(f"could not write {target}")
        written.append(target)
        if size == 256 and not image.save(str(out / "hubdesk.ico"), "ICO"):
            raise SystemExit(f"could not write {out / 'hubdesk.ico'}")
    scalable = out / "hicolor" / "scalable" / "apps" / "hubdesk.svg"
    scalable.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(SOURCE, scalable)
    return [*written, scalable]


if __name__ == "__main__":
    if len(sys.argv) != 2:
        raise SystemExit("usage: python packaging/render_icons.py OUT")
    for path in render(Path(sys.argv[1])):
        print(path)
