"""Childcare (託児): who is in care now, hand a child back against her code.

Anyone at the desk can read this screen, so it never shows a pickup code: a
code read off the list would open the door the code is there to keep shut.
The list names a child by her check-in number and age band; a lost label is
reprinted only after a question that names her the same way.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QRegularExpressionValidator
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kiosk.core import choices
from kiosk.core.errors import KioskError
from kiosk.door import childcare
from kiosk.door.childcare import ChildInfo
from ui.dialogs import app_dialog
from ui.dialogs.label_printing import print_labels
from ui.door_state import Change, DoorState
from ui.widgets.error_display import message_for, new_banner, set_banner
from ui.widgets.phrase_breaks import set_phrase_text
from ui.widgets.single_action import SingleAction


class ChildcareScreen(QWidget):
    def __init__(self, state: DoorState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Screen")
        self.state = state
        self.listed_children: list[ChildInfo] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(12)

        # Hand back: the code is the only key.
        card = QFrame(self)
        card.setProperty("role", "card")
        card_layout = QVBoxLayout(card)
        card_layout.setContentsMargins(18, 14, 18, 14)
        title = QLabel(self.tr("Hand a child back"), card)
        title.setProperty("role", "section")
        hint = QLabel(
            self.tr(
                "Ask the parent for her pickup code and type it. A child goes home only "
                "with the right code."
            ),
            card,
        )
        hint.setProperty("role", "hint")
        hint.setWordWrap(True)
        set_phrase_text(hint, hint.text())
        row = QHBoxLayout()
        self.code_entry = QLineEdit(card)
        self.code_entry.setProperty("role", "code-entry")
        self.code_entry.setPlaceholderText("000")
        self.code_entry.setAccessibleName(self.tr("Pickup code"))
        self.code_entry.setMaxLength(6)
        self.code_entry.setFixedWidth(220)
        self.code_entry.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.code_entry.setValidator(
            QRegularExpressionValidator(r"[0-9０-９ ]{0,6}", self.code_entry)
        )
        self.hand_back_button = QPushButton(self.tr("Hand back (Enter)"), card)
        self.hand_back_button.setProperty("role", "primary")
        self.hand_back_once = SingleAction(self)
        self.hand_back_once.on_return(self.code_entry, self.hand_back)
        self.hand_back_once.on_button(self.hand_back_button, self.hand_back)
        self.banner = new_banner(card)
        row.addWidget(self.code_entry)
        row.addWidget(self.hand_back_button)
        row.addStretch(1)
        card_layout.addWidget(title)
        card_layout.addWidget(hint)
        card_layout.addLayout(row)
        card_layout.addWidget(self.banner)
        layout.addWidget(card)

        # The list.
        list_card = QFrame(self)
        list_card.setProperty("role", "card")
        list_layout = QVBoxLayout(list_card)
        list_layout.setContentsMargins(18, 14, 18, 14)
        top = QHBoxLayout()
        self.summary = QLabel(list_card)
        self.summary.setProperty("role", "section")
        self.reprint_button = QPushButton(self.tr("Reprint label…"), list_card)
        self.reprint_button.setToolTip(
            self.tr("Prints the pickup label of the child selected in the list, for her parent.")
        )
        self.reprint_button.setAutoDefault(False)
        self.reprint_button.clicked.connect(self.reprint)
        top.addWidget(self.summary, 1)
        top.addWidget(self.reprint_button)
        list_layout.addLayout(top)
        self.table = QTableWidget(0, 5, list_card)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Check-in No."),
                self.tr("Age"),
                self.tr("Care note"),
                self.tr("Arrived"),
                self.tr("Status"),
            ]
        )
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setDefaultSectionSize(44)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        list_layout.addWidget(self.table, 1)
        layout.addWidget(list_card, 1)

        state.follow(self, Change.CARE | Change.VISITS | Change.DAY | Change.SETTINGS, self.refresh)
        self.refresh()

    def refresh(self) -> None:
        event = self.state.today_event
        self.listed_children = (
            childcare.children_of_event(self.state.ctx, event.id) if event else []
        )
        in_care = sum(1 for c in self.listed_children if c.in_care)
        self.summary.setText(
            self.tr("In care now: %1   ・   Today: %2")
            .replace("%1", str(in_care))
            .replace("%2", str(len(self.listed_children)))
        )
        enabled = event is not None and event.is_open
        self.code_entry.setEnabled(enabled)
        self.hand_back_button.setEnabled(enabled)
        lang = self.state.lang
        self.table.setRowCount(len(self.listed_children))
        for row, child in enumerate(self.listed_children):
            arrived = child.checked_in_at.astimezone().strftime("%H:%M")
            if child.in_care:
                status = self.tr("in care")
            else:
                back = (
                    child.handed_back_at.astimezone().strftime("%H:%M")
                    if child.handed_back_at
                    else ""
                )
                status = self.tr("picked up %1").replace("%1", back)
            cells = [
                str(child.visit_number),
                choices.label("child_age_band", child.age_band, lang),
                child.care_note or "",
                arrived,
                status,
            ]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if not child.in_care:
                    item.setForeground(QBrush(QColor("#70655e")))
                self.table.setItem(row, col, item)

    def hand_back(self) -> None:
        event = self.state.open_event
        if event is None:
            return
        try:
            child = childcare.hand_back(self.state.ctx, event.id, self.code_entry.text())
        except KioskError as exc:
            set_banner(self.banner, message_for(exc, self.state.lang), "error")
            self.code_entry.selectAll()
            self.code_entry.setFocus()
            return
        # Her number and age, not her code: the line stays up for the next person.
        set_banner(
            self.banner,
            self.tr("Handed back: the child of No. %1 (%2). See you next time!")
            .replace("%1", str(child.visit_number))
            .replace("%2", self._age(child)),
            "ok",
        )
        self.code_entry.clear()
        self.code_entry.setFocus()
        self.state.notify(Change.CARE)

    def _age(self, child: ChildInfo) -> str:
        return choices.label("child_age_band", child.age_band, self.state.lang)

    def reprint(self) -> None:
        """A lost label: printed again, with the same code, for the parent only."""
        row = self.table.currentRow()
        if row < 0 or row >= len(self.listed_children):
            set_banner(self.banner, self.tr("Select a child in the list first."), "info")
            return
        child = self.listed_children[row]
        if not child.in_care:
            set_banner(self.banner, self.tr("This child has already been picked up."), "info")
            return
        if not app_dialog.confirm(
            self,
            self.tr("Reprint a pickup label"),
            self.tr(
                "Print the pickup label of the child of No. %1 (%2) again?\n"
                "It shows her pickup code: give it to her parent only."
            )
            .replace("%1", str(child.visit_number))
            .replace("%2", self._age(child)),
            self.tr("Print"),
            self.tr("Go back"),
        ):
            return
        printed = print_labels(self, self.state, [child])
        if printed:
            set_banner(self.banner, printed, "ok")
