"""Every field a screen reader meets has a name, without each screen naming its own.

A button names itself by its text; a line edit, combo box, spin box or list
does not, and a screen reader then says only "edit" or "list". Most of our
fields are already named for sighted people: by the label beside them in a
form, by the label in the same grid row, by the title above a list, or by
their placeholder. One filter on the application reads that name off the
screen the first time a field is shown, in every window and in screens still
to be written; a screen only names a field itself (`setAccessibleName`, one
line) where nothing on screen does.

Where the label is the field's sibling it becomes the field's buddy, so the
name follows the label when its text changes (Qt reads it from there);
otherwise the label's text is copied.
"""

from __future__ import annotations

import logging
from typing import cast

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QAbstractSlider,
    QAbstractSpinBox,
    QApplication,
    QBoxLayout,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QPlainTextEdit,
    QScrollBar,
    QTextEdit,
    QWidget,
)

# What a person operates: these need a name. A button without text (an icon)
# needs one as much as a field does.
CONTROLS = (
    QAbstractButton,
    QLineEdit,
    QComboBox,
    QAbstractSpinBox,
    QAbstractItemView,
    QAbstractSlider,
    QPlainTextEdit,
    QTextEdit,
)


log = logging.getLogger(__name__)


def is_control(widget: QWidget) -> bool:
    """A control of its own, not a part of another (a spin box's text, a table's header)."""
    if not isinstance(widget, CONTROLS) or isinstance(widget, QScrollBar):
        return False
    parent = widget.parentWidget()
    while parent is not None and not parent.isWindow():
        if isinstance(parent, CONTROLS):
            return False  # a part: the spin box, combo or view it belongs to is named
        if isinstance(parent, QAbstractScrollArea) and widget is parent.viewport():
            return False
        parent = parent.parentWidget()
    return True


def accessible_name(widget: QWidget) -> str:
    """What a screen reader says the widget is called ('' when nothing)."""
    interface = QAccessible.queryAccessibleInterface(widget)
    if interface is None:
        return ""
    return interface.text(QAccessible.Text.Name).strip()


def field_name(widget: QWidget) -> str:
    """What the control is called: its accessible name; for a combo box, the name it
    was given or its buddy label's text (on Linux Qt says a combo's current choice
    as its name, which tells a listener what is chosen but not what is asked)."""
    if not isinstance(widget, QComboBox):
        return accessible_name(widget)
    if widget.accessibleName().strip():
        return widget.accessibleName().strip()
    buddy = buddy_of(widget)
    return plain(buddy.text()) if buddy is not None else ""


def buddy_of(widget: QWidget) -> QLabel | None:
    parent = widget.parentWidget()
    if parent is None:
        return None
    for label in parent.findChildren(QLabel):
        if label.buddy() is widget:
            return label
    return None


def says_something(name: str) -> bool:
    """A name made of letters or digits: 「✕」 or 「◀」 alone tells a listener nothing."""
    return any(ch.isalnum() for ch in name)


def name_field(field: QWidget) -> None:
    """Give an unnamed control the name the screen shows beside it, if there is one."""
    if not is_control(field):
        return
    if isinstance(field, QAbstractButton):
        if not says_something(field_name(field)) and field.toolTip():
            field.setAccessibleName(plain(field.toolTip()))  # ✕ is called 「この子を外す」
        return
    if field_name(field):
        return
    label = label_beside(field)
    if label is not None:
        if label.parentWidget() is field.parentWidget() and label.buddy() is None:
            label.setBuddy(field)  # Qt names the field by its buddy label, live
        if field_name(field):
            return
        field.setAccessibleName(plain(label.text()))
        return
    shown = placeholder(field) or field.toolTip() or card_title(field)
    if shown:
        field.setAccessibleName(plain(shown))


def plain(text: str) -> str:
    """A label's text as one spoken line: no mnemonic '&', no line breaks."""
    return " ".join(text.replace("&&", "\0").replace("&", "").replace("\0", "&").split())


def placeholder(field: QWidget) -> str:
    if isinstance(field, QLineEdit | QPlainTextEdit | QTextEdit):
        return field.placeholderText()
    if isinstance(field, QComboBox):
        edit = field.lineEdit()
        return field.placeholderText() or (edit.placeholderText() if edit is not None else "")
    return ""


