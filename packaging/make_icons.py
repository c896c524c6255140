"""Render the app's icon from its one source, resources/icons/tsunagari.svg.

    python packaging/make_icons.py

Writes the window icon's PNGs beside the source (resources/icons/tsunagari-<size>.png,
shipped with the app) and the installers' icons in packaging/icons/ (tsunagari.ico
for Windows, tsunagari.icns for macOS, tsunagari-512.png). Qt's SVG renderer draws
each size (the same picture for the same Qt), and Pillow writes the .ico and .icns
from those drawings, so the 16 px icon is drawn at 16 px, not shrunk from 256.
The results are committed, like the compiled translations, so a checkout runs
and builds without this step; run it again after changing the SVG.
"""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PIL import Image
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "resources" / "icons" / "tsunagari.svg"
WINDOW_ICONS = ROOT / "resources" / "icons"
INSTALLER_ICONS = ROOT / "packaging" / "icons"
WINDOW_SIZES = (16, 24, 32, 48, 64, 128, 256)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
ICNS_SIZES = (16, 32, 64, 128, 256, 512, 1024)


def draw(renderer: QSvgRenderer, size: int) -> Image.Image:
    """The SVG drawn at `size` pixels square, as a Pillow image."""
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return Image.open(io.BytesIO(bytes(data.data()))).convert("RGBA")


def main() -> int:
    _app = QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(SOURCE))
    if not renderer.isValid():
        print(f"make_icons: cannot read {SOURCE}", file=sys.stderr)
        return 1
    drawn = {size: draw(renderer, size) for size in {*WINDOW_SIZES, *ICO_SIZES, *ICNS_SIZES}}
    INSTALLER_ICONS.mkdir(parents=True, exist_ok=True)
    written = []
    for size in WINDOW_SIZES:
        path = WINDOW_ICONS / f"tsunagari-{size}.png"
        drawn[size].save(path, optimize=True)
        written.append(path)
    drawn[512].save(INSTALLER_ICONS / "tsunagari-512.png", optimize=True)
    written.append(INSTALLER_ICONS / "tsunagari-512.png")
    largest = drawn[max(ICO_SIZES)]
    largest.save(
        INSTALLER_ICONS / "tsunagari.ico",
        sizes=[(s, s) for s in ICO_SIZES],
        append_images=[drawn[s] for s in ICO_SIZES if s != max(ICO_SIZES)],
    )
    written.append(INSTALLER_ICONS / "tsunagari.ico")
    drawn[max(ICNS_SIZES)].save(
        INSTALLER_ICONS / "tsunagari.icns",
        append_images=[drawn[s] for s in ICNS_SIZES if s != max(ICNS_SIZES)],
    )
    written.append(INSTALLER_ICONS / "tsunagari.icns")
    for path in written:
        print(path.relative_to(ROOT))
    return 0


if __name__ == "__main__":
    sys.exit(main())
