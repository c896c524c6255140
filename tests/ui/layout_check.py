"""Find what a person would see as broken in a laid-out window: text cut off,
widgets partly outside the window, siblings lying over each other.

    findings = layout_findings(window)   # [] when everything fits

Why a checker and not screenshots alone: the defects of issue 17 were found
at sizes nobody looked at (1024 px, portrait, 150 %), in the language nobody
tried. Measuring every visible widget at every size catches them in CI.

What counts as a defect, and what does not:
- text: a label's text wider than its room (or, wrapped, taller than its
  height); a button, combo or line edit narrower than the style says its
  text needs; a combo too narrow for its widest item.
- outside: a widget reaching past the edge of the window. Inside a scroll
  area, being scrolled out of view is not being cut off; but content wider
  than a scroll area that cannot scroll sideways is.
- overlap: two visible siblings whose rectangles intersect, except where a
  layout means it (ALLOWED_OVERLAPS, with reasons).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QAbstractSpinBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QScrollArea,
    QStackedWidget,
    QStyle,
    QStyleOptionComboBox,
    QWidget,
)

_TAG = re.compile(r"<[a-zA-Z/!][^>]*>")


def _looks_rich(text: str) -> bool:
    """Qt's own guess (Qt::mightBeRichText) is not in PySide6: a tag anywhere will do."""
    return _TAG.search(text) is not None


# Slack for rounding: a pixel of anti-aliasing is not text cut off.
TOLERANCE = 1

# Parents whose children lie over each other on purpose, with the reason.
# Keyed by class name or objectName of the parent.
ALLOWED_OVERLAPS: dict[str, str] = {
    "QStackedWidget": "pages of a stack share one place; only the current one is visible",
    "QTabWidget": "the tab bar overlaps the page frame by the style's design",
    "QScrollArea": "viewport and scroll bars are placed by the area itself",
    "QAbstractScrollArea": "viewport and scroll bars are placed by the area itself",
    "QComboBox": "a combo's own line edit sits over its frame",
    "QAbstractSpinBox": "a spin box's own line edit sits over its frame",
}


@dataclass(frozen=True)
class Finding:
    """One defect, written so a failing test says what and where."""

    kind: str  # "cut", "outside", "overlap"
    widget: str  # who: objectName, class, text
    detail: str  # the numbers

    def __str__(self) -> str:
        return f"{self.kind}: {self.widget}: {self.detail}"


def describe(widget: QWidget) -> str:
    """objectName, class and text, enough to find the widget in the code."""
    text = ""
    if isinstance(widget, (QLabel, QAbstractButton, QLineEdit)):
        text = widget.text()
    elif isinstance(widget, QComboBox):
        text = widget.currentText()
    text = " ".join(text.split())
    if len(text) > 40:
        text = text[:39] + "…"
    name = widget.objectName()
    parts = [type(widget).__name__]
    if name:
        parts.insert(0, f"#{name}")
    if text:
        parts.append(repr(text))
    return " ".join(parts)


def layout_findings(top: QWidget) -> list[Finding]:
    """Every defect among the visible descendants of `top` (a window or dialog)."""
    found: list[Finding] = []
    for widget in visible_descendants(top):
        found.extend(text_findings(widget))
        found.extend(outside_findings(widget, top))
        found.extend(overlap_findings(widget))
        found.extend(unscrollable_findings(widget))
    return found


def visible_descendants(top: QWidget) -> Iterator[QWidget]:
    """Widgets a person can see: visible to the top, with a non-empty size."""
    for widget in top.findChildren(QWidget):
        if widget.isWindow() or not widget.isVisibleTo(top):
            continue
        if widget.width() <= 0 or widget.height() <= 0:
            continue
        if _inside_internal(widget):
            continue
        yield widget


def _inside_internal(widget: QWidget) -> bool:
    """Parts of composite widgets (a combo's popup, a spin box's edit) are theirs to lay out."""
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, (QComboBox, QAbstractSpinBox)):
            return True
        if isinstance(parent, QAbstractItemView):
            return True  # item editors and index widgets: the view's business
        parent = parent.parentWidget()
    return False


# -- (a) text cut off ----------------------------------------------------------------------


def text_findings(widget: QWidget) -> list[Finding]:
    if isinstance(widget, QLabel):
        return _label(widget)
    if isinstance(widget, QAbstractButton):
        return _button(widget)
    if isinstance(widget, QComboBox):
        return _combo(widget)
    if isinstance(widget, QLineEdit):
        return _line_edit(widget)
    return []


