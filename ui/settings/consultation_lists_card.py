"""Settings → the consultation lists: add, rename or hide a category or an agency.

Labels change, codes never do, so past records keep counting under the same
entry; a hidden entry leaves the buttons but still counts in reports.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QWidget,
)

from kiosk.consultations import lists
from kiosk.consultations.lists import ListEntry
from kiosk.core.errors import KioskError
from ui.dialogs import app_dialog
from ui.door_state import Change, DoorState
from ui.widgets.card_frame import card_layout
from ui.widgets.choice_buttons import ChoiceButtons
from ui.widgets.error_display import message_for, new_banner, set_banner


class ConsultationListsCard(QFrame):
    def __init__(self, state: DoorState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.entries: tuple[ListEntry, ...] = ()
        layout = card_layout(self, self.tr("Consultation lists"))
        hint = QLabel(
            self.tr(
                "The buttons of the Consultations screen. A hidden entry leaves the "
                "buttons but its records still count."
            ),
            self,
        )
        hint.setProperty("role", "hint")
        hint.setWordWrap(True)
        layout.addWidget(hint)
        self.which = ChoiceButtons(
            [("category", self.tr("Categories")), ("agency", self.tr("Support agencies"))]
        )
        self.which.set_value("category")
        self.which.selection_changed.connect(lambda _code: self.refresh())
        layout.addWidget(self.which)
        self.banner = new_banner(self)
        layout.addWidget(self.banner)
        self.list = QListWidget(self)
        layout.addWidget(self.list, 1)
        buttons = QHBoxLayout()
        self.add_button = self._button(self.tr("Add…"), self.add)
        self.rename_button = self._button(self.tr("Rename…"), self.rename)
        self.hide_button = self._button(self.tr("Hide / show"), self.toggle_hidden)
        for button in (self.add_button, self.rename_button, self.hide_button):
            buttons.addWidget(button)
        layout.addLayout(buttons)
        state.follow(self, Change.CONSULTATIONS | Change.SETTINGS, self.refresh)
        self.refresh()

    def _button(self, text: str, slot: Callable[[], None]) -> QPushButton:
        button = QPushButton(text, self)
        button.setAutoDefault(False)
        button.clicked.connect(slot)
        return button

    def list_name(self) -> str:
        return self.which.value() or "category"

    def refresh(self) -> None:
        keep = self.list.currentRow()
        self.entries = lists.entries(self.state.ctx, self.list_name(), include_hidden=True)
        self.list.clear()
        for entry in self.entries:
            text = entry.label(self.state.lang)
            if not entry.shipped:
                text += "   " + self.tr("(added)")
            if entry.hidden:
                text += "   " + self.tr("(hidden)")
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, entry.code)
            if entry.hidden:
                item.setForeground(QBrush(QColor("#70655e")))
            self.list.addItem(item)
        if 0 <= keep < self.list.count():
            self.list.setCurrentRow(keep)

    def _selected(self) -> ListEntry | None:
        row = self.list.currentRow()
        if 0 <= row < len(self.entries):
            return self.entries[row]
        set_banner(self.banner, self.tr("Select an entry in the list first."), "info")
        return None

    def _run(self, action: Callable[[], object], done: str) -> None:
        try:
            action()
        except KioskError as exc:
            set_banner(self.banner, message_for(exc, self.state.lang), "error")
            return
        set_banner(self.banner, done, "ok")
        self.state.notify(Change.CONSULTATIONS)

    def add(self) -> None:
        name, lang = self.list_name(), self.state.lang
        label = app_dialog.ask_text(
            self,
            self.tr("Add an entry"),
            self.tr("Label (as it will show on the button)"),
            self.tr("Add it"),
            self.tr("Back"),
        )
        if label is not None:
            self._run(
                lambda: lists.add_entry(self.state.ctx, name, label, lang),
                self.tr("Added."),
            )

    def rename(self) -> None:
        chosen = self._selected()
        if chosen is None:
            return
        name, lang = self.list_name(), self.state.lang
        label = app_dialog.ask_text(
            self,
            self.tr("Rename"),
            self.tr("New label (records made under the old one keep counting here)"),
            self.tr("Change"),
            self.tr("Back"),
            value=chosen.label(lang),
        )
        if label is not None:
            self._run(
                lambda: lists.rename_entry(self.state.ctx, name, chosen.code, label, lang),
                self.tr("Renamed."),
            )

    def toggle_hidden(self) -> None:
        chosen = self._selected()
        if chosen is None:
            return
        self._run(
            lambda: lists.set_hidden(
                self.state.ctx, self.list_name(), chosen.code, not chosen.hidden
            ),
            self.tr("Shown again.") if chosen.hidden else self.tr("Hidden."),
        )
