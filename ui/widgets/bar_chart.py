"""A small bar chart painted with QPainter (QtCharts is not in PySide6-Essentials)."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from ui.text_size import scaled_px

BAR = QColor("#bc584b")  # the sheet's rose (resources/style.qss)
AXIS = QColor("#d9c9bc")
TEXT = QColor("#5b4f47")


class BarChart(QWidget):
    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = title
        self.bars: list[tuple[str, int]] = []
        self.setMinimumHeight(170)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)

    def set_bars(self, bars: list[tuple[str, int]]) -> None:
        self.bars = bars
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(420, 190)

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        font = QFont(self.font())
        font.setPixelSize(scaled_px(13))
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(TEXT)
        painter.drawText(QRectF(4, 0, self.width() - 8, 20), Qt.AlignmentFlag.AlignLeft, self.title)
        font.setBold(False)
        font.setPixelSize(scaled_px(11))
        painter.setFont(font)
        if not self.bars:
            return
        top, bottom, left = 40.0, self.height() - 34.0, 6.0  # two lines of labels
        width = (self.width() - 2 * left) / len(self.bars)
        peak = max((n for _, n in self.bars), default=0) or 1
        painter.setPen(AXIS)
        painter.drawLine(int(left), int(bottom), int(self.width() - left), int(bottom))
        for i, (label, value) in enumerate(self.bars):
            x = left + i * width
            height = (bottom - top) * value / peak
            bar = QRectF(x + width * 0.18, bottom - height, width * 0.64, height)
            painter.fillRect(bar, BAR)
            painter.setPen(TEXT)
            if value:
                painter.drawText(
                    QRectF(x, bar.top() - 16, width, 14), Qt.AlignmentFlag.AlignCenter, str(value)
                )
            self._draw_label(painter, label, x, width, bottom)

    def _draw_label(
        self, painter: QPainter, label: str, x: float, width: float, bottom: float
    ) -> None:
        """Under its bar; a label wider than the bar ("No answer") takes two lines, one
        without a space to break at (「21時〜」) is widened but kept inside the chart."""
        metrics = painter.fontMetrics()
        room = width + 8
        needed = metrics.horizontalAdvance(label) + 4
        flags = Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop
        if needed > room and " " in label:
            rect = QRectF(x - 4, bottom + 3, room, 2 * metrics.lineSpacing() + 2)
            painter.drawText(rect, int(flags) | int(Qt.TextFlag.TextWordWrap), label)
            return
        room = max(room, needed)
        start = min(max(x + width / 2 - room / 2, 0.0), self.width() - room)
        painter.drawText(QRectF(start, bottom + 3, room, 16), flags, label)
