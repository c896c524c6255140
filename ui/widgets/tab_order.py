"""Tab follows the screen, not the order the widgets were made in.

Qt chains Tab through widgets in the order they got their parent. A row of
answer buttons made first and put in its place later (ChoiceButtons without
a parent, then a layout) ends up after fields made after it: Tab then jumps
from the nickname to 「+ 子どもを追加」 and back up to the age row. A screen
states its order once, top to bottom, with `tab_in_order`.
"""

from __future__ import annotations

from itertools import pairwise

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget


def tab_in_order(*widgets: QWidget) -> None:
    """Tab goes from each widget to the next; a compound widget (a row of buttons,
    a sub-form) moves with everything inside it, in its own order."""
    chain = [leaf for widget in widgets for leaf in focus_leaves(widget)]
    for first, second in pairwise(chain):
        QWidget.setTabOrder(first, second)


def focus_leaves(widget: QWidget) -> list[QWidget]:
    """The widgets inside `widget` that can take the focus, in their Tab order
    (`widget` itself when it takes the focus: a spin box's or a date field's inner
    line edit is its own business, and chaining it apart breaks the cycle)."""
    if widget.focusPolicy() != Qt.FocusPolicy.NoFocus:
        return [widget]
    inside: list[QWidget] = []
    current = widget.nextInFocusChain()
    while current is not None and current is not widget and widget.isAncestorOf(current):
        if current.focusPolicy() != Qt.FocusPolicy.NoFocus:
            inside.append(current)
        current = current.nextInFocusChain()
    return inside or [widget]