def label_beside(field: QWidget) -> QLabel | None:
    """The label that names `field` on screen: its form label, the label before it
    in its row, or the label of the grid or form row its row (or the compound
    field it is part of) sits in; None when there is none."""
    parent = field.parentWidget()
    if parent is None:
        return None
    path = path_to(parent.layout(), field)
    for depth, (layout, index) in enumerate(reversed(path)):
        label = row_label(layout, index)
        if label is None and depth == 0 and isinstance(layout, QBoxLayout):
            label = label_before(layout, index)  # only in its own row: not a title above
        if label is not None:
            return label
    if not parent.isWindow() and parent.property("role") != "card" and not is_control(parent):
        return label_beside(parent)  # a field inside a compound field: the row's label
    return None


def path_to(layout: QLayout | None, field: QWidget) -> list[tuple[QLayout, int]]:
    """The layouts from `layout` down to the one holding `field`, each with the index
    of the item that leads on; [] when `field` is not in `layout`."""
    if layout is None:
        return []
    for i in range(layout.count()):
        item = layout.itemAt(i)
        if item is None:
            continue
        if item.widget() is field:
            return [(layout, i)]
        inner = item.layout()
        below = path_to(inner, field) if inner is not None else []
        if below:
            return [(layout, i), *below]
    return []


def row_label(layout: QLayout, index: int) -> QLabel | None:
    """The label of a form row, or the grid cell to the left of (else above) item `index`."""
    if isinstance(layout, QFormLayout):
        row, role = cast("tuple[int, QFormLayout.ItemRole]", layout.getItemPosition(index))
        if role != QFormLayout.ItemRole.FieldRole:
            return None
        item = layout.itemAt(row, QFormLayout.ItemRole.LabelRole)
        return naming_label(item.widget() if item is not None else None)
    if isinstance(layout, QGridLayout):
        row, column, _rows, _columns = cast(
            "tuple[int, int, int, int]", layout.getItemPosition(index)
        )
        for r, c in ((row, column - 1), (row - 1, column)):
            item = layout.itemAtPosition(r, c) if r >= 0 and c >= 0 else None
            label = naming_label(item.widget() if item is not None else None)
            if label is not None:
                return label
    return None


def label_before(layout: QBoxLayout, index: int) -> QLabel | None:
    """The label just before item `index`, passing over message lines, hints and
    hidden labels; None when a control or a nested row comes first."""
    for i in range(index - 1, -1, -1):
        item = layout.itemAt(i)
        widget = item.widget() if item is not None else None
        if widget is None:
            if item is not None and item.layout() is not None:
                return None
            continue  # a spacing or stretch
        if not isinstance(widget, QLabel):
            return None
        if widget.isHidden() or naming_label(widget) is None:
            continue
        return widget
    return None


def card_title(field: QWidget) -> str:
    """For a list or table: the title of the card it is in (its section label)."""
    if not isinstance(field, QAbstractItemView):
        return ""
    card = field.parentWidget()
    while card is not None and card.property("role") != "card":
        card = card.parentWidget()
    if card is None:
        return ""
    for label in card.findChildren(QLabel):
        if label.property("role") in ("section", "title") and label.text().strip():
            return label.text()
    return ""


def naming_label(widget: QWidget | QObject | None) -> QLabel | None:
    """A label that can name a field: it has text, and is neither a message line nor a hint."""
    if not isinstance(widget, QLabel) or not widget.text().strip():
        return None
    role = widget.property("role")
    if isinstance(role, str) and role.startswith(("banner", "hint", "title")):
        return None  # a message, an explanation or a screen's title: not the field's name
    return widget


def name_fields(root: QWidget) -> None:
    """Name every unnamed control under `root` (and `root` itself)."""
    name_field(root)
    for widget in root.findChildren(QWidget):
        name_field(widget)


class AccessibleNamer(QObject):
    """An application event filter: a control is named the first time it is shown."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show and isinstance(watched, QWidget):
            try:
                name_field(watched)
            except RuntimeError:
                # A widget of Qt's own (the print dialog's labels) deleted while its window
                # is built: naming is a courtesy, and a filter on every show must not fail.
                log.debug("a control was gone before it could be named")
        return False


def install_accessible_names(app: QApplication) -> AccessibleNamer:
    """Once per application; calling it again returns the filter already in place."""
    namer = app.findChild(AccessibleNamer)
    if namer is None:
        namer = AccessibleNamer(app)
        app.installEventFilter(namer)
    return namer
