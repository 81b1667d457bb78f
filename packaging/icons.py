"""Make the app icon's sizes from its one SVG source: `python packaging/icons.py OUT_DIR`.

Rule: `resources/icons/app.svg` is the only drawing; every PNG (16–1024 px), the Windows .ico
and the macOS .icns are rendered from it at build time (Qt's SVG renderer, Pillow's writers),
so the icon cannot drift between platforms and no binary copies live in the repository.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

SIZES = (16, 24, 32, 48, 64, 128, 256, 512, 1024)
SOURCE = Path(__file__).resolve().parent.parent / "resources" / "icons" / "app.svg"


def make_icons(out: Path, source: Path = SOURCE) -> list[Path]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # a build machine may have no screen
    from PIL import Image
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication([])
    renderer = QSvgRenderer(str(source))
    if not renderer.isValid():
        raise SystemExit(f"{source}: not a valid SVG drawing")
    out.mkdir(parents=True, exist_ok=True)
    made: list[Path] = []
    for size in SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        path = out / f"evidence-kit-{size}.png"
        if not image.save(str(path)):  # PNG, by the name
            raise SystemExit(f"could not write {path}")
        made.append(path)
    largest = Image.open(out / "evidence-kit-1024.png")
    ico = out / "evidence-kit.ico"
    largest.save(ico, sizes=[(s, s) for s in (16, 24, 32, 48, 64, 128, 256)])
    icns = out / "evidence-kit.icns"
    largest.save(icns)
    return [*made, ico, icns]


if __name__ == "__main__":
    for made in make_icons(Path(sys.argv[1] if len(sys.argv) > 1 else "build/icons")):
        print(made)
