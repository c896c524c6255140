"""The mouse wheel scrolls pages; it never changes a setting it passes over.

Qt lets the wheel step any combo box, spin box or slider under the pointer.
Scrolling down Settings past 「年度 4月始まり」 therefore changed the
fiscal year's first month, and saved it. One filter on the application
stops that for every such field in every window, now and in screens still
to be written: the wheel event is kept from the field and handed to the
scroll area beneath, so the page scrolls on as if the field were not there.
Fields still change by click, keyboard and their own arrow buttons.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QAbstractSlider,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QScrollBar,
    QWidget,
)


def value_field(widget: QWidget) -> QWidget | None:
    """The combo box, spin box (dates too) or slider a wheel over `widget` would change.

    A spin box's text field belongs to its spin box. The search stops at a
    window's edge: an open combo box's list is a window of its own and
    scrolls as lists do. Scroll bars are what the wheel is for.
    """
    current: QWidget | None = widget
    while current is not None:
        if isinstance(current, QComboBox | QAbstractSpinBox) or (
            isinstance(current, QAbstractSlider) and not isinstance(current, QScrollBar)
        ):
            return current
        if current.isWindow():
            return None
        current = current.parentWidget()
    return None


def scroll_area_beneath(widget: QWidget) -> QAbstractScrollArea | None:
    parent = widget.parentWidget()
    while parent is not None and not isinstance(parent, QAbstractScrollArea):
        parent = parent.parentWidget()
    return parent


class WheelGuard(QObject):
    """An application event filter: wheel events over value fields go to the page instead."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.Wheel or not isinstance(watched, QWidget):
            return False
        field = value_field(watched)
        if field is None:
            return False
        area = scroll_area_beneath(field)
        if area is not None:
            assert isinstance(event, QWheelEvent)
            viewport = area.viewport()
            onward = QWheelEvent(
                viewport.mapFromGlobal(event.globalPosition()),
                event.globalPosition(),
                event.pixelDelta(),
                event.angleDelta(),
                event.buttons(),
                event.modifiers(),
                event.phase(),
                event.inverted(),
                event.source(),
            )
            QApplication.sendEvent(viewport, onward)
        return True  # the field never sees it


def install_wheel_guard(app: QApplication) -> WheelGuard:
    """Once per application; calling it again returns the guard already in place."""
    guard = app.findChild(WheelGuard)
    if guard is None:
        guard = WheelGuard(app)
        app.installEventFilter(guard)
    return guard
