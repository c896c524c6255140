"""A QR code as a pixmap, from the app's one encoder (kiosk/survey/phone/qr.py)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap

from kiosk.survey.phone import qr


def qr_pixmap(url: str, side: int) -> QPixmap:
    """The code for `url`, `side` pixels square, its modules kept sharp (no smoothing)."""
    pixmap = QPixmap()
    pixmap.loadFromData(qr.png(url, scale=4), "PNG")
    return pixmap.scaled(
        side,
        side,
        Qt.AspectRatioMode.KeepAspectRatio,
        Qt.TransformationMode.FastTransformation,
    )
