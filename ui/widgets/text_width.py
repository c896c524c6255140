"""Widths that follow the text: a button is never squeezed below its own words.

A button or label given the width of its text when the screen was built kept
that width after Ctrl+plus made the text larger, and cut it (「直前を取り消す
（Ctrl+Z）」 at 150 %). Widths held here are measured again whenever the
widget's style or font changes, which is what a new text size does.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

RESTYLED = (QEvent.Type.StyleChange, QEvent.Type.FontChange)


class _Restyled(QObject):
    """Calls each watched widget's action when its style or font changed."""

    def __init__(self, parent: QObject | None) -> None:
        super().__init__(parent)
        self.actions: dict[int, Callable[[], None]] = {}
        self.pending: set[int] = set()

    def watch(self, widget: QWidget, action: Callable[[], None]) -> None:
        key = id(widget)
        self.actions[key] = action
        widget.destroyed.connect(lambda _=None, k=key: self.actions.pop(k, None))
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        key = id(watched)
        if event.type() in RESTYLED and key in self.actions and key not in self.pending:
            # Once the whole window is restyled (a parent hears before its children),
            # and once for the several events one restyling sends.
            self.pending.add(key)
            QTimer.singleShot(0, self, lambda: self.run(key))
        return False

    def run(self, key: int) -> None:
        self.pending.discard(key)
        action = self.actions.get(key)
        if action is not None:
            action()


_restyled: _Restyled | None = None


def when_restyled(widget: QWidget, action: Callable[[], None]) -> None:
    """Run `action` whenever `widget`'s style or font changes (a new text size)."""
    global _restyled
    if _restyled is None:
        _restyled = _Restyled(QApplication.instance())
    _restyled.watch(widget, action)


def hold_text_width(widget: QWidget, at_least: int = 0) -> None:
    """Keep `widget` at least as wide as its text needs, at every text size."""

    def fit() -> None:
        widget.setMinimumWidth(max(at_least, widget.sizeHint().width()))

    widget.ensurePolished()
    fit()
    when_restyled(widget, fit)
