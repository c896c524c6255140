"""The thank-you page's QR while 「スマホで回答」 is on: a fresh one-time card for the next person."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from kiosk.survey.ruby import plain_text
from ui.widgets.qr_image import qr_pixmap

QR_SIDE = 200


class PhoneCardQr(QWidget):
    def __init__(self, url: str, caption: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.url = url
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 16, 0, 0)
        self.image = QLabel(self)
        self.image.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.image.setPixmap(qr_pixmap(url, QR_SIDE))
        self.caption = QLabel(plain_text(caption), self)
        self.caption.setProperty("role", "survey-intro")
        self.caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.caption.setWordWrap(True)
        layout.addWidget(self.image)
        layout.addWidget(self.caption)
