"""Children for childcare (託児), added in the check-in flow."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kiosk.door.checkin import MAX_CHILDREN, ChildRequest
from kiosk.door.childcare import MAX_CARE_NOTE
from ui.widgets.choice_buttons import ChoiceButtons


class ChildRow(QWidget):
    remove_requested = Signal(object)

    def __init__(self, number: int, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # One line per child, so two children fit a laptop without scrolling the
        # form; where the line has no room (a tablet) the note goes under the ages.
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setHorizontalSpacing(8)
        self._grid.setVerticalSpacing(6)
        self.title = QLabel(self.tr("Child %1").replace("%1", str(number)), self)
        self.title.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.age = ChoiceButtons.for_group("child_age_band", lang)
        self.note = QLineEdit(self)
        self.note.setPlaceholderText(self.tr("Allergies etc. (optional)"))
        self.note.setMaxLength(MAX_CARE_NOTE)
        # Wide enough for its placeholder; with less room it moves to a line of its own.
        self.note.ensurePolished()
        hint = self.note.placeholderText()
        self.note.setMinimumWidth(self.note.fontMetrics().horizontalAdvance(hint) + 32)
        self.remove = QPushButton("✕", self)
        self.remove.setToolTip(self.tr("Remove this child"))
        self.remove.setAutoDefault(False)
        self.remove.setFixedWidth(48)
        self.remove.clicked.connect(lambda: self.remove_requested.emit(self))
        self._grid.addWidget(self.title, 0, 0)
        self.one_line: bool | None = None
        self._arrange(True)

    def _one_line_width(self) -> int:
        gap = self._grid.horizontalSpacing()
        parts = (self.title, self.age, self.note, self.remove)
        widths = (
            self.title.minimumWidth(),
            self.age.sizeHint().width(),
            self.note.minimumWidth(),
            self.remove.width(),
        )
        return sum(widths) + gap * (len(parts) - 1)

    def _arrange(self, one_line: bool) -> None:
        if one_line == self.one_line:
            return
        self.one_line = one_line
        for widget in (self.age, self.note, self.remove):
            self._grid.removeWidget(widget)
        for column in range(4):
            self._grid.setColumnStretch(column, 0)
        if one_line:
            self._grid.addWidget(self.age, 0, 1)
            self._grid.addWidget(self.note, 0, 2)
            self._grid.addWidget(self.remove, 0, 3)
            self._grid.setColumnStretch(2, 1)
        else:
            self._grid.addWidget(self.age, 0, 1, 1, 2)
            self._grid.addWidget(self.note, 1, 1)
            self._grid.addWidget(self.remove, 1, 2)
            self._grid.setColumnStretch(1, 1)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._arrange(event.size().width() >= self._one_line_width())

    def set_label_width(self, width: int, gap: int) -> None:
        """In line with the form's labels (年代, お住まい…), right-aligned like them."""
        self.title.setFixedWidth(width)
        self._grid.setHorizontalSpacing(gap)

    def renumber(self, number: int) -> None:
        self.title.setText(self.tr("Child %1").replace("%1", str(number)))


class ChildrenEditor(QWidget):
    """Zero or more child rows and an 'add a child' button."""

    child_added = Signal(object)  # the new ChildRow, so the screen can scroll to it

    def __init__(self, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lang = lang
        self.rows: list[ChildRow] = []
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(6)
        self.title = QLabel(self.tr("Childcare"), self)
        self.title.setProperty("role", "section")
        self.title.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.add_button = QPushButton(self.tr("+ Add a child for childcare"), self)
        self.add_button.setAutoDefault(False)
        self.add_button.setToolTip(self.tr("Ctrl+K"))
        self.add_button.clicked.connect(self.add_child)
        self._bar = QHBoxLayout()
        self._bar.addWidget(self.title)
        self._bar.addWidget(self.add_button)
        self._bar.addStretch(1)
        self._layout.addLayout(self._bar)
        self._label_width = 0
        self._gap = 8

    def set_label_width(self, width: int, gap: int) -> None:
        """The form's label column: 託児 and 子ども1, 子ども2 line up with 年代 above."""
        self._label_width, self._gap = width, gap
        self._bar.setSpacing(gap)
        for row in self.rows:
            row.set_label_width(width, gap)

    def add_child(self) -> ChildRow | None:
        if len(self.rows) >= MAX_CHILDREN:
            return None
        row = ChildRow(len(self.rows) + 1, self.lang, self)
        row.remove_requested.connect(self._remove)
        if self._label_width:
            row.set_label_width(self._label_width, self._gap)
        self._layout.insertWidget(1 + len(self.rows), row)
        self.rows.append(row)
        self.add_button.setEnabled(len(self.rows) < MAX_CHILDREN)
        row.age.focus_first()
        self.child_added.emit(row)
        return row

    def _remove(self, row: ChildRow) -> None:
        self.rows.remove(row)
        row.setParent(None)
        row.deleteLater()
        for i, r in enumerate(self.rows, start=1):
            r.renumber(i)
        self.add_button.setEnabled(True)

    def clear(self) -> None:
        for row in list(self.rows):
            self._remove(row)

    def missing_age(self) -> int | None:
        """The number of the first child whose age band is not chosen."""
        for i, row in enumerate(self.rows, start=1):
            if row.age.value() is None:
                return i
        return None

    def requests(self) -> tuple[ChildRequest, ...]:
        return tuple(
            ChildRequest(age_band=row.age.value() or "", care_note=row.note.text() or None)
            for row in self.rows
        )
