"""Side-by-side columns that stack one above the other when the screen is narrow.

A screen that shows two cards beside each other on a laptop has no room for
them on a portrait tablet (800 px wide, about 620 px beside the sidebar):
there the same cards go one under the other, and each keeps its full width.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtWidgets import QBoxLayout, QWidget

# Below this width (of the screen widget) the columns stack. A 1024-px window
# leaves 848 px beside the sidebar; a portrait tablet leaves 624.
STACK_BELOW = 760


class NarrowStack(QObject):
    """Watches `widget`'s width and turns `layout` from a row into a column below `below` px.

    `stretches` are the items' stretch factors side by side and stacked, so a
    list can take the spare height in a column and the spare width in a row.
    """

    stacked_changed = Signal(bool)  # True: now one above the other

    def __init__(
        self,
        widget: QWidget,
        layout: QBoxLayout,
        below: int = STACK_BELOW,
        stretches: tuple[tuple[int, ...], tuple[int, ...]] | None = None,
    ) -> None:
        super().__init__(widget)
        self._widget = widget
        self._layout = layout
        self._below = below
        self._stretches = stretches
        self._started = False
        widget.installEventFilter(self)
        self.apply(widget.width())

    def stacked(self) -> bool:
        return self._layout.direction() == QBoxLayout.Direction.TopToBottom

    def apply(self, width: int) -> None:
        narrow = 0 < width < self._below
        direction = QBoxLayout.Direction.TopToBottom if narrow else QBoxLayout.Direction.LeftToRight
        if self._layout.direction() == direction and self._started:
            return
        self._started = True
        self._layout.setDirection(direction)
        # Side by side, the columns' minimum widths add up to more than a portrait
        # tablet has; they never have to fit there (below `below` they stack), so
        # the window may be made that narrow. Stacked, the layout's own minimum holds.
        self._widget.setMinimumWidth(0 if narrow else 1)
        if self._stretches is not None:
            for i, stretch in enumerate(self._stretches[1 if narrow else 0]):
                self._layout.setStretch(i, stretch)
        self.stacked_changed.emit(narrow)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # getattr: Qt may still call in while the Python side is being torn down.
        widget: QWidget | None = getattr(self, "_widget", None)
        if widget is not None and watched is widget and event.type() == QEvent.Type.Resize:
            self.apply(widget.width())
        return False
