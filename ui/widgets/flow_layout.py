"""A layout that wraps its items onto the next line, like words in a paragraph.

The answer buttons then fit a 1366-px laptop on one line and a tablet on
two, without scrolling sideways. (After Qt's own FlowLayout example.)
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QMargins, QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QHBoxLayout, QLayout, QLayoutItem, QSizePolicy, QWidget

from ui.widgets.text_width import hold_text_width


class FlowLayout(QLayout):
    def __init__(self, parent: QWidget | None = None, spacing: int = 6) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._spacing = spacing
        self.setContentsMargins(QMargins(0, 0, 0, 0))

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._arrange(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._arrange(rect, move=True)

    def shown(self) -> list[QLayoutItem]:
        """Hidden widgets take no room (a screen shows one of several pickers)."""
        return [item for item in self._items if not item.isEmpty()]

    def sizeHint(self) -> QSize:
        """Everything on one line: what the layout would like when there is room."""
        items = self.shown()
        width = sum(i.sizeHint().width() for i in items)
        width += self._spacing * max(0, len(items) - 1)
        height = max((i.sizeHint().height() for i in items), default=0)
        margins = self.contentsMargins()
        return QSize(width, height) + QSize(
            margins.left() + margins.right(), margins.top() + margins.bottom()
        )

    def minimumSize(self) -> QSize:
        size = QSize()
        for item in self.shown():
            size = size.expandedTo(item.minimumSize())
        margins = self.contentsMargins()
        return size + QSize(margins.left() + margins.right(), margins.top() + margins.bottom())

    def _arrange(self, rect: QRect, move: bool) -> int:
        """Lines of items; each item centred in its line's height (a check box beside
        buttons sits on their middle, not their top)."""
        lines: list[list[QLayoutItem]] = [[]]
        x = rect.x()
        for item in self.shown():
            hint = self._fitted(item, rect)
            if x + hint.width() > rect.right() + 1 and lines[-1]:
                lines.append([])
                x = rect.x()
            lines[-1].append(item)
            x += hint.width() + self._spacing
        y = rect.y()
        for line in lines:
            line_height = max((self._fitted(item, rect).height() for item in line), default=0)
            x = rect.x()
            for item in line:
                hint = self._fitted(item, rect)
                if move:
                    offset = (line_height - hint.height()) // 2
                    item.setGeometry(QRect(QPoint(x, y + offset), hint))
                x += hint.width() + self._spacing
            y += line_height + self._spacing
        return max(0, y - self._spacing - rect.y())

    @staticmethod
    def _fitted(item: QLayoutItem, rect: QRect) -> QSize:
        """Never wider than the row (a drop-down's longest choice): as wide as there is."""
        hint = item.sizeHint()
        room = max(rect.width(), item.minimumSize().width())
        if hint.width() > room:
            hint.setWidth(room)
        return hint


def flow_row(parent: QWidget, widgets: Sequence[QWidget], spacing: int = 8) -> QWidget:
    """A row of buttons that wraps onto a second line when the screen is narrow.

    Each button keeps the width its text needs, so none is squeezed into
    eliding its words (「キャン…」); the row grows a line instead.
    """
    row = QWidget(parent)
    layout = FlowLayout(row, spacing=spacing)
    for widget in widgets:
        hold_text_width(widget)
        layout.addWidget(widget)
    policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
    policy.setHeightForWidth(True)
    row.setSizePolicy(policy)
    return row


def field_group(parent: QWidget, *widgets: QWidget) -> QWidget:
    """Widgets that belong together (a label and its field) kept on one line of a flow row."""
    group = QWidget(parent)
    row = QHBoxLayout(group)
    row.setContentsMargins(0, 0, 0, 0)
    row.setSpacing(6)
    for widget in widgets:
        row.addWidget(widget)
    return group
