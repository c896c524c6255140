"""Choose one of today's check-ins for a workshop: a list a finger can hit.

A drop-down of 「No.12 さくら」 lines was small and blind to the age and the
time she came. Here each check-in is a large row (number, nickname or
「ニックネームなし」, age band, time), newest first, and the box above finds
her the way the door does (kana or romaji, kiosk/door/checkin.find_among_visits),
or by her number. A tap chooses the row; 「申し込む」 (or a double tap, or
Enter) signs her up, once.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QFont, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHeaderView,
    QLabel,
    QLineEdit,
    QScroller,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kiosk.core import choices
from kiosk.door.checkin import VisitInfo, find_among_visits
from ui.widgets.dialog_buttons import dialog_buttons
from ui.widgets.single_action import SingleAction

ROW_HEIGHT = 52  # a fingertip, with room between rows


class VisitorPickerDialog(QDialog):
    """`chosen` is the visit picked, or None when she went back."""

    def __init__(
        self,
        visits: Sequence[VisitInfo],
        lang: str,
        workshop: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.visits = list(visits)
        self.lang = lang
        self.chosen: VisitInfo | None = None
        self.shown: list[VisitInfo] = []
        self.setWindowTitle(self.tr("Sign someone up"))
        self.setModal(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 18)
        layout.setSpacing(10)
        title = QLabel(self.tr("Who joins “%1”?").replace("%1", workshop), self)
        title.setProperty("role", "title")
        title.setWordWrap(True)
        title.setTextFormat(Qt.TextFormat.PlainText)
        hint = QLabel(self.tr("Checked in today. Find her by nickname or number."), self)
        hint.setProperty("role", "subtitle")
        hint.setWordWrap(True)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Nickname or No."))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.filter_rows)
        self.search.installEventFilter(self)

        self.table = QTableWidget(0, 4, self)
        self.table.setObjectName("VisitorPicker")
        self.table.setHorizontalHeaderLabels(
            [self.tr("No."), self.tr("Nickname"), self.tr("Age"), self.tr("Time")]
        )
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(ROW_HEIGHT)
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setHighlightSections(False)
        QScroller.grabGesture(self.table.viewport(), QScroller.ScrollerGestureType.TouchGesture)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.empty = QLabel(self.tr("No one checked in today matches."), self)
        self.empty.setProperty("role", "empty")
        self.empty.setVisible(False)

        for widget in (title, hint, self.search):
            layout.addWidget(widget)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        # Once per gesture; a double tap on a row chooses too, and only once (choose_selected).
        row, self.choose_button = dialog_buttons(
            self,
            self.tr("Back"),
            self.tr("Sign her up"),
            SingleAction(self).wrap(self.choose_selected),
        )
        self.table.itemActivated.connect(self.choose_selected)  # double tap, Enter on a row
        layout.addLayout(row)
        self.filter_rows("")
        self.resize(640, 560)
        self.search.setFocus()

    # -- rows ------------------------------------------------------------------------

    def filter_rows(self, typed: str) -> None:
        """Show the check-ins matching what was typed; select the first of them."""
        self.shown = find_among_visits(self.visits, typed)
        table = self.table
        table.setRowCount(len(self.shown))
        quiet = QFont(self.font())
        quiet.setItalic(True)
        for row, visit in enumerate(self.shown):
            cells = [
                f"No. {visit.number}",
                visit.nickname or self.tr("No nickname"),
                choices.label("age_band", visit.age_band, self.lang),
                visit.checked_in_at.astimezone().strftime("%H:%M"),
            ]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column == 1 and not visit.nickname:
                    item.setFont(quiet)
                    item.setForeground(Qt.GlobalColor.darkGray)
                table.setItem(row, column, item)
        self.empty.setVisible(not self.shown)
        table.setVisible(bool(self.shown))
        if self.shown:
            table.selectRow(0)
        self._selection_changed()

    def selected_visit(self) -> VisitInfo | None:
        rows = self.table.selectionModel().selectedRows()
        return self.shown[rows[0].row()] if rows and self.shown else None

    def _selection_changed(self) -> None:
        self.choose_button.setEnabled(self.selected_visit() is not None)

    # -- choosing ---------------------------------------------------------------------

    def choose_selected(self) -> None:
        visit = self.selected_visit()
        if visit is None or self.chosen is not None:
            return
        self.chosen = visit
        self.accept()

    def choose_number(self, number: int) -> int:
        """Type her number and sign her up (tests and the screenshot script use it)."""
        self.search.setText(str(number))
        self.choose_button.click()
        return self.result()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Up and Down in the search box move through the rows."""
        if (
            watched is self.search
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down)
        ):
            if self.table.rowCount():
                step = -1 if event.key() == Qt.Key.Key_Up else 1
                row = max(0, min(self.table.rowCount() - 1, self.table.currentRow() + step))
                self.table.selectRow(row)
            return True
        return super().eventFilter(watched, event)
