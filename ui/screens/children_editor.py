"""Children for childcare (託児), added in the check-in flow."""

from __future__ import annotations

from PySide6.QtCore import Signal
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
        # Two lines, so the age buttons can wrap in any language and at tablet width.
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 6)
        layout.setHorizontalSpacing(8)
        layout.setVerticalSpacing(6)
        self.title = QLabel(self.tr("Child %1").replace("%1", str(number)), self)
        self.title.setMinimumWidth(56)
        self.age = ChoiceButtons.for_group("child_age_band", lang)
        self.note = QLineEdit(self)
        self.note.setPlaceholderText(self.tr("Allergies etc. (optional)"))
        self.note.setMaxLength(MAX_CARE_NOTE)
        self.note.setMinimumWidth(150)
        self.remove = QPushButton("✕", self)
        self.remove.setToolTip(self.tr("Remove this child"))
        self.remove.setAutoDefault(False)
        self.remove.setFixedWidth(48)
        self.remove.clicked.connect(lambda: self.remove_requested.emit(self))
        note_line = QHBoxLayout()
        note_line.addWidget(self.note, 1)
        note_line.addWidget(self.remove)
        layout.addWidget(self.title, 0, 0)
        layout.addWidget(self.age, 0, 1)
        layout.addLayout(note_line, 1, 1)
        layout.setColumnStretch(1, 1)

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
        self.add_button = QPushButton(self.tr("+ Add a child for childcare"), self)
        self.add_button.setAutoDefault(False)
        self.add_button.setToolTip(self.tr("Ctrl+K"))
        self.add_button.clicked.connect(self.add_child)
        bar = QHBoxLayout()
        bar.addWidget(self.add_button)
        bar.addStretch(1)
        self._layout.addLayout(bar)

    def add_child(self) -> ChildRow | None:
        if len(self.rows) >= MAX_CHILDREN:
            return None
        row = ChildRow(len(self.rows) + 1, self.lang, self)
        row.remove_requested.connect(self._remove)
        self._layout.insertWidget(len(self.rows), row)
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
