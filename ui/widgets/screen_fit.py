"""A window's comfortable size, never larger than the screen it opens on.

A dialog asks for a reading size (the audit log's wide table); on a 1024 px
laptop or an 800 px portrait tablet that size would put its edges off
screen, where no one can reach its buttons.
"""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

EDGE = 32  # room left around a window for the taskbar and a window frame


def fitted_size(widget: QWidget, preferred: QSize) -> QSize:
    """`preferred`, made no larger than the screen under the widget's window."""
    parent = widget.parentWidget()
    screen = (parent.window() if parent is not None else widget).screen()
    screen = screen or QGuiApplication.primaryScreen()
    if screen is None:
        return preferred
    room = screen.availableGeometry().size() - QSize(EDGE, EDGE)
    return preferred.boundedTo(room).expandedTo(widget.minimumSizeHint())


def grow_to_wrapped_height(window: QWidget) -> None:
    """Make a window tall enough for what wraps at its present width.

    Rows that wrap (flow rows, word-wrapped labels) need more lines on a narrow
    screen, but Qt sizes a top-level window from its one-line size hint. Call
    from the window's resizeEvent.
    """
    layout = window.layout()
    if layout is None or not layout.hasHeightForWidth():
        return
    needed = layout.totalHeightForWidth(window.width())
    if window.minimumHeight() != needed:
        window.setMinimumHeight(needed)  # Qt makes the window this tall if it is not