def _label(label: QLabel) -> list[Finding]:
    text = label.text()
    if not text or not label.pixmap().isNull():
        return []
    if label.textFormat() == Qt.TextFormat.RichText or (
        label.textFormat() == Qt.TextFormat.AutoText and _looks_rich(text)
    ):
        return _rich_label(label)
    room = label.contentsRect()
    indent = max(label.indent(), 0)
    metrics = QFontMetrics(label.font())
    if label.wordWrap():
        needed = label.heightForWidth(label.width())
        if needed > label.height() + TOLERANCE:
            return [
                Finding(
                    "cut",
                    describe(label),
                    f"wrapped text needs {needed} px high at width {label.width()}, "
                    f"has {label.height()}",
                )
            ]
        return []
    lines = text.split("\n")
    width = max(metrics.horizontalAdvance(line) for line in lines) + indent
    height = metrics.lineSpacing() * len(lines)
    out: list[Finding] = []
    if width > room.width() + TOLERANCE:
        out.append(Finding("cut", describe(label), f"text {width} px wide in {room.width()} px"))
    if height > room.height() + metrics.leading() + 2 + TOLERANCE:
        out.append(Finding("cut", describe(label), f"text {height} px high in {room.height()} px"))
    return out


def _rich_label(label: QLabel) -> list[Finding]:
    hint = label.minimumSizeHint()
    if label.wordWrap():
        needed = label.heightForWidth(label.width())
        if needed > label.height() + TOLERANCE:
            return [
                Finding(
                    "cut",
                    describe(label),
                    f"wrapped text needs {needed} px high at width {label.width()}, "
                    f"has {label.height()}",
                )
            ]
        return []
    if hint.width() > label.width() + TOLERANCE:
        return [
            Finding("cut", describe(label), f"text {hint.width()} px wide in {label.width()} px")
        ]
    return []


def _button(button: QAbstractButton) -> list[Finding]:
    if not button.text():
        return []
    hint = button.sizeHint()
    out: list[Finding] = []
    if hint.width() > button.width() + TOLERANCE:
        out.append(
            Finding(
                "cut",
                describe(button),
                f"needs {hint.width()} px wide (text, icon, padding), has {button.width()}",
            )
        )
    text_height = QFontMetrics(button.font()).height() * max(1, button.text().count("\n") + 1)
    if text_height > button.height() + TOLERANCE:
        out.append(
            Finding("cut", describe(button), f"text {text_height} px high in {button.height()}")
        )
    return out


def _combo(combo: QComboBox) -> list[Finding]:
    """The room left of the arrow, against the current text and the widest item."""
    option = QStyleOptionComboBox()
    combo.initStyleOption(option)
    style = combo.style()
    control = QStyle.ComplexControl.CC_ComboBox
    field = style.subControlRect(control, option, QStyle.SubControl.SC_ComboBoxEditField, combo)
    arrow = style.subControlRect(control, option, QStyle.SubControl.SC_ComboBoxArrow, combo)
    # The text is drawn from the field's left edge up to the arrow (the style sheet's
    # padding-right only keeps the field clear of the arrow's own box).
    room = (arrow.left() if arrow.isValid() and arrow.left() > field.left() else field.right()) - (
        field.left()
    )
    metrics = QFontMetrics(combo.font())
    icon = combo.iconSize().width() + 4 if not combo.itemIcon(combo.currentIndex()).isNull() else 0
    out: list[Finding] = []
    current = metrics.horizontalAdvance(combo.currentText()) + icon
    if combo.currentText() and current > room + TOLERANCE:
        out.append(Finding("cut", describe(combo), f"current text {current} px wide in {room} px"))
    widest = max(
        (metrics.horizontalAdvance(combo.itemText(i)) for i in range(combo.count())), default=0
    )
    if widest > room + TOLERANCE and widest > current:
        widest_text = max(
            (combo.itemText(i) for i in range(combo.count())), key=metrics.horizontalAdvance
        )
        out.append(
            Finding(
                "cut",
                describe(combo),
                f"widest item {widest_text!r} {widest} px wide in {room} px",
            )
        )
    return out


def _line_edit(edit: QLineEdit) -> list[Finding]:
    shown = edit.text() if edit.text() else edit.placeholderText()
    if not shown or edit.echoMode() != QLineEdit.EchoMode.Normal:
        return []
    if edit.text() and edit.isReadOnly() is False:
        return []  # typed text scrolls inside the field, as everywhere
    # The room for text: contents minus the text margins and the frame's 2 px each side.
    margins = edit.textMargins()
    room = edit.contentsRect().width() - margins.left() - margins.right() - 4
    for action in edit.actions():
        if action.isVisible():
            room -= edit.height()  # a trailing/leading action icon takes a square
    width = QFontMetrics(edit.font()).horizontalAdvance(shown)
    if width > room + TOLERANCE:
        which = "text" if edit.text() else "placeholder"
        return [Finding("cut", describe(edit), f"{which} {width} px wide in {room} px")]
    return []


# -- (b) outside the window ----------------------------------------------------------------


def outside_findings(widget: QWidget, top: QWidget) -> list[Finding]:
    """Past the window's edge, or wider than a scroll area that cannot scroll sideways."""
    clipped = _clipped_by_parent(widget)
    area = _enclosing_scroll_area(widget, top)
    if area is not None:
        return clipped + _beside_scroll_area(widget, area)
    if clipped:
        return clipped
    origin = widget.mapTo(top, QPoint(0, 0))
    rect = QRect(origin, widget.size())
    window = top.rect()
    if window.contains(rect):
        return []
    parts = []
    if rect.right() > window.right():
        parts.append(f"{rect.right() - window.right()} px past the right edge")
    if rect.bottom() > window.bottom():
        parts.append(f"{rect.bottom() - window.bottom()} px past the bottom")
    if rect.left() < 0:
        parts.append(f"{-rect.left()} px past the left edge")
    if rect.top() < 0:
        parts.append(f"{-rect.top()} px past the top")
    return [
        Finding(
            "outside",
            describe(widget),
            f"{', '.join(parts)} (at {rect.x()},{rect.y()} size {rect.width()}×{rect.height()}"
            f" in {window.width()}×{window.height()})",
        )
    ]


def _clipped_by_parent(widget: QWidget) -> list[Finding]:
    """Partly outside its own parent (a table taller than its card): the parent cuts it.

    Not a scroll area's content in its viewport: that is scrolled, not cut."""
    parent = widget.parentWidget()
    if parent is None or widget.isWindow():
        return []
    grand = parent.parentWidget()
    if isinstance(grand, QAbstractScrollArea) and grand.viewport() is parent:
        return []
    room = parent.rect().adjusted(-TOLERANCE, -TOLERANCE, TOLERANCE, TOLERANCE)
    rect = widget.geometry()
    if room.contains(rect):
        return []
    over_x = max(rect.right() - parent.rect().right(), -rect.left(), 0)
    over_y = max(rect.bottom() - parent.rect().bottom(), -rect.top(), 0)
    return [
        Finding(
            "outside",
            describe(widget),
            f"cut by its parent {describe(parent)} by {over_x} px across, {over_y} px down "
            f"(at {rect.x()},{rect.y()} size {rect.width()}×{rect.height()} in "
            f"{parent.width()}×{parent.height()})",
        )
    ]


def _enclosing_scroll_area(widget: QWidget, top: QWidget) -> QScrollArea | None:
    parent = widget.parentWidget()
    while parent is not None and parent is not top:
        if isinstance(parent, QScrollArea):
            content = parent.widget()
            if content is not None and (content is widget or content.isAncestorOf(widget)):
                return parent
        parent = parent.parentWidget()
    return None


def _beside_scroll_area(widget: QWidget, area: QScrollArea) -> list[Finding]:
    """Only the area's own content is judged, and only sideways when it cannot scroll so."""
    if widget is not area.widget():
        return []
    if area.horizontalScrollBarPolicy() != Qt.ScrollBarPolicy.ScrollBarAlwaysOff:
        return []
    room = area.viewport().width()
    if widget.width() > room + TOLERANCE:
        return [
            Finding(
                "outside",
                describe(widget),
                f"{widget.width()} px wide in a {room} px scroll area that cannot scroll "
                f"sideways ({widget.width() - room} px cut)",
            )
        ]
    return []


def unscrollable_findings(widget: QWidget) -> list[Finding]:
    """A list or table with a scroll bar turned off whose content still needs it is cut off."""
    if not isinstance(widget, QAbstractScrollArea) or isinstance(widget, QScrollArea):
        return []
    out = []
    off = Qt.ScrollBarPolicy.ScrollBarAlwaysOff
    for policy, bar, side in (
        (widget.horizontalScrollBarPolicy(), widget.horizontalScrollBar(), "wide"),
        (widget.verticalScrollBarPolicy(), widget.verticalScrollBar(), "high"),
    ):
        if policy == off and bar.maximum() > TOLERANCE:
            out.append(
                Finding(
                    "outside",
                    describe(widget),
                    f"content {bar.maximum()} px too {side} for a view that cannot scroll so",
                )
            )
    return out


# -- (c) overlapping siblings --------------------------------------------------------------


def overlap_findings(widget: QWidget) -> list[Finding]:
    """`widget` against its later visible siblings (each pair reported once)."""
    parent = widget.parentWidget()
    if parent is None or _overlap_allowed(parent):
        return []
    siblings = [
        w
        for w in parent.children()
        if isinstance(w, QWidget)
        and not w.isWindow()
        and w.isVisible()
        and w.width() > 0
        and w.height() > 0
    ]
    try:
        later = siblings[siblings.index(widget) + 1 :]
    except ValueError:
        return []
    out = []
    for other in later:
        both = widget.geometry().intersected(other.geometry())
        if both.width() > TOLERANCE and both.height() > TOLERANCE:
            out.append(
                Finding(
                    "overlap",
                    f"{describe(widget)} × {describe(other)}",
                    f"overlap {both.width()}×{both.height()} at {both.x()},{both.y()} "
                    f"in {describe(parent)}",
                )
            )
    return out


def _overlap_allowed(parent: QWidget) -> bool:
    if parent.objectName() in ALLOWED_OVERLAPS:
        return True
    if isinstance(parent, (QStackedWidget, QAbstractScrollArea, QComboBox, QAbstractSpinBox)):
        return True
    return type(parent).__name__ in ALLOWED_OVERLAPS or any(
        cls.__name__ in ALLOWED_OVERLAPS for cls in type(parent).__mro__
    )
